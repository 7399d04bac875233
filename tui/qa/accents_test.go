package qa

import (
	"context"
	"strings"
	"testing"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

// TestUnaccentedAskerFlagged: an asker typed free without accents is
// marked in the log and named on the status line until corrected; d opens
// the name, and Enter writes the marks in wherever it was typed.
func TestUnaccentedAskerFlagged(t *testing.T) {
	m, st := newTest(t, i18n.VI, 100, 30, true)
	ctx := context.Background()
	if _, err := st.SaveQuestion(ctx, store.Question{AskerName: "Nguyen Van Khach", AskerUnit: "Xa Quang Tan", Text: "Đề nghị làm đường liên thôn."}); err != nil {
		t.Fatal(err)
	}
	_, cmd := m.Update(common.ChangedMsg{})
	drive(t, m, cmd)
	v := m.View()
	if !strings.Contains(v, "Nguyen Van Khach") || !strings.Contains(v, "· chưa dấu") || !strings.Contains(v, "1 tên chưa dấu") {
		t.Fatalf("not flagged:\n%s", v)
	}
	press(t, m, "d")
	if v = m.View(); !m.Capturing() || !strings.Contains(v, "Sửa tên: Nguyen Van Khach") {
		t.Fatalf("d did not open the name:\n%s", v)
	}
	press(t, m, "ctrl+u", "Nguyễn Văn Khách", "enter")
	v = m.View()
	if m.Capturing() || !strings.Contains(v, "Đã sửa «Nguyen Van Khach» thành «Nguyễn Văn Khách»") || strings.Contains(v, "chưa dấu") {
		t.Fatalf("not corrected:\n%s", v)
	}
	qs, _ := st.Questions(ctx, 0)
	if q := qs[len(qs)-1]; q.AskerName != "Nguyễn Văn Khách" {
		t.Errorf("asker %q", q.AskerName)
	}
	// esc leaves a name as it is
	if _, err := st.SaveQuestion(ctx, store.Question{AskerName: "Le Thi Hoa", Text: "Hỏi thêm."}); err != nil {
		t.Fatal(err)
	}
	_, cmd = m.Update(common.ChangedMsg{})
	drive(t, m, cmd)
	press(t, m, "d", "X", "esc")
	if names, _ := st.UnaccentedNames(ctx); len(names) != 1 || names[0].Name != "Le Thi Hoa" || m.Capturing() {
		t.Errorf("esc changed the name: %+v", names)
	}
}
