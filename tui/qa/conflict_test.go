package qa

import (
	"context"
	"strings"
	"testing"
	"time"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// second opens another terminal's store on the same meeting file.
func second(t *testing.T, st *store.Store, desk string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), st.Path(), store.Options{NoWatch: true,
		Actor: store.Actor{Station: "qa", User: "root/" + desk, Role: store.RoleAdmin}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestEditConflict: two secretaries correct the same question; the one
// who saves second is told who changed it and when, keeps the text, and
// either reloads the other's version or overwrites it deliberately.
func TestEditConflict(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	other := second(t, st, "ban-2")
	ctx := context.Background()
	press(t, m, "e")
	if m.form == nil || m.form.kind != formQuestion || m.form.id == 0 {
		t.Fatal("e did not open the question")
	}
	id := m.form.id
	qs, _ := other.Questions(ctx, 0)
	var q store.Question
	for _, x := range qs {
		if x.ID == id {
			q = x
		}
	}
	q.Text = "Sửa từ bàn 2."
	if _, err := other.SaveQuestion(ctx, q); err != nil {
		t.Fatal(err)
	}
	press(t, m, " Thêm ý của bàn 1.", "ctrl+s")
	if m.form == nil || m.form.conflict == nil {
		t.Fatalf("second save went through: %v", m.View())
	}
	v := m.View()
	if !strings.Contains(v, "thư ký (bàn ban-2)") || strings.Contains(v, "qa/root") || !strings.Contains(v, "Ctrl+O") || !strings.HasSuffix(m.form.fields[fText].(*areaField).value(), "Thêm ý của bàn 1.") {
		t.Fatalf("conflict not explained, or the text lost:\n%s", v)
	}
	if got := questionText(t, st, id); got != "Sửa từ bàn 2." {
		t.Fatalf("refused save changed the record: %q", got)
	}
	// reload: the other's version, in the form
	_, cmd := m.Update(common.ChangedMsg{}) // the root's notice of the other's commit
	drive(t, m, cmd)
	_, reload := m.Update(keyMsgs("ctrl+r")[0])
	// the draft's deletion is a commit too: its notice comes before the
	// reload's read, which is then stale, and finds nothing new
	_, changed := m.Update(common.ChangedMsg{})
	drive(t, m, reload)
	drive(t, m, changed)
	if m.form == nil || m.form.conflict != nil || m.form.fields[fText].(*areaField).value() != "Sửa từ bàn 2." {
		t.Fatalf("reload:\n%s", m.View())
	}
	press(t, m, " Và của bàn 1.", "ctrl+s")
	if got := questionText(t, st, id); got != "Sửa từ bàn 2. Và của bàn 1." || m.form != nil {
		t.Fatalf("save after reload: %q", got)
	}

	// overwrite: the other changes it again while this one edits
	press(t, m, "e")
	q.Text, q.Rev = "Bàn 2 lần hai.", 0
	if _, err := other.SaveQuestion(ctx, q); err != nil {
		t.Fatal(err)
	}
	press(t, m, " Bàn 1 lần hai.", "ctrl+s")
	if m.form == nil || m.form.conflict == nil {
		t.Fatal("no conflict the second time")
	}
	press(t, m, "ctrl+o")
	if got := questionText(t, st, id); got != "Sửa từ bàn 2. Và của bàn 1. Bàn 1 lần hai." || m.form != nil {
		t.Fatalf("overwrite: %q", got)
	}
}

// TestAnswerConflict: the same for an answer.
func TestAnswerConflict(t *testing.T) {
	m, st := newTest(t, i18n.EN, 80, 21, true)
	other := second(t, st, "ban-2")
	ctx := context.Background()
	qs, _ := st.Questions(ctx, 0)
	var a store.Answer
	for _, q := range qs {
		if len(q.Answers) > 0 {
			a = q.Answers[0]
		}
	}
	if a.ID == 0 {
		t.Fatal("fixture: no answer")
	}
	var r int
	for i, x := range m.recs {
		if x.a >= 0 && m.d.questions[x.q].Answers[x.a].ID == a.ID {
			r = i
		}
	}
	m.cursor, m.follow = r, false
	press(t, m, "e")
	if m.form == nil || m.form.kind != formAnswer || m.form.id != a.ID {
		t.Fatal("e did not open the answer")
	}
	a.Summary = "From desk 2."
	if _, err := other.SaveAnswer(ctx, a); err != nil {
		t.Fatal(err)
	}
	press(t, m, " From desk 1.", "ctrl+s")
	if m.form == nil || m.form.conflict == nil || !strings.Contains(m.View(), "This answer was changed by the secretary (desk ban-2)") {
		t.Fatalf("answer conflict:\n%s", m.View())
	}
	press(t, m, "ctrl+o")
	qs, _ = st.Questions(ctx, 0)
	for _, q := range qs {
		for _, x := range q.Answers {
			if x.ID == a.ID && !strings.HasSuffix(x.Summary, " From desk 1.") {
				t.Fatalf("overwrite: %q", x.Summary)
			}
		}
	}
}

func questionText(t *testing.T, st *store.Store, id int64) string {
	t.Helper()
	qs, err := st.Questions(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if q.ID == id {
			return q.Text
		}
	}
	return ""
}

// TestConflictGolden: the conflict as shown at 80x24, in both languages,
// and the answer form refused for want of an outcome at 60x16.
func TestConflictGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		m, st := newTest(t, lang, 80, 21, true)
		other, err := store.Open(context.Background(), st.Path(), store.Options{NoWatch: true, Now: func() time.Time { return commontest.Now },
			Actor: store.Actor{Station: "qa", User: "root/ban-2", Role: store.RoleAdmin}})
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		press(t, m, "e")
		qs, _ := other.Questions(context.Background(), 0)
		q := qs[len(qs)-1]
		q.Text += " (bàn 2)"
		if _, err := other.SaveQuestion(context.Background(), q); err != nil {
			t.Fatal(err)
		}
		_, cmd := m.Update(common.ChangedMsg{}) // the root's notice of it
		drive(t, m, cmd)
		press(t, m, " (bàn 1)", "ctrl+s")
		golden(t, "conflict_80x24_"+string(lang), m.View())

		m, _ = newTest(t, lang, 60, 13, true)
		press(t, m, "end", "a", "enter", "enter", "Tóm tắt", "ctrl+s")
		golden(t, "no_outcome_60x16_"+string(lang), m.View())
	}
}
