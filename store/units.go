package store

import (
	"context"
	"database/sql"

	"doithoai/store/sheet"
	"doithoai/store/textclean"
)

// Unit is an agency, ward, commune, Party board or organisation. Contact
// and Phone are the person the office calls about its prepared answers
// (the Chairman's briefing lists them).
type Unit struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Short   string   `json:"short,omitempty"`
	Kind    UnitKind `json:"kind"`
	Contact string   `json:"contact,omitempty"`
	Phone   string   `json:"phone,omitempty"`
	// Addressing: "Giao" or "Đề nghị" in the conclusion notice; empty
	// follows the kind (Requested).
	Addressing Addressing `json:"addressing,omitempty"`
}

const unitCols = `id, name, short, kind, contact_name, contact_phone, addressing`

func scanUnit(r scanner) (Unit, error) {
	var u Unit
	err := r.Scan(&u.ID, &u.Name, &u.Short, &u.Kind, &u.Contact, &u.Phone, &u.Addressing)
	return u, err
}

func (t *Tx) readUnit(ctx context.Context, id int64) (Unit, error) {
	u, err := scanUnit(t.queryRow(ctx, `SELECT `+unitCols+` FROM units WHERE id = ?`, id))
	return u, notFound(err)
}

// Label is the short name when there is one.
func (u Unit) Label() string {
	if u.Short != "" {
		return u.Short
	}
	return u.Name
}

// Group is an attendee category with an optional quota (0 = none).
type Group struct {
	ID       int64  `json:"id"`
	Position int    `json:"position"`
	Name     string `json:"name"`
	Quota    int    `json:"quota"`
}

func validKind(k UnitKind) bool {
	for _, x := range UnitKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Units lists all units in protocol order of kind, then name.
func (s *Store) Units(ctx context.Context) ([]Unit, error) {
	return queryAll(ctx, s.read(), scanUnit, `SELECT `+unitCols+` FROM units
		ORDER BY CASE kind WHEN 'leadership' THEN 0 WHEN 'party' THEN 1 WHEN 'front' THEN 2 WHEN 'council' THEN 3
		WHEN 'agency' THEN 4 WHEN 'organisation' THEN 5 WHEN 'ward' THEN 6 WHEN 'commune' THEN 7 ELSE 8 END, id`)
}

// SaveUnit creates (ID 0) or updates a unit; it returns the ID.
func (s *Store) SaveUnit(ctx context.Context, u Unit) (int64, error) {
	var id int64
	err := s.write(ctx, PermSetup, func(t *Tx) error {
		var err error
		id, err = t.saveUnit(ctx, u)
		return err
	})
	return id, err
}

func (t *Tx) saveUnit(ctx context.Context, u Unit) (int64, error) {
	var err error
	if u.Name, err = clean("name", u.Name, true, MaxName); err != nil {
		return 0, err
	}
	if u.Short, err = clean("short", u.Short, false, MaxName); err != nil {
		return 0, err
	}
	if u.Contact, err = clean("contact", u.Contact, false, MaxName); err != nil {
		return 0, err
	}
	if u.Phone, err = clean("phone", u.Phone, false, 40); err != nil {
		return 0, err
	}
	if u.Phone, err = sheet.Phone(u.Phone); err != nil {
		return 0, invalid("phone", "not a phone number")
	}
	if u.Kind == "" {
		u.Kind = UnitOther
	}
	if !validKind(u.Kind) {
		return 0, invalid("kind", "unknown unit kind")
	}
	switch u.Addressing {
	case AddressByKind, AddressAssign, AddressAsk:
	default:
		return 0, invalid("addressing", "expected assign or request")
	}
	if u.ID == 0 {
		r, err := t.exec(ctx, `INSERT INTO units(name, short, kind, folded, contact_name, contact_phone, addressing) VALUES (?,?,?,?,?,?,?)`,
			u.Name, u.Short, u.Kind, Fold(u.Name), u.Contact, u.Phone, u.Addressing)
		if err != nil {
			return 0, err
		}
		u.ID, _ = r.LastInsertId()
		return u.ID, t.audit(ctx, "create", "unit", u.ID, nil, u)
	}
	old, err := t.readUnit(ctx, u.ID)
	if err != nil {
		return 0, err
	}
	if _, err := t.exec(ctx, `UPDATE units SET name=?, short=?, kind=?, folded=?, contact_name=?, contact_phone=?, addressing=? WHERE id=?`,
		u.Name, u.Short, u.Kind, Fold(u.Name), u.Contact, u.Phone, u.Addressing, u.ID); err != nil {
		return 0, err
	}
	return u.ID, t.audit(ctx, "update", "unit", u.ID, old, u)
}

// unitByName finds a unit by folded name or short name; 0 if none.
func (t *Tx) unitByName(ctx context.Context, name string) (int64, error) {
	f := Fold(name)
	if f == "" {
		return 0, nil
	}
	var id int64
	err := t.queryRow(ctx, `SELECT id FROM units WHERE folded = ? UNION ALL SELECT id FROM units WHERE short <> '' AND lower(short) = lower(?) LIMIT 1`, f, name).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, mapErr(err)
}

// ensureUnit returns the unit with that name, creating it (kind other) if
// there is none.
func (t *Tx) ensureUnit(ctx context.Context, name string, kind UnitKind) (int64, error) {
	name = textclean.Line(name) // to find the unit saved under the cleaned name
	id, err := t.unitByName(ctx, name)
	if err != nil || id != 0 || name == "" {
		return id, err
	}
	if kind == "" {
		kind = UnitOther
	}
	return t.saveUnit(ctx, Unit{Name: name, Kind: kind})
}

// DeleteUnit removes a unit nobody refers to.
func (s *Store) DeleteUnit(ctx context.Context, id int64) error {
	return s.write(ctx, PermSetup, func(t *Tx) error {
		old, err := t.readUnit(ctx, id)
		if err != nil {
			return err
		}
		if _, err := t.exec(ctx, `DELETE FROM units WHERE id = ?`, id); err != nil {
			return err
		}
		return t.audit(ctx, "delete", "unit", id, old, nil)
	})
}

// Groups lists the attendee groups in order.
func (s *Store) Groups(ctx context.Context) ([]Group, error) {
	rows, err := s.read().QueryContext(ctx, `SELECT id, position, name, quota FROM groups ORDER BY position, id`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []Group
	for rows.Next() {
		var g Group
		if err := rows.Scan(&g.ID, &g.Position, &g.Name, &g.Quota); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// SaveGroup creates (ID 0) or updates a group.
func (s *Store) SaveGroup(ctx context.Context, g Group) (int64, error) {
	var id int64
	err := s.write(ctx, PermSetup, func(t *Tx) error {
		var err error
		id, err = t.saveGroup(ctx, g)
		return err
	})
	return id, err
}

func (t *Tx) saveGroup(ctx context.Context, g Group) (int64, error) {
	var err error
	if g.Name, err = clean("name", g.Name, true, MaxName); err != nil {
		return 0, err
	}
	if g.Quota < 0 {
		return 0, invalid("quota", "must not be negative")
	}
	if g.ID == 0 {
		if g.Position == 0 {
			t.queryRow(ctx, `SELECT coalesce(max(position),0)+1 FROM groups`).Scan(&g.Position)
		}
		r, err := t.exec(ctx, `INSERT INTO groups(position, name, quota, folded) VALUES (?,?,?,?)`, g.Position, g.Name, g.Quota, Fold(g.Name))
		if err != nil {
			return 0, err
		}
		g.ID, _ = r.LastInsertId()
		return g.ID, t.audit(ctx, "create", "group", g.ID, nil, g)
	}
	var old Group
	if err := t.queryRow(ctx, `SELECT id, position, name, quota FROM groups WHERE id = ?`, g.ID).Scan(&old.ID, &old.Position, &old.Name, &old.Quota); err != nil {
		return 0, notFound(err)
	}
	if g.Position == 0 {
		g.Position = old.Position
	}
	if _, err := t.exec(ctx, `UPDATE groups SET position=?, name=?, quota=?, folded=? WHERE id=?`, g.Position, g.Name, g.Quota, Fold(g.Name), g.ID); err != nil {
		return 0, err
	}
	return g.ID, t.audit(ctx, "update", "group", g.ID, old, g)
}

func (t *Tx) groupByName(ctx context.Context, name string) (int64, error) {
	f := Fold(name)
	if f == "" {
		return 0, nil
	}
	var id int64
	err := t.queryRow(ctx, `SELECT id FROM groups WHERE folded = ?`, f).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, mapErr(err)
}

func (t *Tx) ensureGroup(ctx context.Context, name string) (int64, error) {
	name = textclean.Line(name)
	id, err := t.groupByName(ctx, name)
	if err != nil || id != 0 || name == "" {
		return id, err
	}
	return t.saveGroup(ctx, Group{Name: name})
}

const topicsQuery = `SELECT name FROM topics ORDER BY position, id`

// Topics lists the dialogue topics in order.
func (s *Store) Topics(ctx context.Context) ([]string, error) {
	return queryAll(ctx, s.read(), scanString, topicsQuery)
}

// SetTopics replaces the topic list.
func (s *Store) SetTopics(ctx context.Context, topics []string) error {
	return s.write(ctx, PermSetup, func(t *Tx) error { return t.setTopics(ctx, topics) })
}

func (t *Tx) setTopics(ctx context.Context, topics []string) error {
	var before []string
	rows, err := t.tx.QueryContext(ctx, `SELECT name FROM topics ORDER BY position, id`)
	if err != nil {
		return mapErr(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		before = append(before, n)
	}
	rows.Close()
	if _, err := t.exec(ctx, `DELETE FROM topics`); err != nil {
		return err
	}
	var after []string
	for i, name := range topics {
		name, err := clean("topic", name, true, MaxName)
		if err != nil {
			return err
		}
		if _, err := t.exec(ctx, `INSERT INTO topics(position, name, folded) VALUES (?,?,?)`, i+1, name, Fold(name)); err != nil {
			return err
		}
		after = append(after, name)
	}
	return t.audit(ctx, "update", "topics", 0, before, after)
}

// TopicRename is one topic renamed in an edit of the list: the questions
// and petitions filed under From (accents and case aside) move to To.
type TopicRename struct{ From, To string }

// RenameTopic renames one topic of the list and carries its questions and
// petitions to the new name, in one audited transaction.
func (s *Store) RenameTopic(ctx context.Context, from, to string) error {
	return s.write(ctx, PermSetup, func(t *Tx) error {
		list, err := queryAll(ctx, t.tx, scanString, topicsQuery)
		if err != nil {
			return err
		}
		for i, n := range list {
			if Fold(n) == Fold(from) {
				list[i] = to
			}
		}
		return t.editTopics(ctx, list, []TopicRename{{From: from, To: to}})
	})
}

// editTopics replaces the list and applies the renames to the records
// filed under the old names.
func (t *Tx) editTopics(ctx context.Context, topics []string, renames []TopicRename) error {
	if err := t.setTopics(ctx, topics); err != nil {
		return err
	}
	for _, r := range renames {
		to, err := clean("topic", r.To, true, MaxName)
		if err != nil {
			return err
		}
		if err := t.retopic(ctx, Fold(r.From), to); err != nil {
			return err
		}
	}
	return nil
}

// retopic files every question and petition whose topic folds to from
// under to, each change audited.
func (t *Tx) retopic(ctx context.Context, from, to string) error {
	if from == "" {
		return nil
	}
	qs, err := queryAll(ctx, t.tx, scanQuestion, `SELECT `+questionCols+` FROM questions WHERE topic <> ''`)
	if err != nil {
		return err
	}
	for _, q := range qs {
		if Fold(q.Topic) != from || q.Topic == to {
			continue
		}
		nq := q
		nq.Topic = to
		if _, err := t.exec(ctx, `UPDATE questions SET topic = ? WHERE id = ?`, to, q.ID); err != nil {
			return err
		}
		if err := t.audit(ctx, "update", "question", q.ID, q, nq); err != nil {
			return err
		}
	}
	ps, err := queryAll(ctx, t.tx, scanPetition, `SELECT `+petitionCols+petitionFrom+` WHERE p.topic <> ''`)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if Fold(p.Topic) != from || p.Topic == to {
			continue
		}
		p.Topic = to
		if _, err := t.savePetition(ctx, p); err != nil {
			return err
		}
	}
	return nil
}
