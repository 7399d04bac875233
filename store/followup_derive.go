package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// obligations is the derived set, keyed, in the order it was built.
type obligations struct {
	byKey map[string]*Obligation
	order []string
	// every answer, question and petition, for the orphans
	answers   map[int64]fuAnswer
	questions map[int64]fuQuestion
	petitions map[int64]Petition
	held      string
	ran       bool
}

func (s *obligations) add(o *Obligation) {
	if _, ok := s.byKey[o.Key]; !ok {
		s.order = append(s.order, o.Key)
	}
	s.byKey[o.Key] = o
}

type fuQuestion struct {
	id, petition             int64
	no                       int
	topic, asker, unit, text string
	spot                     bool // answered on the spot
	settled                  bool // answered on the spot, in writing or by referral
	said                     string
}

type fuAnswer struct {
	id, question             int64
	person, summary          string
	agencyID, followupID     int64
	agencyName, followupName string
	outcome                  Outcome
	due                      string
}

func (a fuAnswer) said() string {
	who := a.person
	if a.agencyName != "" && !strings.Contains(Fold(a.person), Fold(a.agencyName)) {
		who = joinNonEmpty(", ", a.person, a.agencyName)
	}
	return joinNonEmpty(": ", who, a.summary)
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// deriveObligations builds the obligations of the meeting from its
// answers, petitions and carried items (held: the day it was held).
func deriveObligations(ctx context.Context, q readTx, held string) (*obligations, error) {
	obs := &obligations{byKey: map[string]*Obligation{}, answers: map[int64]fuAnswer{}, questions: map[int64]fuQuestion{},
		petitions: map[int64]Petition{}, held: held}
	qs, err := queryAll(ctx, q, func(r scanner) (fuQuestion, error) {
		var x fuQuestion
		err := r.Scan(&x.id, &x.no, &x.topic, &x.asker, &x.unit, &x.text, &x.petition)
		return x, err
	}, `SELECT id, ROW_NUMBER() OVER (ORDER BY asked_at, id), topic, asker_name, asker_unit, text, coalesce(petition_id,0) FROM questions`)
	if err != nil {
		return nil, err
	}
	for _, x := range qs {
		obs.questions[x.id] = x
	}
	ps, err := queryAll(ctx, q, scanPetition, petitionsQuery)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		obs.petitions[p.ID] = p
	}
	as, err := queryAll(ctx, q, func(r scanner) (fuAnswer, error) {
		var a fuAnswer
		err := r.Scan(&a.id, &a.question, &a.person, &a.agencyID, &a.agencyName, &a.summary, &a.outcome, &a.followupID, &a.followupName, &a.due)
		return a, err
	}, `SELECT a.id, a.question_id, a.person, coalesce(a.agency_id,0), coalesce(u.name,''), a.summary, a.outcome,
		coalesce(a.followup_agency_id,0), coalesce(f.name,''), coalesce(a.due_date,'')
		FROM answers a LEFT JOIN units u ON u.id = a.agency_id LEFT JOIN units f ON f.id = a.followup_agency_id
		ORDER BY a.question_id, a.position, a.id`)
	if err != nil {
		return nil, err
	}
	for _, a := range as {
		obs.answers[a.id] = a
		x := obs.questions[a.question]
		switch a.outcome {
		case OutcomeSpot:
			x.spot, x.settled = true, true
			x.said = joinNonEmpty("; ", x.said, a.said())
		case OutcomeWritten, OutcomeReferred:
			x.settled = true
		}
		obs.questions[a.question] = x
	}
	// answers owing something, in the order of the minutes
	slices.SortStableFunc(as, func(a, b fuAnswer) int {
		return cmp.Compare(obs.questions[a.question].no, obs.questions[b.question].no)
	})
	for _, a := range as {
		if a.outcome == OutcomeWritten || a.outcome == OutcomeReferred {
			obs.add(obs.fromAnswer(a))
		}
	}
	raised := map[int64][]fuQuestion{}
	for _, x := range qs {
		if x.petition != 0 {
			raised[x.petition] = append(raised[x.petition], obs.questions[x.id])
		}
	}
	// Before the meeting has run, a petition is not yet "not raised at the
	// meeting": it owes nothing (a plain meeting file tried out months
	// later would otherwise list every petition overdue).
	obs.ran = len(qs) > 0
	if !obs.ran {
		if err := q.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM agenda_items WHERE started_at IS NOT NULL)`).Scan(&obs.ran); err != nil {
			return nil, mapErr(err)
		}
	}
	for _, p := range ps {
		settled := false
		for _, x := range raised[p.ID] {
			settled = settled || x.settled
		}
		if obs.ran && !settled {
			obs.add(obs.fromPetition(p, raised[p.ID]))
		}
	}
	cs, err := queryAll(ctx, q, scanCarried, `SELECT `+carriedCols+` FROM carried c LEFT JOIN units u ON u.id = c.agency_id ORDER BY c.id`)
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		o := c.obligation()
		if c.QuestionID != 0 {
			x := obs.questions[c.QuestionID]
			o.LinkedQNo = x.no
			o.LinkedAnswer = x.said
			o.linkedSpot = x.spot
		}
		obs.add(o)
	}
	return obs, nil
}

func (obs *obligations) fromAnswer(a fuAnswer) *Obligation {
	x := obs.questions[a.question]
	o := &Obligation{Key: "a" + strconv.FormatInt(a.id, 10), Kind: ObligationKind(a.outcome), QuestionID: a.question, AnswerID: a.id,
		QNo: x.no, Topic: x.topic, Asker: x.asker, AskerUnit: x.unit, Text: x.text, Said: a.said(), BaseDue: a.due}
	o.AgencyID, o.Agency = a.followupID, a.followupName
	if o.AgencyID == 0 {
		o.AgencyID, o.Agency = a.agencyID, a.agencyName
	}
	if a.outcome != OutcomeWritten && a.outcome != OutcomeReferred {
		o.Kind, o.Orphan = KindWritten, true
	}
	if o.BaseDue == "" {
		o.BaseDue, o.DefaultDue = AddDays(obs.held, PetitionDueDays), true
	}
	if p, ok := obs.petitions[x.petition]; ok {
		o.PetitionID, o.PetitionNo = p.ID, p.No
	}
	return o
}

func (obs *obligations) fromPetition(p Petition, raised []fuQuestion) *Obligation {
	o := &Obligation{Key: "p" + strconv.FormatInt(p.ID, 10), Kind: KindPetition, PetitionID: p.ID, PetitionNo: p.No,
		AgencyID: p.AgencyID, Agency: p.AgencyName, Topic: p.Topic, Asker: p.SourceName, AskerUnit: p.SourceUnit, Text: p.Text,
		BaseDue: AddDays(obs.held, PetitionDueDays), DefaultDue: true}
	if p.SourceUnit == p.SourceName {
		o.AskerUnit = ""
	}
	if len(raised) > 0 {
		o.QuestionID, o.QNo = raised[0].id, raised[0].no
	}
	return o
}

// orphan builds the obligation a key names when the meeting no longer
// owes it (an answer changed to another outcome, a petition settled
// after all) but something was recorded against it.
func (obs *obligations) orphan(key string) *Obligation {
	id, _ := strconv.ParseInt(key[1:], 10, 64)
	var o *Obligation
	switch key[0] {
	case 'a':
		if a, ok := obs.answers[id]; ok {
			o = obs.fromAnswer(a)
		}
	case 'p':
		if p, ok := obs.petitions[id]; ok {
			o = obs.fromPetition(p, nil)
		}
	}
	if o == nil {
		o = &Obligation{Key: key, Kind: KindWritten, Text: key}
	}
	o.Orphan = true
	return o
}

// attachRecords reads every receipt and extension, voided ones too, onto
// their obligations; one whose key the meeting no longer owes brings its
// obligation back as an orphan.
func attachRecords(ctx context.Context, q readTx, obs *obligations, units []Unit) error {
	names := map[int64]string{}
	for _, u := range units {
		names[u.ID] = u.Name
	}
	rcs, err := queryAll(ctx, q, scanReceipt, `SELECT `+receiptCols+` FROM receipts ORDER BY id`)
	if err != nil {
		return err
	}
	exts, err := queryAll(ctx, q, scanExtension, `SELECT `+extensionCols+` FROM extensions ORDER BY id`)
	if err != nil {
		return err
	}
	get := func(key string) *Obligation {
		o, ok := obs.byKey[key]
		if !ok {
			o = obs.orphan(key)
			obs.add(o)
		}
		return o
	}
	for _, r := range rcs {
		r.Agency = names[r.AgencyID]
		o := get(r.Obligation)
		o.Receipts = append(o.Receipts, r)
	}
	for _, e := range exts {
		o := get(e.Obligation)
		o.Extensions = append(o.Extensions, e)
	}
	for _, k := range obs.order {
		o := obs.byKey[k]
		o.held = obs.held
		if o.Drift != nil || !o.hasRecords() {
			continue
		}
		o.Drift = o.drift(names)
	}
	return nil
}

func (o *Obligation) hasRecords() bool { return len(o.Receipts)+len(o.Extensions) > 0 }

// drift compares the obligation with what the newest record saw.
func (o *Obligation) drift(names map[int64]string) *Drift {
	var at time.Time
	var agency int64
	var due string
	found := false
	for _, r := range o.Receipts {
		if !r.Voided && (!found || !r.CreatedAt.Before(at)) {
			at, agency, due, found = r.CreatedAt, r.BasisAgent, r.BasisDue, true
		}
	}
	for _, e := range o.Extensions {
		if !e.Voided && (!found || !e.CreatedAt.Before(at)) {
			at, agency, due, found = e.CreatedAt, e.BasisAgent, e.BasisDue, true
		}
	}
	if !found || (agency == o.AgencyID && due == o.BaseDue) {
		return nil
	}
	return &Drift{AgencyID: agency, Agency: names[agency], Due: due}
}

// event is a receipt or an extension in the order it was recorded.
type event struct {
	at  time.Time
	ext *Extension
	rc  *Receipt
}

// derive computes the due date in force and the status on today.
func (o *Obligation) derive(today string) {
	var evs []event
	for i := range o.Extensions {
		if e := &o.Extensions[i]; !e.Voided {
			evs = append(evs, event{at: e.CreatedAt, ext: e})
		}
	}
	for i := range o.Receipts {
		if r := &o.Receipts[i]; !r.Voided {
			evs = append(evs, event{at: r.CreatedAt, rc: r})
		}
	}
	// extensions first on a tie: a receipt recorded in the same
	// millisecond is judged against the new date
	slices.SortStableFunc(evs, func(a, b event) int {
		return cmp.Or(a.at.Compare(b.at), cmp.Compare(boolInt(a.ext == nil), boolInt(b.ext == nil)))
	})
	due := o.BaseDue
	var closed *Receipt
	closedDue := ""
	o.ReferredTo = ""
	for _, ev := range evs {
		switch {
		case ev.ext != nil:
			due = ev.ext.NewDue
		case ev.rc.Result == ResultFurther:
			closed, due = nil, ev.rc.NextDue
		default:
			closed, closedDue = ev.rc, due
			if ev.rc.Result == ResultForwarded && ev.rc.ForwardedTo != "" {
				o.ReferredTo = ev.rc.ForwardedTo
			}
		}
	}
	o.Due = due
	switch {
	case closed != nil:
		k := StatusAnswered
		if closed.Result == ResultForwarded {
			k = StatusForwarded
		}
		o.Status = Status{Kind: k, Days: max(0, DaysBetween(closedDue, closed.DocDate)), On: closed.DocDate}
		if closedDue == "" {
			o.Status.Days = 0
		}
	case o.linkedSpot:
		// raised again at this meeting and answered on the spot
		o.Status = Status{Kind: StatusAnswered, Days: max(0, DaysBetween(due, o.held)), On: o.held}
	case due == "":
		o.Status = Status{Kind: StatusNotDue}
	default:
		d := DaysBetween(today, due)
		switch {
		case d < 0:
			o.Status = Status{Kind: StatusOverdue, Days: -d}
		case d <= DueSoonDays:
			o.Status = Status{Kind: StatusDueSoon, Days: d}
		default:
			o.Status = Status{Kind: StatusNotDue, Days: d}
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// keyKind checks a key's form: a letter a, p or c and a positive number.
func keyKind(key string) (byte, int64, error) {
	if len(key) < 2 || !strings.ContainsRune("apc", rune(key[0])) {
		return 0, 0, fmt.Errorf("%w: obligation %q", ErrNotFound, key)
	}
	id, err := strconv.ParseInt(key[1:], 10, 64)
	if err != nil || id <= 0 {
		return 0, 0, fmt.Errorf("%w: obligation %q", ErrNotFound, key)
	}
	return key[0], id, nil
}
