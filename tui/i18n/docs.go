package i18n

// Strings of the documents' signers, secretary, honorifics and the
// conclusion notice's own fields (setup's meeting and unit forms, the
// reports station), key prefix "doc.".
func init() {
	register(map[string][2]string{
		"doc.form.signing":       {"Ký văn bản", "Signing the documents"},
		"doc.secretary":          {"Thư ký hội nghị (ký biên bản)", "Secretary (signs the minutes)"},
		"doc.secretary_title":    {"Chức vụ thư ký", "Secretary's title"},
		"doc.sign_as":            {"Người ký thông báo kết luận", "Who signs the conclusion notice"},
		"doc.sign_as.chair":      {"Chủ trì tự ký", "The chair himself"},
		"doc.sign_as.KT":         {"KT. (ký thay: Phó Chủ tịch)", "KT. (a deputy signs for the chair)"},
		"doc.sign_as.TL":         {"TL. (thừa lệnh: Chánh Văn phòng)", "TL. (the office signs by order)"},
		"doc.signer":             {"Họ tên người ký KT./TL.", "Name of the KT./TL. signer"},
		"doc.signer_title":       {"Chức vụ người ký KT./TL.", "Title of the KT./TL. signer"},
		"doc.signer_title_hint":  {"Ví dụ: Phó Chủ tịch, Chánh Văn phòng", "E.g. Phó Chủ tịch, Chánh Văn phòng"},
		"doc.signer_required":    {"KT./TL. cần họ tên người ký", "KT./TL. needs the signer's name"},
		"doc.office":             {"Cơ quan tham mưu, theo dõi", "Drafting and follow-up office"},
		"doc.office_hint":        {"Ví dụ: Phòng Nội vụ (để trống: đơn vị tên «Nội vụ»)", "E.g. Phòng Nội vụ (empty: the unit named «Nội vụ»)"},
		"doc.office_code":        {"Ký hiệu cơ quan tham mưu (Lưu: VT, …)", "Office's initials (Lưu: VT, …)"},
		"doc.office_code_hint":   {"Ví dụ: NV (để trống: chữ đầu của tên)", "E.g. NV (empty: initials of its name)"},
		"doc.signs":              {"Ký", "Signs"},
		"doc.signs.chair":        {"%s (chủ trì)", "%s (the chair)"},
		"doc.signs.deputy":       {"%s. %s — %s", "%s. %s — %s"},
		"doc.honorific":          {"Danh xưng", "Honorific"},
		"doc.honorific.unknown":  {"Chưa rõ (Ông (Bà))", "Not known (Ông (Bà))"},
		"doc.honorific.guess":    {"Theo tên (Thị → Bà, Văn → Ông)", "From the name (Thị → Bà, Văn → Ông)"},
		"doc.addressing":         {"Trong thông báo kết luận", "In the conclusion notice"},
		"doc.addressing.kind":    {"Theo loại đơn vị (%s)", "By the unit's kind (%s)"},
		"doc.addressing.assign":  {"Giao …", "Giao … (assigned)"},
		"doc.addressing.request": {"Đề nghị …", "Đề nghị … (requested)"},

		"setup.problem.honorific":          {"%q không phải Ông/Bà hay Nam/Nữ", "%q is neither Ông/Bà nor Nam/Nữ"},
		"setup.change.delegates.honorific": {"danh xưng", "honorific"},
		"doc.fix.prompt":                   {"Sửa tên: ", "Correct the name: "},
		"doc.fix.save":                     {"lưu", "save"},
		"doc.fix.cancel":                   {"thôi", "cancel"},
		"doc.fix.hint":                     {"Gõ tên có dấu; Enter sửa ở mọi chỗ tên này đã gõ (lượt phát biểu, người hỏi), Esc để nguyên", "Type it with accents; Enter corrects it wherever it was typed (turns, askers), Esc leaves it"},
		"doc.fix.done":                     {"Đã sửa «%s» thành «%s» (%d chỗ)", "Corrected «%s» to «%s» (%d places)"},
		"doc.unaccented":                   {"⚠ %d tên chưa dấu (giấy tờ in như gõ): %s — d: sửa", "⚠ %d names without accents (documents print them as typed): %s — d: correct"},
		"doc.key.fix":                      {"sửa tên chưa dấu", "correct a name"},
		"doc.key.assess":                   {"đánh giá chung", "assessment"},
		"doc.assess.none":                  {"Đánh giá chung: chưa viết (thông báo để chỗ trống) — g: viết", "Assessment: not written (the notice leaves a placeholder) — g: write"},
		"doc.assess.some":                  {"Đánh giá chung: đã viết (%d chữ) — g: sửa", "Assessment: written (%d words) — g: edit"},
		"doc.assess.title":                 {"Đánh giá chung (mục 1 của thông báo kết luận)", "Assessment (section 1 of the conclusion notice)"},
		"doc.assess.hint":                  {"Ctrl+S lưu · Esc thôi · để trống: thông báo giữ chỗ trống", "Ctrl+S saves · Esc cancels · empty: the notice keeps its placeholder"},
		"doc.assess.saved":                 {"Đã lưu đánh giá chung", "Assessment saved"},
		"doc.assess.save":                  {"lưu", "save"},
		"doc.assess.cancel":                {"thôi", "cancel"},
		"doc.qa.unaccented":                {"chưa dấu", "no accents"},
	})
}
