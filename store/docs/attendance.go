package docs

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"doithoai/store"
	"doithoai/store/sheet"
)

// The attendance list (after the day) and the sign-in sheet (before it) are
// the same list: the sheet is numbered by sheet_no, the row number the
// check-in desk accepts as "#N", and has no arrival times yet.

// noGroup heads the delegates without a group (and counts those without a
// unit): a printable label, not the bare internal "Khác".
const noGroup = "Đại biểu khác"

// walkInNote marks a walk-in: a person who came without being on the list.
const walkInNote = "Ngoài danh sách mời"

// attRow is one line of the list.
type attRow struct {
	No      int // STT or sheet number
	D       store.Delegate
	Group   string
	Arrived string // clock time or ""
	Note    string
}

// kindRank orders units by kind the way protocol does.
func kindRank(k store.UnitKind) int {
	if i := slices.Index(store.UnitKinds, k); i >= 0 {
		return i
	}
	return len(store.UnitKinds)
}

// givenName is the last word of a folded name: Vietnamese lists are
// ordered by given name.
func givenName(folded string) string {
	w := strings.Fields(folded)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// sheetOrder sorts delegates like the printed sheet: group position, unit
// (kind, then name), given name, full name. Sort keys are folded once per
// delegate, not per comparison (10,000 delegates).
func (s *Snapshot) sheetOrder() []store.Delegate {
	gpos := map[int64]int{}
	for _, g := range s.Groups {
		gpos[g.ID] = g.Position
	}
	type keyed struct {
		d                   store.Delegate
		noGroup, gpos       int
		noUnit, kind        int
		unit, given, folded string
	}
	ks := make([]keyed, len(s.Delegates))
	unitFold := map[int64]string{}
	for i, d := range s.Delegates {
		k := keyed{d: d, kind: kindRank(d.UnitKind), folded: store.Fold(d.FullName)}
		k.given = givenName(k.folded)
		if d.GroupID == 0 {
			k.noGroup = 1
		} else {
			k.gpos = gpos[d.GroupID]
		}
		if d.UnitID == 0 {
			k.noUnit = 1
		} else {
			f, ok := unitFold[d.UnitID]
			if !ok {
				f = store.Fold(d.UnitName)
				unitFold[d.UnitID] = f
			}
			k.unit = f
		}
		ks[i] = k
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.noGroup, b.noGroup), cmp.Compare(a.gpos, b.gpos), cmp.Compare(a.d.GroupID, b.d.GroupID),
			cmp.Compare(a.noUnit, b.noUnit), cmp.Compare(a.kind, b.kind), cmp.Compare(a.unit, b.unit), cmp.Compare(a.d.UnitID, b.d.UnitID),
			cmp.Compare(a.given, b.given), cmp.Compare(a.folded, b.folded), cmp.Compare(a.d.ID, b.d.ID))
	})
	ds := make([]store.Delegate, len(ks))
	for i, k := range ks {
		ds[i] = k.d
	}
	return ds
}

func (s *Snapshot) attendanceRows(signin bool, o Options) []attRow {
	ds := s.sheetOrder()
	if signin {
		// The sheet's row numbers are the delegates' sheet numbers; anyone
		// not numbered yet (should not happen after Export) goes last.
		slices.SortStableFunc(ds, func(a, b store.Delegate) int {
			if (a.SheetNo == 0) != (b.SheetNo == 0) {
				if a.SheetNo == 0 {
					return 1
				}
				return -1
			}
			return cmp.Compare(a.SheetNo, b.SheetNo)
		})
	}
	rows := make([]attRow, 0, len(ds))
	day := s.heldOn(o)
	ix := s.apologyIndex()
	for i, d := range ds {
		r := attRow{No: i + 1, D: d, Group: d.GroupName}
		if r.Group == "" {
			r.Group = noGroup
		}
		if signin {
			r.No = d.SheetNo
			if ix.apologised(d) {
				r.Note = signinNote(ix.by[d.ID])
			}
		} else {
			r.Arrived = hhmm(d.ArrivedAt, o, day)
			a, stands := ix.standsIn[d.ID]
			switch {
			case stands && d.Arrived():
				r.Note = "Dự thay " + a.Name
			case d.WalkIn:
				r.Note = walkInNote
			case ix.apologised(d):
				r.Note = absenceNote(ix.by[d.ID])
			case !d.Arrived():
				r.Note = "Vắng"
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// sheetNoHead heads the attendance list's column with each delegate's row
// on the printed sign-in sheet (the desk's "#N"); STT is the list's own
// running number, which a walk-in shifts for everyone after.
const sheetNoHead = "Số ký tên"

func attHeader(signin, contacts bool) []string {
	h := []string{"Số TT", "Mã", "Họ và tên", "Chức vụ", "Đơn vị", "Thành phần"}
	if !signin {
		// The name stays third, as on the sign-in sheet.
		h = []string{"STT", sheetNoHead, "Họ và tên", "Mã", "Chức vụ", "Đơn vị", "Thành phần", "Giờ đến", "Ghi chú"}
	}
	if contacts {
		h = append(h, "Điện thoại")
	}
	return append(h, "Ký tên")
}

func attRecord(r attRow, signin, contacts bool) []string {
	no := ""
	if r.No > 0 {
		no = strconv.Itoa(r.No)
	}
	rec := []string{no, r.D.Code, r.D.FullName, r.D.Title, r.D.UnitName, r.Group}
	if !signin {
		rec = []string{no, itoa(r.D.SheetNo), r.D.FullName, r.D.Code, r.D.Title, r.D.UnitName, r.Group, r.Arrived, r.Note}
	}
	if contacts {
		rec = append(rec, r.D.Phone)
	}
	if signin {
		return append(rec, r.Note) // printed in the box her substitute signs
	}
	return append(rec, "")
}

func writeAttendance(w io.Writer, s *Snapshot, signin bool, f Format, o Options) error {
	rows := s.attendanceRows(signin, o)
	switch f {
	case CSV:
		return attendanceCSV(w, rows, signin, o.WithContacts)
	case XLSX:
		return attendanceXLSX(w, s, rows, signin, o)
	case DOCX:
		return attendanceDOCX(w, s, rows, signin, o)
	}
	return fmt.Errorf("%w: %s", ErrFormat, f)
}

// attendanceCSV writes the list as a csv Excel opens safely (see
// sheet.CSVWriter): no formulas, phones kept as typed.
func attendanceCSV(w io.Writer, rows []attRow, signin, contacts bool) error {
	hdr := attHeader(signin, contacts)
	cw, err := sheet.NewCSVWriter(w, slices.Index(hdr, "Điện thoại"))
	if err != nil {
		return err
	}
	cw.Write(hdr)
	for _, r := range rows {
		cw.Write(attRecord(r, signin, contacts))
	}
	return cw.Flush()
}

func attTitle(signin bool) string {
	if signin {
		return "DANH SÁCH ĐẠI BIỂU KÝ TÊN"
	}
	// Everyone invited is listed, present or not, and walk-ins too: the
	// title must not say they all attended.
	return "DANH SÁCH ĐIỂM DANH ĐẠI BIỂU"
}

// attSummary is the count line under the title of the attendance list.
func (s *Snapshot) attSummary() string {
	_, _, total := s.tallies()
	return fmt.Sprintf("Tổng số đại biểu được mời: %d; có mặt: %d%s; %s.", total.Invited, total.Arrived, presentBreakdown(total), absentCount(total))
}

// absent is how many invited delegates did not come (with apologies or
// without).
func absent(t tally) int { return max(t.Invited-(t.Arrived-t.WalkIns-t.Substitutes), 0) }

func attendanceXLSX(w io.Writer, s *Snapshot, rows []attRow, signin bool, o Options) error {
	x := newXLSX()
	defer x.Close()
	sheet := "Danh sách"
	x.SetSheetName("Sheet1", sheet)
	hdr := attHeader(signin, o.WithContacts)
	widths := columnWidths(hdr, attWidths)
	lp, landscape := planPrint(widths)
	title, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Family: font}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	sub, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 12, Family: font}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}})
	note, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Size: 12, Family: font}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	head, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: lp.size, Family: font}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	body, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Size: lp.size, Family: font}, Border: border,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	last, _ := excelize.ColumnNumberToName(len(hdr))
	x.SetCellValue(sheet, "A1", attTitle(signin))
	x.MergeCell(sheet, "A1", last+"1")
	x.SetCellStyle(sheet, "A1", "A1", title)
	x.SetCellValue(sheet, "A2", s.Meeting.Title+dateSuffix(s.docDay(signin, o)))
	x.MergeCell(sheet, "A2", last+"2")
	x.SetCellStyle(sheet, "A2", "A2", sub)
	x.SetRowHeight(sheet, 2, 34)
	if !signin {
		x.SetCellValue(sheet, "A3", s.attSummary())
		x.MergeCell(sheet, "A3", last+"3")
		x.SetCellStyle(sheet, "A3", "A3", note)
		x.SetRowHeight(sheet, 3, fitRow([]string{s.attSummary()}, []float64{sum(widths)}, false, 12, 0))
	}
	// The header is on row 4, so an import of this file finds it below the
	// title rows.
	const headRow = 4
	for i, h := range hdr {
		c, _ := excelize.CoordinatesToCellName(i+1, headRow)
		x.SetCellValue(sheet, c, h)
	}
	x.SetCellStyle(sheet, "A4", last+"4", head)
	x.SetRowHeight(sheet, headRow, fitRow(hdr, widths, true, lp.size, 0))
	for ri, r := range rows {
		rec := attRecord(r, signin, o.WithContacts)
		for ci, v := range rec {
			c, _ := excelize.CoordinatesToCellName(ci+1, headRow+1+ri)
			// The numbers are numbers, so a sort or filter in Excel orders
			// them as such.
			if n, err := strconv.Atoi(v); err == nil && (hdr[ci] == "STT" || hdr[ci] == "Số TT" || hdr[ci] == sheetNoHead) {
				x.SetCellInt(sheet, c, int64(n))
				continue
			}
			// Text cells keep codes and phones as typed (no lost zeros).
			x.SetCellStr(sheet, c, v)
		}
		// rows of at least 10 mm printed: room to sign
		x.SetRowHeight(sheet, headRow+1+ri, fitRow(rec, widths, false, lp.size, lp.minRow))
	}
	if len(rows) > 0 {
		x.SetCellStyle(sheet, "A5", fmt.Sprintf("%s%d", last, headRow+len(rows)), body)
	}
	if signin {
		// as on the docx: numbered rows where guests not on the list sign
		r := headRow + len(rows) + 1
		x.SetCellStr(sheet, fmt.Sprintf("A%d", r), guestHead)
		x.MergeCell(sheet, fmt.Sprintf("A%d", r), fmt.Sprintf("%s%d", last, r))
		x.SetCellStyle(sheet, fmt.Sprintf("A%d", r), fmt.Sprintf("%s%d", last, r), head)
		x.SetRowHeight(sheet, r, lp.minRow)
		next := lastNo(rows)
		for i := range blankRows {
			x.SetCellInt(sheet, fmt.Sprintf("A%d", r+1+i), int64(next+1+i))
			x.SetRowHeight(sheet, r+1+i, lp.minRow)
		}
		x.SetCellStyle(sheet, fmt.Sprintf("A%d", r+1), fmt.Sprintf("%s%d", last, r+blankRows), body)
	}
	setListPrint(x, sheet, widths, headRow, lp, landscape)
	if err := listFilter(x, sheet, len(hdr), headRow, headRow+len(rows)); err != nil {
		return err
	}
	if !signin {
		if err := tallySheet(x, s, head, body); err != nil {
			return err
		}
	}
	return x.Write(w)
}

// attWidths are the column widths of the list, in characters. Printed A4
// landscape, the attendance list (170 without phones) prints at 85 %, so
// its text is set at 13 pt to print at 11 (planPrint).
var attWidths = map[string]float64{"STT": 6, "Số TT": 6, sheetNoHead: 10, "Mã": 9, "Họ và tên": 25, "Chức vụ": 30, "Đơn vị": 28, "Thành phần": 20,
	"Giờ đến": 12, "Ghi chú": 16, "Điện thoại": 13, "Ký tên": 14}

// columnWidths are the widths of the columns hdr names.
func columnWidths(hdr []string, widths map[string]float64) []float64 {
	out := make([]float64, len(hdr))
	for i, h := range hdr {
		out[i] = widths[h]
	}
	return out
}

func sum(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}

func intp(n int) *int    { return &n }
func boolp(v bool) *bool { return &v }

// dateSuffix is " (ngày 18 tháng 10 năm 2023)" after a title, or nothing
// without a date.
func dateSuffix(day string) string {
	if day == "" {
		return ""
	}
	return " (" + longDate(day) + ")"
}

// tally counts one group or unit (see store.Tally: the arrived are
// invited, substitutes and walk-ins, each counted once).
type tally struct {
	Name                    string
	Quota, Invited, Arrived int
	WalkIns                 int
	Substitutes, Apologised int
}

// tallies counts by group and by unit from the snapshot, in list order;
// units nobody belongs to are dropped.
func (s *Snapshot) tallies() (groups, units []tally, total tally) {
	gi := map[string]int{}
	ui := map[string]int{}
	for _, g := range s.Groups {
		gi[g.Name] = len(groups)
		groups = append(groups, tally{Name: g.Name, Quota: g.Quota})
		total.Quota += g.Quota
	}
	ix := s.apologyIndex()
	add := func(t *tally, d store.Delegate) {
		if !d.WalkIn {
			t.Invited++
		}
		switch {
		case ix.apologised(d):
			t.Apologised++
		case !d.Arrived():
		case ix.substitute(d):
			t.Arrived++
			t.Substitutes++
		case d.WalkIn:
			t.Arrived++
			t.WalkIns++
		default:
			t.Arrived++
		}
	}
	// Units in the store's protocol order first, so no sorting (and no
	// folding) is needed for a tally of 10,000 delegates.
	for _, u := range s.Units {
		ui[u.Name] = len(units)
		units = append(units, tally{Name: u.Name})
	}
	for _, d := range s.Delegates {
		add(&total, d)
		g := d.GroupName
		if g == "" {
			g = noGroup
		}
		if _, ok := gi[g]; !ok {
			gi[g] = len(groups)
			groups = append(groups, tally{Name: g})
		}
		add(&groups[gi[g]], d)
		u := d.UnitName
		if u == "" {
			u = noGroup
		}
		if _, ok := ui[u]; !ok {
			ui[u] = len(units)
			units = append(units, tally{Name: u})
		}
		add(&units[ui[u]], d)
	}
	units = slices.DeleteFunc(units, func(t tally) bool { return t.Invited == 0 && t.Arrived == 0 })
	return
}

func tallySheet(x *excelize.File, s *Snapshot, head, body int) error {
	groups, units, total := s.tallies()
	for _, part := range []struct {
		name, first string
		rows        []tally
	}{{"Theo thành phần", "Thành phần", groups}, {"Theo đơn vị", "Đơn vị", units}} {
		if _, err := x.NewSheet(part.name); err != nil {
			return err
		}
		hdr := []string{part.first, "Số được mời", "Có mặt", "Trong đó ngoài danh sách", "Vắng"}
		if withApologies(total) {
			hdr = []string{part.first, "Số được mời", "Có mặt", "Trong đó dự thay", "Trong đó ngoài danh sách", "Vắng có lý do", "Vắng không lý do"}
		}
		if part.first == "Thành phần" {
			hdr = append(hdr, "Chỉ tiêu")
		}
		x.SetSheetRow(part.name, "A1", &hdr)
		last, _ := excelize.ColumnNumberToName(len(hdr))
		x.SetCellStyle(part.name, "A1", last+"1", head)
		// Quotas add up only when every group has one; a partial sum would
		// read as the whole meeting's target. ("Khác", people in no group,
		// is not a group and has no quota.)
		quota := total.Quota
		for _, g := range s.Groups {
			if g.Quota == 0 {
				quota = 0
			}
		}
		sum := total
		sum.Name, sum.Quota = "Tổng cộng", quota
		rows := append(slices.Clone(part.rows), sum)
		for i, t := range rows {
			rec := []any{t.Name, t.Invited, t.Arrived, t.WalkIns, absent(t)}
			if withApologies(total) {
				rec = []any{t.Name, t.Invited, t.Arrived, t.Substitutes, t.WalkIns, t.Apologised, absent(t) - t.Apologised}
			}
			if part.first == "Thành phần" {
				if t.Quota > 0 {
					rec = append(rec, t.Quota)
				} else {
					rec = append(rec, "")
				}
			}
			c, _ := excelize.CoordinatesToCellName(1, i+2)
			x.SetSheetRow(part.name, c, &rec)
		}
		x.SetCellStyle(part.name, "A2", fmt.Sprintf("%s%d", last, len(rows)+1), body)
		x.SetColWidth(part.name, "A", "A", 40)
		x.SetColWidth(part.name, "B", last, 14)
	}
	return nil
}
