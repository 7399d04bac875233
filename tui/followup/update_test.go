package followup_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

// reg reads the register as the store derives it.
func (f *fixture) reg(t *testing.T) *store.Register {
	t.Helper()
	r, err := f.st.Register(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (f *fixture) ob(t *testing.T, key string) store.Obligation {
	t.Helper()
	o, ok := f.reg(t).Obligation(key)
	if !ok {
		t.Fatalf("no obligation %s", key)
	}
	return o
}

// rowsOf lists the register rows on screen, by their reference.
func rowsOf(v string) []string {
	var refs []string
	for _, l := range strings.Split(v, "\n") {
		f := strings.Fields(strings.TrimLeft(l, " ›!"))
		if len(f) > 0 && refRE.MatchString(f[0]) {
			refs = append(refs, f[0])
		}
	}
	return refs
}

var refRE = regexp.MustCompile(`^(YK|KN|KT|Q|P|C)[0-9]+$`)

func TestListOverdueFirst(t *testing.T) {
	f := newFixture(t)
	m := f.open(t, i18n.VI, 100, 30)
	v := m.View()
	checkFits(t, "list", v, 100, 30)
	rows := rowsOf(v)
	if len(rows) != 16 || rows[0] != "YK2" || rows[len(rows)-1] != "YK4" {
		t.Fatalf("rows %v", rows)
	}
	for _, want := range []string{"quá hạn 3 ngày", "sắp đến hạn – còn 2 ngày", "chưa đến hạn", "đã trả lời – trễ 5 ngày",
		"16 việc · 13 quá hạn · 1 sắp đến hạn · 1 chưa đến hạn · 1 đã trả lời (1 trễ)"} {
		if !strings.Contains(v, want) {
			t.Errorf("%q not on screen:\n%s", want, v)
		}
	}
	// the due-soon row is before the not-yet-due one, the answered last
	if i, j := strings.Index(v, "YK5"), strings.Index(v, "YK1 "); i < 0 || j < i {
		t.Errorf("due soon (YK5) not before not yet due (YK1):\n%s", v)
	}
	e := f.open(t, i18n.EN, 100, 30)
	if v := e.View(); !strings.Contains(v, "overdue 3 days") || !strings.Contains(v, "answered 5 days late") || rowsOf(v)[0] != "Q2" {
		t.Errorf("english:\n%s", v)
	}
}

// The search reads words without accents, as at the check-in desk, and
// the filters narrow by agency, topic and status; x clears them.
func TestSearchAndFilters(t *testing.T) {
	f := newFixture(t)
	m := f.open(t, i18n.VI, 100, 30)
	press(m, "/")
	if !m.Capturing() {
		t.Fatal("the search field does not hold the keys")
	}
	typeText(m, "tren 40")
	if rows := rowsOf(m.View()); len(rows) != 1 || rows[0] != "YK5" {
		t.Fatalf("search 'tren 40': %v", rows)
	}
	press(m, "enter")
	if m.Capturing() {
		t.Error("enter did not leave the search field")
	}
	if v := m.View(); !strings.Contains(v, "Đang lọc 1/16") || !strings.Contains(v, "tìm «tren 40»") {
		t.Errorf("the filter line:\n%s", v)
	}
	press(m, "x")
	if rows := rowsOf(m.View()); len(rows) != 16 {
		t.Fatalf("x left %d rows", len(rows))
	}
	// agency: typed without accents in the chooser
	press(m, "a")
	typeText(m, "y te")
	press(m, "enter")
	rows := rowsOf(m.View())
	if len(rows) != 3 {
		t.Fatalf("Phòng Y tế: %v\n%s", rows, m.View())
	}
	for _, o := range f.reg(t).Obligations {
		if o.Agency == "Phòng Y tế" && !strings.Contains(strings.Join(rows, " "), ref(o)) {
			t.Errorf("%s of Phòng Y tế missing: %v", ref(o), rows)
		}
	}
	// and status: overdue only
	press(m, "s")
	typeText(m, "qua han")
	press(m, "enter")
	if rows := rowsOf(m.View()); len(rows) != 1 || rows[0] != "KN7" {
		t.Errorf("Phòng Y tế overdue: %v", rows)
	}
	// topic, after clearing
	press(m, "x", "t")
	typeText(m, "suc khoe")
	press(m, "enter")
	if rows := rowsOf(m.View()); len(rows) != 3 {
		t.Errorf("topic sức khỏe: %v", rows)
	}
	// esc in the chooser changes nothing
	press(m, "a", "esc")
	if rows := rowsOf(m.View()); len(rows) != 3 || m.Capturing() {
		t.Errorf("esc in the chooser: %v", rows)
	}
}

func ref(o store.Obligation) string {
	switch {
	case o.Kind == store.KindPetition:
		return "KN" + strconv.Itoa(o.PetitionNo)
	}
	return "YK" + strconv.Itoa(o.QNo)
}

// cursorTo moves the highlight to the row with reference r.
func cursorTo(t *testing.T, m common.Station, r string) {
	t.Helper()
	press(m, "home")
	for i := 0; i < 40; i++ {
		for _, l := range strings.Split(m.View(), "\n") {
			if strings.HasPrefix(l, "›"+r+" ") {
				return
			}
		}
		press(m, "down")
	}
	t.Fatalf("no row %s:\n%s", r, m.View())
}

// Recording a receipt: the number line typed without accents is read back,
// the store keeps it, the status turns to answered.
func TestRecordReceipt(t *testing.T) {
	f := newFixture(t)
	m := f.open(t, i18n.VI, 100, 30)
	cursorTo(t, m, "YK1")
	press(m, "r")
	if !m.Capturing() {
		t.Fatal("the form does not hold the keys")
	}
	typeText(m, "so 123/LĐTBXH-VL ngay 19/11/2023")
	if v := m.View(); !strings.Contains(v, "đọc được: số 123/LĐTBXH-VL, ngày 19/11/2023") {
		t.Errorf("the number line is not read back:\n%s", v)
	}
	press(m, "enter")
	typeText(m, "Phan Văn Hùng")
	press(m, "enter")
	typeText(m, "Đã mở 2 lớp may công nghiệp")
	press(m, "enter", "enter", "enter") // no scan; settled
	if m.Capturing() {
		t.Fatalf("the form is still open:\n%s", m.View())
	}
	o := f.ob(t, f.key(1))
	rc := o.ActiveReceipts()
	if len(rc) != 1 || rc[0].DocNo != "123/LĐTBXH-VL" || rc[0].DocDate != "2023-11-19" || rc[0].Signer != "Phan Văn Hùng" ||
		rc[0].Result != store.ResultSettled || !o.Status.OnTime() {
		t.Fatalf("stored %+v, status %+v", rc, o.Status)
	}
	if v := m.View(); !strings.Contains(v, "Đã ghi nhận văn bản số 123/LĐTBXH-VL cho YK1") || !strings.Contains(v, "đã trả lời – đúng hạn") {
		t.Errorf("after saving:\n%s", v)
	}
}

// The store's refusals come back in words, with the form as it was typed.
func TestReceiptRefusals(t *testing.T) {
	f := newFixture(t)
	m := f.open(t, i18n.VI, 100, 30)
	cursorTo(t, m, "YK5")
	// a date before the meeting is refused while typing
	press(m, "r")
	typeText(m, "45/YT ngay 1/10/2023")
	press(m, "enter")
	if v := m.View(); !strings.Contains(v, "văn bản ghi ngày trước ngày hội nghị (18/10/2023)") {
		t.Errorf("a date before the meeting:\n%s", v)
	}
	press(m, "ctrl+u")
	typeText(m, "45/YT ngay 19/11/2023") // Phòng Y tế's 45/YT is already Q4's: fine, same agency
	press(m, "enter", "enter", "enter")
	typeText(m, filepath.Join(t.TempDir(), "khong-co.pdf"))
	press(m, "enter", "enter")
	v := m.View()
	if !m.Capturing() || !strings.Contains(v, "không tìm thấy tệp") || !strings.Contains(v, "45/YT ngay 19/11/2023") {
		t.Fatalf("a missing scan: the form should come back with the refusal:\n%s", v)
	}
	if n := len(f.ob(t, f.key(5)).Receipts); n != 0 {
		t.Fatalf("%d receipts saved after a refusal", n)
	}
	// a scan over 50 MB (sparse: nothing is written)
	big := filepath.Join(t.TempDir(), "big.pdf")
	if err := os.WriteFile(big, []byte("%PDF-1.4\n"), 0o644); err != nil || os.Truncate(big, 51<<20) != nil {
		t.Fatal("cannot make a big file")
	}
	press(m, "enter", "enter", "enter", "ctrl+u")
	typeText(m, big)
	press(m, "enter", "enter")
	if v := m.View(); !strings.Contains(v, "lớn hơn 50 MB") {
		t.Errorf("a scan over 50 MB:\n%s", v)
	}
	press(m, "esc")
	// a number already recorded for another agency: refused by the store
	cursorTo(t, m, "YK1")
	press(m, "r")
	typeText(m, "Số 45/YT ngày 19/11/2023")
	press(m, "enter", "enter", "enter", "enter", "enter")
	if v := m.View(); !strings.Contains(v, "văn bản số 45/YT đã được ghi nhận là của Phòng Y tế") {
		t.Errorf("a number of another agency:\n%s", v)
	}
	if n := len(f.ob(t, f.key(1)).Receipts); n != 0 {
		t.Fatalf("%d receipts saved after a refusal", n)
	}
}

// A scanned copy is attached, shown, and opened with the system viewer
// on the laptop; over SSH the station says where it is instead.
func TestScanOpened(t *testing.T) {
	f := newFixture(t)
	scan := filepath.Join(t.TempDir(), "cv 12.pdf")
	if err := os.WriteFile(scan, []byte("%PDF-1.4\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := f.open(t, i18n.VI, 100, 40)
	var opened []string
	m.SetOpener(func(p string) error { opened = append(opened, p); return nil }, false)
	cursorTo(t, m, "YK1")
	press(m, "r")
	typeText(m, "12/LĐTBXH ngày 19/11/2023")
	press(m, "enter", "enter", "enter")
	typeText(m, "'"+scan+"'") // as a file manager drops it into the terminal
	press(m, "enter", "down", "enter")
	o := f.ob(t, f.key(1))
	if len(o.Receipts) != 1 || o.Receipts[0].File == "" || o.Receipts[0].Result != store.ResultAnswered {
		t.Fatalf("receipt %+v", o.Receipts)
	}
	cursorTo(t, m, "YK1")
	press(m, "enter")
	v := m.View()
	if !strings.Contains(v, "Bản quét: cv 12.pdf") || !strings.Contains(v, "đã trả lời, chưa giải quyết dứt điểm") {
		t.Errorf("detail:\n%s", v)
	}
	press(m, "v")
	if len(opened) != 1 || filepath.Dir(opened[0]) != store.AttachmentDir(f.st.Path()) {
		t.Fatalf("opened %v", opened)
	}
	if v := m.View(); !strings.Contains(v, "Đã mở") {
		t.Errorf("no word of the viewer:\n%s", v)
	}
	m.SetOpener(func(p string) error { t.Error("opened over SSH"); return nil }, true)
	press(m, "v")
	if v := m.View(); !strings.Contains(v, "Bản quét nằm trên máy chủ: "+store.AttachmentDir(f.st.Path())) {
		t.Errorf("remote:\n%s", v)
	}
	m.SetOpener(func(p string) error { return errors.New("xdg-open: no method") }, false)
	press(m, "v")
	if v := m.View(); !strings.Contains(v, "xdg-open: no method") {
		t.Errorf("a viewer that fails:\n%s", v)
	}
}

// An extension sets the due date in force; undo (Ctrl+Z, y) voids it as
// a new audited change, and Ctrl+Z again offers to restore it.
func TestExtensionAndUndo(t *testing.T) {
	f := newFixture(t)
	m := f.open(t, i18n.VI, 100, 30)
	cursorTo(t, m, "KN7")
	press(m, "g")
	typeText(m, "17/11/2023")
	press(m, "enter")
	if v := m.View(); !strings.Contains(v, "hạn mới phải sau hạn hiện tại (17/11/2023)") {
		t.Errorf("an extension to the same day:\n%s", v)
	}
	press(m, "ctrl+u")
	typeText(m, "15/12/2023")
	press(m, "enter")
	typeText(m, "Chờ kinh phí của tỉnh")
	press(m, "enter")
	key := ""
	for _, o := range f.reg(t).Obligations {
		if o.Kind == store.KindPetition && o.PetitionNo == 7 {
			key = o.Key
		}
	}
	o := f.ob(t, key)
	if o.Due != "2023-12-15" || len(o.Extensions) != 1 || o.Extensions[0].Reason != "Chờ kinh phí của tỉnh" || o.Status.Kind != store.StatusNotDue {
		t.Fatalf("after the extension: due %s %+v %+v", o.Due, o.Extensions, o.Status)
	}
	if v := m.View(); !strings.Contains(v, "Đã gia hạn KN7 · Y tế đến 15/12/2023") {
		t.Errorf("status:\n%s", v)
	}
	press(m, "ctrl+z")
	if v := m.View(); !m.Capturing() || !strings.Contains(v, "Hủy gia hạn đến 15/12/2023 (KN7 · Y tế)?") {
		t.Fatalf("undo question:\n%s", v)
	}
	press(m, "enter") // not y: nothing happens
	if o := f.ob(t, key); o.Extensions[0].Voided {
		t.Fatal("Enter undid the extension")
	}
	press(m, "ctrl+z", "y")
	if o := f.ob(t, key); !o.Extensions[0].Voided || o.Due != "2023-11-17" || o.Status.Kind != store.StatusOverdue {
		t.Fatalf("after undo: %+v due %s", o.Extensions, o.Due)
	}
	press(m, "ctrl+z")
	if v := m.View(); !strings.Contains(v, "Khôi phục gia hạn đến 15/12/2023") {
		t.Errorf("second undo offers the restore:\n%s", v)
	}
	press(m, "y")
	if o := f.ob(t, key); o.Extensions[0].Voided {
		t.Error("not restored")
	}
	h, _ := f.st.History(context.Background(), "extension", o.Extensions[0].ID, 0)
	if len(h) != 3 || h[1].Action != "void" || h[2].Action != "restore" {
		t.Errorf("audit %+v", h)
	}
	// an answered item needs no extension
	cursorTo(t, m, "YK4")
	press(m, "g")
	if m.Capturing() || !strings.Contains(m.View(), "không cần gia hạn") {
		t.Errorf("extension of an answered item:\n%s", m.View())
	}
}

// The detail shows the question, the answer on the day, the records and
// the history in words; ←→ choose a record, d voids it (y).
func TestDetail(t *testing.T) {
	f := newFixture(t)
	m := f.open(t, i18n.VI, 100, 40)
	cursorTo(t, m, "YK4")
	press(m, "enter")
	v := m.View()
	for _, want := range []string{"YK4 · Phòng Y tế · đã trả lời – trễ 5 ngày", "Trạm y tế xã thiếu bác sĩ sản khoa.",
		"Trần Minh Đức: Sẽ trả lời bằng văn bản", "1. số 45/YT ngày 15/11/2023 · đã giải quyết dứt điểm · người ký: Lê Thị Mai",
		"ghi nhận văn bản số 45/YT ngày 15/11/2023", "Hạn: 10/11/2023"} {
		if !strings.Contains(v, want) {
			t.Errorf("%q not in the detail:\n%s", want, v)
		}
	}
	press(m, "d")
	if !strings.Contains(m.View(), "Hủy văn bản số 45/YT ngày 15/11/2023 (YK4 · Y tế)?") {
		t.Fatalf("void question:\n%s", m.View())
	}
	press(m, "y")
	v = m.View()
	if !strings.Contains(v, "[đã hủy]") || !strings.Contains(v, "hủy văn bản số 45/YT") || !strings.Contains(v, "quá hạn 10 ngày") {
		t.Errorf("after voiding:\n%s", v)
	}
	if strings.Contains(v, "mặc định") {
		t.Errorf("a due date set at the meeting called a default:\n%s", v)
	}
	press(m, "esc")
	if m.Capturing() {
		t.Error("esc did not leave the detail")
	}
	// the referral was given no date: its due date says it is the default
	cursorTo(t, m, "YK2")
	press(m, "enter")
	if v := m.View(); !strings.Contains(v, "Hạn trả lời: 17/11/2023 (mặc định 30 ngày sau hội nghị)") {
		t.Errorf("the default due date is not said:\n%s", v)
	}
}

// Past midnight the statuses move a day without a key.
func TestMidnight(t *testing.T) {
	f := newFixture(t)
	m := f.open(t, i18n.VI, 100, 30)
	f.clock.set(at("2023-11-21 00:00"))
	_, cmd := m.Update(common.TickMsg{})
	drive(m, cmd)
	if v := m.View(); !strings.Contains(v, "quá hạn 4 ngày") || !strings.Contains(v, "đến hạn hôm nay") && !strings.Contains(v, "còn 1 ngày") {
		t.Errorf("after midnight:\n%s", v)
	}
}

// A receipt recorded on another terminal shows here without a key.
func TestOtherTerminal(t *testing.T) {
	f := newFixture(t)
	m := f.open(t, i18n.VI, 100, 30)
	other := f.st.As(store.Actor{Station: "followup", User: "followup@10.0.0.7", Role: store.RoleFollowup})
	if _, err := other.RecordReceipt(context.Background(), store.ReceiptInput{Obligation: f.key(2), DocNo: "Số 88/UBND ngày 18/11/2023",
		Result: store.ResultForwarded, ForwardedTo: "Sở Tài nguyên và Môi trường"}); err != nil {
		t.Fatal(err)
	}
	_, cmd := m.Update(common.ChangedMsg{})
	drive(m, cmd)
	if v := m.View(); !strings.Contains(v, "đã chuyển – trễ 1 ngày") || rowsOf(v)[0] == "YK2" {
		t.Errorf("the other terminal's receipt:\n%s", v)
	}
}

// The per-agency table: sums, worst first, o changes the order, Enter
// lists the agency's items.
func TestTable(t *testing.T) {
	f := newFixture(t)
	m := f.open(t, i18n.VI, 100, 30)
	press(m, "tab")
	v := m.View()
	if !strings.Contains(v, "Kết quả trả lời theo cơ quan · kém nhất trước") || !strings.Contains(v, "Tổng cộng") {
		t.Fatalf("table:\n%s", v)
	}
	first := tableRows(v)
	if len(first) == 0 || !strings.HasPrefix(first[0], "Phòng Tài nguyên và Môi trường") {
		t.Errorf("worst first: %v", first)
	}
	sum := strings.Fields(lineWith(v, "Tổng cộng"))
	if strings.Join(sum[2:], " ") != "16 0 1 13 2 0 %" {
		t.Errorf("total %v", sum)
	}
	press(m, "o", "o")
	if v := m.View(); !strings.Contains(v, "theo thứ tự đơn vị") {
		t.Errorf("o:\n%s", v)
	}
	press(m, "home")
	name := regexp.MustCompile(`^(.*?)\s{2,}[0-9]`).FindStringSubmatch(tableRows(m.View())[0])
	press(m, "enter")
	if v := m.View(); len(name) < 2 || !strings.Contains(v, "Đang lọc") || !strings.Contains(v, "cơ quan "+name[1]) {
		t.Errorf("enter on %q:\n%s", name, v)
	}
}

func tableRows(v string) []string {
	var out []string
	for _, l := range strings.Split(v, "\n") {
		if strings.HasSuffix(strings.TrimSpace(l), "%") && !strings.Contains(l, "Tổng cộng") {
			out = append(out, strings.TrimSpace(strings.TrimPrefix(l, "›")))
		}
	}
	return out
}

func lineWith(v, s string) string {
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// A form being typed is saved as a draft every second; after a crash the
// station names it, and the same form on the same item comes back filled.
// Saving it drops the draft.
func TestDraftSurvivesACrash(t *testing.T) {
	f := newFixture(t)
	m := f.open(t, i18n.VI, 100, 30)
	cursorTo(t, m, "YK5")
	press(m, "r")
	typeText(m, "Số 46/YT ngày 19/11/2023")
	press(m, "enter")
	typeText(m, "Lê Thị Mai")
	_, cmd := m.Update(common.TickMsg{})
	drive(m, cmd)
	ds, err := f.st.Drafts(context.Background(), "followup/")
	if err != nil || len(ds) != 1 || !strings.Contains(ds[0].Body, "Lê Thị Mai") {
		t.Fatalf("draft after a second: %+v %v", ds, err)
	}
	// the terminal is killed; a new one starts
	m2 := f.open(t, i18n.VI, 100, 30)
	if v := m2.View(); !strings.Contains(v, "Có bản nháp chưa lưu: YK5") {
		t.Errorf("no word of the draft:\n%s", v)
	}
	cursorTo(t, m2, "YK5")
	press(m2, "r")
	v := m2.View()
	if !strings.Contains(v, "Đã khôi phục bản nháp") || !strings.Contains(v, "Số 46/YT ngày 19/11/2023") || !strings.Contains(v, "Lê Thị Mai") {
		t.Fatalf("the form did not come back filled:\n%s", v)
	}
	press(m2, "enter", "enter", "enter", "enter", "enter")
	if o := f.ob(t, f.key(5)); len(o.Receipts) != 1 || o.Receipts[0].Signer != "Lê Thị Mai" {
		t.Fatalf("saved %+v", o.Receipts)
	}
	if ds, _ := f.st.Drafts(context.Background(), "followup/"); len(ds) != 0 {
		t.Errorf("the draft outlived its save: %+v", ds)
	}
	// the session ends with a form open: its draft is saved at once
	cursorTo(t, m2, "YK1")
	press(m2, "g")
	typeText(m2, "15/12/2023")
	_, cmd = m2.Update(common.SaveDraftsMsg{})
	drive(m2, cmd)
	if ds, _ := f.st.Drafts(context.Background(), "followup/extension/"); len(ds) != 1 || !strings.Contains(ds[0].Body, "15/12/2023") {
		t.Errorf("draft at the end of the session: %+v", ds)
	}
	// Esc drops it
	press(m2, "esc")
	if ds, _ := f.st.Drafts(context.Background(), "followup/"); len(ds) != 0 {
		t.Errorf("a cancelled form left its draft: %+v", ds)
	}
}

// The secretary edits an answer after a letter was recorded against it:
// the register marks it, the item says what it was, and c (y)
// acknowledges it.
func TestSecretaryEditShows(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	m := f.open(t, i18n.VI, 100, 40)
	if _, err := f.st.Extend(ctx, f.key(1), "2023-12-15", "Chờ khảo sát"); err != nil {
		t.Fatal(err)
	}
	qs, _ := f.st.Questions(ctx, 0)
	a := qs[0].Answers[0]
	a.Rev, a.FollowupAgencyID, a.DueDate = 0, f.unit["Hội LHPN"], "2023-12-05"
	if _, err := f.st.SaveAnswer(ctx, a); err != nil {
		t.Fatal(err)
	}
	_, cmd := m.Update(common.ChangedMsg{})
	drive(m, cmd)
	v := m.View()
	if !strings.Contains(v, "!YK1 ") || !strings.Contains(v, "Hội LHPN") {
		t.Fatalf("no mark on the edited item:\n%s", v)
	}
	cursorTo(t, m, "YK1")
	press(m, "enter")
	v = m.View()
	if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(flat, "Thư ký đã sửa câu trả lời sau khi ghi nhận: trước đó là Phòng Lao động - Thương binh và Xã hội, hạn 30/11/2023") ||
		!strings.Contains(flat, "sửa câu trả lời: Cơ quan trả lời VB") {
		t.Fatalf("the item does not say what changed:\n%s", v)
	}
	press(m, "c", "y")
	if o := f.ob(t, f.key(1)); o.Drift != nil {
		t.Errorf("not acknowledged: %+v", o.Drift)
	}
	if v := m.View(); strings.Contains(v, "Thư ký đã sửa") || !strings.Contains(v, "xác nhận thay đổi của thư ký") {
		t.Errorf("after c:\n%s", v)
	}
}

// Items carried from the last meeting show as such: KT in the list, "từ
// kỳ trước" beside the status where there is room, a status of their own
// in the chooser, and where they come from in the item.
func TestCarriedItems(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c, err := store.ReadCarry(ctx, f.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	c.Meeting.Title, c.Meeting.Date = "Đối thoại năm 2024", "2024-10-18"
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "2024.db"), store.Options{Create: true, Now: f.clock.now, NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.LoadCarry(ctx, c); err != nil {
		t.Fatal(err)
	}
	next := &fixture{st: st, clock: f.clock}
	m := next.open(t, i18n.VI, 140, 30)
	v := m.View()
	rows := rowsOf(v)
	if len(rows) != 15 || !strings.HasPrefix(rows[0], "KT") || !strings.Contains(v, "quá hạn 3 ngày · từ kỳ trước") ||
		!strings.Contains(v, "15 từ kỳ trước") {
		t.Fatalf("carried items %v:\n%s", rows, v)
	}
	press(m, "s")
	typeText(m, "ky truoc")
	press(m, "enter")
	if rows := rowsOf(m.View()); len(rows) != 15 {
		t.Errorf("status from last time: %v", rows)
	}
	press(m, "enter")
	if v := m.View(); !strings.Contains(v, "Từ kỳ trước: ") || !strings.Contains(v, "(18/10/2023)") {
		t.Errorf("the item does not say where it comes from:\n%s", v)
	}
	e := next.open(t, i18n.EN, 80, 24)
	if v := e.View(); !strings.HasPrefix(rowsOf(v)[0], "C") || !strings.Contains(v, "15 carried") && !strings.Contains(v, "15 from last time") {
		t.Errorf("english at 80:\n%s", v)
	}
}
