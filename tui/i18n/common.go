package i18n

func init() {
	register(map[string][2]string{
		"app.name":             {"Đối thoại", "Dialogue"},
		"station.home":         {"Trang chính", "Home"},
		"station.checkin":      {"Đón tiếp", "Check-in"},
		"station.agenda":       {"Điều hành", "Agenda"},
		"station.qa":           {"Thư ký", "Secretary"},
		"station.screen":       {"Màn chiếu", "Projector"},
		"station.reports":      {"Tổng hợp", "Reports"},
		"station.setup":        {"Chuẩn bị", "Setup"},
		"station.checkin.desc": {"Điểm danh đại biểu tại cửa: gõ vài chữ không dấu hoặc quét mã, Enter", "Check in delegates at the door: type a few letters or scan a code, Enter"},
		"station.agenda.desc":  {"Chương trình, đồng hồ, danh sách phát biểu", "Run-sheet, clocks, speaker queue"},
		"station.qa.desc":      {"Ghi ý kiến, câu trả lời và kết quả", "Record questions, answers and outcomes"},
		"station.screen.desc":  {"Màn hình chiếu cho hội trường (chỉ xem)", "Projector view for the hall (read-only)"},
		"station.reports.desc": {"Danh sách điểm danh, biên bản, theo dõi, thông báo kết luận", "Attendance, minutes, follow-up, conclusion notice"},
		"station.setup.desc":   {"Sửa thông tin hội nghị, đơn vị, đại biểu, kiến nghị", "Edit meeting details, units, delegates, petitions"},

		"home.title":     {"Chọn vị trí làm việc", "Choose a station"},
		"home.file":      {"Tệp hội nghị: %s", "Meeting file: %s"},
		"home.hint":      {"Nhấn số để mở; Esc trong một vị trí để quay lại đây.", "Press a number to open; Esc in a station comes back here."},
		"home.delegates": {"%d đại biểu, %d đã đến", "%d delegates, %d arrived"},

		"key.quit":    {"thoát", "quit"},
		"key.help":    {"trợ giúp", "help"},
		"key.home":    {"trang chính", "home"},
		"key.open":    {"mở", "open"},
		"key.up":      {"lên", "up"},
		"key.down":    {"xuống", "down"},
		"key.station": {"vị trí", "station"},
		"key.lang":    {"ngôn ngữ", "language"},

		"ui.too_small":   {"Cửa sổ quá nhỏ (%dx%d). Hãy phóng to cửa sổ (tối thiểu %dx%d).", "Window too small (%dx%d). Please enlarge the window (at least %dx%d)."},
		"ui.loading":     {"Đang tải…", "Loading…"},
		"ui.yes":         {"Có", "Yes"},
		"ui.no":          {"Không", "No"},
		"ui.none":        {"(không có)", "(none)"},
		"ui.saved":       {"Đã lưu", "Saved"},
		"ui.cancelled":   {"Đã hủy", "Cancelled"},
		"ui.placeholder": {"Vị trí này đang được xây dựng.", "This station is being built."},
		"ui.readonly":    {"Chỉ xem", "Read-only"},

		"err.generic":   {"Lỗi: %v", "Error: %v"},
		"err.not_found": {"Không tìm thấy", "Not found"},
		"err.duplicate": {"Đã tồn tại", "Already exists"},
		"err.invalid":   {"Dữ liệu không hợp lệ: %v", "Invalid: %v"},
		"err.forbidden": {"Vị trí này không được phép làm việc đó", "This station is not allowed to do that"},
		"err.busy":      {"Cơ sở dữ liệu đang bận, thử lại", "Database busy, try again"},
		"err.in_use":    {"Đang được sử dụng ở nơi khác", "Still in use elsewhere"},
		"err.required":  {"Bắt buộc", "Required"},
		"err.too_long":  {"Quá dài", "Too long"},
	})
}
