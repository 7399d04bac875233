package store

import (
	"context"
	"fmt"
	"time"
)

// Seen is what a station showed when the moderator moved the run: the item
// running (0: none) and the turn running (0: none). The moves that carry it
// refuse to act on anything else.
type Seen struct{ Item, Turn int64 }

// ItemChangedError refuses AdvanceFrom and BackFrom when the running item
// is not the one the station saw (another station, or a repeated key,
// moved the run), or when it started less than the grace ago. Item is the
// item running now (zero when none), Elapsed how long it has run: since a
// b reopened it when one did (Reopened, zero otherwise), since its start
// otherwise.
type ItemChangedError struct {
	Item     AgendaItem
	Elapsed  time.Duration
	Reopened time.Time
}

func (e *ItemChangedError) Error() string {
	if e.Item.ID == 0 {
		return "no item is running now"
	}
	return fmt.Sprintf("item %d. %s is running now (since %s)", e.Item.Position, e.Item.Title, e.Elapsed.Truncate(time.Second))
}

// checkItemSeen refuses (*ItemChangedError) unless the item running is
// seen and has run for at least grace.
func (t *Tx) checkItemSeen(ctx context.Context, seen int64, grace time.Duration) error {
	run, ok, err := t.runningItem(ctx)
	if err != nil {
		return err
	}
	if !ok {
		if seen == 0 {
			return nil
		}
		return &ItemChangedError{}
	}
	// an item a b reopened has just started again: a second terminal's
	// n a moment after that b must not end it unasked
	since, reopened := run.StartedAt, time.Time{}
	m, err := t.memo(ctx, run.ID)
	if err != nil {
		return err
	}
	if !m.priorEnd.IsZero() && m.backedAt.After(since) {
		since, reopened = m.backedAt, m.backedAt
	}
	if d := t.now.Sub(since); run.ID != seen || d < grace {
		return &ItemChangedError{Item: run, Elapsed: max(d, 0), Reopened: reopened}
	}
	return nil
}

// checkTurnSeen refuses (*TurnRunningError) a running turn other than
// seen; without cutTurn it refuses any running turn. The turn the station
// asked about may have ended meanwhile: nobody is cut off then.
func (t *Tx) checkTurnSeen(ctx context.Context, seen int64, cutTurn bool) error {
	err := t.refuseTurn(ctx)
	if running, ok := err.(*TurnRunningError); ok && cutTurn && running.Speaker.ID == seen {
		return nil
	}
	return err
}

func (t *Tx) checkSeenRun(ctx context.Context, seen Seen, grace time.Duration, cutTurn bool) error {
	if err := t.checkItemSeen(ctx, seen.Item, grace); err != nil {
		return err
	}
	return t.checkTurnSeen(ctx, seen.Turn, cutTurn)
}

// AdvanceFrom is Advance for a station that saw seen: it refuses with an
// *ItemChangedError when another item runs than seen.Item, or when the
// running item started less than grace ago (a second n in a burst, or at
// another station, must not end the item the first one started); and with
// a *TurnRunningError when a turn runs, unless cutTurn and it is seen.Turn
// (the moderator was asked about that speaker). All checked in the same
// transaction as the move.
func (s *Store) AdvanceFrom(ctx context.Context, seen Seen, grace time.Duration, cutTurn bool) (AgendaItem, error) {
	return s.advance(ctx, func(t *Tx) error { return t.checkSeenRun(ctx, seen, grace, cutTurn) })
}

// BackFrom is Back with the checks of AdvanceFrom.
func (s *Store) BackFrom(ctx context.Context, seen Seen, grace time.Duration, cutTurn bool) (AgendaItem, error) {
	return s.back(ctx, func(t *Tx) error { return t.checkSeenRun(ctx, seen, grace, cutTurn) })
}

// quietSince reports whether nothing happened in item since at: no turn of
// its queue started and no question was recorded under it or its speakers.
// A b then n over such a stretch is a slip undone; otherwise the item ran.
func (t *Tx) quietSince(ctx context.Context, item int64, at time.Time) (bool, error) {
	var n int
	err := t.queryRow(ctx, `SELECT
		(SELECT count(*) FROM speakers WHERE item_id = ? AND started_at >= ?) +
		(SELECT count(*) FROM audit a JOIN questions q ON q.id = a.entity_id
			WHERE a.entity = 'question' AND a.action = 'create' AND a.at >= ?
			AND (q.item_id = ? OR q.speaker_id IN (SELECT id FROM speakers WHERE item_id = ?)))`,
		item, ms(at), ms(at), item, item).Scan(&n)
	return n == 0, mapErr(err)
}
