package i18n

// The follow-up documents in the reports station (store/docs: register,
// results, report, reminders).
func init() {
	register(map[string][2]string{
		"reports.kind.register":   {"Sổ theo dõi trả lời", "Follow-up register"},
		"reports.kind.results":    {"Thông báo kết quả trả lời", "Notice of the answers"},
		"reports.kind.report":     {"Báo cáo kết quả giải quyết", "Report on the answers"},
		"reports.kind.reminders":  {"Công văn đôn đốc (quá hạn)", "Reminder letters (overdue)"},
		"reports.desc.register":   {"Mọi việc phải trả lời, trạng thái theo hạn, văn bản đã nhận; lọc, tô màu, in A4 ngang", "Every promise, its status by date, answers received; filtered, coloured, A4 landscape"},
		"reports.desc.results":    {"Gửi đại biểu: theo lĩnh vực, cơ quan trả lời, số văn bản, nội dung trả lời", "To the delegates: by topic, answering agency, document, gist"},
		"reports.desc.report":     {"Gửi Chủ tịch và tỉnh: theo cơ quan, lĩnh vực, kết quả; tỷ lệ đúng hạn", "To the Chairman and the province: by agency, topic, result; on-time rate"},
		"reports.desc.reminders":  {"Một công văn cho mỗi cơ quan có nội dung quá hạn, ghi vào thư mục", "One letter per agency with overdue answers, into the folder"},
		"reports.batch.reminders": {"%d công văn đôn đốc trong %s", "%d reminder letters in %s"},
	})
}
