package docs

import (
	"bytes"
	"context"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
)

// csvNotes maps each name of the attendance csv to its arrival and note.
func csvNotes(t *testing.T, s *Snapshot) map[string][2]string {
	t.Helper()
	data := render(t, s, Attendance, CSV, opts)
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	name, at, note := slices.Index(recs[0], "Họ và tên"), slices.Index(recs[0], "Giờ đến"), slices.Index(recs[0], "Ghi chú")
	out := map[string][2]string{}
	for _, r := range recs[1:] {
		out[r[name]] = [2]string{r[at], r[note]}
	}
	return out
}

// The demo's three apologies, one with a substitute who comes: the list,
// its counts, the minutes and the summary tell present, absent with
// apologies and absent without apart, and the substitute counts once.
func TestAttendanceWithApologies(t *testing.T) {
	st, _ := demo(t)
	ctx := context.Background()
	lực, err := st.DelegateByCode(ctx, "LD12")
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.CheckInSubstitute(ctx, lực.ID)
	if err != nil || !res.Created {
		t.Fatalf("substitute: %+v %v", res, err)
	}
	s, err := Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	notes := csvNotes(t, s)
	for name, want := range map[string]string{
		"Nguyễn Hữu Hùng":   "Dự thay Phan Văn Lực",
		"Phan Văn Lực":      "Vắng có lý do", // the long reason is in the minutes
		"Bùi Thị Đào":       "Vắng có lý do (ốm)",
		"Phạm Thị Vãng Lai": "Ngoài danh sách mời",
		"Hồ Ngọc Dung":      "Vắng",
	} {
		if got := notes[name][1]; got != want {
			t.Errorf("%s: note %q, want %q", name, got, want)
		}
	}
	if notes["Nguyễn Hữu Hùng"][0] == "" {
		t.Error("the substitute's arrival is not on the list")
	}
	const count = "Tổng số đại biểu được mời: 140; có mặt: 5 (trong đó 1 đại biểu dự thay, 1 đại biểu ngoài danh sách mời); vắng: 137 (có lý do: 3, không lý do: 134)."
	x := readXLSX(t, render(t, s, Attendance, XLSX, opts))
	if v, _ := x.GetCellValue("Danh sách", "A3"); v != count {
		t.Errorf("xlsx count %q", v)
	}
	doc := plainText(t, docxParts(t, render(t, s, Attendance, DOCX, opts))["word/document.xml"])
	for _, w := range []string{count, "Dự thay", "Vắng có lý do", "Vắng không lý do"} {
		if !strings.Contains(doc, w) {
			t.Errorf("attendance docx lacks %q", w)
		}
	}
	// the substitute fills his place in the agencies' group, once
	rows, _ := x.GetRows("Theo thành phần")
	col := func(name string) int { return slices.Index(rows[0], name) }
	for _, r := range rows[1:] {
		if r[0] == "Lãnh đạo các phòng, ban, ngành" {
			if r[col("Có mặt")] != "1" || r[col("Trong đó dự thay")] != "1" || r[col("Vắng có lý do")] != "1" || r[col("Vắng không lý do")] != "18" {
				t.Errorf("agencies' tally %q under %q", r, rows[0])
			}
		}
	}
	md := string(render(t, s, Minutes, MD, opts))
	for _, w := range []string{"có mặt: 5 (trong đó 1 đại biểu dự thay, 1 đại biểu ngoài danh sách mời)", "vắng: 137 (có lý do: 3, không lý do: 134)",
		"Vắng có lý do: Phan Văn Lực, Trưởng phòng Nông nghiệp và Phát triển nông thôn (Đi công tác tại Sở Nông nghiệp và PTNT tỉnh; cử Nguyễn Hữu Hùng dự thay)",
		"Bùi Thị Đào, Chi hội trưởng phụ nữ thôn An Bình (Ốm)"} {
		if !strings.Contains(md, w) {
			t.Errorf("minutes lack %q", w)
		}
	}
	sum := s.Summarize()
	if sum.Arrived != 5 || sum.Substitutes != 1 || sum.WalkIns != 1 || sum.Apologised != 3 || sum.Absent != 137 {
		t.Errorf("summary %+v", sum)
	}

	// the substitute does not make him less absent: he is absent with
	// apologies, and someone stands in
	// Phan Văn Lực comes after all: two people for one place. He is
	// present, Hùng is counted as outside the list, nobody twice.
	if _, err := st.CheckIn(ctx, lực.ID); err != nil {
		t.Fatal(err)
	}
	if s, err = Load(ctx, st); err != nil {
		t.Fatal(err)
	}
	sum = s.Summarize()
	if sum.Arrived != 6 || sum.Substitutes != 0 || sum.WalkIns != 2 || sum.Apologised != 2 || sum.Absent != 136 {
		t.Errorf("summary with both here %+v", sum)
	}
	if n := csvNotes(t, s)["Phan Văn Lực"][1]; n != "" {
		t.Errorf("present after all, noted %q", n)
	}
	// the store's live counts agree with the documents'
	_, _, total, err := st.Tallies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if total.Arrived != sum.Arrived || total.Substitutes != sum.Substitutes || total.WalkIns != sum.WalkIns ||
		total.Apologised != sum.Apologised || total.Absent() != sum.Absent {
		t.Errorf("store tally %+v, documents %+v", total, sum)
	}
}

// A meeting without apologies keeps its documents as they were: one
// absent column, no apology sentence.
func TestNoApologiesNoExtraColumns(t *testing.T) {
	_, s := demo(t)
	s.Apologies = nil
	x := readXLSX(t, render(t, s, Attendance, XLSX, opts))
	rows, _ := x.GetRows("Theo thành phần")
	if slices.Contains(rows[0], "Vắng có lý do") || !slices.Contains(rows[0], "Vắng") {
		t.Errorf("tally header %q", rows[0])
	}
	if md := string(render(t, s, Minutes, MD, opts)); strings.Contains(md, "có lý do") || !strings.Contains(md, "; vắng: 137.") {
		t.Error("minutes without apologies speak of them, or lack the absent count")
	}
}

// TestSigninShowsApologies: the sign-in sheet printed after apologies came
// in says so in the signature box of each who sent one, naming her
// substitute, who signs there; the others' boxes stay blank.
func TestSigninShowsApologies(t *testing.T) {
	_, s := demo(t)
	data := render(t, s, Signin, CSV, opts)
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	name, sign := slices.Index(recs[0], "Họ và tên"), slices.Index(recs[0], "Ký tên")
	got := map[string]string{}
	for _, r := range recs[1:] {
		got[r[name]] = r[sign]
	}
	for who, want := range map[string]string{
		"Phan Văn Lực": "Báo vắng – Nguyễn Hữu Hùng dự thay",
		"Bùi Thị Đào":  "Báo vắng",
		"Hồ Ngọc Dung": "",
	} {
		if got[who] != want {
			t.Errorf("%s: signature box %q, want %q", who, got[who], want)
		}
	}
	doc := plainText(t, docxParts(t, render(t, s, Signin, DOCX, opts))["word/document.xml"])
	if !strings.Contains(doc, "Báo vắng – Nguyễn Hữu Hùng dự thay") {
		t.Error("the sign-in docx does not name the substitute")
	}
}

// TestNoGroupHeading: delegates in no group are headed with a printable
// label in the attendance list, never the bare internal "Khác".
func TestNoGroupHeading(t *testing.T) {
	_, s := demo(t)
	s.Delegates[len(s.Delegates)-1].GroupID, s.Delegates[len(s.Delegates)-1].GroupName = 0, ""
	for _, tb := range docxTables(t, docxParts(t, render(t, s, Attendance, DOCX, opts))["word/document.xml"]) {
		for _, r := range tb.rows {
			if len(r) > 0 && strings.TrimSpace(strings.Join(r, "")) == "Khác" {
				t.Errorf("a heading row reads %q", r)
			}
		}
	}
	doc := plainText(t, docxParts(t, render(t, s, Attendance, DOCX, opts))["word/document.xml"])
	if !strings.Contains(doc, "Đại biểu khác") {
		t.Error("no heading for the delegates in no group")
	}
}
