package agenda_test

import (
	"strings"
	"testing"
	"time"

	"doithoai/tui"
	"doithoai/tui/i18n"
)

// After the programme ended, terminal 2 reopens the last item with b y;
// 0.1 s later terminal 1, whose screen still says the programme ended,
// presses n. The store refuses (the screen saw nothing running, and the
// item was reopened under 2 s ago) and terminal 1 asks, naming the item.
func TestNextAfterAReopenElsewhereAsks(t *testing.T) {
	c, st, clk := env(t, i18n.VI, 100, 30)
	s := open(t, c)
	n := len(items(t, st))
	for range n + 1 {
		s = press(s, "n")
		clk.add(time.Minute)
	}
	if !strings.Contains(s.View(), "Chương trình đã kết thúc") {
		t.Fatalf("not ended:\n%s", s.View())
	}
	last := items(t, st)[n-1]
	s2, _ := station2(t, st, clk, i18n.VI)
	s2 = press(s2, "b")
	if !strings.Contains(flat(s2.View()), "Mở lại mục 10. Bế mạc? Đồng hồ của mục tính tiếp từ") {
		t.Fatalf("b after the end:\n%s", s2.View())
	}
	s2 = press(s2, "y")
	if runningItem(t, st).ID != last.ID || !strings.Contains(s2.View(), "Đã mở lại mục 10. Bế mạc") {
		t.Fatalf("b y did not reopen the last item:\n%s", s2.View())
	}
	clk.add(100 * time.Millisecond)
	s = press(s, "n") // the screen still says the programme ended
	if runningItem(t, st).ID != last.ID {
		t.Fatal("n on a screen that saw the end ended the reopened item again")
	}
	if !s.Capturing() || !strings.Contains(flat(s.View()), "Mục 10. Bế mạc (bắt đầu") || !strings.Contains(flat(s.View()), "vừa được mở lại lúc") {
		t.Fatalf("not asked:\n%s", s.View())
	}
	// the screen that reopened it: n 0.1 s later is a burst, asked too
	s2 = press(s2, "n")
	if runningItem(t, st).ID != last.ID || !s2.Capturing() {
		t.Fatalf("n just after the reopen:\n%s", s2.View())
	}
	s2 = press(s2, "y")
	if runningItem(t, st).ID != 0 {
		t.Fatal("y did not end it")
	}
}

// b with something running keeps the old question.
func TestBackPromptWhileRunning(t *testing.T) {
	c, _, clk := env(t, i18n.VI, 100, 30)
	s := open(t, c)
	s = press(s, "n")
	clk.add(time.Minute)
	s = press(s, "b")
	if !strings.Contains(flat(s.View()), "Quay lại mục trước? Mục đang diễn ra về chưa bắt đầu.") {
		t.Fatalf("b:\n%s", s.View())
	}
}

// While the dialogue runs, a adds a speaker from every pane (the run-sheet
// too, as after b back into the dialogue); A adds an agenda item.
func TestAddWhileTheDialogueRuns(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	s, dlg, _ := toDialogue(t, s, st, clk)
	s = press(s, "n") // past the dialogue
	clk.add(time.Minute)
	s = press(s, "b", "y") // back into it
	if runningItem(t, st).ID != dlg.ID || !strings.Contains(s.View(), "Speaker queue · item 8.") {
		t.Fatalf("b into the dialogue does not show its queue:\n%s", s.View())
	}
	for _, pane := range []string{"tab", "tab"} { // introductions, then the run-sheet
		s = press(s, pane)
		s = press(s, "a")
		if !s.Capturing() || !strings.Contains(s.View(), "Type the speaker's name") {
			t.Fatalf("a does not add a speaker from this pane:\n%s", s.View())
		}
		s = press(s, "esc")
	}
	s = press(s, "tab", "tab") // the run-sheet
	var help []string
	for _, b := range s.ShortHelp() {
		help = append(help, b.Help().Key+" "+b.Help().Desc)
	}
	if !strings.Contains(strings.Join(help, "|"), "a add speaker|A add item") {
		t.Fatalf("help: %v", help)
	}
	s = press(s, "A")
	if !s.Capturing() || strings.Contains(s.View(), "Type the speaker's name") {
		t.Fatalf("A does not open the item form:\n%s", s.View())
	}
}

// A restart mid-dialogue opens the speaker pane, and a adds a speaker.
func TestRestartMidDialogueOpensTheQueue(t *testing.T) {
	c, st, clk := env(t, i18n.EN, 100, 30)
	s := open(t, c)
	_, dlg, _ := toDialogue(t, s, st, clk)
	s = open(t, c)
	if !strings.Contains(s.View(), "Speaker queue · item 8.") || runningItem(t, st).ID != dlg.ID {
		t.Fatalf("restart mid-dialogue:\n%s", s.View())
	}
	s = press(s, "a")
	if !strings.Contains(s.View(), "Type the speaker's name") {
		t.Fatalf("a after a restart:\n%s", s.View())
	}
}

// doithoai agenda --help lists every key the station answers to, each
// once: the turn keys included.
func TestHelpListsEveryKeyOnce(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
		h := tui.StationHelp(tui.Agenda, l)
		seen := map[string]bool{}
		for _, line := range strings.Split(h, "\n") {
			f := strings.Fields(line)
			if !strings.HasPrefix(line, "  ") || len(f) == 0 {
				continue
			}
			if seen[f[0]] {
				t.Errorf("%s listed twice:\n%s", f[0], h)
			}
			seen[f[0]] = true
		}
		for _, k := range []string{"n", "b", "tab", "c", "t", "+", "-", "a", "A", "e", "x", "s", "K/J", "enter", "up"} {
			if !seen[k] {
				t.Errorf("%s missing:\n%s", k, h)
			}
		}
	}
}
