package qa

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"doithoai/store"
	"doithoai/tui/i18n"
)

// The history view lists a record's audit rows: when, which station, what
// changed from what to what.

// change is one field's value before and after an audited edit.
type change struct{ field, before, after string }

// diff compares the JSON before/after images of an audit row.
func diff(e store.AuditEntry) []change {
	var b, a map[string]any
	json.Unmarshal([]byte(e.Before), &b)
	json.Unmarshal([]byte(e.After), &a)
	keys := map[string]bool{}
	for k := range b {
		keys[k] = true
	}
	for k := range a {
		keys[k] = true
	}
	var out []change
	for k := range keys {
		bv, av := show(b[k]), show(a[k])
		if bv != av && !hiddenField[k] {
			out = append(out, change{field: k, before: bv, after: av})
		}
	}
	sort.Slice(out, func(i, j int) bool { return fieldOrder(out[i].field) < fieldOrder(out[j].field) })
	return out
}

// hiddenField are links the secretary never typed; showing them adds noise.
var hiddenField = map[string]bool{"id": true, "position": true, "question_id": true, "item_id": true, "speaker_id": true, "delegate_id": true}

var historyOrder = []string{"asked_at", "asker", "asker_unit", "delegate_id", "speaker_id", "topic", "text", "petition_id",
	"person", "agency_id", "summary", "outcome", "followup_agency_id", "due_date", "position", "question_id", "item_id"}

func fieldOrder(k string) string {
	for i, x := range historyOrder {
		if x == k {
			return fmt.Sprintf("%03d", i)
		}
	}
	return "999" + k
}

func show(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		if x == float64(int64(x)) {
			return fmt.Sprint(int64(x))
		}
	}
	return fmt.Sprint(v)
}

func (m *Model) openHistory() tea.Cmd {
	r, ok := m.selected()
	if !ok {
		return nil
	}
	q := m.d.questions[r.q]
	entity, id := "question", q.ID
	m.histTitle = m.c.T.F("qa.hist.question", m.questionNo(q.ID), q.AskerName)
	if r.a >= 0 {
		entity, id = "answer", q.Answers[r.a].ID
		m.histTitle = m.c.T.F("qa.hist.answer", m.questionNo(q.ID), q.Answers[r.a].Person)
	}
	m.mode, m.hist, m.hoff = modeHistory, nil, 0
	m.histReq = m.next()
	st, ctx, req := m.c.Store, m.c.Ctx, m.histReq
	return func() tea.Msg {
		es, err := st.History(ctx, entity, id, 0)
		return historyMsg{req: req, entries: es, err: err}
	}
}

func (m *Model) historyKey(k tea.KeyMsg) tea.Cmd {
	km := m.keys
	switch {
	case key.Matches(k, km.Up):
		m.hoff = max(0, m.hoff-1)
	case key.Matches(k, km.Down):
		m.hoff++
	case key.Matches(k, km.PgUp):
		m.hoff = max(0, m.hoff-m.h/2)
	case key.Matches(k, km.PgDown):
		m.hoff += m.h / 2
	case key.Matches(k, km.Back):
		m.mode = modeLog
	}
	return nil
}

func (m *Model) historyView() string {
	s, t := m.c.Styles, m.c.T
	lines := []string{s.Title.Render(trunc(m.histTitle, m.w))}
	var body []string
	for _, e := range m.hist {
		by := who(t, e.Station, e.User)
		body = append(body, s.Bold.Render(trunc(e.At.Format("15:04:05")+"  "+m.actionText(e.Action)+"  "+by, m.w)))
		for _, c := range diff(e) {
			name := c.field
			if i18n.Has("qa.hf." + c.field) {
				name = t.T("qa.hf." + c.field)
			}
			val := m.histValue(c.field, c.after)
			if e.Action != "create" {
				val = m.quote(m.histValue(c.field, c.before)) + " → " + m.quote(m.histValue(c.field, c.after))
			}
			for j, l := range wrapLines(name+": "+val, m.w-4) {
				if j == 0 {
					body = append(body, "  "+l)
				} else {
					body = append(body, "    "+l)
				}
			}
		}
	}
	if len(body) == 0 {
		body = []string{s.Subtle.Render(t.T("ui.loading"))}
	}
	h := m.h - 1
	off := min(m.hoff, max(0, len(body)-h))
	lines = append(lines, clip(body[off:], h)...)
	return strings.Join(lines, "\n")
}

func (m *Model) quote(s string) string {
	if s == "" {
		return m.c.T.T("qa.hist.empty")
	}
	return "«" + s + "»"
}

// histValue shows an audited value as the log would: names for ids, the
// outcome in words, times as clock times.
func (m *Model) histValue(field, v string) string {
	if v == "" {
		return ""
	}
	switch field {
	case "agency_id", "followup_agency_id":
		if l := m.unitLabel(idOfNum(v)); l != "" {
			return l
		}
	case "petition_id":
		if p, ok := m.pets[idOfNum(v)]; ok {
			return m.c.T.F("qa.petition.short", p.No)
		}
	case "outcome":
		return m.c.T.T("qa.outcome." + v)
	case "due_date":
		return m.showDate(v)
	case "asked_at":
		if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
			return t.Local().Format("15:04:05")
		}
	}
	return v
}

func idOfNum(v string) int64 {
	id, _ := strconv.ParseInt(v, 10, 64)
	return id
}

func (m *Model) actionText(a string) string {
	if i18n.Has("qa.hist." + a) {
		return m.c.T.T("qa.hist." + a)
	}
	return a
}
