package common

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The fast path of Trunc, Pad and Fit gives what ansi's grapheme-aware
// functions give, for every rune it takes and for random Vietnamese text
// with and without the runes it leaves to ansi.
func TestNarrowMatchesAnsi(t *testing.T) {
	for r := rune(0); r < 0x2100; r++ {
		s := string(r)
		if n, ok := narrow(s); ok && (n != 1 || ansi.StringWidth(s) != 1) {
			t.Errorf("%U: narrow says %d, ansi %d", r, n, ansi.StringWidth(s))
		}
	}
	pool := []rune("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ 0123456789.,;:-–—“”‘’…()/&")
	odd := []rune{'\u0301', '\u00ad', '\u200b', '中', '\x1b', '\t', '😀', '\u2028'}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := rng.IntN(40); j > 0; j-- {
			if rng.IntN(50) == 0 {
				b.WriteRune(odd[rng.IntN(len(odd))])
			} else {
				b.WriteRune(pool[rng.IntN(len(pool))])
			}
		}
		s, w := b.String(), rng.IntN(30)
		if n, ok := narrow(s); ok && n != ansi.StringWidth(s) {
			t.Fatalf("%q: narrow %d, ansi %d", s, n, ansi.StringWidth(s))
		}
		want := ""
		if w > 0 {
			want = s
			if ansi.StringWidth(s) > w {
				want = ansi.Truncate(s, w, "…")
			}
		}
		if got := Trunc(s, w); got != want {
			t.Fatalf("Trunc(%q, %d) = %q, ansi gives %q", s, w, got, want)
		}
		// (a bare escape or tab is the frame filter's business)
		if got := Pad(s, w); w > 0 && !strings.ContainsAny(s, "\x1b\t") && ansi.StringWidth(got) != w {
			t.Fatalf("Pad(%q, %d) = %q, %d wide", s, w, got, ansi.StringWidth(got))
		}
	}
}
