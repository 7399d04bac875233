package docs

import (
	"fmt"
	"strings"

	"doithoai/store"
)

// How the documents name people: with their honorific ("bà Hoàng Thị
// Duyên, Chi hội trưởng phụ nữ thôn Bắc, xã Quảng Sơn"), and the groups
// that attended without the list's own labels.

// delegate finds a delegate of the snapshot by id (a scan: the notice
// looks up a few askers, not every delegate).
func (s *Snapshot) delegate(id int64) (store.Delegate, bool) {
	if id == 0 {
		return store.Delegate{}, false
	}
	for _, d := range s.Delegates {
		if d.ID == id {
			return d, true
		}
	}
	return store.Delegate{}, false
}

// honorific is "bà" or "ông" inside a sentence ("Bà" at its start): the
// delegate's own, or for a name typed free one proposed from it; "" when
// not known.
func (s *Snapshot) honorific(delegateID int64, name string) string {
	if d, ok := s.delegate(delegateID); ok {
		return strings.ToLower(d.Honorific)
	}
	return strings.ToLower(store.GuessHonorific(name))
}

// withHonorific is "bà Hoàng Thị Duyên", or the name alone.
func withHonorific(h, name string) string {
	if h == "" {
		return name
	}
	return h + " " + name
}

// placeUnit writes a commune or ward after a comma the way a sentence
// does ("xã Quảng Sơn"); other units keep their capital.
func placeUnit(unit string) string {
	w := strings.Fields(unit)
	if len(w) > 1 {
		switch store.Fold(w[0]) {
		case "xa", "phuong", "thon", "to", "khu":
			return lowerFirst(unit)
		}
		if store.Fold(w[0]+" "+w[1]) == "thi tran" {
			return lowerFirst(unit)
		}
	}
	return unit
}

// askerLong names who asked a question with honorific, title and unit:
// "bà Hoàng Thị Duyên, Chi hội trưởng phụ nữ thôn Bắc, xã Quảng Sơn".
func (s *Snapshot) askerLong(q store.Question) string {
	name := withHonorific(s.honorific(q.DelegateID, q.AskerName), q.AskerName)
	title, unit := "", s.unitText(q.AskerUnit)
	if d, ok := s.delegate(q.DelegateID); ok {
		title, unit = d.Title, cmpOr(unit, d.UnitName)
		if ft := store.Fold(title); ft != "" && strings.Contains(ft, store.Fold(unit)) {
			unit = "" // "Chủ tịch Hội LHPN phường Ba Đồn" names it already
		}
	}
	return joinNonEmpty(", ", name, title, placeUnit(unit))
}

// askerShort is "bà Hoàng Thị Duyên (xã Quảng Sơn)".
func (s *Snapshot) askerShort(q store.Question) string {
	return nameUnit(withHonorific(s.honorific(q.DelegateID, q.AskerName), q.AskerName), placeUnit(s.unitText(q.AskerUnit)))
}

// attendedGroups are the groups present with their counts as a sentence
// writes them ("lãnh đạo thị xã (1); Ban Đảng, MTTQ (1)"), format being
// "%s (%d)" or "%s: %d"; those in no group close it as "1 đại biểu khác"
// rather than under the list's own label for them.
func (s *Snapshot) attendedGroups(format string) string {
	groups, _, _ := s.tallies()
	named := map[string]bool{}
	for _, g := range s.Groups {
		named[g.Name] = true
	}
	var parts []string
	others := 0
	for _, g := range groups {
		switch {
		case g.Arrived == 0:
		case g.Name == noGroup && !named[g.Name]:
			others = g.Arrived
		default:
			parts = append(parts, fmt.Sprintf(format, topicPhrase(g.Name), g.Arrived))
		}
	}
	out := strings.Join(parts, "; ")
	if others > 0 {
		other := fmt.Sprintf("%d đại biểu khác", others)
		if out == "" {
			return other
		}
		out += " và " + other
	}
	return out
}
