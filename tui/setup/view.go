package setup

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/components"
	"doithoai/tui/i18n"
)

// listRows is how many records a list shows: the area less the tab bar,
// the status and the column header.
func (m *Model) listRows() int { return max(1, m.h-3-len(m.statusLines())) }

// View draws the tab bar, the status line and the section (or the open
// form). It costs O(visible rows).
func (m *Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(m.tabs())
	b.WriteByte('\n')
	if m.form != nil {
		if m.statusErr && m.status != "" {
			b.WriteString(m.statusLine() + "\n")
		}
		b.WriteString(m.form.View())
		return common.Fit(b.String(), m.w, m.h)
	}
	b.WriteString(m.statusLine())
	b.WriteByte('\n')
	if m.snap == nil {
		b.WriteString(m.c.Styles.Subtle.Render(m.c.T.T("ui.loading")))
		return common.Fit(b.String(), m.w, m.h)
	}
	switch m.sec {
	case secMeeting:
		b.WriteString(m.meetingView())
	case secUnits:
		b.WriteString(m.unitsView())
	case secGroups:
		b.WriteString(m.groupsView())
	case secDelegates:
		b.WriteString(m.delegatesView())
	case secPetitions:
		b.WriteString(m.petitionsView())
	case secApologies:
		b.WriteString(m.apologiesView())
	case secAnswers:
		b.WriteString(m.answersView())
	case secImport:
		b.WriteString(m.importView())
	}
	return common.Fit(b.String(), m.w, m.h)
}

func (m *Model) tabs() string {
	s := m.c.Styles
	// padded labels between bars; when they do not all fit (eight tabs at
	// 80 columns) the bars go first, then the padding: the highlight still
	// shows which tab is open
	pad, sep, labels := " ", "│", 0
	for i := section(0); i < nSections; i++ {
		labels += ansi.StringWidth(m.c.T.T(sectionKeys[i]))
	}
	switch n := int(nSections); {
	case labels+3*n-1 <= m.w:
	case labels+2*n <= m.w:
		sep = ""
	default:
		pad = ""
	}
	var parts []string
	for i := section(0); i < nSections; i++ {
		label := pad + m.c.T.T(sectionKeys[i]) + pad
		if i == m.sec {
			label = s.Selected.Render(label)
		} else {
			label = s.Subtle.Render(label)
		}
		parts = append(parts, label)
	}
	return common.Trunc(strings.Join(parts, sep), m.w)
}

// statusLines is the status: one line, or two for an error, since a
// refusal says why and that is longer than a line at 80 columns.
func (m *Model) statusLines() []string {
	s := m.c.Styles
	switch {
	case m.remove != nil:
		return []string{m.removeLine()}
	case m.status == "":
		return []string{""}
	case !m.statusErr:
		return []string{s.OK.Render(common.Trunc(m.status, m.w))}
	}
	lines := strings.Split(ansi.Wrap(m.status, max(10, m.w), ""), "\n")
	if len(lines) > 2 {
		lines = []string{lines[0], strings.Join(lines[1:], " ")}
	}
	for i, l := range lines {
		lines[i] = s.Err.Render(common.Trunc(strings.TrimSpace(l), m.w))
	}
	return lines
}

func (m *Model) statusLine() string { return strings.Join(m.statusLines(), "\n") }

// window returns the first row to draw so the cursor stays visible.
func window(cursor, rows int) int {
	if cursor < rows {
		return 0
	}
	return cursor - rows + 1
}

func (m *Model) row(i int, line string) string {
	line = common.Pad(line, m.w)
	if i == m.cursor[m.sec] {
		return m.c.Styles.Selected.Render(line)
	}
	return line
}

func (m *Model) meetingView() string {
	t, s, mt := m.c.T, m.c.Styles, m.snap.meeting
	fields := []struct{ key, val string }{
		{"meeting.title", mt.Title}, {"meeting.theme", mt.Theme}, {"meeting.organiser", mt.Organiser}, {"meeting.place", mt.Place},
		{"meeting.venue", mt.Venue}, {"meeting.date", components.ShowDate(mt.Date)}, {"meeting.start", mt.StartTime}, {"meeting.chair", mt.Chair},
		{"meeting.chair_title", mt.ChairTitle}, {"meeting.turn", strconv.Itoa(mt.TurnSeconds)},
		{"doc.secretary", joinComma(mt.Secretary, mt.SecretaryTitle)}, {"doc.signs", m.signsLine(mt)},
		{"doc.office", joinComma(mt.Office, mt.OfficeCode)},
	}
	lw := 0
	for _, f := range fields {
		lw = max(lw, len([]rune(t.T(f.key))))
	}
	lw = min(lw, m.w/2)
	var lines []string
	for _, f := range fields {
		lines = append(lines, s.Subtle.Render(common.Pad(t.T(f.key), lw))+"  "+common.Trunc(f.val, max(1, m.w-lw-2)))
	}
	lines = append(lines, "", s.Subtle.Render(common.Trunc(t.T("setup.meeting.hint"), m.w)))
	return strings.Join(lines, "\n")
}

// signsLine is who signs the notice: "Trần Minh Đức (chủ trì)" or
// "TL. Lê Văn Phòng — Chánh Văn phòng".
func (m *Model) signsLine(mt store.Meeting) string {
	if mt.SignAs == store.SignChair {
		if mt.Chair == "" {
			return ""
		}
		return fmt.Sprintf(m.c.T.T("doc.signs.chair"), mt.Chair)
	}
	return fmt.Sprintf(m.c.T.T("doc.signs.deputy"), mt.SignAs, mt.Signer, mt.SignerTitle)
}

func joinComma(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + ", " + b
}

func (m *Model) unitsView() string {
	t := m.c.T
	us := m.snap.units
	nw := max(10, m.w-40)
	head := m.c.Styles.Bold.Render(common.Pad(common.Pad(t.T("setup.col.unit"), nw)+" "+common.Pad(t.T("setup.col.short"), 16)+" "+t.T("setup.col.kind"), m.w))
	lines := []string{head}
	rows := m.listRows()
	for i := window(m.cursor[secUnits], rows); i < len(us) && len(lines) <= rows; i++ {
		u := us[i]
		lines = append(lines, m.row(i, common.Pad(u.Name, nw)+" "+common.Pad(u.Short, 16)+" "+t.T("setup.unitkind."+string(u.Kind))))
	}
	if len(us) == 0 {
		lines = append(lines, m.c.Styles.Subtle.Render(t.T("setup.empty")))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) groupsView() string {
	t, s := m.c.T, m.c.Styles
	gs := m.snap.groups
	// the number columns and the over-quota note get the width they need;
	// the name takes the rest
	dw := max(6, ansi.StringWidth(t.T("setup.col.delegates")))
	qw := max(6, ansi.StringWidth(t.T("setup.col.quota")))
	over := t.T("setup.over_quota")
	nw := max(10, m.w-dw-qw-ansi.StringWidth(over)-4)
	cols := func(name, n, quota string) string {
		return common.Pad(name, nw) + " " + common.Pad(n, dw) + " " + common.Pad(quota, qw)
	}
	lines := []string{s.Bold.Render(common.Pad(cols(t.T("setup.col.group"), t.T("setup.col.delegates"), t.T("setup.col.quota")), m.w))}
	rows := m.listRows()
	for i := window(m.cursor[secGroups], rows); i < len(gs) && len(lines) <= rows; i++ {
		g := gs[i]
		n := m.snap.inGroup[g.ID]
		quota := "—"
		if g.Quota > 0 {
			quota = strconv.Itoa(g.Quota)
		}
		line := cols(g.Name, strconv.Itoa(n), quota)
		if g.Quota > 0 && n > g.Quota {
			line += "  " + over
			if i != m.cursor[secGroups] {
				lines = append(lines, s.Warn.Render(common.Pad(line, m.w)))
				continue
			}
		}
		lines = append(lines, m.row(i, line))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) delegateLine(d store.Delegate) string {
	nw := min(28, m.w/3)
	uw := min(26, m.w/4)
	return common.Pad(d.Code, 7) + " " + common.Pad(d.FullName, nw) + " " + common.Pad(d.UnitName, uw) + " " + d.Title
}

func (m *Model) delegatesView() string {
	t, s := m.c.T, m.c.Styles
	lines := []string{m.picker.Input.View()}
	rows := m.listRows()
	if m.picker.Query() == "" {
		ds := m.snap.delegates
		for i := window(m.cursor[secDelegates], rows); i < len(ds) && len(lines) <= rows; i++ {
			lines = append(lines, m.row(i, m.delegateLine(ds[i])))
		}
		if len(ds) == 0 {
			lines = append(lines, s.Subtle.Render(t.T("setup.empty")))
		}
		return strings.Join(lines, "\n")
	}
	hits := m.picker.Hits()
	if len(hits) == 0 {
		return strings.Join(append(lines, s.Subtle.Render(t.T("setup.no_match"))), "\n")
	}
	start := window(m.picker.Cursor(), rows)
	for i := start; i < len(hits) && len(lines) <= rows; i++ {
		d, _ := m.picker.ByID(hits[i].ID)
		line := common.Pad(m.delegateLine(d), m.w)
		if i == m.picker.Cursor() {
			line = s.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func (m *Model) petitionsView() string {
	t, s := m.c.T, m.c.Styles
	ps := m.snap.petitions
	aw := min(24, m.w/4)
	sw := min(18, m.w/5) // where its prepared answer stands
	tw := max(10, m.w-aw-sw-7)
	lines := []string{s.Bold.Render(common.Pad(common.Pad("#", 4)+" "+common.Pad(t.T("setup.col.petition"), tw)+" "+common.Pad(t.T("setup.col.agency"), aw)+
		" "+t.T("prep.col.answer"), m.w))}
	rows := m.listRows()
	for i := window(m.cursor[secPetitions], rows); i < len(ps) && len(lines) <= rows; i++ {
		p := ps[i]
		text := strings.Join(strings.Fields(p.Text), " ")
		if p.Topic != "" {
			text = "[" + p.Topic + "] " + text
		}
		lines = append(lines, m.row(i, common.Pad(strconv.Itoa(p.No), 4)+" "+common.Pad(text, tw)+" "+common.Pad(p.AgencyName, aw)+
			" "+common.Trunc(m.prepStatus(p, true), sw)))
	}
	if len(ps) == 0 {
		lines = append(lines, s.Subtle.Render(t.T("setup.empty")))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) importView() string {
	t, s := m.c.T, m.c.Styles
	switch {
	case m.imp.busy:
		return s.Subtle.Render(t.T("setup.import.busy"))
	case m.imp.report != nil:
		return m.reportView(m.imp.report)
	}
	lines := []string{s.Normal.Width(m.w).Render(t.T("setup.import.intro")), ""}
	for _, k := range store.ImportKinds {
		lines = append(lines, common.Trunc("  "+t.T("setup.import."+string(k))+": "+t.T("setup.import.cols."+string(k)), m.w))
	}
	lines = append(lines, "", s.Subtle.Width(m.w).Render(t.T("setup.import.rules")))
	if m.imp.err != "" {
		lines = append(lines, "", s.Err.Render(common.Trunc(m.imp.err, m.w)))
	}
	if d := m.imp.done; d != nil {
		lines = append(lines, "", s.OK.Render(common.Trunc(t.F("setup.import.last", d.File, d.New, d.Updated, d.Unchanged), m.w)))
	}
	return strings.Join(lines, "\n")
}

// reportLines are the dry run's body: every problem (then nothing can be
// imported) or every row and what will happen to it. Built once when the
// report arrives; View draws only the visible ones.
func (m *Model) reportLines(r *store.ImportReport) []string {
	t := m.c.T
	var body []string
	if len(r.Problems) > 0 {
		for _, p := range r.Problems {
			body = append(body, "  "+m.problemText(p))
		}
		return body
	}
	body = append(body, m.fixLines(r)...)
	for _, row := range r.Rows {
		line := fmt.Sprintf("  %4d  %-8s %s", row.Row, t.T("setup.action."+row.Action), row.Label)
		if len(row.Changes) > 0 {
			fields := make([]string, len(row.Changes))
			for i, f := range row.Changes {
				fields[i] = f
				if k := "setup.change." + string(r.Kind) + "." + f; i18n.Has(k) {
					fields[i] = t.T(k)
				}
			}
			line += " (" + strings.Join(fields, ", ") + ")"
		}
		body = append(body, line)
	}
	return body
}

// reportView is the dry run: where the table was found, the counts or
// the number of problems, and the visible part of the report's lines.
func (m *Model) reportView(r *store.ImportReport) string {
	t, s := m.c.T, m.c.Styles
	head := []string{common.Trunc(t.F("setup.import.found", r.File, r.Sheet, r.HeaderRow), m.w)}
	if len(r.Problems) > 0 {
		head = append(head, s.Err.Render(common.Trunc(t.F("setup.import.problems", len(r.Problems)), m.w)))
	} else {
		head = append(head, s.OK.Render(common.Trunc(t.F("setup.import.counts", r.New, r.Updated, r.Unchanged), m.w)))
		// which names are new units, which new groups: a typo shows here
		for _, n := range []struct {
			key   string
			names []string
		}{{"setup.import.new_units", r.NewUnits}, {"setup.import.new_groups", r.NewGroups}, {"setup.import.new_topics", r.NewTopics}} {
			if len(n.names) > 0 {
				head = append(head, common.Trunc(t.F(n.key, strings.Join(n.names, "; ")), m.w))
			}
		}
		for _, g := range r.OverQuota {
			head = append(head, s.Warn.Render(common.Trunc(t.F("setup.import.over_quota", g.Name, g.Invited, g.Quota), m.w)))
		}
	}
	if l := m.capitalsLine(r); l != "" {
		head = append(head, s.Warn.Render(common.Trunc(l, m.w)))
	}
	foot := s.Subtle.Render(common.Trunc(t.T(pick(m.imp.canApply(), "setup.import.confirm", "setup.import.back")), m.w))
	body := m.imp.lines
	rows := max(1, m.h-1-len(m.statusLines())-len(head)-1)
	start := min(m.imp.scroll, max(0, len(body)-rows))
	out := head
	for _, l := range body[start:min(len(body), start+rows)] {
		out = append(out, common.Trunc(l, m.w))
	}
	return strings.Join(append(out, foot), "\n")
}

// problemText says a problem in the interface's language when the
// catalog knows its code, else as the store wrote it.
func (m *Model) problemText(p store.Problem) string {
	t := m.c.T
	msg := p.Msg
	if key := "setup.problem." + p.Code; p.Code != "" && i18n.Has(key) {
		msg = t.F(key, p.Args...)
	} else if key := "reason." + p.Msg; p.Code == "error" && i18n.Has(key) {
		msg = t.T(key) // a field the store refused ("too long")
	}
	switch {
	case p.Row == 0 && p.Column == "":
		return msg
	case p.Row == 0:
		return p.Column + ": " + msg
	case p.Column == "":
		return t.F("setup.import.row", p.Row) + ": " + msg
	}
	return t.F("setup.import.row", p.Row) + ", " + p.Column + ": " + msg
}
