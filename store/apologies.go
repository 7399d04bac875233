package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Apology is an invited delegate's notice that she will not come (báo
// vắng): why, and who comes instead. The substitute may not be on the
// list: SubstituteName is her name as the office heard it, SubstituteID
// the delegate who stands in once there is one (someone on the list, or
// the person the desk registers when she arrives).
type Apology struct {
	DelegateID      int64     `json:"delegate_id"`
	Reason          string    `json:"reason,omitempty"`
	SubstituteName  string    `json:"substitute_name,omitempty"`
	SubstituteTitle string    `json:"substitute_title,omitempty"`
	SubstituteID    int64     `json:"substitute_id,omitempty"`
	NotedAt         time.Time `json:"noted_at"`

	// Joined for display: the delegate who sent it and her substitute.
	Name       string    `json:"-"`
	Code       string    `json:"-"`
	Title      string    `json:"-"`
	UnitName   string    `json:"-"`
	GroupName  string    `json:"-"`
	ArrivedAt  time.Time `json:"-"` // she came after all
	SubArrived time.Time `json:"-"` // the linked substitute's check-in
	SubWalkIn  bool      `json:"-"` // the substitute was registered for this (not on the list)
	SubCode    string    `json:"-"`
}

// HasSubstitute reports whether someone comes instead.
func (a Apology) HasSubstitute() bool { return a.SubstituteName != "" || a.SubstituteID != 0 }

const apologyCols = `a.delegate_id, a.reason, coalesce(s.full_name, a.substitute_name), CASE WHEN s.id IS NULL THEN a.substitute_title ELSE s.title END,
	coalesce(a.substitute_id, 0), a.noted_at, d.full_name, d.code, d.title, coalesce(u.name, ''), coalesce(g.name, ''), c.at, sc.at,
	coalesce(s.walk_in, 0), coalesce(s.code, '')`

const apologyFrom = ` FROM apologies a JOIN delegates d ON d.id = a.delegate_id
	LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN groups g ON g.id = d.group_id
	LEFT JOIN checkins c ON c.delegate_id = d.id
	LEFT JOIN delegates s ON s.id = a.substitute_id LEFT JOIN checkins sc ON sc.delegate_id = s.id`

func scanApology(r scanner) (Apology, error) {
	var a Apology
	var noted int64
	var at, sat sql.NullInt64
	err := r.Scan(&a.DelegateID, &a.Reason, &a.SubstituteName, &a.SubstituteTitle, &a.SubstituteID, &noted,
		&a.Name, &a.Code, &a.Title, &a.UnitName, &a.GroupName, &at, &sat, &a.SubWalkIn, &a.SubCode)
	a.NotedAt, a.ArrivedAt, a.SubArrived = time.UnixMilli(noted), fromMS(at), fromMS(sat)
	return a, err
}

// record is what the audit log keeps of an apology.
func (a Apology) record() Apology {
	return Apology{DelegateID: a.DelegateID, Reason: a.Reason, SubstituteName: a.SubstituteName,
		SubstituteTitle: a.SubstituteTitle, SubstituteID: a.SubstituteID, NotedAt: a.NotedAt}
}

// Apologies lists every apology, the first noted first.
func (s *Store) Apologies(ctx context.Context) ([]Apology, error) {
	return queryAll(ctx, s.read(), scanApology, `SELECT `+apologyCols+apologyFrom+` ORDER BY a.noted_at, a.delegate_id`)
}

// Apology reads the apology of delegate id (ErrNotFound when she sent none).
func (s *Store) Apology(ctx context.Context, id int64) (Apology, error) {
	a, err := scanApology(s.read().QueryRowContext(ctx, `SELECT `+apologyCols+apologyFrom+` WHERE a.delegate_id = ?`, id))
	return a, notFound(err)
}

func (t *Tx) readApology(ctx context.Context, id int64) (Apology, error) {
	a, err := scanApology(t.queryRow(ctx, `SELECT `+apologyCols+apologyFrom+` WHERE a.delegate_id = ?`, id))
	return a, notFound(err)
}

// replacedBy returns the apology delegate id stands in for, if any.
func (t *Tx) replacedBy(ctx context.Context, id int64) (Apology, bool, error) {
	var who int64
	err := t.queryRow(ctx, `SELECT delegate_id FROM apologies WHERE substitute_id = ?`, id).Scan(&who)
	if errors.Is(err, sql.ErrNoRows) {
		return Apology{}, false, nil
	}
	if err != nil {
		return Apology{}, false, mapErr(err)
	}
	a, err := t.readApology(ctx, who)
	return a, err == nil, err
}

// SaveApology records (or corrects) the apology of a.DelegateID, on the
// phone before the day or at the desk on the day. A substitute on the list
// is given by SubstituteID (her name and title then come from the list);
// otherwise by name, and the desk registers her when she arrives. Once the
// substitute has checked in she cannot be changed here: the desk undoes
// her check-in first, so the attendance list never shows someone
// standing in for nobody. Recorded at the desk too, so it needs the
// check-in permission (the office's laptop has every one).
func (s *Store) SaveApology(ctx context.Context, a Apology) error {
	return s.write(ctx, PermCheckin, func(t *Tx) error { return t.saveApology(ctx, a) })
}

func (t *Tx) saveApology(ctx context.Context, a Apology) error {
	var err error
	if a.Reason, err = clean("reason", a.Reason, false, MaxName); err != nil {
		return err
	}
	if a.SubstituteName, err = clean("substitute", a.SubstituteName, false, MaxName); err != nil {
		return err
	}
	if a.SubstituteTitle, err = clean("substitute_title", a.SubstituteTitle, false, MaxName); err != nil {
		return err
	}
	d, err := t.readDelegate(ctx, a.DelegateID)
	if err != nil {
		return err
	}
	switch _, stands, err := t.replacedBy(ctx, d.ID); {
	case err != nil:
		return err
	case d.Arrived():
		return invalid("delegate", "already checked in")
	case d.WalkIn:
		return invalid("delegate", "not on the invitation list")
	case stands:
		return invalid("delegate", "stands in for someone else")
	}
	if a.SubstituteID != 0 {
		sub, err := t.readDelegate(ctx, a.SubstituteID)
		if err != nil {
			return invalid("substitute", "not on the list")
		}
		if sub.ID == d.ID {
			return invalid("substitute", "the same person")
		}
		if other, stands, err := t.replacedBy(ctx, sub.ID); err != nil {
			return err
		} else if stands && other.DelegateID != d.ID {
			return invalid("substitute", "already stands in for someone else")
		}
		if _, err := t.readApology(ctx, sub.ID); err == nil {
			return invalid("substitute", "sent apologies herself")
		}
		a.SubstituteName, a.SubstituteTitle = sub.FullName, sub.Title
	}
	old, err := t.readApology(ctx, d.ID)
	exists := err == nil
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	if exists {
		if a.SubstituteID == 0 && old.SubstituteID != 0 && Fold(a.SubstituteName) == Fold(old.SubstituteName) {
			// the same person, her title or the reason corrected: keep the link
			a.SubstituteID = old.SubstituteID
			if a.SubstituteTitle == "" {
				a.SubstituteTitle = old.SubstituteTitle
			}
		}
		if old.SubstituteID != 0 && a.SubstituteID != old.SubstituteID && !old.SubArrived.IsZero() {
			return invalid("substitute", "already checked in")
		}
		a.NotedAt = old.NotedAt
		if a.record() == old.record() {
			return nil
		}
		if _, err := t.exec(ctx, `UPDATE apologies SET reason = ?, substitute_name = ?, substitute_title = ?, substitute_id = ? WHERE delegate_id = ?`,
			a.Reason, a.SubstituteName, a.SubstituteTitle, nullID(a.SubstituteID), d.ID); err != nil {
			return err
		}
		return t.audit(ctx, "update", "apology", d.ID, old.record(), a.record())
	}
	a.NotedAt = t.now
	if _, err := t.exec(ctx, `INSERT INTO apologies(delegate_id, reason, substitute_name, substitute_title, substitute_id, noted_at) VALUES (?,?,?,?,?,?)`,
		d.ID, a.Reason, a.SubstituteName, a.SubstituteTitle, nullID(a.SubstituteID), ms(t.now)); err != nil {
		return err
	}
	return t.audit(ctx, "create", "apology", d.ID, nil, a.record())
}

// WithdrawApology removes delegate id's apology (she will come after all,
// or it was noted against the wrong name). The audit log keeps it; saving
// it again is the undo. An apology whose substitute has checked in stays
// until the desk undoes that check-in.
func (s *Store) WithdrawApology(ctx context.Context, id int64) error {
	return s.write(ctx, PermCheckin, func(t *Tx) error {
		old, err := t.readApology(ctx, id)
		if err != nil {
			return err
		}
		if old.SubstituteID != 0 && !old.SubArrived.IsZero() {
			return invalid("substitute", "already checked in")
		}
		if _, err := t.exec(ctx, `DELETE FROM apologies WHERE delegate_id = ?`, id); err != nil {
			return err
		}
		if err := t.audit(ctx, "delete", "apology", id, old.record(), nil); err != nil {
			return err
		}
		// a substitute registered for her and not (or no longer) here
		// existed only for this apology
		if old.SubWalkIn {
			return t.dropUnusedWalkIn(ctx, old.SubstituteID)
		}
		return nil
	})
}

// SubstituteResult is a substitute's check-in: Replaced is the delegate
// she stands in for, Created says the desk registered her just now.
type SubstituteResult struct {
	CheckInResult
	Replaced Delegate
	Created  bool
}

// CheckInSubstitute checks in whoever comes instead of delegate id, in one
// transaction: the delegate her apology links, or, for a substitute not
// on the list, a new delegate made from the apology (the name, her title,
// and the unit, group and place in protocol of the one she replaces),
// linked to it. She then counts in the group in place of the one she
// replaces, never twice.
func (s *Store) CheckInSubstitute(ctx context.Context, id int64) (SubstituteResult, error) {
	var res SubstituteResult
	err := s.write(ctx, PermCheckin, func(t *Tx) error {
		a, err := t.readApology(ctx, id)
		if err != nil {
			return err
		}
		if !a.HasSubstitute() {
			return invalid("substitute", "none named")
		}
		if res.Replaced, err = t.readDelegate(ctx, id); err != nil {
			return err
		}
		subID := a.SubstituteID
		if subID == 0 {
			r := res.Replaced
			if subID, err = t.saveDelegate(ctx, Delegate{FullName: a.SubstituteName, Title: a.SubstituteTitle, UnitID: r.UnitID,
				GroupID: r.GroupID, Protocol: r.Protocol, WalkIn: true}); err != nil {
				return err
			}
			res.Created = true
			before := a.record()
			a.SubstituteID = subID
			if _, err := t.exec(ctx, `UPDATE apologies SET substitute_id = ? WHERE delegate_id = ?`, subID, id); err != nil {
				return err
			}
			if err := t.audit(ctx, "update", "apology", id, before, a.record()); err != nil {
				return err
			}
		}
		res.CheckInResult, err = t.checkIn(ctx, subID)
		return err
	})
	return res, err
}

// unlinkSubstitute forgets that delegate id stands in for someone (her
// check-in was undone and she leaves the list): the apology keeps her
// name, and the desk registers her again if she comes back.
func (t *Tx) unlinkSubstitute(ctx context.Context, id int64) error {
	a, ok, err := t.replacedBy(ctx, id)
	if err != nil || !ok {
		return err
	}
	before := a.record()
	a.SubstituteID = 0
	if _, err := t.exec(ctx, `UPDATE apologies SET substitute_id = NULL WHERE delegate_id = ?`, a.DelegateID); err != nil {
		return err
	}
	return t.audit(ctx, "update", "apology", a.DelegateID, before, a.record())
}

// dropUnusedWalkIn removes a walk-in who is not checked in and whom nothing
// else names: she existed only because of a check-in now undone.
func (t *Tx) dropUnusedWalkIn(ctx context.Context, id int64) error {
	d, err := t.readDelegate(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil || !d.WalkIn || d.Arrived() {
		return err
	}
	u, err := delegateUses(ctx, t.tx, id)
	if err != nil {
		return err
	}
	// standing in for someone is why she is on the list: not a use that
	// keeps her there
	if u.Apology = false; !u.None() {
		return nil
	}
	if err := t.unlinkSubstitute(ctx, id); err != nil {
		return err
	}
	if _, err := t.exec(ctx, `DELETE FROM delegates WHERE id = ?`, id); err != nil {
		return err
	}
	return t.audit(ctx, "delete", "delegate", id, d.record(), nil)
}
