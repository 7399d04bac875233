package docs

import (
	"fmt"
	"strings"

	"doithoai/store"
)

// Section IV of the minutes: every petition sent beforehand with its text,
// then either the turns of the dialogue that raised it or the answer the
// agency prepared, so the minutes stand on their own.

// pointLetters are the letters Vietnamese documents label points with
// (Decree 30/2020: a), b), … đ) …, no f, j, w, z).
var pointLetters = []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"}

// pointLabel is the label of the i-th (0-based) point: "a)", "b)", …; past
// the alphabet it repeats the letter ("aa)"), which no real agenda reaches.
func pointLabel(i int) string {
	n := len(pointLetters)
	return strings.Repeat(pointLetters[i%n], i/n+1) + ")"
}

// petitionHead is "Kiến nghị số 1 (Đào tạo nghề, việc làm) — Hoàng Thị
// Duyên, Xã Quảng Sơn".
func petitionHead(p store.Petition) string {
	h := fmt.Sprintf("Kiến nghị số %d", p.No)
	if p.Topic != "" {
		h += " (" + p.Topic + ")"
	}
	if src := petitionSource(p); src != "" {
		h += " — " + src
	}
	return h
}

// raisedIn lists the turns ("Ý kiến 2, 5") that raised petition id,
// numbered as in section III.
func (s *Snapshot) raisedIn(id int64) string {
	var ns []string
	for i, q := range s.Questions {
		if q.PetitionID == id {
			ns = append(ns, fmt.Sprint(i+1))
		}
	}
	if len(ns) == 0 {
		return ""
	}
	return "Ý kiến " + strings.Join(ns, ", ")
}

// petitionStatus is the line under a raised petition's text.
func (s *Snapshot) petitionStatus(p store.Petition) string {
	line := "Đã nêu tại hội nghị"
	if in := s.raisedIn(p.ID); in != "" {
		line += " (" + in + ", mục III.2)"
	}
	if p.AgencyName != "" {
		line += "; cơ quan trả lời: " + p.AgencyName
	}
	return line + "."
}

// preparedHead is "Trả lời (Phòng Y tế):" before a prepared answer; for
// a petition raised at the meeting "Trả lời đã chuẩn bị (Phòng Y tế):",
// since what was said at the meeting follows it.
func preparedHead(p store.Petition, raised bool) string {
	h := "Trả lời"
	if raised {
		h += " đã chuẩn bị"
	}
	if p.AgencyName == "" {
		return h + ":"
	}
	return h + " (" + p.AgencyName + "):"
}

// meetingAnswers are the answers given at the meeting to the turns that
// raised petition id: "Ý kiến 1 — Cao Xuân Trường, Phòng Y tế: Sẽ mở lớp
// … (Đã trả lời trực tiếp tại hội nghị)".
func (s *Snapshot) meetingAnswers(id int64) []string {
	var lines []string
	for i, q := range s.Questions {
		if q.PetitionID != id {
			continue
		}
		for _, a := range q.Answers {
			who, said, outcome := answerLine(a)
			line := fmt.Sprintf("Ý kiến %d", i+1)
			if who != "" {
				line += " — " + who
			}
			if said = mdLine(said); said != "" {
				line += ": " + strings.TrimRight(said, ".")
			}
			lines = append(lines, line+" ("+outcome+").")
		}
	}
	return lines
}

const answeredHead = "Trả lời tại hội nghị:"

const noPrepared = "Chưa có nội dung trả lời."

func (s *Snapshot) petitionsCount(raised int) string {
	return fmt.Sprintf("Tổng số %d kiến nghị gửi trước hội nghị. Đã nêu tại hội nghị: %d/%d kiến nghị.", len(s.Petitions), raised, len(s.Petitions))
}

// notRaisedLine points from section IV to the appendix.
func notRaisedLine(n int) string {
	return fmt.Sprintf("%d kiến nghị chưa nêu tại hội nghị và nội dung trả lời đã chuẩn bị được tổng hợp tại Phụ lục kèm theo Biên bản này.", n)
}

const appendixHead = "Kiến nghị gửi trước chưa nêu tại hội nghị"

// appendixOf is "(Kèm theo Biên bản Chương trình … ngày 18 tháng 10 năm 2023)".
func (s *Snapshot) appendixOf(o Options) string {
	return "(Kèm theo Biên bản " + s.Meeting.Title + dateSuffixPlain(s.heldOn(o)) + ")"
}

func dateSuffixPlain(day string) string {
	if day == "" {
		return ""
	}
	return " " + longDate(day)
}

// preparedMD and preparedDOCX write a petition's prepared answer, or say
// there is none.
func preparedMD(b *strings.Builder, p store.Petition, raised bool) {
	if strings.TrimSpace(p.PreparedAnswer) == "" {
		fmt.Fprintf(b, "\n**%s** *%s*\n", preparedHead(p, raised), noPrepared)
	} else {
		fmt.Fprintf(b, "\n**%s** %s\n", preparedHead(p, raised), mdLine(p.PreparedAnswer))
	}
}

func preparedDOCX(d *docx, body para, p store.Petition, raised bool) {
	if strings.TrimSpace(p.PreparedAnswer) == "" {
		d.P(body, b(preparedHead(p, raised)+" "), it(noPrepared))
	} else {
		d.P(body, b(preparedHead(p, raised)+" "), t(strings.TrimSpace(p.PreparedAnswer)))
	}
}

// petitionsMD and petitionsDOCX write section IV: the petitions raised at
// the meeting with what was answered; those nobody raised go to the
// appendix (appendixMD, appendixDOCX), after the signatures.
func petitionsMD(b *strings.Builder, s *Snapshot) {
	b.WriteString("## IV. Kiến nghị gửi trước\n\n")
	if len(s.Petitions) == 0 {
		b.WriteString("Không có kiến nghị gửi trước.\n")
		return
	}
	raised, notRaised := s.petitionsRaised()
	b.WriteString(s.petitionsCount(len(raised)) + "\n")
	for _, p := range raised {
		fmt.Fprintf(b, "\n#### %s\n\n%s\n\n*%s*\n", petitionHead(p), mdQuote(p.Text), s.petitionStatus(p))
		preparedMD(b, p, true)
		if ans := s.meetingAnswers(p.ID); len(ans) > 0 {
			fmt.Fprintf(b, "\n**%s**\n\n", answeredHead)
			for _, a := range ans {
				fmt.Fprintf(b, "- %s\n", a)
			}
		}
	}
	if len(notRaised) > 0 {
		b.WriteString("\n" + notRaisedLine(len(notRaised)) + "\n")
	}
}

func appendixMD(b *strings.Builder, s *Snapshot, o Options) {
	_, notRaised := s.petitionsRaised()
	if len(notRaised) == 0 {
		return
	}
	fmt.Fprintf(b, "\n---\n\n# PHỤ LỤC\n\n**%s**\n\n*%s*\n", appendixHead, s.appendixOf(o))
	for _, p := range notRaised {
		fmt.Fprintf(b, "\n#### %s\n\n%s\n", petitionHead(p), mdQuote(p.Text))
		preparedMD(b, p, false)
	}
}

func petitionsDOCX(d *docx, s *Snapshot, body, h para) {
	d.P(h, b("IV. Kiến nghị gửi trước"))
	if len(s.Petitions) == 0 {
		d.P(body, it("Không có kiến nghị gửi trước."))
		return
	}
	raised, notRaised := s.petitionsRaised()
	d.P(body, t(s.petitionsCount(len(raised))))
	head := para{align: "both", firstLine: 567, before: 6, after: 2, keepNext: true}
	for _, p := range raised {
		d.P(head, b(petitionHead(p)))
		d.P(body, t(p.Text))
		d.P(body, it(s.petitionStatus(p)))
		preparedDOCX(d, body, p, true)
		if ans := s.meetingAnswers(p.ID); len(ans) > 0 {
			d.P(body, b(answeredHead))
			for _, a := range ans {
				d.P(body, t("- "+a))
			}
		}
	}
	if len(notRaised) > 0 {
		d.P(body, t(notRaisedLine(len(notRaised))))
	}
}

// appendixDOCX starts a page with the appendix (Decree 30/2020: "PHỤ
// LỤC", its title, what it is attached to) and the petitions nobody
// raised, each with its prepared answer.
func appendixDOCX(d *docx, s *Snapshot, body para, o Options) {
	_, notRaised := s.petitionsRaised()
	if len(notRaised) == 0 {
		return
	}
	d.P(para{align: "center", pageBreak: true, keepNext: true}, sz(b("PHỤ LỤC"), sizeKind))
	d.P(para{align: "center", keepNext: true}, sz(b(appendixHead), sizeSubject))
	d.P(para{align: "center", keepNext: true}, sz(it(s.appendixOf(o)), sizeSubject))
	d.Raw(ruleAfter(textW, ruleTwips(min(textTwips(s.appendixOf(o), false, sizeSubject), textW)), 12))
	head := para{align: "both", firstLine: 567, before: 6, after: 2, keepNext: true}
	for _, p := range notRaised {
		d.P(head, b(petitionHead(p)))
		d.P(body, t(p.Text))
		preparedDOCX(d, body, p, false)
	}
}
