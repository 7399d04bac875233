package setup

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/store/docs"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// The answers tab: where each agency's prepared answers stand (asked,
// received, missing, late), the reminder letters to the agencies still
// missing some (r), the day the assignments went out (g), and the import
// of the answers they send back (i).

type answersState struct {
	req     int  // the reminder export whose result is awaited
	writing bool // letters being written
}

type remindedMsg struct {
	req   int
	dir   string
	paths []string
	err   error
}

func (m *Model) answersHelp() []key.Binding {
	k := m.keys
	return []key.Binding{k.Remind, k.ImportAnswers, k.MarkAsked, k.ShowPetitions, k.Next}
}

func (m *Model) answersKey(k tea.KeyMsg) tea.Cmd {
	km := m.keys
	if m.moveKey(k) {
		return nil
	}
	switch {
	case key.Matches(k, km.ShowPetitions):
		m.showAgencyPetitions()
	case key.Matches(k, km.Remind):
		return m.remind()
	case key.Matches(k, km.MarkAsked):
		return m.openMarkAsked()
	case key.Matches(k, km.ImportAnswers):
		m.sec, m.imp.kind = secImport, store.ImportAnswers
		return m.openImportForm()
	}
	return nil
}

// showAgencyPetitions opens the petitions tab on the highlighted agency's
// first petition still missing its answer (or its first petition).
func (m *Model) showAgencyPetitions() {
	i := m.cursor[secAnswers]
	if i < 0 || i >= len(m.snap.answers) {
		return
	}
	a := m.snap.answers[i]
	first := -1
	for j, p := range m.snap.petitions {
		if p.AgencyID != a.AgencyID {
			continue
		}
		if first < 0 {
			first = j
		}
		if p.Missing() {
			first = j
			break
		}
	}
	if first >= 0 {
		m.sec, m.cursor[secPetitions], m.status = secPetitions, first, ""
	}
}

// remind writes a reminder letter to every agency still missing an
// answer, into the exports folder beside the meeting file.
func (m *Model) remind() tea.Cmd {
	if m.ans.writing {
		return nil
	}
	if m.snap.answersTot.Missing == 0 {
		m.setStatus(m.c.T.T("prep.none_missing"), false)
		return nil
	}
	req := m.next()
	m.ans.req, m.ans.writing = req, true
	m.setStatus(m.c.T.T("prep.writing"), false)
	c := m.c
	dir := docs.ExportDir(c.Path)
	return func() tea.Msg {
		paths, err := docs.ExportPreparedReminders(c.Ctx, c.Store, dir, docs.Options{Now: c.Now()})
		return remindedMsg{req: req, dir: dir, paths: paths, err: err}
	}
}

func (m *Model) reminded(msg remindedMsg) {
	if msg.req != m.ans.req {
		return
	}
	m.ans.writing = false
	if msg.err != nil {
		m.setStatus(m.c.ErrText(msg.err), true)
		return
	}
	m.setStatus(m.c.T.F("prep.reminded", len(msg.paths), msg.dir), false)
}

// openMarkAsked asks the day the assignments went out and the deadline,
// for every petition with an agency and no day asked yet; when the
// highlighted agency's letter is only part of those, it asks whether the
// date is for that agency alone or for all of them.
func (m *Model) openMarkAsked() tea.Cmd {
	t := m.c.T
	var cur store.AgencyAnswers
	if i := m.cursor[secAnswers]; i >= 0 && i < len(m.snap.answers) {
		cur = m.snap.answers[i]
	}
	n, nCur := 0, 0
	for _, p := range m.snap.petitions {
		if p.AgencyID != 0 && p.AskedOn == "" {
			n++
			if p.AgencyID == cur.AgencyID {
				nCur++
			}
		}
	}
	if n == 0 {
		m.setStatus(t.T("prep.all_asked"), false)
		return nil
	}
	// ten days to answer, but three days before the meeting if sooner
	now := m.c.Now()
	by := now.AddDate(0, 0, 10)
	if d, err := time.ParseInLocation("2006-01-02", m.snap.meeting.Date, now.Location()); err == nil {
		if d3 := d.AddDate(0, 0, -3); d3.Before(by) && d3.After(now) {
			by = d3
		}
	}
	asked, due := now.Format("02/01/2006"), by.Format("02/01/2006")
	var scope int64
	fields := []huh.Field{}
	if nCur > 0 && nCur < n {
		fields = append(fields, huh.NewSelect[int64]().Title(t.T("prep.f.scope")).Options(
			huh.NewOption(t.F("prep.scope.all", n), int64(0)),
			huh.NewOption(t.F("prep.scope.one", cur.Agency, nCur), cur.AgencyID),
		).Value(&scope).Height(3))
	}
	fields = append(fields, m.dateField(t.T("prep.f.asked"), &asked, true), m.dateField(t.T("prep.f.due"), &due, false))
	f := huh.NewForm(huh.NewGroup(fields...).Title(t.F("prep.form.asked", n)))
	return m.openForm(f, func() tea.Cmd {
		a, _ := components.ParseDate(asked)
		d, _ := components.ParseDate(due)
		st, ctx, req := m.c.Store, m.c.Ctx, m.next()
		return func() tea.Msg {
			n, err := st.MarkAsked(ctx, scope, a, d)
			return savedMsg{req: req, what: t.F("prep.marked", n), err: err, reopen: func(error) tea.Cmd { return m.openMarkAsked() }}
		}
	})
}

// answersView is the table per agency under a line of totals, then the
// highlighted agency's petitions.
func (m *Model) answersView() string {
	t, s := m.c.T, m.c.Styles
	rows, tot := m.snap.answers, m.snap.answersTot
	cols := []string{t.T("prep.col.asked"), t.T("prep.col.received"), t.T("prep.col.missing"), t.T("prep.col.late")}
	cw := make([]int, len(cols))
	numW := 0
	for i, c := range cols {
		cw[i] = max(4, len([]rune(c)))
		numW += cw[i] + 1
	}
	nw := max(10, m.w-numW)
	line := func(name string, n ...int) string {
		out := common.Pad(name, nw)
		for i, v := range n {
			out += " " + fmt.Sprintf("%*d", cw[i], v)
		}
		return out
	}
	head := common.Pad(t.T("prep.col.agency"), nw)
	for i, c := range cols {
		head += " " + fmt.Sprintf("%*s", cw[i], c)
	}
	lines := []string{common.Trunc(t.F("prep.summary", components.ShowDate(m.snap.today), tot.Asked, tot.Received, tot.Missing, tot.Late), m.w),
		s.Bold.Render(common.Pad(head, m.w))}
	if tot.Unassigned > 0 {
		lines[0] = common.Trunc(lines[0]+" · "+t.F("prep.unassigned_short", tot.Unassigned), m.w)
	}
	if len(rows) == 0 {
		return strings.Join(append(lines, s.Subtle.Render(t.T("prep.none_assigned"))), "\n")
	}
	// the table takes what it needs, leaving room for some of the
	// highlighted agency's petitions below
	avail := max(1, m.h-2-len(m.statusLines())-len(lines))
	tableRows := min(len(rows), max(3, avail-4))
	for i := window(m.cursor[secAnswers], tableRows); i < len(rows) && i < window(m.cursor[secAnswers], tableRows)+tableRows; i++ {
		r := rows[i]
		l := line(r.Agency, r.Asked, r.Received, r.Missing, r.Late)
		switch {
		case i == m.cursor[secAnswers]:
			l = s.Selected.Render(common.Pad(l, m.w))
		case r.Late > 0:
			l = s.Warn.Render(l)
		}
		lines = append(lines, l)
	}
	rest := avail - tableRows
	if rest < 2 {
		return strings.Join(lines, "\n")
	}
	a := rows[min(m.cursor[secAnswers], len(rows)-1)]
	lines = append(lines, s.Subtle.Render(common.Trunc("── "+a.Agency+" ", m.w)))
	n := 0
	for _, p := range m.snap.petitions {
		if p.AgencyID != a.AgencyID || n >= rest-1 {
			continue
		}
		n++
		lines = append(lines, m.petitionStatusLine(p))
	}
	return strings.Join(lines, "\n")
}

// petitionStatusLine is "KN 9  thiếu, hạn 09/10/2023 (quá hạn)  Nhiều giấy…".
func (m *Model) petitionStatusLine(p store.Petition) string {
	st := m.prepStatus(p, false)
	line := common.Pad(m.c.T.T("prep.petition_no")+" "+strconv.Itoa(p.No), 6) + " " + common.Pad(st, 28) + " " + strings.Join(strings.Fields(p.Text), " ")
	line = common.Trunc(line, m.w)
	if p.Late(m.snap.today) {
		return m.c.Styles.Warn.Render(line)
	}
	return line
}

// prepStatus says where a petition's prepared answer stands; short
// writes dates without the year.
func (m *Model) prepStatus(p store.Petition, short bool) string {
	t := m.c.T
	day := components.ShowDate
	if short {
		day = func(iso string) string {
			return strings.TrimSuffix(components.ShowDate(iso), "/"+iso[:min(4, len(iso))])
		}
	}
	switch {
	case p.AgencyID == 0:
		return t.T("prep.st.unassigned")
	case p.Received() && p.ReceivedOn == "":
		return t.T("prep.st.received")
	case p.Received() && p.Late(m.snap.today):
		return t.F("prep.st.received_late", day(p.ReceivedOn))
	case p.Received():
		return t.F("prep.st.received_on", day(p.ReceivedOn))
	case p.DueOn == "":
		return t.T("prep.st.missing")
	case p.Late(m.snap.today):
		return t.F("prep.st.overdue", day(p.DueOn))
	}
	return t.F("prep.st.missing_due", day(p.DueOn))
}
