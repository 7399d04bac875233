// Package commontest builds a common.Common for station tests: the demo
// meeting in a fresh file under t.TempDir(), the Ascii colour profile (so
// goldens hold no escape codes) and a fixed clock.
package commontest

import (
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	_ "github.com/charmbracelet/x/exp/golden" // defines the -update flag Golden reads
	"github.com/muesli/termenv"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
	"doithoai/tui/keys"
	"doithoai/tui/styles"
)

// Now is the fixed clock of test Commons: 07:42 on the demo meeting's day,
// in the local zone, so times render the same in every time zone.
var Now = time.Date(2023, 10, 18, 7, 42, 0, 0, time.Local)

// Station is the station name the test store writes as.
const Station = "test"

// New returns a Vietnamese Common of size w x h on a new demo meeting, and
// its store (closed when the test ends).
func New(t testing.TB, w, h int) (*common.Common, *store.Store) {
	return NewLang(t, i18n.VI, w, h)
}

// NewLang is New in language lang.
func NewLang(t testing.TB, lang i18n.Lang, w, h int) (*common.Common, *store.Store) {
	t.Helper()
	st := OpenDemo(t)
	return Wrap(st, lang, w, h), st
}

// OpenDemo opens a new demo meeting in t.TempDir() with the fixed clock.
func OpenDemo(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "meeting.db")
	st, err := store.Open(ctx, path, store.Options{Create: true, Now: func() time.Time { return Now },
		Actor: store.Actor{Station: Station, Role: store.RoleAdmin}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.LoadSeed(ctx, seed); err != nil {
		t.Fatal(err)
	}
	return st
}

// Wrap builds a Common around an open store, with the Ascii profile and the
// fixed clock.
func Wrap(st *store.Store, lang i18n.Lang, w, h int) *common.Common {
	r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
	t := i18n.New(lang)
	return &common.Common{Ctx: context.Background(), Store: st, Styles: styles.New(r), Keys: keys.NewGlobal(t), T: t,
		Now: func() time.Time { return Now }, Path: st.Path(), Width: w, Height: h}
}

// Key is the key message a test means by name: "enter", "esc", "tab",
// "shift+tab", "up", "down", "backspace", "ctrl+t"; anything else is typed
// as runes (Vietnamese included, in one message).
func Key(s string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "backspace": tea.KeyBackspace, "ctrl+t": tea.KeyCtrlT,
	}
	if t, ok := named[s]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// Golden compares got with testdata/name.golden; with -update (the flag
// x/exp/golden defines) it rewrites the file instead.
func Golden(t testing.TB, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// Host runs one station as a program (for teatest), the way the root
// does: it owns the window size and hands it down.
type Host struct{ S common.Station }

func (h Host) Init() tea.Cmd { return h.S.Init() }
func (h Host) View() string  { return h.S.View() }

func (h Host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		h.S.SetSize(ws.Width, ws.Height)
		return h, nil
	}
	var cmd tea.Cmd
	h.S, cmd = h.S.Update(msg)
	return h, cmd
}
