package checkin

import (
	"errors"
	"strings"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/tui/components"
)

// walkInForm registers a person who is not on the list. A fresh form is
// built for each walk-in; its values live here, not in the model.
type walkInForm struct {
	id       int
	form     *huh.Form
	name     string
	title    string
	unit     int64 // unitNew, 0 for none, or a unit id
	unitName string
	group    int64
}

const unitNew = -1

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
	f := &walkInForm{id: m.req}
	required := func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(t.T("err.required"))
		}
		return maxLen(s)
	}
	// "no unit" first and selected, "new unit" right under it: both in view
	units := []huh.Option[int64]{huh.NewOption(t.T("checkin.form.unit_none"), int64(0)), huh.NewOption(t.T("checkin.form.unit_new"), int64(unitNew))}
	for _, u := range m.snap.unitList {
		units = append(units, huh.NewOption(u.Name, u.ID))
	}
	groups := []huh.Option[int64]{huh.NewOption(t.T("checkin.form.group_none"), int64(0))}
	for _, g := range m.snap.groupList {
		groups = append(groups, huh.NewOption(g.Name, g.ID))
	}
	// prefill the name when the query looks like one (typed with accents)
	if q := strings.TrimSpace(m.picker.Query()); strings.Contains(q, " ") && !codeLike(q) {
		f.name = q
	}
	f.form = huh.NewForm(
		huh.NewGroup(
			huh.NewInput().Title(t.T("checkin.form.name")).Value(&f.name).Validate(required),
			huh.NewInput().Title(t.T("checkin.form.job")).Value(&f.title).Validate(maxLen),
			huh.NewSelect[int64]().Title(t.T("checkin.form.unit")).Options(units...).Value(&f.unit).Height(6),
		).Title(t.T("checkin.form.title")),
		huh.NewGroup(
			huh.NewInput().Title(t.T("checkin.form.unit_name")).Value(&f.unitName).Validate(required),
		).Title(t.T("checkin.form.title")).WithHideFunc(func() bool { return f.unit != unitNew }),
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

func maxLen(s string) error {
	if utf8.RuneCountInString(s) > store.MaxName {
		return errors.New("too long")
	}
	return nil
}

func (f *walkInForm) resize(w, h int) {
	f.form = f.form.WithWidth(max(20, min(w, 100))).WithHeight(max(8, h-1))
}

func (f *walkInForm) update(msg tea.Msg) tea.Cmd {
	fm, cmd := f.form.Update(msg)
	if ff, ok := fm.(*huh.Form); ok {
		f.form = ff
	}
	return cmd
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
	switch {
	case f.unit == unitNew:
		w.UnitName = f.unitName
	case f.unit > 0:
		w.UnitID = f.unit
	}
	m.clearQuery()
	return m.commit(strings.TrimSpace(f.name), func(st *store.Store) checkedMsg {
		res, err := st.RegisterWalkIn(m.c.Ctx, w)
		return checkedMsg{res: res, err: err, walkIn: true}
	})
}
