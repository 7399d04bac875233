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
	// Words is what the MC reads for the item when the moderator has
	// written it; empty, the script uses the template for its kind.
	Words string `json:"words,omitempty"`
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

const itemCols = `id, position, kind, title, presenter, planned_minutes, started_at, ended_at, skipped, mc_words`

func scanItem(r scanner) (AgendaItem, error) {
	var a AgendaItem
	var st, en sql.NullInt64
	err := r.Scan(&a.ID, &a.Position, &a.Kind, &a.Title, &a.Presenter, &a.PlannedMinutes, &st, &en, &a.Skipped, &a.Words)
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
	a.Position, a.StartedAt, a.EndedAt, a.Skipped, a.Words = old.Position, old.StartedAt, old.EndedAt, old.Skipped, old.Words
	return a.ID, t.audit(ctx, "update", "agenda_item", a.ID, old, a)
}

// SetItemWords stores the MC's words for an item; empty words bring back
// the template. The change is audited like any edit of the item.
func (s *Store) SetItemWords(ctx context.Context, id int64, words string) error {
	return s.write(ctx, PermAgenda, func(t *Tx) error {
		w, err := clean("words", words, false, MaxText)
		if err != nil {
			return err
		}
		old, err := t.readItem(ctx, id)
		if err != nil {
			return err
		}
		if old.Words == w {
			return nil
		}
		if _, err := t.exec(ctx, `UPDATE agenda_items SET mc_words = ? WHERE id = ?`, w, id); err != nil {
			return err
		}
		nw := old
		nw.Words = w
		return t.audit(ctx, "update", "agenda_item", id, old, nw)
	})
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
	return t.firstItem(ctx, `started_at IS NOT NULL AND ended_at IS NULL ORDER BY started_at DESC, position DESC`)
}

// firstItem is the first agenda item matching where (an SQL condition and
// order), if any.
func (t *Tx) firstItem(ctx context.Context, where string) (AgendaItem, bool, error) {
	a, err := scanItem(t.queryRow(ctx, `SELECT `+itemCols+` FROM agenda_items WHERE `+where+` LIMIT 1`))
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
//
// Within BackGrace of a Back, and when nothing happened in the reopened
// item meanwhile (no turn started, no question recorded under it), Advance
// undoes the Back instead of recording new times: the reopened item keeps
// the end it had and the item that went back gets its first start again.
// Otherwise the reopened item ends now and the next one starts now.
func (s *Store) Advance(ctx context.Context) (AgendaItem, error) { return s.advance(ctx, nil) }

// BackGrace is how soon after b an n is taken as undoing the b (a slip, or
// a look back) rather than the reopened item having run on.
const BackGrace = time.Minute

// TurnRunningError refuses AdvanceUnlessSpeaking and BackUnlessSpeaking
// while Speaker's turn runs.
type TurnRunningError struct{ Speaker Speaker }

func (e *TurnRunningError) Error() string {
	return fmt.Sprintf("%s is still speaking", e.Speaker.Name)
}

// AdvanceUnlessSpeaking is Advance, refused with a *TurnRunningError while a
// speaker's turn runs. The check is made in the same transaction as the move,
// so a turn started a moment ago (or at another station) is never cut off
// without the moderator being asked.
func (s *Store) AdvanceUnlessSpeaking(ctx context.Context) (AgendaItem, error) {
	return s.advance(ctx, func(t *Tx) error { return t.refuseTurn(ctx) })
}

// refuseTurn returns a *TurnRunningError when a turn runs.
func (t *Tx) refuseTurn(ctx context.Context) error {
	sp, err := scanSpeaker(t.queryRow(ctx, `SELECT `+speakerCols+` FROM speakers
		WHERE started_at IS NOT NULL AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1`))
	if err == nil {
		return &TurnRunningError{Speaker: sp}
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return mapErr(err)
	}
	return nil
}

// backMemo is what Back remembered of an item (zero times when nothing).
type backMemo struct{ priorStart, priorEnd, backedAt time.Time }

func (t *Tx) memo(ctx context.Context, id int64) (backMemo, error) {
	var ps, pe, at sql.NullInt64
	err := t.queryRow(ctx, `SELECT prior_start, prior_end, backed_at FROM agenda_items WHERE id = ?`, id).Scan(&ps, &pe, &at)
	return backMemo{fromMS(ps), fromMS(pe), fromMS(at)}, notFound(err)
}

func (t *Tx) setMemo(ctx context.Context, id int64, m backMemo) error {
	_, err := t.exec(ctx, `UPDATE agenda_items SET prior_start=?, prior_end=?, backed_at=? WHERE id=?`,
		nullTime(m.priorStart), nullTime(m.priorEnd), nullTime(m.backedAt), id)
	return err
}

// recent reports whether the memo was written within BackGrace of now.
func (m backMemo) recent(now time.Time) bool {
	return !m.backedAt.IsZero() && now.Sub(m.backedAt) < BackGrace
}

// moveRun runs one move of the run (n or b) in a write transaction: the
// caller's check first (what the screen saw), then move with the running
// item, which sets the item now running in cur.
func (s *Store) moveRun(ctx context.Context, check func(*Tx) error, move func(t *Tx, run AgendaItem, ok bool, cur *AgendaItem) error) (AgendaItem, error) {
	var cur AgendaItem
	err := s.write(ctx, PermAgenda, func(t *Tx) error {
		if check != nil {
			if err := check(t); err != nil {
				return err
			}
		}
		run, ok, err := t.runningItem(ctx)
		if err != nil {
			return err
		}
		return move(t, run, ok, &cur)
	})
	return cur, err
}

func (s *Store) advance(ctx context.Context, check func(*Tx) error) (AgendaItem, error) {
	return s.moveRun(ctx, check, func(t *Tx, run AgendaItem, ok bool, cur *AgendaItem) error {
		next, hasNext, err := t.firstItem(ctx, `started_at IS NULL AND skipped = 0 ORDER BY position, id`)
		if err != nil {
			return err
		}
		if !ok && !hasNext {
			return ErrNoNextItem
		}
		// undoing a Back: the end the reopened item had stands
		undo := !ok
		if ok {
			if err := t.endTurns(ctx); err != nil {
				return err
			}
			m, err := t.memo(ctx, run.ID)
			if err != nil {
				return err
			}
			end := t.now
			if !m.priorEnd.IsZero() && m.recent(t.now) && !m.priorEnd.Before(run.StartedAt) {
				quiet, err := t.quietSince(ctx, run.ID, m.backedAt)
				if err != nil {
					return err
				}
				if quiet {
					end, undo = m.priorEnd, true
				}
			}
			if err := t.setItemTimes(ctx, run, run.StartedAt, end, run.Skipped); err != nil {
				return err
			}
			if err := t.setMemo(ctx, run.ID, backMemo{}); err != nil {
				return err
			}
		}
		if hasNext {
			m, err := t.memo(ctx, next.ID)
			if err != nil {
				return err
			}
			start := t.now
			if undo && !m.priorStart.IsZero() && m.recent(t.now) {
				start = m.priorStart
			}
			// the start is used; a remembered end waits for the next n
			m.priorStart = time.Time{}
			if err := t.setMemo(ctx, next.ID, m); err != nil {
				return err
			}
			if err := t.setItemTimes(ctx, next, start, time.Time{}, false); err != nil {
				return err
			}
			*cur = next
			cur.StartedAt = start
		}
		return nil
	})
}

// Back undoes one step of Advance: the running item returns to not started
// and the item that ended last runs again (its end cleared, so its clock
// counts on from its first start). Skipped items stay skipped. It returns
// the item now running (zero when the meeting is back to not started). The
// times it clears are remembered for an Advance within BackGrace.
func (s *Store) Back(ctx context.Context) (AgendaItem, error) { return s.back(ctx, nil) }

// BackUnlessSpeaking is Back, refused with a *TurnRunningError while a
// speaker's turn runs (checked in the same transaction).
func (s *Store) BackUnlessSpeaking(ctx context.Context) (AgendaItem, error) {
	return s.back(ctx, func(t *Tx) error { return t.refuseTurn(ctx) })
}

func (s *Store) back(ctx context.Context, check func(*Tx) error) (AgendaItem, error) {
	return s.moveRun(ctx, check, func(t *Tx, run AgendaItem, ok bool, cur *AgendaItem) error {
		prev, hasPrev, err := t.firstItem(ctx, `ended_at IS NOT NULL ORDER BY ended_at DESC, position DESC`)
		if err != nil {
			return err
		}
		if !ok && !hasPrev {
			return ErrNotStarted
		}
		if ok {
			if err := t.endTurns(ctx); err != nil {
				return err
			}
			m, err := t.memo(ctx, run.ID)
			if err != nil {
				return err
			}
			m.priorStart = run.StartedAt
			// an item a b reopened keeps the time of that b: whatever
			// happened in it since then counts when n comes
			if m.priorEnd.IsZero() || m.backedAt.IsZero() {
				m.backedAt = t.now
			}
			if err := t.setMemo(ctx, run.ID, m); err != nil {
				return err
			}
			if err := t.setItemTimes(ctx, run, time.Time{}, time.Time{}, false); err != nil {
				return err
			}
		}
		if hasPrev {
			if err := t.setMemo(ctx, prev.ID, backMemo{priorEnd: prev.EndedAt, backedAt: t.now}); err != nil {
				return err
			}
			if err := t.setItemTimes(ctx, prev, prev.StartedAt, time.Time{}, false); err != nil {
				return err
			}
			*cur = prev
			cur.EndedAt = time.Time{}
		}
		return nil
	})
}

// ErrItemStarted refuses skipping, deleting or moving an item that has
// started: its times are part of the record.
var ErrItemStarted = fmt.Errorf("%w: the item has started", ErrInvalid)

// ErrAboveStarted refuses moving an item above one that has started: the
// run-sheet keeps what happened in the order it happened.
var ErrAboveStarted = fmt.Errorf("%w: an item cannot move above one that has started", ErrInvalid)

// SetSkipped marks an item that has not started as skipped (Advance then
// passes over it), or clears the mark.
func (s *Store) SetSkipped(ctx context.Context, id int64, skipped bool) error {
	return s.write(ctx, PermAgenda, func(t *Tx) error {
		a, err := t.readItem(ctx, id)
		if err != nil {
			return err
		}
		if !a.StartedAt.IsZero() {
			return ErrItemStarted
		}
		if a.Skipped == skipped {
			return nil
		}
		return t.setItemTimes(ctx, a, time.Time{}, time.Time{}, skipped)
	})
}

// ItemUses counts what refers to an agenda item: the questions recorded
// under it or its speakers, and its speaker list (struck-off entries
// excluded).
func (s *Store) ItemUses(ctx context.Context, id int64) (Uses, error) {
	return itemUses(ctx, s.read(), id)
}

func itemUses(ctx context.Context, q rowQueryer, id int64) (Uses, error) {
	var u Uses
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM questions WHERE item_id = ? OR speaker_id IN (SELECT id FROM speakers WHERE item_id = ?)),
		(SELECT count(*) FROM speakers WHERE item_id = ? AND removed = 0)`, id, id, id).Scan(&u.Questions, &u.Speakers)
	return u, mapErr(err)
}

// DeleteItem removes an item that has not started, with its speaker queue
// (kept in the audit row). An item that has started is refused
// (ErrItemStarted), and so is one the secretary has recorded questions
// under: an *InUseError (Entity "agenda_item") counts the questions and
// speakers.
func (s *Store) DeleteItem(ctx context.Context, id int64) error {
	return s.write(ctx, PermAgenda, func(t *Tx) error {
		a, err := t.readItem(ctx, id)
		if err != nil {
			return err
		}
		if !a.StartedAt.IsZero() {
			return ErrItemStarted
		}
		u, err := itemUses(ctx, t.tx, id)
		if err != nil {
			return err
		}
		if u.Questions > 0 {
			return &InUseError{Entity: "agenda_item", Name: a.Title, Uses: u}
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
// list; positions stay 1..n. An item that has started stays where it ran
// (ErrItemStarted), and no item moves above one that has started
// (ErrAboveStarted).
func (s *Store) MoveItem(ctx context.Context, id int64, delta int) error {
	return s.write(ctx, PermAgenda, func(t *Tx) error {
		a, err := t.readItem(ctx, id)
		if err != nil {
			return err
		}
		if !a.StartedAt.IsZero() {
			return ErrItemStarted
		}
		if delta < 0 {
			items, err := queryAll(ctx, t.tx, scanItem, agendaQuery)
			if err != nil {
				return err
			}
			from := -1
			for i, x := range items {
				if x.ID == id {
					from = i
				}
			}
			for i := max(from+delta, 0); i < from; i++ {
				if !items[i].StartedAt.IsZero() {
					return ErrAboveStarted
				}
			}
		}
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
