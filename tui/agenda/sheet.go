package agenda

import (
	"strings"

	"doithoai/store"
	"doithoai/tui/common"
)

// column of the run-sheet. Columns are dropped, lowest keep first, until
// the rest fit; flexible ones share what is left.
type column struct {
	head  string // catalog key
	width int    // fixed width, or minimum when flex > 0
	flex  int    // share of the spare width
	keep  int    // higher stays longer
	cell  func(i int, a store.AgendaItem) string
}

func (m *Model) columns() []column {
	t, p := m.c.T, m.plan
	state := func(i int, a store.AgendaItem) string {
		return t.T("agenda.state." + stateName(p.State[i]))
	}
	return []column{
		{head: "agenda.col.pos", width: 2, keep: 100, cell: func(_ int, a store.AgendaItem) string { return itoa(a.Position) }},
		{head: "agenda.col.mark", width: 1, keep: 99, cell: func(i int, _ store.AgendaItem) string { return stateMark(p.State[i]) }},
		{head: "agenda.col.kind", width: 12, keep: 20, cell: func(_ int, a store.AgendaItem) string { return t.T("agenda.kind." + string(a.Kind)) }},
		{head: "agenda.col.title", width: 30, flex: 3, keep: 98, cell: func(_ int, a store.AgendaItem) string { return a.Title }},
		{head: "agenda.col.presenter", width: 14, flex: 2, keep: 10, cell: func(_ int, a store.AgendaItem) string { return a.Presenter }},
		{head: "agenda.col.planned", width: 5, keep: 90, cell: func(i int, _ store.AgendaItem) string { return m.hm(p.PlannedStart[i]) }},
		{head: "agenda.col.minutes", width: 4, keep: 80, cell: func(_ int, a store.AgendaItem) string { return itoa(a.PlannedMinutes) + "'" }},
		{head: "agenda.col.start", width: 5, keep: 70, cell: func(_ int, a store.AgendaItem) string { return m.hm(a.StartedAt) }},
		{head: "agenda.col.end", width: 5, keep: 60, cell: func(_ int, a store.AgendaItem) string { return m.hm(a.EndedAt) }},
		{head: "agenda.col.state", width: 11, keep: 5, cell: state},
	}
}

func stateName(s store.ItemState) string {
	switch s {
	case store.StateNext:
		return "next"
	case store.StateCurrent:
		return "current"
	case store.StateDone:
		return "done"
	case store.StateSkipped:
		return "skipped"
	}
	return "pending"
}

func stateMark(s store.ItemState) string {
	switch s {
	case store.StateNext:
		return "»"
	case store.StateCurrent:
		return "▶"
	case store.StateDone:
		return "✓"
	case store.StateSkipped:
		return "×"
	}
	return " "
}

// layout picks the columns that fit in w and their widths.
func layout(cols []column, w int) ([]column, []int) {
	need := func(cs []column) int {
		n := len(cs) - 1 // one space between columns
		for _, c := range cs {
			n += c.width
		}
		return n
	}
	for need(cols) > w && len(cols) > 1 {
		lo := 0
		for i, c := range cols {
			if c.keep < cols[lo].keep {
				lo = i
			}
		}
		cols = append(cols[:lo:lo], cols[lo+1:]...)
	}
	widths := make([]int, len(cols))
	spare, flex := max(0, w-need(cols)), 0
	for i, c := range cols {
		widths[i] = c.width
		flex += c.flex
	}
	if flex > 0 {
		left := spare
		for i, c := range cols {
			if c.flex > 0 {
				add := spare * c.flex / flex
				widths[i] += add
				left -= add
			}
		}
		for i, c := range cols { // rounding remainder to the first flexible column
			if c.flex > 0 {
				widths[i] += left
				break
			}
		}
	}
	return cols, widths
}

// sheetView draws the header and the rows around the cursor: O(h).
func (m *Model) sheetView(w, h int) string {
	s := m.c.Styles
	items := m.snap.items
	if len(items) == 0 {
		return s.Subtle.Render(common.Trunc(m.c.T.T("agenda.sheet.empty"), w))
	}
	cols, widths := layout(m.columns(), w)
	line := func(cell func(j int, c column) string) string {
		var b strings.Builder
		for j, c := range cols {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(common.Pad(cell(j, c), widths[j]))
		}
		return common.Pad(b.String(), w)
	}
	var b strings.Builder
	b.WriteString(s.Bold.Render(line(func(_ int, c column) string { return m.c.T.T(c.head) })))
	rows := h - 1
	off := 0
	if m.cursor >= rows {
		off = m.cursor - rows + 1
	}
	for i := off; i < len(items) && i < off+rows; i++ {
		a := items[i]
		l := line(func(_ int, c column) string { return c.cell(i, a) })
		st := s.Normal
		switch m.plan.State[i] {
		case store.StateCurrent:
			st = s.Current
		case store.StateDone, store.StateSkipped:
			st = s.Done
		}
		if i == m.cursor {
			st = s.Selected
		}
		b.WriteString("\n" + st.Render(l))
	}
	return b.String()
}
