package store_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"doithoai/store"
	"doithoai/store/fold"
)

// genSeed is a meeting with n generated delegates (fold.GenerateNames),
// the same data the benchmarks use.
func genSeed(n int) store.Seed {
	sd := store.Seed{Meeting: store.Meeting{Title: "Đối thoại thử tải", Date: "2023-10-18", StartTime: "07:30", TurnSeconds: 180}}
	for _, e := range fold.GenerateNames(n, 1) {
		sd.Delegates = append(sd.Delegates, store.SeedDelegate{Code: e.Code, FullName: e.Name, Title: e.Title, Unit: e.Unit})
	}
	sd.Agenda = []store.SeedItem{{Kind: store.ItemDialogue, Title: "Đối thoại", PlannedMinutes: 90}}
	return sd
}

// newMeeting creates a meeting file with n generated delegates in a
// folder of its own and returns the open store and its path.
func newMeeting(t testing.TB, n int, o store.Options) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "meeting.db")
	o.Create = true
	s, err := store.Open(context.Background(), path, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.LoadSeed(context.Background(), genSeed(n)); err != nil {
		t.Fatal(err)
	}
	return s, path
}

// clock is a settable clock for stores under test.
type clock struct{ ns atomic.Int64 }

func newClock(t time.Time) *clock { c := &clock{}; c.ns.Store(t.UnixNano()); return c }
func (c *clock) Now() time.Time   { return time.Unix(0, c.ns.Load()) }
func (c *clock) Add(d time.Duration) {
	c.ns.Add(int64(d))
}

func TestBackupSnapshot(t *testing.T) {
	ctx := context.Background()
	clk := newClock(time.Date(2023, 10, 18, 7, 45, 12, 0, time.Local))
	s, path := newMeeting(t, 50, store.Options{NoWatch: true, Now: clk.Now})
	for id := int64(1); id <= 10; id++ {
		if _, err := s.CheckIn(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	b, err := s.Backup(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(filepath.Dir(path), "backups", "meeting-20231018-074512.db")
	if b != want {
		t.Fatalf("backup at %s, want %s", b, want)
	}
	// a second snapshot in the same second gets the next name
	b2, err := s.Backup(ctx, "")
	if err != nil || b2 == b {
		t.Fatalf("second backup %s, %v", b2, err)
	}
	r, err := store.Check(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if r.Delegates != 50 || r.Arrived != 10 {
		t.Fatalf("snapshot holds %d delegates, %d arrived", r.Delegates, r.Arrived)
	}
	bs, _ := store.Backups(path, "")
	if len(bs) != 2 || bs[0] != b2 {
		t.Fatalf("Backups = %v", bs)
	}
	// no temporary file is left behind
	ents, _ := os.ReadDir(filepath.Dir(b))
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Fatalf("left %s", e.Name())
		}
	}
	// the snapshot opens as a meeting
	s2, err := store.Open(ctx, b, store.Options{NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
}

// TestBackupWhileWriting takes snapshots while another goroutine checks
// delegates in: each snapshot is whole (integrity ok) and holds a prefix
// of the check-ins.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	clk := newClock(time.Now())
	s, path := newMeeting(t, 400, store.Options{NoWatch: true, Now: clk.Now})
	base, err := store.Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Add(1)
	go func() {
		defer wg.Done()
		for id := int64(1); id <= 300; id++ {
			if _, err := s.CheckIn(ctx, id); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	dir := t.TempDir()
	var last int
	for i := 0; i < 8; i++ {
		clk.Add(time.Second)
		b, err := s.Backup(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		r, err := store.Check(ctx, b)
		if err != nil {
			t.Fatalf("snapshot %d: %v", i, err)
		}
		if r.Arrived < last {
			t.Fatalf("snapshot %d has %d check-ins, the one before %d", i, r.Arrived, last)
		}
		// every check-in commits with its audit row, so a snapshot never
		// holds one without the other
		if r.AuditRows-base.AuditRows != r.Arrived {
			t.Fatalf("snapshot %d: %d check-ins but %d new audit rows", i, r.Arrived, r.AuditRows-base.AuditRows)
		}
		last = r.Arrived
	}
	wg.Wait()
}

func TestPrune(t *testing.T) {
	ctx := context.Background()
	clk := newClock(time.Date(2023, 10, 18, 7, 0, 0, 0, time.Local))
	s, path := newMeeting(t, 5, store.Options{NoWatch: true, Now: clk.Now})
	var made []string
	for i := 0; i < 15; i++ {
		clk.Add(5 * time.Minute)
		b, err := s.Backup(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, b)
	}
	// files that are not our snapshots are left alone
	other := filepath.Join(store.BackupDir(path), "meeting-notes.db")
	os.WriteFile(other, []byte("x"), 0o644)
	gone, err := store.Prune(path, "", 12)
	if err != nil || len(gone) != 3 {
		t.Fatalf("pruned %v, %v", gone, err)
	}
	bs, _ := store.Backups(path, "")
	if len(bs) != 12 || bs[0] != made[14] || bs[11] != made[3] {
		t.Fatalf("kept %v", bs)
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatal("pruned a foreign file")
	}
}

func TestBackupLoop(t *testing.T) {
	ctx := context.Background()
	clk := newClock(time.Now())
	s, path := newMeeting(t, 100, store.Options{NoWatch: true, Now: clk.Now})
	var mu sync.Mutex
	var errs []error
	l := s.StartBackups(20*time.Millisecond, 3, func(err error) { mu.Lock(); errs = append(errs, err); mu.Unlock() })
	for id := int64(1); id <= 30; id++ {
		clk.Add(time.Minute) // so the loop finds its newest snapshot old enough
		if _, err := s.CheckIn(ctx, id); err != nil {
			t.Fatal(err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := l.Stop(); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	bs, _ := store.Backups(path, "")
	if len(bs) == 0 || len(bs) > 3 {
		t.Fatalf("%d snapshots kept, want 1..3", len(bs))
	}
	// the snapshot taken at Stop holds everything
	r, err := store.Check(ctx, bs[0])
	if err != nil || r.Arrived != 30 {
		t.Fatalf("newest snapshot: %d arrived, %v", r.Arrived, err)
	}
	// nothing changed since: another loop's Stop writes nothing new
	clk.Add(time.Hour)
	if err := s.StartBackups(time.Hour, 3, nil).Stop(); err != nil {
		t.Fatal(err)
	}
	if bs2, _ := store.Backups(path, ""); bs2[0] != bs[0] {
		t.Fatalf("a snapshot without changes was taken: %s", bs2[0])
	}
}

// TestBackupLoopSharedByProcesses: two stores on one file (as two
// terminals would be) do not both snapshot every period.
func TestBackupLoopSharedByProcesses(t *testing.T) {
	ctx := context.Background()
	clk := newClock(time.Now())
	s, path := newMeeting(t, 10, store.Options{NoWatch: true, Now: clk.Now})
	s2, err := store.Open(ctx, path, store.Options{NoWatch: true, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	a := s.StartBackups(10*time.Millisecond, 50, nil)
	b := s2.StartBackups(10*time.Millisecond, 50, nil)
	for i := int64(1); i <= 5; i++ {
		s.CheckIn(ctx, i)
		time.Sleep(30 * time.Millisecond)
	}
	a.Stop()
	b.Stop()
	bs, _ := store.Backups(path, "")
	// the clock stood still: the first snapshot is "recent" for every
	// later turn, so only the Stop snapshots may add to it
	if len(bs) > 3 {
		t.Fatalf("%d snapshots for one period", len(bs))
	}
}

func TestRestore(t *testing.T) {
	ctx := context.Background()
	clk := newClock(time.Date(2023, 10, 18, 8, 0, 0, 0, time.Local))
	s, path := newMeeting(t, 20, store.Options{NoWatch: true, Now: clk.Now})
	for id := int64(1); id <= 5; id++ {
		s.CheckIn(ctx, id)
	}
	b, err := s.Backup(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for id := int64(6); id <= 9; id++ {
		s.CheckIn(ctx, id)
	}
	// refused while a station has the file open
	if _, err := store.Restore(ctx, b, path, clk.Now()); !errors.Is(err, store.ErrInUse) {
		t.Fatalf("restore over an open file: %v", err)
	}
	if !store.InUse(ctx, path) {
		t.Fatal("InUse false with the store open")
	}
	s.Close()
	if store.InUse(ctx, path) {
		t.Fatal("InUse true after close")
	}
	replaced, err := store.Restore(ctx, b, path, clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	if want := path + ".before-restore-20231018-080000"; replaced != want {
		t.Fatalf("replaced kept as %s, want %s", replaced, want)
	}
	r, err := store.Check(ctx, path)
	if err != nil || r.Arrived != 5 {
		t.Fatalf("restored: %d arrived, %v", r.Arrived, err)
	}
	old, err := store.Check(ctx, replaced)
	if err != nil || old.Arrived != 9 {
		t.Fatalf("kept file: %d arrived, %v", old.Arrived, err)
	}
	// the restored file is a working meeting
	s2, err := store.Open(ctx, path, store.Options{NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := s2.CheckIn(ctx, 10); err != nil {
		t.Fatal(err)
	}
}

func TestRestoreRefusesBadSnapshot(t *testing.T) {
	ctx := context.Background()
	_, path := newMeeting(t, 2000, store.Options{NoWatch: true})
	bad := filepath.Join(t.TempDir(), "bad.db")
	notdb := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(notdb, []byte("not a meeting"), 0o644)
	s, _ := newMeeting(t, 2000, store.Options{NoWatch: true})
	if _, err := s.Backup(ctx, filepath.Dir(bad)); err != nil {
		t.Fatal(err)
	}
	bs, _ := store.Backups(s.Path(), filepath.Dir(bad))
	damage(t, bs[0])
	for _, from := range []string{bs[0], notdb, filepath.Join(t.TempDir(), "missing.db")} {
		if _, err := store.Restore(ctx, from, path, time.Now()); err == nil {
			t.Fatalf("restored from %s", from)
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal("the meeting file was touched by a refused restore")
	}
}

// TestWALStaysSmall: a two-hour meeting commits a few thousand times
// (check-ins, drafts saved every second while someone types); the
// autocheckpoint keeps the WAL near 1000 pages rather than growing.
func TestWALStaysSmall(t *testing.T) {
	ctx := context.Background()
	s, path := newMeeting(t, 3000, store.Options{NoWatch: true})
	n := 1500
	if longRun() {
		n = 10000
	}
	var maxWAL int64
	for i := 0; i < n; i++ {
		var err error
		if i%2 == 0 && i/2 < 3000 {
			_, err = s.CheckIn(ctx, int64(i/2+1))
		} else {
			err = s.SaveDraft(ctx, "qa/question", strings.Repeat("chữ ", i%300))
		}
		if err != nil {
			t.Fatal(err)
		}
		if i%50 == 0 {
			if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > maxWAL {
				maxWAL = fi.Size()
			}
		}
	}
	if _, err := s.Backup(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path + "-wal")
	t.Logf("%d commits: largest WAL %d KB, after backup+checkpoint %d KB", n, maxWAL/1024, fi.Size()/1024)
	const bound = 6 << 20 // 1000 pages of 4 KB plus the commits of one checkpoint's wait
	if maxWAL > bound {
		t.Fatalf("WAL grew to %d bytes", maxWAL)
	}
}

// TestInUseAcrossProcesses: a station in another process (a kill-test
// child writing check-ins) makes InUse true and Restore refuse; once it is
// gone, the file is free.
func TestInUseAcrossProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a process")
	}
	ctx := context.Background()
	s, path := newMeeting(t, 50, store.Options{NoWatch: true})
	b, err := s.Backup(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), killEnvPath+"="+path, killEnvChild+"=0", killEnvSeed+"=1")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(stdout)
	for {
		l, err := br.ReadString('\n')
		if err != nil {
			t.Fatal("child ended before it was ready")
		}
		if strings.HasPrefix(l, "READY") {
			break
		}
	}
	go io.Copy(io.Discard, br)
	inUse := store.InUse(ctx, path)
	_, rerr := store.Restore(ctx, b, path, time.Now())
	cmd.Process.Kill()
	cmd.Wait()
	if !inUse || !errors.Is(rerr, store.ErrInUse) {
		t.Fatalf("with another process writing: InUse %v, Restore %v", inUse, rerr)
	}
	if store.InUse(ctx, path) {
		t.Fatal("still in use after the process died")
	}
}
