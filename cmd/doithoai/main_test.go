package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"doithoai/store"
)

func runCLI(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, errb.String()
}

func TestHelpForEveryCommand(t *testing.T) {
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	devnull, _ := os.Open(os.DevNull)
	stdout := os.Stdout
	os.Stdout, _ = os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	defer func() { os.Stdout = stdout; devnull.Close() }()
	for _, n := range names {
		args := []string{n, "--help"}
		if n == "run" {
			args = []string{"--help"}
		}
		if code, errs := runCLI(t, args...); code != 0 {
			t.Errorf("%s --help: exit %d: %s", n, code, errs)
		}
	}
}

func TestBadInputExitsTwoWithOneLine(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("hello"), 0o644)
	cases := [][]string{
		{"--bogus"},
		{"--db", filepath.Join(dir, "missing.db")},
		{"--db", text},
		{"--lang", "fr", "--db", text},
		{"nosuchstation"},
		{"init"},
	}
	for _, args := range cases {
		code, errs := runCLI(t, args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errs)
		}
		if strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.HasPrefix(errs, "doithoai: ") || strings.Contains(errs, "goroutine") {
			t.Errorf("%v: want one clear line, got %q", args, errs)
		}
	}
}

func TestInitDemoAndFlags(t *testing.T) {
	dir := t.TempDir()
	stdout := os.Stdout
	os.Stdout, _ = os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	defer func() { os.Stdout = stdout }()
	demo := filepath.Join(dir, "demo.db")
	if code, errs := runCLI(t, "init", "--demo", demo); code != 0 {
		t.Fatalf("init --demo: %d %s", code, errs)
	}
	// flags may follow the file name
	if code, errs := runCLI(t, "init", filepath.Join(dir, "demo2.db"), "--demo"); code != 0 {
		t.Fatalf("init FILE --demo: %d %s", code, errs)
	}
	if code, _ := runCLI(t, "init", "--demo", demo); code != 2 {
		t.Errorf("init over an existing file: exit %d, want 2", code)
	}
	empty := filepath.Join(dir, "empty.db")
	if code, errs := runCLI(t, "init", "--title", "Hội nghị tiếp xúc cử tri", "--date", "2023-11-02", "--start", "08:00", empty); code != 0 {
		t.Fatalf("init with flags: %d %s", code, errs)
	}
	// the date as a Vietnamese clerk writes it is kept as ISO
	dmy := filepath.Join(dir, "dmy.db")
	if code, errs := runCLI(t, "init", "--title", "X", "--date", "2/11/2023", dmy); code != 0 {
		t.Fatalf("init --date 2/11/2023: %d %s", code, errs)
	}
	if st, err := store.Open(context.Background(), dmy, store.Options{NoWatch: true}); err != nil {
		t.Fatal(err)
	} else {
		m, _ := st.Meeting(context.Background())
		st.Close()
		if m.Date != "2023-11-02" {
			t.Errorf("--date 2/11/2023 stored as %q", m.Date)
		}
	}
	if code, _ := runCLI(t, "init", "--title", "X", "--date", "31/02/2023", filepath.Join(dir, "bad.db")); code != 2 {
		t.Errorf("init with a bad date: exit %d, want 2", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad.db")); err == nil {
		t.Error("a refused init left a file behind")
	}
	// the documents' signers from flags; KT./TL. without a name is refused
	signed := filepath.Join(dir, "signed.db")
	if code, errs := runCLI(t, "init", "--title", "X", "--secretary", "Nguyễn Thị Thư", "--sign-as", "TL", "--signer", "Lê Văn Phòng",
		"--signer-title", "Chánh Văn phòng", "--office", "Phòng Nội vụ", "--office-code", "NV", signed); code != 0 {
		t.Fatalf("init with signer flags: %d %s", code, errs)
	}
	if st, err := store.Open(context.Background(), signed, store.Options{NoWatch: true}); err != nil {
		t.Fatal(err)
	} else {
		m, _ := st.Meeting(context.Background())
		st.Close()
		if m.Secretary != "Nguyễn Thị Thư" || m.SignAs != store.SignTL || m.Signer != "Lê Văn Phòng" || m.SignerTitle != "Chánh Văn phòng" || m.OfficeCode != "NV" {
			t.Errorf("signer flags stored as %+v", m)
		}
	}
	if code, _ := runCLI(t, "init", "--title", "X", "--sign-as", "KT", filepath.Join(dir, "nosigner.db")); code != 2 {
		t.Errorf("init --sign-as KT without --signer: exit %d, want 2", code)
	}
	if code, _ := runCLI(t, "--version"); code != 0 {
		t.Error("--version")
	}
}
