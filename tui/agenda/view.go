package agenda

import (
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/styles"
)

func secs(n int) time.Duration { return time.Duration(n) * time.Second }

func levelStyle(s *styles.Styles, l store.Level) lipgloss.Style {
	switch l {
	case store.LevelWarn:
		return s.Warn
	case store.LevelOver:
		return s.Err
	case store.LevelOK:
		return s.OK
	}
	return s.Normal
}

// hm formats a wall-clock time in the station's zone ("" for zero).
func (m *Model) hm(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(m.now.Location()).Format("15:04")
}

// View draws clocks, pane tabs, the pane and the status line in w x h.
func (m *Model) View() string {
	w, h := m.w, m.h
	if w <= 0 || h <= 0 {
		return ""
	}
	s := m.c.Styles
	if !m.loaded {
		return common.Fit(s.Subtle.Render(m.c.T.T("ui.loading")), w, h)
	}
	if m.form != nil {
		return common.Fit(m.form.View(), w, h)
	}
	if m.editor != nil {
		foot := m.footView(w)
		return common.Fit(m.editorView(w, h-lipgloss.Height(foot))+"\n"+foot, w, h)
	}
	top := m.clockView(w)
	tabs := m.tabsView(w)
	foot := m.footView(w)
	body := max(0, h-lipgloss.Height(top)-1-lipgloss.Height(foot))
	var pane string
	switch m.pane {
	case paneSheet:
		pane = m.sheetView(w, body)
		// on a tall window the speaker queue shows under the run-sheet
		if rest := body - len(m.snap.items) - 2; rest >= 6 && m.queueItem().ID != 0 {
			pane += "\n\n" + m.queueView(w, rest)
		}
	case paneQueue:
		pane = m.queueView(w, body)
	case paneIntro:
		pane = m.introView(w, body)
	}
	return common.Fit(top+"\n"+tabs+"\n"+common.Fit(pane, w, body)+"\n"+foot, w, h)
}

// clockView is two lines: the current item and its clock; drift,
// projected end and the running turn.
func (m *Model) clockView(w int) string {
	s, t, p := m.c.Styles, m.c.T, m.plan
	var l1 string
	switch {
	case p.Current >= 0:
		a := m.snap.items[p.Current]
		st := levelStyle(s, p.Level)
		// whole seconds, so elapsed and remaining always add up to the plan
		planned, el := secs(a.PlannedMinutes*60), p.Elapsed.Truncate(time.Second)
		var right string
		if el <= planned {
			right = t.F("agenda.clock.running", clock(el), clock(planned), clock(planned-el))
		} else {
			right = t.F("agenda.clock.over", clock(el), clock(planned), clock(el-planned))
		}
		rw := lipgloss.Width(right)
		left := common.Trunc("▶ "+itoa(a.Position)+". "+a.Title, max(0, w-rw-1))
		l1 = s.Current.Render(common.Pad(left, max(0, w-rw))) + st.Render(right)
	case p.Finished:
		l1 = s.OK.Render(common.Trunc(t.F("agenda.clock.finished", m.hm(p.ProjectedEnd)), w))
	default:
		start := m.snap.meeting.StartTime
		if start == "" {
			start = "--:--"
		}
		l1 = s.Bold.Render(common.Trunc(t.F("agenda.clock.not_started", start), w))
	}
	var parts []string
	if p.HasDrift {
		switch dm := p.DriftMinutes(); {
		case dm > 0:
			parts = append(parts, s.Err.Render(t.F("agenda.clock.behind", dm)))
		case dm < 0:
			parts = append(parts, s.OK.Render(t.F("agenda.clock.ahead", -dm)))
		default:
			parts = append(parts, s.OK.Render(t.T("agenda.clock.on_time")))
		}
	}
	if !p.Finished {
		end := t.F("agenda.clock.projected", m.hm(p.ProjectedEnd))
		if p.HasDrift {
			end += " " + t.F("agenda.clock.planned_end", m.hm(p.PlannedEnd))
		}
		parts = append(parts, end)
	}
	if sp, ok := speaking(m.snap.speakers); ok {
		d, limit := m.now.Sub(sp.StartedAt).Truncate(time.Second), secs(sp.LimitSeconds)
		msg := t.F("agenda.clock.speaker", sp.Name, clock(limit-d))
		if d > limit {
			msg = t.F("agenda.clock.speaker_over", sp.Name, clock(d-limit))
		}
		parts = append(parts, levelStyle(s, store.ClockLevel(d, limit)).Render(msg))
	}
	return l1 + "\n" + common.Trunc(strings.Join(parts, " · "), w)
}

func (m *Model) tabsView(w int) string {
	s := m.c.Styles
	names := []string{"agenda.pane.sheet", "agenda.pane.queue", "agenda.pane.intro"}
	var b strings.Builder
	for i, n := range names {
		label := " " + m.c.T.T(n) + " "
		if pane(i) == paneQueue {
			if cnt := len(queueOf(m.snap.speakers, m.queueItem().ID)); cnt > 0 {
				label = " " + m.c.T.T(n) + " (" + itoa(cnt) + ") "
			}
		}
		if pane(i) == m.pane {
			b.WriteString(s.Selected.Render(label))
		} else {
			b.WriteString(s.Subtle.Render(label))
		}
		b.WriteString(" ")
	}
	return common.Trunc(b.String(), w)
}

// footView is the question or the status: one line, or two when it does
// not fit, so the y/n of a question is always seen.
func (m *Model) footView(w int) string {
	s := m.c.Styles
	var lines []string
	st := s.OK
	switch {
	case m.confirm != nil:
		lines = wrap2(m.confirm.prompt, m.c.T.T("agenda.confirm.yn"), w-1)
		for i, l := range lines {
			lines[i] = s.WarnBanner.Render(common.Pad(" "+l, w))
		}
		return strings.Join(lines, "\n")
	case m.status == "":
		return ""
	case m.statusErr:
		st = s.Err
	}
	lines = wrap2(m.status, "", w)
	for i, l := range lines {
		lines[i] = st.Render(l)
	}
	return strings.Join(lines, "\n")
}

// wrap2 sets text, then tail, in at most two lines of w cells; what does
// not fit is cut from the text, never from the tail.
func wrap2(text, tail string, w int) []string {
	all := strings.TrimSpace(text + " " + tail)
	if lipgloss.Width(all) <= w || w < 2 {
		return []string{common.Trunc(all, max(w, 0))}
	}
	words := strings.Fields(text)
	first, i := "", 0
	for ; i < len(words); i++ {
		cand := words[i]
		if first != "" {
			cand = first + " " + words[i]
		}
		if lipgloss.Width(cand) > w {
			break
		}
		first = cand
	}
	if first == "" { // one long word
		first, i = common.Trunc(words[0], w), 1
	}
	rest := strings.Join(words[i:], " ")
	if tail == "" {
		return []string{first, common.Trunc(rest, w)}
	}
	if rest == "" {
		return []string{first, common.Trunc(tail, w)}
	}
	tw := lipgloss.Width(tail)
	if tw >= w {
		return []string{first, common.Trunc(tail, w)}
	}
	return []string{first, common.Trunc(rest, w-tw-1) + " " + tail}
}

// introView: arrived / expected per group, and the officials present in
// protocol order for the MC to read out; side by side when wide enough.
func (m *Model) introView(w, h int) string {
	if w >= 76 {
		gw := min(40, w*2/5)
		for _, g := range m.snap.groups {
			if g.Quota > 0 { // room for the quota column
				gw = min(46, w*9/20)
				break
			}
		}
		left := strings.Split(common.Fit(m.groupsView(gw, h), gw, h), "\n")
		right := strings.Split(common.Fit(m.officialsView(w-gw-2, h), w-gw-2, h), "\n")
		var b strings.Builder
		for i := range left {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(left[i] + "  " + right[i])
		}
		return b.String()
	}
	g := m.groupsView(w, h)
	gh := min(lipgloss.Height(g), h/2)
	return common.Fit(g, w, gh) + "\n" + m.officialsView(w, h-gh)
}

// groupsView: arrived / invited per group, and a quota column when some
// group has a quota (the check-in desk counts against the quota). The
// total's quota shows only when every group has one.
func (m *Model) groupsView(w, h int) string {
	s, t := m.c.Styles, m.c.T
	numW := max(7, lipgloss.Width(t.T("agenda.intro.count")))
	quotaW := 0
	for _, g := range m.snap.groups {
		if g.Quota > 0 {
			quotaW = max(lipgloss.Width(t.T("agenda.intro.quota")), 4)
		}
	}
	nameW := max(0, w-numW-1)
	if quotaW > 0 {
		nameW = max(0, nameW-quotaW-1)
	}
	row := func(name, count, quota string) string {
		r := common.Pad(name, nameW) + " " + common.Pad(count, numW)
		if quotaW > 0 {
			r += " " + common.Pad(quota, quotaW)
		}
		return r
	}
	count := func(ty store.Tally) string { return itoa(ty.Arrived) + "/" + itoa(ty.Expected) }
	quota := func(ty store.Tally) string {
		if ty.Quota > 0 {
			return itoa(ty.Quota)
		}
		return ""
	}
	var b strings.Builder
	b.WriteString(s.Bold.Render(row(t.T("agenda.intro.groups"), t.T("agenda.intro.count"), t.T("agenda.intro.quota"))))
	every := len(m.snap.groups) > 0
	for i, g := range m.snap.groups {
		every = every && g.Quota > 0
		if i+2 >= h {
			continue
		}
		b.WriteString("\n" + row(g.Name, count(g), quota(g)))
	}
	tq := ""
	if every {
		tq = quota(m.snap.total)
	}
	b.WriteString("\n" + s.Bold.Render(row(t.T("agenda.intro.total"), count(m.snap.total), tq)))
	return b.String()
}

func (m *Model) officialsView(w, h int) string {
	s, t := m.c.Styles, m.c.T
	off := m.snap.officials
	var b strings.Builder
	b.WriteString(s.Bold.Render(common.Trunc(t.F("agenda.intro.officials", len(off)), w)))
	if len(off) == 0 {
		b.WriteString("\n" + s.Subtle.Render(common.Trunc(t.T("agenda.intro.none"), w)))
		return b.String()
	}
	start := min(m.ioffset, max(0, len(off)-1))
	nameW := min(24, w/2)
	for i := start; i < len(off) && i-start < h-1; i++ {
		b.WriteString("\n" + common.Trunc(common.Pad(itoa(i+1)+". "+off[i].FullName, nameW)+" "+m.who[i], w))
	}
	return b.String()
}

// whoOf is what the MC reads after an official's name: the title, and the
// unit unless the title names it already. Computed on load, not in View.
func whoOf(ds []store.Delegate) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		who := d.Title
		if d.UnitName != "" && !strings.Contains(store.Fold(d.Title), store.Fold(d.UnitName)) {
			if who != "" {
				who += ", "
			}
			who += d.UnitName
		}
		out[i] = who
	}
	return out
}
