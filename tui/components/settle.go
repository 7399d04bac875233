package components

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// FormSettle holds back the keys typed while a huh form moves from one
// field to the next. huh moves the focus in a Cmd, so keys that arrive
// in the same burst as the Tab (a fast typist, a paste, a scanner, tmux
// send-keys) would otherwise land in the field just left.
type FormSettle struct {
	pending bool
	from    huh.Field
	queue   []tea.KeyMsg
	gen     int
}

// SettleMsg ends a wait that no move answered (a field that refused to
// be left, a key that moved nothing): the held keys go on as they are.
type SettleMsg struct {
	s   *FormSettle
	gen int
}

// settleWait bounds how long keys are held if the focus never moves (a
// safety net: a move or a refusal normally ends the wait at once).
const settleWait = time.Second

// Hold keeps key k while a move is under way and reports whether it did.
func (s *FormSettle) Hold(k tea.KeyMsg) bool {
	if s.pending {
		s.queue = append(s.queue, k)
	}
	return s.pending
}

// Sent is told of key k that form f took, and the Cmd f answered: a key
// that moves between fields and gets a Cmd starts a wait.
func (s *FormSettle) Sent(f *huh.Form, k tea.KeyMsg, cmd tea.Cmd) tea.Cmd {
	if f == nil || cmd == nil {
		return cmd
	}
	switch k.String() {
	case "tab", "shift+tab", "enter":
	default:
		return cmd
	}
	from := f.GetFocusedField()
	if from == nil || from.Error() != nil {
		return cmd // the field refused to be left: nothing will move
	}
	s.pending, s.from = true, from
	s.gen++
	return tea.Batch(cmd, s.wait(s.gen))
}

// wait is the safety net's timer (test drivers that run the move
// itself skip it by this name).
func (s *FormSettle) wait(gen int) tea.Cmd {
	return func() tea.Msg {
		time.Sleep(settleWait)
		return SettleMsg{s: s, gen: gen}
	}
}

// Release is told after the station took msg, a message other than a
// key, with its form f (nil once put away). Once the focus has moved or
// the form is gone (or the wait is over) it returns the held keys, for
// the station to feed through its own Update in order.
func (s *FormSettle) Release(f *huh.Form, msg tea.Msg) []tea.KeyMsg {
	if !s.pending {
		return nil
	}
	if sm, ok := msg.(SettleMsg); ok {
		if sm.s != s || sm.gen != s.gen {
			return nil
		}
	} else if f != nil && (f.State != huh.StateNormal || f.GetFocusedField() == s.from) {
		// not moved yet; a form that has just been completed holds the
		// keys until the station puts it away, so they reach what is shown
		return nil
	}
	q := s.queue
	s.pending, s.from, s.queue = false, nil, nil
	return q
}
