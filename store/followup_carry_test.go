package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"doithoai/store"
)

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestOpenRegisterReadsOnly: another meeting's register is read without a
// byte of its file changing, and merged registers keep each file's items.
func TestOpenRegisterReadsOnly(t *testing.T) {
	ctx := context.Background()
	f := newFollowup(t)
	if _, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 1/LĐTBXH ngày 20/11/2023", Result: store.ResultSettled}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	f.s.Close()
	before := fileSum(t, f.path)
	r1, err := store.OpenRegister(ctx, f.path, "2023-12-01")
	if err != nil {
		t.Fatal(err)
	}
	if after := fileSum(t, f.path); after != before {
		t.Error("reading the register changed the file")
	}
	if len(r1.Obligations) != 15 || r1.Obligations[0].File != f.path {
		t.Fatalf("%d obligations from %s", len(r1.Obligations), r1.Obligations[0].File)
	}
	g := newFollowup(t)
	r2, err := store.OpenRegister(ctx, g.path, "2023-12-01")
	if err != nil {
		t.Fatal(err)
	}
	m := store.MergeRegisters(r1, r2)
	if len(m.Obligations) != 30 {
		t.Fatalf("merged %d", len(m.Obligations))
	}
	sums, total := m.ByAgency()
	if total.Owed != 30 || total.OnTime != 1 {
		t.Errorf("merged total %+v", total)
	}
	for _, a := range sums {
		if a.Agency == "Phòng Lao động - Thương binh và Xã hội" && a.Owed%2 != 0 {
			t.Errorf("one agency across two files: %+v", a)
		}
	}
	// filters: accent-free text, agency name, status
	byAgency := m.Filter(store.RegisterFilter{Agency: "phong lao dong - thuong binh va xa hoi"})
	if got := m.Filter(store.RegisterFilter{Text: "lao dong thuong binh"}); len(byAgency) == 0 || len(got) < len(byAgency) {
		t.Errorf("text filter found %d, the agency owes %d", len(got), len(byAgency))
	}
	for _, o := range m.Filter(store.RegisterFilter{Text: "quang hai cau hoi so 5"}) {
		if o.Key[0] != 'a' || o.QNo != 5 {
			t.Errorf("text filter matched %s %q", o.Key, o.Text)
		}
	}
	if got := m.Filter(store.RegisterFilter{Text: "số 1/lđtbxh"}); len(got) != 1 || !got[0].Status.OnTime() {
		t.Errorf("search by document number: %d", len(got))
	}
	if got := m.Filter(store.RegisterFilter{Statuses: []store.StatusKind{store.StatusAnswered}}); len(got) != 1 {
		t.Errorf("answered: %d", len(got))
	}
	if got := m.Filter(store.RegisterFilter{Topic: "cham soc suc khoe phu nu", Statuses: []store.StatusKind{store.StatusNotDue, store.StatusDueSoon}}); len(got) != 2 {
		t.Errorf("topic and status: %d", len(got))
	}
	if got := m.Filter(store.RegisterFilter{Text: "xyzzy"}); len(got) != 0 {
		t.Errorf("nonsense found %d", len(got))
	}
}

// TestOpenRegisterRefuses: not a meeting, a newer version.
func TestOpenRegisterRefuses(t *testing.T) {
	ctx := context.Background()
	junk := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(junk, []byte("not sqlite at all, just some notes"), 0o644)
	if _, err := store.OpenRegister(ctx, junk, ""); !errors.Is(err, store.ErrNotMeeting) {
		t.Errorf("junk: %v", err)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	db, _ := sql.Open("sqlite", other+"?_pragma=journal_mode(WAL)")
	db.Exec(`CREATE TABLE notes(x)`)
	db.Close()
	if _, err := store.OpenRegister(ctx, other, ""); !errors.Is(err, store.ErrNotMeeting) {
		t.Errorf("another program's database: %v", err)
	}
	f := newFollowup(t)
	f.s.Close()
	db, _ = sql.Open("sqlite", f.path)
	db.Exec(`PRAGMA user_version = 999`)
	db.Close()
	if _, err := store.OpenRegister(ctx, f.path, ""); !errors.Is(err, store.ErrNewerSchema) {
		t.Errorf("newer: %v", err)
	}
	if _, err := store.ReadCarry(ctx, f.path); !errors.Is(err, store.ErrNewerSchema) {
		t.Errorf("carry from newer: %v", err)
	}
	if _, err := store.ReadCarry(ctx, junk); !errors.Is(err, store.ErrNotMeeting) {
		t.Errorf("carry from junk: %v", err)
	}
}

// TestOpenRegisterOlderFile: a file written before the register existed
// is read through a migrated copy; the file itself is left as it was.
func TestOpenRegisterOlderFile(t *testing.T) {
	ctx := context.Background()
	f := newFollowup(t)
	f.s.Close()
	db, err := sql.Open("sqlite", f.path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TABLE receipts`, `DROP TABLE extensions`, `DROP TABLE carried`, `ALTER TABLE meeting DROP COLUMN utc_offset`,
		`ALTER TABLE delegates DROP COLUMN honorific`, `ALTER TABLE units DROP COLUMN addressing`, // 0008, after the register's
		`DROP INDEX questions_petition`, // 0009
		`PRAGMA user_version = 6`, `PRAGMA wal_checkpoint(TRUNCATE)`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	db.Close()
	before := fileSum(t, f.path)
	r, err := store.OpenRegister(ctx, f.path, "2023-12-01")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Obligations) != 15 || r.Obligations[0].File != f.path {
		t.Errorf("%d obligations", len(r.Obligations))
	}
	if fileSum(t, f.path) != before {
		t.Error("the older file was changed")
	}
}

// TestCarryFrom: the next meeting starts with the last one's units,
// groups and open obligations, marked as carried; a question of the new
// meeting may raise one again.
func TestCarryFrom(t *testing.T) {
	ctx := context.Background()
	f := newFollowup(t)
	f.clock.set(day("2024-09-01 08:00"))
	if _, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 1/LĐTBXH ngày 20/11/2023", Result: store.ResultSettled}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Extend(ctx, f.key(5), "2024-10-31", "Chờ bố trí kinh phí năm 2024"); err != nil {
		t.Fatal(err)
	}
	f.s.Close()
	before := fileSum(t, f.path)
	c, err := store.ReadCarry(ctx, f.path)
	if err != nil {
		t.Fatal(err)
	}
	if fileSum(t, f.path) != before {
		t.Error("carrying changed the previous meeting's file")
	}
	if len(c.Items) != 14 || c.Meeting.Title != "Chương trình đối thoại giữa Chủ tịch UBND thị xã với Phụ nữ thị xã Ba Đồn năm 2024" || c.Meeting.Date != "" {
		t.Fatalf("%d items; meeting %+v", len(c.Items), c.Meeting)
	}
	next := filepath.Join(t.TempDir(), "2024.db")
	clock := &fuClock{t: day("2024-10-20 08:00")}
	s, err := store.Open(ctx, next, store.Options{Create: true, NoWatch: true, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c.Meeting.Date = "2024-10-16"
	if err := s.LoadCarry(ctx, c); err != nil {
		t.Fatal(err)
	}
	us, _ := s.Units(ctx)
	gs, _ := s.Groups(ctx)
	if len(us) != 40 || len(gs) != 7 {
		t.Errorf("%d units, %d groups", len(us), len(gs))
	}
	r, err := s.Register(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Obligations) != 14 {
		t.Fatalf("%d obligations in the new meeting", len(r.Obligations))
	}
	var yte store.Obligation
	for _, o := range r.Obligations {
		if !o.Carried || o.Origin == "" || o.OriginDay != "2023-10-18" || o.Key[0] != 'c' {
			t.Errorf("not marked carried: %+v", o)
		}
		if o.OriginKey == f.key(5) {
			yte = o
		}
	}
	if yte.Due != "2024-10-31" || yte.Agency != "Phòng Y tế" || yte.History == "" || yte.Status.Kind != store.StatusNotDue {
		t.Errorf("carried with its extension: %+v", yte)
	}
	// receipts and extensions work on carried items
	if _, err := s.RecordReceipt(ctx, store.ReceiptInput{Obligation: yte.Key, DocNo: "Số 3/YT ngày 16/10/2024", Result: store.ResultSettled}); err != nil {
		t.Error(err)
	}
	// raised again at this meeting and answered on the spot
	var overdue store.Obligation
	for _, o := range r.Obligations {
		if o.Status.Kind == store.StatusOverdue {
			overdue = o
			break
		}
	}
	qid, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hà", Text: "Kiến nghị năm trước chưa được trả lời"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAnswer(ctx, store.Answer{QuestionID: qid, Person: "Chủ tịch", Outcome: store.OutcomeSpot, Summary: "Đã trả lời tại hội nghị"}); err != nil {
		t.Fatal(err)
	}
	qa := s.As(store.Actor{Station: "qa", Role: store.RoleQA})
	if err := qa.LinkCarried(ctx, overdue.CarriedID, qid); err != nil {
		t.Fatal(err)
	}
	r, _ = s.Register(ctx)
	o, _ := r.Obligation(overdue.Key)
	if o.LinkedQNo != 1 || o.Status.Kind != store.StatusAnswered || o.Status.On != "2024-10-16" || o.LinkedAnswer == "" {
		t.Errorf("linked: %+v", o)
	}
	if err := qa.LinkCarried(ctx, overdue.CarriedID, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("link to no question: %v", err)
	}
	// a question saved with a carried item that is not there is refused
	// whole: no question without its link
	qsBefore, _ := s.Questions(ctx, 0)
	if _, err := qa.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hà", Text: "Việc năm trước", CarriedID: 999}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("question with no such carried item: %v", err)
	}
	if after, _ := s.Questions(ctx, 0); len(after) != len(qsBefore) {
		t.Errorf("a refused question was saved: %d → %d", len(qsBefore), len(after))
	}
	// a second question naming the same item takes the link over
	q2, err := qa.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hà", Text: "Việc năm trước", CarriedID: overdue.CarriedID})
	if err != nil {
		t.Fatal(err)
	}
	if qs, _ := s.Questions(ctx, 0); qs[0].CarriedID != 0 || qs[1].ID != q2 || qs[1].CarriedID != overdue.CarriedID {
		t.Errorf("link moved: %+v", qs)
	}
	if err := qa.LinkCarried(ctx, overdue.CarriedID, qid); err != nil { // back to the first, as below expects
		t.Fatal(err)
	}
	// carried again a year later: it keeps where it was born
	s.Close()
	c2, err := store.ReadCarry(ctx, next)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range c2.Items {
		if it.OriginDay != "2023-10-18" {
			t.Errorf("carried twice: %+v", it)
		}
	}
	if len(c2.Items) != 12 || c2.Meeting.Title != "Chương trình đối thoại giữa Chủ tịch UBND thị xã với Phụ nữ thị xã Ba Đồn năm 2025" {
		t.Errorf("%d items, %q", len(c2.Items), c2.Meeting.Title)
	}
}
