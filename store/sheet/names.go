package sheet

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Names as offices type them: in capitals for the printed list
// (NGUYỄN KHÁNH MAI), with a letter that only looks like Đ, or with the
// accents as separate marks. The import offers the proper form.

// AllCaps reports a name typed in capitals: two letters or more, and no
// small letter.
func AllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters >= 2
}

// ProperName writes a name in Vietnamese proper case: each word a capital
// then small letters, tones and Đ kept ("ĐẶNG THỊ ÁNH" → "Đặng Thị Ánh");
// after an apostrophe or a hyphen a new capital (H'HEN → H'Hen).
func ProperName(s string) string {
	var b strings.Builder
	start := true
	for _, r := range strings.ToLower(s) {
		if start && unicode.IsLetter(r) {
			r = unicode.ToUpper(r)
			start = false
		}
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			start = true
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Lookalike is one character replaced by the Vietnamese letter it was
// meant to be.
type Lookalike struct {
	From, To rune
}

// lookalikes are letters other code pages put where Đ belongs: Ð (the
// Icelandic eth, what Windows-1258's Đ becomes when read as Latin-1) and
// Ɖ (the African D), both drawn like Đ.
var lookalikes = map[rune]rune{'\u00D0': 'Đ', '\u00F0': 'đ', '\u0189': 'Đ', '\u0256': 'đ'}

// FixLookalikes replaces look-alike letters at the start of a word, where
// Vietnamese writes Đ (elsewhere they may be a legacy encoding's letters,
// which DetectLegacy then names), and says which.
func FixLookalikes(s string) (string, []Lookalike) {
	var fixed []Lookalike
	var b strings.Builder
	prev := ' '
	for _, r := range s {
		if to, ok := lookalikes[r]; ok && !unicode.IsLetter(prev) && !isLegacyGlyph(prev) {
			if !containsFix(fixed, r) {
				fixed = append(fixed, Lookalike{From: r, To: to})
			}
			b.WriteRune(to)
			prev = to
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	if fixed == nil {
		return s, nil
	}
	return b.String(), fixed
}

func containsFix(fs []Lookalike, r rune) bool {
	for _, f := range fs {
		if f.From == r {
			return true
		}
	}
	return false
}

// Decomposed reports text whose accents are separate marks (a Mac, some
// web forms): not in NFC. Clean joins them; the import says so.
func Decomposed(raw string) bool { return !norm.NFC.IsNormalString(raw) }
