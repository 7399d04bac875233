package qa

import (
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"doithoai/store"
	"doithoai/tui/components"
	"doithoai/tui/i18n"
)

// A conflict is settled field by field: the record as the form opened it
// (base), as another secretary saved it since (theirs) and as typed here
// (mine). Overwriting keeps theirs where this form left a field as it
// was, and takes mine where it was changed here.

// questionOf is the question the form would save.
func (m *Model) questionOf(f *form) store.Question {
	ask := f.fields[fAsker].(*askerField)
	_, topic := f.fields[fTopic].(*chooser).value()
	pk, _ := f.fields[fPetition].(*chooser).value()
	q := store.Question{ID: f.id, ItemID: f.itemID, SpeakerID: ask.speakerID, DelegateID: ask.delegateID,
		AskerName: ask.name, AskerUnit: ask.unit, Topic: topic, Text: f.fields[fText].(*areaField).value(), Rev: f.rev}
	setLink(&q, pk)
	if !ask.set {
		q.AskerName = ""
	}
	if f.id == 0 {
		q.AskedAt = f.openedAt
	} else if f.baseQ != nil {
		q.AskedAt = f.baseQ.AskedAt
	} else {
		q.AskedAt = m.questionByID(f.id).AskedAt
	}
	return q
}

func same(a, b string) bool {
	return norm.NFC.String(strings.TrimSpace(a)) == norm.NFC.String(strings.TrimSpace(b))
}

// questionFields are compared in the form's order.
var questionFields = []string{fAsker, fTopic, fText, fPetition}

func sameQuestionField(n string, a, b store.Question) bool {
	switch n {
	case fAsker:
		return same(a.AskerName, b.AskerName) && same(a.AskerUnit, b.AskerUnit) && a.DelegateID == b.DelegateID
	case fTopic:
		// exactly: putting the accents on an old free-typed topic is a change
		return same(a.Topic, b.Topic)
	case fText:
		return same(a.Text, b.Text)
	case fPetition:
		return a.PetitionID == b.PetitionID && a.CarriedID == b.CarriedID
	}
	return true
}

func takeQuestionField(n string, dst *store.Question, src store.Question) {
	switch n {
	case fAsker:
		dst.AskerName, dst.AskerUnit, dst.DelegateID, dst.SpeakerID = src.AskerName, src.AskerUnit, src.DelegateID, src.SpeakerID
	case fTopic:
		dst.Topic = src.Topic
	case fText:
		dst.Text = src.Text
	case fPetition:
		dst.PetitionID, dst.CarriedID = src.PetitionID, src.CarriedID
	}
}

var answerFields = []string{fPerson, fAgency, fSummary, fOutcome, fFollowup, fDue}

// written drops what only a written answer has, so a stale agency or date
// behind another outcome is no difference.
func written(a store.Answer) store.Answer {
	if a.Outcome != store.OutcomeWritten {
		a.FollowupAgencyID, a.DueDate = 0, ""
	}
	return a
}

func sameAnswerField(n string, a, b store.Answer) bool {
	a, b = written(a), written(b)
	switch n {
	case fPerson:
		return same(a.Person, b.Person)
	case fAgency:
		return a.AgencyID == b.AgencyID
	case fSummary:
		return same(a.Summary, b.Summary)
	case fOutcome:
		return a.Outcome == b.Outcome
	case fFollowup:
		return a.FollowupAgencyID == b.FollowupAgencyID
	case fDue:
		return a.DueDate == b.DueDate
	}
	return true
}

func takeAnswerField(n string, dst *store.Answer, src store.Answer) {
	switch n {
	case fPerson:
		dst.Person = src.Person
	case fAgency:
		dst.AgencyID = src.AgencyID
	case fSummary:
		dst.Summary = src.Summary
	case fOutcome:
		dst.Outcome = src.Outcome
	case fFollowup:
		dst.FollowupAgencyID = src.FollowupAgencyID
	case fDue:
		dst.DueDate = src.DueDate
	}
}

// fieldDiff is one field where the saved version and the form differ.
type fieldDiff struct {
	name          string
	theirs, mine  string
	mineChanged   bool // changed in this form (else theirs is kept)
	theirsChanged bool // changed by the other since the form opened
}

// unchanged reports whether the form would save its record as it was
// opened (nothing to save).
func (m *Model) unchanged(f *form) bool {
	switch {
	case f.id == 0:
		return false
	case f.kind == formQuestion && f.baseQ != nil:
		mine, base := m.questionOf(f), *f.baseQ
		for _, n := range questionFields {
			if !sameQuestionField(n, mine, base) {
				return false
			}
		}
		return true
	case f.kind == formAnswer && f.baseA != nil:
		mine, ok := m.answerOf(f)
		if !ok {
			return false
		}
		for _, n := range answerFields {
			if !sameAnswerField(n, mine, *f.baseA) {
				return false
			}
		}
		return true
	}
	return false
}

// conflictDiffs compares the saved version with the form. Without the
// version the form opened with, every field counts as changed here.
func (m *Model) conflictDiffs(f *form, ce *store.ConflictError) []fieldDiff {
	var out []fieldDiff
	switch {
	case ce.Question != nil && f.kind == formQuestion:
		theirs, mine := *ce.Question, m.questionOf(f)
		for _, n := range questionFields {
			if sameQuestionField(n, theirs, mine) {
				continue
			}
			d := fieldDiff{name: n, theirs: m.showQuestionField(n, theirs), mine: m.showQuestionField(n, mine), mineChanged: true, theirsChanged: true}
			if b := f.baseQ; b != nil {
				d.mineChanged, d.theirsChanged = !sameQuestionField(n, mine, *b), !sameQuestionField(n, theirs, *b)
			}
			out = append(out, d)
		}
	case ce.Answer != nil && f.kind == formAnswer:
		theirs := *ce.Answer
		mine, ok := m.answerOf(f)
		if !ok {
			return nil
		}
		for _, n := range answerFields {
			if sameAnswerField(n, theirs, mine) {
				continue
			}
			d := fieldDiff{name: n, theirs: m.showAnswerField(n, theirs), mine: m.showAnswerField(n, mine), mineChanged: true, theirsChanged: true}
			if b := f.baseA; b != nil {
				d.mineChanged, d.theirsChanged = !sameAnswerField(n, mine, *b), !sameAnswerField(n, theirs, *b)
			}
			out = append(out, d)
		}
	}
	return out
}

// merge puts the other's changes into the form where this form did not
// touch the field, and bases the form on their version: the next save
// writes the merged record over theirs.
func (m *Model) merge(f *form, ce *store.ConflictError) {
	diffs := m.conflictDiffs(f, ce)
	switch {
	case ce.Question != nil && f.kind == formQuestion:
		theirs, merged := *ce.Question, m.questionOf(f)
		for _, d := range diffs {
			if !d.mineChanged {
				takeQuestionField(d.name, &merged, theirs)
			}
		}
		m.fillQuestion(f, &merged)
		f.baseQ = &theirs
	case ce.Answer != nil && f.kind == formAnswer:
		theirs := *ce.Answer
		merged, _ := m.answerOf(f)
		for _, d := range diffs {
			if !d.mineChanged {
				takeAnswerField(d.name, &merged, theirs)
			}
		}
		m.fillAnswer(f, &merged)
		f.baseA = &theirs
	}
	f.rev, f.conflict = ce.Rev, nil
}

func (m *Model) showQuestionField(n string, q store.Question) string {
	switch n {
	case fAsker:
		if q.AskerUnit != "" {
			return q.AskerName + ", " + q.AskerUnit
		}
		return q.AskerName
	case fTopic:
		return q.Topic
	case fText:
		return oneLine(q.Text)
	case fPetition:
		return m.linkShort(q)
	}
	return ""
}

func (m *Model) showAnswerField(n string, a store.Answer) string {
	a = written(a)
	switch n {
	case fPerson:
		return a.Person
	case fAgency:
		return m.unitLabel(a.AgencyID)
	case fSummary:
		return oneLine(a.Summary)
	case fOutcome:
		if a.Outcome == "" {
			return ""
		}
		return m.c.T.T("qa.outcome." + string(a.Outcome))
	case fFollowup:
		return m.unitLabel(a.FollowupAgencyID)
	case fDue:
		if a.DueDate == "" {
			return ""
		}
		return m.showDate(a.DueDate)
	}
	return ""
}

func who(t i18n.Catalog, station, user string) string { return components.Who(t, station, user) }

// unitKeyOf is a unit id as a chooser key ("" for none).
func unitKeyOf(id int64) string {
	if id == 0 {
		return ""
	}
	return "u:" + strconv.FormatInt(id, 10)
}
