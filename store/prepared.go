package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
)

// Before the day, every petition goes to an agency, which sends back the
// answer the Chairman will give. The office tracks those answers: asked
// on a date, due by a deadline, received (or still missing, or late).

// Received reports whether the prepared answer has arrived: it has a
// date of arrival, or its text was typed in.
func (p Petition) Received() bool {
	return p.ReceivedOn != "" || strings.TrimSpace(p.PreparedAnswer) != ""
}

// Missing reports whether an agency owes the petition's prepared answer.
func (p Petition) Missing() bool { return p.AgencyID != 0 && !p.Received() }

// Late reports whether the answer came after its deadline, or is still
// missing on today (YYYY-MM-DD) with the deadline passed. An answer typed
// in without a date of arrival is not counted late.
func (p Petition) Late(today string) bool {
	switch {
	case p.DueOn == "" || p.AgencyID == 0:
		return false
	case p.ReceivedOn != "":
		return p.ReceivedOn > p.DueOn
	case p.Received():
		return false
	}
	return today > p.DueOn
}

// AgencyAnswers is where one agency's prepared answers stand.
type AgencyAnswers struct {
	AgencyID int64  `json:"agency_id"`
	Agency   string `json:"agency"`
	Asked    int    `json:"asked"`    // petitions assigned to it
	Received int    `json:"received"` // answers arrived
	Missing  int    `json:"missing"`  // answers still owed
	Late     int    `json:"late"`     // arrived after, or missing past, the deadline
	// Owed lists the petitions still missing an answer, by number.
	Owed []Petition `json:"-"`
}

// PreparedTotals sums the agencies' lines; Unassigned counts the
// petitions no agency was given yet.
type PreparedTotals struct {
	AgencyAnswers
	Unassigned int `json:"unassigned"`
}

// PreparedByAgency sums the prepared answers per agency as of today
// (YYYY-MM-DD), agencies in the order of units (protocol order, as Units
// lists them), then any not in it by name.
func PreparedByAgency(ps []Petition, units []Unit, today string) ([]AgencyAnswers, PreparedTotals) {
	order := map[int64]int{}
	for i, u := range units {
		order[u.ID] = i
	}
	var tot PreparedTotals
	idx := map[int64]int{}
	var out []AgencyAnswers
	for _, p := range ps {
		if p.AgencyID == 0 {
			tot.Unassigned++
			continue
		}
		i, ok := idx[p.AgencyID]
		if !ok {
			i = len(out)
			idx[p.AgencyID] = i
			out = append(out, AgencyAnswers{AgencyID: p.AgencyID, Agency: p.AgencyName})
		}
		a := &out[i]
		a.Asked++
		if p.Received() {
			a.Received++
		} else {
			a.Missing++
			a.Owed = append(a.Owed, p)
		}
		if p.Late(today) {
			a.Late++
		}
	}
	slices.SortStableFunc(out, func(x, y AgencyAnswers) int {
		ox, okx := order[x.AgencyID]
		oy, oky := order[y.AgencyID]
		if okx != oky {
			if okx {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(ox, oy), cmp.Compare(Fold(x.Agency), Fold(y.Agency)))
	})
	for _, a := range out {
		tot.Asked += a.Asked
		tot.Received += a.Received
		tot.Missing += a.Missing
		tot.Late += a.Late
	}
	tot.Agency = ""
	return out, tot
}

// MarkAsked records that every petition with an agency and no date asked
// was sent to its agency on asked, with the deadline due (both
// YYYY-MM-DD; due may be empty): the office sends the assignments in one
// letter. agency limits it to one agency's petitions (0: every agency),
// for the letter that goes out later than the others. It returns how many
// petitions it marked; each change is audited.
func (s *Store) MarkAsked(ctx context.Context, agency int64, asked, due string) (int, error) {
	if strings.TrimSpace(asked) == "" {
		return 0, invalid("asked_on", "required")
	}
	n := 0
	err := s.write(ctx, PermSetup, func(t *Tx) error {
		n = 0
		ps, err := t.allPetitions(ctx)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if p.AgencyID == 0 || p.AskedOn != "" || (agency != 0 && p.AgencyID != agency) {
				continue
			}
			np := p.record()
			np.AskedOn = asked
			if np.DueOn == "" {
				np.DueOn = due
			}
			if _, err := t.savePetition(ctx, np); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}
