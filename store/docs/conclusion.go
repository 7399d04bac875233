package docs

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"doithoai/store"
)

// The conclusion notice (thông báo kết luận) is a draft for the office to
// edit and sign: the layout is final (Decree 30/2020/NĐ-CP), the facts come
// from the meeting and its log, and the Chairman's own assessments are left
// as bracketed places to fill.

// excerpt shortens s to about n characters at a word boundary.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndex(string(r), " "); i > n/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

// topicsInOrder groups questions by topic, in the meeting's topic order,
// unknown topics after, questions without a topic last.
func (s *Snapshot) topicsInOrder() (names []string, by map[string][]store.Question) {
	// Questions without a topic join the meeting's own "Khác" topic when
	// it has one: two headings both reading "Về các vấn đề khác" would not do.
	other := "Các vấn đề khác"
	for _, t := range s.Topics {
		if isOtherTopic(t) {
			other = t
			break
		}
	}
	key := func(q store.Question) string { return cmpOr(q.Topic, other) }
	by = map[string][]store.Question{}
	for _, q := range s.Questions {
		by[key(q)] = append(by[key(q)], q)
	}
	seen := map[string]bool{}
	for _, t := range s.Topics {
		if len(by[t]) > 0 && !seen[t] {
			names, seen[t] = append(names, t), true
		}
	}
	for _, q := range s.Questions {
		k := key(q)
		if !seen[k] {
			names, seen[k] = append(names, k), true
		}
	}
	return names, by
}

func countOutcome(qs []store.Question, o store.Outcome) int {
	n := 0
	for _, q := range qs {
		for _, a := range q.Answers {
			if a.Outcome == o {
				n++
				break
			}
		}
	}
	return n
}

// shortChair is "Chủ tịch UBND thị xã" for sentences, from the chair's title.
func shortChair(m store.Meeting) string {
	if m.ChairTitle != "" {
		return m.ChairTitle
	}
	return "Chủ tịch UBND"
}

func writeConclusion(w io.Writer, s *Snapshot, o Options) error {
	m := s.Meeting
	d := newDocx("Dự thảo thông báo kết luận", 14, o.Now)
	adminHeader(d, m, s.heldOn(o), "TB-UBND")
	docTitle(d, "THÔNG BÁO", "Kết luận của "+shortChair(m)+" tại "+m.Title)

	body := para{align: "both", firstLine: 567, before: 6, line: 264}
	head := para{align: "both", firstLine: 567, before: 6, keepNext: true, line: 264}
	_, _, total := s.tallies()
	when := upperFirst(longDate(s.heldOn(o)))
	if when == "" {
		when = "Ngày …"
	}
	opening := fmt.Sprintf("%s, tại %s, %s tổ chức %s", when, cmpOr(m.Venue, "…"), cmpOr(m.Organiser, "UBND"), m.Title)
	if m.Theme != "" {
		opening += " với chủ đề “" + m.Theme + "”"
	}
	opening += "."
	if m.Chair != "" {
		opening += " Đồng chí " + m.Chair + ", " + shortChair(m) + " chủ trì Chương trình."
	}
	d.P(body, t(opening))
	att := fmt.Sprintf("Tham dự Chương trình có %d đại biểu", total.Arrived)
	if who := s.attendedGroups("%s (%d)"); who != "" {
		att += ", gồm: " + who
	}
	d.P(body, t(att+"."))

	names, by := s.topicsInOrder()
	raised, _ := s.petitionsRaised()
	spot := countOutcome(s.Questions, store.OutcomeSpot)
	summary := fmt.Sprintf("Tại Chương trình, đã có %d ý kiến của đại biểu phát biểu, kiến nghị", len(s.Questions))
	if len(s.Petitions) > 0 {
		summary += fmt.Sprintf(" (trong đó %d ý kiến thuộc các kiến nghị đã gửi trước trong tổng số %d kiến nghị được tổng hợp)", len(raised), len(s.Petitions))
	}
	summary += fmt.Sprintf("; lãnh đạo "+orgShort(m)+" và các cơ quan, đơn vị đã trả lời trực tiếp %d ý kiến.", spot)
	if len(names) > 0 {
		summary += " Các ý kiến tập trung vào các nhóm vấn đề sau:"
	}
	d.P(body, t(summary))
	for _, name := range names {
		qs := by[name]
		d.P(head, b("- Về "+topicPhrase(name)), t(fmt.Sprintf(" (%d ý kiến):", len(qs))))
		for _, q := range qs {
			d.P(body, t("+ "+upperFirst(s.askerLong(q))+": "+excerpt(q.Text, 300)))
		}
	}

	d.P(body, t("Sau khi nghe ý kiến của đại biểu và trả lời của các cơ quan, đơn vị, "+shortChair(m)+" kết luận như sau:"))
	d.P(head, b("1. Đánh giá chung"))
	if strings.TrimSpace(m.Assessment) == "" {
		d.P(body, t(assessmentPlaceholder(m)))
	}
	// The secretary's paragraph, written in the reports station; its line
	// breaks are paragraphs.
	for _, p := range strings.Split(m.Assessment, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			d.P(body, t(p))
		}
	}
	tasks := s.tasks()
	heading := "2. Giao nhiệm vụ"
	for _, tk := range tasks {
		if s.requested(tk.Agency) && !isIssuer(m, tk.Agency) {
			heading = "2. Giao nhiệm vụ, đề nghị" // bodies outside the committee are asked, not assigned
		}
	}
	d.P(head, b(heading))
	if len(tasks) == 0 {
		d.P(body, t("[Không có ý kiến cần trả lời bằng văn bản hoặc chuyển cấp có thẩm quyền.]"))
	}
	for _, tk := range tasks {
		what := "ý kiến của " + s.askerShort(tk.Q)
		if tk.Q.Topic != "" && !isOtherTopic(tk.Q.Topic) {
			what += " về " + topicPhrase(tk.Q.Topic)
		}
		what += " (“" + strings.TrimRight(excerpt(tk.Q.Text, 160), ".;,!? ") + "”)"
		// The issuing body does not assign a task to itself: what it owes
		// reads as its own undertaking.
		self := isIssuer(m, tk.Agency)
		verb := "Giao"
		if s.requested(tk.Agency) {
			verb = "Đề nghị"
		}
		var line string
		switch {
		case tk.A.Outcome == store.OutcomeWritten && self:
			line = fmt.Sprintf("- %s chỉ đạo các cơ quan chuyên môn tham mưu trả lời bằng văn bản %s trước ngày %s.", orgShort(m), what, vnDate(tk.A.DueDate))
		case tk.A.Outcome == store.OutcomeWritten:
			line = fmt.Sprintf("- %s %s nghiên cứu, trả lời bằng văn bản %s trước ngày %s.", verb, tk.Agency, what, vnDate(tk.A.DueDate))
		default:
			line = fmt.Sprintf("- %s %s tổng hợp, báo cáo cấp có thẩm quyền xem xét, giải quyết %s", verb, tk.Agency, what)
			if self {
				line = fmt.Sprintf("- %s tổng hợp, báo cáo cấp có thẩm quyền xem xét, giải quyết %s", orgShort(m), what)
			}
			if tk.A.DueDate != "" {
				line += " trước ngày " + vnDate(tk.A.DueDate)
			}
			line += "."
		}
		d.P(body, t(line))
	}
	if noted := countOutcome(s.Questions, store.OutcomeNoted); noted > 0 {
		d.P(body, t(fmt.Sprintf("- Các cơ quan, đơn vị liên quan tiếp thu %d ý kiến của đại biểu để nghiên cứu, thực hiện trong thời gian tới.", noted)))
	}
	if nv := s.office(); nv != "" {
		d.P(body, t("- Giao "+nv+" theo dõi, đôn đốc các cơ quan, đơn vị thực hiện các nội dung trên; tổng hợp, báo cáo kết quả về "+orgShort(m)+"."))
	}
	d.P(body, t("Trên đây là Thông báo kết luận của "+shortChair(m)+" tại "+m.Title+". "+cmpOr(m.Organiser, "UBND")+
		" thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện./."))

	closing(d, s.recipients(m, tasks), noticeSigner(m))
	return d.Write(w)
}

// assessmentPlaceholder stands where the Chairman's assessment goes until
// the secretary writes it.
func assessmentPlaceholder(m store.Meeting) string {
	return "[Đánh giá của " + shortChair(m) + " về kết quả Chương trình đối thoại và vai trò của phụ nữ trong phát triển kinh tế - xã hội của địa phương.]"
}

// isOtherTopic reports whether a topic is the catch-all "Khác" (other).
func isOtherTopic(s string) bool {
	switch store.Fold(s) {
	case "khac", "van de khac", "cac van de khac", "noi dung khac", "cac noi dung khac", "linh vuc khac", "cac linh vuc khac", "other", "others":
		return true
	}
	return false
}

// topicPhrase is a topic as it reads inside a sentence, after "Về":
// "Khác" becomes "các vấn đề khác"; otherwise the first letter is lowered
// ("đào tạo nghề, việc làm") unless the topic opens with an abbreviation
// ("HTX", "OCOP") or a proper name, which in Vietnamese capitalises every
// syllable ("Quảng Hải", "Hội Liên hiệp Phụ nữ").
func topicPhrase(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if isOtherTopic(s) {
		return "các vấn đề khác"
	}
	w := strings.Fields(s)
	if len(w) == 0 {
		return s
	}
	if hasUpperAfterFirst(w[0]) || (len(w) > 1 && startsUpper(w[1])) {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToLower(string(r)) + s[n:]
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func hasUpperAfterFirst(w string) bool {
	_, n := utf8.DecodeRuneInString(w)
	return strings.IndexFunc(w[n:], unicode.IsUpper) >= 0
}

// bodyKey is a body's name folded, with "Ủy ban nhân dân" and "Hội đồng
// nhân dân" abbreviated, so "Ủy ban nhân dân thị xã Ba Đồn" and "UBND thị
// xã" compare.
func bodyKey(s string) string {
	return strings.NewReplacer("uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd").Replace(store.Fold(s))
}

// isIssuer reports whether agency is the body issuing the notice, the
// meeting's organiser, named in full, abbreviated, or without its place
// name ("UBND thị xã" for "Ủy ban nhân dân thị xã Ba Đồn").
func isIssuer(m store.Meeting, agency string) bool {
	a, o := bodyKey(agency), bodyKey(m.Organiser)
	if a == "" || o == "" {
		return false
	}
	return a == o || a == bodyKey(orgShort(m)) || strings.HasPrefix(o, a+" ")
}

func cmpOr(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// unitLike finds a unit whose folded name contains f.
func (s *Snapshot) unitLike(f string) string {
	for _, u := range s.Units {
		if strings.Contains(store.Fold(u.Name), f) {
			return u.Name
		}
	}
	return ""
}

// requested reports whether the notice asks the agency named ("Đề
// nghị …") rather than assigns it: its unit says (store.Unit.Requested).
func (s *Snapshot) requested(agency string) bool {
	for _, u := range s.Units {
		if u.Name == agency {
			return u.Requested()
		}
	}
	return false
}

// office is the office that drafts the notice and follows up its tasks:
// the meeting's, else a unit named Nội vụ (the plan's Phòng Nội vụ).
func (s *Snapshot) office() string { return cmpOr(s.Meeting.Office, s.unitLike("noi vu")) }

// recipients is the "Nơi nhận" list: the leaders, every agency tasked,
// the Women's Union and the communes, then the archive.
func (s *Snapshot) recipients(m store.Meeting, tasks []task) []string {
	level := orgLevel(m)
	out := leaders(m)
	seen := map[string]bool{}
	for _, tk := range tasks {
		// A body does not send its own notice to itself ("Lưu: VT" keeps
		// its copy).
		if tk.Agency != unassigned && !seen[tk.Agency] && !isIssuer(m, tk.Agency) {
			seen[tk.Agency] = true
			out = append(out, tk.Agency)
		}
	}
	// the office told to follow the tasks up
	if o := s.office(); o != "" && !seen[o] {
		seen[o] = true
		out = append(out, o)
	}
	if u := s.unitLike("phu nu"); u != "" && !seen[u] {
		out = append(out, u)
	}
	if level == "thị xã" || level == "huyện" || level == "thành phố" {
		out = append(out, "UBND các xã, phường")
	}
	return append(out, archiveLine(s.office(), m.OfficeCode))
}

// leaders head every Nơi nhận: the Party committee and council of the
// level, the Chairman and vice-chairmen.
func leaders(m store.Meeting) []string {
	level := orgLevel(m)
	var out []string
	if pc := partyCommittee[level]; pc != "" {
		out = append(out, "Thường trực "+pc)
	}
	if level != "" {
		out = append(out, "Thường trực HĐND "+level)
	}
	return append(out, "Chủ tịch, các PCT "+orgShort(m))
}

// orgLevel is the administrative level of a People's Committee organiser
// ("thị xã" for "Ủy ban nhân dân thị xã Ba Đồn"), or "".
func orgLevel(m store.Meeting) string {
	f := store.Fold(m.Organiser)
	if !strings.HasPrefix(f, "uy ban nhan dan ") {
		return ""
	}
	rest := strings.TrimPrefix(f, "uy ban nhan dan ")
	for _, l := range []string{"thi xa", "thanh pho", "huyen", "tinh", "quan", "xa", "phuong", "thi tran"} {
		if strings.HasPrefix(rest, l+" ") || rest == l {
			return map[string]string{"thi xa": "thị xã", "thanh pho": "thành phố", "huyen": "huyện", "tinh": "tỉnh", "quan": "quận",
				"xa": "xã", "phuong": "phường", "thi tran": "thị trấn"}[l]
		}
	}
	return ""
}

// partyCommittee is the Party committee of each level, first on the
// recipients list.
var partyCommittee = map[string]string{"thị xã": "Thị ủy", "thành phố": "Thành ủy", "huyện": "Huyện ủy", "tỉnh": "Tỉnh ủy", "quận": "Quận ủy",
	"xã": "Đảng ủy xã", "phường": "Đảng ủy phường", "thị trấn": "Đảng ủy thị trấn"}

// orgShort is "UBND thị xã" for sentences; the organiser as written when it
// is not a People's Committee.
func orgShort(m store.Meeting) string {
	if l := orgLevel(m); l != "" {
		return "UBND " + l
	}
	return cmpOr(m.Organiser, "UBND")
}
