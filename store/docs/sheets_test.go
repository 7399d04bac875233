package docs

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The sheets people sign on and sort: read back as a spreadsheet program
// reads them, and checked as they print.

// printedMM is how wide a column of w characters prints at 100 %.
func printedMM(w float64) float64 { return (w*7 + 5) * 25.4 / 96 }

// checkPrint asserts a list sheet prints on one A4 width, its text at 11
// pt or more, and each row from first to last at least 10 mm high (the
// row heights and sizes times the print scale).
func checkPrint(t *testing.T, x *excelize.File, sheet string, first, last int) {
	t.Helper()
	pl, err := x.GetPageLayout(sheet)
	if err != nil || pl.Size == nil || *pl.Size != 9 || pl.AdjustTo == nil {
		t.Fatalf("%s: page layout %+v %v: want A4 with a print scale", sheet, pl, err)
	}
	scale := float64(*pl.AdjustTo) / 100
	if pl.FitToWidth != nil && *pl.FitToWidth > 0 {
		t.Errorf("%s: fit to width overrides the scale the sizes were chosen for", sheet)
	}
	cols, _ := x.GetCols(sheet)
	total := 0.0
	for i := range cols {
		w, _ := x.GetColWidth(sheet, cellName(i+1, 1)[:len(cellName(i+1, 1))-1])
		total += printedMM(w)
	}
	m, _ := x.GetPageMargins(sheet)
	page := 210.0
	if pl.Orientation != nil && *pl.Orientation == "landscape" {
		page = 297
	}
	if avail := page - (*m.Left+*m.Right)*25.4; total*scale > avail+0.5 {
		t.Errorf("%s: %.0f mm of columns at %.0f %% do not fit %.0f mm", sheet, total, scale*100, avail)
	}
	for r := first; r <= last; r++ {
		h, _ := x.GetRowHeight(sheet, r)
		if h*scale < 10*72/25.4-0.01 {
			t.Errorf("%s: row %d prints %.1f mm high, want 10", sheet, r, h*scale*25.4/72)
			break
		}
		id, _ := x.GetCellStyle(sheet, cellName(1, r))
		st, _ := x.GetStyle(id)
		if st.Font == nil || st.Font.Size*scale < 11-0.01 {
			t.Errorf("%s: row %d text prints at %.1f pt, want 11", sheet, r, st.Font.Size*scale)
			break
		}
	}
}

// checkHeaderFits asserts no header text spills out of its cell: wrapped
// in its column (each character at most 0.55 em wide, bold Times), its
// lines fit the row's height.
func checkHeaderFits(t *testing.T, x *excelize.File, sheet string, row int) {
	t.Helper()
	cells, _ := x.GetRows(sheet)
	h, _ := x.GetRowHeight(sheet, row)
	for i, text := range cells[row-1] {
		col := cellName(i+1, 1)[:len(cellName(i+1, 1))-1]
		w, _ := x.GetColWidth(sheet, col)
		id, _ := x.GetCellStyle(sheet, cellName(i+1, row))
		st, _ := x.GetStyle(id)
		if st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("%s: header %q does not wrap", sheet, text)
		}
		size := st.Font.Size
		perLine := math.Floor(((w*7+5)*0.75 - 4) / (size * 0.55))
		lines := math.Ceil(float64(utf8.RuneCountInString(text)) / perLine)
		if need := lines * size * 1.15; h < need {
			t.Errorf("%s: header %q needs %.0f lines (%.0f pt), the row is %.0f pt", sheet, text, lines, need, h)
		}
	}
}

func TestSheetsPrintToSign(t *testing.T) {
	_, s := demo(t)
	for _, k := range []Kind{Attendance, Signin} {
		x := readXLSX(t, render(t, s, k, XLSX, opts))
		rows, _ := x.GetRows("Danh sách")
		checkPrint(t, x, "Danh sách", 5, len(rows))
		checkHeaderFits(t, x, "Danh sách", 4)
	}
	x := readXLSX(t, render(t, s, Followup, XLSX, opts))
	rows, _ := x.GetRows("Theo dõi")
	checkPrint(t, x, "Theo dõi", 5, len(rows))
	checkHeaderFits(t, x, "Theo dõi", 4)
	checkHeaderFits(t, x, "Theo cơ quan", 1)
}

// Due dates are dates: a number Excel sorts and filters by date, shown
// dd/mm/yyyy; and the lists have their filter buttons on.
func TestFollowupDatesAndFilters(t *testing.T) {
	_, s := demo(t)
	x := readXLSX(t, render(t, s, Followup, XLSX, opts))
	for _, c := range []struct{ sheet, cell, want string }{{"Theo dõi", "D5", "15/11/2023"}, {"Theo cơ quan", "D2", "15/11/2023"}} {
		shown, _ := x.GetCellValue(c.sheet, c.cell)
		raw, _ := x.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		if shown != c.want {
			t.Errorf("%s!%s shows %q, want %q", c.sheet, c.cell, shown, c.want)
		}
		if n, err := strconv.ParseFloat(raw, 64); err != nil || n != 45245 {
			t.Errorf("%s!%s holds %q, want the date serial 45245", c.sheet, c.cell, raw)
		}
		id, _ := x.GetCellStyle(c.sheet, c.cell)
		if st, _ := x.GetStyle(id); st.CustomNumFmt == nil || *st.CustomNumFmt != "dd/mm/yyyy" {
			t.Errorf("%s!%s format %+v, want dd/mm/yyyy", c.sheet, c.cell, st.CustomNumFmt)
		}
	}
	// the referral has no due date: an empty cell, not 00/01/1900
	if v, _ := x.GetCellValue("Theo dõi", "D7"); v != "" {
		t.Errorf("a referral's due date reads %q", v)
	}
	for _, k := range []Kind{Followup, Attendance} {
		data := render(t, s, k, XLSX, opts)
		x := readXLSX(t, data)
		sheet := x.GetSheetList()[0]
		ws := sheetXML(t, data, 1)
		if !strings.Contains(ws, `<autoFilter ref="$A$4:`) {
			t.Errorf("%s: no filter on the header row of %s", k, sheet)
		}
	}
}

// The sign-in sheet ends with ten numbered rows for guests not on it.
func TestSigninGuestRows(t *testing.T) {
	_, s := demo(t)
	doc := docxParts(t, render(t, s, Signin, DOCX, opts))["word/document.xml"]
	tb, _ := func() (docxTable, int) {
		for _, tb := range docxTables(t, doc) {
			if len(tb.rows) > 0 && slices.Contains(tb.rows[0], "Ký tên") {
				return tb, 0
			}
		}
		t.Fatal("no sign-in table")
		return docxTable{}, 0
	}()
	n := len(tb.rows)
	if tb.rows[n-11][0] != guestHead {
		t.Fatalf("row before the last ten: %q", tb.rows[n-11])
	}
	maxNo := 0
	for _, d := range s.Delegates {
		maxNo = max(maxNo, d.SheetNo)
	}
	for i, r := range tb.rows[n-10:] {
		if r[0] != strconv.Itoa(maxNo+1+i) || strings.Join(r[1:], "") != "" {
			t.Errorf("guest row %d: %q, want number %d and blank cells", i+1, r, maxNo+1+i)
		}
	}
	// the xlsx too
	x := readXLSX(t, render(t, s, Signin, XLSX, opts))
	rows, err := x.GetRows("Danh sách")
	if err != nil {
		t.Fatal(err)
	}
	n = len(rows)
	if rows[n-11][0] != guestHead {
		t.Fatalf("xlsx: row before the last ten: %q", rows[n-11])
	}
	for i, r := range rows[n-10:] { // their height: TestSheetsPrintToSign
		if r[0] != strconv.Itoa(maxNo+1+i) || strings.Join(r[1:], "") != "" {
			t.Errorf("xlsx guest row %d: %q, want number %d and blank cells", i+1, r, maxNo+1+i)
		}
	}
}

// sheetXML is the XML of worksheet n (1-based) of an xlsx.
func sheetXML(t *testing.T, data []byte, n int) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open("xl/worksheets/sheet" + strconv.Itoa(n) + ".xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
