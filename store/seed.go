package store

// Seed is a whole meeting as plain data: the embedded demo meeting and the
// `init` subcommand build one, and LoadSeed writes it in one transaction.
// References between records are by name (or code), as in a spreadsheet.
type Seed struct {
	Meeting   Meeting        `json:"meeting"`
	Topics    []string       `json:"topics"`
	Units     []SeedUnit     `json:"units"`
	Groups    []SeedGroup    `json:"groups"`
	Delegates []SeedDelegate `json:"delegates"`
	Agenda    []SeedItem     `json:"agenda"`
	Petitions []SeedPetition `json:"petitions"`
	Apologies []SeedApology  `json:"apologies,omitempty"`
}

// SeedUnit is a unit by name; Kind is one of the UnitKind values.
type SeedUnit struct {
	Name    string   `json:"name"`
	Short   string   `json:"short,omitempty"`
	Kind    UnitKind `json:"kind"`
	Contact string   `json:"contact,omitempty"`
	Phone   string   `json:"phone,omitempty"`
	// Addressing overrides the kind's "Giao"/"Đề nghị" in the notice.
	Addressing Addressing `json:"addressing,omitempty"`
}

// SeedGroup is an attendee category; Quota 0 means no quota.
type SeedGroup struct {
	Name  string `json:"name"`
	Quota int    `json:"quota,omitempty"`
}

// SeedDelegate names its unit and group by name. Protocol > 0 marks an
// official to be introduced, lower numbers first.
type SeedDelegate struct {
	Code     string `json:"code"`
	FullName string `json:"name"`
	Title    string `json:"title,omitempty"`
	Unit     string `json:"unit,omitempty"`
	Group    string `json:"group,omitempty"`
	Phone    string `json:"phone,omitempty"`
	Protocol int    `json:"protocol,omitempty"`
	// Honorific is Ông or Bà; without it one is proposed from the name.
	Honorific string `json:"honorific,omitempty"`
}

// SeedItem is one agenda item in order.
type SeedItem struct {
	Kind           ItemKind `json:"kind"`
	Title          string   `json:"title"`
	Presenter      string   `json:"presenter,omitempty"`
	PlannedMinutes int      `json:"minutes"`
}

// SeedPetition is a pre-submitted petition. Source is a delegate code or,
// failing that, SourceUnit names the unit that sent it.
type SeedPetition struct {
	Topic          string `json:"topic"`
	Text           string `json:"text"`
	SourceCode     string `json:"source_code,omitempty"`
	SourceUnit     string `json:"source_unit,omitempty"`
	Agency         string `json:"agency"`
	PreparedAnswer string `json:"prepared_answer,omitempty"`
	AskedOn        string `json:"asked_on,omitempty"`
	DueOn          string `json:"due_on,omitempty"`
	ReceivedOn     string `json:"received_on,omitempty"`
}

// SeedApology is an apology by the code of the delegate who sent it; the
// substitute is named, or given by her code when she is on the list.
type SeedApology struct {
	Code            string `json:"code"`
	Reason          string `json:"reason,omitempty"`
	Substitute      string `json:"substitute,omitempty"`
	SubstituteTitle string `json:"substitute_title,omitempty"`
	SubstituteCode  string `json:"substitute_code,omitempty"`
}
