package screen

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// block is a run of lines; when the screen is short, blocks with the lowest
// keep are dropped first.
type block struct {
	lines  []string
	keep   int
	digits bool // marks where the big digits go
}

// clock is the projector's countdown: it shows 00:01 until the time is
// over, and h:mm:ss from an hour (1:39:35, never "99:35"), as the
// moderator's station does.
func clock(d time.Duration) string {
	s := components.Seconds(d)
	if d > 0 {
		s = int((d + time.Second - 1) / time.Second)
	}
	return components.Clock(s, 3600)
}

// wrap centres text in w columns on at most n lines.
func (m *Model) wrap(st lipgloss.Style, text string, w, n int) []string {
	if text == "" || w <= 0 {
		return nil
	}
	lines := strings.Split(st.Width(w).Align(lipgloss.Center).Render(text), "\n")
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = common.Trunc(strings.TrimRight(lines[n-1], " ")+" …", w)
	}
	return lines
}

func (m *Model) center(st lipgloss.Style, text string, w int) string {
	return lipgloss.PlaceHorizontal(w, lipgloss.Center, st.Render(common.Trunc(text, w)))
}

// countdown is what the big digits show and how: the running turn's time
// left, else the running item's, else the time of day.
func (m *Model) countdown() (label, digits string, st lipgloss.Style) {
	s, t, p := m.c.Styles, m.c.T, m.plan
	level := store.LevelNone
	var left time.Duration
	switch {
	case m.snap.speaking:
		limit := time.Duration(m.snap.speaker.LimitSeconds) * time.Second
		used := m.now.Sub(m.snap.speaker.StartedAt)
		left, level, label = limit-used, store.ClockLevel(used, limit), t.T("screen.turn_left")
	case p.Current >= 0:
		left, level, label = p.Remaining, p.Level, t.T("screen.item_left")
	default:
		return t.T("screen.time_now"), m.now.Format("15:04"), s.Bold
	}
	if left < 0 {
		label = t.T("screen.over")
	}
	switch level {
	case store.LevelWarn:
		st = s.Warn
	case store.LevelOver:
		st = s.Err
	default:
		st = s.Bold
	}
	return label, clock(left), st
}

// View draws the projector in w x h: title and theme, the current item,
// the speaker, the countdown in the largest digits that fit, the next item.
func (m *Model) View() string {
	w, h := m.w, m.h
	if w <= 0 || h <= 0 {
		return ""
	}
	s, t := m.c.Styles, m.c.T
	if !m.loaded {
		msg := t.T("ui.loading")
		if m.err != nil {
			msg = m.c.ErrText(m.err)
		}
		return common.Fit(s.Subtle.Render(msg), w, h)
	}
	inner := max(1, w-2)
	mt := m.snap.meeting
	var top, mid, bottom []block
	top = append(top, block{lines: m.wrap(s.Title, mt.Title, inner, 2), keep: 90})
	top = append(top, block{lines: m.wrap(s.Subtle, mt.Theme, inner, 2), keep: 30})

	p := m.plan
	items := m.snap.items
	switch {
	case p.Current >= 0:
		a := items[p.Current]
		mid = append(mid, block{lines: []string{"", m.center(s.Subtle, t.T("screen.now"), w)}, keep: 40})
		mid = append(mid, block{lines: m.wrap(s.Bold, itoa(a.Position)+". "+a.Title, inner, 2), keep: 95})
		if a.Presenter != "" && !m.snap.speaking {
			mid = append(mid, block{lines: []string{m.center(s.Normal, a.Presenter, w)}, keep: 50})
		}
	case p.Finished:
		mid = append(mid, block{lines: []string{"", m.center(s.Bold, t.T("screen.finished"), w)}, keep: 95})
	default:
		mid = append(mid, block{lines: []string{"", m.center(s.Bold, t.F("screen.starts_at", mt.StartTime), w)}, keep: 95})
	}
	if m.snap.speaking {
		sp := m.snap.speaker
		who := sp.Name
		if sp.UnitName != "" {
			who += " · " + sp.UnitName
		}
		mid = append(mid, block{lines: []string{"", m.center(s.Subtle, t.T("screen.speaker"), w)}, keep: 45})
		mid = append(mid, block{lines: []string{m.center(s.Current, who, w)}, keep: 94})
	}
	label, digits, dst := m.countdown()
	labelBlock := block{lines: []string{"", m.center(dst, label, w)}, keep: 60}

	if p.Next >= 0 && p.Next < len(items) {
		a := items[p.Next]
		bottom = append(bottom, block{lines: []string{"", m.center(s.Normal, t.F("screen.next", itoa(a.Position)+". "+a.Title), w)}, keep: 70})
	}
	if next, ok := m.nextSpeaker(); ok {
		bottom = append(bottom, block{lines: []string{m.center(s.Subtle, t.F("screen.next_speaker", next), w)}, keep: 35})
	}

	// the digits go where the zero-line marker block is and take what the
	// other blocks leave, at least one line
	marker := block{keep: 1000, digits: true}
	blocks := append(append(append(append([]block{}, top...), mid...), labelBlock, marker), bottom...)
	used := func(bs []block) int {
		n := 0
		for _, b := range bs {
			n += len(b.lines)
		}
		return n
	}
	for used(blocks)+1 > h && len(blocks) > 1 {
		lo := 0
		for i, b := range blocks {
			if b.keep < blocks[lo].keep {
				lo = i
			}
		}
		blocks = append(blocks[:lo:lo], blocks[lo+1:]...)
	}
	room := h - used(blocks)
	var big []string
	if scale := fitScale(digits, inner, room-1); scale > 0 {
		// one styled block, centred by hand: cheaper than placing each line
		pad := strings.Repeat(" ", max(0, (w-bigWidth(digits, scale))/2))
		big = append(big, "")
		for _, l := range strings.Split(dst.Render(strings.Join(bigText(digits, scale), "\n")), "\n") {
			big = append(big, pad+l)
		}
	} else {
		big = []string{m.center(dst, digits, w)}
	}
	var out []string
	for _, b := range blocks {
		if b.digits {
			out = append(out, big...)
		}
		out = append(out, b.lines...)
	}
	// centre the whole vertically
	if pad := (h - len(out)) / 2; pad > 0 {
		out = append(make([]string, pad), out...)
	}
	return common.Fit(strings.Join(out, "\n"), w, h)
}

// nextSpeaker is the first waiting speaker of the running dialogue.
func (m *Model) nextSpeaker() (string, bool) {
	for _, sp := range m.snap.queue {
		if sp.Waiting() {
			return sp.Name, true
		}
	}
	return "", false
}

func itoa(n int) string { return strconv.Itoa(n) }
