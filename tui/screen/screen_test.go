package screen_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
	"doithoai/tui/screen"
)

type testClock struct{ t time.Time }

func (c *testClock) now() time.Time      { return c.t }
func (c *testClock) add(d time.Duration) { c.t = c.t.Add(d) }

var start = time.Date(2023, 10, 18, 7, 30, 0, 0, time.Local)

func env(t testing.TB, lang i18n.Lang) (*common.Common, *store.Store, *testClock) {
	t.Helper()
	clk := &testClock{t: start}
	path := filepath.Join(t.TempDir(), "meeting.db")
	st, err := store.Open(context.Background(), path, store.Options{Create: true, NoWatch: true, Now: clk.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	seed, err := assets.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.LoadSeed(context.Background(), seed); err != nil {
		t.Fatal(err)
	}
	c := commontest.Wrap(st, lang, 80, 24)
	c.Now = clk.now
	return c, st, clk
}

// settle runs a command and feeds its message back, like the runtime.
func settle(s common.Station, cmd tea.Cmd) common.Station {
	for cmd != nil {
		msg := cmd()
		if msg == nil {
			return s
		}
		s, cmd = s.Update(msg)
	}
	return s
}

func open(c *common.Common, w, h int) common.Station {
	s := screen.New(c)
	s.SetSize(w, h)
	return settle(s, s.Init())
}

// runToDialogue advances the demo to its dialogue item and starts a turn.
func runToDialogue(t *testing.T, st *store.Store, clk *testClock) {
	ctx := context.Background()
	for {
		cur, err := st.Advance(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if cur.Kind == store.ItemDialogue {
			id, _ := st.AddSpeaker(ctx, store.Speaker{ItemID: cur.ID, Name: "Nguyễn Thị Hoa", UnitName: "Xã Quảng Hải"})
			st.AddSpeaker(ctx, store.Speaker{ItemID: cur.ID, Name: "Lê Thị Lan", UnitName: "Phường Ba Đồn"})
			clk.add(20 * time.Minute)
			if _, err := st.CallSpeaker(ctx, id); err != nil {
				t.Fatal(err)
			}
			clk.add(75 * time.Second)
			return
		}
		clk.add(12 * time.Minute)
	}
}

func TestGoldens(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		c, st, clk := env(t, lang)
		runToDialogue(t, st, clk)
		for _, sz := range [][2]int{{80, 24}, {160, 48}} {
			s := open(c, sz[0], sz[1])
			golden(t, fmt.Sprintf("speaker_%s_%dx%d", lang, sz[0], sz[1]), s.View())
		}
	}
	c, _, _ := env(t, i18n.VI)
	golden(t, "before_vi_80x24", open(c, 80, 24).View())
}

func TestFollowsOthersAndTicks(t *testing.T) {
	c, st, clk := env(t, i18n.EN)
	s := open(c, 100, 30)
	if !strings.Contains(s.View(), "The meeting starts at 07:30") {
		t.Fatalf("before start:\n%s", s.View())
	}
	st.Advance(context.Background()) // another station advances
	s, cmd := s.Update(common.ChangedMsg{})
	s = settle(s, cmd)
	if !strings.Contains(s.View(), "1. Chương trình văn nghệ chào mừng") || !strings.Contains(s.View(), "Time left") {
		t.Fatalf("after advance:\n%s", s.View())
	}
	clk.add(16 * time.Minute)
	s, _ = s.Update(common.TickMsg{Now: clk.t})
	if !strings.Contains(s.View(), "OVER TIME") {
		t.Fatalf("after 16 min:\n%s", s.View())
	}
}

// TestKeysChangeNothing presses every kind of key; the audit log (every
// mutation writes one row) must not grow.
func TestKeysChangeNothing(t *testing.T) {
	c, st, clk := env(t, i18n.VI)
	runToDialogue(t, st, clk)
	ctx := context.Background()
	before, err := st.History(ctx, "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	s := open(c, 80, 24)
	var keys []tea.KeyMsg
	for r := ' '; r <= '~'; r++ {
		keys = append(keys, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	for _, k := range []tea.KeyType{tea.KeyEnter, tea.KeyEsc, tea.KeyTab, tea.KeyBackspace, tea.KeyDelete, tea.KeyUp, tea.KeyDown,
		tea.KeyLeft, tea.KeyRight, tea.KeyCtrlT, tea.KeyCtrlN, tea.KeyCtrlD, tea.KeyF2, tea.KeyF5, tea.KeySpace, tea.KeyShiftUp} {
		keys = append(keys, tea.KeyMsg{Type: k})
	}
	for _, k := range keys {
		var cmd tea.Cmd
		s, cmd = s.Update(k)
		if cmd != nil {
			t.Fatalf("key %q returned a command", k.String())
		}
		if s.Capturing() {
			t.Fatal("the projector captured keys")
		}
	}
	after, _ := st.History(ctx, "", 0, 0)
	if len(after) != len(before) {
		t.Fatalf("keys changed data: %d audit rows, was %d", len(after), len(before))
	}
}

func TestFitsAnySize(t *testing.T) {
	c, st, clk := env(t, i18n.VI)
	runToDialogue(t, st, clk)
	s := open(c, 80, 24)
	for w := 0; w <= 240; w += 7 {
		for h := 0; h <= 70; h += 3 {
			s.SetSize(w, h)
			v := s.View()
			if w == 0 || h == 0 {
				if v != "" {
					t.Fatalf("%dx%d drew %q", w, h, v)
				}
				continue
			}
			lines := strings.Split(v, "\n")
			if len(lines) != h {
				t.Fatalf("%dx%d: %d lines", w, h, len(lines))
			}
			for _, l := range lines {
				if ansi.StringWidth(l) != w {
					t.Fatalf("%dx%d: line width %d", w, h, ansi.StringWidth(l))
				}
			}
		}
	}
}

// BenchmarkView draws the projector at 200x60 during a turn.
func BenchmarkView(b *testing.B) {
	c, st, clk := env(b, i18n.VI)
	ctx := context.Background()
	for {
		cur, err := st.Advance(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if cur.Kind == store.ItemDialogue {
			id, _ := st.AddSpeaker(ctx, store.Speaker{ItemID: cur.ID, Name: "Nguyễn Thị Hoa", UnitName: "Xã Quảng Hải"})
			st.CallSpeaker(ctx, id)
			break
		}
	}
	clk.add(time.Minute)
	s := open(c, 200, 60)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := commontest.CPUTime()
	for b.Loop() {
		_ = s.View()
	}
	b.ReportMetric(float64(commontest.CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkFollow measures how long the projector takes to show a change
// committed through another connection to the file (as another process
// would): the store's watcher notices, the root's ChangedMsg reloads, and
// View shows the new item. One op is one change seen.
func BenchmarkFollow(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "meeting.db")
	seed, _ := assets.Demo()
	mc, err := store.Open(ctx, path, store.Options{Create: true, NoWatch: true})
	if err != nil {
		b.Fatal(err)
	}
	if err := mc.LoadSeed(ctx, seed); err != nil {
		b.Fatal(err)
	}
	defer mc.Close()
	proj, err := store.Open(ctx, path, store.Options{Actor: store.Actor{Station: "screen", Role: store.RoleScreen}})
	if err != nil {
		b.Fatal(err)
	}
	defer proj.Close()
	changes, stop := proj.Subscribe()
	defer stop()
	c := commontest.Wrap(proj, i18n.VI, 160, 48)
	c.Now = time.Now
	s := open(c, 160, 48)
	titles := map[bool]string{}
	items, _ := mc.Agenda(ctx)
	titles[true], titles[false] = "1. "+items[0].Title, "2. "+items[1].Title
	mc.Advance(ctx)
	<-changes
	s = settle(s, func() tea.Msg { return common.ChangedMsg{} })
	first := false
	b.ResetTimer()
	for b.Loop() {
		if first {
			mc.Back(ctx)
		} else {
			mc.Advance(ctx)
		}
		<-changes
		var cmd tea.Cmd
		s, cmd = s.Update(common.ChangedMsg{})
		s = settle(s, cmd)
		if !strings.Contains(s.View(), titles[first]) {
			b.Fatalf("projector did not follow:\n%s", s.View())
		}
		first = !first
	}
}

func golden(t *testing.T, name, got string) { t.Helper(); commontest.Golden(t, name, got) }

// 1:39:35 left on a 100-minute item shows with its hours, in the big
// digits at 80x24 and in plain digits where they do not fit.
func TestHoursLeftShowHours(t *testing.T) {
	c, st, clk := env(t, i18n.VI)
	ctx := context.Background()
	for {
		cur, err := st.Advance(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if cur.Kind == store.ItemDialogue {
			break
		}
		clk.add(10 * time.Minute)
	}
	clk.add(25 * time.Second)
	s := open(c, 80, 24)
	v := s.View()
	golden(t, "hours_vi_80x24", v)
	// big digits at 80x24 (the golden shows them: 1:39:35 at scale 2)
	if !strings.Contains(v, "██") {
		t.Fatalf("no big digits at 80x24:\n%s", v)
	}
	s.SetSize(30, 12)
	if v := s.View(); !strings.Contains(v, "1:39:35") || strings.Contains(v, "99:35") {
		t.Fatalf("plain digits:\n%s", v)
	}
}

// A turn left running under an item that is not running (data from before
// the station refused such calls) is not put on the projector.
func TestSpeakerOnlyUnderTheRunningItem(t *testing.T) {
	c, st, clk := env(t, i18n.VI)
	ctx := context.Background()
	for {
		if _, err := st.Advance(ctx); err != nil {
			break
		}
		clk.add(time.Minute)
	}
	items, _ := st.Agenda(ctx)
	var dlg store.AgendaItem
	for _, a := range items {
		if a.Kind == store.ItemDialogue {
			dlg = a
		}
	}
	id, _ := st.AddSpeaker(ctx, store.Speaker{ItemID: dlg.ID, Name: "Nguyễn Thị Hoa"})
	if _, err := st.CallSpeaker(ctx, id); err != nil { // the unchecked call
		t.Fatal(err)
	}
	v := open(c, 80, 24).View()
	if !strings.Contains(v, "Chương trình đã kết thúc") || strings.Contains(v, "Nguyễn Thị Hoa") || strings.Contains(v, "ĐẠI BIỂU PHÁT BIỂU") {
		t.Fatalf("a speaker after the end:\n%s", v)
	}
}
