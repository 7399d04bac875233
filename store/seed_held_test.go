package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"doithoai/assets"
	"doithoai/store"
)

// heldDemo writes the held demo for a meeting held on 2023-10-18.
func heldDemo(t testing.TB, day string) string {
	t.Helper()
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	held, err := assets.DemoHeld()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "held.db")
	if err := store.CreateHeldDemo(context.Background(), path, seed, held, day); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestHeldDemo: the demo as it stands a month after the day: the agenda
// run, about 110 checked in, about 25 questions with every outcome, some
// answers received on time and late, one overdue, one extended.
func TestHeldDemo(t *testing.T) {
	ctx := context.Background()
	path := heldDemo(t, "2023-10-18")
	s, err := store.Open(ctx, path, store.Options{NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, _ := s.Meeting(ctx)
	if m.Date != "2023-10-18" || m.Title != "Chương trình đối thoại giữa Chủ tịch UBND thị xã với Phụ nữ thị xã Ba Đồn năm 2023" {
		t.Errorf("meeting %q on %s", m.Title, m.Date)
	}
	items, _ := s.Agenda(ctx)
	for _, it := range items {
		if it.StartedAt.IsZero() || it.EndedAt.IsZero() {
			t.Errorf("item %q not run", it.Title)
		}
	}
	if held, _ := s.HeldOn(ctx); held != "2023-10-18" {
		t.Errorf("held on %s", held)
	}
	_, _, total, err := s.Tallies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if total.Arrived < 105 || total.Arrived > 115 {
		t.Errorf("%d arrived", total.Arrived)
	}
	qs, _ := s.Questions(ctx, 0)
	outcomes := map[store.Outcome]int{}
	for _, q := range qs {
		for _, a := range q.Answers {
			outcomes[a.Outcome]++
		}
	}
	if len(qs) < 20 || len(qs) > 30 || len(outcomes) != len(store.Outcomes) {
		t.Errorf("%d questions, outcomes %v", len(qs), outcomes)
	}
	r, err := s.RegisterAsOf(ctx, store.AddDays("2023-10-18", store.HeldDays))
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[store.StatusKind]int{}
	late, extended := 0, 0
	for _, o := range r.Obligations {
		kinds[o.Status.Kind]++
		if o.Status.Kind == store.StatusAnswered && o.Status.Days > 0 {
			late++
		}
		if len(o.Extensions) > 0 {
			extended++
		}
	}
	if kinds[store.StatusOverdue] != 1 || extended != 1 || late < 1 || kinds[store.StatusAnswered]-late < 1 ||
		kinds[store.StatusForwarded] != 1 || kinds[store.StatusDueSoon] < 1 || kinds[store.StatusNotDue] < 1 {
		t.Errorf("statuses %v, late %d, extended %d", kinds, late, extended)
	}
	h, _ := s.History(ctx, "", 0, 0)
	for _, e := range h {
		if e.Entity == "receipt" && e.Station != "followup" {
			t.Errorf("receipt recorded by %s", e.Station)
		}
	}
}

// TestHeldDemoShifts: held on another day, every date moves with it and
// the title says its year.
func TestHeldDemoShifts(t *testing.T) {
	ctx := context.Background()
	path := heldDemo(t, "2026-02-03")
	r, err := store.OpenRegister(ctx, path, "2026-03-05")
	if err != nil {
		t.Fatal(err)
	}
	if r.HeldOn != "2026-02-03" || r.Meeting.Title != "Chương trình đối thoại giữa Chủ tịch UBND thị xã với Phụ nữ thị xã Ba Đồn năm 2026" {
		t.Errorf("%s %q", r.HeldOn, r.Meeting.Title)
	}
	n := 0
	for _, o := range r.Obligations {
		if o.Status.Kind == store.StatusOverdue {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d overdue", n)
	}
}
