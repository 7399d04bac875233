package store_test

import (
	"context"
	"testing"

	"doithoai/store"
)

// Someone who asks a question at the meeting is present: saving her
// question checks her in, in the same transaction, as the qa station.
func TestQuestionChecksInAsker(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	qa := s.As(store.Actor{Station: "qa", User: "thuky", Role: store.RoleQA})
	ds, err := s.Delegates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var away, here store.Delegate
	for _, d := range ds {
		if !d.Arrived() && away.ID == 0 {
			away = d
		}
	}
	if away.ID == 0 {
		t.Fatal("the demo has no one not checked in")
	}
	for _, d := range ds {
		if d.ID != away.ID && !d.Arrived() {
			here = d
			break
		}
	}
	if _, err := s.CheckIn(ctx, here.ID); err != nil {
		t.Fatal(err)
	}

	r, err := qa.SaveQuestionResult(ctx, store.Question{DelegateID: away.ID, AskerName: away.FullName, Text: "Vốn vay?"})
	if err != nil {
		t.Fatal(err)
	}
	if r.ID == 0 || r.CheckedIn == nil || r.CheckedIn.ID != away.ID || r.CheckedIn.FullName != away.FullName {
		t.Fatalf("result %+v: want the question id and %s checked in", r, away.FullName)
	}
	d, err := s.Delegate(ctx, away.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Arrived() || d.ArrivedAs != "qa" || d.ArrivedBy != "thuky" {
		t.Fatalf("asker after the save: arrived %v as %q by %q", d.ArrivedAt, d.ArrivedAs, d.ArrivedBy)
	}
	h, err := s.History(ctx, "checkin", away.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 || h[0].Action != "create" || h[0].Station != "qa" {
		t.Fatalf("check-in audit rows: %+v", h)
	}

	// already there: nothing more is done or said
	r, err = qa.SaveQuestionResult(ctx, store.Question{DelegateID: here.ID, AskerName: here.FullName, Text: "Đường?"})
	if err != nil || r.CheckedIn != nil {
		t.Fatalf("asker already present: %+v, %v", r, err)
	}
	if h, _ := s.History(ctx, "checkin", here.ID, 0); len(h) != 1 || h[0].Station == "qa" {
		t.Fatalf("check-in of someone already present touched: %+v", h)
	}
	// a free-typed asker (not on the list) checks in no one
	n := arrivedCount(t, s)
	if r, err := qa.SaveQuestionResult(ctx, store.Question{AskerName: "Khách mời", Text: "?"}); err != nil || r.CheckedIn != nil {
		t.Fatalf("free-typed asker: %+v, %v", r, err)
	}
	if arrivedCount(t, s) != n {
		t.Fatal("a free-typed asker changed the attendance")
	}

	// a correction naming another, absent asker checks her in too
	var other store.Delegate
	for _, d := range ds {
		if d.ID != away.ID && d.ID != here.ID && !d.Arrived() {
			other = d
			break
		}
	}
	qs, _ := s.Questions(ctx, 0)
	q := qs[len(qs)-1]
	q.DelegateID, q.AskerName = other.ID, other.FullName
	if r, err := qa.SaveQuestionResult(ctx, q); err != nil || r.CheckedIn == nil || r.CheckedIn.ID != other.ID {
		t.Fatalf("correction to an absent asker: %+v, %v", r, err)
	}

	// a refused save checks in no one (one transaction)
	var last store.Delegate
	for _, d := range ds {
		if d.ID != away.ID && d.ID != here.ID && d.ID != other.ID && !d.Arrived() {
			last = d
			break
		}
	}
	q.Rev = 1 // stale: refused as a conflict
	q.DelegateID, q.AskerName = last.ID, last.FullName
	if _, err := qa.SaveQuestionResult(ctx, q); err == nil {
		t.Fatal("stale save accepted")
	}
	if d, _ := s.Delegate(ctx, last.ID); d.Arrived() {
		t.Fatal("a refused save checked the asker in")
	}
}

func arrivedCount(t *testing.T, s *store.Store) int {
	t.Helper()
	ds, err := s.Delegates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range ds {
		if d.Arrived() {
			n++
		}
	}
	return n
}
