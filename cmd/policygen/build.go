package main

import (
	"flag"
	"fmt"
	"github.com/policygen/policygen/generator/diag"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/guard"
	"github.com/policygen/policygen/generator/publish"
	"github.com/policygen/policygen/generator/site"
)

const buildHelp = `Usage: policygen build [flags]

Renders the privacy and cookie policies of the site in every site language
into the output folder, which is replaced as a whole: a failed or killed
build leaves the previous output untouched. The output folder must be new,
empty or written by policygen build (it holds .policygen-output); it may
not be the site folder, above it, or one of the site's inputs. Besides the
text in force on the build date, every released version is rendered at
LANG/SLUG/DATE/, with a changelog, diff pages and an Atom feed under
LANG/SLUG/changes/; a document gets a version only where its text in that
language changed.

When site.toml or the clauses now render a text other than the newest
released version, the build fails and names the documents and languages
that differ: describe the change in a [[change]] entry and run policygen
release, or preview it with --draft. A site with [[change]] entries but no
released version fails the same way (run policygen release, or --draft);
one with neither builds as a draft. When the pages are drafts, the build
says so.

Flags:
  -s, --source DIR    site folder holding site.toml (default ".")
  -o, --output DIR    output folder (default "public")
      --date DATE     build as of DATE, YYYY-MM-DD (default today)
      --draft         build unreleased changes as a draft
      --timeout D     time each clause and layout may take to render (default 10s)
  -q, --quiet         print nothing but errors
  -v, --verbose       list every file written
`

const checkHelp = `Usage: policygen check [flags]

Validates site.toml, the message files, the clauses and the released
versions, renders every page in memory, runs the compliance rules
(docs/check.md: trackers against a knowledge base of real ones, consent,
transfers, retention, versions dated before the law they cite, placeholder
text) and reports all problems at once, errors first, then warnings, without
writing anything. Unreleased changes are a problem unless --draft is given.
Exits 1 when the site has errors, with --strict also on warnings. A rule is
silenced, with a reason, by [check] ignore = [{ rule = "…", reason = "…" }]
in site.toml, or by an ignore key on one [[activity]], [[processor]] or
[[tracker]].

Flags:
  -s, --source DIR    site folder holding site.toml (default ".")
      --date DATE     check as of DATE, YYYY-MM-DD (default today)
      --draft         accept unreleased changes
      --format F      print the problems as text (default), json (one array of
                      objects with rule, severity, file, line, column, message,
                      hint) or github (workflow commands for GitHub Actions)
      --strict        exit 1 on warnings too, not only on errors
      --timeout D     time each clause and layout may take to render (default 10s)
  -q, --quiet         print nothing but errors
`

// siteFlags are the flags build and check share.
type siteFlags struct {
	source, output string
	date           time.Time
	draft          bool
	quiet, verbose bool
	timeout        time.Duration
}

func (f *siteFlags) register(fs *flag.FlagSet, output bool) {
	fs.StringVar(&f.source, "s", ".", "site folder")
	fs.StringVar(&f.source, "source", ".", "site folder")
	if output {
		fs.StringVar(&f.output, "o", "public", "output folder")
		fs.StringVar(&f.output, "output", "public", "output folder")
		fs.BoolVar(&f.draft, "draft", false, "build unreleased changes as a draft")
		fs.BoolVar(&f.verbose, "v", false, "list every file written")
		fs.BoolVar(&f.verbose, "verbose", false, "list every file written")
	}
	if !output {
		fs.BoolVar(&f.draft, "draft", false, "accept unreleased changes")
	}
	fs.Var(dateFlag{&f.date}, "date", "build as of this date")
	fs.Var(timeoutFlag{&f.timeout}, "timeout", "time each clause and layout may take to render")
	fs.BoolVar(&f.quiet, "q", false, "print nothing but errors")
	fs.BoolVar(&f.quiet, "quiet", false, "print nothing but errors")
}

func (f *siteFlags) options(e *env) site.Options {
	date := f.date
	if date.IsZero() {
		date = today(e.now)
	}
	return site.Options{Source: f.source, Defaults: policygen.Defaults, Date: date, Draft: f.draft,
		Limits: guard.Limits{Timeout: f.timeout}}
}

func runBuild(e *env, args []string) int {
	var f siteFlags
	fs := flagSet(e, "build", buildHelp)
	f.register(fs, true)
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "policygen build: unexpected argument %q\nRun 'policygen help build' for usage.\n", fs.Arg(0))
		return exitUsage
	}
	start := time.Now()
	s, err := site.Load(f.options(e))
	if err != nil {
		return report(e, err)
	}
	warn(e, s)
	if !historyLeftovers(e, "build", s, true, f.quiet) {
		return exitSite
	}
	// The rules of policygen check: their warnings are printed and the
	// build goes on; an error stops it, as one in site.toml does.
	found, err := s.Check()
	if err != nil {
		return report(e, err)
	}
	if len(found.Errors()) > 0 {
		return report(e, found)
	}
	diag.Print(e.stderr, errorsFirst(found))
	// Create refuses a folder that is not build output before anything
	// renders, and removes what interrupted builds left beside it.
	dir, err := publish.Create(f.output, s.Protected())
	if err != nil {
		fmt.Fprintf(e.stderr, "policygen build: %v\n", err)
		return exitSite
	}
	if !f.quiet {
		for _, n := range dir.Notes() {
			fmt.Fprintf(e.stderr, "policygen build: %s\n", n)
		}
	}
	// Pages go to disk as they render; the previous output stays until
	// all of them are written.
	if err := s.RenderTo(f.draft, dir.WriteFile); err != nil {
		dir.Abort()
		return report(e, err)
	}
	if err := dir.Commit(); err != nil {
		fmt.Fprintf(e.stderr, "policygen build: %v\n", err)
		return exitSite
	}
	if f.verbose {
		for _, n := range dir.Files() {
			fmt.Fprintf(e.stdout, "%s/%s\n", f.output, n)
		}
	}
	if !f.quiet {
		langs := s.Config.Site.Settings.Languages
		fmt.Fprintf(e.stdout, "Built %s in %s (%s) into %s in %d ms\n",
			plural(dir.Pages(), "page"), plural(len(langs), "language"), strings.Join(langs, ", "), f.output,
			time.Since(start).Milliseconds())
		printDrafted(e, s, f.draft)
	}
	return exitOK
}

// printDrafted says that the pages are drafts, when they are: pages
// marked "Draft: not in force" must not go out unnoticed.
func printDrafted(e *env, s *site.Site, draft bool) {
	if drafted, err := s.Drafted(draft); err != nil || !drafted {
		return // a failed status failed the render before
	}
	if len(s.History) == 0 {
		fmt.Fprintln(e.stdout, "The pages are drafts: no version is released yet (describe it in a [[change]] entry and run policygen release)")
		return
	}
	fmt.Fprintln(e.stdout, "The pages are drafts: they show changes not released yet (run policygen release to publish them)")
}

func runCheck(e *env, args []string) int {
	var f siteFlags
	format, strict := formatText, false
	fs := flagSet(e, "check", checkHelp)
	f.register(fs, false)
	fs.Var(formatFlag{&format}, "format", "text, json or github")
	fs.BoolVar(&strict, "strict", false, "fail on warnings too")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	opts := f.options(e)
	// failed prints what stops the check in the format asked for.
	failed := func(err error) int {
		if format == formatText {
			return report(e, err)
		}
		printFindings(e.stdout, format, diag.Errors(err))
		return exitSite
	}
	s, err := site.Load(opts)
	if err != nil {
		return failed(err)
	}
	if !historyLeftovers(e, "check", s, false, f.quiet) {
		return exitSite
	}
	var pages atomic.Int64 // counted, not kept: a large site need not fit in memory
	err = s.RenderTo(opts.Draft, func(name string, _ []byte) error {
		if strings.HasSuffix(name, ".html") {
			pages.Add(1)
		}
		return nil
	})
	if err != nil {
		return failed(err)
	}
	found, err := s.Check()
	if err != nil {
		return failed(err)
	}
	found = append(slices.Clone(s.Config.Warnings), found...)
	fails := failing(found, strict)
	switch {
	case format != formatText:
		printFindings(e.stdout, format, found)
	case len(found) > 0:
		printFindings(e.stderr, format, found)
		fmt.Fprintf(e.stderr, "%s: %s\n", s.Config.File, tally(found))
	case !f.quiet:
		fmt.Fprintf(e.stdout, "%s: no problems found (%s in %s)\n", s.Config.File, plural(int(pages.Load()), "page"), strings.Join(s.Config.Site.Settings.Languages, ", "))
	}
	if format == formatText && !f.quiet {
		printDrafted(e, s, f.draft)
	}
	if fails {
		return exitSite
	}
	return exitOK
}

// plural writes a count with its noun: "1 page", "7 pages".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
