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

// checkInBench opens a store in benchDir with n delegates to check in
// (inserted in one transaction, outside any timing).
func checkInBench(b *testing.B, n int) *Store {
	ctx := context.Background()
	s, err := Open(ctx, benchFile(b, "checkin"), Options{Create: true, NoWatch: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.SaveMeeting(ctx, Meeting{Title: "bench"}); err != nil {
		b.Fatal(err)
	}
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
	return s
}

// bareBench opens a plain connection in benchDir exactly as the store's
// writer is opened, with a one-table schema.
func bareBench(b *testing.B) *sql.DB {
	ctx := context.Background()
	db, err := sql.Open("sqlite", dsn(benchFile(b, "bare"), 10*time.Second, "&_txlock=immediate"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
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
	return db
}

func bareInsert(b *testing.B, db *sql.DB, i int) {
	ctx := context.Background()
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

// BenchmarkCheckIn is one check-in through the store API: INSERT into
// checkins, the delegate read back for the screen, the audit row, COMMIT.
// Each op checks in a different delegate.
func BenchmarkCheckIn(b *testing.B) {
	s := checkInBench(b, b.N)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if _, err := s.CheckIn(ctx, int64(i+1)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareInsert is the floor: one row INSERT and COMMIT in an
// IMMEDIATE transaction on a connection opened exactly as the store's
// writer is.
func BenchmarkBareInsert(b *testing.B) {
	db := bareBench(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bareInsert(b, db, i)
	}
}

// BenchmarkCheckInVsBare alternates the two, one of each per op, so both
// see the same disk at the same moments (other processes writing to the
// disk skew two separate benchmarks); it reports each one's mean and the
// ratio the design bounds at 1.5.
func BenchmarkCheckInVsBare(b *testing.B) {
	s := checkInBench(b, b.N)
	db := bareBench(b)
	ctx := context.Background()
	var ci, bare time.Duration
	b.ResetTimer()
	for i := range b.N {
		t0 := time.Now()
		if _, err := s.CheckIn(ctx, int64(i+1)); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		bareInsert(b, db, i)
		ci += t1.Sub(t0)
		bare += time.Since(t1)
	}
	b.ReportMetric(float64(ci.Nanoseconds())/float64(b.N), "checkin-ns")
	b.ReportMetric(float64(bare.Nanoseconds())/float64(b.N), "bare-ns")
	b.ReportMetric(float64(ci)/float64(bare), "ratio")
}
