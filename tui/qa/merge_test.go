package qa

import (
	"context"
	"strings"
	"testing"
	"time"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

// editLast opens the last question (or, with answer set, its first
// answer) for correction and returns it as the store has it.
func editLast(t *testing.T, m *Model, st *store.Store, answer bool) store.Question {
	t.Helper()
	qs := questions(t, st)
	q := qs[len(qs)-1]
	for _, x := range qs {
		if answer && len(x.Answers) > 0 {
			q = x
		}
	}
	for i, r := range m.recs {
		x := m.d.questions[r.q]
		if x.ID == q.ID && (r.a < 0) == !answer && (!answer || x.Answers[r.a].ID == q.Answers[0].ID) {
			m.cursor, m.follow = i, false
		}
	}
	press(t, m, "e")
	if m.form == nil || m.form.id == 0 {
		t.Fatalf("e did not open the record:\n%s", m.View())
	}
	return q
}

// TestOverwriteKeepsTheirTopic: another secretary changes only the topic;
// this one changes the text. The refusal shows the topic as theirs, kept;
// ctrl+o saves this text and keeps their topic.
func TestOverwriteKeepsTheirTopic(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	other := second(t, st, "tk2")
	ctx := context.Background()
	q := editLast(t, m, st, false)
	q2 := q
	q2.Topic = "Phòng chống bạo lực gia đình"
	if q.Topic == q2.Topic {
		t.Fatal("fixture: pick another topic")
	}
	if _, err := other.SaveQuestion(ctx, q2); err != nil {
		t.Fatal(err)
	}
	press(t, m, " Thêm ý bàn 3.", "ctrl+s")
	if m.form == nil || m.form.conflict == nil {
		t.Fatalf("no conflict:\n%s", m.View())
	}
	v := m.View()
	for _, want := range []string{"thư ký (bàn tk2)", "Lĩnh vực: «Phòng chống bạo lực gia đình» → «" + q.Topic + "» (giữ bản đã lưu)",
		"Nội dung: «", "Ctrl+O: lưu thay đổi của bạn, giữ thay đổi của họ"} {
		if !strings.Contains(v, want) {
			t.Fatalf("%q not shown:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Người hỏi:") || strings.Contains(v, "Cả hai cùng sửa") {
		t.Fatalf("unchanged fields listed, or a field called changed by both:\n%s", v)
	}
	press(t, m, "ctrl+o")
	got := questions(t, st)
	last := got[len(got)-1]
	if m.form != nil || last.Topic != q2.Topic || last.Text != q.Text+" Thêm ý bàn 3." {
		t.Fatalf("overwrite: topic %q text %q (form open %v)", last.Topic, last.Text, m.form != nil)
	}
}

// TestOverwriteAnswerMerges: the other makes the answer a written one
// (outcome, agency, due date) and rewrites the summary; this one rewrites
// the summary too. The box says the summary was changed by both; ctrl+o
// keeps their outcome, agency and date, with this summary.
func TestOverwriteAnswerMerges(t *testing.T) {
	m, st := newTest(t, i18n.EN, 80, 21, true)
	other := second(t, st, "tk2")
	ctx := context.Background()
	var q store.Question
	for _, x := range questions(t, st) {
		if len(x.Answers) > 0 && x.Answers[0].Outcome != store.OutcomeWritten {
			q = x
		}
	}
	if q.ID == 0 {
		t.Fatal("fixture: no answer on the spot")
	}
	a := q.Answers[0]
	for i, r := range m.recs {
		if r.a >= 0 && m.d.questions[r.q].Answers[r.a].ID == a.ID {
			m.cursor, m.follow = i, false
		}
	}
	press(t, m, "e")
	if m.form == nil || m.form.id != a.ID {
		t.Fatal("e did not open the answer")
	}
	units, _ := st.Units(ctx)
	b := a
	b.Outcome, b.FollowupAgencyID, b.DueDate, b.Summary = store.OutcomeWritten, units[3].ID, "2023-11-30", "Desk 2 summary."
	if _, err := other.SaveAnswer(ctx, b); err != nil {
		t.Fatal(err)
	}
	press(t, m, "ctrl+u", "Desk 3 summary.", "ctrl+s")
	if m.form == nil || m.form.conflict == nil {
		t.Fatalf("no conflict:\n%s", m.View())
	}
	v := m.View()
	for _, want := range []string{"the secretary (desk tk2)", "Summary: «Desk 2 summary.» → «Desk 3 summary.»", "Outcome: «Written answer» → «",
		"Due: «30 Nov 2023» → (empty) (theirs kept)", "Both changed: Summary."} {
		if !strings.Contains(v, want) {
			t.Fatalf("%q not shown:\n%s", want, v)
		}
	}
	press(t, m, "ctrl+o")
	for _, x := range questions(t, st) {
		for _, y := range x.Answers {
			if y.ID == a.ID && (y.Outcome != store.OutcomeWritten || y.DueDate != "2023-11-30" || y.FollowupAgencyID != units[3].ID || y.Summary != "Desk 3 summary." || y.AgencyID != a.AgencyID) {
				t.Fatalf("overwrite lost their changes or mine: %+v", y)
			}
		}
	}
	if m.form != nil {
		t.Fatalf("form still open:\n%s", m.View())
	}
}

// TestSaveUnchanged: saving a correction with nothing changed writes
// nothing and says so; another terminal then saves without a conflict.
func TestSaveUnchanged(t *testing.T) {
	for _, answer := range []bool{false, true} {
		m, st := newTest(t, i18n.VI, 80, 21, true)
		ctx := context.Background()
		before, _ := st.History(ctx, "", 0, 0)
		other := second(t, st, "tk2")
		q := editLast(t, m, st, answer)
		press(t, m, "ctrl+s")
		if m.form != nil || !strings.Contains(m.View(), "Không có gì thay đổi") {
			t.Fatalf("answer %v: unchanged save:\n%s", answer, m.View())
		}
		after, _ := st.History(ctx, "", 0, 0)
		if len(after) != len(before) {
			t.Fatalf("answer %v: %d audit rows for a save without change", answer, len(after)-len(before))
		}
		var err error
		if answer {
			a := q.Answers[0]
			a.Summary += " (bàn 2)"
			_, err = other.SaveAnswer(ctx, a)
		} else {
			q.Text += " (bàn 2)"
			_, err = other.SaveQuestion(ctx, q)
		}
		if err != nil {
			t.Fatalf("answer %v: the other terminal: %v", answer, err)
		}
	}
}

// TestWhoInWords: who changed a record, in words.
func TestWhoInWords(t *testing.T) {
	vi := i18n.New(i18n.VI)
	for _, c := range []struct{ station, user, want string }{
		{"qa", "root/tk2", "thư ký (bàn tk2)"},
		{"qa", "qa@192.168.1.20 key SHA256:abc", "thư ký trên thiết bị 192.168.1.20"},
		{"qa", "qa@192.168.1.20 key SHA256:abc (may-tinh-bang)", "thư ký trên thiết bị may-tinh-bang"},
		{"qa", "root", "thư ký trên máy hội trường"},
		{"setup", "root/ban-1", "chuẩn bị (bàn ban-1)"},
	} {
		if got := who(vi, c.station, c.user); got != c.want {
			t.Errorf("who(%q, %q) = %q, want %q", c.station, c.user, got, c.want)
		}
	}
}

// TestDueFromHeldDay: a meeting planned for 18/10/2023 but run on
// 14/12/2026 takes due dates from the day it ran.
func TestDueFromHeldDay(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, false)
	ctx := context.Background()
	ran := time.Date(2026, 12, 14, 9, 0, 0, 0, time.Local)
	day, err := store.Open(ctx, st.Path(), store.Options{NoWatch: true, Now: func() time.Time { return ran },
		Actor: store.Actor{Station: "agenda", Role: store.RoleAdmin}})
	if err != nil {
		t.Fatal(err)
	}
	defer day.Close()
	if _, err := day.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := day.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "Vốn vay?"}); err != nil {
		t.Fatal(err)
	}
	_, cmd := m.Update(common.ChangedMsg{})
	drive(t, m, cmd)
	press(t, m, "end", "a", "enter", "enter", "Trả lời bằng văn bản.", "enter", "2", "enter", "enter", "01/12/2026", "ctrl+s")
	if m.form == nil || !strings.Contains(m.View(), "Hạn trả lời phải từ ngày hội nghị (14/12/2026) đến 14/12/2028") {
		t.Fatalf("a date before the day it ran:\n%s", m.View())
	}
	press(t, m, "ctrl+u", "+0", "ctrl+s")
	if m.form != nil {
		t.Fatalf("+0 refused:\n%s", m.View())
	}
	qs := questions(t, st)
	as := qs[len(qs)-1].Answers
	if len(as) != 1 || as[0].DueDate != "2026-12-14" {
		t.Fatalf("saved %+v", as)
	}
	if d, ok := parseDue("15/12", m.baseDate()); !ok || d != "2026-12-15" {
		t.Fatalf("15/12 read as %q", d)
	}
}

// TestConflictSameChange: both typed the same change; the box says there
// is no difference and ctrl+o writes nothing more.
func TestConflictSameChange(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	other := second(t, st, "tk2")
	ctx := context.Background()
	q := editLast(t, m, st, false)
	q.Text += " X"
	if _, err := other.SaveQuestion(ctx, q); err != nil {
		t.Fatal(err)
	}
	press(t, m, " X", "ctrl+s")
	if m.form == nil || m.form.conflict == nil || !strings.Contains(m.View(), "(không khác gì bản của bạn)") {
		t.Fatalf("same change:\n%s", m.View())
	}
	before, _ := st.History(ctx, "question", q.ID, 0)
	press(t, m, "ctrl+o")
	after, _ := st.History(ctx, "question", q.ID, 0)
	if m.form != nil || len(after) != len(before) {
		t.Fatalf("ctrl+o: form open %v, %d audit rows", m.form != nil, len(after)-len(before))
	}
}
