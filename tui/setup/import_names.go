package setup

import (
	"fmt"
	"strings"

	"doithoai/store"
)

// The import preview points out what the import corrects in names: the
// names in capitals and the choice made for the whole file (c changes
// it), look-alike letters, accents joined.

// capitalsLine is the choice for the names typed in capitals, or "".
func (m *Model) capitalsLine(r *store.ImportReport) string {
	switch {
	case r.Capitals == 0:
		return ""
	case r.KeepCase:
		return m.c.T.F("names.caps.kept", r.Capitals)
	}
	return m.c.T.F("names.caps.proper", r.Capitals)
}

// fixLines are the corrections, one line each, before the rows.
func (m *Model) fixLines(r *store.ImportReport) []string {
	t := m.c.T
	var out, joined []string
	for _, f := range r.Fixes {
		row := t.F("setup.import.row", f.Row)
		switch f.Kind {
		case store.FixCase:
			out = append(out, fmt.Sprintf("  %s: %s → %s", row, f.From, f.To))
		case store.FixLookalike:
			out = append(out, "  "+row+", "+f.Column+": "+t.F("names.fix.lookalike", f.From, f.To, f.Letters))
		case store.FixAccents:
			joined = append(joined, fmt.Sprint(f.Row))
		}
	}
	if len(joined) > 0 {
		out = append(out, "  "+t.F("names.fix.accents", strings.Join(joined, ", ")))
	}
	return out
}
