package i18n

// Hostile and oversized input: files refused for their size, damaged
// text, fields at their length limit.
func init() {
	register(map[string][2]string{
		"setup.problem.bad_utf8": {"có ký tự không đọc được (không phải UTF-8): lưu lại tệp dạng CSV UTF-8",
			"text that is not valid UTF-8: save the file again as CSV UTF-8"},
		"setup.problem.bad_utf8_xlsx": {"có ký tự không đọc được (tệp xlsx bị hỏng ở dòng này): gõ lại dòng này trong Excel rồi lưu lại",
			"text that is not valid UTF-8 (the workbook is damaged here): retype this row in Excel and save again"},
		// %[1]d the paste's length as the field got it, %[2]d the field's limit
		"sec.field.cut": {"Đoạn dán đã bị cắt: ô này tối đa %[2]d ký tự.", "The paste was cut: this field takes at most %[2]d characters."},
		"sec.paste_cut": {"Đoạn dán dài %d ký tự, quá dài: chỉ giữ %d ký tự đầu.", "A paste of %d characters is too long: only the first %d were kept."},
		// the serve console: %[1]s address, %[2]s role, %[3]s until, %[4]d failures, %[5]d minutes
		"sec.lockout.addr": {"KHÓA: máy %[1]s (thử mật mã vị trí %[2]s) bị từ chối đến %[3]s: %[4]d mật mã sai trong %[5]d phút.",
			"LOCKOUT: %[1]s (trying the %[2]s passcode) is refused until %[3]s: %[4]d wrong passcodes within %[5]d minutes."},
		// %[1]s role, %[2]s until, %[3]d failures, %[4]d minutes
		"sec.lockout.role": {"KHÓA: mật mã vị trí %[1]s bị khóa đến %[2]s: %[3]d mật mã sai trong %[4]d phút, từ nhiều máy. Máy dùng khóa SSH vẫn vào được.",
			"LOCKOUT: the %[1]s passcode is locked until %[2]s: %[3]d wrong passcodes within %[4]d minutes from several addresses. Authorized keys still open it."},
		"sec.serve.host": {"Tại %s (vân tay máy chủ %s):", "At %s (host key fingerprint %s):"},
		"sec.serve.weak": {"CẢNH BÁO: mật mã của %s ngắn hơn %d ký tự (hoặc đặt từ phiên bản cũ): trên Wi-Fi chung của hội trường, hãy đặt lại.",
			"WARNING: the passcode of %s is shorter than %d characters (or was set by an earlier version): on the hall's shared Wi-Fi, set a new one."},
		"sec.serve.weak_hint": {"  Đặt mật mã mới 6 chữ số: doithoai serve --passcode %s=auto", "  A new six-digit passcode: doithoai serve --passcode %s=auto"},
		// LimitError: %[1]d row, %[2]d got, %[3]d max, %[4]s got in MB, %[5]s max in MB, %[6]s part
		"sec.limit.file":    {"Tệp quá lớn: %[4]s, tối đa %[5]s.", "File too large: %[4]s, the limit is %[5]s."},
		"sec.limit.rows":    {"Tệp có quá nhiều dòng: hơn %[3]d, tối đa %[3]d.", "Too many rows: more than %[3]d, the limit is %[3]d."},
		"sec.limit.columns": {"Tệp có quá nhiều cột: dòng %[1]d có %[2]d cột, tối đa %[3]d.", "Too many columns: row %[1]d has %[2]d, the limit is %[3]d."},
		"sec.limit.unpacked": {"Tệp quá lớn khi giải nén: %[6]s nở ra %[4]s trở lên, tối đa %[5]s (tệp hỏng hoặc độc hại).",
			"File too large once unpacked: %[6]s expands to %[4]s or more, the limit is %[5]s (a damaged or hostile file)."},
	})
}
