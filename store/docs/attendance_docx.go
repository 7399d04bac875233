package docs

import (
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"doithoai/store"
)

const headFill = "D9E2F3"

// minFlex is the least width (twips, about 32 mm) of the list's "Chức vụ,
// đơn vị" column: its bold header fits on one line (about 1,760), a title
// and unit wrap to a few lines, not one word a line.
const minFlex = 1800

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
	// Columns with a min give way, down to it, when the others leave
	// "Chức vụ, đơn vị" less than minFlex.
	type col struct {
		head  string
		width int
		align string
		val   func(attRow) string
		min   int
	}
	const flex = 2 // "Chức vụ, đơn vị" takes what is left
	cols := []col{{head: "STT", width: 650, align: "center", val: func(r attRow) string { return itoa(r.No) }},
		{head: "Họ và tên", width: 2500, align: "left", val: func(r attRow) string { return r.D.FullName }, min: 1700},
		{head: "Chức vụ, đơn vị", align: "left", val: func(r attRow) string { return titleUnit(r.D) }}}
	if signin {
		cols[0].head = "Số TT"
	} else {
		// The row of the printed sign-in sheet, the desk's "#N": STT runs
		// in list order and drifts from it after the first walk-in.
		cols = slices.Insert(cols, 1, col{head: sheetNoHead, width: 750, align: "center", val: func(r attRow) string { return itoa(r.D.SheetNo) }})
		cols = append(cols, col{head: "Giờ đến", width: arrivedWidth(rows), align: "center", val: func(r attRow) string { return r.Arrived }},
			col{head: "Ghi chú", width: 1050, align: "center", val: func(r attRow) string { return r.Note }, min: 1000})
	}
	if o.WithContacts {
		cols = append(cols, col{head: "Điện thoại", width: 1350, align: "center", val: func(r attRow) string { return r.D.Phone }})
	}
	// After the day the list is a record, not signed row by row: its
	// signature and note columns give "Chức vụ, đơn vị" the room.
	sign := 1050
	if signin {
		sign = 2000
	}
	cols = append(cols, col{head: "Ký tên", width: sign, align: "center", val: func(r attRow) string {
		if signin {
			return r.Note // an apology known before the day: her substitute signs here
		}
		return ""
	}, min: 800})
	fi := flex
	if !signin {
		fi++
	}
	used := 0
	for _, c := range cols {
		used += c.width
	}
	for gave := true; textW-used < minFlex && gave; {
		gave = false
		for i := range cols {
			if cols[i].min > 0 && cols[i].width-50 >= cols[i].min && textW-used < minFlex {
				cols[i].width -= 50
				used -= 50
				gave = true
			}
		}
	}
	cols[fi].width = textW - used
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
	if signin {
		tb.rows = append(tb.rows, guestRows(rows, len(cols), pad)...)
	}
	d.P(para{before: 6, after: 3, keepNext: true}, b("Danh sách đại biểu"))
	d.Table(tb)
	if !signin {
		d.P(para{before: 6, after: 3, keepNext: true}, b("Tổng hợp theo đơn vị"))
		d.Table(tallyTable("Đơn vị", units, total))
	}
	return d.Write(w)
}

// guestRows close the sign-in sheet: a heading and blankRows numbered rows
// after the last sheet number, where guests not on the list sign.
func guestRows(rows []attRow, cols, pad int) [][]cell {
	next := lastNo(rows)
	gc := tc(para{before: 2, after: 2, keepNext: true}, sz(b(guestHead), 12))
	gc.span, gc.fill = cols, "F2F2F2"
	out := [][]cell{{gc}}
	for i := range blankRows {
		line := []cell{bodyCell("center", strconv.Itoa(next+1+i), pad)}
		for range cols - 1 {
			line = append(line, bodyCell("left", "", pad))
		}
		out = append(out, line)
	}
	return out
}

// lastNo is the highest row number of the list (the guests' rows follow).
func lastNo(rows []attRow) int {
	n := 0
	for _, r := range rows {
		n = max(n, r.No)
	}
	return n
}

// blankRows is how many numbered rows the sign-in sheet keeps for guests
// not on the list.
const (
	blankRows = 10
	guestHead = "Đại biểu ngoài danh sách"
)

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
	heads := []string{first, "Được mời", "Có mặt", "Ngoài danh sách", "Vắng"}
	vals := func(t tally) []int { return []int{t.Invited, t.Arrived, t.WalkIns, absent(t)} }
	if withApologies(total) {
		heads = []string{first, "Được mời", "Có mặt", "Dự thay", "Ngoài danh sách", "Vắng có lý do", "Vắng không lý do"}
		vals = func(t tally) []int {
			return []int{t.Invited, t.Arrived, t.Substitutes, t.WalkIns, t.Apologised, absent(t) - t.Apologised}
		}
	}
	n := len(heads) - 1
	num := min(1300, (textW-2600)/n)
	widths := []int{textW - n*num}
	head := []cell{headCell(first)}
	for _, h := range heads[1:] {
		widths = append(widths, num)
		head = append(head, headCell(h))
	}
	tb := table{widths: widths, borders: true, header: 1, cantSplit: true, rows: [][]cell{head}}
	sum := total
	sum.Name = "Tổng cộng"
	for _, t := range append(rows, sum) {
		line := []cell{bodyCell("left", t.Name, 1)}
		for _, v := range vals(t) {
			line = append(line, bodyCell("center", strconv.Itoa(v), 1))
		}
		tb.rows = append(tb.rows, line)
	}
	return tb
}

// withApologies reports a meeting where someone sent apologies: its
// tallies split the absent, and count substitutes apart from walk-ins.
func withApologies(total tally) bool { return total.Apologised > 0 || total.Substitutes > 0 }

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
