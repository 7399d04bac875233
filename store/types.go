package store

import "time"

// Meeting is the single row describing the event.
type Meeting struct {
	Title      string `json:"title"`
	Theme      string `json:"theme"`
	Venue      string `json:"venue"`
	Organiser  string `json:"organiser"`   // issuing body, e.g. "Ủy ban nhân dân thị xã Ba Đồn"
	Place      string `json:"place"`       // place name for the date line, e.g. "Ba Đồn"
	Date       string `json:"date"`        // YYYY-MM-DD
	StartTime  string `json:"start_time"`  // HH:MM
	Chair      string `json:"chair"`       // name of the person chairing
	ChairTitle string `json:"chair_title"` // e.g. "Chủ tịch UBND thị xã"
	// TurnSeconds is the default time limit of one speaker's turn.
	TurnSeconds int `json:"turn_seconds"`

	Secretary      string `json:"secretary,omitempty"`       // who keeps the minutes
	SecretaryTitle string `json:"secretary_title,omitempty"` // e.g. "Chuyên viên Phòng Nội vụ"
	// SignAs is how the conclusion notice (and the office's letters) are
	// signed: by the chair himself, or KT./TL. by Signer.
	SignAs      SignAs `json:"sign_as,omitempty"`
	Signer      string `json:"signer,omitempty"`       // name of the KT./TL. signer
	SignerTitle string `json:"signer_title,omitempty"` // e.g. "Phó Chủ tịch", "Chánh Văn phòng"
	Office      string `json:"office,omitempty"`       // drafts the notice, follows up its tasks: "Phòng Nội vụ"
	OfficeCode  string `json:"office_code,omitempty"`  // its initials in "Lưu: VT, NV."
	// Assessment is the notice's "Đánh giá chung" paragraph, written in
	// the reports station; SaveMeeting leaves it as it is (SaveAssessment).
	Assessment string `json:"assessment,omitempty"`
}

// SignAs is the authority a document is signed with.
type SignAs string

const (
	SignChair SignAs = ""   // the chair signs in his own name and title
	SignKT    SignAs = "KT" // ký thay: a deputy signs for the chair (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)
	SignTL    SignAs = "TL" // thừa lệnh: the office signs by order (TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG)
)

// SignAsValues lists every authority.
var SignAsValues = []SignAs{SignChair, SignKT, SignTL}

// Start returns the planned start of the meeting in loc, or the zero time
// when date or start time are not set.
func (m Meeting) Start(loc *time.Location) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", m.Date+" "+m.StartTime, loc)
	if err != nil {
		return time.Time{}
	}
	return t
}

// UnitKind classifies units; it also drives protocol order.
type UnitKind string

const (
	UnitLeadership   UnitKind = "leadership"   // UBND thị xã leaders (the chair)
	UnitParty        UnitKind = "party"        // Ban Đảng, Thị ủy
	UnitFront        UnitKind = "front"        // Ủy ban MTTQ
	UnitCouncil      UnitKind = "council"      // HĐND
	UnitAgency       UnitKind = "agency"       // phòng, ban, sectoral bodies
	UnitOrganisation UnitKind = "organisation" // mass organisations: Hội LHPN, LĐLĐ, Đoàn…
	UnitWard         UnitKind = "ward"         // phường
	UnitCommune      UnitKind = "commune"      // xã
	UnitOther        UnitKind = "other"
)

// UnitKinds lists every kind in protocol order.
var UnitKinds = []UnitKind{UnitLeadership, UnitParty, UnitFront, UnitCouncil, UnitAgency, UnitOrganisation, UnitWard, UnitCommune, UnitOther}

// ItemKind classifies agenda items.
type ItemKind string

const (
	ItemPerformance  ItemKind = "performance"  // văn nghệ
	ItemIntroduction ItemKind = "introduction" // tuyên bố lý do, giới thiệu đại biểu
	ItemSpeech       ItemKind = "speech"       // phát biểu khai mạc
	ItemBriefing     ItemKind = "briefing"     // thông tin, báo cáo
	ItemDialogue     ItemKind = "dialogue"     // đối thoại
	ItemBreak        ItemKind = "break"        // giải lao
	ItemConclusion   ItemKind = "conclusion"   // kết luận
	ItemClosing      ItemKind = "closing"      // bế mạc
	ItemOther        ItemKind = "other"
)

// ItemKinds lists every agenda item kind.
var ItemKinds = []ItemKind{ItemPerformance, ItemIntroduction, ItemSpeech, ItemBriefing, ItemDialogue, ItemBreak, ItemConclusion, ItemClosing, ItemOther}

// Outcome is what came of an answer.
type Outcome string

const (
	OutcomeSpot     Outcome = "spot"     // answered on the spot
	OutcomeWritten  Outcome = "written"  // written answer owed by an agency by a date
	OutcomeReferred Outcome = "referred" // referred to a higher level
	OutcomeNoted    Outcome = "noted"    // noted (tiếp thu)
)

// Outcomes lists every outcome.
var Outcomes = []Outcome{OutcomeSpot, OutcomeWritten, OutcomeReferred, OutcomeNoted}
