package agenda

import (
	"github.com/charmbracelet/bubbles/key"

	"doithoai/tui/i18n"
)

// keyMap holds the station's bindings; the help bar is built from them.
type keyMap struct {
	Next, Back, Pane  key.Binding
	Up, Down          key.Binding
	MoveUp, MoveDown  key.Binding
	Add, Edit, Delete key.Binding
	Skip              key.Binding
	// while the dialogue runs, a adds a speaker from every pane and A adds
	// an agenda item (from every pane, at any time)
	AddSpeaker, AddItem key.Binding
	// a in the speaker pane's help bar, where "add" says enough
	AddHere key.Binding
	// speaker queue
	CallNext, Call, EndTurn key.Binding
	More, Less              key.Binding
	Remove                  key.Binding
	// the full help names x once for its two panes
	DeleteAny key.Binding
	// confirmation and picker
	Yes, No     key.Binding
	Pick, Typed key.Binding
	Cancel      key.Binding
	// shown while the item form is open (huh handles the keys)
	FormNext, FormPrev, FormPick key.Binding
	// the MC's words: open the editor, save, the template back
	Words, WordsSave, WordsTemplate key.Binding
}

func newKeys(t i18n.Catalog) keyMap {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], t.T(help)))
	}
	k := keyMap{
		Next:     b("agenda.key.next", "n"),
		Back:     b("agenda.key.back", "b"),
		Pane:     b("agenda.key.pane", "tab", "shift+tab"),
		Up:       b("key.up", "up", "k"),
		Down:     b("key.down", "down", "j"),
		MoveUp:   b("agenda.key.move_up", "K", "shift+up"),
		MoveDown: b("agenda.key.move_down", "J", "shift+down"),
		Add:      b("agenda.key.add", "a"),
		// A, not +: + and - change the running turn's limit
		AddSpeaker: b("agenda.key.add_speaker", "a"),
		AddItem:    b("agenda.key.add_item", "A"),
		AddHere:    b("agenda.key.add_here", "a"),
		DeleteAny:  b("agenda.key.delete_any", "x", "delete"),
		Edit:       b("agenda.key.edit", "e", "enter"),
		Delete:     b("agenda.key.delete", "x", "delete"),
		Skip:       b("agenda.key.skip", "s"),
		CallNext:   b("agenda.key.call_next", "c"),
		Call:       b("agenda.key.call", "enter"),
		EndTurn:    b("agenda.key.end_turn", "t"),
		More:       b("agenda.key.more", "+", "="),
		Less:       b("agenda.key.less", "-"),
		Remove:     b("agenda.key.remove", "x", "delete"),
		Yes:        b("agenda.key.yes", "y"),
		No:         b("agenda.key.no", "n", "esc"),
		Pick:       b("agenda.key.pick", "enter"),
		Typed:      b("agenda.key.typed", "ctrl+t"),
		Cancel:     b("agenda.key.cancel", "esc"),
		FormNext:   b("agenda.key.form_next", "enter"),
		FormPrev:   b("agenda.key.form_prev", "shift+tab"),
		FormPick:   b("agenda.key.form_pick", "←/→"),
	}
	k.Words = b("words.key.edit", "w")
	k.WordsSave = b("words.key.save", "ctrl+s")
	k.WordsTemplate = b("words.key.template", "ctrl+r")
	k.MoveUp.SetHelp("K/J", t.T("agenda.key.move"))
	k.Pane.SetHelp("tab", t.T("agenda.key.pane"))
	// a question takes y for yes; any other key is no
	k.No.SetHelp(t.T("agenda.key.other"), t.T("agenda.key.no"))
	return k
}
