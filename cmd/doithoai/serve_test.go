package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"os"
	"path/filepath"
	"regexp"
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

	if code, errs := runCLI(t, "serve", "--db", db, "--set-only", "--passcode", "checkin=123456", "--authorized-keys", "qa="+keyFile); code != 0 {
		t.Fatalf("set-only: %d %s", code, errs)
	}
	a, err := serve.LoadAccess(serve.AccessPath(db))
	if err != nil {
		t.Fatal(err)
	}
	if !a.CheckPasscode(store.RoleCheckin, "123456") {
		t.Error("passcode not saved")
	}
	if _, ok := a.CheckKey(store.RoleQA, k); !ok {
		t.Error("key not saved")
	}
	if code, errs := runCLI(t, "serve", "--db", db, "--set-only", "--revoke", "checkin"); code != 0 {
		t.Fatalf("revoke: %d %s", code, errs)
	}
	a, _ = serve.LoadAccess(serve.AccessPath(db))
	if a.CheckPasscode(store.RoleCheckin, "123456") {
		t.Error("revoke did not remove the passcode")
	}

	// ROLE=auto: six random digits, printed once, that open the role
	out, err := os.CreateTemp(dir, "stdout")
	if err != nil {
		t.Fatal(err)
	}
	was := os.Stdout
	os.Stdout = out
	code, errs := runCLI(t, "serve", "--db", db, "--set-only", "--passcode", "agenda=auto")
	os.Stdout = was
	out.Close()
	printed, _ := os.ReadFile(out.Name())
	m := regexp.MustCompile(`passcode for agenda: (\d{6}) `).FindSubmatch(printed)
	if code != 0 || m == nil {
		t.Fatalf("auto: %d %s %q", code, errs, printed)
	}
	a, _ = serve.LoadAccess(serve.AccessPath(db))
	if !a.CheckPasscode(store.RoleAgenda, string(m[1])) || len(a.Weak()) != 0 {
		t.Errorf("the printed passcode %s does not open agenda, or is weak: %v", m[1], a.Weak())
	}
	if file, _ := os.ReadFile(serve.AccessPath(db)); bytes.Contains(file, m[1]) {
		t.Error("the passcode is in the access file in clear")
	}

	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for _, args := range [][]string{
		{"--passcode", "checkin=12"},
		{"--passcode", "checkin=12345"}, // six characters at least
		{"--max-sessions", "0"},
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
