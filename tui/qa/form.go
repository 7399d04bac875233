package qa

import (
	"encoding/json"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"doithoai/store"
	"doithoai/tui/common"
	"doithoai/tui/i18n"
)

type formKind string

const (
	formQuestion formKind = "question"
	formAnswer   formKind = "answer"
	formFilter   formKind = "filter"
)

// Field names: also the catalog suffix of their labels ("qa.f.<name>") and
// the keys of a draft's fields.
const (
	fAsker    = "asker"
	fTopic    = "topic"
	fText     = "text"
	fPetition = "petition"
	fPerson   = "person"
	fAgency   = "agency"
	fSummary  = "summary"
	fOutcome  = "outcome"
	fFollowup = "followup"
	fDue      = "due"
)

// form is one record being typed. A fresh form is built for each record;
// its whole state is a draftBody, saved every second while it changes.
type form struct {
	kind       formKind
	id         int64 // record edited; 0 = new
	questionID int64 // answers: the question answered
	itemID     int64 // questions: the dialogue item
	names      []string
	fields     map[string]field
	focus      int
	gen        int // which form this is, so late draft writes are dropped
	err        string
	errField   string
	notice     string
	armed      bool // esc pressed once on a changed form
	changed    bool
	saving     bool
	lw         int // label column width, from the longest label
	// openedAt is when the secretary started typing: a new question is
	// timed then (when it was asked), not when it was saved
	openedAt time.Time
	// rev is the record's last change when the form opened: the store
	// refuses the save if someone else changed it since
	rev int64
	// conflict is that refusal: who changed the record and when, until
	// the secretary overwrites or reloads
	conflict *store.ConflictError
	draftKey string // set once the form has a draft
	// the record as the form opened it (a correction): a save that
	// changes nothing writes nothing, and an overwrite after a conflict
	// keeps the other's changes to the fields left alone here
	baseQ *store.Question
	baseA *store.Answer
	// fuAuto is the written-by agency as followAgency last set it ("" at
	// first): while the field still holds it, it follows the agency field
	fuAuto string
	// agencyPre is the agency field as the answer form opened (the chair's
	// agency prefilled, or the record's)
	agencyPre string
}

// draftBody is what is saved as a draft.
type draftBody struct {
	Kind       formKind              `json:"kind"`
	ID         int64                 `json:"id,omitempty"`
	QuestionID int64                 `json:"question_id,omitempty"`
	ItemID     int64                 `json:"item_id,omitempty"`
	Focus      string                `json:"focus"`
	OpenedAt   time.Time             `json:"opened_at,omitzero"`
	Rev        int64                 `json:"rev,omitempty"`
	Owner      string                `json:"owner,omitempty"` // host|pid|nonce of the terminal typing it
	BaseQ      *store.Question       `json:"base_question,omitempty"`
	BaseA      *store.Answer         `json:"base_answer,omitempty"`
	Fields     map[string]fieldState `json:"fields"`
}

func (f *form) add(name string, fl field) {
	f.names = append(f.names, name)
	f.fields[name] = fl
}

// visible reports whether field name is shown: the follow-up agency and
// the due date only for a written answer.
func (f *form) visible(name string) bool {
	if name == fFollowup || name == fDue {
		c, ok := f.fields[fOutcome].(*chooser)
		return ok && c.chosen == string(store.OutcomeWritten)
	}
	return true
}

func (f *form) cur() field      { return f.fields[f.names[f.focus]] }
func (f *form) curName() string { return f.names[f.focus] }

// move leaves the current field (resolving it) and focuses the next
// visible field in direction dir; it reports false at either end.
func (f *form) move(dir int) (tea.Cmd, bool) {
	f.cur().commit()
	i := f.focus + dir
	for i >= 0 && i < len(f.names) && !f.visible(f.names[i]) {
		i += dir
	}
	if i < 0 || i >= len(f.names) {
		return nil, false
	}
	return f.focusAt(i), true
}

func (f *form) focusAt(i int) tea.Cmd {
	f.cur().blur()
	f.focus = i
	return f.cur().focus()
}

func (f *form) focusName(name string) tea.Cmd {
	for i, n := range f.names {
		if n == name && f.visible(n) {
			return f.focusAt(i)
		}
	}
	return nil
}

// last reports whether the focused field is the last visible one.
func (f *form) last() bool {
	for i := f.focus + 1; i < len(f.names); i++ {
		if f.visible(f.names[i]) {
			return false
		}
	}
	return true
}

func (f *form) body(owner string) string {
	d := draftBody{Kind: f.kind, ID: f.id, QuestionID: f.questionID, ItemID: f.itemID, Focus: f.curName(), OpenedAt: f.openedAt,
		Rev: f.rev, Owner: owner, BaseQ: f.baseQ, BaseA: f.baseA, Fields: map[string]fieldState{}}
	for _, n := range f.names {
		d.Fields[n] = f.fields[n].state()
	}
	b, _ := json.Marshal(d)
	return string(b)
}

func parseDraft(body string) (draftBody, bool) {
	var d draftBody
	if err := json.Unmarshal([]byte(body), &d); err != nil || (d.Kind != formQuestion && d.Kind != formAnswer) {
		return d, false
	}
	return d, true
}

// restore puts a draft's fields back and focuses where the typing was.
func (f *form) restore(d draftBody) tea.Cmd {
	f.id, f.questionID, f.itemID, f.rev, f.baseQ, f.baseA = d.ID, d.QuestionID, d.ItemID, d.Rev, d.BaseQ, d.BaseA
	if !d.OpenedAt.IsZero() {
		f.openedAt = d.OpenedAt
	}
	for _, n := range f.names {
		if st, ok := d.Fields[n]; ok {
			f.fields[n].restore(st)
		}
	}
	f.changed = true
	for i, n := range f.names {
		if n == d.Focus && f.visible(n) {
			return f.focusAt(i)
		}
	}
	return nil
}

func (f *form) setWidth(w int, t i18n.Catalog) {
	f.lw = 0
	for _, n := range f.names {
		f.lw = max(f.lw, ansi.StringWidth(t.T("qa.f."+n))+3)
	}
	for _, fl := range f.fields {
		fl.setWidth(max(10, w-f.lw-1))
	}
}

// view draws the fields (the focused one with its list) in w x h; extra
// lines (the linked petition) go under the fields as room allows. The
// messages (a refusal, a conflict) are always shown: at a small size the
// fields scroll to keep the focused one in view instead.
func (f *form) view(c *common.Common, title string, msgs, extra []string, w, h int) string {
	s := c.Styles
	lw := f.lw
	fw := max(10, w-lw-1)
	var head []string
	head = append(head, s.Title.Render(common.Trunc(title, w)))
	if f.notice != "" {
		for _, l := range wrapN(f.notice, w-1, 2) {
			head = append(head, s.WarnBanner.Render(common.Pad(" "+l, w)))
		}
	}
	msgs = clip(msgs, max(1, h-len(head)-1))
	visible := 0
	for _, n := range f.names {
		if f.visible(n) {
			visible++
		}
	}
	// rows for the focused field's list: what is left after one line per
	// field, the area's height, the messages and a little extra
	area := 0
	for _, n := range f.names {
		if a, ok := f.fields[n].(*areaField); ok && f.visible(n) {
			area += a.height - 1
		}
	}
	room := h - len(head) - len(msgs)
	listRows := h - len(head) - max(1, len(msgs)) - visible - area - min(len(extra), 4)
	listRows = max(min(4, room-1-area), min(listRows, 8))
	var lines []string
	focusFrom, focusTo := 0, 0
	for i, n := range f.names {
		if !f.visible(n) {
			continue
		}
		focused := i == f.focus
		fl := f.fields[n].view(fw, focused, listRows)
		label := common.Pad(c.T.T("qa.f."+n), lw)
		if focused {
			label = s.Key.Render(common.Pad("› "+c.T.T("qa.f."+n), lw))
			focusFrom = len(lines)
		} else if n == f.errField {
			label = s.Err.Render(label)
		} else {
			label = s.Subtle.Render(label)
		}
		for j, l := range fl {
			if j == 0 {
				lines = append(lines, label+" "+l)
			} else {
				lines = append(lines, strings.Repeat(" ", lw+1)+l)
			}
		}
		if focused {
			focusTo = len(lines)
		}
	}
	if room > 0 && len(lines) > room {
		// scroll so the focused field and its list are in view
		start := 0
		if focusTo > room {
			start = min(focusFrom, focusTo-room)
		}
		lines = lines[start:min(len(lines), start+room)]
	}
	out := append(head, lines...)
	for _, l := range msgs {
		out = append(out, s.Err.Render(l))
	}
	if left := h - len(out); left > 0 && len(extra) > 0 {
		out = append(out, clip(extra, left)...)
	}
	return strings.Join(clip(out, h), "\n")
}
