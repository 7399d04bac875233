package followup

import (
	"errors"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
)

// askUndo reads this terminal's last change; offerUndo asks about it.
func (m *Model) askUndo() tea.Cmd {
	m.undoReq = m.next()
	c, req := m.c, m.undoReq
	return func() tea.Msg {
		ch, err := c.Store.LastFollowupChange(c.Ctx)
		return lastMsg{req: req, change: ch, err: err}
	}
}

// offerUndo puts the question: "Hủy văn bản số … (YK3 · LĐ-TB&XH)? y/n".
// Undoing an undo restores what it voided.
func (m *Model) offerUndo(msg lastMsg) {
	t := m.c.T
	switch {
	case errors.Is(msg.err, store.ErrNotFound):
		m.setStatus(t.T("followup.undo.nothing"), false)
		return
	case msg.err != nil:
		m.setStatus(m.errText(msg.err), true)
		return
	}
	ch := msg.change
	label := ch.Obligation
	if m.reg != nil {
		if o, ok := m.reg.Obligation(ch.Obligation); ok {
			label = ref(t, o) + " · " + m.agencyName(o)
		}
	}
	var what string
	if ch.Entity == "receipt" {
		what = t.F("followup.undo.receipt", docText(t, ch.Receipt), label)
	} else {
		what = t.F("followup.undo.extension", date(ch.Extension.NewDue), label)
	}
	prompt, done := "followup.undo.void", "followup.undo.voided"
	if !ch.Voids() {
		prompt, done = "followup.undo.restore", "followup.undo.restored"
	}
	c := m.c
	m.confirm = &confirmation{prompt: t.F(prompt, what), cmd: m.act(t.F(done, what), func() error {
		return c.Store.UndoFollowupChange(c.Ctx, ch)
	})}
}

// askVoid asks to void the selected record of the obligation in detail,
// or to restore it when it was voided.
func (m *Model) askVoid(o store.Obligation, recs []record) {
	if m.dsel < 0 || m.dsel >= len(recs) {
		return
	}
	t, c := m.c.T, m.c
	r := recs[m.dsel]
	label := ref(t, o) + " · " + m.agencyName(o)
	void := !r.voided()
	prompt, done := "followup.undo.void", "followup.undo.voided"
	if !void {
		prompt, done = "followup.undo.restore", "followup.undo.restored"
	}
	var what string
	var fn func() error
	if r.rc != nil {
		id := r.rc.ID
		what = t.F("followup.undo.receipt", docText(t, *r.rc), label)
		fn = func() error { return c.Store.VoidReceipt(c.Ctx, id, void) }
	} else {
		id := r.ex.ID
		what = t.F("followup.undo.extension", date(r.ex.NewDue), label)
		fn = func() error { return c.Store.VoidExtension(c.Ctx, id, void) }
	}
	m.confirm = &confirmation{prompt: t.F(prompt, what), cmd: m.act(t.F(done, what), fn)}
}

// askAccept asks to acknowledge the secretary's later edit of the answer.
func (m *Model) askAccept(o store.Obligation) {
	if o.Drift == nil {
		return
	}
	t, c, k := m.c.T, m.c, o.Key
	m.confirm = &confirmation{prompt: t.F("followup.accept.ask", ref(t, o)), cmd: m.act(t.T("followup.accept.done"), func() error {
		return c.Store.AcceptDrift(c.Ctx, k)
	})}
}

// openScan opens the selected receipt's scanned copy (or the newest one
// with a copy) with the system viewer, after the store has checked it
// against its SHA-256. In an SSH session the viewer would open on the
// laptop: the station says where the copy is instead.
func (m *Model) openScan(o store.Obligation, recs []record) tea.Cmd {
	var rc *store.Receipt
	if m.dsel >= 0 && m.dsel < len(recs) && recs[m.dsel].rc != nil && recs[m.dsel].rc.File != "" {
		rc = recs[m.dsel].rc
	}
	for i := len(recs) - 1; rc == nil && i >= 0; i-- {
		if r := recs[i].rc; r != nil && r.File != "" && !r.Voided {
			rc = r
		}
	}
	if rc == nil {
		m.setStatus(m.c.T.T("followup.scan.none"), true)
		return nil
	}
	c, id, remote, open := m.c, rc.ID, m.remote, m.openFile
	req := m.next()
	return func() tea.Msg {
		path, err := c.Store.ReceiptFile(c.Ctx, id)
		if err == nil && !remote {
			err = open(path)
		}
		return openedMsg{req: req, path: path, err: err}
	}
}

func (m *Model) opened(msg openedMsg) {
	t := m.c.T
	switch {
	case msg.err != nil:
		m.setStatus(m.errText(msg.err), true)
	case m.remote:
		m.setStatus(t.F("followup.scan.remote", msg.path), false)
	default:
		m.setStatus(t.F("followup.scan.opened", filepath.Base(msg.path)), false)
	}
}
