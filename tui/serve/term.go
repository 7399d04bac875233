package serve

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"
)

// Why not bm.MakeRenderer: it asks the terminal for its background colour
// and then waits, with no deadline it can enforce on an SSH channel, for
// the answer to a device-attributes query. A client that never answers
// shows nothing until a key is pressed, and that key is lost. Here the
// session is read by one goroutine, so the same query can wait at most
// queryTimeout and keys typed meanwhile reach the TUI.

// queryTimeout bounds the wait for the terminal's answers. Terminals on
// the hall network answer within milliseconds.
const queryTimeout = 700 * time.Millisecond

// input reads an SSH session in one goroutine and hands the bytes to one
// reader at a time: first the start-up query, then the TUI.
type input struct {
	ch  chan []byte
	buf []byte
}

func newInput(r io.Reader) *input {
	in := &input{ch: make(chan []byte, 64)}
	go func() {
		defer close(in.ch)
		for {
			b := make([]byte, 4096)
			n, err := r.Read(b)
			if n > 0 {
				in.ch <- b[:n]
			}
			if err != nil {
				return
			}
		}
	}()
	return in
}

// Read gives the bytes left over by the query, then what the session sends.
// It never ends a read inside a UTF-8 sequence: Bubble Tea reads 256 bytes
// at a time and drops a letter cut in two (a pasted Vietnamese paragraph,
// without bracketed paste, lost one accented letter per read), so a cut
// letter waits for its end, whether the cut is this read's or the
// session's own.
func (in *input) Read(p []byte) (int, error) {
	for len(in.buf) == 0 || incompleteTail(in.buf) == len(in.buf) {
		b, ok := <-in.ch
		if !ok {
			if len(in.buf) > 0 {
				n := copy(p, in.buf)
				in.buf = in.buf[n:]
				return n, nil
			}
			return 0, io.EOF
		}
		in.buf = append(in.buf, b...)
	}
	avail := in.buf[:len(in.buf)-incompleteTail(in.buf)]
	n := copy(p, avail)
	for n > 0 && n < len(avail) && !utf8.RuneStart(avail[n]) {
		n--
	}
	if n == 0 { // p is shorter than one letter
		n = copy(p, avail)
	}
	in.buf = in.buf[n:]
	return n, nil
}

// incompleteTail is the number of bytes at the end of b that begin a
// UTF-8 sequence without finishing it.
func incompleteTail(b []byte) int {
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
		switch {
		case c < 0x80:
			return 0
		case c >= 0xC0: // the lead byte: how long its sequence is
			need := 2
			if c >= 0xF0 {
				need = 4
			} else if c >= 0xE0 {
				need = 3
			}
			if i < need {
				return i
			}
			return 0
		}
	}
	return 0
}

var (
	oscBackground = regexp.MustCompile(`\x1b\]11;rgb:([0-9a-fA-F]{1,4})/([0-9a-fA-F]{1,4})/([0-9a-fA-F]{1,4})(?:\x07|\x1b\\)`)
	deviceAttrs   = regexp.MustCompile(`\x1b\[\?[0-9;]*c`)
)

// queryBackground asks the terminal for its background colour, followed by
// its device attributes (which every terminal answers, so the wait ends
// early). It reports whether the background is dark and whether the
// terminal said. Everything else read meanwhile (keys typed early) stays
// in the input for the TUI.
func queryBackground(w io.Writer, in *input, timeout time.Duration) (dark, known bool) {
	if _, err := io.WriteString(w, "\x1b]11;?\x07\x1b[c"); err != nil {
		return true, false
	}
	var got []byte
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
wait:
	for !deviceAttrs.Match(got) {
		select {
		case b, ok := <-in.ch:
			if !ok {
				break wait
			}
			got = append(got, b...)
		case <-deadline.C:
			break wait
		}
	}
	dark, known = true, false
	if m := oscBackground.FindSubmatch(got); m != nil {
		l := lightness(m[1], m[2], m[3])
		dark, known = l < 0.5, true
	}
	got = oscBackground.ReplaceAll(got, nil)
	got = deviceAttrs.ReplaceAll(got, nil)
	in.buf = append(got, in.buf...)
	return dark, known
}

// lightness is the HSL lightness of an X11 rgb: colour (1 to 4 hex digits
// per component).
func lightness(parts ...[]byte) float64 {
	lo, hi := 1.0, 0.0
	for _, p := range parts {
		v, _ := strconv.ParseUint(string(p), 16, 32)
		full := float64(uint64(1)<<(4*len(p)) - 1)
		f := float64(v) / full
		lo, hi = min(lo, f), max(hi, f)
	}
	return (lo + hi) / 2
}

// sshEnviron is the client's environment as termenv reads it.
type sshEnviron []string

func (e sshEnviron) Environ() []string { return e }

func (e sshEnviron) Getenv(k string) string {
	for _, v := range e {
		if rest, ok := bytes.CutPrefix([]byte(v), []byte(k+"=")); ok {
			return string(rest)
		}
	}
	return ""
}

// sessionRenderer is the session's own lipgloss renderer: colour profile
// from the client's TERM and COLORTERM, background from the query.
func sessionRenderer(sess ssh.Session, in *input) *lipgloss.Renderer {
	pty, _, _ := sess.Pty()
	if pty.Term == "" || pty.Term == "dumb" {
		return lipgloss.NewRenderer(sess, termenv.WithProfile(termenv.Ascii))
	}
	env := sshEnviron(append(sess.Environ(), "TERM="+pty.Term))
	r := lipgloss.NewRenderer(sess, termenv.WithEnvironment(env), termenv.WithTTY(true), termenv.WithColorCache(true))
	dark, _ := queryBackground(sess, in, queryTimeout)
	r.SetHasDarkBackground(dark)
	return r
}
