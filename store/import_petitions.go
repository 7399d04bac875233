package store

import (
	"context"
	"strings"

	"doithoai/store/sheet"
)

var petitionColumns = map[string]string{"text": sheet.KeyText, "topic": sheet.KeyTopic, "prepared_answer": sheet.KeyAnswer}

func (t *Tx) allPetitions(ctx context.Context) ([]Petition, error) {
	return queryAll(ctx, t.tx, scanPetition, petitionsQuery)
}

func (t *Tx) topics(ctx context.Context) ([]string, error) {
	return queryAll(ctx, t.tx, scanString, topicsQuery)
}

// delegateIndex finds the delegate a petition names, by code or name.
type delegateIndex struct {
	byCode map[string]Delegate
	byName map[string][]Delegate
}

func (im *importer) delegateIndex(ctx context.Context) (*delegateIndex, error) {
	ds, err := im.t.allDelegates(ctx)
	if err != nil {
		return nil, err
	}
	ix := &delegateIndex{byCode: map[string]Delegate{}, byName: map[string][]Delegate{}}
	for _, d := range ds {
		ix.byCode[strings.ToLower(d.Code)] = d
		ix.byName[Fold(d.FullName)] = append(ix.byName[Fold(d.FullName)], d)
	}
	return ix, nil
}

// find resolves a delegate cell: a code, or a name (with the unit to tell
// namesakes apart). Titles people write before names ("Chị", "Bà") are
// dropped.
func (ix *delegateIndex) find(cell string, unitID int64) (Delegate, int) {
	if d, ok := ix.byCode[strings.ToLower(cell)]; ok {
		return d, 1
	}
	// "Chị Nguyễn Thị A (Xã Quảng Hòa)": the name is outside the brackets
	if i := strings.IndexAny(cell, "(["); i > 0 {
		cell = cell[:i]
	}
	f := Fold(cell)
	for _, p := range []string{"chi ", "ba ", "co ", "em ", "dong chi ", "dc ", "ong ", "anh "} {
		if _, ok := ix.byName[f]; !ok && strings.HasPrefix(f, p) {
			f = strings.TrimPrefix(f, p)
		}
	}
	cands := ix.byName[f]
	if len(cands) > 1 && unitID != 0 {
		var same []Delegate
		for _, d := range cands {
			if d.UnitID == unitID {
				same = append(same, d)
			}
		}
		cands = same
	}
	if len(cands) == 1 {
		return cands[0], 1
	}
	return Delegate{}, len(cands)
}

// petitions imports a compiled petitions list. A row matches the existing
// petition with the same text (accents, case and spacing aside).
func (im *importer) petitions(ctx context.Context) error {
	existing, err := im.t.allPetitions(ctx)
	if err != nil {
		return err
	}
	byText := newOccurrences[Petition]()
	for _, p := range existing {
		byText.put(Fold(p.Text), p)
	}
	people, err := im.delegateIndex(ctx)
	if err != nil {
		return err
	}
	topics, err := im.t.topics(ctx)
	if err != nil {
		return err
	}
	topicByFold := map[string]string{}
	for _, tp := range topics {
		topicByFold[Fold(tp)] = tp
	}
	nTopics := len(topics)
	for _, r := range im.tbl.Rows {
		if totalRow(r) {
			continue
		}
		text := im.tbl.Get(r, sheet.KeyText)
		who := im.get(r, sheet.KeyDelegate)
		unitName := im.get(r, sheet.KeyUnit)
		ok := true
		if text == "" {
			im.rep.problem(r.N, im.col(sheet.KeyText), "text_missing", "text is missing")
			ok = false
		}
		if who == "" && unitName == "" {
			im.rep.problem(r.N, im.col(sheet.KeyDelegate), "no_source", "give the delegate or the unit that sent it")
			ok = false
		}
		unitID, ok1 := im.unit(ctx, r.N, sheet.KeyUnit, unitName, UnitOther)
		agencyID, ok2 := im.unit(ctx, r.N, sheet.KeyAgency, im.get(r, sheet.KeyAgency), UnitAgency)
		var delegateID int64
		if who != "" {
			d, n := people.find(who, unitID)
			switch n {
			case 1:
				delegateID = d.ID
			case 0:
				im.rep.problem(r.N, im.col(sheet.KeyDelegate), "no_delegate", "no delegate %q: import the delegates first, or give the unit instead", who)
				ok = false
			default:
				im.rep.problem(r.N, im.col(sheet.KeyDelegate), "ambiguous", "%d delegates are named %q: give the code", n, who)
				ok = false
			}
		}
		if !ok || !ok1 || !ok2 {
			continue
		}
		topic := im.get(r, sheet.KeyTopic)
		if topic != "" {
			if known, ok := topicByFold[Fold(topic)]; ok {
				topic = known
			} else {
				topicByFold[Fold(topic)] = topic
				topics = append(topics, topic)
				im.rep.NewTopics = append(im.rep.NewTopics, topic)
			}
		}
		p := Petition{Topic: topic, Text: text, DelegateID: delegateID, SourceUnitID: unitID, AgencyID: agencyID,
			PreparedAnswer: im.tbl.Get(r, sheet.KeyAnswer)}
		label := excerptLabel(text)
		old, found := byText.next(Fold(text))
		if !found {
			if _, err := im.t.savePetition(ctx, p); err != nil {
				im.fieldProblem(r.N, err, petitionColumns)
				continue
			}
			im.rep.add(r.N, ActionNew, label, nil)
			continue
		}
		np := old.record()
		var changes []string
		setS := func(field string, dst *string, v string) {
			if v != "" && v != *dst {
				*dst, changes = v, append(changes, field)
			}
		}
		setID := func(field string, dst *int64, v int64) {
			if v != 0 && v != *dst {
				*dst, changes = v, append(changes, field)
			}
		}
		setS("topic", &np.Topic, p.Topic)
		setS("text", &np.Text, p.Text)
		setS("prepared_answer", &np.PreparedAnswer, p.PreparedAnswer)
		setID("delegate", &np.DelegateID, p.DelegateID)
		setID("unit", &np.SourceUnitID, p.SourceUnitID)
		setID("agency", &np.AgencyID, p.AgencyID)
		if len(changes) == 0 {
			im.rep.add(r.N, ActionSame, label, nil)
			continue
		}
		if _, err := im.t.savePetition(ctx, np); err != nil {
			im.fieldProblem(r.N, err, petitionColumns)
			continue
		}
		im.rep.add(r.N, ActionUpdate, label, changes)
	}
	if len(topics) > nTopics && len(im.rep.Problems) == 0 {
		if err := im.t.setTopics(ctx, topics); err != nil {
			im.rep.problem(0, im.col(sheet.KeyTopic), "error", "%v", err)
		}
	}
	return nil
}
