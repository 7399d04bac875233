package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"doithoai/store"
)

// TestSaveUnchangedWritesNothing: saving a question or an answer as it
// stands adds no audit row, so another terminal editing it sees no
// change and gets no conflict.
func TestSaveUnchangedWritesNothing(t *testing.T) {
	_, path := openDemo(t)
	ctx := context.Background()
	a := openSecond(t, path, store.Actor{Station: "qa", User: "root/tk1", Role: store.RoleQA})
	b := openSecond(t, path, store.Actor{Station: "qa", User: "root/tk2", Role: store.RoleQA})
	qid, err := a.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Topic: "bình đẳng giới", Text: "Vốn vay?"})
	if err != nil {
		t.Fatal(err)
	}
	aid, err := a.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Chủ tịch", Outcome: store.OutcomeWritten, FollowupAgencyID: 1, DueDate: "2023-11-01"})
	if err != nil {
		t.Fatal(err)
	}
	qs, _ := b.Questions(ctx, 0)
	q := qs[len(qs)-1]
	before := auditCount(t, a)
	// as read, and as typed again (the topic without accents, spaces)
	q2 := q
	q2.Topic, q2.Text = "binh dang gioi", " Vốn vay? "
	for _, x := range []store.Question{q, q2} {
		if id, err := a.SaveQuestion(ctx, x); err != nil || id != qid {
			t.Fatalf("unchanged save: %d %v", id, err)
		}
	}
	ans := q.Answers[0]
	if id, err := a.SaveAnswer(ctx, ans); err != nil || id != aid {
		t.Fatalf("unchanged answer: %d %v", id, err)
	}
	if n := auditCount(t, a); n != before {
		t.Fatalf("unchanged saves wrote %d audit rows", n-before)
	}
	// the other terminal, holding the same revisions, saves a change
	q.Text = "Vốn vay ưu đãi?"
	if _, err := b.SaveQuestion(ctx, q); err != nil {
		t.Fatalf("a no-op save elsewhere made a conflict: %v", err)
	}
	ans.Summary = "Sẽ trả lời"
	if _, err := b.SaveAnswer(ctx, ans); err != nil {
		t.Fatalf("a no-op answer save elsewhere made a conflict: %v", err)
	}
}

// TestConflictCarriesSavedRecord: the refusal holds the record as now
// saved (for a field-by-field comparison and a merge).
func TestConflictCarriesSavedRecord(t *testing.T) {
	_, path := openDemo(t)
	ctx := context.Background()
	a := openSecond(t, path, store.Actor{Station: "qa", User: "root/tk2", Role: store.RoleQA})
	b := openSecond(t, path, store.Actor{Station: "qa", User: "root/tk3", Role: store.RoleQA})
	qid, _ := a.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Topic: "Khác", Text: "Vốn vay?"})
	if _, err := a.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Chủ tịch", Outcome: store.OutcomeSpot}); err != nil {
		t.Fatal(err)
	}
	qs, _ := a.Questions(ctx, 0)
	qa := qs[len(qs)-1]
	qs, _ = b.Questions(ctx, 0)
	qb := qs[len(qs)-1]
	qa.Topic = "Bình đẳng giới"
	if _, err := a.SaveQuestion(ctx, qa); err != nil {
		t.Fatal(err)
	}
	qb.Text = "Vốn vay trồng nấm?"
	_, err := b.SaveQuestion(ctx, qb)
	var ce *store.ConflictError
	if !errors.As(err, &ce) || ce.Question == nil || ce.Question.Topic != "Bình đẳng giới" || ce.Question.Text != "Vốn vay?" || ce.Question.Rev != ce.Rev || ce.User != "root/tk2" {
		t.Fatalf("conflict %v %+v", err, ce)
	}
	aa, ab := qa.Answers[0], qb.Answers[0]
	aa.Outcome, aa.FollowupAgencyID, aa.DueDate = store.OutcomeWritten, 2, "2023-12-01"
	if _, err := a.SaveAnswer(ctx, aa); err != nil {
		t.Fatal(err)
	}
	ab.Summary = "Đã trả lời"
	_, err = b.SaveAnswer(ctx, ab)
	if !errors.As(err, &ce) || ce.Answer == nil || ce.Answer.DueDate != "2023-12-01" || ce.Answer.FollowupAgencyID != 2 || ce.Answer.Rev != ce.Rev {
		t.Fatalf("answer conflict %v %+v", err, ce)
	}
}

// TestHeldOnAndDue: due dates count from the day the meeting ran (its
// first item started), not the planned date.
func TestHeldOnAndDue(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	m, _ := s.Meeting(ctx)
	if d, err := s.HeldOn(ctx); err != nil || d != m.Date {
		t.Fatalf("before the start: %q %v, want the planned %q", d, err, m.Date)
	}
	if _, err := s.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	today := time.Now().Format("2006-01-02")
	if d, err := s.HeldOn(ctx); err != nil || d != today {
		t.Fatalf("held on %q %v, want today %q", d, err, today)
	}
	qid, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "Vốn vay?"})
	if err != nil {
		t.Fatal(err)
	}
	due := time.Now().AddDate(0, 1, 0).Format("2006-01-02")
	if _, err := s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Chủ tịch", Outcome: store.OutcomeWritten, FollowupAgencyID: 1, DueDate: due}); err != nil {
		t.Fatalf("a month after the day it ran: %v", err)
	}
	if _, err := s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Chủ tịch", Outcome: store.OutcomeWritten, FollowupAgencyID: 1, DueDate: m.Date}); err == nil {
		t.Fatal("the planned date, before the day it ran, was taken")
	}
}

// TestTopicRenameCarriesRecords: renaming a topic moves its questions and
// petitions (filed under it, accents aside) in the same transaction, each
// change audited.
func TestTopicRenameCarriesRecords(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	topics, _ := s.Topics(ctx)
	if err := s.SetDialogueTopics(ctx, append(topics, "nuoc sach")); err != nil {
		t.Fatal(err)
	}
	qid, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Topic: "nuoc sach", Text: "Nước sạch cho xã?"})
	if err != nil {
		t.Fatal(err)
	}
	other, _ := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Topic: "Khác", Text: "Khác?"})
	pid, err := s.SavePetition(ctx, store.Petition{Topic: "Nuoc Sach", Text: "Nước sạch?"})
	if err != nil {
		t.Fatal(err)
	}
	before := auditCount(t, s)
	list := append(append([]string{}, topics...), "Nước sạch nông thôn")
	if err := s.EditDialogueTopics(ctx, list, []store.TopicRename{{From: "nuoc sach", To: "Nước sạch nông thôn"}}); err != nil {
		t.Fatal(err)
	}
	qs, _ := s.Questions(ctx, 0)
	for _, q := range qs {
		if q.ID == qid && q.Topic != "Nước sạch nông thôn" {
			t.Fatalf("question kept %q", q.Topic)
		}
		if q.ID == other && q.Topic != "Khác" {
			t.Fatalf("another question moved: %q", q.Topic)
		}
	}
	p, _ := s.Petition(ctx, pid)
	if p.Topic != "Nước sạch nông thôn" {
		t.Fatalf("petition kept %q", p.Topic)
	}
	// the list, the question and the petition
	if n := auditCount(t, s) - before; n != 3 {
		t.Fatalf("%d audit rows, want 3", n)
	}
	h, _ := s.History(ctx, "question", qid, 0)
	if len(h) < 2 || !strings.Contains(h[0].After+h[len(h)-1].After, "Nước sạch nông thôn") {
		t.Fatalf("question history %+v", h)
	}
	// one topic by itself (the setup's way)
	if err := s.RenameTopic(ctx, "nuoc sach nong thon", "Nước sạch"); err != nil {
		t.Fatal(err)
	}
	if tp, _ := s.Topics(ctx); tp[len(tp)-1] != "Nước sạch" {
		t.Fatalf("topics %v", tp)
	}
	p, _ = s.Petition(ctx, pid)
	if p.Topic != "Nước sạch" {
		t.Fatalf("petition %q", p.Topic)
	}
}
