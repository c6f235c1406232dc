package main

import (
	"fmt"

	"github.com/policygen/policygen/generator/site"
)

const verifyHelp = `Usage: policygen verify [flags] DIR

Checks a folder of built pages, such as a copy of the deployed site,
against the site's released history. Every page, Atom feed and policy.json
names the SHA-256 of the newest manifest (the head of the chain of
versions); verify reports each file that names another: an older version's
head is a stale deploy, an unknown one a page built from another or a
rewritten history. The text of every released version's page must be the
text its version renders. The history itself is verified as by build.

Exits 0 when the copy matches, 1 when it does not or the site has errors,
2 on bad usage.

Flags:
  -s, --source DIR    site folder holding site.toml and the history (default ".")
  -q, --quiet         print nothing but errors
`

func runVerify(e *env, args []string) int {
	var f siteFlags
	fs := flagSet(e, "verify", verifyHelp)
	fs.StringVar(&f.source, "s", ".", "site folder")
	fs.StringVar(&f.source, "source", ".", "site folder")
	fs.BoolVar(&f.quiet, "q", false, "print nothing but errors")
	fs.BoolVar(&f.quiet, "quiet", false, "print nothing but errors")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(e.stderr, "policygen verify: want one folder of built pages\nRun 'policygen help verify' for usage.\n")
		return exitUsage
	}
	s, err := site.Load(f.options(e))
	if err != nil {
		return report(e, err)
	}
	warn(e, s)
	if !historyLeftovers(e, "verify", s, false, f.quiet) {
		return exitSite
	}
	problems, checked, err := s.Verify(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(e.stderr, "policygen verify: %v\n", err)
		return exitSite
	}
	if err := problems.Err(); err != nil {
		return report(e, err)
	}
	if !f.quiet {
		fmt.Fprintf(e.stdout, "%s: %s match the %s in %s\n", fs.Arg(0), plural(checked, "file"), plural(len(s.Released), "released version"), s.HistoryDir)
	}
	return exitOK
}
