package store

import (
	"context"
	"strconv"
	"strings"

	"doithoai/store/sheet"
)

var agendaColumns = map[string]string{"title": sheet.KeyTitle, "presenter": sheet.KeyPresenter, "minutes": sheet.KeyMinutes, "kind": sheet.KeyKind}

func (t *Tx) allItems(ctx context.Context) ([]AgendaItem, error) {
	return queryAll(ctx, t.tx, scanItem, agendaQuery)
}

// agenda imports a run-sheet in its order. A row matches the existing
// item with the same title (the k-th of several alike matches the k-th).
func (im *importer) agenda(ctx context.Context) error {
	existing, err := im.t.allItems(ctx)
	if err != nil {
		return err
	}
	byTitle := newOccurrences[AgendaItem]()
	for _, a := range existing {
		byTitle.put(Fold(a.Title), a)
	}
	starts := im.startTimes()
	for i, r := range im.tbl.Rows {
		if totalRow(r) {
			continue
		}
		a := AgendaItem{Title: im.get(r, sheet.KeyTitle), Presenter: im.get(r, sheet.KeyPresenter)}
		ok := true
		if a.Title == "" {
			im.rep.problem(r.N, im.col(sheet.KeyTitle), "title_missing", "title is missing")
			ok = false
		}
		kindCell := im.get(r, sheet.KeyKind)
		if kindCell != "" {
			k, known := ParseItemKind(kindCell)
			if !known {
				im.rep.problem(r.N, im.col(sheet.KeyKind), "kind", "unknown kind %q (use: %s)", kindCell, itemKindNames())
				ok = false
			}
			a.Kind = k
		} else {
			a.Kind = GuessItemKind(a.Title)
		}
		mins, merr := sheet.Minutes(im.get(r, sheet.KeyMinutes))
		if starts != nil {
			// a column of start times: each item lasts until the next
			mins, merr = 0, nil
			if i+1 < len(starts) && starts[i] >= 0 && starts[i+1] > starts[i] {
				mins = starts[i+1] - starts[i]
			}
		}
		if merr != nil {
			im.rep.problem(r.N, im.col(sheet.KeyMinutes), "minutes", "%q is not a number of minutes", im.get(r, sheet.KeyMinutes))
			ok = false
		}
		a.PlannedMinutes = mins
		if !ok {
			continue
		}
		label := a.Title
		if a.PlannedMinutes > 0 {
			label += " (" + strconv.Itoa(a.PlannedMinutes) + "')"
		}
		old, found := byTitle.next(Fold(a.Title))
		if !found {
			if _, err := im.t.saveItem(ctx, a); err != nil {
				im.fieldProblem(r.N, err, agendaColumns)
				continue
			}
			im.rep.add(r.N, ActionNew, label, nil)
			continue
		}
		na := old
		var changes []string
		if a.Title != na.Title {
			na.Title, changes = a.Title, append(changes, "title")
		}
		if kindCell != "" && a.Kind != na.Kind {
			na.Kind, changes = a.Kind, append(changes, "kind")
		}
		if a.Presenter != "" && a.Presenter != na.Presenter {
			na.Presenter, changes = a.Presenter, append(changes, "presenter")
		}
		if im.tbl.Has(sheet.KeyMinutes) && im.get(r, sheet.KeyMinutes) != "" && a.PlannedMinutes != na.PlannedMinutes {
			na.PlannedMinutes, changes = a.PlannedMinutes, append(changes, "minutes")
		}
		if len(changes) == 0 {
			im.rep.add(r.N, ActionSame, label, nil)
			continue
		}
		if _, err := im.t.saveItem(ctx, na); err != nil {
			im.fieldProblem(r.N, err, agendaColumns)
			continue
		}
		im.rep.add(r.N, ActionUpdate, label, changes)
	}
	return nil
}

// startTimes returns each row's start in minutes after midnight when the
// time column ("Thời gian") holds times of day ("7h30") rather than
// durations or ranges; nil otherwise. Rows without a time get -1.
func (im *importer) startTimes() []int {
	if !im.tbl.Has(sheet.KeyMinutes) {
		return nil
	}
	switch Fold(im.col(sheet.KeyMinutes)) {
	case "thoi gian", "time", "gio", "thoi diem":
	default:
		return nil
	}
	starts := make([]int, len(im.tbl.Rows))
	clocks := 0
	for i, r := range im.tbl.Rows {
		v := im.get(r, sheet.KeyMinutes)
		c, ok := sheet.Clock(v)
		switch {
		case ok:
			starts[i] = c
			clocks++
		case v == "":
			starts[i] = -1
		default:
			return nil // durations or ranges: read each cell as it is
		}
	}
	if clocks == 0 {
		return nil
	}
	return starts
}

func itemKindNames() string {
	var names []string
	for _, k := range ItemKinds {
		names = append(names, itemKindVI[k]+"/"+string(k))
	}
	return strings.Join(names, ", ")
}
