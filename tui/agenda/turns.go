package agenda

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
)

// turnKey handles the keys that act on the running turn, from any pane:
// c calls the next speaker, t ends the turn, + and - change its limit. It
// reports whether msg was one of them.
func (m *Model) turnKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.CallNext):
		item, ok := m.callItem()
		if !ok {
			m.setStatus(m.notRunningText(), true)
			return nil, true
		}
		return m.callNext(item, m.seenTurn(), store.TurnGrace), true
	case key.Matches(msg, k.EndTurn):
		return m.endTurn(m.seenTurn(), store.TurnGrace), true
	case key.Matches(msg, k.More), key.Matches(msg, k.Less):
		sp, ok := m.speakingNow()
		if !ok {
			m.setStatus(m.c.T.T("agenda.err.no_turn"), true)
			return nil, true
		}
		d := 30
		if key.Matches(msg, k.Less) {
			d = -30
		}
		return m.extend(sp, d), true
	}
	return nil, false
}

// callItem is the dialogue whose next speaker c calls: the running item,
// if it is a dialogue. Speakers are called only while their item runs (the
// store refuses too): a turn in a break or after the end would put a
// speaker on the projector under no item.
func (m *Model) callItem() (store.AgendaItem, bool) {
	if p := m.plan.Current; p >= 0 && p < len(m.snap.items) && m.snap.items[p].Kind == store.ItemDialogue {
		return m.snap.items[p], true
	}
	return store.AgendaItem{}, false
}

// notRunningText says why nobody can be called now, naming the queue's
// item when the queue pane shows one.
func (m *Model) notRunningText() string {
	if it := m.queueItem(); m.pane == paneQueue && it.ID != 0 {
		return m.c.T.F("agenda.err.call_item", it.Position, common.Trunc(it.Title, 30))
	}
	return m.c.T.T("agenda.err.call_where")
}

// seenTurn is the turn the screen shows running (0: none): the store ends
// no other.
func (m *Model) seenTurn() int64 {
	sp, _ := m.speakingNow()
	return sp.ID
}

// turnAsk is the question asked when the store refused to end a turn the
// screen did not see, or one just started: who speaks now, for how long.
func turnAsk(err error, question func(sp store.Speaker, spoke string) string, retry func(seen int64) tea.Cmd) (doneMsg, bool) {
	var changed *store.TurnChangedError
	if !errors.As(err, &changed) {
		return doneMsg{}, false
	}
	sp, spoke := changed.Speaker, clock(changed.Elapsed.Truncate(time.Second))
	return doneMsg{after: func(m *Model) {
		m.ask(question(sp, spoke), retry(sp.ID))
	}}, true
}

// callNext calls item's next speaker, ending turn seen; a turn not seen,
// or younger than grace, is asked about first.
func (m *Model) callNext(item store.AgendaItem, seen int64, grace time.Duration) tea.Cmd {
	req := m.next()
	c := m.c
	return func() tea.Msg {
		sp, err := c.Store.CallNextAfter(c.Ctx, item.ID, seen, grace)
		if msg, ok := turnAsk(err, func(now store.Speaker, spoke string) string {
			return c.T.F("agenda.confirm.call_next", now.Name, spoke)
		}, func(seen int64) tea.Cmd { return m.callNext(item, seen, 0) }); ok {
			msg.req = req
			return msg
		}
		return calledMsg(req, sp, err, c.T.F("agenda.status.called", sp.Name))
	}
}

// callThis calls speaker sp (enter in the queue), with the same care.
func (m *Model) callThis(sp store.Speaker, seen int64, grace time.Duration) tea.Cmd {
	req := m.next()
	c := m.c
	return func() tea.Msg {
		got, err := c.Store.CallSpeakerAfter(c.Ctx, sp.ID, seen, grace)
		if msg, ok := turnAsk(err, func(now store.Speaker, spoke string) string {
			return c.T.F("agenda.confirm.call", now.Name, spoke, sp.Name)
		}, func(seen int64) tea.Cmd { return m.callThis(sp, seen, 0) }); ok {
			msg.req = req
			return msg
		}
		return calledMsg(req, got, err, c.T.F("agenda.status.called", got.Name))
	}
}

// calledMsg reports a call; the queue's highlight follows the speaker.
func calledMsg(req int, sp store.Speaker, err error, status string) doneMsg {
	if err != nil {
		return doneMsg{req: req, err: err}
	}
	return doneMsg{req: req, status: status, after: func(m *Model) {
		for i, x := range queueOf(m.snap.speakers, sp.ItemID) {
			if x.ID == sp.ID {
				m.qcursor = i
			}
		}
	}}
}

// endTurn ends turn seen (t).
func (m *Model) endTurn(seen int64, grace time.Duration) tea.Cmd {
	req := m.next()
	c := m.c
	return func() tea.Msg {
		err := c.Store.EndTurnOf(c.Ctx, seen, grace)
		if msg, ok := turnAsk(err, func(now store.Speaker, spoke string) string {
			return c.T.F("agenda.confirm.end_turn", now.Name, spoke)
		}, func(seen int64) tea.Cmd { return m.endTurn(seen, 0) }); ok {
			msg.req = req
			return msg
		}
		if err != nil {
			return doneMsg{req: req, err: err}
		}
		return doneMsg{req: req, status: c.T.T("agenda.status.turn_ended")}
	}
}

// extend changes the running turn's limit by d seconds and says the new
// limit (or that the minimum is reached).
func (m *Model) extend(sp store.Speaker, d int) tea.Cmd {
	req := m.next()
	c := m.c
	return func() tea.Msg {
		if err := c.Store.ExtendTurn(c.Ctx, sp.ID, d); err != nil {
			return doneMsg{req: req, err: err}
		}
		limit := max(store.MinTurnSeconds, sp.LimitSeconds+d)
		key := "agenda.status.limit"
		if sp.LimitSeconds+d < store.MinTurnSeconds {
			key = "agenda.status.limit_min"
		}
		return doneMsg{req: req, status: c.T.F(key, sp.Name, clock(secs(limit)))}
	}
}
