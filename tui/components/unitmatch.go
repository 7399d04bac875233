package components

import (
	"strings"

	"doithoai/store"
	"doithoai/store/fold"
)

// MatchUnit finds the unit typed in a field (the walk-in form, a
// delegate's unit in setup): every typed word (accents
// optional) starts a word of the unit's name or short name. An exact name
// wins over partial matches. It returns the unit when n == 1.
func MatchUnit(units []store.Unit, q string) (store.Unit, int) {
	words := strings.Fields(fold.Fold(q))
	if len(words) == 0 {
		return store.Unit{}, 0
	}
	var hit store.Unit
	n := 0
	for _, u := range units {
		name := " " + fold.Fold(u.Name) + " " + fold.Fold(u.Short)
		if fold.Fold(u.Name) == strings.Join(words, " ") {
			return u, 1
		}
		ok := true
		for _, w := range words {
			if !strings.Contains(name, " "+w) {
				ok = false
				break
			}
		}
		if ok {
			hit, n = u, n+1
		}
	}
	return hit, n
}
