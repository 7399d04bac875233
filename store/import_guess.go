package store

import "strings"

// itemKindVI is the Vietnamese name of each agenda item kind.
var itemKindVI = map[ItemKind]string{
	ItemPerformance: "văn nghệ", ItemIntroduction: "tuyên bố lý do", ItemSpeech: "phát biểu", ItemBriefing: "thông tin",
	ItemDialogue: "đối thoại", ItemBreak: "giải lao", ItemConclusion: "kết luận", ItemClosing: "bế mạc", ItemOther: "khác",
}

// itemKindWords are folded phrases naming each kind, most specific first
// (phrases are also looked for inside titles).
var itemKindWords = []struct {
	phrase string
	kind   ItemKind
}{
	{"ket luan", ItemConclusion}, {"conclusion", ItemConclusion},
	{"be mac", ItemClosing}, {"closing", ItemClosing}, {"close", ItemClosing},
	{"van nghe", ItemPerformance}, {"bieu dien", ItemPerformance}, {"performance", ItemPerformance},
	{"tuyen bo ly do", ItemIntroduction}, {"gioi thieu dai bieu", ItemIntroduction}, {"gioi thieu", ItemIntroduction},
	{"introduction", ItemIntroduction},
	{"doi thoai", ItemDialogue}, {"hoi dap", ItemDialogue}, {"trao doi", ItemDialogue}, {"dialogue", ItemDialogue},
	{"giai lao", ItemBreak}, {"break", ItemBreak},
	{"khai mac", ItemSpeech}, {"phat bieu", ItemSpeech}, {"dien van", ItemSpeech}, {"speech", ItemSpeech}, {"opening", ItemSpeech},
	{"thong tin", ItemBriefing}, {"bao cao", ItemBriefing}, {"tham luan", ItemBriefing}, {"briefing", ItemBriefing}, {"report", ItemBriefing},
	{"khac", ItemOther}, {"other", ItemOther},
}

// ParseItemKind reads a kind cell in Vietnamese or English, with or
// without accents ("Văn nghệ", "van nghe", "performance").
func ParseItemKind(s string) (ItemKind, bool) {
	f := Fold(s)
	if validItemKind(ItemKind(f)) {
		return ItemKind(f), true
	}
	for _, w := range itemKindWords {
		if f == w.phrase {
			return w.kind, true
		}
	}
	for _, w := range itemKindWords {
		if strings.HasPrefix(f, w.phrase+" ") {
			return w.kind, true
		}
	}
	return ItemOther, false
}

// GuessItemKind infers a kind from an item's title when the file gives
// none: "Phát biểu khai mạc" is a speech, "Văn nghệ chào mừng" a
// performance.
func GuessItemKind(title string) ItemKind {
	f := " " + Fold(title) + " "
	for _, w := range itemKindWords {
		if strings.Contains(f, " "+w.phrase+" ") {
			return w.kind
		}
	}
	return ItemOther
}

// unitKindPrefixes guess a new unit's kind from its folded name.
var unitKindPrefixes = []struct {
	prefix string
	kind   UnitKind
}{
	{"ubnd thi xa", UnitLeadership}, {"uy ban nhan dan thi xa", UnitLeadership}, {"ubnd huyen", UnitLeadership},
	{"ubnd xa", UnitCommune}, {"uy ban nhan dan xa", UnitCommune}, {"xa ", UnitCommune},
	{"ubnd phuong", UnitWard}, {"uy ban nhan dan phuong", UnitWard}, {"phuong ", UnitWard},
	{"thi uy", UnitParty}, {"huyen uy", UnitParty}, {"dang uy", UnitParty}, {"ban dan van", UnitParty}, {"ban tuyen giao", UnitParty},
	{"ban to chuc", UnitParty}, {"uy ban kiem tra", UnitParty},
	{"uy ban mttq", UnitFront}, {"ubmttq", UnitFront}, {"mttq", UnitFront}, {"mat tran", UnitFront}, {"uy ban mat tran", UnitFront},
	{"hdnd", UnitCouncil}, {"hoi dong nhan dan", UnitCouncil},
	{"hoi ", UnitOrganisation}, {"thi doan", UnitOrganisation}, {"doan ", UnitOrganisation}, {"lien doan", UnitOrganisation},
	{"lien hiep", UnitOrganisation},
	{"phong ", UnitAgency}, {"trung tam", UnitAgency}, {"cong an", UnitAgency}, {"ngan hang", UnitAgency}, {"bao hiem", UnitAgency},
	{"bhxh", UnitAgency}, {"nhcsxh", UnitAgency}, {"agribank", UnitAgency}, {"chi cuc", UnitAgency}, {"ban quan ly", UnitAgency},
	{"kho bac", UnitAgency}, {"van phong", UnitAgency}, {"chi nhanh", UnitAgency}, {"ban chi huy", UnitAgency}, {"doi ", UnitAgency},
}

// GuessUnitKind infers the kind of a unit from its name ("Xã Quảng Hòa" is
// a commune, "Phòng Y tế" an agency); fallback when nothing fits.
func GuessUnitKind(name string, fallback UnitKind) UnitKind {
	f := Fold(name) + " "
	for _, p := range unitKindPrefixes {
		if strings.HasPrefix(f, p.prefix) {
			return p.kind
		}
	}
	if fallback == "" {
		return UnitOther
	}
	return fallback
}
