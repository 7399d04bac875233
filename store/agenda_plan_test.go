package store_test

import (
	"testing"
	"time"

	"doithoai/store"
)

func TestClockLevel(t *testing.T) {
	m := time.Minute
	for _, c := range []struct {
		elapsed, planned time.Duration
		want             store.Level
	}{
		{0, 10 * m, store.LevelOK},
		{7*m + 59*time.Second, 10 * m, store.LevelOK},
		{8 * m, 10 * m, store.LevelWarn},
		{10 * m, 10 * m, store.LevelWarn},
		{10*m + time.Second, 10 * m, store.LevelOver},
		{5 * m, 0, store.LevelNone},
	} {
		if got := store.ClockLevel(c.elapsed, c.planned); got != c.want {
			t.Errorf("ClockLevel(%v, %v) = %v, want %v", c.elapsed, c.planned, got, c.want)
		}
	}
}

func TestPlan(t *testing.T) {
	start := time.Date(2023, 10, 18, 7, 30, 0, 0, time.UTC)
	at := func(min int) time.Time { return start.Add(time.Duration(min) * time.Minute) }
	// three items of 10, 20, 30 minutes: planned end 08:30
	items := func(f func([]store.AgendaItem)) []store.AgendaItem {
		a := []store.AgendaItem{{ID: 1, PlannedMinutes: 10}, {ID: 2, PlannedMinutes: 20}, {ID: 3, PlannedMinutes: 30}}
		if f != nil {
			f(a)
		}
		return a
	}
	for _, c := range []struct {
		name      string
		items     []store.AgendaItem
		start     time.Time
		now       time.Time
		projected time.Time
		drift     int // minutes, + behind
		current   int
		next      int
		level     store.Level
		remaining time.Duration
	}{
		{name: "before start", items: items(nil), start: start, now: at(-20), projected: at(60), drift: 0, current: -1, next: 0},
		{name: "late start", items: items(nil), start: start, now: at(7), projected: at(67), drift: 7, current: -1, next: 0},
		{name: "on time, first running", items: items(func(a []store.AgendaItem) { a[0].StartedAt = at(0) }),
			start: start, now: at(4), projected: at(60), drift: 0, current: 0, next: 1, level: store.LevelOK, remaining: 6 * time.Minute},
		{name: "amber at 80%", items: items(func(a []store.AgendaItem) { a[0].StartedAt = at(0) }),
			start: start, now: at(8), projected: at(60), drift: 0, current: 0, next: 1, level: store.LevelWarn, remaining: 2 * time.Minute},
		{name: "running over", items: items(func(a []store.AgendaItem) { a[0].StartedAt = at(0) }),
			start: start, now: at(13), projected: at(63), drift: 3, current: 0, next: 1, level: store.LevelOver, remaining: -3 * time.Minute},
		{name: "first short, second running", items: items(func(a []store.AgendaItem) {
			a[0].StartedAt, a[0].EndedAt, a[1].StartedAt = at(0), at(6), at(6)
		}), start: start, now: at(10), projected: at(56), drift: -4, current: 1, next: 2, level: store.LevelOK, remaining: 16 * time.Minute},
		{name: "skipped item gains time", items: items(func(a []store.AgendaItem) {
			a[0].StartedAt, a[0].EndedAt, a[1].Skipped, a[2].StartedAt = at(0), at(10), true, at(10)
		}), start: start, now: at(11), projected: at(40), drift: -20, current: 2, next: -1, level: store.LevelOK, remaining: 29 * time.Minute},
		{name: "finished late", items: items(func(a []store.AgendaItem) {
			a[0].StartedAt, a[0].EndedAt = at(0), at(15)
			a[1].StartedAt, a[1].EndedAt = at(15), at(40)
			a[2].StartedAt, a[2].EndedAt = at(40), at(72)
		}), start: start, now: at(90), projected: at(72), drift: 12, current: -1, next: -1},
		{name: "rounding half a minute", items: items(func(a []store.AgendaItem) { a[0].StartedAt = at(0) }),
			start: start, now: at(10).Add(30 * time.Second), projected: at(60).Add(30 * time.Second), drift: 1, current: 0, next: 1,
			level: store.LevelOver, remaining: -30 * time.Second},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := store.NewPlan(c.items, c.start, c.now)
			if !p.ProjectedEnd.Equal(c.projected) {
				t.Errorf("projected end %s, want %s", p.ProjectedEnd.Format("15:04:05"), c.projected.Format("15:04:05"))
			}
			if !p.HasDrift || p.DriftMinutes() != c.drift {
				t.Errorf("drift %d (%v), want %d", p.DriftMinutes(), p.HasDrift, c.drift)
			}
			if p.Current != c.current || p.Next != c.next {
				t.Errorf("current %d next %d, want %d %d", p.Current, p.Next, c.current, c.next)
			}
			if p.Level != c.level || (c.current >= 0 && p.Remaining != c.remaining) {
				t.Errorf("level %v remaining %v, want %v %v", p.Level, p.Remaining, c.level, c.remaining)
			}
			if !p.PlannedStart[2].Equal(at(30)) || !p.PlannedEnd.Equal(at(60)) {
				t.Errorf("planned start of 3rd %v, end %v", p.PlannedStart[2], p.PlannedEnd)
			}
		})
	}
}

func TestPlanWithoutStart(t *testing.T) {
	now := time.Date(2023, 10, 18, 9, 0, 0, 0, time.UTC)
	p := store.NewPlan([]store.AgendaItem{{PlannedMinutes: 10}, {PlannedMinutes: 5}}, time.Time{}, now)
	if p.HasDrift || !p.PlannedStart[0].IsZero() || !p.ProjectedEnd.Equal(now.Add(15*time.Minute)) {
		t.Fatalf("plan without start: %+v", p)
	}
	if p.Finished || p.Started || p.State[0] != store.StateNext || p.State[1] != store.StatePending {
		t.Fatalf("states: %+v", p)
	}
	empty := store.NewPlan(nil, time.Time{}, now)
	if empty.Current != -1 || empty.Next != -1 || empty.Finished {
		t.Fatalf("empty plan: %+v", empty)
	}
}

func TestPlanStartMovesToTheDay(t *testing.T) {
	m := store.Meeting{Date: "2023-10-18", StartTime: "07:30"}
	loc := time.UTC
	planned := time.Date(2023, 10, 18, 7, 30, 0, 0, loc)
	other := time.Date(2026, 11, 26, 3, 0, 0, 0, loc)
	for _, c := range []struct {
		name  string
		items []store.AgendaItem
		now   time.Time
		want  time.Time
	}{
		{"on the day", nil, planned.Add(time.Hour), planned},
		{"rehearsal before start", nil, other, time.Date(2026, 11, 26, 7, 30, 0, 0, loc)},
		{"started on another day", []store.AgendaItem{{StartedAt: other.Add(5 * time.Hour)}, {}}, other.Add(30 * time.Hour),
			time.Date(2026, 11, 26, 7, 30, 0, 0, loc)},
		{"no start time", nil, other, time.Time{}},
	} {
		mt := m
		if c.name == "no start time" {
			mt.StartTime = ""
		}
		if got := store.PlanStart(mt, c.items, c.now); !got.Equal(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
