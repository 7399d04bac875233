// Package sheet reads the tables people send before a meeting: invitee
// lists, petitions and run-sheets, as XLSX or CSV files made by Excel,
// LibreOffice or by hand. It finds the header row below any title rows,
// matches Vietnamese or English column names without regard to accents or
// case, and numbers rows as the spreadsheet does, so every problem can be
// reported where the person who made the file will look for it.
package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"doithoai/store/textclean"
)

// Limits keep hostile or mistaken files (a zip bomb, a 1,048,576-row
// sheet) from taking the laptop down on the day. A file past one is
// refused with a LimitError, before it is read (size) or unpacked (xlsx).
const (
	MaxFileBytes  = 50 << 20  // the file itself
	MaxRows       = 100_000   // rows per sheet, counted to the last non-blank one
	MaxCols       = 200       // columns per row, counted to the last non-blank cell
	MaxSheetBytes = 200 << 20 // one xlsx part (a worksheet, the shared strings) unpacked
	MaxCellRunes  = 20000     // characters kept per cell
)

// LimitError is a file refused for its size, said in one line.
type LimitError struct {
	What     string // "file", "rows", "columns" or "unpacked"
	Got, Max int64  // Got is Max+1 for "more than Max" (rows)
	Row      int    // the row, for columns
	Part     string // the xlsx part, for unpacked
}

func (e *LimitError) Error() string {
	switch e.What {
	case "file":
		return fmt.Sprintf("file too large: %s, the limit is %s", Size(e.Got), Size(e.Max))
	case "rows":
		return fmt.Sprintf("too many rows: more than %d, the limit is %d", e.Max, e.Max)
	case "columns":
		return fmt.Sprintf("too many columns: row %d has %d, the limit is %d", e.Row, e.Got, e.Max)
	}
	return fmt.Sprintf("file too large once unpacked: %s expands to %s or more, the limit is %s (a damaged or hostile file)",
		e.Part, Size(e.Got), Size(e.Max))
}

func (e *LimitError) Unwrap() error { return ErrTooLarge }

// Size says a number of bytes in MB (GB past 10 GB).
func Size(n int64) string {
	if n >= 10<<30 {
		return fmt.Sprintf("%d GB", n>>30)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// readFile reads a file whole, refusing one over MaxFileBytes before
// reading it, into one buffer of its size (io.ReadAll would grow one by
// doubling, leaving copies for the collector).
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxFileBytes {
		return nil, &LimitError{What: "file", Got: st.Size(), Max: MaxFileBytes}
	}
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileBytes+1)); err != nil {
		return nil, err
	}
	if buf.Len() > MaxFileBytes {
		return nil, &LimitError{What: "file", Got: int64(buf.Len()), Max: MaxFileBytes}
	}
	return buf.Bytes(), nil
}

// readLimited reads r whole, refusing more than MaxFileBytes.
func readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, &LimitError{What: "file", Got: int64(len(data)), Max: MaxFileBytes}
	}
	return data, nil
}

// lastNonBlank is the number of cells up to the last non-blank one.
func lastNonBlank(cells []string) int {
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	return n
}

// checkCols refuses a row with more than MaxCols columns up to its last
// non-blank cell, and drops the blank ones past it.
func checkCols(cells []string, row int) ([]string, error) {
	n := lastNonBlank(cells)
	if n > MaxCols {
		return nil, &LimitError{What: "columns", Got: int64(n), Max: MaxCols, Row: row}
	}
	return cells[:n], nil
}

// Errors returned for files that cannot be read at all.
var (
	ErrTooLarge   = errors.New("file too large")
	ErrFormat     = errors.New("not a table this program can read")
	ErrNoHeader   = errors.New("no header row with known column names")
	ErrOldExcel   = errors.New("old Excel (.xls) or password-protected file: save it as .xlsx or .csv")
	ErrUnknownExt = errors.New("unknown file type: use .xlsx or .csv")
)

// Row is one row of a sheet. N is the row number as the spreadsheet shows
// it (1-based, counting title rows and blank rows).
type Row struct {
	N     int
	Cells []string
	// Decomposed lists the cells whose accents came as separate marks
	// (Clean joined them): an import points them out.
	Decomposed []int
}

// Sheet is the grid of one worksheet (a CSV file has one), cells already
// normalised (see Clean). Blank rows are dropped, but numbering keeps them.
// Problems are rows the reader found damaged (text that is not valid
// UTF-8): an import of the sheet reports them and imports nothing.
type Sheet struct {
	Name     string
	Rows     []Row
	Problems []Problem
}

// Problem is one thing wrong with an input file, where its author will
// find it: Row as the spreadsheet numbers it (0 when it concerns the whole
// file) and Column as the header names it ("" when it concerns the row).
type Problem struct {
	Row    int    `json:"row"`
	Column string `json:"column,omitempty"`
	Msg    string `json:"msg"`
	// Code and Args let a user interface say Msg in its own language.
	Code string `json:"code,omitempty"`
	Args []any  `json:"-"`
}

func (p Problem) String() string {
	switch {
	case p.Row == 0 && p.Column == "":
		return p.Msg
	case p.Row == 0:
		return fmt.Sprintf("%s: %s", p.Column, p.Msg)
	case p.Column == "":
		return fmt.Sprintf("row %d: %s", p.Row, p.Msg)
	}
	return fmt.Sprintf("row %d, %s: %s", p.Row, p.Column, p.Msg)
}

// Clean normalises one cell: controls and escape sequences removed (see
// textclean; line breaks kept), NFC (files from Macs and some web forms
// carry decomposed accents), no-break and other odd spaces made plain,
// trimmed, and cut to MaxCellRunes.
func Clean(s string) string {
	if s == "" {
		return s
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u2007', '\u202f', '\u3000', '\t':
			return ' '
		case '\u200b', '\ufeff', '\u00ad':
			return -1
		case '\r':
			return -1
		}
		return r
	}, s)
	s = textclean.Long(s)
	if len(s) > MaxCellRunes {
		r := []rune(s)
		if len(r) > MaxCellRunes {
			s = string(r[:MaxCellRunes])
		}
	}
	return s
}

// Squeeze collapses runs of spaces inside a short field (a name typed with
// two spaces is the same name).
func Squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// Read reads the file at path by its extension (.xlsx, .xlsm, .csv, .txt).
func Read(path string) ([]Sheet, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return ReadXLSXFile(path)
	case ".csv", ".txt", ".tsv":
		return ReadCSVFile(path)
	case ".xls":
		return nil, ErrOldExcel
	}
	return nil, ErrUnknownExt
}

func blank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}
