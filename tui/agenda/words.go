package agenda

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"doithoai/store"
	"doithoai/store/docs"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// The MC's words (lời dẫn) of each item: w on the run-sheet opens those of
// the chosen item in an editor (the template of its kind until the
// moderator writes their own), ctrl+s stores them (audited), ctrl+r puts
// the template back in the editor; words saved equal to the template are
// stored as none, so they follow it (and the meeting's facts) again.

// wordsEditor is the open editor.
type wordsEditor struct {
	item     store.AgendaItem
	index    int
	template string
	ta       textarea.Model
	cut      int    // runes of the last paste, when it did not fit
	gen      int    // the editor's number, for its draft writes
	drafted  string // the text last saved as a draft
	restored string // when a draft was opened again: its time
}

// templatesOf is every item's template words. Computed on load, not in View.
func templatesOf(snap snapshot, audience string) []string {
	w := docs.Words{Meeting: snap.meeting, Items: snap.items, Audience: audience}
	out := make([]string, len(snap.items))
	for i := range snap.items {
		out[i] = w.Template(i)
	}
	return out
}

// openWords opens the editor on the chosen item's words.
func (m *Model) openWords() tea.Cmd {
	a, ok := m.selected()
	if !ok {
		return nil
	}
	tpl := ""
	if m.cursor < len(m.templates) {
		tpl = m.templates[m.cursor]
	}
	words, restored := cmpOr(a.Words, tpl), ""
	if d, ok := m.wordsDraft(a.ID); ok {
		words, restored = d.Body, d.At.Format("15:04")
	}
	ta := components.TextArea(m.c, words)
	m.gen++
	m.editor = &wordsEditor{item: a, index: m.cursor, template: tpl, ta: ta, gen: m.gen, drafted: words, restored: restored}
	m.sizeEditor()
	m.status = ""
	return m.editor.ta.Focus()
}

func cmpOr(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

func (m *Model) sizeEditor() {
	if m.editor == nil {
		return
	}
	m.editor.ta.SetWidth(max(10, m.w))
	m.editor.ta.SetHeight(max(3, m.h-3))
}

// editorKey: ctrl+s saves, ctrl+r brings the template back, esc leaves
// without saving; everything else is typing.
func (m *Model) editorKey(msg tea.KeyMsg) tea.Cmd {
	e, k := m.editor, m.keys
	switch {
	case key.Matches(msg, k.WordsSave):
		words := strings.TrimSpace(e.ta.Value())
		if words == strings.TrimSpace(e.template) {
			words = "" // the template itself: keep following it
		}
		status := m.c.T.T("words.saved")
		if words == "" {
			status = m.c.T.T("words.saved_template")
		}
		st, ctx, id := m.c.Store, m.c.Ctx, e.item.ID
		return m.closeWords(status, func() error { return st.SetItemWords(ctx, id, words) })
	case key.Matches(msg, k.WordsTemplate):
		e.ta.SetValue(e.template)
		return nil
	case key.Matches(msg, k.Cancel):
		return m.closeWords(m.c.T.T("ui.cancelled"), nil)
	}
	e.cut, e.restored = 0, ""
	if msg.Paste && len(msg.Runes) > e.ta.CharLimit-e.ta.Length() {
		e.cut = len(msg.Runes)
	}
	var cmd tea.Cmd
	e.ta, cmd = e.ta.Update(msg)
	return cmd
}

// editorView is the item's title, whether the words are the template, the
// editor and its keys.
func (m *Model) editorView(w, h int) string {
	e, t, s := m.editor, m.c.T, m.c.Styles
	state := t.T("words.edited")
	if strings.TrimSpace(e.ta.Value()) == strings.TrimSpace(e.template) {
		state = t.T("words.template")
	}
	head := s.Bold.Render(common.Trunc(t.F("words.editing", e.item.Position, e.item.Title), max(0, w-ansi.StringWidth(state)-3))) + "  " + s.Subtle.Render(state)
	// from 80 % of the store's limit a counter; a paste that was cut says so
	note := ""
	switch {
	case e.restored != "":
		note = s.Warn.Render(common.Trunc(t.F("words.draft.restored", e.restored), w))
	case e.cut > 0:
		note = s.Warn.Render(common.Trunc(t.F("sec.field.cut", e.cut, e.ta.CharLimit), w))
	case components.Counter(e.ta.Length(), e.ta.CharLimit) != "":
		note = s.Subtle.Render(components.Counter(e.ta.Length(), e.ta.CharLimit))
	}
	if note != "" {
		return common.Fit(head+"\n"+e.ta.View(), w, h-1) + "\n" + note
	}
	return common.Fit(head+"\n"+e.ta.View(), w, h)
}
