package docs

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"doithoai/store"
)

// The report to the Chairman and the province (báo cáo kết quả giải
// quyết ý kiến, kiến nghị): how many promises the meeting made and how
// many were kept on time, by agency, by topic and by result, and what is
// still overdue.

// resultRows are the report's outcome lines, in order.
var resultRows = []struct{ key, text string }{
	{"settled", "Đã trả lời, giải quyết dứt điểm"},
	{"answered", "Đã trả lời, chưa giải quyết dứt điểm"},
	{"spot", "Đã trả lời trực tiếp khi nêu lại tại hội nghị"},
	{"forwarded", "Đã chuyển cấp có thẩm quyền"},
	{"further", "Đã có văn bản, đang tiếp tục theo dõi"},
	{"overdue", "Chưa trả lời, đã quá hạn"},
	{"open", "Chưa trả lời, chưa đến hạn"},
}

// resultKey is the line of resultRows an obligation counts in.
func resultKey(o store.Obligation) string {
	rc, got := lastReceipt(o)
	switch {
	case o.Status.Kind == store.StatusAnswered && !got:
		return "spot"
	case !o.Status.Open():
		return string(rc.Result)
	case got:
		return "further"
	case o.Status.Kind == store.StatusOverdue:
		return "overdue"
	}
	return "open"
}

func writeReport(w io.Writer, s *Snapshot, o Options) error {
	m := s.Meeting
	d, reg, body, head := s.followupDoc(o, "Báo cáo kết quả giải quyết ý kiến, kiến nghị", "BC-UBND", "BÁO CÁO", "Kết quả giải quyết ý kiến, kiến nghị của đại biểu")
	tableHead := head
	tableHead.after = 4
	c := countRegister(reg)
	var kinds [3]int
	for _, ob := range reg.Obligations {
		if ob.Orphan {
			continue
		}
		switch ob.Kind {
		case store.KindWritten:
			kinds[0]++
		case store.KindReferred:
			kinds[1]++
		default:
			kinds[2]++
		}
	}
	_, total := reg.ByAgency()

	d.P(head, b("I. TÌNH HÌNH CHUNG"))
	d.P(body, t(fmt.Sprintf("%s được tổ chức%s. Tại Chương trình, đại biểu đã nêu %02d ý kiến, kiến nghị. Sau Chương trình, %s đã giao các cơ quan, đơn vị "+
		"trả lời, giải quyết %02d nội dung, gồm: %02d nội dung trả lời bằng văn bản, %02d nội dung chuyển cấp có thẩm quyền, %02d kiến nghị gửi trước chưa được giải quyết tại Chương trình",
		upperFirst(m.Title), ifNonEmpty(" ", longDate(reg.HeldOn), ""), len(s.Questions), shortChair(m), c.total, kinds[0], kinds[1], kinds[2])+
		ifNonEmpty("; trong đó có ", twoDigits(c.carried), " nội dung từ kỳ trước chuyển sang")+"."))
	rate := rateText(total)
	d.P(body, t(fmt.Sprintf("Đến ngày %s, đã trả lời %02d nội dung (đúng hạn %02d, trễ hạn %02d), trong đó chuyển cấp có thẩm quyền %02d nội dung; "+
		"còn %02d nội dung chưa trả lời, trong đó %02d nội dung đã quá hạn. Tỷ lệ trả lời đúng hạn: %s.",
		vnDate(reg.Today), total.OnTime+total.Late, total.OnTime, total.Late, total.Forwarded, total.Overdue+total.Open, total.Overdue, rate)))

	d.P(tableHead, b("II. KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ"))
	agencyTable(d, reg)

	d.P(tableHead, b("III. KẾT QUẢ THEO LĨNH VỰC"))
	topicTable(d, reg, s.Topics)

	d.P(tableHead, b("IV. KẾT QUẢ GIẢI QUYẾT"))
	byResult := map[string]int{}
	for _, ob := range reg.Obligations {
		if !ob.Orphan {
			byResult[resultKey(ob)]++
		}
	}
	tb := table{widths: []int{650, textW - 650 - 1500, 1500}, borders: true, header: 1, cantSplit: true,
		rows: [][]cell{{headCell("STT"), headCell("Kết quả"), headCell("Số nội dung")}}}
	n := 0
	for _, r := range resultRows {
		if r.key == "spot" && byResult[r.key] == 0 {
			continue // only carried items raised again are answered so
		}
		n++
		tb.rows = append(tb.rows, []cell{bodyCell("center", strconv.Itoa(n), 2), bodyCell("left", r.text, 2), bodyCell("center", strconv.Itoa(byResult[r.key]), 2)})
	}
	tb.rows = append(tb.rows, []cell{bodyCell("center", "", 2), boldCell("left", "Tổng cộng"), boldCell("center", strconv.Itoa(c.total))})
	d.Table(tb)

	d.P(head, b("V. NHỮNG NỘI DUNG QUÁ HẠN CHƯA ĐƯỢC TRẢ LỜI"))
	overdue := reg.Filter(store.RegisterFilter{Statuses: []store.StatusKind{store.StatusOverdue}})
	if len(overdue) == 0 {
		d.P(body, t("Không có nội dung nào quá hạn chưa được trả lời."))
	}
	sums, _ := store.SummarizeByAgency(overdue, reg.Units)
	for _, a := range sums {
		d.P(para{align: "both", firstLine: 567, before: 4, line: 264, keepNext: true}, b("- "+cmpOr(a.Agency, unassigned)), t(fmt.Sprintf(" (%02d nội dung):", a.Overdue)))
		for _, ob := range overdue {
			if store.Fold(ob.Agency) != store.Fold(a.Agency) {
				continue
			}
			line := "+ " + joinNonEmpty(": ", sourceText(ob), whoAsked(ob)) + ": " + excerpt(ob.Text, 200) +
				fmt.Sprintf(" (hạn %s, quá hạn %d ngày)", vnDate(ob.Due), ob.Status.Days)
			d.P(body, t(line))
		}
	}

	d.P(head, b("VI. ĐỀ XUẤT, KIẾN NGHỊ"))
	if len(sums) > 0 {
		var names []string
		for _, a := range sums {
			if a.Agency != "" {
				names = append(names, a.Agency)
			}
		}
		if len(names) > 0 {
			d.P(body, t("Đề nghị "+shortChair(m)+" chỉ đạo "+strings.Join(names, ", ")+" khẩn trương trả lời các nội dung đã quá hạn; "+
				"các nội dung chưa được giải quyết dứt điểm tiếp tục được theo dõi, báo cáo tại Chương trình đối thoại kỳ sau."))
		}
	}
	d.P(body, t("[Đề xuất, kiến nghị khác của "+cmpOr(s.office(), "cơ quan tham mưu")+".]"))
	d.P(body, t(fmt.Sprintf("Trên đây là báo cáo kết quả giải quyết ý kiến, kiến nghị của đại biểu tại %s./.", m.Title)))
	recipients := []string{"UBND tỉnh (để b/c)", "Sở Nội vụ tỉnh (để b/c)"}
	if pc := partyCommittee[orgLevel(m)]; pc != "" {
		recipients = append(recipients, "Thường trực "+pc+", HĐND "+orgLevel(m)+" (để b/c)")
	}
	recipients = append(recipients, "Chủ tịch, các PCT "+orgShort(m))
	if u := s.unitLike("phu nu"); u != "" {
		recipients = append(recipients, u)
	}
	closing(d, append(recipients, archiveLine(s.office(), m.OfficeCode)), noticeSigner(m))
	return d.Write(w)
}

func twoDigits(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%02d", n)
}

func boldCell(align, s string) cell {
	c := tc(para{align: align, before: 2, after: 2}, sz(b(s), 12))
	c.vAlign = "center"
	return c
}

// agencyTable is the per-agency table: owed, on time, late, overdue, not
// yet due, rate; the total last.
func agencyTable(d *docx, reg *store.Register) {
	rows, total := reg.ByAgency()
	w := []int{600, 0, 1000, 1000, 1000, 1000, 1000, 1200}
	w[1] = textW - 600 - 5*1000 - 1200
	tb := table{widths: w, borders: true, header: 1, cantSplit: true, rows: [][]cell{{headCell("STT"), headCell("Cơ quan, đơn vị"), headCell("Phải trả lời"),
		headCell("Đúng hạn"), headCell("Trễ hạn"), headCell("Quá hạn"), headCell("Chưa đến hạn"), headCell("Tỷ lệ đúng hạn")}}}
	num := func(n int) cell { return bodyCell("center", strconv.Itoa(n), 2) }
	for i, a := range rows {
		tb.rows = append(tb.rows, []cell{num(i + 1), bodyCell("left", cmpOr(a.Agency, unassigned), 2), num(a.Owed), num(a.OnTime), num(a.Late),
			num(a.Overdue), num(a.Open), bodyCell("center", rateText(a), 2)})
	}
	tb.rows = append(tb.rows, []cell{bodyCell("center", "", 2), boldCell("left", "Tổng cộng"), boldCell("center", strconv.Itoa(total.Owed)),
		boldCell("center", strconv.Itoa(total.OnTime)), boldCell("center", strconv.Itoa(total.Late)), boldCell("center", strconv.Itoa(total.Overdue)),
		boldCell("center", strconv.Itoa(total.Open)), boldCell("center", rateText(total))})
	d.Table(tb)
}

// topicTable counts by topic: total, answered, forwarded, still open
// (of which overdue).
func topicTable(d *docx, reg *store.Register, topics []string) {
	names, by := obligationsByTopic(reg, topics)
	w := []int{600, 0, 1100, 1100, 1100, 1300, 1100}
	w[1] = textW - 600 - 4*1100 - 1300
	tb := table{widths: w, borders: true, header: 1, cantSplit: true, rows: [][]cell{{headCell("STT"), headCell("Lĩnh vực"), headCell("Tổng số"),
		headCell("Đã trả lời"), headCell("Đã chuyển"), headCell("Chưa trả lời"), headCell("Quá hạn")}}}
	num := func(n int) cell { return bodyCell("center", strconv.Itoa(n), 2) }
	for i, name := range names {
		var c counts
		for _, ob := range by[name] {
			c.add(ob)
		}
		tb.rows = append(tb.rows, []cell{num(i + 1), bodyCell("left", name, 2), num(c.total), num(c.answered), num(c.forwarded), num(c.open), num(c.overdue)})
	}
	if len(names) == 0 {
		tb.rows = append(tb.rows, []cell{{span: 7, paras: []string{paraXML(para{align: "center"}, it("Không có nội dung nào."))}}})
	}
	d.Table(tb)
}
