// Package screen is the projector view: read-only and large. It reads the
// store and never writes to it; no key changes anything.
package screen

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
)

// snapshot is what the projector shows, read in one Cmd.
type snapshot struct {
	meeting  store.Meeting
	items    []store.AgendaItem
	speaker  store.Speaker // the running turn
	speaking bool
	queue    []store.Speaker // the current dialogue item's queue
}

type loadedMsg struct {
	req  int
	snap snapshot
	err  error
}

// Model is the screen station.
type Model struct {
	c      *common.Common
	w, h   int
	req    int
	loaded bool
	err    error
	snap   snapshot
	now    time.Time
	plan   store.Plan
}

// New returns the screen station.
func New(c *common.Common) common.Station {
	return &Model{c: c, now: c.Now()}
}

// load only reads: the projector must never change the meeting.
func load(c *common.Common, req int) tea.Cmd {
	return func() tea.Msg {
		var s snapshot
		var err error
		ctx := c.Ctx
		if s.meeting, err = c.Store.Meeting(ctx); err != nil && !errors.Is(err, store.ErrNotFound) {
			return loadedMsg{req: req, err: err}
		}
		if s.items, err = c.Store.Agenda(ctx); err != nil {
			return loadedMsg{req: req, err: err}
		}
		if s.speaker, s.speaking, err = c.Store.CurrentSpeaker(ctx); err != nil {
			return loadedMsg{req: req, err: err}
		}
		// a turn shows only under its running item: the moderator's
		// station refuses other calls, and an old one is not put up
		under := false
		for _, a := range s.items {
			under = under || (a.Running() && a.ID == s.speaker.ItemID)
		}
		s.speaking = s.speaking && under
		for _, a := range s.items {
			if a.Running() && a.Kind == store.ItemDialogue {
				if s.queue, err = c.Store.Speakers(ctx, a.ID); err != nil {
					return loadedMsg{req: req, err: err}
				}
			}
		}
		return loadedMsg{req: req, snap: s}
	}
}

func (m *Model) reload() tea.Cmd {
	m.req++
	return load(m.c, m.req)
}

// Init loads what to show.
func (m *Model) Init() tea.Cmd { return m.reload() }

// SetSize is called by the root with the station area.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Capturing is always false: the projector takes no input.
func (m *Model) Capturing() bool { return false }

// ShortHelp is empty: no key does anything here.
func (m *Model) ShortHelp() []key.Binding { return nil }

// FullHelp is empty too.
func (m *Model) FullHelp() [][]key.Binding { return nil }

func (m *Model) setPlan() {
	m.plan = store.NewPlan(m.snap.items, store.PlanStart(m.snap.meeting, m.snap.items, m.now), m.now)
}

// Update follows the store (ChangedMsg) and the clock (TickMsg). Keys are
// ignored.
func (m *Model) Update(msg tea.Msg) (common.Station, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.req != m.req {
			return m, nil
		}
		m.err = msg.err
		if msg.err == nil {
			m.snap, m.loaded = msg.snap, true
		}
		m.now = m.c.Now()
		m.setPlan()
	case common.ChangedMsg:
		return m, m.reload()
	case common.TickMsg:
		m.now = m.c.Now()
		m.setPlan()
	}
	return m, nil
}
