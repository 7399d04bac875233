package common

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Fit cuts s to at most w columns and h lines and pads every line to w, so
// nothing is drawn out of bounds at any size.
func Fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lw := width(l)
		if lw > w {
			l = ansi.Truncate(l, w, "…")
			lw = ansi.StringWidth(l)
		}
		if lw < w {
			l += strings.Repeat(" ", w-lw)
		}
		lines[i] = l
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines, "\n")
}

// Trunc cuts one line to w columns with an ellipsis.
func Trunc(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if n, ok := narrow(s); ok {
		if n <= w {
			return s
		}
		return cutRunes(s, w-1) + "…"
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// Pad cuts or pads one line to exactly w columns.
func Pad(s string, w int) string {
	if n, ok := narrow(s); ok && w > 0 {
		if n > w {
			return cutRunes(s, w-1) + "…"
		}
		return s + strings.Repeat(" ", w-n)
	}
	s = Trunc(s, w)
	if n := width(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// width is ansi.StringWidth, counted without grapheme segmentation for
// the plain text most lines are (see narrow): a list of 60 rows at 200
// columns is measured in microseconds.
func width(s string) int {
	if n, ok := narrow(s); ok {
		return n
	}
	return ansi.StringWidth(s)
}

// narrow reports whether every rune of s is one column wide and a
// grapheme of its own — printable ASCII, Latin-1 but the soft hyphen,
// Latin Extended-A and -B, Latin Extended Additional (the Vietnamese
// letters, precomposed as the store keeps them), dashes, quotes and the
// ellipsis — and if so its width, its rune count. Anything else (escape
// codes, combining marks, wide or zero-width characters) says no.
func narrow(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return 0, false
			}
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0xa0 && r <= 0x24f && r != 0xad, r >= 0x1e00 && r <= 0x1eff, r >= 0x2010 && r <= 0x2027 && r != utf8.RuneError:
		default:
			return 0, false
		}
		i += size
		n++
	}
	return n, true
}

// cutRunes is the first n runes of s.
func cutRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
