package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"doithoai/store"
)

func init() {
	register(command{name: "restore", summary: "put a backup back in place of the meeting file", run: runRestore})
}

const restoreUsage = `Usage: doithoai restore --from BACKUP [--db MEETING]

Checks BACKUP with integrity_check and copies it in place of the meeting
file. The file it replaces is kept beside it as
MEETING.before-restore-YYYYMMDD-HHMMSS. Close every station on the meeting
first: a file still open is refused.`

func runRestore(ctx context.Context, args []string) error {
	fs := newFlags("restore", restoreUsage)
	from := fs.String("from", "", "the backup `FILE` to restore")
	db := fs.String("db", "", "meeting `FILE` to replace (default: the meeting in your data folder)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *from == "" || fs.NArg() > 0 {
		return usagef("restore needs --from BACKUP (see doithoai restore --help)")
	}
	path, err := meetingPath(*db)
	if err != nil {
		return err
	}
	replaced, err := store.Restore(ctx, *from, path, time.Now())
	if errors.Is(err, store.ErrInUse) {
		return usagef("%s is open in a station (this laptop or over SSH); close every station on it first", path)
	}
	if err != nil {
		return err
	}
	fmt.Printf("restored %s from %s\n", path, *from)
	if replaced != "" {
		fmt.Printf("the replaced file is kept as %s\n", replaced)
	}
	return nil
}

// withRestoreHint adds the restore command to the error of opening a
// damaged meeting file.
func withRestoreHint(err error) error {
	var ce *store.CorruptError
	if !errors.As(err, &ce) {
		return err
	}
	if ce.Backup == "" {
		return fmt.Errorf("%w; there is no backup to restore: the data can only be recovered from another copy of the file", err)
	}
	return fmt.Errorf("%w; to carry on from it: doithoai restore --from %s --db %s", err, ce.Backup, ce.Path)
}
