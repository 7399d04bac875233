package store

import (
	"context"
	"database/sql"
	"errors"
)

// ObligationHistory lists the audit rows of one obligation, oldest
// first: its receipts and extensions (recorded, corrected, undone,
// restored), the acknowledged drifts, and the record it comes from (the
// answer the qa station edits, the petition, the carried item), so the
// follow-up station can say who changed what, when.
func (s *Store) ObligationHistory(ctx context.Context, key string) ([]AuditEntry, error) {
	kind, id, err := keyKind(key)
	if err != nil {
		return nil, err
	}
	source := map[byte]string{'a': "answer", 'p': "petition", 'c': "carried"}[kind]
	return queryAll(ctx, s.read(), scanAudit, `SELECT `+auditCols+`
		FROM audit WHERE (entity = 'receipt' AND entity_id IN (SELECT id FROM receipts WHERE obligation = ?1))
		OR (entity = 'extension' AND entity_id IN (SELECT id FROM extensions WHERE obligation = ?1))
		OR (entity IN (?2, ?3) AND entity_id = ?4) ORDER BY id`, key, source, "drift:"+key[:1], id)
}

// FollowupChange is a change to a receipt or an extension, as the
// follow-up station's undo sees it.
type FollowupChange struct {
	AuditID    int64
	Entity     string // "receipt" or "extension"
	ID         int64
	Action     string // "create", "void", "restore" (an "update" is not offered)
	Obligation string
	Receipt    Receipt   // when Entity is "receipt", as it stands now
	Extension  Extension // when Entity is "extension", as it stands now
}

// Voids reports whether undoing the change voids the record (else it
// restores one that was voided).
func (c FollowupChange) Voids() bool { return c.Action != "void" }

// LastFollowupChange is the newest receipt or extension this view's
// station and user recorded, undid or restored: what the follow-up
// station's undo offers. Going by the audit log, it survives a restart
// and never offers another terminal's work. ErrNotFound when there is
// none, or when the newest is a correction (not undone by voiding).
func (s *Store) LastFollowupChange(ctx context.Context) (FollowupChange, error) {
	var c FollowupChange
	err := s.readSnapshot(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = lastFollowupChange(ctx, tx, s.actor)
		return err
	})
	return c, err
}

func lastFollowupChange(ctx context.Context, q rowQueryer, a Actor) (FollowupChange, error) {
	var c FollowupChange
	err := q.QueryRowContext(ctx, `SELECT id, entity, entity_id, action FROM audit
		WHERE entity IN ('receipt','extension') AND action IN ('create','void','restore','update') AND station = ? AND user = ?
		ORDER BY id DESC LIMIT 1`, a.Station, a.User).Scan(&c.AuditID, &c.Entity, &c.ID, &c.Action)
	if errors.Is(err, sql.ErrNoRows) || c.Action == "update" {
		return FollowupChange{}, ErrNotFound
	}
	if err != nil {
		return c, mapErr(err)
	}
	if c.Entity == "receipt" {
		c.Receipt, err = scanReceipt(q.QueryRowContext(ctx, `SELECT `+receiptCols+` FROM receipts WHERE id = ?`, c.ID))
		c.Obligation = c.Receipt.Obligation
		if err == nil && c.Receipt.AgencyID != 0 {
			err = q.QueryRowContext(ctx, `SELECT name FROM units WHERE id = ?`, c.Receipt.AgencyID).Scan(&c.Receipt.Agency)
		}
	} else {
		c.Extension, err = scanExtension(q.QueryRowContext(ctx, `SELECT `+extensionCols+` FROM extensions WHERE id = ?`, c.ID))
		c.Obligation = c.Extension.Obligation
	}
	if err != nil {
		return FollowupChange{}, notFound(err)
	}
	return c, nil
}

// UndoFollowupChange undoes c as a new audited change: a record created
// or restored is voided, one voided is restored. It refuses (ErrConflict)
// when c is no longer this terminal's last change, checked in the same
// transaction, so a second press or a stale screen never undoes
// something else.
func (s *Store) UndoFollowupChange(ctx context.Context, c FollowupChange) error {
	return s.write(ctx, PermFollowup, func(t *Tx) error {
		last, err := lastFollowupChange(ctx, t.tx, t.actor)
		if err != nil {
			return err
		}
		if last.AuditID != c.AuditID {
			return ErrConflict
		}
		if c.Entity == "receipt" {
			return t.voidReceipt(ctx, c.ID, c.Voids())
		}
		return t.voidExtension(ctx, c.ID, c.Voids())
	})
}
