package serve

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"doithoai/store"
	"doithoai/tui/i18n"
)

// TestFollowupOverSSH: the office logs in as followup from another
// device, gets the follow-up station only, records a written answer by
// typing it, and the store writes it as that device. The same actor is
// refused everything of the meeting day by the store, whatever a screen
// offers.
func TestFollowupOverSSH(t *testing.T) {
	st := testMeeting(t)
	ctx := context.Background()
	// the meeting has run (a question was recorded): the petitions not
	// raised are owed, and overdue by now
	if _, err := st.SaveQuestion(ctx, store.Question{AskerName: "Nguyễn Thị Hoa", Text: "Câu hỏi về việc làm"}); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, st, passcodes(t, "followup", "theo-doi-2023"))
	cl, err := dial(srv, "followup", nil, gossh.Password("theo-doi-2023"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	tm := openTerm(t, cl, 80, 24)
	en := i18n.New(i18n.EN)
	tm.waitFor(t, strings.ToUpper(en.T("station.followup")), 10*time.Second)
	reg, err := st.Register(ctx)
	if err != nil || len(reg.Obligations) == 0 {
		t.Fatalf("register: %v", err)
	}
	first := reg.Obligations[0] // the highlighted row
	tm.waitFor(t, "overdue", 5*time.Second)

	// the station keys of a local session do not leave it
	tm.send(t, "\x1bOQ") // F2
	time.Sleep(200 * time.Millisecond)
	if strings.Contains(tm.text(), strings.ToUpper(en.T("station.checkin"))) {
		t.Fatal("the followup session opened the check-in desk")
	}

	tm.send(t, "r")
	tm.waitFor(t, "Document number and date", 5*time.Second)
	tm.typeText(t, "so 12/UBND-VP ngay 20/11/2023")
	tm.waitFor(t, "read as: no. 12/UBND-VP, dated 20/11/2023", 5*time.Second)
	for range 4 { // signer, gist, result: settled (no scan over SSH)
		tm.send(t, "\r")
		time.Sleep(100 * time.Millisecond)
	}
	tm.waitFor(t, "Recorded answer no. 12/UBND-VP", 5*time.Second)
	if strings.Contains(tm.text(), "Scanned copy") {
		t.Error("the form over SSH asks for a path on the laptop")
	}
	o, ok := mustRegister(t, st).Obligation(first.Key)
	if !ok || len(o.ActiveReceipts()) != 1 || o.Status.Kind != store.StatusAnswered {
		t.Fatalf("after the form over SSH: %+v", o)
	}
	h, err := st.History(ctx, "receipt", o.Receipts[0].ID, 0)
	if err != nil || len(h) != 1 || h[0].Station != "followup" || h[0].User != "followup@127.0.0.1" {
		t.Fatalf("audit of the receipt: %+v %v", h, err)
	}

	// the same actor, as the server builds it, and the meeting day
	as := st.As(store.Actor{Station: h[0].Station, User: h[0].User, Role: store.Role("followup")})
	ds, _ := st.Delegates(ctx)
	for what, err := range map[string]error{
		"check in":  ignoreResult(as.CheckIn(ctx, ds[0].ID)),
		"question":  ignoreResult(as.SaveQuestion(ctx, store.Question{AskerName: "A", Text: "B"})),
		"agenda":    ignoreResult(as.Advance(ctx)),
		"meeting":   as.SaveMeeting(ctx, store.Meeting{Title: "X"}),
		"link":      as.LinkCarried(ctx, 1, 1),
		"unit":      ignoreResult(as.SaveUnit(ctx, store.Unit{Name: "X"})),
		"petitions": ignoreResult(as.SavePetition(ctx, store.Petition{Text: "X"})),
	} {
		if !errors.Is(err, store.ErrForbidden) {
			t.Errorf("the followup role may %s: %v", what, err)
		}
	}
	// and what it may do, seen on the device within moments
	if _, err := as.Extend(ctx, reg.Obligations[1].Key, "2025-06-30", "Chờ ý kiến của tỉnh"); err != nil {
		t.Errorf("extension as followup: %v", err)
	}
	if _, err := as.RecordReceipt(ctx, store.ReceiptInput{Obligation: reg.Obligations[2].Key, DocNo: "Số 13/UBND-VP ngày 21/11/2023",
		Result: store.ResultAnswered}); err != nil {
		t.Errorf("receipt as followup: %v", err)
	}
	tm.waitFor(t, "2 answered", 5*time.Second)
}

func mustRegister(t *testing.T, st *store.Store) *store.Register {
	t.Helper()
	r, err := st.Register(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func ignoreResult[T any](_ T, err error) error { return err }
