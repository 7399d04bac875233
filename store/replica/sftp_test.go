package replica_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"doithoai/store"
	"doithoai/store/replica"
)

// TestSFTPReplica streams a meeting to a real SSH server with SFTP on
// loopback (the standby laptop), through a link that can drop: the host
// key is pinned on first use, the host going away and a link that goes
// silent (the Wi-Fi drops, nothing is closed) both show as unreachable
// within seconds while the meeting goes on, replication catches up when
// they come back, and a takeover over SFTP gets every check-in. A host
// that shows another key is refused.
func TestSFTPReplica(t *testing.T) {
	t.Parallel()
	defer replica.SetSFTPTimeouts(time.Second, 1500*time.Millisecond)()
	ctx := context.Background()
	s, path := newMeeting(t, 200)
	home := t.TempDir()
	dataDir := t.TempDir()
	pub, err := replica.EnsureKey(replica.KeyFile(dataDir))
	if err != nil {
		t.Fatal(err)
	}
	pk, _, _, _, err := ssh.ParseAuthorizedKey([]byte(pub))
	if err != nil {
		t.Fatal(err)
	}
	hostKey := newHostKey(t)
	srv := startSFTP(t, home, hostKey, pk)
	link := startProxy(t, srv.addr)
	tg, err := replica.ParseTarget("sftp://thuky@" + link.addr() + "/doithoai")
	if err != nil {
		t.Fatal(err)
	}
	pinned, err := replica.Setup(ctx, s, tg, dataDir)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(hostKey.PublicKey()))); pinned != want {
		t.Fatalf("pinned %q, want %q", pinned, want)
	}
	if v, _ := s.Setting(ctx, store.SettingReplicaHostKey); v != pinned {
		t.Fatalf("host key setting %q", v)
	}
	if _, err := os.Stat(filepath.Join(home, "doithoai", replica.IdentityFile)); err != nil {
		t.Fatalf("no identity on the host: %v", err)
	}
	runReplicator(t, path, dataDir)
	next := int64(1)
	checkIn := func(n int) {
		for range n {
			t0 := time.Now()
			if _, err := s.CheckIn(ctx, next); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(t0); d > time.Second {
				t.Errorf("a check-in waited %v for the replica", d)
			}
			next++
		}
	}
	inStep := func(st replica.Status) bool { return st.State == replica.StateOK && st.PendingSince.IsZero() }
	checkIn(10)
	st := waitStatus(t, path, 5*time.Second, inStep)
	if st.Label != "127.0.0.1" {
		t.Errorf("label %q", st.Label)
	}

	for _, c := range []struct {
		name       string
		drop, back func()
	}{
		{"host gone", srv.stop, srv.restart},
		{"link silent", func() { link.setPaused(true) }, func() { link.setPaused(false) }},
	} {
		c.drop()
		checkIn(5)
		st := waitStatus(t, path, 8*time.Second, func(st replica.Status) bool { return st.State == replica.StateUnreachable })
		if !st.Alarm(time.Now()) || st.PendingSince.IsZero() {
			t.Errorf("%s: %+v", c.name, st)
		}
		checkIn(5)
		c.back()
		waitStatus(t, path, 8*time.Second, inStep)
	}

	out := filepath.Join(t.TempDir(), "new.db")
	o := replica.FetchOptions{Target: tg, HostKey: pinned, Keys: replica.Keys(dataDir)}
	if _, err := replica.Fetch(ctx, o, out); err != nil {
		t.Fatal(err)
	}
	if r, err := store.Check(ctx, out); err != nil || r.Arrived != int(next-1) {
		t.Errorf("taken over by SFTP: %d check-ins of %d (%v)", r.Arrived, next-1, err)
	}

	// another machine answers at that address
	srv.stop()
	impostor := startSFTP(t, t.TempDir(), newHostKey(t), pk)
	link.redirect(impostor.addr)
	checkIn(1)
	waitStatus(t, path, 8*time.Second, func(st replica.Status) bool { return st.State == replica.StateHostKey })
	if _, err := replica.Fetch(ctx, o, filepath.Join(t.TempDir(), "x.db")); !errors.Is(err, replica.ErrHostKey) {
		t.Errorf("takeover from a host showing another key: %v", err)
	}
}

// TestSFTPKeyRefused: a host that does not list this laptop's key refuses
// the setup, and the error carries the public key line to add.
func TestSFTPKeyRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := newMeeting(t, 5)
	srv := startSFTP(t, t.TempDir(), newHostKey(t)) // nobody authorized
	tg, _ := replica.ParseTarget("sftp://thuky@" + srv.addr + "/doithoai")
	_, err := replica.Setup(ctx, s, tg, t.TempDir())
	var ae *replica.AuthError
	if !errors.As(err, &ae) || !errors.Is(err, replica.ErrAuth) || !strings.HasPrefix(ae.PublicKey, "ssh-ed25519 ") {
		t.Fatalf("setup with a refused key: %v", err)
	}
	if v, _ := s.Setting(ctx, store.SettingReplica); v != "" {
		t.Errorf("a refused target was remembered: %q", v)
	}
}
