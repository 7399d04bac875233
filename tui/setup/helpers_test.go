package setup_test

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
)

// drive runs cmd and feeds its messages back into s until nothing is left,
// as the runtime would (commontest.Drive).
func drive(s common.Station, cmd tea.Cmd) common.Station {
	return commontest.Drive(s, cmd, 2*time.Second)
}

func key(s string) tea.KeyMsg { return commontest.Key(s) }

func press(s common.Station, keys ...string) common.Station {
	for _, k := range keys {
		var cmd tea.Cmd
		s, cmd = s.Update(key(k))
		s = drive(s, cmd)
	}
	return s
}

// typeText sends one key message per rune (Vietnamese included).
func typeText(s common.Station, text string) common.Station {
	for _, r := range text {
		var cmd tea.Cmd
		s, cmd = s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		s = drive(s, cmd)
	}
	return s
}

// checkFits fails when a view is larger than its area.
func checkFits(t *testing.T, name, v string, w, h int) {
	t.Helper()
	commontest.CheckFits(t, name, v, w, h)
}

// replaceAll swaps a temp path for a fixed name in a golden, keeping the
// golden stable (the padding after the path is cut).
func replaceAll(v, old, repl string) string {
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		if strings.Contains(l, old) {
			lines[i] = strings.TrimRight(strings.ReplaceAll(l, old, repl), " ")
		}
	}
	return strings.Join(lines, "\n")
}
