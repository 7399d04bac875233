package qa

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

// TestLogMarksSurvive80: at 80 columns a long asker and topic are cut
// before the petition and "not answered" marks, never the marks.
func TestLogMarksSurvive80(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		m, st := newTest(t, lang, 80, 21, true)
		ctx := context.Background()
		pets, _ := st.Petitions(ctx)
		if _, err := st.SaveQuestion(ctx, store.Question{AskerName: "Nguyễn Thị Thanh Hương Giang", AskerUnit: "Xã Quảng Sơn",
			Topic: "Vay vốn, hỗ trợ khởi nghiệp", Text: "Vốn cho hợp tác xã?", PetitionID: pets[2].ID}); err != nil {
			t.Fatal(err)
		}
		_, cmd := m.Update(common.ChangedMsg{})
		drive(t, m, cmd)
		press(t, m, "end", "up") // the head line shows as in any row, not selected
		want := map[i18n.Lang]string{i18n.VI: " · KN 3 · chưa trả lời", i18n.EN: " · P3 · not answered"}[lang]
		var head string
		for _, l := range strings.Split(m.View(), "\n") {
			if strings.Contains(l, "#5 ") {
				head = strings.TrimRight(l, " ")
			}
		}
		if !strings.HasSuffix(head, want) || !strings.Contains(head, "…") || ansi.StringWidth(head) > 80 {
			t.Errorf("%s: head %q, want it cut before %q\n%s", lang, head, want, m.View())
		}
	}
}

// TestTopicsStatusFits80: the status after renaming topics keeps what
// happened readable in one 80-column line: names are cut, then several
// renames are counted.
func TestTopicsStatusFits80(t *testing.T) {
	long := store.TopicRename{From: "Vay vốn, hỗ trợ khởi nghiệp", To: "Vay vốn ưu đãi, hỗ trợ phụ nữ khởi nghiệp"}
	short := store.TopicRename{From: "nuoc sach", To: "Nước sạch"}
	cases := []struct {
		lang i18n.Lang
		msg  topicsSavedMsg
		want []string
	}{
		{i18n.EN, topicsSavedMsg{renames: []store.TopicRename{short}}, []string{"Topics saved. «nuoc sach» → «Nước sạch» (questions, petitions moved)"}},
		{i18n.VI, topicsSavedMsg{renames: []store.TopicRename{long}}, []string{"Đã lưu lĩnh vực. «Vay vốn", "» → «Vay vốn ưu đãi", "…» (kèm ý kiến, kiến nghị)"}},
		{i18n.EN, topicsSavedMsg{renames: []store.TopicRename{long}}, []string{"Topics saved. «Vay vốn", "» → «Vay vốn ưu đãi", "…» (questions, petitions moved)"}},
		// they part at the end: both sides show where, not the same start
		{i18n.EN, topicsSavedMsg{renames: []store.TopicRename{{From: "Doanh nghiệp, hợp tác xã do phụ nữ làm chủ", To: "Doanh nghiệp, hợp tác xã do phụ nữ làm chủ cho phụ nữ nông thôn và thành thị"}}},
			[]string{"Topics saved. «…", "làm chủ» → «…chủ cho phụ", "…» (questions, petitions moved)"}},
		{i18n.EN, topicsSavedMsg{renames: []store.TopicRename{long, long, short}}, []string{"Topics saved. 3 renamed (questions, petitions moved)"}},
		{i18n.VI, topicsSavedMsg{renames: []store.TopicRename{long, short}}, []string{"Đã lưu lĩnh vực. 2 lĩnh vực đổi tên (kèm ý kiến, kiến nghị)"}},
		{i18n.EN, topicsSavedMsg{bare: []string{"an toan thuc pham nong thon mien nui"}, renames: []store.TopicRename{long}},
			[]string{"Topics saved. No accents: «an toan", "(documents carry it as typed). 1 renamed"}},
		{i18n.VI, topicsSavedMsg{bare: []string{"an toan thuc pham nong thon mien nui"}, renames: []store.TopicRename{long, short}},
			[]string{"Đã lưu lĩnh vực. Chưa có dấu: «an toan", "(văn bản ghi như gõ). 2 đổi tên"}},
	}
	for _, c := range cases {
		m, _ := newTest(t, c.lang, 80, 21, false)
		got := m.topicsSaved(c.msg)
		if ansi.StringWidth(got) > 80 {
			t.Errorf("%q: %d columns", got, ansi.StringWidth(got))
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%q: want %q in it", got, w)
			}
		}
	}
}

// TestTopicRenameStatus80: the editor, driven: renaming a long topic at 80
// columns says so in full words, both ends of the rename shown.
func TestTopicRenameStatus80(t *testing.T) {
	m, st := newTest(t, i18n.EN, 80, 21, true)
	ctx := context.Background()
	topics, _ := st.Topics(ctx)
	if err := st.SetDialogueTopics(ctx, append(topics, "Vay von uu dai cho phu nu khoi nghiep")); err != nil {
		t.Fatal(err)
	}
	_, cmd := m.Update(common.ChangedMsg{})
	drive(t, m, cmd)
	press(t, m, "t")
	for range len("Vay von uu dai cho phu nu khoi nghiep") {
		press(t, m, "backspace")
	}
	press(t, m, "Vay vốn ưu đãi cho phụ nữ khởi nghiệp", "ctrl+s")
	last := strings.TrimRight(strings.Split(m.View(), "\n")[20], " ")
	if m.mode != modeLog || !strings.HasPrefix(last, "Topics saved. «Vay von") || !strings.HasSuffix(last, "(questions, petitions moved)") ||
		!strings.Contains(last, "» → «Vay vốn") {
		t.Fatalf("status %q\n%s", last, m.View())
	}
}
