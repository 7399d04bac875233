package i18n

// Apologies (báo vắng) and substitutes: the setup tab, the desk and the
// counts that separate present, absent with apologies and absent without.
func init() {
	register(map[string][2]string{
		"apology.home":                {", %d báo vắng", ", %d sent apologies"},
		"apology.reports.excused":     {" (có lý do %d)", " (%d with apologies)"},
		"apology.reports.substitutes": {" · dự thay %d", " · substitutes %d"},

		"field.reason":           {"Lý do", "Reason"},
		"field.substitute":       {"Người dự thay", "Substitute"},
		"field.substitute_title": {"Chức vụ người dự thay", "Substitute's title"},
		"field.delegate":         {"Đại biểu", "Delegate"},

		"reason.already checked in":                 {"đã điểm danh", "already checked in"},
		"reason.not on the invitation list":         {"không có trong danh sách mời", "not on the invitation list"},
		"reason.stands in for someone else":         {"đang dự thay cho người khác", "stands in for someone else"},
		"reason.already stands in for someone else": {"đã dự thay cho người khác", "already stands in for someone else"},
		"reason.sent apologies herself":             {"chính người này đã báo vắng", "sent apologies herself"},
		"reason.the same person":                    {"trùng với người báo vắng", "the same person"},
		"reason.not on the list":                    {"không có trong danh sách", "not on the list"},
		"reason.none named":                         {"chưa ghi tên người dự thay", "none named"},
	})
}
