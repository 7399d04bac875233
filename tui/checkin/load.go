package checkin

import (
	"cmp"
	"context"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/components"
)

// snapshot is everything the desk draws from, read and indexed in a Cmd.
type snapshot struct {
	ds     []store.Delegate
	ix     *fold.Index
	codes  map[string]int64 // compact folded code -> delegate id
	recent []int            // positions in ds of the latest arrivals, newest first
	groups []store.Tally
	units  []store.Tally
	total  store.Tally
	// for the walk-in form
	unitList  []store.Unit
	groupList []store.Group
}

// loadedMsg carries a snapshot; req drops stale ones.
type loadedMsg struct {
	req  int
	snap *snapshot
	err  error
}

// recentMax bounds the "just arrived" list shown with an empty query.
const recentMax = 60

// compactCode folds a code and drops its separators, so "PN-012",
// "pn012" and "PN 012" are one code (scanners and hands differ).
func compactCode(s string) string {
	return strings.ReplaceAll(fold.Fold(s), " ", "")
}

// load reads delegates, tallies, units and groups and builds the index.
func load(ctx context.Context, st *store.Store, req int) tea.Cmd {
	return func() tea.Msg {
		snap, err := readSnapshot(ctx, st)
		return loadedMsg{req: req, snap: snap, err: err}
	}
}

func readSnapshot(ctx context.Context, st *store.Store) (*snapshot, error) {
	ds, err := st.Delegates(ctx)
	if err != nil {
		return nil, err
	}
	sn := &snapshot{ds: ds, ix: components.BuildIndex(ds), codes: make(map[string]int64, len(ds))}
	for i, d := range ds {
		if d.Code != "" {
			sn.codes[compactCode(d.Code)] = d.ID
		}
		if d.Arrived() {
			sn.recent = append(sn.recent, i)
		}
	}
	slices.SortFunc(sn.recent, func(a, b int) int {
		return cmp.Or(ds[b].ArrivedAt.Compare(ds[a].ArrivedAt), cmp.Compare(ds[b].ID, ds[a].ID))
	})
	if len(sn.recent) > recentMax {
		sn.recent = sn.recent[:recentMax]
	}
	if sn.groups, sn.units, sn.total, err = st.Tallies(ctx); err != nil {
		return nil, err
	}
	if sn.unitList, err = st.Units(ctx); err != nil {
		return nil, err
	}
	if sn.groupList, err = st.Groups(ctx); err != nil {
		return nil, err
	}
	return sn, nil
}
