package store_test

import (
	"context"
	"errors"
	"testing"

	"doithoai/store"
)

// openSecond opens another handle on the same file, as a second terminal
// would, acting as actor.
func openSecond(t *testing.T, path string, actor store.Actor) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), path, store.Options{NoWatch: true, Actor: actor})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestConcurrentEdit: two secretaries open the same question and answer
// on two handles of one file; the second save is refused with who changed
// it and when, and goes through when it is deliberately based on the
// newer change.
func TestConcurrentEdit(t *testing.T) {
	_, path := openDemo(t)
	ctx := context.Background()
	a := openSecond(t, path, store.Actor{Station: "qa", User: "ban-1", Role: store.RoleQA})
	b := openSecond(t, path, store.Actor{Station: "qa", User: "ban-2", Role: store.RoleQA})
	qid, err := a.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "Vốn vay?"})
	if err != nil {
		t.Fatal(err)
	}
	aid, err := a.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Chủ tịch", Outcome: store.OutcomeSpot})
	if err != nil {
		t.Fatal(err)
	}
	read := func(s *store.Store) store.Question {
		qs, err := s.Questions(ctx, 0)
		if err != nil || len(qs) != 1 || len(qs[0].Answers) != 1 {
			t.Fatalf("questions %+v %v", qs, err)
		}
		return qs[0]
	}
	qa, qb := read(a), read(b)
	if qa.Rev == 0 || qa.Rev != qb.Rev || qa.Answers[0].Rev == 0 {
		t.Fatalf("revs %d %d %d", qa.Rev, qb.Rev, qa.Answers[0].Rev)
	}
	qa.Text = "Vốn vay ưu đãi cho hộ nghèo?"
	if _, err := a.SaveQuestion(ctx, qa); err != nil {
		t.Fatal(err)
	}
	qb.Text = "Vốn vay trồng nấm?"
	_, err = b.SaveQuestion(ctx, qb)
	var ce *store.ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, store.ErrConflict) || ce.User != "ban-1" || ce.Station != "qa" || ce.At.IsZero() || ce.Rev <= qb.Rev {
		t.Fatalf("second save: %v (%+v)", err, ce)
	}
	if got := read(b); got.Text != qa.Text || got.Rev != ce.Rev {
		t.Fatalf("refused save changed the record: %+v", got)
	}
	// overwrite deliberately: based on the newer change
	qb.Rev = ce.Rev
	if _, err := b.SaveQuestion(ctx, qb); err != nil {
		t.Fatalf("overwrite: %v", err)
	}
	if got := read(a); got.Text != qb.Text {
		t.Fatalf("overwrite lost: %q", got.Text)
	}
	// Rev 0 saves without the check (imports, tools)
	q0 := read(a)
	q0.Rev, q0.Text = 0, "Không kiểm tra"
	if _, err := a.SaveQuestion(ctx, q0); err != nil {
		t.Fatal(err)
	}

	// answers the same way
	ansA, ansB := read(a).Answers[0], read(b).Answers[0]
	ansA.Summary = "Sẽ xem xét"
	if _, err := a.SaveAnswer(ctx, ansA); err != nil {
		t.Fatal(err)
	}
	ansB.Summary = "Đã giải đáp"
	if _, err := b.SaveAnswer(ctx, ansB); !errors.As(err, &ce) || ce.Entity != "answer" || ce.ID != aid || ce.User != "ban-1" {
		t.Fatalf("second answer save: %v", err)
	}
	ansB.Rev = ce.Rev
	if _, err := b.SaveAnswer(ctx, ansB); err != nil {
		t.Fatal(err)
	}
	if got := read(a).Answers[0]; got.Summary != "Đã giải đáp" {
		t.Fatalf("answer overwrite lost: %+v", got)
	}
}

// TestQuestionTopicFromList: a topic typed without accents is stored as
// the meeting's topic; a new one joins the list.
func TestQuestionTopicFromList(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	topics, _ := s.Topics(ctx)
	if len(topics) == 0 {
		t.Fatal("demo has no topics")
	}
	want := topics[0]
	id, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "x", Topic: store.Fold(want)})
	if err != nil {
		t.Fatal(err)
	}
	qs, _ := s.Questions(ctx, 0)
	if qs[0].ID != id || qs[0].Topic != want {
		t.Fatalf("topic %q, want %q", qs[0].Topic, want)
	}
	if _, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "y", Topic: "Chuyển đổi số"}); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Topics(ctx)
	if len(after) != len(topics)+1 || after[len(after)-1] != "Chuyển đổi số" {
		t.Fatalf("topics after a new one: %q", after)
	}
}

// TestDueDateRange: a due date before the meeting's day or more than two
// years after it is refused.
func TestDueDateRange(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	m, _ := s.Meeting(ctx)
	units, _ := s.Units(ctx)
	qid, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "Vốn vay?"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Date != "2023-10-18" {
		t.Fatalf("demo date %q", m.Date)
	}
	for due, reason := range map[string]string{"1990-01-01": "before the meeting day", "2023-10-17": "before the meeting day",
		"2025-10-19": "more than two years after the meeting"} {
		_, err := s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Chủ tịch", Outcome: store.OutcomeWritten, FollowupAgencyID: units[0].ID, DueDate: due})
		var fe *store.FieldError
		if !errors.As(err, &fe) || fe.Field != "due_date" || fe.Reason != reason {
			t.Errorf("due %s: %v", due, err)
		}
	}
	for _, due := range []string{"2023-10-18", "2025-10-18"} {
		if _, err := s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Chủ tịch", Outcome: store.OutcomeWritten, FollowupAgencyID: units[0].ID, DueDate: due}); err != nil {
			t.Errorf("due %s: %v", due, err)
		}
	}
	// no outcome chosen: required, not "unknown"
	_, err = s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Chủ tịch"})
	var fe *store.FieldError
	if !errors.As(err, &fe) || fe.Field != "outcome" || fe.Reason != "required" {
		t.Errorf("no outcome: %v", err)
	}
}

// TestOldTopicKept: correcting a question whose topic was typed free
// before topics were checked keeps it without adding it to the list.
func TestOldTopicKept(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	id, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "x", Topic: "Chuyển đổi số"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetTopics(ctx, []string{"Khác"}); err != nil {
		t.Fatal(err)
	}
	qs, _ := s.Questions(ctx, 0)
	q := qs[0]
	q.Text = "y"
	if _, err := s.SaveQuestion(ctx, q); err != nil || q.ID != id {
		t.Fatal(err)
	}
	if ts, _ := s.Topics(ctx); len(ts) != 1 {
		t.Fatalf("topics %q", ts)
	}
}
