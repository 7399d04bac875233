package followup

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"doithoai/store"
	"doithoai/tui/common"
)

// record is a receipt or an extension of the obligation in detail.
type record struct {
	rc *store.Receipt
	ex *store.Extension
}

func (r record) at() time.Time {
	if r.rc != nil {
		return r.rc.CreatedAt
	}
	return r.ex.CreatedAt
}

func (r record) voided() bool { return (r.rc != nil && r.rc.Voided) || (r.ex != nil && r.ex.Voided) }

// records lists the obligation's receipts and extensions in the order
// they were recorded.
func records(o store.Obligation) []record {
	var out []record
	for i := range o.Receipts {
		out = append(out, record{rc: &o.Receipts[i]})
	}
	for i := range o.Extensions {
		out = append(out, record{ex: &o.Extensions[i]})
	}
	slices.SortStableFunc(out, func(a, b record) int { return a.at().Compare(b.at()) })
	return out
}

func (m *Model) openDetail(o store.Obligation) tea.Cmd {
	m.mode, m.dkey, m.dscroll, m.hist = modeDetail, o.Key, 0, nil
	m.dsel = len(records(o)) - 1
	return m.loadHistory()
}

func (m *Model) loadHistory() tea.Cmd {
	if m.mode != modeDetail || m.dkey == "" {
		return nil
	}
	m.histReq = m.next()
	c, req, k := m.c, m.histReq, m.dkey
	return func() tea.Msg {
		es, err := c.Store.ObligationHistory(c.Ctx, k)
		return historyMsg{req: req, key: k, entries: es, err: err}
	}
}

func (m *Model) detailKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	o, ok := m.current()
	if !ok {
		if key.Matches(msg, k.Back) {
			m.mode = modeList
		}
		return nil
	}
	recs := records(o)
	switch {
	case key.Matches(msg, k.Back):
		m.mode = modeList
	case key.Matches(msg, k.Up):
		m.dscroll = max(m.dscroll-1, 0)
	case key.Matches(msg, k.Down):
		m.dscroll++
	case key.Matches(msg, k.PgUp):
		m.dscroll = max(m.dscroll-m.h/2, 0)
	case key.Matches(msg, k.PgDown):
		m.dscroll += m.h / 2
	case key.Matches(msg, k.Top):
		m.dscroll = 0
	case key.Matches(msg, k.PrevRec), key.Matches(msg, k.NextRec):
		if len(recs) > 0 {
			d := 1
			if key.Matches(msg, k.PrevRec) {
				d = -1
			}
			m.dsel = min(max(m.dsel+d, 0), len(recs)-1)
			_, at := m.detailLines(o)
			if m.dsel < len(at) {
				m.dscroll = max(at[m.dsel]-2, 0)
			}
		}
	case key.Matches(msg, k.Receipt):
		return m.openReceipt(o)
	case key.Matches(msg, k.Extend):
		return m.openExtend(o)
	case key.Matches(msg, k.Scan):
		return m.openScan(o, recs)
	case key.Matches(msg, k.Void):
		m.askVoid(o, recs)
	case key.Matches(msg, k.Accept):
		m.askAccept(o)
	}
	return nil
}

// detailView draws one obligation, scrolled.
func (m *Model) detailView() string {
	s, t := m.c.Styles, m.c.T
	o, ok := m.current()
	if !ok {
		return s.Subtle.Render(common.Trunc(t.T("followup.detail.gone"), m.w))
	}
	head := s.Bold.Render(common.Trunc(ref(t, o)+" · "+cmp.Or(o.Agency, t.T("followup.agency.none")), max(m.w-26, 10))) + " · " +
		statusStyle(s, o.Status).Render(statusText(t, o.Status))
	status := ""
	switch {
	case m.status != "" && m.statusErr:
		status = s.Err.Render(common.Trunc(m.status, m.w))
	case m.status != "":
		status = s.OK.Render(common.Trunc(m.status, m.w))
	}
	top := []string{common.Trunc(head, m.w)}
	if status != "" {
		top = append(top, status)
	}
	body, _ := m.detailLines(o)
	room := max(m.h-len(top), 1)
	m.dscroll = min(m.dscroll, max(len(body)-room, 0))
	end := min(m.dscroll+room, len(body))
	return strings.Join(append(top, body[m.dscroll:end]...), "\n")
}

// detailLines is the obligation's body, and the line each record starts
// at (for ←→ to bring it into view).
func (m *Model) detailLines(o store.Obligation) ([]string, []int) {
	s, t := m.c.Styles, m.c.T
	w := max(m.w, 10)
	var lines []string
	add := func(l string) { lines = append(lines, common.Trunc(l, w)) }
	para := func(label, text string) {
		if strings.TrimSpace(text) == "" {
			return
		}
		add(s.Bold.Render(label))
		for _, l := range strings.Split(ansi.Wrap(text, w-2, ""), "\n") {
			add("  " + l)
		}
	}
	// a warning or note wrapped whole, in its colour
	note := func(st lipgloss.Style, text string) {
		for _, l := range strings.Split(ansi.Wrap(text, w, ""), "\n") {
			add(st.Render(l))
		}
	}
	due := t.F("followup.detail.due", date(o.Due))
	switch {
	case o.Due != o.BaseDue && o.BaseDue != "":
		due += t.F("followup.detail.base_due", date(o.BaseDue))
	case o.DefaultDue:
		due += t.F("followup.detail.default_due", store.PetitionDueDays)
	}
	if o.Topic != "" {
		due += " · " + t.F("followup.detail.topic", o.Topic)
	}
	add(due)
	if o.Drift != nil {
		note(s.Warn, t.F("followup.detail.drift", cmp.Or(o.Drift.Agency, t.T("followup.agency.none")), date(o.Drift.Due)))
	}
	if o.Orphan {
		note(s.Warn, t.T("followup.detail.orphan"))
	}
	if o.Carried {
		note(s.Subtle, t.F("followup.detail.carried", o.Origin, date(o.OriginDay)))
		if o.LinkedQNo > 0 {
			add(t.F("followup.detail.linked", o.LinkedQNo))
		}
	}
	who := o.Asker
	if o.AskerUnit != "" {
		who += " (" + o.AskerUnit + ")"
	}
	var src []string
	if o.QNo > 0 {
		src = append(src, t.F("followup.detail.qno", o.QNo))
	}
	if o.PetitionNo > 0 {
		src = append(src, t.F("followup.detail.pno", o.PetitionNo))
	}
	if len(src) > 0 {
		who += " · " + strings.Join(src, " · ")
	}
	add(t.F("followup.detail.asker", who))
	if o.ReferredTo != "" {
		add(t.F("followup.detail.referred_to", o.ReferredTo))
	}
	para(t.T("followup.detail.text"), o.Text)
	para(t.T("followup.detail.said"), o.Said)
	para(t.T("followup.detail.history_before"), o.History)
	para(t.T("followup.detail.linked_answer"), o.LinkedAnswer)

	recs := records(o)
	at := make([]int, len(recs))
	add(s.Bold.Render(t.F("followup.detail.records", len(o.ActiveReceipts()), len(o.Extensions))))
	if len(recs) == 0 {
		add(s.Subtle.Render("  " + t.T("followup.detail.no_records")))
	}
	for i, r := range recs {
		at[i] = len(lines)
		mark := "  "
		if i == m.dsel {
			mark = "› "
		}
		line, more := m.recordText(r)
		if r.voided() {
			line += " " + t.T("followup.detail.voided")
		}
		// the number line, result and signer whole, wrapped under the number
		head := fmt.Sprintf("%d. ", i+1)
		for j, l := range strings.Split(ansi.Wrap(line, max(w-2-len(head), 10), ""), "\n") {
			if j == 0 {
				l = mark + head + l
			} else {
				l = strings.Repeat(" ", 2+len(head)) + l
			}
			switch {
			case i == m.dsel:
				add(s.Selected.Render(common.Pad(l, w)))
			case r.voided():
				add(s.Subtle.Render(l))
			default:
				add(l)
			}
		}
		for _, x := range more {
			for _, l := range strings.Split(ansi.Wrap(x, w-5, ""), "\n") {
				add("     " + l)
			}
		}
	}
	add(s.Bold.Render(t.T("followup.detail.history")))
	if m.hist == nil {
		add(s.Subtle.Render("  " + t.T("ui.loading")))
	}
	for _, e := range m.hist {
		for j, l := range strings.Split(ansi.Wrap(m.histLine(e), w-4, ""), "\n") {
			if j == 0 {
				add("  " + l)
			} else {
				add("    " + l)
			}
		}
	}
	return lines, at
}

// recordText is a record's line and the lines under it.
func (m *Model) recordText(r record) (string, []string) {
	t := m.c.T
	if r.ex != nil {
		return t.F("followup.rec.extension", date(r.ex.NewDue), r.ex.CreatedAt.In(m.zone()).Format("02/01/2006 15:04")),
			[]string{t.F("followup.rec.reason", r.ex.Reason)}
	}
	rc := r.rc
	parts := []string{docText(t, *rc), resultText(t, rc.Result)}
	if rc.Result == store.ResultFurther && rc.NextDue != "" {
		parts[1] += " " + t.F("followup.rec.next_due", date(rc.NextDue))
	}
	if rc.Signer != "" {
		parts = append(parts, t.F("followup.rec.signer", rc.Signer))
	}
	var more []string
	if rc.Agency != "" {
		more = append(more, t.F("followup.rec.from", rc.Agency))
	}
	if rc.ForwardedTo != "" {
		more = append(more, t.F("followup.rec.forwarded_to", rc.ForwardedTo))
	}
	if rc.Summary != "" {
		more = append(more, rc.Summary)
	}
	if rc.File != "" {
		more = append(more, t.F("followup.rec.scan", filepath.Base(cmp.Or(rc.FileOrig, rc.File)), sizeText(rc.FileSize)))
	}
	return strings.Join(parts, " · "), more
}

// zone is the meeting's zone for the times of records (UTC+7 unless the
// meeting says otherwise), read with the register.
func (m *Model) zone() *time.Location {
	if m.loc != nil {
		return m.loc
	}
	return time.Local
}

// sizeText is a file size as people read it: "850 KB", "1.2 MB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}
