package components

import (
	"strings"

	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/tui/i18n"
)

// NameField is a person's full name, required. A name typed without any
// accent (the desk searches without them all day) is accepted but pointed
// out under the field: documents print it as typed.
func NameField(t i18n.Catalog, title string, text *string) huh.Field {
	v := &lockedText{p: text}
	hint := func() string {
		if n := strings.TrimSpace(v.Get()); n != "" && !HasAccents(n) {
			return t.T("name.no_accents")
		}
		return ""
	}
	return Limit(t, huh.NewInput().Title(title).Accessor(v).Validate(Required(t, store.MaxName)).DescriptionFunc(hint, text), store.MaxName)
}

// HasAccents reports whether s has a letter outside ASCII: nearly every
// Vietnamese name does.
func HasAccents(s string) bool {
	for _, r := range s {
		if r > 127 {
			return true
		}
	}
	return false
}
