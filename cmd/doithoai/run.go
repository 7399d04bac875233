package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"

	"doithoai/store"
	"doithoai/tui"
	"doithoai/tui/i18n"
)

func init() {
	register(command{name: "run", summary: "open the TUI (default)", run: runTUI})
	for _, st := range tui.Stations {
		st := st
		register(command{name: string(st), summary: "open the " + string(st) + " station directly", run: func(ctx context.Context, args []string) error {
			return runStation(ctx, st, args)
		}})
	}
}

const runUsage = `doithoai — the secretariat of a public meeting, in a terminal.

Usage:
  doithoai [--db FILE] [--lang vi|en] [STATION]
  doithoai COMMAND [flags] …   (doithoai COMMAND --help for each)

Stations: checkin, agenda, qa, screen, reports, setup, followup.
Without --db the default meeting file in your data folder is used; on the
first run it is created with the demo meeting (fictional people).

Commands:
`

func runTUI(ctx context.Context, args []string) error {
	return runStation(ctx, tui.Home, args)
}

func runStation(ctx context.Context, st tui.StationID, args []string) error {
	fs := newFlags("doithoai", runUsage+commandList())
	db := fs.String("db", "", "meeting `FILE` (default: the demo meeting in your data folder)")
	lang := fs.String("lang", "vi", "interface language: vi or en")
	showVersion := fs.Bool("version", false, "print the version and exit")
	desk := fs.String("desk", "", "a name for this terminal in the audit log, e.g. \"ban-2\" when two desks share a laptop")
	replicateTo := fs.String("replicate-to", "", replicateFlagHelp)
	if st != tui.Home {
		// the station's own help, in --lang if it came before --help
		fs.Usage = func() {
			l, _ := i18n.Parse(langArg(args, *lang))
			fmt.Printf("%s\nUsage:\n  doithoai %s [--db FILE] [--lang vi|en] [--desk NAME]\n\nFlags:\n", tui.StationHelp(st, l), st)
			fs.SetOutput(os.Stdout)
			fs.PrintDefaults()
			fs.SetOutput(io.Discard)
		}
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if *showVersion {
		fmt.Println("doithoai", version)
		return nil
	}
	if fs.NArg() > 0 {
		name := fs.Arg(0)
		id, ok := tui.ParseStation(name)
		if !ok || st != tui.Home || fs.NArg() > 1 {
			return usagef("unknown station or command %q (try doithoai --help)", name)
		}
		st = id
	}
	l, ok := i18n.Parse(*lang)
	if !ok {
		return usagef("unknown language %q: use vi or en", *lang)
	}
	station := "local"
	if st != tui.Home {
		station = string(st)
	}
	s, path, err := openMeeting(ctx, *db, store.Options{Actor: store.Actor{Station: station, User: localUser(*desk), Role: store.RoleAdmin}})
	if err != nil {
		return err
	}
	defer s.Close()
	defer startBackups(s)()
	if err := setReplica(ctx, s, *replicateTo); err != nil {
		return err
	}
	mon := startMonitor(s, path)
	defer mon.Close()
	if err := tui.Run(ctx, tui.Options{Store: s, Path: path, Station: st, Lang: l, Replica: mon.Status}); err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	if ctx.Err() != nil {
		fmt.Fprintln(os.Stderr, "doithoai: stopped by signal")
	}
	return nil
}

// localUser names this terminal in the audit log: the OS user, and the
// desk name given with --desk, so two desks on one laptop are told apart
// (and "undo the last check-in" undoes this desk's, not the other's) while
// a restarted desk keeps its name.
func localUser(desk string) string {
	name := "local"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	if desk = strings.TrimSpace(desk); desk != "" {
		name += "/" + desk
	}
	return name
}

// startBackups takes a checked snapshot every 5 minutes and on exit, in
// backups/ beside the meeting file; the returned func takes the last one.
func startBackups(s *store.Store) func() {
	backups := s.StartBackups(store.DefaultBackupEvery, store.DefaultBackupKeep, nil)
	return func() {
		if err := backups.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "doithoai: last backup failed:", err)
		}
	}
}

// langArg is the --lang value among args even after --help, which stops
// the flag parser before it ("doithoai agenda --help --lang en").
func langArg(args []string, def string) string {
	for i, a := range args {
		a = strings.TrimLeft(a, "-")
		if v, ok := strings.CutPrefix(a, "lang="); ok {
			return v
		}
		if a == "lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return def
}
