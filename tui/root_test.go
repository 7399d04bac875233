package tui

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/tui/i18n"
)

var fixedNow = time.Date(2023, 10, 18, 7, 25, 0, 0, time.UTC)

// demoCommon opens the demo meeting in a temp dir and builds a session on
// it with the Ascii profile and a fixed clock.
func demoStore(t testing.TB) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hoinghi.db")
	s, err := store.Open(context.Background(), path, store.Options{Create: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.LoadSeed(context.Background(), seed); err != nil {
		t.Fatal(err)
	}
	return s
}

func newRoot(t testing.TB, s *store.Store, lang i18n.Lang, first StationID) *Model {
	r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
	c := NewCommon(context.Background(), s, r, lang, "hoinghi.db", func() time.Time { return fixedNow })
	m := New(c, first, false)
	t.Cleanup(m.Close)
	return m
}

func TestHomeGolden(t *testing.T) {
	s := demoStore(t)
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(string(lang)+"_"+strconv.Itoa(size[0])+"x"+strconv.Itoa(size[1]), func(t *testing.T) {
				m := newRoot(t, s, lang, Home)
				m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				m.Update(m.loadHeader()())
				v := m.View()
				checkBounds(t, v, size[0], size[1])
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

func checkBounds(t *testing.T, v string, w, h int) {
	t.Helper()
	if v == "" {
		return
	}
	lines := strings.Split(v, "\n")
	if len(lines) > h {
		t.Errorf("%d lines, window has %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("line %d is %d wide, window is %d: %q", i, lw, w, l)
		}
	}
}

func TestProjectorWithoutChrome(t *testing.T) {
	s := demoStore(t)
	m := newRoot(t, s, i18n.VI, Screen)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if w, h := m.bodySize(); w != 80 || h != 24 {
		t.Fatalf("projector body %dx%d, want the whole 80x24", w, h)
	}
	if v := m.View(); strings.Contains(v, "hoinghi.db") {
		t.Error("projector shows the header")
	}
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'?'}})
	if v := m.View(); !strings.Contains(v, "hoinghi.db") {
		t.Error("? does not bring the header and help back")
	}
}

func TestTooSmall(t *testing.T) {
	s := demoStore(t)
	m := newRoot(t, s, i18n.VI, Home)
	m.Update(tea.WindowSizeMsg{Width: 59, Height: 20})
	if v := m.View(); !strings.Contains(v, "phóng to") {
		t.Errorf("no enlarge message at 59x20:\n%s", v)
	}
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {20, 5}, {400, 200}} {
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkBounds(t, m.View(), sz[0], sz[1])
	}
}

func TestHomeKeysOpenStations(t *testing.T) {
	s := demoStore(t)
	m := newRoot(t, s, i18n.VI, Home)
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'2'}})
	if m.active != Agenda {
		t.Fatalf("key 2 opened %q", m.active)
	}
	m.Update(tea.KeyMsg{Type: tea.KeyF2})
	if m.active != Checkin {
		t.Fatalf("F2 opened %q", m.active)
	}
	// Esc home from the secretary's station, then Enter by habit: back to
	// the secretary, not into the check-in desk (the first row)
	m.Update(tea.KeyMsg{Type: tea.KeyF4})
	m.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if m.active != Home {
		t.Fatalf("esc went to %q", m.active)
	}
	m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if m.active != QA {
		t.Fatalf("Enter on the home screen opened %q after leaving qa", m.active)
	}
	// A session confined to one station (an SSH role) cannot leave it.
	c := newRoot(t, s, i18n.VI, Screen)
	c.only = Screen
	c.Update(tea.KeyMsg{Type: tea.KeyF2})
	c.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if c.active != Screen {
		t.Fatalf("confined session moved to %q", c.active)
	}
}

// TestVisitEveryStation drives the real program: open the demo, visit each
// station with its function key, come home, quit.
func TestVisitEveryStation(t *testing.T) {
	s := demoStore(t)
	m := newRoot(t, s, i18n.VI, Home)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "Chọn vị trí làm việc")
	fkeys := []tea.KeyType{tea.KeyF2, tea.KeyF3, tea.KeyF4, tea.KeyF5, tea.KeyF6, tea.KeyF7, tea.KeyF8}
	for i, id := range Stations {
		tm.Send(tea.KeyMsg{Type: fkeys[i]})
		want := strings.ToUpper(i18n.New(i18n.VI).T("station." + string(id)))
		if id == Screen {
			// the projector has no header: look for its own text
			want = "Tiếp theo"
		}
		waitFor(t, tm, want)
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

func waitFor(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
		teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}
