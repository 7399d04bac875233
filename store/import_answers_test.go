package store_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"doithoai/assets"
	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/store/sheet"
)

// csvSheets is a table as the CSV reader gives it.
func csvSheets(t testing.TB, rows [][]string) []sheet.Sheet {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.WriteAll(rows)
	sh, err := sheet.ReadCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

func petitionByNo(t *testing.T, s *store.Store, no int) store.Petition {
	t.Helper()
	ps, _ := s.Petitions(context.Background())
	for _, p := range ps {
		if p.No == no {
			return p
		}
	}
	t.Fatalf("no petition %d", no)
	return store.Petition{}
}

const (
	answer9  = "Theo quy định của pháp luật đất đai, giấy chứng nhận phải ghi cả họ, tên vợ và họ, tên chồng."
	answer14 = "Phòng sẽ làm việc với đơn vị thu gom để tăng tần suất thu gom rác thải tại các thôn.\nThị xã khuyến khích mô hình phân loại rác tại nguồn."
)

// TestImportAnswers: TN&MT returns its two answers, one row by number, the
// other by the petition's text typed without accents and cut short; the
// answers and the days they were sent are kept, and the same file again
// changes nothing.
func TestImportAnswers(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	rows := [][]string{
		{"DANH SÁCH TRẢ LỜI KIẾN NGHỊ CỦA PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG"},
		{},
		{"STT", "Số KN", "Nội dung kiến nghị", "Cơ quan trả lời", "Nội dung trả lời", "Ngày gửi"},
		{"1", "9", "", "Phòng TN&MT", answer9, "16/10/2023"},
		{"2", "", "viec thu gom rac thai sinh hoat o mot so thon chua thuong xuyen, rac ton dong…", "TN&MT", answer14, ""},
		{"3", "", "Một kiến nghị khác chưa trả lời", "", "", ""},
	}
	rep, err := s.Import(ctx, store.ImportAnswers, "tra-loi-tnmt.csv", csvSheets(t, rows), false)
	if err != nil || !rep.Applied || len(rep.Problems) > 0 {
		t.Fatalf("%v %+v", err, rep)
	}
	if rep.Updated != 2 || rep.HeaderRow != 3 || rep.Rows[0].Label[:3] != "9. " || strings.Join(rep.Rows[1].Changes, ",") != "prepared_answer,received_on" {
		t.Fatalf("report %+v", rep)
	}
	p9, p14 := petitionByNo(t, s, 9), petitionByNo(t, s, 14)
	today := time.Now().Format("2006-01-02")
	if p9.PreparedAnswer != answer9 || p9.ReceivedOn != "2023-10-16" || p14.PreparedAnswer != answer14 || p14.ReceivedOn != today {
		t.Fatalf("9: %q %s; 14: %q %s", p9.PreparedAnswer, p9.ReceivedOn, p14.PreparedAnswer, p14.ReceivedOn)
	}
	h, _ := s.History(ctx, "petition", p9.ID, 1)
	if len(h) != 1 || !strings.Contains(h[0].After, "2023-10-16") {
		t.Fatalf("not audited: %+v", h)
	}
	rep, _ = s.Import(ctx, store.ImportAnswers, "tra-loi-tnmt.csv", csvSheets(t, rows), false)
	if rep.Updated != 0 || rep.Unchanged != 2 {
		t.Fatalf("second import %+v", rep)
	}
	// a corrected answer keeps the day the first one arrived
	rows[4][4] = answer14 + " (bổ sung)"
	rep, _ = s.Import(ctx, store.ImportAnswers, "tra-loi-tnmt.csv", csvSheets(t, rows), false)
	if p := petitionByNo(t, s, 14); rep.Updated != 1 || !strings.HasSuffix(p.PreparedAnswer, "(bổ sung)") || p.ReceivedOn != today {
		t.Fatalf("correction: %+v %+v", rep, p)
	}
}

// TestImportAnswersProblems: every row that cannot be placed is named
// with its row and column, and nothing at all is imported.
func TestImportAnswersProblems(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	units, _ := s.Units(ctx)
	// two petitions that share a long opening: a text cut inside it
	// matches both
	for _, text := range []string{"Đề nghị thị xã hỗ trợ kinh phí sửa chữa nhà văn hóa thôn Đông", "Đề nghị thị xã hỗ trợ kinh phí sửa chữa nhà văn hóa thôn Tây"} {
		if _, err := s.SavePetition(ctx, store.Petition{Text: text, AgencyID: units[6].ID}); err != nil {
			t.Fatal(err)
		}
	}
	before := auditCount(t, s)
	rows := [][]string{
		{"Số kiến nghị", "Nội dung kiến nghị", "Cơ quan trả lời", "Nội dung trả lời", "Ngày trả lời"},
		{"9", "", "", answer9, ""},                                                            // 2: fine alone
		{"99", "", "", "Trả lời", ""},                                                         // 3: no such number
		{"", "Đề nghị làm đường liên thôn", "", "Trả lời", ""},                                // 4: matches nothing
		{"", "de nghi thi xa ho tro kinh phi sua chua nha van hoa", "", "Trả lời", ""},        // 5: two petitions
		{"KN 9", "", "", "Trả lời lần hai", ""},                                               // 6: 9 again
		{"11", "", "Phòng Tài nguyên và Môi trường", "Trả lời", ""},                           // 7: 11 is Tư pháp's
		{"14", "", "", "Trả lời", "hôm qua"},                                                  // 8: not a date
		{"14", "Nhiều giấy chứng nhận quyền sử dụng đất là tài sản chung", "", "Trả lời", ""}, // 9: number and text disagree
		{"mười", "", "", "Trả lời", ""},                                                       // 10: not a number
		{"", "", "", "Trả lời không rõ cho kiến nghị nào", ""},                                // 11: nothing to match by
		{"3", "", "", "Trả lời", "01/09/2023"},                                                // 12: before the agency was asked
	}
	rep, err := s.Import(ctx, store.ImportAnswers, "tra-loi.csv", csvSheets(t, rows), false)
	if err != nil || rep.Applied {
		t.Fatalf("%v applied %v", err, rep.Applied)
	}
	want := map[int]string{3: "no_petition_no", 4: "no_petition_text", 5: "ambiguous_petition", 6: "answered_twice", 7: "other_agency",
		8: "date", 9: "text_other_petition", 10: "petition_no", 11: "answer_unmatched", 12: "error"}
	got := map[int]string{}
	for _, p := range rep.Problems {
		got[p.Row] = p.Code
	}
	for row, code := range want {
		if got[row] != code {
			t.Errorf("row %d: %q, want %q", row, got[row], code)
		}
	}
	if len(rep.Problems) != len(want) {
		t.Errorf("problems %+v", rep.Problems)
	}
	for _, p := range rep.Problems {
		switch p.Row {
		case 5:
			if !strings.Contains(p.Msg, "15, 16") || p.Column != "Nội dung kiến nghị" {
				t.Errorf("ambiguous: %+v", p)
			}
		case 6:
			if !strings.Contains(p.Msg, "row 2") {
				t.Errorf("twice: %+v", p)
			}
		case 12:
			if p.Column != "Ngày trả lời" {
				t.Errorf("date before asked: %+v", p)
			}
		}
	}
	if auditCount(t, s) != before || petitionByNo(t, s, 9).PreparedAnswer != "" {
		t.Fatal("a file with problems changed the meeting")
	}
}

// TestImportAnswersBySTT: a bare list with STT and the answers, as an
// agency types it in a hurry: STT is the petition's number.
func TestImportAnswersBySTT(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"STT", "Nội dung trả lời", "Ngày gửi"})
	f.SetSheetRow("Sheet1", "A2", &[]any{11, "Phòng Tư pháp sẽ phối hợp tổ chức tư vấn pháp luật lưu động.", time.Date(2023, 10, 17, 0, 0, 0, 0, time.UTC)})
	var buf bytes.Buffer
	f.Write(&buf)
	sheets, err := sheet.ReadXLSX(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Import(ctx, store.ImportAnswers, "tu-phap.xlsx", sheets, false)
	if err != nil || !rep.Applied {
		t.Fatalf("%v %+v", err, rep)
	}
	// Excel's own date cell (10-17-23) reads as 17 October
	if p := petitionByNo(t, s, 11); p.ReceivedOn != "2023-10-17" || p.Missing() {
		t.Fatalf("11: %+v", p)
	}
	ps, _ := s.Petitions(ctx)
	units, _ := s.Units(ctx)
	if _, tot := store.PreparedByAgency(ps, units, "2023-10-18"); tot.Missing != 2 {
		t.Fatalf("missing %d", tot.Missing)
	}
}

// FuzzImportAnswers: whatever a returned file holds, the import reports
// (a dry run writes nothing), every problem names a row of the file, and
// a file without problems names a petition on each row it reports.
func FuzzImportAnswers(f *testing.F) {
	for _, s := range []string{
		"Số KN,Nội dung trả lời\n9,Trả lời\n",
		"STT,Trả lời,Ngày gửi\n11,Có,45215\n",
		"Nội dung kiến nghị;Trả lời\nnhieu giay chung nhan quyen su dung dat la tai san chung;x\n",
		"Trả lời\n\n\n",
		"Số kiến nghị,Trả lời\n9999999999999,a\n-1,b\n",
		"\xef\xbb\xbfKiến nghị số,Trả lời\n14,\"a\nb\"\n14,c\n",
	} {
		f.Add([]byte(s))
	}
	s, _ := openDemoT(f)
	ctx := context.Background()
	mark, _ := s.ChangeMark(ctx)
	f.Fuzz(func(t *testing.T, data []byte) {
		sheets, err := sheet.ReadCSV(bytes.NewReader(data))
		if err != nil {
			return
		}
		rep, err := s.Import(ctx, store.ImportAnswers, "x.csv", sheets, true)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Applied {
			t.Fatal("a dry run applied")
		}
		last := 0
		for _, sh := range sheets {
			for _, r := range sh.Rows {
				last = max(last, r.N)
			}
		}
		for _, p := range rep.Problems {
			if p.Row < 0 || p.Row > last {
				t.Fatalf("problem on row %d of %d: %+v", p.Row, last, p)
			}
		}
		if len(rep.Problems) == 0 {
			for _, r := range rep.Rows {
				if r.Row < 1 || r.Row > last || !strings.Contains(r.Label, ". ") {
					t.Fatalf("row %+v", r)
				}
			}
		}
		if m, _ := s.ChangeMark(ctx); m != mark {
			t.Fatal("a dry run changed the meeting")
		}
	})
}

// openDemoT is openDemo for a fuzz target (testing.TB).
func openDemoT(tb testing.TB) (*store.Store, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "m.db")
	s, err := store.Open(context.Background(), path, store.Options{Create: true, NoWatch: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	seed, err := assets.Demo()
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.LoadSeed(context.Background(), seed); err != nil {
		tb.Fatal(err)
	}
	return s, path
}

// TestImportProtocol: the invitee list's "Thứ tự giới thiệu" column sets
// the order the MC introduces officials in; a second file changes it; an
// empty cell keeps it; a word there is a problem.
func TestImportProtocol(t *testing.T) {
	s, _ := openDemo(t)
	ctx := context.Background()
	rows := [][]string{
		{"Họ và tên", "Chức vụ", "Đơn vị", "Mã", "Thứ tự giới thiệu"},
		{"Nguyễn Văn Khách", "Giám đốc", "Sở Nội vụ", "KM01", "1"},
		{"Lê Thị Thanh Hà", "Phó Chủ tịch UBND thị xã", "UBND thị xã", "LD02", "5"},
		{"Trần Minh Đức", "", "", "LD01", ""},
	}
	rep, err := s.Import(ctx, store.ImportDelegates, "ds.csv", csvSheets(t, rows), false)
	if err != nil || !rep.Applied {
		t.Fatalf("%v %+v", err, rep)
	}
	k, _ := s.DelegateByCode(ctx, "KM01")
	h, _ := s.DelegateByCode(ctx, "LD02")
	d, _ := s.DelegateByCode(ctx, "LD01")
	if k.Protocol != 1 || h.Protocol != 5 || d.Protocol != 1 || strings.Join(rep.Rows[1].Changes, ",") != "protocol" {
		t.Fatalf("protocols %d %d %d; %+v", k.Protocol, h.Protocol, d.Protocol, rep.Rows)
	}
	rows[1][4] = "thứ nhất"
	rep, _ = s.Import(ctx, store.ImportDelegates, "ds.csv", csvSheets(t, rows), false)
	if rep.Applied || len(rep.Problems) != 1 || rep.Problems[0].Code != "protocol" || rep.Problems[0].Column != "Thứ tự giới thiệu" {
		t.Fatalf("a word as the order: %+v", rep.Problems)
	}
}

// BenchmarkImportAnswers1k: a meeting of 1,000 petitions and a returned
// file answering all of them, as a dry run: by text alone, cut short (the
// slowest way to match: each row against every petition's text), and by
// number (the baseline).
func BenchmarkImportAnswers1k(b *testing.B) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "m.db"), store.Options{Create: true, NoWatch: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.SaveMeeting(ctx, store.Meeting{Title: "bench"})
	agency, _ := s.SaveUnit(ctx, store.Unit{Name: "Phòng Nội vụ", Kind: store.UnitAgency})
	byText := [][]string{{"Nội dung kiến nghị", "Nội dung trả lời"}}
	byNo := [][]string{{"Số kiến nghị", "Nội dung trả lời"}}
	for i := range 1000 {
		text := fmt.Sprintf("Kiến nghị thứ %d của chị em phụ nữ về việc hỗ trợ vốn vay, đào tạo nghề và chăm sóc sức khỏe tại thôn %d", i, i*7)
		if _, err := s.SavePetition(ctx, store.Petition{Text: text, AgencyID: agency}); err != nil {
			b.Fatal(err)
		}
		byText = append(byText, []string{fold.Fold(text)[:70], "Trả lời"})
		byNo = append(byNo, []string{fmt.Sprint(i + 1), "Trả lời"})
	}
	for _, c := range []struct {
		name string
		rows [][]string
	}{{"text", byText}, {"number", byNo}} {
		sheets := csvSheets(b, c.rows)
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				rep, err := s.Import(ctx, store.ImportAnswers, "x.csv", sheets, true)
				if err != nil || len(rep.Problems) > 0 || rep.Updated != 1000 {
					b.Fatalf("%v %d problems, %d updated", err, len(rep.Problems), rep.Updated)
				}
			}
		})
	}
}
