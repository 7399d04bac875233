package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
)

// Settings of the file (not of the meeting itself), kept in the settings
// table. Every change is audited like any other.
const (
	SettingMeetingID = "meeting_id" // random, set when the file is created
	SettingFileID    = "file_id"    // random, renewed by a takeover
	// SettingReplica is where the file is replicated (a folder or an
	// sftp:// URL); empty or absent means nowhere.
	SettingReplica = "replica"
	// SettingReplicaHostKey is the SFTP host's key in authorized_keys form,
	// pinned on the first connection.
	SettingReplicaHostKey = "replica_host_key"
)

// MaxSetting bounds a setting's value (a path, a URL or a host key).
const MaxSetting = 2000

// Setting returns the value of key, "" when it is not set.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.read().QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, mapErr(err)
}

// SetSetting sets key to value (an empty value removes it), audited as a
// change of the "setting" entity. Setting the value it already has writes
// nothing.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	var err error
	if value, err = clean("value", value, false, MaxSetting); err != nil {
		return err
	}
	if key, err = clean("key", key, true, 100); err != nil {
		return err
	}
	return s.write(ctx, PermFile, func(t *Tx) error { return t.setSetting(ctx, key, value) })
}

type settingRow struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

func (t *Tx) setSetting(ctx context.Context, key, value string) error {
	var old string
	err := t.queryRow(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&old)
	had := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if old == value && (had || value == "") {
		return nil
	}
	var before, after any
	if had {
		before = settingRow{key, old}
	}
	if value == "" {
		if _, err := t.exec(ctx, `DELETE FROM settings WHERE key = ?`, key); err != nil {
			return err
		}
		return t.audit(ctx, "delete", "setting", 0, before, nil)
	}
	if _, err := t.exec(ctx, `INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return err
	}
	after = settingRow{key, value}
	action := "update"
	if !had {
		action = "create"
	}
	return t.audit(ctx, action, "setting", 0, before, after)
}

// MeetingID is the meeting's random identity: a replica folder holds it so
// that another meeting's replica is never mixed in.
func (s *Store) MeetingID(ctx context.Context) (string, error) {
	return s.Setting(ctx, SettingMeetingID)
}

// FileID names this copy of the meeting; a takeover gives the new copy a
// new one.
func (s *Store) FileID(ctx context.Context) (string, error) {
	return s.Setting(ctx, SettingFileID)
}

// RenewFileID gives this file a new file id (after a takeover: the copy
// carries on as a new line of the meeting) and clears the replica target,
// which belonged to the lost copy. Both audited.
func (s *Store) RenewFileID(ctx context.Context) (string, error) {
	b := make([]byte, 16)
	rand.Read(b)
	id := hex.EncodeToString(b)
	err := s.write(ctx, PermFile, func(t *Tx) error {
		if err := t.setSetting(ctx, SettingFileID, id); err != nil {
			return err
		}
		if err := t.setSetting(ctx, SettingReplicaHostKey, ""); err != nil {
			return err
		}
		return t.setSetting(ctx, SettingReplica, "")
	})
	return id, err
}
