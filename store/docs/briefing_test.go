package docs

import (
	"strings"
	"testing"
	"time"
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
	)
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
