package qa

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"doithoai/tui/common"
)

// The petitions view lists every pre-submitted petition with its agency
// and whether it was raised on the day; the selected one's text and
// prepared answer are shown below. n records a question linked to it.

func (m *Model) petitionsKey(k tea.KeyMsg) tea.Cmd {
	km := m.keys
	n := len(m.d.petitions)
	switch {
	case key.Matches(k, km.Up):
		m.pcursor = max(0, m.pcursor-1)
	case key.Matches(k, km.Down):
		m.pcursor = max(0, min(n-1, m.pcursor+1))
	case key.Matches(k, km.PgUp):
		m.pcursor = max(0, m.pcursor-5)
	case key.Matches(k, km.PgDown):
		m.pcursor = max(0, min(n-1, m.pcursor+5))
	case key.Matches(k, km.Top):
		m.pcursor = 0
	case key.Matches(k, km.Bottom):
		m.pcursor = max(0, n-1)
	case key.Matches(k, km.New):
		if m.pcursor < n {
			return m.openQuestion(nil, m.d.petitions[m.pcursor].ID)
		}
	case key.Matches(k, km.ToLog):
		m.mode = modeLog
	}
	return nil
}

func (m *Model) petitionsView() string {
	s, t := m.c.Styles, m.c.T
	ps := m.d.petitions
	raised := 0
	for _, p := range ps {
		if p.Raised > 0 {
			raised++
		}
	}
	lines := []string{s.Title.Render(trunc(t.F("qa.pet.title", len(ps), raised, len(ps)-raised), m.w))}
	if len(ps) == 0 {
		lines = append(lines, "", s.Subtle.Render(t.T("qa.pet.empty")))
		return strings.Join(lines, "\n")
	}
	listH := max(3, min(len(ps), (m.h-2)/2))
	start := 0
	if m.pcursor >= listH {
		start = m.pcursor - listH + 1
	}
	aw := 12
	if m.w >= 110 {
		aw = 18
	}
	mw := max(ansiWidth(t.T("qa.pet.raised")), ansiWidth(t.T("qa.pet.not_raised")))
	for i := start; i < len(ps) && i < start+listH; i++ {
		p := ps[i]
		mark := t.T("qa.pet.not_raised")
		if p.Raised > 0 {
			mark = t.T("qa.pet.raised")
		}
		line := common.Pad(itoa(p.No), 3) + " " + common.Pad(mark, mw) + " " + common.Pad(m.unitLabel(p.AgencyID), aw) + " " + oneLine(p.Text)
		line = pad(line, m.w)
		switch {
		case i == m.pcursor:
			line = s.Selected.Render(line)
		case p.Raised > 0:
			line = s.Done.Render(line)
		}
		lines = append(lines, line)
	}
	lines = append(lines, s.Subtle.Render(strings.Repeat("─", m.w)))
	p := ps[min(m.pcursor, len(ps)-1)]
	var detail []string
	src := p.SourceName
	if p.SourceUnit != "" && p.SourceUnit != p.SourceName {
		src += " (" + shortUnit(m.labels, p.SourceUnit) + ")"
	}
	detail = append(detail, s.Bold.Render(trunc(t.F("qa.pet.source", p.No, src, p.Topic), m.w)))
	detail = append(detail, wrapN(oneLine(p.Text), m.w, m.h)...)
	for _, q := range m.d.questions {
		if q.PetitionID == p.ID {
			detail = append(detail, s.OK.Render(trunc(t.F("qa.pet.raised_by", m.questionNo(q.ID), q.AskerName, q.AskedAt.Format("15:04")), m.w)))
		}
	}
	detail = append(detail, m.petitionLines(p.ID, m.w)...)
	lines = append(lines, clip(detail, m.h-len(lines))...)
	return strings.Join(lines, "\n")
}

func ansiWidth(s string) int { return ansi.StringWidth(s) }
