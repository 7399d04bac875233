package docs

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"doithoai/store"
)

// The MC's script (kịch bản chương trình): every agenda item with its
// planned time, its presenter and the MC's words; the introductions list
// the officials in protocol order.

// Roll says whom the introductions list.
type Roll string

const (
	// RollAuto lists those present once the meeting has started or anyone
	// has checked in, else those invited.
	RollAuto Roll = ""
	// RollInvited lists every official invited (printed before the day).
	RollInvited Roll = "invited"
	// RollPresent lists the officials who have checked in, and the others
	// marked "vắng" (printed again at the last minute).
	RollPresent Roll = "present"
)

// roll decides RollAuto.
func (s *Snapshot) roll(r Roll) Roll {
	if r != RollAuto {
		return r
	}
	for _, a := range s.Agenda {
		if !a.StartedAt.IsZero() {
			return RollPresent
		}
	}
	for _, d := range s.Delegates {
		if d.Arrived() {
			return RollPresent
		}
	}
	return RollInvited
}

// introLine is one official as the MC introduces them.
type introLine struct {
	Name, Who string // "Đồng chí Trần Minh Đức", "Chủ tịch UBND thị xã"
	Absent    bool
	Note      string // "vắng", "vắng, có lý do", "dự thay đồng chí …"
}

// officials lists the officials to introduce in protocol order: their
// protocol rank, then the protocol order of their unit's kind, their
// unit, then name.
// Invited: everyone with a rank (apologies noted). Present: those with a
// rank, each either here, stood in for by a substitute who came, or
// marked absent.
func (s *Snapshot) officials(r Roll) []introLine {
	var ds []store.Delegate
	for _, d := range s.Delegates {
		if d.Protocol > 0 && !d.WalkIn {
			ds = append(ds, d)
		}
	}
	// units in the meeting's order (kind, then as the office entered
	// them: Nội vụ before Tài chính, as the plan lists them)
	upos := map[int64]int{}
	for i, u := range s.Units {
		upos[u.ID] = i
	}
	slices.SortStableFunc(ds, func(a, b store.Delegate) int {
		return cmp.Or(cmp.Compare(a.Protocol, b.Protocol), cmp.Compare(kindRank(a.UnitKind), kindRank(b.UnitKind)),
			cmp.Compare(upos[a.UnitID], upos[b.UnitID]), cmp.Compare(store.Fold(a.FullName), store.Fold(b.FullName)), cmp.Compare(a.ID, b.ID))
	})
	byID := map[int64]store.Delegate{}
	for _, d := range s.Delegates {
		byID[d.ID] = d
	}
	ix := s.apologyIndex()
	var out []introLine
	for _, d := range ds {
		l := introLine{Name: "Đồng chí " + d.FullName, Who: titleUnit(d)}
		a, apologised := ix.by[d.ID]
		switch {
		case r == RollInvited && apologised && a.SubstituteName != "":
			l.Note = "đã báo vắng, cử đồng chí " + a.SubstituteName + " dự thay"
		case r == RollInvited && apologised:
			l.Note = "đã báo vắng"
		case r == RollInvited, d.Arrived():
		case apologised && a.SubstituteID != 0 && byID[a.SubstituteID].Arrived():
			sub := byID[a.SubstituteID]
			l = introLine{Name: "Đồng chí " + sub.FullName, Who: sub.Title, Note: "dự thay đồng chí " + d.FullName}
		case apologised:
			l.Absent, l.Note = true, "vắng, có lý do"
		default:
			l.Absent, l.Note = true, "vắng"
		}
		out = append(out, l)
	}
	return out
}

func writeScript(w io.Writer, s *Snapshot, o Options) error {
	m := s.Meeting
	roll := s.roll(o.Roll)
	d := newDocx("Kịch bản chương trình", 14, o.Now)
	d.P(para{align: "center", keepNext: true}, sz(b("KỊCH BẢN"), sizeKind))
	d.P(para{align: "center", keepNext: true}, sz(b(m.Title), sizeSubject))
	if when := joinNonEmpty(", tại ", whenLine(m), m.Venue); when != "" && m.Date != "" {
		d.P(para{align: "center"}, it("("+when+")"))
	}
	d.Raw(ruleAfter(textW, ruleTwips(min(textTwips(m.Title, true, sizeSubject), textW)), 6))
	if roll == RollPresent {
		d.P(para{align: "center", after: 6}, it("Đại biểu giới thiệu theo điểm danh lúc "+o.Now.In(o.Loc).Format("15:04 ngày 02/01/2006")))
	} else {
		d.P(para{align: "center", after: 6}, it("Đại biểu giới thiệu theo danh sách mời"))
	}
	if len(s.Agenda) == 0 {
		d.P(para{align: "center", before: 12}, it("Chưa có chương trình."))
		return d.Write(w)
	}
	words := Words{Meeting: m, Items: s.Agenda, Audience: Audience(s.Groups)}
	plan := store.NewPlan(s.Agenda, m.Start(o.Loc), o.Now)
	widths := []int{1250, 0, 2300}
	widths[1] = textW - widths[0] - widths[2]
	tb := table{widths: widths, borders: true, header: 1, rows: [][]cell{{
		headCell("Thời gian"), headCell("Nội dung và lời dẫn"), headCell("Người thực hiện")}}}
	officials := s.officials(roll)
	for i, a := range s.Agenda {
		when := ""
		if at := plan.PlannedStart[i]; !at.IsZero() {
			when = at.In(o.Loc).Format("15:04") + " – " + at.Add(time.Duration(a.PlannedMinutes)*time.Minute).In(o.Loc).Format("15:04")
		}
		if a.PlannedMinutes > 0 {
			when = joinNonEmpty("\n", when, strconv.Itoa(a.PlannedMinutes)+" phút")
		}
		content := []string{paraXML(para{before: 4, after: 2, keepNext: true}, sz(b(fmt.Sprintf("%d. %s", i+1, a.Title)), 13))}
		if a.Skipped {
			content = append(content, paraXML(para{after: 4}, sz(it("(Bỏ qua mục này)"), 12)))
		}
		content = append(content, paraXML(para{keepNext: true}, sz(bi("Người dẫn chương trình:"), 13)))
		text := words.For(i)
		listed := false
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(line)
			switch {
			case line == "":
				continue
			case line == OfficialsMark && a.Kind == store.ItemIntroduction:
				content = append(content, officialParas(officials)...)
				listed = true
			case strings.HasPrefix(line, "(") && strings.HasSuffix(line, ")"):
				// a stage direction, not read aloud
				content = append(content, paraXML(para{before: 2, keepNext: true}, sz(it(line), 13)))
			default:
				content = append(content, paraXML(para{align: "both", firstLine: 454, before: 2, after: 2}, sz(t(line), 13)))
			}
		}
		if a.Kind == store.ItemIntroduction && !listed && strings.Contains(store.Fold(a.Title), "gioi thieu") {
			content = append(content, officialParas(officials)...)
		}
		tb.rows = append(tb.rows, []cell{bodyCell("center", when, 2), {paras: content}, bodyCell("center", a.Presenter, 2)})
	}
	d.Table(tb)
	return d.Write(w)
}

// officialParas are the introductions, one official a line; the absent
// are kept, marked, so the MC skips them aloud.
func officialParas(ls []introLine) []string {
	if len(ls) == 0 {
		return []string{paraXML(para{firstLine: 454}, sz(it("(Chưa có đại biểu nào được xếp thứ tự giới thiệu.)"), 13))}
	}
	var out []string
	for i, l := range ls {
		end := ";"
		if i == len(ls)-1 {
			end = "."
		}
		runs := []run{sz(t("- "), 13), sz(b(l.Name), 13)}
		if l.Who != "" {
			runs = append(runs, sz(t(", "+l.Who), 13))
		}
		switch {
		case l.Absent:
			runs = append(runs, sz(t(" – "), 13), sz(bi(l.Note), 13), sz(t(end), 13))
		case l.Note != "":
			runs = append(runs, sz(it(" ("+l.Note+")"), 13), sz(t(end), 13))
		default:
			runs = append(runs, sz(t(end), 13))
		}
		out = append(out, paraXML(para{align: "left", indL: 454, before: 1, after: 1}, runs...))
	}
	return out
}
