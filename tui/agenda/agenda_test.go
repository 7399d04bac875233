package agenda_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"doithoai/store"
	"doithoai/tui/agenda"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

func items(t testing.TB, st *store.Store) []store.AgendaItem {
	t.Helper()
	a, err := st.Agenda(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func open(t testing.TB, c *common.Common) common.Station {
	s := agenda.New(c)
	s.SetSize(c.Width, c.Height)
	return drive(s, s.Init())
}

func TestAdvanceWithClock(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	if !strings.Contains(s.View(), "Not started") {
		t.Fatalf("before start:\n%s", s.View())
	}
	s = press(s, "n") // starts the meeting at 07:30
	it := items(t, st)
	if !it[0].Running() || !it[0].StartedAt.Equal(start) {
		t.Fatalf("first n: %+v", it[0])
	}
	clk.add(13 * time.Minute) // 13 of 15 planned minutes: amber
	s, _ = s.Update(common.TickMsg{Now: clk.now()})
	v := s.View()
	if !strings.Contains(v, "Elapsed 13:00 / 15:00") || !strings.Contains(v, "02:00 left") {
		t.Fatalf("clock after 13 min:\n%s", v)
	}
	clk.add(4 * time.Minute) // 17 min: 2 over, meeting 2 behind
	s, _ = s.Update(common.TickMsg{Now: clk.now()})
	v = s.View()
	if !strings.Contains(v, "OVER 02:00") || !strings.Contains(v, "2 min behind") || !strings.Contains(v, "Projected end 10:52") {
		t.Fatalf("over time:\n%s", v)
	}
	s = press(s, "n")
	it = items(t, st)
	if !it[0].EndedAt.Equal(clk.now()) || !it[1].StartedAt.Equal(clk.now()) {
		t.Fatalf("second n: %+v %+v", it[0], it[1])
	}
	if !strings.Contains(s.View(), "Started item 2.") {
		t.Fatalf("status after n:\n%s", s.View())
	}
}

// A turn started a moment ago (here, before the screen reloaded, or at
// another station) must not be cut off by n without asking: the store
// refuses the plain move and the station asks then.
func TestNextAsksWhenTheScreenIsBehind(t *testing.T) {
	ctx := context.Background()
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	var dialogue store.AgendaItem
	for _, a := range items(t, st) {
		if a.Kind == store.ItemDialogue {
			dialogue = a
			break
		}
	}
	for i := 0; i < dialogue.Position; i++ {
		s = press(s, "n")
		clk.add(time.Minute)
	}
	if !items(t, st)[dialogue.Position-1].Running() {
		t.Fatal("the dialogue is not running")
	}
	// another station starts a turn; this one has not heard (no watcher)
	other := st.As(store.Actor{Station: "agenda-2", Role: store.RoleAgenda})
	if _, err := other.AddSpeaker(ctx, store.Speaker{ItemID: dialogue.ID, Name: "Lê Thị Lan"}); err != nil {
		t.Fatal(err)
	}
	if _, err := other.CallNext(ctx, dialogue.ID); err != nil {
		t.Fatal(err)
	}
	s = press(s, "n")
	if !s.Capturing() || !strings.Contains(s.View(), "Lê Thị Lan is speaking. End the turn") {
		t.Fatalf("n cut a turn it had not seen:\n%s", s.View())
	}
	if _, ok, _ := st.CurrentSpeaker(ctx); !ok || !items(t, st)[dialogue.Position-1].Running() {
		t.Fatal("the refused move changed the run")
	}
	s = press(s, "y")
	if _, ok, _ := st.CurrentSpeaker(ctx); ok || !items(t, st)[dialogue.Position].Running() {
		t.Fatal("yes did not end the turn and move on")
	}
}

func TestBackAsksFirst(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	s = press(s, "n")
	clk.add(time.Minute)
	s = press(s, "n")
	clk.add(time.Minute)
	s = press(s, "b")
	if !s.Capturing() || !strings.Contains(s.View(), "Go back to the previous item?") {
		t.Fatalf("no confirmation:\n%s", s.View())
	}
	s = press(s, "n") // no
	if s.Capturing() || !items(t, st)[1].Running() {
		t.Fatal("declined back changed the run")
	}
	s = press(s, "b", "y")
	it := items(t, st)
	if !it[0].Running() || !it[1].StartedAt.IsZero() || !it[0].StartedAt.Equal(start) {
		t.Fatalf("after back: %+v %+v", it[0], it[1])
	}
	// the clock counts on from the item's first start
	s, _ = s.Update(common.TickMsg{Now: clk.now()})
	if !strings.Contains(s.View(), "Elapsed 02:00") {
		t.Fatalf("clock after back:\n%s", s.View())
	}
}

func TestSkipAsksFirst(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	s = press(s, "n")
	// the cursor is on the running item: skipping it is refused
	s = press(s, "s")
	if s.Capturing() || !strings.Contains(s.View(), "cannot be skipped") {
		t.Fatalf("skip on a running item:\n%s", s.View())
	}
	s = press(s, "down", "s")
	if !s.Capturing() || !strings.Contains(s.View(), "Skip item 2.") {
		t.Fatalf("no confirmation:\n%s", s.View())
	}
	s = press(s, "esc")
	if items(t, st)[1].Skipped {
		t.Fatal("cancelled skip skipped")
	}
	s = press(s, "s", "y")
	if !items(t, st)[1].Skipped {
		t.Fatal("skip not stored")
	}
	clk.add(15 * time.Minute)
	s = press(s, "n")
	it := items(t, st)
	if !it[2].Running() || !it[1].StartedAt.IsZero() {
		t.Fatalf("advance did not pass the skipped item: %+v %+v", it[1], it[2])
	}
	// skipping 5 minutes of introductions puts the meeting 5 minutes ahead
	s, _ = s.Update(common.TickMsg{Now: clk.now()})
	if !strings.Contains(s.View(), "5 min ahead") {
		t.Fatalf("drift after skip:\n%s", s.View())
	}
}

func TestEditItemThroughForm(t *testing.T) {
	c, st, _ := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	n := len(items(t, st))
	s = press(s, "a")
	if !s.Capturing() {
		t.Fatal("form not open")
	}
	// kind select: keep "performance"; next field
	s = press(s, "enter")
	s = press(s, "Chụp ảnh lưu niệm") // one message, as a paste arrives
	s = press(s, "enter", "enter")    // presenter empty
	s = press(s, "backspace", "backspace", "3", "enter")
	deadline := time.Now().Add(2 * time.Second)
	for len(items(t, st)) == n && time.Now().Before(deadline) {
		s = press(s)
		time.Sleep(10 * time.Millisecond)
	}
	it := items(t, st)
	if len(it) != n+1 || it[1].Title != "Chụp ảnh lưu niệm" || it[1].PlannedMinutes != 3 || it[1].Kind != store.ItemOther {
		t.Fatalf("item not added after row 1: %d items, %+v", len(it), it[1])
	}
	h, _ := st.History(context.Background(), "agenda_item", it[1].ID, 0)
	if len(h) != 1 || h[0].Station != "agenda" {
		t.Fatalf("not audited: %+v", h)
	}
}

func TestViewFitsEverySize(t *testing.T) {
	c, _, _ := env(t, i18n.VI, 80, 24)
	s := open(t, c)
	s = press(s, "n")
	for _, p := range []int{0, 1, 2} {
		for _, sz := range [][2]int{{80, 24}, {60, 13}, {120, 40}, {200, 60}, {30, 5}, {1, 1}} {
			s.SetSize(sz[0], sz[1])
			v := s.View()
			lines := strings.Split(v, "\n")
			if len(lines) != sz[1] {
				t.Fatalf("pane %d at %v: %d lines", p, sz, len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w != sz[0] {
					t.Fatalf("pane %d at %v: line of width %d: %q", p, sz, w, l)
				}
			}
		}
		s.SetSize(80, 24)
		s = press(s, "tab")
	}
}

func TestRunStateErrorsInWords(t *testing.T) {
	c, _, _ := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	s = press(s, "b", "y")
	if !strings.Contains(s.View(), "nothing to go back to") {
		t.Fatalf("back before start:\n%s", s.View())
	}
	s = press(s, "tab", "c")
	if !strings.Contains(s.View(), "is not running: speakers are called only while it runs") {
		t.Fatalf("call before the dialogue runs:\n%s", s.View())
	}
	s = press(s, "t")
	if !strings.Contains(s.View(), "No turn is running") {
		t.Fatalf("end with no turn:\n%s", s.View())
	}
}

func TestReorderAndDeleteByKeys(t *testing.T) {
	c, st, _ := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	before := items(t, st)
	s = press(s, "J") // item 1 down
	it := items(t, st)
	if it[0].ID != before[1].ID || it[1].ID != before[0].ID {
		t.Fatalf("J did not move item 1 down: %v %v", it[0].Title, it[1].Title)
	}
	s = press(s, "K") // and back up (the cursor followed it)
	if items(t, st)[0].ID != before[0].ID {
		t.Fatal("K did not move it back")
	}
	s = press(s, "x")
	if !strings.Contains(s.View(), "Delete item 1.") {
		t.Fatalf("no confirmation:\n%s", s.View())
	}
	s = press(s, "n")
	if len(items(t, st)) != len(before) {
		t.Fatal("declined delete deleted")
	}
	s = press(s, "x", "y")
	it = items(t, st)
	if len(it) != len(before)-1 || it[0].ID != before[1].ID || it[0].Position != 1 {
		t.Fatalf("after delete: %+v", it[0])
	}
	h, _ := st.History(context.Background(), "agenda_item", before[0].ID, 0)
	if len(h) == 0 || h[len(h)-1].Action != "delete" || h[len(h)-1].Station != "agenda" {
		t.Fatalf("delete not audited: %+v", h)
	}
}

func TestQueueKeys(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	ctx := context.Background()
	var dlg store.AgendaItem
	for _, a := range items(t, st) {
		if a.Kind == store.ItemDialogue {
			dlg = a
		}
	}
	a, _ := st.AddSpeaker(ctx, store.Speaker{ItemID: dlg.ID, Name: "Lê Thị Lan"})
	b, _ := st.AddSpeaker(ctx, store.Speaker{ItemID: dlg.ID, Name: "Nguyễn Thị Hoa"})
	s := open(t, c)
	s = press(s, "tab")
	if !strings.Contains(s.View(), "Speaker queue · item 8.") {
		t.Fatalf("queue pane:\n%s", s.View())
	}
	s = press(s, "J") // Lan below Hoa
	q, _ := st.Speakers(ctx, dlg.ID)
	if q[0].ID != b || q[1].ID != a {
		t.Fatalf("J: %v %v", q[0].Name, q[1].Name)
	}
	// the dialogue does not run yet: nobody is called, and c is not offered
	s = press(s, "enter", "c")
	if _, ok, _ := st.CurrentSpeaker(ctx); ok || !strings.Contains(s.View(), "is not running: speakers are called only while it runs") {
		t.Fatalf("called before the dialogue runs:\n%s", s.View())
	}
	for _, b := range s.ShortHelp() {
		if b.Help().Key == "c" {
			t.Fatal("the help offers c while no dialogue runs")
		}
	}
	for {
		cur, err := st.Advance(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if cur.ID == dlg.ID {
			break
		}
	}
	s = drive(s, func() tea.Msg { return common.ChangedMsg{} })
	s = press(s, "enter") // call the selected one (Lan, the cursor followed her)
	if cur, ok, _ := st.CurrentSpeaker(ctx); !ok || cur.ID != a {
		t.Fatalf("enter called %+v", cur)
	}
	s = press(s, "+", "+")
	clk.add(200 * time.Second)
	s, _ = s.Update(common.TickMsg{Now: clk.now()})
	if !strings.Contains(s.View(), "03:20/04:00") || !strings.Contains(s.View(), "Lê Thị Lan, 00:40 left") {
		t.Fatalf("extended turn:\n%s", s.View())
	}
	clk.add(100 * time.Second)
	s, _ = s.Update(common.TickMsg{Now: clk.now()})
	if !strings.Contains(s.View(), "Lê Thị Lan, OVER 01:00") {
		t.Fatalf("turn over time:\n%s", s.View())
	}
	s = press(s, "x") // Lan is speaking: stays
	if s.Capturing() || !strings.Contains(s.View(), "stays on the record") {
		t.Fatalf("removing the speaker:\n%s", s.View())
	}
	s = press(s, "up", "x", "y") // Hoa waits: removed
	q, _ = st.Speakers(ctx, dlg.ID)
	if len(q) != 1 || q[0].ID != a {
		t.Fatalf("after remove: %+v", q)
	}
}
