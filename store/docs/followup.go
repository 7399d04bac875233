package docs

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"doithoai/store"
)

// unassigned names the owner of a referral no agency was named for.
const unassigned = "(Chưa giao cơ quan)"

// task is one written answer or referral owed after the day.
type task struct {
	Agency string
	Q      store.Question
	A      store.Answer
	QNo    int // the question's number in the minutes
}

// tasks lists every written answer and referral, by agency (in unit order),
// then due date.
func (s *Snapshot) tasks() []task {
	order := map[string]int{}
	for i, u := range s.Units {
		order[u.Name] = i
	}
	var out []task
	for qi, q := range s.Questions {
		for _, a := range q.Answers {
			if a.Outcome != store.OutcomeWritten && a.Outcome != store.OutcomeReferred {
				continue
			}
			ag := cmp.Or(a.FollowupAgencyName, a.AgencyName, unassigned)
			out = append(out, task{Agency: ag, Q: q, A: a, QNo: qi + 1})
		}
	}
	slices.SortStableFunc(out, func(x, y task) int {
		ox, okx := order[x.Agency]
		oy, oky := order[y.Agency]
		if okx != oky {
			if okx {
				return -1
			}
			return 1
		}
		// An empty due date (a referral) sorts after the dated ones.
		dx, dy := cmp.Or(x.A.DueDate, "9999"), cmp.Or(y.A.DueDate, "9999")
		return cmp.Or(cmp.Compare(ox, oy), cmp.Compare(x.Agency, y.Agency), cmp.Compare(dx, dy), cmp.Compare(x.QNo, y.QNo))
	})
	return out
}

// AgencyDue is the count of written answers and referrals one agency owes.
type AgencyDue struct {
	Agency   string
	Written  int
	Referred int
	Earliest string // earliest due date, YYYY-MM-DD ("" if none)
}

// DueByAgency sums the follow-up list per agency, in list order.
func (s *Snapshot) DueByAgency() []AgencyDue {
	var out []AgencyDue
	idx := map[string]int{}
	for _, tk := range s.tasks() {
		i, ok := idx[tk.Agency]
		if !ok {
			i = len(out)
			idx[tk.Agency] = i
			out = append(out, AgencyDue{Agency: tk.Agency})
		}
		if tk.A.Outcome == store.OutcomeWritten {
			out[i].Written++
		} else {
			out[i].Referred++
		}
		if tk.A.DueDate != "" && (out[i].Earliest == "" || tk.A.DueDate < out[i].Earliest) {
			out[i].Earliest = tk.A.DueDate
		}
	}
	return out
}

func (s *Snapshot) asker(q store.Question) string {
	return nameUnit(q.AskerName, s.unitText(q.AskerUnit))
}

// nameUnit is "Nguyễn Thị A (Xã Quảng Hải)", or the name alone.
func nameUnit(name, unit string) string {
	if unit != "" {
		return name + " (" + unit + ")"
	}
	return name
}

var followHeader = []string{"STT", "Cơ quan thực hiện", "Hình thức", "Hạn trả lời", "Người nêu ý kiến", "Lĩnh vực", "Nội dung ý kiến",
	"Ý kiến tại hội nghị", "Kiến nghị số", "Kết quả thực hiện"}

// followWidths print the list on A4 landscape at 83 %, its text at 13.5 pt.
var followWidths = map[string]float64{"STT": 6, "Cơ quan thực hiện": 20, "Hình thức": 13, "Hạn trả lời": 12, "Người nêu ý kiến": 20,
	"Lĩnh vực": 14, "Nội dung ý kiến": 40, "Ý kiến tại hội nghị": 30, "Kiến nghị số": 9, "Kết quả thực hiện": 14}

func followRecord(n int, tk task, s *Snapshot) []any {
	pet := ""
	if tk.Q.PetitionID != 0 {
		for _, p := range s.Petitions {
			if p.ID == tk.Q.PetitionID {
				pet = strconv.Itoa(p.No)
			}
		}
	}
	said := joinNonEmpty(": ", joinNonEmpty(", ", tk.A.Person, tk.A.AgencyName), tk.A.Summary)
	return []any{n, tk.Agency, outcomeVI[tk.A.Outcome], vnDate(tk.A.DueDate), s.asker(tk.Q), tk.Q.Topic, tk.Q.Text, said, pet, ""}
}

func writeFollowup(w io.Writer, s *Snapshot, f Format, o Options) error {
	switch f {
	case XLSX:
		return followupXLSX(w, s, o)
	case DOCX:
		return followupDOCX(w, s, o)
	}
	return fmt.Errorf("%w: %s", ErrFormat, f)
}

func followupXLSX(w io.Writer, s *Snapshot, o Options) error {
	x := newXLSX()
	defer x.Close()
	sheet := "Theo dõi"
	x.SetSheetName("Sheet1", sheet)
	widths := columnWidths(followHeader, followWidths)
	lp, landscape := planPrint(widths)
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	title, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Family: font}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	headSt := excelize.Style{Font: &excelize.Font{Bold: true, Size: lp.size, Family: font}, Border: border,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headFill}}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}
	head, _ := x.NewStyle(&headSt)
	bodySt := excelize.Style{Font: &excelize.Font{Size: lp.size, Family: font}, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}
	body, _ := x.NewStyle(&bodySt)
	date, err := dateStyle(x, bodySt)
	if err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(followHeader))
	x.SetCellValue(sheet, "A1", "DANH SÁCH Ý KIẾN CẦN TRẢ LỜI BẰNG VĂN BẢN VÀ CHUYỂN CẤP CÓ THẨM QUYỀN")
	x.MergeCell(sheet, "A1", last+"1")
	x.SetCellStyle(sheet, "A1", "A1", title)
	x.SetCellValue(sheet, "A2", s.Meeting.Title+dateSuffix(s.heldOn(o)))
	x.MergeCell(sheet, "A2", last+"2")
	sub, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 12, Family: font}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	x.SetCellStyle(sheet, "A2", "A2", sub)
	const headRow = 4
	x.SetSheetRow(sheet, "A4", &followHeader)
	x.SetCellStyle(sheet, "A4", last+"4", head)
	x.SetRowHeight(sheet, headRow, fitRow(followHeader, widths, true, lp.size, 0))
	due := slices.Index(followHeader, "Hạn trả lời") + 1
	tasks := s.tasks()
	for i, tk := range tasks {
		rec := followRecord(i+1, tk, s)
		row := headRow + 1 + i
		x.SetSheetRow(sheet, cellName(1, row), &rec)
		if err := setDate(x, sheet, cellName(due, row), tk.A.DueDate); err != nil {
			return err
		}
		strs := make([]string, len(rec))
		for j, v := range rec {
			strs[j] = fmt.Sprint(v)
		}
		x.SetRowHeight(sheet, row, fitRow(strs, widths, false, lp.size, lp.minRow))
	}
	if len(tasks) > 0 {
		x.SetCellStyle(sheet, "A5", fmt.Sprintf("%s%d", last, headRow+len(tasks)), body)
		x.SetCellStyle(sheet, cellName(due, headRow+1), cellName(due, headRow+len(tasks)), date)
	}
	setListPrint(x, sheet, widths, headRow, lp, landscape)
	if err := listFilter(x, sheet, len(followHeader), headRow, headRow+len(tasks)); err != nil {
		return err
	}

	// A second sheet sums it per agency, for the office's reminder calls.
	sum := "Theo cơ quan"
	x.NewSheet(sum)
	hdr := []string{"Cơ quan", "Trả lời bằng văn bản", "Chuyển cấp có thẩm quyền", "Hạn sớm nhất"}
	sw := []float64{42, 16, 16, 14}
	x.SetSheetRow(sum, "A1", &hdr)
	x.SetCellStyle(sum, "A1", "D1", head)
	x.SetRowHeight(sum, 1, fitRow(hdr, sw, true, lp.size, 0))
	dues := s.DueByAgency()
	for i, a := range dues {
		rec := []any{a.Agency, a.Written, a.Referred}
		x.SetSheetRow(sum, cellName(1, i+2), &rec)
		if err := setDate(x, sum, cellName(4, i+2), a.Earliest); err != nil {
			return err
		}
		x.SetRowHeight(sum, i+2, fitRow([]string{a.Agency}, sw, false, lp.size, 0))
	}
	if len(dues) > 0 {
		x.SetCellStyle(sum, "A2", fmt.Sprintf("C%d", len(dues)+1), body)
		x.SetCellStyle(sum, "D2", fmt.Sprintf("D%d", len(dues)+1), date)
	}
	for i, w := range sw {
		col, _ := excelize.ColumnNumberToName(i + 1)
		x.SetColWidth(sum, col, col, w)
	}
	if err := listFilter(x, sum, len(hdr), 1, len(dues)+1); err != nil {
		return err
	}
	return x.Write(w)
}

func followupDOCX(w io.Writer, s *Snapshot, o Options) error {
	d := newDocx("Danh sách theo dõi trả lời", 13, o.Now)
	m := s.Meeting
	d.P(para{align: "center"}, b("DANH SÁCH Ý KIẾN CẦN TRẢ LỜI BẰNG VĂN BẢN"))
	d.P(para{align: "center"}, b("VÀ CHUYỂN CẤP CÓ THẨM QUYỀN"))
	d.P(para{align: "center", after: 6}, it(m.Title+dateSuffix(s.heldOn(o))))
	tasks := s.tasks()
	if len(tasks) == 0 {
		d.P(para{align: "center", before: 12}, it("Không có ý kiến nào cần trả lời bằng văn bản hoặc chuyển cấp có thẩm quyền."))
		return d.Write(w)
	}
	widths := []int{600, 2000, 0, 1250, 1500}
	widths[2] = textW - 600 - 2000 - 1250 - 1500
	lastAgency := "\x00"
	var tb *table
	flush := func() {
		if tb != nil {
			d.Table(*tb)
		}
	}
	n := 0
	for _, tk := range tasks {
		if tk.Agency != lastAgency {
			flush()
			lastAgency = tk.Agency
			n = 0
			d.P(para{before: 9, after: 3, keepNext: true}, b(tk.Agency))
			tb = &table{widths: widths, borders: true, header: 1, cantSplit: true, rows: [][]cell{{
				headCell("STT"), headCell("Người nêu ý kiến"), headCell("Nội dung ý kiến"), headCell("Hạn"), headCell("Hình thức")}}}
		}
		n++
		content := []string{paraXML(para{before: 2}, sz(t(tk.Q.Text), 12))}
		if tk.Q.Topic != "" {
			content = append([]string{paraXML(para{before: 2}, sz(it("Lĩnh vực: "+tk.Q.Topic), 12))}, content...)
		}
		if said := joinNonEmpty(": ", joinNonEmpty(", ", tk.A.Person, tk.A.AgencyName), tk.A.Summary); said != "" {
			content = append(content, paraXML(para{before: 2, after: 2}, sz(it("Tại hội nghị: "+said), 12)))
		}
		tb.rows = append(tb.rows, []cell{bodyCell("center", strconv.Itoa(n), 2), bodyCell("left", s.asker(tk.Q), 2), {paras: content},
			bodyCell("center", vnDate(tk.A.DueDate), 2), bodyCell("center", outcomeVI[tk.A.Outcome], 2)})
	}
	flush()
	return d.Write(w)
}

// Summary is the on-screen digest of the meeting for the reports station.
type Summary struct {
	Invited, Arrived, WalkIns, Absent int
	Substitutes, Apologised           int // Apologised is part of Absent
	Groups                            []GroupCount
	Questions, Answers                int
	ByOutcome                         map[store.Outcome]int
	Petitions, PetitionsRaised        int
	Due                               []AgencyDue
	// Unaccented are the names typed free without accents, which the
	// minutes and the notice would print as typed.
	Unaccented []store.UnaccentedName
	// Assessment is the notice's "Đánh giá chung" as written ("" keeps
	// the placeholder).
	Assessment string
}

// GroupCount is attendance of one group.
type GroupCount struct {
	Name                    string
	Quota, Invited, Arrived int
}

// Summarize digests a snapshot.
func (s *Snapshot) Summarize() Summary {
	groups, _, total := s.tallies()
	out := Summary{Invited: total.Invited, Arrived: total.Arrived, WalkIns: total.WalkIns, Substitutes: total.Substitutes,
		Absent: absent(total), Apologised: total.Apologised, ByOutcome: map[store.Outcome]int{},
		Questions: len(s.Questions), Petitions: len(s.Petitions), Due: s.DueByAgency()}
	for _, g := range groups {
		out.Groups = append(out.Groups, GroupCount{Name: g.Name, Quota: g.Quota, Invited: g.Invited, Arrived: g.Arrived})
	}
	for _, q := range s.Questions {
		for _, a := range q.Answers {
			out.Answers++
			out.ByOutcome[a.Outcome]++
		}
	}
	raised, _ := s.petitionsRaised()
	out.PetitionsRaised = len(raised)
	out.Unaccented = store.UnaccentedIn(s.Speakers, s.Questions)
	out.Assessment = s.Meeting.Assessment
	return out
}
