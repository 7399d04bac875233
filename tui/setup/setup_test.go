package setup_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
	"doithoai/tui/setup"
)

func open(t *testing.T, lang i18n.Lang, w, h int) (common.Station, *store.Store) {
	t.Helper()
	c, st := commontest.NewLang(t, lang, w, h)
	s := setup.New(c)
	s.SetSize(w, h)
	return drive(s, s.Init()), st
}

// TestEditDelegateName corrects a misspelled name found by an accent-free
// search, through the Update loop; the change is in the store, audited.
func TestEditDelegateName(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 20)
	ctx := context.Background()
	s = press(s, "tab", "tab", "tab")
	s = typeText(s, "le thanh ha")
	if !strings.Contains(s.View(), "Lê Thị Thanh Hà") || !s.Capturing() {
		t.Fatalf("search did not find her:\n%s", s.View())
	}
	s = press(s, "enter")
	if !strings.Contains(s.View(), "Sửa đại biểu") || !s.Capturing() {
		t.Fatalf("no form:\n%s", s.View())
	}
	s = press(s, "backspace")
	s = typeText(s, "ải")
	// name, title, phone, code, honorific; unit; group, introduction order
	s = press(s, "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	d, err := st.DelegateByCode(ctx, "LD02")
	if err != nil || d.FullName != "Lê Thị Thanh Hải" || d.Phone != "0974884232" || d.UnitName != "UBND thị xã" {
		t.Fatalf("%v %+v\n%s", err, d, s.View())
	}
	h, _ := st.History(ctx, "delegate", d.ID, 0)
	if last := h[len(h)-1]; last.Action != "update" || last.Station != commontest.Station || !strings.Contains(last.Before, "Thanh Hà") {
		t.Errorf("audit %+v", last)
	}
	if v := s.View(); !strings.Contains(v, "Đã lưu: Lê Thị Thanh Hải") {
		t.Errorf("no confirmation:\n%s", v)
	}
	// Esc leaves the form without saving.
	s = press(s, "enter")
	s = typeText(s, "XYZ")
	s = press(s, "esc")
	if d2, _ := st.DelegateByCode(ctx, "LD02"); d2.FullName != d.FullName {
		t.Fatal("a cancelled form saved")
	}
	// Esc clears the search before it lets the root go home.
	s = press(s, "esc")
	if s.Capturing() {
		t.Error("still capturing after the search was cleared")
	}
}

// TestEditDelegateTeatest is the same correction as a running program.
func TestEditDelegateTeatest(t *testing.T) {
	c, st := commontest.New(t, 80, 20)
	tm := teatest.NewTestModel(t, commontest.Host{S: setup.New(c)}, teatest.WithInitialTermSize(80, 20))
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(what)) },
			teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	waitFor("Hội nghị")
	for range 3 {
		tm.Send(key("tab"))
	}
	waitFor("LD01")
	for _, r := range "LD02" {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	waitFor("Phó Chủ tịch")
	tm.Send(key("enter"))
	waitFor("Sửa đại biểu")
	for range len([]rune("Lê Thị Thanh Hà")) {
		tm.Send(key("backspace"))
	}
	for _, r := range "Lê Thị Thanh Hải" {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	for range 8 { // name, title, phone, code, honorific; unit; group, introduction order
		tm.Send(key("enter"))
	}
	waitFor("Đã lưu")
	tm.Quit()
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	d, err := st.DelegateByCode(context.Background(), "LD02")
	if err != nil || d.FullName != "Lê Thị Thanh Hải" {
		t.Fatalf("%v %+v", err, d)
	}
}

func TestAddGroupWithQuota(t *testing.T) {
	s, st := open(t, i18n.EN, 80, 20)
	s = press(s, "tab", "tab", "+")
	s = typeText(s, "Báo chí")
	s = press(s, "enter", "backspace")
	s = typeText(s, "12")
	s = press(s, "enter")
	gs, _ := st.Groups(context.Background())
	if g := gs[len(gs)-1]; g.Name != "Báo chí" || g.Quota != 12 {
		t.Fatalf("%+v\n%s", g, s.View())
	}
	if !strings.Contains(s.View(), "Báo chí") {
		t.Errorf("list not reloaded:\n%s", s.View())
	}
}

func TestEditMeeting(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 20)
	ctx := context.Background()
	before, _ := st.Meeting(ctx)
	s = press(s, "enter", "backspace", "backspace", "backspace", "backspace")
	s = typeText(s, "2024")
	// seventeen fields in three groups: Enter moves on, and on the last submits
	for range 17 {
		s = press(s, "enter")
	}
	after, _ := st.Meeting(ctx)
	if want := strings.TrimSuffix(before.Title, "2023") + "2024"; after.Title != want || after.Date != before.Date {
		t.Fatalf("title %q, want %q\n%s", after.Title, want, s.View())
	}
	h, _ := st.History(ctx, "meeting", 1, 0)
	if last := h[len(h)-1]; last.Action != "update" || last.Station != commontest.Station {
		t.Errorf("audit %+v", last)
	}
}

// TestMeetingSigner sets the secretary and a TL. signer in the meeting
// form's third group; TL. without the signer's name is not accepted.
func TestMeetingSigner(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 30)
	ctx := context.Background()
	s = press(s, "enter")
	for range 10 {
		s = press(s, "enter")
	}
	s = clearField(s)
	s = typeText(s, "Nguyễn Thị Thư")
	s = press(s, "enter")
	s = clearField(s)
	s = typeText(s, "Chuyên viên Phòng Nội vụ")
	s = press(s, "enter", "up", "up", "down", "down", "enter") // TL., whatever the demo had
	s = clearField(s)
	s = press(s, "enter") // no signer's name: refused, the field stays
	if v := s.View(); !strings.Contains(v, "KT./TL. cần họ tên người ký") {
		t.Fatalf("TL. without a name not refused:\n%s", v)
	}
	s = typeText(s, "Lê Văn Phòng")
	s = press(s, "enter")
	s = clearField(s)
	s = typeText(s, "Chánh Văn phòng")
	s = press(s, "enter", "enter", "enter")
	m, _ := st.Meeting(ctx)
	if m.Secretary != "Nguyễn Thị Thư" || m.SecretaryTitle != "Chuyên viên Phòng Nội vụ" || m.SignAs != store.SignTL ||
		m.Signer != "Lê Văn Phòng" || m.SignerTitle != "Chánh Văn phòng" {
		t.Fatalf("%+v\n%s", m, s.View())
	}
	if v := s.View(); !strings.Contains(v, "TL. Lê Văn Phòng — Chánh Văn phòng") || !strings.Contains(v, "Nguyễn Thị Thư, Chuyên viên") {
		t.Errorf("the meeting tab does not show the signer and secretary:\n%s", v)
	}
}

func writeFile(t *testing.T, name, data string) string {
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportFlow types a path, reads the dry run, confirms, and sees the
// delegates arrive; a bad file shows its problems and cannot be applied.
func TestImportFlow(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 20)
	ctx := context.Background()
	ds0, _ := st.Delegates(ctx)
	good := writeFile(t, "dai-bieu.csv", "\xEF\xBB\xBFDANH SÁCH;;\r\nHọ và tên;Đơn vị;Điện thoại\r\nNguyễn Thị Hoà;xa quang hoa;912345678\r\nLê Thị Mai;Xã Quảng Ngọc;\r\n")
	s = press(s, "shift+tab", "enter", "enter")
	s = typeText(s, good)
	s = press(s, "enter")
	v := s.View()
	if !strings.Contains(v, "Sẽ thêm 2, cập nhật 0") || !strings.Contains(v, "Đơn vị mới: Xã Quảng Ngọc") || !s.Capturing() {
		t.Fatalf("dry run:\n%s", v)
	}
	if ds, _ := st.Delegates(ctx); len(ds) != len(ds0) {
		t.Fatal("the dry run wrote")
	}
	s = press(s, "enter")
	if ds, _ := st.Delegates(ctx); len(ds) != len(ds0)+2 {
		t.Fatalf("%d delegates after import", len(ds)-len(ds0))
	}
	if v := s.View(); !strings.Contains(v, "Đã nhập: thêm 2") || s.Capturing() {
		t.Fatalf("after import:\n%s", v)
	}

	bad := writeFile(t, "loi.csv", "Họ và tên,Điện thoại\nA,abc\n,\n,0912345678\n")
	s = press(s, "enter", "down", "up", "tab")
	// the path field still holds the last path: replace it
	for range len([]rune(good)) {
		s = press(s, "backspace")
	}
	s = typeText(s, bad)
	s = press(s, "enter")
	v = s.View()
	if !strings.Contains(v, "2 lỗi") || !strings.Contains(v, "dòng 2, Điện thoại") || !strings.Contains(v, "dòng 4, Họ và tên") {
		t.Fatalf("problems:\n%s", v)
	}
	s = press(s, "enter")
	if ds, _ := st.Delegates(ctx); len(ds) != len(ds0)+2 {
		t.Fatal("a bad file was imported")
	}
	s = press(s, "esc")
	if s.Capturing() {
		t.Error("report still open after esc")
	}
}

// TestViewsFit draws every tab and form at 80x20 and 200x60 in both
// languages, within the area.
func TestViewsFit(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, size := range [][2]int{{80, 20}, {200, 60}, {60, 14}} {
			w, h := size[0], size[1]
			s, _ := open(t, lang, w, h)
			for tab := range 6 {
				name := string(lang) + "/" + string(rune('0'+tab))
				checkFits(t, name, s.View(), w, h)
				if tab != 5 {
					f := press(s, "enter")
					checkFits(t, name+"/form", f.View(), w, h)
					s = press(f, "esc")
				}
				s = press(s, "tab")
			}
		}
	}
}

// TestRefusedSaveKeepsTheForm: a code already taken is refused at the
// field, naming its holder; the form stays on it with what was typed.
func TestRefusedSaveKeepsTheForm(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 20)
	s = press(s, "tab", "tab", "tab")
	s = typeText(s, "LD02")
	s = press(s, "enter", "enter", "enter", "enter")
	s = press(s, "backspace", "backspace", "backspace", "backspace")
	s = typeText(s, "LD01")
	s = press(s, "enter", "enter", "enter")
	v := s.View()
	if !s.Capturing() || !strings.Contains(v, "Mã LD01 đã dùng cho Trần Minh Đức") || !strings.Contains(v, "┃ > LD01") {
		t.Fatalf("form not back with the error:\n%s", v)
	}
	if d, _ := st.DelegateByCode(context.Background(), "LD02"); d.FullName != "Lê Thị Thanh Hà" {
		t.Fatalf("%+v", d)
	}
	s = press(s, "esc")
	if s.Capturing() && strings.Contains(s.View(), "Sửa đại biểu") {
		t.Fatal("esc did not close the form")
	}
}

// TestDelegateUnitWithoutAccents: a delegate's unit is typed without
// accents and matched to the meeting's units; a unit that does not exist
// is refused with a message, not created.
func TestDelegateUnitWithoutAccents(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 20)
	ctx := context.Background()
	s = press(s, "tab", "tab", "tab")
	s = typeText(s, "le thanh ha")
	s = press(s, "enter")                                     // open the form
	s = press(s, "enter", "enter", "enter", "enter", "enter") // name, title, phone, code, honorific
	for range []rune("UBND thị xã") {
		s = press(s, "backspace")
	}
	s = typeText(s, "khong co")
	if v := s.View(); !strings.Contains(v, "Không có đơn vị «khong co»") {
		t.Fatalf("no refusal hint:\n%s", v)
	}
	s = press(s, "enter")
	if d, _ := st.DelegateByCode(ctx, "LD02"); d.UnitName != "UBND thị xã" {
		t.Fatalf("an unknown unit was saved: %+v", d)
	}
	for range []rune("khong co") {
		s = press(s, "backspace")
	}
	s = typeText(s, "quang son")
	if v := s.View(); !strings.Contains(v, "→ Xã Quảng Sơn") {
		t.Fatalf("no match shown:\n%s", v)
	}
	s = press(s, "enter", "enter", "enter")
	if d, _ := st.DelegateByCode(ctx, "LD02"); d.UnitName != "Xã Quảng Sơn" {
		t.Fatalf("unit not changed: %+v\n%s", d, s.View())
	}
}

// TestHonorificAndAddressing: setup changes a delegate's honorific (the
// choices: not known, Ông, Bà) and has a unit asked rather than assigned
// in the notice; both stored.
func TestHonorificAndAddressing(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 24)
	ctx := context.Background()
	s = press(s, "tab", "tab", "tab")
	s = typeText(s, "tran minh duc")
	s = press(s, "enter", "enter", "enter", "enter", "enter")
	if v := s.View(); !strings.Contains(v, "Danh xưng") || !strings.Contains(v, "← Ông →") {
		t.Fatalf("no honorific field:\n%s", v)
	}
	s = press(s, "left") // back to "not known"
	if v := s.View(); !strings.Contains(v, "Chưa rõ (Ông (Bà))") {
		t.Fatalf("no 'not known' choice:\n%s", v)
	}
	s = press(s, "right", "right", "enter", "enter", "enter", "enter") // honorific, unit, group, introduction order
	if d, _ := st.DelegateByCode(ctx, "LD01"); d.Honorific != "Bà" {
		t.Fatalf("honorific %q\n%s", d.Honorific, s.View())
	}
	// the units tab: Công an thị xã is assigned by its kind; ask it instead
	s = press(s, "esc", "shift+tab", "shift+tab")
	us, _ := st.Units(ctx)
	for _, u := range us {
		if u.Name == "Công an thị xã" {
			break
		}
		s = press(s, "down")
	}
	s = press(s, "enter", "enter", "enter", "enter")
	if v := s.View(); !strings.Contains(v, "Theo loại đơn vị (Giao …)") {
		t.Fatalf("no addressing field showing what the kind gives:\n%s", v)
	}
	s = press(s, "right", "right", "enter", "enter", "enter")
	us, _ = st.Units(ctx)
	for _, u := range us {
		if u.Name == "Công an thị xã" && (u.Addressing != store.AddressAsk || !u.Requested()) {
			t.Fatalf("Công an: %+v\n%s", u, s.View())
		}
	}
}
