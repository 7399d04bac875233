package sheet

// Field keys only the returned answers have, and the order in which the
// MC introduces an official (a column of the invitee list).
const (
	KeyPetitionNo = "petition_no"
	KeyReceived   = "received"
	KeyProtocol   = "protocol"
)

// protocol is the invitee list's column of introduction order.
var protocol = Field{Key: KeyProtocol, Aliases: []string{"Thứ tự giới thiệu", "TT giới thiệu", "Giới thiệu", "Thứ tự nghi thức", "Nghi thức",
	"Protocol", "Protocol order", "Introduction order"}}

// Answers is a table an agency sends back: its prepared answers, each
// beside the petition's number or text (or both).
var Answers = Schema{Name: "answers", Fields: []Field{
	stt,
	{Key: KeyPetitionNo, Aliases: []string{"Số kiến nghị", "Kiến nghị số", "Số KN", "KN số", "Số hiệu kiến nghị", "Mã kiến nghị", "Số thứ tự kiến nghị",
		"Petition no", "Petition number", "Petition #"}},
	{Key: KeyText, Aliases: []string{"Nội dung kiến nghị", "Kiến nghị", "Nội dung", "Nội dung kiến nghị, đề xuất", "Kiến nghị, đề xuất",
		"Nội dung câu hỏi", "Câu hỏi", "Petition", "Question", "Text"}},
	{Key: KeyAgency, Aliases: []string{"Cơ quan trả lời", "Cơ quan được giao", "Cơ quan giải quyết", "Cơ quan chủ trì", "Đơn vị trả lời",
		"Đơn vị được giao", "Cơ quan tham mưu trả lời", "Cơ quan", "Agency", "Assigned to", "Assigned agency"}},
	{Key: KeyAnswer, Required: true, Aliases: []string{"Nội dung trả lời", "Trả lời", "Dự kiến trả lời", "Nội dung dự kiến trả lời", "Ý kiến trả lời",
		"Nội dung giải trình", "Answer", "Prepared answer", "Reply"}},
	{Key: KeyReceived, Aliases: []string{"Ngày trả lời", "Ngày gửi", "Ngày nhận", "Ngày gửi trả lời", "Ngày", "Received", "Received on", "Date"}},
}}
