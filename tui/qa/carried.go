package qa

import (
	"strconv"
	"strings"

	"doithoai/store"
	"doithoai/tui/components"
)

// A question may raise again an item carried from the last meeting ("từ
// kỳ trước"): it is chosen in the same field as a petition sent before
// the day, its options labelled so that "ky truoc" finds them all.

const (
	petitionKey = "p:"
	carriedKey  = "c:"
)

// linkKey is the link field's choice for question q.
func linkKey(q store.Question) string {
	switch {
	case q.PetitionID != 0:
		return petitionKey + strconv.FormatInt(q.PetitionID, 10)
	case q.CarriedID != 0:
		return carriedKey + strconv.FormatInt(q.CarriedID, 10)
	}
	return ""
}

// setLink puts the link field's choice k on q.
func setLink(q *store.Question, k string) {
	q.PetitionID, q.CarriedID = 0, 0
	switch {
	case strings.HasPrefix(k, petitionKey):
		q.PetitionID = idOf(k)
	case strings.HasPrefix(k, carriedKey):
		q.CarriedID = idOf(k)
	}
}

func (m *Model) carriedOptions() []option {
	t := m.c.T
	var opts []option
	for _, c := range m.d.carried {
		opts = append(opts, mkOption(carriedKey+strconv.FormatInt(c.ID, 10),
			t.F("qa.carried.label", c.ID, m.unitLabel(c.AgencyID), oneLine(c.Text)), "", c.Agency, c.Topic, c.Asker, c.Origin,
			"từ kỳ trước")) // found by its Vietnamese name in either language
	}
	return opts
}

// carriedByID is the carried item id, if there is one.
func (m *Model) carriedByID(id int64) (store.Carried, bool) {
	for _, c := range m.d.carried {
		if c.ID == id {
			return c, true
		}
	}
	return store.Carried{}, false
}

// linkLines describe the petition or carried item link key names.
func (m *Model) linkLines(k string, w int) []string {
	if strings.HasPrefix(k, carriedKey) {
		return m.carriedLines(idOf(k), w)
	}
	return m.petitionLines(idOf(k), w)
}

// carriedLines: what the last meeting was told, and by when.
func (m *Model) carriedLines(id int64, w int) []string {
	c, ok := m.carriedByID(id)
	if !ok {
		return nil
	}
	s, t := m.c.Styles, m.c.T
	out := []string{s.Bold.Render(trunc(t.F("qa.carried.head", c.ID, m.orNone(c.Agency), components.ShowDate(c.Due)), w))}
	out = append(out, s.Subtle.Render(trunc(t.F("qa.carried.origin", c.Origin, components.ShowDate(c.OriginDay)), w)))
	if c.Said != "" {
		for _, l := range wrapN(oneLine(c.Said), w-2, max(1, m.h)) {
			out = append(out, "  "+l)
		}
	}
	return out
}

// orNone is an agency's name, or "none" when it has none.
func (m *Model) orNone(agency string) string {
	if agency == "" {
		return m.c.T.T("ui.none")
	}
	return agency
}

// linkShort is the log's mark of q's link ("KN 3", "KTT 2").
func (m *Model) linkShort(q store.Question) string {
	switch {
	case q.PetitionID != 0:
		return m.c.T.F("qa.petition.short", m.pets[q.PetitionID].No)
	case q.CarriedID != 0:
		return m.c.T.F("qa.carried.short", q.CarriedID)
	}
	return ""
}
