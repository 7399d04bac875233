// Package reports is the reports station: the secretariat chooses a
// document and a format, exports it to a folder (by default "exports"
// beside the meeting file), and reads a short summary of the day.
package reports

import (
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store/docs"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// Model is the reports station.
type Model struct {
	c    *common.Common
	keys keyMap
	w, h int

	cursor   int                       // index in docs.Kinds
	format   map[docs.Kind]docs.Format // chosen format per document
	contacts bool
	dir      string

	editing bool // the folder field has the keys
	input   textinput.Model

	req       int // numbers every async request; results carry theirs
	exportReq int // the export whose result the status line shows
	exporting bool
	written   string
	failed    error

	fix     *components.AccentFix // d: a name typed without accents
	assess  *textarea.Model       // g: the notice's "Đánh giá chung", while open
	saveReq int
	status  string // the last correction or save
	bad     bool   // status is an error

	sumReq  int
	loading bool // a summary load is in flight
	dirty   bool // a change arrived meanwhile: load once more after it
	sum     *docs.Summary
	loadErr error
}

// summaryMsg and exportedMsg are this station's results; the root hands
// every message to every station, so the types are private and carry the
// request number.
type summaryMsg struct {
	req int
	sum docs.Summary
	err error
}

type exportedMsg struct {
	req  int
	path string
	err  error
}

// New returns the reports station.
func New(c *common.Common) common.Station { return NewModel(c) }

// NewModel returns the station as its concrete type (tests).
func NewModel(c *common.Common) *Model {
	m := &Model{c: c, keys: newKeyMap(c.T), w: c.Width, h: c.Height, format: map[docs.Kind]docs.Format{}}
	if c.Path != "" {
		m.dir = docs.ExportDir(c.Path)
	} else {
		m.dir = "exports"
	}
	for _, k := range docs.Kinds {
		m.format[k] = docs.Formats(k)[0]
	}
	m.fix = components.NewAccentFix(c)
	m.input = textinput.New()
	m.input.Prompt = c.T.T("reports.folder.prompt")
	m.input.CharLimit = 4096
	// A steady cursor: no blink messages to every SSH session for a field
	// used once in a while.
	m.input.Cursor.SetMode(cursor.CursorStatic)
	return m
}

// Init loads the summary.
func (m *Model) Init() tea.Cmd { return m.load() }

// load reads the summary in a Cmd. At most one load is in flight: changes
// that arrive meanwhile (a busy check-in desk) cause one more load, not one
// each.
func (m *Model) load() tea.Cmd {
	if m.loading {
		m.dirty = true
		return nil
	}
	m.loading = true
	m.req++
	m.sumReq = m.req
	req, c := m.req, m.c
	return func() tea.Msg {
		s, err := docs.Load(c.Ctx, c.Store)
		if err != nil {
			return summaryMsg{req: req, err: err}
		}
		return summaryMsg{req: req, sum: s.Summarize()}
	}
}

func (m *Model) kind() docs.Kind { return docs.Kinds[m.cursor] }

// export writes the chosen document in a Cmd; the model is not touched
// there. The file is named from the meeting's date, read in the Cmd too.
func (m *Model) export() tea.Cmd {
	k := m.kind()
	f := m.format[k]
	o := docs.Options{WithContacts: m.contacts, Now: m.c.Now()}
	c, dir := m.c, m.dir
	m.req++
	m.exportReq, m.exporting, m.written, m.failed, m.status = m.req, true, "", nil, ""
	req := m.req
	return func() tea.Msg {
		mt, err := c.Store.Meeting(c.Ctx)
		if err != nil {
			return exportedMsg{req: req, err: err}
		}
		path := filepath.Join(dir, docs.FileName(k, f, mt))
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		if docs.Batch(k) {
			// one letter per agency into the folder
			files, err := docs.ExportBatch(c.Ctx, c.Store, k, filepath.Dir(path), o)
			return exportedMsg{req: req, path: c.T.F("reports.batch."+string(k), len(files), filepath.Dir(path)), err: err}
		}
		err = docs.Export(c.Ctx, c.Store, k, f, path, o)
		return exportedMsg{req: req, path: path, err: err}
	}
}

// Update handles keys and results.
func (m *Model) Update(msg tea.Msg) (common.Station, tea.Cmd) {
	switch msg := msg.(type) {
	case summaryMsg:
		if msg.req != m.sumReq {
			return m, nil
		}
		m.loading = false
		m.loadErr = msg.err
		if msg.err == nil {
			s := msg.sum
			m.sum = &s
		}
		if m.dirty {
			m.dirty = false
			return m, m.load()
		}
		return m, nil
	case exportedMsg:
		if msg.req == m.exportReq {
			m.exporting = false
			if msg.err != nil {
				m.failed = msg.err
			} else {
				m.written = msg.path
			}
		}
		return m, nil
	case components.AccentFixedMsg:
		if m.fix.Mine(msg) {
			m.status, m.bad = m.fix.Result(msg), msg.Err != nil
			return m, m.load()
		}
		return m, nil
	case savedMsg:
		if msg.req == m.saveReq {
			m.status, m.bad = m.c.T.T("doc.assess.saved"), msg.err != nil
			if msg.err != nil {
				m.status = m.c.ErrText(msg.err)
			}
			return m, m.load()
		}
		return m, nil
	case common.ChangedMsg:
		return m, m.load()
	case tea.KeyMsg:
		switch {
		case m.assess != nil:
			return m, m.assessKey(msg)
		case m.fix.Opened():
			return m, m.fix.Key(msg)
		case m.editing:
			return m, m.editKey(msg)
		}
		return m, m.key(msg)
	}
	if m.assess != nil {
		var cmd tea.Cmd
		*m.assess, cmd = m.assess.Update(msg)
		return m, cmd
	}
	if m.editing {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		if m.cursor > 0 {
			m.cursor--
		}
	case key.Matches(msg, k.Down):
		if m.cursor < len(docs.Kinds)-1 {
			m.cursor++
		}
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		fs := docs.Formats(m.kind())
		i := 0
		for j, f := range fs {
			if f == m.format[m.kind()] {
				i = j
			}
		}
		if key.Matches(msg, k.Next) {
			i = (i + 1) % len(fs)
		} else {
			i = (i + len(fs) - 1) % len(fs)
		}
		m.format[m.kind()] = fs[i]
	case key.Matches(msg, k.Contacts):
		m.contacts = !m.contacts
	case key.Matches(msg, k.Folder):
		m.editing = true
		m.input.SetValue(m.dir)
		m.input.CursorEnd()
		return m.input.Focus()
	case key.Matches(msg, k.Export):
		if !m.exporting {
			return m.export()
		}
	case key.Matches(msg, k.Fix):
		m.status = ""
		return m.openFix()
	case key.Matches(msg, k.Assess):
		m.status = ""
		return m.openAssessment()
	}
	return nil
}

func (m *Model) editKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Save):
		if d := strings.TrimSpace(m.input.Value()); d != "" {
			m.dir = d
		}
		m.editing = false
		m.input.Blur()
		return nil
	case key.Matches(msg, m.keys.Cancel):
		m.editing = false
		m.input.Blur()
		return nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// SetSize is called by the root.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.sizeAssessment()
	m.input.Width = max(w-len([]rune(m.input.Prompt))-2, 10)
}

// Capturing is true while a field or the editor has the keys.
func (m *Model) Capturing() bool { return m.editing || m.fix.Opened() || m.assess != nil }

// ShortHelp is the help bar.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.assess != nil:
		return []key.Binding{m.keys.AssessSave, m.keys.Cancel}
	case m.fix.Opened():
		return m.fix.Keys()
	case m.editing:
		return []key.Binding{m.keys.Save, m.keys.Cancel}
	}
	return []key.Binding{m.keys.Up, m.keys.Prev, m.keys.Export, m.keys.Contacts, m.keys.Folder, m.keys.Fix, m.keys.Assess}
}

// FullHelp lists every key.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.Prev, m.keys.Next}, {m.keys.Export, m.keys.Contacts, m.keys.Folder},
		{m.keys.Fix, m.keys.Assess, m.keys.AssessSave}}
}
