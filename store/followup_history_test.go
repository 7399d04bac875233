package store_test

import (
	"context"
	"errors"
	"testing"

	"doithoai/store"
)

// TestObligationHistory: an obligation's history holds its receipts and
// extensions and the answer it comes from, and nothing of another's.
func TestObligationHistory(t *testing.T) {
	f := newFollowup(t)
	ctx := context.Background()
	rc, err := f.s.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 12/LĐTBXH ngày 19/11/2023", Result: store.ResultAnswered})
	if err != nil {
		t.Fatal(err)
	}
	ex, err := f.s.Extend(ctx, f.key(1), "2023-12-15", "Chờ kinh phí")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Extend(ctx, f.key(5), "2024-01-15", "Của câu khác"); err != nil {
		t.Fatal(err)
	}
	if err := f.s.VoidReceipt(ctx, rc.ID, true); err != nil {
		t.Fatal(err)
	}
	h, err := f.s.ObligationHistory(ctx, f.key(1))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range h {
		got = append(got, e.Action+" "+e.Entity)
		if e.Entity == "extension" && e.EntityID != ex.ID {
			t.Errorf("another obligation's extension: %+v", e)
		}
	}
	want := []string{"create answer", "create receipt", "create extension", "void receipt"}
	if len(got) != len(want) {
		t.Fatalf("history %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("history %v, want %v", got, want)
			break
		}
	}
	if _, err := f.s.ObligationHistory(ctx, "x1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("bad key: %v", err)
	}
}

// TestUndoFollowupChange: undo offers this terminal's last change only,
// voids what it created, restores what it voided, and refuses a stale
// offer.
func TestUndoFollowupChange(t *testing.T) {
	f := newFollowup(t)
	ctx := context.Background()
	me := f.s.As(store.Actor{Station: "followup", User: "ban-1", Role: store.RoleFollowup})
	other := f.s.As(store.Actor{Station: "followup", User: "ban-2", Role: store.RoleFollowup})
	if _, err := me.LastFollowupChange(ctx); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("nothing done yet: %v", err)
	}
	rc, err := me.RecordReceipt(ctx, store.ReceiptInput{Obligation: f.key(1), DocNo: "Số 12/LĐTBXH ngày 19/11/2023", Result: store.ResultSettled})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Extend(ctx, f.key(5), "2024-01-15", "Chờ kinh phí"); err != nil {
		t.Fatal(err)
	}
	c, err := me.LastFollowupChange(ctx)
	if err != nil || c.Entity != "receipt" || c.ID != rc.ID || c.Action != "create" || !c.Voids() || c.Obligation != f.key(1) ||
		c.Receipt.DocNo != "12/LĐTBXH" || c.Receipt.Agency == "" {
		t.Fatalf("last change: %+v %v", c, err)
	}
	if err := me.UndoFollowupChange(ctx, c); err != nil {
		t.Fatal(err)
	}
	if o := f.ob(t, f.key(1)); o.Status.Open() == false {
		t.Errorf("undone receipt still closes it: %+v", o.Status)
	}
	// the same offer again is stale: the last change is now the void
	if err := me.UndoFollowupChange(ctx, c); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale undo: %v", err)
	}
	c2, err := me.LastFollowupChange(ctx)
	if err != nil || c2.Action != "void" || c2.Voids() {
		t.Fatalf("after undo: %+v %v", c2, err)
	}
	if err := me.UndoFollowupChange(ctx, c2); err != nil {
		t.Fatal(err)
	}
	if o := f.ob(t, f.key(1)); !o.Status.OnTime() {
		t.Errorf("restored: %+v", o.Status)
	}
	// the other terminal's last change is its extension, not my receipt
	oc, err := other.LastFollowupChange(ctx)
	if err != nil || oc.Entity != "extension" || oc.Extension.NewDue != "2024-01-15" {
		t.Errorf("other's last: %+v %v", oc, err)
	}
	// a screen role cannot undo
	ro := f.s.As(store.Actor{Station: "followup", User: "ban-1", Role: store.RoleScreen})
	if err := ro.UndoFollowupChange(ctx, c2); !errors.Is(err, store.ErrForbidden) {
		t.Errorf("screen undo: %v", err)
	}
	h, _ := f.s.History(ctx, "receipt", rc.ID, 0)
	if len(h) != 3 || h[1].Action != "void" || h[2].Action != "restore" || h[2].User != "ban-1" {
		t.Errorf("audit: %+v", h)
	}
}
