package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestExportCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	if err := createDemo(ctx, db); err != nil {
		t.Fatal(err)
	}
	exec := func(args ...string) (int, string) {
		var out, errb bytes.Buffer
		code := run(ctx, args, &out, &errb)
		return code, errb.String()
	}

	// KIND first, flags after; the format follows -o's extension.
	out := filepath.Join(dir, "att.xlsx")
	if code, e := exec("export", "attendance", "--db", db, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, e)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows("Danh sách")
	x.Close()
	if len(rows) != 4+140 || rows[3][2] != "Họ và tên" {
		t.Fatalf("%d rows, header %q", len(rows), rows[3])
	}

	// Flags first, then KIND; no -o: the exports folder beside the file.
	if code, e := exec("export", "--db", db, "--format", "docx", "conclusion"); code != 0 {
		t.Fatalf("exit %d: %s", code, e)
	}
	if _, err := os.Stat(filepath.Join(dir, "exports", "du-thao-thong-bao-ket-luan-2023-10-18.docx")); err != nil {
		t.Fatal(err)
	}

	// Contacts only when asked.
	plain, withPhones := filepath.Join(dir, "s.csv"), filepath.Join(dir, "sc.csv")
	exec("export", "signin", "--db", db, "--format", "csv", "-o", plain)
	exec("export", "signin", "--db", db, "--format", "csv", "-o", withPhones, "--with-contacts")
	a, _ := os.ReadFile(plain)
	b, _ := os.ReadFile(withPhones)
	if bytes.Contains(a, []byte("0387 659 951")) || !bytes.Contains(b, []byte("0387 659 951")) { // grouped, so Excel keeps the 0
		t.Error("phone numbers not governed by --with-contacts")
	}

	for _, bad := range [][]string{
		{"export", "nonsense", "--db", db},
		{"export", "conclusion", "--format", "xlsx", "--db", db},
		{"export", "--db", db},
		{"export", "minutes", "extra", "--db", db},
		{"export", "minutes", "--bogus"},
	} {
		code, e := exec(bad...)
		if code != 2 || strings.Count(strings.TrimSpace(e), "\n") != 0 || e == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and one line", bad, code, e)
		}
	}
	// A missing meeting file is a file error (2), not created.
	if code, _ := exec("export", "minutes", "--db", filepath.Join(dir, "none.db")); code != 2 {
		t.Errorf("missing file: exit %d", code)
	}
}
