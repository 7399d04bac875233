package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"
)

// Backups are consistent snapshots of the meeting (VACUUM INTO, which reads
// one committed state while writers carry on), written beside the meeting
// file in a "backups" folder as <name>-YYYYMMDD-HHMMSS.db. Every snapshot is
// fsynced and passes integrity_check before it gets its final name, so a
// file with that name is always a good meeting.

// DefaultBackupKeep is how many snapshots the periodic backup keeps.
const DefaultBackupKeep = 12

// DefaultBackupEvery is the period of the backup loop.
const DefaultBackupEvery = 5 * time.Minute

const backupStamp = "20060102-150405"

// BackupDir is the backups folder beside the meeting file at path.
func BackupDir(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

// backupBase is the meeting file's name without its extension.
func backupBase(path string) string {
	b := filepath.Base(path)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// BackupName is the file name of the snapshot of path taken at t.
func BackupName(path string, t time.Time) string {
	return backupBase(path) + "-" + t.Format(backupStamp) + ".db"
}

// Backups lists the snapshots of the meeting at path found in dir (""
// means BackupDir(path)), newest first.
func Backups(path, dir string) ([]string, error) {
	if dir == "" {
		dir = BackupDir(path)
	}
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	prefix := backupBase(path) + "-"
	var out []string
	for _, e := range ents {
		n := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(n, prefix) || !strings.HasSuffix(n, ".db") {
			continue
		}
		if _, err := time.Parse(backupStamp, strings.TrimSuffix(strings.TrimPrefix(n, prefix), ".db")); err != nil {
			continue
		}
		out = append(out, filepath.Join(dir, n))
	}
	// the stamp sorts in time order
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out, nil
}

// NewestBackup is the newest snapshot of path in its backups folder that
// passes quick_check, or "" when there is none.
func NewestBackup(ctx context.Context, path string) string {
	bs, _ := Backups(path, "")
	for _, b := range bs {
		if err := verifyFile(ctx, b, "quick_check"); err == nil {
			return b
		}
	}
	return ""
}

// Backup writes a consistent snapshot of the meeting into dir ("" means
// BackupDir) and returns its path. The snapshot is checked with
// integrity_check; a snapshot that fails is deleted and reported.
func (s *Store) Backup(ctx context.Context, dir string) (string, error) {
	if dir == "" {
		dir = BackupDir(s.path)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	t := s.now()
	dest := filepath.Join(dir, BackupName(s.path, t))
	for i := 1; fileExists(dest); i++ { // two snapshots in one second
		dest = filepath.Join(dir, BackupName(s.path, t.Add(time.Duration(i)*time.Second)))
	}
	if err := s.snapshot(ctx, dest); err != nil {
		return "", err
	}
	return dest, nil
}

// snapshot writes the meeting to dest through a temporary file: VACUUM
// INTO, fsync, integrity_check, rename, fsync of the folder.
func (s *Store) snapshot(ctx context.Context, dest string) error {
	tmp := dest + ".tmp"
	os.Remove(tmp)
	defer os.Remove(tmp)
	// VACUUM INTO is refused on the query_only read pool, and on the writer
	// it would hold up check-ins while it copies: use a connection of its own.
	db, err := sql.Open("sqlite", fmt.Sprintf("%s?_pragma=busy_timeout(%d)", s.path, 10000))
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	_, err = db.ExecContext(ctx, "VACUUM INTO ?", tmp)
	db.Close()
	if err != nil {
		return fmt.Errorf("backup: %w", mapErr(err))
	}
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := verifyFile(ctx, tmp, "integrity_check"); err != nil {
		return fmt.Errorf("backup %s failed its check and was deleted: %w", dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		return err
	}
	syncDir(filepath.Dir(dest))
	return nil
}

// Checkpoint copies the WAL back into the meeting file without waiting
// for readers (PASSIVE), so the WAL is reused from its start.
func (s *Store) Checkpoint(ctx context.Context) error {
	_, err := s.w.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)")
	return mapErr(err)
}

// Prune deletes all but the newest keep snapshots of the meeting in dir
// ("" means BackupDir) and returns what it deleted.
func Prune(path, dir string, keep int) ([]string, error) {
	bs, err := Backups(path, dir)
	if err != nil || len(bs) <= keep {
		return nil, err
	}
	var gone []string
	for _, b := range bs[keep:] {
		if err := os.Remove(b); err != nil {
			return gone, err
		}
		gone = append(gone, b)
	}
	return gone, nil
}

// fingerprint changes with every audited mutation and every draft; equal
// fingerprints mean a new snapshot would hold nothing new.
func fingerprint(ctx context.Context, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (string, error) {
	var a, n, d int64
	err := db.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id),0) FROM audit), (SELECT count(*) FROM drafts), (SELECT coalesce(max(updated_at),0) FROM drafts)`).Scan(&a, &n, &d)
	return fmt.Sprintf("%d/%d/%d", a, n, d), err
}

func fileFingerprint(ctx context.Context, path string) string {
	db, err := openChecked(path)
	if err != nil {
		return ""
	}
	defer db.Close()
	f, _ := fingerprint(ctx, db)
	return f
}

// BackupLoop is the periodic backup of a running program.
type BackupLoop struct {
	s     *Store
	every time.Duration
	keep  int
	onErr func(error)
	stop  chan struct{}
	done  chan struct{}
	once  sync.Once
	err   error
}

// StartBackups takes a snapshot every period (several processes on one
// file share the work: a process skips its turn when the newest snapshot
// is recent or holds the same data) and keeps the newest keep. onErr, if
// not nil, hears failed backups. Stop takes the final snapshot.
func (s *Store) StartBackups(every time.Duration, keep int, onErr func(error)) *BackupLoop {
	if every <= 0 {
		every = DefaultBackupEvery
	}
	if keep <= 0 {
		keep = DefaultBackupKeep
	}
	l := &BackupLoop{s: s, every: every, keep: keep, onErr: onErr, stop: make(chan struct{}), done: make(chan struct{})}
	go l.run()
	return l
}

func (l *BackupLoop) report(err error) {
	if err != nil && l.onErr != nil {
		l.onErr(err)
	}
}

func (l *BackupLoop) run() {
	defer close(l.done)
	// a backup must never take the program down with it
	defer func() {
		if r := recover(); r != nil {
			l.report(fmt.Errorf("backup loop stopped: %v\n%s", r, debug.Stack()))
		}
	}()
	t := time.NewTicker(l.every)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			_, err := l.s.backupIfDue(context.Background(), l.every*9/10, l.keep)
			l.report(err)
		}
	}
}

// Stop ends the loop and takes a last snapshot if anything changed since
// the newest one. It returns that snapshot's error; calling it again
// returns the same.
func (l *BackupLoop) Stop() error {
	l.once.Do(func() {
		close(l.stop)
		<-l.done
		_, l.err = l.s.backupIfDue(context.Background(), 0, l.keep)
	})
	return l.err
}

// backupIfDue takes a snapshot unless the newest one is younger than
// minAge or holds the same data, then prunes and checkpoints. It returns
// the new snapshot's path ("" when skipped).
func (s *Store) backupIfDue(ctx context.Context, minAge time.Duration, keep int) (string, error) {
	bs, _ := Backups(s.path, "")
	if len(bs) > 0 {
		if fi, err := os.Stat(bs[0]); err == nil && minAge > 0 && s.now().Sub(fi.ModTime()) < minAge {
			return "", nil
		}
		cur, err := fingerprint(ctx, s.r)
		if err == nil && cur == fileFingerprint(ctx, bs[0]) {
			return "", nil
		}
	}
	dest, err := s.Backup(ctx, "")
	if err != nil {
		return "", err
	}
	if _, err := Prune(s.path, "", keep); err != nil {
		return dest, err
	}
	return dest, s.Checkpoint(ctx)
}

// openChecked opens a file for checking only: no WAL switch, no writes.
func openChecked(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// verifyFile runs PRAGMA integrity_check or quick_check on the file at path
// and returns ErrCorrupt with SQLite's first complaint unless it says ok.
func verifyFile(ctx context.Context, path, pragma string) error {
	if err := probe(path, false); err != nil {
		return err
	}
	db, err := openChecked(path)
	if err != nil {
		return err
	}
	defer db.Close()
	return verifyDB(ctx, db, pragma)
}

func verifyDB(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, pragma string) error {
	rows, err := db.QueryContext(ctx, "PRAGMA "+pragma)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return mapErr(err)
		}
		msgs = append(msgs, m)
	}
	if err := rows.Err(); err != nil {
		return mapErr(err)
	}
	if len(msgs) == 1 && msgs[0] == "ok" {
		return nil
	}
	if len(msgs) > 3 {
		msgs = append(msgs[:3], fmt.Sprintf("and %d more", len(msgs)-3))
	}
	return fmt.Errorf("%w: %s", ErrCorrupt, strings.Join(msgs, "; "))
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func syncFile(p string) error {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename durable; not possible on Windows, where it is a no-op.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// copyFile copies src to dst through a temporary file and fsyncs it.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return WriteFileSynced(dst, in, 0o644)
}

// WriteFileSynced writes r to path through a temporary file beside it,
// fsynced and renamed into place, the folder fsynced after: a crash or a
// pulled USB stick leaves the old file or the new one, never half of one.
func WriteFileSynced(path string, r io.Reader, perm os.FileMode) error {
	tmp := path + ".tmp"
	out, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if _, err := io.Copy(out, r); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// InUse reports whether another connection (any process) has the meeting
// file at path open: an exclusive lock is then refused at once.
func InUse(ctx context.Context, path string) bool {
	if !fileExists(path) {
		return false
	}
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(0)&_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		return false
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		return errors.Is(mapErr(err), ErrBusy)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		return errors.Is(mapErr(err), ErrBusy)
	}
	conn.ExecContext(ctx, "ROLLBACK")
	return false
}

// Restore replaces the meeting file at path with the snapshot from, after
// checking the snapshot with integrity_check. The file it replaces (with
// its WAL) is kept as <path>.before-restore-YYYYMMDD-HHMMSS and returned.
// A file that some station still has open is refused with ErrInUse.
func Restore(ctx context.Context, from, path string, now time.Time) (replaced string, err error) {
	return ReplaceWith(ctx, from, path, now, "before-restore")
}

// ReplaceWith is Restore keeping the replaced file as
// <path>.<keep>-YYYYMMDD-HHMMSS (a takeover keeps "before-takeover").
func ReplaceWith(ctx context.Context, from, path string, now time.Time, keep string) (replaced string, err error) {
	if err := verifyFile(ctx, from, "integrity_check"); err != nil {
		return "", fmt.Errorf("%s: %w", from, err)
	}
	if InUse(ctx, path) {
		return "", fmt.Errorf("%w: %s is open in a station; close every station on it first", ErrInUse, path)
	}
	if fileExists(path) {
		replaced = path + "." + keep + "-" + now.Format(backupStamp)
		if err := os.Rename(path, replaced); err != nil {
			return "", err
		}
		if fileExists(path + "-wal") {
			if err := os.Rename(path+"-wal", replaced+"-wal"); err != nil {
				return replaced, err
			}
		}
		os.Remove(path + "-shm") // rebuilt from the WAL on open
	}
	if err := copyFile(from, path); err != nil {
		return replaced, err
	}
	// Open switches the copy to WAL and migrates a snapshot made by an
	// older version.
	s, err := Open(ctx, path, Options{NoWatch: true})
	if err != nil {
		return replaced, err
	}
	return replaced, s.Close()
}
