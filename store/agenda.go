package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// AgendaItem is one item of the run-sheet. StartedAt/EndedAt are the actual
// times; Skipped marks an item passed over.
type AgendaItem struct {
	ID             int64     `json:"id"`
	Position       int       `json:"position"`
	Kind           ItemKind  `json:"kind"`
	Title          string    `json:"title"`
	Presenter      string    `json:"presenter,omitempty"`
	PlannedMinutes int       `json:"minutes"`
	StartedAt      time.Time `json:"started_at,omitzero"`
	EndedAt        time.Time `json:"ended_at,omitzero"`
	Skipped        bool      `json:"skipped,omitempty"`
}

// Running reports whether the item has started and not ended.
func (a AgendaItem) Running() bool { return !a.StartedAt.IsZero() && a.EndedAt.IsZero() }

// Done reports whether the item has ended or was skipped.
func (a AgendaItem) Done() bool { return !a.EndedAt.IsZero() || a.Skipped }

func validItemKind(k ItemKind) bool {
	for _, x := range ItemKinds {
		if x == k {
			return true
		}
	}
	return false
}

const itemCols = `id, position, kind, title, presenter, planned_minutes, started_at, ended_at, skipped`

func scanItem(r scanner) (AgendaItem, error) {
	var a AgendaItem
	var st, en sql.NullInt64
	err := r.Scan(&a.ID, &a.Position, &a.Kind, &a.Title, &a.Presenter, &a.PlannedMinutes, &st, &en, &a.Skipped)
	a.StartedAt, a.EndedAt = fromMS(st), fromMS(en)
	return a, err
}

const agendaQuery = `SELECT ` + itemCols + ` FROM agenda_items ORDER BY position, id`

// Agenda lists the items in order.
func (s *Store) Agenda(ctx context.Context) ([]AgendaItem, error) {
	return queryAll(ctx, s.read(), scanItem, agendaQuery)
}

func (t *Tx) readItem(ctx context.Context, id int64) (AgendaItem, error) {
	a, err := scanItem(t.queryRow(ctx, `SELECT `+itemCols+` FROM agenda_items WHERE id = ?`, id))
	return a, notFound(err)
}

// SaveItem creates (ID 0, appended at the end unless Position is set) or
// updates an item's kind, title, presenter and planned minutes.
func (s *Store) SaveItem(ctx context.Context, a AgendaItem) (int64, error) {
	var id int64
	err := s.write(ctx, PermAgenda, func(t *Tx) error {
		var err error
		id, err = t.saveItem(ctx, a)
		return err
	})
	return id, err
}

func (t *Tx) saveItem(ctx context.Context, a AgendaItem) (int64, error) {
	var err error
	if a.Title, err = clean("title", a.Title, true, MaxName*2); err != nil {
		return 0, err
	}
	if a.Presenter, err = clean("presenter", a.Presenter, false, MaxName); err != nil {
		return 0, err
	}
	if !validItemKind(a.Kind) {
		return 0, invalid("kind", "unknown item kind")
	}
	if a.PlannedMinutes < 0 || a.PlannedMinutes > 24*60 {
		return 0, invalid("minutes", "out of range")
	}
	if a.ID == 0 {
		if a.Position == 0 {
			if err := t.queryRow(ctx, `SELECT coalesce(max(position),0)+1 FROM agenda_items`).Scan(&a.Position); err != nil {
				return 0, mapErr(err)
			}
		} else if _, err := t.exec(ctx, `UPDATE agenda_items SET position = position + 1 WHERE position >= ?`, a.Position); err != nil {
			return 0, err
		}
		r, err := t.exec(ctx, `INSERT INTO agenda_items(position, kind, title, presenter, planned_minutes) VALUES (?,?,?,?,?)`,
			a.Position, a.Kind, a.Title, a.Presenter, a.PlannedMinutes)
		if err != nil {
			return 0, err
		}
		a.ID, _ = r.LastInsertId()
		return a.ID, t.audit(ctx, "create", "agenda_item", a.ID, nil, a)
	}
	old, err := t.readItem(ctx, a.ID)
	if err != nil {
		return 0, err
	}
	if _, err := t.exec(ctx, `UPDATE agenda_items SET kind=?, title=?, presenter=?, planned_minutes=? WHERE id=?`,
		a.Kind, a.Title, a.Presenter, a.PlannedMinutes, a.ID); err != nil {
		return 0, err
	}
	a.Position, a.StartedAt, a.EndedAt, a.Skipped = old.Position, old.StartedAt, old.EndedAt, old.Skipped
	return a.ID, t.audit(ctx, "update", "agenda_item", a.ID, old, a)
}

// setItemTimes is the one place run state changes; every change is audited.
func (t *Tx) setItemTimes(ctx context.Context, old AgendaItem, started, ended time.Time, skipped bool) error {
	if _, err := t.exec(ctx, `UPDATE agenda_items SET started_at=?, ended_at=?, skipped=? WHERE id=?`,
		nullTime(started), nullTime(ended), skipped, old.ID); err != nil {
		return err
	}
	nw := old
	nw.StartedAt, nw.EndedAt, nw.Skipped = started, ended, skipped
	return t.audit(ctx, "update", "agenda_item", old.ID, old, nw)
}

// ErrNoNextItem is returned by Advance when every item is done or skipped.
var ErrNoNextItem = fmt.Errorf("%w: no item left to start", ErrNotFound)

// ErrNotStarted is returned by Back when nothing has run yet.
var ErrNotStarted = fmt.Errorf("%w: the meeting has not started", ErrNotFound)

// runningItem returns the item that has started and not ended, if any.
func (t *Tx) runningItem(ctx context.Context) (AgendaItem, bool, error) {
	a, err := scanItem(t.queryRow(ctx, `SELECT `+itemCols+` FROM agenda_items
		WHERE started_at IS NOT NULL AND ended_at IS NULL ORDER BY started_at DESC, position DESC LIMIT 1`))
	if errors.Is(err, sql.ErrNoRows) {
		return AgendaItem{}, false, nil
	}
	return a, err == nil, mapErr(err)
}

// Advance ends the running item (and any speaker's running turn) and starts
// the next one: the first item, by position, that has neither started nor
// been skipped. The first call starts the meeting. With nothing left to
// start it still ends the running item and returns ErrNoNextItem only when
// there was nothing to end either. It returns the item now running (zero
// when the meeting has ended).
func (s *Store) Advance(ctx context.Context) (AgendaItem, error) { return s.advance(ctx, true) }

// TurnRunningError refuses AdvanceUnlessSpeaking while Speaker's turn runs.
type TurnRunningError struct{ Speaker Speaker }

func (e *TurnRunningError) Error() string {
	return fmt.Sprintf("%s is still speaking", e.Speaker.Name)
}

// AdvanceUnlessSpeaking is Advance, refused with a *TurnRunningError while a
// speaker's turn runs. The check is made in the same transaction as the move,
// so a turn started a moment ago (or at another station) is never cut off
// without the moderator being asked.
func (s *Store) AdvanceUnlessSpeaking(ctx context.Context) (AgendaItem, error) {
	return s.advance(ctx, false)
}

func (s *Store) advance(ctx context.Context, cutTurn bool) (AgendaItem, error) {
	var cur AgendaItem
	err := s.write(ctx, PermAgenda, func(t *Tx) error {
		if !cutTurn {
			sp, err := scanSpeaker(t.queryRow(ctx, `SELECT `+speakerCols+` FROM speakers
				WHERE started_at IS NOT NULL AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1`))
			if err == nil {
				return &TurnRunningError{Speaker: sp}
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return mapErr(err)
			}
		}
		run, ok, err := t.runningItem(ctx)
		if err != nil {
			return err
		}
		next, err := scanItem(t.queryRow(ctx, `SELECT `+itemCols+` FROM agenda_items
			WHERE started_at IS NULL AND skipped = 0 ORDER BY position, id LIMIT 1`))
		hasNext := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return mapErr(err)
		}
		if !ok && !hasNext {
			return ErrNoNextItem
		}
		if ok {
			if err := t.endTurns(ctx); err != nil {
				return err
			}
			if err := t.setItemTimes(ctx, run, run.StartedAt, t.now, run.Skipped); err != nil {
				return err
			}
		}
		if hasNext {
			if err := t.setItemTimes(ctx, next, t.now, time.Time{}, false); err != nil {
				return err
			}
			cur = next
			cur.StartedAt = t.now
		}
		return nil
	})
	return cur, err
}

// Back undoes one step of Advance: the running item returns to not started
// and the item that ended last runs again (its end cleared, so its clock
// counts on from its first start). Skipped items stay skipped. It returns
// the item now running (zero when the meeting is back to not started).
func (s *Store) Back(ctx context.Context) (AgendaItem, error) {
	var cur AgendaItem
	err := s.write(ctx, PermAgenda, func(t *Tx) error {
		run, ok, err := t.runningItem(ctx)
		if err != nil {
			return err
		}
		prev, err := scanItem(t.queryRow(ctx, `SELECT `+itemCols+` FROM agenda_items
			WHERE ended_at IS NOT NULL ORDER BY ended_at DESC, position DESC LIMIT 1`))
		hasPrev := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return mapErr(err)
		}
		if !ok && !hasPrev {
			return ErrNotStarted
		}
		if ok {
			if err := t.endTurns(ctx); err != nil {
				return err
			}
			if err := t.setItemTimes(ctx, run, time.Time{}, time.Time{}, false); err != nil {
				return err
			}
		}
		if hasPrev {
			if err := t.setItemTimes(ctx, prev, prev.StartedAt, time.Time{}, false); err != nil {
				return err
			}
			cur = prev
			cur.EndedAt = time.Time{}
		}
		return nil
	})
	return cur, err
}

// SetSkipped marks an item that has not started as skipped (Advance then
// passes over it), or clears the mark.
func (s *Store) SetSkipped(ctx context.Context, id int64, skipped bool) error {
	return s.write(ctx, PermAgenda, func(t *Tx) error {
		a, err := t.readItem(ctx, id)
		if err != nil {
			return err
		}
		if !a.StartedAt.IsZero() {
			return invalid("skipped", "the item has already started")
		}
		if a.Skipped == skipped {
			return nil
		}
		return t.setItemTimes(ctx, a, time.Time{}, time.Time{}, skipped)
	})
}

// DeleteItem removes an item that is not running, with its speaker queue
// (kept in the audit row). An item the secretary has recorded questions
// under cannot be deleted (ErrInUse).
func (s *Store) DeleteItem(ctx context.Context, id int64) error {
	return s.write(ctx, PermAgenda, func(t *Tx) error {
		a, err := t.readItem(ctx, id)
		if err != nil {
			return err
		}
		if a.Running() {
			return invalid("item", "the item is running")
		}
		sps, err := t.speakersOf(ctx, id, true)
		if err != nil {
			return err
		}
		if _, err := t.exec(ctx, `DELETE FROM agenda_items WHERE id = ?`, id); err != nil {
			return err
		}
		if _, err := t.exec(ctx, `UPDATE agenda_items SET position = position - 1 WHERE position > ?`, a.Position); err != nil {
			return err
		}
		type deleted struct {
			AgendaItem
			Speakers []Speaker `json:"speakers,omitempty"`
		}
		return t.audit(ctx, "delete", "agenda_item", id, deleted{a, sps}, nil)
	})
}

// MoveItem moves an item by delta places (negative = up), clamped to the
// list; positions stay 1..n.
func (s *Store) MoveItem(ctx context.Context, id int64, delta int) error {
	return s.write(ctx, PermAgenda, func(t *Tx) error {
		return t.move(ctx, "agenda_item", `agenda_items`, ``, id, delta)
	})
}

// move renumbers the rows of table (within the where clause, e.g. one
// item's queue) 1..n and moves row id by delta, auditing its position.
func (t *Tx) move(ctx context.Context, entity, table, where string, id int64, delta int, args ...any) error {
	q := `SELECT id FROM ` + table
	if where != "" {
		q += ` WHERE ` + where
	}
	rows, err := t.tx.QueryContext(ctx, q+` ORDER BY position, id`, args...)
	if err != nil {
		return mapErr(err)
	}
	var ids []int64
	for rows.Next() {
		var x int64
		if err := rows.Scan(&x); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, x)
	}
	rows.Close()
	from := -1
	for i, x := range ids {
		if x == id {
			from = i
		}
	}
	if from < 0 {
		return ErrNotFound
	}
	to := min(max(from+delta, 0), len(ids)-1)
	if to == from {
		return nil
	}
	ids = append(ids[:from], ids[from+1:]...)
	ids = append(ids[:to], append([]int64{id}, ids[to:]...)...)
	for i, x := range ids {
		if _, err := t.exec(ctx, `UPDATE `+table+` SET position = ? WHERE id = ?`, i+1, x); err != nil {
			return err
		}
	}
	type pos struct {
		Position int `json:"position"`
	}
	return t.audit(ctx, "move", entity, id, pos{from + 1}, pos{to + 1})
}

// Officials lists the delegates with a protocol rank who have arrived, in
// the order the MC introduces them: protocol rank, then the protocol order
// of their unit's kind, then name.
func (s *Store) Officials(ctx context.Context) ([]Delegate, error) {
	order := `CASE coalesce(u.kind,'other')`
	for i, k := range UnitKinds {
		order += fmt.Sprintf(` WHEN '%s' THEN %d`, k, i)
	}
	order += ` ELSE 99 END`
	return s.queryDelegates(ctx, `SELECT `+delegateCols+delegateFrom+`
		WHERE d.protocol > 0 AND c.delegate_id IS NOT NULL ORDER BY d.protocol, `+order+`, d.folded, d.id`)
}
