// Package followup is the follow-up station (Theo dõi): the office's
// register of every promise born of the meeting, overdue first, with the
// written answers received, the extensions given, a table per agency,
// and the scanned copies opened with the system viewer. The register is
// derived by the store (store/followup.go); this station only reads it
// and records receipts and extensions.
package followup

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/components"
	"doithoai/tui/sysopen"
)

// mode is what the station area shows.
type mode int

const (
	modeList   mode = iota // the register
	modeTable              // per agency
	modeDetail             // one obligation
)

// confirmation is a pending question: y runs cmd, any other key cancels.
type confirmation struct {
	prompt string
	cmd    tea.Cmd
}

// statusKinds is len(store.StatusKinds), as a constant for the counts.
const statusKinds = int(store.StatusAnswered) + 1

// Model is the follow-up station.
type Model struct {
	c    *common.Common
	keys keyMap
	// settle holds keys typed while the form moves between fields
	settle components.FormSettle
	w, h   int
	req    int

	loadReq  int
	loading  bool // a load is in flight
	dirty    bool // a change arrived meanwhile: load once more after it
	reg      *store.Register
	mark     store.ChangeMark
	loc      *time.Location // the meeting's zone
	loadErr  error
	drafts   []store.DraftEntry
	short    map[int64]string
	topics   []string
	counts   [statusKinds]int
	lateN    int
	carriedN int

	f      filter
	rows   []store.Obligation
	cursor int
	offset int
	curKey string // the highlighted obligation, kept across reloads

	mode      mode
	searching bool
	search    textinput.Model
	choose    *chooser

	tcursor int
	sortBy  tableSort
	sums    []store.AgencySummary
	total   store.AgencySummary

	dkey    string // the obligation in detail
	dsel    int    // its selected record (receipts and extensions, oldest first)
	dscroll int
	hist    []store.AuditEntry
	histReq int

	form    *huh.Form
	formReq int
	fs      *formState
	formErr string
	drafted string // the draft last saved, to save only what changed

	confirm *confirmation
	undoReq int

	status    string
	statusErr bool

	// openFile shows a scanned copy (sysopen.Open; tests replace it);
	// remote is true in an SSH session, where the laptop's viewer would
	// open on the laptop, not on the device.
	openFile func(string) error
	remote   bool
}

// New returns the follow-up station.
func New(c *common.Common) common.Station { return NewModel(c) }

// NewModel returns the station as its concrete type (tests).
func NewModel(c *common.Common) *Model {
	m := &Model{c: c, keys: newKeys(c.T), w: c.Width, h: c.Height, openFile: sysopen.Open}
	if c.Store != nil {
		m.remote = c.Store.Actor().Role != store.RoleAdmin
	}
	m.search = textinput.New()
	m.search.Prompt = c.T.T("followup.search.prompt")
	m.search.Placeholder = c.T.T("followup.search.placeholder")
	m.search.CharLimit = 200
	m.search.Cursor.SetMode(cursor.CursorStatic)
	return m
}

func (m *Model) next() int { m.req++; return m.req }

// Init loads the register.
func (m *Model) Init() tea.Cmd { return m.load() }

// load reads the register in a Cmd. At most one load is in flight:
// changes arriving meanwhile cause one more load, not one each.
func (m *Model) load() tea.Cmd {
	if m.loading {
		m.dirty = true
		return nil
	}
	m.loading = true
	m.loadReq = m.next()
	return loadRegister(m.c, m.loadReq, m.reg, m.mark)
}

// SetSize is called by the root with the station area.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.search.Width = max(w-len([]rune(m.search.Prompt))-2, 10)
	if m.form != nil {
		m.form = m.form.WithWidth(w).WithHeight(max(1, h-m.formHeader()))
	}
	m.clamp()
}

// Capturing is true while a field, a chooser, a question, a form or the
// detail has the keys: Esc then steps back here instead of going home.
func (m *Model) Capturing() bool {
	return m.form != nil || m.confirm != nil || m.choose != nil || m.searching || m.mode == modeDetail
}

func (m *Model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }

// Update handles data, the clock and keys.
func (m *Model) Update(msg tea.Msg) (common.Station, tea.Cmd) {
	cmd := m.update(msg)
	if _, ok := msg.(tea.KeyMsg); !ok {
		// keys held while the form moved go on once it has
		cmd = tea.Batch(cmd, m.replay(m.settle.Release(m.form, msg)))
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		return m.loaded(msg)
	case historyMsg:
		if msg.req == m.histReq && msg.key == m.dkey && msg.err == nil {
			m.hist = msg.entries
		}
		return nil
	case doneMsg:
		return m.done(msg)
	case lastMsg:
		if msg.req == m.undoReq {
			m.offerUndo(msg)
		}
		return nil
	case openedMsg:
		m.opened(msg)
		return nil
	case common.ChangedMsg:
		cmds := []tea.Cmd{m.load()}
		if m.mode == modeDetail {
			cmds = append(cmds, m.loadHistory())
		}
		return tea.Batch(cmds...)
	case common.TickMsg:
		cmds := []tea.Cmd{m.saveDraft(false)}
		// past midnight in the meeting's zone every status moves a day
		if m.reg != nil && m.loc != nil && m.c.Now().In(m.loc).Format("2006-01-02") != m.reg.Today {
			cmds = append(cmds, m.load())
		}
		return tea.Batch(cmds...)
	case common.SaveDraftsMsg:
		return m.saveDraft(true)
	case formDoneMsg:
		if m.form != nil && msg.req == m.formReq {
			return m.submitForm()
		}
		return nil
	case formCancelMsg:
		if msg.req == m.formReq {
			return m.cancelForm()
		}
		return nil
	case tea.KeyMsg:
		if m.settle.Hold(msg) {
			return nil
		}
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && m.form == nil && !m.searching {
			// keys read in one go ("r" and the number after it) act one
			// by one: the first may open the form the others fill
			keys := make([]tea.KeyMsg, len(msg.Runes))
			for i, r := range msg.Runes {
				keys[i] = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}
			}
			return m.replay(keys)
		}
		return m.key(msg)
	case components.SettleMsg:
		return nil
	}
	if m.form != nil {
		return m.updateForm(msg)
	}
	return nil
}

// replay feeds keys held while the form moved between fields through
// Update, in the order they were typed.
func (m *Model) replay(keys []tea.KeyMsg) tea.Cmd {
	var cmds []tea.Cmd
	for _, k := range keys {
		_, cmd := m.Update(k)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// loaded takes a new register: the filter is applied again and the
// highlight stays on the obligation it was on.
func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if msg.req != m.loadReq {
		return nil
	}
	m.loading = false
	m.loadErr = msg.err
	first := m.reg == nil
	if msg.err == nil {
		m.drafts = msg.drafts
	}
	if msg.err == nil && msg.reg != nil {
		m.reg, m.mark, m.loc = msg.reg, msg.mark, msg.loc
		m.short, m.topics = shortNames(m.reg), topicsOf(m.reg)
		m.counts, m.lateN, m.carriedN = [statusKinds]int{}, 0, 0
		for _, o := range m.reg.Obligations {
			m.counts[o.Status.Kind]++
			if !o.Status.Open() && o.Status.Days > 0 {
				m.lateN++
			}
			if o.Carried {
				m.carriedN++
			}
		}
		m.refilter()
		if first && len(m.drafts) > 0 && m.status == "" {
			m.setStatus(m.draftNotice(), false)
		}
	}
	if m.dirty {
		m.dirty = false
		return m.load()
	}
	return nil
}

// refilter applies the filter and the table's sums, keeping the cursor on
// the obligation it was on.
func (m *Model) refilter() {
	m.rows = m.f.apply(m.reg)
	m.cursor = 0
	for i, o := range m.rows {
		if o.Key == m.curKey {
			m.cursor = i
			break
		}
	}
	if m.reg != nil {
		m.sums, m.total = store.SummarizeByAgency(m.f.apply(m.reg), m.reg.Units)
		m.sortTable()
	}
	m.clamp()
}

// selected is the highlighted obligation.
func (m *Model) selected() (store.Obligation, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return store.Obligation{}, false
	}
	return m.rows[m.cursor], true
}

// current is the obligation the keys act on: the one in detail, else the
// highlighted one.
func (m *Model) current() (store.Obligation, bool) {
	if m.mode == modeDetail && m.reg != nil {
		return m.reg.Obligation(m.dkey)
	}
	return m.selected()
}

// listHeight is the rows below the counts, the filter and the heads.
func (m *Model) listHeight() int { return max(1, m.h-3) }

func (m *Model) clamp() {
	n := len(m.rows)
	m.cursor = min(max(m.cursor, 0), max(n-1, 0))
	vis := m.listHeight()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+vis {
		m.offset = m.cursor - vis + 1
	}
	m.offset = min(max(m.offset, 0), max(n-vis, 0))
	if o, ok := m.selected(); ok {
		m.curKey = o.Key
	}
	m.tcursor = min(max(m.tcursor, 0), max(len(m.sums)-1, 0))
}

// done shows the outcome of a change; a refused form comes back with
// what was typed and the refusal in words.
func (m *Model) done(msg doneMsg) tea.Cmd {
	if msg.err != nil {
		text := m.errText(msg.err)
		if msg.form.Kind != 0 && m.form == nil {
			fs := msg.form
			m.formErr = text
			return tea.Batch(m.openForm(&fs), m.load())
		}
		m.setStatus(text, true)
		return m.load()
	}
	m.setStatus(msg.status, false)
	return tea.Batch(m.load(), m.loadHistory())
}

// errText says a refusal in words.
func (m *Model) errText(err error) string {
	switch {
	case errors.Is(err, store.ErrConflict):
		return m.c.T.T("followup.undo.stale")
	case errors.Is(err, sysopen.ErrNoViewer):
		return m.c.T.T("followup.scan.no_viewer")
	}
	return m.c.ErrText(err)
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	switch {
	case m.form != nil:
		return m.settle.Sent(m.form, msg, m.updateForm(msg))
	case m.confirm != nil:
		return m.confirmKey(msg)
	case m.choose != nil:
		return m.chooserKey(msg)
	case m.searching:
		return m.searchKey(msg)
	}
	m.status = ""
	k := m.keys
	if key.Matches(msg, k.Undo) {
		return m.askUndo()
	}
	switch m.mode {
	case modeDetail:
		return m.detailKey(msg)
	case modeTable:
		return m.tableKey(msg)
	}
	return m.listKey(msg)
}

func (m *Model) confirmKey(msg tea.KeyMsg) tea.Cmd {
	c := m.confirm
	m.confirm = nil
	// only y confirms: Enter, pressed by habit, means no
	if key.Matches(msg, m.keys.Yes) {
		return c.cmd
	}
	m.setStatus(m.c.T.T("ui.cancelled"), false)
	return nil
}

// act runs fn as one numbered change and reports status when it is done.
func (m *Model) act(status string, fn func() error) tea.Cmd {
	req := m.next()
	return func() tea.Msg { return doneMsg{req: req, status: status, err: fn()} }
}
