package store

import (
	"context"
	"database/sql"
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

// Agenda lists the items in order.
func (s *Store) Agenda(ctx context.Context) ([]AgendaItem, error) {
	rows, err := s.read().QueryContext(ctx, `SELECT `+itemCols+` FROM agenda_items ORDER BY position, id`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []AgendaItem
	for rows.Next() {
		a, err := scanItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
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
