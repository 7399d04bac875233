package store

import "time"

// Level is how a clock stands against its planned time.
type Level int

const (
	LevelNone Level = iota // no clock running, or nothing planned
	LevelOK                // under 80 % of the planned time
	LevelWarn              // at 80 % or more: amber
	LevelOver              // past the planned time: red
)

// ClockLevel grades elapsed against planned: amber from 80 %, red past
// 100 %. Nothing planned (0) has no level.
func ClockLevel(elapsed, planned time.Duration) Level {
	switch {
	case planned <= 0:
		return LevelNone
	case elapsed > planned:
		return LevelOver
	case elapsed*5 >= planned*4:
		return LevelWarn
	}
	return LevelOK
}

// ItemState is where an item stands in the run.
type ItemState int

const (
	StatePending ItemState = iota
	StateNext              // the one Advance starts
	StateCurrent
	StateDone
	StateSkipped
)

// Plan is the clock maths of the run-sheet at one instant. It is pure:
// computed from the items, the meeting's planned start and now.
type Plan struct {
	// PlannedStart of each item (same index as the items): the meeting's
	// start plus the planned minutes of every item before it, skipped
	// items included (the plan is the plan). Zero when the meeting has no
	// start time.
	PlannedStart []time.Time
	State        []ItemState
	PlannedEnd   time.Time // zero without a start time
	Current      int       // index of the running item, -1 if none
	Next         int       // index of the item Advance starts, -1 if none
	Started      bool      // some item has started
	Finished     bool      // started, nothing running, nothing left
	// Elapsed and Remaining of the running item (Remaining < 0 when over).
	Elapsed, Remaining time.Duration
	Level              Level
	// ProjectedEnd assumes every item still to come takes its planned
	// minutes and the running one at least its planned minutes.
	ProjectedEnd time.Time
	// Drift is ProjectedEnd - PlannedEnd: > 0 behind plan, < 0 ahead.
	// Valid only when HasDrift.
	Drift    time.Duration
	HasDrift bool
}

func minutes(n int) time.Duration { return time.Duration(n) * time.Minute }

// NewPlan computes the plan of items (in run order) for a meeting planned
// to start at start (zero if unknown) at instant now.
func NewPlan(items []AgendaItem, start, now time.Time) Plan {
	p := Plan{PlannedStart: make([]time.Time, len(items)), State: make([]ItemState, len(items)), Current: -1, Next: -1}
	at := start
	for i, a := range items {
		if !start.IsZero() {
			p.PlannedStart[i] = at
			at = at.Add(minutes(a.PlannedMinutes))
		}
		switch {
		case a.Running():
			p.State[i] = StateCurrent
			if p.Current < 0 {
				p.Current = i
			}
		case !a.EndedAt.IsZero():
			p.State[i] = StateDone
		case a.Skipped:
			p.State[i] = StateSkipped
		default:
			if p.Next < 0 {
				p.Next = i
				p.State[i] = StateNext
			}
		}
		if !a.StartedAt.IsZero() {
			p.Started = true
		}
	}
	if !start.IsZero() {
		p.PlannedEnd = at
	}
	p.Finished = p.Started && p.Current < 0 && p.Next < 0

	// Where the run stands now: the end of the running item (at least its
	// plan), or now, or the planned start if the meeting has not begun.
	var cursor time.Time
	var lastEnd time.Time
	for _, a := range items {
		if a.EndedAt.After(lastEnd) {
			lastEnd = a.EndedAt
		}
	}
	switch {
	case p.Current >= 0:
		a := items[p.Current]
		planned := minutes(a.PlannedMinutes)
		p.Elapsed = now.Sub(a.StartedAt)
		p.Remaining = planned - p.Elapsed
		p.Level = ClockLevel(p.Elapsed, planned)
		cursor = a.StartedAt.Add(planned)
		if now.After(cursor) {
			cursor = now
		}
	case p.Finished:
		cursor = lastEnd
	case !p.Started && !start.IsZero() && now.Before(start):
		cursor = start
	default:
		cursor = now
	}
	for _, a := range items {
		if a.StartedAt.IsZero() && !a.Skipped {
			cursor = cursor.Add(minutes(a.PlannedMinutes))
		}
	}
	p.ProjectedEnd = cursor
	if !p.PlannedEnd.IsZero() {
		p.Drift = p.ProjectedEnd.Sub(p.PlannedEnd)
		p.HasDrift = true
	}
	return p
}

// DriftMinutes rounds the drift to whole minutes (half away from zero), as
// the MC reads it out.
func (p Plan) DriftMinutes() int {
	d := p.Drift
	if d < 0 {
		return -int((-d + 30*time.Second) / time.Minute)
	}
	return int((d + 30*time.Second) / time.Minute)
}

// PlanStart is the planned start the clocks measure against: the meeting's
// date and start time, moved to the day the meeting actually started (or,
// before it starts, to today) when that is another day, so that a
// rehearsal or a postponed meeting does not show a drift of days.
func PlanStart(m Meeting, items []AgendaItem, now time.Time) time.Time {
	loc := now.Location()
	base := m.Start(loc)
	if base.IsZero() {
		return base
	}
	ref, started := now, false
	for _, a := range items {
		if !a.StartedAt.IsZero() && (!started || a.StartedAt.Before(ref)) {
			ref, started = a.StartedAt, true
		}
	}
	ref = ref.In(loc)
	y, mo, d := ref.Date()
	if by, bm, bd := base.Date(); by == y && bm == mo && bd == d {
		return base
	}
	return time.Date(y, mo, d, base.Hour(), base.Minute(), 0, 0, loc)
}
