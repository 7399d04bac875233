package commontest

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"doithoai/tui/common"
)

var cmdSlice = reflect.TypeOf([]tea.Cmd{})

// Drive runs cmd and feeds its messages back into s until nothing is
// left, as the runtime would: batches and sequences are opened, cursor
// blinks and window sizes dropped, and a command that has not answered
// within wait (a timer) is left behind.
func Drive(s common.Station, cmd tea.Cmd, wait time.Duration) common.Station {
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0 && n < 10000; n++ {
		c := queue[0]
		queue = queue[1:]
		// cursor blinks, and the safety net of a form's move between
		// fields (the move itself is driven here), would only wait
		if name := runtime.FuncForPC(reflect.ValueOf(c).Pointer()).Name(); c == nil || strings.Contains(name, "bubbles/cursor.") ||
			strings.Contains(name, "(*FormSettle).wait") {
			continue
		}
		ch := make(chan tea.Msg, 1)
		go func() { ch <- c() }()
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(wait):
			continue
		}
		if msg == nil {
			continue
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().ConvertibleTo(cmdSlice) {
			queue = append(queue, v.Convert(cmdSlice).Interface().([]tea.Cmd)...)
			continue
		}
		if _, ok := msg.(tea.WindowSizeMsg); ok {
			continue
		}
		if strings.HasPrefix(reflect.TypeOf(msg).String(), "cursor.") {
			continue
		}
		var next tea.Cmd
		s, next = s.Update(msg)
		queue = append(queue, next)
	}
	return s
}

// CheckFits fails t when a view is larger than its w x h area.
func CheckFits(t testing.TB, name, v string, w, h int) {
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
