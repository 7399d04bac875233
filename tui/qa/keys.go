package qa

import (
	"github.com/charmbracelet/bubbles/key"

	"doithoai/tui/i18n"
)

// keyMap holds the station's keys; the help bar is built from them.
type keyMap struct {
	// log
	New, Answer, Edit, History, Petitions, Filter, Clear, Topics key.Binding
	Fix                                                          key.Binding // a name typed without accents
	Up, Down, PgUp, PgDown, Top, Bottom                          key.Binding
	// forms
	Save, Next, Prev, Cancel, Newline key.Binding
	// after a conflict: save over the other change, or reload it
	Overwrite, Reload key.Binding
	// sub views: the history closes with esc (it holds the keys), the
	// petitions view with p, q or backspace (esc there goes home)
	Back, ToLog key.Binding
}

func newKeyMap(t i18n.Catalog) keyMap {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], t.T(help)))
	}
	k := keyMap{
		New:       b("qa.key.new", "n"),
		Answer:    b("qa.key.answer", "a"),
		Edit:      b("qa.key.edit", "e", "enter"),
		History:   b("qa.key.history", "h"),
		Petitions: b("qa.key.petitions", "p"),
		Filter:    b("qa.key.filter", "f"),
		Clear:     b("qa.key.clear", "x"),
		Topics:    b("qa.key.topics", "t"),
		Fix:       b("doc.key.fix", "d"),
		Up:        b("key.up", "up", "k"),
		Down:      b("key.down", "down", "j"),
		PgUp:      b("qa.key.pgup", "pgup"),
		PgDown:    b("qa.key.pgdown", "pgdown"),
		Top:       b("qa.key.top", "home", "g"),
		Bottom:    b("qa.key.bottom", "end", "G"),
		Save:      b("qa.key.save", "ctrl+s"),
		Next:      b("qa.key.next", "enter", "tab"),
		Prev:      b("qa.key.prev", "shift+tab"),
		Cancel:    b("qa.key.cancel", "esc"),
		Newline:   b("qa.key.newline", "alt+enter", "ctrl+j"),
		Overwrite: b("qa.key.overwrite", "ctrl+o"),
		Reload:    b("qa.key.reload", "ctrl+r"),
		Back:      b("qa.key.back", "esc", "q", "backspace", "h", "enter"),
		ToLog:     b("qa.key.tolog", "p", "q", "backspace"),
	}
	k.Up.SetHelp("↑", t.T("key.up"))
	k.Down.SetHelp("↓", t.T("key.down"))
	k.Next.SetHelp("enter/tab", t.T("qa.key.next"))
	return k
}
