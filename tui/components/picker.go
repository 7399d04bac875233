package components

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/common"
)

// DelegatePicker is accent-free search over delegates: a text field and the
// ranked hits below it. The check-in desk, the speaker queue and the
// secretary's asker field all use it, so they match names the same way.
type DelegatePicker struct {
	c      *common.Common
	Input  textinput.Model
	all    []store.Delegate
	byID   map[int64]int
	ix     *fold.Index
	hits   []fold.Hit
	tied   []bool // tied[i]: hit i has a namesake among the hits (same score, same folded name)
	folded map[int64]string
	seen   map[string]int
	cursor int
	// Filter, when set, keeps only the delegates it accepts (for example
	// those who have arrived).
	Filter func(store.Delegate) bool
	// Limit is how many hits to keep (default 50).
	Limit int
	Up    key.Binding
	Down  key.Binding
}

// NewDelegatePicker returns an empty, focused picker.
func NewDelegatePicker(c *common.Common, placeholder string) *DelegatePicker {
	ti := textinput.New()
	ti.Placeholder = placeholder
	ti.Prompt = "› "
	ti.CharLimit = 200
	ti.Focus()
	return &DelegatePicker{c: c, Input: ti, byID: map[int64]int{}, ix: fold.NewIndex(nil), Limit: 50,
		folded: map[int64]string{}, seen: map[string]int{},
		Up:   key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", c.T.T("key.up"))),
		Down: key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", c.T.T("key.down"))),
	}
}

// EntryOf is what the search index knows of a delegate.
func EntryOf(d store.Delegate) fold.Entry {
	return fold.Entry{ID: d.ID, Name: d.FullName, Title: d.Title, Unit: d.UnitName, Code: d.Code}
}

// BuildIndex builds the search index of ds. It costs a few milliseconds for
// 10,000 delegates: call it in a tea.Cmd, not in Update.
func BuildIndex(ds []store.Delegate) *fold.Index {
	es := make([]fold.Entry, len(ds))
	for i, d := range ds {
		es[i] = EntryOf(d)
	}
	return fold.NewIndex(es)
}

// SetDelegates replaces the list and its index (built by BuildIndex in a
// Cmd) and re-runs the current query, keeping the highlighted delegate.
func (p *DelegatePicker) SetDelegates(ds []store.Delegate, ix *fold.Index) {
	sel, had := p.Selected()
	p.all, p.ix = ds, ix
	p.folded = map[int64]string{}
	p.byID = make(map[int64]int, len(ds))
	for i, d := range ds {
		p.byID[d.ID] = i
	}
	p.search()
	if had {
		for i, h := range p.hits {
			if h.ID == sel.ID {
				p.cursor = i
			}
		}
	}
}

// Delegates is the current list.
func (p *DelegatePicker) Delegates() []store.Delegate { return p.all }

// ByID returns a delegate of the list.
func (p *DelegatePicker) ByID(id int64) (store.Delegate, bool) {
	i, ok := p.byID[id]
	if !ok {
		return store.Delegate{}, false
	}
	return p.all[i], true
}

func (p *DelegatePicker) search() {
	limit := p.Limit
	if p.Filter != nil {
		limit *= 8
	}
	hits := p.ix.Search(p.Input.Value(), limit)
	p.hits = p.hits[:0]
	for _, h := range hits {
		d, ok := p.ByID(h.ID)
		if !ok || (p.Filter != nil && !p.Filter(d)) {
			continue
		}
		p.hits = append(p.hits, h)
		if len(p.hits) == p.Limit {
			break
		}
	}
	if p.cursor >= len(p.hits) {
		p.cursor = max(0, len(p.hits)-1)
	}
	p.markTies()
}

// markTies finds namesakes among the hits once per search, so drawing a
// row costs nothing. Hits come best first, so equal scores are adjacent;
// only names in a run of equal scores are compared, by their folded form
// (cached per delegate until the list changes).
func (p *DelegatePicker) markTies() {
	p.tied = p.tied[:0]
	for range p.hits {
		p.tied = append(p.tied, false)
	}
	for lo := 0; lo < len(p.hits); {
		hi := lo + 1
		for hi < len(p.hits) && p.hits[hi].Score == p.hits[lo].Score {
			hi++
		}
		if hi-lo > 1 {
			clear(p.seen)
			for _, h := range p.hits[lo:hi] {
				p.seen[p.foldedName(h.ID)]++
			}
			for i, h := range p.hits[lo:hi] {
				p.tied[lo+i] = p.seen[p.foldedName(h.ID)] > 1
			}
		}
		lo = hi
	}
}

func (p *DelegatePicker) foldedName(id int64) string {
	f, ok := p.folded[id]
	if !ok {
		d, _ := p.ByID(id)
		f = fold.Fold(d.FullName)
		p.folded[id] = f
	}
	return f
}

// Update handles typing and moving the highlight.
func (p *DelegatePicker) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, p.Up):
			if p.cursor > 0 {
				p.cursor--
			}
			return nil
		case key.Matches(k, p.Down):
			if p.cursor < len(p.hits)-1 {
				p.cursor++
			}
			return nil
		}
	}
	before := p.Input.Value()
	var cmd tea.Cmd
	p.Input, cmd = p.Input.Update(msg)
	if p.Input.Value() != before {
		p.cursor = 0
		p.search()
	}
	return cmd
}

// Pin shows exactly the delegates ids (for example the one on row #12 of
// the sign-in sheet) instead of search results, until the query changes.
func (p *DelegatePicker) Pin(ids ...int64) {
	p.hits, p.tied = p.hits[:0], p.tied[:0]
	for _, id := range ids {
		if _, ok := p.ByID(id); ok {
			p.hits = append(p.hits, fold.Hit{ID: id, Score: fold.TierCode * fold.TierScale})
			p.tied = append(p.tied, false)
		}
	}
	p.cursor = 0
}

// Hits are the current results, best first.
func (p *DelegatePicker) Hits() []fold.Hit { return p.hits }

// Cursor is the highlighted row.
func (p *DelegatePicker) Cursor() int { return p.cursor }

// SetCursor moves the highlight.
func (p *DelegatePicker) SetCursor(i int) {
	if i >= 0 && i < len(p.hits) {
		p.cursor = i
	}
}

// Selected is the highlighted delegate.
func (p *DelegatePicker) Selected() (store.Delegate, bool) {
	if p.cursor < 0 || p.cursor >= len(p.hits) {
		return store.Delegate{}, false
	}
	return p.ByID(p.hits[p.cursor].ID)
}

// Tied reports whether hit i scores the same as another hit with the same
// folded name: namesakes the query cannot tell apart, so the unit must be
// shown and the operator must choose.
func (p *DelegatePicker) Tied(i int) bool {
	return i >= 0 && i < len(p.tied) && p.tied[i]
}

// Ambiguous reports whether the query cannot single out its best hit: the
// first two hits score the same (namesakes, or a query too short to tell
// two names apart). Enter should then not pick the first hit blindly.
func (p *DelegatePicker) Ambiguous() bool {
	return len(p.hits) > 1 && p.hits[0].Score == p.hits[1].Score
}

// Index is the current search index.
func (p *DelegatePicker) Index() *fold.Index { return p.ix }

// Query is the typed text.
func (p *DelegatePicker) Query() string { return p.Input.Value() }

// Reset clears the query for the next person.
func (p *DelegatePicker) Reset() {
	p.Input.SetValue("")
	p.cursor = 0
	p.hits = p.hits[:0]
	p.tied = p.tied[:0]
}

// SetQuery replaces the typed text and searches.
func (p *DelegatePicker) SetQuery(q string) {
	p.Input.SetValue(q)
	p.Input.CursorEnd()
	p.cursor = 0
	p.search()
}

// ListView draws up to h rows of hits in width w: name, title, unit; the
// highlighted row reversed. Cost grows with h, not with the list.
func (p *DelegatePicker) ListView(w, h int) string {
	s := p.c.Styles
	var b strings.Builder
	for i := 0; i < len(p.hits) && i < h; i++ {
		d, _ := p.ByID(p.hits[i].ID)
		line := common.Pad(d.FullName, min(28, w/3)) + " " + common.Pad(d.UnitName, min(24, w/4)) + " " + d.Title
		line = common.Pad(line, w)
		if i == p.cursor {
			line = s.Selected.Render(line)
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	return b.String()
}
