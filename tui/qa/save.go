package qa

import (
	"errors"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
)

// Saving a form: the record goes to the store in a Cmd; the store's
// refusal comes back to the form with its field focused.

// submit resolves the focused field and saves the record in a Cmd.
func (m *Model) submit() tea.Cmd {
	f := m.form
	if f.saving {
		return nil
	}
	f.cur().commit()
	m.afterCommit(f, f.curName())
	f.err, f.errField = "", ""
	switch f.kind {
	case formFilter:
		m.flt = filter{}
		m.flt.topic, _ = f.fields[fTopic].(*chooser).value()
		ag, _ := f.fields[fAgency].(*chooser).value()
		m.flt.agencyID = idOf(ag)
		m.flt.outcome, _ = f.fields[fOutcome].(*chooser).value()
		m.follow = true
		m.closeForm(false)
		m.rebuild()
		m.fixOffset()
		return nil
	case formQuestion:
		if m.unresolvedTopic(f) {
			return f.focusName(fTopic)
		}
		return m.saveQuestion(f)
	}
	return m.saveAnswer(f)
}

func (m *Model) saveQuestion(f *form) tea.Cmd {
	q := m.questionOf(f)
	if m.unchanged(f) {
		return m.nothingChanged(f)
	}
	f.saving = true
	m.saveReq = m.next()
	c, dw, req, gen, key := m.c, m.dw, m.saveReq, f.gen, m.keyOf(f)
	return func() tea.Msg {
		r, err := c.Store.SaveQuestionResult(c.Ctx, q)
		if err == nil {
			dw.Drop(c, key, gen)
		}
		msg := savedMsg{req: req, kind: formQuestion, id: r.ID, err: err}
		if r.CheckedIn != nil {
			msg.checkedIn = r.CheckedIn.FullName
		}
		return msg
	}
}

// answerOf is the answer the form would save; ok is false while a written
// answer's due date does not read as a date.
func (m *Model) answerOf(f *form) (store.Answer, bool) {
	ag, _ := f.fields[fAgency].(*chooser).value()
	oc, _ := f.fields[fOutcome].(*chooser).value()
	fu, _ := f.fields[fFollowup].(*chooser).value()
	_, person := f.fields[fPerson].(*chooser).value()
	a := store.Answer{ID: f.id, QuestionID: f.questionID, Person: person, AgencyID: idOf(ag),
		Summary: f.fields[fSummary].(*areaField).value(), Outcome: store.Outcome(oc), Rev: f.rev}
	if a.Outcome == store.OutcomeWritten {
		a.FollowupAgencyID = idOf(fu)
		due, ok := parseDue(f.fields[fDue].(*textField).value(), m.baseDate())
		if !ok {
			return a, false
		}
		a.DueDate = due
	}
	return a, true
}

func (m *Model) saveAnswer(f *form) tea.Cmd {
	a, ok := m.answerOf(f)
	if a.Outcome == "" {
		// asked for here: the store would only say "required"
		f.err, f.errField = m.c.T.T("qa.err.outcome"), fOutcome
		return f.focusName(fOutcome)
	}
	if a.Outcome == store.OutcomeWritten {
		if !ok {
			msg := "qa.err.due"
			if f.fields[fDue].(*textField).value() == "" {
				msg = "qa.err.due_needed" // a written answer must say by when
			}
			f.err, f.errField = m.c.T.T(msg), fDue
			return f.focusName(fDue)
		}
		if err := store.DueInRange(a.DueDate, m.d.heldOn); err != nil {
			f.err, f.errField = m.c.T.F("qa.err.due_range", m.showDate(m.d.heldOn), m.showDate(m.baseDate().AddDate(store.MaxDueYears, 0, 0).Format("2006-01-02"))), fDue
			return f.focusName(fDue)
		}
	}
	if m.unchanged(f) {
		return m.nothingChanged(f)
	}
	f.saving = true
	m.saveReq = m.next()
	c, dw, req, gen, key := m.c, m.dw, m.saveReq, f.gen, m.keyOf(f)
	return func() tea.Msg {
		id, err := c.Store.SaveAnswer(c.Ctx, a)
		if err == nil {
			dw.Drop(c, key, gen)
		}
		return savedMsg{req: req, kind: formAnswer, id: id, err: err}
	}
}

// nothingChanged closes a correction that changes nothing without
// writing: another terminal must not see a change (or a conflict) where
// there is none.
func (m *Model) nothingChanged(f *form) tea.Cmd {
	c, dw, key, gen := m.c, m.dw, m.keyOf(f), f.gen
	m.closeForm(false)
	m.setStatus(m.c.T.T("qa.unchanged"), false)
	next := m.nextDraft()
	return func() tea.Msg {
		if err := dw.Drop(c, key, gen); err != nil || next == nil {
			return common.DraftSavedMsg{Err: err}
		}
		return next()
	}
}

// saved handles the store's answer to a form: an error goes back to the
// form with its field focused; success closes it and reloads the log.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	if msg.req != m.saveReq || m.form == nil {
		return nil
	}
	f := m.form
	f.saving = false
	var ce *store.ConflictError
	if errors.As(msg.err, &ce) {
		// someone else saved the record since the form opened: say who
		// and when, keep what was typed, let the secretary choose
		f.conflict, f.err, f.errField = ce, "", ""
		return nil
	}
	if msg.err != nil {
		f.err, f.errField = m.c.ErrText(msg.err), fieldOf(msg.err)
		if f.errField != "" {
			return f.focusName(f.errField)
		}
		return nil
	}
	// the status and the cursor move once the reload shows the record
	m.pending = pendingSel{kind: msg.kind, id: msg.id, status: m.c.T.T("qa.saved.answer")}
	if msg.kind == formQuestion {
		m.pending.status = m.c.T.T("qa.saved.question")
		if msg.checkedIn != "" {
			// asking a question is being there: the attendance now says so
			m.pending.status = m.c.T.F("qa.saved.question_checkin", msg.checkedIn)
		}
	}
	m.closeForm(false)
	m.loadReq = m.next()
	return tea.Batch(load(m.c, m.loadReq, m.d), m.nextDraft())
}

// baseDate is the day "+N" due dates count from: the day the meeting was
// held (store.HeldOn), else today.
func (m *Model) baseDate() time.Time {
	if t, err := time.Parse("2006-01-02", m.d.heldOn); err == nil {
		return t
	}
	n := m.c.Now()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

// parseDue reads a due date typed as dd/mm/yyyy, dd/mm (the base's year),
// yyyy-mm-dd, or +N days after base; it returns YYYY-MM-DD.
func parseDue(s string, base time.Time) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(s, "+")); err == nil && strings.HasPrefix(s, "+") && n >= 0 && n < 3660 {
		return base.AddDate(0, 0, n).Format("2006-01-02"), true
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02"), true
	}
	norm := strings.NewReplacer("-", "/", ".", "/").Replace(s)
	// "2 Jan 2006": the English form the field shows a saved date in
	if t, err := time.Parse("2 Jan 2006", strings.Join(strings.Fields(s), " ")); err == nil {
		return t.Format("2006-01-02"), true
	}
	for _, layout := range []string{"2/1/2006", "2/1/06", "2/1"} {
		t, err := time.Parse(layout, norm)
		if err != nil {
			continue
		}
		if layout == "2/1" {
			t = time.Date(base.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		}
		return t.Format("2006-01-02"), true
	}
	return "", false
}

// showDate renders a stored YYYY-MM-DD date in the language's format.
func (m *Model) showDate(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return t.Format(m.c.T.T("qa.datefmt"))
}
