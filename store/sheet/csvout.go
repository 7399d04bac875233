package sheet

import (
	"encoding/csv"
	"io"
	"strings"
)

// CSVWriter writes a table as a csv file Excel opens safely: UTF-8 with a
// byte-order mark (so Excel on Windows reads the accents), CRLF line ends,
// and no cell Excel would run as a formula.
type CSVWriter struct {
	cw    *csv.Writer
	phone map[int]bool
}

// NewCSVWriter starts a csv file on w. The columns listed in phones hold
// phone numbers (see PhoneCell).
func NewCSVWriter(w io.Writer, phones ...int) (*CSVWriter, error) {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	c := &CSVWriter{cw: cw, phone: map[int]bool{}}
	for _, i := range phones {
		c.phone[i] = true
	}
	return c, nil
}

// Write writes one row, each cell made safe (SafeCell, PhoneCell).
func (c *CSVWriter) Write(rec []string) error {
	out := make([]string, len(rec))
	for i, v := range rec {
		if c.phone[i] {
			out[i] = PhoneCell(v)
		} else {
			out[i] = SafeCell(v)
		}
	}
	return c.cw.Write(out)
}

// Flush writes what is buffered and reports any error of the file.
func (c *CSVWriter) Flush() error {
	c.cw.Flush()
	return c.cw.Error()
}

// SafeCell neutralises a cell Excel or LibreOffice would read as a
// formula, as OWASP advises: a cell starting with =, +, -, @, a tab or a
// CR gets a leading apostrophe (=HYPERLINK(…) in a name must stay text).
func SafeCell(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// PhoneCell writes a phone number so a spreadsheet keeps it as typed and
// never reads it as a number or a formula: digits grouped by spaces
// ("0912 345 678", "0232 3824 567"), so the leading zero stays, and an
// international number with its 00 prefix instead of "+" ("+33 1 23"
// becomes "0033 1 23"). What is not a phone number is made safe as any
// other cell.
func PhoneCell(s string) string {
	if rest, ok := strings.CutPrefix(s, "+"); ok && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return SafeCell("00" + rest)
	}
	if len(s) < 10 || len(s) > 11 || strings.Trim(s, "0123456789") != "" {
		return SafeCell(s)
	}
	// 4-3-3 for a mobile, 4-4-3 for a landline (02xx)
	return s[:4] + " " + s[4:len(s)-3] + " " + s[len(s)-3:]
}
