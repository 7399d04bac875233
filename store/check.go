package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"
)

// Report is what `doithoai check` prints about a meeting file.
type Report struct {
	Path    string
	Size    int64 // bytes of the file, WAL not included
	WALSize int64
	Schema  int
	// Problem is SQLite's complaint when integrity_check is not ok.
	Problem string

	Delegates, Arrived, WalkIns    int
	Items, Speakers, Petitions     int
	Questions, Answers             int
	Drafts, AuditRows              int
	LastChange                     time.Time // newest audit row; zero when none
	LastAction, LastEntity, LastBy string
}

// OK reports whether the file passed integrity_check.
func (r Report) OK() bool { return r.Problem == "" }

// Check runs PRAGMA integrity_check on the meeting file at path and counts
// what it holds, without changing it. A damaged file returns the report
// so far and an error wrapping ErrCorrupt.
func Check(ctx context.Context, path string) (Report, error) {
	r := Report{Path: path}
	if err := probe(path, false); err != nil {
		return r, err
	}
	if fi, err := os.Stat(path); err == nil {
		r.Size = fi.Size()
	}
	if fi, err := os.Stat(path + "-wal"); err == nil {
		r.WALSize = fi.Size()
	}
	db, err := openChecked(path)
	if err != nil {
		return r, err
	}
	defer db.Close()
	if err := verifyDB(ctx, db, "integrity_check"); err != nil {
		r.Problem = err.Error()
		if !errors.Is(err, ErrCorrupt) {
			return r, err
		}
		r.countAll(ctx, db) // what can still be read helps decide what to do
		return r, err
	}
	if err := r.countAll(ctx, db); err != nil {
		return r, err
	}
	return r, nil
}

func (r *Report) countAll(ctx context.Context, db *sql.DB) error {
	counts := []struct {
		v *int
		q string
	}{
		{&r.Schema, "PRAGMA user_version"},
		{&r.Delegates, "SELECT count(*) FROM delegates"},
		{&r.Arrived, "SELECT count(*) FROM checkins"},
		{&r.WalkIns, "SELECT count(*) FROM delegates WHERE walk_in = 1"},
		{&r.Items, "SELECT count(*) FROM agenda_items"},
		{&r.Speakers, "SELECT count(*) FROM speakers"},
		{&r.Petitions, "SELECT count(*) FROM petitions"},
		{&r.Questions, "SELECT count(*) FROM questions"},
		{&r.Answers, "SELECT count(*) FROM answers"},
		{&r.Drafts, "SELECT count(*) FROM drafts"},
		{&r.AuditRows, "SELECT count(*) FROM audit"},
	}
	var errs []error
	for _, c := range counts {
		if err := db.QueryRowContext(ctx, c.q).Scan(c.v); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", c.q, mapErr(err)))
		}
	}
	var at sql.NullInt64
	err := db.QueryRowContext(ctx, `SELECT at, action, entity, station || CASE WHEN user <> '' THEN '/' || user ELSE '' END
		FROM audit ORDER BY id DESC LIMIT 1`).Scan(&at, &r.LastAction, &r.LastEntity, &r.LastBy)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		errs = append(errs, mapErr(err))
	}
	r.LastChange = fromMS(at)
	return errors.Join(errs...)
}

// CorruptError is Open's answer for a damaged file: it wraps ErrCorrupt
// and names the newest good snapshot in the backups folder ("" if none).
type CorruptError struct {
	Path   string
	Backup string
	Err    error
}

func (e *CorruptError) Error() string {
	s := fmt.Sprintf("%s: %v", e.Path, e.Err)
	if e.Backup != "" {
		return s + "; newest good backup: " + e.Backup
	}
	return s + "; no backup found in " + BackupDir(e.Path)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// openCheck runs PRAGMA quick_check once when a file is opened (a few
// milliseconds for 10,000 delegates), so a damaged file is refused at
// the door rather than failing halfway through the meeting.
func openCheck(ctx context.Context, w *sql.DB, path string, skip bool) error {
	if skip {
		return nil
	}
	return corrupt(ctx, path, verifyDB(ctx, w, "quick_check"))
}

// corrupt turns an ErrCorrupt from opening path into a CorruptError that
// points at the newest good backup; other errors pass unchanged.
func corrupt(ctx context.Context, path string, err error) error {
	var ce *CorruptError
	if err == nil || !errors.Is(err, ErrCorrupt) || errors.As(err, &ce) {
		return err
	}
	return &CorruptError{Path: path, Backup: NewestBackup(ctx, path), Err: err}
}
