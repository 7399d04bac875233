package followup

import (
	"slices"
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/common"
)

// loadedMsg carries the register and this terminal's unsaved drafts;
// reg is nil when nothing audited changed since the last load (a draft
// saved each second while typing moves no mark).
type loadedMsg struct {
	req    int
	reg    *store.Register
	mark   store.ChangeMark
	loc    *time.Location
	drafts []store.DraftEntry
	err    error
}

// historyMsg carries one obligation's audit rows.
type historyMsg struct {
	req     int
	key     string
	entries []store.AuditEntry
	err     error
}

// doneMsg is the result of a change: the status to show, or the refusal.
type doneMsg struct {
	req    int
	status string
	err    error
	// form, when the change came from a form, is reopened with its values
	// on a refusal, so nothing typed is lost
	form formState
}

// lastMsg is this terminal's last change, offered for undo.
type lastMsg struct {
	req    int
	change store.FollowupChange
	err    error
}

// openedMsg is the outcome of opening a scanned copy.
type openedMsg struct {
	req  int
	path string
	err  error
}

// loadRegister reads the register in a Cmd (the station holds one load
// in flight at a time: see Model.load), unless the audit log's mark and
// the day are still those of the register it has (prev).
func loadRegister(c *common.Common, req int, prev *store.Register, prevMark store.ChangeMark) tea.Cmd {
	return func() tea.Msg {
		drafts, _ := c.Store.Drafts(c.Ctx, draftPrefix)
		mark, err := c.Store.ChangeMark(c.Ctx)
		if err != nil {
			return loadedMsg{req: req, err: err}
		}
		if prev != nil && mark == prevMark {
			if today, err := c.Store.Today(c.Ctx); err == nil && today == prev.Today {
				return loadedMsg{req: req, mark: mark, drafts: drafts}
			}
		}
		reg, err := c.Store.Register(c.Ctx)
		if err != nil {
			return loadedMsg{req: req, err: err}
		}
		loc, err := c.Store.Zone(c.Ctx)
		if err != nil {
			return loadedMsg{req: req, err: err}
		}
		return loadedMsg{req: req, reg: reg, mark: mark, loc: loc, drafts: drafts}
	}
}

// statusFilter is the status chooser's choice.
type statusFilter string

const (
	stAll      statusFilter = ""
	stOpen     statusFilter = "open"
	stOverdue  statusFilter = "overdue"
	stDueSoon  statusFilter = "due-soon"
	stNotDue   statusFilter = "not-due"
	stAnswered statusFilter = "answered"
	stLate     statusFilter = "late"
	stForward  statusFilter = "forwarded"
	stCarried  statusFilter = "carried"
)

var statusFilters = []statusFilter{stAll, stOpen, stOverdue, stDueSoon, stNotDue, stAnswered, stLate, stForward, stCarried}

// filter is what the list shows.
type filter struct {
	agency string // the owing agency's name ("" = all; noAgency = none assigned)
	topic  string
	status statusFilter
	text   string
}

// noAgency selects the obligations no agency owes yet.
const noAgency = "\x00none"

func (f filter) active() bool { return f != filter{} }

func (f filter) store() store.RegisterFilter {
	rf := store.RegisterFilter{Topic: f.topic, Text: f.text}
	if f.agency != noAgency {
		rf.Agency = f.agency
	}
	switch f.status {
	case stOpen:
		rf.Statuses = []store.StatusKind{store.StatusOverdue, store.StatusDueSoon, store.StatusNotDue}
	case stOverdue:
		rf.Statuses = []store.StatusKind{store.StatusOverdue}
	case stDueSoon:
		rf.Statuses = []store.StatusKind{store.StatusDueSoon}
	case stNotDue:
		rf.Statuses = []store.StatusKind{store.StatusNotDue}
	case stAnswered:
		rf.Statuses = []store.StatusKind{store.StatusAnswered}
	case stLate:
		rf.Late = true
	case stForward:
		rf.Statuses = []store.StatusKind{store.StatusForwarded}
	case stCarried:
		rf.Carried = true
	}
	return rf
}

// apply filters the register; the obligations keep the register's order
// (overdue first, most overdue first).
func (f filter) apply(reg *store.Register) []store.Obligation {
	if reg == nil {
		return nil
	}
	if !f.active() {
		return reg.Obligations
	}
	list := reg.Filter(f.store())
	if f.agency == noAgency {
		list = slices.DeleteFunc(list, func(o store.Obligation) bool { return o.Agency != "" })
	}
	return list
}

// topicsOf lists the register's topics, in the order they first appear.
func topicsOf(reg *store.Register) []string {
	var out []string
	seen := map[string]bool{}
	for _, o := range reg.Obligations {
		if k := fold.Fold(o.Topic); o.Topic != "" && !seen[k] {
			seen[k] = true
			out = append(out, o.Topic)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return compareFolded(a, b) })
	return out
}

func compareFolded(a, b string) int {
	fa, fb := fold.Fold(a), fold.Fold(b)
	switch {
	case fa < fb:
		return -1
	case fa > fb:
		return 1
	}
	return 0
}

// shortNames maps unit ids to the short name the list shows ("LĐ-TB&XH").
func shortNames(reg *store.Register) map[int64]string {
	m := map[int64]string{}
	for _, u := range reg.Units {
		if u.Short != "" {
			m[u.ID] = u.Short
		} else {
			m[u.ID] = u.Name
		}
	}
	return m
}

// itoa is strconv.Itoa for int64 ids.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
