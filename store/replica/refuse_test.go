package replica_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"doithoai/store"
	"doithoai/store/replica"
)

// TestRefusesAnotherMeetingsFolder: a folder holding another meeting's
// replica, another copy's (the one a takeover started from) or replica
// files without doithoai's identity is refused, when set up and when a
// running replicator finds the stick swapped; the other meeting's files
// are left untouched.
func TestRefusesAnotherMeetingsFolder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, _ := newMeeting(t, 20)
	b, pathB := newMeeting(t, 20)
	dir := filepath.Join(t.TempDir(), "usb")
	tg, _ := replica.ParseTarget(dir)
	if _, err := replica.Setup(ctx, a, tg, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	idBefore, _ := os.ReadFile(filepath.Join(dir, replica.IdentityFile))
	_, err := replica.Setup(ctx, b, tg, t.TempDir())
	var om *replica.ErrOtherMeeting
	if !errors.As(err, &om) || om.Title != "Đối thoại thử bản sao" {
		t.Fatalf("another meeting's folder: %v", err)
	}
	if v, _ := b.Setting(ctx, store.SettingReplica); v != "" {
		t.Errorf("a refused folder was remembered: %q", v)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, replica.IdentityFile)); string(after) != string(idBefore) {
		t.Error("the other meeting's identity file was changed")
	}

	// the same meeting, another copy: a takeover renewed b's file id
	bt, _ := replica.ParseTarget(filepath.Join(t.TempDir(), "b"))
	if _, err := replica.Setup(ctx, b, bt, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if _, err := b.RenewFileID(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := replica.Setup(ctx, b, bt, t.TempDir()); !errors.Is(err, replica.ErrOtherCopy) {
		t.Errorf("the replica of the copy taken over from: %v", err)
	}

	// Litestream files without doithoai's identity
	foreign := filepath.Join(t.TempDir(), "foreign")
	os.MkdirAll(filepath.Join(foreign, "ltx", "0"), 0o755)
	os.WriteFile(filepath.Join(foreign, "ltx", "0", "0000000000000001-0000000000000001.ltx"), []byte("x"), 0o644)
	ft, _ := replica.ParseTarget(foreign)
	if _, err := replica.Setup(ctx, a, ft, t.TempDir()); !errors.Is(err, replica.ErrForeign) {
		t.Errorf("a folder of foreign replica files: %v", err)
	}

	// a running replicator whose stick is swapped for another meeting's
	ct, _ := replica.ParseTarget(filepath.Join(t.TempDir(), "c"))
	if _, err := replica.Setup(ctx, b, ct, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	runReplicator(t, pathB)
	waitStatus(t, pathB, 5*time.Second, func(st replica.Status) bool { return st.State == replica.StateOK })
	os.Rename(ct.Path, ct.Path+"-b")
	if err := os.Rename(dir, ct.Path); err != nil { // a's replica where b's was
		t.Fatal(err)
	}
	b.CheckIn(ctx, 1)
	st := waitStatus(t, pathB, 5*time.Second, func(st replica.Status) bool { return st.State == replica.StateRefused })
	if !st.Alarm(time.Now()) {
		t.Errorf("a swapped stick is not an alarm: %+v", st)
	}
	if after, _ := os.ReadFile(filepath.Join(ct.Path, replica.IdentityFile)); string(after) != string(idBefore) {
		t.Error("the swapped-in replica's identity was changed")
	}
	if n := countLTX(t, ct.Path); n != 0 {
		t.Errorf("%d files written into another meeting's replica", n)
	}
}

func countLTX(t *testing.T, dir string) int {
	n := 0
	filepath.WalkDir(filepath.Join(dir, "ltx"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// TestFetchRefusesBadReplicas: a takeover from a folder that is not a
// replica, from an empty replica, from a missing folder or from a damaged
// one is refused with its own error and leaves no file behind.
func TestFetchRefusesBadReplicas(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := newMeeting(t, 50)
	out := func() string { return filepath.Join(t.TempDir(), "new.db") }
	fetch := func(dir string) (string, error) {
		tg, _ := replica.ParseTarget(dir)
		o := out()
		_, err := replica.Fetch(ctx, replica.FetchOptions{Target: tg}, o)
		if err != nil {
			if _, serr := os.Stat(o); serr == nil {
				t.Errorf("a refused takeover left %s", o)
			}
		}
		return o, err
	}
	if _, err := fetch(t.TempDir()); !errors.Is(err, replica.ErrNotReplica) {
		t.Errorf("a folder that is no replica: %v", err)
	}
	if _, err := fetch(filepath.Join(t.TempDir(), "nowhere")); !errors.Is(err, replica.ErrGone) {
		t.Errorf("a missing folder: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "usb")
	tg, _ := replica.ParseTarget(dir)
	if _, err := replica.Setup(ctx, s, tg, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if _, err := fetch(dir); !errors.Is(err, replica.ErrEmpty) {
		t.Errorf("an empty replica: %v", err)
	}
	runReplicator(t, path)
	for i := 1; i <= 10; i++ {
		s.CheckIn(ctx, int64(i))
	}
	waitStatus(t, path, 5*time.Second, func(st replica.Status) bool { return st.State == replica.StateOK && st.PendingSince.IsZero() })
	if _, err := fetch(dir); err != nil {
		t.Fatalf("a whole replica: %v", err)
	}
	// damage every LTX file in the middle, as a failing stick would
	filepath.WalkDir(filepath.Join(dir, "ltx"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(p)
		for i := len(b) / 3; i < len(b)/3+64 && i < len(b); i++ {
			b[i] ^= 0xa5
		}
		os.WriteFile(p, b, 0o644)
		return nil
	})
	if _, err := fetch(dir); !errors.Is(err, replica.ErrDamaged) {
		t.Errorf("a damaged replica: %v", err)
	}
}
