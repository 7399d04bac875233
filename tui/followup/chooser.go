package followup

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/common"
)

// chooser picks one value from a list (an agency, a topic, a status);
// typing without accents narrows it as at the check-in desk.
type chooser struct {
	title   string
	options []option
	shown   []int // indexes of options matching the typed words
	cursor  int
	noteW   int // the widest note, kept whole at the right
	input   textinput.Model
	pick    func(m *Model, value string)
}

type option struct {
	label, value, note string
	folded             string
}

func (m *Model) newChooser(title string, opts []option, current string, pick func(*Model, string)) {
	ch := &chooser{title: title, options: opts, pick: pick}
	for i := range ch.options {
		ch.options[i].folded = " " + fold.Fold(ch.options[i].label)
		ch.noteW = max(ch.noteW, lipgloss.Width(ch.options[i].note))
	}
	ch.input = textinput.New()
	ch.input.Prompt = m.c.T.T("followup.search.prompt")
	ch.input.Placeholder = m.c.T.T("followup.choose.placeholder")
	ch.input.CharLimit = 100
	ch.input.Cursor.SetMode(cursor.CursorStatic)
	ch.input.Focus()
	ch.narrow()
	for i, j := range ch.shown {
		if ch.options[j].value == current {
			ch.cursor = i
		}
	}
	m.choose = ch
}

// narrow keeps the options having every typed word at the start of one
// of their words, accents and case aside.
func (ch *chooser) narrow() {
	words := fold.Words(fold.Fold(ch.input.Value()))
	ch.shown = ch.shown[:0]
	for i, o := range ch.options {
		ok := true
		for _, w := range words {
			if !strings.Contains(o.folded, " "+w) {
				ok = false
				break
			}
		}
		if ok {
			ch.shown = append(ch.shown, i)
		}
	}
	ch.cursor = min(ch.cursor, max(len(ch.shown)-1, 0))
}

func (m *Model) chooserKey(msg tea.KeyMsg) tea.Cmd {
	ch, k := m.choose, m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.choose = nil
	case msg.Type == tea.KeyUp:
		ch.cursor = max(ch.cursor-1, 0)
	case msg.Type == tea.KeyDown:
		ch.cursor = min(ch.cursor+1, max(len(ch.shown)-1, 0))
	case msg.Type == tea.KeyPgUp:
		ch.cursor = max(ch.cursor-m.chooserRows(), 0)
	case msg.Type == tea.KeyPgDown:
		ch.cursor = min(ch.cursor+m.chooserRows(), max(len(ch.shown)-1, 0))
	case key.Matches(msg, k.Pick):
		if len(ch.shown) > 0 {
			m.choose = nil
			ch.pick(m, ch.options[ch.shown[ch.cursor]].value)
			m.refilter()
		}
	default:
		var cmd tea.Cmd
		ch.input, cmd = ch.input.Update(msg)
		ch.narrow()
		return cmd
	}
	return nil
}

func (m *Model) chooserRows() int { return max(m.h-3, 1) }

// chooserView draws the chooser in the station area.
func (m *Model) chooserView() string {
	ch, s := m.choose, m.c.Styles
	lines := []string{s.Title.Render(common.Trunc(ch.title, m.w)), ch.input.View()}
	rows := m.chooserRows()
	off := max(0, ch.cursor-rows+1)
	labelW := max(m.w-ch.noteW-3, 10)
	for i := off; i < len(ch.shown) && i < off+rows; i++ {
		o := ch.options[ch.shown[i]]
		line := "  " + o.label
		if o.note != "" {
			line = common.Pad(line, labelW) + " " + o.note
		}
		if i == ch.cursor {
			lines = append(lines, s.Selected.Render(common.Pad("› "+strings.TrimPrefix(line, "  "), m.w)))
		} else {
			lines = append(lines, common.Trunc(line, m.w))
		}
	}
	if len(ch.shown) == 0 {
		lines = append(lines, s.Subtle.Render(m.c.T.T("followup.list.no_match")))
	}
	return strings.Join(lines, "\n")
}

// chooseAgency lists the agencies owing something, with their counts.
func (m *Model) chooseAgency() {
	if m.reg == nil {
		return
	}
	t := m.c.T
	opts := []option{{label: t.T("followup.choose.all_agencies")}}
	sums, _ := store.SummarizeByAgency(m.reg.Obligations, m.reg.Units)
	for _, a := range sums {
		o := option{label: a.Agency, value: a.Agency, note: t.F("followup.choose.owed", a.Owed, a.Overdue)}
		if a.Agency == "" {
			o.label, o.value = t.T("followup.agency.none"), noAgency
		}
		opts = append(opts, o)
	}
	m.newChooser(t.T("followup.choose.agency"), opts, m.f.agency, func(m *Model, v string) { m.f.agency = v })
}

// chooseTopic lists the register's topics.
func (m *Model) chooseTopic() {
	if m.reg == nil {
		return
	}
	t := m.c.T
	opts := []option{{label: t.T("followup.choose.all_topics")}}
	for _, tp := range m.topics {
		opts = append(opts, option{label: tp, value: tp})
	}
	m.newChooser(t.T("followup.choose.topic"), opts, m.f.topic, func(m *Model, v string) { m.f.topic = v })
}

// chooseStatus lists the statuses, "still open" and "from last time".
func (m *Model) chooseStatus() {
	t := m.c.T
	opts := []option{{label: t.T("followup.choose.all_statuses")}}
	for _, sf := range statusFilters[1:] {
		opts = append(opts, option{label: t.T("followup.sf." + string(sf)), value: string(sf)})
	}
	m.newChooser(t.T("followup.choose.status"), opts, string(m.f.status), func(m *Model, v string) { m.f.status = statusFilter(v) })
}
