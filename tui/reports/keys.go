package reports

import (
	"github.com/charmbracelet/bubbles/key"

	"doithoai/tui/i18n"
)

// keyMap holds the station's keys; the help bar is built from them.
type keyMap struct {
	Up, Down   key.Binding
	Prev, Next key.Binding // format
	Export     key.Binding
	Contacts   key.Binding
	Folder     key.Binding
	Save       key.Binding // while editing the folder
	Cancel     key.Binding
	Fix        key.Binding // correct a name typed without accents
	Assess     key.Binding // write the notice's "Đánh giá chung"
	AssessSave key.Binding
}

func newKeyMap(t i18n.Catalog) keyMap {
	return keyMap{
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑↓", t.T("reports.key.choose"))),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", t.T("key.down"))),
		Prev:       key.NewBinding(key.WithKeys("left", "h", "shift+tab"), key.WithHelp("←→", t.T("reports.key.format"))),
		Next:       key.NewBinding(key.WithKeys("right", "l", "tab"), key.WithHelp("→", t.T("reports.key.format"))),
		Export:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.T("reports.key.export"))),
		Contacts:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", t.T("reports.key.contacts"))),
		Folder:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", t.T("reports.key.folder"))),
		Save:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", t.T("reports.key.save"))),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", t.T("reports.key.cancel"))),
		Fix:        key.NewBinding(key.WithKeys("d"), key.WithHelp("d", t.T("doc.key.fix"))),
		Assess:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", t.T("doc.key.assess"))),
		AssessSave: key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", t.T("doc.assess.save"))),
	}
}
