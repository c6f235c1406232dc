package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/policygen/policygen/generator/site"
)

// reviseFlag is --revise, alone or with a date: --revise, --revise=DATE,
// or --revise DATE, the date then the one argument after the flags.
type reviseFlag struct {
	on   bool
	date time.Time // zero for the newest version
}

func (r *reviseFlag) IsBoolFlag() bool { return true }

func (r *reviseFlag) String() string {
	if r == nil || r.date.IsZero() {
		return ""
	}
	return r.date.Format(time.DateOnly)
}

func (r *reviseFlag) Set(s string) error {
	switch s {
	case "true":
		r.on = true
		return nil
	case "false":
		r.on = false
		return nil
	}
	r.on = true
	return dateFlag{&r.date}.Set(s)
}

// takeArgs takes the date of --revise DATE, where the flag package stops
// parsing, and parses the flags after it; release takes no other
// argument.
func (r *reviseFlag) takeArgs(e *env, fs *flag.FlagSet) (int, bool) {
	args := fs.Args()
	if len(args) == 0 {
		return 0, true
	}
	if !r.on || !r.date.IsZero() {
		fmt.Fprintf(e.stderr, "policygen release: unexpected argument %q\nRun 'policygen help release' for usage.\n", args[0])
		return exitUsage, false
	}
	if err := r.Set(args[0]); err != nil {
		fmt.Fprintf(e.stderr, "policygen release: --revise %s: %v\nRun 'policygen help release' for usage.\n", args[0], err)
		return exitUsage, false
	}
	if code, ok := parse(e, fs, args[1:]); !ok {
		return code, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "policygen release: unexpected argument %q\nRun 'policygen help release' for usage.\n", fs.Arg(0))
		return exitUsage, false
	}
	return 0, true
}

// runRevise releases a revision of an announced version.
func runRevise(e *env, s *site.Site, date time.Time, keyFile string, quiet bool) int {
	if keyFile != "" {
		key, err := readPrivateKey(keyFile)
		if err != nil {
			fmt.Fprintf(e.stderr, "policygen release: %s: %v\n", keyFile, err)
			return exitSite
		}
		s.ReleaseKey = key
	}
	v, old, err := s.Revise(date)
	if err != nil {
		return report(e, err)
	}
	if quiet {
		return exitOK
	}
	fmt.Fprintf(e.stdout, "Released a revision of the version of %s into %s\n", old.Name(), filepath.Join(s.HistoryDir, v.Name()))
	fmt.Fprintf(e.stdout, "The version of %s stays in %s, marked as revised; readers are shown the revision in its place\n", old.Name(), filepath.Join(s.HistoryDir, old.Name()))
	adviseSigningKey(e, s)
	return printSummaries(e, s, old, v)
}
