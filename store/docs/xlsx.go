package docs

import (
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Spreadsheets people print and sign, or sort and filter: how a list
// sheet prints on A4 (the scale its columns need, the font size and row
// height that still print at least 11 pt and 10 mm), wrapped text measured
// so that no cell's text spills out of its row, and dates stored as dates
// shown dd/mm/yyyy. The attendance list, the sign-in sheet, the follow-up
// list and the register share them.

// Printed minimums for a list people read and sign on.
const (
	minPrintPt  = 11.0           // text
	minRowPt    = 10 * 72 / 25.4 // a row: 10 mm
	sheetMargin = 0.3            // inches left and right (about 8 mm)
	a4LongMM    = 297.0
	a4ShortMM   = 210.0
	dateFormat  = "dd/mm/yyyy"
)

// newXLSX is a workbook whose default font, the unit of its column
// widths, is Times New Roman: a program without Calibri (LibreOffice on
// Linux falls back to a wider font) lays the columns out as Excel does.
func newXLSX() *excelize.File {
	x := excelize.NewFile()
	x.SetDefaultFont(font)
	return x
}

// colMM is how wide a column of w characters prints at 100 %: Excel's
// width unit is the default font's digit (7 px for Times New Roman or
// Calibri at 11 pt) plus 5 px of padding, at 96 px to the inch.
func colMM(w float64) float64 { return (w*7 + 5) * 25.4 / 96 }

// colPt is the same in points, less the cell's inner padding.
func colPt(w float64) float64 { return colMM(w)*72/25.4 - 4 }

// listPrint is how a list sheet prints: at scale percent, its text set
// at size so that it prints at least minPrintPt, its rows at least
// minRow points high on the sheet (10 mm on paper).
type listPrint struct {
	scale  int
	size   float64
	minRow float64
}

// planPrint chooses the print of a sheet with these columns on A4
// landscape (portrait when narrow enough to print there at 100 %).
func planPrint(widths []float64) (lp listPrint, landscape bool) {
	total := 0.0
	for _, w := range widths {
		total += colMM(w)
	}
	avail := a4ShortMM - 2*sheetMargin*25.4
	landscape = total > avail
	if landscape {
		avail = a4LongMM - 2*sheetMargin*25.4
	}
	lp.scale = min(100, int(math.Floor(avail/total*100)))
	lp.size = max(12, math.Ceil(minPrintPt*100/float64(lp.scale)*2)/2) // half points
	lp.minRow = math.Ceil(minRowPt * 100 / float64(lp.scale))
	return lp, landscape
}

// lineHeight is the height of one line of text at size, in points.
func lineHeight(size float64) float64 { return math.Ceil(size*1.25*4) / 4 }

// wrapLines is how many lines text takes in a column w characters wide
// at size: words are wrapped as a spreadsheet wraps them, measured with
// the font's widths; a word longer than the column breaks inside.
func wrapLines(text string, bold bool, size, w float64) int {
	room := colPt(w) * 20 * 0.95 // twips, with a margin: programs measure a little wider
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		n, used := 1, 0
		space := textTwips(" ", bold, size)
		for _, word := range strings.Fields(para) {
			ww := textTwips(word, bold, size)
			switch {
			case used == 0:
				used = ww
			case float64(used+space+ww) <= room:
				used += space + ww
			default:
				n++
				used = ww
			}
			for float64(used) > room { // a word wider than the column
				n++
				used -= int(room)
			}
		}
		lines += n
	}
	return max(1, lines)
}

// fitRow is the height (points) of a row whose cells hold texts in
// columns of widths, at least min.
func fitRow(texts []string, widths []float64, bold bool, size, min float64) float64 {
	lines := 1
	for i, v := range texts {
		if i < len(widths) && v != "" {
			lines = max(lines, wrapLines(v, bold, size, widths[i]))
		}
	}
	return max(min, float64(lines)*lineHeight(size)+4)
}

// setListPrint sets the columns' widths and prints the sheet on A4 as
// planned, the header row repeated on every page and frozen on screen.
func setListPrint(x *excelize.File, sheet string, widths []float64, headRow int, lp listPrint, landscape bool) {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		x.SetColWidth(sheet, col, col, w)
	}
	x.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: cellName(1, headRow+1), ActivePane: "bottomLeft"})
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	scale := uint(lp.scale)
	x.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: intp(9), Orientation: &orient, AdjustTo: &scale})
	m, tb, hf := sheetMargin, 0.6, 0.3
	x.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf})
	x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$" + itoa(headRow) + ":$" + itoa(headRow), Scope: sheet})
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// listFilter turns on the filter buttons of the header row over the rows
// under it.
func listFilter(x *excelize.File, sheet string, cols, headRow, lastRow int) error {
	return x.AutoFilter(sheet, cellName(1, headRow)+":"+cellName(cols, max(lastRow, headRow+1)), nil)
}

// dateStyle is base with the dd/mm/yyyy date format.
func dateStyle(x *excelize.File, base excelize.Style) (int, error) {
	f := dateFormat
	base.CustomNumFmt = &f
	return x.NewStyle(&base)
}

// setDate stores a YYYY-MM-DD day as a date cell (a number Excel sorts
// and filters as a date); the cell's style shows it dd/mm/yyyy. Anything
// else is stored as text, and empty as nothing.
func setDate(x *excelize.File, sheet, cell, iso string) error {
	if iso == "" {
		return nil
	}
	d, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return x.SetCellStr(sheet, cell, iso)
	}
	return x.SetCellValue(sheet, cell, d)
}
