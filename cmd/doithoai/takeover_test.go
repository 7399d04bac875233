package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"doithoai/store"
	"doithoai/store/replica"
)

// captureStdout runs fn with os.Stdout going to a pipe and returns what
// it printed.
func captureStdout(t *testing.T, fn func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	out := make(chan string)
	go func() { b, _ := io.ReadAll(r); out <- string(b) }()
	fn()
	os.Stdout = stdout
	w.Close()
	return <-out
}

// TestTakeoverCommand: the meeting replicates to a folder (set with serve
// --replicate-to --set-only, remembered in the file), the hall laptop is
// lost, takeover builds the new file from the replica, prints what it
// holds and how old its last change is, keeps a file already there as
// before-takeover, brings the SSH passcodes along, and the new copy
// replicates nowhere until told. Bad replicas are refused with one line.
func TestTakeoverCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "hoinghi.db")
	usb := filepath.Join(dir, "usb", "doithoai")
	if err := createDemo(ctx, db); err != nil {
		t.Fatal(err)
	}
	var code int
	var errs string
	captureStdout(t, func() {
		code, errs = runCLI(t, "serve", "--db", db, "--replicate-to", usb, "--passcode", "checkin=246813", "--set-only")
	})
	if code != 0 {
		t.Fatalf("serve --replicate-to --set-only: exit %d: %s", code, errs)
	}
	s, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, store.SettingReplica); v != usb {
		t.Fatalf("replica setting %q", v)
	}
	ds, _ := s.Delegates(ctx)
	for _, d := range ds[:7] {
		if _, err := s.CheckIn(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
	}
	pr, pw := io.Pipe()
	done := make(chan error)
	go func() {
		done <- replica.Run(ctx, replica.RunOptions{Path: db, DataDir: dir, Parent: pr, Companions: companions(db)})
	}()
	deadline := time.Now().Add(5 * time.Second)
	for {
		st, err := replica.ReadStatus(db)
		if err == nil && st.State == replica.StateOK && st.PendingSince.IsZero() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not replicated: %+v %v", st, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	pw.Close() // the terminal that started it ends
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	s.Close()

	// the hall laptop is lost; on the standby a file is already there
	standby := t.TempDir()
	next := filepath.Join(standby, "hoinghi.db")
	if err := createDemo(ctx, next); err != nil {
		t.Fatal(err)
	}
	out := captureStdout(t, func() { code, errs = runCLI(t, "takeover", "--from", usb, "--db", next) })
	if code != 0 {
		t.Fatalf("takeover: exit %d: %s", code, errs)
	}
	for _, want := range []string{"integrity:   ok", "7 arrived", "last change:", "create checkin by local", "ago", "before-takeover-", "hoinghi.db.access", "doithoai serve --db " + next} {
		if !strings.Contains(out, want) {
			t.Errorf("takeover output lacks %q:\n%s", want, out)
		}
	}
	kept, _ := filepath.Glob(next + ".before-takeover-*")
	if len(kept) != 1 {
		t.Errorf("the file that was there: %v", kept)
	}
	if b, err := os.ReadFile(next + ".access"); err != nil || !strings.Contains(string(b), "checkin") {
		t.Errorf("the SSH passcodes did not come along: %v", err)
	}
	ns, err := store.Open(ctx, next, store.Options{NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	oldID, newID := fileID(t, db), fileID(t, next)
	if v, _ := ns.Setting(ctx, store.SettingReplica); v != "" || oldID == newID {
		t.Errorf("the taken-over copy replicates to %q; file ids %s / %s", v, oldID, newID)
	}
	ns.Close()

	// bad replicas: one line each, nothing changed
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(empty, 0o755)
	for _, c := range []struct{ from, want string }{
		{empty, "not a doithoai replica"},
		{filepath.Join(dir, "nowhere"), "does not exist"},
	} {
		code, errs := runCLI(t, "takeover", "--from", c.from, "--db", filepath.Join(standby, "x.db"))
		if code != 2 || !strings.Contains(errs, c.want) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("takeover from %s: exit %d: %q", c.from, code, errs)
		}
		if _, err := os.Stat(filepath.Join(standby, "x.db")); err == nil {
			t.Errorf("a refused takeover left a file")
		}
	}
}

func fileID(t *testing.T, path string) string {
	s, err := store.Open(context.Background(), path, store.Options{NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, _ := s.FileID(context.Background())
	return id
}
