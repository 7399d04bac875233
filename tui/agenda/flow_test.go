package agenda_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/agenda"
	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
	"doithoai/tui/i18n"
)

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second) // generous: CI machines are shared
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestFlowWholeAgenda runs the demo agenda from first item to last through
// the keyboard, with a speaker queue in the dialogue: two speakers added
// (one picked by an accent-free search among those who arrived, one typed
// free), called, a turn ended, the next turn ended by advancing.
func TestFlowWholeAgenda(t *testing.T) {
	c, st, clk := env(t, i18n.VI, 100, 30)
	ctx := context.Background()
	admin := st.As(store.Actor{Station: "desk", Role: store.RoleAdmin})
	ds, _ := st.Delegates(ctx)
	var guest store.Delegate
	for _, d := range ds {
		if d.Protocol == 0 && d.UnitName != "" {
			guest = d
			break
		}
	}
	if _, err := admin.CheckIn(ctx, guest.ID); err != nil {
		t.Fatal(err)
	}
	all := items(t, st)
	running := func() int {
		for i, a := range items(t, st) {
			if a.Running() {
				return i
			}
		}
		return -1
	}
	tm := teatest.NewTestModel(t, commontest.Host{S: agenda.New(c)}, teatest.WithInitialTermSize(100, 30))
	send := func(s string) { tm.Send(key(s)) }

	dialogue := -1
	for i, a := range all {
		if a.Kind == store.ItemDialogue {
			dialogue = i
			break
		}
	}
	// n carries the item the screen shows (else the store refuses and the
	// station asks): wait for the screen to show each item before the next n
	shown := func(i int) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			return bytes.Contains(b, []byte(fmt.Sprintf("▶ %d. ", all[i].Position)))
		}, teatest.WithDuration(20*time.Second))
	}
	for i := 0; i <= dialogue; i++ {
		send("n")
		waitUntil(t, "item "+all[i].Title, func() bool { return running() == i })
		if i < dialogue {
			shown(i)
		}
		clk.add(time.Minute)
	}
	// the queue pane opens by itself on the dialogue (once the result of
	// the last n is in, which the store cannot tell: wait for the screen)
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Chưa có ai đăng ký")) },
		teatest.WithDuration(20*time.Second))
	send("a")
	for _, r := range fold.Fold(guest.FullName) {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(guest.FullName)) },
		teatest.WithDuration(20*time.Second))
	send("enter")
	queued := func() []store.Speaker { q, _ := st.Speakers(ctx, all[dialogue].ID); return q }
	waitUntil(t, "first speaker", func() bool { return len(queued()) == 1 })
	send("a")
	for _, r := range "Nguyễn Thị Hoa, Xã Quảng Hải" {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	send("ctrl+t")
	waitUntil(t, "second speaker", func() bool { return len(queued()) == 2 })

	current := func() int64 { sp, _, _ := st.CurrentSpeaker(ctx); return sp.ID }
	send("c")
	waitUntil(t, "first turn", func() bool { return current() == queued()[0].ID })
	// t ends the turn the screen shows (else it asks): wait for it there
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Đang phát biểu:")) },
		teatest.WithDuration(20*time.Second))
	clk.add(2 * time.Minute)
	send("t")
	waitUntil(t, "end of first turn", func() bool { return current() == 0 })
	send("c")
	waitUntil(t, "second turn", func() bool { return current() == queued()[1].ID })
	// n's question names the turn the screen shows, and y ends only that
	// one: wait for the screen to show the second turn
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Đang phát biểu: Nguyễn Thị Hoa")) },
		teatest.WithDuration(20*time.Second))
	clk.add(3 * time.Minute)

	// n while the second speaker is still speaking asks first
	send("n")
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("đang phát biểu")) },
		teatest.WithDuration(20*time.Second))
	if running() != dialogue || current() == 0 {
		t.Fatal("n during a turn moved on without asking")
	}
	send("y")
	waitUntil(t, "item "+all[dialogue+1].Title, func() bool { return running() == dialogue+1 })
	if current() != 0 {
		t.Fatal("the turn still runs after the dialogue ended")
	}
	// let the station read the ended turn before the next n (else n would
	// rightly ask again about the turn it still shows)
	next := all[dialogue+1]
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(fmt.Sprintf("▶ %d. %s", next.Position, next.Title)))
	}, teatest.WithDuration(20*time.Second))
	clk.add(time.Minute)
	for i := dialogue + 2; i < len(all); i++ {
		send("n")
		waitUntil(t, "item "+all[i].Title, func() bool { return running() == i })
		shown(i)
		clk.add(time.Minute)
	}
	send("n")
	waitUntil(t, "the end", func() bool { return running() == -1 })
	tm.Send(common.TickMsg{})
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Chương trình đã kết thúc")) },
		teatest.WithDuration(20*time.Second))
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))

	q := queued()
	if q[0].DelegateID != guest.ID || q[0].Duration(clk.now()) != 2*time.Minute {
		t.Fatalf("first speaker: %+v", q[0])
	}
	if q[1].DelegateID != 0 || q[1].Name != "Nguyễn Thị Hoa" || q[1].UnitName != "Xã Quảng Hải" || q[1].EndedAt.IsZero() {
		t.Fatalf("second speaker: %+v", q[1])
	}
	if current() != 0 {
		t.Fatal("a turn outlived the meeting")
	}
	for _, a := range items(t, st) {
		if !a.Done() || a.StartedAt.IsZero() {
			t.Fatalf("not run: %+v", a)
		}
	}
	h, _ := st.History(ctx, "", 0, 0)
	var runRows int
	for _, e := range h {
		if e.Station == "agenda" {
			runRows++
		}
	}
	// every item started and ended, two speakers added, two turns started and ended
	if want := 2*len(all) + 2 + 4; runRows != want {
		t.Fatalf("audit rows by the agenda station: %d, want %d", runRows, want)
	}
	if !strings.Contains(q[0].Name, guest.FullName) {
		t.Fatal("picked the wrong delegate")
	}
}
