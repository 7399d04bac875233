package store

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultPath is the meeting file used when none is given: doithoai/
// meeting.db in the user's data directory (%LOCALAPPDATA% on Windows,
// ~/Library/Application Support on macOS, $XDG_DATA_HOME or ~/.local/share
// elsewhere).
func DefaultPath() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = os.Getenv("LOCALAPPDATA")
		if dir == "" {
			d, err := os.UserConfigDir()
			if err != nil {
				return "", err
			}
			dir = d
		}
	case "darwin":
		d, err := os.UserConfigDir() // ~/Library/Application Support
		if err != nil {
			return "", err
		}
		dir = d
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", err
			}
			dir = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(dir, "doithoai", "meeting.db"), nil
}
