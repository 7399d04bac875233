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
// their paths: for the written answers overdue after the day, or with
// prepared for the prepared answers missing before it.
func exportReminders(ctx context.Context, db, dir string, prepared bool) error {
	st, path, err := openMeeting(ctx, db, store.Options{NoWatch: true, Actor: store.Actor{Station: "export", Role: store.RoleAdmin}})
	if err != nil {
		return err
	}
	defer st.Close()
	if dir == "" {
		dir = docs.ExportDir(path)
	}
	export, none := docs.ExportOverdueReminders, "nothing is overdue: no reminder to write"
	if prepared {
		export, none = docs.ExportPreparedReminders, "every prepared answer has arrived: no reminder to write"
	}
	paths, err := export(ctx, st, dir, docs.Options{})
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fmt.Fprintln(os.Stdout, none)
	}
	for _, p := range paths {
		fmt.Fprintln(os.Stdout, p)
	}
	return nil
}
