package store_test

import (
	"context"
	"strings"
	"testing"

	"doithoai/store"
)

// A speaker typed without accents at the agenda, whose question the
// secretary recorded under the same name, is pointed out and corrected in
// both places with one change each, audited; a delegate from the list is
// never among them.
func TestUnaccentedNamesAndCorrect(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	items, _ := s.Agenda(ctx)
	var dialogue int64
	for _, it := range items {
		if it.Kind == store.ItemDialogue {
			dialogue = it.ID
		}
	}
	if _, err := s.AddSpeaker(ctx, store.Speaker{ItemID: dialogue, Name: "Nguyen Van Khach", UnitName: "Xa Quang Tan"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSpeaker(ctx, store.Speaker{ItemID: dialogue, Name: "Lê Thị Có Dấu"}); err != nil {
		t.Fatal(err)
	}
	qid, err := s.SaveQuestion(ctx, store.Question{AskerName: "Nguyen Van Khach", Text: "Đề nghị làm đường."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveQuestion(ctx, store.Question{AskerName: "123", Text: "Số, không phải tên."}); err != nil {
		t.Fatal(err)
	}
	names, err := s.UnaccentedNames(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 || names[0] != (store.UnaccentedName{Name: "Nguyen Van Khach", Speakers: 1, Questions: 1}) {
		t.Fatalf("unaccented %+v", names)
	}
	n, err := s.CorrectName(ctx, "Nguyen Van Khach", " Nguyễn Văn Khách ")
	if err != nil || n != 2 {
		t.Fatalf("corrected %d: %v", n, err)
	}
	if names, _ = s.UnaccentedNames(ctx); len(names) != 0 {
		t.Errorf("still unaccented: %+v", names)
	}
	qs, _ := s.Questions(ctx, 0)
	for _, q := range qs {
		if q.ID == qid && q.AskerName != "Nguyễn Văn Khách" {
			t.Errorf("asker %q", q.AskerName)
		}
	}
	h, _ := s.History(ctx, "question", qid, 0)
	if last := h[len(h)-1]; !strings.Contains(last.Before, "Nguyen Van Khach") || !strings.Contains(last.After, "Nguyễn Văn Khách") {
		t.Errorf("audit %+v", last)
	}
	// the check-in desk cannot; the secretary can
	desk := s.As(store.Actor{Station: "checkin", Role: store.RoleCheckin})
	if _, err := desk.CorrectName(ctx, "Nguyễn Văn Khách", "X"); err == nil {
		t.Error("the desk corrected a name")
	}
	if _, err := s.As(store.Actor{Station: "qa", Role: store.RoleQA}).CorrectName(ctx, "Nguyễn Văn Khách", "Nguyễn Văn Khánh"); err != nil {
		t.Error(err)
	}
	if _, err := s.CorrectName(ctx, "Nguyễn Văn Khánh", "  "); err == nil {
		t.Error("an empty name accepted")
	}
}
