package textclean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Nguyễn Thị Hoa", "Nguyễn Thị Hoa"},
		{"  Nguyễn\tThị \r\n Hoa  ", "Nguyễn Thị Hoa"},
		{"Nguye\u0302\u0303n", "Nguyễn"}, // NFD → NFC
		{"\x1b]2;PWNED\x07Hoa", "Hoa"},   // OSC 2 ended by BEL
		{"\x1b]2;PWNED\x1b\\Hoa", "Hoa"}, // ended by ST
		{"\x1b]52;c;aGVsbG8=\x07Lan", "Lan"},
		{"\x1b[31mĐỏ\x1b[0m", "Đỏ"},
		{"\x1b[38;2;255;0;0mX", "X"},
		{"\x1b[?1049hY", "Y"},
		{"A\u202eB\u2066C\u2069", "ABC"},
		{"\x1bPq#0;2;0;0;0\x1b\\Z", "Z"}, // sixel DCS
		{"\x1b_Gf=100;AAAA\x1b\\Z", "Z"}, // kitty graphics APC
		{"\x1b^pm\x07Z", "Z"},
		{"\x1bXsos\x1b\\Z", "Z"},
		{"\u009b31mC1", "C1"},
		{"\u009d0;t\u009cOK", "OK"},
		{"\x1b(BX", "X"},
		{"\x1b7X\x1b8", "X"},
		{"\x1bcX", "X"},
		{"\x1b]0;never ended", ""},
		{"\x1b]0;title\x1b[31mX", "X"}, // a new sequence aborts the string
		{"a\x00b\x7fc\u0085d", "abcd"},
		{"a\xffb\xc3", "ab"},
		{"\ufeffHoa", "Hoa"},
		{"x\x1b", "x"},
		{"a\u2028b", "a b"},
		{"  ", ""},
	} {
		if got := Line(c.in); got != c.want {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLong(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Dòng 1\r\nDòng 2\rDòng 3\n\nDòng 5", "Dòng 1\nDòng 2\nDòng 3\n\nDòng 5"},
		{"\n  a\tb  \n", "a b"},
		{"Hỏi:\x1b[2J\x1b[H xin", "Hỏi: xin"},
		{"a  b", "a  b"}, // long texts keep their spacing
		{"\u202bمرحبا\u202c", "مرحبا"},
	} {
		if got := Long(c.in); got != c.want {
			t.Errorf("Long(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCut(t *testing.T) {
	s, cut := Cut(strings.Repeat("Hoà ", 100), 10, false)
	if !cut || s != "Hoà Hoà Ho" {
		t.Fatalf("Cut = %q, %v", s, cut)
	}
	if s, cut := Cut("Hoà", 3, false); cut || s != "Hoà" {
		t.Fatalf("Cut = %q, %v", s, cut)
	}
}

// The fast path must not call clean what strip would change.
func TestCleanAgreesWithStrip(t *testing.T) {
	for _, s := range []string{"Hoa", "Hoà", "Ho\u0300a", "a  b", " a", "a\n", "a\nb", "a\tb", "\u202e", "\x1b"} {
		for _, long := range []bool{false, true} {
			want := finish(strip(s, modeOf(long))) == s
			if got := Clean(s, long); got != want {
				t.Errorf("Clean(%q, %v) = %v, want %v", s, long, got, want)
			}
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"Nguyễn Thị Hoa", "\x1b]2;PWNED\x07", "\x1b]52;c;aGk=\x1b\\x", "\x1b[31mred", "\u202eabc",
		"a\r\nb", "\x9b31m", "\u009b31m", "\u009dx\u009c", "\x1bP\x1b\\", "\x1b", "\x1b[", "\x1b]",
		"\xff\xfe", "Nguye\u0302\u0303n", " \u0301", "a\u2029b", "\u0958", "\ufeff", "\t\v\f",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, long := range []bool{false, true} {
			clean := Line
			if long {
				clean = Long
			}
			got := clean(s)
			if !utf8.ValidString(got) {
				t.Fatalf("%q -> %q: invalid UTF-8", s, got)
			}
			for _, r := range got {
				if r < 0x20 && !(long && r == '\n') || r >= 0x7f && r < 0xa0 || dropped(r) {
					t.Fatalf("%q (long %v) -> %q: holds %U", s, long, got, r)
				}
			}
			if again := clean(got); again != got {
				t.Fatalf("not idempotent (long %v): %q -> %q -> %q", long, s, got, again)
			}
			if !Safe(got, long) {
				t.Fatalf("Safe(%q, %v) is false on its own output", got, long)
			}
			// Safe is exactly "strip changes nothing" for long texts
			if safe, same := Safe(s, true), strip(s, modeOf(true)) == s; long && safe != same {
				t.Fatalf("Safe(%q) = %v, but strip changes it: %v", s, safe, !same)
			}
			if !Clean(got, long) {
				t.Fatalf("Clean(%q, %v) is false on its own output", got, long)
			}
			// Removing never lengthens; only NFC may, by at most 3x (UAX #15).
			if st := strip(s, modeOf(long)); len(st) > len(s) {
				t.Fatalf("strip lengthened %q to %q", s, st)
			}
			if len(got) > 3*len(s) {
				t.Fatalf("%q -> %q: longer than NFC allows", s, got)
			}
			if Clean(s, long) && got != s {
				t.Fatalf("Clean(%q) but cleaned to %q", s, got)
			}
		}
	})
}

func TestFrame(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"\x1b[1;38;2;10;20;30mHoa\x1b[0m\n─┐", "\x1b[1;38;2;10;20;30mHoa\x1b[0m\n─┐"},
		{"a\x1b]2;PWNED\x07b\x1b[2Jc\x1b[?25ld\u202ee\r\tf", "abcde f"},
		{"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"\x1b[31", ""},
	} {
		if got := Frame(c.in); got != c.want {
			t.Errorf("Frame(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzFrame(f *testing.F) {
	for _, s := range []string{"\x1b[31mX\x1b[0m", "\x1b]2;x\x07", "\x1b[2J", "─\n│", "\x1b[", "\u202e", "\x1b[1;2:3m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Frame(s)
		if Frame(got) != got || !frameSafe(got) || !utf8.ValidString(got) || len(got) > len(s) {
			t.Fatalf("Frame(%q) = %q", s, got)
		}
		// what is left once SGR is taken out holds no escape at all
		rest := got
		for i := strings.IndexByte(rest, 0x1b); i >= 0; i = strings.IndexByte(rest, 0x1b) {
			k := sgrLen(rest[i:])
			if k == 0 {
				t.Fatalf("Frame(%q) = %q: an ESC outside SGR", s, got)
			}
			rest = rest[:i] + rest[i+k:]
		}
		if !Safe(rest, true) {
			t.Fatalf("Frame(%q) = %q: unsafe text", s, got)
		}
	})
}

func modeOf(long bool) mode {
	if long {
		return longText
	}
	return oneLine
}
