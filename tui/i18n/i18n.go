// Package i18n is the one catalog of user-facing text: Vietnamese first,
// English second. Station code asks for strings by key; each station's
// strings live in a file of their own here.
package i18n

import (
	"fmt"
	"sort"
)

// Lang is an interface language.
type Lang string

const (
	VI Lang = "vi" // default
	EN Lang = "en"
)

// Parse returns the language named by s ("vi", "en"), or false.
func Parse(s string) (Lang, bool) {
	switch s {
	case "vi", "vn", "vi-VN", "":
		return VI, true
	case "en", "en-US", "en-GB":
		return EN, true
	}
	return VI, false
}

// entry is one message in both languages.
type entry struct{ vi, en string }

// catalog is filled by the init functions of this package's files and never
// changed after; it is read-only at run time.
var catalog = map[string]entry{}

func register(m map[string][2]string) {
	for k, v := range m {
		if _, dup := catalog[k]; dup {
			panic("i18n: duplicate key " + k)
		}
		catalog[k] = entry{vi: v[0], en: v[1]}
	}
}

// Catalog looks up messages in one language.
type Catalog struct{ Lang Lang }

// New returns the catalog for lang.
func New(lang Lang) Catalog { return Catalog{Lang: lang} }

// T returns the message for key; an unknown key is returned as itself so a
// missing string is visible, not blank.
func (c Catalog) T(key string) string {
	e, ok := catalog[key]
	if !ok {
		return key
	}
	if c.Lang == EN && e.en != "" {
		return e.en
	}
	return e.vi
}

// F formats the message for key with args (fmt verbs in the message).
func (c Catalog) F(key string, args ...any) string { return fmt.Sprintf(c.T(key), args...) }

// Has reports whether key is in the catalog.
func Has(key string) bool { _, ok := catalog[key]; return ok }

// Keys lists every key, sorted (for tests).
func Keys() []string {
	ks := make([]string, 0, len(catalog))
	for k := range catalog {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// Both returns the two texts of key (for tests).
func Both(key string) (vi, en string) { e := catalog[key]; return e.vi, e.en }
