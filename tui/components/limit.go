package components

import (
	"strconv"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/tui/i18n"
)

// Limit bounds a form's text field to max characters, the store's limit
// for it (store.MaxName, store.MaxText…): typing stops there, a paste is
// cut there, and from 80 % on a counter under the field says how close
// it is ("182/200"). A paste that was cut says so under the field until
// the next key.
func Limit(t i18n.Catalog, f huh.Field, max int) huh.Field {
	switch x := f.(type) {
	case *huh.Input:
		x.CharLimit(max)
	case *huh.Text:
		x.CharLimit(max)
	}
	return &limited{Field: f, t: t, max: max}
}

type limited struct {
	huh.Field
	t   i18n.Catalog
	max int
	cut int // runes of the last paste, when it did not fit (0: none)
}

// Counter is what a field of n characters out of max shows under it:
// nothing below 80 %, then "n/max".
func Counter(n, max int) string {
	if max <= 0 || n*5 < max*4 {
		return ""
	}
	return strconv.Itoa(n) + "/" + strconv.Itoa(max)
}

func (l *limited) length() int {
	s, _ := l.Field.GetValue().(string)
	return utf8.RuneCountInString(s)
}

func (l *limited) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		l.cut = 0
		if k.Paste && len(k.Runes) > l.max-l.length() {
			l.cut = len(k.Runes)
		}
	}
	m, cmd := l.Field.Update(msg)
	if f, ok := m.(huh.Field); ok {
		l.Field = f
	}
	return l, cmd
}

func (l *limited) View() string {
	v := l.Field.View()
	switch {
	case l.cut > 0:
		return v + "\n  " + l.t.F("sec.field.cut", l.cut, l.max)
	case Counter(l.length(), l.max) != "":
		return v + "\n  " + Counter(l.length(), l.max)
	}
	return v
}
