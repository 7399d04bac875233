package store

import (
	"context"
	"database/sql"
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
	rows, err := s.read().QueryContext(ctx, q+` ORDER BY item_id, position, id`, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []Speaker
	for rows.Next() {
		sp, err := scanSpeaker(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, rows.Err()
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
