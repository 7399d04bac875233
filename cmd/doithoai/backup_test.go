package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"doithoai/store"
)

// TestBackupCheckRestoreCommands walks the day a file goes bad: a backup
// to a stick, the damage, check and open refusing the file and naming the
// backup, restore, and the file working again.
func TestBackupCheckRestoreCommands(t *testing.T) {
	stdout := os.Stdout
	os.Stdout, _ = os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	defer func() { os.Stdout.Close(); os.Stdout = stdout }()

	dir := t.TempDir()
	db := filepath.Join(dir, "meeting.db")
	usb := filepath.Join(dir, "usb")
	if err := createDemo(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check", db}, {"backup", "--db", db}, {"backup", "--db", db, "--to", usb}} {
		if code, errs := runCLI(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
	}
	local, _ := store.Backups(db, "")
	stick, _ := store.Backups(db, usb)
	if len(local) != 1 || len(stick) != 1 {
		t.Fatalf("backups %v, on the stick %v", local, stick)
	}

	breakFile(t, db)
	code, errs := runCLI(t, "check", db)
	if code == 0 || !strings.Contains(errs, "damaged") || !strings.Contains(errs, "restore --from "+local[0]) {
		t.Fatalf("check of a damaged file: exit %d: %s", code, errs)
	}
	code, errs = runCLI(t, "--db", db, "checkin")
	if code != 2 || !strings.Contains(errs, local[0]) || strings.Count(errs, "\n") != 1 {
		t.Fatalf("opening a damaged file: exit %d: %q", code, errs)
	}

	if code, errs := runCLI(t, "restore", "--from", stick[0], "--db", db); code != 0 {
		t.Fatalf("restore: exit %d: %s", code, errs)
	}
	if code, errs := runCLI(t, "check", db); code != 0 {
		t.Fatalf("check after restore: exit %d: %s", code, errs)
	}
	kept, _ := filepath.Glob(db + ".before-restore-*")
	if len(kept) != 1 {
		t.Fatalf("replaced file kept as %v", kept)
	}
	// bad arguments are usage errors
	for _, args := range [][]string{{"restore", "--db", db}, {"check", db, db}, {"backup", "x"}} {
		if code, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// breakFile overwrites the header of the delegates table's root page.
func breakFile(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	var root, size int64
	db.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = 'delegates'`).Scan(&root)
	db.QueryRow(`PRAGMA page_size`).Scan(&size)
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
	f.WriteAt(junk, (root-1)*size+4)
}
