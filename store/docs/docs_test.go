package docs

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"doithoai/store"
)

// -out DIR writes every document of the demo morning to DIR, to open by hand.
var outDir = flag.String("out", "", "write the demo documents to this folder")

var opts = Options{Loc: hcm, Now: time.Date(2023, 10, 18, 12, 0, 0, 0, hcm)}

func render(t *testing.T, s *Snapshot, k Kind, f Format, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, s, k, f, o); err != nil {
		t.Fatalf("%s %s: %v", k, f, err)
	}
	if *outDir != "" {
		name := FileName(k, f, s.Meeting)
		if o.WithContacts {
			name = "contacts-" + name
		}
		if err := os.WriteFile(filepath.Join(*outDir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

func TestEveryDocxOpensCleanly(t *testing.T) {
	_, s := demo(t)
	for _, k := range Kinds {
		if !Supports(k, DOCX) || Batch(k) {
			continue
		}
		t.Run(string(k), func(t *testing.T) {
			parts := docxParts(t, render(t, s, k, DOCX, opts))
			a4(t, parts)
			if strings.Contains(plainText(t, parts["word/document.xml"]), "0912000111") {
				t.Error("a phone number is in the document without WithContacts")
			}
		})
	}
}

func TestConclusionLayout(t *testing.T) {
	_, s := demo(t)
	parts := docxParts(t, render(t, s, Conclusion, DOCX, opts))
	doc := parts["word/document.xml"]
	text := plainText(t, doc)
	for _, bad := range []string{"Khác (", "Giao Ngân hàng", "Ông (Bà)"} {
		if strings.Contains(text, bad) {
			t.Errorf("conclusion has %q", bad)
		}
	}
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN\nTHỊ XÃ BA ĐỒN",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc",
		"Số:        /TB-UBND",
		"Ba Đồn, ngày      tháng      năm 2023",
		"THÔNG BÁO",
		"Kết luận của Chủ tịch UBND thị xã tại Chương trình đối thoại giữa Chủ tịch UBND thị xã với Phụ nữ thị xã Ba Đồn năm 2023",
		"Tham dự Chương trình có 4 đại biểu",
		"Giao Phòng Lao động - Thương binh và Xã hội nghiên cứu, trả lời bằng văn bản",
		"trước ngày 15/11/2023",
		"Giao Phòng Y tế nghiên cứu, trả lời bằng văn bản",
		"trước ngày 30/11/2023",
		// a bank is asked, not assigned; askers with honorific, title, unit
		"- Đề nghị Ngân hàng Chính sách xã hội thị xã tổng hợp, báo cáo cấp có thẩm quyền xem xét, giải quyết ý kiến của bà Lê Thị Hoa (phường Quảng Thọ)",
		"2. Giao nhiệm vụ, đề nghị",
		"+ Bà Hoàng Thị Duyên, Chi hội trưởng phụ nữ thôn Bắc, xã Quảng Sơn: Đề nghị mở lớp",
		"+ Bà Lê Thị Hoa, phường Quảng Thọ: Thủ tục vay vốn",
		"gồm: lãnh đạo thị xã (1); Ban Đảng, MTTQ (1); đại biểu phụ nữ (1) và 1 đại biểu khác.",
		// every agency tasked and the office that follows up
		"- Phòng Lao động - Thương binh và Xã hội;\n- Phòng Y tế;\n- Ngân hàng Chính sách xã hội thị xã;\n- Phòng Nội vụ;",
		"Nơi nhận:",
		"- Lưu: VT, NV.",
		"CHỦ TỊCH",
		"Trần Minh Đức",
		"- Về đào tạo nghề, việc làm (1 ý kiến):",
		"Thường trực Thị ủy",
		"Đề nghị khám sàng lọc ung thư vú",
		"<đề nghị> đơn giản hóa & rút ngắn",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("conclusion lacks %q", want)
		}
	}
	// The header table has no borders; the date line is italic; the
	// recipients heading is bold italic 12 pt; the title 14 pt by default.
	if !strings.Contains(doc, `<w:top w:val="nil"/>`) {
		t.Error("header table has borders")
	}
	if _, p := find(t, paragraphs(t, doc), "Ba Đồn, ngày"); !p.Runs[0].Ital {
		t.Error("date line is not italic")
	}
	if !strings.Contains(doc, `<w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr><w:t xml:space="preserve">Nơi nhận:`) {
		t.Error("Nơi nhận is not bold italic 12 pt")
	}
	if !strings.Contains(parts["word/styles.xml"], `<w:sz w:val="28"/>`) {
		t.Error("body is not 14 pt")
	}
	// Nơi nhận is left of the signature: same row of one table.
	if i, j := strings.Index(text, "Nơi nhận:"), strings.LastIndex(text, "CHỦ TỊCH"); i < 0 || j < i {
		t.Error("signature block is not after (right of) Nơi nhận")
	}
}

func TestConclusionSignature(t *testing.T) {
	_, s := demo(t)
	s.Meeting.ChairTitle = "Phó Chủ tịch UBND thị xã"
	// Not render: -out keeps the demo's own notice.
	conclusion := func() []byte {
		var buf bytes.Buffer
		if err := Write(&buf, s, Conclusion, DOCX, opts); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	// The demo's notice is signed by order of the Chairman.
	text := plainText(t, docxParts(t, conclusion())["word/document.xml"])
	if !strings.Contains(text, "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\n\n\n\n\nDương Quốc Bảo") {
		t.Errorf("the demo's notice is not signed TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG by Dương Quốc Bảo:\n%s", text[strings.Index(text, "Nơi nhận"):])
	}
	s.Meeting.SignAs, s.Meeting.Signer, s.Meeting.SignerTitle = store.SignKT, "Lê Thị Thanh Hà", ""
	if text = plainText(t, docxParts(t, conclusion())["word/document.xml"]); !strings.Contains(text, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\n\n\nLê Thị Thanh Hà") {
		t.Error("KT. without a title is not signed KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
	}
	s.Meeting.SignAs = store.SignChair
	if text = plainText(t, docxParts(t, conclusion())["word/document.xml"]); !strings.Contains(text, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\n\n\nTrần Minh Đức") {
		t.Error("a vice-chairman chairing and signing himself does not sign KT. CHỦ TỊCH")
	}
	s.Meeting.ChairTitle = "Chủ tịch UBND thị xã"
	if text = plainText(t, docxParts(t, conclusion())["word/document.xml"]); !strings.Contains(text, "\nCHỦ TỊCH\n\n\n\n\n\nTrần Minh Đức") {
		t.Error("the Chairman signing himself does not sign CHỦ TỊCH")
	}
	s.Meeting.Organiser = "Hội đồng nhân dân xã Quảng Hải"
	text = plainText(t, docxParts(t, conclusion())["word/document.xml"])
	if !strings.Contains(text, "HỘI ĐỒNG NHÂN DÂN XÃ QUẢNG HẢI") {
		t.Error("issuing body not uppercased from the organiser")
	}
}

func readXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot open the export: %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

func TestAttendanceXLSX(t *testing.T) {
	_, s := demo(t)
	for _, contacts := range []bool{false, true} {
		o := opts
		o.WithContacts = contacts
		x := readXLSX(t, render(t, s, Attendance, XLSX, o))
		rows, err := x.GetRows("Danh sách")
		if err != nil {
			t.Fatal(err)
		}
		head := rows[3]
		want := []string{"STT", "Số ký tên", "Họ và tên", "Mã", "Chức vụ", "Đơn vị", "Thành phần", "Giờ đến", "Ghi chú"}
		if contacts {
			want = append(want, "Điện thoại")
		}
		want = append(want, "Ký tên")
		if !slices.Equal(head, want) {
			t.Fatalf("header %q, want %q", head, want)
		}
		body := rows[4:]
		if len(body) != len(s.Delegates) || len(s.Delegates) != 141 {
			t.Fatalf("%d rows for %d delegates", len(body), len(s.Delegates))
		}
		col := func(name string) int { return slices.Index(head, name) }
		arrived := map[string]string{}
		for _, r := range body {
			for len(r) < len(head) {
				r = append(r, "")
			}
			if r[col("Giờ đến")] != "" {
				arrived[r[col("Họ và tên")]] = r[col("Giờ đến")] + "|" + r[col("Ghi chú")]
			}
			if r[col("Ký tên")] != "" {
				t.Errorf("signature column not empty: %q", r)
			}
		}
		wantArr := map[string]string{"Trần Minh Đức": "07:08|", "Hoàng Thị Minh Nguyệt": "07:17|", "Phạm Thị Vãng Lai": "07:21|" + walkInNote}
		for name, v := range wantArr {
			if arrived[name] != v {
				t.Errorf("%s: arrival %q, want %q", name, arrived[name], v)
			}
		}
		if len(arrived) != 4 {
			t.Errorf("%d arrivals in the list, want 4: %v", len(arrived), arrived)
		}
		all, _ := x.GetRows("Danh sách")
		phone := false
		for _, r := range all {
			if slices.Contains(r, "0912000111") || slices.Contains(r, "0387659951") {
				phone = true
			}
		}
		if phone != contacts {
			t.Errorf("phones present = %v with contacts = %v", phone, contacts)
		}
		// The tally sheet: by group, total last.
		tr, err := x.GetRows("Theo thành phần")
		if err != nil {
			t.Fatal(err)
		}
		head, got := tr[0], tr[len(tr)-1]
		for col, want := range map[string]string{"Thành phần": "Tổng cộng", "Số được mời": "140", "Có mặt": "4", "Trong đó ngoài danh sách": "1",
			"Trong đó dự thay": "0", "Vắng có lý do": "3", "Vắng không lý do": "134"} {
			if i := slices.Index(head, col); i < 0 || got[i] != want {
				t.Errorf("total row %q under %q: %s is not %s", got, head, col, want)
			}
		}
	}
}

func TestSigninSheetNumbers(t *testing.T) {
	st, _ := demo(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "out", "sheet.xlsx")
	if err := Export(ctx, st, Signin, XLSX, path, opts); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := readXLSX(t, data).GetRows("Danh sách")
	if rows[3][0] != "Số TT" || slices.Contains(rows[3], "Giờ đến") {
		t.Fatalf("sign-in header %q", rows[3])
	}
	// Row N of the sheet is the delegate the desk finds as #N.
	for i, r := range rows[4:] {
		if r[0] == guestHead {
			break // the guests' blank rows (TestSigninGuestRows)
		}
		if r[0] != itoa(i+1) {
			t.Fatalf("row %d numbered %q", i+1, r[0])
		}
		d, err := st.DelegateBySheetNo(ctx, i+1)
		if err != nil {
			t.Fatal(err)
		}
		if d.Code != r[1] || d.FullName != r[2] {
			t.Fatalf("#%d is %s %s on paper but %s %s in the store", i+1, r[1], r[2], d.Code, d.FullName)
		}
	}
	if len(rows)-4 != 141+1+blankRows {
		t.Fatalf("%d rows, want 141 delegates, the guests' heading and %d blank rows", len(rows)-4, blankRows)
	}
	// A second export keeps the numbers.
	if err := Export(ctx, st, Signin, CSV, filepath.Join(t.TempDir(), "s.csv"), opts); err != nil {
		t.Fatal(err)
	}
	d, _ := st.DelegateBySheetNo(ctx, 1)
	if d.Code != rows[4][1] {
		t.Error("numbers changed on a second export")
	}
}

func TestAttendanceCSV(t *testing.T) {
	_, s := demo(t)
	data := render(t, s, Attendance, CSV, opts)
	if !bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Error("no BOM for Excel")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 142 || recs[0][2] != "Họ và tên" {
		t.Fatalf("%d records, header %q", len(recs), recs[0])
	}
	if bytes.Contains(data, []byte("0912000111")) {
		t.Error("phone in CSV without contacts")
	}
	if !bytes.Contains(data, []byte("\r\n")) {
		t.Error("not CRLF")
	}
}

func TestFollowupXLSX(t *testing.T) {
	_, s := demo(t)
	x := readXLSX(t, render(t, s, Followup, XLSX, opts))
	rows, _ := x.GetRows("Theo dõi")
	if !slices.Equal(rows[3], followHeader) {
		t.Fatalf("header %q", rows[3])
	}
	body := rows[4:]
	if len(body) != 3 {
		t.Fatalf("%d follow-up rows, want 3 (2 written, 1 referred)", len(body))
	}
	// By agency in unit order: LĐ-TB&XH, Y tế, then NHCSXH.
	got := []string{body[0][1] + " " + body[0][3], body[1][1] + " " + body[1][3], body[2][1] + " " + body[2][3]}
	want := []string{"Phòng Lao động - Thương binh và Xã hội 15/11/2023", "Phòng Y tế 30/11/2023", "Ngân hàng Chính sách xã hội thị xã "}
	for i := range want {
		if strings.TrimSpace(got[i]) != strings.TrimSpace(want[i]) {
			t.Errorf("row %d: %q, want %q", i, got[i], want[i])
		}
	}
	sum, _ := x.GetRows("Theo cơ quan")
	if len(sum) != 4 || sum[1][0] != "Phòng Lao động - Thương binh và Xã hội" || sum[1][1] != "1" || sum[1][3] != "15/11/2023" {
		t.Errorf("summary %q", sum)
	}
	parts := docxParts(t, render(t, s, Followup, DOCX, opts))
	text := plainText(t, parts["word/document.xml"])
	for _, w := range []string{"Phòng Y tế", "30/11/2023", "Đề nghị khám sàng lọc", "Chuyển cấp có thẩm quyền"} {
		if !strings.Contains(text, w) {
			t.Errorf("follow-up docx lacks %q", w)
		}
	}
}

func TestMinutes(t *testing.T) {
	_, s := demo(t)
	md := string(render(t, s, Minutes, MD, opts))
	text := plainText(t, docxParts(t, render(t, s, Minutes, DOCX, opts))["word/document.xml"])
	for _, q := range s.Questions {
		for _, doc := range []string{md, text} {
			if !strings.Contains(doc, strings.TrimSpace(q.Text)) {
				t.Errorf("minutes lack question %q", q.Text)
			}
			for _, a := range q.Answers {
				if !strings.Contains(doc, a.Person) || !strings.Contains(doc, a.Summary) {
					t.Errorf("minutes lack answer %+v", a)
				}
			}
		}
	}
	for _, w := range []string{"Ý kiến 1 (09:10): " + s.Questions[0].AskerName, "Kiến nghị số 1", "Trả lời bằng văn bản — giao Phòng Y tế, hạn 30/11/2023",
		"Đã nêu tại hội nghị: 1/", "Phát biểu khai mạc — Trần Minh Đức, Chủ tịch UBND thị xã (07:55–08:06)", "Giải lao (không thực hiện)",
		"bắt đầu lúc 07 giờ 35", "Hội nghị kết thúc vào lúc 10 giờ 57 cùng ngày. Biên bản đã được thông qua trước hội nghị", "Kiến nghị số 2 (Đào tạo nghề, việc làm) — Phường Quảng Phúc", "Chuyển cấp có thẩm quyền — Ngân hàng Chính sách xã hội thị xã tham mưu", "Tiếp thu",
		"Thư ký: Phan Thị Oanh, Chuyên viên Phòng Nội vụ", "- Hội Liên hiệp Phụ nữ thị xã;", "- Phòng Nội vụ;", "- Lưu: VT, NV."} {
		if !strings.Contains(md, w) {
			t.Errorf("minutes.md lacks %q", w)
		}
		if !strings.Contains(text, w) {
			t.Errorf("minutes.docx lacks %q", w)
		}
	}
	if !strings.Contains(text, "Ba Đồn, ngày 18 tháng 10 năm 2023") {
		t.Error("the minutes' date line is not filled in")
	}
	if !strings.Contains(text, "THƯ KÝ\n\n\n\n\n\nPhan Thị Oanh") || !strings.Contains(md, "| Phan Thị Oanh | Trần Minh Đức |") {
		t.Error("the secretary's name is not under THƯ KÝ")
	}
}

func TestInvitations(t *testing.T) {
	_, s := demo(t)
	parts := docxParts(t, render(t, s, Invitations, DOCX, opts))
	invited := -1 // the chair is not invited to his own meeting
	for _, d := range s.Delegates {
		if !d.WalkIn {
			invited++
		}
	}
	pngs := 0
	for name, body := range parts {
		if strings.HasPrefix(name, "word/media/") {
			pngs++
			if !strings.HasPrefix(body, "\x89PNG") {
				t.Errorf("%s is not a PNG", name)
			}
		}
	}
	if pngs != invited {
		t.Errorf("%d QR pictures for %d invited delegates", pngs, invited)
	}
	text := plainText(t, parts["word/document.xml"])
	if strings.Count(text, "GIẤY MỜI") != invited || !strings.Contains(text, "07 giờ 30, Thứ Tư, ngày 18/10/2023") {
		t.Error("cards lack name, title or time")
	}
	// addressed by their honorific; "Ông (Bà)" only where it is not known
	for _, want := range []string{"Kính gửi: Bà Lê Thị Thanh Hà", "trân trọng kính mời Bà tới dự", "Đề nghị Bà mang theo giấy mời",
		"Kính gửi: Ông Đinh Văn Toàn"} {
		if !strings.Contains(text, want) {
			t.Errorf("cards lack %q", want)
		}
	}
	if strings.Contains(text, "Trần Minh Đức\n") || strings.Contains(text, "Ông (Bà) Lê Thị") {
		t.Error("the chair is invited to his own meeting, or a known honorific reads Ông (Bà)")
	}
	if strings.Contains(text, "Vãng Lai") {
		t.Error("a walk-in got an invitation")
	}
	// Two cards per page.
	if n := strings.Count(parts["word/document.xml"], "<w:pageBreakBefore/>"); n != (invited+1)/2-1 {
		t.Errorf("%d page breaks for %d cards", n, invited)
	}
}

func TestKindsAndFormats(t *testing.T) {
	_, s := demo(t)
	var buf bytes.Buffer
	if err := Write(&buf, s, Conclusion, XLSX, opts); err == nil {
		t.Error("conclusion as xlsx accepted")
	}
	if _, ok := ParseKind("nonsense"); ok {
		t.Error("unknown kind parsed")
	}
	for _, k := range Kinds {
		if len(Formats(k)) == 0 {
			t.Errorf("%s has no format", k)
		}
		for _, f := range Formats(k) {
			if FileName(k, f, s.Meeting) == "" {
				t.Error("empty file name")
			}
		}
	}
}

func TestEmptyMeeting(t *testing.T) {
	// A meeting with nothing recorded still produces every document.
	s := &Snapshot{}
	s.Meeting.Title = "Hội nghị"
	for _, k := range Kinds {
		if Batch(k) {
			continue // TestFollowupDocuments writes the reminders
		}
		for _, f := range Formats(k) {
			var buf bytes.Buffer
			if err := Write(&buf, s, k, f, opts); err != nil {
				t.Errorf("%s %s: %v", k, f, err)
			}
			if f == DOCX {
				docxParts(t, buf.Bytes())
			}
		}
	}
}

func TestSummarize(t *testing.T) {
	_, s := demo(t)
	sum := s.Summarize()
	if sum.Invited != 140 || sum.Arrived != 4 || sum.WalkIns != 1 || sum.Absent != 137 {
		t.Errorf("attendance %+v", sum)
	}
	if sum.Questions != 3 || sum.Answers != 5 || sum.ByOutcome["written"] != 2 || sum.ByOutcome["referred"] != 1 || sum.PetitionsRaised != 1 {
		t.Errorf("dialogue %+v", sum)
	}
	if len(sum.Due) != 3 || sum.Due[0].Written != 1 || sum.Due[0].Earliest != "2023-11-15" || sum.Due[2].Referred != 1 {
		t.Errorf("due %+v", sum.Due)
	}
}
