package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The durable check-in commit is measured beside the cheapest durable write
// SQLite can do, a bare single-row INSERT+COMMIT, on the same disk (one
// temp folder), with the same DSN and pragmas (WAL, synchronous FULL,
// _txlock=immediate). Run both in one `go test -bench` run and compare the
// ns/op: the design asks for the check-in within 1.5x of the bare insert.

// benchDir is one folder per test process, shared by both benchmarks.
func benchDir(b *testing.B) string {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("doithoai-bench-%d", os.Getpid()))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	return dir
}

// benchFile returns a fresh file name in benchDir, removed with its WAL
// after the benchmark (and the folder with the last one).
func benchFile(b *testing.B, name string) string {
	dir := benchDir(b)
	path := filepath.Join(dir, fmt.Sprintf("%s-%d.db", name, time.Now().UnixNano()))
	b.Cleanup(func() {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		os.Remove(dir) // only succeeds when empty
	})
	return path
}

// BenchmarkCheckIn is one check-in through the store API: INSERT into
// checkins, the delegate read back for the screen, the audit row, COMMIT.
// Each op checks in a different delegate.
func BenchmarkCheckIn(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, benchFile(b, "checkin"), Options{Create: true, NoWatch: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.SaveMeeting(ctx, Meeting{Title: "bench"}); err != nil {
		b.Fatal(err)
	}
	n := b.N
	// the delegates go in with one transaction, outside the timing
	if err := s.write(ctx, PermSetup, func(t *Tx) error {
		uid, err := t.ensureUnit(ctx, "Phường Ba Đồn", UnitWard)
		if err != nil {
			return err
		}
		for i := range n {
			if _, err := t.exec(ctx, `INSERT INTO delegates(id, code, full_name, folded, unit_id, created_at) VALUES (?,?,?,?,?,0)`,
				i+1, fmt.Sprintf("PN%06d", i+1), "Nguyễn Thị Hoa", "nguyen thi hoa", uid); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range n {
		if _, err := s.CheckIn(ctx, int64(i+1)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareInsert is the floor: one row INSERT and COMMIT in an
// IMMEDIATE transaction on a connection opened exactly as the store's
// writer is.
func BenchmarkBareInsert(b *testing.B) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", dsn(benchFile(b, "bare"), 10*time.Second, "&_txlock=immediate"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `CREATE TABLE t(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, station TEXT NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	var mode string
	var sync int
	db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode)
	db.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync)
	if mode != "wal" || sync != 2 {
		b.Fatalf("journal_mode=%s synchronous=%d, want wal and 2 (FULL)", mode, sync)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO t(id, at, station) VALUES (?,?,?)`, i+1, i, "bench"); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}
