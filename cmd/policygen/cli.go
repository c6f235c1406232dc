package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/guard"
)

// Exit codes.
const (
	exitOK    = 0
	exitSite  = 1 // the site has errors
	exitUsage = 2 // bad usage
)

// command is a subcommand.
type command struct {
	name, args, short, long string
	run                     func(e *env, args []string) int
}

// env is what a command runs with: the streams and the clock.
type env struct {
	ctx            context.Context // ends when the program must stop
	stdout, stderr io.Writer
	now            time.Time
}

func commands() []*command {
	return []*command{
		{name: "init", args: "[DIR]", short: "scaffold a commented site.toml", long: initHelp, run: runInit},
		{name: "build", args: "[flags]", short: "render all pages into the output folder", long: buildHelp, run: runBuild},
		{name: "release", args: "[flags]", short: "freeze the text as the version of a new [[change]] entry", long: releaseHelp, run: runRelease},
		{name: "diff", args: "[FROM] [TO]", short: "print what changed between two versions", long: diffHelp, run: runDiff},
		{name: "serve", args: "[flags]", short: "preview the site with live reload", long: serveHelp, run: runServe},
		{name: "check", args: "[flags]", short: "validate site.toml, messages, clauses and versions", long: checkHelp, run: runCheck},
		{name: "audit", args: "[flags] URL...", short: "compare the trackers a browser sees on the live site with site.toml", long: auditHelp, run: runAudit},
		{name: "keygen", args: "FILE", short: "make a key pair for signing releases", long: keygenHelp, run: runKeygen},
		{name: "verify", args: "[flags] DIR", short: "check a deployed copy against the history", long: verifyHelp, run: runVerify},

		{name: "version", short: "print the version", long: versionHelp, run: runVersion},
		{name: "help", args: "[COMMAND]", short: "show help for a command", long: "Usage: policygen help [COMMAND]\n", run: nil},
	}
}

// run is the whole program; main only exits with its result.
func run(args []string, stdout, stderr io.Writer, now time.Time) int {
	return runContext(context.Background(), args, stdout, stderr, now)
}

// runContext is run with a context that stops a long-running command.
func runContext(ctx context.Context, args []string, stdout, stderr io.Writer, now time.Time) int {
	stderr = diag.PrintableWriter(stderr) // messages quote input, which may hold control characters
	e := &env{ctx: ctx, stdout: stdout, stderr: stderr, now: now}
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	name := args[0]
	switch name {
	case "-h", "--help", "-help":
		usage(stdout)
		return exitOK
	case "help":
		return help(e, args[1:])
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "policygen: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

func help(e *env, args []string) int {
	if len(args) == 0 {
		usage(e.stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			fmt.Fprint(e.stdout, c.long)
			return exitOK
		}
	}
	fmt.Fprintf(e.stderr, "policygen help: unknown command %q\n", args[0])
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, "policygen builds privacy and cookie policies in several languages from site.toml.\n\nUsage:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  policygen %-18s %s\n", strings.TrimSpace(c.name+" "+c.args), c.short)
	}
	fmt.Fprint(w, "\nRun 'policygen help COMMAND' or 'policygen COMMAND --help' for details.\n")
}

// flagSet returns a FlagSet that prints the command's help on -h.
func flagSet(e *env, c string, long string) *flag.FlagSet {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprint(e.stdout, long) }
	return fs
}

// parse parses flags; it returns an exit code when the command must stop.
func parse(e *env, fs *flag.FlagSet, args []string) (int, bool) {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK, false
	case err != nil:
		fmt.Fprintf(e.stderr, "Run 'policygen help %s' for usage.\n", fs.Name())
		return exitUsage, false
	}
	return 0, true
}

// dateFlag is a --date value: YYYY-MM-DD.
type dateFlag struct{ t *time.Time }

func (d dateFlag) String() string {
	if d.t == nil || d.t.IsZero() {
		return "today"
	}
	return d.t.Format(time.DateOnly)
}

func (d dateFlag) Set(s string) error {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("want a date as YYYY-MM-DD, such as 2025-03-01")
	}
	*d.t = t
	return nil
}

// timeoutFlag is a --timeout value: a positive duration such as 30s.
type timeoutFlag struct{ d *time.Duration }

func (t timeoutFlag) String() string {
	if t.d == nil || *t.d == 0 {
		return guard.DefaultTimeout.String()
	}
	return t.d.String()
}

func (t timeoutFlag) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return fmt.Errorf("want a positive duration such as 30s or 2m")
	}
	*t.d = d
	return nil
}

// today is the calendar date of now, in UTC like the dates of site.toml.
func today(now time.Time) time.Time {
	y, m, d := now.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
