package setup_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"doithoai/store"
	"doithoai/store/docs"
	"doithoai/tui/i18n"
)

// TestAnswersTab: on the meeting's day, the tab sums each agency's
// prepared answers, r writes a reminder to the two agencies still
// missing some, Enter shows the highlighted agency's petitions, i opens
// the import of their answers, and the import brings the count down.
func TestAnswersTab(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 24)
	ctx := context.Background()
	s = press(s, "tab", "tab", "tab", "tab", "tab")
	v := s.View()
	for _, want := range []string{
		"Đến 18/10/2023: giao 14 · đã nhận 11 · còn thiếu 3 · trễ hạn 4",
		"Phòng Tài nguyên và Môi trường                       2       0         2       2",
		"Bảo hiểm Xã hội thị xã                               1       1         0       1",
		"── Phòng Nội vụ",
		"KN 8   đã nhận 02/10/2023",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("missing %q in\n%s", want, v)
		}
	}
	checkFits(t, "answers", v, 80, 24)

	s = press(s, "r")
	dir := docs.ExportDir(st.Path())
	files, _ := filepath.Glob(filepath.Join(dir, "don-doc-tra-loi-kien-nghi-*.docx"))
	if len(files) != 2 || !strings.Contains(s.View(), "Đã viết 2 công văn đôn đốc vào "+dir) {
		t.Fatalf("letters %v\n%s", files, s.View())
	}

	// down to TN&MT: its two petitions are overdue
	for range 6 {
		s = press(s, "down")
	}
	if v := s.View(); !strings.Contains(v, "KN 9   quá hạn 09/10/2023") || !strings.Contains(v, "KN 14  quá hạn 13/10/2023") {
		t.Fatalf("TN&MT's petitions:\n%s", v)
	}
	s = press(s, "enter")
	if !strings.Contains(s.View(), "Kiến nghị  Trả lời") || !strings.Contains(s.View(), "quá hạn 09/10") {
		t.Fatalf("enter: not the petitions tab\n%s", s.View())
	}
	if !helps(s, "enter", "sửa") {
		t.Fatal("not on the petitions list")
	}

	// back to the answers tab; i imports the answers TN&MT sent back
	s = press(s, "tab", "i")
	if !strings.Contains(s.View(), "> Trả lời của cơ quan") {
		t.Fatalf("i: the import form does not offer the answers\n%s", s.View())
	}
	file := writeFile(t, "tnmt.csv", "Số KN;Nội dung trả lời;Ngày gửi\n9;Theo quy định, giấy chứng nhận ghi tên cả vợ và chồng.;16/10/2023\n"+
		"14;Phòng sẽ tăng tần suất thu gom rác.;16/10/2023\n")
	s = press(s, "enter")
	s = typeText(s, file)
	s = press(s, "enter")
	if v := s.View(); !strings.Contains(v, "Sẽ thêm 0, cập nhật 2, giữ nguyên 0") {
		t.Fatalf("dry run:\n%s", v)
	}
	s = press(s, "enter", "shift+tab", "shift+tab") // past the apologies tab
	if v := s.View(); !strings.Contains(v, "giao 14 · đã nhận 13 · còn thiếu 1 · trễ hạn 4") {
		t.Fatalf("after the import:\n%s", v)
	}
	ps, _ := st.Petitions(ctx)
	if ps[8].ReceivedOn != "2023-10-16" || ps[8].PreparedAnswer == "" {
		t.Fatalf("9: %+v", ps[8])
	}
}

// TestAnswersMarkAsked: g records the day the assignments went out for
// the petitions without one, with a deadline; with none left it says so.
func TestAnswersMarkAsked(t *testing.T) {
	s, st := open(t, i18n.EN, 80, 24)
	ctx := context.Background()
	units, _ := st.Units(ctx)
	if _, err := st.SavePetition(ctx, store.Petition{Text: "Đề nghị lắp đèn chiếu sáng đường thôn", AgencyID: units[len(units)-1].ID}); err != nil {
		t.Fatal(err)
	}
	s = changed(press(s, "tab", "tab", "tab", "tab", "tab"))
	s = press(s, "g")
	v := s.View()
	// the test clock is the meeting's morning: today, and three days
	// before the meeting is past, so ten days from today
	if !strings.Contains(v, "Date asked for the 1 petition(s) without one") || !strings.Contains(v, "18/10/2023") || !strings.Contains(v, "28/10/2023") {
		t.Fatalf("form:\n%s", v)
	}
	s = press(s, "enter", "enter")
	ps, _ := st.Petitions(ctx)
	last := ps[len(ps)-1]
	if last.AskedOn != "2023-10-18" || last.DueOn != "2023-10-28" || !strings.Contains(s.View(), "Date asked recorded for 1 petition(s)") {
		t.Fatalf("%+v\n%s", last, s.View())
	}
	s = press(s, "g")
	if !strings.Contains(s.View(), "Every assigned petition has its date asked already.") {
		t.Fatalf("again:\n%s", s.View())
	}
}

// TestAnswersMarkAskedOneAgency: with the highlighted agency's letter only
// part of what waits, g asks whether the date is for it alone; choosing it
// leaves the other agency's petitions without a date.
func TestAnswersMarkAskedOneAgency(t *testing.T) {
	s, st := open(t, i18n.EN, 100, 30)
	ctx := context.Background()
	units, _ := st.Units(ctx)
	a, b := units[len(units)-1], units[len(units)-2]
	for _, p := range []store.Petition{{Text: "Đề nghị lắp đèn chiếu sáng", AgencyID: a.ID}, {Text: "Đề nghị sửa cầu treo", AgencyID: b.ID}} {
		if _, err := st.SavePetition(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	s = changed(press(s, "tab", "tab", "tab", "tab", "tab"))
	ps, _ := st.Petitions(ctx)
	rows, _ := store.PreparedByAgency(ps, units, "2023-10-18")
	for _, r := range rows {
		if r.AgencyID == a.ID {
			break
		}
		s = press(s, "down")
	}
	s = press(s, "g")
	v := s.View()
	if !strings.Contains(v, "Every agency (2 petition(s))") || !strings.Contains(v, "Only "+a.Name+" (1 petition(s))") {
		t.Fatalf("scope:\n%s", v)
	}
	s = press(s, "down", "enter", "enter", "enter")
	ps, _ = st.Petitions(ctx)
	for _, p := range ps {
		switch p.Text {
		case "Đề nghị lắp đèn chiếu sáng":
			if p.AskedOn != "2023-10-18" {
				t.Errorf("the highlighted agency's petition: %+v", p)
			}
		case "Đề nghị sửa cầu treo":
			if p.AskedOn != "" {
				t.Errorf("the other agency's petition marked: %+v", p)
			}
		}
	}
	if !strings.Contains(s.View(), "Date asked recorded for 1 petition(s)") {
		t.Fatalf("after:\n%s", s.View())
	}
}

// TestPetitionAnswerTypedIn: an answer phoned in and typed into the
// petition's form arrived today, unless another day is given.
func TestPetitionAnswerTypedIn(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 24)
	ctx := context.Background()
	s = press(s, "tab", "tab", "tab", "tab")
	for range 10 {
		s = press(s, "down")
	}
	s = press(s, "enter")
	if !strings.Contains(s.View(), "Sửa kiến nghị") {
		t.Fatalf("no form:\n%s", s.View())
	}
	// topic, text; code, unit; agency, asked, due; answer, received
	s = press(s, "enter", "tab", "enter", "enter", "enter", "enter", "enter")
	s = typeText(s, "Phòng Tư pháp sẽ tư vấn pháp luật lưu động.")
	s = press(s, "tab", "enter")
	ps, _ := st.Petitions(ctx)
	if p := ps[10]; p.No != 11 || p.ReceivedOn != "2023-10-18" || !strings.HasPrefix(p.PreparedAnswer, "Phòng Tư pháp sẽ") {
		t.Fatalf("%+v\n%s", p, s.View())
	}
	if v := s.View(); !strings.Contains(v, "nhận trễ 18/10") {
		t.Fatalf("list:\n%s", v)
	}
}

// TestDelegateProtocol: the delegate's form sets the order the MC
// introduces her in; a word there is refused at the field.
func TestDelegateProtocol(t *testing.T) {
	s, st := open(t, i18n.VI, 80, 24)
	ctx := context.Background()
	s = press(s, "tab", "tab", "tab")
	s = typeText(s, "le thanh ha")
	s = press(s, "enter")
	// name, title, phone, code, honorific; unit; group; to the order
	s = press(s, "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	if v := s.View(); !strings.Contains(v, "Thứ tự giới thiệu") || !strings.Contains(v, "> 2") {
		t.Fatalf("no order field:\n%s", v)
	}
	s = press(s, "backspace")
	s = typeText(s, "x")
	s = press(s, "enter")
	if v := s.View(); !strings.Contains(v, "Ghi một số") {
		t.Fatalf("a word accepted:\n%s", v)
	}
	s = press(s, "backspace")
	s = typeText(s, "7")
	s = press(s, "enter")
	if d, _ := st.DelegateByCode(ctx, "LD02"); d.Protocol != 7 {
		t.Fatalf("protocol %d\n%s", d.Protocol, s.View())
	}
}
