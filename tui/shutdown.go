package tui

import (
	"context"
	"reflect"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/tui/common"
)

// ShutdownMsg ends the session cleanly: stations save their drafts, then
// the program quits. Run sends it when its context ends (SIGTERM, SIGHUP);
// an SSH server can send it when the connection drops.
type ShutdownMsg struct{}

// saveGrace bounds how long quitting waits for the stations' drafts.
const saveGrace = 3 * time.Second

// quit asks every station to save its drafts and quits once their Cmds
// have returned, or after saveGrace.
func (m *Model) quit() tea.Cmd {
	m.unsub()
	return tea.Sequence(drain(m.forward(common.SaveDraftsMsg{}), saveGrace), tea.Quit)
}

// drain runs cmd and every Cmd it batches or sequences, waiting at most d
// for all of them. Their result messages are dropped: the program is
// about to quit. A panic in one of them is recovered; quitting goes on.
func drain(cmd tea.Cmd, d time.Duration) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		done := make(chan struct{})
		go func() {
			defer close(done)
			runAll(cmd)
		}()
		select {
		case <-done:
		case <-time.After(d):
		}
		return nil
	}
}

var cmdType = reflect.TypeOf(tea.Cmd(nil))

func runAll(cmd tea.Cmd) {
	defer func() { _ = recover() }()
	if cmd == nil {
		return
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var wg sync.WaitGroup
		for _, c := range b {
			wg.Add(1)
			go func() { defer wg.Done(); runAll(c) }()
		}
		wg.Wait()
		return
	}
	// tea.Sequence's message is an unexported []tea.Cmd: run it in order
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
		for i := 0; i < v.Len(); i++ {
			runAll(v.Index(i).Interface().(tea.Cmd))
		}
	}
}

// graceful turns the end of ctx into a ShutdownMsg and kills the program
// if it has not quit saveGrace later. The returned func stops watching.
func graceful(ctx context.Context, p *tea.Program, kill context.CancelFunc) (stop func()) {
	finished := make(chan struct{})
	go func() {
		select {
		case <-finished:
			return
		case <-ctx.Done():
		}
		p.Send(ShutdownMsg{})
		select {
		case <-finished:
		case <-time.After(saveGrace + time.Second):
			kill()
		}
	}()
	return func() { close(finished) }
}
