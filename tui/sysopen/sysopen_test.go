package sysopen

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

func TestCommand(t *testing.T) {
	p := `C:\Hồ sơ & văn bản\a^b%PATH%.pdf`
	for goos, want := range map[string][]string{
		"windows": {"rundll32", "url.dll,FileProtocolHandler", p},
		"darwin":  {"open", "--", p},
		"linux":   {"xdg-open", p},
	} {
		c := Command(goos, p)
		if c == nil || !slices.Equal(c.Args, want) {
			t.Errorf("%s: %v", goos, c)
		}
	}
	if Command("plan9", p) != nil {
		t.Error("plan9 has a viewer")
	}
}

// TestOpenRunsTheViewer puts a fake xdg-open first on PATH and checks it
// is given the absolute path.
func TestOpenRunsTheViewer(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the fake viewer is a shell script")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "opened")
	script := "#!/bin/sh\nprintf '%s' \"$1\" > " + out + "\n"
	if err := os.WriteFile(filepath.Join(dir, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	wd, _ := os.Getwd()
	if err := Open("-scan.pdf"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		if b, err := os.ReadFile(out); err == nil && len(b) > 0 {
			if string(b) != filepath.Join(wd, "-scan.pdf") {
				t.Errorf("viewer got %q", b)
			}
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Error("the viewer never ran")
}

func TestOpenWithoutViewer(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip()
	}
	t.Setenv("PATH", t.TempDir())
	if err := Open("x.pdf"); err != ErrNoViewer {
		t.Errorf("no viewer: %v", err)
	}
}
