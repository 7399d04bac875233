package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"doithoai/store"
)

// second opens another handle on the same file, as another terminal does.
func second(t *testing.T, path string, c *agClock) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), path, store.Options{NoWatch: true, Now: c.now,
		Actor: store.Actor{Station: "agenda-2", Role: store.RoleAgenda}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func running(t *testing.T, s *store.Store) store.AgendaItem {
	t.Helper()
	for _, a := range agItems(t, s) {
		if a.Running() {
			return a
		}
	}
	return store.AgendaItem{}
}

func isItemChanged(err error, item int64) bool {
	var changed *store.ItemChangedError
	return errors.As(err, &changed) && changed.Item.ID == item
}

// Two terminals press n at once, both having seen item 2 run: one moves
// to item 3, the other is refused, naming item 3; item 3 is not cut short.
// A repeated n within the grace is refused even when it saw item 3.
func TestAdvanceFromRefusesAMoveNotSeen(t *testing.T) {
	ctx := context.Background()
	s, c, path := openAgenda(t)
	other := second(t, path, c)
	it := advanceTo(t, s, c, 1)
	c.add(5 * time.Minute)
	errs := make(chan error, 2)
	for _, st := range []*store.Store{s, other} {
		go func() {
			_, err := st.AdvanceFrom(ctx, store.Seen{Item: it[1].ID}, store.TurnGrace, false)
			errs <- err
		}()
	}
	var ok, refused int
	for range 2 {
		switch err := <-errs; {
		case err == nil:
			ok++
		case isItemChanged(err, it[2].ID):
			refused++
		default:
			t.Fatalf("second n: %v", err)
		}
	}
	if ok != 1 || refused != 1 || running(t, s).ID != it[2].ID {
		t.Fatalf("ok %d refused %d running %+v", ok, refused, running(t, s))
	}
	// seen, but a second old: still refused
	c.add(time.Second)
	_, err := s.AdvanceFrom(ctx, store.Seen{Item: it[2].ID}, store.TurnGrace, false)
	var changed *store.ItemChangedError
	if !errors.As(err, &changed) || changed.Item.ID != it[2].ID || changed.Elapsed != time.Second {
		t.Fatalf("n a second into item 3: %v", err)
	}
	// asked and confirmed: grace 0 moves on
	if cur, err := s.AdvanceFrom(ctx, store.Seen{Item: it[2].ID}, 0, false); err != nil || cur.ID != it[3].ID {
		t.Fatalf("confirmed: %+v %v", cur, err)
	}
	// b carries the item too
	c.add(time.Minute)
	if _, err := other.BackFrom(ctx, store.Seen{Item: it[2].ID}, 0, false); !isItemChanged(err, it[3].ID) {
		t.Fatalf("b from an item no longer running: %v", err)
	}
	if cur, err := other.BackFrom(ctx, store.Seen{Item: it[3].ID}, 0, false); err != nil || cur.ID != it[2].ID {
		t.Fatalf("b: %+v %v", cur, err)
	}
	// nothing running: seen 0 passes, another item refuses with a zero item
	for running(t, s).ID != 0 {
		s.Back(ctx)
	}
	if _, err := s.AdvanceFrom(ctx, store.Seen{Item: it[0].ID}, 0, false); !isItemChanged(err, 0) {
		t.Fatalf("n on a stale screen before the start: %v", err)
	}
	if cur, err := s.AdvanceFrom(ctx, store.Seen{}, store.TurnGrace, false); err != nil || cur.ID != it[0].ID {
		t.Fatalf("start: %+v %v", cur, err)
	}
}

// A confirmation carries the item and the turn it asked about: a move made
// meanwhile elsewhere, or another speaker called, is refused, not acted on.
func TestConfirmedMoveCarriesWhatItAsked(t *testing.T) {
	ctx := context.Background()
	s, c, path := openAgenda(t)
	other := second(t, path, c)
	item := dialogueItem(t, s)
	advanceTo(t, s, c, item.Position-1)
	a, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Lê Thị Lan"})
	b, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Trần Văn Bình"})
	if _, err := s.CallNextAfter(ctx, item.ID, 0, store.TurnGrace); err != nil {
		t.Fatal(err)
	}
	c.add(time.Minute)
	// r1 was asked "Lan is speaking, end and move?"; r2 calls Bình meanwhile
	if _, err := other.CallNextAfter(ctx, item.ID, a, store.TurnGrace); err != nil {
		t.Fatal(err)
	}
	_, err := s.AdvanceFrom(ctx, store.Seen{Item: item.ID, Turn: a}, 0, true)
	var turn *store.TurnRunningError
	if !errors.As(err, &turn) || turn.Speaker.ID != b || running(t, s).ID != item.ID {
		t.Fatalf("y on a prompt about a turn that ended: %v", err)
	}
	// asked again about Bình and confirmed
	c.add(time.Minute)
	if cur, err := s.AdvanceFrom(ctx, store.Seen{Item: item.ID, Turn: b}, 0, true); err != nil || cur.Position != item.Position+1 {
		t.Fatalf("confirmed: %+v %v", cur, err)
	}
	if sp, ok, _ := s.CurrentSpeaker(ctx); ok {
		t.Fatalf("turn still running: %+v", sp)
	}
	// r1's prompt about the dialogue is stale now: r2 moved on again
	c.add(time.Minute)
	next := running(t, s)
	if _, err := other.AdvanceFrom(ctx, store.Seen{Item: next.ID}, store.TurnGrace, false); err != nil {
		t.Fatal(err)
	}
	after := running(t, s)
	if _, err := s.AdvanceFrom(ctx, store.Seen{Item: next.ID}, 0, false); !isItemChanged(err, after.ID) {
		t.Fatalf("stale y: %v", err)
	}
	if _, err := s.BackFrom(ctx, store.Seen{Item: next.ID}, 0, false); !isItemChanged(err, after.ID) {
		t.Fatalf("stale b: %v", err)
	}
	if running(t, s).ID != after.ID {
		t.Fatal("a refused move moved")
	}
}

// b back into the dialogue, then a turn or a question, then n: the
// dialogue ran on, so it ends now and the next item starts now; its clock
// counts from that recorded start.
func TestBackThenActivityThenNextRecordsNow(t *testing.T) {
	ctx := context.Background()
	for _, what := range []string{"turn", "question"} {
		t.Run(what, func(t *testing.T) {
			s, c, _ := openAgenda(t)
			item := dialogueItem(t, s)
			it := advanceTo(t, s, c, item.Position) // the item after the dialogue runs
			a, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Lê Thị Lan"})
			c.add(400 * time.Millisecond)
			if _, err := s.Back(ctx); err != nil {
				t.Fatal(err)
			}
			c.add(10 * time.Second)
			switch what {
			case "turn":
				if _, err := s.CallSpeakerAfter(ctx, a, 0, store.TurnGrace); err != nil {
					t.Fatal(err)
				}
				c.add(20 * time.Second)
				if err := s.EndTurn(ctx); err != nil {
					t.Fatal(err)
				}
			case "question":
				qa := s.As(store.Actor{Station: "qa", Role: store.RoleAdmin})
				if _, err := qa.SaveQuestion(ctx, store.Question{ItemID: item.ID, AskerName: "Lê Thị Hà", Text: "Câu hỏi"}); err != nil {
					t.Fatal(err)
				}
			}
			c.add(16 * time.Second)
			now := c.t
			cur, err := s.Advance(ctx)
			if err != nil || cur.ID != it[item.Position].ID || !cur.StartedAt.Equal(now) {
				t.Fatalf("n: %+v %v", cur, err)
			}
			after := agItems(t, s)
			if d := after[item.Position-1]; !d.EndedAt.Equal(now) {
				t.Fatalf("dialogue end %v, want %v", d.EndedAt, now)
			}
			p := store.NewPlan(after, time.Time{}, now)
			if p.Elapsed != 0 {
				t.Fatalf("the clock of the item started now shows %v", p.Elapsed)
			}
		})
	}
}

// c calls a speaker only while the speaker's item runs: not before it, not
// in the break after a b, not after the end.
func TestCallRefusedUnlessTheItemRuns(t *testing.T) {
	ctx := context.Background()
	s, c, _ := openAgenda(t)
	item := dialogueItem(t, s)
	a, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Lê Thị Lan"})
	if _, err := s.CallNextAfter(ctx, item.ID, 0, store.TurnGrace); !errors.Is(err, store.ErrItemNotRunning) {
		t.Fatalf("c before the dialogue: %v", err)
	}
	if _, err := s.CallSpeakerAfter(ctx, a, 0, store.TurnGrace); !errors.Is(err, store.ErrItemNotRunning) {
		t.Fatalf("enter before the dialogue: %v", err)
	}
	advanceTo(t, s, c, item.Position) // past the dialogue
	if _, err := s.CallNextAfter(ctx, item.ID, 0, store.TurnGrace); !errors.Is(err, store.ErrItemNotRunning) {
		t.Fatalf("c after the dialogue: %v", err)
	}
	for {
		if _, err := s.Advance(ctx); err != nil {
			break
		}
	}
	if _, err := s.CallNextAfter(ctx, item.ID, 0, store.TurnGrace); !errors.Is(err, store.ErrItemNotRunning) {
		t.Fatalf("c after the end: %v", err)
	}
	if _, ok, _ := s.CurrentSpeaker(ctx); ok {
		t.Fatal("a turn runs")
	}
}

// J/K move only waiting speakers, among the waiting ones.
func TestMoveSpeakerOnlyAmongWaiting(t *testing.T) {
	ctx := context.Background()
	s, c, _ := openAgenda(t)
	item := dialogueItem(t, s)
	advanceTo(t, s, c, item.Position-1)
	var ids []int64
	for _, n := range []string{"A", "B", "C", "D"} {
		id, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: n})
		ids = append(ids, id)
	}
	s.CallNext(ctx, item.ID) // A spoke
	c.add(time.Minute)
	s.CallNext(ctx, item.ID) // B speaks
	for _, id := range ids[:2] {
		for _, d := range []int{-1, 1} {
			if err := s.MoveSpeaker(ctx, id, d); !errors.Is(err, store.ErrSpeakerStarted) {
				t.Fatalf("moved a called speaker: %v", err)
			}
		}
	}
	// C up: stays first of the waiting, below B
	if err := s.MoveSpeaker(ctx, ids[2], -1); err != nil {
		t.Fatal(err)
	}
	if err := s.MoveSpeaker(ctx, ids[3], -5); err != nil {
		t.Fatal(err)
	}
	q := queue(t, s, item.ID)
	want := []int64{ids[0], ids[1], ids[3], ids[2]}
	for i, sp := range q {
		if sp.ID != want[i] {
			t.Fatalf("queue %d: %s, want id %d", i, sp.Name, want[i])
		}
	}
	if sp, _ := s.CallNext(ctx, item.ID); sp.ID != ids[3] {
		t.Fatalf("called %s", sp.Name)
	}
}

// b twice (into the dialogue, then past it), a turn in the dialogue
// between the two, then n n: the turn counts, so the dialogue's end is
// the true one, not the one from before the first b.
func TestTwoBacksKeepTheFirstBackTime(t *testing.T) {
	ctx := context.Background()
	s, c, _ := openAgenda(t)
	item := dialogueItem(t, s)
	it := advanceTo(t, s, c, item.Position) // the item after the dialogue runs
	a, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Lê Thị Lan"})
	c.add(time.Second)
	s.Back(ctx) // into the dialogue
	if _, err := s.CallSpeakerAfter(ctx, a, 0, 0); err != nil {
		t.Fatal(err)
	}
	c.add(5 * time.Second)
	s.Back(ctx) // past it: the turn ends, the dialogue returns to not started
	c.add(5 * time.Second)
	// n: the break ends as recorded (nothing happened there), the dialogue
	// gets its start back
	if cur, err := s.Advance(ctx); err != nil || cur.ID != item.ID || !cur.StartedAt.Equal(it[item.Position-1].StartedAt) {
		t.Fatalf("n into the dialogue: %+v %v", cur, err)
	}
	c.add(5 * time.Second)
	now := c.t
	cur, err := s.Advance(ctx)
	if err != nil || cur.ID != it[item.Position].ID || !cur.StartedAt.Equal(now) {
		t.Fatalf("n: %+v %v", cur, err)
	}
	d := agItems(t, s)[item.Position-1]
	if !d.StartedAt.Equal(it[item.Position-1].StartedAt) || !d.EndedAt.Equal(now) {
		t.Fatalf("dialogue %v-%v, want %v-%v", d.StartedAt, d.EndedAt, it[item.Position-1].StartedAt, now)
	}
}

// After the programme ended, one terminal reopens the last item with b;
// another, whose screen still says the programme ended, presses n a moment
// later. The store refuses: it saw nothing running, and the reopened item
// counts as just started (the grace runs from the b, not from its old
// start), so even a screen that did see it reopened is asked first.
func TestNextAfterAReopenElsewhereIsRefused(t *testing.T) {
	ctx := context.Background()
	s, c, path := openAgenda(t)
	other := second(t, path, c)
	it := agItems(t, s)
	advanceTo(t, s, c, len(it)-1)
	c.add(time.Minute)
	if cur, err := s.AdvanceFrom(ctx, store.Seen{Item: it[len(it)-1].ID}, store.TurnGrace, false); err != nil || cur.ID != 0 {
		t.Fatalf("end of programme: %+v %v", cur, err)
	}
	last := agItems(t, s)[len(it)-1]
	c.add(time.Minute)
	if cur, err := other.BackFrom(ctx, store.Seen{}, 0, false); err != nil || cur.ID != last.ID {
		t.Fatalf("b after the end: %+v %v", cur, err)
	}
	c.add(100 * time.Millisecond)
	var changed *store.ItemChangedError
	_, err := s.AdvanceFrom(ctx, store.Seen{}, store.TurnGrace, false)
	if !errors.As(err, &changed) || changed.Item.ID != last.ID {
		t.Fatalf("n on a screen that saw the end: %v", err)
	}
	_, err = s.AdvanceFrom(ctx, store.Seen{Item: last.ID}, store.TurnGrace, false)
	if !errors.As(err, &changed) || changed.Item.ID != last.ID || changed.Elapsed != 100*time.Millisecond {
		t.Fatalf("n 0.1 s after the reopen: %v", err)
	}
	if r := running(t, s); r.ID != last.ID || !r.StartedAt.Equal(last.StartedAt) {
		t.Fatalf("a refused n moved: %+v", r)
	}
	// past the grace, or confirmed: it ends (as recorded: nothing happened)
	c.add(store.TurnGrace)
	if cur, err := s.AdvanceFrom(ctx, store.Seen{Item: last.ID}, store.TurnGrace, false); err != nil || cur.ID != 0 {
		t.Fatalf("n 2 s after the reopen: %+v %v", cur, err)
	}
	if got := agItems(t, s)[len(it)-1]; !got.EndedAt.Equal(last.EndedAt) {
		t.Fatalf("end %v, want %v", got.EndedAt, last.EndedAt)
	}
}
