package fold

import "strings"

// MaxKeystrokes caps KeystrokesNeeded; it is also the answer when no tried
// query singles the entry out (an exact namesake in the same unit).
const MaxKeystrokes = 20

// KeystrokesNeeded measures how many letters the check-in desk types before
// e is the unique top hit of ix: ranked first with a strictly higher score
// than the second hit, so that Enter checks in the right person without a
// look at the list. Like the design's target ("median <= 4 letters +
// Enter") it counts letters and digits, not the spaces between words nor
// Enter.
//
// It tries, keystroke by keystroke, the accent-free queries an operator
// really types, and returns the fewest keys over all of them, capped at
// MaxKeystrokes:
//
//	given name                    "hoa"        (people are called by it)
//	given name, family name       "hoa nguyen" (the usual disambiguation)
//	initials                      "nth"
//	family name, given name       "nguyen hoa"
//	full name                     "nguyen thi hoa"
//	given name, last unit word    "hoa hai"    (namesakes: "which commune?")
//	given, family, last unit word "hoa nguyen hai"
//
// e must be in ix (matched by ID).
func KeystrokesNeeded(ix *Index, e Entry) int {
	return keystrokesNeeded(ix, e, false)
}

// keystrokesNeeded counts spaces as keys too when spaces is set.
func keystrokesNeeded(ix *Index, e Entry, spaces bool) int {
	name := Words(Fold(e.Name))
	if len(name) == 0 {
		return MaxKeystrokes
	}
	family, given := name[0], name[len(name)-1]
	var initials strings.Builder
	for _, w := range name {
		initials.WriteByte(w[0])
	}
	queries := []string{
		given,
		given + " " + family,
		initials.String(),
		family + " " + given,
		strings.Join(name, " "),
	}
	if unit := Words(Fold(e.Unit)); len(unit) > 0 {
		u := unit[len(unit)-1]
		queries = append(queries, given+" "+u, given+" "+family+" "+u)
	}

	best := MaxKeystrokes
	for _, q := range queries {
		keys := 0
		for n := 1; n <= len(q) && keys < best; n++ {
			if q[n-1] == ' ' {
				if spaces {
					keys++
				}
				continue // a space alone changes no result
			}
			keys++
			if keys >= best {
				break
			}
			hits := ix.Search(q[:n], 2)
			if len(hits) > 0 && hits[0].ID == e.ID &&
				(len(hits) == 1 || hits[0].Score > hits[1].Score) {
				best = keys
				break
			}
		}
	}
	return best
}
