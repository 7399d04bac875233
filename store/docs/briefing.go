package docs

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"doithoai/store"
)

// The Chairman's briefing (tài liệu phục vụ đối thoại): the report the
// office (Phòng Nội vụ) sends the Chairman before the day, in the layout
// of a report (Decree 30/2020): the meeting's facts, every petition by
// topic with its sender, the agency assigned and the answer it prepared
// (the missing ones marked), and whom to call at each agency.

// weekday names the day of the week as a date line does ("thứ Tư").
var weekday = [...]string{"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"}

// whenLine is "07 giờ 30, thứ Tư, ngày 18 tháng 10 năm 2023".
func whenLine(m store.Meeting) string {
	d, err := time.Parse("2006-01-02", m.Date)
	if err != nil {
		return cmpOr(m.Date, "…")
	}
	day := weekday[d.Weekday()] + ", " + longDate(m.Date)
	if h, mm, ok := strings.Cut(m.StartTime, ":"); ok {
		return h + " giờ " + mm + ", " + day
	}
	return upperFirst(day)
}

// officeHead is the office's head among the delegates (the one of its
// unit with the first protocol rank, or titled "Trưởng phòng"), or "".
func (s *Snapshot) officeHead(office string) string {
	best, rank := "", 0
	for _, d := range s.Delegates {
		if d.UnitName != office || d.WalkIn {
			continue
		}
		r := d.Protocol
		if r == 0 && strings.HasPrefix(store.Fold(d.Title), "truong") {
			r = 1 << 20
		}
		if r > 0 && (best == "" || r < rank) {
			best, rank = d.FullName, r
		}
	}
	return best
}

// petitionTopics groups the petitions by topic, in the meeting's topic
// order, other topics after, petitions without one last.
func (s *Snapshot) petitionTopics() (names []string, by map[string][]store.Petition) {
	other := "Các vấn đề khác"
	for _, t := range s.Topics {
		if isOtherTopic(t) {
			other = t
		}
	}
	by = map[string][]store.Petition{}
	var seen []string
	for _, p := range s.Petitions {
		k := cmpOr(p.Topic, other)
		if _, ok := by[k]; !ok {
			seen = append(seen, k)
		}
		by[k] = append(by[k], p)
	}
	done := map[string]bool{}
	for _, t := range s.Topics {
		if len(by[t]) > 0 {
			names, done[t] = append(names, t), true
		}
	}
	for _, k := range seen {
		if !done[k] {
			names, done[k] = append(names, k), true
		}
	}
	return names, by
}

// answerState is the line under a petition: the agency, and when its
// answer came, or that it has not.
func answerState(p store.Petition, today string) (agency, state string, missing bool) {
	agency = cmpOr(p.AgencyName, "Chưa giao cơ quan trả lời")
	switch {
	case p.AgencyID == 0:
		return agency, "", true
	case p.Received() && p.ReceivedOn == "":
		return agency, "", false
	case p.Received() && p.Late(today):
		return agency, "nhận ngày " + vnDate(p.ReceivedOn) + ", sau hạn " + vnDate(p.DueOn), false
	case p.Received():
		return agency, "nhận ngày " + vnDate(p.ReceivedOn), false
	}
	return agency, "", true
}

// missingNote is what stands for an answer not received.
func missingNote(p store.Petition, today string) string {
	switch {
	case p.AgencyID == 0:
		return "[Chưa giao cơ quan trả lời]"
	case p.DueOn == "":
		return "[CHƯA CÓ NỘI DUNG TRẢ LỜI]"
	case p.Late(today):
		return "[CHƯA CÓ NỘI DUNG TRẢ LỜI – hạn " + vnDate(p.DueOn) + ", đã quá hạn]"
	}
	return "[CHƯA CÓ NỘI DUNG TRẢ LỜI – hạn " + vnDate(p.DueOn) + "]"
}

func writeBriefing(w io.Writer, s *Snapshot, o Options) error {
	m := s.Meeting
	today := o.Now.In(o.Loc).Format("2006-01-02")
	office := cmpOr(s.office(), "Văn phòng")
	code := cmpOr(strings.TrimSpace(m.OfficeCode), initials(office))
	d := newDocx("Tài liệu phục vụ đối thoại", 14, o.Now)
	officeHeader(d, m, office, today, "BC-"+code)
	docTitle(d, "BÁO CÁO", "Tổng hợp kiến nghị và nội dung trả lời của các cơ quan, đơn vị", "phục vụ "+m.Title)
	body := para{align: "both", firstLine: 567, before: 4, line: 264}
	head := para{align: "both", firstLine: 567, before: 8, keepNext: true, line: 264}

	d.P(head, b("I. THÔNG TIN CHUNG VỀ CHƯƠNG TRÌNH"))
	facts := []struct{ k, v string }{
		{"Thời gian", whenLine(m)},
		{"Địa điểm", m.Venue},
		{"Chủ trì", joinNonEmpty(", ", "Đồng chí "+m.Chair, m.ChairTitle)},
		{"Chủ đề", quoteTheme(m.Theme)},
	}
	if m.Chair == "" {
		facts[2].v = m.ChairTitle
	}
	for _, f := range facts {
		if strings.TrimSpace(f.v) != "" {
			d.P(body, b(f.k+": "), t(f.v+"."))
		}
	}
	groups, _, total := s.tallies()
	var who []string
	for _, g := range groups {
		if g.Invited > 0 {
			who = append(who, fmt.Sprintf("%s: %d", g.Name, g.Invited))
		}
	}
	if total.Invited > 0 {
		d.P(body, b("Thành phần: "), t(fmt.Sprintf("%d đại biểu được mời", total.Invited)), t(ifNonEmpty(" (", strings.Join(who, "; "), ")")+"."))
	}
	if away := s.apologised(true); len(away) > 0 {
		// the Chairman knows before he greets the hall who will not be there
		d.P(body, b(fmt.Sprintf("Đại biểu đã báo vắng (đến ngày %s): ", vnDate(today))), t(strings.Join(away, "; ")+"."))
	}
	if len(s.Agenda) > 0 {
		d.P(body, b("Chương trình:"))
		plan := store.NewPlan(s.Agenda, m.Start(o.Loc), o.Now)
		for i, a := range s.Agenda {
			line := "- "
			if at := plan.PlannedStart[i]; !at.IsZero() {
				line += at.In(o.Loc).Format("15:04") + ": "
			}
			line += a.Title
			if a.Presenter != "" {
				line += " (" + a.Presenter + ")"
			}
			end := ";"
			if i == len(s.Agenda)-1 {
				end = "."
			}
			d.P(body, t(line+end))
		}
	}

	d.P(head, b("II. KIẾN NGHỊ VÀ NỘI DUNG TRẢ LỜI CỦA CÁC CƠ QUAN, ĐƠN VỊ"))
	rows, tot := store.PreparedByAgency(s.Petitions, s.Units, today)
	n := tot.Asked + tot.Unassigned
	if n == 0 {
		d.P(body, it("Chưa có kiến nghị nào được tổng hợp."))
	} else {
		summary := fmt.Sprintf("%s đã tổng hợp %02d kiến nghị, đề xuất gửi trước Chương trình; %s đã giao %02d cơ quan, đơn vị chuẩn bị nội dung trả lời. "+
			"Đến ngày %s, đã nhận %02d nội dung trả lời", office, n, shortChair(m), len(rows), vnDate(today), tot.Received)
		if tot.Missing+tot.Unassigned > 0 {
			summary += fmt.Sprintf("; còn %02d kiến nghị chưa có nội dung trả lời (được đánh dấu dưới đây)", tot.Missing+tot.Unassigned)
		}
		d.P(body, t(summary+"."))
	}
	names, by := s.petitionTopics()
	for i, name := range names {
		d.P(head, b(fmt.Sprintf("%d. Về %s", i+1, topicPhrase(name))), t(fmt.Sprintf(" (%02d kiến nghị)", len(by[name]))))
		for _, p := range by[name] {
			lead := []run{b("Kiến nghị số " + strconv.Itoa(p.No))}
			if from := s.petitionFrom(p); from != "" {
				lead = append(lead, t(" – "), it(from))
			}
			lead = append(lead, t(": "), t(strings.TrimSpace(p.Text)))
			d.P(para{align: "both", firstLine: 567, before: 6, line: 264, keepNext: true}, lead...)
			agency, state, missing := answerState(p, today)
			line := []run{b("Cơ quan trả lời: "), t(agency)}
			if state != "" {
				line = append(line, it(" ("+state+")"))
			}
			d.P(para{align: "both", firstLine: 567, before: 2, line: 264, keepNext: true}, append(line, t(":"))...)
			if missing {
				d.P(body, bi(missingNote(p, today)))
			} else {
				d.P(body, t(strings.TrimSpace(p.PreparedAnswer)))
			}
		}
	}
	if tot.Missing > 0 {
		var parts []string
		for _, r := range rows {
			if r.Missing == 0 {
				continue
			}
			var nos []string
			for _, p := range r.Owed {
				nos = append(nos, strconv.Itoa(p.No))
			}
			parts = append(parts, "số "+strings.Join(nos, ", ")+" ("+r.Agency+")")
		}
		d.P(body, b("Kiến nghị chưa có nội dung trả lời: "), t(strings.Join(parts, "; ")+". "+office+" tiếp tục đôn đốc các cơ quan, đơn vị gửi nội dung trả lời trước ngày tổ chức đối thoại."))
	}

	h3 := head
	h3.after = 4
	d.P(h3, b("III. CÁC CƠ QUAN, ĐƠN VỊ ĐƯỢC GIAO TRẢ LỜI"))
	s.contactTable(d, rows, o)

	if len(s.Carried) > 0 {
		h4 := head
		h4.after = 4
		d.P(h4, b("IV. CÁC NỘI DUNG TỪ KỲ TRƯỚC CÒN ĐANG THEO DÕI"))
		s.carriedTable(d, body)
	}

	d.P(para{align: "both", firstLine: 567, before: 8, line: 264}, t(fmt.Sprintf("Trên đây là báo cáo tổng hợp kiến nghị và nội dung trả lời phục vụ %s, %s kính báo cáo %s xem xét./.",
		m.Title, office, shortChair(m))))
	closing(d, []string{shortChair(m) + " (để b/c)", "Các Phó Chủ tịch " + orgShort(m), archiveLine(office, m.OfficeCode)},
		Signer{Lines: []string{"TRƯỞNG PHÒNG"}, Name: s.officeHead(office)})
	return d.Write(w)
}

// contactTable lists each agency assigned petitions: their numbers, those
// not answered yet, and whom to call (phones only WithContacts).
func (s *Snapshot) contactTable(d *docx, rows []store.AgencyAnswers, o Options) {
	if len(rows) == 0 {
		d.P(para{align: "both", firstLine: 567, before: 4}, it("Chưa giao cơ quan, đơn vị nào."))
		return
	}
	byID := map[int64]store.Unit{}
	for _, u := range s.Units {
		byID[u.ID] = u
	}
	nosOf := map[int64][]string{}
	for _, p := range s.Petitions {
		nosOf[p.AgencyID] = append(nosOf[p.AgencyID], strconv.Itoa(p.No))
	}
	hdr := []cell{headCell("STT"), headCell("Cơ quan, đơn vị"), headCell("Kiến nghị số"), headCell("Chưa trả lời"), headCell("Người liên hệ")}
	widths := []int{600, 0, 1300, 1300, 2600}
	if o.WithContacts {
		hdr = append(hdr, headCell("Điện thoại"))
		widths = []int{600, 0, 1100, 1100, 2200, 1500}
	}
	used := 0
	for _, w := range widths {
		used += w
	}
	widths[1] = textW - used
	tb := table{widths: widths, borders: true, header: 1, cantSplit: true, rows: [][]cell{hdr}}
	for i, r := range rows {
		u := byID[r.AgencyID]
		var owed []string
		for _, p := range r.Owed {
			owed = append(owed, strconv.Itoa(p.No))
		}
		row := []cell{bodyCell("center", strconv.Itoa(i+1), 2), bodyCell("left", r.Agency, 2), bodyCell("center", strings.Join(nosOf[r.AgencyID], ", "), 2),
			bodyCell("center", cmpOr(strings.Join(owed, ", "), "—"), 2), bodyCell("left", u.Contact, 2)}
		if o.WithContacts {
			row = append(row, bodyCell("center", u.Phone, 2))
		}
		tb.rows = append(tb.rows, row)
	}
	d.Table(tb)
}

// quoteTheme puts the theme in quotation marks, as plans write it.
func quoteTheme(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "\"“”")
	if s == "" {
		return ""
	}
	return "“" + s + "”"
}

func ifNonEmpty(pre, s, post string) string {
	if s == "" {
		return ""
	}
	return pre + s + post
}

// loadCarried reads the obligations carried open from the previous
// meeting, with their status today (fu's follow-up register).
func (s *Snapshot) loadCarried(ctx context.Context, st *store.Store) error {
	if err := s.loadRegister(ctx, st); err != nil {
		return err
	}
	s.Carried = nil
	for _, o := range s.Register.Obligations {
		if o.Carried && o.Status.Open() {
			s.Carried = append(s.Carried, o)
		}
	}
	return nil
}

// carriedTable lists what the previous meeting left open: what was asked
// and by whom, what was said then, the agency that owes it, its due date
// and status, so the Chairman has them in hand if they come up again.
func (s *Snapshot) carriedTable(d *docx, body para) {
	origins := map[string]bool{}
	var names []string
	for _, o := range s.Carried {
		k := joinNonEmpty(" ", o.Origin, ifNonEmpty("(", vnDate(o.OriginDay), ")"))
		if k != "" && !origins[k] {
			origins[k], names = true, append(names, k)
		}
	}
	intro := fmt.Sprintf("Còn %02d ý kiến, kiến nghị từ kỳ trước chưa được trả lời, tiếp tục theo dõi", len(s.Carried))
	if len(names) > 0 {
		intro += " (" + strings.Join(names, "; ") + ")"
	}
	p := body
	p.after = 4
	d.P(p, t(intro+":"))
	widths := []int{600, 0, 2100, 1250, 1350}
	widths[1] = textW - 600 - 2100 - 1250 - 1350
	tb := table{widths: widths, borders: true, header: 1, cantSplit: true, rows: [][]cell{{
		headCell("STT"), headCell("Nội dung"), headCell("Cơ quan thực hiện"), headCell("Hạn"), headCell("Tình trạng")}}}
	for i, o := range s.Carried {
		content := []string{}
		if who := nameUnit(o.Asker, o.AskerUnit); who != "" {
			content = append(content, paraXML(para{before: 2}, sz(it(who+":"), 12)))
		}
		content = append(content, paraXML(para{align: "both", before: 2}, sz(t(strings.TrimSpace(o.Text)), 12)))
		if o.Said != "" {
			content = append(content, paraXML(para{align: "both", before: 2, after: 2}, sz(it("Đã trả lời tại kỳ trước: "+o.Said), 12)))
		}
		tb.rows = append(tb.rows, []cell{bodyCell("center", strconv.Itoa(i+1), 2), {paras: content},
			bodyCell("left", cmpOr(o.Agency, unassigned), 2), bodyCell("center", vnDate(o.Due), 2), bodyCell("center", StatusText(o.Status), 2)})
	}
	d.Table(tb)
}
