package main

import (
	"context"
	"fmt"
	"os"

	"doithoai/store"
	"doithoai/store/docs"
)

// exportReminders writes the reminder letters (công văn đôn đốc) into
// dir (default: the exports folder), one file per agency, and prints
// their paths.
func exportReminders(ctx context.Context, db, dir string, prepared bool) error {
	if !prepared {
		return usagef("reminders: say which: --prepared (answers owed before the day)")
	}
	st, path, err := openMeeting(ctx, db, store.Options{NoWatch: true, Actor: store.Actor{Station: "export", Role: store.RoleAdmin}})
	if err != nil {
		return err
	}
	defer st.Close()
	if dir == "" {
		dir = docs.ExportDir(path)
	}
	paths, err := docs.ExportPreparedReminders(ctx, st, dir, docs.Options{})
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fmt.Fprintln(os.Stdout, "every prepared answer has arrived: no reminder to write")
	}
	for _, p := range paths {
		fmt.Fprintln(os.Stdout, p)
	}
	return nil
}
