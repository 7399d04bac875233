package store

import (
	"database/sql"
	"errors"
	"strings"
	"unicode/utf8"

	"doithoai/store/fold"
	"golang.org/x/text/unicode/norm"
)

// MaxText bounds free-text fields; a 10,000-character paste is refused
// with a message rather than stored.
const MaxText = 4000

// MaxName bounds names and short fields.
const MaxName = 200

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return mapErr(err)
}

// clean normalises s to NFC, trims it and checks its length; field names the field for errors.
func clean(field, s string, required bool, max int) (string, error) {
	s = strings.TrimSpace(norm.NFC.String(s))
	if required && s == "" {
		return s, invalid(field, "required")
	}
	if utf8.RuneCountInString(s) > max {
		return s, invalid(field, "too long")
	}
	return s, nil
}

// Fold is the search folding used for every folded column.
func Fold(s string) string { return fold.Fold(s) }
