package checkin

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/components"
)

// deskForm is a form the desk shows in place of its list (a walk-in, an
// apology): a fresh one for each record, numbered so a late message from
// an older one is dropped.
type deskForm struct {
	id   int
	form *huh.Form
}

func (f *deskForm) resize(w, h int) {
	f.form = f.form.WithWidth(max(20, min(w, 100))).WithHeight(max(8, h-1))
}

func (f *deskForm) update(msg tea.Msg) tea.Cmd {
	fm, cmd := f.form.Update(msg)
	if ff, ok := fm.(*huh.Form); ok {
		f.form = ff
	}
	return cmd
}

// walkInForm registers a person who is not on the list. Its values live
// here, not in the model.
type walkInForm struct {
	deskForm
	name     string
	title    string
	unitName string // typed without accents; matched to a unit or new
	group    int64
}

// formDoneMsg is sent by the form's SubmitCmd (ok) or CancelCmd.
type formDoneMsg struct {
	id int
	ok bool
}

func (m *Model) openForm() tea.Cmd {
	if m.snap == nil {
		return nil
	}
	t := m.c.T
	m.req++
	f := &walkInForm{deskForm: deskForm{id: m.req}}
	groups := []huh.Option[int64]{huh.NewOption(t.T("checkin.form.group_none"), int64(0))}
	for _, g := range m.snap.groupList {
		groups = append(groups, huh.NewOption(g.Name, g.ID))
	}
	// prefill the name when the query looks like one typed with accents;
	// an accent-free query would end up in the documents as typed
	if q := strings.TrimSpace(m.picker.Query()); strings.Contains(q, " ") && !codeLike(q) && q != fold.Fold(q) {
		f.name = q
	}
	f.form = huh.NewForm(
		huh.NewGroup(
			components.NameField(t, t.T("checkin.form.name"), &f.name),
			components.Limit(t, huh.NewInput().Title(t.T("checkin.form.job")).Value(&f.title).Validate(components.MaxLen(t, store.MaxName)), store.MaxName),
			components.UnitField(t, t.T("checkin.form.unit"), m.snap.unitList, &f.unitName, true),
		).Title(t.T("checkin.form.title")),
		huh.NewGroup(
			huh.NewSelect[int64]().Title(t.T("checkin.form.group")).Options(groups...).Value(&f.group).Height(min(len(groups)+2, 10)),
		).Title(t.T("checkin.form.title")),
	).WithShowHelp(true).WithKeyMap(components.FormKeyMap(t))
	id := f.id
	f.form.SubmitCmd = func() tea.Msg { return formDoneMsg{id: id, ok: true} }
	f.form.CancelCmd = func() tea.Msg { return formDoneMsg{id: id} }
	f.resize(m.w, m.h)
	m.form = f
	return f.form.Init()
}

func (m *Model) formKey(k tea.KeyMsg) tea.Cmd {
	if k.Type == tea.KeyEsc {
		m.form = nil
		m.setNotice(lvlInfo, m.c.T.T("checkin.n.cancelled"))
		return nil
	}
	return m.form.update(k)
}

func (m *Model) formDone(msg formDoneMsg) tea.Cmd {
	f := m.form
	if f == nil || msg.id != f.id {
		return nil
	}
	m.form = nil
	if !msg.ok {
		m.setNotice(lvlInfo, m.c.T.T("checkin.n.cancelled"))
		return nil
	}
	w := store.WalkIn{FullName: f.name, Title: f.title, GroupID: f.group}
	if u, n := components.MatchUnit(m.snap.unitList, strings.TrimSpace(f.unitName)); n == 1 {
		w.UnitID = u.ID
	} else {
		w.UnitName = f.unitName // a new unit (the store trims it; empty = none)
	}
	m.clearQuery()
	return m.registerWalkIn(w)
}

func (m *Model) registerWalkIn(w store.WalkIn) tea.Cmd {
	return m.commit(strings.TrimSpace(w.FullName), func(st *store.Store) checkedMsg {
		res, err := st.RegisterWalkIn(m.c.Ctx, w)
		return checkedMsg{res: res, err: err, walkIn: true, form: w}
	})
}

// onListKey answers "this walk-in is on the list": Enter checks in the
// person on the list, Ctrl+T registers the walk-in all the same (a
// namesake in the same unit), anything else drops it.
func (m *Model) onListKey(k tea.KeyMsg) tea.Cmd {
	c := m.confirm
	m.confirm = nil
	switch {
	case key.Matches(k, m.keys.CheckIn) && len(c.onList) > 1:
		// namesakes: show them, and let the operator choose by the unit
		ids := make([]int64, len(c.onList))
		for i, d := range c.onList {
			ids[i] = d.ID
		}
		m.picker.SetQuery(fold.Fold(c.d.FullName))
		m.picker.Pin(ids...)
		m.chosen, m.choosing = false, true
		m.setNotice(lvlWarn, m.c.T.F("checkin.n.namesakes", len(ids), c.d.FullName))
		return nil
	case key.Matches(k, m.keys.CheckIn):
		return m.checkIn(c.d.ID, c.d.FullName)
	case key.Matches(k, m.keys.WalkIn):
		w := *c.walkIn
		w.Namesake = true
		return m.registerWalkIn(w)
	}
	m.setNotice(lvlInfo, m.c.T.T("checkin.n.cancelled"))
	return nil
}
