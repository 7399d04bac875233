package qa

import (
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/tui/common"
)

// drafter orders draft writes: a draft save that runs after its form was
// saved or cancelled must not bring the draft back. It is shared by the
// Cmds of one station, never read by View.
type drafter struct {
	mu     sync.Mutex
	closed int // forms up to this generation are closed
}

// saveDraft writes body under key unless form gen has been closed since.
func saveDraft(c *common.Common, dw *drafter, key, body string, gen int) tea.Cmd {
	st, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		dw.mu.Lock()
		defer dw.mu.Unlock()
		if gen <= dw.closed {
			return draftSavedMsg{}
		}
		return draftSavedMsg{err: st.SaveDraft(ctx, key, body)}
	}
}

// dropDraft closes form gen and deletes its draft.
func dropDraft(c *common.Common, dw *drafter, key string, gen int) error {
	dw.mu.Lock()
	defer dw.mu.Unlock()
	if gen > dw.closed {
		dw.closed = gen
	}
	return c.Store.DeleteDraft(c.Ctx, key)
}

// flushDraft saves the form being typed if it changed since the last tick.
func (m *Model) flushDraft() tea.Cmd {
	if m.form == nil || !m.dirty || m.form.kind == formFilter {
		return nil
	}
	m.dirty = false
	return saveDraft(m.c, m.dw, draftKey(m.form.kind), m.form.body(), m.form.gen)
}

// restoreDraft reopens the form a draft was saved from, with a notice.
func (m *Model) restoreDraft(msg draftMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus(m.c.ErrText(msg.err), true)
		return nil
	}
	if !msg.ok {
		return nil
	}
	d, ok := parseDraft(msg.body)
	if !ok {
		return nil
	}
	var f *form
	if d.Kind == formAnswer {
		f = m.newAnswerForm()
	} else {
		f = m.newQuestionForm()
	}
	m.startForm(f)
	cmd := f.restore(d)
	m.afterRestore(f)
	f.notice = m.c.T.F("qa.draft.restored", msg.at.Format("15:04:05"))
	return cmd
}
