// Package components holds pieces shared by several stations.
package components

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/tui/common"
)

// Placeholder stands in for a station that is not built yet.
type Placeholder struct {
	c     *common.Common
	title string
	w, h  int
}

// NewPlaceholder returns a placeholder titled with catalog key titleKey.
func NewPlaceholder(c *common.Common, titleKey string) *Placeholder {
	return &Placeholder{c: c, title: titleKey}
}

func (p *Placeholder) Init() tea.Cmd                            { return nil }
func (p *Placeholder) Update(tea.Msg) (common.Station, tea.Cmd) { return p, nil }
func (p *Placeholder) SetSize(w, h int)                         { p.w, p.h = w, h }
func (p *Placeholder) ShortHelp() []key.Binding                 { return nil }
func (p *Placeholder) FullHelp() [][]key.Binding                { return nil }
func (p *Placeholder) Capturing() bool                          { return false }
func (p *Placeholder) View() string {
	s := p.c.Styles
	return s.Title.Render(p.c.T.T(p.title)) + "\n\n" + s.Subtle.Render(p.c.T.T("ui.placeholder"))
}
