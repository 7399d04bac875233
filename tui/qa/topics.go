package qa

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
)

// The topic editor is the topic list as text, one topic per line: the
// quickest way to add, rename, reorder or drop topics during the day.

func (m *Model) openTopics() tea.Cmd {
	s := m.c.Styles
	ta := textarea.New()
	ta.Prompt = ""
	ta.ShowLineNumbers = true
	ta.CharLimit = 20000
	st := textarea.Style{Base: s.Normal, CursorLine: s.Normal, Text: s.Normal, Placeholder: s.Subtle, Prompt: s.Normal,
		EndOfBuffer: s.Subtle, LineNumber: s.Subtle, CursorLineNumber: s.Key}
	ta.FocusedStyle, ta.BlurredStyle = st, st
	ta.Cursor.SetMode(cursor.CursorStatic)
	ta.SetWidth(max(10, m.w-2))
	ta.SetHeight(max(3, m.h-4))
	ta.SetValue(strings.Join(m.d.topics, "\n"))
	m.topics = ta
	m.mode = modeTopics
	return m.topics.Focus()
}

func (m *Model) topicsKey(k tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Save):
		var list []string
		for _, l := range strings.Split(m.topics.Value(), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				list = append(list, l)
			}
		}
		m.tReq = m.next()
		st, ctx, req := m.c.Store, m.c.Ctx, m.tReq
		return func() tea.Msg { return topicsSavedMsg{req: req, err: st.SetDialogueTopics(ctx, list)} }
	case key.Matches(k, m.keys.Cancel):
		m.mode = modeLog
		return nil
	}
	var cmd tea.Cmd
	m.topics, cmd = m.topics.Update(k)
	return cmd
}

func (m *Model) topicsView() string {
	s, t := m.c.Styles, m.c.T
	lines := []string{s.Title.Render(trunc(t.T("qa.topics.title"), m.w)), s.Subtle.Render(trunc(t.T("qa.topics.hint"), m.w)),
		m.topics.View()}
	return strings.Join(lines, "\n") + "\n" + m.statusLine()
}
