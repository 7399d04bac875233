package store

import (
	"fmt"
	"slices"

	"doithoai/store/sheet"
)

// Names in real files: typed in capitals, with look-alike letters or
// separate accent marks, or still in a legacy encoding. The delegates
// import corrects what it can, says so row by row, and refuses the rest.

// ImportOptions tune an import.
type ImportOptions struct {
	// DryRun rolls everything back: the report says what would happen.
	DryRun bool
	// KeepCase keeps names typed in capitals as they are; by default they
	// are written in proper case (NGUYỄN KHÁNH MAI → Nguyễn Khánh Mai).
	// One choice for the whole file.
	KeepCase bool
}

// Kinds of NameFix.
const (
	FixLookalike = "lookalike" // Ð (U+00D0) → Đ
	FixAccents   = "accents"   // accents as separate marks, joined (NFC)
	FixCase      = "case"      // NGUYỄN KHÁNH MAI → Nguyễn Khánh Mai
)

// NameFix is one correction the import made (or, in a dry run, would
// make) to a cell of the file: the report points each one out.
type NameFix struct {
	Row    int    `json:"row"`
	Column string `json:"column"`
	Kind   string `json:"kind"`
	From   string `json:"from,omitempty"`
	To     string `json:"to"`
	// Letters names the look-alike letters replaced, "Ð U+00D0 → Đ U+0110".
	Letters string `json:"letters,omitempty"`
}

// textKeys are the delegates' columns whose text ends up in documents.
var textKeys = []string{sheet.KeyName, sheet.KeyTitle, sheet.KeyUnit, sheet.KeyGroup}

// cleanNames corrects the table's text cells before the rows are read:
// look-alike letters replaced, names in capitals written in proper case
// (unless o.KeepCase), accents that came apart pointed out; a cell still
// in VNI or TCVN3 is a problem with its row, which is then left out. The
// table's rows are copied before a change: the caller's sheets stay as
// read.
func (im *importer) cleanNames(o ImportOptions) {
	rep, tbl := im.rep, im.tbl
	rep.KeepCase = o.KeepCase
	legacy := map[sheet.Encoding]int{}
	rows := make([]sheet.Row, 0, len(tbl.Rows))
	for _, r := range tbl.Rows {
		copied, refused := false, false
		set := func(idx int, v string) {
			if !copied {
				r.Cells, copied = slices.Clone(r.Cells), true
			}
			r.Cells[idx] = v
		}
		for _, key := range textKeys {
			col, ok := tbl.Columns[key]
			if !ok || col.Index >= len(r.Cells) || r.Cells[col.Index] == "" {
				continue
			}
			v, head := r.Cells[col.Index], im.col(key)
			if slices.Contains(r.Decomposed, col.Index) {
				rep.Fixes = append(rep.Fixes, NameFix{Row: r.N, Column: head, Kind: FixAccents, To: v})
			}
			if fixed, letters := sheet.FixLookalikes(v); len(letters) > 0 {
				rep.Fixes = append(rep.Fixes, NameFix{Row: r.N, Column: head, Kind: FixLookalike, From: v, To: fixed, Letters: lookalikeText(letters)})
				v = fixed
				set(col.Index, v)
			}
			if enc, guess := sheet.DetectLegacy(v); enc != "" {
				legacy[enc]++
				refused = true
				rep.problem(r.N, head, "legacy_encoding", "still in the %s encoding, it reads “%s”", enc, guess)
				continue
			}
			if key == sheet.KeyName && sheet.AllCaps(v) {
				rep.Capitals++
				if !o.KeepCase {
					proper := sheet.ProperName(v)
					rep.Fixes = append(rep.Fixes, NameFix{Row: r.N, Column: head, Kind: FixCase, From: v, To: proper})
					set(col.Index, proper)
				}
			}
		}
		// a refused row is read no further: its units and groups are not
		// offered as new ones
		if !refused {
			rows = append(rows, r)
		}
	}
	tbl.Rows = rows
	// one line for the whole file before its rows: the office converts
	// the file rather than correcting rows one by one
	for _, enc := range []sheet.Encoding{sheet.VNI, sheet.TCVN3} {
		if n := legacy[enc]; n > 1 {
			rep.summary("legacy_file", "%d cells are still in the %s encoding: convert the whole file to Unicode (Unikey's converter, for example) and import it again", n, enc)
		}
	}
}

func lookalikeText(ls []sheet.Lookalike) string {
	s := ""
	for i, l := range ls {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%c U+%04X → %c U+%04X", l.From, l.From, l.To, l.To)
	}
	return s
}

// summary puts a problem about the whole file before the rows' problems.
func (r *ImportReport) summary(code, format string, args ...any) {
	p := Problem{Msg: fmt.Sprintf(format, args...), Code: code, Args: args}
	r.Problems = slices.Insert(r.Problems, 0, p)
}

// otherPeoplesCodes says in one line, before the rows, that the file's
// codes belong to other people in this meeting: the wrong meeting's file
// (last year's list numbered the same way), not a few typing mistakes.
// It takes three such rows, or two that are half the rows with codes.
func (im *importer) otherPeoplesCodes() {
	coded := 0
	for _, r := range im.tbl.Rows {
		if im.get(r, sheet.KeyCode) != "" {
			coded++
		}
	}
	n := 0
	for _, p := range im.rep.Problems {
		if p.Code == "code_other_name" {
			n++
		}
	}
	if n >= 3 || (n == 2 && 2*n >= coded) {
		im.rep.summary("codes_others", "%d codes in the file are other people's in this meeting: is it this meeting's file?", n)
	}
}

// legacyHeader explains a file without a header row it could read: a file
// saved by an old program is in VNI or TCVN3 throughout, its column names
// too ("Hoï vaø teân"). The file-level line then names the encoding.
func legacyHeader(rep *ImportReport, sheets []sheet.Sheet) {
	found := map[sheet.Encoding]int{}
	var sample string
	for _, sh := range sheets {
		for _, r := range sh.Rows {
			if r.N > 30 {
				break
			}
			for _, c := range r.Cells {
				if enc, guess := sheet.DetectLegacy(c); enc != "" {
					found[enc]++
					if sample == "" {
						sample = guess
					}
				}
			}
		}
	}
	enc := sheet.TCVN3
	if found[sheet.VNI] > found[sheet.TCVN3] {
		enc = sheet.VNI
	}
	if found[enc] > 0 {
		rep.summary("legacy_file", "%d cells are still in the %s encoding: convert the whole file to Unicode (Unikey's converter, for example) and import it again", found[enc], enc)
	}
}
