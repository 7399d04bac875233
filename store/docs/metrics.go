package docs

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Advance widths (1/1000 em) of the printable ASCII characters '!'..'~'
// in Times Roman and Times Bold (Adobe's AFM metrics; Times New Roman and
// Liberation Serif share them). Decree 30/2020 sizes some rules by the
// text they stand under ("as long as that line", "one third to one half of
// the title"), so the writer must know how wide a line prints.
var (
	timesRegular = [...]int{333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921,
		722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 333, 500, 333,
		444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 333}
	timesBold = [...]int{333, 555, 500, 500, 1000, 833, 333, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930,
		722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 333, 500, 333,
		500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 333}
)

// charWidth is the width of r in 1/1000 em. A Vietnamese letter is as
// wide as its base letter (the marks sit above or below it); ơ and ư are
// a little wider than o and u.
func charWidth(r rune, bold bool) int {
	table := timesRegular[:]
	if bold {
		table = timesBold[:]
	}
	switch r {
	case ' ', '\u00a0':
		return 250
	case 'đ':
		r = 'd'
	case 'Đ':
		r = 'D'
	case '–', '“', '”':
		return 500
	case '—', '…':
		return 1000
	case '‘', '’':
		return 333
	}
	extra := 0
	if r > '~' {
		base := []rune(norm.NFD.String(string(r)))
		if len(base) > 1 {
			for _, m := range base[1:] {
				if m == '\u031b' { // horn: ơ, ư
					extra = 60
				}
			}
		}
		r = base[0]
	}
	if r >= '!' && r <= '~' {
		return table[r-'!'] + extra
	}
	if unicode.IsUpper(r) {
		return 722
	}
	return 500
}

// textTwips is how wide s prints at size pt, in twips (1/20 pt).
func textTwips(s string, bold bool, pt float64) int {
	em := 0
	for _, r := range s {
		em += charWidth(r, bold)
	}
	return int(float64(em) * pt * 20 / 1000)
}
