package store

import (
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Sentinel errors. Callers test with errors.Is; the TUI maps them to
// catalogued messages.
var (
	ErrNotFound    = errors.New("not found")
	ErrDuplicate   = errors.New("already exists")
	ErrInvalid     = errors.New("invalid value")
	ErrInUse       = errors.New("still referenced")
	ErrForbidden   = errors.New("not allowed for this station")
	ErrBusy        = errors.New("database busy")
	ErrNoFile      = errors.New("no such meeting file")
	ErrNotMeeting  = errors.New("not a doithoai meeting file")
	ErrNewerSchema = errors.New("made by a newer version of doithoai")
	ErrCorrupt     = errors.New("meeting file is damaged")
)

// FieldError says which field of a record is wrong; it wraps ErrInvalid.
type FieldError struct {
	Field  string
	Reason string
}

func (e *FieldError) Error() string { return fmt.Sprintf("%s: %s", e.Field, e.Reason) }
func (e *FieldError) Unwrap() error { return ErrInvalid }

func invalid(field, reason string) error { return &FieldError{Field: field, Reason: reason} }

// mapErr turns SQLite result codes into the sentinel errors, keeping the
// original text for logs.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	var sentinel error
	switch se.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		sentinel = ErrDuplicate
	case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
		sentinel = ErrInvalid
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		sentinel = ErrInUse
	case sqlite3.SQLITE_NOTADB:
		sentinel = ErrNotMeeting
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_CORRUPT_INDEX, sqlite3.SQLITE_CORRUPT_SEQUENCE:
		sentinel = ErrCorrupt
	}
	if sentinel == nil {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			sentinel = ErrBusy
		case sqlite3.SQLITE_NOTADB:
			sentinel = ErrNotMeeting
		case sqlite3.SQLITE_CORRUPT:
			sentinel = ErrCorrupt
		}
	}
	if sentinel == nil {
		return err
	}
	return fmt.Errorf("%w (%v)", sentinel, err)
}
