package agenda_test

import (
	"context"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// testClock is the injected clock: the store and the station read it.
// It is locked: in teatest flows the program reads it while the test moves it.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// start is the demo meeting's planned start, in the local zone like
// commontest.Now.
var start = time.Date(2023, 10, 18, 7, 30, 0, 0, time.Local)

// env opens the demo meeting with a clock the test moves.
func env(t testing.TB, lang i18n.Lang, w, h int) (*common.Common, *store.Store, *testClock) {
	t.Helper()
	clk := &testClock{t: start}
	path := filepath.Join(t.TempDir(), "meeting.db")
	st, err := store.Open(context.Background(), path, store.Options{Create: true, NoWatch: true, Now: clk.now,
		Actor: store.Actor{Station: "agenda", Role: store.RoleAgenda}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.As(store.Actor{Station: "setup", Role: store.RoleAdmin}).LoadSeed(context.Background(), seed); err != nil {
		t.Fatal(err)
	}
	c := commontest.Wrap(st, lang, w, h)
	c.Now = clk.now
	c.Path = "meeting.db"
	return c, st, clk
}

// drive runs cmd and feeds its messages back into s until nothing is left,
// the way the runtime would. Timers (cursor blinks, ticks) are skipped, so
// a test never waits on them; the station's own commands are waited for
// however slow the machine is.
func drive(s common.Station, cmd tea.Cmd) common.Station {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		name := runtime.FuncForPC(reflect.ValueOf(c).Pointer()).Name()
		wait := time.Second
		switch {
		case strings.Contains(name, "bubbles/cursor"), strings.Contains(name, "bubbletea.Tick"), strings.Contains(name, "bubbletea.Every"):
			continue
		case strings.HasPrefix(name, "doithoai/"):
			wait = time.Minute
		}
		ch := make(chan tea.Msg, 1)
		go func() { ch <- c() }()
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(wait):
			continue
		}
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			var next tea.Cmd
			s, next = s.Update(msg)
			queue = append(queue, next)
		}
	}
	return s
}

func key(s string) tea.KeyMsg { return commontest.Key(s) }

// press sends keys one by one and settles each.
func press(s common.Station, keys ...string) common.Station {
	for _, k := range keys {
		var cmd tea.Cmd
		s, cmd = s.Update(key(k))
		s = drive(s, cmd)
	}
	return s
}

func golden(t *testing.T, name, got string) { t.Helper(); commontest.Golden(t, name, got) }
