package qa

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"doithoai/store"
	"doithoai/tui/components"
)

// Drawing the open form, with the context under it: the question being
// answered and a linked petition's agency and prepared answer.

func (m *Model) questionNo(id int64) int {
	for i, q := range m.d.questions {
		if q.ID == id {
			return i + 1
		}
	}
	return 0
}

func (m *Model) formView() string {
	f := m.form
	t := m.c.T
	var title string
	var extra []string
	switch f.kind {
	case formFilter:
		title = t.T("qa.filter.title")
	case formQuestion:
		title = t.T("qa.form.new_question")
		if f.id != 0 {
			title = t.F("qa.form.edit_question", m.questionNo(f.id))
		}
		// the linked petition, or while searching the highlighted one
		pc := f.fields[fPetition].(*chooser)
		pk, _ := pc.value()
		if pk == "" && f.curName() == fPetition {
			pk = pc.highlighted()
		}
		if pk != "" {
			extra = m.linkLines(pk, m.w)
		}
	case formAnswer:
		q := m.questionByID(f.questionID)
		title = t.F("qa.form.new_answer", m.questionNo(q.ID), q.AskerName)
		if f.id != 0 {
			title = t.F("qa.form.edit_answer", m.questionNo(q.ID), q.AskerName)
		}
		extra = append(extra, m.c.Styles.Subtle.Render(t.T("qa.f.text")+":"))
		extra = append(extra, wrapN(oneLine(q.Text), m.w-2, 2)...)
		if k := linkKey(q); k != "" {
			extra = append(extra, m.linkLines(k, m.w)...)
		}
	}
	return f.view(m.c, title, m.formMsgs(), extra, m.w, m.h-1) + "\n" + m.statusLine()
}

// formMsgs are the form's refusal and, after a conflict, who changed the
// record, what differs field by field and the two ways on, wrapped to the
// width.
func (m *Model) formMsgs() []string {
	f, t := m.form, m.c.T
	var out []string
	if ce := f.conflict; ce != nil {
		what := "qa.conflict.question"
		if ce.Entity == "answer" {
			what = "qa.conflict.answer"
		}
		diffs := m.conflictDiffs(f, ce)
		out = append(out, wrapN(t.F(what, who(t, ce.Station, ce.User), ce.At.Format("15:04:05")), m.w, 2)...)
		var both []string
		if len(diffs) == 0 {
			out = append(out, " "+t.T("qa.conflict.same"))
		}
		for _, d := range diffs {
			out = append(out, m.diffLine(d))
			if d.mineChanged && d.theirsChanged {
				both = append(both, t.T("qa.f."+d.name))
			}
		}
		choose := t.T("qa.conflict.choose")
		if len(both) > 0 {
			choose = t.F("qa.conflict.choose_both", strings.Join(both, ", "))
		}
		out = append(out, wrapN(choose, m.w, 3)...)
	}
	if f.err != "" {
		out = append(out, wrapN(f.err, m.w, 2)...)
	}
	return out
}

// diffLine is one field that differs: "Topic: «theirs» → «yours»", and
// what an overwrite keeps when the field was left alone here.
func (m *Model) diffLine(d fieldDiff) string {
	t := m.c.T
	show := func(v string) string {
		if v == "" {
			return t.T("qa.hist.empty")
		}
		return "«" + v + "»"
	}
	label := " " + t.T("qa.f."+d.name) + ": "
	note := ""
	if !d.mineChanged {
		note = " " + t.T("qa.conflict.keep_theirs")
	}
	// the two values share the room left; a short one is shown whole
	avail := max(16, m.w-ansi.StringWidth(label+note)-7)
	wa, wb := ansi.StringWidth(d.theirs), ansi.StringWidth(d.mine)
	if wa+wb > avail {
		half := avail / 2
		switch {
		case wa <= half:
			wb = avail - wa
		case wb <= half:
			wa = avail - wb
		default:
			wa, wb = half, avail-half
		}
	}
	theirs, mine := fromDifference(d.theirs, d.mine, min(wa, wb))
	return trunc(label+show(trunc(theirs, wa))+" → "+show(trunc(mine, wb))+note, m.w)
}

// fromDifference shortens two long texts that start alike to where they
// differ ("…ý của bàn 1."), so the difference shows in a narrow column.
func fromDifference(a, b string, w int) (string, string) {
	if ansi.StringWidth(a) <= w && ansi.StringWidth(b) <= w {
		return a, b
	}
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	// a few words of context before the difference
	cut := max(0, i-12)
	for cut > 0 && ra[cut-1] != ' ' {
		cut--
	}
	if cut < 8 {
		return a, b
	}
	return "…" + string(ra[cut:]), "…" + string(rb[cut:])
}

func (m *Model) questionByID(id int64) store.Question {
	for _, q := range m.d.questions {
		if q.ID == id {
			return q
		}
	}
	return store.Question{}
}

// petitionLines show a linked petition's agency and prepared answer.
func (m *Model) petitionLines(id int64, w int) []string {
	p, ok := m.pets[id]
	if !ok {
		return nil
	}
	s, t := m.c.Styles, m.c.T
	out := []string{s.Bold.Render(trunc(t.F("qa.petition.head", p.No, m.orNone(p.AgencyName)), w))}
	ans := p.PreparedAnswer
	if ans == "" {
		ans = t.T("qa.petition.no_answer")
	}
	out = append(out, s.Subtle.Render(t.T("qa.petition.prepared")))
	for _, l := range wrapN(oneLine(ans), w-2, max(1, m.h)) {
		out = append(out, "  "+l)
	}
	return out
}

func (m *Model) statusLine() string {
	if m.fix.Opened() {
		return m.fix.Line(m.w)
	}
	if m.status == "" {
		// names the minutes would print without accents, while nothing
		// else is to be said
		return components.UnaccentedWarning(m.c, m.d.unaccented, m.w)
	}
	if m.statusErr {
		return m.c.Styles.Err.Render(trunc(m.status, m.w))
	}
	return m.c.Styles.OK.Render(trunc(m.status, m.w))
}
