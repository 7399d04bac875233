package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// ReadCSVFile reads a CSV file (see ReadCSV).
func ReadCSVFile(path string) ([]Sheet, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return readCSV(data)
}

// ReadCSV reads a CSV table as Excel and people write them: UTF-8 with or
// without a byte-order mark, or Windows-1258 (older Vietnamese Windows),
// separated by commas, semicolons (Excel on a Vietnamese Windows) or tabs,
// with CRLF or LF line ends.
func ReadCSV(r io.Reader) ([]Sheet, error) {
	data, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	return readCSV(data)
}

func readCSV(data []byte) ([]Sheet, error) {
	text, damaged, err := decode(data)
	if err != nil {
		return nil, err
	}
	sep := rune(0)
	// Excel writes and honours a first line "sep=;" and hides it: the row
	// after it is row 1.
	if len(text) > 4 && bytes.EqualFold(text[:4], []byte("sep=")) {
		line, rest, _ := bytes.Cut(text, []byte{'\n'})
		if r := []rune(strings.TrimSpace(string(line[4:]))); len(r) == 1 {
			sep, text = r[0], rest
		}
	}
	if sep == 0 {
		sep = sniff(text)
	}
	if err := countRecords(text, sep); err != nil {
		return nil, err
	}
	rows, probs, err := parseCSV(text, sep, damaged)
	if err != nil {
		return nil, err
	}
	return []Sheet{{Name: "CSV", Rows: rows, Problems: probs}}, nil
}

// decode returns the text as UTF-8: valid UTF-8 is taken as it is (minus a
// BOM); anything else is read as Windows-1258, the only other encoding
// Vietnamese offices still produce. UTF-16 (Excel's "Unicode text") is
// recognised by its BOM.
//
// A file that is mostly UTF-8 with some bytes that are not (more valid
// multi-byte characters than stray bytes: rows pasted from another file, a
// cut in the middle of a character) is UTF-8 damaged, not Windows-1258,
// where almost no accented letter is valid UTF-8: it is returned as it is
// with damaged set, and the rows holding the stray bytes are problems.
func decode(data []byte) (text []byte, damaged bool, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if !utf8.Valid(data[3:]) {
			return data[3:], true, nil // the BOM says UTF-8
		}
		return data[3:], false, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		text, err := decodeUTF16(data)
		return text, false, err
	}
	if utf8.Valid(data) {
		return data, false, nil
	}
	if valid, stray := utf8Count(data); valid > stray {
		return data, true, nil
	}
	text, err = charmap.Windows1258.NewDecoder().Bytes(data)
	return text, false, err
}

// utf8Count counts the valid multi-byte characters of b and its bytes that
// are not UTF-8.
func utf8Count(b []byte) (valid, stray int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			stray++
		} else {
			valid++
		}
		i += n
	}
	return valid, stray
}

func decodeUTF16(data []byte) ([]byte, error) {
	le := data[0] == 0xFF
	data = data[2:]
	if len(data)%2 != 0 {
		data = data[:len(data)-1]
	}
	out := make([]byte, 0, len(data))
	var pending rune
	for i := 0; i+1 < len(data); i += 2 {
		var u rune
		if le {
			u = rune(data[i]) | rune(data[i+1])<<8
		} else {
			u = rune(data[i])<<8 | rune(data[i+1])
		}
		switch {
		case u >= 0xD800 && u < 0xDC00:
			pending = u
			continue
		case u >= 0xDC00 && u < 0xE000 && pending != 0:
			u = 0x10000 + (pending-0xD800)<<10 + (u - 0xDC00)
		}
		pending = 0
		out = utf8.AppendRune(out, u)
	}
	return out, nil
}

// sniff picks the separator that gives the most rows of the same width
// (over one column) among the first lines: Excel pads title rows with
// separators, so a table has one width throughout, while commas inside
// unquoted Vietnamese text (a ';' file) do not line up.
func sniff(text []byte) rune {
	head := text
	if n := bytes.Count(head, []byte{'\n'}); n > 60 {
		i := 0
		for k := 0; k < 60; k++ {
			i += bytes.IndexByte(head[i:], '\n') + 1
		}
		head = head[:i]
	}
	best, bestScore, bestWidth := ',', -1, 0
	for _, sep := range []rune{',', ';', '\t'} {
		rows, _, _ := parseCSV(head, sep, false)
		count := map[int]int{}
		for _, r := range rows {
			if len(r.Cells) > 1 {
				count[len(r.Cells)]++
			}
		}
		score, width := 0, 0
		for w, n := range count {
			if n > score || (n == score && w > width) {
				score, width = n, w
			}
		}
		if score > bestScore || (score == bestScore && width > bestWidth) {
			best, bestScore, bestWidth = sep, score, width
		}
	}
	return best
}

// parseCSV splits text into rows numbered as a spreadsheet would: a quoted
// cell with line breaks is one row, and an empty line (which encoding/csv
// skips) still counts. In damaged text, each row holding bytes that are not
// UTF-8 is a problem.
func parseCSV(text []byte, sep rune, damaged bool) ([]Row, []Problem, error) {
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true // the cells are kept, not the slice
	var rows []Row
	var probs []Problem
	n, prev := 0, int64(0)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return rows, probs, fmt.Errorf("%w: line %d: %v", ErrFormat, pe.Line, pe.Err)
			}
			return rows, probs, err
		}
		n += 1 + emptyLines(text[prev:])
		prev = cr.InputOffset()
		rec, err = checkCols(rec, n)
		if err != nil {
			return rows, probs, err
		}
		if len(rec) == 0 {
			continue
		}
		if n > MaxRows {
			return rows, probs, &LimitError{What: "rows", Got: MaxRows + 1, Max: MaxRows}
		}
		cells := make([]string, len(rec))
		bad := false
		var decomposed []int
		for i, c := range rec {
			if damaged && !utf8.ValidString(c) {
				bad = true
			}
			if Decomposed(c) {
				decomposed = append(decomposed, i)
			}
			cells[i] = Clean(unneutralise(c))
		}
		if bad {
			probs = append(probs, Problem{Row: n, Msg: "text that is not valid UTF-8: save the file again as CSV UTF-8", Code: "bad_utf8"})
		}
		if blank(cells) {
			continue
		}
		rows = append(rows, Row{N: n, Cells: cells, Decomposed: decomposed})
	}
	return rows, probs, nil
}

// countRecords refuses text of more than MaxRows non-blank rows before
// parseCSV keeps any: it parses without keeping a row, and only when the
// text has more lines than that.
func countRecords(text []byte, sep rune) error {
	if bytes.Count(text, []byte{'\n'}) < MaxRows {
		return nil
	}
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes, cr.ReuseRecord = sep, -1, true, true
	n := 0
	for {
		rec, err := cr.Read()
		if err != nil {
			return nil // parseCSV says what is wrong
		}
		if lastNonBlank(rec) > 0 {
			if n++; n > MaxRows {
				return &LimitError{What: "rows", Got: MaxRows + 1, Max: MaxRows}
			}
		}
	}
}

// unneutralise takes off the apostrophe SafeCell puts before a cell that
// starts like a formula, so an exported list imports as it was.
func unneutralise(c string) string {
	if len(c) > 1 && c[0] == '\'' && strings.IndexByte("=+-@", c[1]) >= 0 {
		return c[1:]
	}
	return c
}

// emptyLines counts the empty lines at the start of b.
func emptyLines(b []byte) int {
	n := 0
	for {
		switch {
		case bytes.HasPrefix(b, []byte("\r\n")):
			b = b[2:]
		case bytes.HasPrefix(b, []byte("\n")):
			b = b[1:]
		default:
			return n
		}
		n++
	}
}
