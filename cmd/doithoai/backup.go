package main

import (
	"context"
	"fmt"

	"doithoai/store"
)

func init() {
	register(command{name: "backup", summary: "write a checked snapshot of the meeting (e.g. to a USB stick)", run: runBackup})
}

const backupUsage = `Usage: doithoai backup [--db MEETING] [--to DIR]

Writes a consistent snapshot of the meeting file while stations keep
working, checks it with integrity_check and prints its path. Without --to it
goes to the "backups" folder beside the meeting file, where the running
program also keeps a snapshot every 5 minutes (the newest 12).`

func runBackup(ctx context.Context, args []string) error {
	fs := newFlags("backup", backupUsage)
	db := fs.String("db", "", "meeting `FILE` (default: the meeting in your data folder)")
	to := fs.String("to", "", "folder to write the snapshot into (default: backups beside the meeting)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("backup takes no arguments (use --db and --to)")
	}
	path, err := meetingPath(*db)
	if err != nil {
		return err
	}
	s, err := store.Open(ctx, path, store.Options{NoWatch: true, Actor: store.Actor{Station: "backup", Role: store.RoleAdmin}})
	if err != nil {
		return withRestoreHint(err)
	}
	defer s.Close()
	b, err := s.Backup(ctx, *to)
	if err != nil {
		return err
	}
	r, err := store.Check(ctx, b)
	if err != nil {
		return err
	}
	fmt.Printf("backup written and checked: %s\n  %d delegates, %d arrived, %d questions, %d answers\n", b, r.Delegates, r.Arrived, r.Questions, r.Answers)
	return nil
}

// meetingPath is --db, or the default meeting file (which must exist).
func meetingPath(db string) (string, error) {
	if db != "" {
		return db, nil
	}
	return store.DefaultPath()
}
