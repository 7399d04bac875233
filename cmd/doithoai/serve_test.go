package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"doithoai/store"
	"doithoai/tui/serve"
)

func TestServeFlags(t *testing.T) {
	dir := t.TempDir()
	stdout := os.Stdout
	os.Stdout, _ = os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	defer func() { os.Stdout = stdout }()
	db := filepath.Join(dir, "m.db")
	if code, errs := runCLI(t, "init", "--demo", db); code != 0 {
		t.Fatal(errs)
	}
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	k, _ := gossh.NewPublicKey(pub)
	keyFile := filepath.Join(dir, "tablet.pub")
	os.WriteFile(keyFile, gossh.MarshalAuthorizedKey(k), 0o644)

	if code, errs := runCLI(t, "serve", "--db", db, "--set-only", "--passcode", "checkin=1234", "--authorized-keys", "qa="+keyFile); code != 0 {
		t.Fatalf("set-only: %d %s", code, errs)
	}
	a, err := serve.LoadAccess(serve.AccessPath(db))
	if err != nil {
		t.Fatal(err)
	}
	if !a.CheckPasscode(store.RoleCheckin, "1234") {
		t.Error("passcode not saved")
	}
	if _, ok := a.CheckKey(store.RoleQA, k); !ok {
		t.Error("key not saved")
	}
	if code, errs := runCLI(t, "serve", "--db", db, "--set-only", "--revoke", "checkin"); code != 0 {
		t.Fatalf("revoke: %d %s", code, errs)
	}
	a, _ = serve.LoadAccess(serve.AccessPath(db))
	if a.CheckPasscode(store.RoleCheckin, "1234") {
		t.Error("revoke did not remove the passcode")
	}

	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for _, args := range [][]string{
		{"--passcode", "checkin=12"},
		{"--passcode", "admin=123456"},
		{"--passcode", "checkin"},
		{"--authorized-keys", "qa=" + filepath.Join(dir, "missing.pub")},
		{"--authorized-keys", "qa=" + db},
		{"--revoke", "nobody"},
		{"--lang", "fr"},
		{"extra"},
		{"--listen", busy.Addr().String()},
	} {
		code, errs := runCLI(t, append([]string{"serve", "--db", db}, args...)...)
		if code != 2 {
			t.Errorf("serve %v: exit %d, want 2 (%s)", args, code, errs)
		}
	}
}

// TestServeStopsOnSignal: serve runs until its context ends (Ctrl+C) and
// then returns cleanly.
func TestServeStopsOnSignal(t *testing.T) {
	dir := t.TempDir()
	stdout := os.Stdout
	os.Stdout, _ = os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	defer func() { os.Stdout = stdout }()
	db := filepath.Join(dir, "m.db")
	if code, errs := runCLI(t, "init", "--demo", db); code != 0 {
		t.Fatal(errs)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := runServe(ctx, []string{"--db", db, "--listen", "127.0.0.1:0"}); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("serve took %v to stop", d)
	}
	if _, err := os.Stat(serve.HostKeyPath(db)); err != nil {
		t.Errorf("no host key beside the meeting: %v", err)
	}
}
