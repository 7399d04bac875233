package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"

	"doithoai/store"
	"doithoai/tui/i18n"
	"doithoai/tui/serve"
)

func init() {
	register(command{name: "serve", summary: "serve the stations over SSH to other devices in the hall", run: runServe})
}

const serveUsage = `Usage: doithoai serve [--db FILE] [--listen ADDR] [--passcode ROLE=CODE …] [--authorized-keys ROLE=FILE …]

Serves the stations over SSH, so a laptop or tablet at the door needs only
an SSH client: ssh -p 2323 checkin@HALL-LAPTOP. The SSH user name is the
station's role: checkin, agenda, qa, screen (read-only), reports or followup
(the office after the day: answers received and extensions only). Each role
opens with its passcode or an authorized public key; a role with neither is
refused. Roles are enforced by the store: the check-in desk cannot record
answers or change the agenda, the screen changes nothing, followup nothing
of the meeting day.

Credentials are kept beside the meeting in FILE.access (passcodes only as
bcrypt hashes); the flags below add to it and are remembered. A passcode has
at least 6 characters; ROLE=auto makes a random six-digit one and prints it
once. The host key is created once as FILE.hostkey: its fingerprint is
printed beside the ssh command, for each device to check on first connection.

Wrong passcodes are counted: 5 from one address within 10 minutes refuse
that address's passcodes for 1 minute, then 2, 4 … up to an hour; 30 for one
role from any addresses lock that role's passcode for 5 minutes (its keys
still work). Each lockout is printed here and kept in the audit log.

By default only this computer can connect (127.0.0.1:2323). To serve the
hall's network say so, on the laptop's address on that network:
--listen 192.168.1.10:2323 (one interface), or --listen 0.0.0.0:2323 (every
interface, including any other network the laptop is on).`

// multiFlag collects a repeated ROLE=VALUE flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runServe(ctx context.Context, args []string) error {
	fs := newFlags("serve", serveUsage)
	db := fs.String("db", "", "meeting `FILE` (default: the meeting in your data folder)")
	listen := fs.String("listen", serve.DefaultListen, "`ADDR`ess to listen on; 0.0.0.0:2323 serves the hall network")
	lang := fs.String("lang", "vi", "language of the stations and of this text: vi or en")
	var passcodes, keys, revoke multiFlag
	fs.Var(&passcodes, "passcode", "set a role's passcode, `ROLE=CODE` (at least 6 characters; ROLE=auto makes a six-digit one and prints it once; ROLE=- asks for it without echo; repeatable)")
	fs.Var(&keys, "authorized-keys", "authorize the public keys in a file for a role, `ROLE=FILE` (e.g. qa=~/.ssh/id_ed25519.pub; repeatable)")
	fs.Var(&revoke, "revoke", "remove every passcode and key of `ROLE` (repeatable)")
	setOnly := fs.Bool("set-only", false, "save the credentials (and --replicate-to) given and exit without serving")
	maxSessions := fs.Int("max-sessions", serve.DefaultMaxSessions, "at most `N` stations connected at once")
	replicateTo := fs.String("replicate-to", "", replicateFlagHelp)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve takes no arguments (got %q); the meeting is --db FILE", fs.Arg(0))
	}
	l, ok := i18n.Parse(*lang)
	if !ok {
		return usagef("unknown language %q: use vi or en", *lang)
	}
	s, path, err := openMeeting(ctx, *db, store.Options{Actor: store.Actor{Station: "serve", Role: store.RoleAdmin}})
	if err != nil {
		return err
	}
	defer s.Close()
	defer startBackups(s)()

	access, err := serve.LoadAccess(serve.AccessPath(path))
	if err != nil {
		return usagef("%v", err)
	}
	if *maxSessions < 1 {
		return usagef("--max-sessions wants a number of sessions, at least 1 (got %d)", *maxSessions)
	}
	changed, generated, err := applyAccessFlags(access, passcodes, keys, revoke)
	if err != nil {
		return err
	}
	if changed {
		if err := access.Save(serve.AccessPath(path)); err != nil {
			return err
		}
		fmt.Println("saved", serve.AccessPath(path), "(a running doithoai serve uses it from the next login)")
		// shown this once, once kept: only its hash is in the file
		for _, g := range generated {
			fmt.Printf("passcode for %s: %s   (write it down: it is shown only now)\n", g[0], g[1])
		}
	}
	if err := setReplica(ctx, s, *replicateTo); err != nil {
		return err
	}
	if *setOnly {
		return nil
	}

	mon := startMonitor(s, path)
	defer mon.Close()
	srv, err := serve.New(serve.Options{Store: s, Path: path, Listen: *listen, Access: access, Lang: l, Log: os.Stderr, MaxSessions: *maxSessions, Replica: mon.Status})
	if err != nil {
		return err
	}
	if err := srv.Start(); err != nil {
		return usagef("cannot listen on %s: %v", *listen, err)
	}
	srv.Describe(os.Stdout)
	select {
	case <-ctx.Done():
	case err := <-srv.Done():
		return err
	}
	fmt.Fprintln(os.Stderr, i18n.New(l).T("serve.stopping"))
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // drafts: the TUI allows 3 s
	defer cancel()
	return srv.Shutdown(sctx)
}

// applyAccessFlags applies --revoke, --passcode and --authorized-keys, in
// that order, and reports whether anything changed and the passcodes it
// made for ROLE=auto (role, passcode), to print once they are saved.
func applyAccessFlags(a *serve.Access, passcodes, keys, revoke []string) (changed bool, generated [][2]string, err error) {
	for _, r := range revoke {
		role, err := serve.ParseRole(r)
		if err != nil {
			return false, nil, usagef("--revoke: %v", err)
		}
		a.Revoke(role)
		changed = true
	}
	for _, kv := range passcodes {
		role, code, err := roleValue("--passcode", kv)
		if err != nil {
			return false, nil, err
		}
		switch code {
		case "-":
			if code, err = askPasscode(role); err != nil {
				return false, nil, err
			}
		case "auto":
			if code, err = serve.GeneratePasscode(); err != nil {
				return false, nil, err
			}
			generated = append(generated, [2]string{string(role), code})
		}
		if err := a.SetPasscode(role, code); err != nil {
			return false, nil, usagef("--passcode: %v", err)
		}
		changed = true
	}
	for _, kv := range keys {
		role, file, err := roleValue("--authorized-keys", kv)
		if err != nil {
			return false, nil, err
		}
		b, err := os.ReadFile(expandHome(file))
		if err != nil {
			return false, nil, usagef("--authorized-keys %s: %v", role, err)
		}
		if _, err := a.AddKeys(role, b); err != nil {
			return false, nil, usagef("--authorized-keys %s=%s: %v", role, file, err)
		}
		changed = true
	}
	return changed, generated, nil
}

// askPasscode reads a passcode twice from the terminal without echo, so
// it stays out of the shell history and the process list.
func askPasscode(role store.Role) (string, error) {
	if !isatty.IsTerminal(os.Stdin.Fd()) {
		return "", usagef("--passcode %s=- needs a terminal to ask in", role)
	}
	var codes [2]string
	for i, prompt := range []string{"Passcode for " + string(role) + ": ", "Again: "} {
		fmt.Fprint(os.Stderr, prompt)
		b, err := term.ReadPassword(os.Stdin.Fd())
		fmt.Fprintln(os.Stderr)
		if err != nil {
			return "", err
		}
		codes[i] = string(b)
	}
	if codes[0] != codes[1] {
		return "", usagef("the two passcodes for %s differ", role)
	}
	return codes[0], nil
}

func roleValue(flagName, kv string) (store.Role, string, error) {
	r, v, ok := strings.Cut(kv, "=")
	if !ok || v == "" {
		return "", "", usagef("%s wants ROLE=VALUE, got %q", flagName, kv)
	}
	role, err := serve.ParseRole(r)
	if err != nil {
		return "", "", usagef("%s: %v", flagName, err)
	}
	return role, v, nil
}

// expandHome turns a leading ~/ into the home folder (the shell does not
// when the path follows "=").
func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}
