// Package sheettest makes the files the sheet readers must refuse or
// survive: long and wide tables, and zip bombs. Tests of the readers and
// of the import use them.
package sheettest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"doithoai/store/sheet"
)

// CSVRows is a delegates csv of n rows (and cols columns).
func CSVRows(n, cols int) []byte {
	var b bytes.Buffer
	b.WriteString("Họ và tên,Đơn vị")
	for i := 2; i < cols; i++ {
		fmt.Fprintf(&b, ",C%d", i)
	}
	b.WriteString("\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "Nguyễn Thị %d,Xã Quảng Hòa%s\n", i, strings.Repeat(",x", max(cols-2, 0)))
	}
	return b.Bytes()
}

// CSVWide is a delegates csv of n rows whose title cells are about width
// bytes long.
func CSVWide(n, width int) []byte {
	var b bytes.Buffer
	b.WriteString("Họ và tên,Đơn vị,Chức vụ\n")
	title := strings.Repeat("Hội viên phụ nữ ", width/len("Hội viên phụ nữ "))
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "Nguyễn Thị %d,Xã Quảng Hòa,%s\n", i, title)
	}
	return b.Bytes()
}

// bombOnce is a worksheet of 10 MB more than sheet.MaxSheetBytes, deflated once per test run.
var bombOnce = sync.OnceValues(func() ([]byte, int64) {
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestSpeed)
	n := int64(0)
	w := func(s string) { fw.Write([]byte(s)); n += int64(len(s)) }
	w(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	row := []byte(strings.Repeat(`<row><c t="inlineStr"><is><t>Nguyễn Thị Hoa</t></is></c></row>`, 1024))
	for n < sheet.MaxSheetBytes+(10<<20) {
		fw.Write(row)
		n += int64(len(row))
	}
	w(`</sheetData></worksheet>`)
	fw.Close()
	return raw.Bytes(), n
})

// Bomb is a workbook whose sheet unpacks past sheet.MaxSheetBytes; with lie, its
// central directory declares 1 MB.
func Bomb(lie bool) []byte {
	deflated, size := bombOnce()
	var buf bytes.Buffer
	zw := baseWorkbook(&buf)
	declared := uint64(size)
	if lie {
		declared = 1 << 20
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CompressedSize64: uint64(len(deflated)), UncompressedSize64: declared, CRC32: 0})
	if err != nil {
		panic(err)
	}
	w.Write(deflated)
	zw.Close()
	return buf.Bytes()
}

// baseWorkbook starts a copy of an empty excelize workbook on buf, without
// its sheet1.xml, for the caller to write its own.
func baseWorkbook(buf *bytes.Buffer) *zip.Writer {
	x := excelize.NewFile()
	defer x.Close()
	base, err := x.WriteToBuffer()
	if err != nil {
		panic(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(base.Bytes()), int64(base.Len()))
	if err != nil {
		panic(err)
	}
	zw := zip.NewWriter(buf)
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			continue
		}
		if err := zw.Copy(f); err != nil {
			panic(err)
		}
	}
	return zw
}

// XLSXRows is a workbook of one sheet with n rows and cols columns.
func XLSXRows(n, cols int) []byte {
	var buf bytes.Buffer
	zw := baseWorkbook(&buf)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= n; r++ {
		fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>Nguyễn Thị %d</t></is></c>`, r, r, r)
		for c := 2; c <= cols; c++ {
			io.WriteString(w, `<c t="inlineStr"><is><t>x</t></is></c>`)
		}
		io.WriteString(w, `</row>`)
	}
	io.WriteString(w, `</sheetData></worksheet>`)
	zw.Close()
	return buf.Bytes()
}
