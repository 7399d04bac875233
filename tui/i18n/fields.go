package i18n

// Field names and reasons of the store's FieldError, so a refusal reads in
// the interface language ("Họ tên: bắt buộc") rather than as code.
func init() {
	register(map[string][2]string{
		"field.name":            {"Họ tên", "Name"},
		"field.code":            {"Mã", "Code"},
		"field.title":           {"Tiêu đề / chức vụ", "Title"},
		"field.phone":           {"Điện thoại", "Phone"},
		"field.unit":            {"Đơn vị", "Unit"},
		"field.short":           {"Tên viết tắt", "Short name"},
		"field.text":            {"Nội dung", "Text"},
		"field.topic":           {"Lĩnh vực", "Topic"},
		"field.asker":           {"Người hỏi", "Asker"},
		"field.asker_unit":      {"Đơn vị người hỏi", "Asker's unit"},
		"field.person":          {"Người trả lời", "Answered by"},
		"field.summary":         {"Tóm tắt", "Summary"},
		"field.outcome":         {"Kết quả", "Outcome"},
		"field.due_date":        {"Hạn trả lời", "Due date"},
		"field.followup_agency": {"Cơ quan trả lời bằng văn bản", "Agency owing the answer"},
		"field.prepared_answer": {"Trả lời đã chuẩn bị", "Prepared answer"},
		"field.presenter":       {"Người trình bày", "Presenter"},
		"field.date":            {"Ngày", "Date"},
		"field.start_time":      {"Giờ bắt đầu", "Start time"},
		"field.minutes":         {"Số phút", "Minutes"},
		"field.kind":            {"Loại", "Kind"},
		"field.quota":           {"Chỉ tiêu", "Quota"},
		"field.turn_seconds":    {"Thời gian mỗi lượt", "Turn length"},

		"reason.required":                                       {"bắt buộc", "required"},
		"reason.not a phone number":                             {"không phải số điện thoại (di động 10 số, cố định 11 số)", "not a phone number (10 digits for a mobile, 11 for a landline)"},
		"reason.too long":                                       {"quá dài", "too long"},
		"reason.expected YYYY-MM-DD":                            {"gõ theo dạng NNNN-TT-NN", "expected YYYY-MM-DD"},
		"reason.expected HH:MM":                                 {"gõ theo dạng GG:PP", "expected HH:MM"},
		"reason.a written answer needs a due date":              {"trả lời bằng văn bản cần hạn trả lời", "a written answer needs a due date"},
		"reason.a written answer needs the agency that owes it": {"trả lời bằng văn bản cần cơ quan chịu trách nhiệm", "a written answer needs the agency that owes it"},
		"reason.must not be negative":                           {"không được âm", "must not be negative"},
		"reason.must be positive":                               {"phải lớn hơn 0", "must be positive"},
		"reason.out of range":                                   {"ngoài khoảng cho phép", "out of range"},
		"reason.unknown outcome":                                {"chọn một kết quả trong danh sách", "choose an outcome from the list"},
		"reason.before the meeting day":                         {"trước ngày hội nghị", "before the meeting day"},
		"reason.more than two years after the meeting":          {"quá 2 năm sau ngày hội nghị", "more than two years after the meeting"},
	})
}
