package i18n

func init() {
	register(map[string][2]string{
		"form.bad_date":       {"Ngày theo dạng NNNN-TT-NN, ví dụ 2023-10-18", "Date as YYYY-MM-DD, e.g. 2023-10-18"},
		"form.bad_time":       {"Giờ theo dạng GG:PP, ví dụ 07:30", "Time as HH:MM, e.g. 07:30"},
		"meeting.title":       {"Tên hội nghị", "Meeting title"},
		"meeting.theme":       {"Chủ đề", "Theme"},
		"meeting.date":        {"Ngày (NNNN-TT-NN)", "Date (YYYY-MM-DD)"},
		"meeting.start":       {"Giờ bắt đầu (GG:PP)", "Start time (HH:MM)"},
		"meeting.venue":       {"Địa điểm", "Venue"},
		"meeting.chair":       {"Chủ trì", "Chair"},
		"meeting.chair_title": {"Chức vụ người chủ trì", "Chair's title"},
		"meeting.organiser":   {"Cơ quan tổ chức", "Organiser"},
		"meeting.place":       {"Địa danh (dòng ngày tháng)", "Place (for the date line)"},
		"meeting.turn":        {"Thời gian mỗi lượt phát biểu (giây)", "Speaking turn (seconds)"},
	})
}
