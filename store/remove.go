package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Uses is what still refers to a unit, a group or a delegate. A record is
// removed only when nothing does, so no list, minutes or follow-up table
// silently loses a row (a unit mistyped in an import can go; a unit with
// delegates cannot).
type Uses struct {
	Delegates int  `json:"delegates,omitempty"` // delegates of the unit or group
	Petitions int  `json:"petitions,omitempty"` // petitions sent by or assigned to it
	Answers   int  `json:"answers,omitempty"`   // answers given or owed by the unit
	Questions int  `json:"questions,omitempty"` // questions the delegate asked
	Speakers  int  `json:"speakers,omitempty"`  // speaker list entries of the delegate
	CheckedIn bool `json:"checked_in,omitempty"`
	Apology   bool `json:"apology,omitempty"` // the delegate sent apologies or stands in for someone who did
}

// None reports whether nothing refers to the record.
func (u Uses) None() bool { return u == Uses{} }

func (u Uses) String() string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(u.Delegates, "delegate(s)")
	add(u.Petitions, "petition(s)")
	add(u.Answers, "answer(s)")
	add(u.Questions, "question(s)")
	add(u.Speakers, "speaker entry(ies)")
	if u.CheckedIn {
		parts = append(parts, "checked in")
	}
	if u.Apology {
		parts = append(parts, "apology")
	}
	return strings.Join(parts, ", ")
}

// InUseError refuses a removal and says what refers to the record, so the
// screen can say why in words. It wraps ErrInUse.
type InUseError struct {
	Entity string // "unit", "group" or "delegate"
	Name   string
	Uses   Uses
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("%s %q still referenced: %s", e.Entity, e.Name, e.Uses)
}

func (e *InUseError) Unwrap() error { return ErrInUse }

// rowQueryer is the read pool or a write transaction.
type rowQueryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func unitUses(ctx context.Context, q rowQueryer, id int64) (Uses, error) {
	var u Uses
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM delegates WHERE unit_id = ?),
		(SELECT count(*) FROM petitions WHERE source_unit_id = ? OR agency_id = ?),
		(SELECT count(*) FROM answers WHERE agency_id = ? OR followup_agency_id = ?)`,
		id, id, id, id, id).Scan(&u.Delegates, &u.Petitions, &u.Answers)
	return u, mapErr(err)
}

func groupUses(ctx context.Context, q rowQueryer, id int64) (Uses, error) {
	var u Uses
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM delegates WHERE group_id = ?`, id).Scan(&u.Delegates)
	return u, mapErr(err)
}

func delegateUses(ctx context.Context, q rowQueryer, id int64) (Uses, error) {
	var u Uses
	// every speaker row counts, a struck-off one too: it is still in the
	// agenda's history and the minutes
	err := q.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM checkins WHERE delegate_id = ?),
		(SELECT count(*) FROM speakers WHERE delegate_id = ?),
		(SELECT count(*) FROM questions WHERE delegate_id = ?),
		(SELECT count(*) FROM petitions WHERE delegate_id = ?),
		EXISTS (SELECT 1 FROM apologies WHERE delegate_id = ? OR substitute_id = ?)`,
		id, id, id, id, id, id).Scan(&u.CheckedIn, &u.Speakers, &u.Questions, &u.Petitions, &u.Apology)
	return u, mapErr(err)
}

// UnitUses counts the delegates, petitions and answers that refer to a unit.
func (s *Store) UnitUses(ctx context.Context, id int64) (Uses, error) {
	return unitUses(ctx, s.read(), id)
}

// GroupUses counts the delegates of a group.
func (s *Store) GroupUses(ctx context.Context, id int64) (Uses, error) {
	return groupUses(ctx, s.read(), id)
}

// DelegateUses says whether a delegate has checked in and counts their
// speaker entries, questions and petitions.
func (s *Store) DelegateUses(ctx context.Context, id int64) (Uses, error) {
	return delegateUses(ctx, s.read(), id)
}

// RemoveUnit deletes a unit nothing refers to (a typo from an import);
// otherwise it returns an *InUseError saying what does.
func (s *Store) RemoveUnit(ctx context.Context, id int64) error {
	return s.write(ctx, PermSetup, func(t *Tx) error {
		old, err := t.readUnit(ctx, id)
		if err != nil {
			return err
		}
		u, err := unitUses(ctx, t.tx, id)
		if err != nil {
			return err
		}
		if !u.None() {
			return &InUseError{Entity: "unit", Name: old.Name, Uses: u}
		}
		if _, err := t.exec(ctx, `DELETE FROM units WHERE id = ?`, id); err != nil {
			return err
		}
		return t.audit(ctx, "delete", "unit", id, old, nil)
	})
}

// RemoveGroup deletes a group without delegates; otherwise it returns an
// *InUseError.
func (s *Store) RemoveGroup(ctx context.Context, id int64) error {
	return s.write(ctx, PermSetup, func(t *Tx) error {
		var old Group
		if err := t.queryRow(ctx, `SELECT id, position, name, quota FROM groups WHERE id = ?`, id).Scan(&old.ID, &old.Position, &old.Name, &old.Quota); err != nil {
			return notFound(err)
		}
		u, err := groupUses(ctx, t.tx, id)
		if err != nil {
			return err
		}
		if !u.None() {
			return &InUseError{Entity: "group", Name: old.Name, Uses: u}
		}
		if _, err := t.exec(ctx, `DELETE FROM groups WHERE id = ?`, id); err != nil {
			return err
		}
		return t.audit(ctx, "delete", "group", id, old, nil)
	})
}

// RemoveDelegate deletes a delegate who has not checked in and whom no
// speaker entry, question or petition names; otherwise it returns an
// *InUseError. Unlike DeleteDelegate it never drops a check-in: an
// attendance list already printed must stay true.
func (s *Store) RemoveDelegate(ctx context.Context, id int64) error {
	return s.write(ctx, PermSetup, func(t *Tx) error {
		old, err := t.readDelegate(ctx, id)
		if err != nil {
			return err
		}
		u, err := delegateUses(ctx, t.tx, id)
		if err != nil {
			return err
		}
		if !u.None() {
			return &InUseError{Entity: "delegate", Name: old.FullName, Uses: u}
		}
		if _, err := t.exec(ctx, `DELETE FROM delegates WHERE id = ?`, id); err != nil {
			return err
		}
		return t.audit(ctx, "delete", "delegate", id, old.record(), nil)
	})
}
