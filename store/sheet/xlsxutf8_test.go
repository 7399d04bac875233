package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// patchPart rewrites one part of a workbook, replacing old by repl.
func patchPart(t testing.TB, data []byte, part, old, repl string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name == part {
			found = bytes.Contains(b, []byte(old))
			b = bytes.ReplaceAll(b, []byte(old), []byte(repl))
		}
		w, _ := zw.Create(zf.Name)
		w.Write(b)
	}
	zw.Close()
	if !found {
		t.Fatalf("%q not in %s", old, part)
	}
	return buf.Bytes()
}

// delegatesBook is a small list: header on row 1, three delegates, each
// name in the shared strings; a long note on row 4 passes the reader's
// 64 KB chunks with Vietnamese letters.
func delegatesBook(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]string{
		{"STT", "Họ và tên", "Đơn vị", "Ghi chú"},
		{"1", "Nguyễn Thị Hoa", "Xã Quảng Hòa", ""},
		{"2", "Trần MARKER Lan", "Xã Quảng Tiên", ""},
		{"3", "Lê Thị Mai", "Phường Ba Đồn", strings.Repeat("Đề nghị hỗ trợ vốn vay ", 5000)},
	}
	for r, cells := range rows {
		for c, v := range cells {
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			f.SetCellValue("Sheet1", name, v)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestXLSXDamagedUTF8: bytes that are not UTF-8 in the shared strings or
// in a worksheet's inline text are a problem on their row (3), the
// other rows read as usual; a sound workbook with long Vietnamese text is
// not taken for damaged.
func TestXLSXDamagedUTF8(t *testing.T) {
	good := delegatesBook(t)
	if _, damaged := repairUTF8(good); damaged {
		t.Fatal("a sound workbook taken for damaged")
	}
	sh, err := ReadXLSX(bytes.NewReader(good))
	if err != nil || len(sh[0].Problems) != 0 {
		t.Fatalf("sound workbook: %v, %+v", err, sh)
	}
	for name, data := range map[string][]byte{
		"shared strings": patchPart(t, good, "xl/sharedStrings.xml", "MARKER", "Th\xff\xfe"),
		"cut character":  patchPart(t, good, "xl/sharedStrings.xml", "MARKER", "Th\xe1\xbb"),
	} {
		sheets, err := ReadXLSX(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: refused as a whole: %v", name, err)
		}
		probs := sheets[0].Problems
		if len(probs) != 1 || probs[0].Row != 3 || probs[0].Code != "bad_utf8_xlsx" {
			t.Fatalf("%s: problems %+v", name, probs)
		}
		if len(sheets[0].Rows) != 4 || sheets[0].Rows[1].Cells[1] != "Nguyễn Thị Hoa" {
			t.Fatalf("%s: rows %+v", name, sheets[0].Rows[:2])
		}
	}
}

// TestXLSXDamagedInline: text typed into the worksheet itself (inline
// strings, as some exporters write) damaged on row 2.
func TestXLSXDamagedInline(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "Họ và tên")
	f.SetCellValue("Sheet1", "A2", "Nguyễn MARKER")
	f.SetCellValue("Sheet1", "A3", "Lê Thị Mai")
	var buf bytes.Buffer
	f.Write(&buf)
	data := patchPart(t, buf.Bytes(), "xl/sharedStrings.xml", "MARKER", "ok")
	// move the name inline into the worksheet, then damage it there
	data = patchPart(t, data, "xl/worksheets/sheet1.xml", `<c r="A2" t="s"><v>1</v></c>`, `<c r="A2" t="inlineStr"><is><t>Nguy`+"\xc3\x28"+`n</t></is></c>`)
	sheets, err := ReadXLSX(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if p := sheets[0].Problems; len(p) != 1 || p[0].Row != 2 {
		t.Fatalf("problems %+v", p)
	}
}
