package docs

import (
	"bytes"
	"context"
	"encoding/csv"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"doithoai/store"
)

// sheetNos maps each name on the demo's sign-in sheet to its row there
// (the desk's "#N"); the walk-in is not on it.
// (Two delegates may share a name: each name maps to its rows.)
func sheetNos(t *testing.T, s *Snapshot) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	n := 0
	for _, d := range s.Delegates {
		if d.SheetNo > 0 {
			out[d.FullName] = append(out[d.FullName], strconv.Itoa(d.SheetNo))
			n++
		}
	}
	if n != 140 {
		t.Fatalf("%d delegates numbered on the sheet, want 140", n)
	}
	return out
}

// checkSheetNoColumn checks a list's rows (header first): STT runs 1, 2, …
// in list order, "Số ký tên" is the row on the sign-in sheet, empty for the
// walk-in, and the two differ after the walk-in.
func checkSheetNoColumn(t *testing.T, format string, rows [][]string, want map[string][]string) {
	t.Helper()
	head := rows[0]
	stt, no, name := slices.Index(head, "STT"), slices.Index(head, "Số ký tên"), slices.Index(head, "Họ và tên")
	if stt != 0 || no != 1 || name < 0 {
		t.Fatalf("%s: header %q: want STT, then Số ký tên", format, head)
	}
	n, differ, walkIns := 0, 0, 0
	for _, r := range rows[1:] {
		if len(r) == 1 {
			continue // a group heading (docx)
		}
		n++
		if r[stt] != strconv.Itoa(n) {
			t.Errorf("%s: row %d has STT %q", format, n, r[stt])
		}
		if r[name] == "Phạm Thị Vãng Lai" || r[name] == "Đặng Thị Mới Đến" {
			walkIns++
			if r[no] != "" {
				t.Errorf("%s: the walk-in has sign-in number %q", format, r[no])
			}
			continue
		}
		if !slices.Contains(want[r[name]], r[no]) {
			t.Errorf("%s: %s has sign-in number %q, the desk's #%v", format, r[name], r[no], want[r[name]])
		}
		if r[no] != r[stt] {
			differ++
		}
	}
	if n != 142 || walkIns != 2 {
		t.Errorf("%s: %d rows, %d walk-ins", format, n, walkIns)
	}
	if differ == 0 {
		t.Errorf("%s: STT and Số ký tên never differ: the walk-in shifts nothing?", format)
	}
}

// The attendance list carries each delegate's sign-in sheet row next to
// STT in every format, so the desk's #N can be found on it.
func TestAttendanceSheetNumbers(t *testing.T) {
	st, s := demo(t)
	// A walk-in among the women delegates of a commune: everyone listed
	// after her has an STT one above the row they signed on.
	ctx := context.Background()
	var women int64
	for _, g := range s.Groups {
		if g.Name == "Đại biểu phụ nữ" {
			women = g.ID
		}
	}
	if _, err := st.RegisterWalkIn(ctx, store.WalkIn{FullName: "Đặng Thị Mới Đến", UnitName: "Phường Ba Đồn", GroupID: women}); err != nil {
		t.Fatal(err)
	}
	s, err := Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	want := sheetNos(t, s)

	data := render(t, s, Attendance, CSV, opts)
	var recs [][]string
	recs, err = csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	checkSheetNoColumn(t, "csv", recs, want)

	x := readXLSX(t, render(t, s, Attendance, XLSX, opts))
	rows, err := x.GetRows("Danh sách")
	if err != nil {
		t.Fatal(err)
	}
	body := rows[3:]
	for i := range body {
		for len(body[i]) < len(body[0]) {
			body[i] = append(body[i], "")
		}
	}
	checkSheetNoColumn(t, "xlsx", body, want)
	// Numbers, not text, so Excel sorts and filters them as numbers.
	if typ, _ := x.GetCellType("Danh sách", "B5"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("B5 is %v", typ)
	}
	if w, _ := x.GetColWidth("Danh sách", "B"); w < 10 {
		t.Errorf("Số ký tên column is %.0f characters wide", w)
	}
	// One page wide on A4 landscape (10.29 in between Excel's default
	// margins, 988 px at 96 dpi; a column of w characters is 7w+5 px):
	// the print scale stays near 80 %, 12 pt printing as 9.5 pt or more.
	px := 0.0
	for i := range body[0] {
		c, _ := excelize.ColumnNumberToName(i + 1)
		w, _ := x.GetColWidth("Danh sách", c)
		px += 7*w + 5
	}
	if scale := 988 / px; scale < 0.79 {
		t.Errorf("the list prints at %.0f %% on A4", 100*scale)
	}

	doc := docxParts(t, render(t, s, Attendance, DOCX, opts))["word/document.xml"]
	found := false
	for _, tb := range docxTables(t, doc) {
		if len(tb.rows) > 0 && slices.Contains(tb.rows[0], "Số ký tên") {
			found = true
			checkSheetNoColumn(t, "docx", tb.rows, want)
		}
	}
	if !found {
		t.Fatal("docx: no table with a Số ký tên column")
	}

	// The sign-in sheet's own numbers are the sheet rows: no second column.
	x = readXLSX(t, render(t, s, Signin, XLSX, opts))
	rows, _ = x.GetRows("Danh sách")
	if slices.Contains(rows[3], "Số ký tên") || rows[3][0] != "Số TT" {
		t.Errorf("sign-in header %q", rows[3])
	}
}

// The docx list fits A4 portrait in every variant: the columns add up to
// the text width, the numbers and headers do not break mid-word, and
// "Chức vụ, đơn vị" keeps room for a few words a line.
func TestAttendanceDocxWidths(t *testing.T) {
	_, s := demo(t)
	evening := shift(s, 0)
	for i, d := range evening.Delegates {
		if d.FullName == "Trần Minh Đức" {
			evening.Delegates[i].ArrivedAt = time.Date(2023, 10, 17, 18, 30, 0, 0, hcm)
		}
	}
	for _, k := range []Kind{Attendance, Signin} {
		for _, snap := range []*Snapshot{s, evening} {
			for _, contacts := range []bool{false, true} {
				o := opts
				o.WithContacts = contacts
				doc := docxParts(t, render(t, snap, k, DOCX, o))["word/document.xml"]
				var list *docxTable
				for _, tb := range docxTables(t, doc) {
					if len(tb.rows) > 0 && slices.Contains(tb.rows[0], "Chức vụ, đơn vị") {
						list = &tb
					}
				}
				if list == nil {
					t.Fatalf("%s contacts=%v: no list table", k, contacts)
				}
				sum := 0
				for _, w := range list.widths {
					sum += w
				}
				col := func(h string) int {
					i := slices.Index(list.rows[0], h)
					if i < 0 {
						return 0
					}
					return list.widths[i]
				}
				t.Logf("%s contacts=%v: %q %v", k, contacts, list.rows[0], list.widths)
				if sum != textW {
					t.Errorf("%s contacts=%v: columns add up to %d, text width %d", k, contacts, sum, textW)
				}
				least := minFlex // the bold header on one line
				if contacts && snap == evening {
					least = 1500 // phones and dated arrivals: the header wraps
				}
				if w := col("Chức vụ, đơn vị"); w < least {
					t.Errorf("%s contacts=%v: Chức vụ, đơn vị only %d twips (%v)", k, contacts, w, list.widths)
				}
				if k == Attendance {
					// "Số ký" / "tên" on two lines, and up to 10,000 rows.
					if w := col("Số ký tên"); w < max(twips("Số ký", true), twips("10000", false)) {
						t.Errorf("contacts=%v: Số ký tên only %d twips", contacts, w)
					}
					if w := col("Ghi chú"); w < max(twips("Ghi chú", true), twips("Vắng", false)) {
						t.Errorf("contacts=%v: Ghi chú only %d twips", contacts, w)
					}
				}
				if contacts {
					if w := col("Điện thoại"); w < twips("0912000111", false) {
						t.Errorf("%s: Điện thoại only %d twips", k, w)
					}
				}
			}
		}
	}
}
