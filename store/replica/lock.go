package replica

import (
	"errors"
	"os"
)

// ErrLocked says another process holds the lock.
var ErrLocked = errors.New("locked by another process")

// Lock is an OS lock on a small file beside the meeting: flock on Linux
// and macOS, LockFileEx on Windows. The OS releases it when the process
// ends, however it ends (kill -9 included), so a crashed replicator never
// leaves a stale lock behind.
type Lock struct{ f *os.File }

// TryLock takes the lock on path without waiting, or returns ErrLocked.
func TryLock(path string) (*Lock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return &Lock{f: f}, nil
}

// Unlock releases the lock (closing the file releases it too).
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	unlockFile(l.f)
	err := l.f.Close()
	l.f = nil
	return err
}

// Held reports whether some process holds the lock on path, by taking and
// at once releasing it.
func Held(path string) bool {
	l, err := TryLock(path)
	if err != nil {
		return errors.Is(err, ErrLocked)
	}
	l.Unlock()
	return false
}
