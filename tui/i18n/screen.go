package i18n

func init() {
	register(map[string][2]string{
		"screen.now":          {"ĐANG DIỄN RA", "NOW"},
		"screen.speaker":      {"ĐẠI BIỂU PHÁT BIỂU", "SPEAKING"},
		"screen.turn_left":    {"Thời gian phát biểu còn lại", "Speaking time left"},
		"screen.item_left":    {"Thời gian còn lại", "Time left"},
		"screen.over":         {"QUÁ GIỜ", "OVER TIME"},
		"screen.time_now":     {"Bây giờ là", "The time is"},
		"screen.finished":     {"Chương trình đã kết thúc. Xin cảm ơn!", "The meeting has ended. Thank you!"},
		"screen.starts_at":    {"Chương trình bắt đầu lúc %s", "The meeting starts at %s"},
		"screen.next":         {"Tiếp theo: %s", "Next: %s"},
		"screen.next_speaker": {"Người phát biểu tiếp theo: %s", "Next speaker: %s"},
	})
}
