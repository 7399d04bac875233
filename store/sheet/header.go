package sheet

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"doithoai/store/fold"
)

// Field is a column a kind of table may have. Aliases are matched folded
// (no accents, no case, punctuation as spaces); the first is the name used
// in messages when the column is missing.
type Field struct {
	Key      string
	Aliases  []string
	Required bool
}

// Schema is the set of columns of one kind of table.
type Schema struct {
	Name   string
	Fields []Field
}

// Column is where a field was found: its index and the header text as the
// file spells it (used in problems).
type Column struct {
	Index  int
	Header string
}

// Table is a sheet with its header found: data rows follow the header row
// (and any second header or column-number row under it).
type Table struct {
	Sheet     string
	HeaderRow int
	Columns   map[string]Column
	Rows      []Row
	head      []string // the header row's cells
}

// Has reports whether the field's column is in the file.
func (t *Table) Has(key string) bool { _, ok := t.Columns[key]; return ok }

// Get returns the row's cell for field key ("" when the column is absent).
func (t *Table) Get(r Row, key string) string {
	c, ok := t.Columns[key]
	if !ok {
		return ""
	}
	return cell(r.Cells, c.Index)
}

// Header names the column of field key as the file does, or, when the file
// lacks it, by the schema's first alias.
func (t *Table) Header(s Schema, key string) string {
	if c, ok := t.Columns[key]; ok && c.Header != "" {
		return c.Header
	}
	for _, f := range s.Fields {
		if f.Key == key && len(f.Aliases) > 0 {
			return f.Aliases[0]
		}
	}
	return key
}

// headerScan is how many rows from the top may hold titles before the
// header.
const headerScan = 30

var parens = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)

// index maps folded aliases to field keys.
func (s Schema) index() map[string]string {
	m := map[string]string{}
	for _, f := range s.Fields {
		for _, a := range f.Aliases {
			if _, dup := m[fold.Fold(a)]; !dup {
				m[fold.Fold(a)] = f.Key
			}
		}
	}
	return m
}

// match returns the field a header cell names, or "".
func match(ix map[string]string, text string) string {
	if text == "" {
		return ""
	}
	if k, ok := ix[fold.Fold(text)]; ok {
		return k
	}
	// "Điện thoại (di động)", "Họ và tên (*)"
	if k, ok := ix[fold.Fold(parens.ReplaceAllString(text, " "))]; ok {
		return k
	}
	return ""
}

func mapRow(ix map[string]string, cells []string, into map[string]Column) int {
	n := 0
	for i, c := range cells {
		k := match(ix, c)
		if k == "" {
			continue
		}
		if _, dup := into[k]; dup {
			continue // the first of two like-named columns wins
		}
		into[k] = Column{Index: i, Header: c}
		n++
	}
	return n
}

// Locate finds the table of schema s in the sheets: the row, among the
// first rows of each sheet, that names the most known columns and at least
// one required one. Problems say what is missing, and what the reader
// found damaged in the table's sheet (in every sheet when none is found).
func Locate(sheets []Sheet, s Schema) (*Table, []Problem) {
	ix := s.index()
	var best *Table
	var damage []Problem
	bestScore := 0
	for _, sh := range sheets {
		for i, r := range sh.Rows {
			if r.N > headerScan {
				break
			}
			cols := map[string]Column{}
			n := mapRow(ix, r.Cells, cols)
			// one known heading is enough only when it is all the row
			// holds ("Họ và tên" over a bare list of names); otherwise a
			// title such as "Đại biểu" could pass for a header
			if n == 0 || !hasRequired(s, cols) || (n < 2 && nonBlank(r.Cells) > 1) || n <= bestScore {
				continue
			}
			bestScore = n
			best = &Table{Sheet: sh.Name, HeaderRow: r.N, Columns: cols, Rows: sh.Rows[i+1:], head: r.Cells}
			damage = sh.Problems
		}
	}
	if best == nil {
		for _, sh := range sheets {
			damage = append(damage, sh.Problems...)
		}
		var names []string
		for _, f := range s.Fields {
			if len(f.Aliases) > 0 && f.Key != "skip" {
				names = append(names, f.Aliases[0])
			}
		}
		list := strings.Join(names, ", ")
		return nil, append(damage, Problem{Msg: fmt.Sprintf("%v: expected a row of column names such as %s", ErrNoHeader, list), Code: "no_header", Args: []any{list}})
	}
	best.skipHeaderRows(s, ix)
	probs := slices.Clone(damage)
	for _, f := range s.Fields {
		if f.Required && !best.Has(f.Key) {
			probs = append(probs, Problem{Row: best.HeaderRow, Column: f.Aliases[0], Msg: "column missing", Code: "column_missing"})
		}
	}
	return best, probs
}

func hasRequired(s Schema, cols map[string]Column) bool {
	for _, f := range s.Fields {
		if f.Required {
			if _, ok := cols[f.Key]; ok {
				return true
			}
		}
	}
	return false
}

// skipHeaderRows drops what sits between the header and the data: a
// second header row (columns split under a merged heading, the other
// headings merged down over it), and the "(1) (2) (3)" column-number row
// of administrative tables.
func (t *Table) skipHeaderRows(s Schema, ix map[string]string) {
	for len(t.Rows) > 0 {
		r := t.Rows[0]
		if !numbering(r.Cells) && !t.continuesHeader(s, ix, r) {
			return
		}
		t.Rows = t.Rows[1:]
	}
}

// continuesHeader reports a second header row: the required column holds
// its own heading again (merged down) or nothing, and the row's other
// cells are headings too (or copies of the ones above). Fields it names
// that the first row did not are mapped.
func (t *Table) continuesHeader(s Schema, ix map[string]string, r Row) bool {
	var req Column
	found := false
	for _, f := range s.Fields {
		if c, ok := t.Columns[f.Key]; ok && f.Required {
			req, found = c, true
			break
		}
	}
	if !found {
		return false
	}
	if v := cell(r.Cells, req.Index); v != "" && v != req.Header {
		return false
	}
	add := map[string]Column{}
	named := 0
	for i, c := range r.Cells {
		if c == "" {
			continue
		}
		if k := match(ix, c); k != "" {
			named++
			if _, dup := t.Columns[k]; !dup {
				add[k] = Column{Index: i, Header: c}
			}
			continue
		}
		// other cells must sit under a heading: a copy of it merged
		// down, or a sub-heading ("Cố định" under "Điện thoại")
		if cell(t.head, i) == "" {
			return false
		}
	}
	if named == 0 {
		return false
	}
	for k, c := range add {
		t.Columns[k] = c
	}
	return true
}

var numCell = regexp.MustCompile(`^\(?(\d{1,3})\)?$`)

// numbering reports a row of increasing column numbers: "(1) (2) (3)" or
// "1 2 3".
func numbering(cells []string) bool {
	prev, n := 0, 0
	for _, c := range cells {
		if c == "" {
			continue
		}
		m := numCell.FindStringSubmatch(c)
		if m == nil {
			return false
		}
		v, _ := strconv.Atoi(m[1])
		if v <= prev {
			return false
		}
		prev, n = v, n+1
	}
	return n >= 3
}

func nonBlank(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
}
