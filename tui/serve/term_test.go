package serve

import (
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
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

// runeCollector is a program that keeps every rune it is sent and quits
// when it has want of them.
type runeCollector struct {
	got  []rune
	want int
}

func (c *runeCollector) Init() tea.Cmd { return nil }
func (c *runeCollector) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		c.got = append(c.got, k.Runes...)
		if k.Type == tea.KeySpace && len(k.Runes) == 0 {
			c.got = append(c.got, ' ')
		}
	}
	if len(c.got) >= c.want {
		return c, tea.Quit
	}
	return c, nil
}
func (c *runeCollector) View() string { return "" }

// A long Vietnamese text typed or pasted without bracketed paste reaches
// the TUI whole, however the session cuts it: Bubble Tea reads 256 bytes
// at a time, and a letter cut by either boundary used to be lost.
func TestLongVietnameseInputKeepsEveryLetter(t *testing.T) {
	text := strings.Repeat("Đề nghị tăng cường đào tạo nghề cho phụ nữ nông thôn, hỗ trợ vay vốn ưu đãi. ", 60)
	pr, pw := io.Pipe()
	go func() {
		b := []byte(text)
		for i := 0; i < len(b); {
			n := min(len(b)-i, 997) // chunks that cut letters
			pw.Write(b[i : i+n])
			i += n
			time.Sleep(time.Millisecond)
		}
	}()
	defer pw.Close()
	c := &runeCollector{want: utf8.RuneCountInString(text)}
	p := tea.NewProgram(c, tea.WithInput(newInput(pr)), tea.WithOutput(io.Discard), tea.WithoutSignalHandler())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		p.Kill()
		t.Fatalf("got %d of %d letters", len(c.got), c.want)
	}
	if got := string(c.got); got != text {
		t.Fatalf("text changed on the way: %d runes, want %d", len(c.got), c.want)
	}
}

func TestIncompleteTail(t *testing.T) {
	e := []byte("Đề")
	for _, c := range []struct {
		b    []byte
		want int
	}{
		{[]byte("abc"), 0}, {e, 0}, {e[:1], 1}, {e[:3], 1}, {e[:4], 2}, {[]byte{0x80}, 0}, {nil, 0},
	} {
		if got := incompleteTail(c.b); got != c.want {
			t.Errorf("incompleteTail(% x) = %d, want %d", c.b, got, c.want)
		}
	}
}
