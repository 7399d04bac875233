package sheet

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// checkSheets holds for whatever the readers return: rows numbered upward,
// cells NFC UTF-8 without surrounding space, and Locate never panicking.
func checkSheets(t *testing.T, sheets []Sheet) {
	for _, sh := range sheets {
		prev := 0
		for _, r := range sh.Rows {
			if r.N <= prev {
				t.Fatalf("row numbers not increasing: %d after %d", r.N, prev)
			}
			prev = r.N
			if len(r.Cells) > MaxCols {
				t.Fatalf("%d columns", len(r.Cells))
			}
			for _, c := range r.Cells {
				if !utf8.ValidString(c) || !norm.NFC.IsNormalString(c) || strings.TrimSpace(c) != c {
					t.Fatalf("cell %q not clean", c)
				}
			}
		}
	}
	for _, s := range []Schema{Delegates, Petitions, Agenda} {
		tb, probs := Locate(sheets, s)
		if tb == nil && len(probs) == 0 {
			t.Fatal("no table and no problem")
		}
		if tb != nil {
			for _, r := range tb.Rows {
				if r.N <= tb.HeaderRow {
					t.Fatalf("data row %d above header %d", r.N, tb.HeaderRow)
				}
				for k := range tb.Columns {
					tb.Get(r, k)
				}
			}
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"\xEF\xBB\xBFSTT;Họ và tên;Đơn vị\r\n1;Nguyễn Thị Hoà;Xã Quảng Hòa\r\n\r\n;;\r\n",
		"Full name,Unit,Phone\nA,B,912345678\n",
		"Nội dung,Lĩnh vực,Cơ quan trả lời\n\"Đường, điện\nnước\",Hạ tầng,Phòng KT-HT\n",
		"Nội dung;Loại;Thời lượng\nVăn nghệ;văn nghệ;15 phút\n",
		cp1258,
		"\"unterminated;quote\n",
		"a\"b;c\n\n\n\"\"\"\n",
		"\xff\xfeH\x00o\x00",
		"",
		";;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;\n",
		"sep=;\r\nHọ tên;SĐT\r\nA;'912345678\r\n",
		"Thời gian,Nội dung\n7h30,Đón tiếp\n8h,Khai mạc\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sheets, err := ReadCSV(bytes.NewReader(data))
		if err != nil {
			return
		}
		checkSheets(t, sheets)
	})
}

// FuzzPhone: whatever a cell or a form holds, Phone returns an error or a
// number that is itself already normal (normalising twice changes nothing).
func FuzzPhone(f *testing.F) {
	for _, s := range []string{"912345678", "9.12345678E+08", "+84 912 345 678", "(0232) 3822 123", "+33 1 42 68 53 00",
		"091234560", "không", "'0912345678", "84 84 84 84 84", "+8400000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Phone(s)
		if err != nil || got == "" {
			return
		}
		again, err := Phone(got)
		if err != nil || again != got {
			t.Fatalf("Phone(%q) = %q, but Phone(%q) = %q, %v", s, got, got, again, err)
		}
	})
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(messyWorkbook(f))
	f.Add(patchPart(f, delegatesBook(f), "xl/sharedStrings.xml", "MARKER", "Th\xff\xe1\xbb"))
	f.Add([]byte("PK\x03\x04"))
	f.Add(append(append([]byte{}, oleMagic...), 0, 0, 0))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		// Guard: a fuzzed zip may claim anything; the reader's own limits
		// bound the work, this keeps each case small.
		if len(data) > 1<<20 {
			return
		}
		sheets, err := ReadXLSX(bytes.NewReader(data))
		if err != nil {
			return
		}
		checkSheets(t, sheets)
	})
}
