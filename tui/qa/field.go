package qa

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/common"
	"doithoai/tui/components"
	"doithoai/tui/i18n"
	"doithoai/tui/styles"
)

// fieldState is what a draft keeps of one field: the typed text and, for
// fields that choose from a list, the key of the choice. It is all a field
// needs to come back exactly as it was.
type fieldState struct {
	Text       string `json:"text,omitempty"`
	Key        string `json:"key,omitempty"`
	Fresh      bool   `json:"fresh,omitempty"`
	Name       string `json:"name,omitempty"`
	Unit       string `json:"unit,omitempty"`
	DelegateID int64  `json:"delegate_id,omitempty"`
	SpeakerID  int64  `json:"speaker_id,omitempty"`
}

// field is one input of a form.
type field interface {
	focus() tea.Cmd
	blur()
	// update handles a message while the field has focus; it reports
	// whether the text changed (so the draft is dirty).
	update(tea.Msg) (tea.Cmd, bool)
	// commit resolves what was typed when the field is left.
	commit()
	state() fieldState
	restore(fieldState)
	// setWidth lays the field out for w columns (from SetSize, not View).
	setWidth(w int)
	// view draws the input line in width w and, when focused, up to rows
	// lines below it (a list of choices).
	view(w int, focused bool, rows int) []string
}

// option is one choice of a chooser.
type option struct {
	key    string // stable: kept in drafts ("u:12", a topic, an outcome)
	label  string // shown in the field once chosen
	hint   string // shown after the label in the list
	folded string // what the typed words are matched against
}

// chooser is a text field over a list: the typed words (accents optional)
// narrow the list, ↑/↓ move, leaving the field takes the highlighted one.
type chooser struct {
	s        *styles.Styles
	in       textinput.Model
	opts     []option
	hits     []int
	cursor   int
	chosen   string // key of the chosen option, "" = none
	fresh    bool   // the text shown is the chosen label: typing replaces it
	free     bool   // text matching nothing is kept as typed
	required bool   // an empty field takes the highlighted option
	// newRow, when set, offers the typed text as a new option on a row of
	// its own (a format with one %s): taken only when that row is chosen
	newRow string
	// newWarn is added to the new row when the text has no accents at
	// all ("nuoc sach"): documents would carry it as typed
	newWarn string
	onNew   bool // the new row is highlighted
	moved   bool // ↑/↓ pressed since the text changed: the highlight is a choice
	isNew   bool // the typed text was taken as a new option
	exact   bool // the typed text is an option's label, accents aside
}

// newKey marks a chooser's typed text taken as a new option in a draft.
const newKey = "+new"

// showNew reports whether the "new option" row is listed.
func (c *chooser) showNew() bool {
	return c.newRow != "" && !c.fresh && !c.exact && strings.TrimSpace(c.in.Value()) != ""
}

// unresolved: text typed that is neither an option nor taken as new.
func (c *chooser) unresolved() bool {
	return c.newRow != "" && c.chosen == "" && !c.isNew && strings.TrimSpace(c.in.Value()) != ""
}

func newInput(s *styles.Styles, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.PlaceholderStyle = s.Subtle
	in.PromptStyle = s.Normal
	in.TextStyle = s.Normal
	in.CharLimit = store.MaxName // names, units, topics, agencies: a paste is cut there
	// a steady cursor: no blink messages streaming over SSH every half second
	in.Cursor.SetMode(cursor.CursorStatic)
	return in
}

func newChooser(s *styles.Styles, placeholder string, free, required bool) *chooser {
	return &chooser{s: s, in: newInput(s, placeholder), free: free, required: required}
}

func mkOption(key, label, hint string, extra ...string) option {
	return option{key: key, label: label, hint: hint, folded: fold.Fold(label + " " + hint + " " + strings.Join(extra, " "))}
}

// setOptions replaces the list (after a reload), keeping the choice and
// the highlighted option if they are still there.
func (c *chooser) setOptions(opts []option) {
	hl := ""
	if c.cursor < len(c.hits) && c.hits[c.cursor] < len(c.opts) {
		hl = c.opts[c.hits[c.cursor]].key
	}
	c.opts = opts
	if c.chosen != "" {
		if i := c.index(c.chosen); i >= 0 && c.fresh {
			c.in.SetValue(opts[i].label)
		}
	}
	c.filter()
	for j, i := range c.hits {
		if hl != "" && c.opts[i].key == hl {
			c.cursor = j
		}
	}
}

func (c *chooser) index(key string) int {
	for i, o := range c.opts {
		if o.key == key {
			return i
		}
	}
	return -1
}

func (c *chooser) filter() {
	c.hits = c.hits[:0]
	c.onNew, c.exact = false, false
	var words []string
	if !c.fresh {
		words = strings.Fields(fold.Fold(c.in.Value()))
	}
	typed := strings.Join(words, " ")
	for i, o := range c.opts {
		// the typed text is an option, or the start of one, accents
		// aside: "nuoc sach" is (still) Nước sạch nông thôn, not a new one
		if lf := strings.Join(strings.Fields(fold.Fold(o.label)), " "); typed != "" && (lf == typed || strings.HasPrefix(lf, typed+" ")) {
			c.exact = true
		}
		ok := true
		for _, w := range words {
			// each word must start a word of the option, as at the check-in
			// desk: "hong van" finds Hồng Vân, not Phòng Nội vụ's Văn Toàn
			if !strings.HasPrefix(o.folded, w) && !strings.Contains(o.folded, " "+w) {
				ok = false
				break
			}
		}
		if ok {
			c.hits = append(c.hits, i)
		}
	}
	c.rank(words)
	c.cursor = 0
	if c.fresh {
		for j, i := range c.hits {
			if c.opts[i].key == c.chosen {
				c.cursor = j
			}
		}
	}
}

// rank puts first the hits where the typed words stand as a phrase
// (consecutive, in order: "nha tre" is Nhà trẻ), then the others, each
// group in list order. Every hit already has each word starting one of its
// words, so without this "nha tre" listed "xã nhà … trên 35" first and
// Enter took it.
func (c *chooser) rank(words []string) {
	if len(words) < 2 {
		return // one word: every hit has it as a word start
	}
	var typed []string
	for _, w := range words {
		typed = append(typed, splitWords(w)...)
	}
	j := 0
	for k, i := range c.hits {
		if isPhrase(splitWords(c.opts[i].folded), typed) {
			// move it up, keeping both groups in list order
			copy(c.hits[j+1:k+1], c.hits[j:k])
			c.hits[j] = i
			j++
		}
	}
}

// splitWords splits folded text into words of letters and digits:
// "[ld-tb&xh] nha tre," is ld, tb, xh, nha, tre.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// isPhrase reports whether typed appears in words consecutively and in
// order, the last typed word being the start of its word (still typing).
func isPhrase(words, typed []string) bool {
	n := len(typed)
	if n == 0 {
		return true
	}
	for k := 0; k+n <= len(words); k++ {
		ok := strings.HasPrefix(words[k+n-1], typed[n-1])
		for i := 0; ok && i < n-1; i++ {
			ok = words[k+i] == typed[i]
		}
		if ok {
			return true
		}
	}
	return false
}

// choose sets the field to option key ("" clears it).
func (c *chooser) choose(key string) {
	c.moved = false
	i := c.index(key)
	if key == "" || i < 0 {
		c.chosen, c.fresh = "", false
		c.in.SetValue("")
		c.filter()
		return
	}
	c.chosen, c.fresh, c.isNew = key, true, false
	c.in.SetValue(c.opts[i].label)
	// show the start of a long label ("KN 3 [NHCSXH] …"); typing replaces
	// a fresh choice anyway
	c.in.CursorStart()
	c.filter()
}

func (c *chooser) focus() tea.Cmd { c.filter(); return c.in.Focus() }
func (c *chooser) blur()          { c.in.Blur() }

func (c *chooser) update(msg tea.Msg) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.String() {
		case "up", "ctrl+p":
			c.moved = true
			if c.onNew {
				c.onNew = false
			} else if c.cursor > 0 {
				c.cursor--
			}
			return nil, false
		case "down", "ctrl+n":
			c.moved = true
			if c.cursor < len(c.hits)-1 {
				c.cursor++
			} else if c.showNew() {
				c.onNew = true
			}
			return nil, false
		case "backspace", "ctrl+h":
			if c.fresh {
				c.chosen, c.fresh = "", false
				c.in.SetValue("")
				c.filter()
				return nil, true
			}
		}
		if k.Type == tea.KeyRunes && c.fresh {
			c.chosen, c.fresh = "", false
			c.in.SetValue("")
		}
	}
	before := c.in.Value()
	var cmd tea.Cmd
	c.in, cmd = c.in.Update(msg)
	if c.in.Value() != before {
		c.chosen, c.fresh, c.isNew, c.moved = "", false, false, false
		c.filter()
		return cmd, true
	}
	return cmd, false
}

func (c *chooser) commit() {
	if c.chosen != "" || c.isNew {
		return
	}
	text := strings.TrimSpace(c.in.Value())
	if c.onNew && c.showNew() {
		c.isNew = true
		return
	}
	// with nothing typed, a highlight moved with the arrows is a choice
	// too (the full list is shown to pick from)
	if (text != "" || c.required || c.moved) && len(c.hits) > 0 {
		c.choose(c.opts[c.hits[c.cursor]].key)
		return
	}
	if !c.free && c.newRow == "" {
		c.in.SetValue("")
	}
}

// highlighted is the key of the highlighted option while typing ("" when
// nothing is typed or nothing matches).
func (c *chooser) highlighted() string {
	if c.fresh || (strings.TrimSpace(c.in.Value()) == "" && !c.moved) || len(c.hits) == 0 {
		return ""
	}
	return c.opts[c.hits[c.cursor]].key
}

// value is the chosen key and the text shown.
func (c *chooser) value() (string, string) { return c.chosen, strings.TrimSpace(c.in.Value()) }

func (c *chooser) state() fieldState {
	if c.isNew {
		return fieldState{Text: c.in.Value(), Key: newKey}
	}
	return fieldState{Text: c.in.Value(), Key: c.chosen, Fresh: c.fresh}
}

func (c *chooser) restore(st fieldState) {
	c.in.SetValue(st.Text)
	c.in.CursorEnd()
	c.isNew = st.Key == newKey
	if c.isNew {
		st.Key = ""
	}
	c.chosen, c.fresh = st.Key, st.Fresh && st.Key != ""
	c.filter()
}

func (c *chooser) setWidth(w int) { c.in.Width = max(1, w-1) }

func (c *chooser) view(w int, focused bool, rows int) []string {
	out := []string{c.in.View()}
	if !focused || rows <= 0 || (len(c.hits) == 0 && !c.showNew()) {
		return out
	}
	if c.isNew {
		return append(out, c.s.Subtle.Render(common.Pad("  "+c.newText(), w)))
	}
	var newLine string
	if c.showNew() {
		rows-- // the new row, last
		newLine = common.Pad("  "+c.newText(), w)
		if c.onNew {
			newLine = c.s.Selected.Render(newLine)
		} else {
			newLine = c.s.Subtle.Render(newLine)
		}
	}
	start := 0
	if c.cursor >= rows {
		start = c.cursor - rows + 1
	}
	for j := start; j < len(c.hits) && j < start+rows; j++ {
		o := c.opts[c.hits[j]]
		line := o.label
		if o.hint != "" {
			line += "  " + o.hint
		}
		line = common.Pad("  "+line, w)
		if j == c.cursor && !c.onNew {
			line = c.s.Selected.Render(line)
		}
		out = append(out, line)
	}
	if newLine != "" {
		out = append(out, newLine)
	}
	return out
}

// newText is the new row's text, warned when typed without accents.
func (c *chooser) newText() string {
	typed := strings.TrimSpace(c.in.Value())
	s := fmt.Sprintf(c.newRow, typed)
	if c.newWarn != "" && noAccents(typed) {
		s += c.newWarn
	}
	return s
}

// textField is a one-line free text field.
type textField struct {
	in textinput.Model
}

func newTextField(s *styles.Styles, placeholder string) *textField {
	return &textField{in: newInput(s, placeholder)}
}

func (t *textField) focus() tea.Cmd { return t.in.Focus() }
func (t *textField) blur()          { t.in.Blur() }
func (t *textField) commit()        {}
func (t *textField) update(msg tea.Msg) (tea.Cmd, bool) {
	before := t.in.Value()
	var cmd tea.Cmd
	t.in, cmd = t.in.Update(msg)
	return cmd, t.in.Value() != before
}
func (t *textField) state() fieldState    { return fieldState{Text: t.in.Value()} }
func (t *textField) restore(s fieldState) { t.in.SetValue(s.Text); t.in.CursorEnd() }
func (t *textField) value() string        { return strings.TrimSpace(t.in.Value()) }
func (t *textField) setWidth(w int)       { t.in.Width = max(1, w-1) }
func (t *textField) view(w int, _ bool, _ int) []string {
	return []string{t.in.View()}
}

// areaField is wrapped free text: Enter leaves it (speed), alt+enter breaks
// a line. From 80 % of the limit a counter shows under it; a paste that
// was cut says so until the next key.
type areaField struct {
	ta     textarea.Model
	height int
	s      *styles.Styles
	t      i18n.Catalog
	cut    int // runes of the last paste, when it did not fit
}

func newAreaField(s *styles.Styles, t i18n.Catalog, placeholder string) *areaField {
	ta := textarea.New()
	ta.Prompt = ""
	ta.ShowLineNumbers = false
	ta.Placeholder = placeholder
	ta.CharLimit = store.MaxText
	ta.KeyMap.InsertNewline.SetKeys("alt+enter", "ctrl+j")
	st := textarea.Style{Base: s.Normal, CursorLine: s.Normal, Text: s.Normal, Placeholder: s.Subtle, Prompt: s.Normal,
		EndOfBuffer: s.Subtle, LineNumber: s.Subtle, CursorLineNumber: s.Subtle}
	ta.FocusedStyle, ta.BlurredStyle = st, st
	ta.Cursor.SetMode(cursor.CursorStatic)
	ta.Blur()
	return &areaField{ta: ta, height: 3, s: s, t: t}
}

func (a *areaField) focus() tea.Cmd { a.ta.SetHeight(a.height); return a.ta.Focus() }
func (a *areaField) blur()          { a.ta.Blur() }
func (a *areaField) setWidth(w int) { a.ta.SetWidth(max(1, w)); a.ta.SetHeight(a.height) }
func (a *areaField) commit()        {}
func (a *areaField) update(msg tea.Msg) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyMsg); ok {
		a.cut = 0
		if k.Paste && len(k.Runes) > a.ta.CharLimit-a.ta.Length() {
			a.cut = len(k.Runes)
		}
	}
	before := a.ta.Value()
	var cmd tea.Cmd
	a.ta, cmd = a.ta.Update(msg)
	return cmd, a.ta.Value() != before
}
func (a *areaField) state() fieldState    { return fieldState{Text: a.ta.Value()} }
func (a *areaField) restore(s fieldState) { a.ta.SetValue(s.Text) }
func (a *areaField) value() string        { return strings.TrimSpace(a.ta.Value()) }

func (a *areaField) view(w int, focused bool, _ int) []string {
	if focused {
		lines := strings.Split(a.ta.View(), "\n")
		if a.cut > 0 {
			return append(lines, a.s.Warn.Render(common.Trunc(a.t.F("sec.field.cut", a.cut, a.ta.CharLimit), w)))
		}
		if n := components.Counter(a.ta.Length(), a.ta.CharLimit); n != "" {
			return append(lines, a.s.Subtle.Render(n))
		}
		return lines
	}
	// blurred: the text wrapped, at most the area's height
	v := a.ta.Value()
	if v == "" {
		return []string{""}
	}
	return wrapN(strings.ReplaceAll(v, "\n", " "), w, a.height)
}
