package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"doithoai/store"
	"doithoai/store/replica"
	"doithoai/tui/serve"
)

func init() {
	register(command{name: "replicate", summary: "the replicating process the stations start themselves (not needed by hand)", run: runReplicate})
}

const replicateUsage = `Usage: doithoai replicate --db MEETING

Streams the meeting file to its replica (set with --replicate-to) for as
long as its standard input stays open. The stations start it themselves:
one process per meeting file replicates, the others show its status.`

// dataDir is doithoai's data folder (beside the default meeting), where its
// SSH key for SFTP replicas lives.
func dataDir() string {
	p, err := store.DefaultPath()
	if err != nil {
		return "."
	}
	return filepath.Dir(p)
}

func runReplicate(ctx context.Context, args []string) error {
	fs := newFlags("replicate", replicateUsage)
	db := fs.String("db", "", "meeting `FILE`")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *db == "" || fs.NArg() > 0 {
		return usagef("replicate needs --db FILE")
	}
	err := replica.Run(ctx, replica.RunOptions{Path: *db, DataDir: dataDir(), Parent: os.Stdin, Companions: companions(*db)})
	if errors.Is(err, replica.ErrRestart) {
		os.Exit(replica.ExitRestart)
	}
	return err
}

// companions are the files beside the meeting that travel with its
// replica: the SSH stations' passcodes and keys, and the host key.
func companions(db string) []string {
	return []string{strings.TrimPrefix(serve.AccessPath(db), db), strings.TrimPrefix(serve.HostKeyPath(db), db)}
}

// replicateFlag is --replicate-to on the stations and serve.
const replicateFlagHelp = "stream the meeting to a `FOLDER` (a USB stick) or sftp://user@host[:port]/folder (another laptop); remembered in the meeting file; 'off' stops it"

// setReplica applies --replicate-to: it checks the target, makes it this
// meeting's replica and remembers it in the file's settings.
func setReplica(ctx context.Context, s *store.Store, to string) error {
	to = strings.TrimSpace(to)
	if to == "" {
		return nil
	}
	if strings.EqualFold(to, "off") || strings.EqualFold(to, "none") {
		if err := s.SetSetting(ctx, store.SettingReplica, ""); err != nil {
			return err
		}
		fmt.Fprintln(os.Stderr, "replication stopped: the meeting file no longer names a replica")
		return s.SetSetting(ctx, store.SettingReplicaHostKey, "")
	}
	t, err := replica.ParseTarget(to)
	if err != nil {
		return usagef("--replicate-to: %v", err)
	}
	hostKey, err := replica.Setup(ctx, s, t, dataDir())
	var ae *replica.AuthError
	if errors.As(err, &ae) {
		fmt.Fprintf(os.Stderr, "On %s, add this line to the authorized_keys of %s (README, Backups), then start again:\n\n%s\n\n", t.Label(), t.User, ae.PublicKey)
		return usagef("--replicate-to %s: %v", t, ae.Err)
	}
	if err != nil {
		return usagef("--replicate-to %s: %v", to, err)
	}
	fmt.Fprintf(os.Stderr, "replicating to %s (remembered in the meeting file)\n", t)
	if hostKey != "" {
		fmt.Fprintf(os.Stderr, "  the host's key is pinned: %s\n", replica.Fingerprint(hostKey))
	}
	return nil
}

// startMonitor watches the meeting's replica and starts the replicating
// process when none runs. The returned func lets it end.
func startMonitor(s *store.Store, path string) *replica.Monitor {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	exe, err := os.Executable()
	var spawn func() *exec.Cmd
	if err == nil {
		spawn = func() *exec.Cmd { return exec.Command(exe, "replicate", "--db", abs) }
	}
	return replica.NewMonitor(s, path, spawn)
}
