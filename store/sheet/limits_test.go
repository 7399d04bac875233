package sheet_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"doithoai/store/sheet"
	"doithoai/store/sheet/sheettest"
)

func limitOf(t *testing.T, err error, what string) *sheet.LimitError {
	t.Helper()
	var le *sheet.LimitError
	if !errors.As(err, &le) || le.What != what || !errors.Is(err, sheet.ErrTooLarge) {
		t.Fatalf("got %v, want a %s limit", err, what)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Fatalf("not one line: %q", err)
	}
	return le
}

func TestCSVLimits(t *testing.T) {
	if _, err := sheet.ReadCSV(bytes.NewReader(sheettest.CSVRows(sheet.MaxRows, 3))); err != nil {
		t.Fatalf("%d rows refused: %v", sheet.MaxRows, err)
	}
	limitOf(t, err2(sheet.ReadCSV(bytes.NewReader(sheettest.CSVRows(sheet.MaxRows+1, 3)))), "rows")
	// blank lines past the last row are not rows
	if _, err := sheet.ReadCSV(bytes.NewReader(append(sheettest.CSVRows(10, 3), strings.Repeat(",,\n", sheet.MaxRows)...))); err != nil {
		t.Fatalf("trailing blank rows refused: %v", err)
	}
	if _, err := sheet.ReadCSV(bytes.NewReader(sheettest.CSVRows(10, sheet.MaxCols))); err != nil {
		t.Fatalf("%d columns refused: %v", sheet.MaxCols, err)
	}
	le := limitOf(t, err2(sheet.ReadCSV(bytes.NewReader(sheettest.CSVRows(10, sheet.MaxCols+1)))), "columns")
	if le.Row != 1 || le.Got != sheet.MaxCols+1 {
		t.Fatalf("%+v", le)
	}
	// Excel pads rows with separators: empty cells past the last are not columns
	if _, err := sheet.ReadCSV(strings.NewReader("Họ và tên;Đơn vị" + strings.Repeat(";", 500) + "\nA;B\n")); err != nil {
		t.Fatalf("padded rows refused: %v", err)
	}
	// a file over the limit is refused from its size, before it is read
	big := filepath.Join(t.TempDir(), "big.csv")
	f, _ := os.Create(big)
	f.Truncate(sheet.MaxFileBytes + 1)
	f.Close()
	if le := limitOf(t, err2(sheet.Read(big)), "file"); le.Got != sheet.MaxFileBytes+1 {
		t.Fatalf("%+v", le)
	}
	limitOf(t, err2(sheet.ReadCSV(io.LimitReader(zeros{}, sheet.MaxFileBytes+1))), "file")
	if msg := err2(sheet.Read(big)).Error(); msg != "file too large: 50.0 MB, the limit is 50.0 MB" {
		t.Logf("%s", msg)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func err2[T any](_ T, err error) error { return err }

// A UTF-8 csv with stray bytes on two rows: those rows are problems. A
// Windows-1258 file, and one with a pair of bytes that happens to be
// valid UTF-8, still reads as Windows-1258.
func TestCSVInvalidUTF8(t *testing.T) {
	data := "Họ và tên,Đơn vị\nNguyễn Thị Hoà,Xã Quảng Hòa\nLê Thị \xffLan,Xã Quảng Sơn\nTrần Thị Bình,Phường \xc3\n"
	sh, err := sheet.ReadCSV(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(sh[0].Problems) != 2 || sh[0].Problems[0].Row != 3 || sh[0].Problems[1].Row != 4 || sh[0].Problems[0].Code != "bad_utf8" {
		t.Fatalf("problems %+v", sh[0].Problems)
	}
	tb, probs := sheet.Locate(sh, sheet.Delegates)
	if tb == nil || len(probs) != 2 {
		t.Fatalf("sheet.Locate: %v %+v", tb, probs)
	}
	// the same with a BOM, which says UTF-8 whatever the rest
	sh, _ = sheet.ReadCSV(strings.NewReader("\uFEFFHọ và tên\n\xffA\n"))
	if len(sh[0].Problems) != 1 {
		t.Fatalf("with BOM: %+v", sh[0].Problems)
	}
	// Windows-1258: "Ô" (D4) then a closing quote (94) is valid UTF-8 by chance
	cp := "H\xf2 t\xean;\xd0\xf5n vi\xf2\r\n\xd4\x94ng Ba\xf2;X\xe3 Qu\xe2\xf2ng Ho\xf2a\r\nNguy\xea\xden Thi\xf2 Hoa\xcc;X\xe3\r\n"
	sh, err = sheet.ReadCSV(strings.NewReader(cp))
	if err != nil || len(sh[0].Problems) != 0 || sh[0].Rows[2].Cells[0] != "Nguyễn Thị Hoà" {
		t.Fatalf("1258: %v %+v %v", err, sh[0].Problems, sh[0].Rows)
	}
}

func TestXLSXBomb(t *testing.T) {
	data := sheettest.Bomb(false)
	if len(data) > sheet.MaxFileBytes/10 {
		t.Fatalf("the bomb is %d bytes: not a bomb", len(data))
	}
	le := limitOf(t, err2(sheet.ReadXLSX(bytes.NewReader(data))), "unpacked")
	if le.Part != "xl/worksheets/sheet1.xml" || le.Got <= sheet.MaxSheetBytes {
		t.Fatalf("%+v", le)
	}
	// a central directory that lies is caught while streaming
	_, err := sheet.ReadXLSX(bytes.NewReader(sheettest.Bomb(true)))
	if !errors.Is(err, sheet.ErrFormat) || !strings.Contains(err.Error(), "zip: not a valid zip file") {
		t.Fatalf("the lying bomb: %v", err)
	}
}

func TestXLSXLimits(t *testing.T) {
	limitOf(t, err2(sheet.ReadXLSX(bytes.NewReader(sheettest.XLSXRows(sheet.MaxRows+1, 1)))), "rows")
	le := limitOf(t, err2(sheet.ReadXLSX(bytes.NewReader(sheettest.XLSXRows(3, sheet.MaxCols+1)))), "columns")
	if le.Row != 1 {
		t.Fatalf("%+v", le)
	}
	sh, err := sheet.ReadXLSX(bytes.NewReader(sheettest.XLSXRows(50, sheet.MaxCols)))
	if err != nil || len(sh[0].Rows) != 50 {
		t.Fatalf("%v", err)
	}
}
