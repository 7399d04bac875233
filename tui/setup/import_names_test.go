package setup_test

import (
	"context"
	"strings"
	"testing"

	"doithoai/tui/i18n"
)

// The preview offers names typed in capitals in proper case; c keeps them
// as typed, for the whole file, and Enter imports with that choice.
func TestImportPreviewCapitals(t *testing.T) {
	file := "Họ và tên;Đơn vị;Thành phần\nNGUYỄN KHÁNH MAI;Phường Ba Đồn;Khách mời\nĐẶNG THỊ ỨNG;Phường Ba Đồn;Khách mời\nÐinh Thị Lài;Phường Ba Đồn;Khách mời\n"
	for _, keep := range []bool{false, true} {
		s, st := open(t, i18n.VI, 100, 30)
		s = press(s, "shift+tab", "enter", "enter")
		s = typeText(s, writeFile(t, "hoa.csv", file))
		s = press(s, "enter")
		v := s.View()
		for _, want := range []string{"2 tên viết HOA sẽ viết lại kiểu tên riêng · c: giữ nguyên HOA", "dòng 2: NGUYỄN KHÁNH MAI → Nguyễn Khánh Mai",
			"dòng 4, Họ và tên: Ðinh Thị Lài → Đinh Thị Lài (Ð U+00D0 → Đ U+0110)", "Nguyễn Khánh Mai — Phường Ba Đồn"} {
			if !strings.Contains(v, want) {
				t.Fatalf("preview lacks %q:\n%s", want, v)
			}
		}
		if keep {
			s = press(s, "c")
			if v := s.View(); !strings.Contains(v, "2 tên viết HOA giữ nguyên như trong tệp") || !strings.Contains(v, "NGUYỄN KHÁNH MAI — Phường Ba Đồn") {
				t.Fatalf("after c:\n%s", v)
			}
		}
		s = press(s, "enter")
		want := map[bool]string{false: "Đặng Thị Ứng", true: "ĐẶNG THỊ ỨNG"}[keep]
		ds, _ := st.Delegates(context.Background())
		found := false
		for _, d := range ds {
			found = found || d.FullName == want
		}
		if !found {
			t.Errorf("keep=%v: %q not imported\n%s", keep, want, s.View())
		}
	}
}

// A file still in VNI is refused with the encoding named, the file first,
// then each cell with its row and what it reads; in both languages.
func TestImportPreviewLegacy(t *testing.T) {
	file := "Họ và tên;Đơn vị\nNguyeãn Thò Mai;Xaõ Quaûng Haûi\nTraàn Thò Lan;Xaõ Quaûng Haûi\n"
	for lang, wants := range map[i18n.Lang][]string{
		i18n.VI: {"4 ô còn dùng bảng mã VNI", "dòng 2, Họ và tên: còn dùng bảng mã VNI, đọc ra là “Nguyễn Thị Mai”"},
		i18n.EN: {"4 cells are still in the VNI encoding", "row 2, Họ và tên: still in the VNI encoding, it reads “Nguyễn Thị Mai”"},
	} {
		s, _ := open(t, lang, 120, 30)
		s = press(s, "shift+tab", "enter", "enter")
		s = typeText(s, writeFile(t, "vni.csv", file))
		s = press(s, "enter")
		v := s.View()
		for _, want := range wants {
			if !strings.Contains(v, want) {
				t.Errorf("%s: no %q in\n%s", lang, want, v)
			}
		}
		if strings.Index(v, wants[0]) > strings.Index(v, wants[1]) {
			t.Errorf("%s: the file's line is not first", lang)
		}
	}
}

// Last year's file: its codes are other people's here.
func TestImportPreviewOtherPeoplesCodes(t *testing.T) {
	file := "Mã;Họ và tên\nPN001;Võ Thị Năm Ngoái\nPN002;Cao Thị Cũ\nPN003;Lê Thị Khác\n"
	s, _ := open(t, i18n.VI, 120, 30)
	s = press(s, "shift+tab", "enter", "enter")
	s = typeText(s, writeFile(t, "cu.csv", file))
	s = press(s, "enter")
	v := s.View()
	first := "3 mã trong tệp là của người khác trong hội nghị này — có đúng tệp hội nghị không?"
	if i := strings.Index(v, first); i < 0 || i > strings.Index(v, "mã PN001 là của Trần Thị Thanh Ly") {
		t.Errorf("no summary line before the rows:\n%s", v)
	}
}
