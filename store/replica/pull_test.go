package replica_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"doithoai/store"
	"doithoai/store/replica"
)

// TestTargetPulledAndBack pulls the replica folder away while the meeting
// goes on — first the folder moved away (a stick pulled out), then a file
// put where it was (as root, a read-only folder would still take writes) —
// and puts it back: the status says so within seconds, check-ins never
// wait for the replica, nothing is written where the folder was, and
// replication catches up by itself.
func TestTargetPulledAndBack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := newMeeting(t, 300)
	mnt := filepath.Join(t.TempDir(), "media", "stick")
	dir := filepath.Join(mnt, "doithoai")
	tg, _ := replica.ParseTarget(dir)
	if _, err := replica.Setup(ctx, s, tg, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	runReplicator(t, path)
	next := int64(1)
	checkIn := func(n int) time.Duration {
		var worst time.Duration
		for range n {
			t0 := time.Now()
			if _, err := s.CheckIn(ctx, next); err != nil {
				t.Fatal(err)
			}
			worst = max(worst, time.Since(t0))
			next++
		}
		return worst
	}
	checkIn(10)
	waitStatus(t, path, 5*time.Second, func(st replica.Status) bool {
		return st.State == replica.StateOK && st.PendingSince.IsZero()
	})

	for _, how := range []string{"moved away", "replaced by a file"} {
		t.Run(how, func(t *testing.T) {
			aside := mnt + "-aside"
			if err := os.Rename(mnt, aside); err != nil {
				t.Fatal(err)
			}
			if how == "replaced by a file" {
				os.MkdirAll(filepath.Dir(mnt), 0o755)
				if err := os.WriteFile(mnt, []byte("not a stick"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			st := waitStatus(t, path, 5*time.Second, func(st replica.Status) bool { return st.State == replica.StateGone })
			if !st.Alarm(time.Now()) {
				t.Errorf("a pulled folder is not an alarm: %+v", st)
			}
			// the meeting goes on; the replica falls behind and says so
			if worst := checkIn(20); worst > time.Second {
				t.Errorf("a check-in waited %v while the folder was away", worst)
			}
			st = waitStatus(t, path, 5*time.Second, func(st replica.Status) bool {
				return st.State == replica.StateGone && !st.PendingSince.IsZero()
			})
			time.Sleep(600 * time.Millisecond) // a failed round or two
			if b := st.Behind(time.Now()); b < 600*time.Millisecond {
				t.Errorf("changes waiting, yet only %v behind: %+v", b, st)
			}
			if how == "replaced by a file" {
				if fi, err := os.Stat(mnt); err != nil || fi.IsDir() {
					t.Fatalf("the replicator wrote where the folder was: %v %v", fi, err)
				}
				os.Remove(mnt)
			} else if _, err := os.Stat(mnt); err == nil {
				t.Fatal("the replicator recreated the pulled folder")
			}
			if err := os.Rename(aside, mnt); err != nil {
				t.Fatal(err)
			}
			back := time.Now()
			st = waitStatus(t, path, 10*time.Second, func(st replica.Status) bool {
				return st.State == replica.StateOK && st.PendingSince.IsZero()
			})
			t.Logf("caught up %v after the folder came back; lag then %v", time.Since(back).Round(time.Millisecond), st.Lag.Round(time.Millisecond))
			if st.Alarm(time.Now()) {
				t.Errorf("caught up, yet an alarm: %+v", st)
			}
		})
	}
	out := filepath.Join(t.TempDir(), "new.db")
	if _, err := replica.Fetch(ctx, replica.FetchOptions{Target: tg}, out); err != nil {
		t.Fatal(err)
	}
	if r, err := store.Check(ctx, out); err != nil || r.Arrived != int(next-1) {
		t.Errorf("the replica holds %d check-ins of %d (%v)", r.Arrived, next-1, err)
	}
}
