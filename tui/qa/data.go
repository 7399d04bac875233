package qa

import (
	"context"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// data is one consistent read of what the station shows.
type data struct {
	mark       store.ChangeMark
	meeting    store.Meeting
	heldOn     string           // the day the meeting ran (store.HeldOn): due dates count from it
	item       store.AgendaItem // the current dialogue item
	hasItem    bool
	questions  []store.Question
	petitions  []store.Petition
	carried    []store.Carried // open items of the last meeting
	units      []store.Unit
	topics     []string
	delegates  []store.Delegate
	index      *fold.Index
	speaker    store.Speaker
	hasSpeaker bool
	// unaccented are the names typed free without accents (speakers and
	// askers), pointed out before the minutes print them so
	unaccented []store.UnaccentedName
}

// Messages of this station. They carry a request number (stale ones are
// dropped) and are types of this package, so other stations ignore them.
type (
	loadedMsg struct {
		req  int
		d    data
		same bool // nothing audited changed: keep what is shown
		err  error
	}
	draftMsg struct {
		req  int
		list []offered // newest first
		err  error
	}
	savedMsg struct {
		req  int
		kind formKind
		id   int64
		err  error
		// checkedIn: the asker the save checked in (she was not yet)
		checkedIn string
	}
	historyMsg struct {
		req     int
		entries []store.AuditEntry
		err     error
	}
	topicsSavedMsg struct {
		req     int
		renames []store.TopicRename
		bare    []string // new topics without accents, to warn about
		err     error
	}
)

// load reads everything in a Cmd; the delegate index is built here too, as
// it costs a few milliseconds for a large list.
// The previous read's delegates and index are handed in (they are never
// changed once built), so the index is rebuilt only when names change, not
// on every check-in or draft save.
func load(c *common.Common, req int, prev data) tea.Cmd {
	st, ctx := c.Store, c.Ctx
	return func() tea.Msg {
		mark, err := st.ChangeMark(ctx)
		if err != nil {
			return loadedMsg{req: req, err: err}
		}
		if prev.index != nil && mark == prev.mark {
			return loadedMsg{req: req, same: true}
		}
		d, err := read(ctx, st, prev, mark)
		return loadedMsg{req: req, d: d, err: err}
	}
}

// sameNames reports whether two delegate lists index the same way.
func sameNames(a, b []store.Delegate) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.ID != y.ID || x.FullName != y.FullName || x.Title != y.Title || x.UnitName != y.UnitName || x.Code != y.Code {
			return false
		}
	}
	return true
}

// read's results are named: the index built beside the queries is set by
// a deferred receive, which must reach the caller's copy.
func read(ctx context.Context, st *store.Store, prev data, mark store.ChangeMark) (d data, err error) {
	d = data{mark: mark}
	// People first: their index (CPU) is built while the rest is read.
	var ixc chan *fold.Index
	if prev.index != nil && mark.People == prev.mark.People {
		// nobody arrived or changed: the list and its index stand
		d.delegates, d.index = prev.delegates, prev.index
	} else {
		if d.delegates, err = st.Delegates(ctx); err != nil {
			return d, err
		}
		if prev.index != nil && sameNames(prev.delegates, d.delegates) {
			d.index = prev.index
		} else {
			ixc = make(chan *fold.Index, 1)
			go func(ds []store.Delegate) { ixc <- components.BuildIndex(ds) }(d.delegates)
			defer func() { d.index = <-ixc }()
		}
	}
	if d.meeting, err = st.Meeting(ctx); err != nil {
		return d, err
	}
	if d.heldOn, err = st.HeldOn(ctx); err != nil {
		return d, err
	}
	items, err := st.Agenda(ctx)
	if err != nil {
		return d, err
	}
	d.item, d.hasItem = dialogueItem(items)
	if d.questions, err = st.Questions(ctx, 0); err != nil {
		return d, err
	}
	if d.petitions, err = st.Petitions(ctx); err != nil {
		return d, err
	}
	if d.carried, err = st.CarriedItems(ctx); err != nil {
		return d, err
	}
	if d.units, err = st.Units(ctx); err != nil {
		return d, err
	}
	if d.topics, err = st.Topics(ctx); err != nil {
		return d, err
	}
	if d.speaker, d.hasSpeaker, err = st.CurrentSpeaker(ctx); err != nil {
		return d, err
	}
	d.unaccented, err = st.UnaccentedNames(ctx)
	return d, err
}

// dialogueItem is the running dialogue item, else the last one that
// started, else the last one planned.
func dialogueItem(items []store.AgendaItem) (store.AgendaItem, bool) {
	var last, started store.AgendaItem
	var hasLast, hasStarted bool
	for _, it := range items {
		if it.Kind != store.ItemDialogue {
			continue
		}
		if it.Running() {
			return it, true
		}
		last, hasLast = it, true
		if !it.StartedAt.IsZero() {
			started, hasStarted = it, true
		}
	}
	if hasStarted {
		return started, true
	}
	return last, hasLast
}

// offered is a draft a restart may reopen.
type offered struct {
	key  string
	body draftBody
	at   time.Time
}

// filter narrows the log. Empty fields match everything.
type filter struct {
	topic    string
	agencyID int64
	outcome  string // an outcome, or "overdue": written and past due
}

func (f filter) active() bool { return f.topic != "" || f.agencyID != 0 || f.outcome != "" }

const outcomeOverdue = "overdue"

// match reports whether q passes the filter. today is YYYY-MM-DD.
func (f filter) match(q store.Question, pet map[int64]store.Petition, today string) bool {
	if f.topic != "" && fold.Fold(q.Topic) != fold.Fold(f.topic) {
		return false
	}
	if f.agencyID != 0 {
		ok := pet[q.PetitionID].AgencyID == f.agencyID && q.PetitionID != 0
		for _, a := range q.Answers {
			if a.AgencyID == f.agencyID || a.FollowupAgencyID == f.agencyID {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if f.outcome != "" {
		ok := false
		for _, a := range q.Answers {
			switch {
			case f.outcome == outcomeOverdue:
				ok = ok || (a.Outcome == store.OutcomeWritten && a.DueDate != "" && a.DueDate < today)
			default:
				ok = ok || string(a.Outcome) == f.outcome
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// unitLabel is the short label of a unit named name (asker units are kept
// as text), or name itself.
func unitLabels(units []store.Unit) map[string]string {
	m := make(map[string]string, len(units))
	for _, u := range units {
		m[fold.Fold(u.Name)] = u.Label()
	}
	return m
}

func shortUnit(labels map[string]string, name string) string {
	if l, ok := labels[fold.Fold(name)]; ok {
		return l
	}
	return strings.TrimSpace(name)
}
