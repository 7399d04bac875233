//go:build unix

package commontest

import "syscall"

// CPUTime is the process's user+system time in nanoseconds: on a loaded
// machine the CPU time per View is steadier than the wall time.
func CPUTime() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
