// Package keys holds the global key map. Bindings carry their help text,
// and the help bar is composed from them, so help never drifts.
package keys

import (
	"github.com/charmbracelet/bubbles/key"

	"doithoai/tui/i18n"
)

// Global are the keys the root handles.
type Global struct {
	Quit     key.Binding // always works, even while typing
	Help     key.Binding
	Home     key.Binding
	Stations []key.Binding // F2..F8: checkin, agenda, qa, screen, reports, setup, followup
	Digits   []key.Binding // 1..7 on the home screen
	Up, Down key.Binding
	Open     key.Binding
}

// NewGlobal builds the global keys with help text in the catalog's language.
func NewGlobal(t i18n.Catalog) *Global {
	g := &Global{
		Quit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", t.T("key.quit"))),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", t.T("key.help"))),
		Home: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t.T("key.home"))),
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", t.T("key.up"))),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", t.T("key.down"))),
		Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.T("key.open"))),
	}
	fkeys := []string{"f2", "f3", "f4", "f5", "f6", "f7", "f8"}
	digits := []string{"1", "2", "3", "4", "5", "6", "7"}
	for i := range fkeys {
		g.Stations = append(g.Stations, key.NewBinding(key.WithKeys(fkeys[i]), key.WithHelp(fkeys[i], t.T("key.station"))))
		g.Digits = append(g.Digits, key.NewBinding(key.WithKeys(digits[i]), key.WithHelp(digits[i], t.T("key.open"))))
	}
	return g
}
