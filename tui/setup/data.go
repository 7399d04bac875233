package setup

import (
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/components"
)

// snapshot is everything the station shows, read in one Cmd.
type snapshot struct {
	mark      store.ChangeMark // what was read; unchanged mark = nothing to read
	meeting   store.Meeting
	units     []store.Unit
	groups    []store.Group
	inGroup   map[int64]int // delegates per group, for quotas
	delegates []store.Delegate
	index     *fold.Index
	petitions []store.Petition
	topics    []string
	// prepared answers per agency on the day the snapshot was read
	today      string
	answers    []store.AgencyAnswers
	answersTot store.PreparedTotals
	apologies  []store.Apology
}

type loadedMsg struct {
	req  int
	snap *snapshot
	err  error
}

// savedMsg is the result of a store write started by this station.
type savedMsg struct {
	req    int
	what   string // status text on success
	err    error
	reopen func(error) tea.Cmd // on failure: the form again, with what was typed
}

func (m *Model) load() tea.Cmd {
	req := m.next()
	m.loadReq = req
	c := m.c
	prev := m.snap // read only: a snapshot never changes once loaded
	return func() tea.Msg {
		ctx, st := c.Ctx, c.Store
		mark, err := st.ChangeMark(ctx)
		if err != nil {
			return loadedMsg{req: req, err: err}
		}
		// another station's draft save (every second while the secretary
		// types) changes the file but no audited row: nothing to re-read
		if prev != nil && mark == prev.mark {
			return loadedMsg{req: req, snap: prev}
		}
		s := &snapshot{mark: mark, inGroup: map[int64]int{}}
		if s.meeting, err = st.Meeting(ctx); err != nil && err != store.ErrNotFound {
			return loadedMsg{req: req, err: err}
		}
		if s.units, err = st.Units(ctx); err != nil {
			return loadedMsg{req: req, err: err}
		}
		if s.groups, err = st.Groups(ctx); err != nil {
			return loadedMsg{req: req, err: err}
		}
		if s.delegates, err = st.Delegates(ctx); err != nil {
			return loadedMsg{req: req, err: err}
		}
		if s.petitions, err = st.Petitions(ctx); err != nil {
			return loadedMsg{req: req, err: err}
		}
		if s.topics, err = st.Topics(ctx); err != nil {
			return loadedMsg{req: req, err: err}
		}
		if s.apologies, err = st.Apologies(ctx); err != nil {
			return loadedMsg{req: req, err: err}
		}
		s.today = c.Now().Format("2006-01-02")
		s.answers, s.answersTot = store.PreparedByAgency(s.petitions, s.units, s.today)
		for _, d := range s.delegates {
			if d.GroupID != 0 {
				s.inGroup[d.GroupID]++
			}
		}
		if prev != nil && mark.People == prev.mark.People {
			s.index = prev.index // the same people: the same index
		} else {
			s.index = components.BuildIndex(s.delegates)
		}
		return loadedMsg{req: req, snap: s}
	}
}

func (m *Model) loaded(msg loadedMsg) {
	if msg.err != nil {
		m.setStatus(m.c.ErrText(msg.err), true)
		return
	}
	if msg.snap == m.snap {
		return
	}
	m.snap = msg.snap
	m.picker.SetDelegates(msg.snap.delegates, msg.snap.index)
	m.apoPicker.SetDelegates(msg.snap.delegates, msg.snap.index)
	for s := section(0); s < nSections; s++ {
		n := 0
		switch s {
		case secUnits:
			n = len(m.snap.units)
		case secGroups:
			n = len(m.snap.groups)
		case secDelegates:
			n = len(m.snap.delegates)
		case secPetitions:
			n = len(m.snap.petitions)
		case secAnswers:
			n = len(m.snap.answers)
		case secApologies:
			n = len(m.snap.apologies)
		default:
			continue
		}
		m.cursor[s] = max(0, min(m.cursor[s], n-1))
	}
}

// act runs a store write in a Cmd. If the store refuses it (a code
// already taken…), reopen brings the form back with what was typed, so a
// correction is not lost.
func (m *Model) act(what string, fn func() error, reopen func(error) tea.Cmd) tea.Cmd {
	req := m.next()
	return func() tea.Msg { return savedMsg{req: req, what: what, err: fn(), reopen: reopen} }
}

func (m *Model) saved(msg savedMsg) tea.Cmd {
	if msg.req > m.req {
		return nil
	}
	if msg.err != nil {
		var cmd tea.Cmd
		if msg.reopen != nil && m.form == nil {
			cmd = msg.reopen(msg.err)
		}
		m.setStatus(m.errText(msg.err), true)
		return cmd
	}
	m.setStatus(msg.what, false)
	// the watcher also reports the change; loading now shows it at once
	// even when watching is off (tests, NoWatch)
	return m.load()
}
