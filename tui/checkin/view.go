package checkin

import (
	"strconv"
	"strings"

	"doithoai/store"
	"doithoai/tui/common"
)

// tallyMinWidth is the station width from which the tally gets its own
// column beside the list; below it, one compact line under the list.
const tallyMinWidth = 100

func (m *Model) tallyWidth() int {
	if m.w < tallyMinWidth {
		return 0
	}
	return min(48, max(34, m.w/3))
}

func (m *Model) listWidth() int {
	if tw := m.tallyWidth(); tw > 0 {
		return m.w - tw - 1
	}
	return m.w
}

// View draws the search field, the hits, the notice and the tally. It
// costs O(visible rows): nothing here walks the delegate list. Every line
// is built to its exact width, so nothing is measured twice.
func (m *Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.form != nil {
		return common.Fit(m.form.form.View(), m.w, m.h)
	}
	if m.apology != nil {
		return common.Fit(m.apology.form.View(), m.w, m.h)
	}
	lw, tw, h := m.listWidth(), m.tallyWidth(), m.h
	var bottom []string
	if says, keys := m.apologyLines(); says != "" && m.confirm == nil {
		bottom = append(bottom, line(m.pal.warn, " "+says, lw))
		if keys != "" {
			bottom = append(bottom, line(m.pal.key, " "+keys, lw))
		}
	}
	if m.confirm != nil {
		bottom = append(bottom, m.confirmLines(lw)...)
	} else {
		bottom = append(bottom, m.noticeLine(lw))
	}
	if tw == 0 {
		bottom = append(bottom, m.tallyLine(lw))
	}
	rows := max(0, h-len(bottom))
	left := m.listLines(lw, max(1, rows))
	if len(left) > rows {
		left = left[:rows]
	}
	// the notice and the tally stay at the bottom, where the eye expects them
	for len(left) < rows {
		left = append(left, spaces(lw))
	}
	left = append(left, bottom...)
	left = left[:min(len(left), h)]
	if tw == 0 {
		return strings.Join(left, "\n")
	}
	right := m.tallyLines(tw, h)
	bar := m.pal.subtle.wrap("│")
	var b strings.Builder
	b.Grow(h * (m.w + 32))
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(left) {
			b.WriteString(left[i])
		} else {
			b.WriteString(spaces(lw))
		}
		b.WriteString(bar)
		if i < len(right) {
			b.WriteString(right[i])
		} else {
			b.WriteString(spaces(tw))
		}
	}
	return b.String()
}

// columns are the widths of a result row for list width w.
type columns struct{ name, title, unit, group, status int }

func cols(w int) columns {
	// the unit tells namesakes apart: it gets the most of what is left
	c := columns{status: 12}
	c.name = min(30, max(16, w*28/100))
	rest := max(3, w-2-c.name-c.status-4)
	c.unit = rest * 45 / 100
	c.title = rest * 30 / 100
	c.group = rest - c.unit - c.title
	return c
}

// line is plain text as one styled line of exactly w columns.
func line(s seq, text string, w int) string { return s.wrap(cell(text, w)) }

func (m *Model) listLines(w, h int) []string {
	t, p := m.c.T, m.pal
	lines := []string{common.Pad(m.picker.Input.View(), w)}
	if m.snap == nil {
		if m.loadErr != nil {
			return append(lines, line(p.err, m.c.ErrText(m.loadErr), w))
		}
		return append(lines, line(p.subtle, t.T("checkin.loading"), w))
	}
	c := cols(w)
	header := "  " + cell(t.T("checkin.col.name"), c.name) + " " + cell(t.T("checkin.col.title"), c.title) + " " +
		cell(t.T("checkin.col.unit"), c.unit) + " " + cell(t.T("checkin.col.group"), c.group) + " " + t.T("checkin.col.status")
	rows := h - 2
	if m.picker.Query() == "" {
		lines = append(lines, line(p.subtle, t.T("checkin.hint"), w))
		if len(m.snap.recent) == 0 {
			return append(lines, spaces(w), line(p.subtle, t.T("checkin.none_yet"), w))
		}
		lines = append(lines, line(p.bold, t.T("checkin.recent"), w), line(p.subtle, header, w))
		for i := 0; i < len(m.snap.recent) && i < rows-2; i++ {
			lines = append(lines, m.row(m.snap.ds[m.snap.recent[i]], c, w, false, false))
		}
		return lines
	}
	lines = append(lines, line(p.subtle, header, w))
	hits := m.picker.Hits()
	if len(hits) == 0 {
		return append(lines, line(p.warn, t.F("checkin.no_hits", m.picker.Query()), w))
	}
	// keep the highlight in view: the window scrolls with the cursor
	cur := m.picker.Cursor()
	first := 0
	if cur >= rows {
		first = cur - rows + 1
	}
	for i := first; i < len(hits) && i < first+rows; i++ {
		if i == first+rows-1 && i < len(hits)-1 && cur < i {
			more := t.F("checkin.more", len(hits)-i)
			if len(hits) == m.picker.Limit {
				more = t.T("checkin.many")
			}
			lines = append(lines, line(p.subtle, more, w))
			break
		}
		d, _ := m.delegate(hits[i].ID)
		lines = append(lines, m.row(d, c, w, i == cur, m.picker.Tied(i) || (m.choosing && hits[i].Score == hits[0].Score)))
	}
	return lines
}

// row draws one delegate in exactly w columns. Tied rows (namesakes, or
// equal matches after a refused Enter) carry a marker and their unit in
// colour, since the unit is what tells them apart.
func (m *Model) row(d store.Delegate, c columns, w int, selected, tied bool) string {
	t, p := m.c.T, m.pal
	mark := "  "
	switch {
	case selected:
		mark = "› "
	case tied:
		mark = "= "
	}
	status := m.arrivalText(d)
	_, apologised := m.apologyOf(d.ID)
	apologised = apologised && !d.Arrived()
	if apologised {
		status = t.T("apology.desk.status")
	}
	// a walk-in is marked in an empty column, so the title a narrow
	// screen has room for is not pushed out by the mark
	title, grp := d.Title, d.GroupName
	if _, ok := m.replaced(d.ID); ok {
		// she has the group of the one she replaces: the mark says more
		grp = t.T("apology.desk.mark")
	} else if d.WalkIn {
		switch mk := t.T("checkin.walkin.mark"); {
		case grp == "":
			grp = mk
		case title == "":
			title = mk
		}
	}
	name, ttl, unit, group := cell(d.FullName, c.name), cell(title, c.title), cell(d.UnitName, c.unit), cell(grp, c.group)
	status = cell(status, w-2-c.name-c.title-c.unit-c.group-4)
	if selected {
		return p.selected.wrap(mark + name + " " + ttl + " " + unit + " " + group + " " + status)
	}
	if tied {
		unit = p.warn.wrap(unit)
	}
	st := p.subtle
	switch {
	case d.Arrived():
		st = p.ok
	case apologised:
		st = p.warn
	}
	return mark + name + " " + p.subtle.wrap(ttl) + " " + unit + " " + p.subtle.wrap(group) + " " + st.wrap(status)
}

// noticeLine is the last action's outcome, coloured by level. A red
// notice carries the terminal bell: the renderer writes a line only when it
// changes, so the bell rings once per notice (seq varies the line).
func (m *Model) noticeLine(w int) string {
	n, p := m.notice, m.pal
	text := " " + n.text
	switch n.lvl {
	case lvlOK:
		return line(p.okBanner, text, w)
	case lvlWarn:
		return line(p.warnBanner, text, w)
	case lvlBad:
		return bell(n.seq) + line(p.errBanner, text, w)
	case lvlInfo:
		return line(p.subtle, text, w)
	}
	return spaces(w)
}

// bell is BEL, followed on odd notices by an empty SGR sequence so that two
// identical red notices in a row still differ and both ring.
func bell(seq int) string {
	if seq%2 == 1 {
		return "\a\x1b[m"
	}
	return "\a"
}

// arrivalText is "not yet" or "here 07:42".
func (m *Model) arrivalText(d store.Delegate) string {
	if d.Arrived() {
		return m.c.T.F("checkin.status.here", m.clockText(d.ArrivedAt))
	}
	return m.c.T.T("checkin.status.absent")
}

func (m *Model) confirmLines(w int) []string {
	t, p := m.c.T, m.pal
	d := m.confirm.d
	if m.confirm.walkIn != nil {
		if n := len(m.confirm.onList); n > 1 {
			var who []string
			for _, o := range m.confirm.onList {
				who = append(who, unitText(o)+" "+m.arrivalText(o))
			}
			q := t.F("checkin.confirm.on_list_many", n, d.FullName, strings.Join(who, "; "))
			return []string{line(p.warnBanner, " "+q, w), line(p.key, " "+t.T("checkin.confirm.on_list_many_keys"), w)}
		}
		q := t.F("checkin.confirm.on_list", d.FullName, unitText(d), d.Code, m.arrivalText(d))
		return []string{line(p.warnBanner, " "+q, w), line(p.key, " "+t.T("checkin.confirm.on_list_keys"), w)}
	}
	at := ""
	if d.Arrived() {
		at = m.clockText(d.ArrivedAt)
	}
	who := nameUnit(d)
	if r, ok := m.replaced(d.ID); ok {
		who = t.F("apology.desk.confirm_for", d.FullName, r.FullName)
	}
	q := t.F("checkin.confirm.undo", who, at)
	return []string{line(p.warnBanner, " "+q, w), line(p.key, " "+t.T("checkin.confirm.keys"), w)}
}

// ratio is arrived against the quota (what the moderator is asked about)
// or, without one, against the invited; with neither (a group only
// walk-ins joined) just the arrived.
func ratio(t store.Tally) string {
	n := t.Expected
	if t.Quota > 0 {
		n = t.Quota
	}
	if n == 0 {
		return strconv.Itoa(t.Arrived)
	}
	return strconv.Itoa(t.Arrived) + " / " + strconv.Itoa(n)
}

func (m *Model) totalText() string {
	t, tot := m.c.T, m.snap.total
	s := t.F("checkin.tally.line", tot.Arrived, tot.Expected)
	if tot.WalkIns > 0 {
		s += " · " + t.F("checkin.tally.walkins", tot.WalkIns)
	}
	return s
}

// absenceText is "dự thay 1 · báo vắng 3", or "" without apologies.
func (m *Model) absenceText() string {
	t, tot := m.c.T, m.snap.total
	var parts []string
	if tot.Substitutes > 0 {
		parts = append(parts, t.F("apology.tally.substitutes", tot.Substitutes))
	}
	if tot.Apologised > 0 {
		parts = append(parts, t.F("apology.tally.apologised", tot.Apologised))
	}
	return strings.Join(parts, " · ")
}

// tallyLine is the compact tally for narrow screens: the total, then the
// groups, those with a quota first (what the moderator asks about).
func (m *Model) tallyLine(w int) string {
	if m.snap == nil {
		return spaces(w)
	}
	total := m.totalText()
	var b strings.Builder
	b.WriteString(total)
	// apologies next to the total: the live count separates the absent
	// with apology from those not here, and it must not be cut off at 80
	if a := m.absenceText(); a != "" {
		b.WriteString(" · " + a)
	}
	for _, withQuota := range []bool{true, false} {
		for _, g := range m.snap.groups {
			if (g.Quota > 0) != withQuota || g.Expected == 0 && g.Arrived == 0 && g.Quota == 0 {
				continue
			}
			b.WriteString(" │ " + g.Name + " " + ratio(g))
		}
	}
	l := cell(b.String(), w)
	if strings.HasPrefix(l, total) {
		return m.pal.bold.wrap(total) + l[len(total):]
	}
	return l
}

// tallyLines is the tally column: total, groups against quotas, units;
// each line exactly w columns.
func (m *Model) tallyLines(w, h int) []string {
	if m.snap == nil {
		return nil
	}
	t, p := m.c.T, m.pal
	tally := func(name string, tl store.Tally) string {
		r := ratio(tl)
		l := " " + cell(name, w-len(r)-2) + " " + r
		if tl.Expected > 0 && tl.Arrived >= tl.Expected || tl.Quota > 0 && tl.Arrived >= tl.Quota {
			return p.ok.wrap(l)
		}
		return l
	}
	// the absent with apologies under the total, on a line of their own
	// (the column is too narrow for both)
	out := []string{line(p.title, " "+m.totalText(), w), line(p.warn, " "+m.absenceText(), w), line(p.bold, " "+t.T("checkin.tally.groups"), w)}
	for _, g := range m.snap.groups {
		if g.Expected == 0 && g.Arrived == 0 && g.Quota == 0 {
			continue
		}
		out = append(out, tally(g.Name, g))
	}
	out = append(out, spaces(w), line(p.bold, " "+t.T("checkin.tally.units"), w))
	room := h - len(out)
	for i, u := range m.snap.units {
		if i == room-1 && len(m.snap.units) > room {
			out = append(out, line(p.subtle, " "+t.F("checkin.tally.more", len(m.snap.units)-i), w))
			break
		}
		out = append(out, tally(u.Name, u))
	}
	return out
}
