package setup_test

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

func changed(s common.Station) common.Station {
	return drive(s, func() tea.Msg { return common.ChangedMsg{} })
}

// helps reports whether the help bar shows key k doing desc.
func helps(s common.Station, k, desc string) bool {
	for _, b := range s.ShortHelp() {
		if b.Help().Key == k && b.Help().Desc == desc {
			return true
		}
	}
	return false
}

// TestRemoveUnitFromTheList: a unit mistyped in an import is deleted
// after a y; a unit with delegates is refused with the reason in words
// and nothing asked.
func TestRemoveUnitFromTheList(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 20)
	ctx := context.Background()
	if _, err := st.SaveUnit(ctx, store.Unit{Name: "Xã Quảng Mới"}); err != nil {
		t.Fatal(err)
	}
	s = changed(press(s, "tab"))
	if !helps(s, "d", "xóa") {
		t.Errorf("no d in the help bar: %v", s.ShortHelp())
	}
	s = press(s, "d")
	if v := s.View(); !strings.Contains(v, "Không xóa được đơn vị “UBND thị xã”: 2 đại biểu thuộc đơn vị này") || s.Capturing() {
		t.Fatalf("no refusal:\n%s", v)
	}
	// to the last row: the new unit (kind other sorts last)
	s = press(s, "pgdown", "pgdown", "pgdown", "pgdown")
	s = press(s, "d")
	if v := s.View(); !strings.Contains(v, "Xóa đơn vị “Xã Quảng Mới”? y: xóa") || !s.Capturing() {
		t.Fatalf("no question:\n%s", v)
	}
	s = press(s, "esc")
	if us, _ := st.Units(ctx); us[len(us)-1].Name != "Xã Quảng Mới" || s.Capturing() {
		t.Fatal("esc did not keep the unit")
	}
	s = press(s, "d", "y")
	us, _ := st.Units(ctx)
	for _, u := range us {
		if u.Name == "Xã Quảng Mới" {
			t.Fatalf("still there:\n%s", s.View())
		}
	}
	if v := s.View(); !strings.Contains(v, "Đã xóa đơn vị “Xã Quảng Mới”") || strings.Contains(v, "Quảng Mới  ") {
		t.Fatalf("after deletion:\n%s", v)
	}
}

func TestRemoveGroupFromTheList(t *testing.T) {
	s, st := open(t, i18n.EN, 80, 20)
	ctx := context.Background()
	if _, err := st.SaveGroup(ctx, store.Group{Name: "Thành phần lạ"}); err != nil {
		t.Fatal(err)
	}
	s = changed(press(s, "tab", "tab"))
	s = press(s, "delete")
	if v := s.View(); !strings.Contains(v, "Cannot delete group “Lãnh đạo thị xã”: 2 delegate(s) are in this group") {
		t.Fatalf("no refusal:\n%s", v)
	}
	s = press(s, "pgdown", "d")
	if v := s.View(); !strings.Contains(v, "Delete group “Thành phần lạ”?") {
		t.Fatalf("no question:\n%s", v)
	}
	s = press(s, "n")
	if gs, _ := st.Groups(ctx); gs[len(gs)-1].Name != "Thành phần lạ" {
		t.Fatal("n deleted")
	}
	s = press(s, "d", "y")
	if gs, _ := st.Groups(ctx); gs[len(gs)-1].Name == "Thành phần lạ" {
		t.Fatalf("y kept it:\n%s", s.View())
	}
}

// TestRemoveDelegateFound: in the delegates tab letters search, so Delete
// (not d) asks; a delegate who checked in cannot be removed.
func TestRemoveDelegateFound(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 20)
	ctx := context.Background()
	id, err := st.SaveDelegate(ctx, store.Delegate{FullName: "Nguyễn Văn Nhầm"})
	if err != nil {
		t.Fatal(err)
	}
	came, _ := st.DelegateByCode(ctx, "LD02")
	if _, err := st.CheckIn(ctx, came.ID); err != nil {
		t.Fatal(err)
	}
	s = changed(press(s, "tab", "tab", "tab"))
	if !helps(s, "del", "xóa") {
		t.Errorf("no del in the help bar: %v", s.ShortHelp())
	}
	s = typeText(s, "LD02")
	s = press(s, "delete")
	if v := s.View(); !strings.Contains(v, "Không xóa được đại biểu Lê Thị Thanh Hà (LD02): đã điểm danh") {
		t.Fatalf("no refusal:\n%s", v)
	}
	s = press(s, "esc") // clears the search
	s = typeText(s, "van nham")
	if v := s.View(); !strings.Contains(v, "› van nham") {
		t.Fatalf("d went to the list, not the search:\n%s", v)
	}
	s = press(s, "delete")
	if v := s.View(); !strings.Contains(v, "Xóa đại biểu Nguyễn Văn Nhầm (DB") {
		t.Fatalf("no question:\n%s", v)
	}
	s = press(s, "y")
	if _, err := st.Delegate(ctx, id); err == nil {
		t.Fatalf("still there:\n%s", s.View())
	}
	h, _ := st.History(ctx, "delegate", id, 0)
	if last := h[len(h)-1]; last.Action != "delete" {
		t.Errorf("audit %+v", last)
	}
}

// TestRefusalWraps: a refusal with several reasons is longer than 80
// columns; it takes two lines rather than losing its end, and the view
// still fits.
func TestRefusalWraps(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 20)
	us, _ := st.Units(context.Background())
	s = press(s, "tab")
	for _, u := range us {
		if u.Name == "Phòng Y tế" {
			break
		}
		s = press(s, "down")
	}
	s = press(s, "d")
	v := s.View()
	if !strings.Contains(v, "Không xóa được đơn vị “Phòng Y tế”: 2 đại biểu thuộc đơn vị này;") || !strings.Contains(v, "gửi hoặc trả lời") {
		t.Fatalf("refusal cut:\n%s", v)
	}
	checkFits(t, "refusal", v, 80, 20)
	if !strings.Contains(v, "Phòng Y tế       ") {
		t.Errorf("the refused row scrolled away:\n%s", v)
	}
	s = press(s, "down")
	if strings.Contains(s.View(), "Không xóa được") {
		t.Error("the refusal stays after moving on")
	}
}
