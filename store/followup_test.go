package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"doithoai/assets"
	"doithoai/store"
)

// vn is the meeting's zone (the tests run on machines in UTC).
var vn = time.FixedZone("ICT", 7*3600)

// fuClock is a settable clock.
type fuClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fuClock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fuClock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// fuFix is the demo meeting (held 18/10/2023) with five questions:
//
//	Q1 raises petition 1, answered in writing by LĐ-TB&XH by 30/11/2023
//	Q2 referred to a higher level, Phòng TN&MT to take it up, no date
//	Q3 raises petition 3, answered on the spot (the petition is settled)
//	Q4 raises petition 4, only noted (the petition stays owed)
//	Q5 answered in writing by Phòng Y tế by 31/12/2023
//
// so the register holds a<Q1>, a<Q2>, a<Q5> and the 12 other petitions.
type fuFix struct {
	s       *store.Store
	path    string
	clock   *fuClock
	unit    map[string]int64
	pet     []store.Petition
	answers []int64 // the answer of each question, Q1 first
}

func day(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, vn)
	if err != nil {
		panic(err)
	}
	return t
}

func newFollowup(t *testing.T) *fuFix {
	t.Helper()
	ctx := context.Background()
	f := &fuFix{clock: &fuClock{t: day("2023-11-20 09:00")}, unit: map[string]int64{}}
	f.path = filepath.Join(t.TempDir(), "m.db")
	s, err := store.Open(ctx, f.path, store.Options{Create: true, NoWatch: true, Now: f.clock.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f.s = s
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadSeed(ctx, seed); err != nil {
		t.Fatal(err)
	}
	us, _ := s.Units(ctx)
	for _, u := range us {
		f.unit[u.Short] = u.ID
	}
	f.pet, _ = s.Petitions(ctx)
	type qa struct {
		pet     int // petition index + 1, 0 none
		topic   string
		outcome store.Outcome
		agency  string
		due     string
	}
	for i, x := range []qa{
		{1, "Đào tạo nghề, việc làm", store.OutcomeWritten, "LĐ-TB&XH", "2023-11-30"},
		{0, "Khác", store.OutcomeReferred, "TN&MT", ""},
		{3, "Vay vốn, hỗ trợ khởi nghiệp", store.OutcomeSpot, "", ""},
		{4, "Vay vốn, hỗ trợ khởi nghiệp", store.OutcomeNoted, "", ""},
		{0, "Chăm sóc sức khỏe phụ nữ", store.OutcomeWritten, "Y tế", "2023-12-31"},
	} {
		q := store.Question{AskerName: "Nguyễn Thị Hoa", AskerUnit: "Xã Quảng Hải", Topic: x.topic, Text: "Câu hỏi số " + string(rune('1'+i)) + " về đất đai, việc làm",
			AskedAt: day("2023-10-18 09:00").Add(time.Duration(i) * time.Minute)}
		if x.pet > 0 {
			q.PetitionID = f.pet[x.pet-1].ID
		}
		qid, err := s.SaveQuestion(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		a := store.Answer{QuestionID: qid, Person: "Trần Minh Đức", Summary: "Sẽ trả lời", Outcome: x.outcome, FollowupAgencyID: f.unit[x.agency], DueDate: x.due}
		aid, err := s.SaveAnswer(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		f.answers = append(f.answers, aid)
	}
	return f
}

func (f *fuFix) key(q int) string  { return "a" + itoa(f.answers[q-1]) }
func (f *fuFix) pkey(n int) string { return "p" + itoa(f.pet[n-1].ID) }

func itoa(n int64) string {
	b := []byte{}
	if n == 0 {
		return "0"
	}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func (f *fuFix) reg(t *testing.T) *store.Register {
	t.Helper()
	r, err := f.s.Register(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (f *fuFix) ob(t *testing.T, key string) store.Obligation {
	t.Helper()
	o, ok := f.reg(t).Obligation(key)
	if !ok {
		t.Fatalf("no obligation %s", key)
	}
	return o
}

func TestRegisterDerivesObligations(t *testing.T) {
	f := newFollowup(t)
	r := f.reg(t)
	if r.HeldOn != "2023-10-18" || r.Today != "2023-11-20" {
		t.Fatalf("held %s today %s", r.HeldOn, r.Today)
	}
	got := map[string]store.Obligation{}
	for _, o := range r.Obligations {
		got[o.Key] = o
	}
	if len(got) != 15 {
		t.Fatalf("%d obligations, want 3 answers + 12 petitions", len(got))
	}
	w := got[f.key(1)]
	if w.Kind != store.KindWritten || w.AgencyID != f.unit["LĐ-TB&XH"] || w.BaseDue != "2023-11-30" || w.QNo != 1 || w.PetitionNo != f.pet[0].No {
		t.Errorf("written answer: %+v", w)
	}
	ref := got[f.key(2)]
	if w.DefaultDue || !ref.DefaultDue || !got[f.pkey(4)].DefaultDue {
		t.Errorf("default due: written (dated) %v, referral (no date) %v, petition %v", w.DefaultDue, ref.DefaultDue, got[f.pkey(4)].DefaultDue)
	}
	if ref.Kind != store.KindReferred || ref.AgencyID != f.unit["TN&MT"] || ref.BaseDue != "2023-11-17" {
		t.Errorf("referral: kind %s agency %d due %s (want the meeting + 30 days)", ref.Kind, ref.AgencyID, ref.BaseDue)
	}
	if _, ok := got[f.key(3)]; ok {
		t.Error("an answer on the spot owes nothing")
	}
	if _, ok := got[f.key(4)]; ok {
		t.Error("a noted answer owes nothing by itself")
	}
	for i, p := range f.pet {
		_, ok := got[f.pkey(i+1)]
		want := i != 0 && i != 2 // petitions 1 (written) and 3 (spot) are settled
		if ok != want {
			t.Errorf("petition %d (%s): obligation %v, want %v", p.No, p.Topic, ok, want)
		}
	}
	p4 := got[f.pkey(4)]
	if p4.Kind != store.KindPetition || p4.QNo != 4 || p4.AgencyID != f.pet[3].AgencyID || p4.BaseDue != "2023-11-17" {
		t.Errorf("raised but only noted: %+v", p4)
	}
	// overdue first: the petitions and the referral (due 17/11) are 3 days late
	if r.Obligations[0].Status.Kind != store.StatusOverdue || r.Obligations[0].Status.Days != 3 {
		t.Errorf("first: %+v", r.Obligations[0].Status)
	}
	last := r.Obligations[len(r.Obligations)-1]
	if last.Key != f.key(5) || last.Status.Kind != store.StatusNotDue || last.Status.Days != 41 {
		t.Errorf("last: %s %+v", last.Key, last.Status)
	}
}

// TestStatusCalendarDays: day counts are calendar days in the meeting's
// zone, across a month end and a year end.
func TestStatusCalendarDays(t *testing.T) {
	f := newFollowup(t)
	ctx := context.Background()
	if _, err := f.s.Extend(ctx, f.key(5), "2024-01-01", "Chờ số liệu cuối năm"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		today string
		key   string
		kind  store.StatusKind
		days  int
	}{
		{"2023-11-26", f.key(1), store.StatusNotDue, 4},
		{"2023-11-27", f.key(1), store.StatusDueSoon, 3},
		{"2023-11-30", f.key(1), store.StatusDueSoon, 0},
		{"2023-12-01", f.key(1), store.StatusOverdue, 1}, // across the month end
		{"2024-03-01", f.key(1), store.StatusOverdue, 92},
		{"2023-12-28", f.key(5), store.StatusNotDue, 4},
		{"2023-12-29", f.key(5), store.StatusDueSoon, 3},
		{"2024-01-01", f.key(5), store.StatusDueSoon, 0},
		{"2024-01-02", f.key(5), store.StatusOverdue, 1}, // across the year end
		{"2025-01-01", f.key(5), store.StatusOverdue, 366},
	} {
		r, err := f.s.RegisterAsOf(ctx, c.today)
		if err != nil {
			t.Fatal(err)
		}
		o, _ := r.Obligation(c.key)
		if o.Status.Kind != c.kind || o.Status.Days != c.days {
			t.Errorf("%s on %s: %v %d, want %v %d", c.key, c.today, o.Status.Kind, o.Status.Days, c.kind, c.days)
		}
	}
	// "today" is the meeting's: 18:00 UTC on 30/11 is already 01:00 on 1/12
	// in Vietnam, and the answer due 30/11 is overdue there
	f.clock.set(time.Date(2023, 11, 30, 18, 0, 0, 0, time.UTC))
	if o := f.ob(t, f.key(1)); o.Status.Kind != store.StatusOverdue || o.Status.Days != 1 {
		t.Errorf("at 01:00 in Vietnam on 1/12: %+v", o.Status)
	}
	// a meeting elsewhere counts in its own zone
	if err := f.s.SetZone(ctx, -300); err != nil {
		t.Fatal(err)
	}
	if o := f.ob(t, f.key(1)); o.Status.Kind != store.StatusDueSoon || o.Status.Days != 0 {
		t.Errorf("at 13:00 on 30/11 in UTC-5: %+v", o.Status)
	}
}

func TestReceiptsDriveStatus(t *testing.T) {
	f := newFollowup(t)
	ctx := context.Background()
	f.clock.set(day("2023-12-10 10:00"))
	// on time, settled
	rc, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 123/LĐTBXH-VL ngày 28/11/2023",
		Signer: "Phan Thị Hồng", Summary: "Đã mở lớp may tại xã", Result: store.ResultSettled})
	if err != nil {
		t.Fatal(err)
	}
	if rc.DocNo != "123/LĐTBXH-VL" || rc.DocDate != "2023-11-28" || rc.AgencyID != f.unit["LĐ-TB&XH"] {
		t.Errorf("receipt as saved: %+v", rc)
	}
	if o := f.ob(t, f.key(1)); o.Status.Kind != store.StatusAnswered || !o.Status.OnTime() || o.Status.On != "2023-11-28" {
		t.Errorf("on time: %+v", o.Status)
	}
	// late by 3 days: answered, not settled
	if _, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.pkey(4), DocNo: "Công văn số 45/NHCS ngày 20/11/2023",
		Result: store.ResultAnswered}); err != nil {
		t.Fatal(err)
	}
	if o := f.ob(t, f.pkey(4)); o.Status.Kind != store.StatusAnswered || o.Status.Days != 3 {
		t.Errorf("late: %+v", o.Status)
	}
	// an answer that asks for more: open again with the new date
	if _, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(5), DocNo: "số 07/BC-YT, ngày 03 tháng 12 năm 2023",
		Result: store.ResultFurther, NextDue: "2024-01-15"}); err != nil {
		t.Fatal(err)
	}
	if o := f.ob(t, f.key(5)); o.Status.Kind != store.StatusNotDue || o.Due != "2024-01-15" {
		t.Errorf("further: due %s %+v", o.Due, o.Status)
	}
	// a referral passed on: forwarded, to whom
	if _, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(2), DocNo: "Số 88/UBND-TNMT ngày 5/12/2023",
		Result: store.ResultForwarded, ForwardedTo: "Sở Tài nguyên và Môi trường tỉnh Quảng Bình"}); err != nil {
		t.Fatal(err)
	}
	o := f.ob(t, f.key(2))
	if o.Status.Kind != store.StatusForwarded || o.Status.Days != 18 || o.ReferredTo != "Sở Tài nguyên và Môi trường tỉnh Quảng Bình" {
		t.Errorf("forwarded: %+v to %q", o.Status, o.ReferredTo)
	}
	// an extension before the answer makes it on time
	if _, err := f.s.Extend(ctx, f.pkey(5), "2023-12-20", "Chờ ý kiến của Sở Y tế"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.pkey(5), DocNo: "Số 9/YT ngày 9/12/2023", Result: store.ResultSettled}); err != nil {
		t.Fatal(err)
	}
	if o := f.ob(t, f.pkey(5)); !o.Status.OnTime() || o.Due != "2023-12-20" || len(o.Extensions) != 1 {
		t.Errorf("extended then answered: due %s %+v", o.Due, o.Status)
	}
	sums, total := f.reg(t).ByAgency()
	if total.Owed != 15 || total.OnTime != 2 || total.Late != 2 || total.Forwarded != 1 {
		t.Errorf("total %+v", total)
	}
	for _, a := range sums {
		if a.AgencyID == f.unit["LĐ-TB&XH"] {
			rate, ok := a.Rate()
			if a.OnTime != 1 || !ok || rate <= 0 || rate > 1 {
				t.Errorf("LĐ-TB&XH %+v rate %v", a, rate)
			}
		}
	}
	// undo the settled answer: open again, on the record as voided
	if err := f.s.VoidReceipt(ctx, rc.ID, true); err != nil {
		t.Fatal(err)
	}
	if o := f.ob(t, f.key(1)); o.Status.Kind != store.StatusOverdue || o.Status.Days != 10 || len(o.Receipts) != 1 || !o.Receipts[0].Voided {
		t.Errorf("after undo: %+v", o.Status)
	}
	h, _ := f.s.History(ctx, "receipt", rc.ID, 0)
	if len(h) != 2 || h[1].Action != "void" || h[1].Before == "" || h[1].After == "" {
		t.Errorf("history %+v", h)
	}
	if err := f.s.VoidReceipt(ctx, rc.ID, false); err != nil {
		t.Fatal(err)
	}
	if o := f.ob(t, f.key(1)); !o.Status.OnTime() {
		t.Errorf("restored: %+v", o.Status)
	}
}

func TestReceiptCorrection(t *testing.T) {
	f := newFollowup(t)
	ctx := context.Background()
	f.clock.set(day("2023-12-10 10:00"))
	rc, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "123/LĐTBXH-VL", DocDate: "2023-11-28", Result: store.ResultSettled})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.UpdateReceipt(ctx, rc.ID, store.ReceiptInput{DocNo: "124/LĐTBXH-VL ngày 1/12/2023", Summary: "Sửa số", Result: store.ResultSettled}); err != nil {
		t.Fatal(err)
	}
	o := f.ob(t, f.key(1))
	if len(o.Receipts) != 1 || o.Receipts[0].DocNo != "124/LĐTBXH-VL" || o.Status.Days != 1 {
		t.Errorf("corrected: %+v %+v", o.Receipts, o.Status)
	}
	h, _ := f.s.History(ctx, "receipt", rc.ID, 0)
	if len(h) != 2 || h[1].Action != "update" {
		t.Errorf("history %+v", h)
	}
	// the same again writes nothing
	if err := f.s.UpdateReceipt(ctx, rc.ID, store.ReceiptInput{DocNo: "124/LĐTBXH-VL ngày 1/12/2023", Summary: "Sửa số", Result: store.ResultSettled}); err != nil {
		t.Fatal(err)
	}
	if h2, _ := f.s.History(ctx, "receipt", rc.ID, 0); len(h2) != 2 {
		t.Errorf("an unchanged save wrote %d rows", len(h2)-2)
	}
}

func fieldIs(t *testing.T, err error, field, reason string) {
	t.Helper()
	var fe *store.FieldError
	if !errors.As(err, &fe) || fe.Field != field || (reason != "" && fe.Reason != reason) {
		t.Errorf("want %s: %s, got %v", field, reason, err)
	}
}

// TestReceiptRefusals: every refusal leaves no receipt, no audit row.
func TestReceiptRefusals(t *testing.T) {
	f := newFollowup(t)
	ctx := context.Background()
	if _, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 12/UBND-VP ngày 20/11/2023", Result: store.ResultSettled}); err != nil {
		t.Fatal(err)
	}
	before := auditCount(t, f.s)
	in := func(key, no string) store.ReceiptInput {
		return store.ReceiptInput{Obligation: key, DocNo: no, Result: store.ResultSettled}
	}
	_, err := f.s.RecordReceipt(ctx, in(f.key(5), "Số 13/YT ngày 17/10/2023"))
	fieldIs(t, err, "doc_date", "before the meeting day")
	_, err = f.s.RecordReceipt(ctx, in(f.key(5), "Số 13/YT ngày 21/11/2023"))
	fieldIs(t, err, "doc_date", "in the future")
	_, err = f.s.RecordReceipt(ctx, in(f.key(5), "Công văn của Phòng Y tế"))
	fieldIs(t, err, "doc_no", "no document number")
	_, err = f.s.RecordReceipt(ctx, in(f.key(5), "Số 13/YT ngày 31/02/2023"))
	fieldIs(t, err, "doc_date", "")
	_, err = f.s.RecordReceipt(ctx, in(f.key(5), "Số 13/YT"))
	fieldIs(t, err, "doc_date", "required")
	_, err = f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(5), DocNo: "Số 13/YT ngày 19/11/2023", Result: store.ResultFurther})
	fieldIs(t, err, "next_due", "required")
	_, err = f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(5), DocNo: "Số 13/YT ngày 19/11/2023"})
	fieldIs(t, err, "result", "required")
	// the same number from another agency, however it is typed
	_, err = f.s.RecordReceipt(ctx, in(f.key(5), "so 012/ubnd-vp ngay 20/11/2023"))
	var de *store.DocNumberError
	if !errors.As(err, &de) || !errors.Is(err, store.ErrDuplicate) || de.Agency != "Phòng Lao động - Thương binh và Xã hội" {
		t.Errorf("duplicate number: %v", err)
	}
	_, err = f.s.RecordReceipt(ctx, in("a9999", "Số 14/YT ngày 19/11/2023"))
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown obligation: %v", err)
	}
	_, err = f.s.RecordReceipt(ctx, in(f.key(3), "Số 14/YT ngày 19/11/2023"))
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an answer on the spot owes nothing: %v", err)
	}
	_, err = f.s.RecordReceipt(ctx, in("x1; DROP TABLE receipts", "Số 14/YT ngày 19/11/2023"))
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a bad key: %v", err)
	}
	if _, err := f.s.Extend(ctx, f.key(5), "2023-10-01", "lý do"); err == nil {
		t.Error("an extension before the meeting")
	}
	if _, err := f.s.Extend(ctx, f.key(5), "2023-12-31", "  "); err == nil {
		t.Error("an extension without a reason")
	}
	if n := auditCount(t, f.s); n != before {
		t.Errorf("refusals wrote %d audit rows", n-before)
	}
	if o := f.ob(t, f.key(5)); len(o.Receipts)+len(o.Extensions) != 0 {
		t.Errorf("refusals saved %+v", o)
	}
	// the same number from the same agency answers a second item; in
	// another year it is another letter
	if _, err := f.s.RecordReceipt(ctx, in(f.key(1), "Số 12/UBND-VP ngày 20/11/2023")); err != nil {
		t.Errorf("same agency, same letter: %v", err)
	}
	f.clock.set(day("2024-02-01 09:00"))
	if _, err := f.s.RecordReceipt(ctx, in(f.key(5), "Số 12/UBND-VP ngày 10/01/2024")); err != nil {
		t.Errorf("the number again next year: %v", err)
	}
	// a voided receipt frees its number; bringing it back checks again
	first, err := f.s.RecordReceipt(ctx, in(f.pkey(2), "Số 77/TC ngày 10/01/2024"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.VoidReceipt(ctx, first.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.RecordReceipt(ctx, in(f.key(5), "Số 77/TC ngày 10/01/2024")); err != nil {
		t.Errorf("a voided number for another agency: %v", err)
	}
	if err := f.s.VoidReceipt(ctx, first.ID, false); !errors.Is(err, store.ErrDuplicate) {
		t.Errorf("restoring a number now another agency's: %v", err)
	}
}

// TestFollowupRole: the followup role records receipts and extensions and
// nothing of the meeting day; other stations cannot record receipts.
func TestFollowupRole(t *testing.T) {
	f := newFollowup(t)
	ctx := context.Background()
	fu := f.s.As(store.Actor{Station: "followup", User: "followup@10.0.0.9", Role: store.RoleFollowup})
	if _, err := fu.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 1/LĐTBXH ngày 20/11/2023", Result: store.ResultSettled}); err != nil {
		t.Fatal(err)
	}
	if _, err := fu.Extend(ctx, f.key(5), "2024-01-31", "Chờ kinh phí"); err != nil {
		t.Fatal(err)
	}
	ds, _ := f.s.Delegates(ctx)
	for name, err := range map[string]error{
		"check in":     ignore2(fu.CheckIn(ctx, ds[0].ID)),
		"question":     ignore2(fu.SaveQuestion(ctx, store.Question{AskerName: "A", Text: "B"})),
		"answer":       ignore2(fu.SaveAnswer(ctx, store.Answer{ID: f.answers[0], Person: "X", Outcome: store.OutcomeSpot})),
		"agenda":       ignore2(fu.Advance(ctx)),
		"meeting":      fu.SaveMeeting(ctx, store.Meeting{Title: "X"}),
		"petition":     ignore2(fu.SavePetition(ctx, f.pet[0])),
		"link carried": fu.LinkCarried(ctx, 1, 1),
	} {
		if !errors.Is(err, store.ErrForbidden) {
			t.Errorf("followup may %s: %v", name, err)
		}
	}
	for _, r := range []store.Role{store.RoleQA, store.RoleReports, store.RoleScreen, store.RoleCheckin, store.RoleAgenda} {
		s := f.s.As(store.Actor{Station: string(r), Role: r})
		if _, err := s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(5), DocNo: "Số 2/YT ngày 20/11/2023", Result: store.ResultSettled}); !errors.Is(err, store.ErrForbidden) {
			t.Errorf("%s may record a receipt: %v", r, err)
		}
		if _, err := s.Extend(ctx, f.key(5), "2024-02-01", "x"); !errors.Is(err, store.ErrForbidden) {
			t.Errorf("%s may extend: %v", r, err)
		}
	}
	h, _ := f.s.History(ctx, "", 0, 2)
	for _, e := range h {
		if e.Station != "followup" || e.User != "followup@10.0.0.9" {
			t.Errorf("audit row %+v", e)
		}
	}
}

// TestDriftAndOrphan: a receipt stays attached when the qa station edits
// the answer afterwards; the register shows what it was until the office
// acknowledges it, and keeps an obligation no longer owed while something
// is recorded against it.
func TestDriftAndOrphan(t *testing.T) {
	f := newFollowup(t)
	ctx := context.Background()
	if _, err := f.s.Extend(ctx, f.key(1), "2023-12-15", "Chờ khảo sát nhu cầu học nghề"); err != nil {
		t.Fatal(err)
	}
	qs, _ := f.s.Questions(ctx, 0)
	a := qs[0].Answers[0]
	a.Rev = 0
	a.FollowupAgencyID = f.unit["Hội LHPN"]
	a.DueDate = "2023-12-05"
	if _, err := f.s.SaveAnswer(ctx, a); err != nil {
		t.Fatal(err)
	}
	o := f.ob(t, f.key(1))
	if o.Drift == nil || o.Drift.AgencyID != f.unit["LĐ-TB&XH"] || o.Drift.Due != "2023-11-30" || o.AgencyID != f.unit["Hội LHPN"] {
		t.Fatalf("drift %+v agency %d", o.Drift, o.AgencyID)
	}
	if o.Due != "2023-12-15" || len(o.Extensions) != 1 {
		t.Errorf("the extension stays: due %s", o.Due)
	}
	if err := f.s.AcceptDrift(ctx, f.key(1)); err != nil {
		t.Fatal(err)
	}
	if o := f.ob(t, f.key(1)); o.Drift != nil {
		t.Errorf("still drifting: %+v", o.Drift)
	}
	// the answer turns out to have been given on the spot
	a.Outcome, a.FollowupAgencyID, a.DueDate = store.OutcomeSpot, 0, ""
	if _, err := f.s.SaveAnswer(ctx, a); err != nil {
		t.Fatal(err)
	}
	o = f.ob(t, f.key(1))
	if !o.Orphan || len(o.Extensions) != 1 {
		t.Errorf("orphan %v extensions %d", o.Orphan, len(o.Extensions))
	}
	// voiding the extension does not hide it: what was recorded stays in
	// view, with its obligation
	if err := f.s.VoidExtension(ctx, o.Extensions[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if o := f.ob(t, f.key(1)); !o.Orphan {
		t.Error("a voided record still keeps the obligation in view")
	}
}

// TestReceiptTextCleaned: what is typed (or pasted over SSH) goes through
// the store's cleaner: escape sequences dropped, one-line fields on one
// line, the limits enforced.
func TestReceiptTextCleaned(t *testing.T) {
	f := newFollowup(t)
	ctx := context.Background()
	rc, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 5/\x1b[31mLĐTBXH\x1b[0m ngày 20/11/2023",
		Signer: "\x1b]0;pwned\x07Phan Thị\nHồng\u202e", Summary: "Dòng 1\r\nDòng 2\x1b]52;c;Zm9v\x07", Result: store.ResultSettled})
	if err != nil {
		t.Fatal(err)
	}
	if rc.DocNo != "5/LĐTBXH" || rc.Signer != "Phan Thị Hồng" || rc.Summary != "Dòng 1\nDòng 2" {
		t.Errorf("saved %q %q %q", rc.DocNo, rc.Signer, rc.Summary)
	}
	long := strings.Repeat("á", store.MaxText+1)
	_, err = f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 6/LĐTBXH ngày 20/11/2023", Summary: long, Result: store.ResultSettled})
	fieldIs(t, err, "summary", "too long")
	_, err = f.s.Extend(ctx, f.key(1), "2023-12-20", strings.Repeat("x", store.MaxReason+1))
	fieldIs(t, err, "reason", "too long")
	_, err = f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 7/" + strings.Repeat("A", 300), Result: store.ResultSettled})
	if !errors.Is(err, store.ErrInvalid) {
		t.Errorf("a 300-letter number: %v", err)
	}
}
