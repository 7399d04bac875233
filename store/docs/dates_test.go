package docs

import (
	"strings"
	"testing"
)

// Decree 30/2020/NĐ-CP, Phụ lục I: a day below 10 and the months 1 and 2
// take a leading zero; the other months do not.
func TestLongDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2023-10-18", "ngày 18 tháng 10 năm 2023"},
		{"2023-09-08", "ngày 08 tháng 9 năm 2023"},
		{"2023-02-05", "ngày 05 tháng 02 năm 2023"},
		{"2024-01-31", "ngày 31 tháng 01 năm 2024"},
		{"2023-03-01", "ngày 01 tháng 3 năm 2023"},
		{"2023-12-10", "ngày 10 tháng 12 năm 2023"},
		{"2023-11-09", "ngày 09 tháng 11 năm 2023"},
		{"", ""},
		{"18/10/2023", "18/10/2023"}, // not a date: left as it is
	} {
		if got := longDate(c.in); got != c.want {
			t.Errorf("longDate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Every record of the meeting as it ran carries the day it was held; what
// is printed before the day (sign-in sheet, invitations) the planned date.
// Here the meeting was planned for 08/09/2023 and held on 18/10/2023.
func TestDocumentsDateTheHeldDay(t *testing.T) {
	_, s := demo(t)
	s.Meeting.Date = "2023-09-08"
	const held, planned = "ngày 18 tháng 10 năm 2023", "ngày 08 tháng 9 năm 2023"
	xlsxText := func(k Kind) string {
		x := readXLSX(t, render(t, s, k, XLSX, opts))
		v, err := x.GetCellValue(x.GetSheetList()[0], "A2")
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	docxText := func(k Kind) string {
		return plainText(t, docxParts(t, render(t, s, k, DOCX, opts))["word/document.xml"])
	}
	for name, c := range map[string]struct {
		text string
		want string
	}{
		"attendance.xlsx": {xlsxText(Attendance), held},
		"attendance.docx": {docxText(Attendance), "Ngày 18 tháng 10 năm 2023"},
		"minutes.md":      {string(render(t, s, Minutes, MD, opts)), "bắt đầu lúc 07 giờ 35, " + held},
		"minutes.docx":    {docxText(Minutes), "bắt đầu lúc 07 giờ 35, " + held},
		"followup.xlsx":   {xlsxText(Followup), "(" + held + ")"},
		"followup.docx":   {docxText(Followup), "(" + held + ")"},
		"conclusion.docx": {docxText(Conclusion), "Ngày 18 tháng 10 năm 2023, tại"},
		"signin.xlsx":     {xlsxText(Signin), "(" + planned + ")"},
		"signin.docx":     {docxText(Signin), "Ngày 08 tháng 9 năm 2023"},
		"invitations":     {docxText(Invitations), "ngày 08/09/2023"},
	} {
		if !strings.Contains(c.text, c.want) {
			t.Errorf("%s lacks %q", name, c.want)
		}
		other := planned
		if strings.HasPrefix(name, "signin") || name == "invitations" {
			other = held
		}
		if strings.Contains(strings.ToLower(c.text), other) {
			t.Errorf("%s also says %q", name, other)
		}
	}
}
