package checkin

import (
	"bytes"
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// The desk types a few letters without accents and presses Enter: the one
// best match is checked in, the screen says so once the commit returned,
// and the field is empty for the next person.
func TestFlowAccentFreePrefixEnter(t *testing.T) {
	d := startDesk(t)
	d.typeText("toan")
	d.waitText("Đinh Văn Toàn", "chưa đến")
	d.key(tea.KeyEnter)
	d.waitText("✓ 07:42 đã điểm danh: Đinh Văn Toàn — Phòng Nội vụ", "Có mặt 1/140")
	got := byCode(t, d.st, "LD06")
	if !got.Arrived() || got.ArrivedAs != commontest.Station {
		t.Fatalf("LD06 not checked in: %+v", got)
	}
	if arrivedCount(t, d.st) != 1 {
		t.Fatal("more than one check-in")
	}
}

// Namesakes: Enter on two equal "Nguyễn Thị Hoa" checks in nobody and asks
// to choose by unit; after moving to the right one, Enter checks her in.
func TestFlowNamesakesNeedAChoice(t *testing.T) {
	d := startDesk(t)
	d.typeText("nguyen thi hoa")
	d.waitText("Phường Quảng Long")
	d.key(tea.KeyEnter)
	d.waitText("Có 2 người cùng tên «Nguyễn Thị Hoa»")
	if n := arrivedCount(t, d.st); n != 0 {
		t.Fatalf("%d checked in on a tie", n)
	}
	d.key(tea.KeyEnter) // a blind second Enter still chooses nobody
	d.key(tea.KeyDown)
	d.key(tea.KeyEnter)
	d.waitText("đã điểm danh: Nguyễn Thị Hoa — Phường Quảng Long")
	hoas := byName(t, d.st, "Nguyễn Thị Hoa")
	for _, h := range hoas {
		if h.Arrived() != (h.UnitName == "Phường Quảng Long") {
			t.Fatalf("wrong namesake: %+v", h)
		}
	}
}

// Already here: a second check-in of the same person shows when and where
// she arrived, in yellow, and writes nothing.
func TestFlowAlreadyHere(t *testing.T) {
	d := startDesk(t)
	// a second terminal on the laptop, started with --desk desk-2
	other := d.st.As(store.Actor{Station: "checkin", User: "root/desk-2", Role: store.RoleCheckin})
	pn := byCode(t, d.st, "PN097")
	if _, err := other.CheckIn(context.Background(), pn.ID); err != nil {
		t.Fatal(err)
	}
	d.waitText("Có mặt 1/140") // the other desk's check-in shows here
	d.typeText("hoang thi giang")
	d.waitText("đã đến 07:42")
	d.key(tea.KeyEnter)
	d.waitText("! Hoàng Thị Giang ĐÃ ĐẾN từ 07:42 (bàn desk-2)")
	h, _ := d.st.History(context.Background(), "checkin", pn.ID, 0)
	if len(h) != 1 || arrivedCount(t, d.st) != 1 {
		t.Fatalf("a second check-in was written: %+v", h)
	}
}

// A scanner types the invitation code fast and ends with Enter.
func TestFlowScannedCode(t *testing.T) {
	d := startDesk(t)
	d.m.SetClock(fastClock())
	d.typeText("PN-010")
	d.key(tea.KeyEnter)
	d.waitText("đã điểm danh: Phạm Thị Diệu")
	if !byCode(t, d.st, "PN010").Arrived() {
		t.Fatal("PN010 not checked in")
	}
}

// An unknown code: red notice and the bell, nobody checked in, the field
// cleared for the next scan.
func TestFlowUnknownCode(t *testing.T) {
	d := startDesk(t)
	d.m.SetClock(fastClock())
	d.typeText("PN999")
	d.key(tea.KeyEnter)
	out := d.waitText("✗ Mã không có trong danh sách: «PN999»")
	if !bytes.Contains(out, []byte("\a")) {
		t.Fatal("no bell")
	}
	// a partial code typed by hand is not a licence to check in PN010
	d.m.SetClock(slowClock())
	d.typeText("pn01")
	d.key(tea.KeyEnter)
	d.waitText("«pn01»")
	if n := arrivedCount(t, d.st); n != 0 {
		t.Fatalf("%d checked in by an unknown code", n)
	}
}

// "#12" checks in row 12 of the printed sign-in sheet.
func TestFlowSheetRow(t *testing.T) {
	d := startDesk(t)
	// a new meeting is numbered already: no sheet export needed first
	want, err := d.st.DelegateBySheetNo(context.Background(), 12)
	if err != nil {
		t.Fatal(err)
	}
	// the list shows the person on row 12 (not a search for "12"), and
	// Enter checks in that same person
	d.typeText("#12")
	d.waitText(want.FullName)
	if hits := d.m.picker.Hits(); len(hits) != 1 || hits[0].ID != want.ID {
		t.Fatalf("#12 shows %+v, want only %s", hits, want.FullName)
	}
	d.key(tea.KeyEnter)
	d.waitText("đã điểm danh: " + want.FullName)
	d.typeText("#999")
	d.key(tea.KeyEnter)
	d.waitText("Không có dòng số 999")
}

// Undo the last check-in after a confirmation (y, never Enter); the audit
// log keeps both.
func TestFlowUndoLast(t *testing.T) {
	d := startDesk(t)
	d.typeText("toan")
	d.waitText("Đinh Văn Toàn")
	d.key(tea.KeyEnter)
	d.waitText("đã điểm danh: Đinh Văn Toàn")
	d.key(tea.KeyCtrlZ)
	d.waitText("Hủy điểm danh của Đinh Văn Toàn — Phòng Nội vụ, đến lúc 07:42?")
	// Enter (pressed all day, and ending every scan) must not undo
	d.key(tea.KeyEnter)
	d.waitText("Đã bỏ qua")
	if !byCode(t, d.st, "LD06").Arrived() {
		t.Fatal("undone without a yes")
	}
	d.key(tea.KeyCtrlZ)
	d.waitText("Hủy điểm danh của Đinh Văn Toàn")
	d.typeText("y")
	d.waitText("↶ Đã hủy điểm danh: Đinh Văn Toàn", "Có mặt 0/140")
	ld := byCode(t, d.st, "LD06")
	h, _ := d.st.History(context.Background(), "checkin", ld.ID, 0)
	if ld.Arrived() || len(h) != 2 || h[1].Action != "delete" {
		t.Fatalf("undo: arrived=%v history=%+v", ld.Arrived(), h)
	}
}

// Un-check any delegate: highlight her, Ctrl+X, confirm.
func TestFlowUncheckSelected(t *testing.T) {
	d := startDesk(t)
	pn := byCode(t, d.st, "PN073")
	if _, err := d.st.As(store.Actor{Station: "desk-2", Role: store.RoleCheckin}).CheckIn(context.Background(), pn.ID); err != nil {
		t.Fatal(err)
	}
	d.typeText("le thi giang")
	d.waitText("Lê Thị Giang", "đã đến 07:42")
	d.key(tea.KeyCtrlX)
	d.waitText("Hủy điểm danh của Lê Thị Giang")
	d.typeText("y")
	d.waitText("↶ Đã hủy điểm danh: Lê Thị Giang")
	if byCode(t, d.st, "PN073").Arrived() {
		t.Fatal("still checked in")
	}
}

// A walk-in: the form registers and checks in a person not on the list,
// with a new unit.
func TestFlowWalkIn(t *testing.T) {
	d := startDesk(t)
	d.key(tea.KeyCtrlT)
	d.waitText("Khách vãng lai (không có trong danh sách)")
	d.typeText("Phan Thị Mơ")
	d.waitText("Phan Thị Mơ")
	d.formEnter()
	d.typeText("Hội viên")
	d.waitText("Hội viên")
	d.formEnter()
	d.typeText("Tổ dân phố 5")
	d.waitText("đơn vị mới «Tổ dân phố 5»")
	d.formEnter()
	d.waitText("Thành phần")
	d.formEnter()
	d.waitText("✓ Đã đăng ký và điểm danh khách vãng lai: Phan Thị Mơ — Tổ dân phố 5", "vãng lai 1")
	ws := byName(t, d.st, "Phan Thị Mơ")
	if len(ws) != 1 || !ws[0].WalkIn || !ws[0].Arrived() || ws[0].UnitName != "Tổ dân phố 5" || ws[0].Title != "Hội viên" {
		t.Fatalf("walk-in: %+v", ws)
	}
	// and she is found like anyone else
	d.typeText("mo")
	d.waitText("Tìm: mo", "Phan Thị Mơ ", "Hội viên", "vãng lai")
}

// The walk-in's unit is typed without accents, like a name, and matched to
// a unit of the list.
func TestFlowWalkInUnitWithoutAccents(t *testing.T) {
	d := startDesk(t)
	d.key(tea.KeyCtrlT)
	d.waitText("Khách vãng lai (không có trong danh sách)")
	d.typeText("Võ Thị Bé")
	d.waitText("Võ Thị Bé")
	d.formEnter()
	d.formEnter() // no title
	d.typeText("quang")
	d.waitText("đơn vị khớp")
	d.typeText(" son")
	d.waitText("→ Xã Quảng Sơn")
	d.formEnter()
	d.waitText("Thành phần")
	d.formEnter()
	d.waitText("✓ Đã đăng ký và điểm danh khách vãng lai: Võ Thị Bé — Xã Quảng Sơn")
	ws := byName(t, d.st, "Võ Thị Bé")
	if len(ws) != 1 || ws[0].UnitName != "Xã Quảng Sơn" {
		t.Fatalf("walk-in: %+v", ws)
	}
	units, _ := d.st.Units(context.Background())
	for _, u := range units {
		if strings.EqualFold(u.Name, "quang son") {
			t.Fatal("a new unit was made for an existing one")
		}
	}
}

// Esc leaves the walk-in form without writing.
func TestFlowWalkInCancel(t *testing.T) {
	d := startDesk(t)
	d.key(tea.KeyCtrlT)
	d.waitText("Khách vãng lai")
	d.typeText("Ai Đó")
	d.key(tea.KeyEsc)
	d.waitText("Đã bỏ qua")
	ds, _ := d.st.Delegates(context.Background())
	for _, x := range ds {
		if strings.Contains(x.FullName, "Ai Đó") {
			t.Fatal("cancelled walk-in written")
		}
	}
}

// A walk-in who is on the list (same name, same unit) is not registered
// twice: the desk offers the person on the list, and Enter checks her in.
// Undoing a walk-in removes her from the list again.
func TestFlowWalkInAlreadyOnList(t *testing.T) {
	d := startDesk(t)
	on := byCode(t, d.st, "LD06") // Đinh Văn Toàn, Phòng Nội vụ
	d.key(tea.KeyCtrlT)
	d.waitText("Khách vãng lai (không có trong danh sách)")
	d.typeText("Đinh Văn Toàn")
	d.formEnter()
	d.formEnter() // no title
	d.typeText("phong noi vu")
	d.waitText("→ Phòng Nội vụ")
	d.formEnter()
	d.waitText("Thành phần")
	d.formEnter()
	d.waitText("Đinh Văn Toàn — Phòng Nội vụ (LD06) đã có trong danh sách, chưa đến.", "Enter: điểm danh người này")
	d.key(tea.KeyEnter)
	d.waitText("đã điểm danh: Đinh Văn Toàn — Phòng Nội vụ")
	if !byCode(t, d.st, on.Code).Arrived() || len(byName(t, d.st, "Đinh Văn Toàn")) != 1 {
		t.Fatal("the person on the list was not checked in, or a walk-in was added")
	}

	// a real walk-in, then undo: she is gone from the list
	d.key(tea.KeyCtrlT)
	d.waitText("Khách vãng lai (không có trong danh sách)")
	d.typeText("Phan Thị Mơ")
	d.formEnter()
	d.formEnter()
	d.formEnter()
	d.waitText("Thành phần")
	d.formEnter()
	d.waitText("✓ Đã đăng ký và điểm danh khách vãng lai: Phan Thị Mơ")
	d.key(tea.KeyCtrlZ)
	d.waitText("Hủy điểm danh của Phan Thị Mơ")
	d.typeText("y")
	d.waitText("↶ Đã hủy điểm danh và xóa khách vãng lai: Phan Thị Mơ")
	if ws := byName(t, d.st, "Phan Thị Mơ"); len(ws) != 0 {
		t.Fatalf("the undone walk-in stayed: %+v", ws)
	}
}

// Two desks on one laptop without --desk share the OS user; each undoes
// its own check-in, never the other's.
func TestUndoLastIsThisDesks(t *testing.T) {
	m1, st := newModel(t, i18n.VI, 80, 21)
	loadModel(t, m1)
	c2 := *m1.c
	m2 := NewModel(&c2)
	m2.SetClock(slowClock())
	loadModel(t, m2)
	press(m1, "toan", tea.KeyEnter)
	if !byCode(t, st, "LD06").Arrived() {
		t.Fatal("desk 1 did not check in")
	}
	press(m2, tea.KeyCtrlZ)
	if m2.confirm != nil {
		t.Fatalf("desk 2 offered desk 1's check-in: %s", m2.confirm.d.FullName)
	}
	screenHas(t, m2, "Bàn này chưa điểm danh ai")
	press(m1, tea.KeyCtrlZ)
	if m1.confirm == nil || m1.confirm.d.Code != "LD06" {
		t.Fatal("desk 1 cannot undo its own check-in")
	}
}

// A walk-in's name typed without accents is pointed out (documents print
// it as typed); components.HasAccents decides.
func TestWalkInNameWithoutAccents(t *testing.T) {
	d := startDesk(t)
	d.key(tea.KeyCtrlT)
	d.waitText("Khách vãng lai (không có trong danh sách)")
	d.typeText("le van tam")
	d.waitText("Tên chưa có dấu")
}

// A walk-in named like two people on the list: Enter shows both, and the
// operator must choose by the unit.
func TestWalkInNamesakesChosenFromList(t *testing.T) {
	m, st := newModel(t, i18n.VI, 100, 30)
	loadModel(t, m)
	var hoas []store.Delegate
	for _, d := range byName(t, st, "Nguyễn Thị Hoa") {
		if !d.WalkIn {
			hoas = append(hoas, d)
		}
	}
	w := store.WalkIn{FullName: "nguyen thi hoa"}
	_, cmd := m.Update(checkedMsg{walkIn: true, form: w, err: func() error {
		_, err := st.RegisterWalkIn(context.Background(), w)
		return err
	}()})
	run(m, cmd)
	screenHas(t, m, "Danh sách đã có 2 người tên Nguyễn Thị Hoa", "Enter: chọn một người")
	press(m, tea.KeyEnter)
	if len(m.picker.Hits()) != len(hoas) || m.confirm != nil {
		t.Fatalf("the namesakes are not shown to choose from: %d hits", len(m.picker.Hits()))
	}
	press(m, tea.KeyEnter) // Enter on the top row without choosing: refused
	if arrivedCount(t, st) != 0 {
		t.Fatal("Enter checked in a namesake without a choice")
	}
	press(m, tea.KeyDown, tea.KeyEnter)
	if arrivedCount(t, st) != 1 {
		t.Fatal("the chosen namesake was not checked in")
	}
}
