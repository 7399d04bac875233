package setup_test

import (
	"context"
	"testing"

	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

func TestGoldens(t *testing.T) {
	s, _ := open(t, i18n.VI, 80, 20)
	golden(t, "meeting-vi-80x20", s.View())
	s = press(s, "tab", "tab")
	golden(t, "groups-vi-80x20", s.View())
	s = press(s, "tab")
	s = typeText(s, "hoa")
	golden(t, "delegates-search-vi-80x20", s.View())

	e, _ := open(t, i18n.EN, 80, 20)
	e = press(e, "shift+tab")
	golden(t, "import-en-80x20", e.View())
	bad := writeFile(t, "bad.csv", "STT;Họ và tên;Đơn vị;SĐT\n1;;Xã Quảng Hòa;\n2;Trần Thị B;;12\n")
	e = press(e, "enter", "enter")
	e = typeText(e, bad)
	e = press(e, "enter")
	golden(t, "import-problems-en-80x20", replaceAll(e.View(), bad, "bad.csv"))

	// a group over its quota, with room to spare: the note is not cut
	w, st := open(t, i18n.VI, 120, 12)
	gs, _ := st.Groups(context.Background())
	gs[0].Quota = 1
	if _, err := st.SaveGroup(context.Background(), gs[0]); err != nil {
		t.Fatal(err)
	}
	w = changed(press(w, "tab", "tab", "down"))
	golden(t, "groups-over-vi-120x12", w.View())
}

func golden(t *testing.T, name, got string) { t.Helper(); commontest.Golden(t, name, got) }
