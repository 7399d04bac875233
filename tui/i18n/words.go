package i18n

// The MC's words in the agenda station.
func init() {
	register(map[string][2]string{
		"words.key.edit":       {"lời dẫn", "MC's words"},
		"words.key.save":       {"lưu", "save"},
		"words.key.template":   {"về lời mẫu", "back to the template"},
		"words.template":       {"(lời mẫu)", "(template)"},
		"words.edited":         {"(đã sửa)", "(edited)"},
		"words.editing":        {"Lời dẫn: %d. %s", "MC's words: %d. %s"},
		"words.draft.restored": {"Bản nháp lúc %s được mở lại (chưa lưu): ctrl+s để lưu, esc để bỏ.", "Draft from %s reopened (not saved): ctrl+s saves, esc drops it."},
		"words.draft.pending":  {"Lời dẫn chưa lưu của mục %s: chọn mục, bấm w để mở lại.", "Unsaved MC's words for item %s: select it and press w to reopen."},
		"words.saved":          {"Đã lưu lời dẫn", "MC's words saved"},
		"words.saved_template": {"Lời dẫn theo mẫu", "MC's words follow the template"},
	})
}
