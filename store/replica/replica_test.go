package replica_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"doithoai/store"
	"doithoai/store/replica"
)

// runReplicator runs Run in this process until the test ends; dataDir
// (optional) holds the SSH key for an SFTP target.
func runReplicator(t *testing.T, path string, dataDir ...string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	dd := t.TempDir()
	if len(dataDir) > 0 {
		dd = dataDir[0]
	}
	go func() { done <- replica.Run(ctx, replica.RunOptions{Path: path, DataDir: dd}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
}

// waitStatus polls the status file until ok says so.
func waitStatus(t testing.TB, path string, within time.Duration, ok func(replica.Status) bool) replica.Status {
	t.Helper()
	return waitFor(t, within, func() replica.Status { st, _ := replica.ReadStatus(path); return st }, ok)
}

// waitFor polls get until ok says so.
func waitFor(t testing.TB, within time.Duration, get func() replica.Status, ok func(replica.Status) bool) replica.Status {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		st := get()
		if ok(st) {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("status not reached within %v: %+v", within, st)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestFolderRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := newMeeting(t, 200)
	tg, _ := replica.ParseTarget(filepath.Join(t.TempDir(), "usb", "doithoai"))
	if _, err := replica.Setup(ctx, s, tg, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, store.SettingReplica); v != tg.String() {
		t.Fatalf("setting %q, want %q", v, tg.String())
	}
	runReplicator(t, path)
	for i := 1; i <= 30; i++ {
		if _, err := s.CheckIn(ctx, int64(i)); err != nil {
			t.Fatal(err)
		}
	}
	last := time.Now()
	st := waitStatus(t, path, 5*time.Second, func(st replica.Status) bool {
		return st.State == replica.StateOK && st.PendingSince.IsZero() && st.Synced.After(last)
	})
	if st.Label != "doithoai" || st.Alarm(time.Now()) || st.Lag > time.Second {
		t.Errorf("status %+v", st)
	}
	out := filepath.Join(t.TempDir(), "new.db")
	id, err := replica.Fetch(ctx, replica.FetchOptions{Target: tg}, out)
	if err != nil {
		t.Fatal(err)
	}
	mid, _ := s.MeetingID(ctx)
	if id.MeetingID != mid || id.Title != "Đối thoại thử bản sao" {
		t.Errorf("identity %+v, meeting id %s", id, mid)
	}
	r, err := store.Check(ctx, out)
	if err != nil || r.Arrived != 30 || r.Delegates != 200 {
		t.Errorf("restored: %+v %v", r, err)
	}
}
