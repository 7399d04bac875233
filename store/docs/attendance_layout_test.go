package docs

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"slices"
	"strings"
	"testing"
	"time"
)

// docxTable is one table of a document: its column widths and the text of
// its cells, row by row.
type docxTable struct {
	widths []int
	rows   [][]string
}

func docxTables(t *testing.T, doc string) []docxTable {
	t.Helper()
	var body struct {
		Tables []struct {
			Grid []struct {
				W int `xml:"w,attr"`
			} `xml:"tblGrid>gridCol"`
			Rows []struct {
				Cells []struct {
					Texts []string `xml:"p>r>t"`
				} `xml:"tc"`
			} `xml:"tr"`
		} `xml:"body>tbl"`
	}
	if err := xml.Unmarshal([]byte(doc), &body); err != nil {
		t.Fatal(err)
	}
	var out []docxTable
	for _, tb := range body.Tables {
		var d docxTable
		for _, g := range tb.Grid {
			d.widths = append(d.widths, g.W)
		}
		for _, r := range tb.Rows {
			var cells []string
			for _, c := range r.Cells {
				cells = append(cells, strings.Join(c.Texts, ""))
			}
			d.rows = append(d.rows, cells)
		}
		out = append(out, d)
	}
	return out
}

// listTable is the attendance list's table (the one headed "Giờ đến") and
// the index of that column.
func listTable(t *testing.T, s *Snapshot) (docxTable, int) {
	t.Helper()
	doc := docxParts(t, render(t, s, Attendance, DOCX, opts))["word/document.xml"]
	for _, tb := range docxTables(t, doc) {
		if i := slices.Index(tb.rows[0], "Giờ đến"); i >= 0 {
			return tb, i
		}
	}
	t.Fatal("no table with a Giờ đến column")
	return docxTable{}, 0
}

// twips estimates the width of s in Times New Roman 12 pt, in twips, from
// the font's advance widths (1/1000 em) of the characters that occur in
// the column; an unknown character counts as wide as an M.
func twips(s string, bold bool) int {
	reg := map[rune]int{'/': 278, ':': 278, ' ': 250, 'V': 722, 'ắ': 444, 'n': 500, 'g': 500}
	bld := map[rune]int{'G': 778, 'i': 278, 'ờ': 500, ' ': 250, 'đ': 556, 'ế': 444, 'n': 556, 'S': 556, 'ố': 500, 'k': 556, 'ý': 500, 'h': 556, 'c': 444, 'ú': 556}
	em := 0
	for _, r := range s {
		w, ok := reg[r]
		if bold {
			w, ok = bld[r]
		}
		if !bold && r >= '0' && r <= '9' {
			w, ok = 500, true
		}
		if !ok {
			w = 1000
		}
		em += w
	}
	const cellMargins = 140 // tblCellMar left + right
	return em*12*20/1000 + cellMargins
}

// shift moves every arrival and the agenda's times by d, as if the
// meeting had taken place on another day than planned.
func shift(s *Snapshot, d time.Duration) *Snapshot {
	c := *s
	c.Delegates = slices.Clone(s.Delegates)
	for i := range c.Delegates {
		if c.Delegates[i].Arrived() {
			c.Delegates[i].ArrivedAt = c.Delegates[i].ArrivedAt.Add(d)
		}
	}
	c.Agenda = slices.Clone(s.Agenda)
	for i := range c.Agenda {
		if !c.Agenda[i].StartedAt.IsZero() {
			c.Agenda[i].StartedAt = c.Agenda[i].StartedAt.Add(d)
		}
		if !c.Agenda[i].EndedAt.IsZero() {
			c.Agenda[i].EndedAt = c.Agenda[i].EndedAt.Add(d)
		}
	}
	return &c
}

func arrivals(t *testing.T, tb docxTable, col int) map[string]string {
	out := map[string]string{}
	for _, r := range tb.rows[1:] {
		if len(r) > col && r[col] != "" {
			out[r[slices.Index(tb.rows[0], "Họ và tên")]] = r[col]
		}
	}
	return out
}

// Arrival times print as HH:MM on the day the meeting took place, with the
// date only for an arrival on another day, and the column fits either.
func TestAttendanceArrivalTimes(t *testing.T) {
	_, s := demo(t)
	later := 39 * 24 * time.Hour // 26/11: the demo tried out on another day
	notStarted := shift(s, later)
	notStarted.Agenda = nil
	evening := shift(s, 0)
	for i, d := range evening.Delegates {
		if d.FullName == "Trần Minh Đức" {
			evening.Delegates[i].ArrivedAt = time.Date(2023, 10, 17, 18, 30, 0, 0, hcm)
		}
	}
	for _, c := range []struct {
		name string
		s    *Snapshot
		want map[string]string
	}{
		{"planned day", s, map[string]string{"Trần Minh Đức": "07:08", "Hoàng Thị Minh Nguyệt": "07:17"}},
		{"held on another day", shift(s, later), map[string]string{"Trần Minh Đức": "07:08", "Phạm Thị Vãng Lai": "07:21"}},
		{"arrivals on another day, agenda not started", notStarted, map[string]string{"Trần Minh Đức": "07:08"}},
		{"one the evening before", evening, map[string]string{"Trần Minh Đức": "17/10 18:30", "Hoàng Thị Minh Nguyệt": "07:17"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb, col := listTable(t, c.s)
			got := arrivals(t, tb, col)
			if len(got) != 4 {
				t.Errorf("%d arrivals: %v", len(got), got)
			}
			for name, want := range c.want {
				if got[name] != want {
					t.Errorf("%s arrived %q, want %q", name, got[name], want)
				}
			}
			need := twips("Giờ đến", true)
			for _, v := range got {
				need = max(need, twips(v, false))
			}
			if w := tb.widths[col]; w < need {
				t.Errorf("Giờ đến is %d twips wide; %d needed not to wrap (%v)", w, need, got)
			}
			sum := 0
			for _, w := range tb.widths {
				sum += w
			}
			if sum != textW {
				t.Errorf("columns add up to %d, the text width is %d", sum, textW)
			}
		})
	}
	// The spreadsheet's column holds "17/10 18:30" on one line.
	x := readXLSX(t, render(t, evening, Attendance, XLSX, opts))
	w, err := x.GetColWidth("Danh sách", "H")
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := x.GetCellValue("Danh sách", "H4"); v != "Giờ đến" || w < float64(len("17/10 18:30"))+1 {
		t.Errorf("column H %q is %.0f characters wide", v, w)
	}
}

// The list has everyone invited, absent or not: its title and count line
// say so, in every format.
func TestAttendanceTitle(t *testing.T) {
	_, s := demo(t)
	const title = "DANH SÁCH ĐIỂM DANH ĐẠI BIỂU"
	// The demo has three apologies.
	const count = "Tổng số đại biểu được mời: 140; có mặt: 4 (trong đó 1 đại biểu ngoài danh sách mời); vắng: 137 (có lý do: 3, không lý do: 134)."
	x := readXLSX(t, render(t, s, Attendance, XLSX, opts))
	for cell, want := range map[string]string{"A1": title, "A3": count, "A4": "STT"} {
		if v, _ := x.GetCellValue("Danh sách", cell); v != want {
			t.Errorf("xlsx %s = %q, want %q", cell, v, want)
		}
	}
	text := plainText(t, docxParts(t, render(t, s, Attendance, DOCX, opts))["word/document.xml"])
	if !strings.HasPrefix(text, title+"\n") || !strings.Contains(text, count) || strings.Contains(text, "THAM DỰ") {
		t.Errorf("docx title or count wrong:\n%.300s", text)
	}
	// The csv has no title: each row says present (a time) or Vắng (with
	// or without apologies).
	data := render(t, s, Attendance, CSV, opts)
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	absent, excused, present := 0, 0, 0
	at, note := slices.Index(recs[0], "Giờ đến"), slices.Index(recs[0], "Ghi chú")
	for _, r := range recs[1:] {
		switch {
		case r[at] != "" && !strings.HasPrefix(r[note], "Vắng"):
			present++
		case r[at] == "" && r[note] == "Vắng":
			absent++
		case r[at] == "" && strings.HasPrefix(r[note], "Vắng có lý do"):
			excused++
		}
	}
	if present != 4 || absent != 134 || excused != 3 {
		t.Errorf("csv: %d present, %d absent, %d with apologies", present, absent, excused)
	}
	// The sign-in sheet keeps its own title and has no count line.
	x = readXLSX(t, render(t, s, Signin, XLSX, opts))
	if v, _ := x.GetCellValue("Danh sách", "A1"); v != "DANH SÁCH ĐẠI BIỂU KÝ TÊN" {
		t.Errorf("sign-in title %q", v)
	}
	if v, _ := x.GetCellValue("Danh sách", "A3"); v != "" {
		t.Errorf("sign-in A3 %q", v)
	}
}

// The total quota is left empty unless every group has a quota.
func TestTallyTotalQuota(t *testing.T) {
	_, s := demo(t)
	total := func(s *Snapshot) []string {
		rows, err := readXLSX(t, render(t, s, Attendance, XLSX, opts)).GetRows("Theo thành phần")
		if err != nil {
			t.Fatal(err)
		}
		q := slices.Index(rows[0], "Chỉ tiêu")
		if q < 0 {
			t.Fatalf("header %q", rows[0])
		}
		last := rows[len(rows)-1]
		for len(last) <= q {
			last = append(last, "")
		}
		return []string{last[0], last[q]}
	}
	withQuota := 0
	for _, g := range s.Groups {
		if g.Quota > 0 {
			withQuota++
		}
	}
	if withQuota == 0 || withQuota == len(s.Groups) {
		t.Fatalf("the demo has %d of %d groups with a quota", withQuota, len(s.Groups))
	}
	if got := total(s); got[0] != "Tổng cộng" || got[1] != "" {
		t.Errorf("partial quotas summed: %q", got)
	}
	all := *s
	all.Groups = slices.Clone(s.Groups)
	for i := range all.Groups {
		all.Groups[i].Quota = 10 * (i + 1)
	}
	want := 0
	for _, g := range all.Groups {
		want += g.Quota
	}
	if got := total(&all); got[1] != itoa(want) {
		t.Errorf("total quota %q, want %d", got[1], want)
	}
}
