package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"doithoai/store"
)

func runCmd(ctx context.Context, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(ctx, args, &out, &errb)
	return code, out.String(), errb.String()
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestFollowupCommands: the held demo, its documents, a register merged
// from two files read unchanged, and the next meeting carried from it.
func TestFollowupCommands(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	for _, p := range []string{a, b} {
		if code, _, e := runCmd(ctx, "init", "--demo-held", p, "--held-on", "18/10/2023"); code != 0 {
			t.Fatalf("init --demo-held: %d %s", code, e)
		}
	}
	if code, _, _ := runCmd(ctx, "init", "--demo-held", a); code != 2 {
		t.Error("init over an existing file")
	}
	if code, _, e := runCmd(ctx, "init", "--demo-held", filepath.Join(dir, "x.db"), "--held-on", "31/02/2023"); code != 2 || !strings.Contains(e, "held-on") {
		t.Errorf("a day that does not exist: %d %s", code, e)
	}
	for k, name := range map[string]string{"results": "thong-bao-ket-qua-tra-loi-2023-10-18.docx", "report": "bao-cao-ket-qua-giai-quyet-2023-10-18.docx"} {
		if code, _, e := runCmd(ctx, "export", k, "--db", a); code != 0 {
			t.Errorf("export %s: %d %s", k, code, e)
		}
		if _, err := os.Stat(filepath.Join(dir, "exports", name)); err != nil {
			t.Errorf("export %s: %v", k, err)
		}
	}
	// a month after the day (18/11/2023) one answer was overdue; today
	// every open one is: a letter to each agency
	code, _, e := runCmd(ctx, "export", "reminders", "--db", a, "-o", filepath.Join(dir, "letters"))
	letters, _ := filepath.Glob(filepath.Join(dir, "letters", "don-doc-tra-loi-sau-doi-thoai-*.docx"))
	if code != 0 || len(letters) < 2 {
		t.Errorf("reminders: %d %v %s", code, letters, e)
	}
	if code, _, e := runCmd(ctx, "export", "results", "--db", a, "--db", b); code != 2 || !strings.Contains(e, "one meeting") {
		t.Errorf("two files for one document: %d %s", code, e)
	}

	// merged, read only
	for _, p := range []string{a, b} {
		st, err := store.Open(ctx, p, store.Options{NoWatch: true})
		if err != nil {
			t.Fatal(err)
		}
		st.Checkpoint(ctx)
		st.Close()
	}
	before := [2][32]byte{sum(t, a), sum(t, b)}
	reg := filepath.Join(dir, "so.xlsx")
	if code, _, e := runCmd(ctx, "export", "register", "--db", a, "--db", b, "-o", reg); code != 0 {
		t.Fatalf("register: %d %s", code, e)
	}
	if after := [2][32]byte{sum(t, a), sum(t, b)}; after != before {
		t.Error("exporting the register changed a meeting file")
	}
	x, err := excelize.OpenFile(reg)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows("Sổ theo dõi")
	x.Close()
	if rows[3][1] != "Hội nghị" || len(rows) != 4+2*16 {
		t.Errorf("merged register: %d rows, header %q", len(rows), rows[3])
	}
	if code, _, e := runCmd(ctx, "export", "register", "--db", a, "--format", "csv"); code != 0 {
		t.Errorf("csv: %d %s", code, e)
	}
	if _, err := os.Stat(filepath.Join(dir, "exports", "so-theo-doi-tra-loi-2023-10-18.csv")); err != nil {
		t.Error(err)
	}

	// the next meeting
	next := filepath.Join(dir, "2024.db")
	if code, _, e = runCmd(ctx, "init", "--carry-from", a, "--date", "16/10/2024", next); code != 0 {
		t.Fatalf("carry: %d %s", code, e)
	}
	st, err := store.Open(ctx, next, store.Options{NoWatch: true})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := st.Meeting(ctx)
	items, _ := st.CarriedItems(ctx)
	st.Close()
	if m.Date != "2024-10-16" || !strings.HasSuffix(m.Title, "năm 2024") || len(items) == 0 {
		t.Errorf("next meeting %q on %s, %d carried", m.Title, m.Date, len(items))
	}
}

func TestCarryFromRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("hello"), 0o644)
	if code, _, e := runCmd(ctx, "init", "--carry-from", junk, filepath.Join(dir, "n.db")); code != 2 || !strings.Contains(e, "not a doithoai meeting") {
		t.Errorf("junk: %d %s", code, e)
	}
	newer := filepath.Join(dir, "newer.db")
	if code, _, e := runCmd(ctx, "init", "--demo", newer); code != 0 {
		t.Fatal(e)
	}
	db, _ := sql.Open("sqlite", newer)
	db.Exec("PRAGMA user_version = 999")
	db.Close()
	if code, _, e := runCmd(ctx, "init", "--carry-from", newer, filepath.Join(dir, "n.db")); code != 2 || !strings.Contains(e, "newer version") {
		t.Errorf("newer: %d %s", code, e)
	}
	if _, err := os.Stat(filepath.Join(dir, "n.db")); err == nil {
		t.Error("a refused carry left a file")
	}
	if code, _, e := runCmd(ctx, "init", "--carry-from", filepath.Join(dir, "none.db"), filepath.Join(dir, "n.db")); code != 2 {
		t.Errorf("missing: %d %s", code, e)
	}
}
