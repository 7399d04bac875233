package setup

import (
	"context"
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
)

// removal is a unit, group or delegate the user asked to delete: first
// the store says what still refers to it (then the answer is why not),
// else the user confirms with y.
type removal struct {
	entity string // "unit", "group", "delegate"
	id     int64
	name   string
	req    int  // the uses query awaited
	asking bool // uses known and none: waiting for y/n
}

type usesMsg struct {
	req  int
	uses store.Uses
	err  error
}

// askRemove starts the deletion of the selected record of the tab.
func (m *Model) askRemove() tea.Cmd {
	r := &removal{}
	var uses func(context.Context, int64) (store.Uses, error)
	st := m.c.Store
	switch m.sec {
	case secUnits:
		if i := m.cursor[secUnits]; i < len(m.snap.units) {
			u := m.snap.units[i]
			r.entity, r.id, r.name, uses = "unit", u.ID, u.Name, st.UnitUses
		}
	case secGroups:
		if i := m.cursor[secGroups]; i < len(m.snap.groups) {
			g := m.snap.groups[i]
			r.entity, r.id, r.name, uses = "group", g.ID, g.Name, st.GroupUses
		}
	case secDelegates:
		if d, ok := m.selectedDelegate(); ok {
			r.entity, r.id, r.name, uses = "delegate", d.ID, d.FullName+" ("+d.Code+")", st.DelegateUses
		}
	}
	if uses == nil {
		return nil
	}
	r.req = m.next()
	m.remove = r
	m.status = ""
	ctx, id, req := m.c.Ctx, r.id, r.req
	return func() tea.Msg {
		u, err := uses(ctx, id)
		return usesMsg{req: req, uses: u, err: err}
	}
}

func (m *Model) gotUses(msg usesMsg) {
	r := m.remove
	if r == nil || r.req != msg.req {
		return
	}
	switch {
	case msg.err != nil:
		m.remove = nil
		m.setStatus(m.c.ErrText(msg.err), true)
	case !msg.uses.None():
		m.remove = nil
		m.setStatus(m.refusal(r.entity, r.name, msg.uses), true)
	default:
		r.asking = true
	}
}

// removeKey answers the confirmation: y deletes, n or Esc keeps.
func (m *Model) removeKey(k tea.KeyMsg) tea.Cmd {
	r := m.remove
	switch {
	case !r.asking:
		return nil // the uses are still being read
	case key.Matches(k, m.keys.Yes):
		m.remove = nil
		st, ctx := m.c.Store, m.c.Ctx
		fn := map[string]func(context.Context, int64) error{"unit": st.RemoveUnit, "group": st.RemoveGroup, "delegate": st.RemoveDelegate}[r.entity]
		return m.act(m.c.T.F("setup.del.done", m.thing(r.entity, r.name)), func() error { return fn(ctx, r.id) }, nil)
	case key.Matches(k, m.keys.No, m.keys.Cancel):
		m.remove = nil
		m.setStatus(m.c.T.T("ui.cancelled"), false)
	}
	return nil
}

// thing names a record in a sentence: đơn vị “Xã Quảng Mới”.
func (m *Model) thing(entity, name string) string {
	return m.c.T.F("setup.del."+entity, name)
}

// refusal says in words why a record cannot be deleted.
func (m *Model) refusal(entity, name string, u store.Uses) string {
	t := m.c.T
	var why []string
	add := func(n int, k string) {
		if n > 0 {
			why = append(why, t.F(k, n))
		}
	}
	if u.CheckedIn {
		why = append(why, t.T("setup.uses.checked_in"))
	}
	add(u.Delegates, "setup.uses."+entity+".delegates")
	add(u.Petitions, "setup.uses."+entity+".petitions")
	add(u.Answers, "setup.uses.unit.answers")
	add(u.Questions, "setup.uses.delegate.questions")
	add(u.Speakers, "setup.uses.delegate.speakers")
	return t.F("setup.del.refused", m.thing(entity, name), strings.Join(why, "; "))
}

// errText is the store's refusal in the interface's words: what still
// refers to a record, who already holds a code, or the common text.
func (m *Model) errText(err error) string {
	var ie *store.InUseError
	var ct *codeTaken
	switch {
	case errors.As(err, &ie):
		return m.refusal(ie.Entity, ie.Name, ie.Uses)
	case errors.As(err, &ct):
		return m.c.T.F("setup.code_taken", ct.code, ct.name)
	}
	return m.c.ErrText(err)
}

// removeLine is the question (or the wait for the uses) on the status line.
func (m *Model) removeLine() string {
	r := m.remove
	if !r.asking {
		return ""
	}
	return m.c.Styles.Warn.Render(common.Trunc(m.c.T.F("setup.del.confirm", m.thing(r.entity, r.name)), m.w))
}
