package replica_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"doithoai/store"
	"doithoai/store/replica"
)

// replicatorSpawn starts this test binary as the replicating process.
func replicatorSpawn(path string) func() *exec.Cmd {
	return func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestReplicatorChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), replEnvPath+"="+path)
		return cmd
	}
}

func waitMonitor(t *testing.T, m *replica.Monitor, within time.Duration, ok func(replica.Status) bool) replica.Status {
	t.Helper()
	return waitFor(t, within, func() replica.Status { st, _ := m.Status(); return st }, ok)
}

// TestMonitorsShareOneReplicator: two terminals on one file each run a
// monitor; exactly one replicating process runs, both show its status;
// when it dies, one of them starts the next.
func TestMonitorsShareOneReplicator(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("spawns processes")
	}
	ctx := context.Background()
	s, path := newMeeting(t, 100)
	m0 := replica.NewMonitor(s, path, replicatorSpawn(path))
	defer m0.Close()
	if _, on := m0.Status(); on {
		t.Fatal("a meeting without a replica target shows one")
	}
	tg, _ := replica.ParseTarget(filepath.Join(t.TempDir(), "usb"))
	if _, err := replica.Setup(ctx, s, tg, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	// a second terminal, a process of its own in real life: its own store
	s2, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	m1 := replica.NewMonitor(s2, path, replicatorSpawn(path))
	defer m1.Close()
	ok := func(st replica.Status) bool { return st.State == replica.StateOK && st.PendingSince.IsZero() }
	st0 := waitMonitor(t, m0, 10*time.Second, ok)
	st1 := waitMonitor(t, m1, 10*time.Second, ok)
	if st0.PID != st1.PID || st0.PID == 0 {
		t.Fatalf("two replicators? %d and %d", st0.PID, st1.PID)
	}
	if _, on := m1.Status(); !on {
		t.Fatal("the second terminal does not know there is a replica")
	}
	if !replica.Held(replica.LockPath(path)) {
		t.Fatal("the replicator does not hold the lock")
	}
	if _, err := s.CheckIn(ctx, 1); err != nil {
		t.Fatal(err)
	}
	// the replicating process dies (its terminal was killed): within
	// seconds one of the monitors starts the next
	first := st0.PID
	p, _ := os.FindProcess(first)
	p.Kill()
	st := waitMonitor(t, m1, 15*time.Second, func(st replica.Status) bool { return ok(st) && st.PID != first })
	if x, _ := m0.Status(); x.PID != st.PID {
		waitMonitor(t, m0, 3*time.Second, func(x replica.Status) bool { return x.PID == st.PID })
	}
	if _, err := s2.CheckIn(ctx, 2); err != nil {
		t.Fatal(err)
	}
	// the new replicator carries on where the first stopped
	deadline := time.Now().Add(5 * time.Second)
	for {
		out := filepath.Join(t.TempDir(), "new.db")
		if _, err := replica.Fetch(ctx, replica.FetchOptions{Target: tg}, out); err != nil {
			t.Fatal(err)
		}
		r, _ := store.Check(ctx, out)
		if r.Arrived == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("replica holds %d check-ins, want 2", r.Arrived)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
