package qa

import "doithoai/store"

// Drawing the open form, with the context under it: the question being
// answered and a linked petition's agency and prepared answer.

func (m *Model) questionNo(id int64) int {
	for i, q := range m.d.questions {
		if q.ID == id {
			return i + 1
		}
	}
	return 0
}

func (m *Model) formView() string {
	f := m.form
	t := m.c.T
	var title string
	var extra []string
	switch f.kind {
	case formFilter:
		title = t.T("qa.filter.title")
	case formQuestion:
		title = t.T("qa.form.new_question")
		if f.id != 0 {
			title = t.F("qa.form.edit_question", m.questionNo(f.id))
		}
		// the linked petition, or while searching the highlighted one
		pc := f.fields[fPetition].(*chooser)
		pk, _ := pc.value()
		if pk == "" && f.curName() == fPetition {
			pk = pc.highlighted()
		}
		if pk != "" {
			extra = m.petitionLines(idOf(pk), m.w)
		}
	case formAnswer:
		q := m.questionByID(f.questionID)
		title = t.F("qa.form.new_answer", m.questionNo(q.ID), q.AskerName)
		if f.id != 0 {
			title = t.F("qa.form.edit_answer", m.questionNo(q.ID), q.AskerName)
		}
		extra = append(extra, m.c.Styles.Subtle.Render(t.T("qa.f.text")+":"))
		extra = append(extra, wrapN(oneLine(q.Text), m.w-2, 2)...)
		if q.PetitionID != 0 {
			extra = append(extra, m.petitionLines(q.PetitionID, m.w)...)
		}
	}
	return f.view(m.c, title, m.formMsgs(), extra, m.w, m.h-1) + "\n" + m.statusLine()
}

// formMsgs are the form's refusal and, after a conflict, who changed the
// record and the two ways on, wrapped to the width.
func (m *Model) formMsgs() []string {
	f, t := m.form, m.c.T
	var out []string
	if ce := f.conflict; ce != nil {
		who := ce.Station
		if ce.User != "" {
			who += "/" + ce.User
		}
		what := "qa.conflict.question"
		if ce.Entity == "answer" {
			what = "qa.conflict.answer"
		}
		out = append(out, wrapN(t.F(what, who, ce.At.Format("15:04:05"))+" "+t.T("qa.conflict.choose"), m.w, 3)...)
		// their text, once the reload after their commit has it
		if theirs, ok := m.storedText(ce); ok {
			out = append(out, wrapN(t.F("qa.conflict.theirs", oneLine(theirs)), m.w, 2)...)
		}
	}
	if f.err != "" {
		out = append(out, wrapN(f.err, m.w, 2)...)
	}
	return out
}

func (m *Model) questionByID(id int64) store.Question {
	for _, q := range m.d.questions {
		if q.ID == id {
			return q
		}
	}
	return store.Question{}
}

// petitionLines show a linked petition's agency and prepared answer.
func (m *Model) petitionLines(id int64, w int) []string {
	p, ok := m.pets[id]
	if !ok {
		return nil
	}
	s, t := m.c.Styles, m.c.T
	agency := p.AgencyName
	if agency == "" {
		agency = t.T("ui.none")
	}
	out := []string{s.Bold.Render(trunc(t.F("qa.petition.head", p.No, agency), w))}
	ans := p.PreparedAnswer
	if ans == "" {
		ans = t.T("qa.petition.no_answer")
	}
	out = append(out, s.Subtle.Render(t.T("qa.petition.prepared")))
	for _, l := range wrapN(oneLine(ans), w-2, max(1, m.h)) {
		out = append(out, "  "+l)
	}
	return out
}

func (m *Model) statusLine() string {
	if m.status == "" {
		return ""
	}
	if m.statusErr {
		return m.c.Styles.Err.Render(trunc(m.status, m.w))
	}
	return m.c.Styles.OK.Render(trunc(m.status, m.w))
}

// storedText is the text (a question's) or summary (an answer's) of the
// record a conflict is about, as last read, if that read has the change.
func (m *Model) storedText(ce *store.ConflictError) (string, bool) {
	for _, q := range m.d.questions {
		if ce.Entity == "question" && q.ID == ce.ID {
			return q.Text, q.Rev == ce.Rev
		}
		for _, a := range q.Answers {
			if ce.Entity == "answer" && a.ID == ce.ID {
				return a.Summary, a.Rev == ce.Rev && a.Summary != ""
			}
		}
	}
	return "", false
}
