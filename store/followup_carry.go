package store

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Carried is an obligation still open at the previous meeting, carried
// into this one ("từ kỳ trước").
type Carried struct {
	ID         int64          `json:"id"`
	Origin     string         `json:"origin"`     // the previous meeting's title
	OriginDay  string         `json:"origin_day"` // the day it was held
	OriginKey  string         `json:"origin_key"` // the obligation's key there
	Kind       ObligationKind `json:"kind"`
	AgencyID   int64          `json:"agency_id,omitempty"`
	Topic      string         `json:"topic,omitempty"`
	Asker      string         `json:"asker,omitempty"`
	Text       string         `json:"text"`
	Said       string         `json:"said,omitempty"`
	Due        string         `json:"due"`
	History    string         `json:"history,omitempty"`
	QuestionID int64          `json:"question_id,omitempty"` // linked question of this meeting

	Agency string `json:"-"`
}

const carriedCols = `c.id, c.origin, c.origin_day, c.origin_key, c.kind, coalesce(c.agency_id,0), c.topic, c.asker, c.text, c.said, c.due, c.history,
	coalesce(c.question_id,0), coalesce(u.name,'')`

func scanCarried(r scanner) (Carried, error) {
	var c Carried
	err := r.Scan(&c.ID, &c.Origin, &c.OriginDay, &c.OriginKey, &c.Kind, &c.AgencyID, &c.Topic, &c.Asker, &c.Text, &c.Said, &c.Due, &c.History,
		&c.QuestionID, &c.Agency)
	return c, err
}

func (c Carried) obligation() *Obligation {
	return &Obligation{Key: "c" + strconv.FormatInt(c.ID, 10), Kind: c.Kind, CarriedID: c.ID, AgencyID: c.AgencyID, Agency: c.Agency,
		Topic: c.Topic, Asker: c.Asker, Text: c.Text, Said: c.Said, BaseDue: c.Due, Carried: true, Origin: c.Origin, OriginDay: c.OriginDay,
		OriginKey: c.OriginKey, History: c.History}
}

// CarriedItems lists the carried items, for the secretary to link a
// question to one.
func (s *Store) CarriedItems(ctx context.Context) ([]Carried, error) {
	return queryAll(ctx, s.read(), scanCarried, `SELECT `+carriedCols+` FROM carried c LEFT JOIN units u ON u.id = c.agency_id ORDER BY c.id`)
}

// LinkCarried records that question (of this meeting) raises carried item
// again; question 0 unlinks it. The secretary's (PermQA), audited.
func (s *Store) LinkCarried(ctx context.Context, carriedID, questionID int64) error {
	return s.write(ctx, PermQA, func(t *Tx) error { return t.linkCarried(ctx, carriedID, questionID) })
}

func (t *Tx) linkCarried(ctx context.Context, carriedID, questionID int64) error {
	old, err := scanCarried(t.queryRow(ctx, `SELECT `+carriedCols+` FROM carried c LEFT JOIN units u ON u.id = c.agency_id WHERE c.id = ?`, carriedID))
	if err != nil {
		return notFound(err)
	}
	if old.QuestionID == questionID {
		return nil
	}
	if questionID != 0 {
		var n int
		if err := t.queryRow(ctx, `SELECT count(*) FROM questions WHERE id = ?`, questionID).Scan(&n); err != nil {
			return mapErr(err)
		}
		if n == 0 {
			return fmt.Errorf("%w: question %d", ErrNotFound, questionID)
		}
	}
	if _, err := t.exec(ctx, `UPDATE carried SET question_id = ? WHERE id = ?`, nullID(questionID), carriedID); err != nil {
		return err
	}
	nw := old
	nw.QuestionID = questionID
	old.Agency, nw.Agency = "", ""
	return t.audit(ctx, "link", "carried", carriedID, old, nw)
}

// linkQuestionCarried makes carriedID (0: none) the one carried item
// question raises again, in the question's own save: the other items
// linked to it are let go, each change audited.
func (t *Tx) linkQuestionCarried(ctx context.Context, question, carriedID int64) error {
	others, err := queryAll(ctx, t.tx, func(r scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, `SELECT id FROM carried WHERE question_id = ? AND id <> ?`, question, carriedID)
	if err != nil {
		return err
	}
	for _, id := range others {
		if err := t.linkCarried(ctx, id, 0); err != nil {
			return err
		}
	}
	if carriedID == 0 {
		return nil
	}
	return t.linkCarried(ctx, carriedID, question)
}

// Carry is what `init --carry-from` takes from the previous meeting: its
// details as a start (the year moved on, no date), topics, units, groups
// and every obligation still open.
type Carry struct {
	Meeting Meeting
	Topics  []string
	Units   []Unit
	Groups  []Group
	Items   []Carried // Agency names the unit (AgencyID is ignored)
	Zone    int       // the meeting's offset from UTC, minutes (ReadCarry reads it)
}

// ReadCarry reads the previous meeting file at path, without changing it,
// into what the next meeting starts with. It refuses a file that is not a
// meeting or was made by a newer version.
func ReadCarry(ctx context.Context, path string) (Carry, error) {
	var c Carry
	err := withReadOnly(ctx, path, func(s *Store) error {
		m, err := s.Meeting(ctx)
		if err != nil {
			return err
		}
		reg, err := s.Register(ctx)
		if err != nil {
			return err
		}
		if c.Topics, err = s.Topics(ctx); err != nil {
			return err
		}
		if c.Units, err = s.Units(ctx); err != nil {
			return err
		}
		if c.Groups, err = s.Groups(ctx); err != nil {
			return err
		}
		c.Meeting = nextMeeting(m, reg.HeldOn)
		if err := s.read().QueryRowContext(ctx, `SELECT utc_offset FROM meeting WHERE id = 1`).Scan(&c.Zone); err != nil {
			return mapErr(err)
		}
		for _, o := range reg.Obligations {
			if !o.Status.Open() {
				continue
			}
			item := Carried{Origin: m.Title, OriginDay: reg.HeldOn, OriginKey: o.Key, Kind: o.Kind, Agency: o.Agency, Topic: o.Topic,
				Asker: joinNonEmpty(" - ", o.Asker, o.AskerUnit), Text: o.Text, Said: o.Said, Due: o.Due, History: historyLines(o)}
			if o.Carried {
				// already carried once: keep where it was born
				item.Origin, item.OriginDay, item.OriginKey, item.Asker = o.Origin, o.OriginDay, o.OriginKey, o.Asker
			}
			if item.Due == "" {
				item.Due = AddDays(reg.HeldOn, PetitionDueDays)
			}
			c.Items = append(c.Items, item)
		}
		return nil
	})
	return c, err
}

var yearRe = regexp.MustCompile(`\b(19|20)\d\d\b`)

// nextMeeting is the previous meeting's details for the next one: the
// year in its title moved on by one, no date or start time.
func nextMeeting(m Meeting, held string) Meeting {
	n := m
	n.Date, n.StartTime, n.Assessment = "", "", ""
	if y, err := strconv.Atoi(year4(cmpOrStr(held, m.Date))); err == nil {
		n.Title = strings.ReplaceAll(m.Title, strconv.Itoa(y), strconv.Itoa(y+1))
	} else if loc := yearRe.FindStringIndex(m.Title); loc != nil {
		y, _ := strconv.Atoi(m.Title[loc[0]:loc[1]])
		n.Title = m.Title[:loc[0]] + strconv.Itoa(y+1) + m.Title[loc[1]:]
	}
	return n
}

func cmpOrStr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// historyLines is what was recorded against an obligation, one line each,
// for the next meeting's record.
func historyLines(o Obligation) string {
	var lines []string
	if o.History != "" {
		lines = append(lines, o.History)
	}
	for _, e := range o.Extensions {
		if !e.Voided {
			lines = append(lines, "Gia hạn đến "+dmy(e.NewDue)+": "+e.Reason)
		}
	}
	for _, r := range o.Receipts {
		if !r.Voided {
			lines = append(lines, joinNonEmpty(": ", "Văn bản số "+r.DocNo+" ngày "+dmy(r.DocDate), r.Summary))
		}
	}
	return strings.Join(lines, "\n")
}

// dmy writes YYYY-MM-DD as dd/mm/yyyy.
func dmy(iso string) string {
	if len(iso) != 10 {
		return iso
	}
	return iso[8:10] + "/" + iso[5:7] + "/" + iso[:4]
}

// LoadCarry writes what ReadCarry read into this new, empty meeting file,
// in one transaction: the meeting, topics, units (by name), groups and
// the carried items, their agencies found among the units by name.
func (s *Store) LoadCarry(ctx context.Context, c Carry) error {
	return s.write(ctx, PermSetup, func(t *Tx) error {
		var n int
		if err := t.queryRow(ctx, `SELECT (SELECT count(*) FROM meeting) + (SELECT count(*) FROM delegates) + (SELECT count(*) FROM carried)`).Scan(&n); err != nil {
			return mapErr(err)
		}
		if n > 0 {
			return fmt.Errorf("%w: the meeting file is not empty", ErrDuplicate)
		}
		m := c.Meeting
		if err := validateMeeting(&m); err != nil {
			return err
		}
		if err := t.saveMeeting(ctx, m); err != nil {
			return err
		}
		if _, err := t.exec(ctx, `UPDATE meeting SET utc_offset = ? WHERE id = 1`, c.Zone); err != nil {
			return err
		}
		if len(c.Topics) > 0 {
			if err := t.setTopics(ctx, c.Topics); err != nil {
				return err
			}
		}
		for _, u := range c.Units {
			if _, err := t.saveUnit(ctx, Unit{Name: u.Name, Short: u.Short, Kind: u.Kind, Contact: u.Contact, Phone: u.Phone}); err != nil {
				return fmt.Errorf("unit %q: %w", u.Name, err)
			}
		}
		for i, g := range c.Groups {
			if _, err := t.saveGroup(ctx, Group{Name: g.Name, Quota: g.Quota, Position: i + 1}); err != nil {
				return fmt.Errorf("group %q: %w", g.Name, err)
			}
		}
		for _, it := range c.Items {
			if err := t.addCarried(ctx, it); err != nil {
				return err
			}
		}
		return nil
	})
}

func (t *Tx) addCarried(ctx context.Context, c Carried) error {
	var err error
	for _, f := range []struct {
		name string
		v    *string
		max  int
	}{{"origin", &c.Origin, 500}, {"asker", &c.Asker, MaxName}, {"topic", &c.Topic, MaxName}, {"text", &c.Text, MaxText},
		{"said", &c.Said, MaxText}, {"history", &c.History, MaxText * 4}} {
		if *f.v, err = clean(f.name, *f.v, f.name == "text", f.max); err != nil {
			return fmt.Errorf("carried %s: %w", c.OriginKey, err)
		}
	}
	if c.Kind != KindWritten && c.Kind != KindReferred && c.Kind != KindPetition {
		return invalid("kind", "unknown")
	}
	c.AgencyID = 0
	if c.Agency != "" {
		if c.AgencyID, err = t.ensureUnit(ctx, c.Agency, UnitAgency); err != nil {
			return err
		}
	}
	r, err := t.exec(ctx, `INSERT INTO carried(origin, origin_day, origin_key, kind, agency_id, topic, asker, text, said, due, history) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		c.Origin, c.OriginDay, c.OriginKey, c.Kind, nullID(c.AgencyID), c.Topic, c.Asker, c.Text, c.Said, c.Due, c.History)
	if err != nil {
		return err
	}
	c.ID, _ = r.LastInsertId()
	c.Agency = ""
	return t.audit(ctx, "create", "carried", c.ID, nil, c)
}
