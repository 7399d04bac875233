package store_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"testing"
	"time"

	"doithoai/store"
)

// damage overwrites bytes inside the root page of the delegates table (its
// header and cell pointers), the way a bad sector or a half-written copy
// would. The file must be closed (WAL checkpointed into it).
func damage(t testing.TB, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int64
	if err := db.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = 'delegates'`).Scan(&root); err != nil {
		t.Fatal(err)
	}
	db.QueryRow(`PRAGMA page_size`).Scan(&pageSize)
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := make([]byte, 48)
	for i := range junk {
		junk[i] = byte(0xA5 ^ i)
	}
	if _, err := f.WriteAt(junk, (root-1)*pageSize+4); err != nil {
		t.Fatal(err)
	}
}

func TestCheckCounts(t *testing.T) {
	ctx := context.Background()
	s, path := newMeeting(t, 40, store.Options{NoWatch: true})
	for id := int64(1); id <= 7; id++ {
		s.CheckIn(ctx, id)
	}
	if _, err := s.RegisterWalkIn(ctx, store.WalkIn{FullName: "Trần Thị Mới", UnitName: "Xã Quảng Hải"}); err != nil {
		t.Fatal(err)
	}
	q, err := s.SaveQuestion(ctx, store.Question{AskerName: "Lê Thị Hoa", Text: "Vốn vay cho hộ nghèo?"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAnswer(ctx, store.Answer{QuestionID: q, Person: "Chủ tịch", Outcome: store.OutcomeSpot}); err != nil {
		t.Fatal(err)
	}
	r, err := store.Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() || r.Delegates != 41 || r.Arrived != 8 || r.WalkIns != 1 || r.Items != 1 || r.Questions != 1 || r.Answers != 1 {
		t.Fatalf("report %+v", r)
	}
	if r.Schema != store.SchemaVersion() || r.AuditRows == 0 || r.LastChange.IsZero() || r.LastEntity != "answer" || r.LastBy != "local" {
		t.Fatalf("report %+v", r)
	}
	if time.Since(r.LastChange) > time.Minute {
		t.Fatalf("last change %v", r.LastChange)
	}
}

// TestDamagedFile: check finds the damage, Open refuses the file with a
// CorruptError naming the newest good backup.
func TestDamagedFile(t *testing.T) {
	ctx := context.Background()
	s, path := newMeeting(t, 2000, store.Options{NoWatch: true})
	good, err := s.Backup(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	damage(t, path)

	r, err := store.Check(ctx, path)
	if !errors.Is(err, store.ErrCorrupt) || r.OK() {
		t.Fatalf("check of a damaged file: %v, report %+v", err, r)
	}
	_, err = store.Open(ctx, path, store.Options{NoWatch: true})
	var ce *store.CorruptError
	if !errors.As(err, &ce) || !errors.Is(err, store.ErrCorrupt) {
		t.Fatalf("open of a damaged file: %v", err)
	}
	if ce.Backup != good {
		t.Fatalf("points to %q, want %q (%v)", ce.Backup, good, err)
	}
	t.Log(err)

	// the backup really is good, and restore brings it back
	if _, err := store.Restore(ctx, good, path, time.Now()); err != nil {
		t.Fatal(err)
	}
	if r, err := store.Check(ctx, path); err != nil || r.Delegates != 2000 {
		t.Fatalf("after restore: %+v, %v", r, err)
	}
}

func TestDamagedFileNoBackup(t *testing.T) {
	ctx := context.Background()
	s, path := newMeeting(t, 2000, store.Options{NoWatch: true})
	s.Close()
	damage(t, path)
	_, err := store.Open(ctx, path, store.Options{NoWatch: true})
	var ce *store.CorruptError
	if !errors.As(err, &ce) || ce.Backup != "" {
		t.Fatalf("open: %v", err)
	}
}

// BenchmarkOpen10k is the cost of opening a meeting of 10,000 delegates,
// quick_check included; BenchmarkQuickCheck10k is quick_check alone.
func BenchmarkOpen10k(b *testing.B) {
	ctx := context.Background()
	s, path := newMeeting(b, 10_000, store.Options{NoWatch: true})
	s.Close()
	b.ReportAllocs()
	for b.Loop() {
		s, err := store.Open(ctx, path, store.Options{NoWatch: true})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkQuickCheck10k(b *testing.B) {
	s, path := newMeeting(b, 10_000, store.Options{NoWatch: true})
	s.Close()
	db, err := sql.Open("sqlite", path+"?_pragma=query_only(1)")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ReportAllocs()
	for b.Loop() {
		var res string
		if err := db.QueryRow("PRAGMA quick_check").Scan(&res); err != nil || res != "ok" {
			b.Fatal(res, err)
		}
	}
}
