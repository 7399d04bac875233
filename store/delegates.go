package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"doithoai/store/sheet"
)

// Delegate is an invited or walk-in attendee, with the names of its unit and
// group and its check-in, if any, joined in for display.
type Delegate struct {
	ID       int64  `json:"id"`
	Code     string `json:"code"`
	FullName string `json:"name"`
	Title    string `json:"title,omitempty"`
	UnitID   int64  `json:"unit_id,omitempty"`
	GroupID  int64  `json:"group_id,omitempty"`
	Phone    string `json:"phone,omitempty"`
	WalkIn   bool   `json:"walk_in,omitempty"`
	Protocol int    `json:"protocol,omitempty"`
	SheetNo  int    `json:"sheet_no,omitempty"`
	// Honorific is Ông or Bà ("" not known); a new delegate without one
	// gets GuessHonorific's proposal.
	Honorific string `json:"honorific,omitempty"`

	UnitName  string    `json:"-"`
	UnitShort string    `json:"-"`
	UnitKind  UnitKind  `json:"-"`
	GroupName string    `json:"-"`
	ArrivedAt time.Time `json:"-"` // zero when not checked in
	ArrivedAs string    `json:"-"` // station of the check-in
	ArrivedBy string    `json:"-"` // user of the check-in: the desk or device
}

// Arrived reports whether the delegate has checked in.
func (d Delegate) Arrived() bool { return !d.ArrivedAt.IsZero() }

const delegateCols = `d.id, d.code, d.full_name, d.title, coalesce(d.unit_id,0), coalesce(d.group_id,0), d.phone, d.walk_in, d.protocol, coalesce(d.sheet_no,0),
	coalesce(u.name,''), coalesce(u.short,''), coalesce(u.kind,''), coalesce(g.name,''), c.at, coalesce(c.station,''), coalesce(c.user,''), d.honorific`

const delegateFrom = ` FROM delegates d LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN groups g ON g.id = d.group_id LEFT JOIN checkins c ON c.delegate_id = d.id`

type scanner interface{ Scan(...any) error }

func scanDelegate(r scanner) (Delegate, error) {
	var d Delegate
	var at sql.NullInt64
	err := r.Scan(&d.ID, &d.Code, &d.FullName, &d.Title, &d.UnitID, &d.GroupID, &d.Phone, &d.WalkIn, &d.Protocol, &d.SheetNo,
		&d.UnitName, &d.UnitShort, &d.UnitKind, &d.GroupName, &at, &d.ArrivedAs, &d.ArrivedBy, &d.Honorific)
	d.ArrivedAt = fromMS(at)
	return d, err
}

// Delegates lists every delegate with unit, group and check-in, ordered by id.
func (s *Store) Delegates(ctx context.Context) ([]Delegate, error) {
	return s.queryDelegates(ctx, `SELECT `+delegateCols+delegateFrom+` ORDER BY d.id`)
}

func (s *Store) queryDelegates(ctx context.Context, q string, args ...any) ([]Delegate, error) {
	return queryAll(ctx, s.read(), scanDelegate, q, args...)
}

// Delegate reads one delegate.
func (s *Store) Delegate(ctx context.Context, id int64) (Delegate, error) {
	d, err := scanDelegate(s.read().QueryRowContext(ctx, `SELECT `+delegateCols+delegateFrom+` WHERE d.id = ?`, id))
	return d, notFound(err)
}

// DelegateByCode finds a delegate by code, ignoring case and surrounding
// space (scanners may add either).
func (s *Store) DelegateByCode(ctx context.Context, code string) (Delegate, error) {
	d, err := scanDelegate(s.read().QueryRowContext(ctx, `SELECT `+delegateCols+delegateFrom+` WHERE d.code = ? COLLATE NOCASE`, strings.TrimSpace(code)))
	return d, notFound(err)
}

// DelegateBySheetNo finds the delegate on row n of the printed sign-in sheet.
func (s *Store) DelegateBySheetNo(ctx context.Context, n int) (Delegate, error) {
	d, err := scanDelegate(s.read().QueryRowContext(ctx, `SELECT `+delegateCols+delegateFrom+` WHERE d.sheet_no = ?`, n))
	return d, notFound(err)
}

func (t *Tx) readDelegate(ctx context.Context, id int64) (Delegate, error) {
	d, err := scanDelegate(t.queryRow(ctx, `SELECT `+delegateCols+delegateFrom+` WHERE d.id = ?`, id))
	return d, notFound(err)
}

func (d *Delegate) validate() error {
	var err error
	if d.FullName, err = clean("name", d.FullName, true, MaxName); err != nil {
		return err
	}
	if d.Code, err = clean("code", d.Code, false, 64); err != nil {
		return err
	}
	if d.Title, err = clean("title", d.Title, false, MaxName); err != nil {
		return err
	}
	if d.Phone, err = clean("phone", d.Phone, false, 40); err != nil {
		return err
	}
	h, ok := ParseHonorific(d.Honorific)
	if !ok {
		return invalid("honorific", "expected Ông or Bà")
	}
	d.Honorific = h
	// one form for every number, however it was typed or imported
	if d.Phone, err = sheet.Phone(d.Phone); err != nil {
		return invalid("phone", "not a phone number")
	}
	return nil
}

// SaveDelegate creates (ID 0) or updates a delegate. A new delegate without
// a code gets the next free "DB…" code.
func (s *Store) SaveDelegate(ctx context.Context, d Delegate) (int64, error) {
	var id int64
	err := s.write(ctx, PermSetup, func(t *Tx) error {
		var err error
		id, err = t.saveDelegate(ctx, d)
		return err
	})
	return id, err
}

// record is what the audit log keeps of a delegate (no joined fields).
func (d Delegate) record() Delegate {
	return Delegate{ID: d.ID, Code: d.Code, FullName: d.FullName, Title: d.Title, UnitID: d.UnitID, GroupID: d.GroupID,
		Phone: d.Phone, WalkIn: d.WalkIn, Protocol: d.Protocol, SheetNo: d.SheetNo, Honorific: d.Honorific}
}

func (t *Tx) saveDelegate(ctx context.Context, d Delegate) (int64, error) {
	if err := d.validate(); err != nil {
		return 0, err
	}
	if d.ID == 0 {
		if d.Honorific == "" {
			d.Honorific = GuessHonorific(d.FullName)
		}
		if d.Code == "" {
			prefix := "DB"
			if d.WalkIn {
				prefix = "VL"
			}
			c, err := t.nextCode(ctx, prefix)
			if err != nil {
				return 0, err
			}
			d.Code = c
		}
		// the id of a removed delegate is never given again: a question
		// form still open elsewhere holds it (the audit log keeps it)
		r, err := t.exec(ctx, `INSERT INTO delegates(id, code, full_name, folded, title, unit_id, group_id, phone, walk_in, protocol, sheet_no, created_at, honorific)
			VALUES (max(coalesce((SELECT max(id) FROM delegates), 0), coalesce((SELECT max(entity_id) FROM audit WHERE entity = 'delegate'), 0)) + 1,
			?,?,?,?,?,?,?,?,?,?,?,?)`, d.Code, d.FullName, Fold(d.FullName), d.Title, nullID(d.UnitID), nullID(d.GroupID), d.Phone, d.WalkIn,
			d.Protocol, nullID(int64(d.SheetNo)), ms(t.now), d.Honorific)
		if err != nil {
			return 0, fieldOnDup(err, "code")
		}
		d.ID, _ = r.LastInsertId()
		return d.ID, t.audit(ctx, "create", "delegate", d.ID, nil, d.record())
	}
	old, err := t.readDelegate(ctx, d.ID)
	if err != nil {
		return 0, err
	}
	if d.Code == "" {
		d.Code = old.Code
	}
	_, err = t.exec(ctx, `UPDATE delegates SET code=?, full_name=?, folded=?, title=?, unit_id=?, group_id=?, phone=?, walk_in=?, protocol=?, sheet_no=?, honorific=? WHERE id=?`,
		d.Code, d.FullName, Fold(d.FullName), d.Title, nullID(d.UnitID), nullID(d.GroupID), d.Phone, d.WalkIn, d.Protocol, nullID(int64(d.SheetNo)), d.Honorific, d.ID)
	if err != nil {
		return 0, fieldOnDup(err, "code")
	}
	return d.ID, t.audit(ctx, "update", "delegate", d.ID, old.record(), d.record())
}

// fieldOnDup names the field of a uniqueness failure.
func fieldOnDup(err error, field string) error {
	if err != nil && strings.Contains(err.Error(), "UNIQUE") {
		return fmt.Errorf("%s: %w", field, err)
	}
	return err
}

// nextCode returns prefix followed by the next free three-digit number.
// The codes of removed delegates count too (the audit log keeps them): a
// code on a printed invitation or a form still open at another station
// must never name someone else.
func (t *Tx) nextCode(ctx context.Context, prefix string) (string, error) {
	var n int
	err := t.queryRow(ctx, `SELECT coalesce(max(CAST(substr(code, ?) AS INTEGER)), 0) FROM (
			SELECT code FROM delegates
			UNION ALL SELECT json_extract(before, '$.code') FROM audit WHERE entity = 'delegate' AND action = 'delete'
		) WHERE code LIKE ? AND substr(code, ?) GLOB '[0-9]*'`,
		len(prefix)+1, prefix+"%", len(prefix)+1).Scan(&n)
	if err != nil {
		return "", mapErr(err)
	}
	return fmt.Sprintf("%s%03d", prefix, n+1), nil
}

// AssignSheetNumbers gives every delegate without a sign-in sheet number
// the next numbers after the highest one in use, in the order of the
// printed sheet: group position, then unit (protocol order of kind, then
// name), then name in Vietnamese list order (given name, then full name).
// Numbers already given are kept, so a printed sheet stays valid. It
// returns how many delegates were numbered; each change is audited.
func (s *Store) AssignSheetNumbers(ctx context.Context) (int, error) {
	var n int
	err := s.write(ctx, PermSetup, func(t *Tx) error {
		var err error
		n, err = t.assignSheetNumbers(ctx)
		return err
	})
	return n, err
}

func (t *Tx) assignSheetNumbers(ctx context.Context) (n int, err error) {
	err = func() error {
		var next int
		if err := t.queryRow(ctx, `SELECT coalesce(max(sheet_no), 0) FROM delegates`).Scan(&next); err != nil {
			return mapErr(err)
		}
		// SQL orders the blocks (one group and unit); names are ordered
		// within a block in Go, since SQL cannot split off the given name.
		rows, err := t.tx.QueryContext(ctx, `SELECT d.id, d.folded, coalesce(d.group_id, 0), coalesce(d.unit_id, 0) FROM delegates d
			LEFT JOIN groups g ON g.id = d.group_id LEFT JOIN units u ON u.id = d.unit_id
			WHERE d.sheet_no IS NULL
			ORDER BY g.id IS NULL, g.position, g.id, u.id IS NULL,
			CASE u.kind WHEN 'leadership' THEN 0 WHEN 'party' THEN 1 WHEN 'front' THEN 2 WHEN 'council' THEN 3
			WHEN 'agency' THEN 4 WHEN 'organisation' THEN 5 WHEN 'ward' THEN 6 WHEN 'commune' THEN 7 ELSE 8 END,
			u.folded, u.id`)
		if err != nil {
			return mapErr(err)
		}
		type row struct {
			id            int64
			folded, given string
			block         int
		}
		var list []row
		var lastGroup, lastUnit int64 = -1, -1
		block := 0
		for rows.Next() {
			var r row
			var g, u int64
			if err := rows.Scan(&r.id, &r.folded, &g, &u); err != nil {
				rows.Close()
				return err
			}
			if g != lastGroup || u != lastUnit {
				block++
				lastGroup, lastUnit = g, u
			}
			r.block = block
			if words := strings.Fields(r.folded); len(words) > 0 {
				r.given = words[len(words)-1]
			}
			list = append(list, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return mapErr(err)
		}
		slices.SortStableFunc(list, func(a, b row) int {
			return cmp.Or(cmp.Compare(a.block, b.block), cmp.Compare(a.given, b.given), cmp.Compare(a.folded, b.folded), cmp.Compare(a.id, b.id))
		})
		for _, r := range list {
			next++
			if _, err := t.exec(ctx, `UPDATE delegates SET sheet_no = ? WHERE id = ?`, next, r.id); err != nil {
				return err
			}
			if err := t.audit(ctx, "update", "delegate", r.id, map[string]any{"sheet_no": nil}, map[string]any{"sheet_no": next}); err != nil {
				return err
			}
		}
		n = len(list)
		return nil
	}()
	return n, err
}

// ListStamp changes whenever delegates, units, groups or apologies change,
// but not with check-ins: a desk holding 10,000 delegates re-reads only the
// check-ins while the stamp stays the same. It rests on the audit log
// (every such change writes a row) and on the delegates' count and
// highest id as a guard.
func (s *Store) ListStamp(ctx context.Context) (string, error) {
	var a, n, m int64
	err := s.read().QueryRowContext(ctx, `SELECT
		(SELECT coalesce(max(id), 0) FROM audit WHERE entity IN ('delegate', 'unit', 'group', 'apology')),
		(SELECT count(*) FROM delegates), (SELECT coalesce(max(id), 0) FROM delegates)`).Scan(&a, &n, &m)
	if err != nil {
		return "", mapErr(err)
	}
	return fmt.Sprintf("%d/%d/%d", a, n, m), nil
}
