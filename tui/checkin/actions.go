package checkin

import (
	"errors"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/common"
)

// checkedMsg is the outcome of a check-in commit (by row, code, sheet
// number or walk-in form).
type checkedMsg struct {
	req    int
	res    store.CheckInResult
	err    error
	sheet  int    // the #row asked for, when by sheet number
	code   string // the code asked for, when not in the loaded list
	walkIn bool
	form   store.WalkIn            // the walk-in asked for
	sub    *store.SubstituteResult // a substitute's check-in
}

// lastMsg is the desk's newest standing check-in, for undo.
type lastMsg struct {
	req int
	d   store.Delegate
	err error
}

// undoneMsg is the outcome of an undo; removed says a walk-in went with
// their check-in.
type undoneMsg struct {
	req     int
	d       store.Delegate
	err     error
	removed bool
	// principal is the delegate the undone person stood in for, if any
	principal store.Delegate
}

// confirm is an undo waiting for the operator's yes or, with walkIn set,
// a walk-in who turned out to be on the list: d, or one of onList
// (namesakes, not yet arrived first).
type confirm struct {
	d      store.Delegate
	walkIn *store.WalkIn
	onList []store.Delegate
}

// codeLike reports text that can only be a code: one word with a digit
// (names have none). Such a query that is not a known code must never
// check in the best partial match.
func codeLike(q string) bool {
	if len(q) < 3 || strings.ContainsFunc(q, unicode.IsSpace) {
		return false
	}
	return strings.ContainsFunc(q, unicode.IsDigit)
}

// enter decides what Enter does with the query.
func (m *Model) enter() tea.Cmd {
	q := strings.TrimSpace(m.picker.Query())
	if q == "" || m.snap == nil {
		return nil
	}
	scanned := m.scanned()
	t := m.c.T
	// "#12": row 12 of the printed sign-in sheet
	if rest, ok := strings.CutPrefix(q, "#"); ok {
		m.clearQuery()
		n, ok := sheetRow(q)
		switch {
		case !ok && strings.TrimSpace(rest) == "":
			m.bad(t.T("checkin.n.no_row_number"))
			return nil
		case !ok:
			m.bad(t.F("checkin.n.no_row", rest))
			return nil
		}
		// the person the list showed for this row; the store only for a
		// row added since the list was loaded
		if ids := m.bySheet(n); len(ids) == 1 {
			d, _ := m.delegate(ids[0])
			return m.checkIn(d.ID, d.FullName)
		}
		return m.commit(q, func(st *store.Store) checkedMsg {
			d, err := st.DelegateBySheetNo(m.c.Ctx, n)
			if err != nil {
				return checkedMsg{err: err, sheet: n}
			}
			res, err := st.CheckIn(m.c.Ctx, d.ID)
			return checkedMsg{res: res, err: err}
		})
	}
	// a delegate's code, scanned or typed: check in directly
	if cc := compactCode(q); cc != "" {
		if id, ok := m.snap.codes[cc]; ok {
			d, _ := m.delegate(id)
			m.clearQuery()
			return m.checkIn(id, d.FullName)
		}
	}
	hits := m.picker.Hits()
	nameHit := len(hits) > 0 && fold.Tier(hits[0].Score) >= fold.TierPartial
	if codeLike(q) || (scanned && !nameHit) {
		// not in the loaded list: ask the store, which may know a delegate
		// added a moment ago; otherwise it is an unknown code
		m.clearQuery()
		return m.commit(q, func(st *store.Store) checkedMsg {
			d, err := st.DelegateByCode(m.c.Ctx, q)
			if err != nil {
				return checkedMsg{err: err, code: q}
			}
			res, err := st.CheckIn(m.c.Ctx, d.ID)
			return checkedMsg{res: res, err: err}
		})
	}
	if len(hits) == 0 {
		m.bad(t.F("checkin.n.not_found", q))
		return nil
	}
	// Enter picks the first hit blindly only when the query matched names
	// and singled one out; a match on unit, title or part of a code must be
	// chosen with the arrows.
	if !m.chosen && m.picker.Cursor() == 0 && !nameHit {
		m.choosing = true
		m.setNotice(lvlWarn, t.F("checkin.n.no_name", q))
		return nil
	}
	if !m.chosen && m.picker.Cursor() == 0 && m.picker.Ambiguous() {
		m.choosing = true
		n := 1
		for n < len(hits) && hits[n].Score == hits[0].Score {
			n++
		}
		if m.picker.Tied(0) {
			d, _ := m.delegate(hits[0].ID)
			m.setNotice(lvlWarn, t.F("checkin.n.namesakes", n, d.FullName))
		} else {
			m.setNotice(lvlWarn, t.F("checkin.n.choose", n))
		}
		return nil
	}
	d, ok := m.picker.Selected()
	if !ok {
		return nil
	}
	m.clearQuery()
	return m.checkIn(d.ID, d.FullName)
}

func (m *Model) bad(text string) { m.setNotice(lvlBad, text) }

// checkIn commits delegate id, or whoever comes in her place when she
// sent apologies naming someone.
func (m *Model) checkIn(id int64, name string) tea.Cmd {
	if d, ok := m.delegate(id); ok {
		if a, ok := m.forSubstitute(d); ok {
			return m.checkInSubstitute(id, a)
		}
	}
	return m.commit(name, func(st *store.Store) checkedMsg {
		res, err := st.CheckIn(m.c.Ctx, id)
		return checkedMsg{res: res, err: err}
	})
}

// commit shows "saving" and runs fn in a Cmd; the notice says done only
// when the commit has returned.
func (m *Model) commit(label string, fn func(*store.Store) checkedMsg) tea.Cmd {
	m.req++
	m.noticeReq = m.req
	m.setNotice(lvlInfo, m.c.T.F("checkin.n.pending", label))
	req, st := m.req, m.c.Store
	return func() tea.Msg {
		msg := fn(st)
		msg.req = req
		return msg
	}
}

func (m *Model) checked(msg checkedMsg) tea.Cmd {
	t := m.c.T
	if msg.err == nil {
		m.patch(msg.res.Delegate)
		if !msg.res.Already {
			m.remember(msg.res.Delegate.ID)
		}
	}
	// An older commit that simply succeeded does not hide the notice of a
	// newer one; an error or "already here" always shows.
	if msg.req < m.noticeReq && msg.err == nil && !msg.res.Already {
		return nil
	}
	m.noticeReq = max(m.noticeReq, msg.req)
	d := msg.res.Delegate
	switch {
	case msg.err != nil && msg.sheet > 0 && errors.Is(msg.err, store.ErrNotFound):
		m.bad(t.F("checkin.n.no_row", strconv.Itoa(msg.sheet)))
	case msg.walkIn && errors.As(msg.err, new(*store.OnListError)):
		var on *store.OnListError
		errors.As(msg.err, &on)
		m.confirm = &confirm{d: on.Delegates[0], walkIn: &msg.form, onList: on.Delegates}
	case msg.err != nil && msg.code != "" && errors.Is(msg.err, store.ErrNotFound):
		m.bad(t.F("checkin.n.unknown", msg.code))
	case msg.err != nil:
		m.bad(t.F("checkin.n.error", m.c.ErrText(msg.err)))
	case msg.res.Already && msg.sub != nil:
		m.setNotice(lvlWarn, t.F("apology.desk.sub_already", d.FullName, msg.sub.Replaced.FullName, m.clockText(msg.res.CheckIn.At), deskName(t, msg.res.CheckIn.User)))
	case msg.res.Already:
		m.setNotice(lvlWarn, t.F("checkin.n.already", d.FullName, m.clockText(msg.res.CheckIn.At), deskName(t, msg.res.CheckIn.User)))
	case msg.sub != nil:
		m.setNotice(lvlOK, t.F("apology.desk.sub_done", m.clockText(msg.res.CheckIn.At), d.FullName, msg.sub.Replaced.FullName))
	case msg.walkIn:
		m.setNotice(lvlOK, t.F("checkin.n.walkin", nameUnit(d)))
	default:
		m.setNotice(lvlOK, t.F("checkin.n.done", nameUnit(d), m.clockText(msg.res.CheckIn.At)))
	}
	return nil
}

// nameUnit is "Name — Unit", or the name alone for someone without one.
func nameUnit(d store.Delegate) string {
	if u := unitText(d); u != "" {
		return d.FullName + " — " + u
	}
	return d.FullName
}

func unitText(d store.Delegate) string {
	if d.UnitName != "" {
		return d.UnitName
	}
	return d.Title
}

// patch updates the in-memory row at once; the reload that the commit
// triggers (common.ChangedMsg) brings the tallies.
func (m *Model) patch(d store.Delegate) {
	if m.snap == nil {
		return
	}
	i, ok := m.snap.pos[d.ID]
	if !ok {
		return
	}
	m.snap.ds[i].ArrivedAt, m.snap.ds[i].ArrivedAs, m.snap.ds[i].ArrivedBy = d.ArrivedAt, d.ArrivedAs, d.ArrivedBy
	recent := m.dropRecent(i)
	if d.Arrived() {
		recent = append([]int{i}, recent...)
	}
	m.snap.recent = recent[:min(len(recent), recentMax)]
}

// dropRecent returns the recent list without position i (a new slice:
// the snapshot's may be shared with a load in flight).
func (m *Model) dropRecent(i int) []int {
	out := make([]int, 0, len(m.snap.recent)+1)
	for _, j := range m.snap.recent {
		if j != i {
			out = append(out, j)
		}
	}
	return out
}

// lastCheckIn finds this desk's newest check-in that still stands: first
// among those made since the desk opened (two unnamed desks on one laptop
// share a user name, so the log alone cannot tell them apart), then, for a
// desk with a name of its own (--desk, or an SSH device), in the log, which
// survives a restart.
func lastCheckIn(c *common.Common, req int, mine []int64) tea.Cmd {
	me := c.Store.Actor()
	return func() tea.Msg {
		for i := len(mine) - 1; i >= 0; i-- {
			d, err := c.Store.Delegate(c.Ctx, mine[i])
			if err == nil && d.Arrived() && d.ArrivedBy == me.User && d.ArrivedAs == me.Station {
				return lastMsg{req: req, d: d}
			}
		}
		if !namedDesk(me.User) {
			return lastMsg{req: req, err: store.ErrNotFound}
		}
		d, err := c.Store.LastCheckIn(c.Ctx)
		return lastMsg{req: req, d: d, err: err}
	}
}

func (m *Model) gotLast(msg lastMsg) {
	if msg.req != m.req {
		return // the operator did something else meanwhile
	}
	switch {
	case errors.Is(msg.err, store.ErrNotFound):
		m.setNotice(lvlInfo, m.c.T.T("checkin.n.no_last"))
	case msg.err != nil:
		m.bad(m.c.T.F("checkin.n.error", m.c.ErrText(msg.err)))
	default:
		m.confirm = &confirm{d: msg.d}
	}
}

// askUncheck asks to undo the highlighted delegate's check-in.
func (m *Model) askUncheck() {
	d, ok := m.picker.Selected()
	if !ok {
		m.setNotice(lvlInfo, m.c.T.T("checkin.n.uncheck_how"))
		return
	}
	if !d.Arrived() {
		// her row stands for her substitute when he or she is here
		if a, ok := m.apologyOf(d.ID); ok {
			if sub, ok := m.substitute(a); ok && sub.Arrived() {
				m.confirm = &confirm{d: sub}
				return
			}
		}
		m.setNotice(lvlInfo, m.c.T.F("checkin.n.not_here", d.FullName))
		return
	}
	m.confirm = &confirm{d: d}
}

func (m *Model) confirmKey(k tea.KeyMsg) tea.Cmd {
	if m.confirm.walkIn != nil {
		return m.onListKey(k)
	}
	switch {
	case key.Matches(k, m.keys.Yes):
		d := m.confirm.d
		m.confirm = nil
		m.clearQuery() // the next person starts from an empty field
		m.req++
		m.noticeReq = m.req
		req, c := m.req, m.c
		principal, _ := m.replaced(d.ID)
		return func() tea.Msg {
			err := c.Store.UndoCheckIn(c.Ctx, d.ID)
			removed := false
			if err == nil && d.WalkIn {
				_, gone := c.Store.Delegate(c.Ctx, d.ID)
				removed = errors.Is(gone, store.ErrNotFound)
			}
			return undoneMsg{req: req, d: d, err: err, removed: removed, principal: principal}
		}
	default:
		// Only y undoes. Enter is pressed all day at the desk and a scanner
		// ends every code with it: any other key keeps the check-in. n and
		// Esc are the answer; anything else goes on to the search.
		m.confirm = nil
		m.setNotice(lvlInfo, m.c.T.T("checkin.n.cancelled"))
		if key.Matches(k, m.keys.No) || k.String() == "n" {
			return nil
		}
		return m.key(k)
	}
}

func (m *Model) undone(msg undoneMsg) {
	if msg.err != nil {
		m.bad(m.c.T.F("checkin.n.error", m.c.ErrText(msg.err)))
		return
	}
	d := msg.d
	m.patch(store.Delegate{ID: d.ID})
	m.noticeReq = max(m.noticeReq, msg.req)
	if msg.principal.ID != 0 {
		m.setNotice(lvlOK, m.c.T.F("apology.desk.sub_undone", d.FullName, msg.principal.FullName))
		return
	}
	if msg.removed {
		m.setNotice(lvlOK, m.c.T.F("checkin.n.undone_walkin", nameUnit(d)))
		return
	}
	m.setNotice(lvlOK, m.c.T.F("checkin.n.undone", nameUnit(d)))
}
