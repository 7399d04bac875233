package store_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"doithoai/store"
)

func delegateNamed(t *testing.T, s *store.Store, name string) (store.Delegate, bool) {
	t.Helper()
	ds, err := s.Delegates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.FullName == name {
			return d, true
		}
	}
	return store.Delegate{}, false
}

func fixesOf(rep *store.ImportReport, kind string) []store.NameFix {
	var out []store.NameFix
	for _, f := range rep.Fixes {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}

// A list typed in capitals, with an Icelandic Ð for Đ and one name with
// its accents as separate marks: written in proper case by default, each
// correction pointed out with its row; --keep-case keeps the capitals.
func TestImportCleansNames(t *testing.T) {
	ctx := context.Background()
	csv := "Họ và tên;Chức vụ;Đơn vị;Thành phần\n" +
		"NGUYỄN KHÁNH MAI;Hội viên;Xã Quảng Hải;Đại biểu phụ nữ\n" +
		"ĐẶNG THỊ ỨNG;Hội viên;Xã Quảng Hải;Đại biểu phụ nữ\n" +
		"Ðinh Thị Lài;Chi hội trưởng;Ðồng Hới;Đại biểu phụ nữ\n" +
		norm.NFD.String("Lê Thị Thuỷ") + ";Hội viên;Xã Quảng Hải;Đại biểu phụ nữ\n" +
		"Hồ Thị Út;;Xã Quảng Hải;Đại biểu phụ nữ\n"
	path := writeFile(t, "ds.csv", []byte(csv))
	for _, keep := range []bool{false, true} {
		s, _ := openDemo(t)
		rep, err := s.ImportFileWith(ctx, store.ImportDelegates, path, store.ImportOptions{DryRun: true, KeepCase: keep})
		if err != nil || len(rep.Problems) > 0 {
			t.Fatalf("dry run: %v %+v", err, rep.Problems)
		}
		if rep.Capitals != 2 || rep.KeepCase != keep {
			t.Errorf("capitals %d keep %v", rep.Capitals, rep.KeepCase)
		}
		cases := fixesOf(rep, store.FixCase)
		if keep && len(cases) != 0 || !keep && (len(cases) != 2 || cases[0].Row != 2 || cases[0].From != "NGUYỄN KHÁNH MAI" ||
			cases[0].To != "Nguyễn Khánh Mai" || cases[1].To != "Đặng Thị Ứng") {
			t.Errorf("keep=%v: case fixes %+v", keep, cases)
		}
		looks := fixesOf(rep, store.FixLookalike)
		if len(looks) != 2 || looks[0].Row != 4 || looks[0].Column != "Họ và tên" || looks[0].To != "Đinh Thị Lài" ||
			!strings.Contains(looks[0].Letters, "U+00D0 → Đ U+0110") || looks[1].Column != "Đơn vị" || looks[1].To != "Đồng Hới" {
			t.Errorf("look-alike fixes %+v", looks)
		}
		if acc := fixesOf(rep, store.FixAccents); len(acc) != 1 || acc[0].Row != 5 || acc[0].To != "Lê Thị Thuỷ" {
			t.Errorf("accents fixes %+v", acc)
		}
		if !keep && !strings.Contains(rep.Rows[0].Label, "Nguyễn Khánh Mai") {
			t.Errorf("the preview shows %q", rep.Rows[0].Label)
		}
		rep, err = s.ImportFileWith(ctx, store.ImportDelegates, path, store.ImportOptions{KeepCase: keep})
		if err != nil || !rep.Applied {
			t.Fatalf("import: %v %+v", err, rep)
		}
		want := map[bool]string{false: "Nguyễn Khánh Mai", true: "NGUYỄN KHÁNH MAI"}[keep]
		if _, ok := delegateNamed(t, s, want); !ok {
			t.Errorf("keep=%v: %q not imported", keep, want)
		}
		if _, ok := delegateNamed(t, s, "Đinh Thị Lài"); !ok {
			t.Error("Ð not made Đ")
		}
		if d, ok := delegateNamed(t, s, "Lê Thị Thuỷ"); !ok || d.FullName != norm.NFC.String(d.FullName) {
			t.Error("decomposed name not imported as NFC")
		}
	}
}

// Text still in VNI or TCVN3 is refused with its row, its column and the
// encoding's name, one line for the file first; nothing is imported. Also
// when the csv itself is in the legacy bytes (read as Windows-1258).
func TestImportRefusesLegacyEncodings(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name, data string
		enc        string
	}{
		{"vni.csv", "Nguyeãn Thò Mai;Xaõ Quaûng Haûi\nTraàn Thò Lan;Xaõ Quaûng Haûi\nMai Lan;Xaõ Quaûng Haûi\n", "VNI"},
		{"tcvn3.csv", "NguyÔn ThÞ Mai;X· Qu¶ng H¶i\nTrÇn ThÞ Lan;X· Qu¶ng H¶i\n", "TCVN3"},
	} {
		for _, bytes := range []bool{false, true} {
			// a Unicode spreadsheet with names pasted from an old document
			data := []byte("Họ và tên;Đơn vị\n" + c.data)
			if bytes {
				// or the file an old program saved: its header in the
				// legacy bytes too ("Hoï vaø teân"), so no header is found
				// and the file-level line names the encoding
				head := map[string]string{"VNI": "Hoï vaø teân;Ñôn vò\n", "TCVN3": "Hä vµ tªn;§¬n vÞ\n"}[c.enc]
				data, _ = charmap.Windows1252.NewEncoder().Bytes([]byte(head + c.data))
				s, _ := openDemo(t)
				rep, err := s.ImportFile(ctx, store.ImportDelegates, writeFile(t, c.name, data), false)
				if err != nil || rep.Applied || len(rep.Problems) == 0 || rep.Problems[0].Code != "legacy_file" || !strings.Contains(rep.Problems[0].Msg, c.enc) {
					t.Errorf("%s as bytes: %v %+v", c.name, err, rep)
				}
				continue
			}
			s, _ := openDemo(t)
			before, _, _ := count(t, s)
			rep, err := s.ImportFile(ctx, store.ImportDelegates, writeFile(t, c.name, data), false)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Applied || len(rep.Problems) < 3 {
				t.Fatalf("%s (bytes %v): %+v", c.name, bytes, rep.Problems)
			}
			first := rep.Problems[0]
			if first.Code != "legacy_file" || first.Row != 0 || !strings.Contains(first.Msg, c.enc) {
				t.Errorf("%s: first problem %+v", c.name, first)
			}
			p := rep.Problems[1]
			if p.Code != "legacy_encoding" || p.Row != 2 || p.Column != "Họ và tên" || !strings.Contains(p.Msg, c.enc) || !strings.Contains(p.Msg, "Nguyễn Thị Mai") {
				t.Errorf("%s (bytes %v): row problem %+v", c.name, bytes, p)
			}
			if after, _, _ := count(t, s); after != before {
				t.Errorf("%s: %d delegates imported", c.name, after-before)
			}
		}
	}
}

// Last year's file, numbered the same way: its codes are other people's
// in this meeting. One line says so before the rows; a single such row
// is a typing mistake and gets no such line.
func TestImportOtherPeoplesCodes(t *testing.T) {
	ctx := context.Background()
	s, _ := openDemo(t)
	csv := "Mã;Họ và tên;Đơn vị\nPN001;Võ Thị Năm Ngoái;Phường Ba Đồn\nPN002;Cao Thị Cũ;Phường Ba Đồn\nPN003;Lê Thị Khác;Phường Ba Đồn\nPN004;Ngô Thị Kim Lệ;Phường Ba Đồn\n"
	rep, err := s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "nam-ngoai.csv", []byte(csv)), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 4 || rep.Problems[0].Code != "codes_others" || rep.Problems[0].Row != 0 ||
		!strings.HasPrefix(rep.Problems[0].Msg, "3 codes in the file are other people's in this meeting") {
		t.Fatalf("problems %+v", rep.Problems)
	}
	for _, p := range rep.Problems[1:] {
		if p.Code != "code_other_name" {
			t.Errorf("row problem %+v", p)
		}
	}
	one := "Mã;Họ và tên;Đơn vị\nPN001;Võ Thị Năm Ngoái;Phường Ba Đồn\nPN002;Nguyễn Thị Hoa;Phường Ba Đồn\nPN003;Đỗ Thị Lài;Phường Ba Đồn\n"
	rep, _ = s.ImportFile(ctx, store.ImportDelegates, writeFile(t, "one.csv", []byte(one)), true)
	if len(rep.Problems) != 1 || rep.Problems[0].Code != "code_other_name" {
		t.Errorf("one mistyped code: %+v", rep.Problems)
	}
}
