package docs

import (
	"regexp"
	"strings"
	"testing"
)

func TestPointLabel(t *testing.T) {
	for i, want := range map[int]string{0: "a)", 4: "đ)", 5: "e)", 6: "g)", 9: "k)", 22: "y)", 23: "aa)"} {
		if got := pointLabel(i); got != want {
			t.Errorf("pointLabel(%d) = %q, want %q", i, got, want)
		}
	}
}

// minutesTexts renders the minutes as md and as the text of the docx.
func minutesTexts(t *testing.T, s *Snapshot) map[string]string {
	t.Helper()
	return map[string]string{
		"md":   string(render(t, s, Minutes, MD, opts)),
		"docx": plainText(t, docxParts(t, render(t, s, Minutes, DOCX, opts))["word/document.xml"]),
	}
}

// lines are the non-empty lines of text, without markdown's marks
// (headings, quotes, emphasis; the demo's texts have no asterisks).
func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimPrefix(strings.TrimSpace(strings.TrimLeft(l, "#")), "> ")
		l = strings.TrimSpace(strings.ReplaceAll(l, "*", ""))
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// The petitions sent beforehand carry their text; those not raised carry
// the answer prepared for them; the raised one points at its turn.
func TestMinutesPetitionsHaveTheirText(t *testing.T) {
	_, s := demo(t)
	s.Petitions[5].PreparedAnswer = ""
	for format, text := range minutesTexts(t, s) {
		ls := lines(text)
		at := func(want string, from int) int {
			for i := from; i < len(ls); i++ {
				if strings.Contains(ls[i], want) {
					return i
				}
			}
			t.Errorf("%s: no line with %q after line %d", format, want, from)
			return len(ls)
		}
		sec := at("IV. Kiến nghị gửi trước", 0)
		at("Tổng số 14 kiến nghị gửi trước hội nghị. Đã nêu tại hội nghị: 1/14 kiến nghị.", sec)
		pointer := at("13 kiến nghị chưa nêu tại hội nghị và nội dung trả lời đã chuẩn bị được tổng hợp tại Phụ lục kèm theo Biên bản này.", sec)
		end := at("Hội nghị kết thúc vào lúc 10 giờ 57 cùng ngày.", pointer)
		signed := at("Phan Thị Oanh", end)
		appendix := at("PHỤ LỤC", signed)
		at("Kiến nghị gửi trước chưa nêu tại hội nghị", appendix)
		at("(Kèm theo Biên bản Chương trình đối thoại giữa Chủ tịch UBND thị xã với Phụ nữ thị xã Ba Đồn năm 2023 ngày 18 tháng 10 năm 2023)", appendix)
		for i, p := range s.Petitions {
			head := at(petitionHead(p), sec)
			if (i == 0) != (head < pointer) || (i != 0) != (head > appendix) {
				t.Errorf("%s: petition %d in the wrong place (line %d; section IV on %d, the appendix on %d)", format, p.No, head, sec, appendix)
			}
			// The text follows its head, then the answer or the status.
			body := at(strings.TrimSpace(p.Text), head)
			if body != head+1 {
				t.Errorf("%s: petition %d's text is on line %d, its head on %d", format, p.No, body, head)
			}
			var next string
			switch {
			case i == 0:
				next = "Đã nêu tại hội nghị (Ý kiến 1, mục III.2); cơ quan trả lời: Phòng Lao động - Thương binh và Xã hội."
			case p.PreparedAnswer == "":
				next = "Trả lời (" + p.AgencyName + "): Chưa có nội dung trả lời."
			default:
				next = "Trả lời (" + p.AgencyName + "): " + strings.TrimSpace(p.PreparedAnswer)
			}
			if n := at(next, body); n != body+1 {
				t.Errorf("%s: petition %d: %q on line %d, want %d", format, p.No, next, n, body+1)
			}
		}
		// The raised petition keeps the answer prepared for it, then what
		// was answered at the meeting.
		p := s.Petitions[0]
		status := at("Đã nêu tại hội nghị (Ý kiến 1, mục III.2)", sec)
		for i, want := range []string{
			"Trả lời đã chuẩn bị (Phòng Lao động - Thương binh và Xã hội): " + strings.TrimSpace(p.PreparedAnswer),
			"Trả lời tại hội nghị:",
			"- Ý kiến 1 — Cao Xuân Trường, Phòng Lao động - Thương binh và Xã hội: Sẽ mở lớp lưu động khi đủ học viên (Đã trả lời trực tiếp tại hội nghị).",
			"- Ý kiến 1 — Trần Minh Đức: Giao phòng trả lời cụ thể về kinh phí (Trả lời bằng văn bản — giao Phòng Lao động - Thương binh và Xã hội, hạn 15/11/2023).",
		} {
			if n := at(want, status); n != status+1+i {
				t.Errorf("%s: %q on line %d, want %d", format, want, n, status+1+i)
			}
		}
		if strings.Contains(text, "; cơ quan trả lời: ") && strings.Count(text, "; cơ quan trả lời: ") != 1 {
			t.Errorf("%s: the agency line is repeated for petitions not raised", format)
		}
	}
}

// With no petition raised, section IV only counts them and points at the
// appendix; a raised petition with no prepared answer says so.
func TestMinutesNoPetitionRaised(t *testing.T) {
	_, s := demo(t)
	for i := range s.Questions {
		s.Questions[i].PetitionID = 0
	}
	for i := range s.Petitions {
		s.Petitions[i].Raised = 0
	}
	for format, text := range minutesTexts(t, s) {
		text = strings.Join(lines(text), "\n")
		iv, app := strings.Index(text, "IV. Kiến nghị gửi trước"), strings.Index(text, "PHỤ LỤC")
		if iv < 0 || app < iv || strings.Contains(text[iv:app], "Kiến nghị số") || !strings.Contains(text[iv:app], "14 kiến nghị chưa nêu") {
			t.Errorf("%s: section IV lists petitions nobody raised, or does not point at the appendix", format)
		}
	}
	_, s = demo(t)
	s.Petitions[0].PreparedAnswer = " "
	for format, text := range minutesTexts(t, s) {
		text = strings.Join(lines(text), "\n")
		if !strings.Contains(text, "Trả lời đã chuẩn bị (Phòng Lao động - Thương binh và Xã hội): Chưa có nội dung trả lời.") {
			t.Errorf("%s: a raised petition without a prepared answer does not say so", format)
		}
	}
}

func TestMinutesWithoutPetitions(t *testing.T) {
	_, s := demo(t)
	s.Petitions = nil
	for format, text := range minutesTexts(t, s) {
		if !strings.Contains(text, "Không có kiến nghị gửi trước.") || strings.Contains(text, "0/0") {
			t.Errorf("%s: section IV without petitions reads wrong", format)
		}
	}
}

// The agenda's points are lettered under "1. Chương trình": no number is
// used twice at two levels.
func TestMinutesNumberingDoesNotClash(t *testing.T) {
	_, s := demo(t)
	numbered := regexp.MustCompile(`^\d+[.)] `)
	for format, text := range minutesTexts(t, s) {
		ls := lines(text)
		start := -1
		for i, l := range ls {
			if l == "1. Chương trình" {
				start = i
			}
		}
		if start < 0 {
			t.Fatalf("%s: no programme heading", format)
		}
		items := ls[start+1 : start+1+len(s.Agenda)]
		for i, l := range items {
			if !strings.HasPrefix(l, pointLabel(i)+" "+s.Agenda[i].Title) {
				t.Errorf("%s: agenda line %d is %q", format, i, l)
			}
		}
		if next := ls[start+1+len(s.Agenda)]; !strings.HasPrefix(next, "2. Ý kiến của đại biểu") {
			t.Errorf("%s: after the agenda comes %q", format, next)
		}
		// Only the subsection headings are numbered.
		var nums []string
		for _, l := range ls {
			if numbered.MatchString(l) {
				nums = append(nums, l[:strings.Index(l, " ")])
			}
		}
		if strings.Join(nums, " ") != "1. 2." {
			t.Errorf("%s: numbered lines %q, want the two subsections of III", format, nums)
		}
	}
}
