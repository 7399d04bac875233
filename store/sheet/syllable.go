package sheet

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese writes every word as one syllable: an onset, a rhyme (vần)
// from a closed list, and at most one tone mark on any of its vowels (the
// old "hoà" and the new "hòa" both pass). The legacy-encoding detector
// leans on this: text in VNI or TCVN3 shown in a Unicode font breaks
// syllables ("Nguyeãn"), and a real name never does.

var onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}

// rhymes lists the rhymes without tone. A few only follow one onset
// ("ynh" after qu: Quỳnh; "êng" after gi: giếng); they are allowed after
// any, which can only make the check more lenient.
var rhymes = setOf(`a ac ach ai am an ang anh ao ap at au ay
	ăc ăm ăn ăng ăp ăt
	âc âm ân âng âp ât âu ây
	e ec em en eng eo ep et
	ê êch êm ên êng ênh êp êt êu
	i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
	o oc oi om on ong op ot oong ooc
	oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
	ô ôc ôi ôm ôn ông ôp ôt
	ơ ơi ơm ơn ơp ơt
	u uc ui um un ung up ut ua uân uâng uât uây uê uêch uênh uy uya uych uyên uyêt uynh uyp uyt uyu uơ
	uôc uôi uôm uôn uông uôt
	ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
	y yêm yên yêt yêu ynh yt ych`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// tone marks, as NFD writes them after the vowel
func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}

// letter is a Vietnamese letter taken apart: its small form without a
// tone (keeping hat, breve or horn) and whether it had a tone.
type letter struct {
	base rune
	tone bool
}

// letters holds every letter a Vietnamese word may use, small and capital,
// so that checking a word needs no normalisation (an import checks
// every cell).
var letters = func() map[rune]letter {
	m := map[rune]letter{}
	add := func(r rune) {
		var b strings.Builder
		tone := false
		for _, c := range norm.NFD.String(string(unicode.ToLower(r))) {
			if isTone(c) {
				tone = true
				continue
			}
			b.WriteRune(c)
		}
		base := []rune(norm.NFC.String(b.String()))
		if len(base) == 1 && strings.ContainsRune("abcdđeghiklmnopqrstuvxyăâêôơư", base[0]) {
			m[r] = letter{base: base[0], tone: tone}
		}
	}
	for r := rune('A'); r <= 'z'; r++ {
		add(r)
	}
	for r := rune(0xC0); r <= 0x1B0; r++ {
		add(r)
	}
	for r := rune(0x1EA0); r <= 0x1EF9; r++ {
		add(r)
	}
	return m
}()

// toneless returns the word in small letters without its tone mark, how
// many tone marks it had and on which letter; ok is false for a letter
// Vietnamese does not write. Decomposed text is composed first.
func toneless(word string) (base []rune, tones, at int, ok bool) {
	if !norm.NFC.IsNormalString(word) {
		word = norm.NFC.String(word)
	}
	base = make([]rune, 0, len(word))
	for _, r := range word {
		l, ok := letters[r]
		if !ok {
			return nil, 0, 0, false
		}
		if l.tone {
			tones++
			at = len(base)
		}
		base = append(base, l.base)
	}
	return base, tones, at, true
}

// Syllable reports whether word is one Vietnamese syllable, in any case,
// its tone (if any) on a vowel that may carry it.
func Syllable(word string) bool {
	base, tones, at, ok := toneless(word)
	if !ok || tones > 1 || len(base) == 0 {
		return false
	}
	for _, o := range onsets {
		n := len([]rune(o))
		if n > len(base) || string(base[:n]) != o {
			continue
		}
		// gìn is g + in, giêng gi + êng: both splits are tried
		rhyme := base[n:]
		if rhymes[string(rhyme)] && (tones == 0 || toneFits(rhyme, at-n)) {
			return true
		}
	}
	return false
}

// toneFits reports whether the tone may sit on the rhyme's letter at: on
// the vowel with a hat, breve or horn (the last, in ươ); else on the last
// vowel before a final consonant; else on the first of two vowels (the
// middle of three), with oa, oe and uy taking it on either (hoà, hòa).
func toneFits(rhyme []rune, at int) bool {
	n := 0
	for n < len(rhyme) && strings.ContainsRune("aăâeêioôơuưy", rhyme[n]) {
		n++
	}
	if at < 0 || at >= n {
		return false
	}
	marked := -1
	for i, r := range rhyme[:n] {
		if strings.ContainsRune("ăâêôơư", r) {
			marked = i
		}
	}
	switch cluster := string(rhyme[:n]); {
	case n == 1:
		return at == 0
	case marked >= 0:
		return at == marked
	case n < len(rhyme):
		return at == n-1
	case cluster == "oa" || cluster == "oe" || cluster == "uy":
		return true
	case n == 2:
		return at == 0
	}
	return at == 1
}

// words splits text into the words to check: letters, marks and the
// apostrophe of names such as H'Hen; everything else separates.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsMark(r) || r == '\'' || r == '’' || isLegacyGlyph(r))
	})
}
