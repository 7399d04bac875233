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

// TestImportPreviewSaysWhatIsNew: the dry run names new units and new
// groups on lines of their own, and the fields an update changes in the
// interface's language.
func TestImportPreviewSaysWhatIsNew(t *testing.T) {
	file := "Mã;Họ và tên;Chức vụ;Đơn vị;Thành phần;Điện thoại\n" +
		"PN002;Nguyễn Thị Hoa;Chi hội trưởng;Phường Ba Đồn;;0912345678\n" +
		"PN900;Lê Thị Mới;Hội viên;UBND xã Quảng Hải;DB phụ nữ;\n"
	for _, c := range []struct {
		lang               i18n.Lang
		units, groups, upd string
	}{
		{i18n.VI, "Đơn vị mới: UBND xã Quảng Hải", "Thành phần mới: DB phụ nữ", "(chức vụ, điện thoại)"},
		{i18n.EN, "New units: UBND xã Quảng Hải", "New groups: DB phụ nữ", "(title, phone)"},
	} {
		s, _ := open(t, c.lang, 120, 30)
		path := writeFile(t, "dai-bieu.csv", file)
		s = press(s, "shift+tab", "enter", "enter")
		s = typeText(s, path)
		s = press(s, "enter")
		v := s.View()
		for _, want := range []string{c.units, c.groups, "Nguyễn Thị Hoa", c.upd} {
			if !strings.Contains(v, want) {
				t.Errorf("%s: no %q in\n%s", c.lang, want, v)
			}
		}
	}
}

// Importing more women than the quota allows is said in the preview (not
// refused: the invitation list is the office's call).
func TestImportPreviewWarnsOverQuota(t *testing.T) {
	file := "Họ và tên;Đơn vị;Thành phần\n"
	for _, n := range []string{"Lê Thị Một", "Lê Thị Hai", "Lê Thị Ba"} {
		file += n + ";Phường Ba Đồn;Đại biểu phụ nữ\n"
	}
	s, _ := open(t, i18n.VI, 100, 30)
	s = press(s, "shift+tab", "enter", "enter")
	s = typeText(s, writeFile(t, "dai-bieu.csv", file))
	s = press(s, "enter")
	if v := s.View(); !strings.Contains(v, "Vượt chỉ tiêu: Đại biểu phụ nữ mời 101 người, chỉ tiêu 100") {
		t.Errorf("no quota warning in\n%s", v)
	}
}

// TestCodeTakenMeanwhile: a code another desk gave away after the form
// opened is refused by the store; the form comes back on the code field
// and the status names who holds it.
func TestCodeTakenMeanwhile(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 20)
	s = press(s, "tab", "tab", "tab", "+")
	s = typeText(s, "Lê Văn Mới")
	s = press(s, "enter", "enter", "enter")
	s = typeText(s, "KM01")
	// another process takes the code; this station has not reloaded yet
	if _, err := st.SaveDelegate(context.Background(), store.Delegate{Code: "KM01", FullName: "Phạm Thị Nhanh"}); err != nil {
		t.Fatal(err)
	}
	s = press(s, "enter", "enter", "enter", "enter", "enter") // code, honorific, unit, group, introduction order
	v := s.View()
	if !s.Capturing() || !strings.Contains(v, "Mã KM01 đã dùng cho Phạm Thị Nhanh") || !strings.Contains(v, "┃ > KM01") {
		t.Fatalf("not back on the code field:\n%s", v)
	}
	ds, _ := st.Delegates(context.Background())
	for _, d := range ds {
		if d.FullName == "Lê Văn Mới" {
			t.Fatal("saved with a taken code")
		}
	}
}

// clearField empties the focused input (ctrl+u, as a person would).
func clearField(s common.Station) common.Station {
	s, cmd := s.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	return drive(s, cmd)
}

// TestMeetingDateDayFirst: the clerk types the date as written in
// Vietnam; the store keeps ISO and the tab shows it day first.
func TestMeetingDateDayFirst(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 20)
	ctx := context.Background()
	s = press(s, "enter", "enter", "enter", "enter", "enter", "enter")
	if v := s.View(); !strings.Contains(v, "┃ > 18/10/2023") || !strings.Contains(v, "Ngày (NN/TT/NNNN)") {
		t.Fatalf("date not shown day first:\n%s", v)
	}
	s = clearField(s)
	s = typeText(s, "31/02/2023")
	s = press(s, "enter")
	if v := s.View(); !strings.Contains(v, "Ngày theo dạng NN/TT/NNNN") {
		t.Fatalf("31/02 accepted:\n%s", v)
	}
	s = clearField(s)
	s = typeText(s, "9/11/2023")
	for range 12 { // the date group, then the signing group
		s = press(s, "enter")
	}
	if m, _ := st.Meeting(ctx); m.Date != "2023-11-09" {
		t.Fatalf("date %q\n%s", m.Date, s.View())
	}
	if v := s.View(); !strings.Contains(v, "09/11/2023") {
		t.Errorf("tab does not show the date day first:\n%s", v)
	}
}

// TestImportProblemInVietnamese: a field the store refuses (a title too
// long) is reported in the interface's language.
func TestImportProblemInVietnamese(t *testing.T) {
	s, _ := open(t, i18n.VI, 80, 20)
	path := writeFile(t, "dai-bieu.csv", "Họ và tên;Chức vụ\nNguyễn Văn A;"+strings.Repeat("x", 250)+"\n")
	s = press(s, "shift+tab", "enter", "enter")
	s = typeText(s, path)
	s = press(s, "enter")
	if v := s.View(); !strings.Contains(v, "dòng 2, Chức vụ: quá dài") {
		t.Fatalf("problem not in Vietnamese:\n%s", v)
	}
}
