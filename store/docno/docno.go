// Package docno reads the number and date of an official document as
// Vietnamese offices write them on a letter or in a register:
//
//	Số 123/LĐTBXH-VL ngày 20/11/2023
//	123/UBND-VP
//	Công văn số 45/PNV ngày 5/12/2023
//	số 07/BC-UBND, ngày 03 tháng 12 năm 2023
//	so 07/BC-UBND ngay 03 thang 12 nam 2023   (typed without accents)
//
// The number (số/ký hiệu) is digits, a slash and the symbol ("123/UBND-VP",
// "15/2023/NĐ-CP"); a bare "Số 123" is read too. The date is optional and
// comes after the number, as "ngày dd/mm/yyyy" (or with - or .) or "ngày
// dd tháng mm năm yyyy". Key folds a number for comparison, so that
// "07/BC-UBND" and "7/bc-ubnd" are one document.
package docno

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"doithoai/store/fold"
	"doithoai/store/sheet"
	"doithoai/store/textclean"
)

// Ref is a document's number, date and kind.
type Ref struct {
	Number string // "123/LĐTBXH-VL", as written (cleaned of spaces)
	Date   string // YYYY-MM-DD, "" when none was written
	Kind   string // the words before "số" ("Công văn"), "" when none
}

// Errors Parse returns; the TUI maps them to its messages.
var (
	ErrNoNumber = errors.New("no document number (expected e.g. 123/UBND-VP)")
	ErrBadDate  = errors.New("the document's date is not a day of the calendar")
	ErrTooLong  = errors.New("too long for a document number")
)

// MaxLen bounds what Parse reads (a number line is short).
const MaxLen = 200

// Parse reads a number line. It refuses a line without a number and a
// date that does not exist (31/02/2023); words it does not understand
// after the date are ignored ("… ngày 20/11/2023 của Phòng LĐTBXH").
func Parse(s string) (Ref, error) {
	s = textclean.Line(s)
	if utf8.RuneCountInString(s) > MaxLen {
		return Ref{}, ErrTooLong
	}
	toks := tokens(s)
	var r Ref
	num := -1
	for i, tk := range toks {
		f := fold.Fold(tk)
		if f == "so" && i+1 < len(toks) && isNumber(toks[i+1], true) {
			num = i + 1
			r.Kind = kind(toks[:i])
			break
		}
		if isNumber(tk, false) {
			num = i
			break
		}
	}
	if num < 0 {
		return Ref{}, ErrNoNumber
	}
	r.Number = toks[num]
	date, err := findDate(toks[num+1:])
	if err != nil {
		return Ref{}, err
	}
	r.Date = date
	return r, nil
}

// String writes r the way a register line reads: "Số 123/UBND-VP ngày
// 20/11/2023"; Parse reads it back to r (less Kind, when it is empty).
func (r Ref) String() string {
	s := "Số " + r.Number
	if r.Kind != "" {
		s = r.Kind + " số " + r.Number
	}
	if d, err := time.Parse("2006-01-02", r.Date); err == nil {
		s += " ngày " + d.Format("02/01/2006")
	}
	return s
}

// Key is a number folded for comparison: accents, case and the leading
// zeros of the number dropped, spaces removed ("07/BC-UBND" and
// "7/bc-ubnd" give "7/bc-ubnd"; "LĐTBXH" and "LDTBXH" fold alike).
func Key(number string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(textclean.Line(number)) {
		switch {
		case r == ' ':
		case r == '/' || r == '-' || r == '.' || r == '&' || r == '_':
			b.WriteRune(r)
		default:
			b.WriteString(strings.ReplaceAll(fold.Fold(string(r)), " ", ""))
		}
	}
	k := b.String()
	head, rest, slash := strings.Cut(k, "/")
	if head != "" && strings.Trim(head, "0123456789") == "" {
		head = strings.TrimLeft(head, "0")
		if head == "" {
			head = "0"
		}
		if slash {
			return head + "/" + rest
		}
		return head
	}
	return k
}

// tokens splits on spaces and on the punctuation around words (",", ";",
// ":", parentheses), keeping slashes, dashes and dots inside a token.
func tokens(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:()[]“”\"'", r)
	}) {
		w = strings.TrimRight(w, ".")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// isNumber: digits, then a slash and a symbol; after "số" bare digits do.
// A date (20/11/2023) is not a number.
func isNumber(tk string, afterSo bool) bool {
	head, rest, slash := strings.Cut(tk, "/")
	if head == "" || len(head) > 9 || strings.IndexFunc(head, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return false
	}
	if !slash {
		return afterSo
	}
	if rest == "" || strings.HasSuffix(rest, "/") {
		return false
	}
	if _, ok := sheet.DayFirst(tk); ok {
		return false
	}
	letter := false
	for _, r := range rest {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsDigit(r) || strings.ContainsRune("/-.&_", r):
		default:
			return false
		}
	}
	return letter
}

// kind is the words before "số" that name a kind of document (Công văn,
// Báo cáo, Tờ trình…): the trailing letters-only words, at most four.
func kind(toks []string) string {
	i := len(toks)
	for i > 0 && len(toks)-i < 4 {
		w := toks[i-1]
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			break
		}
		i--
	}
	return strings.Join(toks[i:], " ")
}

// findDate reads the first date after the number: "ngày" then dd/mm/yyyy
// or "dd tháng mm năm yyyy"; a date token without "ngày" counts too.
func findDate(toks []string) (string, error) {
	for i := 0; i < len(toks); i++ {
		f := fold.Fold(toks[i])
		if f == "ngay" {
			continue
		}
		if d, ok, err := wordsDate(toks[i:]); ok || err != nil {
			return d, err
		}
		if looksDate(toks[i]) {
			d, ok := sheet.DayFirst(toks[i])
			if !ok {
				return "", fmt.Errorf("%w: %s", ErrBadDate, toks[i])
			}
			return d, nil
		}
	}
	return "", nil
}

// looksDate: three runs of digits joined by one of / - . (a day that may
// not exist, which Parse refuses rather than skips).
func looksDate(tk string) bool {
	for _, sep := range []string{"/", "-", "."} {
		p := strings.Split(tk, sep)
		if len(p) != 3 {
			continue
		}
		ok := true
		for _, x := range p {
			if x == "" || len(x) > 4 || strings.IndexFunc(x, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// wordsDate reads "03 tháng 12 năm 2023" at the start of toks.
func wordsDate(toks []string) (string, bool, error) {
	if len(toks) < 5 || fold.Fold(toks[1]) != "thang" || fold.Fold(toks[3]) != "nam" {
		return "", false, nil
	}
	d, err1 := strconv.Atoi(toks[0])
	m, err2 := strconv.Atoi(toks[2])
	y, err3 := strconv.Atoi(toks[4])
	if err1 != nil || err2 != nil || err3 != nil || len(toks[4]) != 4 {
		return "", true, fmt.Errorf("%w: %s", ErrBadDate, strings.Join(toks[:5], " "))
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1900 || m < 1 || m > 12 || d < 1 || t.Day() != d {
		return "", true, fmt.Errorf("%w: %s", ErrBadDate, strings.Join(toks[:5], " "))
	}
	return t.Format("2006-01-02"), true, nil
}
