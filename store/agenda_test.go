package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"doithoai/assets"
	"doithoai/store"
)

// agClock is a settable agClock for the store.
type agClock struct{ t time.Time }

func (c *agClock) now() time.Time      { return c.t }
func (c *agClock) add(d time.Duration) { c.t = c.t.Add(d) }
func newAgClock() *agClock             { return &agClock{t: time.Date(2023, 10, 18, 7, 30, 0, 0, time.UTC)} }
func agItems(t *testing.T, s *store.Store) []store.AgendaItem {
	t.Helper()
	items, err := s.Agenda(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// openAgenda opens the demo meeting with a agClock the test moves.
func openAgenda(t *testing.T) (*store.Store, *agClock, string) {
	t.Helper()
	c := newAgClock()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := store.Open(context.Background(), path, store.Options{Create: true, NoWatch: true, Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadSeed(context.Background(), seed); err != nil {
		t.Fatal(err)
	}
	return s, c, path
}

func agAuditRows(t *testing.T, s *store.Store) int {
	t.Helper()
	h, err := s.History(context.Background(), "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(h)
}

func TestAdvanceBackSkip(t *testing.T) {
	ctx := context.Background()
	s, c, path := openAgenda(t)
	items := agItems(t, s)
	if len(items) < 3 {
		t.Fatalf("demo has %d items", len(items))
	}
	t0 := c.t
	cur, err := s.Advance(ctx)
	if err != nil || cur.ID != items[0].ID || !cur.StartedAt.Equal(t0) {
		t.Fatalf("first advance: %+v %v", cur, err)
	}
	c.add(14 * time.Minute)
	t1 := c.t
	if cur, err = s.Advance(ctx); err != nil || cur.ID != items[1].ID {
		t.Fatalf("second advance: %+v %v", cur, err)
	}
	got := agItems(t, s)
	if !got[0].EndedAt.Equal(t1) || !got[1].StartedAt.Equal(t1) || !got[1].Running() {
		t.Fatalf("times not stored: %+v %+v", got[0], got[1])
	}

	// skip item 3 (not started), advance passes over it
	if err := s.SetSkipped(ctx, items[2].ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSkipped(ctx, items[1].ID, true); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("skipping a running item: %v", err)
	}
	c.add(5 * time.Minute)
	if cur, err = s.Advance(ctx); err != nil || cur.ID != items[3].ID {
		t.Fatalf("advance over skipped: %+v %v", cur, err)
	}

	// back: item 4 to not started, item 2 runs again from its first start
	c.add(time.Minute)
	if cur, err = s.Back(ctx); err != nil || cur.ID != items[1].ID {
		t.Fatalf("back: %+v %v", cur, err)
	}
	got = agItems(t, s)
	if !got[3].StartedAt.IsZero() || !got[1].Running() || !got[1].StartedAt.Equal(t1) || !got[2].Skipped {
		t.Fatalf("after back: %+v %+v %+v", got[1], got[2], got[3])
	}

	// a restarted program sees the same state
	s.Close()
	s2, err := store.Open(ctx, path, store.Options{NoWatch: true, Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	again := agItems(t, s2)
	for i := range got {
		if !again[i].StartedAt.Equal(got[i].StartedAt) || !again[i].EndedAt.Equal(got[i].EndedAt) || again[i].Skipped != got[i].Skipped {
			t.Fatalf("item %d differs after reopen: %+v vs %+v", i, again[i], got[i])
		}
	}

	// unskip, then run to the end
	if err := s2.SetSkipped(ctx, items[2].ID, false); err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		c.add(time.Minute)
		cur, err := s2.Advance(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if cur.ID == 0 {
			break
		}
		if i > len(items) {
			t.Fatal("advance never ends")
		}
	}
	if _, err := s2.Advance(ctx); !errors.Is(err, store.ErrNoNextItem) || !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("advance past the end: %v", err)
	}
	for _, a := range agItems(t, s2) {
		if !a.Done() || a.Running() {
			t.Fatalf("not done at the end: %+v", a)
		}
	}
	// back from the end reopens the last item
	cur, err = s2.Back(ctx)
	if err != nil || cur.ID != items[len(items)-1].ID {
		t.Fatalf("back from end: %+v %v", cur, err)
	}
}

func TestBackBeforeStart(t *testing.T) {
	ctx := context.Background()
	s, _, _ := openAgenda(t)
	if _, err := s.Back(ctx); !errors.Is(err, store.ErrNotStarted) {
		t.Fatalf("back before start: %v", err)
	}
	if _, err := s.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	cur, err := s.Back(ctx)
	if err != nil || cur.ID != 0 {
		t.Fatalf("back to not started: %+v %v", cur, err)
	}
	for _, a := range agItems(t, s) {
		if !a.StartedAt.IsZero() {
			t.Fatalf("still started: %+v", a)
		}
	}
}

func TestRunStateAudited(t *testing.T) {
	ctx := context.Background()
	s, c, _ := openAgenda(t)
	n := agAuditRows(t, s)
	s.Advance(ctx)
	c.add(time.Minute)
	s.Advance(ctx)
	s.Back(ctx)
	if got := agAuditRows(t, s); got != n+1+2+2 {
		t.Fatalf("audit rows: %d, want %d", got, n+5)
	}
	h, _ := s.History(ctx, "agenda_item", agItems(t, s)[0].ID, 0)
	if len(h) < 3 || h[len(h)-1].Before == "" || h[len(h)-1].After == "" {
		t.Fatalf("history of item 1: %+v", h)
	}
}

func TestEditAgenda(t *testing.T) {
	ctx := context.Background()
	s, _, _ := openAgenda(t)
	items := agItems(t, s)
	n := len(items)
	id, err := s.SaveItem(ctx, store.AgendaItem{Kind: store.ItemOther, Title: "Chụp ảnh lưu niệm", PlannedMinutes: 5, Position: 2})
	if err != nil {
		t.Fatal(err)
	}
	got := agItems(t, s)
	if len(got) != n+1 || got[1].ID != id || got[2].ID != items[1].ID {
		t.Fatalf("insert at 2: %v", got[:3])
	}
	if err := s.MoveItem(ctx, id, 100); err != nil {
		t.Fatal(err)
	}
	got = agItems(t, s)
	if got[len(got)-1].ID != id {
		t.Fatal("move to the end failed")
	}
	if err := s.MoveItem(ctx, id, -1); err != nil {
		t.Fatal(err)
	}
	got = agItems(t, s)
	for i, a := range got {
		if a.Position != i+1 {
			t.Fatalf("positions not 1..n: %d at %d", a.Position, i)
		}
	}
	if got[len(got)-2].ID != id {
		t.Fatal("move up failed")
	}
	before := agAuditRows(t, s)
	if err := s.DeleteItem(ctx, id); err != nil {
		t.Fatal(err)
	}
	if agAuditRows(t, s) != before+1 {
		t.Fatal("delete not audited")
	}
	got = agItems(t, s)
	if len(got) != n {
		t.Fatalf("after delete: %d items", len(got))
	}
	for i, a := range got {
		if a.Position != i+1 || a.ID != items[i].ID {
			t.Fatalf("order after delete: %+v", got)
		}
	}
	// the running item cannot be deleted
	cur, _ := s.Advance(ctx)
	if err := s.DeleteItem(ctx, cur.ID); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("delete running: %v", err)
	}
	if err := s.MoveItem(ctx, 99999, 1); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("move missing: %v", err)
	}
}

func TestOfficials(t *testing.T) {
	ctx := context.Background()
	s, _, _ := openAgenda(t)
	ds, err := s.Delegates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ranked []store.Delegate
	for _, d := range ds {
		if d.Protocol > 0 {
			ranked = append(ranked, d)
		}
	}
	if len(ranked) < 3 {
		t.Skip("demo has too few officials")
	}
	if got, _ := s.Officials(ctx); len(got) != 0 {
		t.Fatalf("officials before anyone arrived: %d", len(got))
	}
	for _, d := range ranked[1:] { // all but one arrive
		if _, err := s.CheckIn(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
	}
	// an ordinary delegate who arrived is not an official
	for _, d := range ds {
		if d.Protocol == 0 {
			s.CheckIn(ctx, d.ID)
			break
		}
	}
	got, err := s.Officials(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ranked)-1 {
		t.Fatalf("officials: %d, want %d", len(got), len(ranked)-1)
	}
	kindRank := map[store.UnitKind]int{}
	for i, k := range store.UnitKinds {
		kindRank[k] = i
	}
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if a.Protocol > b.Protocol || (a.Protocol == b.Protocol && kindRank[a.UnitKind] > kindRank[b.UnitKind]) {
			t.Fatalf("out of protocol order: %s (%d %s) before %s (%d %s)", a.FullName, a.Protocol, a.UnitKind, b.FullName, b.Protocol, b.UnitKind)
		}
		if a.ID == ranked[0].ID || b.ID == ranked[0].ID {
			t.Fatal("absent official listed")
		}
	}
}
