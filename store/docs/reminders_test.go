package docs

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"doithoai/store"
)

// TestPreparedReminders: on the day before the dialogue, the demo has
// two agencies missing answers; each gets one letter naming its
// petitions, their senders, the day asked and the deadline, in the
// layout of an administrative letter.
func TestPreparedReminders(t *testing.T) {
	_, s := demo(t)
	l, owed := s.PreparedReminders("2023-10-16")
	if len(owed) != 2 || owed[0].Agency != "Phòng Tư pháp" || owed[1].Agency != "Phòng Tài nguyên và Môi trường" || len(owed[1].Items) != 2 {
		t.Fatalf("owed %+v", owed)
	}
	if it := owed[1].Items[0]; it.Ref != "Kiến nghị số 9" || it.Since != "2023-09-25" || it.Due != "2023-10-09" || !strings.HasPrefix(it.From, "") {
		t.Fatalf("item %+v", it)
	}
	var buf bytes.Buffer
	if err := WriteReminder(&buf, s.Meeting, l, owed[1], opts); err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, buf.Bytes())
	a4(t, parts)
	text := plainText(t, parts["word/document.xml"])
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN\nTHỊ XÃ BA ĐỒN",
		"Số:        /UBND-NV",
		"V/v đôn đốc gửi nội dung trả lời kiến nghị phục vụ Chương trình đối thoại",
		"Kính gửi: Phòng Tài nguyên và Môi trường.",
		"Phòng Tài nguyên và Môi trường chưa gửi nội dung trả lời 02 kiến nghị sau:",
		"Kiến nghị số 9",
		"Nhiều giấy chứng nhận quyền sử dụng đất",
		"25/09/2023", "09/10/2023", "13/10/2023",
		// two days before the meeting is today: tomorrow, then
		"trước ngày tổ chức đối thoại (ngày 18 tháng 10 năm 2023)",
		"gửi về Phòng Nội vụ trước ngày 17/10/2023",
		"Nơi nhận:", "- Như trên;", "- Lưu: VT, NV.",
		"TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG", "Dương Quốc Bảo", // the demo's signer
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if strings.Contains(text, "Kiến nghị số 11") {
		t.Error("another agency's petition in the letter")
	}
	// the answers arrive: nothing left to chase
	for i := range s.Petitions {
		s.Petitions[i].ReceivedOn = "2023-10-17"
	}
	if _, owed := s.PreparedReminders("2023-10-17"); len(owed) != 0 {
		t.Fatalf("still owed: %+v", owed)
	}
}

func TestReportBy(t *testing.T) {
	for _, c := range []struct{ today, meeting, want string }{
		{"2023-10-01", "2023-10-18", "2023-10-04"},
		{"2023-10-15", "2023-10-18", "2023-10-16"},
		{"2023-10-17", "2023-10-18", "2023-10-18"},
		{"2023-10-20", "2023-10-18", "2023-10-21"},
		{"2023-10-01", "", "2023-10-04"},
	} {
		if got := reportBy(c.today, c.meeting); got != c.want {
			t.Errorf("reportBy(%s, %s) = %s, want %s", c.today, c.meeting, got, c.want)
		}
	}
}

// TestExportReminders writes one file per agency in one go, each named
// after its agency without accents; names that fold alike get a file each.
func TestExportReminders(t *testing.T) {
	dir := t.TempDir()
	l := Letter{Code: "UBND-NV", Subject: "đôn đốc", File: "don-doc", Day: "2023-10-16"}
	owed := []AgencyOwed{
		{Agency: "Phòng Tài nguyên và Môi trường", Items: []Owed{{Ref: "Kiến nghị số 9", Text: "Đất đai"}}},
		{Agency: "Phòng Tư pháp", Items: nil}, // nothing owed: no letter
		{Agency: "Phòng Tư Pháp", Items: []Owed{{Ref: "Kiến nghị số 11"}}},
		{Agency: "Phòng tư pháp!", Items: []Owed{{Ref: "Kiến nghị số 12"}}},
	}
	paths, err := ExportReminders(dir, store.Meeting{Title: "Hội nghị", Organiser: "Ủy ban nhân dân thị xã Ba Đồn"}, l, owed, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"don-doc-phong-tai-nguyen-va-moi-truong-2023-10-16.docx", "don-doc-phong-tu-phap-2023-10-16.docx", "don-doc-phong-tu-phap-2-2023-10-16.docx"}
	if len(paths) != len(want) {
		t.Fatalf("paths %v", paths)
	}
	for i, p := range paths {
		if filepath.Base(p) != want[i] {
			t.Errorf("file %d: %s, want %s", i, filepath.Base(p), want[i])
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docxParts(t, data)
	}
	if got := slug("Ủy ban MTTQVN thị xã – Đoàn Thanh niên Cộng sản Hồ Chí Minh", 30); got != "uy-ban-mttqvn-thi-xa-doan" {
		t.Errorf("slug %q", got)
	}
	if got := slug("¿?", 30); got != "co-quan" {
		t.Errorf("slug of nothing %q", got)
	}
}

// TestExportPreparedRemindersFromStore: from the meeting file, with the
// day taken from the clock.
func TestExportPreparedRemindersFromStore(t *testing.T) {
	st, _ := demo(t)
	dir := t.TempDir()
	o := Options{Loc: hcm, Now: time.Date(2023, 10, 12, 9, 0, 0, 0, hcm)}
	paths, err := ExportPreparedReminders(context.Background(), st, dir, o)
	if err != nil || len(paths) != 2 {
		t.Fatalf("%v, %v", paths, err)
	}
	if *outDir != "" {
		for _, p := range paths {
			data, _ := os.ReadFile(p)
			os.WriteFile(filepath.Join(*outDir, filepath.Base(p)), data, 0o644)
		}
	}
}
