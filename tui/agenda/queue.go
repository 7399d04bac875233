package agenda

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// queueItem is the dialogue item whose queue the pane runs: the running
// item if it is a dialogue, else the selected row if it is one, else the
// first dialogue not yet done (else the last one).
func (m *Model) queueItem() store.AgendaItem {
	items := m.snap.items
	if m.plan.Current >= 0 && m.plan.Current < len(items) && items[m.plan.Current].Kind == store.ItemDialogue {
		return items[m.plan.Current]
	}
	if it, ok := m.selected(); ok && it.Kind == store.ItemDialogue {
		return it
	}
	var last store.AgendaItem
	for _, a := range items {
		if a.Kind != store.ItemDialogue {
			continue
		}
		if !a.Done() {
			return a
		}
		last = a
	}
	return last
}

func (m *Model) queueKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	item := m.queueItem()
	q := queueOf(m.snap.speakers, item.ID)
	var sel store.Speaker
	ok := m.qcursor >= 0 && m.qcursor < len(q)
	if ok {
		sel = q[m.qcursor]
	}
	st, ctx := m.c.Store, m.c.Ctx
	switch {
	case key.Matches(msg, k.Up):
		m.qcursor = max(0, m.qcursor-1)
	case key.Matches(msg, k.Down):
		m.qcursor = min(len(q)-1, m.qcursor+1)
	case key.Matches(msg, k.Add):
		if item.ID == 0 {
			m.setStatus(m.c.T.T("agenda.err.no_dialogue"), true)
			return nil
		}
		return m.openPicker()
	case msg.String() == "e":
		// e edits in the run-sheet; here it only says where the end of a
		// turn is, so a habit cannot open a form
		m.setStatus(m.c.T.T("agenda.hint.end_turn"), false)
	case !ok:
		return nil
	case key.Matches(msg, k.Call):
		if !sel.Waiting() {
			return nil
		}
		if run, ok := m.callItem(); !ok || run.ID != sel.ItemID {
			m.setStatus(m.notRunningText(), true)
			return nil
		}
		return m.callThis(sel, m.seenTurn(), store.TurnGrace)
	case key.Matches(msg, k.MoveUp), key.Matches(msg, k.MoveDown):
		// only the waiting move, among the waiting: the turns that ran
		// (or run) keep their order
		d := 1
		if key.Matches(msg, k.MoveUp) {
			d = -1
		}
		to := min(max(m.qcursor+d, 0), len(q)-1)
		switch {
		case !sel.Waiting():
			m.setStatus(m.c.T.T("agenda.err.move_called"), true)
			return nil
		case to == m.qcursor:
			return nil
		case !q[to].Waiting():
			m.setStatus(m.c.T.T("agenda.err.move_first"), true)
			return nil
		}
		return mutate(m.next(), m.c.T.T("ui.saved"), func() error { return st.MoveSpeaker(ctx, sel.ID, d) },
			func(m *Model) { m.qcursor = to })
	case key.Matches(msg, k.Remove):
		if !sel.Waiting() {
			m.setStatus(m.c.T.T("agenda.err.spoke"), true)
			return nil
		}
		m.ask(m.c.T.F("agenda.confirm.remove", sel.Name), m.act(m.c.T.T("agenda.status.removed"), func() error {
			return st.RemoveSpeaker(ctx, sel.ID)
		}))
	}
	return nil
}

// openPicker shows the accent-free search among delegates who have
// arrived; the list loads in a Cmd.
func (m *Model) openPicker() tea.Cmd {
	p := components.NewDelegatePicker(m.c, m.c.T.T("agenda.picker.placeholder"))
	p.Filter = func(d store.Delegate) bool { return d.Arrived() }
	p.Limit = 20
	m.picker = p
	m.status = ""
	m.dReq = m.next()
	return loadDelegates(m.c, m.dReq)
}

func (m *Model) pickerKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	p := m.picker
	item := m.queueItem()
	switch {
	case key.Matches(msg, k.Cancel):
		m.picker = nil
		return nil
	case key.Matches(msg, k.Typed):
		name, unit := splitTyped(p.Query())
		if name == "" {
			return nil
		}
		m.picker = nil
		return m.addSpeaker(store.Speaker{ItemID: item.ID, Name: name, UnitName: unit})
	case key.Matches(msg, k.Pick):
		if d, ok := p.Selected(); ok {
			m.picker = nil
			return m.addSpeaker(store.Speaker{ItemID: item.ID, DelegateID: d.ID})
		}
		// nobody matches: take the text as a name typed free
		if name, unit := splitTyped(p.Query()); name != "" {
			m.picker = nil
			return m.addSpeaker(store.Speaker{ItemID: item.ID, Name: name, UnitName: unit})
		}
		return nil
	}
	return p.Update(msg)
}

// splitTyped reads "name, unit" typed free.
func splitTyped(s string) (name, unit string) {
	name, unit, _ = strings.Cut(s, ",")
	return strings.TrimSpace(name), strings.TrimSpace(unit)
}

func (m *Model) addSpeaker(sp store.Speaker) tea.Cmd {
	req := m.next()
	c := m.c
	return func() tea.Msg {
		if _, err := c.Store.AddSpeaker(c.Ctx, sp); err != nil {
			return doneMsg{req: req, err: err}
		}
		return doneMsg{req: req, status: c.T.T("agenda.status.added"), after: func(m *Model) {
			m.qcursor = len(queueOf(m.snap.speakers, sp.ItemID)) // the new last row, clamped on load
		}}
	}
}

// queueView draws the speaker pane in w x h.
func (m *Model) queueView(w, h int) string {
	s := m.c.Styles
	t := m.c.T
	item := m.queueItem()
	var b strings.Builder
	if item.ID == 0 {
		return s.Subtle.Render(t.T("agenda.queue.none"))
	}
	b.WriteString(s.Bold.Render(common.Trunc(t.F("agenda.queue.title", item.Position, item.Title), w)))
	if m.picker != nil {
		return b.String() + "\n" + m.pickerView(w, h-1)
	}
	q := queueOf(m.snap.speakers, item.ID)
	if len(q) == 0 {
		b.WriteString("\n" + s.Subtle.Render(common.Trunc(t.T("agenda.queue.empty"), w)))
		return b.String()
	}
	rows := h - 1
	off := 0
	if m.qcursor >= rows {
		off = m.qcursor - rows + 1
	}
	stateW := 15
	def := m.snap.meeting.TurnSeconds // a waiting speaker's own limit shows
	if def <= 0 {
		def = 180
	}
	nameW := max(10, (w-stateW-4)*3/5)
	for i := off; i < len(q) && i < off+rows; i++ {
		sp := q[i]
		var state string
		st := s.Normal
		switch {
		case sp.Speaking():
			d := m.now.Sub(sp.StartedAt).Truncate(time.Second)
			limit := secs(sp.LimitSeconds)
			state = clock(d) + "/" + clock(limit)
			st = levelStyle(s, store.ClockLevel(d, limit))
		case !sp.EndedAt.IsZero():
			state = "✓ " + clock(sp.Duration(m.now))
			st = s.Done
		default:
			state = t.T("agenda.queue.waiting")
			if sp.LimitSeconds != def {
				state += " " + clock(secs(sp.LimitSeconds))
			}
		}
		line := common.Pad(itoa(i+1), 3) + " " + common.Pad(sp.Name, nameW) + " " +
			common.Pad(sp.UnitName, max(0, w-3-1-nameW-1-stateW-1)) + " " + common.Pad(state, stateW)
		line = common.Pad(line, w)
		if i == m.qcursor {
			line = s.Selected.Render(line)
		} else if sp.Speaking() {
			line = st.Render(line)
		} else if !sp.EndedAt.IsZero() {
			line = s.Done.Render(line)
		}
		b.WriteString("\n" + line)
	}
	return b.String()
}

func (m *Model) pickerView(w, h int) string {
	s := m.c.Styles
	p := m.picker
	p.Input.Width = max(1, w-4)
	out := p.Input.View()
	hint := s.Subtle.Render(common.Trunc(m.c.T.T("agenda.picker.hint"), w))
	if h <= 2 {
		return out
	}
	if len(p.Hits()) == 0 {
		msg := "agenda.picker.loading"
		if p.Delegates() != nil {
			msg = "agenda.picker.nohit"
		}
		return out + "\n" + hint + "\n" + s.Subtle.Render(common.Trunc(m.c.T.T(msg), w))
	}
	return out + "\n" + hint + "\n" + p.ListView(w, h-2)
}
