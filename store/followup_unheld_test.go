package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"doithoai/assets"
	"doithoai/store"
)

// TestUnheldMeetingOwesNothing: the petitions of a meeting that has not
// run are not "not raised at the meeting"; once its agenda starts, the
// ones not raised are owed from the day it ran.
func TestUnheldMeetingOwesNothing(t *testing.T) {
	ctx := context.Background()
	clock := &fuClock{t: day("2026-12-03 09:00")}
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "m.db"), store.Options{Create: true, NoWatch: true, Now: clock.now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadSeed(ctx, seed); err != nil {
		t.Fatal(err)
	}
	ps, _ := s.Petitions(ctx)
	if len(ps) == 0 {
		t.Fatal("the demo has no petitions")
	}
	r, err := s.Register(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.Ran || len(r.Obligations) != 0 {
		t.Fatalf("a meeting not held owes %d obligations, first %s %+v", len(r.Obligations), r.Obligations[0].Key, r.Obligations[0].Status)
	}
	if _, err := s.Advance(ctx); err != nil { // the first item starts
		t.Fatal(err)
	}
	r, err = s.Register(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Ran || len(r.Obligations) != len(ps) {
		t.Fatalf("held: %d obligations, want the %d petitions not raised", len(r.Obligations), len(ps))
	}
	if r.HeldOn != "2026-12-03" || r.Obligations[0].BaseDue != "2027-01-02" || r.Obligations[0].Status.Kind != store.StatusNotDue {
		t.Fatalf("held %s, first due %s status %+v", r.HeldOn, r.Obligations[0].BaseDue, r.Obligations[0].Status)
	}
}
