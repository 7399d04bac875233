package qa

import (
	"strconv"
	"strings"

	"doithoai/store/fold"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
)

func (m *Model) newForm(kind formKind) *form {
	m.formGen++
	return &form{kind: kind, fields: map[string]field{}, gen: m.formGen, openedAt: m.c.Now()}
}

func (m *Model) newQuestionForm() *form {
	s, t := m.c.Styles, m.c.T
	f := m.newForm(formQuestion)
	f.add(fAsker, newAskerField(m.c))
	topic := newChooser(s, t.T("qa.topic.placeholder"), false, false)
	topic.newRow = t.T("qa.topic.new") // a new topic only when that row is chosen
	topic.newWarn = t.T("qa.topic.new_bare")
	f.add(fTopic, topic)
	f.add(fText, newAreaField(s, t, t.T("qa.text.placeholder")))
	f.add(fPetition, newChooser(s, t.T("qa.petition.placeholder"), false, false))
	f.itemID = m.d.item.ID
	m.fillOptions(f)
	return f
}

func (m *Model) newAnswerForm() *form {
	s, t := m.c.Styles, m.c.T
	f := m.newForm(formAnswer)
	f.add(fPerson, newChooser(s, t.T("qa.person.placeholder"), true, false))
	f.add(fAgency, newChooser(s, t.T("qa.agency.placeholder"), false, false))
	f.add(fSummary, newAreaField(s, t, t.T("qa.summary.placeholder")))
	f.add(fOutcome, newChooser(s, "", false, true))
	f.add(fFollowup, newChooser(s, t.T("qa.agency.placeholder"), false, false))
	f.add(fDue, newTextField(s, t.T("qa.due.placeholder")))
	m.fillOptions(f)
	return f
}

func (m *Model) newFilterForm() *form {
	s, t := m.c.Styles, m.c.T
	f := m.newForm(formFilter)
	f.add(fTopic, newChooser(s, t.T("qa.filter.any"), false, false))
	f.add(fAgency, newChooser(s, t.T("qa.filter.any"), false, false))
	f.add(fOutcome, newChooser(s, t.T("qa.filter.any"), false, false))
	m.fillOptions(f)
	return f
}

// fillOptions gives the form's lists the current data (also after a
// reload, keeping what was chosen).
func (m *Model) fillOptions(f *form) {
	t := m.c.T
	var topics, units, pets, people, outcomes []option
	for _, tp := range m.d.topics {
		topics = append(topics, mkOption(tp, tp, ""))
	}
	for _, u := range m.d.units {
		hint := ""
		if u.Short != "" && u.Short != u.Name {
			hint = u.Short
		}
		units = append(units, mkOption("u:"+strconv.FormatInt(u.ID, 10), u.Name, hint))
	}
	for _, p := range m.d.petitions {
		pets = append(pets, mkOption("p:"+strconv.FormatInt(p.ID, 10), t.F("qa.petition.label", p.No, m.unitLabel(p.AgencyID), oneLine(p.Text)),
			"", p.AgencyName, p.Topic, p.SourceName, p.SourceUnit))
	}
	pets = append(pets, m.carriedOptions()...)
	for _, d := range m.d.delegates {
		if d.Protocol > 0 {
			people = append(people, mkOption("d:"+strconv.FormatInt(d.ID, 10), d.FullName, d.Title, d.UnitName))
		}
	}
	for i, o := range store.Outcomes {
		outcomes = append(outcomes, mkOption(string(o), t.T("qa.outcome."+string(o)), "", strconv.Itoa(i+1)))
	}
	if f.kind == formFilter {
		outcomes = append(outcomes, mkOption(outcomeOverdue, t.T("qa.outcome.overdue"), "", "5"))
	}
	for n, fl := range f.fields {
		switch x := fl.(type) {
		case *askerField:
			if m.d.index != nil {
				x.setDelegates(m.d.delegates, m.d.index)
			}
		case *chooser:
			switch n {
			case fTopic:
				x.setOptions(topics)
			case fAgency, fFollowup:
				x.setOptions(units)
			case fPetition:
				x.setOptions(pets)
			case fPerson:
				x.setOptions(people)
			case fOutcome:
				x.setOptions(outcomes)
			}
		}
	}
}

func (m *Model) unitLabel(id int64) string {
	if u, ok := m.unitByID[id]; ok {
		return u.Label()
	}
	return ""
}

func (m *Model) startForm(f *form) {
	if m.mode != modeForm {
		m.back = m.mode
		if m.back == modeHistory {
			m.back = modeLog
		}
	}
	m.form, m.mode, m.dirty = f, modeForm, false
	m.setStatus("", false)
	m.layoutForm()
}

func (m *Model) layoutForm() {
	f := m.form
	for _, fl := range f.fields {
		if a, ok := fl.(*areaField); ok {
			a.height = 3
			if m.h >= 30 {
				a.height = 5
			}
		}
	}
	f.setWidth(m.w, m.c.T)
}

// openQuestion opens the question form: a new one (q nil), prefilled with
// the current speaker and petition pid if set, or q to correct.
func (m *Model) openQuestion(q *store.Question, pid int64) tea.Cmd {
	f := m.newQuestionForm()
	m.startForm(f)
	ask := f.fields[fAsker].(*askerField)
	topic := f.fields[fTopic].(*chooser)
	pet := f.fields[fPetition].(*chooser)
	if q != nil {
		f.id, f.itemID, f.rev = q.ID, q.ItemID, q.Rev
		base := *q
		base.Answers = nil
		f.baseQ = &base // what an overwrite merges against
		m.fillQuestion(f, q)
		return f.focusName(fText)
	}
	if m.d.hasSpeaker {
		ask.setSpeaker(m.d.speaker)
	}
	if pid != 0 {
		pet.choose("p:" + strconv.FormatInt(pid, 10))
		chooseOrType(topic, m.pets[pid].Topic)
	}
	if ask.set {
		// the first empty required field: the text (the topic may wait)
		return f.focusName(fText)
	}
	return f.focusName(fAsker)
}

// fillQuestion shows question q's values in the form's fields.
func (m *Model) fillQuestion(f *form, q *store.Question) {
	ask := f.fields[fAsker].(*askerField)
	ask.clear()
	ask.name, ask.unit, ask.delegateID, ask.speakerID = q.AskerName, q.AskerUnit, q.DelegateID, q.SpeakerID
	ask.show()
	topic := f.fields[fTopic].(*chooser)
	topic.choose("")
	chooseOrType(topic, q.Topic)
	f.fields[fText].(*areaField).restore(fieldState{Text: q.Text})
	pet := f.fields[fPetition].(*chooser)
	pet.choose(linkKey(*q))
}

// fillAnswer shows answer a's values in the form's fields.
func (m *Model) fillAnswer(f *form, a *store.Answer) {
	person := f.fields[fPerson].(*chooser)
	person.choose("")
	chooseOrType(person, a.Person)
	for _, o := range person.opts {
		if o.label == a.Person {
			person.choose(o.key)
			break
		}
	}
	f.fields[fAgency].(*chooser).choose(unitKeyOf(a.AgencyID))
	f.fields[fSummary].(*areaField).restore(fieldState{Text: a.Summary})
	f.fields[fOutcome].(*chooser).choose(string(a.Outcome))
	f.fields[fFollowup].(*chooser).choose(unitKeyOf(a.FollowupAgencyID))
	due := ""
	if a.DueDate != "" {
		due = m.showDate(a.DueDate)
	}
	f.fields[fDue].(*textField).restore(fieldState{Text: due})
}

func chooseOrType(c *chooser, text string) {
	if text == "" {
		return
	}
	ft := fold.Fold(text)
	for _, o := range c.opts {
		if o.key == text || (c.newRow != "" && fold.Fold(o.label) == ft) {
			c.choose(o.key)
			return
		}
	}
	st := fieldState{Text: text}
	if c.newRow != "" {
		st.Key = newKey // already the record's: not asked again
	}
	c.restore(st)
}

// unresolvedTopic refuses to leave a topic typed that is not on the list
// unless it was taken as a new one: a name typed in the wrong field must
// not become a topic.
func (m *Model) unresolvedTopic(f *form) bool {
	c, ok := f.fields[fTopic].(*chooser)
	if !ok || f.kind != formQuestion || !c.unresolved() {
		return false
	}
	f.err, f.errField = m.c.T.F("qa.err.topic", strings.TrimSpace(c.in.Value())), fTopic
	return true
}

// openAnswer opens the answer form for question q: a new answer (a nil;
// the first one prefilled with the chair) or a to correct.
func (m *Model) openAnswer(q store.Question, a *store.Answer) tea.Cmd {
	f := m.newAnswerForm()
	f.questionID = q.ID
	m.startForm(f)
	person := f.fields[fPerson].(*chooser)
	if a != nil {
		f.id, f.rev = a.ID, a.Rev
		base := *a
		f.baseA = &base
		m.fillAnswer(f, a)
		f.agencyPre = f.fields[fAgency].(*chooser).chosen
		m.fuFollows(f)
		return f.focusName(fSummary)
	}
	if len(q.Answers) == 0 && m.d.meeting.Chair != "" {
		for _, o := range person.opts {
			if o.label == m.d.meeting.Chair {
				person.choose(o.key)
				m.afterCommit(f, fPerson)
				break
			}
		}
	}
	f.agencyPre = f.fields[fAgency].(*chooser).chosen
	return f.focusName(fPerson)
}

func unitKey(id int64) string { return "u:" + strconv.FormatInt(id, 10) }

func (m *Model) openFilter() tea.Cmd {
	f := m.newFilterForm()
	m.startForm(f)
	if m.flt.topic != "" {
		f.fields[fTopic].(*chooser).choose(m.flt.topic)
	}
	if m.flt.agencyID != 0 {
		f.fields[fAgency].(*chooser).choose(unitKey(m.flt.agencyID))
	}
	if m.flt.outcome != "" {
		f.fields[fOutcome].(*chooser).choose(m.flt.outcome)
	}
	return f.focusAt(0)
}

// afterCommit fills fields that follow from the one just left: a person
// from the list brings their agency; a written answer is owed by the
// answering agency (else the linked petition's) unless another is chosen.
func (m *Model) afterCommit(f *form, name string) {
	if f.kind != formAnswer {
		return
	}
	switch name {
	case fPerson:
		p := f.fields[fPerson].(*chooser)
		if strings.HasPrefix(p.chosen, "d:") {
			if d, ok := m.delByID[idOf(p.chosen)]; ok && d.UnitID != 0 {
				f.fields[fAgency].(*chooser).choose(unitKey(d.UnitID))
			}
		}
		m.followAgency(f)
	case fAgency, fOutcome:
		m.followAgency(f)
	}
}

// followAgency sets the written answer's agency to the one that
// answered, and keeps it following later changes of the agency field
// while the written-by field holds what was set here: a choice made there
// by hand stays. The linked petition's agency is the default only while
// the agency field is empty or still as the form opened (the chair
// prefilled, who answers for the agency the petition was assigned to): an
// agency chosen for this answer owes it, whatever the petition says.
func (m *Model) followAgency(f *form) {
	fu := f.fields[fFollowup].(*chooser)
	if f.fields[fOutcome].(*chooser).chosen != string(store.OutcomeWritten) || fu.chosen != f.fuAuto {
		return
	}
	owed := f.fields[fAgency].(*chooser).chosen
	if owed == "" || owed == f.agencyPre {
		if p, ok := m.pets[m.questionByID(f.questionID).PetitionID]; ok && p.AgencyID != 0 {
			owed = unitKey(p.AgencyID)
		}
	}
	if owed != "" && owed != fu.chosen {
		fu.choose(owed)
	}
	f.fuAuto = fu.chosen
}

// afterRestore re-applies what restore cannot know: nothing for now but
// the speaker link kept in the asker's state.
func (m *Model) afterRestore(f *form) {
	if a, ok := f.fields[fAsker].(*askerField); ok && m.d.hasSpeaker {
		a.speaker = m.d.speaker
	}
	m.fuFollows(f)
}

// fuFollows: a written-by agency that is the answering one keeps
// following the agency field (a restored draft, a correction).
func (m *Model) fuFollows(f *form) {
	if f.kind != formAnswer {
		return
	}
	if fu := f.fields[fFollowup].(*chooser).chosen; fu != "" && fu == f.fields[fAgency].(*chooser).chosen {
		f.fuAuto = fu
	}
}

func (m *Model) formKey(k tea.KeyMsg) tea.Cmd {
	f, km := m.form, m.keys
	switch {
	case f.conflict != nil && key.Matches(k, km.Overwrite):
		// deliberately over the other change: keep theirs where this
		// form left a field alone, based on their version from now on
		m.merge(f, f.conflict)
		m.dirty = true
		return m.submit()
	case f.conflict != nil && key.Matches(k, km.Reload):
		return m.reloadForm()
	case key.Matches(k, km.Save):
		return m.submit()
	case key.Matches(k, km.Cancel):
		if f.changed && !f.armed && f.kind != formFilter {
			f.armed = true
			f.err = m.c.T.T("qa.cancel.confirm")
			return nil
		}
		return m.closeForm(true)
	case key.Matches(k, km.Next):
		// resolve the field first: choosing "written" shows two more fields
		name := f.curName()
		f.cur().commit()
		m.afterCommit(f, name)
		if name == fTopic {
			if m.unresolvedTopic(f) {
				return nil
			}
			m.clearErr(f, fTopic)
		}
		if f.last() {
			return m.submit()
		}
		cmd, _ := f.move(1)
		// leaving a field saves the draft at once, not at the next tick
		return tea.Batch(cmd, m.flushDraft())
	case key.Matches(k, km.Prev):
		name := f.curName()
		if name == fTopic {
			f.cur().commit()
			if m.unresolvedTopic(f) {
				return nil
			}
			m.clearErr(f, fTopic)
		}
		cmd, _ := f.move(-1)
		m.afterCommit(f, name)
		return tea.Batch(cmd, m.flushDraft())
	}
	cmd, changed := f.cur().update(k)
	if changed {
		m.dirty, f.changed, f.armed = true, true, false
		// a refusal is stale once its field (or, for the form as a whole,
		// anything) is typed into
		if f.err != "" && (f.errField == "" || f.errField == f.curName()) {
			f.err, f.errField = "", ""
		}
	}
	return cmd
}

// closeForm leaves the form; a cancelled form's draft is deleted.
func (m *Model) closeForm(drop bool) tea.Cmd {
	f := m.form
	m.form, m.mode, m.dirty = nil, m.back, false
	if drop && f.kind != formFilter {
		c, dw, key, gen := m.c, m.dw, m.keyOf(f), f.gen
		m.setStatus(m.c.T.T("ui.cancelled"), false)
		next := m.nextDraft() // listed only once this draft is gone
		return func() tea.Msg {
			if err := dw.Drop(c, key, gen); err != nil || next == nil {
				return common.DraftSavedMsg{Err: err}
			}
			return next()
		}
	}
	return nil
}

// reloadForm drops what was typed after a conflict and reopens the record
// as it now stands, from a fresh read.
func (m *Model) reloadForm() tea.Cmd {
	f := m.form
	m.reopen = pendingSel{kind: f.kind, id: f.id}
	c, dw, key, gen, prev := m.c, m.dw, m.keyOf(f), f.gen, m.d
	m.loadReq = m.next()
	ld := load(c, m.loadReq, data{delegates: prev.delegates, index: prev.index})
	return func() tea.Msg {
		if err := dw.Drop(c, key, gen); err != nil {
			return common.DraftSavedMsg{Err: err}
		}
		return ld()
	}
}

// reopenForm opens record r again from the data just read.
func (m *Model) reopenForm(r pendingSel) tea.Cmd {
	for _, q := range m.d.questions {
		if r.kind == formQuestion && q.ID == r.id {
			cmd := m.openQuestion(&q, 0)
			m.form.notice = m.c.T.T("qa.conflict.reloaded")
			return cmd
		}
		for _, a := range q.Answers {
			if r.kind == formAnswer && a.ID == r.id {
				cmd := m.openAnswer(q, &a)
				m.form.notice = m.c.T.T("qa.conflict.reloaded")
				return cmd
			}
		}
	}
	m.closeForm(false)
	m.setStatus(m.c.T.T("err.not_found"), true)
	return nil
}

// clearErr drops the form's refusal if it was about field name.
func (m *Model) clearErr(f *form, name string) {
	if f.errField == name {
		f.err, f.errField = "", ""
	}
}
