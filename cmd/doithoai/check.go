package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"doithoai/store"
)

func init() {
	register(command{name: "check", summary: "check a meeting file for damage and count what it holds", run: runCheck})
}

const checkUsage = `Usage: doithoai check [FILE]

Runs SQLite's integrity_check on a meeting file (default: the meeting in
your data folder) without changing it, and prints what it holds and when
it last changed. Exit status 0: the file is whole; 2: it is damaged or not
a meeting file (the newest good backup is named).`

func runCheck(ctx context.Context, args []string) error {
	fs := newFlags("check", checkUsage)
	db := fs.String("db", "", "meeting `FILE` (the same as giving FILE)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 || (fs.NArg() == 1 && *db != "") {
		return usagef("check takes one FILE")
	}
	path := *db
	if fs.NArg() == 1 {
		path = fs.Arg(0)
	}
	path, err := meetingPath(path)
	if err != nil {
		return err
	}
	r, err := store.Check(ctx, path)
	if err != nil && !errors.Is(err, store.ErrCorrupt) {
		return err
	}
	printCheck(os.Stdout, r)
	if err != nil {
		return withRestoreHint(&store.CorruptError{Path: path, Backup: store.NewestBackup(ctx, path), Err: err})
	}
	return nil
}

func printCheck(w io.Writer, r store.Report) {
	status := "ok"
	if !r.OK() {
		status = "DAMAGED: " + r.Problem
	}
	fmt.Fprintf(w, "%s\n  integrity:   %s\n", r.Path, status)
	fmt.Fprintf(w, "  size:        %d KB (+ %d KB WAL), schema %d\n", r.Size/1024, r.WALSize/1024, r.Schema)
	fmt.Fprintf(w, "  delegates:   %d (%d walk-ins), %d arrived\n", r.Delegates, r.WalkIns, r.Arrived)
	fmt.Fprintf(w, "  agenda:      %d items, %d speakers\n", r.Items, r.Speakers)
	fmt.Fprintf(w, "  dialogue:    %d petitions, %d questions, %d answers\n", r.Petitions, r.Questions, r.Answers)
	fmt.Fprintf(w, "  audit:       %d rows, %d drafts\n", r.AuditRows, r.Drafts)
	if r.LastChange.IsZero() {
		fmt.Fprintf(w, "  last change: none\n")
	} else {
		fmt.Fprintf(w, "  last change: %s (%s %s by %s)\n", r.LastChange.Format("2006-01-02 15:04:05"), r.LastAction, r.LastEntity, r.LastBy)
	}
}
