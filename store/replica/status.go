package replica

import (
	"encoding/json"
	"errors"
	"os"
	"time"
)

// State is what the replicator is doing.
type State string

const (
	StateStarting    State = "starting"    // connecting, or the first round not done yet
	StateOK          State = "ok"          // replicating (it may still be behind: see Behind)
	StateGone        State = "gone"        // the folder is not there (USB stick pulled)
	StateUnreachable State = "unreachable" // the SFTP host does not answer
	StateAuth        State = "auth"        // the SFTP host refused the key
	StateHostKey     State = "hostkey"     // the SFTP host's key changed
	StateRefused     State = "refused"     // the folder holds another meeting's (or copy's) replica
	StateFailed      State = "failed"      // anything else; Detail says what
	StateStopped     State = "stopped"     // no process replicates (seen by the readers)
)

// Late is how far behind the header turns red.
const Late = 10 * time.Second

// Status is what the replicating process publishes, at most once a second,
// in a small file beside the meeting (StatusPath): writing it into the
// meeting file would wake every station's change watch every second.
type Status struct {
	Target string `json:"target"`
	Label  string `json:"label"`
	State  State  `json:"state"`
	Detail string `json:"detail,omitempty"`
	// Lag is how late the last change reached the replica while all was
	// well: the delay a change made now would see.
	Lag time.Duration `json:"lag"`
	// PendingSince is when the oldest change not yet on the replica was
	// made (zero: the replica holds everything).
	PendingSince time.Time `json:"pending_since,omitzero"`
	// Synced is the last time the replica held everything.
	Synced  time.Time `json:"synced,omitzero"`
	PID     int       `json:"pid"`
	Updated time.Time `json:"updated"`
}

// Behind is how far the replica is behind at now: the age of the oldest
// change it does not hold yet, or the last change's lag.
func (s Status) Behind(now time.Time) time.Duration {
	if !s.PendingSince.IsZero() {
		if d := now.Sub(s.PendingSince); d > s.Lag {
			return d
		}
	}
	return s.Lag
}

// Alarm reports whether the header must turn red.
func (s Status) Alarm(now time.Time) bool {
	switch s.State {
	case StateOK, StateStarting:
		return s.Behind(now) > Late
	}
	return true
}

// Files beside the meeting file.
func StatusPath(db string) string { return db + ".replica-status" }
func LockPath(db string) string   { return db + ".replica-lock" }
func LogPath(db string) string    { return db + ".replica-log" }

// writeStatus replaces the status file (a temporary file and a rename: a
// reader sees the old status or the new one).
func writeStatus(db string, s Status) error {
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	tmp := StatusPath(db) + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, StatusPath(db)); err != nil {
		// Windows refuses to replace a file a reader has open: next second
		os.Remove(tmp)
		return err
	}
	return nil
}

// ReadStatus reads the status file of the meeting at db.
func ReadStatus(db string) (Status, error) {
	var s Status
	b, err := os.ReadFile(StatusPath(db))
	if err != nil {
		return s, err
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return s, errors.New("replica: status file unreadable")
	}
	return s, nil
}
