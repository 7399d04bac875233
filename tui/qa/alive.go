package qa

import (
	"errors"
	"os"
	"runtime"
	"syscall"
)

// processAlive reports whether process pid is running. On Windows,
// FindProcess fails for a process that is gone; elsewhere signal 0 asks.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	defer p.Release()
	if runtime.GOOS == "windows" {
		return true
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
