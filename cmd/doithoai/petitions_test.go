package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPetitionsCommand(t *testing.T) {
	ctx, _, db := demoFile(t)
	var out bytes.Buffer
	if err := petitionsCmd(ctx, []string{"--db", db, "--on", "18/10/2023"}, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"tính đến ngày 18/10/2023",
		"Cộng                                         14       11          3        4",
		"KN 9   Phòng Tài nguyên và Môi trường · hạn 09/10/2023 (quá hạn)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	out.Reset()
	if err := petitionsCmd(ctx, []string{"--db", db, "--on", "08/10/2023", "--json", "--lang", "en"}, &out); err != nil {
		t.Fatal(err)
	}
	var got struct {
		On    string
		Total struct{ Asked, Received, Missing, Late int }
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.On != "2023-10-08" || got.Total.Asked != 14 || got.Total.Missing != 3 || got.Total.Late != 1 {
		t.Fatalf("json %+v", got)
	}
	for _, bad := range [][]string{{"--db", db, "--on", "hôm qua"}, {"--db", db, "extra"}, {"--db", db, "--lang", "fr"}} {
		if err := petitionsCmd(ctx, bad, &out); err == nil {
			t.Errorf("%v: accepted", bad)
		}
	}
}

func TestExportRemindersCommand(t *testing.T) {
	ctx, dir, db := demoFile(t)
	var out, errb bytes.Buffer
	// without --prepared: the letters after the day (TestFollowupCommands)
	if code := run(ctx, []string{"export", "reminders", "--prepared", "--db", db}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "exports", "don-doc-tra-loi-kien-nghi-*.docx"))
	if len(files) != 2 {
		t.Fatalf("letters %v", files)
	}
}

func TestExportScriptAndBriefing(t *testing.T) {
	ctx, dir, db := demoFile(t)
	var out, errb bytes.Buffer
	for _, args := range [][]string{
		{"export", "script", "--db", db},
		{"export", "script", "--roll", "present", "--db", db, "-o", filepath.Join(dir, "kb.docx")},
		{"export", "briefing", "--db", db, "--with-contacts"},
	} {
		if code := run(ctx, args, &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
	}
	for _, f := range []string{"exports/kich-ban-chuong-trinh-2023-10-18.docx", "kb.docx", "exports/tai-lieu-phuc-vu-doi-thoai-2023-10-18.docx"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if code := run(ctx, []string{"export", "script", "--roll", "all", "--db", db}, &out, &errb); code != 2 {
		t.Errorf("--roll all: exit %d", code)
	}
}

// demoFile writes the demo meeting into a temp folder: the folder and the file.
func demoFile(t *testing.T) (context.Context, string, string) {
	t.Helper()
	ctx, dir := context.Background(), t.TempDir()
	db := filepath.Join(dir, "m.db")
	if err := createDemo(ctx, db); err != nil {
		t.Fatal(err)
	}
	return ctx, dir, db
}
