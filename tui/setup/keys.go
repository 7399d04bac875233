package setup

import (
	"github.com/charmbracelet/bubbles/key"

	"doithoai/tui/i18n"
)

type keyMap struct {
	Next, Prev           key.Binding
	Up, Down             key.Binding
	PageUp, PageDown     key.Binding
	Edit, New            key.Binding
	Import, Apply        key.Binding
	Cancel               key.Binding
	Delete, DeleteDel    key.Binding // d (x as in the agenda) or Delete in lists; only Delete where letters search
	Yes, No              key.Binding
	ClearSearch          key.Binding
	FormNext, FormSubmit key.Binding
	ApologyEdit          key.Binding // record or correct the highlighted person's apology
	UndoApology          key.Binding
	WithdrawApology      key.Binding
	CaseToggle           key.Binding // the import preview: names in capitals kept or written in proper case
	// the answers tab
	Remind, MarkAsked, ImportAnswers, ShowPetitions key.Binding
}

func newKeyMap(t i18n.Catalog) keyMap {
	return keyMap{
		Next:            key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", t.T("setup.key.next"))),
		Prev:            key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", t.T("setup.key.prev"))),
		Up:              key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", t.T("key.up"))),
		Down:            key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", t.T("key.down"))),
		PageUp:          key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", t.T("setup.key.pgup"))),
		PageDown:        key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", t.T("setup.key.pgdown"))),
		Edit:            key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.T("setup.key.edit"))),
		New:             key.NewBinding(key.WithKeys("+", "insert"), key.WithHelp("+", t.T("setup.key.new"))),
		Import:          key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.T("setup.key.import"))),
		Apply:           key.NewBinding(key.WithKeys("enter", "y"), key.WithHelp("enter", t.T("setup.key.apply"))),
		Cancel:          key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t.T("setup.key.cancel"))),
		Delete:          key.NewBinding(key.WithKeys("d", "x", "delete"), key.WithHelp("d", t.T("setup.key.delete"))),
		DeleteDel:       key.NewBinding(key.WithKeys("delete"), key.WithHelp("del", t.T("setup.key.delete"))),
		ClearSearch:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t.T("setup.key.clear"))),
		Yes:             key.NewBinding(key.WithKeys("y"), key.WithHelp("y", t.T("setup.key.yes"))),
		No:              key.NewBinding(key.WithKeys("n"), key.WithHelp("n/esc", t.T("setup.key.no"))),
		ApologyEdit:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.T("apology.key.record"))),
		CaseToggle:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", t.T("names.key.case"))),
		WithdrawApology: key.NewBinding(key.WithKeys("delete"), key.WithHelp("del", t.T("apology.key.withdraw"))),
		UndoApology:     key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", t.T("apology.key.undo"))),
		FormNext:        key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", t.T("setup.key.field"))),
		FormSubmit:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.T("setup.key.submit"))),

		Remind:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", t.T("prep.key.remind"))),
		MarkAsked:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", t.T("prep.key.asked"))),
		ImportAnswers: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", t.T("prep.key.import"))),
		ShowPetitions: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.T("prep.key.show"))),
	}
}
