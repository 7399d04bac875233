package followup

import (
	"github.com/charmbracelet/bubbles/key"

	"doithoai/tui/i18n"
)

// keyMap holds the station's bindings; the help bar and `doithoai
// followup --help` are built from them.
type keyMap struct {
	Up, Down, PgUp, PgDown, Top, Bottom key.Binding
	Open                                key.Binding // the detail of the highlighted obligation
	Receipt, Extend, Undo               key.Binding
	Search, Agency, Topic, Status       key.Binding
	Clear                               key.Binding
	Table, Sort                         key.Binding
	// detail
	Back, PrevRec, NextRec, Scan, Void, Accept key.Binding
	// the search field, the chooser, the question
	Done, Pick, Cancel, Yes, No key.Binding
	// shown while a form is open (huh handles the keys)
	FormNext, FormPrev, FormPick, FormCancel key.Binding
}

func newKeys(t i18n.Catalog) keyMap {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], t.T(help)))
	}
	k := keyMap{
		Up:       b("key.up", "up", "k"),
		Down:     b("key.down", "down", "j"),
		PgUp:     b("followup.key.pgup", "pgup"),
		PgDown:   b("followup.key.pgdown", "pgdown", " "),
		Top:      b("followup.key.top", "home"),
		Bottom:   b("followup.key.bottom", "end"),
		Open:     b("followup.key.open", "enter"),
		Receipt:  b("followup.key.receipt", "r"),
		Extend:   b("followup.key.extend", "g"),
		Undo:     b("followup.key.undo", "ctrl+z"),
		Search:   b("followup.key.search", "/"),
		Agency:   b("followup.key.agency", "a"),
		Topic:    b("followup.key.topic", "t"),
		Status:   b("followup.key.status", "s"),
		Clear:    b("followup.key.clear", "x"),
		Table:    b("followup.key.table", "tab", "shift+tab"),
		Sort:     b("followup.key.sort", "o"),
		Back:     b("followup.key.back", "esc", "backspace"),
		PrevRec:  b("followup.key.record", "left", "h"),
		NextRec:  b("followup.key.record", "right", "l"),
		Scan:     b("followup.key.scan", "v"),
		Void:     b("followup.key.void", "d", "delete"),
		Accept:   b("followup.key.accept", "c"),
		Done:     b("followup.key.done", "enter"),
		Pick:     b("followup.key.pick", "enter"),
		Cancel:   b("followup.key.cancel", "esc"),
		Yes:      b("followup.key.yes", "y"),
		No:       b("followup.key.no", "n", "esc"),
		FormNext: b("followup.key.form_next", "enter", "tab"),
		FormPrev: b("followup.key.form_prev", "shift+tab"),
		FormPick: b("followup.key.form_pick", "←/→"),
	}
	k.FormCancel = b("followup.key.form_cancel", "esc")
	k.Up.SetHelp("↑↓", t.T("followup.key.choose"))
	k.Top.SetHelp("home/end", t.T("followup.key.top"))
	k.PrevRec.SetHelp("←→", t.T("followup.key.record"))
	// a question takes y for yes; any other key is no
	k.No.SetHelp(t.T("followup.key.other"), t.T("followup.key.no"))
	return k
}
