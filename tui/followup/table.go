package followup

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"doithoai/store"
	"doithoai/tui/common"
)

// tableSort orders the per-agency table.
type tableSort int

const (
	sortWorst    tableSort = iota // lowest on-time rate first, then most overdue
	sortOverdue                   // most still overdue first
	sortProtocol                  // the units' protocol order
	sortCount
)

func (m *Model) sortTable() {
	key := func(a store.AgencySummary) (float64, bool) { return a.Rate() }
	switch m.sortBy {
	case sortWorst:
		slices.SortStableFunc(m.sums, func(a, b store.AgencySummary) int {
			ra, oka := key(a)
			rb, okb := key(b)
			if oka != okb { // nothing due yet: last
				return cmp.Compare(boolInt(!oka), boolInt(!okb))
			}
			return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(b.Overdue, a.Overdue), cmp.Compare(b.Owed, a.Owed))
		})
	case sortOverdue:
		slices.SortStableFunc(m.sums, func(a, b store.AgencySummary) int {
			return cmp.Or(cmp.Compare(b.Overdue, a.Overdue), cmp.Compare(b.Late, a.Late), cmp.Compare(b.Owed, a.Owed))
		})
	}
	// sortProtocol: SummarizeByAgency's own order
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (m *Model) tableKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case m.move(msg, &m.tcursor, len(m.sums), m.h-4):
	case key.Matches(msg, k.Table):
		m.mode = modeList
	case key.Matches(msg, k.Sort):
		if m.reg != nil {
			m.sortBy = (m.sortBy + 1) % sortCount
			m.refilter()
		}
	case key.Matches(msg, k.Open):
		// the agency's obligations in the register
		if m.tcursor >= 0 && m.tcursor < len(m.sums) {
			a := m.sums[m.tcursor].Agency
			if a == "" {
				a = noAgency
			}
			m.f.agency, m.mode = a, modeList
			m.refilter()
		}
	case key.Matches(msg, k.Agency), key.Matches(msg, k.Topic), key.Matches(msg, k.Status), key.Matches(msg, k.Clear):
		return m.listKey(msg) // the table sums what the filter selects
	}
	m.clamp()
	return nil
}

// tableView is the per-agency table: owed, answered on time and late,
// still overdue, not yet due, and the on-time rate, with the total.
func (m *Model) tableView() string {
	s, t := m.c.Styles, m.c.T
	const col = 8
	nameW := min(max(m.w-6*(col+1)-2, 12), 60)
	num := func(n int) string { return fmt.Sprintf(" %*d", col, n) }
	head := func(k string) string { return fmt.Sprintf(" %*s", col, common.Trunc(t.T(k), col)) }
	row := func(mark, name string, a store.AgencySummary) string {
		rate := fmt.Sprintf(" %*s", col, "—")
		if r, ok := a.Rate(); ok {
			rate = fmt.Sprintf(" %*s", col, strconv.Itoa(int(r*100+0.5))+" %")
		}
		return mark + common.Pad(name, nameW) + num(a.Owed) + num(a.OnTime) + num(a.Late) + num(a.Overdue) + num(a.Open) + rate
	}
	lines := []string{
		s.Title.Render(common.Trunc(t.T("followup.table.title")+" · "+t.T(fmt.Sprintf("followup.sort.%d", m.sortBy)), m.w)),
		m.filterLine(),
		s.Bold.Render(common.Trunc("  "+common.Pad(t.T("followup.col.agency"), nameW)+head("followup.tcol.owed")+head("followup.tcol.on_time")+
			head("followup.tcol.late")+head("followup.tcol.overdue")+head("followup.tcol.open")+head("followup.tcol.rate"), m.w)),
	}
	if m.reg == nil {
		return strings.Join(append(lines, s.Subtle.Render(t.T("ui.loading"))), "\n")
	}
	rows := max(m.h-len(lines)-1, 1)
	off := max(0, m.tcursor-rows+1)
	for i := off; i < len(m.sums) && i < off+rows; i++ {
		a := m.sums[i]
		name := a.Agency
		if name == "" {
			name = t.T("followup.agency.none")
		}
		if nameW < 30 && m.short[a.AgencyID] != "" {
			name = m.short[a.AgencyID]
		}
		switch {
		case i == m.tcursor:
			lines = append(lines, s.Selected.Render(common.Pad(row("› ", name, a), m.w)))
		case a.Overdue > 0:
			lines = append(lines, s.Err.Render(common.Trunc(row("  ", name, a), m.w)))
		default:
			lines = append(lines, common.Trunc(row("  ", name, a), m.w))
		}
	}
	lines = append(lines, s.Bold.Render(common.Trunc(row("  ", t.T("followup.table.total"), m.total), m.w)))
	// the letters and reports are written by the reports station
	if hint := strings.Split(ansi.Wrap(t.T("followup.table.docs"), m.w, ""), "\n"); len(lines)+1+len(hint) <= m.h {
		lines = append(lines, "")
		for _, l := range hint {
			lines = append(lines, s.Subtle.Render(l))
		}
	}
	return strings.Join(lines, "\n")
}
