package docs

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"doithoai/store"
)

// The result notice (thông báo kết quả trả lời ý kiến, kiến nghị) tells
// the delegates what became of what they raised: by topic, each question
// with the agency that answered, its document and the gist of the answer,
// or where it stands when no answer has come yet.

// loadRegister reads the follow-up register into the snapshot.
func (s *Snapshot) loadRegister(ctx context.Context, st *store.Store) error {
	reg, err := st.Register(ctx)
	if err != nil {
		return fmt.Errorf("follow-up register: %w", err)
	}
	s.Register = reg
	return nil
}

// register is the snapshot's register; a snapshot built without one (a
// meeting with nothing recorded) has an empty register.
func (s *Snapshot) register(o Options) *store.Register {
	if s.Register != nil {
		return s.Register
	}
	return &store.Register{Meeting: s.Meeting, HeldOn: s.heldOn(o), Today: o.Now.In(o.Loc).Format("2006-01-02"), Units: s.Units}
}

// lastReceipt is the newest receipt not voided ("" result when none).
func lastReceipt(o store.Obligation) (store.Receipt, bool) {
	rs := o.ActiveReceipts()
	if len(rs) == 0 {
		return store.Receipt{}, false
	}
	last := rs[0]
	for _, r := range rs[1:] {
		if !r.CreatedAt.Before(last.CreatedAt) {
			last = r
		}
	}
	return last, true
}

// obligationsByTopic groups a register's obligations (orphans left out)
// by topic, in the meeting's topic order, others after, none last.
func obligationsByTopic(reg *store.Register, topics []string) ([]string, map[string][]store.Obligation) {
	other := "Các vấn đề khác"
	for _, t := range topics {
		if isOtherTopic(t) {
			other = t
		}
	}
	by := map[string][]store.Obligation{}
	var seen []string
	for _, o := range reg.Obligations {
		if o.Orphan {
			continue
		}
		k := cmpOr(o.Topic, other)
		if _, ok := by[k]; !ok {
			seen = append(seen, k)
		}
		by[k] = append(by[k], o)
	}
	var names []string
	done := map[string]bool{}
	for _, t := range topics {
		if len(by[t]) > 0 && !done[t] {
			names, done[t] = append(names, t), true
		}
	}
	for _, k := range seen {
		if !done[k] && !isOtherTopic(k) {
			names, done[k] = append(names, k), true
		}
	}
	if len(by[other]) > 0 && !done[other] {
		names = append(names, other)
	}
	for _, list := range by {
		sortBySource(list)
	}
	return names, by
}

// sortBySource orders obligations as the minutes do: questions by
// number, then petitions by number, carried items last.
func sortBySource(list []store.Obligation) {
	rank := func(o store.Obligation) (int, int) {
		switch {
		case o.Carried:
			return 3, int(o.CarriedID)
		case o.QNo > 0:
			return 1, o.QNo
		}
		return 2, o.PetitionNo
	}
	slices.SortStableFunc(list, func(a, b store.Obligation) int {
		a1, a2 := rank(a)
		b1, b2 := rank(b)
		return cmp.Or(cmp.Compare(a1, b1), cmp.Compare(a2, b2))
	})
}

// counts is how many obligations stand where.
type counts struct {
	total, answered, forwarded, open, overdue, carried, petitions int
}

// add counts one obligation (an orphan not at all).
func (c *counts) add(o store.Obligation) {
	if o.Orphan {
		return
	}
	c.total++
	switch o.Status.Kind {
	case store.StatusAnswered:
		c.answered++
	case store.StatusForwarded:
		c.forwarded++
	case store.StatusOverdue:
		c.overdue++
		c.open++
	default:
		c.open++
	}
	if o.Carried {
		c.carried++
	}
	if o.Kind == store.KindPetition {
		c.petitions++
	}
}

func countRegister(reg *store.Register) counts {
	var c counts
	for _, o := range reg.Obligations {
		c.add(o)
	}
	return c
}

// whoAsked is "bà Nguyễn Thị A (Xã Quảng Hải)" for a question, the
// sender for a petition.
func whoAsked(o store.Obligation) string {
	if o.Asker == "" {
		return ""
	}
	return askerText(o)
}

// followupDoc starts a document the People's Committee issues about the
// register: its header dated today, the kind and subject, the paragraph
// styles of its body and headings.
func (s *Snapshot) followupDoc(o Options, name, code, kind, subject string) (d *docx, reg *store.Register, body, head para) {
	reg = s.register(o)
	d = newDocx(name, 14, o.Now)
	adminHeader(d, s.Meeting, reg.Today, code)
	docTitle(d, kind, subject, "tại "+s.Meeting.Title)
	return d, reg, para{align: "both", firstLine: 567, before: 6, line: 264}, para{align: "both", firstLine: 567, before: 8, keepNext: true, line: 264}
}

func writeResults(w io.Writer, s *Snapshot, o Options) error {
	m := s.Meeting
	d, reg, body, head := s.followupDoc(o, "Thông báo kết quả trả lời ý kiến, kiến nghị", "TB-UBND", "THÔNG BÁO", "Kết quả trả lời ý kiến, kiến nghị của đại biểu")
	c := countRegister(reg)
	when := ifNonEmpty(" ", longDate(reg.HeldOn), "")
	intro := fmt.Sprintf("Tại %s tổ chức%s, đại biểu đã nêu %02d ý kiến, kiến nghị; sau Chương trình, %02d nội dung được giao các cơ quan, đơn vị trả lời bằng văn bản "+
		"hoặc chuyển cấp có thẩm quyền xem xét, giải quyết", m.Title, when, len(s.Questions), c.total)
	var parts []string
	if c.petitions > 0 {
		parts = append(parts, fmt.Sprintf("%02d kiến nghị gửi trước chưa được giải quyết tại Chương trình", c.petitions))
	}
	if c.carried > 0 {
		parts = append(parts, fmt.Sprintf("%02d nội dung từ kỳ trước", c.carried))
	}
	if len(parts) > 0 {
		intro += " (gồm cả " + strings.Join(parts, " và ") + ")"
	}
	d.P(body, t(intro+"."))
	state := fmt.Sprintf("Đến ngày %s, các cơ quan, đơn vị đã trả lời %02d nội dung", vnDate(reg.Today), c.answered)
	if c.forwarded > 0 {
		state += fmt.Sprintf(", đã chuyển cấp có thẩm quyền %02d nội dung", c.forwarded)
	}
	if c.open > 0 {
		state += fmt.Sprintf("; %02d nội dung đang được xem xét, giải quyết", c.open)
	}
	d.P(body, t(state+". "+orgShort(m)+" thông báo kết quả cụ thể như sau:"))

	names, by := obligationsByTopic(reg, s.Topics)
	if len(names) == 0 {
		d.P(body, it("Không có nội dung nào phải trả lời sau Chương trình."))
	}
	for i, name := range names {
		d.P(head, b(fmt.Sprintf("%d. Về %s", i+1, topicPhrase(name))))
		for j, ob := range by[name] {
			lead := []run{b(fmt.Sprintf("%d.%d. ", i+1, j+1))}
			if who := whoAsked(ob); who != "" {
				lead = append(lead, it(who+": "))
			}
			lead = append(lead, t(strings.TrimSpace(ob.Text)))
			if ob.Carried {
				lead = append(lead, it(" (từ kỳ trước)"))
			}
			d.P(para{align: "both", firstLine: 567, before: 6, line: 264, keepNext: true}, lead...)
			agency := cmpOr(ob.Agency, unassigned)
			rc, got := lastReceipt(ob)
			switch {
			case got && !ob.Status.Open():
				d.P(para{align: "both", firstLine: 567, before: 2, line: 264, keepNext: rc.Summary != ""},
					b("Cơ quan trả lời: "), t(agency+"; "), t("văn bản "+lowerFirst(docRef(rc))+"."))
				if rc.Result == store.ResultForwarded && rc.ForwardedTo != "" {
					d.P(body, b("Kết quả: "), t("đã chuyển "+rc.ForwardedTo+" xem xét, giải quyết."+ifNonEmpty(" ", rc.Summary, "")))
				} else if rc.Summary != "" {
					d.P(body, b("Nội dung trả lời: "), t(strings.TrimSpace(rc.Summary)))
				}
			case ob.Status.Kind == store.StatusAnswered:
				// raised again and answered on the spot
				d.P(body, b("Kết quả: "), t("đã được trả lời trực tiếp tại hội nghị"+ifNonEmpty(": ", ob.LinkedAnswer, "")+"."))
			default:
				line := []run{b("Cơ quan trả lời: "), t(agency + "; ")}
				if got {
					line = append(line, t("đã có văn bản "+lowerFirst(docRef(rc))+", "))
				}
				line = append(line, it("đang xem xét, trả lời (hạn "+vnDate(ob.Due)+")."))
				d.P(body, line...)
			}
		}
	}
	d.P(body, t(orgShort(m)+" thông báo để các đại biểu được biết; đề nghị "+cmpOr(s.unitLike("phu nu"), "Hội Liên hiệp Phụ nữ")+
		" thông tin đến cán bộ, hội viên, phụ nữ; các cơ quan, đơn vị chưa trả lời khẩn trương hoàn thành theo thời hạn được giao./."))
	recipients := []string{"Các đại biểu dự Chương trình", "Thường trực HĐND " + cmpOr(orgLevel(m), "cùng cấp") + " (để b/c)",
		"Chủ tịch, các PCT " + orgShort(m), "Các cơ quan, đơn vị liên quan"}
	if l := orgLevel(m); l == "thị xã" || l == "huyện" || l == "thành phố" {
		recipients = append(recipients, "UBND các xã, phường")
	}
	closing(d, append(recipients, archiveLine(s.office(), m.OfficeCode)), noticeSigner(m))
	return d.Write(w)
}
