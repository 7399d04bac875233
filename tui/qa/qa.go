// Package qa is the secretary's station: the live log of the dialogue. Each
// turn is recorded as it happens (who asked, what, who answered, the
// outcome), forms are saved as drafts every second so nothing typed is lost,
// and every record can be corrected afterwards with its history kept.
package qa

import (
	"errors"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

type mode int

const (
	modeLog mode = iota
	modePetitions
	modeHistory
	modeForm
	modeTopics
)

// rec is one row of the log: a question (a < 0) or one of its answers.
type rec struct{ q, a int }

// Model is the qa station.
type Model struct {
	c    *common.Common
	keys keyMap
	w, h int

	req                                       int // last request number issued
	loadReq, draftReq, saveReq, histReq, tReq int

	d            data
	loaded       bool
	draftChecked bool
	labels       map[string]string // folded unit name -> short label
	pets         map[int64]store.Petition
	unitByID     map[int64]store.Unit
	delByID      map[int64]store.Delegate

	mode mode
	back mode // where a form returns to

	// log
	recs           []rec
	cursor, offset int
	follow         bool // the cursor stays on the newest record
	flt            filter

	// form
	form       *form
	formGen    int
	dw         *common.Drafter
	dirty      bool
	nonce      string // this instance, in its draft keys
	moreDrafts int    // drafts left to offer after the restored one

	// petitions view
	pcursor int

	// history
	hist      []store.AuditEntry
	histTitle string
	hoff      int

	// topics editor
	topics    textarea.Model
	topicsWas []string // the list as the editor opened it: renames are found against it

	fix *components.AccentFix // d: a name typed without accents

	status    string
	statusErr bool
	pending   pendingSel
	reopen    pendingSel // a record to reopen from the next read (after a conflict)
}

// pendingSel is a record just saved: the next reload selects it and shows
// the status, so a key pressed right after sees the new record.
type pendingSel struct {
	kind   formKind
	id     int64
	status string
}

// New returns the qa station.
func New(c *common.Common) common.Station {
	m := &Model{c: c, keys: newKeyMap(c.T), follow: true, dw: &common.Drafter{}, w: c.Width, h: c.Height, nonce: newNonce(), fix: components.NewAccentFix(c)}
	live.Store(m.nonce, true)
	return m
}

func (m *Model) next() int { m.req++; return m.req }

// Init loads the log; the draft check follows the first load.
func (m *Model) Init() tea.Cmd {
	m.loadReq = m.next()
	return load(m.c, m.loadReq, m.d)
}

// SetSize is called by the root with the station area's size.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	if m.form != nil {
		m.layoutForm()
	}
	if m.mode == modeTopics {
		m.topics.SetWidth(max(10, w-2))
		m.topics.SetHeight(max(3, h-4))
	}
	m.fixOffset()
}

// Capturing is true while a form, the topic editor or the history (which
// closes with esc) has the keys.
func (m *Model) Capturing() bool {
	return m.mode == modeForm || m.mode == modeTopics || m.mode == modeHistory || m.fix.Opened()
}

// Update handles keys, store results, the clock and change notices.
func (m *Model) Update(msg tea.Msg) (common.Station, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.req != m.loadReq {
			return m, nil
		}
		if msg.err != nil {
			m.setStatus(m.c.ErrText(msg.err), true)
			return m, nil
		}
		if !msg.same {
			m.apply(msg.d)
		}
		if r := m.reopen; r.id != 0 {
			// after a conflict: what is shown is now the newest
			m.reopen = pendingSel{}
			return m, m.reopenForm(r)
		}
		if msg.same {
			return m, nil
		}
		if !m.draftChecked {
			m.draftChecked = true
			m.draftReq = m.next()
			return m, loadDraft(m.c, m.draftReq)
		}
		return m, nil
	case common.ChangedMsg:
		m.loadReq = m.next()
		return m, load(m.c, m.loadReq, m.d)
	case draftMsg:
		if msg.req != m.draftReq {
			return m, nil
		}
		return m, m.restoreDraft(msg)
	case common.TickMsg:
		return m, m.flushDraft()
	case common.SaveDraftsMsg:
		// the session ends (quit, SIGTERM) or the station is released: a
		// draft left open is offered when the station starts again
		live.Delete(m.nonce)
		return m, m.flushDraft()
	case common.DraftSavedMsg:
		if msg.Err != nil {
			m.setStatus(m.c.ErrText(msg.Err), true)
		}
		return m, nil
	case savedMsg:
		return m, m.saved(msg)
	case historyMsg:
		if msg.req == m.histReq {
			if msg.err != nil {
				m.setStatus(m.c.ErrText(msg.err), true)
			}
			m.hist = msg.entries
		}
		return m, nil
	case topicsSavedMsg:
		if msg.req != m.tReq {
			return m, nil
		}
		if msg.err != nil {
			m.setStatus(m.c.ErrText(msg.err), true)
			return m, nil
		}
		m.mode = modeLog
		m.setStatus(m.topicsSaved(msg), len(msg.bare) > 0)
		m.loadReq = m.next()
		return m, load(m.c, m.loadReq, m.d)
	case components.AccentFixedMsg:
		if !m.fix.Mine(msg) {
			return m, nil
		}
		m.setStatus(m.fix.Result(msg), msg.Err != nil)
		m.loadReq = m.next()
		return m, load(m.c, m.loadReq, m.d)
	case tea.KeyMsg:
		if !m.loaded {
			// nothing to act on yet: forms need the lists
			return m, nil
		}
		if m.fix.Opened() {
			return m, m.fix.Key(msg)
		}
		switch m.mode {
		case modeForm:
			return m, m.formKey(msg)
		case modeTopics:
			return m, m.topicsKey(msg)
		case modeHistory:
			return m, m.historyKey(msg)
		case modePetitions:
			return m, m.petitionsKey(msg)
		}
		return m, m.logKey(msg)
	}
	// cursor blinks and other field messages
	if m.mode == modeForm && m.form != nil {
		cmd, _ := m.form.cur().update(msg)
		return m, cmd
	}
	if m.mode == modeTopics {
		var cmd tea.Cmd
		m.topics, cmd = m.topics.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }

// apply takes a fresh read, keeping the cursor on the same record.
func (m *Model) apply(d data) {
	var keepQ, keepA int64 = -1, -1
	if !m.follow && m.cursor < len(m.recs) {
		r := m.recs[m.cursor]
		keepQ = m.d.questions[r.q].ID
		if r.a >= 0 {
			keepA = m.d.questions[r.q].Answers[r.a].ID
		}
	}
	m.d, m.loaded = d, true
	m.labels = unitLabels(d.units)
	m.pets = make(map[int64]store.Petition, len(d.petitions))
	for _, p := range d.petitions {
		m.pets[p.ID] = p
	}
	m.unitByID = make(map[int64]store.Unit, len(d.units))
	for _, u := range d.units {
		m.unitByID[u.ID] = u
	}
	m.delByID = make(map[int64]store.Delegate, len(d.delegates))
	for _, dl := range d.delegates {
		m.delByID[dl.ID] = dl
	}
	m.rebuild()
	if p := m.pending; p.id != 0 {
		m.pending = pendingSel{}
		m.setStatus(p.status, false)
		for i, r := range m.recs {
			q := m.d.questions[r.q]
			if (p.kind == formQuestion && r.a < 0 && q.ID == p.id) || (p.kind == formAnswer && r.a >= 0 && q.Answers[r.a].ID == p.id) {
				m.cursor = i
				m.follow = i == len(m.recs)-1
				keepQ = -1
			}
		}
	}
	if keepQ >= 0 {
		for i, r := range m.recs {
			q := m.d.questions[r.q]
			if q.ID == keepQ && ((r.a < 0 && keepA < 0) || (r.a >= 0 && q.Answers[r.a].ID == keepA)) {
				m.cursor = i
			}
		}
	}
	if m.pcursor >= len(d.petitions) {
		m.pcursor = max(0, len(d.petitions)-1)
	}
	if m.form != nil {
		m.fillOptions(m.form)
	}
	m.fixOffset()
}

// rebuild lists the log's rows: the current dialogue item's questions, or
// the whole day's when a filter is on.
func (m *Model) rebuild() {
	m.recs = m.recs[:0]
	today := m.c.Now().Format("2006-01-02")
	for i, q := range m.d.questions {
		if m.flt.active() {
			if !m.flt.match(q, m.pets, today) {
				continue
			}
		} else if m.d.hasItem && q.ItemID != m.d.item.ID && q.ItemID != 0 {
			continue
		}
		m.recs = append(m.recs, rec{q: i, a: -1})
		for j := range q.Answers {
			m.recs = append(m.recs, rec{q: i, a: j})
		}
	}
	if m.follow || m.cursor >= len(m.recs) {
		m.cursor = max(0, len(m.recs)-1)
	}
}

func (m *Model) logKey(k tea.KeyMsg) tea.Cmd {
	km := m.keys
	switch {
	case key.Matches(k, km.Up):
		m.moveCursor(-1)
	case key.Matches(k, km.Down):
		m.moveCursor(1)
	case key.Matches(k, km.PgUp):
		m.moveCursor(-max(1, m.logHeight()/2))
	case key.Matches(k, km.PgDown):
		m.moveCursor(max(1, m.logHeight()/2))
	case key.Matches(k, km.Top):
		m.moveCursor(-len(m.recs))
	case key.Matches(k, km.Bottom):
		m.moveCursor(len(m.recs))
	case key.Matches(k, km.New):
		return m.openQuestion(nil, 0)
	case key.Matches(k, km.Answer):
		if q, ok := m.selectedQuestion(); ok {
			return m.openAnswer(q, nil)
		}
		m.setStatus(m.c.T.T("qa.no_question"), true)
	case key.Matches(k, km.Edit):
		if r, ok := m.selected(); ok {
			q := m.d.questions[r.q]
			if r.a < 0 {
				return m.openQuestion(&q, 0)
			}
			return m.openAnswer(q, &q.Answers[r.a])
		}
	case key.Matches(k, km.History):
		return m.openHistory()
	case key.Matches(k, km.Petitions):
		m.mode = modePetitions
	case key.Matches(k, km.Filter):
		return m.openFilter()
	case key.Matches(k, km.Clear):
		m.flt = filter{}
		m.follow = true
		m.rebuild()
		m.fixOffset()
	case key.Matches(k, km.Topics):
		return m.openTopics()
	case key.Matches(k, km.Fix):
		return m.openFix()
	}
	return nil
}

func (m *Model) moveCursor(d int) {
	if len(m.recs) == 0 {
		return
	}
	m.cursor = max(0, min(len(m.recs)-1, m.cursor+d))
	m.follow = m.cursor == len(m.recs)-1
	m.fixOffset()
}

func (m *Model) selected() (rec, bool) {
	if m.cursor < 0 || m.cursor >= len(m.recs) {
		return rec{}, false
	}
	return m.recs[m.cursor], true
}

func (m *Model) selectedQuestion() (store.Question, bool) {
	r, ok := m.selected()
	if !ok {
		return store.Question{}, false
	}
	return m.d.questions[r.q], true
}

// fieldOf maps a store FieldError to the form field to focus.
func fieldOf(err error) string {
	var fe *store.FieldError
	if !errors.As(err, &fe) {
		return ""
	}
	switch fe.Field {
	case "asker", "asker_unit":
		return fAsker
	case "followup_agency":
		return fFollowup
	case "due_date":
		return fDue
	case "topic", "text", "person", "summary", "outcome":
		return fe.Field
	}
	return ""
}

// idOf reads the id of a chooser key such as "u:12".
func idOf(key string) int64 {
	_, v, ok := strings.Cut(key, ":")
	if !ok {
		return 0
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	return id
}

// ShortHelp is the help bar of the current mode.
func (m *Model) ShortHelp() []key.Binding {
	km := m.keys
	if m.fix.Opened() {
		return m.fix.Keys()
	}
	switch m.mode {
	case modeForm:
		if m.form != nil && m.form.conflict != nil {
			return []key.Binding{km.Overwrite, km.Reload, km.Cancel, km.Next}
		}
		if m.form != nil && m.form.kind == formFilter {
			return []key.Binding{km.Save, km.Next, km.Cancel, km.Prev}
		}
		return []key.Binding{km.Save, km.Next, km.Cancel, km.Prev, km.Newline}
	case modeTopics:
		return []key.Binding{km.Save, km.Cancel}
	case modeHistory:
		return []key.Binding{km.Up, km.Down, km.Back}
	case modePetitions:
		return []key.Binding{km.Up, km.Down, km.New, km.ToLog}
	}
	if len(m.d.unaccented) > 0 {
		return []key.Binding{km.New, km.Answer, km.Edit, km.Fix, km.History, km.Filter, km.Petitions}
	}
	return []key.Binding{km.New, km.Answer, km.Edit, km.History, km.Filter, km.Petitions}
}

// FullHelp lists every key of the current mode.
func (m *Model) FullHelp() [][]key.Binding {
	km := m.keys
	if m.mode != modeLog || m.fix.Opened() {
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{
		{km.New, km.Answer, km.Edit, km.History},
		{km.Filter, km.Clear, km.Petitions, km.Topics, km.Fix},
		{km.Up, km.Down, km.PgUp, km.PgDown, km.Top, km.Bottom},
	}
}

// View draws the current mode in the station area.
func (m *Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	if !m.loaded {
		return common.Fit(m.c.T.T("ui.loading"), m.w, m.h)
	}
	var body string
	switch m.mode {
	case modeForm:
		body = m.formView()
	case modeTopics:
		body = m.topicsView()
	case modeHistory:
		body = m.historyView()
	case modePetitions:
		body = m.petitionsView()
	default:
		body = m.logView()
	}
	return common.Fit(body, m.w, m.h)
}
