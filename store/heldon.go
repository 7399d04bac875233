package store

import (
	"context"
	"database/sql"
	"time"
)

// HeldOn is the day (YYYY-MM-DD, local time) the meeting was actually
// held: the day its first agenda item started, else the planned date. A
// meeting moved to another day (or the demo tried out today) counts its
// due dates and its documents from the day it ran.
func (s *Store) HeldOn(ctx context.Context) (string, error) {
	return heldOn(ctx, s.read())
}

func (t *Tx) heldOn(ctx context.Context) (string, error) { return heldOn(ctx, t.tx) }

func heldOn(ctx context.Context, q rowQueryer) (string, error) {
	var first sql.NullInt64
	var day string
	err := q.QueryRowContext(ctx, `SELECT (SELECT min(started_at) FROM agenda_items WHERE started_at IS NOT NULL), coalesce((SELECT date FROM meeting WHERE id = 1),'')`).
		Scan(&first, &day)
	if err != nil {
		return "", mapErr(err)
	}
	if first.Valid {
		return time.UnixMilli(first.Int64).In(time.Local).Format("2006-01-02"), nil
	}
	return day, nil
}
