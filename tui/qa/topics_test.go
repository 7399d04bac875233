package qa

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

func TestTopicRenames(t *testing.T) {
	r := func(pairs ...string) []store.TopicRename {
		var out []store.TopicRename
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, store.TopicRename{From: pairs[i], To: pairs[i+1]})
		}
		return out
	}
	for _, c := range []struct {
		before, after []string
		want          []store.TopicRename
	}{
		{[]string{"A", "nuoc sach", "C"}, []string{"A", "Nước sạch", "C"}, r("nuoc sach", "Nước sạch")},
		{[]string{"A", "B"}, []string{"A", "B", "C"}, nil},
		{[]string{"A", "B", "C"}, []string{"A", "C"}, nil},
		{[]string{"A", "B", "C"}, []string{"C", "A", "B"}, nil},
		{[]string{"A", "y te", "B"}, []string{"A", "Việc làm", "Y tế", "B"}, r("y te", "Y tế")},
		{[]string{"A", "B", "C"}, []string{"A2", "B", "C2"}, r("A", "A2", "C", "C2")},
	} {
		if got := topicRenames(c.before, c.after); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%v -> %v: %v, want %v", c.before, c.after, got, c.want)
		}
	}
	if !noAccents("nuoc sach") || noAccents("Nước sạch") || noAccents("123") {
		t.Error("noAccents")
	}
}

// TestTopicRenameCarriesQuestions: renaming a topic in the editor moves
// the question filed under it, and typing its accent-free form again
// finds the renamed topic (no "new topic" row); a new topic typed without
// accents is warned about.
func TestTopicRenameCarriesQuestions(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	ctx := context.Background()
	topics, _ := st.Topics(ctx)
	if err := st.SetDialogueTopics(ctx, append(topics, "nuoc sach")); err != nil {
		t.Fatal(err)
	}
	qid, err := st.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Topic: "nuoc sach", Text: "Nước sạch cho xã?"})
	if err != nil {
		t.Fatal(err)
	}
	_, cmd := m.Update(common.ChangedMsg{})
	drive(t, m, cmd)
	press(t, m, "t")
	for range len("nuoc sach") {
		press(t, m, "backspace")
	}
	press(t, m, "Nước sạch nông thôn", "ctrl+s")
	if m.mode != modeLog || m.status != "Đã lưu lĩnh vực. «nuoc sach» → «Nước sạch nông thôn» (kèm ý kiến, kiến nghị)" {
		t.Fatalf("rename not said: %q\n%s", m.status, m.View())
	}
	for _, q := range questions(t, st) {
		if q.ID == qid && q.Topic != "Nước sạch nông thôn" {
			t.Fatalf("the question kept %q", q.Topic)
		}
	}
	if !strings.Contains(m.View(), "Nước sạch nông thôn") {
		t.Fatalf("log:\n%s", m.View())
	}
	press(t, m, "n", "shift+tab")
	if m.form == nil || m.form.curName() != fTopic {
		t.Fatalf("not on the topic:\n%s", m.View())
	}
	press(t, m, "nuoc sach")
	v := m.View()
	if !strings.Contains(v, "Nước sạch nông thôn") || strings.Contains(v, "Thêm lĩnh vực mới") {
		t.Fatalf("nuoc sach did not find the renamed topic:\n%s", v)
	}
	press(t, m, "ctrl+u")
	for range len("nuoc sach") {
		press(t, m, "backspace")
	}
	press(t, m, "moi truong")
	if v := m.View(); !strings.Contains(v, "+ Thêm lĩnh vực mới: «moi truong» (chưa có dấu") {
		t.Fatalf("no warning for a topic without accents:\n%s", v)
	}
	// and in the editor
	press(t, m, "esc", "esc", "t", "enter", "an toan thuc pham", "ctrl+s")
	if !strings.HasPrefix(m.status, "Đã lưu lĩnh vực. Chưa có dấu: «an toan thuc pham»") || !m.statusErr {
		t.Fatalf("editor: no warning: %q", m.status)
	}
}

// TestAccentsOnOldTopicSaved: a question filed under a free-typed
// "nuoc sach" opens on the list's "Nước sạch"; saving it is a change (the
// accents), not "nothing changed".
func TestAccentsOnOldTopicSaved(t *testing.T) {
	m, st := newTest(t, i18n.VI, 80, 21, true)
	ctx := context.Background()
	qid, err := st.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Topic: "nuoc sach", Text: "Nước sạch cho xã?"})
	if err != nil {
		t.Fatal(err)
	}
	topics, _ := st.Topics(ctx)
	for i, tp := range topics {
		if tp == "nuoc sach" {
			topics[i] = "Nước sạch"
		}
	}
	if err := st.SetDialogueTopics(ctx, topics); err != nil { // the list only, as before renames carried records
		t.Fatal(err)
	}
	_, cmd := m.Update(common.ChangedMsg{})
	drive(t, m, cmd)
	editLast(t, m, st, false)
	press(t, m, "ctrl+s")
	for _, q := range questions(t, st) {
		if q.ID == qid && q.Topic != "Nước sạch" {
			t.Fatalf("topic %q, status %q", q.Topic, m.status)
		}
	}
}
