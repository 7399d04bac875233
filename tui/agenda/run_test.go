package agenda_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

// station2 opens a second station on its own store handle on the same
// file, as a second terminal does.
func station2(t *testing.T, st *store.Store, clk *testClock, lang i18n.Lang) (common.Station, *store.Store) {
	t.Helper()
	st2, err := store.Open(context.Background(), st.Path(), store.Options{NoWatch: true, Now: clk.now,
		Actor: store.Actor{Station: "agenda-2", Role: store.RoleAgenda}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st2.Close() })
	c := commontest.Wrap(st2, lang, 100, 30)
	c.Now = clk.now
	return open(t, c), st2
}

func runningItem(t *testing.T, st *store.Store) store.AgendaItem {
	t.Helper()
	for _, a := range items(t, st) {
		if a.Running() {
			return a
		}
	}
	return store.AgendaItem{}
}

// flat is the view with every run of spaces and newlines made one space,
// so a question wrapped on two lines reads as one.
func flat(v string) string { return strings.Join(strings.Fields(v), " ") }

func changed(s common.Station) common.Station {
	return drive(s, func() tea.Msg { return common.ChangedMsg{} })
}

// n n in one burst moves one item on, and the second n asks about the
// item the first one started instead of ending it 16 ms later.
func TestDoubleNextDoesNotSkipAnItem(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	s = press(s, "n")
	clk.add(5 * time.Minute)
	s = press(s, "n") // item 2 runs
	clk.add(5 * time.Minute)
	all := items(t, st)
	s = press(s, "nn")
	if runningItem(t, st).ID != all[2].ID {
		t.Fatalf("after nn: running %+v", runningItem(t, st))
	}
	if !s.Capturing() || !strings.Contains(s.View(), "Item 3. "+all[2].Title[:10]) || !strings.Contains(s.View(), "started at 07:40:00. End it and move to the next item?") {
		t.Fatalf("the second n was not asked:\n%s", s.View())
	}
	s = press(s, "enter") // not a yes
	if runningItem(t, st).ID != all[2].ID || s.Capturing() {
		t.Fatal("enter confirmed")
	}
	// the screen now shows item 3, but it started a second ago: asked too
	clk.add(time.Second)
	s = press(s, "n")
	if !s.Capturing() || runningItem(t, st).ID != all[2].ID {
		t.Fatalf("n a second into item 3:\n%s", s.View())
	}
	s = press(s, "y") // asked and meant
	if runningItem(t, st).ID != all[3].ID {
		t.Fatalf("y did not move on: %+v", runningItem(t, st))
	}

	// two terminals press n at once, both showing item 4
	s2, _ := station2(t, st, clk, i18n.EN)
	clk.add(time.Minute)
	s = changed(s)
	s = press(s, "n")
	s2 = press(s2, "n")
	if runningItem(t, st).ID != all[4].ID {
		t.Fatalf("two n: running %+v", runningItem(t, st))
	}
	if !s2.Capturing() || !strings.Contains(s2.View(), "Item 5.") {
		t.Fatalf("the second terminal was not asked:\n%s", s2.View())
	}
}

// A question left open while another terminal moves the run is about what
// it named: y then asks again about the new state, it does not act on it.
func TestStaleConfirmationAsksAgain(t *testing.T) {
	c, st, clk := env(t, i18n.VI, 100, 30)
	s := open(t, c)
	s, dlg, ids := toDialogue(t, s, st, clk, "Lê Thị Lan", "Trần Văn Bình")
	s = press(s, "c")
	clk.add(time.Minute)
	s2, st2 := station2(t, st, clk, i18n.VI)
	s = press(s, "n") // r1: "Lan is speaking, end and move?" stays open
	if !s.Capturing() || !strings.Contains(s.View(), "Lê Thị Lan đang phát biểu") {
		t.Fatalf("r1 not asked:\n%s", s.View())
	}
	// r2 moves 8 -> 9, cutting Lan, confirmed there
	s2 = press(s2, "n", "y")
	nine := runningItem(t, st2)
	if nine.Position != dlg.Position+1 {
		t.Fatalf("r2 did not move: %+v", nine)
	}
	clk.add(time.Minute)
	s = changed(s) // the screen follows, the question stays open
	s = press(s, "y")
	if runningItem(t, st).ID != nine.ID {
		t.Fatalf("a stale y moved 9 -> 10: running %+v", runningItem(t, st))
	}
	if !s.Capturing() || !strings.Contains(s.View(), "Mục 9.") {
		t.Fatalf("not asked again about item 9:\n%s", s.View())
	}
	s = press(s, "y") // now meant: 9 -> 10
	if runningItem(t, st).Position != dlg.Position+2 {
		t.Fatalf("confirmed: %+v", runningItem(t, st))
	}
	_ = ids

	// the same for b: r1's "go back?" is about item 10; r2 goes back first
	clk.add(time.Minute)
	s = changed(s)
	s = press(s, "b")
	s2 = changed(s2)
	s2 = press(s2, "b", "y")
	if runningItem(t, st).ID != nine.ID {
		t.Fatalf("r2's b: %+v", runningItem(t, st))
	}
	s = press(s, "y")
	if runningItem(t, st).ID != nine.ID || !s.Capturing() || !strings.Contains(s.View(), "Mục 9.") {
		t.Fatalf("a stale b acted:\n%s", s.View())
	}
}

// Only y confirms: c, c, Enter in the queue does not cut the turn the
// first c started (Enter is also the call key there).
func TestEnterDoesNotConfirm(t *testing.T) {
	c, st, clk := env(t, i18n.VI, 100, 30)
	s := open(t, c)
	s, _, ids := toDialogue(t, s, st, clk, "Lê Thị Lan", "Trần Văn Bình")
	s = press(s, "c", "c")
	if !s.Capturing() || !strings.Contains(s.View(), "(y: đồng ý, phím khác: thôi)") {
		t.Fatalf("the second c was not asked:\n%s", s.View())
	}
	s = press(s, "enter")
	if current(t, st) != ids[0] || s.Capturing() || !strings.Contains(s.View(), "Đã hủy") && !strings.Contains(s.View(), c.T.T("ui.cancelled")) {
		t.Fatalf("enter confirmed: speaking %d\n%s", current(t, st), s.View())
	}
	// any other key says no too, and is not run as a key of its own
	clk.add(time.Minute)
	s = press(s, "n")
	if !s.Capturing() {
		t.Fatalf("n during a turn did not ask:\n%s", s.View())
	}
	s = press(s, "t")
	if current(t, st) != ids[0] || s.Capturing() || runningItem(t, st).Kind != store.ItemDialogue {
		t.Fatal("t answered the question as a key of its own, or as a yes")
	}
	s = press(s, "t") // now t ends the turn
	if current(t, st) != 0 {
		t.Fatal("t after the question did not end the turn")
	}
}

// b back into the dialogue, a turn there, then n: the next item starts now
// and its clock shows 00:00; b then n at once keeps the start it had and
// says so.
func TestBackActivityNextClock(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	s, dlg, ids := toDialogue(t, s, st, clk, "Lê Thị Lan")
	s = press(s, "n") // the item after the dialogue
	clk.add(400 * time.Millisecond)
	s = press(s, "b", "y")
	if runningItem(t, st).ID != dlg.ID {
		t.Fatalf("b: %+v", runningItem(t, st))
	}
	clk.add(10 * time.Second)
	s = press(s, "c")
	clk.add(30 * time.Second)
	s = press(s, "t")
	clk.add(6 * time.Second)
	s = press(s, "n")
	cur := runningItem(t, st)
	if cur.Position != dlg.Position+1 || !cur.StartedAt.Equal(clk.now()) {
		t.Fatalf("n after a turn: %+v", cur)
	}
	if !strings.Contains(s.View(), "Elapsed 00:00") {
		t.Fatalf("the clock does not count from the recorded start:\n%s", s.View())
	}
	_ = ids
	// b then n with nothing between: the item keeps its start, and says so
	clk.add(22 * time.Second)
	start := cur.StartedAt
	s = press(s, "b", "y")
	clk.add(2 * time.Second)
	s = press(s, "n")
	if cur := runningItem(t, st); !cur.StartedAt.Equal(start) {
		t.Fatalf("b n: %+v", cur)
	}
	if !strings.Contains(s.View(), "goes on from its start at") || !strings.Contains(s.View(), "Elapsed 00:24") {
		t.Fatalf("b n:\n%s", s.View())
	}
}

// J/K refuse a speaker who spoke or speaks, and a waiting one stops below
// them.
func TestReorderOnlyWaitingSpeakers(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	s, dlg, ids := toDialogue(t, s, st, clk, "A Một", "B Hai", "C Ba")
	s = press(s, "c") // A speaks; the highlight is on A
	s = press(s, "J")
	if !strings.Contains(s.View(), "only waiting speakers move") {
		t.Fatalf("J on the speaker:\n%s", s.View())
	}
	s = press(s, "down", "K") // B, first of the waiting, up
	if !strings.Contains(s.View(), "speakers move only among the waiting") {
		t.Fatalf("K above the speaker:\n%s", s.View())
	}
	q, _ := st.Speakers(context.Background(), dlg.ID)
	for i, sp := range q {
		if sp.ID != ids[i] {
			t.Fatalf("order changed: %+v", q)
		}
	}
	s = press(s, "J") // B below C: fine
	q, _ = st.Speakers(context.Background(), dlg.ID)
	if q[1].ID != ids[2] || q[2].ID != ids[1] {
		t.Fatalf("J among the waiting: %+v", q)
	}
}

// n on a screen still showing item 3 after another terminal went back to
// item 2 (which started minutes ago) names item 2 with its start and the
// moment it was reopened, not as just started.
func TestNextAfterABackElsewhere(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	s = press(s, "n")
	clk.add(5 * time.Minute)
	s = press(s, "n")
	clk.add(5 * time.Minute)
	s = press(s, "n") // item 3 runs
	_, st2 := station2(t, st, clk, i18n.EN)
	clk.add(time.Minute)
	if _, err := st2.Back(context.Background()); err != nil {
		t.Fatal(err)
	}
	s = press(s, "n")
	if !s.Capturing() || !strings.Contains(flat(s.View()), "(started 07:35:00) was reopened at 07:41:00. End it and move on?") {
		t.Fatalf("not asked about item 2:\n%s", s.View())
	}
	if runningItem(t, st).Position != 2 {
		t.Fatal("n acted on a screen that was behind")
	}
	s = press(s, "y")
	if runningItem(t, st).Position != 3 {
		t.Fatalf("y: %+v", runningItem(t, st))
	}
}
