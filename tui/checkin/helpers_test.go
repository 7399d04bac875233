package checkin

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// host stands in for the root model: it hands the station its keys and the
// store's change notices, as tui.Model does.
type host struct {
	m       *Model
	changes <-chan struct{}
	unsub   func()
}

func newHost(m *Model) *host {
	h := &host{m: m}
	h.changes, h.unsub = m.c.Store.Subscribe()
	return h
}

func (h *host) wait() tea.Cmd {
	ch := h.changes
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		return common.ChangedMsg{}
	}
}

func (h *host) Init() tea.Cmd { return tea.Batch(h.m.Init(), h.wait()) }

func (h *host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyCtrlC {
		h.unsub()
		return h, tea.Quit
	}
	_, cmd := h.m.Update(msg)
	if _, ok := msg.(common.ChangedMsg); ok {
		return h, tea.Batch(cmd, h.wait())
	}
	return h, cmd
}

func (h *host) View() string { return h.m.View() }

// desk is a station on a fresh demo meeting.
type desk struct {
	t  *testing.T
	m  *Model
	st *store.Store
	tm *teatest.TestModel
}

// slowClock makes every key look typed by a person (60 ms apart), so only
// tests that mean to scan look like a scanner.
func slowClock() func() time.Time {
	now := time.Date(2023, 10, 18, 7, 0, 0, 0, time.UTC)
	return func() time.Time { now = now.Add(60 * time.Millisecond); return now }
}

// fastClock is a barcode scanner: 5 ms between keys.
func fastClock() func() time.Time {
	now := time.Date(2023, 10, 18, 7, 0, 0, 0, time.UTC)
	return func() time.Time { now = now.Add(5 * time.Millisecond); return now }
}

func newModel(t testing.TB, lang i18n.Lang, w, h int) (*Model, *store.Store) {
	t.Helper()
	c, st := commontest.NewLang(t, lang, w, h)
	c.Path = "meeting.db"
	m := NewModel(c)
	m.SetClock(slowClock())
	return m, st
}

// startDesk runs the station under teatest at 80x24 (station area 80x21).
func startDesk(t *testing.T) *desk {
	t.Helper()
	m, st := newModel(t, i18n.VI, 80, 21)
	d := &desk{t: t, m: m, st: st}
	d.tm = teatest.NewTestModel(t, newHost(m), teatest.WithInitialTermSize(80, 21))
	t.Cleanup(func() { d.tm.Quit() })
	d.waitText("Có mặt 0/140")
	return d
}

// typeText sends one key message per rune, as a keyboard does.
func (d *desk) typeText(s string) {
	for _, r := range s {
		if r == ' ' {
			d.tm.Send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		d.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func (d *desk) key(t tea.KeyType) { d.tm.Send(tea.KeyMsg{Type: t}) }

// formEnter moves to the next field of a huh form. huh moves the focus in
// a Cmd, so keys sent at once would still reach the old field (a person
// never types that fast); give it a moment.
func (d *desk) formEnter() {
	d.key(tea.KeyEnter)
	time.Sleep(150 * time.Millisecond)
}

// waitText waits until the screen output contains all of texts.
func (d *desk) waitText(texts ...string) []byte {
	d.t.Helper()
	var out []byte
	teatest.WaitFor(d.t, d.tm.Output(), func(b []byte) bool {
		out = b
		for _, s := range texts {
			if !bytes.Contains(b, []byte(s)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	return out
}

func byCode(t testing.TB, st *store.Store, code string) store.Delegate {
	t.Helper()
	d, err := st.DelegateByCode(context.Background(), code)
	if err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	return d
}

func byName(t testing.TB, st *store.Store, name string) []store.Delegate {
	t.Helper()
	ds, err := st.Delegates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []store.Delegate
	for _, d := range ds {
		if d.FullName == name {
			out = append(out, d)
		}
	}
	return out
}

func arrivedCount(t testing.TB, st *store.Store) int {
	t.Helper()
	_, _, total, err := st.Tallies(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return total.Arrived
}

// sync runs the station's Init and every Cmd it returns, synchronously,
// for plain Update tests (no teatest).
func run(m *Model, cmd tea.Cmd) {
	for cmd != nil {
		msg := cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				run(m, c)
			}
			return
		}
		if msg == nil {
			return
		}
		_, cmd = m.Update(msg)
	}
}

func loadModel(t testing.TB, m *Model) {
	t.Helper()
	run(m, m.Init())
	if m.snap == nil {
		t.Fatalf("not loaded: %v", m.loadErr)
	}
}

func press(m *Model, keys ...any) {
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			for _, r := range k {
				msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}
				if r == ' ' {
					msg = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
				}
				_, cmd := m.Update(msg)
				run(m, cmd)
			}
		case tea.KeyType:
			_, cmd := m.Update(tea.KeyMsg{Type: k})
			run(m, cmd)
		}
	}
}

func screenHas(t testing.TB, m *Model, texts ...string) {
	t.Helper()
	v := m.View()
	for _, s := range texts {
		if !strings.Contains(v, s) {
			t.Fatalf("screen lacks %q:\n%s", s, v)
		}
	}
}
