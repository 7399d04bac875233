package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"doithoai/store/sheet"
)

// delegateColumns maps store field names to sheet keys, for problems.
var delegateColumns = map[string]string{"name": sheet.KeyName, "code": sheet.KeyCode, "title": sheet.KeyTitle, "phone": sheet.KeyPhone, "honorific": sheet.KeyHonorific}

func (t *Tx) allDelegates(ctx context.Context) ([]Delegate, error) {
	return queryAll(ctx, t.tx, scanDelegate, `SELECT `+delegateCols+delegateFrom+` ORDER BY d.id`)
}

func nameUnitKey(name string, unitID int64) string {
	return Fold(name) + "\x00" + strconv.FormatInt(unitID, 10)
}

// delegates imports an invitee list. A row matches the delegate with its
// code; a row without a code matches by name and unit. Cells left empty
// keep what the meeting file has.
func (im *importer) delegates(ctx context.Context) error {
	existing, err := im.t.allDelegates(ctx)
	if err != nil {
		return err
	}
	byCode := map[string]Delegate{}
	byName := newOccurrences[Delegate]()
	for _, d := range existing {
		byCode[strings.ToLower(d.Code)] = d
	}
	codeRow := map[string]int{}
	type pending struct {
		row       sheet.Row
		name      string
		code      string
		phone     string
		honorific string // from a Danh xưng/Giới tính column; else proposed from the name
		// the order the MC introduces them in (0: not introduced); -1
		// when the file has no such column or leaves the cell empty
		protocol int
	}
	var rows []pending
	for _, r := range im.tbl.Rows {
		if totalRow(r) {
			continue
		}
		p := pending{row: r, name: im.get(r, sheet.KeyName), code: im.get(r, sheet.KeyCode)}
		ok := true
		if p.name == "" {
			im.rep.problem(r.N, im.col(sheet.KeyName), "name_missing", "name is missing")
			ok = false
		}
		if p.code != "" {
			lc := strings.ToLower(p.code)
			if first, dup := codeRow[lc]; dup {
				im.rep.problem(r.N, im.col(sheet.KeyCode), "code_dup", "code %s is also on row %d", p.code, first)
				ok = false
			} else {
				codeRow[lc] = r.N
			}
		}
		phone, perr := sheet.Phone(im.get(r, sheet.KeyPhone))
		if perr != nil {
			im.rep.problem(r.N, im.col(sheet.KeyPhone), "phone", "%q is not a phone number", phone)
			ok = false
		}
		p.phone = phone
		var hok bool
		if p.honorific, hok = ParseHonorific(im.get(r, sheet.KeyHonorific)); !hok {
			im.rep.problem(r.N, im.col(sheet.KeyHonorific), "honorific", "%q is neither Ông/Bà nor Nam/Nữ", im.get(r, sheet.KeyHonorific))
			ok = false
		}
		p.protocol = -1
		if cell := im.get(r, sheet.KeyProtocol); cell != "" {
			n, err := strconv.Atoi(strings.TrimSuffix(cell, ".0"))
			if err != nil || n < 0 || n > 9999 {
				im.rep.problem(r.N, im.col(sheet.KeyProtocol), "protocol", "%q is not an introduction order (a number, 0 for none)", cell)
				ok = false
			}
			p.protocol = n
		}
		if ok {
			rows = append(rows, p)
		}
	}
	// Delegates claimed by a code in the file are not matched by name.
	for _, d := range existing {
		if _, claimed := codeRow[strings.ToLower(d.Code)]; !claimed {
			byName.put(nameUnitKey(d.FullName, d.UnitID), d)
		}
	}
	// Codes for new delegates are handed out here, not by saveDelegate,
	// which would look for the highest code once per row.
	first, err := im.t.nextCode(ctx, "DB")
	if err != nil {
		return err
	}
	nextNo, _ := strconv.Atoi(strings.TrimPrefix(first, "DB"))
	newCode := func() string {
		for {
			c := fmt.Sprintf("DB%03d", nextNo)
			nextNo++
			_, inDB := byCode[strings.ToLower(c)]
			_, inFile := codeRow[strings.ToLower(c)]
			if !inDB && !inFile {
				return c
			}
		}
	}
	seen := map[string]int{} // name and unit of the rows without a code
	for _, p := range rows {
		r := p.row
		unitName := im.get(r, sheet.KeyUnit)
		unitID, ok1 := im.unit(ctx, r.N, sheet.KeyUnit, unitName, UnitOther)
		groupID, ok2 := im.group(ctx, r.N, im.get(r, sheet.KeyGroup))
		if !ok1 || !ok2 {
			continue
		}
		// the same person twice in one list (copied rows) would become two
		// delegates; two real namesakes of one unit are told apart by codes
		if p.code == "" {
			k := nameUnitKey(p.name, unitID)
			if first, dup := seen[k]; dup {
				im.rep.problem(r.N, im.col(sheet.KeyName), "row_dup", "%s is also on row %d (same name and unit): if they are two people, give each row a code", p.name, first)
				continue
			}
			seen[k] = r.N
		}
		d := Delegate{Code: p.code, FullName: p.name, Title: im.get(r, sheet.KeyTitle), UnitID: unitID, GroupID: groupID, Phone: p.phone, Honorific: p.honorific,
			Protocol: max(p.protocol, 0)}
		var old Delegate
		var found bool
		if p.code != "" {
			old, found = byCode[strings.ToLower(p.code)]
		} else {
			old, found = byName.next(nameUnitKey(p.name, unitID))
		}
		label := p.name
		if unitName != "" {
			label += " — " + im.unitName(ctx, unitID, unitName)
		}
		if !found {
			if d.Code == "" {
				d.Code = newCode()
			}
			if _, err := im.t.saveDelegate(ctx, d); err != nil {
				im.fieldProblem(r.N, err, delegateColumns)
				continue
			}
			im.rep.add(r.N, ActionNew, label+" ["+d.Code+"]", nil)
			continue
		}
		// a code names a person: a row that gives that code someone else's
		// name (family and given name both differ) is a mistake, not a
		// correction to apply ("Thanh Hà" to "Thanh Hải" is a correction)
		if p.code != "" && otherPerson(p.name, old.FullName) {
			im.rep.problem(r.N, im.col(sheet.KeyCode), "code_other_name", "code %s is %s's, not %s", old.Code, old.FullName, p.name)
			continue
		}
		nd := old.record()
		var changes []string
		set := func(field string, dst *string, v string) {
			if v != "" && v != *dst {
				*dst = v
				changes = append(changes, field)
			}
		}
		set("name", &nd.FullName, d.FullName)
		set("title", &nd.Title, d.Title)
		set("phone", &nd.Phone, d.Phone)
		set("honorific", &nd.Honorific, d.Honorific)
		if d.UnitID != 0 && d.UnitID != nd.UnitID {
			nd.UnitID = d.UnitID
			changes = append(changes, "unit")
		}
		if d.GroupID != 0 && d.GroupID != nd.GroupID {
			nd.GroupID = d.GroupID
			changes = append(changes, "group")
		}
		if p.protocol >= 0 && p.protocol != nd.Protocol {
			nd.Protocol = p.protocol
			changes = append(changes, "protocol")
		}
		if len(changes) == 0 {
			im.rep.add(r.N, ActionSame, label+" ["+old.Code+"]", nil)
			continue
		}
		if _, err := im.t.saveDelegate(ctx, nd); err != nil {
			im.fieldProblem(r.N, err, delegateColumns)
			continue
		}
		im.rep.add(r.N, ActionUpdate, label+" ["+old.Code+"]", changes)
	}
	return nil
}

// otherPerson reports two names that share neither the family name (the
// first word) nor the given name (the last), accents aside.
func otherPerson(a, b string) bool {
	wa, wb := strings.Fields(Fold(a)), strings.Fields(Fold(b))
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	return wa[0] != wb[0] && wa[len(wa)-1] != wb[len(wb)-1]
}
