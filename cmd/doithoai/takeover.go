package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"doithoai/store"
	"doithoai/store/replica"
)

func init() {
	register(command{name: "takeover", summary: "carry on the meeting on this laptop from its live replica", run: runTakeover})
}

const takeoverUsage = `Usage: doithoai takeover --from FOLDER|sftp://user@host[:port]/folder --db NEW.db

When the hall laptop is lost, on the standby laptop: takes the newest state
of the meeting from its replica (the folder the hall laptop streamed to,
or a USB stick it streamed to), checks it (integrity, counts, last change),
and puts it in place as NEW.db. An existing NEW.db is kept beside it as
NEW.db.before-takeover-YYYYMMDD-HHMMSS. The SSH stations' passcodes and
keys come with it. Then carry on:

  doithoai serve --db NEW.db --listen 0.0.0.0:2323

and the devices connect to this laptop's address. The new file does not
replicate anywhere until --replicate-to names a new, empty folder.`

func runTakeover(ctx context.Context, args []string) error {
	fs := newFlags("takeover", takeoverUsage)
	from := fs.String("from", "", "the replica: a `FOLDER` or sftp://user@host[:port]/folder")
	db := fs.String("db", "", "the meeting `FILE` to create on this laptop")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *from == "" || *db == "" || fs.NArg() > 0 {
		return usagef("takeover needs --from REPLICA and --db NEW.db (see doithoai takeover --help)")
	}
	t, err := replica.ParseTarget(*from)
	if err != nil {
		return usagef("--from: %v", err)
	}
	o := replica.FetchOptions{Target: t, Keys: replica.Keys(dataDir())}
	if t.Kind == replica.SFTP {
		if o.HostKey, err = replica.HostKeyOf(ctx, t, o.Keys); err != nil {
			return usagef("--from %s: %v", t, err)
		}
		fmt.Printf("%s's key: %s\n", t.Label(), replica.Fingerprint(o.HostKey))
	}
	now := time.Now()
	tmp := *db + ".takeover-tmp"
	os.Remove(tmp)
	defer os.Remove(tmp)
	id, err := replica.Fetch(ctx, o, tmp)
	if err != nil {
		return takeoverError(t, err)
	}
	replaced, err := store.ReplaceWith(ctx, tmp, *db, now, "before-takeover")
	if errors.Is(err, store.ErrInUse) {
		return usagef("%s is open in a station; close every station on it first, or take over into another file", *db)
	}
	if err != nil {
		return err
	}
	// what the replica held, before this copy's own first change
	r, err := store.Check(ctx, *db)
	if err != nil {
		return err
	}
	s, err := store.Open(ctx, *db, store.Options{NoWatch: true, Actor: store.Actor{Station: "takeover", User: localUser(""), Role: store.RoleAdmin}})
	if err != nil {
		return err
	}
	_, err = s.RenewFileID(ctx)
	s.Close()
	if err != nil {
		return err
	}
	wrote, _ := replica.FetchCompanions(ctx, o, *db, companions(*db))
	printTakeover(os.Stdout, t, id, r, replaced, wrote, now)
	return nil
}

// takeoverError is one clear line for a replica that cannot be taken
// over; nothing was changed on this laptop.
func takeoverError(t replica.Target, err error) error {
	var om *replica.ErrOtherMeeting
	switch {
	case errors.Is(err, replica.ErrGone):
		return usagef("takeover: %s does not exist (is the stick in, the path right?); nothing was changed", t)
	case errors.Is(err, replica.ErrNotReplica):
		return usagef("takeover: %s is not a doithoai replica (no %s); nothing was changed", t, replica.IdentityFile)
	case errors.Is(err, replica.ErrEmpty):
		return usagef("takeover: the replica in %s holds no copy of the meeting yet; nothing was changed", t)
	case errors.Is(err, replica.ErrDamaged):
		return usagef("takeover: the replica in %s is damaged and cannot be put together (%v); nothing was changed: use the newest backup instead (doithoai restore)", t, errors.Unwrap(err))
	case errors.As(err, &om):
		return usagef("takeover: %v; nothing was changed", err)
	}
	return usagef("takeover from %s: %v; nothing was changed", t, err)
}

func printTakeover(w io.Writer, from replica.Target, id replica.Identity, r store.Report, replaced string, wrote []string, now time.Time) {
	fmt.Fprintf(w, "taken over from the replica in %s: %q\n", from, id.Title)
	printCheck(w, r)
	if !r.LastChange.IsZero() {
		fmt.Fprintf(w, "  its last change was %s ago: anything done after that on the lost laptop is not in it\n", ago(now.Sub(r.LastChange)))
	}
	if replaced != "" {
		fmt.Fprintf(w, "the file that was there is kept as %s\n", replaced)
	}
	for _, f := range wrote {
		fmt.Fprintf(w, "restored beside it: %s\n", f)
	}
	fmt.Fprintf(w, "carry on:\n  doithoai serve --db %s --listen 0.0.0.0:2323   (the devices now connect to this laptop)\n  doithoai --db %s   (stations on this laptop)\n", r.Path, r.Path)
	fmt.Fprintln(w, "it replicates nowhere yet: add --replicate-to with a new, empty folder")
}

// ago says how long ago, in words a clerk reads at a glance.
func ago(d time.Duration) string {
	switch {
	case d < 0:
		return "0 s"
	case d < 2*time.Minute:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d < 2*time.Hour:
		return fmt.Sprintf("%d min %d s", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%d h %d min", int(d.Hours()), int(d.Minutes())%60)
}
