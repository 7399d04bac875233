package serve

import (
	"io"
	"testing"
	"time"
)

func TestQueryBackground(t *testing.T) {
	cases := []struct {
		name, answer string
		dark, known  bool
		rest         string
	}{
		{"light, BEL", "a\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?62;22cb", false, true, "ab"},
		{"dark, ST", "\x1b]11;rgb:1e1e/1e1e/2e2e\x1b\\\x1b[?1;2c", true, true, ""},
		{"two-digit", "\x1b]11;rgb:fa/fa/f0\x07\x1b[?6c", false, true, ""},
		{"no colour, DA1 only", "\x1b[?6cq", true, false, "q"},
		{"silent", "keys", true, false, "keys"},
	}
	for _, c := range cases {
		pr, pw := io.Pipe()
		in := newInput(pr)
		go io.WriteString(pw, c.answer)
		start := time.Now()
		// a timeout well above the answer's delay, so a loaded machine
		// cannot make the answer late
		dark, known := queryBackground(io.Discard, in, time.Second)
		if dark != c.dark || known != c.known {
			t.Errorf("%s: dark=%v known=%v, want %v %v", c.name, dark, known, c.dark, c.known)
		}
		if c.known && time.Since(start) > 700*time.Millisecond {
			t.Errorf("%s: waited for the timeout although the terminal answered", c.name)
		}
		pw.Close()
		rest, _ := io.ReadAll(in)
		if string(rest) != c.rest {
			t.Errorf("%s: left %q for the TUI, want %q", c.name, rest, c.rest)
		}
	}
}
