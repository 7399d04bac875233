// Command doithoai runs the secretariat of a public meeting in a terminal.
// This package only parses flags and wires the store to the TUI.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// command is one subcommand; each lives in a file of its own.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string) error
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// usageError exits with status 2 and one line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// memoryLimit is a soft limit for the Go heap: loading 10,000 delegates
// makes short-lived garbage, and without it the heap doubles before a
// collection. GOMEMLIMIT in the environment overrides it.
const memoryLimit = 32 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches to a subcommand and turns errors into exit codes: 2 for
// usage and file problems, 1 for the rest. It never prints a stack trace.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	name := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		if _, ok := commands[args[0]]; ok {
			name, args = args[0], args[1:]
		}
	}
	if name == "" {
		name = "run"
	}
	err := commands[name].run(ctx, args)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(usageError)) || isFileError(err):
		fmt.Fprintln(stderr, "doithoai: "+oneLine(err))
		return 2
	default:
		fmt.Fprintln(stderr, "doithoai: "+oneLine(err))
		return 1
	}
}

func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", "; ") }

// newFlags makes a flag set that reports errors as usage errors and prints
// its help to stdout.
func newFlags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fs.SetOutput(os.Stdout)
		fmt.Fprintf(os.Stdout, "%s\n\nFlags:\n", usage)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parse parses args, flags and file names in any order ("init m.db
// --demo" as well as "init --demo m.db"). -h/--help prints the usage; any
// other mistake is one line, without the usage.
func parse(fs *flag.FlagSet, args []string) error {
	usage := fs.Usage
	fs.Usage = func() {} // the flag package calls it on every error
	defer func() { fs.Usage = usage }()
	var positional []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return flag.ErrHelp
		}
		if err != nil {
			return usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			positional = append(positional, args[1:]...)
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	// leave the positional arguments where fs.Args() finds them
	return fs.Parse(append([]string{"--"}, positional...))
}

func commandList() string {
	var names []string
	for n := range commands {
		if n != "run" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "  %-9s %s\n", n, commands[n].summary)
	}
	return b.String()
}
