package common

import (
	"sync"

	tea "github.com/charmbracelet/bubbletea"
)

// Drafter orders one station's draft writes: a draft save that runs
// after its form was saved or cancelled must not bring the draft back
// (Cmds run in any order). Forms are numbered by generation; closing one
// closes every older one. Shared by a station's Cmds, never read by View.
type Drafter struct {
	mu     sync.Mutex
	closed int // forms up to this generation are closed
}

// DraftSavedMsg reports a draft write; only a failure needs showing.
type DraftSavedMsg struct{ Err error }

// Save writes body under key unless form gen has been closed since.
func (d *Drafter) Save(c *Common, key, body string, gen int) tea.Cmd {
	st, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		d.mu.Lock()
		defer d.mu.Unlock()
		if gen <= d.closed {
			return DraftSavedMsg{}
		}
		return DraftSavedMsg{Err: st.SaveDraft(ctx, key, body)}
	}
}

// Drop closes form gen and deletes its draft.
func (d *Drafter) Drop(c *Common, key string, gen int) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if gen > d.closed {
		d.closed = gen
	}
	return c.Store.DeleteDraft(c.Ctx, key)
}
