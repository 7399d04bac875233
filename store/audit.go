package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"
)

// AuditEntry is one row of the audit log.
type AuditEntry struct {
	ID       int64
	At       time.Time
	Station  string
	User     string
	Action   string
	Entity   string
	EntityID int64
	Before   string // JSON, empty for creations
	After    string // JSON, empty for deletions
}

// audit writes the audit row of a mutation inside its transaction.
func (t *Tx) audit(ctx context.Context, action, entity string, id int64, before, after any) error {
	enc := func(v any) (any, error) {
		if v == nil {
			return nil, nil
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		return string(b), nil
	}
	b, err := enc(before)
	if err != nil {
		return err
	}
	a, err := enc(after)
	if err != nil {
		return err
	}
	_, err = t.exec(ctx, `INSERT INTO audit(at, station, user, action, entity, entity_id, before, after) VALUES (?,?,?,?,?,?,?,?)`,
		ms(t.now), t.actor.Station, t.actor.User, action, entity, nullID(id), b, a)
	return err
}

// RecordSecurity writes an audit row of a security event (action, such
// as "lockout", on the entity "ssh"), with what as its after. Only the
// admin role may (PermSecurity).
func (s *Store) RecordSecurity(ctx context.Context, action string, what any) error {
	return s.write(ctx, PermSecurity, func(t *Tx) error { return t.audit(ctx, action, "ssh", 0, nil, what) })
}

// History lists the audit rows of one record, oldest first. An empty
// entity lists everything (newest last), limited to limit rows (0 = all).
func (s *Store) History(ctx context.Context, entity string, id int64, limit int) ([]AuditEntry, error) {
	q := `SELECT ` + auditCols + ` FROM audit`
	var args []any
	if entity != "" {
		q += ` WHERE entity = ? AND entity_id = ?`
		args = append(args, entity, id)
	}
	if limit > 0 {
		// the newest limit rows, still returned oldest first
		q = `SELECT * FROM (` + q + ` ORDER BY id DESC LIMIT ?) ORDER BY 1`
		args = append(args, limit)
	} else {
		q += ` ORDER BY id`
	}
	return queryAll(ctx, s.read(), scanAudit, q, args...)
}

// auditCols and scanAudit read audit rows as AuditEntry.
const auditCols = `id, at, station, user, action, entity, coalesce(entity_id,0), coalesce(before,''), coalesce(after,'')`

func scanAudit(r scanner) (AuditEntry, error) {
	var e AuditEntry
	var at int64
	err := r.Scan(&e.ID, &at, &e.Station, &e.User, &e.Action, &e.Entity, &e.EntityID, &e.Before, &e.After)
	e.At = time.UnixMilli(at)
	return e, err
}

// LastChange is the time of the newest audit row (zero if none).
func (s *Store) LastChange(ctx context.Context) (time.Time, error) {
	var at sql.NullInt64
	err := s.read().QueryRowContext(ctx, `SELECT max(at) FROM audit`).Scan(&at)
	return fromMS(at), mapErr(err)
}

// ChangeMark identifies the state of the audited data: the newest audit
// row overall (id and time, so a restored file reads differently) and the
// newest one touching delegates, check-ins or units. Drafts are not
// audited, so typing does not move it. A station compares marks to skip
// reloads that would read the same rows, such as the whole delegate list
// after each second's draft save. The people mark walks back from the
// newest row ("+entity" keeps SQLite off the entity index, which would sort
// every check-in): during the day check-ins keep that walk short.
type ChangeMark struct {
	All, At, People int64
}

// ChangeMark reads the current mark.
func (s *Store) ChangeMark(ctx context.Context) (ChangeMark, error) {
	var m ChangeMark
	err := s.read().QueryRowContext(ctx, `SELECT coalesce(max(id),0), coalesce((SELECT at FROM audit ORDER BY id DESC LIMIT 1),0),
		coalesce((SELECT id FROM audit WHERE +entity IN ('delegate','checkin','unit','group') ORDER BY id DESC LIMIT 1),0) FROM audit`).Scan(&m.All, &m.At, &m.People)
	return m, mapErr(err)
}
