package store

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"doithoai/store/sheet"
)

// The agencies send their prepared answers back as a table: each answer
// beside the petition's number, or its text copied from the list they
// were sent (accents, case and spacing may differ; a text cut short still
// matches when what is left names one petition). A row that matches no
// petition, or more than one, or one another row already answered, is a
// problem with its row, and then nothing is imported.

var answerColumns = map[string]string{"prepared_answer": sheet.KeyAnswer, "received_on": sheet.KeyReceived}

// minMatch is the least text (folded runes) that may match a petition by
// being part of its text: a few words could be in several.
const minMatch = 20

var digits = regexp.MustCompile(`\d+`)

// petitionMatcher finds the petitions a row names.
type petitionMatcher struct {
	byNo   map[int][]Petition
	all    []Petition
	folded []string
}

func newPetitionMatcher(ps []Petition) *petitionMatcher {
	pm := &petitionMatcher{byNo: map[int][]Petition{}, all: ps}
	for _, p := range ps {
		pm.byNo[p.No] = append(pm.byNo[p.No], p)
		pm.folded = append(pm.folded, Fold(p.Text))
	}
	return pm
}

// byText: the petitions whose text folds to the row's; failing that,
// those whose text holds the row's (cut short, "…" dropped) or is held in
// it (a number or a note added around the copy).
func (pm *petitionMatcher) byText(text string) []Petition {
	f := Fold(strings.TrimRight(strings.TrimSpace(text), ".…"))
	if f == "" {
		return nil
	}
	var exact, part []Petition
	for i, pf := range pm.folded {
		switch {
		case pf == f || strings.TrimRight(pf, " .") == f:
			exact = append(exact, pm.all[i])
		case utf8.RuneCountInString(f) >= minMatch && (strings.Contains(pf, f) || strings.Contains(f, pf)):
			part = append(part, pm.all[i])
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return part
}

func petitionNos(ps []Petition) string {
	var n []string
	for _, p := range ps {
		n = append(n, strconv.Itoa(p.No))
	}
	return strings.Join(n, ", ")
}

// answers imports the prepared answers an agency returned.
func (im *importer) answers(ctx context.Context) error {
	ps, err := im.t.allPetitions(ctx)
	if err != nil {
		return err
	}
	pm := newPetitionMatcher(ps)
	// a bare STT column numbers the petitions only when nothing else can
	noKey := sheet.KeyPetitionNo
	if !im.tbl.Has(sheet.KeyPetitionNo) && !im.tbl.Has(sheet.KeyText) {
		noKey = sheet.KeyNo
	}
	today := im.t.now.Format("2006-01-02")
	answered := map[int64]int{} // petition id → the row that answered it
	for _, r := range im.tbl.Rows {
		if totalRow(r) {
			continue
		}
		answer := im.tbl.Get(r, sheet.KeyAnswer)
		noCell := im.get(r, noKey)
		text := im.tbl.Get(r, sheet.KeyText)
		if answer == "" {
			// a petition the agency has not answered yet, or a blank line
			continue
		}
		var cands []Petition
		numbered := false
		if noCell != "" {
			m := digits.FindString(noCell)
			n, err := strconv.Atoi(m)
			if m == "" || err != nil || len(m) > 6 {
				im.rep.problem(r.N, im.col(noKey), "petition_no", "%q is not a petition number", noCell)
				continue
			}
			cands, numbered = pm.byNo[n], true
			if len(cands) == 0 {
				im.rep.problem(r.N, im.col(noKey), "no_petition_no", "there is no petition number %d", n)
				continue
			}
		}
		if text != "" {
			byText := pm.byText(text)
			switch {
			case !numbered:
				cands = byText
			case len(byText) > 0 && len(cands) == 1 && !containsPetition(byText, cands[0].ID):
				im.rep.problem(r.N, im.col(sheet.KeyText), "text_other_petition", "the number is %d but the text is that of petition %s",
					cands[0].No, petitionNos(byText))
				continue
			}
		}
		switch {
		case len(cands) == 0 && text == "":
			im.rep.problem(r.N, im.col(sheet.KeyText), "answer_unmatched", "give the petition's number or its text")
			continue
		case len(cands) == 0:
			im.rep.problem(r.N, im.col(sheet.KeyText), "no_petition_text", "the text matches no petition")
			continue
		case len(cands) > 1:
			col := sheet.KeyText
			if numbered {
				col = noKey
			}
			im.rep.problem(r.N, im.col(col), "ambiguous_petition", "matches petitions %s: give the number", petitionNos(cands))
			continue
		}
		p := cands[0]
		if row, dup := answered[p.ID]; dup {
			im.rep.problem(r.N, "", "answered_twice", "petition %d is answered on row %d already", p.No, row)
			continue
		}
		answered[p.ID] = r.N
		if name := im.get(r, sheet.KeyAgency); name != "" && p.AgencyID != 0 {
			if id, err := im.t.unitByName(ctx, name); err == nil && id != 0 && id != p.AgencyID {
				im.rep.problem(r.N, im.col(sheet.KeyAgency), "other_agency", "petition %d is assigned to %s", p.No, p.AgencyName)
				continue
			}
		}
		received := ""
		if cell := im.get(r, sheet.KeyReceived); cell != "" {
			d, ok := sheet.Date(cell)
			if !ok {
				im.rep.problem(r.N, im.col(sheet.KeyReceived), "date", "%q is not a date (write it as 16/10/2023)", cell)
				continue
			}
			received = d
		}
		np := p.record()
		label := fmt.Sprintf("%d. %s", p.No, excerptLabel(p.Text))
		clean, err := clean("prepared_answer", answer, false, MaxText)
		if err != nil {
			im.fieldProblem(r.N, err, answerColumns)
			continue
		}
		var changes []string
		if clean != np.PreparedAnswer {
			np.PreparedAnswer = clean
			changes = append(changes, "prepared_answer")
		}
		// the day it arrived: the file's, else the first arrival's, else today
		switch {
		case received != "" && received != np.ReceivedOn:
			np.ReceivedOn = received
			changes = append(changes, "received_on")
		case np.ReceivedOn == "":
			np.ReceivedOn = today
			changes = append(changes, "received_on")
		}
		if len(changes) == 0 {
			im.rep.add(r.N, ActionSame, label, nil)
			continue
		}
		if _, err := im.t.savePetition(ctx, np); err != nil {
			im.fieldProblem(r.N, err, answerColumns)
			continue
		}
		im.rep.add(r.N, ActionUpdate, label, changes)
	}
	return nil
}

func containsPetition(ps []Petition, id int64) bool {
	for _, p := range ps {
		if p.ID == id {
			return true
		}
	}
	return false
}

// excerptLabel is the start of a text on one line, for a report's row.
func excerptLabel(s string) string {
	s = sheet.Squeeze(s)
	if rs := []rune(s); len(rs) > 60 {
		s = string(rs[:59]) + "…"
	}
	return s
}
