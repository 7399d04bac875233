package store

import (
	"context"
	"strings"
	"time"
)

// Petition is a pre-submitted question with its assigned agency and the
// answer the agency prepared. Raised counts questions linked to it on the day.
type Petition struct {
	ID             int64  `json:"id"`
	No             int    `json:"no"`
	Topic          string `json:"topic,omitempty"`
	Text           string `json:"text"`
	DelegateID     int64  `json:"delegate_id,omitempty"`
	SourceUnitID   int64  `json:"source_unit_id,omitempty"`
	AgencyID       int64  `json:"agency_id,omitempty"`
	PreparedAnswer string `json:"prepared_answer,omitempty"`
	// The prepared answer tracked (YYYY-MM-DD, "" = not yet): when the
	// agency was asked, its deadline, when the answer arrived.
	AskedOn    string `json:"asked_on,omitempty"`
	DueOn      string `json:"due_on,omitempty"`
	ReceivedOn string `json:"received_on,omitempty"`

	SourceName string `json:"-"` // delegate's name, else source unit's
	SourceUnit string `json:"-"`
	AgencyName string `json:"-"`
	Raised     int    `json:"-"`
}

const petitionCols = `p.id, p.no, p.topic, p.text, coalesce(p.delegate_id,0), coalesce(p.source_unit_id,0), coalesce(p.agency_id,0), p.prepared_answer, p.asked_on, p.due_on, p.received_on,
	coalesce(d.full_name, su.name, ''), coalesce(du.name, su.name, ''), coalesce(a.name,''),
	(SELECT count(*) FROM questions q WHERE q.petition_id = p.id)`

const petitionFrom = ` FROM petitions p LEFT JOIN delegates d ON d.id = p.delegate_id LEFT JOIN units du ON du.id = d.unit_id
	LEFT JOIN units su ON su.id = p.source_unit_id LEFT JOIN units a ON a.id = p.agency_id`

func scanPetition(r scanner) (Petition, error) {
	var p Petition
	err := r.Scan(&p.ID, &p.No, &p.Topic, &p.Text, &p.DelegateID, &p.SourceUnitID, &p.AgencyID, &p.PreparedAnswer, &p.AskedOn, &p.DueOn, &p.ReceivedOn,
		&p.SourceName, &p.SourceUnit, &p.AgencyName, &p.Raised)
	return p, err
}

const petitionsQuery = `SELECT ` + petitionCols + petitionFrom + ` ORDER BY p.no, p.id`

// Petitions lists every petition by number.
func (s *Store) Petitions(ctx context.Context) ([]Petition, error) {
	return queryAll(ctx, s.read(), scanPetition, petitionsQuery)
}

// Petition reads one petition.
func (s *Store) Petition(ctx context.Context, id int64) (Petition, error) {
	p, err := scanPetition(s.read().QueryRowContext(ctx, `SELECT `+petitionCols+petitionFrom+` WHERE p.id = ?`, id))
	return p, notFound(err)
}

func (p Petition) record() Petition {
	return Petition{ID: p.ID, No: p.No, Topic: p.Topic, Text: p.Text, DelegateID: p.DelegateID, SourceUnitID: p.SourceUnitID,
		AgencyID: p.AgencyID, PreparedAnswer: p.PreparedAnswer, AskedOn: p.AskedOn, DueOn: p.DueOn, ReceivedOn: p.ReceivedOn}
}

// SavePetition creates (ID 0; No defaults to the next number) or updates a
// petition.
func (s *Store) SavePetition(ctx context.Context, p Petition) (int64, error) {
	var id int64
	err := s.write(ctx, PermSetup, func(t *Tx) error {
		var err error
		id, err = t.savePetition(ctx, p)
		return err
	})
	return id, err
}

func (t *Tx) savePetition(ctx context.Context, p Petition) (int64, error) {
	var err error
	if p.Text, err = clean("text", p.Text, true, MaxText); err != nil {
		return 0, err
	}
	if p.Topic, err = clean("topic", p.Topic, false, MaxName); err != nil {
		return 0, err
	}
	if p.PreparedAnswer, err = clean("prepared_answer", p.PreparedAnswer, false, MaxText); err != nil {
		return 0, err
	}
	if err := p.checkDates(); err != nil {
		return 0, err
	}
	folded := Fold(p.Topic + " " + p.Text)
	if p.ID == 0 {
		if p.No == 0 {
			if err := t.queryRow(ctx, `SELECT coalesce(max(no),0)+1 FROM petitions`).Scan(&p.No); err != nil {
				return 0, mapErr(err)
			}
		}
		r, err := t.exec(ctx, `INSERT INTO petitions(no, topic, text, delegate_id, source_unit_id, agency_id, prepared_answer, asked_on, due_on, received_on, folded)
			VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
			p.No, p.Topic, p.Text, nullID(p.DelegateID), nullID(p.SourceUnitID), nullID(p.AgencyID), p.PreparedAnswer, p.AskedOn, p.DueOn, p.ReceivedOn, folded)
		if err != nil {
			return 0, err
		}
		p.ID, _ = r.LastInsertId()
		return p.ID, t.audit(ctx, "create", "petition", p.ID, nil, p.record())
	}
	old, err := scanPetition(t.queryRow(ctx, `SELECT `+petitionCols+petitionFrom+` WHERE p.id = ?`, p.ID))
	if err != nil {
		return 0, notFound(err)
	}
	if p.No == 0 {
		p.No = old.No
	}
	if _, err := t.exec(ctx, `UPDATE petitions SET no=?, topic=?, text=?, delegate_id=?, source_unit_id=?, agency_id=?, prepared_answer=?,
		asked_on=?, due_on=?, received_on=?, folded=? WHERE id=?`,
		p.No, p.Topic, p.Text, nullID(p.DelegateID), nullID(p.SourceUnitID), nullID(p.AgencyID), p.PreparedAnswer,
		p.AskedOn, p.DueOn, p.ReceivedOn, folded, p.ID); err != nil {
		return 0, err
	}
	return p.ID, t.audit(ctx, "update", "petition", p.ID, old.record(), p.record())
}

// checkDates refuses a date that is not YYYY-MM-DD, a deadline before the
// day the agency was asked, and an answer that arrived before it.
func (p *Petition) checkDates() error {
	for _, f := range []struct {
		name string
		v    *string
	}{{"asked_on", &p.AskedOn}, {"due_on", &p.DueOn}, {"received_on", &p.ReceivedOn}} {
		*f.v = strings.TrimSpace(*f.v)
		if *f.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", *f.v); err != nil {
			return invalid(f.name, "expected YYYY-MM-DD")
		}
	}
	if p.AskedOn != "" && p.DueOn != "" && p.DueOn < p.AskedOn {
		return invalid("due_on", "before the day the agency was asked")
	}
	if p.AskedOn != "" && p.ReceivedOn != "" && p.ReceivedOn < p.AskedOn {
		return invalid("received_on", "before the day the agency was asked")
	}
	return nil
}
