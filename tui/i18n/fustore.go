package i18n

// The follow-up register's store refusals (store/followup*.go): field
// names and reasons of its FieldErrors, and the words for a refused
// scanned copy (store.FileError.Reason) and a document number already
// recorded for another agency (store.DocNumberError).
func init() {
	register(map[string][2]string{
		"field.doc_no":       {"Số, ký hiệu văn bản", "Document number"},
		"field.doc_date":     {"Ngày văn bản", "Document date"},
		"field.signer":       {"Người ký", "Signed by"},
		"field.result":       {"Kết quả giải quyết", "Result"},
		"field.next_due":     {"Hạn theo dõi tiếp", "Next due date"},
		"field.forwarded_to": {"Chuyển đến", "Forwarded to"},
		"field.new_due":      {"Hạn mới", "New due date"},
		"field.agency":       {"Cơ quan", "Agency"},
		"field.utc_offset":   {"Múi giờ", "Time zone"},

		"reason.no document number":         {"không thấy số văn bản (ví dụ: Số 123/UBND-VP ngày 20/11/2023)", "no document number (e.g. Số 123/UBND-VP ngày 20/11/2023)"},
		"reason.not a day of the calendar":  {"ngày không có thật", "not a day of the calendar"},
		"reason.in the future":              {"sau ngày hôm nay", "after today"},
		"reason.before the document's date": {"trước ngày của văn bản", "before the document's date"},
		"reason.unknown":                    {"không có trong danh sách", "not on the list"},

		"fustore.file.missing":            {"không tìm thấy tệp %s", "file %s not found"},
		"fustore.file.unreadable":         {"không đọc được tệp %s", "cannot read file %s"},
		"fustore.file.not a file":         {"%s không phải là tệp", "%s is not a file"},
		"fustore.file.too large":          {"tệp %s lớn hơn 50 MB", "file %s is larger than 50 MB"},
		"fustore.file.not a PDF or image": {"tệp %s không phải PDF hay ảnh chụp", "file %s is not a PDF or an image"},
		"fustore.file.changed":            {"bản lưu %s đã bị thay đổi (mã SHA-256 không khớp)", "the stored copy %s has changed (its SHA-256 does not match)"},
		"fustore.docno.taken":             {"văn bản số %s đã được ghi nhận là của %s", "document %s is already recorded as %s's"},
	})
}
