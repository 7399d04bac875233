package components

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/common"
)

// AccentFix corrects, with one key, a name typed without accents ("Nguyen
// Van Khach"): a field opens with the name; the user types the marks in
// and Enter writes it everywhere it was typed free (store.CorrectName:
// the speaker queues and the questions' askers), audited; Esc leaves it.
// The secretary's log and the reports station both use it.
type AccentFix struct {
	c     *common.Common
	input textinput.Model
	from  string
	open  bool
	req   int
	keys  AccentFixKeys
}

// AccentFixKeys are the field's keys.
type AccentFixKeys struct{ Save, Cancel key.Binding }

// AccentFixedMsg is the result of a correction; Owner tells two fields
// apart (a station holds one).
type AccentFixedMsg struct {
	Owner    *AccentFix
	req      int
	From, To string
	N        int
	Err      error
}

// NewAccentFix returns a closed field.
func NewAccentFix(c *common.Common) *AccentFix {
	in := textinput.New()
	in.Prompt = c.T.T("doc.fix.prompt")
	in.CharLimit = store.MaxName
	in.Cursor.SetMode(cursor.CursorStatic)
	return &AccentFix{c: c, input: in, keys: AccentFixKeys{
		Save:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T.T("doc.fix.save"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T.T("doc.fix.cancel"))),
	}}
}

// Open starts correcting name.
func (f *AccentFix) Open(name string) tea.Cmd {
	f.from, f.open = name, true
	f.input.SetValue(name)
	f.input.CursorEnd()
	return f.input.Focus()
}

// Opened reports whether the field has the keys.
func (f *AccentFix) Opened() bool { return f.open }

// Keys are the bindings to show in the help bar while open.
func (f *AccentFix) Keys() []key.Binding { return []key.Binding{f.keys.Save, f.keys.Cancel} }

// Key handles a key while open.
func (f *AccentFix) Key(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, f.keys.Cancel):
		f.close()
		return nil
	case key.Matches(msg, f.keys.Save):
		to := strings.TrimSpace(f.input.Value())
		from := f.from
		f.close()
		if to == "" || to == from {
			return nil
		}
		f.req++
		req, st, ctx := f.req, f.c.Store, f.c.Ctx
		return func() tea.Msg {
			n, err := st.CorrectName(ctx, from, to)
			return AccentFixedMsg{Owner: f, req: req, From: from, To: to, N: n, Err: err}
		}
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return cmd
}

// Mine reports whether msg is this field's latest result.
func (f *AccentFix) Mine(msg AccentFixedMsg) bool { return msg.Owner == f && msg.req == f.req }

// Result is the status line for a result.
func (f *AccentFix) Result(msg AccentFixedMsg) string {
	if msg.Err != nil {
		return f.c.ErrText(msg.Err)
	}
	return f.c.T.F("doc.fix.done", msg.From, msg.To, msg.N)
}

func (f *AccentFix) close() {
	f.open = false
	f.input.Blur()
}

// View is the field on one line w wide, with its hint under it.
func (f *AccentFix) View(w int) string {
	f.input.Width = max(w-len([]rune(f.input.Prompt))-2, 10)
	return f.input.View() + "\n" + f.c.Styles.Subtle.Render(common.Trunc(f.c.T.T("doc.fix.hint"), w))
}

// Line is the field alone, one line w wide (a station's status line).
func (f *AccentFix) Line(w int) string {
	f.input.Width = max(w-len([]rune(f.input.Prompt))-2, 10)
	return f.input.View()
}

// UnaccentedWarning is the line that points the names out: "Tên chưa dấu: Nguyen
// Van Khach (2 lượt) — d: sửa", or "" when there are none.
func UnaccentedWarning(c *common.Common, names []store.UnaccentedName, w int) string {
	if len(names) == 0 {
		return ""
	}
	var parts []string
	for _, n := range names {
		parts = append(parts, n.Name)
	}
	return c.Styles.Warn.Render(common.Trunc(c.T.F("doc.unaccented", len(names), strings.Join(parts, ", ")), w))
}
