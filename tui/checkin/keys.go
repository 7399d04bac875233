package checkin

import (
	"github.com/charmbracelet/bubbles/key"

	"doithoai/tui/i18n"
)

// keyMap holds the desk's keys. The search field always has focus, so
// every action is on Enter, arrows or a Ctrl chord, never on a letter.
type keyMap struct {
	CheckIn key.Binding
	Up      key.Binding
	Down    key.Binding
	Undo    key.Binding
	Uncheck key.Binding
	WalkIn  key.Binding
	Apology key.Binding
	Clear   key.Binding
	Yes     key.Binding
	No      key.Binding
	Cancel  key.Binding
}

func newKeyMap(t i18n.Catalog) keyMap {
	return keyMap{
		CheckIn: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.T("checkin.key.checkin"))),
		Up:      key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑↓", t.T("checkin.key.choose"))),
		Down:    key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", t.T("key.down"))),
		Undo:    key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", t.T("checkin.key.undo"))),
		Uncheck: key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", t.T("checkin.key.uncheck"))),
		WalkIn:  key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", t.T("checkin.key.walkin"))),
		// ctrl+b (báo vắng): the search field's "one character left"
		// is the left arrow's job at the desk. F9 too: under tmux ctrl+b
		// is the prefix and never reaches the desk
		Apology: key.NewBinding(key.WithKeys("ctrl+b", "f9"), key.WithHelp("ctrl+b/f9", t.T("apology.key.desk"))),
		Clear:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t.T("checkin.key.clear"))),
		Yes:     key.NewBinding(key.WithKeys("y", "c"), key.WithHelp("y", t.T("checkin.key.yes"))),
		No:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t.T("checkin.key.no"))),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t.T("checkin.key.cancel"))),
	}
}
