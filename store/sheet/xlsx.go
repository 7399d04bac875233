package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"doithoai/store/textclean"
)

// ReadXLSXFile reads an XLSX workbook (see ReadXLSX).
func ReadXLSXFile(path string) ([]Sheet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadXLSX(f)
}

// oleMagic starts old binary .xls files and encrypted .xlsx files.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// ReadXLSX reads every worksheet of a workbook. Cells show what Excel
// shows (number formats applied); a merged range gives its value to every
// cell it covers, so a unit name merged down over its delegates reaches
// each of them.
func ReadXLSX(r io.Reader) ([]Sheet, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, ErrTooLarge
	}
	if bytes.HasPrefix(data, oleMagic) {
		return nil, ErrOldExcel
	}
	if n := mergeCount(data); n > MaxMerges {
		return nil, fmt.Errorf("%w: %d merged ranges", ErrFormat, n)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    8 * MaxFileBytes,
		UnzipXMLSizeLimit: 4 * MaxFileBytes,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	defer f.Close()
	var out []Sheet
	for _, name := range f.GetSheetList() {
		sh, err := readSheet(f, name)
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

func readSheet(f *excelize.File, name string) (sh Sheet, err error) {
	sh.Name = name
	rows, err := f.Rows(name)
	if err != nil {
		return sh, err
	}
	defer rows.Close()
	// grid holds every row up to the last non-blank one, so merged ranges
	// can be filled by position before blank rows are dropped.
	var grid [][]string
	last := 0
	for n := 1; rows.Next(); n++ {
		if n > MaxRows {
			break
		}
		cols, err := rows.Columns()
		if err != nil {
			return sh, err
		}
		if len(cols) > MaxCols {
			cols = cols[:MaxCols]
		}
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = Clean(c)
		}
		grid = append(grid, cells)
		if !blank(cells) {
			last = n
		}
	}
	if err := rows.Error(); err != nil {
		return sh, err
	}
	grid = grid[:last]
	if err := fillMerged(f, name, grid); err != nil {
		return sh, err
	}
	for i, cells := range grid {
		if !blank(cells) {
			sh.Rows = append(sh.Rows, Row{N: i + 1, Cells: cells})
		}
	}
	return sh, nil
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

// mergeCount counts <mergeCell> elements in the worksheets, reading the
// zip as a stream (a hostile file could hold millions).
func mergeCount(data []byte) int {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0 // excelize reports the damage
	}
	tag := []byte("<mergeCell ")
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
		var tail []byte
		var read int64
		for read < 8*MaxFileBytes {
			k, err := rc.Read(buf)
			chunk := append(tail, buf[:k]...)
			n += bytes.Count(chunk, tag)
			// keep the last bytes so a tag cut between reads is seen once
			tail = append([]byte{}, chunk[max(0, len(chunk)-len(tag)+1):]...)
			read += int64(k)
			if err != nil || n > MaxMerges {
				break
			}
		}
		rc.Close()
		if n > MaxMerges {
			return n
		}
	}
	return n
}
