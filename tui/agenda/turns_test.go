package agenda_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

// toDialogue runs the demo until its dialogue item runs, queues names and
// returns the item and the speakers' ids.
func toDialogue(t *testing.T, s common.Station, st *store.Store, clk *testClock, names ...string) (common.Station, store.AgendaItem, []int64) {
	t.Helper()
	ctx := context.Background()
	var dlg store.AgendaItem
	for _, a := range items(t, st) {
		if a.Kind == store.ItemDialogue {
			dlg = a
			break
		}
	}
	for i := 0; i < dlg.Position; i++ {
		s = press(s, "n")
		clk.add(time.Minute)
	}
	var ids []int64
	for _, n := range names {
		id, err := st.AddSpeaker(ctx, store.Speaker{ItemID: dlg.ID, Name: n})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	s = drive(s, func() tea.Msg { return common.ChangedMsg{} })
	return s, dlg, ids
}

func current(t *testing.T, st *store.Store) int64 {
	t.Helper()
	sp, _, err := st.CurrentSpeaker(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return sp.ID
}

// Two c in one burst (the terminal delivers them as one message "cc"):
// one calls the next speaker, the other is refused and asks, naming who
// speaks now; the turn that just started is not used up.
func TestDoubleCallDoesNotUseUpATurn(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	s, _, ids := toDialogue(t, s, st, clk, "Lê Thị Lan", "Trần Văn Bình", "Phạm Thị Cúc")
	// from the run-sheet: c works while the dialogue runs
	s = press(s, "tab", "tab")
	if !strings.Contains(s.View(), "Kind") {
		t.Fatalf("not the run-sheet:\n%s", s.View())
	}
	s = press(s, "cc")
	if current(t, st) != ids[0] {
		t.Fatalf("after cc: speaking %d, want %d", current(t, st), ids[0])
	}
	if !s.Capturing() || !strings.Contains(s.View(), "Lê Thị Lan is speaking (for 00:00). End the turn and call the next speaker?") {
		t.Fatalf("the second c was not asked:\n%s", s.View())
	}
	s = press(s, "n")
	if current(t, st) != ids[0] || s.Capturing() {
		t.Fatal("declining ended the turn")
	}
	// a repeated c a second later, the screen now showing the turn: asked too
	clk.add(time.Second)
	s = press(s, "c")
	if !s.Capturing() || current(t, st) != ids[0] {
		t.Fatalf("c a second into the turn:\n%s", s.View())
	}
	s = press(s, "y") // asked and meant
	if current(t, st) != ids[1] {
		t.Fatal("yes did not call the next speaker")
	}
	// a turn well under way is ended by c without a question
	clk.add(time.Minute)
	s = press(s, "c")
	if s.Capturing() || current(t, st) != ids[2] || !strings.Contains(s.View(), "Called Phạm Thị Cúc to speak") {
		t.Fatalf("c after a minute:\n%s", s.View())
	}
	// another station ends that turn and calls someone; this screen has
	// not heard: c names who speaks now instead of cutting them off
	other := st.As(store.Actor{Station: "agenda-2", Role: store.RoleAgenda})
	dlg := items(t, st)[0]
	for _, a := range items(t, st) {
		if a.Kind == store.ItemDialogue {
			dlg = a
		}
	}
	x, _ := other.AddSpeaker(context.Background(), store.Speaker{ItemID: dlg.ID, Name: "Đỗ Văn Em"})
	other.AddSpeaker(context.Background(), store.Speaker{ItemID: dlg.ID, Name: "Hồ Thị Gấm"})
	clk.add(time.Minute)
	if _, err := other.CallNext(context.Background(), dlg.ID); err != nil {
		t.Fatal(err)
	}
	clk.add(5 * time.Second)
	s = press(s, "c")
	if !s.Capturing() || !strings.Contains(s.View(), "Đỗ Văn Em is speaking (for 00:05)") || current(t, st) != x {
		t.Fatalf("c over a turn started elsewhere:\n%s", s.View())
	}
}

// +/- act on the running turn, not on the highlighted row; the limit stops
// at 30 s and says so; c moves the highlight to the speaker called.
func TestTurnLimitKeysActOnTheRunningTurn(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	s, dlg, ids := toDialogue(t, s, st, clk, "Lê Thị Lan", "Trần Văn Bình")
	s = press(s, "down") // the queue opened with the dialogue
	s = press(s, "c")
	if current(t, st) != ids[0] {
		t.Fatal("c did not call the first speaker")
	}
	// the highlight followed the call: up/down from Lan
	s = press(s, "+", "+")
	q, _ := st.Speakers(context.Background(), dlg.ID)
	if q[0].LimitSeconds != 240 || q[1].LimitSeconds != 180 {
		t.Fatalf("+ changed %d/%d", q[0].LimitSeconds, q[1].LimitSeconds)
	}
	if !strings.Contains(s.View(), "Lê Thị Lan's turn: 04:00") {
		t.Fatalf("+ status:\n%s", s.View())
	}
	s = press(s, "-", "-", "-", "-", "-", "-")
	st.ExtendTurn(context.Background(), ids[0], -15) // 45 s
	s = drive(s, func() tea.Msg { return common.ChangedMsg{} })
	s = press(s, "-")
	q, _ = st.Speakers(context.Background(), dlg.ID)
	if q[0].LimitSeconds != store.MinTurnSeconds || !strings.Contains(s.View(), "Lê Thị Lan's turn: 00:30 (the minimum)") {
		t.Fatalf("- to the minimum: %d\n%s", q[0].LimitSeconds, s.View())
	}
	s = press(s, "-")
	if !strings.Contains(s.View(), "A turn lasts at least 00:30") {
		t.Fatalf("- below the minimum:\n%s", s.View())
	}
	// a waiting speaker's own limit shows
	st.ExtendTurn(context.Background(), ids[1], 60)
	s = drive(s, func() tea.Msg { return common.ChangedMsg{} })
	if !strings.Contains(s.View(), "waiting 04:00") {
		t.Fatalf("waiting speaker's limit:\n%s", s.View())
	}
	// e in the queue opens no form; t ends the turn from the run-sheet
	s = press(s, "e")
	if s.Capturing() || !strings.Contains(s.View(), "End the turn with t") {
		t.Fatalf("e in the queue:\n%s", s.View())
	}
	clk.add(time.Minute)
	s = press(s, "tab", "t")
	if current(t, st) != 0 || !strings.Contains(s.View(), "Turn ended") {
		t.Fatalf("t from the introductions:\n%s", s.View())
	}
	s = press(s, "+")
	if !strings.Contains(s.View(), "No turn is running") {
		t.Fatalf("+ with nobody speaking:\n%s", s.View())
	}
}

func TestCallFromTheSheetWithoutADialogue(t *testing.T) {
	c, _, _ := env(t, i18n.VI, 100, 30)
	s := open(t, c)
	s = press(s, "n", "c")
	if s.Capturing() || !strings.Contains(s.View(), "Không có mục đối thoại đang diễn ra") {
		t.Fatalf("c with no dialogue running:\n%s", s.View())
	}
}

// b during a turn names the speaker, also when the screen has not yet
// seen the turn start (the store refuses the plain move).
func TestBackNamesTheSpeaker(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	s, dlg, ids := toDialogue(t, s, st, clk, "Lê Thị Lan")
	s = press(s, "c")
	s = press(s, "b")
	if !s.Capturing() || !strings.Contains(s.View(), "Lê Thị Lan is speaking. End the turn and go back") {
		t.Fatalf("b during a turn:\n%s", s.View())
	}
	s = press(s, "n")
	clk.add(time.Minute)
	s = press(s, "t")
	// the screen still shows no turn; another station starts one
	other := st.As(store.Actor{Station: "agenda-2", Role: store.RoleAgenda})
	other.AddSpeaker(context.Background(), store.Speaker{ItemID: dlg.ID, Name: "Trần Văn Bình"})
	if _, err := other.CallNext(context.Background(), dlg.ID); err != nil {
		t.Fatal(err)
	}
	s = press(s, "b")
	if !strings.Contains(s.View(), "Go back to the previous item?") {
		t.Fatalf("b:\n%s", s.View())
	}
	s = press(s, "y")
	if !s.Capturing() || !strings.Contains(s.View(), "Trần Văn Bình is speaking. End the turn and go back") {
		t.Fatalf("b over a turn not seen:\n%s", s.View())
	}
	if !items(t, st)[dlg.Position-1].Running() || current(t, st) == 0 || current(t, st) == ids[0] {
		t.Fatal("the refused back changed the run")
	}
	s = press(s, "y")
	if items(t, st)[dlg.Position-1].Running() || current(t, st) != 0 {
		t.Fatal("yes did not go back")
	}
}

// b then n at once: the times recorded before the b stand.
func TestBackThenNextKeepsTimes(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	s = press(s, "n")
	clk.add(10 * time.Minute)
	s = press(s, "n")
	clk.add(3 * time.Minute)
	before := items(t, st)
	s = press(s, "b", "y")
	clk.add(10 * time.Second)
	s = press(s, "n")
	after := items(t, st)
	for i := range before {
		if !after[i].StartedAt.Equal(before[i].StartedAt) || !after[i].EndedAt.Equal(before[i].EndedAt) {
			t.Fatalf("item %d: %v-%v, was %v-%v", i+1, after[i].StartedAt, after[i].EndedAt, before[i].StartedAt, before[i].EndedAt)
		}
	}
	s, _ = s.Update(common.TickMsg{Now: clk.now()})
	if !strings.Contains(s.View(), "Elapsed 03:10") {
		t.Fatalf("the clock of item 2 after b, n:\n%s", s.View())
	}
}

func TestDeleteAndMoveRefusedInWords(t *testing.T) {
	c, st, clk := env(t, i18n.VI, 100, 30)
	ctx := context.Background()
	s := open(t, c)
	s = press(s, "n")
	clk.add(time.Minute)
	s = press(s, "n") // item 1 done, item 2 runs; the cursor on item 2
	before := items(t, st)
	s = press(s, "tab", "up", "x") // from the introductions to the run-sheet
	if s.Capturing() || !strings.Contains(s.View(), "Mục đã diễn ra, không xóa được") {
		t.Fatalf("x on a done item:\n%s", s.View())
	}
	s = press(s, "J")
	if !strings.Contains(s.View(), "Mục đã bắt đầu, không chuyển chỗ được") {
		t.Fatalf("J on a done item:\n%s", s.View())
	}
	s = press(s, "down", "down", "K")
	if !strings.Contains(s.View(), "Không chuyển mục lên trên mục đã bắt đầu") {
		t.Fatalf("K above the running item:\n%s", s.View())
	}
	for i, a := range items(t, st) {
		if a.ID != before[i].ID {
			t.Fatal("a refused move moved")
		}
	}
	// questions recorded under the dialogue, which has not started
	var dlg store.AgendaItem
	for _, a := range before {
		if a.Kind == store.ItemDialogue {
			dlg = a
		}
	}
	qa := st.As(store.Actor{Station: "qa", Role: store.RoleQA})
	for _, q := range []string{"Xin hỏi về vốn vay", "Xin hỏi về đường", "Xin hỏi về trường"} {
		if _, err := qa.SaveQuestion(ctx, store.Question{ItemID: dlg.ID, AskerName: "Nguyễn Thị Hoa", Text: q}); err != nil {
			t.Fatal(err)
		}
	}
	st.AddSpeaker(ctx, store.Speaker{ItemID: dlg.ID, Name: "Lê Thị Lan"})
	s = drive(s, func() tea.Msg { return common.ChangedMsg{} })
	for range dlg.Position - 3 {
		s = press(s, "down")
	}
	s = press(s, "x")
	if !strings.Contains(s.View(), "Xóa mục 8.") || !strings.Contains(s.View(), "cùng 1 người đăng ký phát biểu") {
		t.Fatalf("x on the dialogue:\n%s", s.View())
	}
	s = press(s, "y")
	if !strings.Contains(s.View(), "Không xóa được: có 3 ý kiến và 1 người phát biểu ở mục này") {
		t.Fatalf("refused delete:\n%s", s.View())
	}
	if len(items(t, st)) != len(before) {
		t.Fatal("the dialogue was deleted")
	}
}

// At 80 columns the question keeps its y/n in sight, in both languages.
func TestConfirmFitsAt80(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		c, st, clk := env(t, lang, 80, 24)
		s := open(t, c)
		s, _, _ = toDialogue(t, s, st, clk, "Nguyễn Thị Phương Thảo")
		s = press(s, "c")
		clk.add(time.Minute)
		s = press(s, "n")
		v := s.View()
		yn := map[i18n.Lang]string{i18n.VI: "(y: đồng ý, phím khác: thôi)", i18n.EN: "(y: yes, any other key: no)"}[lang]
		if !strings.Contains(v, yn) || !strings.Contains(v, "Nguyễn Thị Phương Thảo") {
			t.Fatalf("%s: the question is cut:\n%s", lang, v)
		}
		lines := strings.Split(v, "\n")
		if len(lines) != 24 {
			t.Fatalf("%s: %d lines", lang, len(lines))
		}
		for _, l := range lines {
			if ansi.StringWidth(l) != 80 {
				t.Fatalf("%s: line of width %d: %q", lang, ansi.StringWidth(l), l)
			}
		}
		golden(t, "confirm_"+string(lang)+"_80x24", v)
	}
}
