package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"doithoai/store"
)

func TestImportCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	if err := createDemo(ctx, db); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		st, err := store.Open(ctx, db, store.Options{NoWatch: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		ds, _ := st.Delegates(ctx)
		return len(ds)
	}
	n0 := count()
	exec := func(args ...string) (error, string, string) {
		var out, errb bytes.Buffer
		err := importCmd(ctx, args, &out, &errb)
		return err, out.String(), errb.String()
	}
	good := filepath.Join(dir, "dai-bieu.csv")
	os.WriteFile(good, []byte("\xEF\xBB\xBFDANH SÁCH;;\r\nHọ và tên;Đơn vị;Điện thoại\r\nNguyễn Thị Hoà;xa quang hoa;912345678\r\nLê Thị Mai;Xã Quảng Ngọc;\r\n;;\r\n"), 0o644)

	err, out, _ := exec("delegates", good, "--db", db, "--dry-run")
	if err != nil || !strings.Contains(out, "row    3  new") || !strings.Contains(out, "2 new, 0 updated, 0 unchanged: dry run") ||
		!strings.Contains(out, "new units: Xã Quảng Ngọc") {
		t.Fatalf("dry run: %v\n%s", err, out)
	}
	if count() != n0 {
		t.Fatal("dry run wrote")
	}
	if err, out, _ = exec("--db", db, "delegates", good); err != nil || !strings.Contains(out, "2 new, 0 updated, 0 unchanged: imported") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	if err, out, _ = exec("delegates", "--db", db, good); err != nil || !strings.Contains(out, "0 new, 0 updated, 2 unchanged") {
		t.Fatalf("again: %v\n%s", err, out)
	}
	if count() != n0+2 {
		t.Fatalf("%d delegates, want %d", count(), n0+2)
	}

	// A bad row: nothing imported, every problem listed, exit status 1.
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("Mã,Họ tên,SĐT\nX1,Trần Văn A,\nX2,,\nX1,Lê Văn B,abc\n"), 0o644)
	var o, e bytes.Buffer
	code := run(ctx, []string{"import", "delegates", bad, "--db", db}, &o, &e)
	err, _, errs := exec("delegates", bad, "--db", db)
	if code != 1 || err == nil || !strings.Contains(errs, "row 3, Họ tên: name is missing") ||
		!strings.Contains(errs, "row 4, Mã: code X1 is also on row 2") || !strings.Contains(errs, `row 4, SĐT: "abc" is not a phone number`) {
		t.Fatalf("exit %d, %v\n%s", code, err, errs)
	}
	if count() != n0+2 {
		t.Fatal("bad file imported something")
	}
	// --json: the same report for scripts, problems included.
	err, out, _ = exec("delegates", bad, "--db", db, "--json")
	var rep store.ImportReport
	if jerr := json.Unmarshal([]byte(out), &rep); err == nil || jerr != nil || len(rep.Problems) != 3 || rep.Problems[0].Row != 3 ||
		rep.Problems[0].Code != "name_missing" || rep.Applied {
		t.Fatalf("json: %v %v %+v", err, jerr, rep)
	}

	// Usage and file errors: exit 2.
	for _, args := range [][]string{
		{"import", "delegates", "--db", db},
		{"import", "people", good, "--db", db},
		{"import", "delegates", filepath.Join(dir, "missing.csv"), "--db", db},
		{"import", "delegates", filepath.Join(dir, "old.xls"), "--db", db},
		{"import", "delegates", good, "--db", filepath.Join(dir, "nope.db")},
	} {
		if code := run(ctx, args, &o, &e); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
