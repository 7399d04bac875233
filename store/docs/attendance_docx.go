package docs

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"doithoai/store"
)

const headFill = "D9E2F3"

func headCell(s string) cell {
	c := tc(para{align: "center", before: 2, after: 2}, sz(b(s), 12))
	c.fill, c.vAlign = headFill, "center"
	return c
}

func bodyCell(align, s string, pad int) cell {
	c := tc(para{align: align, before: pad, after: pad}, sz(t(s), 12))
	c.vAlign = "center"
	return c
}

func attendanceDOCX(w io.Writer, s *Snapshot, rows []attRow, signin bool, o Options) error {
	d := newDocx(attTitle(signin), 13, o.Now)
	m := s.Meeting
	d.P(para{align: "center"}, b(attTitle(signin)))
	d.P(para{align: "center", after: 2}, it(m.Title))
	if day := s.docDay(signin, o); day != "" || m.Venue != "" {
		line := longDate(day)
		if m.Venue != "" {
			if line != "" {
				line += ", "
			}
			line += m.Venue
		}
		d.P(para{align: "center", after: 6}, it(upperFirst(line)))
	}
	groups, units, total := s.tallies()
	if !signin {
		d.P(para{after: 6, align: "both"}, t(s.attSummary()))
		d.Table(tallyTable("Thành phần", groups, total))
	}

	// Column widths in twips; they always add up to the text width.
	type col struct {
		head  string
		width int
		align string
		val   func(attRow) string
	}
	cols := []col{{"STT", 650, "center", func(r attRow) string { return itoa(r.No) }},
		{"Họ và tên", 2500, "left", func(r attRow) string { return r.D.FullName }},
		{"Chức vụ, đơn vị", 0, "left", func(r attRow) string { return titleUnit(r.D) }}}
	if signin {
		cols[0].head = "Số TT"
	} else {
		cols = append(cols, col{"Giờ đến", arrivedWidth(rows), "center", func(r attRow) string { return r.Arrived }},
			col{"Ghi chú", 1250, "center", func(r attRow) string { return r.Note }})
	}
	if o.WithContacts {
		cols = append(cols, col{"Điện thoại", 1350, "center", func(r attRow) string { return r.D.Phone }})
	}
	sign := 1300
	if signin {
		sign = 2000
	}
	cols = append(cols, col{"Ký tên", sign, "center", func(attRow) string { return "" }})
	used := 0
	for _, c := range cols {
		used += c.width
	}
	cols[2].width = textW - used
	widths := make([]int, len(cols))
	head := make([]cell, len(cols))
	for i, c := range cols {
		widths[i], head[i] = c.width, headCell(c.head)
	}
	tb := table{widths: widths, borders: true, header: 1, cantSplit: true, rows: [][]cell{head}}
	pad := 2
	if signin {
		pad = 8 // room to sign
	}
	lastGroup := "\x00"
	for _, r := range rows {
		if r.Group != lastGroup {
			lastGroup = r.Group
			gc := tc(para{before: 2, after: 2, keepNext: true}, sz(b(r.Group), 12))
			gc.span, gc.fill = len(cols), "F2F2F2"
			tb.rows = append(tb.rows, []cell{gc})
		}
		line := make([]cell, len(cols))
		for i, c := range cols {
			line[i] = bodyCell(c.align, c.val(r), pad)
		}
		tb.rows = append(tb.rows, line)
	}
	d.P(para{before: 6, after: 3, keepNext: true}, b("Danh sách đại biểu"))
	d.Table(tb)
	if !signin {
		d.P(para{before: 6, after: 3, keepNext: true}, b("Tổng hợp theo đơn vị"))
		d.Table(tallyTable("Đơn vị", units, total))
	}
	return d.Write(w)
}

// arrivedWidth is the arrival column's width in twips: room for "Giờ đến"
// in bold 12 pt (about 1,010 with the cell margins), or for "26/11 05:19"
// (about 1,500) when some arrival was on another day.
func arrivedWidth(rows []attRow) int {
	for _, r := range rows {
		if len(r.Arrived) > len("15:04") {
			return 1550
		}
	}
	return 1050
}

func tallyTable(first string, rows []tally, total tally) table {
	widths := []int{textW - 4*1300, 1300, 1300, 1300, 1300}
	tb := table{widths: widths, borders: true, header: 1, cantSplit: true, rows: [][]cell{{
		headCell(first), headCell("Được mời"), headCell("Có mặt"), headCell("Ngoài danh sách"), headCell("Vắng")}}}
	for _, t := range append(rows, tally{Name: "Tổng cộng", Invited: total.Invited, Arrived: total.Arrived, WalkIns: total.WalkIns}) {
		tb.rows = append(tb.rows, []cell{bodyCell("left", t.Name, 1), bodyCell("center", strconv.Itoa(t.Invited), 1),
			bodyCell("center", strconv.Itoa(t.Arrived), 1), bodyCell("center", strconv.Itoa(t.WalkIns), 1),
			bodyCell("center", strconv.Itoa(absent(t)), 1)})
	}
	return tb
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}

// upperFirst capitalises the first letter.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return upper(string(r)) + s[n:]
}

// titleUnit is "title, unit", without the unit when the title already
// names it ("Chủ tịch UBND thị xã", not "…, UBND thị xã").
func titleUnit(d store.Delegate) string {
	ft := store.Fold(d.Title)
	if d.UnitName == "" || (ft != "" && (strings.Contains(ft, store.Fold(d.UnitName)) || (d.UnitShort != "" && strings.Contains(ft, store.Fold(d.UnitShort))))) {
		return d.Title
	}
	return joinNonEmpty(", ", d.Title, d.UnitName)
}
