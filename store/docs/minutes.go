package docs

import (
	"fmt"
	"io"
	"strings"
	"time"

	"doithoai/store"
)

// The minutes (biên bản) record the meeting as it happened: when and where,
// who attended, the agenda as run, every turn of the dialogue (asker,
// question, answers, outcome), and which of the petitions sent beforehand
// were raised.

// answerLine is what one answer says, for both formats.
func answerLine(a store.Answer) (who, said, outcome string) {
	who = joinNonEmpty(", ", a.Person, a.AgencyName)
	said = a.Summary
	outcome = outcomeVI[a.Outcome]
	switch a.Outcome {
	case store.OutcomeWritten:
		outcome += joinNonEmpty("", " — giao "+a.FollowupAgencyName, ", hạn "+vnDate(a.DueDate))
	case store.OutcomeReferred:
		if a.FollowupAgencyName != "" {
			outcome += " — " + a.FollowupAgencyName + " tham mưu"
		}
	}
	return
}

// questionHead is "Ý kiến 3 (08:15): Nguyễn Thị A (Xã Quảng Hải)".
func (s *Snapshot) questionHead(n int, q store.Question, o Options, date string) string {
	h := fmt.Sprintf("Ý kiến %d", n)
	if c := hhmm(q.AskedAt, o, date); c != "" {
		h += " (" + c + ")"
	}
	return h + ": " + s.asker(q)
}

func (s *Snapshot) petitionNo(id int64) (store.Petition, bool) {
	for _, p := range s.Petitions {
		if p.ID == id {
			return p, true
		}
	}
	return store.Petition{}, false
}

// meetingSpan is the actual start and end, from the agenda as run. The
// end is zero while any item is still running or to come: minutes printed
// mid-meeting must not claim it ended.
func (s *Snapshot) meetingSpan() (start, end time.Time) {
	open := false
	for _, a := range s.Agenda {
		if !a.StartedAt.IsZero() && (start.IsZero() || a.StartedAt.Before(start)) {
			start = a.StartedAt
		}
		if a.EndedAt.After(end) {
			end = a.EndedAt
		}
		if !a.Skipped && a.EndedAt.IsZero() {
			open = true
		}
	}
	if open {
		end = time.Time{}
	}
	return
}

func clock(t time.Time, o Options) string {
	lt := t.In(o.Loc)
	return fmt.Sprintf("%02d giờ %02d", lt.Hour(), lt.Minute())
}

// attendanceSentence is "140 đại biểu được mời, 96 có mặt (…)" plus the
// breakdown by group.
func (s *Snapshot) attendanceSentence() string {
	_, _, total := s.tallies()
	line := fmt.Sprintf("Tổng số đại biểu được mời: %d; có mặt: %d%s", total.Invited, total.Arrived, presentBreakdown(total))
	if who := s.attendedGroups("%s: %d"); who != "" {
		line += ", gồm: " + who
	}
	return line + "; " + absentCount(total) + "."
}

func writeMinutes(w io.Writer, s *Snapshot, f Format, o Options) error {
	if f == MD {
		return minutesMD(w, s, o)
	}
	return minutesDOCX(w, s, o)
}

func minutesMD(w io.Writer, s *Snapshot, o Options) error {
	m := s.Meeting
	var b strings.Builder
	fmt.Fprintf(&b, "# BIÊN BẢN\n\n**%s**\n\n", m.Title)
	if m.Theme != "" {
		fmt.Fprintf(&b, "Chủ đề: “%s”\n\n", m.Theme)
	}
	b.WriteString("## I. Thời gian, địa điểm\n\n")
	start, end := s.meetingSpan()
	day := s.heldOn(o)
	if !start.IsZero() {
		fmt.Fprintf(&b, "- Thời gian: bắt đầu lúc %s, %s\n", clock(start, o), longDate(day))
	} else if day != "" {
		fmt.Fprintf(&b, "- Thời gian: %s, %s\n", plannedClock(m), longDate(day))
	}
	if m.Venue != "" {
		fmt.Fprintf(&b, "- Địa điểm: %s\n", m.Venue)
	}
	b.WriteString("\n## II. Thành phần\n\n")
	if m.Chair != "" {
		fmt.Fprintf(&b, "- Chủ trì: %s\n", joinNonEmpty(", ", m.Chair, m.ChairTitle))
	}
	fmt.Fprintf(&b, "- Thư ký: %s\n", cmpOr(joinNonEmpty(", ", m.Secretary, m.SecretaryTitle), "………"))
	fmt.Fprintf(&b, "- %s\n", s.attendanceSentence())
	if a := s.apologySentence(); a != "" {
		fmt.Fprintf(&b, "- %s\n", a)
	}
	b.WriteString("\n## III. Nội dung\n\n### 1. Chương trình\n\n")
	// Points are lettered, not numbered: "1." is the subsection's own
	// number. Each is a paragraph of its own (a plain line would run on).
	for i, a := range s.Agenda {
		fmt.Fprintf(&b, "%s %s%s%s\n\n", pointLabel(i), a.Title, prefix(" — ", a.Presenter), itemTimes(a, o))
	}
	fmt.Fprintf(&b, "### 2. Ý kiến của đại biểu và trả lời (%d ý kiến)\n\n", len(s.Questions))
	s.turnsMD(&b, o, day)
	if len(s.Questions) == 0 {
		b.WriteString("Không có ý kiến nào được ghi nhận.\n\n")
	}
	for i, q := range s.Questions {
		fmt.Fprintf(&b, "#### %s\n\n", s.questionHead(i+1, q, o, day))
		var tags []string
		if q.Topic != "" {
			tags = append(tags, "Lĩnh vực: "+q.Topic)
		}
		if p, ok := s.petitionNo(q.PetitionID); ok {
			tags = append(tags, fmt.Sprintf("Kiến nghị số %d", p.No))
		}
		if len(tags) > 0 {
			fmt.Fprintf(&b, "*%s*\n\n", strings.Join(tags, " · "))
		}
		fmt.Fprintf(&b, "%s\n\n", mdQuote(q.Text))
		if len(q.Answers) == 0 {
			b.WriteString("- Chưa có trả lời.\n\n")
		}
		for _, a := range q.Answers {
			who, said, outcome := answerLine(a)
			fmt.Fprintf(&b, "- **Trả lời: %s.** %s\n  - Kết quả: %s\n", who, mdLine(said), outcome)
		}
		b.WriteString("\n")
	}
	petitionsMD(&b, s)
	fmt.Fprintf(&b, "\n%s %s\n", endSentence(end, o), adoptedSentence)
	b.WriteString("\n| THƯ KÝ | CHỦ TRÌ |\n|:---:|:---:|\n| " + m.Secretary + " | " + m.Chair + " |\n")
	b.WriteString("\n***Nơi nhận:***\n\n")
	for _, r := range withEnds(s.minutesRecipients()) {
		b.WriteString("- " + r + "\n")
	}
	appendixMD(&b, s, o)
	_, err := io.WriteString(w, b.String())
	return err
}

// mdQuote makes text a block quote, line by line.
func mdQuote(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

func mdLine(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\n", " ") }

func itemTimes(a store.AgendaItem, o Options) string {
	switch {
	case a.Skipped:
		return " (không thực hiện)"
	case !a.StartedAt.IsZero() && !a.EndedAt.IsZero():
		return fmt.Sprintf(" (%s–%s)", a.StartedAt.In(o.Loc).Format("15:04"), a.EndedAt.In(o.Loc).Format("15:04"))
	case !a.StartedAt.IsZero():
		return fmt.Sprintf(" (từ %s)", a.StartedAt.In(o.Loc).Format("15:04"))
	}
	return ""
}

// petitionsRaised splits the petitions into those a question was linked to
// and the others.
func (s *Snapshot) petitionsRaised() (raised, not []store.Petition) {
	linked := map[int64]bool{}
	for _, q := range s.Questions {
		if q.PetitionID != 0 {
			linked[q.PetitionID] = true
		}
	}
	for _, p := range s.Petitions {
		if linked[p.ID] || p.Raised > 0 {
			raised = append(raised, p)
		} else {
			not = append(not, p)
		}
	}
	return
}

func minutesDOCX(w io.Writer, s *Snapshot, o Options) error {
	m := s.Meeting
	d := newDocx("Biên bản", 13, o.Now)
	adminHeaderDated(d, m, s.heldOn(o), "BB-UBND") // written on the day
	docTitle(d, "BIÊN BẢN", m.Title)
	body := para{align: "both", firstLine: 567, before: 3, after: 3, line: 276}
	h := para{before: 6, after: 3, keepNext: true, firstLine: 567}
	d.P(h, b("I. Thời gian, địa điểm"))
	start, end := s.meetingSpan()
	day := s.heldOn(o)
	if !start.IsZero() {
		d.P(body, t("Thời gian: bắt đầu lúc "+clock(start, o)+", "+longDate(day)+"."))
	} else if day != "" {
		d.P(body, t("Thời gian: "+plannedClock(m)+", "+longDate(day)+"."))
	}
	if m.Venue != "" {
		d.P(body, t("Địa điểm: "+m.Venue+"."))
	}
	d.P(h, b("II. Thành phần"))
	if m.Chair != "" {
		d.P(body, t("Chủ trì: "+joinNonEmpty(", ", m.Chair, m.ChairTitle)+"."))
	}
	d.P(body, t("Thư ký: "+cmpOr(joinNonEmpty(", ", m.Secretary, m.SecretaryTitle), "………")+"."))
	d.P(body, t(s.attendanceSentence()))
	if a := s.apologySentence(); a != "" {
		d.P(body, t(a))
	}
	d.P(h, b("III. Nội dung"))
	d.P(h, b("1. Chương trình"))
	for i, a := range s.Agenda {
		d.P(body, t(pointLabel(i)+" "+a.Title), it(joinNonEmpty("", prefix(" — ", a.Presenter), itemTimes(a, o))))
	}
	d.P(h, b(fmt.Sprintf("2. Ý kiến của đại biểu và trả lời (%d ý kiến)", len(s.Questions))))
	s.turnsDOCX(d, body, o, day)
	if len(s.Questions) == 0 {
		d.P(body, it("Không có ý kiến nào được ghi nhận."))
	}
	for i, q := range s.Questions {
		d.P(para{align: "both", firstLine: 567, before: 6, after: 2, keepNext: true}, b(s.questionHead(i+1, q, o, day)))
		var tags []string
		if q.Topic != "" {
			tags = append(tags, "Lĩnh vực: "+q.Topic)
		}
		if p, ok := s.petitionNo(q.PetitionID); ok {
			tags = append(tags, fmt.Sprintf("Kiến nghị số %d", p.No))
		}
		if len(tags) > 0 {
			d.P(body, it(strings.Join(tags, "; ")))
		}
		d.P(body, t(q.Text))
		if len(q.Answers) == 0 {
			d.P(body, it("Chưa có trả lời."))
		}
		for _, a := range q.Answers {
			who, said, outcome := answerLine(a)
			d.P(body, b("Trả lời: "+who+". "), t(said))
			d.P(body, it("Kết quả: "+outcome+"."))
		}
	}
	petitionsDOCX(d, s, body, h)
	d.P(body, t(endSentence(end, o)+" "+adoptedSentence))
	closingSigners(d, secretarySigner(m), chairSigner(m))
	recipientsBelow(d, s.minutesRecipients())
	appendixDOCX(d, s, body, o)
	return d.Write(w)
}

// endSentence is "Hội nghị kết thúc vào lúc 10 giờ 57 cùng ngày.", with
// room to write the time in while the meeting still runs.
func endSentence(end time.Time, o Options) string {
	at := "…… giờ ……"
	if !end.IsZero() {
		at = clock(end, o)
	}
	return "Hội nghị kết thúc vào lúc " + at + " cùng ngày."
}

// adoptedSentence closes the minutes as offices write them.
const adoptedSentence = "Biên bản đã được thông qua trước hội nghị; các đại biểu dự hội nghị nhất trí với nội dung biên bản./."

// minutesRecipients: the leaders it reports to, the organisation that
// brought the delegates, the office that follows up, the archive.
func (s *Snapshot) minutesRecipients() []string {
	out := leaders(s.Meeting)
	if u := s.unitLike("phu nu"); u != "" {
		out = append(out, u)
	}
	if o := s.office(); o != "" {
		out = append(out, o)
	}
	return append(out, archiveLine(s.office(), s.Meeting.OfficeCode))
}

func prefix(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

// plannedClock is the planned start as "07 giờ 30".
func plannedClock(m store.Meeting) string {
	hm, err := time.Parse("15:04", m.StartTime)
	if err != nil {
		return m.StartTime
	}
	return fmt.Sprintf("%02d giờ %02d", hm.Hour(), hm.Minute())
}

// petitionSource is who sent a petition: "name, unit", or the unit alone
// when a unit sent it.
func petitionSource(p store.Petition) string {
	if p.SourceName == p.SourceUnit {
		return p.SourceName
	}
	return joinNonEmpty(", ", p.SourceName, p.SourceUnit)
}
