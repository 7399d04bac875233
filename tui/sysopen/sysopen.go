// Package sysopen opens a file with the system's own viewer: the scanned
// copy of a received answer (store.ReceiptFile gives its checked path).
//
// Linux and the BSDs use xdg-open, macOS open, Windows rundll32's
// FileProtocolHandler (what "start" does, without passing the path
// through cmd.exe, which would read & ^ % in a folder name as commands).
// The viewer opens on the machine running doithoai: a station served
// over SSH must not call it for a remote user (the laptop's screen would
// show the document, not theirs).
package sysopen

import (
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"
)

// ErrNoViewer: the system has no viewer command to run.
var ErrNoViewer = errors.New("no program to open files with on this system")

// Command is the command that opens path on goos ("linux", "darwin",
// "windows"…), or nil when there is none.
func Command(goos, path string) *exec.Cmd {
	switch goos {
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		return exec.Command("open", "--", path)
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly", "solaris", "illumos":
		return exec.Command("xdg-open", path)
	}
	return nil
}

// Open starts the system viewer on path and returns without waiting for
// it. The path is made absolute first (xdg-open would read "-x.pdf" as an
// option).
func Open(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	cmd := Command(runtime.GOOS, abs)
	if cmd == nil {
		return ErrNoViewer
	}
	if _, err := exec.LookPath(cmd.Path); err != nil && !filepath.IsAbs(cmd.Path) {
		return ErrNoViewer
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it; the viewer's own exit status is not ours
	return nil
}
