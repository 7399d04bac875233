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
		"prep.total":        {"Cộng", "Total"},
		"prep.unassigned":   {"Chưa giao cơ quan: %d kiến nghị", "Not assigned to an agency yet: %d petition(s)"},
		"prep.none_missing": {"Đã nhận đủ trả lời của các cơ quan.", "Every agency's answers have arrived."},
		"prep.due":          {"hạn %s", "due %s"},
		"prep.overdue":      {"(quá hạn)", "(overdue)"},
		"prep.petition_no":  {"KN", "P"},
		"prep.cli.head":     {"Trả lời chuẩn bị cho %d kiến nghị, tính đến ngày %s:", "Prepared answers to %d petition(s), as of %s:"},
		"prep.cli.missing":  {"Kiến nghị còn thiếu trả lời:", "Petitions still missing their answer:"},

		"prep.f.contact":       {"Người liên hệ", "Contact person"},
		"prep.f.contact_hint":  {"Người Phòng Nội vụ gọi về nội dung trả lời", "Whom the office calls about the answers"},
		"prep.f.asked":         {"Ngày giao (dd/mm/yyyy)", "Date asked (dd/mm/yyyy)"},
		"prep.f.due":           {"Hạn gửi trả lời", "Answer due by"},
		"prep.f.received":      {"Ngày nhận trả lời", "Date the answer arrived"},
		"prep.f.received_hint": {"Để trống: hôm nay, nếu vừa nhập nội dung", "Empty: today, if the answer was just typed"},
	})
}
