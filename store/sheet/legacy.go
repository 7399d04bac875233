package sheet

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Before Unicode, Vietnamese offices typed in VNI or TCVN3 (ABC) fonts:
// the bytes were Latin letters and symbols, and the font drew them as
// Vietnamese. Copied into a Unicode spreadsheet they read "Nguyeãn Thò"
// (VNI) or "NguyÔn ThÞ" (TCVN3). Such names are refused, not guessed at:
// the office converts the file (Unikey's converter) and imports it again.

// Encoding names a legacy Vietnamese encoding.
type Encoding string

const (
	VNI   Encoding = "VNI"
	TCVN3 Encoding = "TCVN3"
)

// view is how the legacy bytes reached us: shown in a Latin-1 (Windows-1252)
// font, as in a spreadsheet; or read as Windows-1258, as our csv reader
// reads a file that is not UTF-8.
type view int

const (
	view1252 view = iota
	view1258
)

var (
	glyph1252 = glyphs(charmap.Windows1252)
	glyph1258 = glyphs(charmap.Windows1258)
)

// glyphs maps each character a code page shows for a byte from 0x80 up
// back to the byte.
func glyphs(cm *charmap.Charmap) map[rune]byte {
	m := map[rune]byte{}
	for b := 0x80; b <= 0xFF; b++ {
		if r := cm.DecodeByte(byte(b)); r != utf8.RuneError {
			m[r] = byte(b)
		}
	}
	return m
}

// isLegacyGlyph reports a character that a legacy byte may show as
// (part of a word even when it is a symbol such as "§" or "¹").
func isLegacyGlyph(r rune) bool {
	_, a := glyph1252[r]
	_, b := glyph1258[r]
	return a || b
}

// toBytes is s as the legacy bytes it shows, or false when s holds a
// character no such byte shows (real Unicode Vietnamese: "ễ", "ơ").
func toBytes(s string, v view) ([]byte, bool) {
	table := glyph1252
	if v == view1258 {
		table = glyph1258
	}
	out := make([]byte, 0, len(s))
	for _, r := range s {
		switch b, ok := table[r]; {
		case r < 0x80:
			out = append(out, byte(r))
		case ok:
			out = append(out, b)
		case v == view1258:
			// Windows-1258 writes tones as combining marks, which NFC
			// has joined to the letter before them since ("ḥ" was h
			// and a dot below)
			for _, c := range norm.NFD.String(string(r)) {
				b, ok := table[c]
				switch {
				case c < 0x80:
					out = append(out, byte(c))
				case ok:
					out = append(out, b)
				default:
					return nil, false
				}
			}
		default:
			return nil, false
		}
	}
	return out, true
}

// VNI writes a letter then its marks: a byte for the tone, or for the hat
// or breve with or without a tone. A few letters are one byte.
type vniMark struct{ mod, tone rune }

const (
	hat   = '\u0302'
	breve = '\u0306'
	horn  = '\u031b'
	grave = '\u0300'
	acute = '\u0301'
	tilde = '\u0303'
	hook  = '\u0309'
	dot   = '\u0323'
)

var vniMarks = map[byte]vniMark{
	0xF9: {0, acute}, 0xF8: {0, grave}, 0xFB: {0, hook}, 0xF5: {0, tilde}, 0xEF: {0, dot},
	0xE2: {hat, 0}, 0xE1: {hat, acute}, 0xE0: {hat, grave}, 0xE5: {hat, hook}, 0xE3: {hat, tilde}, 0xE4: {hat, dot},
	0xEA: {breve, 0}, 0xE9: {breve, acute}, 0xE8: {breve, grave}, 0xFA: {breve, hook}, 0xFC: {breve, tilde}, 0xEB: {breve, dot},
	// the same for capitals
	0xD9: {0, acute}, 0xD8: {0, grave}, 0xDB: {0, hook}, 0xD5: {0, tilde}, 0xCF: {0, dot},
	0xC2: {hat, 0}, 0xC1: {hat, acute}, 0xC0: {hat, grave}, 0xC5: {hat, hook}, 0xC3: {hat, tilde}, 0xC4: {hat, dot},
	0xCA: {breve, 0}, 0xC9: {breve, acute}, 0xC8: {breve, grave}, 0xDA: {breve, hook}, 0xDC: {breve, tilde}, 0xCB: {breve, dot},
}

var vniLetters = map[byte]rune{
	0xF4: 'ơ', 0xF6: 'ư', 0xF1: 'đ', 0xEC: 'ì', 0xED: 'í', 0xE6: 'ỉ', 0xF3: 'ĩ', 0xF2: 'ị', 0xEE: 'ỵ',
	0xD4: 'Ơ', 0xD6: 'Ư', 0xD1: 'Đ', 0xCC: 'Ì', 0xCD: 'Í', 0xC6: 'Ỉ', 0xD3: 'Ĩ', 0xD2: 'Ị', 0xCE: 'Ỵ',
}

// tcvn3 is TCVN 5712:1993 (ABC): one byte per letter. Capitals with a
// tone came from a second font whose bytes are those of the small letters.
var tcvn3 = map[byte]rune{
	0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ',
	0xA8: 'ă', 0xA9: 'â', 0xAA: 'ê', 0xAB: 'ô', 0xAC: 'ơ', 0xAD: 'ư', 0xAE: 'đ',
	0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB8: 'á', 0xB9: 'ạ',
	0xBB: 'ằ', 0xBC: 'ẳ', 0xBD: 'ẵ', 0xBE: 'ắ', 0xC6: 'ặ',
	0xC7: 'ầ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCA: 'ấ', 0xCB: 'ậ',
	0xCC: 'è', 0xCE: 'ẻ', 0xCF: 'ẽ', 0xD0: 'é', 0xD1: 'ẹ',
	0xD2: 'ề', 0xD3: 'ể', 0xD4: 'ễ', 0xD5: 'ế', 0xD6: 'ệ',
	0xD7: 'ì', 0xD8: 'ỉ', 0xDC: 'ĩ', 0xDD: 'í', 0xDE: 'ị',
	0xDF: 'ò', 0xE1: 'ỏ', 0xE2: 'õ', 0xE3: 'ó', 0xE4: 'ọ',
	0xE5: 'ồ', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE8: 'ố', 0xE9: 'ộ',
	0xEA: 'ờ', 0xEB: 'ở', 0xEC: 'ỡ', 0xED: 'ớ', 0xEE: 'ợ',
	0xEF: 'ù', 0xF1: 'ủ', 0xF2: 'ũ', 0xF3: 'ú', 0xF4: 'ụ',
	0xF5: 'ừ', 0xF6: 'ử', 0xF7: 'ữ', 0xF8: 'ứ', 0xF9: 'ự',
	0xFA: 'ỳ', 0xFB: 'ỷ', 0xFC: 'ỹ', 0xFD: 'ý', 0xFE: 'ỵ',
}

func vowel(r rune) bool {
	l, ok := letters[r]
	return ok && strings.ContainsRune("aăâeêioôơuưy", l.base)
}

// decodeLegacy reads legacy bytes as enc.
func decodeLegacy(b []byte, enc Encoding) string {
	var out []rune
	for _, c := range b {
		if c < 0x80 {
			out = append(out, rune(c))
			continue
		}
		if enc == TCVN3 {
			if r, ok := tcvn3[c]; ok {
				out = append(out, r)
			} else {
				out = append(out, charmap.Windows1252.DecodeByte(c))
			}
			continue
		}
		if r, ok := vniLetters[c]; ok {
			out = append(out, r)
			continue
		}
		if mk, ok := vniMarks[c]; ok && len(out) > 0 && vowel(out[len(out)-1]) {
			composed := norm.NFD.String(string(out[len(out)-1]))
			if mk.mod != 0 {
				composed += string(mk.mod)
			}
			if mk.tone != 0 {
				composed += string(mk.tone)
			}
			out[len(out)-1] = []rune(norm.NFC.String(composed))[0]
			continue
		}
		out = append(out, charmap.Windows1252.DecodeByte(c))
	}
	return norm.NFC.String(string(out))
}

// soft hyphen: TCVN3's "ư" is the byte 0xAD, which spreadsheets and our
// cell cleaner drop as a soft hyphen, leaving "ơ" of "ương" alone.
func restoreU(word string) string {
	lower := strings.ToLower(word)
	i := strings.Index(lower, "ơ")
	if i < 0 || strings.Contains(lower, "ươ") {
		return word
	}
	u := "ư"
	if r, _ := utf8.DecodeRuneInString(word[i:]); r == 'Ơ' {
		u = "Ư"
	}
	return word[:i] + u + word[i:]
}

// readAs decodes one word shown in view v as enc, or false.
func readAs(word string, v view, enc Encoding) (string, bool) {
	b, ok := toBytes(word, v)
	if !ok {
		return "", false
	}
	d := decodeLegacy(b, enc)
	if enc == TCVN3 && !Syllable(d) {
		d = restoreU(d)
	}
	return d, d != word
}

// DetectLegacy reports text still in a legacy encoding: some word is not
// a Vietnamese syllable as written but becomes one read as VNI or TCVN3,
// and nothing in the text is a letter only Unicode writes. guess is the
// text so read, for the message. A real name is never refused: each of
// its words is a syllable already, and is not looked at further.
func DetectLegacy(s string) (enc Encoding, guess string) {
	type way struct {
		v   view
		enc Encoding
	}
	// TCVN3 first: the standard of government offices, and the reading
	// kept when both read the text equally well ("Thuû": Thuỷ or Thủ)
	ways := []way{{view1252, TCVN3}, {view1252, VNI}, {view1258, TCVN3}, {view1258, VNI}}
	if isASCII(s) {
		return "", ""
	}
	var odd []string // words that are not syllables as written
	for _, word := range words(s) {
		if !isASCII(word) && !Syllable(word) {
			odd = append(odd, word)
		}
	}
	if len(odd) == 0 {
		return "", ""
	}
	votes := make([]int, len(ways))
	usable := make([]bool, len(ways))
	for i, w := range ways {
		_, usable[i] = toBytes(s, w.v)
	}
	for _, word := range odd {
		for i, w := range ways {
			if !usable[i] {
				continue
			}
			if d, changed := readAs(word, w.v, w.enc); changed && Syllable(d) {
				votes[i]++
			}
		}
	}
	best, bestCase := -1, 0
	var reading string
	for i, w := range ways {
		if votes[i] == 0 || (best >= 0 && votes[i] < votes[best]) {
			continue
		}
		r := readText(s, w.v, w.enc)
		// both read some words: the one whose words are written alike
		// (all Title Case, or all capitals) is the one the office typed
		c := caseScore(r)
		if best < 0 || votes[i] > votes[best] || c > bestCase {
			best, bestCase, reading = i, c, r
		}
	}
	if best < 0 {
		return "", ""
	}
	return ways[best].enc, reading
}

// readText reads every word of s as enc.
func readText(s string, v view, enc Encoding) string {
	var out []string
	for _, word := range strings.Split(s, " ") {
		if d, ok := readAs(word, v, enc); ok {
			word = d
		}
		out = append(out, word)
	}
	return strings.Join(out, " ")
}

// caseScore counts the words written in the text's usual way: a capital
// then small letters, or capitals only.
func caseScore(s string) int {
	title, upper := 0, 0
	for _, w := range words(s) {
		switch {
		case AllCaps(w):
			upper++
		case ProperName(w) == w:
			title++
		}
	}
	return max(title, upper)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
