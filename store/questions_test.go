package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"doithoai/store"
)

func qaFieldErr(t *testing.T, err error, field string) {
	t.Helper()
	var fe *store.FieldError
	if !errors.As(err, &fe) || fe.Field != field || !errors.Is(err, store.ErrInvalid) {
		t.Errorf("want a FieldError on %q, got %v", field, err)
	}
}

func qaCount(t *testing.T, s *store.Store, table string) int {
	t.Helper()
	qs, err := s.Questions(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if table == "questions" {
		return len(qs)
	}
	n := 0
	for _, q := range qs {
		n += len(q.Answers)
	}
	return n
}

func TestQuestionValidation(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	cases := []struct {
		q     store.Question
		field string
	}{
		{store.Question{AskerName: "  ", Text: "Vốn vay?"}, "asker"},
		{store.Question{AskerName: "Lê Thị Hoa", Text: " \n "}, "text"},
		{store.Question{AskerName: "Lê Thị Hoa", Text: strings.Repeat("a", store.MaxText+1)}, "text"},
		{store.Question{AskerName: strings.Repeat("b", store.MaxName+1), Text: "x"}, "asker"},
		{store.Question{AskerName: "Lê Thị Hoa", AskerUnit: strings.Repeat("c", store.MaxName+1), Text: "x"}, "asker_unit"},
		{store.Question{AskerName: "Lê Thị Hoa", Topic: strings.Repeat("d", store.MaxName+1), Text: "x"}, "topic"},
	}
	for _, c := range cases {
		_, err := s.SaveQuestion(ctx, c.q)
		qaFieldErr(t, err, c.field)
	}
	if n := qaCount(t, s, "questions"); n != 0 {
		t.Fatalf("%d questions stored after refusals", n)
	}
	// decomposed input (as some keyboards send it) is stored composed
	id, err := s.SaveQuestion(ctx, store.Question{AskerName: norm.NFD.String(" Lê Thị Hoa "), Text: norm.NFD.String("Vốn vay ưu đãi?")})
	if err != nil {
		t.Fatal(err)
	}
	qs, _ := s.Questions(ctx, 0)
	if len(qs) != 1 || qs[0].ID != id || qs[0].AskerName != "Lê Thị Hoa" || qs[0].Text != "Vốn vay ưu đãi?" || qs[0].AskedAt.IsZero() {
		t.Fatalf("stored %+v", qs)
	}
}

func TestAnswerValidation(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	qid, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "Vốn vay?"})
	if err != nil {
		t.Fatal(err)
	}
	units, _ := s.Units(ctx)
	ag := units[5].ID
	cases := []struct {
		name  string
		a     store.Answer
		field string
	}{
		{"no person", store.Answer{Person: " ", Outcome: store.OutcomeSpot}, "person"},
		{"unknown outcome", store.Answer{Person: "Chủ tịch", Outcome: "maybe"}, "outcome"},
		{"no outcome", store.Answer{Person: "Chủ tịch"}, "outcome"},
		{"written without agency", store.Answer{Person: "Chủ tịch", Outcome: store.OutcomeWritten, DueDate: "2023-11-02"}, "followup_agency"},
		{"written without due date", store.Answer{Person: "Chủ tịch", Outcome: store.OutcomeWritten, FollowupAgencyID: ag}, "due_date"},
		{"bad due date", store.Answer{Person: "Chủ tịch", Outcome: store.OutcomeWritten, FollowupAgencyID: ag, DueDate: "02/11/2023"}, "due_date"},
		{"impossible due date", store.Answer{Person: "Chủ tịch", Outcome: store.OutcomeWritten, FollowupAgencyID: ag, DueDate: "2023-02-30"}, "due_date"},
		{"summary too long", store.Answer{Person: "Chủ tịch", Outcome: store.OutcomeNoted, Summary: strings.Repeat("x", store.MaxText+1)}, "summary"},
	}
	for _, c := range cases {
		c.a.QuestionID = qid
		if err := c.a.Validate(); err == nil {
			t.Errorf("%s: Validate accepted it", c.name)
		}
		_, err := s.SaveAnswer(ctx, c.a)
		var fe *store.FieldError
		if !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("%s: want field %s, got %v", c.name, c.field, err)
		}
	}
	if n := qaCount(t, s, "answers"); n != 0 {
		t.Fatalf("%d answers stored after refusals", n)
	}
	// the good paths: on the spot, and written with agency and date
	if _, err := s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Trần Minh Đức", AgencyID: units[0].ID, Outcome: store.OutcomeSpot}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Cao Xuân Trường", AgencyID: ag, Summary: "Sẽ trả lời bằng văn bản",
		Outcome: store.OutcomeWritten, FollowupAgencyID: ag, DueDate: "2023-11-02"}); err != nil {
		t.Fatal(err)
	}
	qs, _ := s.Questions(ctx, 0)
	as := qs[0].Answers
	if len(as) != 2 || as[0].Position != 1 || as[1].Position != 2 || as[1].FollowupAgencyName != units[5].Name || as[1].DueDate != "2023-11-02" ||
		as[0].AgencyName != units[0].Name {
		t.Fatalf("answers %+v", as)
	}
	// an answer to a question that does not exist is refused by the schema
	if _, err := s.SaveAnswer(ctx, store.Answer{QuestionID: 99999, Person: "X", Outcome: store.OutcomeSpot}); !errors.Is(err, store.ErrInUse) {
		t.Errorf("answer to a missing question: %v", err)
	}
}

// TestWrittenAnswerCheck bypasses the store: the schema's CHECK refuses a
// written answer without agency or due date whatever a client sends.
func TestWrittenAnswerCheck(t *testing.T) {
	s, path := openDemo(t)
	ctx := context.Background()
	qid, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "Vốn vay?"})
	if err != nil {
		t.Fatal(err)
	}
	units, _ := s.Units(ctx)
	db := rawDB(t, path)
	ins := `INSERT INTO answers(question_id, position, person, outcome, followup_agency_id, due_date) VALUES (?,?,?,?,?,?)`
	for _, c := range []struct {
		agency any
		due    any
	}{{nil, nil}, {units[1].ID, nil}, {nil, "2023-11-02"}, {units[1].ID, "2/11/23"}} {
		if _, err := db.Exec(ins, qid, 1, "C", "written", c.agency, c.due); err == nil || !strings.Contains(err.Error(), "CHECK") {
			t.Errorf("schema accepted written answer with agency %v due %v (err %v)", c.agency, c.due, err)
		}
	}
	if _, err := db.Exec(ins, qid, 1, "C", "written", units[1].ID, "2023-11-02"); err != nil {
		t.Errorf("schema refused a complete written answer: %v", err)
	}
	if _, err := db.Exec(ins, qid, 2, "C", "spot", nil, nil); err != nil {
		t.Errorf("schema refused an answer on the spot: %v", err)
	}
	if _, err := db.Exec(ins, qid, 3, "C", "later", nil, nil); err == nil {
		t.Error("schema accepted an unknown outcome")
	}
}

// TestCorrectionsAudited edits a question and an answer and reads their
// history back with before and after.
func TestCorrectionsAudited(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	qid, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Topic: "Bình đẳng giới", Text: "Vốn vay?"})
	if err != nil {
		t.Fatal(err)
	}
	qs, _ := s.Questions(ctx, 0)
	q := qs[0]
	q.Text = "Vốn vay ưu đãi cho phụ nữ khởi nghiệp?"
	if _, err := s.SaveQuestion(ctx, q); err != nil {
		t.Fatal(err)
	}
	aid, err := s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Trần Minh Đức", Outcome: store.OutcomeSpot})
	if err != nil {
		t.Fatal(err)
	}
	units, _ := s.Units(ctx)
	if _, err := s.SaveAnswer(ctx, store.Answer{ID: aid, Person: "Trần Minh Đức", Outcome: store.OutcomeWritten,
		FollowupAgencyID: units[17].ID, DueDate: "2023-11-15"}); err != nil {
		t.Fatal(err)
	}
	qs, _ = s.Questions(ctx, 0)
	if qs[0].Text != q.Text || !qs[0].AskedAt.Equal(q.AskedAt) || qs[0].Answers[0].Outcome != store.OutcomeWritten || qs[0].Answers[0].Position != 1 {
		t.Fatalf("after edits: %+v", qs[0])
	}
	for _, c := range []struct {
		entity, field, before, after string
		id                           int64
	}{
		{"question", "text", "Vốn vay?", q.Text, qid},
		{"answer", "outcome", "spot", "written", aid},
	} {
		h, err := s.History(ctx, c.entity, c.id, 0)
		if err != nil || len(h) != 2 || h[0].Action != "create" || h[1].Action != "update" {
			t.Fatalf("%s history: %v %+v", c.entity, err, h)
		}
		var b, a map[string]any
		if json.Unmarshal([]byte(h[1].Before), &b) != nil || json.Unmarshal([]byte(h[1].After), &a) != nil {
			t.Fatalf("%s audit images: %q %q", c.entity, h[1].Before, h[1].After)
		}
		if b[c.field] != c.before || a[c.field] != c.after {
			t.Errorf("%s %s: before %v after %v", c.entity, c.field, b[c.field], a[c.field])
		}
	}
	if _, err := s.SaveQuestion(ctx, store.Question{ID: 424242, AskerName: "X", Text: "Y"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("edit of a missing question: %v", err)
	}
	if _, err := s.SaveAnswer(ctx, store.Answer{ID: 424242, Person: "X", Outcome: store.OutcomeNoted}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("edit of a missing answer: %v", err)
	}
}

func TestQuestionsByItemAndPetitionRaised(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	items, _ := s.Agenda(ctx)
	pets, _ := s.Petitions(ctx)
	var dlg int64
	for _, it := range items {
		if it.Kind == store.ItemDialogue {
			dlg = it.ID
		}
	}
	if _, err := s.SaveQuestion(ctx, store.Question{ItemID: dlg, AskerName: "A", Text: "B", PetitionID: pets[2].ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveQuestion(ctx, store.Question{ItemID: items[0].ID, AskerName: "C", Text: "D"}); err != nil {
		t.Fatal(err)
	}
	if qs, _ := s.Questions(ctx, dlg); len(qs) != 1 || qs[0].AskerName != "A" || qs[0].PetitionID != pets[2].ID {
		t.Fatalf("dialogue questions %+v", qs)
	}
	pets, _ = s.Petitions(ctx)
	for i, p := range pets {
		if (i == 2) != (p.Raised == 1) || p.AgencyName == "" || p.PreparedAnswer == "" != p.Missing() {
			t.Errorf("petition %d: raised %d agency %q", p.No, p.Raised, p.AgencyName)
		}
	}
}

func TestSetDialogueTopics(t *testing.T) {
	base, _ := openDemo(t)
	ctx := context.Background()
	qa := base.As(store.Actor{Station: "qa", Role: store.RoleQA})
	if err := qa.SetTopics(ctx, []string{"X"}); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("SetTopics as qa: %v", err)
	}
	if err := qa.SetDialogueTopics(ctx, []string{"Việc làm", "Nhà ở xã hội"}); err != nil {
		t.Fatal(err)
	}
	if ts, _ := qa.Topics(ctx); len(ts) != 2 || ts[1] != "Nhà ở xã hội" {
		t.Errorf("topics %v", ts)
	}
	if err := qa.SetDialogueTopics(ctx, []string{"Việc làm", "viec lam"}); !errors.Is(err, store.ErrDuplicate) {
		t.Errorf("duplicate topics: %v", err)
	}
	if ts, _ := qa.Topics(ctx); len(ts) != 2 {
		t.Errorf("a refused edit changed the topics: %v", ts)
	}
	screen := base.As(store.Actor{Station: "screen", Role: store.RoleScreen})
	if err := screen.SetDialogueTopics(ctx, []string{"X"}); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("screen: %v", err)
	}
	if err := base.SetDialogueTopics(ctx, []string{"Y tế"}); err != nil {
		t.Errorf("admin: %v", err)
	}
}

// TestChangeMark: drafts leave the mark alone, a question moves it, and
// only delegate-side changes move the people mark.
func TestChangeMark(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	m0, err := s.ChangeMark(ctx)
	if err != nil || m0.All == 0 || m0.People == 0 || m0.At == 0 {
		t.Fatalf("mark %+v %v", m0, err)
	}
	if err := s.SaveDraft(ctx, "qa/question", "x"); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.ChangeMark(ctx); m != m0 {
		t.Errorf("a draft moved the mark: %+v -> %+v", m0, m)
	}
	if _, err := s.SaveQuestion(ctx, store.Question{AskerName: "A", Text: "B"}); err != nil {
		t.Fatal(err)
	}
	m1, _ := s.ChangeMark(ctx)
	if m1.All <= m0.All || m1.People != m0.People {
		t.Errorf("after a question: %+v -> %+v", m0, m1)
	}
	ds, _ := s.Delegates(ctx)
	if _, err := s.CheckIn(ctx, ds[0].ID); err != nil {
		t.Fatal(err)
	}
	if m2, _ := s.ChangeMark(ctx); m2.People <= m1.People || m2.All <= m1.All {
		t.Errorf("after a check-in: %+v -> %+v", m1, m2)
	}
}
