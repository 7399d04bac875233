package agenda

// Moving the run: n and b, the questions they ask, and the answers the
// store gives when the screen was behind (another terminal, a double key).

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
)

// askNext asks before n ends the item in the middle of sp's turn; y
// carries the item and the turn the question named.
func (m *Model) askNext(seen store.Seen, sp store.Speaker) {
	m.ask(m.c.T.F("agenda.confirm.next_speaking", sp.Name), m.advance(seen, 0, true))
}

// askBack asks before b ends sp's turn and takes the item back.
func (m *Model) askBack(seen store.Seen, sp store.Speaker) {
	m.ask(m.c.T.F("agenda.confirm.back_speaking", sp.Name), m.back(seen, true))
}

// seenItem is the item the screen shows running (0: none).
func (m *Model) seenItem() int64 {
	if p := m.plan.Current; p >= 0 && p < len(m.snap.items) {
		return m.snap.items[p].ID
	}
	return 0
}

// refused turns the store's refusal of a move into a new question about
// what runs now: another item (or none), or a speaker's turn. again makes
// the move for the new state once the moderator says y.
func (m *Model) refused(err error, next bool, seen store.Seen, again func(store.Seen, bool) tea.Cmd) (func(*Model), bool) {
	c := m.c
	var changed *store.ItemChangedError
	var running *store.TurnRunningError
	switch {
	case errors.As(err, &changed):
		it := changed.Item
		key := map[bool]string{true: "agenda.confirm.next_changed", false: "agenda.confirm.back_changed"}[next]
		prompt := ""
		if it.ID == 0 {
			prompt = c.T.T(key + "_none")
		} else if next && !changed.Reopened.IsZero() {
			// a b (here or elsewhere) reopened it a moment ago
			loc := c.Now().Location()
			prompt = c.T.F("agenda.confirm.next_reopened", it.Position, common.Trunc(it.Title, 32),
				it.StartedAt.In(loc).Format("15:04:05"), changed.Reopened.In(loc).Format("15:04:05"))
		} else {
			at := it.StartedAt.In(c.Now().Location()).Format("15:04:05")
			if next && changed.Elapsed >= time.Minute {
				key = "agenda.confirm.next_running"
			}
			prompt = c.T.F(key, it.Position, common.Trunc(it.Title, 32), at)
		}
		return func(m *Model) { m.ask(prompt, again(store.Seen{Item: it.ID}, false)) }, true
	case errors.As(err, &running):
		sp := running.Speaker
		seen := store.Seen{Item: seen.Item, Turn: sp.ID}
		if next {
			return func(m *Model) { m.askNext(seen, sp) }, true
		}
		return func(m *Model) { m.askBack(seen, sp) }, true
	}
	return nil, false
}

// back takes the run one step back from the item seen; the store refuses
// a turn running (unless cutTurn and it is seen's) and another item, and
// the station asks again.
func (m *Model) back(seen store.Seen, cutTurn bool) tea.Cmd {
	req := m.next()
	c := m.c
	return func() tea.Msg {
		cur, err := c.Store.BackFrom(c.Ctx, seen, 0, cutTurn)
		if ask, ok := m.refused(err, false, seen, m.back); ok {
			return doneMsg{req: req, after: ask}
		}
		if err != nil {
			return doneMsg{req: req, err: err}
		}
		status := c.T.T("agenda.status.back")
		if seen.Item == 0 && cur.ID != 0 {
			status = c.T.F("agenda.status.reopened", cur.Position, cur.Title)
		}
		return doneMsg{req: req, status: status, after: func(m *Model) {
			for i, a := range m.snap.items {
				if a.ID == cur.ID {
					m.cursor = i
				}
			}
			if cur.ID != 0 {
				m.showPane(cur)
			}
		}}
	}
}

func (m *Model) ask(prompt string, cmd tea.Cmd) { m.confirm = &confirmation{prompt: prompt, cmd: cmd} }

// confirmKey: only y says yes. Every other key, Enter included (it calls
// a speaker in the queue, so a habit or a burst would confirm), says no.
func (m *Model) confirmKey(msg tea.KeyMsg) tea.Cmd {
	cmd := m.confirm.cmd
	m.confirm = nil
	if key.Matches(msg, m.keys.Yes) {
		return cmd
	}
	m.setStatus(m.c.T.T("ui.cancelled"), false)
	return nil
}

// advance ends the item seen and starts the next; it moves the cursor
// there and opens the pane the new item needs. A refusal asks again.
func (m *Model) advance(seen store.Seen, grace time.Duration, cutTurn bool) tea.Cmd {
	req := m.next()
	c := m.c
	return func() tea.Msg {
		now := c.Now()
		cur, err := c.Store.AdvanceFrom(c.Ctx, seen, grace, cutTurn)
		if ask, ok := m.refused(err, true, seen, func(seen store.Seen, cut bool) tea.Cmd { return m.advance(seen, 0, cut) }); ok {
			return doneMsg{req: req, after: ask}
		}
		if err != nil {
			return doneMsg{req: req, err: err}
		}
		if cur.ID == 0 {
			return doneMsg{req: req, status: c.T.T("agenda.status.finished")}
		}
		status := c.T.F("agenda.status.started", cur.Position, cur.Title)
		if now.Sub(cur.StartedAt) >= time.Second {
			// n undid a b: the item keeps the start it had, and its clock
			// counts from there
			status = c.T.F("agenda.status.resumed", cur.Position, cur.Title, cur.StartedAt.In(now.Location()).Format("15:04:05"))
		}
		return doneMsg{req: req, status: status, after: func(m *Model) {
			for i, a := range m.snap.items {
				if a.ID == cur.ID {
					m.cursor = i
				}
			}
			m.showPane(cur)
		}}
	}
}

// newItem is a blank item placed after the selected row.
func (m *Model) newItem() store.AgendaItem {
	pos := m.cursor + 2
	if len(m.snap.items) == 0 {
		pos = 0 // appended
	}
	return store.AgendaItem{Kind: store.ItemOther, PlannedMinutes: 10, Position: pos}
}

// showPane opens the pane item needs while it runs.
func (m *Model) showPane(item store.AgendaItem) {
	switch item.Kind {
	case store.ItemDialogue:
		m.pane = paneQueue
	case store.ItemIntroduction:
		m.pane = paneIntro
	default:
		m.pane = paneSheet
	}
}

// backPrompt is the question b asks. With nothing running (the programme
// ended) b reopens the item that ended last: the prompt names it.
func (m *Model) backPrompt(seen int64) string {
	if seen != 0 {
		return m.c.T.T("agenda.confirm.back")
	}
	var last store.AgendaItem
	for _, a := range m.snap.items {
		if !a.EndedAt.IsZero() && !a.EndedAt.Before(last.EndedAt) {
			last = a
		}
	}
	if last.ID == 0 {
		return m.c.T.T("agenda.confirm.back")
	}
	at := last.StartedAt.In(m.c.Now().Location()).Format("15:04:05")
	return m.c.T.F("agenda.confirm.back_reopen", last.Position, common.Trunc(last.Title, 32), at)
}
