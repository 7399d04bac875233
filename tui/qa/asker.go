package qa

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/common"
	"doithoai/tui/components"
)

// askerField is who asks: the moderator's current speaker (prefilled), a
// delegate found by accent-free search (those who have arrived first, the
// others marked as not checked in), or a name typed free ("Name, Unit")
// for someone not on the list.
type askerField struct {
	c      *common.Common
	p      *components.DelegatePicker // arrived: takes the typing
	away   *components.DelegatePicker // not checked in: the same query
	cur    int                        // highlighted row of p's hits then away's
	freeOn bool                       // the "type free" row below the hits is highlighted
	fresh  bool                       // the text shown is the chosen asker: typing replaces it
	set    bool                       // an asker is chosen (fresh) or typed free (committed)

	name, unit            string
	delegateID, speakerID int64
	// current speaker, so choosing the same delegate keeps the speaker link
	speaker store.Speaker
}

func newAskerField(c *common.Common) *askerField {
	p := components.NewDelegatePicker(c, c.T.T("qa.asker.placeholder"))
	p.Input.Prompt = ""
	p.Input.PlaceholderStyle = c.Styles.Subtle
	p.Input.Cursor.SetMode(cursor.CursorStatic)
	p.Input.Blur()
	p.Filter = func(d store.Delegate) bool { return d.Arrived() }
	p.Limit = 20
	away := components.NewDelegatePicker(c, "")
	away.Filter = func(d store.Delegate) bool { return !d.Arrived() }
	away.Limit = 20
	return &askerField{c: c, p: p, away: away}
}

func (a *askerField) setDelegates(ds []store.Delegate, ix *fold.Index) {
	sel, had := a.selected()
	a.p.SetDelegates(ds, ix)
	a.away.SetDelegates(ds, ix)
	a.cur = 0
	if had {
		for i := range a.rows() {
			if d, _ := a.row(i); d.ID == sel.ID {
				a.cur = i
			}
		}
	}
}

// rows is how many hits are listed: arrived, then not checked in.
func (a *askerField) rows() int { return len(a.p.Hits()) + len(a.away.Hits()) }

// row is hit i of the list and whether that delegate has arrived.
func (a *askerField) row(i int) (store.Delegate, bool) {
	if n := len(a.p.Hits()); i < n {
		d, _ := a.p.ByID(a.p.Hits()[i].ID)
		return d, true
	} else if i-n < len(a.away.Hits()) {
		d, _ := a.away.ByID(a.away.Hits()[i-n].ID)
		return d, false
	}
	return store.Delegate{}, false
}

func (a *askerField) selected() (store.Delegate, bool) {
	if a.cur >= a.rows() {
		return store.Delegate{}, false
	}
	d, _ := a.row(a.cur)
	return d, true
}

// setQuery searches both lists for q.
func (a *askerField) setQuery(q string) {
	a.p.SetQuery(q)
	a.away.SetQuery(q)
	a.cur = 0
}

// setSpeaker prefills the asker with the speaker whose turn is running.
func (a *askerField) setSpeaker(sp store.Speaker) {
	a.speaker = sp
	a.name, a.unit, a.delegateID, a.speakerID = sp.Name, sp.UnitName, sp.DelegateID, sp.ID
	a.show()
}

func (a *askerField) label() string {
	if a.unit == "" {
		return a.name
	}
	return a.name + " (" + a.unit + ")"
}

func (a *askerField) show() {
	a.set, a.fresh, a.freeOn = a.name != "", a.name != "", false
	a.p.Input.SetValue(a.label())
	a.p.Input.CursorEnd()
}

func (a *askerField) clear() {
	a.set, a.fresh = false, false
	a.name, a.unit, a.delegateID, a.speakerID = "", "", 0, 0
}

func (a *askerField) focus() tea.Cmd { return a.p.Input.Focus() }
func (a *askerField) blur()          { a.p.Input.Blur() }
func (a *askerField) setWidth(w int) { a.p.Input.Width = max(1, w-1) }

func (a *askerField) update(msg tea.Msg) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyMsg); ok {
		hits := a.rows()
		switch k.String() {
		case "down", "ctrl+n":
			if !a.freeOn && (hits == 0 || a.cur == hits-1) {
				a.freeOn = true
			} else if !a.freeOn {
				a.cur++
			}
			return nil, false
		case "up", "ctrl+p":
			if a.freeOn {
				a.freeOn = false
			} else if a.cur > 0 {
				a.cur--
			}
			return nil, false
		case "backspace", "ctrl+h":
			if a.fresh {
				a.clear()
				a.setQuery("")
				return nil, true
			}
		}
		if k.Type == tea.KeyRunes && a.fresh {
			a.clear()
			a.setQuery("")
		}
	}
	before := a.p.Query()
	cmd := a.p.Update(msg)
	if a.p.Query() != before {
		a.away.SetQuery(a.p.Query())
		a.cur = 0
		a.clear()
		a.freeOn = false
		return cmd, true
	}
	return cmd, false
}

// commit takes the highlighted delegate, or the typed text as a free name.
func (a *askerField) commit() {
	if a.set {
		return
	}
	text := strings.TrimSpace(a.p.Query())
	if text == "" {
		return
	}
	if d, ok := a.selected(); ok && !a.freeOn && !a.typedFree() {
		a.name, a.unit, a.delegateID = d.FullName, d.UnitName, d.ID
		a.speakerID = 0
		if a.speaker.ID != 0 && a.speaker.DelegateID == d.ID {
			a.speakerID = a.speaker.ID
		}
		a.show()
		return
	}
	a.name, a.unit = splitNameUnit(text)
	a.delegateID, a.speakerID = 0, 0
	a.show()
}

// typedFree: "Name, Unit" is how someone not on the list is typed, so a
// comma chooses the free row without arrowing past the hits.
func (a *askerField) typedFree() bool { return strings.Contains(a.p.Query(), ",") }

// splitNameUnit reads "Name, Unit" typed free.
func splitNameUnit(s string) (string, string) {
	name, unit, _ := strings.Cut(s, ",")
	return strings.TrimSpace(name), strings.TrimSpace(unit)
}

func (a *askerField) state() fieldState {
	return fieldState{Text: a.p.Query(), Fresh: a.fresh, Key: fmt.Sprint(a.set), Name: a.name, Unit: a.unit,
		DelegateID: a.delegateID, SpeakerID: a.speakerID}
}

func (a *askerField) restore(st fieldState) {
	a.setQuery(st.Text)
	a.name, a.unit, a.delegateID, a.speakerID = st.Name, st.Unit, st.DelegateID, st.SpeakerID
	a.set, a.fresh = st.Key == "true", st.Fresh
}

func (a *askerField) view(w int, focused bool, rows int) []string {
	out := []string{a.p.Input.View()}
	if !focused || rows <= 0 || a.fresh {
		return out
	}
	s := a.c.Styles
	hits := a.rows()
	rows-- // the free row
	start := 0
	if a.cur >= rows {
		start = a.cur - rows + 1
	}
	away := a.c.T.T("qa.asker.away")
	for i := start; i < hits && i < start+rows; i++ {
		d, arrived := a.row(i)
		rest := d.Title
		if !arrived {
			// invited but not checked in: still the right link, said so
			rest = "(" + away + ") " + rest
		}
		line := common.Pad("  "+common.Pad(d.FullName, min(26, w/3))+" "+common.Pad(d.UnitName, min(26, w/3))+" "+rest, w)
		if i == a.cur && !a.freeOn && !a.typedFree() {
			line = s.Selected.Render(line)
		} else if !arrived {
			line = s.Subtle.Render(line)
		}
		out = append(out, line)
	}
	if q := strings.TrimSpace(a.p.Query()); q != "" {
		line := common.Pad("  "+a.c.T.F("qa.asker.free", q), w)
		if a.freeOn || hits == 0 || a.typedFree() {
			line = s.Selected.Render(line)
		} else {
			line = s.Subtle.Render(line)
		}
		out = append(out, line)
	}
	return out
}
