package i18n

// Hostile and oversized input: files refused for their size, damaged
// text, fields at their length limit.
func init() {
	register(map[string][2]string{
		"setup.problem.bad_utf8": {"có ký tự không đọc được (không phải UTF-8): lưu lại tệp dạng CSV UTF-8",
			"text that is not valid UTF-8: save the file again as CSV UTF-8"},
		"sec.field.cut": {"Đoạn dán dài %d ký tự đã bị cắt: ô này tối đa %d ký tự.", "The paste of %d characters was cut: this field takes at most %d."},
		"sec.paste_cut": {"Đoạn dán dài %d ký tự, quá dài: chỉ giữ %d ký tự đầu.", "A paste of %d characters is too long: only the first %d were kept."},
		// LimitError: %[1]d row, %[2]d got, %[3]d max, %[4]s got in MB, %[5]s max in MB, %[6]s part
		"sec.limit.file":    {"Tệp quá lớn: %[4]s, tối đa %[5]s.", "File too large: %[4]s, the limit is %[5]s."},
		"sec.limit.rows":    {"Tệp có quá nhiều dòng: hơn %[3]d, tối đa %[3]d.", "Too many rows: more than %[3]d, the limit is %[3]d."},
		"sec.limit.columns": {"Tệp có quá nhiều cột: dòng %[1]d có %[2]d cột, tối đa %[3]d.", "Too many columns: row %[1]d has %[2]d, the limit is %[3]d."},
		"sec.limit.unpacked": {"Tệp quá lớn khi giải nén: %[6]s nở ra %[4]s trở lên, tối đa %[5]s (tệp hỏng hoặc độc hại).",
			"File too large once unpacked: %[6]s expands to %[4]s or more, the limit is %[5]s (a damaged or hostile file)."},
	})
}
