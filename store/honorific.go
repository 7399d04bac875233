package store

import "strings"

// Honorifics: how a document addresses a delegate ("Kính gửi: Bà Nguyễn
// Thị Hoa", "bà Hoàng Thị Duyên, Hội viên…"). "" is not known, and the
// documents then write "Ông (Bà)".
const (
	HonorificMr = "Ông"
	HonorificMs = "Bà"
)

// Honorifics lists the values a delegate's honorific takes ("" unknown).
var Honorifics = []string{"", HonorificMr, HonorificMs}

// ParseHonorific reads an honorific or a sex as lists write them ("Bà",
// "ba", "Nữ", "nu", "Ông", "Nam", "Mr", "Ms", "F", "M"); ok is false for
// anything else. An empty cell is "" and ok.
func ParseHonorific(s string) (string, bool) {
	switch strings.Trim(Fold(s), " .") {
	case "":
		return "", true
	case "ba", "nu", "ms", "mrs", "miss", "f", "female", "chi", "co":
		return HonorificMs, true
	case "ong", "nam", "mr", "m", "male", "anh":
		return HonorificMr, true
	}
	return "", false
}

// GuessHonorific proposes an honorific from a Vietnamese name's middle
// words: "Thị" is a woman's, "Văn" a man's; anything else is not guessed.
func GuessHonorific(name string) string {
	w := strings.Fields(Fold(name))
	if len(w) < 3 {
		return ""
	}
	for _, x := range w[1 : len(w)-1] {
		if x == "thi" {
			return HonorificMs
		}
	}
	for _, x := range w[1 : len(w)-1] {
		if x == "van" {
			return HonorificMr
		}
	}
	return ""
}

// Addressing is how the conclusion notice gives a unit its task.
type Addressing string

const (
	AddressByKind Addressing = ""        // follow the unit's kind
	AddressAssign Addressing = "assign"  // "Giao …": the committee's own offices and communes
	AddressAsk    Addressing = "request" // "Đề nghị …": bodies outside the People's Committee
)

// Addressings lists every value.
var Addressings = []Addressing{AddressByKind, AddressAssign, AddressAsk}

// Requested reports whether the notice asks the unit ("Đề nghị …") rather
// than assigns it ("Giao …"): set per unit, else by its kind (the Party
// boards, the Front, the council, mass organisations are asked), and for
// an agency by what it is (banks, social insurance, the treasury, tax,
// courts: bodies of the state outside the People's Committee).
func (u Unit) Requested() bool {
	switch u.Addressing {
	case AddressAssign:
		return false
	case AddressAsk:
		return true
	}
	switch u.Kind {
	case UnitParty, UnitFront, UnitCouncil, UnitOrganisation:
		return true
	case UnitAgency, UnitOther:
		f := Fold(u.Name) + " "
		for _, p := range outsideBodies {
			if strings.HasPrefix(f, p) {
				return true
			}
		}
	}
	return false
}

// outsideBodies are folded name prefixes of state bodies a People's
// Committee does not direct.
var outsideBodies = []string{"ngan hang ", "nhcsxh ", "agribank ", "bao hiem xa hoi ", "bhxh ", "kho bac ", "chi cuc thue ", "thue ",
	"toa an ", "vien kiem sat ", "buu dien ", "dien luc ", "chi nhanh ngan hang "}
