// Package checkin is the check-in desk at the door: type a few letters of
// a name without accents, or scan the code on an invitation, press Enter,
// turn to the next person. A live tally of who is here sits beside the
// list.
package checkin

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// level is the colour of a notice: the operator should catch it without
// reading.
type level int

const (
	lvlNone level = iota
	lvlInfo       // plain: pending, cancelled
	lvlOK         // green: done
	lvlWarn       // yellow: already here, choose a namesake
	lvlBad        // red, with the bell: unknown code, not found, error
)

// notice is the last action's outcome, on the line under the list.
type notice struct {
	lvl  level
	text string
	seq  int // counts red notices, so a repeated red notice rings again
}

// Model is the check-in station.
type Model struct {
	c      *common.Common
	keys   keyMap
	pal    palette
	picker *components.DelegatePicker
	w, h   int

	snap    *snapshot
	mark    *store.ChangeMark // the audited state snap shows; nil until loaded
	loadReq int               // number of the newest load asked for
	loading bool
	dirty   bool // a change arrived while loading: load again
	loadErr error

	req       int // numbers every async action
	noticeReq int // the action whose outcome the notice shows
	notice    notice
	rings     int // red notices so far

	chosen   bool // the operator moved the highlight since the query changed
	choosing bool // Enter was refused on a tie: mark the tied rows
	confirm  *confirm
	form     *walkInForm
	apology  *apologyForm
	mine     []int64 // check-ins made here since the desk opened, newest last

	// Scanner detection: a barcode scanner types a whole code in a burst
	// far faster than a person, then Enter.
	clock    func() time.Time
	lastKey  time.Time
	burstLen int // runes typed in the current burst
}

// scanGap is the longest pause between two keys of one scanner burst;
// people type slower than one key per 35 ms.
const scanGap = 35 * time.Millisecond

// New returns the check-in station.
func New(c *common.Common) common.Station { return NewModel(c) }

// NewModel returns the station as its concrete type (tests, benchmarks).
func NewModel(c *common.Common) *Model {
	m := &Model{c: c, keys: newKeyMap(c.T), pal: newPalette(c.Styles), clock: time.Now, w: c.Width, h: c.Height}
	m.picker = components.NewDelegatePicker(c, c.T.T("checkin.placeholder"))
	m.picker.Input.Prompt = c.T.T("checkin.search") + ": "
	// a steady cursor: no blink ticks, so an idle desk redraws nothing
	m.picker.Input.Cursor.SetMode(cursor.CursorStatic)
	m.SetSize(c.Width, c.Height)
	return m
}

// SetClock replaces the clock used to tell scanners from people (tests).
func (m *Model) SetClock(now func() time.Time) { m.clock = now }

// Init loads the list in a Cmd.
func (m *Model) Init() tea.Cmd { return m.reload() }

func (m *Model) reload() tea.Cmd {
	if m.loading {
		m.dirty = true
		return nil
	}
	m.loading, m.dirty = true, false
	m.loadReq++
	return load(m.c.Ctx, m.c.Store, m.loadReq, m.snap, m.mark)
}

// SetSize is the station area.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.picker.Input.Width = max(10, m.listWidth()-len([]rune(m.picker.Input.Prompt))-2)
	// hits enough to fill the tallest screen; more only cost time per key
	m.picker.Limit = max(60, h)
	if m.form != nil {
		m.form.resize(w, h)
	}
	if m.apology != nil {
		m.apology.resize(w, h)
	}
}

// Capturing: typed text belongs to the search field once there is some;
// with an empty field the root's keys (F-keys, ?, Esc) still work.
func (m *Model) Capturing() bool {
	return m.form != nil || m.apology != nil || m.confirm != nil || m.picker.Query() != ""
}

// ShortHelp lists the keys of the current mode.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.form != nil, m.apology != nil:
		return []key.Binding{k.Cancel}
	case m.confirm != nil && m.confirm.walkIn != nil:
		return []key.Binding{k.CheckIn, k.WalkIn, k.No}
	case m.confirm != nil:
		return []key.Binding{k.Yes, k.No}
	}
	// Ctrl+T before the arrows: at 80 columns the last ones are cut
	return []key.Binding{k.CheckIn, k.WalkIn, k.Undo, k.Up}
}

// FullHelp is every key of the desk.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.CheckIn, k.Up, k.Clear}, {k.Undo, k.Uncheck, k.WalkIn, k.Apology}}
}

// Update routes messages. Results carry request numbers: stale ones are
// dropped, since the root forwards every message to every station.
func (m *Model) Update(msg tea.Msg) (common.Station, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.loaded(msg)
	case common.ChangedMsg:
		return m, m.reload()
	case checkedMsg:
		return m, m.checked(msg)
	case lastMsg:
		m.gotLast(msg)
		return m, nil
	case undoneMsg:
		m.undone(msg)
		return m, nil
	case formDoneMsg:
		return m, m.formDone(msg)
	case apologyDoneMsg:
		return m, m.apologyDone(msg)
	case apologySavedMsg:
		m.apologySaved(msg)
		return m, nil
	case tea.KeyMsg:
		switch {
		case m.form != nil:
			return m, m.formKey(msg)
		case m.apology != nil:
			return m, m.apologyKey(msg)
		case m.confirm != nil:
			return m, m.confirmKey(msg)
		}
		return m, m.key(msg)
	}
	if m.form != nil {
		return m, m.form.update(msg)
	}
	if m.apology != nil {
		return m, m.apology.update(msg)
	}
	return m, nil
}

func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if msg.req != m.loadReq {
		return nil
	}
	m.loading = false
	m.loadErr = msg.err
	mark := msg.mark
	switch {
	case msg.err != nil:
	case msg.snap != nil:
		m.snap, m.mark = msg.snap, &mark
		// SetDelegates keeps the query and the highlighted delegate
		m.picker.SetDelegates(m.snap.ds, m.snap.ix)
	case msg.arr != nil && m.snap != nil && msg.arr.stamp == m.snap.stamp:
		// only arrivals changed: the hits and the index stay
		a, sn := msg.arr, m.snap
		for i := range sn.ds {
			sn.ds[i].ArrivedAt, sn.ds[i].ArrivedAs, sn.ds[i].ArrivedBy = a.at[i], a.as[i], a.by[i]
		}
		sn.recent, sn.groups, sn.units, sn.total = a.recent, a.groups, a.units, a.total
		m.mark = &mark
	}
	if m.dirty {
		return m.reload()
	}
	return nil
}

// key handles a key in the search mode.
func (m *Model) key(k tea.KeyMsg) tea.Cmd {
	keys := m.keys
	switch {
	case key.Matches(k, keys.CheckIn):
		return m.enter()
	case key.Matches(k, keys.Up, keys.Down):
		m.picker.Update(k)
		m.chosen = true
		return nil
	case key.Matches(k, keys.Undo):
		m.req++
		return lastCheckIn(m.c, m.req, slices.Clone(m.mine))
	case key.Matches(k, keys.Uncheck):
		m.askUncheck()
		return nil
	case key.Matches(k, keys.WalkIn):
		return m.openForm()
	case key.Matches(k, keys.Apology):
		return m.openApology()
	case key.Matches(k, keys.Clear):
		m.clearQuery()
		return nil
	}
	before := m.picker.Query()
	cmd := m.picker.Update(k)
	if q := m.picker.Query(); q != before {
		m.chosen, m.choosing = false, false
		m.trackBurst(k, q)
		// "#12" shows the person on row 12 of the sign-in sheet, the one
		// Enter will check in, not a search for "12"
		if n, ok := sheetRow(q); ok {
			m.picker.Pin(m.bySheet(n)...)
		}
	}
	return cmd
}

// sheetRow parses "#12", a row of the printed sign-in sheet.
func sheetRow(q string) (int, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(q), "#")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(rest))
	return n, err == nil && n > 0
}

// bySheet is the loaded delegate on sheet row n, if any.
func (m *Model) bySheet(n int) []int64 {
	if m.snap == nil {
		return nil
	}
	for _, d := range m.snap.ds {
		if d.SheetNo == n {
			return []int64{d.ID}
		}
	}
	return nil
}

// trackBurst times the keys of the query to recognise a scanner.
func (m *Model) trackBurst(k tea.KeyMsg, q string) {
	now := m.clock()
	if q == "" {
		m.burstLen = 0
		return
	}
	if k.Type != tea.KeyRunes || m.burstLen == 0 || now.Sub(m.lastKey) > scanGap {
		m.burstLen = 0
	}
	m.lastKey = now
	if k.Type == tea.KeyRunes {
		m.burstLen += len(k.Runes)
	}
}

// scanned reports whether the whole query came in one fast burst, Enter
// included.
func (m *Model) scanned() bool {
	q := []rune(m.picker.Query())
	return len(q) >= 4 && m.burstLen == len(q) && m.clock().Sub(m.lastKey) <= scanGap
}

func (m *Model) clearQuery() {
	m.picker.Reset()
	m.chosen, m.choosing = false, false
	m.burstLen = 0
}

// delegate returns the in-memory delegate id.
func (m *Model) delegate(id int64) (store.Delegate, bool) {
	if m.snap == nil {
		return store.Delegate{}, false
	}
	if i, ok := m.snap.pos[id]; ok {
		return m.snap.ds[i], true
	}
	return store.Delegate{}, false
}

func (m *Model) setNotice(lvl level, text string) {
	if lvl == lvlBad {
		m.rings++
	}
	m.notice = notice{lvl: lvl, text: text, seq: m.rings}
}

func (m *Model) clockText(t time.Time) string { return t.Local().Format("15:04") }
