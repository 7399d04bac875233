package docno

import (
	"errors"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Ref
	}{
		{"Số 123/LĐTBXH-VL ngày 20/11/2023", Ref{Number: "123/LĐTBXH-VL", Date: "2023-11-20"}},
		{"123/UBND-VP", Ref{Number: "123/UBND-VP"}},
		{"Công văn số 45/PNV ngày 5/12/2023", Ref{Number: "45/PNV", Date: "2023-12-05", Kind: "Công văn"}},
		{"số 07/BC-UBND, ngày 03 tháng 12 năm 2023", Ref{Number: "07/BC-UBND", Date: "2023-12-03"}},
		{"so 07/BC-UBND ngay 03 thang 12 nam 2023", Ref{Number: "07/BC-UBND", Date: "2023-12-03"}},
		{"Số: 1234/QĐ-UBND ngày 01-02-2024", Ref{Number: "1234/QĐ-UBND", Date: "2024-02-01"}},
		{"Báo cáo số 15/2023/BC-NHCS ngày 30.11.2023 của Ngân hàng", Ref{Number: "15/2023/BC-NHCS", Date: "2023-11-30", Kind: "Báo cáo"}},
		{"CV 88/YT ngày 2/1/2024.", Ref{Number: "88/YT", Date: "2024-01-02"}},
		{"Tờ trình số 9 ngày 31/12/2023", Ref{Number: "9", Date: "2023-12-31", Kind: "Tờ trình"}},
		{"  Số 123/UBND-VP  (20/11/2023) ", Ref{Number: "123/UBND-VP", Date: "2023-11-20"}},
		{"Văn bản số 56/TNMT ngày 29 tháng 02 năm 2024", Ref{Number: "56/TNMT", Date: "2024-02-29", Kind: "Văn bản"}},
	} {
		got, err := Parse(c.in)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, c := range []struct {
		in   string
		want error
	}{
		{"", ErrNoNumber},
		{"ngày 20/11/2023", ErrNoNumber},
		{"Công văn của Phòng Y tế", ErrNoNumber},
		{"Số 123/UBND ngày 31/02/2023", ErrBadDate},
		{"Số 123/UBND ngày 30 tháng 02 năm 2023", ErrBadDate},
		{"Số 123/UBND ngày 12/13/2023", ErrBadDate},
		{"123/", ErrNoNumber},
		{"/UBND", ErrNoNumber},
	} {
		if _, err := Parse(c.in); !errors.Is(err, c.want) {
			t.Errorf("Parse(%q) error %v, want %v", c.in, err, c.want)
		}
	}
}

func TestKey(t *testing.T) {
	same := [][]string{
		{"07/BC-UBND", "7/bc-ubnd", " 7 / BC-UBND"},
		{"123/LĐTBXH-VL", "123/LDTBXH-VL", "0123/ldtbxh-vl"},
	}
	for _, g := range same {
		for _, x := range g[1:] {
			if Key(x) != Key(g[0]) {
				t.Errorf("Key(%q) = %q, Key(%q) = %q", x, Key(x), g[0], Key(g[0]))
			}
		}
	}
	if Key("123/UBND-VP") == Key("123/UBND-NV") || Key("12/UBND") == Key("123/UBND") {
		t.Error("different numbers share a key")
	}
}

// FuzzParse: Parse never panics; what it accepts has a number whose key
// is not empty and a real day or none, and its String reads back the same.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"Số 123/LĐTBXH-VL ngày 20/11/2023", "123/UBND-VP", "Công văn số 45/PNV ngày 5/12/2023",
		"số 07/BC-UBND, ngày 03 tháng 12 năm 2023", "so 9 ngay 1 thang 1 nam 2024", "Số 1/A ngày 29.02.2023", "\x1b]0;x\x07 12/A",
		"số số số 1/1/1", "ngày 1 tháng 1 năm", "00/X-Y ngày 1/1/2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Parse(s)
		if err != nil {
			return
		}
		if r.Number == "" || Key(r.Number) == "" {
			t.Fatalf("Parse(%q) accepted an empty number: %+v", s, r)
		}
		if r.Date != "" {
			if _, err := time.Parse("2006-01-02", r.Date); err != nil {
				t.Fatalf("Parse(%q) date %q", s, r.Date)
			}
		}
		back, err := Parse(r.String())
		if err != nil || back.Number != r.Number || back.Date != r.Date {
			t.Fatalf("Parse(%q) = %+v; its String %q reads back %+v, %v", s, r, r.String(), back, err)
		}
	})
}
