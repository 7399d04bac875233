package qa

import (
	"testing"

	"doithoai/store"
	"doithoai/tui/i18n"
)

// TestWrittenByFollowsAnsweringAgency: a written answer is owed by the
// agency chosen as answering (TN&MT), not the linked petition's (P5,
// NN&PTNT); it follows later changes of the agency field until the
// written-by field is chosen by hand.
func TestWrittenByFollowsAnsweringAgency(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	fu := func() string { return m.form.fields[fFollowup].(*chooser).chosen }
	press(t, m, "n", "Đất sản xuất.", "enter", "kn 5", "enter")
	qs := questions(t, st)
	q := qs[len(qs)-1]
	if p := m.pets[q.PetitionID]; p.No != 5 || p.AgencyID != unitID(t, st, "NN&PTNT") {
		t.Fatalf("question linked to %+v, want P5 (NN&PTNT)", p)
	}
	press(t, m, "end", "a")
	if m.form == nil || m.form.kind != formAnswer || m.form.curName() != fPerson {
		t.Fatal("answer form not open on the person")
	}
	// answered by TN&MT's head: the agency follows the person
	press(t, m, "do minh tuan", "enter", "enter", "Sẽ trả lời.", "enter", "van ban", "enter")
	if m.form.curName() != fFollowup || fu() != unitKey(unitID(t, st, "TN&MT")) {
		t.Fatalf("written by %q, want TN&MT (the answering agency)", fu())
	}
	// the agency corrected: the written-by follows
	press(t, m, "shift+tab", "shift+tab", "shift+tab", "tai chinh", "enter")
	if fu() != unitKey(unitID(t, st, "TC-KH")) {
		t.Fatalf("written by %q after the agency changed, want TC-KH", fu())
	}
	// chosen by hand: it stays when the agency changes again
	press(t, m, "tab", "tab", "phong y te", "enter")
	press(t, m, "shift+tab", "shift+tab", "shift+tab", "shift+tab", "lao dong", "enter")
	if fu() != unitKey(unitID(t, st, "Y tế")) {
		t.Fatalf("written by %q, want Y tế (chosen by hand)", fu())
	}
	press(t, m, "tab", "tab", "tab", "+15", "ctrl+s")
	if m.form != nil {
		t.Fatalf("not saved: %s\n%s", m.form.err, m.View())
	}
	qs = questions(t, st)
	a := qs[len(qs)-1].Answers[0]
	if a.Outcome != store.OutcomeWritten || a.AgencyID != unitID(t, st, "LĐ-TB&XH") || a.FollowupAgencyID != unitID(t, st, "Y tế") {
		t.Fatalf("saved %+v", a)
	}
}

// TestWrittenByPetitionWhenChairPrefilled: the chair, prefilled and left
// as is, answers for the agency the petition was assigned to: that agency
// owes the written answer (the chair's UBND does not).
func TestWrittenByPetitionWhenChairPrefilled(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	press(t, m, "n", "Đất sản xuất.", "enter", "kn 5", "enter", "end", "a")
	press(t, m, "enter", "enter", "Giao phòng trả lời.", "enter", "van ban", "enter")
	if got := m.form.fields[fFollowup].(*chooser).chosen; got != unitKey(unitID(t, st, "NN&PTNT")) {
		t.Fatalf("written by %q, want NN&PTNT (P5's)", got)
	}
}

// TestWrittenByFollowsInCorrection: correcting a written answer whose
// written-by is the answering agency, a new agency carries it along; one
// chosen apart stays.
func TestWrittenByFollowsInCorrection(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	press(t, m, "home", "down", "down", "e")
	if m.form == nil || m.form.kind != formAnswer || m.form.id == 0 {
		t.Fatal("correction form not open")
	}
	fu := m.form.fields[fFollowup].(*chooser)
	if fu.chosen != unitKey(unitID(t, st, "LĐ-TB&XH")) {
		t.Fatalf("opened on %q, want the fixture's LĐ-TB&XH", fu.chosen)
	}
	press(t, m, "shift+tab", "tai nguyen", "enter")
	if fu.chosen != unitKey(unitID(t, st, "TN&MT")) {
		t.Fatalf("written by %q after the agency changed, want TN&MT", fu.chosen)
	}
}
