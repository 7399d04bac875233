package setup_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

// toApologies opens the apologies tab (after the answers tab).
func toApologies(s common.Station) common.Station {
	return press(s, "tab", "tab", "tab", "tab", "tab", "tab")
}

func apologyByCode(t *testing.T, st *store.Store, code string) (store.Apology, error) {
	t.Helper()
	d, err := st.DelegateByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return st.Apology(context.Background(), d.ID)
}

// The office records an apology heard on the phone: the name typed
// without accents, Enter, the reason and who comes instead. A substitute
// on the list is given by her code. Delete withdraws; Ctrl+Z puts it back.
func TestSetupRecordsApology(t *testing.T) {
	s, st := open(t, i18n.VI, 100, 30)
	s = toApologies(s)
	v := s.View()
	for _, w := range []string{"Báo vắng", "Người dự thay", "Phan Văn Lực", "Nguyễn Hữu Hùng", "Đi công tác", "Bùi Thị Đào", "Ốm"} {
		if !strings.Contains(v, w) {
			t.Fatalf("apologies tab lacks %q:\n%s", w, v)
		}
	}
	s = typeText(s, "ho ngoc dung")
	if !s.Capturing() || !strings.Contains(s.View(), "Hồ Ngọc Dung") {
		t.Fatalf("search:\n%s", s.View())
	}
	s = press(s, "enter")
	if !strings.Contains(s.View(), "Báo vắng: Hồ Ngọc Dung — Xã Quảng Minh") {
		t.Fatalf("form:\n%s", s.View())
	}
	s = typeText(s, "Con ốm")
	s = press(s, "enter")
	s = typeText(s, "Lê Thị  Thay") // two spaces: the store's cleaner makes one
	s = press(s, "enter")
	s = typeText(s, "Hội viên")
	s = press(s, "enter", "enter")
	a, err := apologyByCode(t, st, "PN058")
	if err != nil || a.Reason != "Con ốm" || a.SubstituteName != "Lê Thị Thay" || a.SubstituteTitle != "Hội viên" || a.SubstituteID != 0 {
		t.Fatalf("recorded: %+v %v\n%s", a, err, s.View())
	}
	s = changed(s)
	if v := s.View(); !strings.Contains(v, "Đã ghi báo vắng: Hồ Ngọc Dung") || !strings.Contains(v, "Lê Thị Thay") {
		t.Fatalf("after saving:\n%s", v)
	}
	// a substitute on the list, by code: her name and title come from it
	s = press(s, "esc")
	s = typeText(s, "hoang thi thu trang")
	s = press(s, "enter", "enter", "enter", "enter")
	s = typeText(s, "LD02")
	s = press(s, "enter")
	a, _ = apologyByCode(t, st, "LD21")
	if lan := byCode(t, st, "LD02"); a.SubstituteID != lan.ID || a.SubstituteName != lan.FullName {
		t.Fatalf("substitute by code: %+v\n%s", a, s.View())
	}
	// a code that is nobody's is refused at the field
	s = changed(s)
	s = press(s, "enter", "enter", "enter", "enter")
	s = typeText(s, "XX99")
	s = press(s, "enter")
	if !strings.Contains(s.View(), "XX99") {
		t.Fatalf("unknown code accepted:\n%s", s.View())
	}
	s = press(s, "esc", "esc")

	// withdrawn with Delete, put back with Ctrl+Z: two audited changes
	s = changed(s)
	s = typeText(s, "ho ngoc dung")
	s = press(s, "delete")
	if _, err := apologyByCode(t, st, "PN058"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("not withdrawn: %v", err)
	}
	s = changed(s)
	if !strings.Contains(s.View(), "Đã bỏ báo vắng: Hồ Ngọc Dung") {
		t.Fatalf("withdraw status:\n%s", s.View())
	}
	s = press(s, "ctrl+z")
	a, err = apologyByCode(t, st, "PN058")
	if err != nil || a.Reason != "Con ốm" || a.SubstituteName != "Lê Thị Thay" {
		t.Fatalf("undo: %+v %v", a, err)
	}
	h, _ := st.History(context.Background(), "apology", a.DelegateID, 0)
	if len(h) != 3 || h[0].Action != "create" || h[1].Action != "delete" || h[2].Action != "create" || h[2].Station == "" {
		t.Errorf("audit %+v", h)
	}
	// someone already here sends no apologies
	if _, err := st.CheckIn(context.Background(), byCode(t, st, "LD01").ID); err != nil {
		t.Fatal(err)
	}
	s = changed(press(s, "esc"))
	s = typeText(s, "tran minh duc")
	s = press(s, "enter")
	if v := s.View(); !strings.Contains(v, "đã điểm danh lúc") {
		t.Fatalf("apology for someone here:\n%s", v)
	}
}

func byCode(t *testing.T, st *store.Store, code string) store.Delegate {
	t.Helper()
	d, err := st.DelegateByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The tab fits every size in both languages.
func TestApologiesTabFits(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, size := range [][2]int{{80, 20}, {200, 60}, {60, 14}} {
			s, _ := open(t, lang, size[0], size[1])
			s = toApologies(s)
			checkFits(t, string(lang)+"/apologies", s.View(), size[0], size[1])
			s = typeText(s, "phan van luc")
			checkFits(t, string(lang)+"/apologies/search", s.View(), size[0], size[1])
			s = press(s, "enter")
			checkFits(t, string(lang)+"/apologies/form", s.View(), size[0], size[1])
		}
	}
}
