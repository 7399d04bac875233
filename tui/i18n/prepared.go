package i18n

// Prepared answers tracked before the day: the setup station's answers
// tab, the petitions summary command, the reminder letters.
func init() {
	register(map[string][2]string{
		"prep.col.agency":   {"Cơ quan", "Agency"},
		"prep.col.asked":    {"Giao", "Asked"},
		"prep.col.received": {"Đã nhận", "Received"},
		"prep.col.missing":  {"Còn thiếu", "Missing"},
		"prep.col.late":     {"Trễ hạn", "Late"},
		"prep.col.answer":   {"Trả lời", "Answer"},
		"prep.total":        {"Cộng", "Total"},
		"prep.unassigned":   {"Chưa giao cơ quan: %d kiến nghị", "Not assigned to an agency yet: %d petition(s)"},
		"prep.none_missing": {"Đã nhận đủ trả lời của các cơ quan.", "Every agency's answers have arrived."},
		"prep.due":          {"hạn %s", "due %s"},
		"prep.overdue":      {"(quá hạn)", "(overdue)"},
		"prep.petition_no":  {"KN", "P"},
		"prep.cli.head":     {"Trả lời chuẩn bị cho %d kiến nghị, tính đến ngày %s:", "Prepared answers to %d petition(s), as of %s:"},
		"prep.cli.missing":  {"Kiến nghị còn thiếu trả lời:", "Petitions still missing their answer:"},

		// the answers returned by the agencies, in the setup station's import tab
		"setup.import.answers":                 {"Trả lời của cơ quan", "Agencies' answers"},
		"setup.import.cols.answers":            {"Số kiến nghị hoặc Nội dung kiến nghị, Nội dung trả lời, Ngày gửi", "Petition no. or its text, Answer, Date sent"},
		"setup.change.answers.prepared_answer": {"trả lời", "answer"},
		"setup.change.answers.received_on":     {"ngày nhận", "date received"},
		"setup.problem.petition_no":            {"%q không phải số kiến nghị", "%q is not a petition number"},
		"setup.problem.no_petition_no":         {"không có kiến nghị số %d", "there is no petition number %d"},
		"setup.problem.no_petition_text":       {"nội dung không khớp kiến nghị nào", "the text matches no petition"},
		"setup.problem.ambiguous_petition":     {"khớp nhiều kiến nghị (số %s): hãy ghi số kiến nghị", "matches petitions %s: give the number"},
		"setup.problem.text_other_petition":    {"ghi số %d nhưng nội dung là của kiến nghị số %s", "the number is %d but the text is that of petition %s"},
		"setup.problem.answer_unmatched":       {"cần ghi số kiến nghị hoặc nội dung kiến nghị", "give the petition's number or its text"},
		"setup.problem.answered_twice":         {"kiến nghị số %d đã có trả lời ở dòng %d", "petition %d is answered on row %d already"},
		"setup.problem.other_agency":           {"kiến nghị số %d giao cho %s, không phải cơ quan này", "petition %d is assigned to %s"},
		"setup.problem.protocol":               {"%q không phải thứ tự giới thiệu (ghi số; 0 là không giới thiệu)", "%q is not an introduction order (a number, 0 for none)"},
		"setup.change.delegates.protocol":      {"thứ tự giới thiệu", "introduction order"},
		"setup.problem.date":                   {"%q không phải ngày (ghi như 16/10/2023)", "%q is not a date (write it as 16/10/2023)"},

		"prep.sec.answers":      {"Trả lời", "Answers"},
		"prep.key.remind":       {"đôn đốc", "reminders"},
		"prep.key.asked":        {"ngày giao", "day asked"},
		"prep.key.import":       {"nhập trả lời", "import"},
		"prep.key.show":         {"kiến nghị", "petitions"},
		"prep.summary":          {"Đến %s: giao %d · đã nhận %d · còn thiếu %d · trễ hạn %d", "On %s: asked %d · received %d · missing %d · late %d"},
		"prep.unassigned_short": {"chưa giao %d", "%d unassigned"},
		"prep.none_assigned":    {"(chưa kiến nghị nào được giao cơ quan trả lời)", "(no petition is assigned to an agency yet)"},
		"prep.writing":          {"Đang viết công văn đôn đốc…", "Writing the reminder letters…"},
		"prep.reminded":         {"Đã viết %d công văn đôn đốc vào %s", "Wrote %d reminder letter(s) into %s"},
		"prep.all_asked":        {"Mọi kiến nghị đã giao đều đã có ngày giao.", "Every assigned petition has its date asked already."},
		"prep.form.asked":       {"Ghi ngày giao cho %d kiến nghị chưa có ngày giao", "Date asked for the %d petition(s) without one"},
		"prep.marked":           {"Đã ghi ngày giao cho %d kiến nghị", "Date asked recorded for %d petition(s)"},
		"prep.st.unassigned":    {"chưa giao cơ quan", "no agency yet"},
		"prep.st.received":      {"đã có trả lời", "answered"},
		"prep.st.received_on":   {"đã nhận %s", "received %s"},
		"prep.st.received_late": {"nhận trễ %s", "received late %s"},
		"prep.st.missing":       {"chưa có trả lời", "missing"},
		"prep.st.missing_due":   {"chưa có, hạn %s", "missing, due %s"},
		"prep.st.overdue":       {"quá hạn %s", "overdue since %s"},

		"reports.kind.briefing": {"Tài liệu phục vụ đối thoại (Chủ tịch)", "Chairman's briefing"},
		"reports.desc.briefing": {"Kiến nghị theo lĩnh vực, trả lời của cơ quan (đánh dấu chỗ còn thiếu), người liên hệ", "Petitions by topic, each agency's answer (missing ones marked), contact people"},

		"reports.kind.script": {"Kịch bản chương trình (dẫn chương trình)", "MC's script"},
		"reports.desc.script": {"Từng mục: giờ, người thực hiện, lời dẫn; giới thiệu đại biểu theo điểm danh khi đã có người đến", "Each item: time, presenter, the MC's words; introductions by check-in once anyone has come"},

		"prep.f.protocol":      {"Thứ tự giới thiệu", "Introduction order"},
		"prep.f.protocol_hint": {"Để trống hoặc 0: không giới thiệu; số nhỏ giới thiệu trước", "Empty or 0: not introduced; lower numbers first"},
		"prep.f.protocol_bad":  {"Ghi một số (0 là không giới thiệu)", "A number (0: not introduced)"},

		"prep.f.contact":       {"Người liên hệ", "Contact person"},
		"prep.f.contact_hint":  {"Người cần liên hệ về nội dung trả lời kiến nghị", "Whom to call about its answers to petitions"},
		"prep.f.asked":         {"Ngày giao (dd/mm/yyyy)", "Date asked (dd/mm/yyyy)"},
		"prep.f.due":           {"Hạn gửi trả lời", "Answer due by"},
		"prep.f.received":      {"Ngày nhận trả lời", "Date the answer arrived"},
		"prep.f.received_hint": {"Để trống: hôm nay, nếu vừa nhập nội dung", "Empty: today, if the answer was just typed"},
	})
}
