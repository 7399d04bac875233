package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"doithoai/store"
)

func dialogueItem(t *testing.T, s *store.Store) store.AgendaItem {
	t.Helper()
	for _, a := range agItems(t, s) {
		if a.Kind == store.ItemDialogue {
			return a
		}
	}
	t.Fatal("demo has no dialogue item")
	return store.AgendaItem{}
}

func queue(t *testing.T, s *store.Store, item int64) []store.Speaker {
	t.Helper()
	sps, err := s.Speakers(context.Background(), item)
	if err != nil {
		t.Fatal(err)
	}
	return sps
}

func TestSpeakerQueue(t *testing.T) {
	ctx := context.Background()
	s, c, _ := openAgenda(t)
	item := dialogueItem(t, s)
	ds, _ := s.Delegates(ctx)
	a, err := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, DelegateID: ds[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Nguyễn Thị Hoa", UnitName: "xã Quảng Hải"})
	if err != nil {
		t.Fatal(err)
	}
	x, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Người sẽ rút"})
	q := queue(t, s, item.ID)
	if len(q) != 3 || q[0].Name != ds[0].FullName || q[0].LimitSeconds != 180 {
		t.Fatalf("queue: %+v", q)
	}
	if err := s.RemoveSpeaker(ctx, x); err != nil {
		t.Fatal(err)
	}
	// b before a
	if err := s.MoveSpeaker(ctx, b, -1); err != nil {
		t.Fatal(err)
	}
	q = queue(t, s, item.ID)
	if len(q) != 2 || q[0].ID != b || q[1].ID != a {
		t.Fatalf("after remove and move: %+v", q)
	}
	if _, ok, _ := s.CurrentSpeaker(ctx); ok {
		t.Fatal("a current speaker before anyone was called")
	}
	if err := s.EndTurn(ctx); !errors.Is(err, store.ErrNoTurn) {
		t.Fatalf("end with no turn: %v", err)
	}

	t0 := c.t
	sp, err := s.CallNext(ctx, item.ID)
	if err != nil || sp.ID != b || !sp.StartedAt.Equal(t0) {
		t.Fatalf("call next: %+v %v", sp, err)
	}
	cur, ok, err := s.CurrentSpeaker(ctx)
	if err != nil || !ok || cur.ID != b {
		t.Fatalf("current: %+v %v %v", cur, ok, err)
	}
	if err := s.RemoveSpeaker(ctx, b); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("removing the speaker: %v", err)
	}
	// calling the next ends b's turn in the same transaction
	c.add(150 * time.Second)
	sp, err = s.CallNext(ctx, item.ID)
	if err != nil || sp.ID != a {
		t.Fatalf("second call: %+v %v", sp, err)
	}
	q = queue(t, s, item.ID)
	if !q[0].EndedAt.Equal(c.t) || q[0].Duration(c.t) != 150*time.Second || !q[1].Speaking() {
		t.Fatalf("turns: %+v", q)
	}
	if cur, _, _ := s.CurrentSpeaker(ctx); cur.ID != a {
		t.Fatalf("current after second call: %+v", cur)
	}
	if err := s.ExtendTurn(ctx, a, 60); err != nil {
		t.Fatal(err)
	}
	c.add(200 * time.Second)
	if _, err := s.CallNext(ctx, item.ID); !errors.Is(err, store.ErrQueueEmpty) {
		t.Fatalf("call with empty queue: %v", err)
	}
	if cur, ok, _ := s.CurrentSpeaker(ctx); !ok || cur.ID != a || cur.LimitSeconds != 240 {
		t.Fatalf("an empty call changed the turn: %+v", cur)
	}
	if err := s.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.CurrentSpeaker(ctx); ok {
		t.Fatal("turn still running after EndTurn")
	}
	if _, err := s.CallSpeaker(ctx, a); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("calling someone who spoke: %v", err)
	}
	hist, _ := s.History(ctx, "speaker", a, 0)
	if len(hist) != 4 { // create, start, extend, end
		t.Fatalf("speaker history: %d rows", len(hist))
	}
}

func TestAdvanceEndsTurn(t *testing.T) {
	ctx := context.Background()
	s, c, _ := openAgenda(t)
	item := dialogueItem(t, s)
	for {
		cur, err := s.Advance(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if cur.ID == item.ID {
			break
		}
		c.add(time.Minute)
	}
	id, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Lê Thị Lan"})
	if _, err := s.CallNext(ctx, item.ID); err != nil {
		t.Fatal(err)
	}
	c.add(time.Minute)
	// the careful move is refused while the turn runs, and changes nothing
	before := agItems(t, s)
	_, err := s.AdvanceUnlessSpeaking(ctx)
	var running *store.TurnRunningError
	if !errors.As(err, &running) || running.Speaker.ID != id || running.Speaker.Name != "Lê Thị Lan" {
		t.Fatalf("advance during a turn: %v", err)
	}
	if sp, ok, _ := s.CurrentSpeaker(ctx); !ok || sp.ID != id {
		t.Fatal("a refused advance ended the turn")
	}
	for i, a := range agItems(t, s) {
		if !a.StartedAt.Equal(before[i].StartedAt) || !a.EndedAt.Equal(before[i].EndedAt) {
			t.Fatalf("a refused advance moved item %d", a.Position)
		}
	}
	if _, err := s.Advance(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.CurrentSpeaker(ctx); ok {
		t.Fatal("turn outlived its item")
	}
	q := queue(t, s, item.ID)
	if q[0].ID != id || !q[0].EndedAt.Equal(c.t) {
		t.Fatalf("turn end: %+v", q[0])
	}
	// with no turn running the careful move is the same move
	c.add(time.Minute)
	cur, err := s.AdvanceUnlessSpeaking(ctx)
	if err != nil || cur.Position != item.Position+2 {
		t.Fatalf("advance with no turn: %+v %v", cur, err)
	}
}

func TestScreenRoleCannotRun(t *testing.T) {
	ctx := context.Background()
	s, _, _ := openAgenda(t)
	ro := s.As(store.Actor{Station: "screen", Role: store.RoleScreen})
	if _, err := ro.Advance(ctx); !errors.Is(err, store.ErrForbidden) {
		t.Fatalf("screen advanced: %v", err)
	}
	if _, err := ro.CallNext(ctx, 1); !errors.Is(err, store.ErrForbidden) {
		t.Fatalf("screen called: %v", err)
	}
}

// Two c in one burst (a double press, or two agenda stations) both saw no
// turn running: the first starts a turn, the second is refused and names
// who speaks now; it never ends the turn that has just started.
func TestCallNextAfterRefusesATurnNotSeen(t *testing.T) {
	ctx := context.Background()
	s, c, _ := openAgenda(t)
	item := dialogueItem(t, s)
	advanceTo(t, s, c, item.Position-1)
	a, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Lê Thị Lan"})
	b, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Trần Văn Bình"})
	other := s.As(store.Actor{Station: "agenda-2", Role: store.RoleAgenda})
	errs := make(chan error, 2)
	for _, st := range []*store.Store{s, other} {
		go func() { _, err := st.CallNextAfter(ctx, item.ID, 0, store.TurnGrace); errs <- err }()
	}
	var ok, refused int
	for range 2 {
		err := <-errs
		var changed *store.TurnChangedError
		switch {
		case err == nil:
			ok++
		case errors.As(err, &changed) && changed.Speaker.ID == a && changed.Elapsed == 0:
			refused++
		default:
			t.Fatalf("second c: %v", err)
		}
	}
	if ok != 1 || refused != 1 {
		t.Fatalf("ok %d refused %d", ok, refused)
	}
	q := queue(t, s, item.ID)
	if !q[0].Speaking() || !q[1].Waiting() {
		t.Fatalf("queue after the burst: %+v", q)
	}
	// the screen saw a's turn, but it started a second ago: still asked
	c.add(time.Second)
	if _, err := s.CallNextAfter(ctx, item.ID, a, store.TurnGrace); !isChanged(err, a) {
		t.Fatalf("c a second into the turn: %v", err)
	}
	if err := s.EndTurnOf(ctx, a, store.TurnGrace); !isChanged(err, a) {
		t.Fatalf("end a second into the turn: %v", err)
	}
	// after the grace, the turn it saw is ended and the next called
	c.add(store.TurnGrace)
	sp, err := s.CallNextAfter(ctx, item.ID, a, store.TurnGrace)
	if err != nil || sp.ID != b {
		t.Fatalf("c after the grace: %+v %v", sp, err)
	}
	// a screen still showing a's turn cannot end b's
	c.add(time.Minute)
	if err := s.EndTurnOf(ctx, a, store.TurnGrace); !isChanged(err, b) {
		t.Fatalf("end of a turn not seen: %v", err)
	}
	if err := s.EndTurnOf(ctx, b, store.TurnGrace); err != nil {
		t.Fatal(err)
	}
	if err := s.EndTurnOf(ctx, b, store.TurnGrace); !errors.Is(err, store.ErrNoTurn) {
		t.Fatalf("end twice: %v", err)
	}
	// asked and confirmed: grace 0 ends a fresh turn
	x, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Người thứ ba"})
	y, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Người thứ tư"})
	if _, err := s.CallSpeakerAfter(ctx, x, 0, store.TurnGrace); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CallSpeakerAfter(ctx, y, 0, store.TurnGrace); !isChanged(err, x) {
		t.Fatalf("enter on another speaker during a turn not seen: %v", err)
	}
	if sp, err := s.CallSpeakerAfter(ctx, y, x, 0); err != nil || sp.ID != y {
		t.Fatalf("confirmed: %+v %v", sp, err)
	}
}

func isChanged(err error, speaker int64) bool {
	var changed *store.TurnChangedError
	return errors.As(err, &changed) && changed.Speaker.ID == speaker
}

func TestExtendTurnMinimum(t *testing.T) {
	ctx := context.Background()
	s, _, _ := openAgenda(t)
	item := dialogueItem(t, s)
	id, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Lê Thị Lan", LimitSeconds: 50})
	limit := func() int { return queue(t, s, item.ID)[0].LimitSeconds }
	if err := s.ExtendTurn(ctx, id, -30); err != nil || limit() != store.MinTurnSeconds {
		t.Fatalf("50-30: %d %v", limit(), err)
	}
	if err := s.ExtendTurn(ctx, id, -30); !errors.Is(err, store.ErrTurnMinimum) || limit() != store.MinTurnSeconds {
		t.Fatalf("at the minimum: %d %v", limit(), err)
	}
	if err := s.ExtendTurn(ctx, id, 30); err != nil || limit() != 60 {
		t.Fatalf("+30: %d %v", limit(), err)
	}
	s.CallNext(ctx, item.ID)
	s.EndTurn(ctx)
	if err := s.ExtendTurn(ctx, id, 30); !errors.Is(err, store.ErrNoTurn) {
		t.Fatalf("extend an ended turn: %v", err)
	}
}
