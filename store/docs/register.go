package docs

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"doithoai/store"
	"doithoai/store/sheet"
)

// The follow-up register (sổ theo dõi) as a spreadsheet: one row per
// obligation with its derived status, the answers received and the notes
// the office needs (carried from last year, extended, changed since). In
// xlsx the status column is coloured, the header frozen and filtered, due
// dates are real dates (dd/mm/yyyy) and the sheet prints A4 landscape; a
// second sheet sums it per agency. Several meetings merged add a column
// naming each row's meeting.

// StatusText is a status as the register writes it.
func StatusText(st store.Status) string {
	switch st.Kind {
	case store.StatusOverdue:
		return fmt.Sprintf("Quá hạn %d ngày", st.Days)
	case store.StatusDueSoon:
		if st.Days == 0 {
			return "Sắp đến hạn (hôm nay)"
		}
		return fmt.Sprintf("Sắp đến hạn (còn %d ngày)", st.Days)
	case store.StatusNotDue:
		return "Chưa đến hạn"
	case store.StatusForwarded:
		if st.Days > 0 {
			return fmt.Sprintf("Đã chuyển (trễ %d ngày)", st.Days)
		}
		return "Đã chuyển"
	}
	if st.Days > 0 {
		return fmt.Sprintf("Đã trả lời (trễ %d ngày)", st.Days)
	}
	return "Đã trả lời (đúng hạn)"
}

// kindText is what an obligation owes.
var kindText = map[store.ObligationKind]string{
	store.KindWritten:  "Trả lời bằng văn bản",
	store.KindReferred: "Chuyển cấp có thẩm quyền",
	store.KindPetition: "Kiến nghị chưa được giải quyết",
}

// ResultText is what a receipt did.
func ResultText(r store.Receipt) string {
	switch r.Result {
	case store.ResultSettled:
		return "Giải quyết dứt điểm"
	case store.ResultAnswered:
		return "Đã trả lời, chưa giải quyết dứt điểm"
	case store.ResultFurther:
		return "Tiếp tục theo dõi, hạn " + vnDate(r.NextDue)
	case store.ResultForwarded:
		return joinNonEmpty(" ", "Đã chuyển", r.ForwardedTo)
	}
	return string(r.Result)
}

// sourceText is where an obligation comes from: "Ý kiến số 3", "Kiến
// nghị số 5 (không nêu tại hội nghị)", "Từ kỳ trước".
func sourceText(o store.Obligation) string {
	var parts []string
	if o.Carried {
		parts = append(parts, "Từ kỳ trước")
	}
	if o.QNo > 0 && !o.Carried {
		parts = append(parts, "Ý kiến số "+strconv.Itoa(o.QNo))
	}
	if o.PetitionNo > 0 {
		p := "Kiến nghị số " + strconv.Itoa(o.PetitionNo)
		if o.Kind == store.KindPetition && o.QNo == 0 {
			p += " (chưa nêu tại hội nghị)"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ", ")
}

// docRef is "Số 123/LĐTBXH-VL ngày 20/11/2023".
func docRef(r store.Receipt) string { return "Số " + r.DocNo + " ngày " + vnDate(r.DocDate) }

// receiptsText lists the answers received, one line each.
func receiptsText(o store.Obligation) (refs, results string) {
	var a, b []string
	for _, r := range o.ActiveReceipts() {
		a = append(a, docRef(r))
		b = append(b, joinNonEmpty(": ", ResultText(r), r.Summary))
	}
	return strings.Join(a, "\n"), strings.Join(b, "\n")
}

// notesText is what else the office should know of an obligation.
func notesText(o store.Obligation) string {
	var n []string
	if o.Carried {
		n = append(n, "Từ "+o.Origin+joinNonEmpty("", " (", vnDate(o.OriginDay), ")"))
		if o.LinkedQNo > 0 {
			n = append(n, fmt.Sprintf("Nêu lại tại hội nghị (ý kiến số %d)", o.LinkedQNo))
		}
	}
	if o.DefaultDue {
		n = append(n, fmt.Sprintf("Hạn mặc định %d ngày sau hội nghị (hội nghị không định hạn)", store.PetitionDueDays))
	}
	for _, e := range o.Extensions {
		if !e.Voided {
			n = append(n, "Gia hạn đến "+vnDate(e.NewDue)+": "+e.Reason)
		}
	}
	if o.Kind == store.KindReferred && o.ReferredTo != "" {
		n = append(n, "Chuyển đến: "+o.ReferredTo)
	}
	if d := o.Drift; d != nil {
		n = append(n, "Đã sửa sau khi ghi nhận (trước đó: "+joinNonEmpty(", ", d.Agency, ifNonEmpty("hạn ", vnDate(d.Due), ""))+")")
	}
	if o.Orphan {
		n = append(n, "Biên bản không còn ghi việc phải trả lời này")
	}
	return strings.Join(n, "\n")
}

// asker is "Nguyễn Thị A (Xã Quảng Hải)".
func askerText(o store.Obligation) string { return nameUnit(o.Asker, o.AskerUnit) }

var registerHeader = []string{"STT", "Nguồn", "Cơ quan thực hiện", "Người nêu", "Lĩnh vực", "Nội dung", "Hình thức", "Hạn trả lời",
	"Trạng thái", "Văn bản trả lời", "Kết quả", "Ghi chú"}

const meetingCol = "Hội nghị"

// registerWidths (characters) add up to about 200: A4 landscape one
// page wide prints it at about 70 %.
var registerWidths = map[string]float64{"STT": 5, meetingCol: 20, "Nguồn": 12, "Cơ quan thực hiện": 18, "Người nêu": 18, "Lĩnh vực": 12,
	"Nội dung": 40, "Hình thức": 12, "Hạn trả lời": 11, "Trạng thái": 14, "Văn bản trả lời": 17, "Kết quả": 28, "Ghi chú": 18}

func registerHead(merged bool) []string {
	if !merged {
		return registerHeader
	}
	return append([]string{"STT", meetingCol}, registerHeader[1:]...)
}

// registerRecord is one row; due is the due date in force.
func registerRecord(n int, o store.Obligation, merged bool) []string {
	refs, results := receiptsText(o)
	rec := []string{strconv.Itoa(n), sourceText(o), cmpOr(o.Agency, unassigned), askerText(o), o.Topic, o.Text, kindText[o.Kind],
		vnDate(o.Due), StatusText(o.Status), refs, results, notesText(o)}
	if merged {
		rec = append([]string{rec[0], o.Meeting}, rec[1:]...)
	}
	return rec
}

// RegisterTitle heads the register.
func registerTitle(reg *store.Register, merged bool) (string, string) {
	sub := reg.Meeting.Title + dateSuffix(reg.HeldOn)
	if merged {
		sub = "Tổng hợp các hội nghị đối thoại"
	}
	return "SỔ THEO DÕI KẾT QUẢ TRẢ LỜI Ý KIẾN, KIẾN NGHỊ", sub + " – tình hình đến ngày " + vnDate(reg.Today)
}

// WriteRegister writes the register as xlsx or csv. merged adds the
// meeting's column (a register of several files).
func WriteRegister(w io.Writer, reg *store.Register, f Format, merged bool, o Options) error {
	o.fill()
	switch f {
	case CSV:
		return registerCSV(w, reg, merged)
	case XLSX:
		return registerXLSX(w, reg, merged, o)
	}
	return fmt.Errorf("%w: the register as %s", ErrFormat, f)
}

func registerCSV(w io.Writer, reg *store.Register, merged bool) error {
	cw, err := sheet.NewCSVWriter(w)
	if err != nil {
		return err
	}
	cw.Write(registerHead(merged))
	for i, o := range reg.Obligations {
		cw.Write(registerRecord(i+1, o, merged))
	}
	return cw.Flush()
}

// Status fills: overdue red, due soon amber, answered on time green, late
// orange, forwarded blue; not yet due stays white.
var statusFill = map[string]string{"overdue": "F4CCCC", "due-soon": "FFE599", "ontime": "D9EAD3", "late": "FCE5CD", "forwarded": "CFE2F3"}

func fillKey(st store.Status) string {
	switch st.Kind {
	case store.StatusAnswered:
		if st.Days > 0 {
			return "late"
		}
		return "ontime"
	case store.StatusNotDue:
		return ""
	}
	return st.Kind.String()
}

func registerXLSX(w io.Writer, reg *store.Register, merged bool, o Options) error {
	x := newXLSX()
	defer x.Close()
	sh := "Sổ theo dõi"
	x.SetSheetName("Sheet1", sh)
	hdr := registerHead(merged)
	last, _ := excelize.ColumnNumberToName(len(hdr))
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	style := func(s *excelize.Style) int {
		id, _ := x.NewStyle(s)
		return id
	}
	title := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Family: font}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	subtitle := style(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 12, Family: font}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	head := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Family: font}, Border: border,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headFill}}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	bodyStyle := &excelize.Style{Font: &excelize.Font{Size: 12, Family: font}, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}
	body := style(bodyStyle)
	dateFmt := "dd/mm/yyyy"
	date := style(&excelize.Style{Font: bodyStyle.Font, Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}, CustomNumFmt: &dateFmt})
	fills := map[string]int{}
	for k, c := range statusFill {
		fills[k] = style(&excelize.Style{Font: &excelize.Font{Size: 12, Family: font, Bold: k == "overdue"}, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	}
	t1, t2 := registerTitle(reg, merged)
	x.SetCellValue(sh, "A1", t1)
	x.MergeCell(sh, "A1", last+"1")
	x.SetCellStyle(sh, "A1", "A1", title)
	x.SetCellValue(sh, "A2", t2)
	x.MergeCell(sh, "A2", last+"2")
	x.SetCellStyle(sh, "A2", "A2", subtitle)
	const headRow = 4
	x.SetSheetRow(sh, "A4", &hdr)
	x.SetCellStyle(sh, "A4", last+"4", head)
	dueCol, _ := excelize.ColumnNumberToName(indexOf(hdr, "Hạn trả lời") + 1)
	statusCol, _ := excelize.ColumnNumberToName(indexOf(hdr, "Trạng thái") + 1)
	for i, ob := range reg.Obligations {
		row := headRow + 1 + i
		rec := registerRecord(i+1, ob, merged)
		cells := make([]any, len(rec))
		for j, v := range rec {
			cells[j] = v
		}
		cells[0] = i + 1
		if d, err := time.Parse("2006-01-02", ob.Due); err == nil {
			cells[indexOf(hdr, "Hạn trả lời")] = d
		}
		c, _ := excelize.CoordinatesToCellName(1, row)
		x.SetSheetRow(sh, c, &cells)
		x.SetCellStyle(sh, c, fmt.Sprintf("%s%d", last, row), body)
		x.SetCellStyle(sh, fmt.Sprintf("%s%d", dueCol, row), fmt.Sprintf("%s%d", dueCol, row), date)
		if k := fillKey(ob.Status); k != "" {
			x.SetCellStyle(sh, fmt.Sprintf("%s%d", statusCol, row), fmt.Sprintf("%s%d", statusCol, row), fills[k])
		}
		x.SetRowHeight(sh, row, registerRowHeight(rec, hdr))
	}
	end := headRow + max(len(reg.Obligations), 1)
	x.AutoFilter(sh, fmt.Sprintf("A%d:%s%d", headRow, last, end), nil)
	// one page wide at the scale its columns need, the header row printed
	// again on every page and as high as its wrapped titles
	widths := columnWidths(hdr, registerWidths)
	lp, landscape := planPrint(widths)
	setListPrint(x, sh, widths, headRow, lp, landscape)
	x.SetRowHeight(sh, headRow, fitRow(hdr, widths, true, 12, 0))
	x.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddFooter: "&C&P / &N"})

	num := style(&excelize.Style{Font: bodyStyle.Font, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	bold := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Family: font}, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	sumSheet(x, reg, title, head, body, num, bold)
	return x.Write(w)
}

// registerRowHeight is the height (points) a row needs: Times New Roman
// 12 fits about 1.15 characters of the column's width a line.
func registerRowHeight(rec, hdr []string) float64 {
	lines := 1
	for i, v := range rec {
		w := registerWidths[hdr[i]]
		if w <= 0 || v == "" {
			continue
		}
		n := 0
		for _, part := range strings.Split(v, "\n") {
			n += max(1, int(math.Ceil(float64(utf8.RuneCountInString(part))/(w*1.15))))
		}
		lines = max(lines, n)
	}
	return float64(lines)*15.5 + 3
}

func indexOf(hdr []string, h string) int {
	for i, x := range hdr {
		if x == h {
			return i
		}
	}
	return -1
}

// rateText is "85,7 %" (Vietnamese decimal comma), or "—" when nothing
// has fallen due.
func rateText(a store.AgencySummary) string {
	r, ok := a.Rate()
	if !ok {
		return "—"
	}
	return strings.Replace(strconv.FormatFloat(r*100, 'f', 1, 64), ".", ",", 1) + " %"
}

var sumHeader = []string{"Cơ quan", "Phải trả lời", "Đúng hạn", "Trễ hạn", "Quá hạn, chưa trả lời", "Chưa đến hạn", "Tỷ lệ đúng hạn"}

func sumRecord(a store.AgencySummary, name string) []any {
	return []any{name, a.Owed, a.OnTime, a.Late, a.Overdue, a.Open, rateText(a)}
}

// sumSheet adds the per-agency table, its numbers centred and the total
// in bold, printed A4 landscape one page wide.
func sumSheet(x *excelize.File, reg *store.Register, title, head, body, num, bold int) {
	sh := "Theo cơ quan"
	x.NewSheet(sh)
	x.SetCellValue(sh, "A1", "KẾT QUẢ TRẢ LỜI THEO CƠ QUAN, ĐƠN VỊ – đến ngày "+vnDate(reg.Today))
	x.MergeCell(sh, "A1", "G1")
	x.SetCellStyle(sh, "A1", "A1", title)
	x.SetSheetRow(sh, "A3", &sumHeader)
	x.SetCellStyle(sh, "A3", "G3", head)
	rows, total := reg.ByAgency()
	for i, a := range rows {
		rec := sumRecord(a, cmpOr(a.Agency, unassigned))
		c, _ := excelize.CoordinatesToCellName(1, i+4)
		x.SetSheetRow(sh, c, &rec)
	}
	last := len(rows) + 4
	rec := sumRecord(total, "Tổng cộng")
	x.SetSheetRow(sh, fmt.Sprintf("A%d", last), &rec)
	x.SetCellStyle(sh, "A4", fmt.Sprintf("A%d", last), body)
	x.SetCellStyle(sh, "B4", fmt.Sprintf("G%d", last), num)
	x.SetCellStyle(sh, fmt.Sprintf("A%d", last), fmt.Sprintf("G%d", last), bold)
	x.SetColWidth(sh, "A", "A", 42)
	x.SetColWidth(sh, "B", "G", 14)
	x.SetRowHeight(sh, 3, 33)
	x.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
	orient := "landscape"
	x.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: intp(9), Orientation: &orient, FitToWidth: intp(1), FitToHeight: intp(0)})
	x.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: boolp(true)})
}

// ExportRegister writes the register to path, whole or not at all.
func ExportRegister(path string, reg *store.Register, f Format, merged bool, o Options) error {
	var buf bytes.Buffer
	if err := WriteRegister(&buf, reg, f, merged, o); err != nil {
		return err
	}
	return writeFileAtomic(path, buf.Bytes())
}
