package i18n

// Apologies (báo vắng) and substitutes: the setup tab, the desk and the
// counts that separate present, absent with apologies and absent without.
func init() {
	register(map[string][2]string{
		"apology.home":                {", %d báo vắng", ", %d sent apologies"},
		"apology.reports.excused":     {" (có lý do %d)", " (%d with apologies)"},
		"apology.reports.substitutes": {" · dự thay %d", " · substitutes %d"},

		"apology.key.desk":           {"báo vắng", "apologies"},
		"apology.desk.status":        {"báo vắng", "apologised"},
		"apology.desk.mark":          {"dự thay", "substitute"},
		"apology.desk.sub":           {"%s đã báo vắng – cử %s thay%s", "%s sent apologies – %s comes instead%s"},
		"apology.desk.keys_sub":      {"Enter: điểm danh người thay · ctrl+b: sửa báo vắng", "Enter: check the substitute in · ctrl+b: edit the apology"},
		"apology.desk.keys_none":     {"Enter: vẫn điểm danh chính người này · ctrl+b: sửa báo vắng", "Enter: check her in all the same · ctrl+b: edit the apology"},
		"apology.desk.keys_here":     {"ctrl+x: hủy điểm danh người thay", "ctrl+x: undo the substitute's check-in"},
		"apology.desk.sub_here":      {"%s đã báo vắng – %s dự thay, đã đến %s", "%s sent apologies – %s stands in, here %s"},
		"apology.desk.none":          {"%s đã báo vắng%s", "%s sent apologies%s"},
		"apology.desk.came":          {"%s đã báo vắng%s nhưng vẫn đến dự", "%s sent apologies%s but came after all"},
		"apology.desk.stands_in":     {"%s dự thay %s", "%s stands in for %s"},
		"apology.desk.sub_done":      {"✓ %s đã điểm danh: %s, dự thay %s", "✓ %s checked in: %s, for %s"},
		"apology.desk.sub_already":   {"! %s (dự thay %s) ĐÃ ĐẾN từ %s (%s) — không ghi lại", "! %s (for %s) is ALREADY HERE since %s (%s) — nothing recorded"},
		"apology.desk.sub_undone":    {"↶ Đã hủy điểm danh người dự thay: %s (thay %s)", "↶ Substitute's check-in undone: %s (for %s)"},
		"apology.desk.how":           {"Gõ tên người báo vắng, chọn bằng ↑↓, rồi Ctrl+B", "Type the name of who sent apologies, choose with ↑↓, then Ctrl+B"},
		"apology.desk.arrived":       {"%s đã điểm danh lúc %s: không ghi báo vắng", "%s checked in at %s: no apology to record"},
		"apology.desk.walkin":        {"%s không có trong danh sách mời: không ghi báo vắng", "%s is not on the invitation list: no apology to record"},
		"apology.desk.form":          {"Báo vắng: %s", "Apologies: %s"},
		"apology.desk.saved":         {"✓ Đã ghi báo vắng: %s", "✓ Apologies recorded: %s"},
		"apology.desk.withdrawn":     {"↶ Đã bỏ báo vắng: %s", "↶ Apologies withdrawn: %s"},
		"apology.f.reason":           {"Lý do", "Reason"},
		"apology.f.reason_hint":      {"ốm, đi công tác, họp…", "ill, away on duty, a meeting…"},
		"apology.f.substitute":       {"Người dự thay (nếu có)", "Who comes instead (if anyone)"},
		"apology.f.substitute_hint":  {"họ và tên có dấu, như sẽ in trong danh sách", "full name with accents, as the list will print it"},
		"apology.f.substitute_title": {"Chức vụ người dự thay", "Substitute's title"},
		"apology.f.withdraw_hint":    {"Xóa hết các ô rồi Enter: bỏ báo vắng (người này vẫn đến)", "Empty every field and press Enter to withdraw the apology (she comes after all)"},
		"apology.tally.substitutes":  {"dự thay %d", "substitutes %d"},
		"apology.tally.apologised":   {"báo vắng %d", "apologies %d"},

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
