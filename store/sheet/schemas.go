package sheet

// Field keys of the three kinds of table.
const (
	KeyNo        = "no"
	KeyName      = "name"
	KeyTitle     = "title"
	KeyUnit      = "unit"
	KeyGroup     = "group"
	KeyPhone     = "phone"
	KeyCode      = "code"
	KeyText      = "text"
	KeyTopic     = "topic"
	KeyDelegate  = "delegate"
	KeyAgency    = "agency"
	KeyAnswer    = "answer"
	KeyKind      = "kind"
	KeyPresenter = "presenter"
	KeyMinutes   = "minutes"
	// KeyHonorific is Ông/Bà or the sex (Nam/Nữ) of a delegate.
	KeyHonorific = "honorific"
)

var stt = Field{Key: KeyNo, Aliases: []string{"STT", "TT", "Số TT", "Số thứ tự", "No", "No.", "#"}}

// Delegates is an invitee list.
var Delegates = Schema{Name: "delegates", Fields: []Field{
	stt,
	{Key: KeyName, Required: true, Aliases: []string{"Họ và tên", "Họ tên", "Họ, tên", "Tên", "Họ và tên đại biểu", "Tên đại biểu", "Đại biểu",
		"Name", "Full name", "Fullname", "Delegate"}},
	{Key: KeyTitle, Aliases: []string{"Chức vụ", "Chức danh", "Chức vụ công tác", "Title", "Position", "Job title"}},
	{Key: KeyUnit, Aliases: []string{"Đơn vị", "Cơ quan", "Đơn vị công tác", "Cơ quan, đơn vị", "Cơ quan đơn vị", "Nơi công tác", "Tên đơn vị",
		"Xã, phường", "Xã phường", "Unit", "Organisation", "Organization", "Agency"}},
	{Key: KeyGroup, Aliases: []string{"Thành phần", "Nhóm", "Đối tượng", "Group", "Category"}},
	{Key: KeyPhone, Aliases: []string{"Điện thoại", "Số điện thoại", "SĐT", "Số ĐT", "ĐT", "Điện thoại liên hệ", "Số điện thoại liên hệ",
		"Di động", "Phone", "Phone number", "Mobile", "Tel"}},
	{Key: KeyCode, Aliases: []string{"Mã", "Mã đại biểu", "Mã số", "Mã ĐB", "Code", "ID", "Delegate code"}},
	{Key: KeyHonorific, Aliases: []string{"Danh xưng", "Giới tính", "Xưng hô", "Ông/Bà", "Ông, Bà", "Nam/Nữ", "Nam, nữ", "Honorific", "Gender", "Sex"}},
	protocol,
}}

// Petitions is a compiled list of petitions with their assignments.
var Petitions = Schema{Name: "petitions", Fields: []Field{
	stt,
	{Key: KeyText, Required: true, Aliases: []string{"Nội dung", "Kiến nghị", "Nội dung kiến nghị", "Nội dung kiến nghị, đề xuất", "Kiến nghị, đề xuất",
		"Nội dung câu hỏi", "Câu hỏi", "Text", "Petition", "Question"}},
	{Key: KeyTopic, Aliases: []string{"Lĩnh vực", "Chủ đề", "Nhóm vấn đề", "Topic", "Field", "Subject"}},
	{Key: KeyDelegate, Aliases: []string{"Người kiến nghị", "Đại biểu", "Họ và tên", "Họ tên", "Người đề xuất", "Người hỏi", "Mã đại biểu",
		"Delegate", "Name", "Asked by", "From"}},
	{Key: KeyUnit, Aliases: []string{"Đơn vị", "Đơn vị kiến nghị", "Nơi kiến nghị", "Xã, phường", "Xã phường", "Unit", "Source", "Source unit"}},
	{Key: KeyAgency, Aliases: []string{"Cơ quan trả lời", "Cơ quan được giao", "Cơ quan giải quyết", "Cơ quan chủ trì", "Đơn vị trả lời",
		"Đơn vị được giao", "Cơ quan tham mưu trả lời", "Agency", "Assigned to", "Assigned agency"}},
	{Key: KeyAnswer, Aliases: []string{"Trả lời", "Nội dung trả lời", "Dự kiến trả lời", "Nội dung dự kiến trả lời", "Answer", "Prepared answer", "Reply"}},
}}

// Agenda is a run-sheet.
var Agenda = Schema{Name: "agenda", Fields: []Field{
	stt,
	{Key: KeyTitle, Required: true, Aliases: []string{"Nội dung", "Nội dung chương trình", "Tiêu đề", "Mục", "Title", "Item"}},
	{Key: KeyKind, Aliases: []string{"Loại", "Hình thức", "Kind", "Type"}},
	{Key: KeyPresenter, Aliases: []string{"Người trình bày", "Người thực hiện", "Người phụ trách", "Đơn vị thực hiện", "Trình bày", "Presenter",
		"Speaker", "By"}},
	{Key: KeyMinutes, Aliases: []string{"Thời lượng", "Phút", "Số phút", "Thời lượng (phút)", "Thời gian", "Thời điểm", "Giờ", "Minutes", "Duration", "Time"}},
}}
