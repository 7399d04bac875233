package checkin

import (
	"fmt"
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
// costs O(visible rows): nothing here walks the delegate list.
func (m *Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.form != nil {
		return common.Fit(m.form.form.View(), m.w, m.h)
	}
	lw, tw := m.listWidth(), m.tallyWidth()
	h := m.h
	var bottom []string
	if m.confirm != nil {
		bottom = append(bottom, m.confirmLines(lw)...)
	} else {
		bottom = append(bottom, m.noticeLine(lw))
	}
	if tw == 0 {
		bottom = append(bottom, m.tallyLine(lw))
	}
	left := m.listLines(lw, max(1, h-len(bottom)))
	// the notice and the tally stay at the bottom, where the eye expects them
	for len(left) < h-len(bottom) {
		left = append(left, "")
	}
	left = append(left, bottom...)
	if tw == 0 {
		return common.Fit(strings.Join(left, "\n"), m.w, h)
	}
	right := m.tallyLines(tw, h)
	var b strings.Builder
	for i := 0; i < h; i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(common.Pad(l, lw))
		b.WriteString(m.c.Styles.Subtle.Render("│"))
		b.WriteString(common.Pad(r, tw))
	}
	return b.String()
}

// columns are the widths of a result row for list width w.
type columns struct{ name, title, unit, group, status int }

func cols(w int) columns {
	// the unit tells namesakes apart: it gets the most of what is left
	c := columns{status: 12}
	c.name = min(30, max(16, w*28/100))
	rest := w - 2 - c.name - c.status - 4
	c.unit = rest * 45 / 100
	c.title = rest * 30 / 100
	c.group = rest - c.unit - c.title
	return c
}

func (m *Model) listLines(w, h int) []string {
	s, t := m.c.Styles, m.c.T
	lines := []string{common.Trunc(m.picker.Input.View(), w)}
	if m.snap == nil {
		if m.loadErr != nil {
			return append(lines, s.Err.Render(common.Trunc(m.c.ErrText(m.loadErr), w)))
		}
		return append(lines, s.Subtle.Render(t.T("checkin.loading")))
	}
	c := cols(w)
	header := "  " + common.Pad(t.T("checkin.col.name"), c.name) + " " + common.Pad(t.T("checkin.col.title"), c.title) + " " +
		common.Pad(t.T("checkin.col.unit"), c.unit) + " " + common.Pad(t.T("checkin.col.group"), c.group) + " " + t.T("checkin.col.status")
	rows := h - 2
	if m.picker.Query() == "" {
		lines = append(lines, s.Subtle.Render(common.Trunc(t.T("checkin.hint"), w)))
		if len(m.snap.recent) == 0 {
			return append(lines, "", s.Subtle.Render(t.T("checkin.none_yet")))
		}
		lines = append(lines, s.Bold.Render(common.Trunc(t.T("checkin.recent"), w)), s.Subtle.Render(common.Trunc(header, w)))
		for i := 0; i < len(m.snap.recent) && i < rows-2; i++ {
			lines = append(lines, m.row(m.snap.ds[m.snap.recent[i]], c, w, false, false))
		}
		return lines
	}
	lines = append(lines, s.Subtle.Render(common.Trunc(header, w)))
	hits := m.picker.Hits()
	if len(hits) == 0 {
		return append(lines, s.Warn.Render(common.Trunc(t.F("checkin.no_hits", m.picker.Query()), w)))
	}
	// keep the highlight in view: the window scrolls with the cursor
	cur := m.picker.Cursor()
	first := 0
	if cur >= rows {
		first = cur - rows + 1
	}
	for i := first; i < len(hits) && i < first+rows; i++ {
		if i == first+rows-1 && i < len(hits)-1 && cur < i {
			lines = append(lines, s.Subtle.Render(common.Trunc(t.F("checkin.more", len(hits)-i), w)))
			break
		}
		d, _ := m.delegate(hits[i].ID)
		lines = append(lines, m.row(d, c, w, i == cur, m.picker.Tied(i) || (m.choosing && hits[i].Score == hits[0].Score)))
	}
	return lines
}

// row draws one delegate. Tied rows (namesakes, or equal matches after a
// refused Enter) show their unit in bold with a marker, since the unit is
// what tells them apart.
func (m *Model) row(d store.Delegate, c columns, w int, selected, tied bool) string {
	s, t := m.c.Styles, m.c.T
	mark := "  "
	switch {
	case selected:
		mark = "› "
	case tied:
		mark = "= "
	}
	status := t.T("checkin.status.absent")
	if d.Arrived() {
		status = t.F("checkin.status.here", m.clockText(d.ArrivedAt))
	}
	title := d.Title
	if d.WalkIn {
		title = t.T("checkin.walkin.mark") + " " + title
	}
	name, ttl, unit, group := common.Pad(d.FullName, c.name), common.Pad(title, c.title), common.Pad(d.UnitName, c.unit), common.Pad(d.GroupName, c.group)
	if selected {
		return s.Selected.Render(common.Pad(mark+name+" "+ttl+" "+unit+" "+group+" "+status, w))
	}
	if tied {
		unit = s.Warn.Render(unit)
	}
	st := s.Subtle.Render(status)
	if d.Arrived() {
		st = s.OK.Render(status)
	}
	return mark + name + " " + s.Subtle.Render(ttl) + " " + unit + " " + s.Subtle.Render(group) + " " + st
}

// noticeLine is the last action's outcome, coloured by level. A red
// notice carries the terminal bell: the renderer writes a line only when it
// changes, so the bell rings once per notice (seq varies the line).
func (m *Model) noticeLine(w int) string {
	s := m.c.Styles
	n := m.notice
	text := common.Pad(" "+n.text, w)
	switch n.lvl {
	case lvlOK:
		return s.OKBanner.Render(text)
	case lvlWarn:
		return s.WarnBanner.Render(text)
	case lvlBad:
		return bell(n.seq) + s.ErrBanner.Render(text)
	case lvlInfo:
		return s.Subtle.Render(text)
	}
	return ""
}

// bell is BEL, followed on odd notices by an empty SGR sequence so that two
// identical red notices in a row still differ and both ring.
func bell(seq int) string {
	if seq%2 == 1 {
		return "\a\x1b[m"
	}
	return "\a"
}

func (m *Model) confirmLines(w int) []string {
	s, t := m.c.Styles, m.c.T
	d := m.confirm.d
	at := ""
	if d.Arrived() {
		at = m.clockText(d.ArrivedAt)
	}
	q := t.F("checkin.confirm.undo", d.FullName, unitText(d), at)
	return []string{s.WarnBanner.Render(common.Pad(" "+q, w)), s.Key.Render(common.Trunc(" "+t.T("checkin.confirm.keys"), w))}
}

func ratio(t store.Tally) string {
	if t.Quota > 0 {
		return fmt.Sprintf("%d / %d", t.Arrived, t.Quota)
	}
	return fmt.Sprintf("%d / %d", t.Arrived, t.Expected)
}

// tallyLine is the compact tally for narrow screens: the total, then the
// groups.
func (m *Model) tallyLine(w int) string {
	if m.snap == nil {
		return ""
	}
	s, t := m.c.Styles, m.c.T
	tot := m.snap.total
	total := t.F("checkin.tally.line", tot.Arrived, tot.Expected)
	if tot.WalkIns > 0 {
		total += " · " + t.F("checkin.tally.walkins", tot.WalkIns)
	}
	parts := []string{s.Bold.Render(total)}
	// groups with a quota first: they are what the moderator asks about
	for _, withQuota := range []bool{true, false} {
		for _, g := range m.snap.groups {
			if (g.Quota > 0) != withQuota || g.Expected == 0 && g.Arrived == 0 && g.Quota == 0 {
				continue
			}
			parts = append(parts, g.Name+" "+ratio(g))
		}
	}
	return common.Trunc(strings.Join(parts, s.Subtle.Render(" │ ")), w)
}

// tallyLines is the tally column: total, groups against quotas, units.
func (m *Model) tallyLines(w, h int) []string {
	if m.snap == nil {
		return nil
	}
	s, t := m.c.Styles, m.c.T
	tot := m.snap.total
	line := func(name string, tl store.Tally) string {
		r := ratio(tl)
		l := " " + common.Pad(name, w-len(r)-2) + " " + r
		if tl.Expected > 0 && tl.Arrived >= tl.Expected || tl.Quota > 0 && tl.Arrived >= tl.Quota {
			return s.OK.Render(l)
		}
		return l
	}
	total := t.F("checkin.tally.line", tot.Arrived, tot.Expected)
	if tot.WalkIns > 0 {
		total += " · " + t.F("checkin.tally.walkins", tot.WalkIns)
	}
	out := []string{s.Title.Render(common.Trunc(" "+total, w)), "", s.Bold.Render(" " + t.T("checkin.tally.groups"))}
	for _, g := range m.snap.groups {
		if g.Expected == 0 && g.Arrived == 0 && g.Quota == 0 {
			continue
		}
		out = append(out, line(g.Name, g))
	}
	out = append(out, "", s.Bold.Render(" "+t.T("checkin.tally.units")))
	room := h - len(out)
	for i, u := range m.snap.units {
		if i == room-1 && len(m.snap.units) > room {
			out = append(out, s.Subtle.Render(" "+t.F("checkin.tally.more", len(m.snap.units)-i)))
			break
		}
		out = append(out, line(u.Name, u))
	}
	return out
}
