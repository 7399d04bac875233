package docs

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"doithoai/store"
)

// TestBriefing: the Chairman's briefing of the demo, printed two days
// before the day: the office's report header, the meeting's facts, every
// petition under its topic with sender, agency and answer, the three
// missing ones marked, the agencies with their contact people (phones
// only with contacts), signed by the office's head.
func TestBriefing(t *testing.T) {
	_, s := demo(t)
	o := Options{Loc: hcm, Now: time.Date(2023, 10, 16, 15, 0, 0, 0, hcm)}
	parts := docxParts(t, render(t, s, Briefing, DOCX, o))
	a4(t, parts)
	text := plainText(t, parts["word/document.xml"])
	in := func(want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("missing %q", w)
			}
		}
	}
	in("UBND THỊ XÃ BA ĐỒN\nPHÒNG NỘI VỤ", "Số:        /BC-NV", "BÁO CÁO",
		"Tổng hợp kiến nghị và nội dung trả lời của các cơ quan, đơn vị",
		"Thời gian: 07 giờ 30, thứ Tư, ngày 18 tháng 10 năm 2023.",
		"Địa điểm: Hội trường UBND thị xã Ba Đồn.",
		"Chủ trì: Đồng chí Trần Minh Đức, Chủ tịch UBND thị xã.",
		"Chủ đề: “Thúc đẩy bình đẳng giới",
		"- 07:30: Chương trình văn nghệ chào mừng",
		"- 10:45: Bế mạc",
		"Đến ngày 16/10/2023, đã nhận 11 nội dung trả lời; còn 03 kiến nghị chưa có nội dung trả lời",
		"1. Về đào tạo nghề, việc làm (02 kiến nghị)",
		"8. Về các vấn đề khác (02 kiến nghị)",
		"Kiến nghị số 1 – ",
		"Kiến nghị số 2 – Phường Quảng Phúc: Một số lao động nữ",
		"Cơ quan trả lời: Phòng Lao động - Thương binh và Xã hội (nhận ngày 05/10/2023):",
		"Cơ quan trả lời: Bảo hiểm Xã hội thị xã (nhận ngày 13/10/2023, sau hạn 09/10/2023):",
		"[CHƯA CÓ NỘI DUNG TRẢ LỜI – hạn 09/10/2023, đã quá hạn]",
		"Kiến nghị chưa có nội dung trả lời: số 11 (Phòng Tư pháp); số 9, 14 (Phòng Tài nguyên và Môi trường).",
		"III. CÁC CƠ QUAN, ĐƠN VỊ ĐƯỢC GIAO TRẢ LỜI",
		"Nguyễn Văn Hải",
		"Phòng Nội vụ kính báo cáo Chủ tịch UBND thị xã xem xét./.",
		"TRƯỞNG PHÒNG", "Đinh Văn Toàn", "- Lưu: VT, NV.",
		// the apologies known so far, a substitute named but not yet due
		"Đại biểu đã báo vắng (đến ngày 16/10/2023): ",
		"Phan Văn Lực, Trưởng phòng Nông nghiệp và Phát triển nông thôn (Đi công tác tại Sở Nông nghiệp và PTNT tỉnh; cử Nguyễn Hữu Hùng dự thay)",
	)
	if strings.Contains(text, "không đến") {
		t.Error("the briefing, before the day, says a substitute did not come")
	}
	if n := strings.Count(text, "[CHƯA CÓ NỘI DUNG TRẢ LỜI"); n != 3 {
		t.Errorf("%d answers marked missing, want 3", n)
	}
	// topics in the meeting's order: each heading after the one before
	last := -1
	for _, tp := range []string{"Về đào tạo nghề", "Về vay vốn", "Về doanh nghiệp", "Về chăm sóc sức khỏe", "Về bình đẳng giới", "Về phòng chống bạo lực", "Về cơ chế", "Về các vấn đề khác"} {
		i := strings.Index(text, tp)
		if i < last {
			t.Errorf("%q out of order", tp)
		}
		last = i
	}
	if strings.Contains(text, "0912340107") {
		t.Error("a contact's phone without --with-contacts")
	}
	o.WithContacts = true
	if text := plainText(t, docxParts(t, render(t, s, Briefing, DOCX, o))["word/document.xml"]); !strings.Contains(text, "0912340107") {
		t.Error("no contact phone with contacts")
	}
}

// TestBriefingCarried: a meeting started with `init --carry-from` has the
// items last year left open; the briefing lists them, with the agency, due
// date and status, and leaves the section out when there are none.
func TestBriefingCarried(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2024, 10, 14, 9, 0, 0, 0, hcm)
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "2024.db"), store.Options{Create: true, NoWatch: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c := store.Carry{Meeting: store.Meeting{Title: "Chương trình đối thoại năm 2024", Organiser: "Ủy ban nhân dân thị xã Ba Đồn", Date: "2024-10-16"},
		Units: []store.Unit{{Name: "Phòng Y tế", Kind: store.UnitAgency}, {Name: "Phòng Nội vụ", Kind: store.UnitAgency}}, Zone: 420,
		Items: []store.Carried{
			{Origin: "Chương trình đối thoại năm 2023", OriginDay: "2023-10-18", OriginKey: "a3", Kind: store.KindWritten, Agency: "Phòng Y tế",
				Asker: "Nguyễn Thị Hoa", Text: "Đề nghị khám sức khỏe định kỳ cho phụ nữ cao tuổi.", Said: "Trương Văn Phúc: sẽ trả lời bằng văn bản", Due: "2024-09-30"},
			{Origin: "Chương trình đối thoại năm 2023", OriginDay: "2023-10-18", OriginKey: "a4", Kind: store.KindWritten, Agency: "Phòng Y tế",
				Asker: "Lê Thị Mai", Text: "Đề nghị mở lớp tập huấn sơ cứu.", Due: "2024-10-31"},
		}}
	if err := st.LoadCarry(ctx, c); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "b.docx")
	if err := Export(ctx, st, Briefing, DOCX, out, Options{Loc: hcm, Now: now}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	if *outDir != "" {
		os.WriteFile(filepath.Join(*outDir, "briefing-carried.docx"), data, 0o644)
	}
	text := plainText(t, docxParts(t, data)["word/document.xml"])
	for _, want := range []string{"IV. CÁC NỘI DUNG TỪ KỲ TRƯỚC CÒN ĐANG THEO DÕI",
		"Còn 02 ý kiến, kiến nghị từ kỳ trước chưa được trả lời, tiếp tục theo dõi (Chương trình đối thoại năm 2023 (18/10/2023)):",
		"Nguyễn Thị Hoa:", "Đề nghị khám sức khỏe định kỳ", "Đã trả lời tại kỳ trước: Trương Văn Phúc: sẽ trả lời bằng văn bản",
		"Phòng Y tế", "30/09/2024", "Quá hạn 14 ngày", "31/10/2024", "Chưa đến hạn"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	// the demo has nothing carried: no section
	_, s := demo(t)
	if text := plainText(t, docxParts(t, render(t, s, Briefing, DOCX, opts))["word/document.xml"]); strings.Contains(text, "KỲ TRƯỚC") {
		t.Error("a carried section without carried items")
	}
}
