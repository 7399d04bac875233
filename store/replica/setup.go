package replica

import (
	"context"
	"errors"
	"fmt"

	"doithoai/store"
)

// AuthError is Setup's answer when the SFTP host refuses the key: it
// carries the public key line to add to the host's authorized_keys.
type AuthError struct {
	Err       error
	PublicKey string
}

func (e *AuthError) Error() string { return e.Err.Error() }
func (e *AuthError) Unwrap() error { return e.Err }

// Setup makes t the replica of the meeting in s: it reaches the target
// (pinning an SFTP host's key the first time), makes the folder this
// meeting's replica (creating it when missing) and remembers the target in
// the file's settings, so every later start replicates there. A folder
// holding another meeting's replica is refused. It returns the host key
// pinned ("" for a folder).
func Setup(ctx context.Context, s *store.Store, t Target, dataDir string) (string, error) {
	var hostKey string
	if t.Kind == SFTP {
		pub, err := EnsureKey(KeyFile(dataDir))
		if err != nil {
			return "", err
		}
		old, _ := s.Setting(ctx, store.SettingReplica)
		pinned, _ := s.Setting(ctx, store.SettingReplicaHostKey)
		if ot, err := ParseTarget(old); err != nil || ot.Host != t.Host {
			pinned = "" // a new host: trust on first use
		}
		if pinned == "" {
			hostKey, err = HostKeyOf(ctx, t, Keys(dataDir))
		} else {
			hostKey = pinned
		}
		if errors.Is(err, ErrAuth) {
			return "", &AuthError{Err: err, PublicKey: pub}
		}
		if err != nil {
			return "", err
		}
	}
	rem, err := open(ctx, t, hostKey, Keys(dataDir))
	if err != nil {
		return "", err
	}
	defer rem.close()
	id, err := meetingIdentity(ctx, s)
	if err != nil {
		return "", err
	}
	if id.MeetingID == "" {
		return "", fmt.Errorf("replica: the meeting file has no meeting id")
	}
	if _, err := claim(ctx, rem, id, true); err != nil {
		return "", err
	}
	if err := s.SetSetting(ctx, store.SettingReplicaHostKey, hostKey); err != nil {
		return "", err
	}
	return hostKey, s.SetSetting(ctx, store.SettingReplica, t.String())
}
