package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"doithoai/store"
)

// advanceTo runs the agenda until item index i runs, a minute per item.
func advanceTo(t *testing.T, s *store.Store, c *agClock, i int) []store.AgendaItem {
	t.Helper()
	for k := 0; k <= i; k++ {
		if _, err := s.Advance(context.Background()); err != nil {
			t.Fatal(err)
		}
		if k < i {
			c.add(time.Minute)
		}
	}
	return agItems(t, s)
}

// b then n a moment later is a slip undone: the recorded times are those
// from before the b, not a new start and a moved end.
func TestBackThenNextKeepsTheRecordedTimes(t *testing.T) {
	ctx := context.Background()
	s, c, _ := openAgenda(t)
	before := advanceTo(t, s, c, 2) // item 1 ended 07:31, item 2 ended 07:32, item 3 runs since 07:32
	c.add(5 * time.Minute)
	cur, err := s.Back(ctx)
	if err != nil || cur.ID != before[1].ID {
		t.Fatalf("back: %+v %v", cur, err)
	}
	it := agItems(t, s)
	if !it[1].StartedAt.Equal(before[1].StartedAt) || !it[1].EndedAt.IsZero() || !it[2].StartedAt.IsZero() {
		t.Fatalf("after back: %+v / %+v", it[1], it[2])
	}
	c.add(20 * time.Second)
	if cur, err = s.Advance(ctx); err != nil || cur.ID != before[2].ID || !cur.StartedAt.Equal(before[2].StartedAt) {
		t.Fatalf("n after b: %+v %v", cur, err)
	}
	after := agItems(t, s)
	for i := range before {
		if !after[i].StartedAt.Equal(before[i].StartedAt) || !after[i].EndedAt.Equal(before[i].EndedAt) {
			t.Fatalf("item %d: %v-%v, was %v-%v", i+1, after[i].StartedAt, after[i].EndedAt, before[i].StartedAt, before[i].EndedAt)
		}
	}
	// twice back and twice on: the same
	c.add(time.Minute)
	before = agItems(t, s)
	s.Back(ctx)
	c.add(5 * time.Second)
	s.Back(ctx)
	c.add(5 * time.Second)
	s.Advance(ctx)
	c.add(5 * time.Second)
	s.Advance(ctx)
	after = agItems(t, s)
	for i := range before {
		if !after[i].StartedAt.Equal(before[i].StartedAt) || !after[i].EndedAt.Equal(before[i].EndedAt) {
			t.Fatalf("double: item %d: %v-%v, was %v-%v", i+1, after[i].StartedAt, after[i].EndedAt, before[i].StartedAt, before[i].EndedAt)
		}
	}
}

// After b the reopened item really runs on: an n later than BackGrace
// records the true end and a new start.
func TestBackThenLaterNextRecordsNow(t *testing.T) {
	ctx := context.Background()
	s, c, _ := openAgenda(t)
	before := advanceTo(t, s, c, 2)
	c.add(10 * time.Second)
	s.Back(ctx)
	c.add(store.BackGrace + 4*time.Minute)
	cur, err := s.Advance(ctx)
	if err != nil || !cur.StartedAt.Equal(c.t) {
		t.Fatalf("late n: %+v %v", cur, err)
	}
	it := agItems(t, s)
	if !it[1].StartedAt.Equal(before[1].StartedAt) || !it[1].EndedAt.Equal(c.t) || !it[2].StartedAt.Equal(c.t) {
		t.Fatalf("late n: %+v / %+v", it[1], it[2])
	}
	// the memo is used up: b and n again a moment later restore these times
	c.add(time.Minute)
	s.Back(ctx)
	c.add(time.Second)
	s.Advance(ctx)
	if got := agItems(t, s); !got[1].EndedAt.Equal(it[1].EndedAt) || !got[2].StartedAt.Equal(it[2].StartedAt) {
		t.Fatalf("second slip: %+v / %+v", got[1], got[2])
	}
}

// b from the first item and n again restores the meeting's start.
func TestBackToNotStartedThenNext(t *testing.T) {
	ctx := context.Background()
	s, c, _ := openAgenda(t)
	s.Advance(ctx)
	c.add(3 * time.Second)
	s.Back(ctx)
	c.add(3 * time.Second)
	cur, err := s.Advance(ctx)
	if err != nil || !cur.StartedAt.Equal(c.t.Add(-6*time.Second)) {
		t.Fatalf("restart: %+v %v", cur, err)
	}
}

func TestBackUnlessSpeaking(t *testing.T) {
	ctx := context.Background()
	s, c, _ := openAgenda(t)
	item := dialogueItem(t, s)
	advanceTo(t, s, c, item.Position-1)
	id, _ := s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Lê Thị Lan"})
	if _, err := s.CallNext(ctx, item.ID); err != nil {
		t.Fatal(err)
	}
	before := agItems(t, s)
	_, err := s.BackUnlessSpeaking(ctx)
	var running *store.TurnRunningError
	if !errors.As(err, &running) || running.Speaker.ID != id {
		t.Fatalf("back during a turn: %v", err)
	}
	if sp, ok, _ := s.CurrentSpeaker(ctx); !ok || sp.ID != id {
		t.Fatal("a refused back ended the turn")
	}
	for i, a := range agItems(t, s) {
		if !a.StartedAt.Equal(before[i].StartedAt) || !a.EndedAt.Equal(before[i].EndedAt) {
			t.Fatalf("a refused back moved item %d", a.Position)
		}
	}
	if _, err := s.Back(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.CurrentSpeaker(ctx); ok {
		t.Fatal("turn outlived its item")
	}
}

func TestDeleteAndMoveRefuseStartedItems(t *testing.T) {
	ctx := context.Background()
	s, c, _ := openAgenda(t)
	it := advanceTo(t, s, c, 1) // item 1 done, item 2 running
	for _, a := range it[:2] {
		if err := s.DeleteItem(ctx, a.ID); !errors.Is(err, store.ErrItemStarted) || !errors.Is(err, store.ErrInvalid) {
			t.Fatalf("delete started item %d: %v", a.Position, err)
		}
		for _, d := range []int{-1, 1, 5} {
			if err := s.MoveItem(ctx, a.ID, d); !errors.Is(err, store.ErrItemStarted) {
				t.Fatalf("move started item %d by %d: %v", a.Position, d, err)
			}
		}
	}
	// not above a started item, but down and among the rest freely
	if err := s.MoveItem(ctx, it[2].ID, -1); !errors.Is(err, store.ErrAboveStarted) {
		t.Fatalf("move item 3 above the running one: %v", err)
	}
	if err := s.MoveItem(ctx, it[4].ID, -10); !errors.Is(err, store.ErrAboveStarted) {
		t.Fatalf("move item 5 to the top: %v", err)
	}
	if err := s.MoveItem(ctx, it[3].ID, -1); err != nil {
		t.Fatalf("move item 4 up to 3: %v", err)
	}
	got := agItems(t, s)
	if got[2].ID != it[3].ID || got[3].ID != it[2].ID || got[0].ID != it[0].ID || got[1].ID != it[1].ID {
		t.Fatalf("order after move: %v", got)
	}
	if err := s.DeleteItem(ctx, it[5].ID); err != nil {
		t.Fatalf("delete a pending item: %v", err)
	}
}

func TestDeleteItemWithQuestionsSaysWhat(t *testing.T) {
	ctx := context.Background()
	s, _, _ := openAgenda(t)
	item := dialogueItem(t, s)
	s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Lê Thị Lan"})
	s.AddSpeaker(ctx, store.Speaker{ItemID: item.ID, Name: "Trần Văn Bình"})
	for _, q := range []string{"Xin hỏi về vốn vay", "Xin hỏi về đường"} {
		if _, err := s.SaveQuestion(ctx, store.Question{ItemID: item.ID, AskerName: "Nguyễn Thị Hoa", Text: q}); err != nil {
			t.Fatal(err)
		}
	}
	err := s.DeleteItem(ctx, item.ID)
	var inUse *store.InUseError
	if !errors.As(err, &inUse) || !errors.Is(err, store.ErrInUse) || inUse.Uses.Questions != 2 || inUse.Uses.Speakers != 2 || inUse.Entity != "agenda_item" {
		t.Fatalf("delete with questions: %v", err)
	}
	if u, err := s.ItemUses(ctx, item.ID); err != nil || u.Questions != 2 || u.Speakers != 2 {
		t.Fatalf("uses: %+v %v", u, err)
	}
	if len(agItems(t, s)) == 0 || agItems(t, s)[item.Position-1].ID != item.ID {
		t.Fatal("refused delete removed the item")
	}
}
