// Package textclean makes outside text safe to store and to show in a
// terminal. A name typed over SSH, a cell of an imported csv or a row
// written by hand with sqlite3 may hold escape sequences that retitle a
// window, recolour a screen or write a device's clipboard (OSC 52); the
// store cleans every text it accepts and the stations clean again when
// they render.
//
// Two entry points: Line for one-line fields (names, titles, units,
// topics, desk names), where tabs and newlines become one space, and Long
// for long texts (questions, answers, petitions, summaries), which keep
// their newlines. Both remove C0 and C1 controls, whole escape sequences
// (CSI, OSC ended by BEL or ST, DCS/SOS/PM/APC strings, two-byte ESC
// sequences), the bidi overrides and isolates U+202A–U+202E and
// U+2066–U+2069, the byte-order mark and invalid UTF-8, then normalise to
// NFC and trim.
package textclean

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Line cleans a one-line field: every run of spaces, tabs and line breaks
// becomes one space.
func Line(s string) string {
	if Clean(s, false) {
		return s
	}
	return finish(strip(s, oneLine))
}

// Long cleans a long text: line breaks are kept (CRLF, CR, U+2028 and
// U+2029 become LF), tabs become a space.
func Long(s string) string {
	if Clean(s, true) {
		return s
	}
	return finish(strip(s, longText))
}

// finish normalises and trims what strip left.
func finish(s string) string {
	return strings.TrimSpace(norm.NFC.String(s))
}

// Clean reports whether s is already what Line (or Long, if long) makes
// of it, without allocating: the common case on every render.
func Clean(s string, long bool) bool {
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			return false
		case r == '\n' && long:
		case r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0x2028 || r == 0x2029 || dropped(r):
			return false
		case r == ' ' && !long:
			if space {
				return false
			}
		}
		space = r == ' '
	}
	return strings.TrimSpace(s) == s && norm.NFC.IsNormalString(s)
}

// Safe reports whether s holds nothing a terminal would act on: valid
// UTF-8 without controls (but line breaks, if long), bidi controls or
// line separators. It does not check spacing or normalisation, and costs
// a few nanoseconds per byte without allocating: the check on every text
// read from a file and on every frame.
func Safe(s string, long bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && (c != '\n' || !long) || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, n) {
			return false
		}
		i += n
	}
	return true
}

// unsafeRune: an invalid byte (n 1), a C1 control, a line separator, a
// bidi control or the byte-order mark.
func unsafeRune(r rune, n int) bool {
	return r == utf8.RuneError && n == 1 || r < 0xa0 || r == 0x2028 || r == 0x2029 || dropped(r)
}

// Bidi overrides and isolates reorder what follows them on screen
// ("Trojan source"); the byte-order mark is never part of a name.
func dropped(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0xfeff
}

// mode is what strip keeps: one line, a long text, or a frame.
type mode int

const (
	oneLine    mode = iota // line breaks and tabs become one space, runs of spaces one
	longText               // line breaks kept (CRLF, CR, U+2028, U+2029 as LF), tabs a space
	wholeFrame             // SGR sequences and LF kept, CR dropped: a rendered screen
)

// strip removes controls, escape sequences, bidi overrides and invalid
// UTF-8 and maps tabs and line breaks as m says; it never makes s longer.
func strip(s string, m mode) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // the last byte written is a space (one-line fields collapse runs)
	put := func(r rune) {
		if r == ' ' && m == oneLine {
			if space {
				return
			}
			space = true
		} else {
			space = false
		}
		b.WriteRune(r)
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			i++ // invalid byte
			continue
		case r == 0x1b: // ESC
			if k := sgrLen(s[i:]); k > 0 && m == wholeFrame {
				b.WriteString(s[i : i+k])
				i += k
			} else {
				i = skipEscape(s, i+1)
			}
			continue
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+n)
			continue
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(s, i+n)
			continue
		case r == '\r' && m == longText:
			put('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case r == '\n' && m != oneLine, (r == 0x2028 || r == 0x2029) && m == longText:
			put('\n')
		case r == '\r' || r == '\n' || r == 0x2028 || r == 0x2029:
			if m == oneLine {
				put(' ')
			}
		case r == '\t' || r == '\v' || r == '\f':
			put(' ')
		case r < 0x20 || r >= 0x7f && r < 0xa0 || dropped(r):
			// other C0 and C1 controls, DEL, bidi controls
		default:
			put(r)
		}
		i += n
	}
	return b.String()
}

// skipEscape returns the index after the escape sequence whose ESC ended
// just before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC
		return skipString(s, i+1)
	}
	// nF: intermediates 0x20–0x2F then one final 0x30–0x7E; Fp/Fe/Fs: one
	// byte 0x30–0x7E. Anything else ends the sequence at the ESC alone.
	j := i
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
		return j + 1
	}
	if j > i {
		return j // unfinished: drop what there is
	}
	return i
}

// skipCSI skips parameters (0x30–0x3F), intermediates (0x20–0x2F) and
// the final byte (0x40–0x7E); a byte out of place ends the sequence.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips a control string (OSC, DCS, SOS, PM, APC) up to and
// including its end: BEL, ESC \, the C1 ST, or CAN and SUB which abort it.
// An unended string runs to the end of the text, as a terminal would
// swallow it.
func skipString(s string, i int) int {
	for i < len(s) {
		switch c := s[i]; c {
		case 0x07, 0x18, 0x1a:
			return i + 1
		case 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i // a new sequence aborts the string
		case 0xc2:
			if i+1 < len(s) && s[i+1] == 0x9c { // U+009C ST
				return i + 2
			}
		}
		i++
	}
	return i
}

// Cut cleans s as Line or Long and cuts it to at most max characters
// (runes), reporting whether anything was cut. Forms use it on pastes.
func Cut(s string, max int, long bool) (string, bool) {
	if long {
		s = Long(s)
	} else {
		s = Line(s)
	}
	if utf8.RuneCountInString(s) <= max {
		return s, false
	}
	n := 0
	for i := range s {
		if n == max {
			return strings.TrimSpace(s[:i]), true
		}
		n++
	}
	return s, false
}

// Frame cleans a whole rendered screen as the last step before it goes to
// the terminal: colour and style (SGR, ESC [ … m, as lipgloss writes it)
// and line breaks stay; every other escape sequence, control, bidi control
// and invalid byte goes. It is the defence for text that never passed the
// store (an error naming a file, a value being typed). A clean frame costs
// one pass and no allocation.
func Frame(s string) string {
	if frameSafe(s) {
		return s
	}
	return strip(s, wholeFrame)
}

// sgrLen is the length of the SGR sequence (ESC [ digits ; : m) s starts
// with, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case c >= '0' && c <= '9' || c == ';' || c == ':':
		default:
			return 0
		}
	}
	return 0
}

func frameSafe(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0x1b:
				k := sgrLen(s[i:])
				if k == 0 {
					return false
				}
				i += k
				continue
			case c < 0x20 && c != '\n' || c == 0x7f:
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, n) {
			return false
		}
		i += n
	}
	return true
}
