package store

import (
	"context"
	"database/sql"
	"errors"
	"unicode/utf8"

	"doithoai/store/fold"
	"doithoai/store/textclean"
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

// clean is the store's boundary for text: every text field it saves
// passes here. It removes controls and escape sequences (see textclean),
// normalises to NFC, trims, and checks the length; field names the field
// for errors. Fields allowed MaxText or more are long texts and keep
// their line breaks; shorter ones are one line.
func clean(field, s string, required bool, max int) (string, error) {
	if max >= MaxText {
		s = textclean.Long(s)
	} else {
		s = textclean.Line(s)
	}
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

// queryer is the read pool or a write transaction: list queries run on
// either, so a transaction sees its own uncommitted rows.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryAll runs query on q and scans every row with scan.
func queryAll[T any](ctx context.Context, q queryer, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func scanString(r scanner) (string, error) {
	var s string
	err := r.Scan(&s)
	return s, err
}
