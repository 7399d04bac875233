package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"doithoai/assets"
	"doithoai/store"
)

// isFileError reports errors about the meeting file itself (exit status 2).
func isFileError(err error) bool {
	for _, e := range []error{store.ErrNoFile, store.ErrNotMeeting, store.ErrNewerSchema, store.ErrCorrupt, os.ErrNotExist, os.ErrPermission} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// openMeeting opens the file named by --db, or the default meeting file,
// creating the demo there on first run.
func openMeeting(ctx context.Context, db string, o store.Options) (*store.Store, string, error) {
	if db != "" {
		st, err := store.Open(ctx, db, o)
		return st, db, withRestoreHint(err)
	}
	path, err := store.DefaultPath()
	if err != nil {
		return nil, "", err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, "", err
		}
		if err := createDemo(ctx, path); err != nil {
			return nil, "", err
		}
	}
	st, err := store.Open(ctx, path, o)
	return st, path, withRestoreHint(err)
}

// createDemo writes the embedded demo meeting into a new file.
func createDemo(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return usagef("%s already exists", path)
	}
	seed, err := assets.Demo()
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, path, store.Options{Create: true, NoWatch: true, Actor: store.Actor{Station: "init", Role: store.RoleAdmin}})
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.LoadSeed(ctx, seed); err != nil {
		return fmt.Errorf("demo meeting: %w", err)
	}
	return nil
}
