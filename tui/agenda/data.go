package agenda

import (
	"errors"
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/store/docs"
	"doithoai/store/fold"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// snapshot is everything the station shows, read in one Cmd.
type snapshot struct {
	meeting   store.Meeting
	items     []store.AgendaItem
	speakers  []store.Speaker // every item's queue, in order
	groups    []store.Tally
	total     store.Tally
	officials []store.Delegate
}

// loadedMsg carries a snapshot; req drops stale loads.
type loadedMsg struct {
	req      int
	snap     snapshot
	audience string // whom the MC greets (docs.Audience of the groups)
	drafts   []store.DraftEntry
	err      error
}

// delegatesMsg carries the picker's list and index.
type delegatesMsg struct {
	req int
	ds  []store.Delegate
	ix  *fold.Index
	err error
}

// doneMsg is the result of a mutation: an error, or the status to show.
type doneMsg struct {
	req    int
	err    error
	status string
	// after, when set, runs on success (for example, switch pane)
	after func(*Model)
}

// formDoneMsg and formCancelMsg end the item form (request numbered).
type formDoneMsg struct{ req int }
type formCancelMsg struct{ req int }

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
		if s.speakers, err = c.Store.Speakers(ctx, 0); err != nil {
			return loadedMsg{req: req, err: err}
		}
		if s.groups, _, s.total, err = c.Store.Tallies(ctx); err != nil {
			return loadedMsg{req: req, err: err}
		}
		if s.officials, err = c.Store.Officials(ctx); err != nil {
			return loadedMsg{req: req, err: err}
		}
		groups, err := c.Store.Groups(ctx)
		if err != nil {
			return loadedMsg{req: req, err: err}
		}
		return loadedMsg{req: req, snap: s, audience: docs.Audience(groups), drafts: loadWordsDrafts(c)}
	}
}

func loadDelegates(c *common.Common, req int) tea.Cmd {
	return func() tea.Msg {
		ds, err := c.Store.Delegates(c.Ctx)
		if err != nil {
			return delegatesMsg{req: req, err: err}
		}
		return delegatesMsg{req: req, ds: ds, ix: components.BuildIndex(ds)}
	}
}

// mutate runs fn against the store in a Cmd and reports with doneMsg.
func mutate(req int, status string, fn func() error, after func(*Model)) tea.Cmd {
	return func() tea.Msg {
		if err := fn(); err != nil {
			return doneMsg{req: req, err: err}
		}
		return doneMsg{req: req, status: status, after: after}
	}
}

// queueOf returns the waiting, speaking and finished speakers of item.
func queueOf(all []store.Speaker, item int64) []store.Speaker {
	var out []store.Speaker
	for _, sp := range all {
		if sp.ItemID == item {
			out = append(out, sp)
		}
	}
	return out
}

// speaking is the running turn, if any.
func speaking(all []store.Speaker) (store.Speaker, bool) {
	var best store.Speaker
	found := false
	for _, sp := range all {
		if sp.Speaking() && (!found || sp.StartedAt.After(best.StartedAt)) {
			best, found = sp, true
		}
	}
	return best, found
}

// clock formats a duration as mm:ss (h:mm:ss from an hour), with a minus
// sign when negative.
func clock(d time.Duration) string { return components.Clock(components.Seconds(d), 3600) }

func itoa(n int) string { return strconv.Itoa(n) }
