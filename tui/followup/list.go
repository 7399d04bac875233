package followup

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"doithoai/store"
	"doithoai/tui/common"
)

func (m *Model) listKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case m.move(msg, &m.cursor, len(m.rows), m.listHeight()):
	case key.Matches(msg, k.Table):
		m.mode = modeTable
		return nil
	case key.Matches(msg, k.Search):
		m.searching = true
		m.search.SetValue(m.f.text)
		m.search.CursorEnd()
		return m.search.Focus()
	case key.Matches(msg, k.Agency):
		m.chooseAgency()
	case key.Matches(msg, k.Topic):
		m.chooseTopic()
	case key.Matches(msg, k.Status):
		m.chooseStatus()
	case key.Matches(msg, k.Clear):
		if m.f.active() {
			m.f = filter{}
			m.search.SetValue("")
			m.refilter()
		}
		return nil
	}
	m.clamp()
	o, ok := m.selected()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(msg, k.Open):
		return m.openDetail(o)
	case key.Matches(msg, k.Receipt):
		return m.openReceipt(o)
	case key.Matches(msg, k.Extend):
		return m.openExtend(o)
	}
	return nil
}

// move applies an arrow, page or home/end key to cursor over n rows
// shown page at a time, and says whether msg was one (clamp follows).
func (m *Model) move(msg tea.KeyMsg, cursor *int, n, page int) bool {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		*cursor--
	case key.Matches(msg, k.Down):
		*cursor++
	case key.Matches(msg, k.PgUp):
		*cursor -= page
	case key.Matches(msg, k.PgDown):
		*cursor += page
	case key.Matches(msg, k.Top):
		*cursor = 0
	case key.Matches(msg, k.Bottom):
		*cursor = n - 1
	default:
		return false
	}
	return true
}

// searchKey edits the search: the list follows each keystroke; Enter or
// an arrow leaves the field with the search kept, Esc empties it.
func (m *Model) searchKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.search.SetValue("")
		m.searching = false
		m.search.Blur()
	case key.Matches(msg, k.Done), msg.Type == tea.KeyUp, msg.Type == tea.KeyDown:
		m.searching = false
		m.search.Blur()
	default:
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		if m.search.Value() != m.f.text {
			m.f.text = m.search.Value()
			m.refilter()
		}
		return cmd
	}
	if m.search.Value() != m.f.text {
		m.f.text = m.search.Value()
		m.refilter()
	}
	return nil
}

// listView is the register: a line of counts, the filter, the column
// heads and the visible rows (O(visible rows)).
func (m *Model) listView() string {
	s, t := m.c.Styles, m.c.T
	var b strings.Builder
	b.WriteString(common.Trunc(m.countsLine(), m.w) + "\n")
	b.WriteString(m.filterLine() + "\n")
	cols := m.columns()
	b.WriteString(s.Bold.Render(common.Trunc(cols.head(t), m.w)) + "\n")
	vis := m.listHeight()
	switch {
	case m.reg == nil && m.loadErr == nil:
		b.WriteString(s.Subtle.Render(t.T("ui.loading")))
	case len(m.rows) == 0 && m.f.active():
		b.WriteString(s.Subtle.Render(common.Trunc(t.T("followup.list.no_match"), m.w)))
	case len(m.rows) == 0 && !m.reg.Ran:
		b.WriteString(s.Subtle.Width(m.w).Render(t.T("followup.list.not_held")))
	case len(m.rows) == 0:
		b.WriteString(s.Subtle.Width(m.w).Render(t.T("followup.list.empty")))
	}
	end := min(m.offset+vis, len(m.rows))
	for i := m.offset; i < end; i++ {
		o := m.rows[i]
		b.WriteString(cols.row(m, o, i == m.cursor))
		if i < end-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// countsLine sums the whole register: "16 việc · 13 quá hạn · … ·
// 1 đã trả lời (1 trễ)", in shorter words when that does not fit, and
// today's date when there is room.
func (m *Model) countsLine() string {
	s, t := m.c.Styles, m.c.T
	if m.reg == nil {
		return s.Title.Render(t.T("followup.title"))
	}
	line := m.countText(t.T("followup.count"))
	if lipgloss.Width(line) > m.w {
		line = m.countText(t.T("followup.count.short"))
	}
	if today := " · " + t.F("followup.today", date(m.reg.Today)); lipgloss.Width(line+today) <= m.w {
		line += s.Subtle.Render(today)
	}
	return line
}

// countText writes the counts with the words of a catalog entry:
// "%d quá hạn|%d sắp đến hạn|…" in the order of store.StatusKinds, then
// answered with late, forwarded, carried.
func (m *Model) countText(words string) string {
	s, t := m.c.Styles, m.c.T
	w := strings.Split(words, "|")
	if len(w) < 7 {
		return words
	}
	parts := []string{s.Title.Render(t.F("followup.count.all", len(m.reg.Obligations)))}
	add := func(n int, format string, st lipgloss.Style, args ...any) {
		if n > 0 {
			parts = append(parts, st.Render(fmt.Sprintf(format, append([]any{n}, args...)...)))
		}
	}
	add(m.counts[store.StatusOverdue], w[0], s.Err)
	add(m.counts[store.StatusDueSoon], w[1], s.Warn)
	add(m.counts[store.StatusNotDue], w[2], s.Normal)
	if m.lateN > 0 {
		add(m.counts[store.StatusAnswered], w[4], s.OK, m.lateN)
	} else {
		add(m.counts[store.StatusAnswered], w[3], s.OK)
	}
	add(m.counts[store.StatusForwarded], w[5], s.Subtle)
	add(m.carriedN, w[6], s.Subtle)
	return strings.Join(parts, " · ")
}

// filterLine shows the search field, the filters in force, or the keys
// that set them; a status or error replaces the hint.
func (m *Model) filterLine() string {
	s, t := m.c.Styles, m.c.T
	if m.searching {
		return m.search.View()
	}
	switch {
	case m.status != "" && m.statusErr:
		return s.Err.Render(common.Trunc(m.status, m.w))
	case m.status != "":
		return s.OK.Render(common.Trunc(m.status, m.w))
	case m.loadErr != nil:
		return s.Err.Render(common.Trunc(m.c.ErrText(m.loadErr), m.w))
	}
	if !m.f.active() {
		return s.Subtle.Render(common.Trunc(t.T("followup.filter.hint"), m.w))
	}
	var parts []string
	if m.f.agency != "" {
		parts = append(parts, t.F("followup.filter.agency", m.agencyLabel(m.f.agency)))
	}
	if m.f.topic != "" {
		parts = append(parts, t.F("followup.filter.topic", m.f.topic))
	}
	if m.f.status != stAll {
		parts = append(parts, t.F("followup.filter.status", t.T("followup.sf."+string(m.f.status))))
	}
	if m.f.text != "" {
		parts = append(parts, t.F("followup.filter.text", m.f.text))
	}
	n := 0
	if m.reg != nil {
		n = len(m.reg.Obligations)
	}
	line := t.F("followup.filter.shown", len(m.rows), n) + " " + strings.Join(parts, " · ")
	return s.Warn.Render(common.Trunc(line, m.w))
}

func (m *Model) agencyLabel(name string) string {
	if name == noAgency {
		return m.c.T.T("followup.agency.none")
	}
	return name
}

// columns lays out the list for the width: reference, agency, the text
// (with the topic and asker when wide), due date and status.
type columns struct {
	w, ref, agency, text, topic, asker, due, status int
	paints                                          [paintCount]painter
}

func (m *Model) columns() columns {
	c := columns{w: m.w, ref: 6, agency: 12, due: 10, status: 24}
	if m.w >= 120 { // room for "quá hạn 12 ngày · từ kỳ trước"
		c.status = 30
	}
	for i, st := range statusStyles(m.c.Styles) {
		c.paints[i] = paint(st)
	}
	if m.w >= 140 {
		c.agency, c.topic, c.asker = max(24, m.w/6), 22, 22
	}
	fixed := c.ref + c.agency + c.due + c.status + 5
	if c.topic > 0 {
		fixed += c.topic + c.asker + 2
	}
	c.text = max(m.w-fixed, 8)
	return c
}

// used is the width of a row before its status.
func (c columns) used() int {
	n := 1 + c.ref + c.agency + 1 + c.text + 1 + c.due + 1
	if c.topic > 0 {
		n += c.topic + 1 + c.asker + 1
	}
	return n
}

func (c columns) head(t interface{ T(string) string }) string {
	line := common.Pad(" "+t.T("followup.col.ref"), c.ref+1) + common.Pad(t.T("followup.col.agency"), c.agency) + " "
	if c.topic > 0 {
		line += common.Pad(t.T("followup.col.topic"), c.topic) + " " + common.Pad(t.T("followup.col.asker"), c.asker) + " "
	}
	return line + common.Pad(t.T("followup.col.text"), c.text) + " " + common.Pad(t.T("followup.col.due"), c.due) + " " + t.T("followup.col.status")
}

func (c columns) row(m *Model, o store.Obligation, sel bool) string {
	s, t := m.c.Styles, m.c.T
	agency := m.short[o.AgencyID]
	if agency == "" {
		agency = o.Agency
	}
	if c.agency >= 20 && o.Agency != "" {
		agency = o.Agency
	}
	if agency == "" {
		agency = "—"
	}
	text := o.Text
	mark := " "
	switch {
	case sel:
		mark = "›"
	case o.Drift != nil:
		mark = "!"
	}
	line := mark + common.Pad(ref(t, o), c.ref) + common.Pad(agency, c.agency) + " "
	if c.topic > 0 {
		line += common.Pad(o.Topic, c.topic) + " " + common.Pad(o.Asker, c.asker) + " "
	}
	line += common.Pad(oneLine(text, c.text), c.text) + " " + common.Pad(date(o.Due), c.due) + " "
	st := statusText(t, o.Status)
	// a carried item says so where there is room (its reference, KT…, always)
	if long := st + " · " + t.T("followup.carried"); o.Carried && lipgloss.Width(long) <= c.w-c.used() {
		st = long
	}
	st = common.Trunc(st, max(c.w-c.used(), 0))
	if sel {
		return s.Selected.Render(common.Pad(line+st, c.w))
	}
	return line + c.paints[paintOf(o.Status)].on(st)
}

// oneLine folds a text's line breaks into spaces for a list row of w
// columns, reading no more of a long text than the row can show (one
// rune more, so the cut is marked).
func oneLine(s string, w int) string {
	n := 0
	for i := range s {
		if n > w {
			s = s[:i]
			break
		}
		n++
	}
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// painter colours text as a style would, with the style rendered once: a
// list of 60 rows would otherwise render a style per row (the styles here
// only colour and embolden, which wrap the text in one sequence).
type painter struct{ pre, post string }

func paint(st lipgloss.Style) painter {
	pre, post, _ := strings.Cut(st.Render("X"), "X")
	return painter{pre, post}
}

func (p painter) on(s string) string { return p.pre + s + p.post }
