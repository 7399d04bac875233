// Package agenda is the moderator's station: the run-sheet with its clocks,
// the speaker queue of the dialogue and the introductions panel.
package agenda

import (
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// pane is what the area below the clocks shows.
type pane int

const (
	paneSheet pane = iota
	paneQueue
	paneIntro
	paneCount
)

// confirmation is a pending question: y runs cmd.
type confirmation struct {
	prompt string
	cmd    tea.Cmd
}

// Model is the agenda station.
type Model struct {
	c    *common.Common
	keys keyMap
	w, h int

	req     int // last request number handed out
	loadReq int // the load whose result is wanted
	dReq    int // the delegate load whose result is wanted
	loaded  bool
	snap    snapshot
	now     time.Time
	plan    store.Plan
	who     []string // per official: title and unit, for the introductions

	pane    pane
	cursor  int // run-sheet row
	qcursor int // speaker queue row
	ioffset int // introductions scroll

	status    string
	statusErr bool
	confirm   *confirmation

	form     *huh.Form
	formReq  int
	formData *itemForm

	picker *components.DelegatePicker

	// the MC's words: the templates per item; the open editor
	templates []string
	editor    *wordsEditor
	dw        *common.Drafter
	gen       int                // editors opened
	drafts    []store.DraftEntry // this terminal's unsaved words, as last loaded
}

// New returns the agenda station.
func New(c *common.Common) common.Station {
	return &Model{c: c, keys: newKeys(c.T), now: c.Now(), dw: &common.Drafter{}}
}

func (m *Model) next() int { m.req++; return m.req }

func (m *Model) reload() tea.Cmd {
	m.loadReq = m.next()
	cmds := []tea.Cmd{load(m.c, m.loadReq)}
	if m.picker != nil {
		m.dReq = m.next()
		cmds = append(cmds, loadDelegates(m.c, m.dReq))
	}
	return tea.Batch(cmds...)
}

// Init loads the run-sheet.
func (m *Model) Init() tea.Cmd { return m.reload() }

// SetSize is called by the root with the station area.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	if m.form != nil {
		m.form = m.form.WithWidth(w).WithHeight(max(1, h-2))
	}
	m.sizeEditor()
}

// Capturing is true while a form, the picker or a question has the keys.
func (m *Model) Capturing() bool {
	return m.form != nil || m.picker != nil || m.confirm != nil || m.editor != nil
}

func (m *Model) setPlan() {
	m.plan = store.NewPlan(m.snap.items, store.PlanStart(m.snap.meeting, m.snap.items, m.now), m.now)
}

// Update handles data, the clock and keys.
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
		first := !m.loaded
		m.snap, m.loaded, m.drafts = msg.snap, true, msg.drafts
		m.who = whoOf(m.snap.officials)
		m.templates = templatesOf(m.snap, msg.audience)
		m.now = m.c.Now()
		m.setPlan()
		if first {
			m.cursor = max(m.plan.Current, m.plan.Next, 0)
			// a restart mid-run opens the pane the running item needs
			if p := m.plan.Current; p >= 0 {
				m.showPane(m.snap.items[p])
			}
			if n := m.draftsNotice(); n != "" && m.status == "" {
				m.setStatus(n, false)
			}
		}
		m.clamp()
		return m, nil
	case delegatesMsg:
		if m.picker != nil && msg.req == m.dReq && msg.err == nil {
			m.picker.SetDelegates(msg.ds, msg.ix)
		}
		return m, nil
	case doneMsg:
		if msg.err != nil {
			m.setStatus(m.errText(msg.err), true)
		} else {
			m.setStatus(msg.status, false)
			if msg.after != nil {
				msg.after(m)
			}
		}
		return m, m.reload()
	case common.ChangedMsg:
		return m, m.reload()
	case common.TickMsg:
		m.now = m.c.Now()
		m.setPlan()
		return m, m.saveWordsDraft(false)
	case common.SaveDraftsMsg:
		return m, m.saveWordsDraft(true)
	case common.DraftSavedMsg:
		if msg.Err != nil {
			m.setStatus(m.c.ErrText(msg.Err), true)
		}
		return m, nil
	case formDoneMsg:
		if m.form == nil || msg.req != m.formReq {
			return m, nil
		}
		return m, m.saveForm()
	case formCancelMsg:
		if msg.req == m.formReq {
			m.form, m.formData = nil, nil
			m.setStatus(m.c.T.T("ui.cancelled"), false)
		}
		return m, nil
	case tea.KeyMsg:
		// keys pressed quickly can arrive in one message ("cc"): outside a
		// text field each is a key of its own, handled in turn
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && m.form == nil && m.picker == nil && m.editor == nil {
			var cmds []tea.Cmd
			for _, r := range msg.Runes {
				one := msg
				one.Runes = []rune{r}
				cmds = append(cmds, m.key(one))
			}
			return m, tea.Batch(cmds...)
		}
		return m, m.key(msg)
	}
	if m.form != nil {
		return m, m.updateForm(msg)
	}
	return m, nil
}

func (m *Model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }

// usesText says in words what refers to an item: "có 5 ý kiến và 3 người
// phát biểu".
func (m *Model) usesText(u store.Uses) string {
	var parts []string
	if u.Questions > 0 {
		parts = append(parts, m.c.T.F("agenda.uses.questions", u.Questions))
	}
	if u.Speakers > 0 {
		parts = append(parts, m.c.T.F("agenda.uses.speakers", u.Speakers))
	}
	return strings.Join(parts, m.c.T.T("agenda.uses.and"))
}

// errText says in the MC's words what the run-state errors mean.
func (m *Model) errText(err error) string {
	for _, e := range []struct {
		err error
		key string
	}{
		{store.ErrNoNextItem, "agenda.err.no_next"},
		{store.ErrNotStarted, "agenda.err.not_started"},
		{store.ErrQueueEmpty, "agenda.err.queue_empty"},
		{store.ErrNoTurn, "agenda.err.no_turn"},
		{store.ErrItemStarted, "agenda.err.item_started"},
		{store.ErrAboveStarted, "agenda.err.above_started"},
		{store.ErrTurnMinimum, "agenda.err.turn_min"},
		{store.ErrItemNotRunning, "agenda.err.call_where"},
		{store.ErrSpeakerStarted, "agenda.err.move_called"},
	} {
		if errors.Is(err, e.err) {
			return m.c.T.T(e.key)
		}
	}
	if inUse := (*store.InUseError)(nil); errors.As(err, &inUse) && inUse.Entity == "agenda_item" {
		return m.c.T.F("agenda.err.item_in_use", m.usesText(inUse.Uses))
	}
	return m.c.ErrText(err)
}

func (m *Model) clamp() {
	n := len(m.snap.items)
	m.cursor = min(max(m.cursor, 0), max(n-1, 0))
	q := len(queueOf(m.snap.speakers, m.queueItem().ID))
	m.qcursor = min(max(m.qcursor, 0), max(q-1, 0))
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	switch {
	case m.form != nil:
		return m.updateForm(msg)
	case m.editor != nil:
		return m.editorKey(msg)
	case m.picker != nil:
		return m.pickerKey(msg)
	case m.confirm != nil:
		return m.confirmKey(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Next):
		// n in the middle of someone's turn would cut them off: ask first.
		// n carries the item the screen shows: the store refuses when
		// another runs (a move made elsewhere, or the first n of a burst)
		// or when it started less than the grace ago, and the station asks.
		if sp, ok := m.speakingNow(); ok {
			m.askNext(store.Seen{Item: m.seenItem(), Turn: sp.ID}, sp)
			return nil
		}
		return m.advance(store.Seen{Item: m.seenItem()}, store.TurnGrace, false)
	case key.Matches(msg, k.Back):
		// b always asks; the answer carries what the question was about
		if sp, ok := m.speakingNow(); ok {
			m.askBack(store.Seen{Item: m.seenItem(), Turn: sp.ID}, sp)
			return nil
		}
		seen := store.Seen{Item: m.seenItem()}
		m.ask(m.backPrompt(seen.Item), m.back(seen, false))
		return nil
	case key.Matches(msg, k.Pane):
		if msg.String() == "shift+tab" {
			m.pane = (m.pane + paneCount - 1) % paneCount
		} else {
			m.pane = (m.pane + 1) % paneCount
		}
		m.status = ""
		return nil
	}
	if cmd, ok := m.turnKey(msg); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.AddItem):
		return m.openForm(m.newItem())
	case key.Matches(msg, k.AddSpeaker):
		// while the dialogue runs, a is for its queue, whatever the pane
		if _, ok := m.callItem(); ok {
			m.pane = paneQueue
			return m.openPicker()
		}
	}
	switch m.pane {
	case paneSheet:
		return m.sheetKey(msg)
	case paneQueue:
		return m.queueKey(msg)
	case paneIntro:
		switch {
		case key.Matches(msg, k.Up):
			m.ioffset = max(0, m.ioffset-1)
		case key.Matches(msg, k.Down):
			m.ioffset = min(m.ioffset+1, max(0, len(m.snap.officials)-1))
		}
	}
	return nil
}

// act returns a Cmd running fn as one numbered mutation.
func (m *Model) act(status string, fn func() error) tea.Cmd {
	return mutate(m.next(), status, fn, nil)
}

func (m *Model) selected() (store.AgendaItem, bool) {
	if m.cursor < 0 || m.cursor >= len(m.snap.items) {
		return store.AgendaItem{}, false
	}
	return m.snap.items[m.cursor], true
}

func (m *Model) sheetKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	it, ok := m.selected()
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(msg, k.Down):
		m.cursor = min(len(m.snap.items)-1, m.cursor+1)
	case key.Matches(msg, k.Add):
		return m.openForm(m.newItem())
	case !ok:
		return nil
	case key.Matches(msg, k.Edit):
		return m.openForm(it)
	case key.Matches(msg, k.Words):
		return m.openWords()
	case key.Matches(msg, k.MoveUp), key.Matches(msg, k.MoveDown):
		d := 1
		if key.Matches(msg, k.MoveUp) {
			d = -1
		}
		to := min(max(m.cursor+d, 0), len(m.snap.items)-1)
		switch {
		case !it.StartedAt.IsZero():
			m.setStatus(m.c.T.T("agenda.err.started_move"), true)
			return nil
		case d < 0 && to < m.cursor && !m.snap.items[to].StartedAt.IsZero():
			m.setStatus(m.c.T.T("agenda.err.above_started"), true)
			return nil
		}
		return mutate(m.next(), m.c.T.T("ui.saved"), func() error { return m.c.Store.MoveItem(m.c.Ctx, it.ID, d) },
			func(m *Model) { m.cursor = to })
	case key.Matches(msg, k.Delete):
		if !it.StartedAt.IsZero() {
			m.setStatus(m.c.T.T("agenda.err.started_delete"), true)
			return nil
		}
		prompt := m.c.T.F("agenda.confirm.delete", it.Position, it.Title)
		if n := len(queueOf(m.snap.speakers, it.ID)); n > 0 {
			prompt = m.c.T.F("agenda.confirm.delete_queue", it.Position, it.Title, n)
		}
		m.ask(prompt, m.act(m.c.T.T("agenda.status.deleted"), func() error {
			return m.c.Store.DeleteItem(m.c.Ctx, it.ID)
		}))
	case key.Matches(msg, k.Skip):
		if !it.StartedAt.IsZero() {
			m.setStatus(m.c.T.T("agenda.err.started"), true)
			return nil
		}
		prompt, status := "agenda.confirm.skip", "agenda.status.skipped"
		if it.Skipped {
			prompt, status = "agenda.confirm.unskip", "agenda.status.unskipped"
		}
		m.ask(m.c.T.F(prompt, it.Position, it.Title), m.act(m.c.T.T(status), func() error {
			return m.c.Store.SetSkipped(m.c.Ctx, it.ID, !it.Skipped)
		}))
	}
	return nil
}

// ShortHelp lists the keys of the current mode.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.form != nil:
		return []key.Binding{k.FormNext, k.FormPrev, k.FormPick, k.Cancel}
	case m.editor != nil:
		return []key.Binding{k.WordsSave, k.WordsTemplate, k.Cancel}
	case m.picker != nil:
		return []key.Binding{k.Pick, k.Typed, k.Cancel}
	case m.confirm != nil:
		return []key.Binding{k.Yes, k.No}
	}
	_, dialogue := m.callItem()
	switch {
	case m.pane == paneQueue && dialogue:
		return []key.Binding{k.Next, k.CallNext, k.EndTurn, k.AddHere, k.Pane}
	case m.pane == paneQueue:
		// no dialogue runs: nobody can be called, so c is not offered
		return []key.Binding{k.Next, k.Back, k.AddHere, k.MoveUp, k.Pane}
	case dialogue:
		// the dialogue runs: its keys work from every pane, and a adds a
		// speaker; A adds an agenda item
		return []key.Binding{k.Next, k.CallNext, k.AddSpeaker, k.AddItem, k.EndTurn, k.Pane}
	case m.pane == paneIntro:
		return []key.Binding{k.Next, k.Back, k.Pane}
	}
	return []key.Binding{k.Next, k.Back, k.Skip, k.Edit, k.Words, k.Pane}
}

// FullHelp lists every key the station answers to, each once (it is also
// what `doithoai agenda --help` prints): the run, the turn keys (c and +/-
// say why not when no dialogue or turn runs), the run-sheet and the queue.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	if m.form != nil || m.picker != nil || m.confirm != nil || m.editor != nil {
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Next, k.Back, k.Pane, k.Up, k.Down},
		{k.CallNext, k.EndTurn, k.More, k.Less},
		{k.Add, k.AddItem, k.Edit, k.Skip, k.DeleteAny, k.MoveUp, k.Call},
		{k.Words, k.WordsSave, k.WordsTemplate},
	}
}

// speakingNow is the running turn, if one runs.
func (m *Model) speakingNow() (store.Speaker, bool) { return speaking(m.snap.speakers) }
