// Package sheet reads the tables people send before a meeting: invitee
// lists, petitions and run-sheets, as XLSX or CSV files made by Excel,
// LibreOffice or by hand. It finds the header row below any title rows,
// matches Vietnamese or English column names without regard to accents or
// case, and numbers rows as the spreadsheet does, so every problem can be
// reported where the person who made the file will look for it.
package sheet

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"doithoai/store/textclean"
)

// Limits keep hostile or mistaken files (a zip bomb, a 1,048,576-row
// sheet) from taking the laptop down on the day.
const (
	MaxFileBytes = 32 << 20 // the file itself
	MaxRows      = 50000    // rows read per sheet
	MaxCols      = 256      // columns kept per row
	MaxCellRunes = 20000    // characters kept per cell
)

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
}

// Sheet is the grid of one worksheet (a CSV file has one), cells already
// normalised (see Clean). Blank rows are dropped, but numbering keeps them.
type Sheet struct {
	Name string
	Rows []Row
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
