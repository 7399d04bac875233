package checkin

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"doithoai/tui/common"
	"doithoai/tui/styles"
)

// seq is a style reduced to its opening and closing escape sequences,
// computed once: wrapping a cell is then two concatenations instead of a
// lipgloss Render, which keeps View within budget on big screens.
type seq struct{ open, close string }

func seqOf(st lipgloss.Style) seq {
	r := st.Render("X")
	i := strings.Index(r, "X")
	if i < 0 {
		return seq{}
	}
	return seq{r[:i], r[i+1:]}
}

func (s seq) wrap(text string) string {
	if s.open == "" && s.close == "" {
		return text
	}
	return s.open + text + s.close
}

// palette is the desk's styles as sequences.
type palette struct {
	subtle, ok, warn, err, bold, title, selected, key, okBanner, warnBanner, errBanner seq
}

func newPalette(s *styles.Styles) palette {
	return palette{subtle: seqOf(s.Subtle), ok: seqOf(s.OK), warn: seqOf(s.Warn), err: seqOf(s.Err), bold: seqOf(s.Bold),
		title: seqOf(s.Title), selected: seqOf(s.Selected), key: seqOf(s.Key),
		okBanner: seqOf(s.OKBanner), warnBanner: seqOf(s.WarnBanner), errBanner: seqOf(s.ErrBanner)}
}

const blanks = "                                                                                                                                "

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// narrow reports a rune that is one column wide for sure: Latin (with
// all precomposed Vietnamese letters) and the few symbols the desk draws.
// Names are stored NFC, so the fast path is the usual one.
func narrow(r rune) bool {
	return r >= 0x20 && r < 0x7f || r >= 0xa0 && r < 0x300 || r >= 0x1e00 && r <= 0x1eff || r == '…' || r == '│' || r == '›' || r == '«' || r == '»' || r == '—'
}

// cell cuts (with an ellipsis) or pads plain text s to exactly w columns.
func cell(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := 0
	for _, r := range s {
		if !narrow(r) {
			return common.Pad(s, w)
		}
		n++
	}
	switch {
	case n == w:
		return s
	case n < w:
		return s + spaces(w-n)
	}
	k := 0
	for i := range s {
		if k == w-1 {
			return s[:i] + "…"
		}
		k++
	}
	return s
}
