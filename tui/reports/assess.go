package reports

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/tui/common"
	"doithoai/tui/components"
)

// Before an export the secretary finishes what the documents would print
// unfinished: names typed without accents (d corrects them, the first one
// first, everywhere they were typed) and the conclusion notice's "Đánh
// giá chung" (g opens it in an editor; ctrl+s stores it, audited).

// savedMsg is the result of saving the assessment.
type savedMsg struct {
	req int
	err error
}

// openAssessment opens the editor on the stored paragraph.
func (m *Model) openAssessment() tea.Cmd {
	text := ""
	if m.sum != nil {
		text = m.sum.Assessment
	}
	ta := components.TextArea(m.c, text)
	m.assess = &ta
	m.sizeAssessment()
	return m.assess.Focus()
}

func (m *Model) sizeAssessment() {
	if m.assess != nil {
		m.assess.SetWidth(max(10, m.w))
		m.assess.SetHeight(max(3, m.h-3))
	}
}

// assessKey: ctrl+s saves, esc leaves without saving.
func (m *Model) assessKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.AssessSave):
		text := strings.TrimSpace(m.assess.Value())
		m.assess = nil
		m.req++
		req, c := m.req, m.c
		m.saveReq = req
		return func() tea.Msg { return savedMsg{req: req, err: c.Store.SaveAssessment(c.Ctx, text)} }
	case key.Matches(msg, m.keys.Cancel):
		m.assess = nil
		return nil
	}
	var cmd tea.Cmd
	*m.assess, cmd = m.assess.Update(msg)
	return cmd
}

// assessView is the editor with its title and keys.
func (m *Model) assessView() string {
	s, t := m.c.Styles, m.c.T
	return s.Title.Render(common.Trunc(t.T("doc.assess.title"), m.w)) + "\n" + m.assess.View() + "\n" +
		s.Subtle.Render(common.Trunc(t.T("doc.assess.hint"), m.w))
}

// openFix starts correcting the first name typed without accents.
func (m *Model) openFix() tea.Cmd {
	if m.sum == nil || len(m.sum.Unaccented) == 0 {
		return nil
	}
	return m.fix.Open(m.sum.Unaccented[0].Name)
}

// checks are the lines under the document list that say what the
// documents would print unfinished.
func (m *Model) checks(w int) []string {
	if m.sum == nil {
		return nil
	}
	var out []string
	if warn := components.UnaccentedWarning(m.c, m.sum.Unaccented, w); warn != "" {
		out = append(out, warn)
	}
	if strings.TrimSpace(m.sum.Assessment) == "" {
		out = append(out, m.c.Styles.Warn.Render(common.Trunc(m.c.T.T("doc.assess.none"), w)))
	} else {
		out = append(out, common.Trunc(m.c.T.F("doc.assess.some", len(strings.Fields(m.sum.Assessment))), w))
	}
	return out
}
