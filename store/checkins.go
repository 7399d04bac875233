package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// CheckIn is the arrival of a delegate.
type CheckIn struct {
	DelegateID int64     `json:"delegate_id"`
	At         time.Time `json:"at"`
	Station    string    `json:"station"`
	User       string    `json:"user,omitempty"`
}

// CheckInResult says what a check-in did: Already is true when the
// delegate had arrived before; CheckIn is then the first arrival.
type CheckInResult struct {
	Delegate Delegate
	CheckIn  CheckIn
	Already  bool
}

// CheckIn records the arrival of delegate id. Checking in someone who has
// arrived changes nothing and reports the first check-in; two desks at the
// same moment produce exactly one row (the primary key decides).
func (s *Store) CheckIn(ctx context.Context, id int64) (CheckInResult, error) {
	var res CheckInResult
	err := s.write(ctx, PermCheckin, func(t *Tx) error {
		var err error
		res, err = t.checkIn(ctx, id)
		return err
	})
	return res, err
}

func (t *Tx) checkIn(ctx context.Context, id int64) (CheckInResult, error) {
	var res CheckInResult
	r, err := t.exec(ctx, `INSERT INTO checkins(delegate_id, at, station, user) VALUES (?,?,?,?) ON CONFLICT(delegate_id) DO NOTHING`,
		id, ms(t.now), t.actor.Station, t.actor.User)
	if err != nil {
		return res, err
	}
	n, _ := r.RowsAffected()
	res.Already = n == 0
	if res.Delegate, err = t.readDelegate(ctx, id); err != nil {
		return res, err
	}
	res.CheckIn = CheckIn{DelegateID: id, At: res.Delegate.ArrivedAt, Station: res.Delegate.ArrivedAs, User: res.Delegate.ArrivedBy}
	if res.Already {
		return res, nil
	}
	return res, t.audit(ctx, "create", "checkin", id, nil, res.CheckIn)
}

// UndoCheckIn removes the check-in of delegate id (an audited mutation, so
// the log still shows it happened). A walk-in exists only because of the
// check-in: undoing it removes the person too, unless they have since
// asked a question or been queued to speak. A substitute registered at the
// desk goes the same way; the apology keeps her name for when she comes.
func (s *Store) UndoCheckIn(ctx context.Context, id int64) error {
	return s.write(ctx, PermCheckin, func(t *Tx) error {
		d, err := t.readDelegate(ctx, id)
		if err != nil {
			return err
		}
		if !d.Arrived() {
			return ErrNotFound
		}
		if _, err := t.exec(ctx, `DELETE FROM checkins WHERE delegate_id = ?`, id); err != nil {
			return err
		}
		if err := t.audit(ctx, "delete", "checkin", id, CheckIn{DelegateID: id, At: d.ArrivedAt, Station: d.ArrivedAs, User: d.ArrivedBy}, nil); err != nil {
			return err
		}
		if !d.WalkIn {
			return nil
		}
		return t.dropUnusedWalkIn(ctx, id)
	})
}

// OnListError refuses a walk-in who is already on the list: same name
// (accents aside) and same unit, or same name and no unit given, or same
// name and not yet arrived whatever the unit (a unit mistyped or guessed
// at the door must not make a second person). Delegates
// are the people on the list of that name, those not yet arrived first;
// the desk offers them instead.
type OnListError struct{ Delegates []Delegate }

func (e *OnListError) Error() string {
	d := e.Delegates[0]
	return fmt.Sprintf("%s (%s) is already on the list", d.FullName, d.Code)
}

func (e *OnListError) Unwrap() error { return ErrDuplicate }

// WalkIn registers a person not on the list and checks them in, in one
// transaction. UnitName creates the unit when UnitID is 0 and no unit has
// that name.
type WalkIn struct {
	FullName string
	Title    string
	UnitID   int64
	UnitName string
	GroupID  int64
	Phone    string
	// Namesake registers the person even when someone of the same name
	// and unit is on the list (two people can share a name).
	Namesake bool
}

// RegisterWalkIn creates the walk-in delegate and its check-in.
func (s *Store) RegisterWalkIn(ctx context.Context, w WalkIn) (CheckInResult, error) {
	var res CheckInResult
	err := s.write(ctx, PermCheckin, func(t *Tx) error {
		unitID := w.UnitID
		if unitID == 0 && w.UnitName != "" {
			name, err := clean("unit", w.UnitName, false, MaxName)
			if err != nil {
				return err
			}
			if unitID, err = t.ensureUnit(ctx, name, UnitOther); err != nil {
				return err
			}
		}
		if !w.Namesake {
			ds, err := queryAll(ctx, t.tx, scanDelegate, `SELECT `+delegateCols+delegateFrom+`
				WHERE d.folded = ? AND (? = 0 OR d.unit_id = ? OR c.at IS NULL) ORDER BY c.at IS NOT NULL, d.walk_in, d.id`, Fold(w.FullName), unitID, unitID)
			if err != nil {
				return err
			}
			if len(ds) > 0 {
				return &OnListError{Delegates: ds}
			}
		}
		id, err := t.saveDelegate(ctx, Delegate{FullName: w.FullName, Title: w.Title, UnitID: unitID, GroupID: w.GroupID, Phone: w.Phone, WalkIn: true})
		if err != nil {
			return err
		}
		res, err = t.checkIn(ctx, id)
		return err
	})
	return res, err
}

// Tally is arrived / expected for one group or unit. The arrived are
// disjoint: invited delegates who came, substitutes standing in for an
// invited delegate who did not, and walk-ins; the invited who did not come
// are absent with apologies or without.
type Tally struct {
	ID       int64
	Name     string
	Quota    int // groups only; 0 = none
	Expected int // invited delegates (walk-ins and substitutes not counted as expected)
	Arrived  int // all arrived: invited, substitutes and walk-ins
	WalkIns  int // arrived walk-ins, substitutes not counted
	// Substitutes are arrived delegates registered in the place of an
	// invited delegate who sent apologies and has not come: each counts
	// in the group in her place (a substitute whose principal came after
	// all is a walk-in).
	Substitutes int
	Apologised  int // invited, not arrived, apologies sent
}

// Absent is the invited who have not come, apologies or not.
func (t Tally) Absent() int { return max(t.Expected-(t.Arrived-t.WalkIns-t.Substitutes), 0) }

// Unexcused is the invited who have not come and sent no apology.
func (t Tally) Unexcused() int { return max(t.Absent()-t.Apologised, 0) }

// Tallies counts arrivals per group and per unit, and the totals.
// Delegates without a group or unit are counted in the total only. The
// counts over all delegates take no notice of apologies; the few
// apologies then move their substitutes from the walk-ins and count the
// absent with apologies (joining every delegate to the apologies made
// this twice as slow at 10,000 delegates).
func (s *Store) Tallies(ctx context.Context) (groups, units []Tally, total Tally, err error) {
	const counts = `count(d.id) - coalesce(sum(d.walk_in), 0), count(c.delegate_id), count(CASE WHEN d.walk_in = 1 AND c.delegate_id IS NOT NULL THEN 1 END)`
	q := func(query string) ([]Tally, error) {
		return queryAll(ctx, s.read(), func(r scanner) (Tally, error) {
			var t Tally
			return t, r.Scan(&t.ID, &t.Name, &t.Quota, &t.Expected, &t.Arrived, &t.WalkIns)
		}, query)
	}
	if groups, err = q(`SELECT g.id, g.name, g.quota, ` + counts + ` FROM groups g LEFT JOIN delegates d ON d.group_id = g.id
		LEFT JOIN checkins c ON c.delegate_id = d.id GROUP BY g.id ORDER BY g.position, g.id`); err != nil {
		return
	}
	if units, err = q(`SELECT u.id, u.name, 0, ` + counts + ` FROM units u JOIN delegates d ON d.unit_id = u.id
		LEFT JOIN checkins c ON c.delegate_id = d.id GROUP BY u.id ORDER BY u.id`); err != nil {
		return
	}
	var all []Tally
	if all, err = q(`SELECT 0, '', 0, ` + counts + ` FROM delegates d LEFT JOIN checkins c ON c.delegate_id = d.id`); err != nil {
		return
	}
	if len(all) == 1 {
		total = all[0]
	}
	for _, g := range groups {
		total.Quota += g.Quota
	}
	err = s.tallyApologies(ctx, groups, units, &total)
	return
}

// tallyApologies adds the apologies to the tallies: an invited delegate
// who sent them and has not come is absent with apologies; an arrived
// substitute registered for her (a walk-in by the list) stands in her
// place while she is away, and is a walk-in again if she comes.
func (s *Store) tallyApologies(ctx context.Context, groups, units []Tally, total *Tally) error {
	type row struct {
		group, unit, subGroup, subUnit    int64
		invited, here, subWalkIn, subHere bool
	}
	rows, err := queryAll(ctx, s.read(), func(r scanner) (row, error) {
		var x row
		return x, r.Scan(&x.group, &x.unit, &x.invited, &x.here, &x.subGroup, &x.subUnit, &x.subWalkIn, &x.subHere)
	}, `SELECT coalesce(d.group_id, 0), coalesce(d.unit_id, 0), d.walk_in = 0, c.delegate_id IS NOT NULL,
		coalesce(sd.group_id, 0), coalesce(sd.unit_id, 0), coalesce(sd.walk_in, 0) = 1, sc.delegate_id IS NOT NULL
		FROM apologies a JOIN delegates d ON d.id = a.delegate_id LEFT JOIN checkins c ON c.delegate_id = d.id
		LEFT JOIN delegates sd ON sd.id = a.substitute_id LEFT JOIN checkins sc ON sc.delegate_id = sd.id`)
	if err != nil || len(rows) == 0 {
		return err
	}
	gi, ui := map[int64]int{}, map[int64]int{}
	for i, g := range groups {
		gi[g.ID] = i
	}
	for i, u := range units {
		ui[u.ID] = i
	}
	// the tallies of a delegate's group and unit (when she has them) and the total
	of := func(group, unit int64) []*Tally {
		out := []*Tally{total}
		if i, ok := gi[group]; ok && group != 0 {
			out = append(out, &groups[i])
		}
		if i, ok := ui[unit]; ok && unit != 0 {
			out = append(out, &units[i])
		}
		return out
	}
	for _, x := range rows {
		if x.invited && !x.here {
			for _, t := range of(x.group, x.unit) {
				t.Apologised++
			}
		}
		if x.subWalkIn && x.subHere && !x.here {
			for _, t := range of(x.subGroup, x.subUnit) {
				t.Substitutes++
				t.WalkIns--
			}
		}
	}
	return nil
}

// LastCheckIn is the newest check-in this view's station made that still
// stands (walk-ins included): what the desk's "undo last" offers. Going by
// the audit log rather than the time keeps the order of check-ins made in
// the same millisecond, and survives a restart of the desk.
func (s *Store) LastCheckIn(ctx context.Context) (Delegate, error) {
	var id int64
	err := s.read().QueryRowContext(ctx, `SELECT a.entity_id FROM audit a JOIN checkins c ON c.delegate_id = a.entity_id
		WHERE a.entity = 'checkin' AND a.action = 'create' AND a.station = ? AND a.user = ? AND c.station = a.station ORDER BY a.id DESC LIMIT 1`, s.actor.Station, s.actor.User).Scan(&id)
	if err != nil {
		return Delegate{}, notFound(err)
	}
	return s.Delegate(ctx, id)
}

// CheckIns lists every check-in (a desk refreshes arrival times with it
// when only check-ins changed, see ListStamp).
func (s *Store) CheckIns(ctx context.Context) ([]CheckIn, error) {
	rows, err := s.read().QueryContext(ctx, `SELECT delegate_id, at, station, user FROM checkins`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []CheckIn
	for rows.Next() {
		var c CheckIn
		var at sql.NullInt64
		if err := rows.Scan(&c.DelegateID, &at, &c.Station, &c.User); err != nil {
			return nil, err
		}
		c.At = fromMS(at)
		out = append(out, c)
	}
	return out, rows.Err()
}
