package checkin

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/tui/components"
)

// Apologies at the desk. The phone rings at 07:30 while people queue: the
// person who answers it is at the desk (often a device with only the
// check-in role), and whoever comes instead usually walks up to that same
// desk minutes later. So the desk records an apology on the highlighted
// person (Ctrl+B) as well as showing it; the office records the ones that
// come before the day in setup.

// apologyOf is the apology of delegate id, if she sent one.
func (m *Model) apologyOf(id int64) (store.Apology, bool) {
	if m.snap == nil {
		return store.Apology{}, false
	}
	a, ok := m.snap.apologies[id]
	return a, ok
}

// replaced is the delegate that delegate id stands in for, if any.
func (m *Model) replaced(id int64) (store.Delegate, bool) {
	if m.snap == nil {
		return store.Delegate{}, false
	}
	if who, ok := m.snap.standsIn[id]; ok {
		return m.delegate(who)
	}
	return store.Delegate{}, false
}

// substitute is the delegate standing in for a, once there is one.
func (m *Model) substitute(a store.Apology) (store.Delegate, bool) {
	if a.SubstituteID == 0 {
		return store.Delegate{}, false
	}
	return m.delegate(a.SubstituteID)
}

// forSubstitute reports whether checking in d means checking in whoever
// comes instead: she sent apologies naming someone and has not come
// herself. The substitute often brings her invitation, so a scanned code
// or a sheet row leads here too.
func (m *Model) forSubstitute(d store.Delegate) (store.Apology, bool) {
	a, ok := m.apologyOf(d.ID)
	return a, ok && a.HasSubstitute() && !d.Arrived()
}

// checkInSubstitute commits the substitute of delegate id.
func (m *Model) checkInSubstitute(id int64, a store.Apology) tea.Cmd {
	return m.commit(a.SubstituteName, func(st *store.Store) checkedMsg {
		res, err := st.CheckInSubstitute(m.c.Ctx, id)
		return checkedMsg{res: res.CheckInResult, err: err, sub: &res}
	})
}

// apologyLines tell the operator, for the highlighted person, that she
// sent apologies and who comes instead, then what the keys do; none when
// she sent no apology and stands in for nobody.
func (m *Model) apologyLines() (says, keys string) {
	d, ok := m.picker.Selected()
	if !ok || m.picker.Query() == "" {
		return "", ""
	}
	t := m.c.T
	if r, ok := m.replaced(d.ID); ok {
		return t.F("apology.desk.stands_in", d.FullName, r.FullName), ""
	}
	a, ok := m.apologyOf(d.ID)
	if !ok {
		return "", ""
	}
	why := ""
	if a.Reason != "" {
		why = " (" + a.Reason + ")"
	}
	switch sub, here := m.substitute(a); {
	case d.Arrived():
		return t.F("apology.desk.came", d.FullName, why), ""
	case here && sub.Arrived():
		return t.F("apology.desk.sub_here", d.FullName, sub.FullName, m.clockText(sub.ArrivedAt)), t.T("apology.desk.keys_here")
	case a.HasSubstitute():
		return t.F("apology.desk.sub", d.FullName, a.SubstituteName, why), t.T("apology.desk.keys_sub")
	}
	return t.F("apology.desk.none", d.FullName, why), t.T("apology.desk.keys_none")
}

// apologyForm records or corrects the apology of one delegate. Emptying
// every field withdraws it (she comes after all).
type apologyForm struct {
	deskForm
	d        store.Delegate
	had      bool
	reason   string
	subName  string
	subTitle string
}

type apologyDoneMsg struct {
	id int
	ok bool
}

type apologySavedMsg struct {
	req       int
	name      string
	withdrawn bool
	err       error
}

// openApology opens the form for the highlighted person.
func (m *Model) openApology() tea.Cmd {
	t := m.c.T
	d, ok := m.picker.Selected()
	switch {
	case m.snap == nil:
		return nil
	case !ok || m.picker.Query() == "":
		m.setNotice(lvlInfo, t.T("apology.desk.how"))
		return nil
	case d.Arrived():
		m.setNotice(lvlWarn, t.F("apology.desk.arrived", d.FullName, m.clockText(d.ArrivedAt)))
		return nil
	}
	if _, ok := m.replaced(d.ID); ok || d.WalkIn {
		m.setNotice(lvlWarn, t.F("apology.desk.walkin", d.FullName))
		return nil
	}
	m.req++
	f := &apologyForm{deskForm: deskForm{id: m.req}, d: d}
	if a, ok := m.apologyOf(d.ID); ok {
		f.had, f.reason, f.subName, f.subTitle = true, a.Reason, a.SubstituteName, a.SubstituteTitle
	}
	max := components.MaxLen(t, store.MaxName)
	title := t.F("apology.desk.form", nameUnit(d))
	f.form = huh.NewForm(huh.NewGroup(
		components.Limit(t, huh.NewInput().Title(t.T("apology.f.reason")).Placeholder(t.T("apology.f.reason_hint")).Value(&f.reason).Validate(max), store.MaxName),
		components.Limit(t, huh.NewInput().Title(t.T("apology.f.substitute")).Description(t.T("apology.f.substitute_hint")).Value(&f.subName).Validate(max), store.MaxName),
		components.Limit(t, huh.NewInput().Title(t.T("apology.f.substitute_title")).Value(&f.subTitle).Validate(max), store.MaxName),
	).Title(title).Description(t.T(pick(f.had, "apology.f.withdraw_hint", "")))).
		WithShowHelp(true).WithKeyMap(components.FormKeyMap(t))
	id := f.id
	f.form.SubmitCmd = func() tea.Msg { return apologyDoneMsg{id: id, ok: true} }
	f.form.CancelCmd = func() tea.Msg { return apologyDoneMsg{id: id} }
	f.resize(m.w, m.h)
	m.apology = f
	return f.form.Init()
}

func (m *Model) apologyKey(k tea.KeyMsg) tea.Cmd {
	if k.Type == tea.KeyEsc {
		m.apology = nil
		m.setNotice(lvlInfo, m.c.T.T("checkin.n.cancelled"))
		return nil
	}
	return m.apology.update(k)
}

// apologyDone saves what the form holds: an apology, a correction, or,
// with every field emptied, its withdrawal.
func (m *Model) apologyDone(msg apologyDoneMsg) tea.Cmd {
	f := m.apology
	if f == nil || msg.id != f.id {
		return nil
	}
	m.apology = nil
	if !msg.ok {
		m.setNotice(lvlInfo, m.c.T.T("checkin.n.cancelled"))
		return nil
	}
	a := store.Apology{DelegateID: f.d.ID, Reason: f.reason, SubstituteName: f.subName, SubstituteTitle: f.subTitle}
	withdraw := strings.TrimSpace(f.reason+f.subName+f.subTitle) == ""
	if withdraw && !f.had {
		m.setNotice(lvlInfo, m.c.T.T("checkin.n.cancelled"))
		return nil
	}
	m.req++
	m.noticeReq = m.req
	req, c, name := m.req, m.c, f.d.FullName
	m.setNotice(lvlInfo, m.c.T.F("checkin.n.pending", name))
	return func() tea.Msg {
		var err error
		if withdraw {
			err = c.Store.WithdrawApology(c.Ctx, a.DelegateID)
		} else {
			err = c.Store.SaveApology(c.Ctx, a)
		}
		return apologySavedMsg{req: req, name: name, withdrawn: withdraw, err: err}
	}
}

func (m *Model) apologySaved(msg apologySavedMsg) {
	if msg.req < m.noticeReq && msg.err == nil {
		return
	}
	switch {
	case msg.err != nil:
		m.bad(m.c.T.F("checkin.n.error", m.c.ErrText(msg.err)))
	case msg.withdrawn:
		m.setNotice(lvlOK, m.c.T.F("apology.desk.withdrawn", msg.name))
	default:
		m.setNotice(lvlOK, m.c.T.F("apology.desk.saved", msg.name))
	}
}

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
