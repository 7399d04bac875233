package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"doithoai/store"
)

// inUse checks that err refuses a removal for what u says.
func inUse(t *testing.T, what string, err error, want store.Uses) {
	t.Helper()
	var ie *store.InUseError
	if !errors.As(err, &ie) || !errors.Is(err, store.ErrInUse) {
		t.Fatalf("%s: got %v, want an InUseError", what, err)
	}
	if ie.Uses != want {
		t.Errorf("%s: uses %+v, want %+v", what, ie.Uses, want)
	}
}

// TestRemoveUnit: a unit mistyped in an import goes, with its audit row;
// a unit that delegates, petitions or answers name stays, and the refusal
// counts them and writes nothing.
func TestRemoveUnit(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	typo, err := s.SaveUnit(ctx, store.Unit{Name: "Xã Quảng Mới", Kind: store.UnitCommune})
	if err != nil {
		t.Fatal(err)
	}
	if u, err := s.UnitUses(ctx, typo); err != nil || !u.None() {
		t.Fatalf("new unit uses %+v %v", u, err)
	}
	if err := s.RemoveUnit(ctx, typo); err != nil {
		t.Fatal(err)
	}
	units, _ := s.Units(ctx)
	for _, u := range units {
		if u.ID == typo {
			t.Fatal("the unit is still there")
		}
	}
	h, _ := s.History(ctx, "unit", typo, 0)
	if last := h[len(h)-1]; last.Action != "delete" || !strings.Contains(last.Before, "Quảng Mới") || last.After != "" {
		t.Errorf("audit %+v", last)
	}
	if err := s.RemoveUnit(ctx, typo); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second removal: %v", err)
	}

	// a demo unit with delegates
	ds, _ := s.Delegates(ctx)
	unit, n := ds[0].UnitID, 0
	for _, d := range ds {
		if d.UnitID == unit {
			n++
		}
	}
	ps, _ := s.Petitions(ctx)
	np := 0
	for _, p := range ps {
		if p.SourceUnitID == unit || p.AgencyID == unit {
			np++
		}
	}
	before := auditCount(t, s)
	inUse(t, "unit with delegates", s.RemoveUnit(ctx, unit), store.Uses{Delegates: n, Petitions: np})
	if got := auditCount(t, s); got != before {
		t.Errorf("a refused removal wrote %d audit rows", got-before)
	}
	if u, _ := s.UnitUses(ctx, unit); u.Delegates != n {
		t.Errorf("UnitUses %+v, want %d delegates", u, n)
	}

	// only a petition's agency, then only an answer's follow-up agency
	agency, _ := s.SaveUnit(ctx, store.Unit{Name: "Phòng Kinh tế", Kind: store.UnitAgency})
	pid, err := s.SavePetition(ctx, store.Petition{Text: "Làm đường liên thôn", AgencyID: agency})
	if err != nil {
		t.Fatal(err)
	}
	inUse(t, "petition agency", s.RemoveUnit(ctx, agency), store.Uses{Petitions: 1})
	p, _ := s.Petition(ctx, pid)
	p.AgencyID = 0
	if _, err := s.SavePetition(ctx, p); err != nil {
		t.Fatal(err)
	}
	qid, err := s.SaveQuestion(ctx, store.Question{AskerName: "Nguyễn Thị Hoa", Text: "Xin hỏi về đường"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Trưởng phòng", Outcome: store.OutcomeWritten,
		FollowupAgencyID: agency, DueDate: "2023-11-30"}); err != nil {
		t.Fatal(err)
	}
	inUse(t, "answer agency", s.RemoveUnit(ctx, agency), store.Uses{Answers: 1})
}

func TestRemoveGroup(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	odd, err := s.SaveGroup(ctx, store.Group{Name: "Thành phần lạ"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveGroup(ctx, odd); err != nil {
		t.Fatal(err)
	}
	gs, _ := s.Groups(ctx)
	for _, g := range gs {
		if g.ID == odd {
			t.Fatal("the group is still there")
		}
	}
	h, _ := s.History(ctx, "group", odd, 0)
	if last := h[len(h)-1]; last.Action != "delete" || !strings.Contains(last.Before, "Thành phần lạ") {
		t.Errorf("audit %+v", last)
	}
	ds, _ := s.Delegates(ctx)
	n := 0
	for _, d := range ds {
		if d.GroupID == gs[0].ID {
			n++
		}
	}
	if n == 0 {
		t.Fatal("demo group without delegates")
	}
	inUse(t, "group with delegates", s.RemoveGroup(ctx, gs[0].ID), store.Uses{Delegates: n})
	if u, _ := s.GroupUses(ctx, gs[0].ID); u.Delegates != n {
		t.Errorf("GroupUses %+v", u)
	}
}

// TestRemoveDelegate: a delegate added by mistake goes; one who checked
// in, or whom a speaker entry, a question or a petition names, stays.
func TestRemoveDelegate(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	add := func(name string) int64 {
		t.Helper()
		id, err := s.SaveDelegate(ctx, store.Delegate{FullName: name})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	gone := add("Nguyễn Văn Nhầm")
	if err := s.RemoveDelegate(ctx, gone); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delegate(ctx, gone); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("still there: %v", err)
	}
	h, _ := s.History(ctx, "delegate", gone, 0)
	if last := h[len(h)-1]; last.Action != "delete" || !strings.Contains(last.Before, "Nhầm") {
		t.Errorf("audit %+v", last)
	}

	came := add("Trần Thị Đến")
	if _, err := s.CheckIn(ctx, came); err != nil {
		t.Fatal(err)
	}
	inUse(t, "checked in", s.RemoveDelegate(ctx, came), store.Uses{CheckedIn: true})

	spoke := add("Lê Văn Nói")
	items, _ := s.Agenda(ctx)
	if _, err := s.AddSpeaker(ctx, store.Speaker{ItemID: items[0].ID, DelegateID: spoke}); err != nil {
		t.Fatal(err)
	}
	inUse(t, "speaker", s.RemoveDelegate(ctx, spoke), store.Uses{Speakers: 1})

	asked := add("Phạm Thị Hỏi")
	if _, err := s.SaveQuestion(ctx, store.Question{DelegateID: asked, AskerName: "Phạm Thị Hỏi", Text: "Xin hỏi"}); err != nil {
		t.Fatal(err)
	}
	// asking checked her in too (SaveQuestion: an asker is present)
	inUse(t, "question", s.RemoveDelegate(ctx, asked), store.Uses{Questions: 1, CheckedIn: true})

	sent := add("Hoàng Văn Gửi")
	if _, err := s.SavePetition(ctx, store.Petition{DelegateID: sent, Text: "Kiến nghị về điện"}); err != nil {
		t.Fatal(err)
	}
	inUse(t, "petition", s.RemoveDelegate(ctx, sent), store.Uses{Petitions: 1})
	if u, _ := s.DelegateUses(ctx, sent); u != (store.Uses{Petitions: 1}) {
		t.Errorf("DelegateUses %+v", u)
	}
	if err := s.RemoveDelegate(ctx, 999999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown delegate: %v", err)
	}
}

// TestRemoveForbidden: the check-in desk cannot remove anything.
func TestRemoveForbidden(t *testing.T) {
	base, _ := openDemo(t)
	ctx := context.Background()
	id, _ := base.SaveGroup(ctx, store.Group{Name: "Thành phần lạ"})
	desk := base.As(store.Actor{Station: "checkin", Role: store.RoleCheckin})
	if err := desk.RemoveGroup(ctx, id); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("desk removed a group: %v", err)
	}
}
