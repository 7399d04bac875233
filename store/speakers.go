package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Speaker is an entry in the speaker queue of a dialogue item. A delegate
// from the list has DelegateID; a name typed free has only Name.
type Speaker struct {
	ID           int64     `json:"id"`
	ItemID       int64     `json:"item_id"`
	Position     int       `json:"position"`
	DelegateID   int64     `json:"delegate_id,omitempty"`
	Name         string    `json:"name"`
	UnitName     string    `json:"unit,omitempty"`
	LimitSeconds int       `json:"limit_seconds"`
	StartedAt    time.Time `json:"started_at,omitzero"`
	EndedAt      time.Time `json:"ended_at,omitzero"`
	Removed      bool      `json:"removed,omitempty"`
}

// Speaking reports whether the turn is running.
func (sp Speaker) Speaking() bool { return !sp.StartedAt.IsZero() && sp.EndedAt.IsZero() }

const speakerCols = `id, item_id, position, coalesce(delegate_id,0), name, unit_name, limit_seconds, started_at, ended_at, removed`

func scanSpeaker(r scanner) (Speaker, error) {
	var sp Speaker
	var st, en sql.NullInt64
	err := r.Scan(&sp.ID, &sp.ItemID, &sp.Position, &sp.DelegateID, &sp.Name, &sp.UnitName, &sp.LimitSeconds, &st, &en, &sp.Removed)
	sp.StartedAt, sp.EndedAt = fromMS(st), fromMS(en)
	return sp, err
}

// Speakers lists the queue of an item (0 = all items) in order, removed
// entries excluded.
func (s *Store) Speakers(ctx context.Context, itemID int64) ([]Speaker, error) {
	q := `SELECT ` + speakerCols + ` FROM speakers WHERE removed = 0`
	var args []any
	if itemID != 0 {
		q += ` AND item_id = ?`
		args = append(args, itemID)
	}
	return queryAll(ctx, s.read(), scanSpeaker, q+` ORDER BY item_id, position, id`, args...)
}

// CurrentSpeaker is the speaker whose turn is running, if any.
func (s *Store) CurrentSpeaker(ctx context.Context) (Speaker, bool, error) {
	sp, err := scanSpeaker(s.read().QueryRowContext(ctx, `SELECT `+speakerCols+` FROM speakers
		WHERE removed = 0 AND started_at IS NOT NULL AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1`))
	if err == sql.ErrNoRows {
		return Speaker{}, false, nil
	}
	return sp, err == nil, mapErr(err)
}

func (t *Tx) readSpeaker(ctx context.Context, id int64) (Speaker, error) {
	sp, err := scanSpeaker(t.queryRow(ctx, `SELECT `+speakerCols+` FROM speakers WHERE id = ?`, id))
	return sp, notFound(err)
}

// AddSpeaker appends a speaker to the queue of item. With DelegateID set the
// name and unit are taken from the delegate; LimitSeconds 0 takes the
// meeting's turn length.
func (s *Store) AddSpeaker(ctx context.Context, sp Speaker) (int64, error) {
	var id int64
	err := s.write(ctx, PermAgenda, func(t *Tx) error {
		if sp.DelegateID != 0 {
			d, err := t.readDelegate(ctx, sp.DelegateID)
			if err != nil {
				return err
			}
			// waiting or speaking already: a second entry would be called
			// twice (after their turn they may queue again)
			var n int
			if err := t.queryRow(ctx, `SELECT count(*) FROM speakers WHERE item_id = ? AND delegate_id = ? AND removed = 0 AND ended_at IS NULL`,
				sp.ItemID, sp.DelegateID).Scan(&n); err != nil {
				return mapErr(err)
			}
			if n > 0 {
				return fmt.Errorf("%w: %s is already in the queue", ErrDuplicate, d.FullName)
			}
			sp.Name, sp.UnitName = d.FullName, d.UnitName
		}
		var err error
		if sp.Name, err = clean("name", sp.Name, true, MaxName); err != nil {
			return err
		}
		if sp.UnitName, err = clean("unit", sp.UnitName, false, MaxName); err != nil {
			return err
		}
		if sp.LimitSeconds <= 0 {
			if err := t.queryRow(ctx, `SELECT coalesce((SELECT turn_seconds FROM meeting WHERE id = 1), 180)`).Scan(&sp.LimitSeconds); err != nil {
				return mapErr(err)
			}
		}
		if err := t.queryRow(ctx, `SELECT coalesce(max(position),0)+1 FROM speakers WHERE item_id = ?`, sp.ItemID).Scan(&sp.Position); err != nil {
			return mapErr(err)
		}
		r, err := t.exec(ctx, `INSERT INTO speakers(item_id, position, delegate_id, name, unit_name, limit_seconds) VALUES (?,?,?,?,?,?)`,
			sp.ItemID, sp.Position, nullID(sp.DelegateID), sp.Name, sp.UnitName, sp.LimitSeconds)
		if err != nil {
			return err
		}
		id, _ = r.LastInsertId()
		sp.ID = id
		return t.audit(ctx, "create", "speaker", id, nil, sp)
	})
	return id, err
}

// Duration is how long the turn ran (up to now while it runs).
func (sp Speaker) Duration(now time.Time) time.Duration {
	switch {
	case sp.StartedAt.IsZero():
		return 0
	case sp.EndedAt.IsZero():
		return now.Sub(sp.StartedAt)
	}
	return sp.EndedAt.Sub(sp.StartedAt)
}

// Waiting reports whether the speaker has not been called yet.
func (sp Speaker) Waiting() bool { return sp.StartedAt.IsZero() && !sp.Removed }

// ErrQueueEmpty is returned by CallNext when nobody is waiting.
var ErrQueueEmpty = fmt.Errorf("%w: nobody is waiting to speak", ErrNotFound)

// ErrNoTurn is returned by EndTurn when no turn is running.
var ErrNoTurn = fmt.Errorf("%w: no turn is running", ErrNotFound)

func (t *Tx) speakersOf(ctx context.Context, itemID int64, withRemoved bool) ([]Speaker, error) {
	q := `SELECT ` + speakerCols + ` FROM speakers WHERE item_id = ?`
	if !withRemoved {
		q += ` AND removed = 0`
	}
	return queryAll(ctx, t.tx, scanSpeaker, q+` ORDER BY position, id`, itemID)
}

// endTurns ends every running turn now, audited, so that at most one turn
// runs at a time and CurrentSpeaker stays the one actually speaking.
func (t *Tx) endTurns(ctx context.Context) error {
	rows, err := t.tx.QueryContext(ctx, `SELECT `+speakerCols+` FROM speakers WHERE started_at IS NOT NULL AND ended_at IS NULL`)
	if err != nil {
		return mapErr(err)
	}
	var running []Speaker
	for rows.Next() {
		sp, err := scanSpeaker(rows)
		if err != nil {
			rows.Close()
			return err
		}
		running = append(running, sp)
	}
	rows.Close()
	for _, sp := range running {
		if _, err := t.exec(ctx, `UPDATE speakers SET ended_at = ? WHERE id = ?`, ms(t.now), sp.ID); err != nil {
			return err
		}
		nw := sp
		nw.EndedAt = t.now
		if err := t.audit(ctx, "end_turn", "speaker", sp.ID, sp, nw); err != nil {
			return err
		}
	}
	return nil
}

// TurnGrace is how long a turn that has just started is kept from being
// ended by a repeated key: the *After calls refuse to end it sooner.
const TurnGrace = 2 * time.Second

// MinTurnSeconds is the shortest time limit a turn can be cut down to.
const MinTurnSeconds = 30

// ErrTurnMinimum refuses ExtendTurn below MinTurnSeconds.
var ErrTurnMinimum = fmt.Errorf("%w: a turn lasts at least %d seconds", ErrInvalid, MinTurnSeconds)

// TurnChangedError refuses to end a turn the caller did not see running (it
// started at another station, or from a repeated key a moment ago), or one
// that started less than the grace ago. Speaker is the one speaking now,
// Elapsed how long they have spoken.
type TurnChangedError struct {
	Speaker Speaker
	Elapsed time.Duration
}

func (e *TurnChangedError) Error() string {
	return fmt.Sprintf("%s is speaking now (%s)", e.Speaker.Name, e.Elapsed.Truncate(time.Second))
}

// checkSeen refuses (*TurnChangedError) when a turn runs that is not seen,
// or that started less than grace ago. No turn running passes: nobody is
// cut off.
func (t *Tx) checkSeen(ctx context.Context, seen int64, grace time.Duration) error {
	sp, err := scanSpeaker(t.queryRow(ctx, `SELECT `+speakerCols+` FROM speakers
		WHERE started_at IS NOT NULL AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1`))
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return mapErr(err)
	}
	if d := t.now.Sub(sp.StartedAt); sp.ID != seen || d < grace {
		return &TurnChangedError{Speaker: sp, Elapsed: max(d, 0)}
	}
	return nil
}

// CallSpeaker ends the running turn, if any, and starts speaker id's turn,
// in one transaction. A speaker who has already spoken cannot be called
// again (add them anew).
func (s *Store) CallSpeaker(ctx context.Context, id int64) (Speaker, error) {
	return s.callSpeaker(ctx, id, nil)
}

// CallSpeakerAfter is CallSpeaker for a screen that saw turn seen running
// (0: none): it refuses with a *TurnChangedError to end any other turn, or
// one younger than grace, checked in the same transaction as the call.
// It also refuses (ErrItemNotRunning) to call a speaker whose item is not
// the running item.
func (s *Store) CallSpeakerAfter(ctx context.Context, id, seen int64, grace time.Duration) (Speaker, error) {
	return s.callSpeaker(ctx, id, func(t *Tx, sp Speaker) error {
		if err := t.checkItemRuns(ctx, sp.ItemID); err != nil {
			return err
		}
		return t.checkSeen(ctx, seen, grace)
	})
}

// ErrItemNotRunning refuses calling a speaker of an item that is not
// running: before it starts, in a break after going back, or after the end,
// a turn would run with no item on the projector.
var ErrItemNotRunning = fmt.Errorf("%w: the speaker's item is not running", ErrInvalid)

func (t *Tx) checkItemRuns(ctx context.Context, item int64) error {
	a, err := t.readItem(ctx, item)
	if err != nil {
		return err
	}
	if !a.Running() {
		return ErrItemNotRunning
	}
	return nil
}

func (s *Store) callSpeaker(ctx context.Context, id int64, check func(*Tx, Speaker) error) (Speaker, error) {
	var out Speaker
	err := s.write(ctx, PermAgenda, func(t *Tx) error {
		sp, err := t.readSpeaker(ctx, id)
		if err != nil {
			return err
		}
		if sp.Removed || !sp.StartedAt.IsZero() {
			return invalid("speaker", "already spoke or removed")
		}
		if check != nil {
			if err := check(t, sp); err != nil {
				return err
			}
		}
		out, err = t.startTurn(ctx, sp)
		return err
	})
	return out, err
}

func (t *Tx) startTurn(ctx context.Context, sp Speaker) (Speaker, error) {
	if err := t.endTurns(ctx); err != nil {
		return sp, err
	}
	if _, err := t.exec(ctx, `UPDATE speakers SET started_at = ? WHERE id = ?`, ms(t.now), sp.ID); err != nil {
		return sp, err
	}
	nw := sp
	nw.StartedAt = t.now
	return nw, t.audit(ctx, "start_turn", "speaker", sp.ID, sp, nw)
}

// CallNext ends the running turn and starts the turn of the first speaker
// waiting in item's queue, in one transaction. With nobody waiting it
// changes nothing and returns ErrQueueEmpty.
func (s *Store) CallNext(ctx context.Context, itemID int64) (Speaker, error) {
	return s.callNext(ctx, itemID, nil, false)
}

// CallNextAfter is CallNext for a screen that saw turn seen running (0:
// none). It refuses with a *TurnChangedError, in the same transaction, to
// end another turn (a second c, here or at another station, must not use
// up the turn the first one started) or one younger than grace; and with
// ErrItemNotRunning when item is not the running item.
func (s *Store) CallNextAfter(ctx context.Context, itemID, seen int64, grace time.Duration) (Speaker, error) {
	return s.callNext(ctx, itemID, func(t *Tx) error { return t.checkSeen(ctx, seen, grace) }, true)
}

func (s *Store) callNext(ctx context.Context, itemID int64, check func(*Tx) error, running bool) (Speaker, error) {
	var out Speaker
	err := s.write(ctx, PermAgenda, func(t *Tx) error {
		if running {
			if err := t.checkItemRuns(ctx, itemID); err != nil {
				return err
			}
		}
		sp, err := scanSpeaker(t.queryRow(ctx, `SELECT `+speakerCols+` FROM speakers
			WHERE item_id = ? AND removed = 0 AND started_at IS NULL ORDER BY position, id LIMIT 1`, itemID))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrQueueEmpty
		}
		if err != nil {
			return mapErr(err)
		}
		if check != nil {
			if err := check(t); err != nil {
				return err
			}
		}
		out, err = t.startTurn(ctx, sp)
		return err
	})
	return out, err
}

// EndTurn ends the running turn.
func (s *Store) EndTurn(ctx context.Context) error { return s.endTurn(ctx, nil) }

// EndTurnOf ends turn seen, the one the screen saw running; another turn,
// or one younger than grace, is refused with a *TurnChangedError.
func (s *Store) EndTurnOf(ctx context.Context, seen int64, grace time.Duration) error {
	return s.endTurn(ctx, func(t *Tx) error { return t.checkSeen(ctx, seen, grace) })
}

func (s *Store) endTurn(ctx context.Context, check func(*Tx) error) error {
	return s.write(ctx, PermAgenda, func(t *Tx) error {
		var n int
		if err := t.queryRow(ctx, `SELECT count(*) FROM speakers WHERE started_at IS NOT NULL AND ended_at IS NULL`).Scan(&n); err != nil {
			return mapErr(err)
		}
		if n == 0 {
			return ErrNoTurn
		}
		if check != nil {
			if err := check(t); err != nil {
				return err
			}
		}
		return t.endTurns(ctx)
	})
}

// ExtendTurn changes the time limit of a speaker's turn (running or still
// waiting) by seconds. The limit goes no lower than MinTurnSeconds: a cut
// that would is clamped there, and one from the minimum is refused
// (ErrTurnMinimum). A turn that has ended keeps its limit (ErrNoTurn).
func (s *Store) ExtendTurn(ctx context.Context, id int64, seconds int) error {
	return s.write(ctx, PermAgenda, func(t *Tx) error {
		sp, err := t.readSpeaker(ctx, id)
		if err != nil {
			return err
		}
		if !sp.EndedAt.IsZero() {
			return ErrNoTurn
		}
		nw := sp
		nw.LimitSeconds = sp.LimitSeconds + seconds
		if nw.LimitSeconds < MinTurnSeconds {
			if sp.LimitSeconds <= MinTurnSeconds {
				return ErrTurnMinimum
			}
			nw.LimitSeconds = MinTurnSeconds
		}
		if nw.LimitSeconds == sp.LimitSeconds {
			return nil
		}
		if _, err := t.exec(ctx, `UPDATE speakers SET limit_seconds = ? WHERE id = ?`, nw.LimitSeconds, id); err != nil {
			return err
		}
		return t.audit(ctx, "update", "speaker", id, sp, nw)
	})
}

// RemoveSpeaker takes a waiting speaker off the queue (kept, marked
// removed). A speaker who is speaking or has spoken stays: the turn is part
// of the record.
func (s *Store) RemoveSpeaker(ctx context.Context, id int64) error {
	return s.write(ctx, PermAgenda, func(t *Tx) error {
		sp, err := t.readSpeaker(ctx, id)
		if err != nil {
			return err
		}
		if sp.Removed {
			return nil
		}
		if !sp.StartedAt.IsZero() {
			return invalid("speaker", "already spoke")
		}
		if _, err := t.exec(ctx, `UPDATE speakers SET removed = 1 WHERE id = ?`, id); err != nil {
			return err
		}
		nw := sp
		nw.Removed = true
		return t.audit(ctx, "remove", "speaker", id, sp, nw)
	})
}

// ErrSpeakerStarted refuses moving a speaker who is speaking or has spoken:
// the queue keeps the turns in the order they ran.
var ErrSpeakerStarted = fmt.Errorf("%w: the speaker has been called", ErrInvalid)

// MoveSpeaker moves a waiting speaker by delta places among the waiting
// speakers of its item (clamped there); the places of those who have
// spoken or are speaking do not change. A speaker who has been called is
// refused (ErrSpeakerStarted).
func (s *Store) MoveSpeaker(ctx context.Context, id int64, delta int) error {
	return s.write(ctx, PermAgenda, func(t *Tx) error {
		sp, err := t.readSpeaker(ctx, id)
		if err != nil {
			return err
		}
		if sp.Removed {
			return ErrNotFound
		}
		if !sp.StartedAt.IsZero() {
			return ErrSpeakerStarted
		}
		all, err := t.speakersOf(ctx, sp.ItemID, false)
		if err != nil {
			return err
		}
		var waiting []Speaker
		from := -1
		for _, x := range all {
			if x.StartedAt.IsZero() {
				if x.ID == id {
					from = len(waiting)
				}
				waiting = append(waiting, x)
			}
		}
		to := min(max(from+delta, 0), len(waiting)-1)
		if from < 0 || to == from {
			return nil
		}
		// the waiting keep the places they hold between them, in a new order
		places := make([]int, len(waiting))
		for i, x := range waiting {
			places[i] = x.Position
		}
		moved := waiting[from]
		waiting = append(waiting[:from], waiting[from+1:]...)
		waiting = append(waiting[:to], append([]Speaker{moved}, waiting[to:]...)...)
		for i, x := range waiting {
			if x.Position == places[i] {
				continue
			}
			if _, err := t.exec(ctx, `UPDATE speakers SET position = ? WHERE id = ?`, places[i], x.ID); err != nil {
				return err
			}
		}
		type pos struct {
			Position int `json:"position"`
		}
		return t.audit(ctx, "move", "speaker", id, pos{sp.Position}, pos{places[to]})
	})
}
