package checkin

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/components"
)

// snapshot is everything the desk draws from, read and indexed in a Cmd.
// ds, pos, ix, codes and stamp never change once loaded; arrival fields of
// ds, recent and the tallies are updated in Update only.
type snapshot struct {
	stamp  string // store.ListStamp when read
	ds     []store.Delegate
	pos    map[int64]int    // delegate id -> position in ds
	ix     *fold.Index      // search index over ds
	codes  map[string]int64 // compact folded code -> delegate id
	recent []int            // positions in ds of the latest arrivals, newest first
	groups []store.Tally
	units  []store.Tally
	total  store.Tally
	// for the walk-in form
	unitList  []store.Unit
	groupList []store.Group
	// apologies by the delegate who sent them, and who stands in for whom
	// (substitute id -> the delegate she replaces)
	apologies map[int64]store.Apology
	standsIn  map[int64]int64
}

// arrivals is a refresh of check-ins only, for a snapshot whose list did
// not change: positions align with that snapshot's ds.
type arrivals struct {
	stamp  string
	at     []time.Time
	as     []string
	by     []string
	recent []int
	groups []store.Tally
	units  []store.Tally
	total  store.Tally
}

// loadedMsg carries a new snapshot or, when only check-ins changed,
// arrivals for the current one; req drops stale ones.
type loadedMsg struct {
	req  int
	mark store.ChangeMark // the audited state read; nil snap and arr: unchanged
	snap *snapshot
	arr  *arrivals
	err  error
}

// recentMax bounds the "just arrived" list shown with an empty query.
const recentMax = 60

// compactCode folds a code and drops its separators, so "PN-012",
// "pn012" and "PN 012" are one code (scanners and hands differ).
func compactCode(s string) string {
	return strings.ReplaceAll(fold.Fold(s), " ", "")
}

// load reads what changed: everything on first load or when delegates,
// units or groups changed (re-reading and indexing 10,000 delegates), else
// only check-ins and tallies. It runs in a Cmd; old is read only for its
// immutable fields.
func load(ctx context.Context, st *store.Store, req int, old *snapshot, oldMark *store.ChangeMark) tea.Cmd {
	var (
		oldStamp string
		pos      map[int64]int
		n        int
	)
	if old != nil {
		oldStamp, pos, n = old.stamp, old.pos, len(old.ds)
	}
	return func() tea.Msg {
		mark, err := st.ChangeMark(ctx)
		if err != nil {
			return loadedMsg{req: req, err: err}
		}
		// the secretary's draft saves change the file every second but no
		// audited row: nothing for the desk to read again
		if pos != nil && oldMark != nil && mark == *oldMark {
			return loadedMsg{req: req, mark: mark}
		}
		stamp, err := st.ListStamp(ctx)
		if err != nil {
			return loadedMsg{req: req, err: err}
		}
		if pos == nil || stamp != oldStamp {
			snap, err := readSnapshot(ctx, st, stamp)
			return loadedMsg{req: req, mark: mark, snap: snap, err: err}
		}
		arr, err := readArrivals(ctx, st, stamp, pos, n)
		return loadedMsg{req: req, mark: mark, arr: arr, err: err}
	}
}

func readSnapshot(ctx context.Context, st *store.Store, stamp string) (*snapshot, error) {
	ds, err := st.Delegates(ctx)
	if err != nil {
		return nil, err
	}
	// the index (CPU) is built while the tallies are read (SQLite): on two
	// cores that takes a good part off the desk's start-up
	ixc := make(chan *fold.Index, 1)
	go func() { ixc <- components.BuildIndex(ds) }()
	sn := &snapshot{stamp: stamp, ds: ds, pos: make(map[int64]int, len(ds)), codes: make(map[string]int64, len(ds))}
	defer func() { sn.ix = <-ixc }()
	for i, d := range ds {
		sn.pos[d.ID] = i
		if d.Code != "" {
			sn.codes[compactCode(d.Code)] = d.ID
		}
		if d.Arrived() {
			sn.recent = append(sn.recent, i)
		}
	}
	sn.recent = newest(sn.recent, func(i int) (time.Time, int64) { return ds[i].ArrivedAt, ds[i].ID })
	if sn.groups, sn.units, sn.total, err = st.Tallies(ctx); err != nil {
		return nil, err
	}
	if sn.unitList, err = st.Units(ctx); err != nil {
		return nil, err
	}
	if sn.groupList, err = st.Groups(ctx); err != nil {
		return nil, err
	}
	as, err := st.Apologies(ctx)
	if err != nil {
		return nil, err
	}
	sn.apologies, sn.standsIn = make(map[int64]store.Apology, len(as)), map[int64]int64{}
	for _, a := range as {
		sn.apologies[a.DelegateID] = a
		if a.SubstituteID != 0 {
			sn.standsIn[a.SubstituteID] = a.DelegateID
		}
	}
	return sn, nil
}

func readArrivals(ctx context.Context, st *store.Store, stamp string, pos map[int64]int, n int) (*arrivals, error) {
	cs, err := st.CheckIns(ctx)
	if err != nil {
		return nil, err
	}
	a := &arrivals{stamp: stamp, at: make([]time.Time, n), as: make([]string, n), by: make([]string, n)}
	ids := make([]int64, n)
	for _, c := range cs {
		if i, ok := pos[c.DelegateID]; ok {
			a.at[i], a.as[i], a.by[i], ids[i] = c.At, c.Station, c.User, c.DelegateID
			a.recent = append(a.recent, i)
		}
	}
	a.recent = newest(a.recent, func(i int) (time.Time, int64) { return a.at[i], ids[i] })
	if a.groups, a.units, a.total, err = st.Tallies(ctx); err != nil {
		return nil, err
	}
	return a, nil
}

// newest orders positions by arrival, newest first, and keeps recentMax.
func newest(ps []int, key func(int) (time.Time, int64)) []int {
	slices.SortFunc(ps, func(a, b int) int {
		ta, ia := key(a)
		tb, ib := key(b)
		return cmp.Or(tb.Compare(ta), cmp.Compare(ib, ia))
	})
	return ps[:min(len(ps), recentMax)]
}
