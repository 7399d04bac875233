package reports_test

import (
	"archive/zip"
	"context"
	"io"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/store/docs"
	"doithoai/tui/i18n"
)

// TestFixUnaccentedBeforeExport: a speaker typed without accents is
// pointed out under the documents; d opens her name, the secretary types
// the marks in and Enter corrects every place it was typed, audited.
func TestFixUnaccentedBeforeExport(t *testing.T) {
	s, st, _ := open(t, i18n.VI, 100, 30)
	ctx := context.Background()
	items, _ := st.Agenda(ctx)
	for _, it := range items {
		if it.Kind == store.ItemDialogue {
			if _, err := st.AddSpeaker(ctx, store.Speaker{ItemID: it.ID, Name: "Nguyen Van Khach", UnitName: "Xa Quang Tan"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	s = run(t, s, s.Init()) // the change, as the watcher would bring it
	if v := s.View(); !strings.Contains(v, "1 tên chưa dấu") || !strings.Contains(v, "Nguyen Van Khach — d: sửa") {
		t.Fatalf("no warning:\n%s", v)
	}
	s = press(t, s, "d")
	if v := s.View(); !s.Capturing() || !strings.Contains(v, "Sửa tên: Nguyen Van Khach") {
		t.Fatalf("d did not open the name:\n%s", v)
	}
	s = press(t, s, "ctrl+u")
	s = typeText(t, s, "Nguyễn Văn Khách")
	s = press(t, s, "enter")
	v := s.View()
	if s.Capturing() || !strings.Contains(v, "Đã sửa «Nguyen Van Khach» thành «Nguyễn Văn Khách» (1 chỗ)") || strings.Contains(v, "chưa dấu") {
		t.Fatalf("not corrected:\n%s", v)
	}
	if names, _ := st.UnaccentedNames(ctx); len(names) != 0 {
		t.Errorf("still %+v", names)
	}
}

// TestWriteAssessment: g opens the notice's "Đánh giá chung", ctrl+s
// stores it (audited) and the exported notice prints it instead of the
// placeholder; esc leaves the editor without saving.
func TestWriteAssessment(t *testing.T) {
	s, st, dir := open(t, i18n.VI, 100, 30)
	ctx := context.Background()
	if v := s.View(); !strings.Contains(v, "Đánh giá chung: chưa viết") {
		t.Fatalf("no assessment line:\n%s", v)
	}
	s = press(t, s, "g")
	if v := s.View(); !s.Capturing() || !strings.Contains(v, "Đánh giá chung (mục 1 của thông báo kết luận)") {
		t.Fatalf("g did not open the editor:\n%s", v)
	}
	s = typeText(t, s, "Chương trình thành công tốt đẹp.")
	s = press(t, s, "esc")
	if m, _ := st.Meeting(ctx); m.Assessment != "" || s.Capturing() {
		t.Fatal("esc saved the assessment")
	}
	s = press(t, s, "g")
	s = typeText(t, s, "Chương trình thành công tốt đẹp.")
	var cmd tea.Cmd
	s, cmd = s.Update(tea.KeyMsg{Type: tea.KeyCtrlS})
	s = run(t, s, cmd)
	if m, _ := st.Meeting(ctx); m.Assessment != "Chương trình thành công tốt đẹp." {
		t.Fatalf("stored %q\n%s", m.Assessment, s.View())
	}
	if v := s.View(); !strings.Contains(v, "Đã lưu đánh giá chung") || !strings.Contains(v, "Đánh giá chung: đã viết (6 chữ)") {
		t.Errorf("no confirmation:\n%s", v)
	}
	path := dir + "/tb.docx"
	if err := docs.Export(ctx, st, docs.Conclusion, docs.DOCX, path, docs.Options{}); err != nil {
		t.Fatal(err)
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	f, _ := z.Open("word/document.xml")
	b, _ := io.ReadAll(f)
	if doc := string(b); !strings.Contains(doc, "Chương trình thành công tốt đẹp.") || strings.Contains(doc, "[Đánh giá của") {
		t.Error("the notice does not print the assessment instead of its placeholder")
	}
	h, _ := st.History(ctx, "meeting", 1, 0)
	if last := h[len(h)-1]; !strings.Contains(last.After, "thành công tốt đẹp") {
		t.Errorf("not audited: %+v", last)
	}
}
