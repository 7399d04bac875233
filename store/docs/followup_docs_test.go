package docs

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"doithoai/assets"
	"doithoai/store"
)

// held is the demo meeting held on 18/10/2023 as it stands a month later
// (store.CreateHeldDemo), with its register as of 17/11/2023.
func held(t *testing.T) (*store.Store, *Snapshot, Options) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "held.db")
	seed, _ := assets.Demo()
	h, err := assets.DemoHeld()
	if err != nil {
		t.Fatal(err)
	}
	if err := store.CreateHeldDemo(ctx, path, seed, h, "2023-10-18"); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2023, 11, 17, 10, 0, 0, 0, hcm)
	st, err := store.Open(ctx, path, store.Options{NoWatch: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s, err := Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.loadRegister(ctx, st); err != nil {
		t.Fatal(err)
	}
	if s.Register.Today != "2023-11-17" {
		t.Fatalf("register as of %s", s.Register.Today)
	}
	return st, s, Options{Loc: hcm, Now: now}
}

func TestFollowupDocuments(t *testing.T) {
	st, s, o := held(t)
	ctx := context.Background()

	t.Run("register xlsx", func(t *testing.T) {
		x := readXLSX(t, render(t, s, Register, XLSX, o))
		sh := "Sổ theo dõi"
		rows, _ := x.GetRows(sh)
		if len(rows) != 4+len(s.Register.Obligations) || rows[3][0] != "STT" || rows[3][8] != "Trạng thái" {
			t.Fatalf("%d rows, header %q", len(rows), rows[3])
		}
		if rows[4][8] != "Quá hạn 5 ngày" {
			t.Errorf("first row %q: the overdue item leads", rows[4])
		}
		// the due date is a date cell shown dd/mm/yyyy
		raw, _ := x.GetCellValue(sh, "H5", excelize.Options{RawCellValue: true})
		shown, _ := x.GetCellValue(sh, "H5")
		if raw != "45242" || shown != "12/11/2023" {
			t.Errorf("due date cell: raw %q shown %q", raw, shown)
		}
		// the status is coloured
		id, _ := x.GetCellStyle(sh, "I5")
		st, _ := x.GetStyle(id)
		if st == nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != statusFill["overdue"] {
			t.Errorf("overdue cell fill %+v", st)
		}
		panes, _ := x.GetPanes(sh)
		if !panes.Freeze || panes.YSplit != 4 {
			t.Errorf("header not frozen: %+v", panes)
		}
		layout, _ := x.GetPageLayout(sh)
		if layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 {
			t.Errorf("page layout %+v", layout)
		}
		if names := x.GetDefinedName(); !hasName(names, "_xlnm._FilterDatabase") {
			t.Errorf("no filter: %+v", names)
		}
		sums, _ := x.GetRows("Theo cơ quan")
		if last := sums[len(sums)-1]; last[0] != "Tổng cộng" || last[1] != "16" {
			t.Errorf("per agency total %q", last)
		}
	})

	t.Run("register csv", func(t *testing.T) {
		b := render(t, s, Register, CSV, o)
		if !bytes.HasPrefix(b, []byte("\uFEFF")) {
			t.Error("no BOM")
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
		if err != nil || len(recs) != 1+len(s.Register.Obligations) {
			t.Fatalf("%d records, %v", len(recs), err)
		}
		// what someone typed as a formula stays text
		var buf bytes.Buffer
		evil := &store.Register{Obligations: []store.Obligation{{Key: "a1", Kind: store.KindWritten, Agency: "@SUM(A1)", Text: "=HYPERLINK(\"http://x\")", Asker: "+84 912"}}}
		if err := WriteRegister(&buf, evil, CSV, false, o); err != nil {
			t.Fatal(err)
		}
		recs, _ = csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\uFEFF")))).ReadAll()
		if r := recs[1]; r[2] != "'@SUM(A1)" || r[5] != "'=HYPERLINK(\"http://x\")" || r[3] != "'+84 912" {
			t.Errorf("formula cells: %q", r)
		}
	})

	t.Run("reminders", func(t *testing.T) {
		l, owed := OverdueReminders(s.Meeting, s.office(), s.Register)
		if len(owed) != 1 || owed[0].Agency != "Phòng Giáo dục và Đào tạo" || len(owed[0].Items) != 1 ||
			owed[0].Items[0].Ref != "Ý kiến số 13, Kiến nghị số 13" || owed[0].Items[0].Due != "2023-11-12" {
			t.Fatalf("owed %+v", owed)
		}
		var buf bytes.Buffer
		if err := WriteReminder(&buf, s.Meeting, l, owed[0], o); err != nil {
			t.Fatal(err)
		}
		text := plainText(t, docxParts(t, buf.Bytes())["word/document.xml"])
		for _, want := range []string{"Kính gửi: Phòng Giáo dục và Đào tạo.", "V/v đôn đốc trả lời ý kiến", "chưa gửi văn bản trả lời 01 nội dung đã quá hạn",
			"Con công nhân làm theo ca", "12/11/2023", "TL. CHỦ TỊCH", "Lưu: VT, NV."} {
			if !strings.Contains(text, want) {
				t.Errorf("reminder lacks %q", want)
			}
		}
		dir := t.TempDir()
		files, err := ExportOverdueReminders(ctx, st, dir, o)
		if err != nil || len(files) != 1 || filepath.Base(files[0]) != "don-doc-tra-loi-sau-doi-thoai-phong-giao-duc-va-dao-tao-2023-11-17.docx" {
			t.Errorf("files %v, %v", files, err)
		}
	})

	t.Run("results", func(t *testing.T) {
		text := plainText(t, docxParts(t, render(t, s, Results, DOCX, o))["word/document.xml"])
		for _, want := range []string{"THÔNG BÁO", "Kết quả trả lời ý kiến, kiến nghị của đại biểu", "đại biểu đã nêu 25 ý kiến",
			"1. Về đào tạo nghề, việc làm", "văn bản số 215/NHCS-KHNV ngày 30/10/2023", "Đã gia hạn nợ cho 07 hộ",
			"đã chuyển Sở Kế hoạch và Đầu tư tỉnh Quảng Bình", "đang xem xét, trả lời (hạn 12/11/2023)", "Các đại biểu dự Chương trình"} {
			if !strings.Contains(text, want) {
				t.Errorf("results notice lacks %q", want)
			}
		}
	})

	t.Run("report", func(t *testing.T) {
		text := plainText(t, docxParts(t, render(t, s, Report, DOCX, o))["word/document.xml"])
		for _, want := range []string{"BÁO CÁO", "I. TÌNH HÌNH CHUNG", "16 nội dung", "Tỷ lệ trả lời đúng hạn: 62,5 %", "II. KẾT QUẢ THEO CƠ QUAN",
			"III. KẾT QUẢ THEO LĨNH VỰC", "IV. KẾT QUẢ GIẢI QUYẾT", "Đã chuyển cấp có thẩm quyền", "quá hạn 5 ngày", "UBND tỉnh (để b/c)"} {
			if !strings.Contains(text, want) {
				t.Errorf("report lacks %q", want)
			}
		}
	})
}

func hasName(names []excelize.DefinedName, want string) bool {
	for _, n := range names {
		if n.Name == want {
			return true
		}
	}
	return false
}

// TestFollowupDocumentsRendered prints the notice, the report and a
// reminder with LibreOffice: the page number from page 2 on, and the
// signature on the page that ends the text.
func TestFollowupDocumentsRendered(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: LibreOffice not run")
	}
	_, s, o := held(t)
	dir := t.TempDir()
	for _, k := range []Kind{Results, Report} {
		b := render(t, s, k, DOCX, o)
		os.WriteFile(filepath.Join(dir, string(k)+".docx"), b, 0o644)
	}
	l, owed := OverdueReminders(s.Meeting, s.office(), s.Register)
	if _, err := ExportReminders(dir, s.Meeting, l, owed, o); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, dir)
	if len(pages) != 3 {
		t.Fatalf("%d documents printed", len(pages))
	}
	for name, ps := range pages {
		for i, p := range ps[1:] {
			if got := firstLine(p); got != strconv.Itoa(i+2) {
				t.Errorf("%s: page %d begins %q", name, i+2, got)
			}
		}
		last := collapse(ps[len(ps)-1])
		if !strings.Contains(last, "Dương Quốc Bảo") || !strings.Contains(last, "TL. CHỦ TỊCH") || !strings.Contains(last, "./.") {
			t.Errorf("%s: the last page has not the end of the text with the signature:\n%s", name, last)
		}
	}
}
