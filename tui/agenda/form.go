package agenda

import (
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/tui/components"
)

// itemForm holds the values the huh form edits (pointers into it).
type itemForm struct {
	item      store.AgendaItem
	kind      store.ItemKind
	title     string
	presenter string
	minutes   string
}

// openForm builds a fresh form for one item (ID 0 = a new one).
func (m *Model) openForm(a store.AgendaItem) tea.Cmd {
	t := m.c.T
	f := &itemForm{item: a, kind: a.Kind, title: a.Title, presenter: a.Presenter, minutes: strconv.Itoa(a.PlannedMinutes)}
	var opts []huh.Option[store.ItemKind]
	for _, k := range store.ItemKinds {
		opts = append(opts, huh.NewOption(t.T("agenda.kind."+string(k)), k))
	}
	required := components.Required(t, store.MaxName*2)
	minutes := func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 0 || n > 24*60 {
			return errors.New(t.T("agenda.form.bad_minutes"))
		}
		return nil
	}
	title := "agenda.form.edit"
	if a.ID == 0 {
		title = "agenda.form.add"
	}
	km := components.FormKeyMap(m.c.T)
	km.Quit = key.NewBinding(key.WithKeys("esc"))
	kind := huh.NewSelect[store.ItemKind]().Title(t.T("agenda.form.kind")).Options(opts...).Value(&f.kind)
	if m.h < 24 { // the full list of kinds leaves no room for the other fields
		kind = kind.Inline(true)
	}
	form := huh.NewForm(huh.NewGroup(
		kind,
		components.Limit(t, huh.NewInput().Title(t.T("agenda.form.title")).Value(&f.title).Validate(required), store.MaxName*2),
		components.Limit(t, huh.NewInput().Title(t.T("agenda.form.presenter")).Value(&f.presenter), store.MaxName),
		huh.NewInput().Title(t.T("agenda.form.minutes")).Value(&f.minutes).Validate(minutes).CharLimit(4),
	).Title(t.T(title))).WithKeyMap(km).WithShowHelp(false).WithWidth(m.w).WithHeight(max(1, m.h-2))
	req := m.next()
	form.SubmitCmd = func() tea.Msg { return formDoneMsg{req: req} }
	form.CancelCmd = func() tea.Msg { return formCancelMsg{req: req} }
	m.form, m.formReq, m.formData = form, req, f
	m.status = ""
	return form.Init()
}

func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	f, cmd := m.form.Update(msg)
	if ff, ok := f.(*huh.Form); ok {
		m.form = ff
	}
	return cmd
}

// saveForm stores the edited item and closes the form.
func (m *Model) saveForm() tea.Cmd {
	f := m.formData
	m.form, m.formData = nil, nil
	a := f.item
	a.Kind, a.Title, a.Presenter = f.kind, f.title, f.presenter
	a.PlannedMinutes, _ = strconv.Atoi(strings.TrimSpace(f.minutes))
	return m.act(m.c.T.T("ui.saved"), func() error {
		_, err := m.c.Store.SaveItem(m.c.Ctx, a)
		return err
	})
}
