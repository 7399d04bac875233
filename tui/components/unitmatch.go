package components

import (
	"errors"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/charmbracelet/huh"

	"doithoai/store"
	"doithoai/store/fold"
	"doithoai/tui/i18n"
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

// UnitField is a unit typed like a name, accents optional; the line under
// it names the unit the words match. With allowNew a name matching no unit
// is accepted (a walk-in's new unit), else it is refused (setup, where
// units are added in their own tab). Resolve the text with MatchUnit.
func UnitField(t i18n.Catalog, title string, units []store.Unit, text *string, allowNew bool) huh.Field {
	v := &lockedText{p: text}
	hint := func() string {
		q := strings.TrimSpace(v.Get())
		switch u, n := MatchUnit(units, q); {
		case q == "":
			return t.T("unit.none")
		case n == 1:
			return "→ " + u.Name
		case n > 1:
			return t.F("unit.many", n)
		case allowNew:
			return t.F("unit.new", q)
		default:
			return t.F("unit.unknown", q)
		}
	}
	check := func(s string) error {
		s = strings.TrimSpace(s)
		if _, n := MatchUnit(units, s); n > 1 || (s != "" && n == 0 && !allowNew) {
			return errors.New(hint())
		}
		if utf8.RuneCountInString(s) > store.MaxName {
			return errors.New(t.T("err.too_long"))
		}
		return nil
	}
	return Limit(t, huh.NewInput().Title(title).Accessor(v).Validate(check).DescriptionFunc(hint, text), store.MaxName)
}

// lockedText is the field's value behind a lock: huh runs a
// DescriptionFunc in a command, on another goroutine, while the form's
// Update writes the value. Only Set writes (from Update, which is also
// where huh hashes the bound pointer to see whether the hint is stale).
type lockedText struct {
	mu sync.Mutex
	p  *string
}

func (l *lockedText) Get() string  { l.mu.Lock(); defer l.mu.Unlock(); return *l.p }
func (l *lockedText) Set(s string) { l.mu.Lock(); *l.p = s; l.mu.Unlock() }
