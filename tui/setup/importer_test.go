package setup_test

import (
	"strings"
	"testing"

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
