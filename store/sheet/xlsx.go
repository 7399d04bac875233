package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"doithoai/store/textclean"
)

// ReadXLSXFile reads an XLSX workbook (see ReadXLSX).
func ReadXLSXFile(path string) ([]Sheet, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return readXLSX(data)
}

// oleMagic starts old binary .xls files and encrypted .xlsx files.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// ReadXLSX reads every worksheet of a workbook. Cells show what Excel
// shows (number formats applied); a merged range gives its value to every
// cell it covers, so a unit name merged down over its delegates reaches
// each of them.
func ReadXLSX(r io.Reader) ([]Sheet, error) {
	data, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	return readXLSX(data)
}

func readXLSX(data []byte) ([]Sheet, error) {
	if bytes.HasPrefix(data, oleMagic) {
		return nil, ErrOldExcel
	}
	if err := checkZip(data); err != nil {
		return nil, err
	}
	n, rowTags, err := scanSheets(data)
	if err != nil {
		return nil, err
	}
	if n > MaxMerges {
		return nil, fmt.Errorf("%w: %d merged ranges", ErrFormat, n)
	}
	data, damaged := repairUTF8(data)
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    maxUnpacked,
		UnzipXMLSizeLimit: inMemoryXML,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	defer f.Close()
	var out []Sheet
	for _, name := range f.GetSheetList() {
		sh, err := readSheet(f, name, rowTags > MaxRows, damaged)
		if le := (*LimitError)(nil); errors.As(err, &le) {
			return nil, le
		}
		if err != nil {
			return nil, fmt.Errorf("%w: sheet %q: %v", ErrFormat, textclean.Line(name), err)
		}
		sh.Name = textclean.Line(sh.Name) // shown and audited
		out = append(out, sh)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: no worksheets", ErrFormat)
	}
	return out, nil
}

// readSheet reads one worksheet. With precount set (the file may hold
// more than MaxRows rows) it first counts the non-blank rows without
// keeping them, so an oversized sheet is refused before it fills memory.
// In a damaged workbook (see repairUTF8) a row holding U+FFFD is a problem.
func readSheet(f *excelize.File, name string, precount, damaged bool) (sh Sheet, err error) {
	sh.Name = name
	if precount {
		if err := countRows(f, name); err != nil {
			return sh, err
		}
	}
	rows, err := f.Rows(name)
	if err != nil {
		return sh, err
	}
	defer rows.Close()
	// grid holds every row up to the last non-blank one, so merged ranges
	// can be filled by position before blank rows are dropped.
	var grid [][]string
	decomposed := map[int][]int{} // grid row -> cells that came decomposed
	for n := 1; rows.Next(); n++ {
		cols, err := rows.Columns()
		if err != nil {
			return sh, err
		}
		if cols, err = checkCols(cols, n); err != nil {
			return sh, err
		}
		if len(cols) == 0 {
			continue // blank: added below if a row follows
		}
		if n > MaxRows {
			return sh, &LimitError{What: "rows", Got: MaxRows + 1, Max: MaxRows}
		}
		cells := make([]string, len(cols))
		bad := false
		for i, c := range cols {
			if damaged && strings.ContainsRune(c, utf8.RuneError) {
				bad = true
			}
			if Decomposed(c) {
				decomposed[n-1] = append(decomposed[n-1], i)
			}
			cells[i] = Clean(c)
		}
		if bad {
			sh.Problems = append(sh.Problems, damagedRow(n))
		}
		for len(grid) < n-1 {
			grid = append(grid, nil)
		}
		grid = append(grid, cells)
	}
	if err := rows.Error(); err != nil {
		return sh, err
	}
	if err := fillMerged(f, name, grid); err != nil {
		return sh, err
	}
	for i, cells := range grid {
		if !blank(cells) {
			sh.Rows = append(sh.Rows, Row{N: i + 1, Cells: cells, Decomposed: decomposed[i]})
		}
	}
	return sh, nil
}

func countRows(f *excelize.File, name string) error {
	rows, err := f.Rows(name)
	if err != nil {
		return err
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		cols, err := rows.Columns()
		if err != nil {
			return err
		}
		if n > MaxRows && lastNonBlank(cols) > 0 {
			return &LimitError{What: "rows", Got: MaxRows + 1, Max: MaxRows}
		}
	}
	return rows.Error()
}

// fillMerged copies each merged range's top-left value into the range,
// clipped to the grid (a range may claim a million rows).
func fillMerged(f *excelize.File, name string, grid [][]string) error {
	merged, err := f.GetMergeCells(name, true)
	if err != nil {
		return err
	}
	for _, m := range merged {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r0 > len(grid) || c0 > MaxCols {
			continue
		}
		v := cell(grid[r0-1], c0-1)
		if v == "" {
			continue
		}
		r1, c1 = min(r1, len(grid)), min(c1, MaxCols)
		for r := r0; r <= r1; r++ {
			row := grid[r-1]
			if len(row) < c1 {
				row = append(row, make([]string, c1-len(row))...)
				grid[r-1] = row
			}
			for c := c0; c <= c1; c++ {
				if row[c-1] == "" {
					row[c-1] = v
				}
			}
		}
	}
	return nil
}

func cell(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	return cells[i]
}

// MaxMerges bounds the merged ranges of a workbook: excelize resolves
// overlapping ranges in quadratic time, and real lists have a few dozen.
const MaxMerges = 5000

// What excelize may unpack: in all, and into memory (a worksheet or the
// shared strings past inMemoryXML go to a temporary file and are read as
// a stream).
const (
	maxUnpacked = 2 * MaxSheetBytes
	inMemoryXML = 16 << 20
	maxInMemory = 64 << 20
)

// checkZip refuses a workbook that would unpack past the limits, from the
// sizes its central directory declares, before anything is unpacked. The
// declared sizes bind: Go's zip reader fails a part that grows past its
// own, and mergeCount reads each worksheet through a LimitReader too.
func checkZip(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil // excelize reports the damage
	}
	var total, inMemory uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		if size > MaxSheetBytes {
			return &LimitError{What: "unpacked", Part: zf.Name, Got: int64(min(size, 1<<62)), Max: MaxSheetBytes}
		}
		total += size
		name := strings.ToLower(zf.Name)
		if size <= inMemoryXML || !strings.HasPrefix(name, "xl/worksheets/sheet") && name != "xl/sharedstrings.xml" {
			inMemory += size
		}
	}
	switch {
	case total > maxUnpacked:
		return &LimitError{What: "unpacked", Part: "the workbook", Got: int64(min(total, 1<<62)), Max: maxUnpacked}
	case inMemory > maxInMemory:
		return &LimitError{What: "unpacked", Part: "the workbook's parts other than its sheets", Got: int64(inMemory), Max: maxInMemory}
	}
	return nil
}

// scanSheets counts <mergeCell> elements in the worksheets (a hostile
// file could hold millions) and the most <row> elements of one sheet (an
// upper bound of its rows), reading the zip as a stream, each worksheet
// through a LimitReader of MaxSheetBytes.
func scanSheets(data []byte) (merges, rowTags int, err error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, 0, nil // excelize reports the damage
	}
	tag, rowTag := []byte("<mergeCell "), []byte("<row")
	n := 0
	buf := make([]byte, 64<<10)
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			continue
		}
		lr := io.LimitReader(rc, MaxSheetBytes+1)
		var tail []byte
		var read int64
		rowsHere := 0
		for {
			var k int
			k, err = lr.Read(buf)
			chunk := append(tail, buf[:k]...)
			n += bytes.Count(chunk, tag)
			rowsHere += bytes.Count(chunk, rowTag)
			// keep the last bytes so a tag cut between reads is seen once
			tail = append([]byte{}, chunk[max(0, len(chunk)-len(tag)+1):]...)
			read += int64(k)
			if err != nil || n > MaxMerges {
				break
			}
		}
		rc.Close()
		rowTags = max(rowTags, rowsHere)
		if read > MaxSheetBytes {
			return n, rowTags, &LimitError{What: "unpacked", Part: zf.Name, Got: read, Max: MaxSheetBytes}
		}
		if err != nil && err != io.EOF {
			// a part longer than its central directory says, a bad checksum
			return n, rowTags, fmt.Errorf("%w: %s: %v", ErrFormat, zf.Name, err)
		}
		if n > MaxMerges {
			return n, rowTags, nil
		}
	}
	return n, rowTags, nil
}
