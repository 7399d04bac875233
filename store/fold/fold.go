// Package fold makes Vietnamese names findable from the few accent-free
// letters a check-in desk types.
//
// Fold reduces text to lowercase ASCII words ("  Nguyễn  Thị Hoà " →
// "nguyen thi hoa"); Index ranks delegates against a folded query as the
// operator types, one keystroke at a time.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// asciiFold maps an ASCII byte to its folded byte, or to 0 when the byte
// separates words (space, punctuation, control).
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c] = c
		t[c-'a'+'A'] = c
	}
	return t
}()

// Fold returns s without case and accents, as lowercase ASCII words of
// [a-z0-9] separated by single spaces, with no leading or trailing space.
//
// Text is NFD-decomposed and combining marks are dropped, so precomposed
// ("ễ") and decomposed ("e" U+0302 U+0303) input fold alike; a mark never
// splits a word. đ, Đ and their look-alikes Ð (U+00D0) and ð fold to "d",
// which plain decomposition would not do. Any run of other characters
// (spaces of any kind, punctuation, letters with no ASCII base) becomes one
// space, so "PN-012" folds to "pn 012".
//
// Fold is idempotent. Already folded input is returned without allocating.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	b := appendFold(make([]byte, 0, len(s)), s)
	if len(b) == 0 {
		return ""
	}
	// b is never written again, so it can back the string without a copy
	// (what strings.Builder does).
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Words splits a folded string into its words. It also tolerates unfolded
// whitespace, but does no folding itself.
func Words(folded string) []string {
	return strings.Fields(folded)
}

// isFolded reports whether s is already what Fold would return: the common
// case for queries typed on an ASCII keyboard.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
			continue
		}
		if c >= utf8.RuneSelf || c == 0 || asciiFold[c] != c { // NUL folds to 0 too
			return false
		}
	}
	return true
}

// appendFold appends the folding of s to dst. Separators are emitted lazily,
// only before the next kept character, which trims and collapses in one pass.
func appendFold(dst []byte, s string) []byte {
	start := len(dst)
	sep := false
	for i := 0; i < len(s); {
		var a, b byte // folded output: a, then b when a letter folds to two
		if c := s[i]; c < utf8.RuneSelf {
			i++
			a = asciiFold[c]
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case r < latinEnd:
				a, b = latinFold[r-utf8.RuneSelf].bytes()
			case r >= vietStart && r < vietEnd:
				a, b = vietFold[r-vietStart].bytes()
			case isMark(r):
				i += n // a combining mark belongs to the letter before it
				continue
			default:
				a, b = foldDecomposed(s[i:], r)
			}
			i += n
		}
		if a == 0 {
			sep = true
			continue
		}
		if sep && len(dst) > start {
			dst = append(dst, ' ')
		}
		sep = false
		dst = append(dst, a)
		if b != 0 {
			dst = append(dst, b)
		}
	}
	return dst
}

// foldDecomposed folds the rune r that starts s by its base letter.
func foldDecomposed(s string, r rune) (a, b byte) {
	if d := norm.NFD.PropertiesString(s).Decomposition(); len(d) > 0 {
		// The decomposition is canonical and complete: the base letter
		// first, then only marks, which are dropped.
		r, _ = utf8.DecodeRune(d)
	}
	return foldRune(r)
}

// Precomputed foldings of the Latin blocks that hold every Vietnamese
// letter (Latin-1 to Latin Extended-B, and Latin Extended Additional with
// ạ...ỹ), so that folding a name needs no normalization lookups. Neither
// block holds a combining mark.
const (
	latinEnd  = 0x250
	vietStart = 0x1e00
	vietEnd   = 0x1f00
)

// folded is one or two output bytes, a | b<<8; 0 separates words.
type folded uint16

func (f folded) bytes() (a, b byte) { return byte(f), byte(f >> 8) }

var latinFold, vietFold = func() (l [latinEnd - utf8.RuneSelf]folded, v [vietEnd - vietStart]folded) {
	fill := func(t []folded, first rune) {
		for i := range t {
			r := first + rune(i)
			a, b := foldDecomposed(string(r), r)
			t[i] = folded(a) | folded(b)<<8
		}
	}
	fill(l[:], utf8.RuneSelf)
	fill(v[:], vietStart)
	return l, v
}()

// isMark reports a nonspacing combining mark, testing the block that holds
// every Vietnamese tone and vowel mark before the full table.
func isMark(r rune) bool {
	if r >= 0x300 && r <= 0x36f {
		return true
	}
	return r > 0x36f && unicode.Is(unicode.Mn, r)
}

// foldRune folds a base letter (no decomposition left) to one or two ASCII
// bytes; a == 0 means the rune separates words.
func foldRune(r rune) (a, b byte) {
	if r < utf8.RuneSelf {
		return asciiFold[r], 0
	}
	switch unicode.ToLower(r) {
	case 'đ', 'ð': // đ has no decomposition; Ð (U+00D0) is typed for Đ
		return 'd', 0
	case 'ø':
		return 'o', 0
	case 'ł':
		return 'l', 0
	case 'ı':
		return 'i', 0
	case 'æ':
		return 'a', 'e'
	case 'œ':
		return 'o', 'e'
	case 'ß':
		return 's', 's'
	}
	return 0, 0
}
