package qa

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"doithoai/store"
	"doithoai/tui/common"
)

// The log is a list of blocks, newest at the bottom: a question's head
// line (time, number, asker and unit, topic, linked petition), its text
// wrapped to a few lines, then one line per answer (person, agency,
// outcome, who owes a written answer by when, summary).

const indent = 6 // the text and answers sit under the time column

func (m *Model) compact() bool { return m.h < 30 }

// textLines is how many lines of a question's text the log shows.
func (m *Model) textLines() int {
	if m.compact() {
		return 2
	}
	return 3
}

func (m *Model) headLines() []string {
	s, t := m.c.Styles, m.c.T
	var title, state string
	if m.d.hasItem {
		title = m.d.item.Title
		switch {
		case m.d.item.Running():
			state = t.F("qa.item.running", m.d.item.StartedAt.Format("15:04"))
		case !m.d.item.EndedAt.IsZero():
			state = t.F("qa.item.ended", m.d.item.StartedAt.Format("15:04"), m.d.item.EndedAt.Format("15:04"))
		default:
			state = t.T("qa.item.planned")
		}
	} else {
		title = t.T("qa.item.none")
	}
	nq, na, nw := 0, 0, 0
	for _, r := range m.recs {
		if r.a < 0 {
			nq++
			continue
		}
		na++
		if m.d.questions[r.q].Answers[r.a].Outcome == store.OutcomeWritten {
			nw++
		}
	}
	counts := t.F("qa.counts", nq, na, nw)
	cw := ansi.StringWidth(counts)
	line1 := s.Title.Render(trunc(title, max(10, m.w-ansi.StringWidth(state)-1))) + " " + s.Subtle.Render(state)
	// line 2: who is speaking (or the filter) on the left, counts right
	lw := max(10, m.w-cw-1)
	var left string
	if m.flt.active() {
		left = s.WarnBanner.Render(pad(" "+m.filterText(), lw))
	} else if m.d.hasSpeaker {
		sp := m.d.speaker
		left = s.Current.Render(pad(t.F("qa.speaker", sp.Name, shortUnit(m.labels, sp.UnitName)), lw))
	} else {
		left = s.Subtle.Render(pad(t.T("qa.speaker.none"), lw))
	}
	line2 := left
	if m.w >= lw+1+cw {
		line2 += " " + s.Subtle.Render(counts)
	}
	return []string{line1, line2}
}

func (m *Model) filterText() string {
	t := m.c.T
	var parts []string
	if m.flt.topic != "" {
		parts = append(parts, t.T("qa.f.topic")+": "+m.flt.topic)
	}
	if m.flt.agencyID != 0 {
		parts = append(parts, t.T("qa.f.agency")+": "+m.unitLabel(m.flt.agencyID))
	}
	if m.flt.outcome != "" {
		parts = append(parts, t.T("qa.f.outcome")+": "+t.T("qa.outcome."+m.flt.outcome))
	}
	return t.F("qa.filter.on", strings.Join(parts, " · "))
}

// logHeight is the number of lines for the records.
func (m *Model) logHeight() int { return max(1, m.h-3) }

// recHeight is the number of lines record i takes.
func (m *Model) recHeight(i int) int {
	return len(m.recLines(i))
}

// fullLines is how many lines the selected record may take: it is shown
// whole (the question's full text, the answer's full summary) up to most
// of the screen.
func (m *Model) fullLines() int { return max(m.textLines(), m.logHeight()-2) }

// fixOffset scrolls so the cursor's record is wholly visible, keeping the
// view filled to the bottom (newest at the bottom).
func (m *Model) fixOffset() {
	if len(m.recs) == 0 || m.w <= 0 {
		m.offset = 0
		return
	}
	h := m.logHeight()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	used := 0
	for i := m.offset; i <= m.cursor; i++ {
		used += m.recHeight(i)
	}
	for used > h && m.offset < m.cursor {
		used -= m.recHeight(m.offset)
		m.offset++
	}
	// pull older records in while the bottom has room
	below := 0
	for i := m.cursor + 1; i < len(m.recs) && used+below < h; i++ {
		below += m.recHeight(i)
	}
	for m.offset > 0 && used+below+m.recHeight(m.offset-1) <= h {
		m.offset--
		used += m.recHeight(m.offset)
	}
}

func (m *Model) logView() string {
	lines := m.headLines()
	h := m.logHeight()
	if len(m.recs) == 0 {
		hint := m.c.T.T("qa.empty")
		if m.flt.active() {
			hint = m.c.T.T("qa.empty.filter")
		}
		lines = append(lines, "", m.c.Styles.Subtle.Render(trunc(hint, m.w)))
	} else {
		var body []string
		for i := m.offset; i < len(m.recs) && len(body) < h; i++ {
			body = append(body, m.recLines(i)...)
		}
		body = clip(body, h)
		for len(body) < h {
			body = append(body, "")
		}
		lines = append(lines, body...)
	}
	for len(lines) < m.h-1 {
		lines = append(lines, "")
	}
	lines = append(clip(lines, m.h-1), m.statusLine())
	return strings.Join(lines, "\n")
}

func (m *Model) recLines(i int) []string {
	s, t := m.c.Styles, m.c.T
	r := m.recs[i]
	q := m.d.questions[r.q]
	sel := i == m.cursor
	w := m.w
	pad := strings.Repeat(" ", indent)
	if r.a >= 0 {
		a := q.Answers[r.a]
		head := "› " + a.Person
		if a.AgencyID != 0 {
			head += " (" + m.unitLabel(a.AgencyID) + ")"
		}
		head += ": " + m.outcomeText(a)
		var out []string
		switch {
		case sel && a.Summary != "":
			out = []string{pad + trunc(head, w-indent)}
			for _, l := range wrapN(oneLine(a.Summary), w-indent-2, m.fullLines()) {
				out = append(out, pad+"  "+l)
			}
		case m.compact():
			if a.Summary != "" {
				head += " – " + oneLine(a.Summary)
			}
			out = []string{pad + trunc(head, w-indent)}
		default:
			out = []string{pad + trunc(head, w-indent)}
			if a.Summary != "" {
				out = append(out, pad+"  "+s.Subtle.Render(trunc(oneLine(a.Summary), w-indent-2)))
			}
		}
		if sel {
			out[0] = s.Selected.Render(common.Pad(out[0], w))
		} else if a.Outcome == store.OutcomeWritten {
			out[0] = s.Warn.Render(out[0])
		}
		return out
	}
	asker := q.AskerName
	if q.AskerUnit != "" {
		asker += " (" + shortUnit(m.labels, q.AskerUnit) + ")"
	}
	head := q.AskedAt.Format("15:04") + " #" + itoa(m.questionNo(q.ID)) + " " + asker
	if q.Topic != "" {
		head += " · " + q.Topic
	}
	// the marks (petition, not answered) are kept whole: a long asker or
	// topic is cut before them, not them ("· P3 · not answe…")
	var marks string
	if l := m.linkShort(q); l != "" {
		marks += " · " + l
	}
	if len(q.Answers) == 0 {
		marks += " · " + t.T("qa.unanswered")
	}
	if q.DelegateID == 0 && store.Unaccented(q.AskerName) {
		marks += " · " + t.T("doc.qa.unaccented")
	}
	headLine := trunc(head+marks, w)
	if mw := ansi.StringWidth(marks); ansi.StringWidth(head)+mw > w && w-mw >= 20 {
		headLine = trunc(head, w-mw) + marks
	}
	if sel {
		headLine = s.Selected.Render(common.Pad(headLine, w))
	} else {
		headLine = s.Bold.Render(headLine)
	}
	out := []string{headLine}
	n := m.textLines()
	if sel {
		n = m.fullLines()
	}
	for _, l := range wrapN(oneLine(q.Text), w-indent, n) {
		out = append(out, pad+l)
	}
	return out
}

// outcomeText is the outcome in words; a written answer says who owes it
// by when.
func (m *Model) outcomeText(a store.Answer) string {
	t := m.c.T
	if a.Outcome == store.OutcomeWritten {
		return t.F("qa.written.by", m.unitLabel(a.FollowupAgencyID), m.showDate(a.DueDate))
	}
	return t.T("qa.outcome." + string(a.Outcome))
}

// wrapLines word-wraps s to w columns (long words are cut).
func wrapLines(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	if s == "" {
		return []string{""}
	}
	return strings.Split(ansi.Wrap(s, w, ""), "\n")
}

// wrapN is the first n lines of s wrapped to w: only about n*w runes are
// wrapped, so a long text costs O(n*w); a cut is marked with an ellipsis.
func wrapN(s string, w, n int) []string {
	if n <= 0 || w <= 0 {
		return nil
	}
	cut := precut(s, n*w)
	lines := wrapLines(cut, w)
	if len(cut) < len(s) && len(lines) <= n {
		lines = append(lines, "")
	}
	return clip(lines, n)
}

// clip keeps at most n lines; a cut is marked with an ellipsis.
func clip(lines []string, n int) []string {
	if n <= 0 {
		return nil
	}
	if len(lines) <= n {
		return lines
	}
	out := append([]string(nil), lines[:n]...)
	last := out[n-1]
	w := ansi.StringWidth(last)
	out[n-1] = ansi.Truncate(last, max(1, w), "") + "…"
	if ansi.StringWidth(out[n-1]) > w && w > 1 {
		out[n-1] = ansi.Truncate(last, w-1, "") + "…"
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// trunc cuts one plain line to w columns. Long texts (a petition, a
// question) are first cut to a few more runes than fit, so measuring them
// costs O(w), not O(len).
func trunc(s string, w int) string { return common.Trunc(precut(s, w), w) }

// pad is trunc, then padded to w columns.
func pad(s string, w int) string { return common.Pad(precut(s, w), w) }

func precut(s string, w int) string {
	if w < 0 || len(s) <= 4*w+16 || strings.IndexByte(s, 0x1b) >= 0 {
		return s
	}
	n := 0
	for i := range s {
		if n == w+1 {
			return s[:i]
		}
		n++
	}
	return s
}

func itoa(n int) string {
	if n == 0 {
		return "?"
	}
	b := []byte{}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// openFix starts correcting a name typed without accents: the selected
// question's asker when it is one, else the first such name.
func (m *Model) openFix() tea.Cmd {
	if q, ok := m.selectedQuestion(); ok && q.DelegateID == 0 && store.Unaccented(q.AskerName) {
		m.status = ""
		return m.fix.Open(q.AskerName)
	}
	if len(m.d.unaccented) == 0 {
		return nil
	}
	m.status = ""
	return m.fix.Open(m.d.unaccented[0].Name)
}
