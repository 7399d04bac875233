package setup_test

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"doithoai/tui/common"
	"doithoai/tui/common/commontest"
)

var cmdSlice = reflect.TypeOf([]tea.Cmd{})

// drive runs cmd and feeds its messages back into s until nothing is left,
// as the runtime would. Commands that do not answer at once (cursor
// blinks) are dropped.
func drive(s common.Station, cmd tea.Cmd) common.Station {
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0 && n < 10000; n++ {
		c := queue[0]
		queue = queue[1:]
		// cursor blinks only start timers
		if c == nil || strings.Contains(runtime.FuncForPC(reflect.ValueOf(c).Pointer()).Name(), "bubbles/cursor.") {
			continue
		}
		ch := make(chan tea.Msg, 1)
		go func() { ch <- c() }()
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(2 * time.Second):
			continue
		}
		if msg == nil {
			continue
		}
		// tea.Batch and tea.Sequence results are lists of commands
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().ConvertibleTo(cmdSlice) {
			queue = append(queue, v.Convert(cmdSlice).Interface().([]tea.Cmd)...)
			continue
		}
		if _, ok := msg.(tea.WindowSizeMsg); ok {
			continue
		}
		// cursor blinks would only start timers: drop them
		if n := reflect.TypeOf(msg).String(); strings.HasPrefix(n, "cursor.") {
			continue
		}
		var next tea.Cmd
		s, next = s.Update(msg)
		queue = append(queue, next)
	}
	return s
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
	lines := strings.Split(v, "\n")
	if len(lines) > h {
		t.Errorf("%s: %d lines in a %d-line area", name, len(lines), h)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Errorf("%s: line %d is %d wide (max %d): %q", name, i, ansi.StringWidth(l), w, l)
		}
	}
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
