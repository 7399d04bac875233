package setup

import (
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// The apologies tab (báo vắng): who sent apologies, why, and who comes
// instead. Letters search every delegate without accents, as at the desk;
// Enter records or corrects the highlighted person's apology; Delete
// withdraws it; Ctrl+Z puts back what the last change here replaced (a
// new audited change, never an erased one). The desk records them too,
// with Ctrl+B, when the phone rings on the day.

// apologyUndo is what Ctrl+Z restores: the apology before the last change
// made here (nil: there was none, so undo withdraws it).
type apologyUndo struct {
	id     int64
	name   string
	before *store.Apology
}

func (m *Model) apologiesHelp() []key.Binding {
	k := m.keys
	if m.apoPicker.Query() != "" {
		return []key.Binding{k.ClearSearch, k.Up, k.Down, k.ApologyEdit, k.WithdrawApology, k.Next}
	}
	return []key.Binding{k.Up, k.Down, k.ApologyEdit, k.WithdrawApology, k.UndoApology, k.Next}
}

// apologyRows are what the tab lists: the hits of the search, or, with an
// empty search, everyone who sent apologies.
func (m *Model) apologySelected() (store.Delegate, bool) {
	if m.apoPicker.Query() != "" {
		return m.apoPicker.Selected()
	}
	i := m.cursor[secApologies]
	if i < 0 || i >= len(m.snap.apologies) {
		return store.Delegate{}, false
	}
	return m.apoPicker.ByID(m.snap.apologies[i].DelegateID)
}

func (m *Model) apologyOf(id int64) (store.Apology, bool) {
	for _, a := range m.snap.apologies {
		if a.DelegateID == id {
			return a, true
		}
	}
	return store.Apology{}, false
}

func (m *Model) apologiesKey(k tea.KeyMsg) tea.Cmd {
	km := m.keys
	switch {
	case key.Matches(k, km.ApologyEdit):
		if d, ok := m.apologySelected(); ok {
			return m.openApologyForm(d)
		}
		return nil
	case key.Matches(k, km.Cancel) && m.apoPicker.Query() != "":
		m.apoPicker.Reset()
		return nil
	case key.Matches(k, km.WithdrawApology):
		return m.withdrawApology()
	case key.Matches(k, km.UndoApology):
		return m.undoApology()
	}
	// arrows move in the list of apologies, or in the search's hits
	if m.apoPicker.Query() == "" && m.moveKey(k) {
		return nil
	}
	return m.apoPicker.Update(k)
}

// openApologyForm records or corrects d's apology. A substitute on the
// list is given by her code; otherwise by name, and the desk registers
// her when she comes.
func (m *Model) openApologyForm(d store.Delegate) tea.Cmd {
	t := m.c.T
	switch {
	case d.Arrived():
		m.setStatus(t.F("apology.desk.arrived", d.FullName, d.ArrivedAt.Local().Format("15:04")), true)
		return nil
	case d.WalkIn:
		m.setStatus(t.F("apology.desk.walkin", d.FullName), true)
		return nil
	}
	old, had := m.apologyOf(d.ID)
	a := old
	a.DelegateID = d.ID
	code := ""
	if a.SubstituteID != 0 && !a.SubWalkIn {
		code = a.SubCode
	}
	max := m.text(store.MaxName, false)
	byCode := func(s string) error {
		if err := m.text(64, false)(s); err != nil || strings.TrimSpace(s) == "" {
			return err
		}
		x, ok := m.delegateByCode(s)
		switch {
		case !ok:
			return errors.New(t.T("setup.no_code"))
		case x.ID == d.ID:
			return errors.New(t.T("reason.the same person"))
		}
		return nil
	}
	title := t.F("apology.desk.form", d.FullName+" — "+joinUnit(d))
	f := huh.NewForm(huh.NewGroup(
		huh.NewInput().Title(t.T("apology.f.reason")).Placeholder(t.T("apology.f.reason_hint")).Value(&a.Reason).Validate(max),
		huh.NewInput().Title(t.T("apology.f.substitute")).Description(t.T("apology.f.substitute_hint")).Value(&a.SubstituteName).Validate(max),
		huh.NewInput().Title(t.T("apology.f.substitute_title")).Value(&a.SubstituteTitle).Validate(max),
		huh.NewInput().Title(t.T("apology.f.substitute_code")).Description(t.T("apology.f.substitute_code_hint")).Value(&code).Validate(byCode).CharLimit(64),
	).Title(title))
	return m.openForm(f, func() tea.Cmd {
		a.SubstituteID = 0
		if x, ok := m.delegateByCode(code); ok {
			a.SubstituteID = x.ID
		}
		var before *store.Apology
		if had {
			b := old
			before = &b
		}
		m.apoUndo = &apologyUndo{id: d.ID, name: d.FullName, before: before}
		st, ctx := m.c.Store, m.c.Ctx
		return m.act(t.F("apology.setup.saved", d.FullName), func() error { return st.SaveApology(ctx, a) },
			func(error) tea.Cmd { return m.openApologyForm(d) })
	})
}

func joinUnit(d store.Delegate) string {
	if d.UnitName != "" {
		return d.UnitName
	}
	return d.Title
}

func (m *Model) delegateByCode(s string) (store.Delegate, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return store.Delegate{}, false
	}
	for _, d := range m.snap.delegates {
		if strings.EqualFold(d.Code, s) {
			return d, true
		}
	}
	return store.Delegate{}, false
}

// withdrawApology removes the highlighted person's apology at once: it is
// audited, and Ctrl+Z brings it back.
func (m *Model) withdrawApology() tea.Cmd {
	d, ok := m.apologySelected()
	if !ok {
		return nil
	}
	a, had := m.apologyOf(d.ID)
	if !had {
		m.setStatus(m.c.T.F("apology.setup.none", d.FullName), false)
		return nil
	}
	m.apoUndo = &apologyUndo{id: d.ID, name: d.FullName, before: &a}
	st, ctx := m.c.Store, m.c.Ctx
	return m.act(m.c.T.F("apology.setup.withdrawn", d.FullName), func() error { return st.WithdrawApology(ctx, d.ID) }, nil)
}

// undoApology puts back the apology as it was before the last change made
// in this tab.
func (m *Model) undoApology() tea.Cmd {
	u := m.apoUndo
	if u == nil {
		m.setStatus(m.c.T.T("apology.setup.nothing_to_undo"), false)
		return nil
	}
	m.apoUndo = nil
	st, ctx := m.c.Store, m.c.Ctx
	return m.act(m.c.T.F("apology.setup.undone", u.name), func() error {
		if u.before == nil {
			return st.WithdrawApology(ctx, u.id)
		}
		a := *u.before
		if a.SubWalkIn {
			// registered at the desk and since gone: named again, not linked
			a.SubstituteID = 0
		}
		return st.SaveApology(ctx, a)
	}, nil)
}

// apologiesView is the search field, then the hits (with their
// apologies, if any) or every apology: name, unit, who comes instead (and
// whether she or the substitute has come), the reason.
func (m *Model) apologiesView() string {
	t, s := m.c.T, m.c.Styles
	lines := []string{m.apoPicker.Input.View()}
	rows := m.listRows()
	nw, uw, sw := min(24, m.w/4), min(22, m.w/5), min(30, m.w/4)
	line := func(d store.Delegate, a store.Apology, had bool) string {
		sub, why := "", ""
		if had {
			sub, why = m.substituteText(d, a), a.Reason
			if why == "" {
				why = "—"
			}
		}
		return common.Pad(d.FullName, nw) + " " + common.Pad(joinUnit(d), uw) + " " + common.Pad(sub, sw) + " " + why
	}
	head := common.Pad(t.T("checkin.col.name"), nw) + " " + common.Pad(t.T("setup.col.unit"), uw) + " " +
		common.Pad(t.T("apology.setup.col_sub"), sw) + " " + t.T("apology.setup.col_reason")
	if m.apoPicker.Query() != "" {
		hits := m.apoPicker.Hits()
		if len(hits) == 0 {
			return strings.Join(append(lines, s.Subtle.Render(t.T("setup.no_match"))), "\n")
		}
		lines = append(lines, s.Bold.Render(common.Pad(head, m.w)))
		for i := window(m.apoPicker.Cursor(), rows-1); i < len(hits) && len(lines) <= rows; i++ {
			d, _ := m.apoPicker.ByID(hits[i].ID)
			a, had := m.apologyOf(d.ID)
			l := common.Pad(line(d, a, had), m.w)
			if i == m.apoPicker.Cursor() {
				l = s.Selected.Render(l)
			}
			lines = append(lines, l)
		}
		return strings.Join(lines, "\n")
	}
	as := m.snap.apologies
	if len(as) == 0 {
		return strings.Join(append(lines, s.Subtle.Render(common.Trunc(t.T("apology.setup.empty"), m.w))), "\n")
	}
	lines = append(lines, s.Bold.Render(common.Pad(head, m.w)))
	for i := window(m.cursor[secApologies], rows-1); i < len(as) && len(lines) <= rows; i++ {
		d, _ := m.apoPicker.ByID(as[i].DelegateID)
		lines = append(lines, m.row(i, line(d, as[i], true)))
	}
	return strings.Join(lines, "\n")
}

// substituteText is who comes instead, and who has come: "Nguyễn Hữu
// Hùng, đến 07:42", "(vẫn đến dự)", "—" for nobody.
func (m *Model) substituteText(d store.Delegate, a store.Apology) string {
	t := m.c.T
	switch {
	case d.Arrived():
		return t.T("apology.setup.came")
	case a.SubstituteName != "" && !a.SubArrived.IsZero():
		return t.F("apology.setup.sub_here", a.SubstituteName, a.SubArrived.Local().Format("15:04"))
	case a.SubstituteName != "":
		return a.SubstituteName
	}
	return "—"
}

// apologyPicker searches every delegate, as the desk does.
func newApologyPicker(c *common.Common) *components.DelegatePicker {
	p := components.NewDelegatePicker(c, c.T.T("apology.setup.search"))
	p.Limit = 200
	return p
}
