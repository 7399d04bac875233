package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// nfd decomposes s, as files from Macs and some web forms carry it.
func nfd(s string) string { return norm.NFD.String(s) }

func locate(t *testing.T, sheets []Sheet, s Schema) *Table {
	t.Helper()
	tb, probs := Locate(sheets, s)
	if len(probs) > 0 || tb == nil {
		t.Fatalf("Locate: %v", probs)
	}
	return tb
}

func TestCSVExcelVietnameseWindows(t *testing.T) {
	// What Excel on a Vietnamese Windows writes with "CSV UTF-8": BOM,
	// semicolons, CRLF, a title row padded with separators, a quoted cell
	// holding a semicolon and a line break, a blank row inside, decomposed
	// accents in one name, and empty rows at the end.
	lines := []string{
		"DANH SÁCH ĐẠI BIỂU DỰ ĐỐI THOẠI;;;;;",
		";;;;;",
		"STT;HỌ VÀ TÊN;Chức vụ;Đơn vị;Số điện thoại;Mã",
		"1;" + nfd("Nguyễn Thị Hoà") + ";Chủ tịch Hội LHPN;Xã Quảng Hòa;912345678;",
		"2;Lê Thị Mai;\"Hội viên; tổ trưởng\nphụ nữ\";Phường Ba Đồn;0987 654 321;PN002",
		"",
		"3;  Trần   Thị Lan ;;Phường Ba Đồn;;",
		";;;;;",
		";;;;;",
		"",
	}
	data := "\xEF\xBB\xBF" + strings.Join(lines, "\r\n")
	sheets, err := ReadCSV(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tb := locate(t, sheets, Delegates)
	if tb.HeaderRow != 3 {
		t.Errorf("header row %d, want 3", tb.HeaderRow)
	}
	if len(tb.Rows) != 3 {
		t.Fatalf("%d rows, want 3: %+v", len(tb.Rows), tb.Rows)
	}
	wantN := []int{4, 5, 7} // the quoted line break stays in row 5; the blank line is row 6
	for i, r := range tb.Rows {
		if r.N != wantN[i] {
			t.Errorf("row %d numbered %d, want %d", i, r.N, wantN[i])
		}
	}
	if got := tb.Get(tb.Rows[0], KeyName); got != "Nguyễn Thị Hoà" || !norm.NFC.IsNormalString(got) {
		t.Errorf("name %q not NFC", got)
	}
	if got := tb.Get(tb.Rows[1], KeyTitle); got != "Hội viên; tổ trưởng\nphụ nữ" {
		t.Errorf("quoted title %q", got)
	}
	if got := Squeeze(tb.Get(tb.Rows[2], KeyName)); got != "Trần Thị Lan" {
		t.Errorf("name %q", got)
	}
	if got := tb.Columns[KeyName].Header; got != "HỌ VÀ TÊN" {
		t.Errorf("header text %q", got)
	}
	if p, _ := Phone(tb.Get(tb.Rows[0], KeyPhone)); p != "0912345678" {
		t.Errorf("phone %q", p)
	}
}

func TestCSVCommaLFNoBOM(t *testing.T) {
	data := "Full name,Position,Organisation,Group,Phone,Code\nAlice Nguyen,Head,\"Phòng Nội vụ, thị xã\",Officials,0912000111,A1\n"
	sheets, err := ReadCSV(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tb := locate(t, sheets, Delegates)
	if tb.HeaderRow != 1 || len(tb.Rows) != 1 || tb.Rows[0].N != 2 {
		t.Fatalf("header %d rows %+v", tb.HeaderRow, tb.Rows)
	}
	if tb.Get(tb.Rows[0], KeyUnit) != "Phòng Nội vụ, thị xã" || tb.Get(tb.Rows[0], KeyGroup) != "Officials" {
		t.Errorf("row %+v", tb.Rows[0])
	}
}

func TestCSVSemicolonWithUnquotedCommas(t *testing.T) {
	// In a ';' file Excel leaves commas unquoted; there are more commas
	// than semicolons on some lines, but only ';' lines up.
	data := "Họ tên;Đơn vị;Chức vụ\nA, B, C, D;Xã X, huyện Y, tỉnh Z;Hội viên\nE;F;G\nH;I;J\n"
	sheets, err := ReadCSV(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tb := locate(t, sheets, Delegates)
	if got := tb.Get(tb.Rows[0], KeyUnit); got != "Xã X, huyện Y, tỉnh Z" {
		t.Errorf("unit %q", got)
	}
}

// cp1258 spells "Nguyễn Thị Hoà" and "Đơn vị" as Windows-1258 does: base
// letters with circumflex, breve or horn precomposed, tones as combining
// marks.
const cp1258 = "Ho\xf2 t\xean;\xd0\xf5n vi\xf2\r\n" + // Họ tên;Đơn vị
	"Nguy\xea\xden Thi\xf2 Hoa\xcc;X\xe3 Qu\xe2\xf2ng Ho\xf2a\r\n"

func TestCSVWindows1258(t *testing.T) {
	if utf8.ValidString(cp1258) {
		t.Fatal("fixture is valid UTF-8")
	}
	sheets, err := ReadCSV(strings.NewReader(cp1258))
	if err != nil {
		t.Fatal(err)
	}
	if len(sheets[0].Rows) != 2 {
		t.Fatalf("rows %+v", sheets[0].Rows)
	}
	row := sheets[0].Rows[1].Cells
	if row[0] != "Nguyễn Thị Hoà" {
		t.Errorf("name %q (%+q)", row[0], row[0])
	}
	if sheets[0].Rows[0].Cells[1] != "Đơn vị" {
		t.Errorf("header %q", sheets[0].Rows[0].Cells[1])
	}
	if !norm.NFC.IsNormalString(row[1]) {
		t.Errorf("unit %q not NFC", row[1])
	}
}

func TestCSVUTF16(t *testing.T) {
	// Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
	s := "Họ tên\tĐơn vị\r\nLê Thị Mai\tXã Quảng Hòa\r\n"
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	sheets, err := ReadCSV(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	tb := locate(t, sheets, Delegates)
	if tb.Get(tb.Rows[0], KeyName) != "Lê Thị Mai" {
		t.Errorf("rows %+v", tb.Rows)
	}
}

func TestNoHeader(t *testing.T) {
	sheets, _ := ReadCSV(strings.NewReader("a;b;c\n1;2;3\n"))
	tb, probs := Locate(sheets, Delegates)
	if tb != nil || len(probs) != 1 || probs[0].Row != 0 {
		t.Fatalf("got %v %v", tb, probs)
	}
	if !strings.Contains(probs[0].Msg, "Họ và tên") {
		t.Errorf("message does not name the expected columns: %s", probs[0].Msg)
	}
}

func TestMissingRequiredColumn(t *testing.T) {
	// Topic and agency name the table as petitions, but the text column
	// is missing: no header is found (a required column is needed).
	sheets, _ := ReadCSV(strings.NewReader("Lĩnh vực;Cơ quan trả lời\nY tế;Phòng Y tế\n"))
	if tb, probs := Locate(sheets, Petitions); tb != nil || len(probs) == 0 {
		t.Fatalf("got %v %v", tb, probs)
	}
}

// messyWorkbook is an invitee list as a district office sends it: a
// merged title, a subtitle, the header, the "(1) (2) …" numbering row,
// a unit merged down over its delegates, phones typed as numbers, a
// second sheet of notes, and formatted but empty rows at the end.
func messyWorkbook(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Danh sách"
	f.SetSheetName("Sheet1", sh)
	set := func(cell string, v any) {
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "DANH SÁCH ĐẠI BIỂU PHỤ NỮ DỰ ĐỐI THOẠI NĂM 2023")
	f.MergeCell(sh, "A1", "G1")
	set("A2", "(Kèm theo Công văn số 123/HLHPN ngày 10/10/2023)")
	f.MergeCell(sh, "A2", "G2")
	for i, h := range []string{"STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành phần", "Điện thoại (di động)", "Ghi chú"} {
		c, _ := excelize.CoordinatesToCellName(i+1, 3)
		set(c, h)
		c, _ = excelize.CoordinatesToCellName(i+1, 4)
		set(c, "("+string(rune('1'+i))+")")
	}
	rows := [][]any{
		{1, "Nguyễn Thị Hoà", "Chi hội trưởng", "Xã Quảng Hòa", "Phụ nữ", 912345678},
		{2, nfd("Lê Thị Mai"), "Hội viên", nil, "Phụ nữ", 84987654321},
		{3, "Trần Thị Lan", "Hội viên", nil, "Phụ nữ", "0978 111 222"},
		{4, "Phạm Thị Thu", "Chủ tịch", "Phường Ba Đồn", "Phụ nữ", 2323822123},
	}
	for r, vals := range rows {
		for c, v := range vals {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+5)
			set(cell, v)
		}
	}
	f.MergeCell(sh, "D5", "D7") // the unit covers three delegates
	style, _ := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFF00"}}})
	f.SetCellStyle(sh, "A9", "G40", style) // formatted, empty
	f.NewSheet("Ghi chú")
	f.SetCellValue("Ghi chú", "A1", "Danh sách đã được Hội LHPN thị xã duyệt")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSXMessy(t *testing.T) {
	sheets, err := ReadXLSX(bytes.NewReader(messyWorkbook(t)))
	if err != nil {
		t.Fatal(err)
	}
	tb := locate(t, sheets, Delegates)
	if tb.Sheet != "Danh sách" || tb.HeaderRow != 3 {
		t.Errorf("sheet %q header row %d", tb.Sheet, tb.HeaderRow)
	}
	if len(tb.Rows) != 4 {
		t.Fatalf("%d rows: %+v", len(tb.Rows), tb.Rows)
	}
	for i, r := range tb.Rows {
		if r.N != 5+i {
			t.Errorf("row %d numbered %d", i, r.N)
		}
	}
	for i, want := range []string{"Xã Quảng Hòa", "Xã Quảng Hòa", "Xã Quảng Hòa", "Phường Ba Đồn"} {
		if got := tb.Get(tb.Rows[i], KeyUnit); got != want {
			t.Errorf("row %d unit %q, want %q", tb.Rows[i].N, got, want)
		}
	}
	if got := tb.Get(tb.Rows[1], KeyName); got != "Lê Thị Mai" {
		t.Errorf("name %q not NFC", got)
	}
	for i, want := range []string{"0912345678", "0987654321", "0978111222", "02323822123"} {
		got, err := Phone(tb.Get(tb.Rows[i], KeyPhone))
		if got != want || err != nil {
			t.Errorf("row %d phone %q (%v), want %q", tb.Rows[i].N, got, err, want)
		}
	}
	if tb.Columns[KeyPhone].Header != "Điện thoại (di động)" {
		t.Errorf("phone header %q", tb.Columns[KeyPhone].Header)
	}
}

func TestXLSXRefusesOldExcel(t *testing.T) {
	_, err := ReadXLSX(bytes.NewReader(append(append([]byte{}, oleMagic...), make([]byte, 600)...)))
	if err != ErrOldExcel {
		t.Fatalf("err %v", err)
	}
	if _, err := ReadXLSX(strings.NewReader("not a zip")); err == nil {
		t.Fatal("junk accepted")
	}
}

func TestPhone(t *testing.T) {
	for in, want := range map[string]string{
		"912345678": "0912345678", "9.12345678E+08": "0912345678", "912345678.0": "0912345678",
		"84912345678": "0912345678", "+84 912 345 678": "0912345678", "0912.345.678": "0912345678",
		"0912 000 111": "0912000111", "(0232) 3822 123": "02323822123", "+84 232 3822 123": "02323822123",
		"2323822123": "02323822123", "0912345678": "0912345678", "": "", "-": "", "không": "",
		"'0912345678": "0912345678", "0386-123-456": "0386123456",
		"+33 1 42 68 53 00": "+33 1 42 68 53 00", // abroad: as typed
	} {
		got, err := Phone(in)
		if got != want || err != nil {
			t.Errorf("Phone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"chưa có", "12", "abc123456789",
		"091234560",   // 9 digits with the 0: one missing
		"09123456789", // a mobile with 11 digits
		"123456789",   // no Vietnamese prefix
		"0112345678",  // 01x is no longer a prefix
	} {
		if _, err := Phone(bad); err == nil {
			t.Errorf("Phone(%q) accepted", bad)
		}
	}
}

func TestMinutes(t *testing.T) {
	for in, want := range map[string]int{
		"": 0, "15": 15, "15 phút": 15, "15'": 15, "15p": 15, "20.0": 20, "1h30": 90, "1:30": 90, "0:15:00": 15,
		"7h30 - 7h45": 15, "7:30-8:00": 30, "8h - 8h20": 20, "10 min": 10,
	} {
		got, err := Minutes(in)
		if got != want || err != nil {
			t.Errorf("Minutes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"mười lăm", "-5", "99999", "8h - 7h"} {
		if _, err := Minutes(bad); err == nil {
			t.Errorf("Minutes(%q) accepted", bad)
		}
	}
}

// TestXLSXTwoRowHeader: headings merged down over a second header row that
// splits "Liên hệ" into "Điện thoại" and "Email", and "Ghi chú" merged
// down too; the data starts on row 5.
func TestXLSXTwoRowHeader(t *testing.T) {
	f := excelize.NewFile()
	sh := "Sheet1"
	f.SetCellValue(sh, "A1", "DANH SÁCH KHÁCH MỜI")
	for col, h := range map[string]string{"A": "STT", "B": "Họ và tên", "C": "Đơn vị", "D": "Liên hệ", "F": "Ghi chú"} {
		f.SetCellValue(sh, col+"3", h)
	}
	for _, col := range []string{"A", "B", "C", "F"} {
		f.MergeCell(sh, col+"3", col+"4")
	}
	f.MergeCell(sh, "D3", "E3")
	f.SetCellValue(sh, "D4", "Điện thoại")
	f.SetCellValue(sh, "E4", "Email")
	f.SetCellValue(sh, "A5", 1)
	f.SetCellValue(sh, "B5", "Võ Thị Hạnh")
	f.SetCellValue(sh, "C5", "Phòng Y tế")
	f.SetCellValue(sh, "D5", 905111222)
	var buf bytes.Buffer
	f.Write(&buf)
	f.Close()
	sheets, err := ReadXLSX(&buf)
	if err != nil {
		t.Fatal(err)
	}
	tb := locate(t, sheets, Delegates)
	if len(tb.Rows) != 1 || tb.Rows[0].N != 5 {
		t.Fatalf("rows %+v", tb.Rows)
	}
	if p, _ := Phone(tb.Get(tb.Rows[0], KeyPhone)); p != "0905111222" || tb.Columns[KeyPhone].Header != "Điện thoại" {
		t.Errorf("phone %q under %q", p, tb.Columns[KeyPhone].Header)
	}
}

func TestCSVNamesOnly(t *testing.T) {
	sheets, _ := ReadCSV(strings.NewReader("Họ và tên\nLê Thị Mai\nTrần Thị Lan\n"))
	tb := locate(t, sheets, Delegates)
	if len(tb.Rows) != 2 || tb.Get(tb.Rows[1], KeyName) != "Trần Thị Lan" {
		t.Fatalf("%+v", tb.Rows)
	}
}

func TestCSVSepLine(t *testing.T) {
	sheets, err := ReadCSV(strings.NewReader("sep=,\r\nHọ tên,Đơn vị\r\nA; B,Xã X\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	tb := locate(t, sheets, Delegates)
	if tb.HeaderRow != 1 || tb.Rows[0].N != 2 || tb.Get(tb.Rows[0], KeyName) != "A; B" {
		t.Fatalf("header %d rows %+v", tb.HeaderRow, tb.Rows)
	}
}

// TestXLSXTooManyMerges: a workbook claiming thousands of merged ranges
// is refused before excelize spends quadratic time on them.
func TestXLSXTooManyMerges(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	w.Write([]byte(`<worksheet><mergeCells count="6000">`))
	for i := range 6000 {
		fmt.Fprintf(w, `<mergeCell ref="A%d:B%d"/>`, i+1, i+1)
	}
	w.Write([]byte(`</mergeCells></worksheet>`))
	zw.Close()
	start := time.Now()
	if _, err := ReadXLSX(&buf); err == nil || !strings.Contains(err.Error(), "merged") {
		t.Fatalf("err %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
	if n, _, err := scanSheets(messyWorkbook(t)); n != 3 || err != nil {
		t.Errorf("messy workbook: %d merges (%v), want 3", n, err)
	}
}
