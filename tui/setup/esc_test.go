package setup_test

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"doithoai/tui"
	"doithoai/tui/common/commontest"
)

// TestEscClearsSearchThenGoesHome runs the whole program: in the
// delegates tab the first Esc clears the search (the station has the
// keys while there is text), the second goes to the home screen.
func TestEscClearsSearchThenGoesHome(t *testing.T) {
	c, _ := commontest.New(t, 80, 24)
	tm := teatest.NewTestModel(t, tui.New(c, tui.Setup, false), teatest.WithInitialTermSize(80, 24))
	// waitFor waits for a frame showing all of what
	waitFor := func(what ...string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			for _, w := range what {
				if !bytes.Contains(b, []byte(w)) {
					return false
				}
			}
			return true
		}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	waitFor("Hội nghị")
	for range 3 {
		tm.Send(key("tab"))
	}
	waitFor("LD01")
	for _, r := range "tuyet" {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	waitFor("Phan Thị Tuyết", "esc xóa ô tìm")
	tm.Send(key("esc"))
	waitFor("Gõ tên không dấu") // the empty search, still in the station
	tm.Send(key("esc"))
	waitFor("Chọn vị trí làm việc")
	tm.Quit()
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
