package main

import (
	"fmt"
	"os"
	"slices"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/diff"
	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/site"
)

const diffHelp = `Usage: policygen diff [flags] [FROM] [TO]
       policygen diff --draft [flags]

Prints what changed between two released versions, named by their dates
(YYYY-MM-DD): first the summary of what changed in the data, then each
changed paragraph, list item or table row under the headings it stands
under, with removed words as [-…-] and added words as {+…+} (in colour on
a terminal; NO_COLOR=1 turns colour off). Addresses, dates and periods
("14 days") change as a whole; a sentence that mostly changed is shown
removed and added. Without arguments it compares the two newest versions;
with one, that version and the one before it; two names may also name an
announced version that a revision replaced (2027-01-01.2). With --draft it compares the
newest version with the text site.toml and the clauses give now: the
changes that policygen release would publish.

Flags:
  -s, --source DIR    site folder holding site.toml (default ".")
      --lang LANG     language to compare (default: the site's first)
      --doc DOC       document to compare, privacy or cookies (default privacy)
      --draft         compare the unreleased text with the newest version
`

func runDiff(e *env, args []string) int {
	var f siteFlags
	var lang, doc string
	var draft bool
	fs := flagSet(e, "diff", diffHelp)
	fs.StringVar(&f.source, "s", ".", "site folder")
	fs.StringVar(&f.source, "source", ".", "site folder")
	fs.StringVar(&lang, "lang", "", "language")
	fs.StringVar(&doc, "doc", "privacy", "document")
	fs.BoolVar(&draft, "draft", false, "compare the unreleased text")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if draft && fs.NArg() > 0 {
		fmt.Fprintln(e.stderr, "policygen diff: --draft compares the unreleased text with the newest version: give no versions")
		return exitUsage
	}
	s, err := site.Load(f.options(e))
	if err != nil {
		return report(e, err)
	}
	warn(e, s)
	if !historyLeftovers(e, "diff", s, false, false) {
		return exitSite
	}
	if lang == "" {
		lang = s.Config.Site.Settings.Languages[0]
	}
	if draft {
		return printDraftDiff(e, s, doc, lang)
	}
	from, to, msg := pickVersions(s.History, s.Released, fs.Args())
	if msg != "" {
		fmt.Fprintf(e.stderr, "policygen diff: %s\n", msg)
		return exitUsage
	}
	return printDiff(e, s, from, to, doc, lang)
}

// pickVersions finds the versions to compare from zero, one or two dates.
func pickVersions(vs, all []*history.Version, args []string) (from, to *history.Version, msg string) {
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = v.Name()
	}
	find := func(name string) int { return slices.Index(names, name) }
	// Two names may also name announcements a revision replaced, which
	// readers still find at their URLs.
	released := func(name string) *history.Version {
		i := slices.IndexFunc(all, func(v *history.Version) bool { return v.Name() == name })
		if i < 0 {
			return nil
		}
		return all[i]
	}
	switch len(args) {
	case 0:
		if len(vs) < 2 {
			return nil, nil, "fewer than two released versions to compare"
		}
		return vs[len(vs)-2], vs[len(vs)-1], ""
	case 1:
		if i := find(args[0]); i > 0 {
			return vs[i-1], vs[i], ""
		}
	case 2:
		if a, b := released(args[0]), released(args[1]); a != nil && b != nil {
			return a, b, ""
		}
	default:
		return nil, nil, "want at most two versions"
	}
	msg = fmt.Sprintf("no such pair of released versions; the versions are: %v", names)
	var replaced []string
	for _, v := range all {
		if find(v.Name()) < 0 {
			replaced = append(replaced, v.Name())
		}
	}
	if len(replaced) > 0 {
		msg += fmt.Sprintf("; announcements replaced by a revision, which two names may name too: %v", replaced)
	}
	return nil, nil, msg
}

func printDiff(e *env, s *site.Site, from, to *history.Version, doc, lang string) int {
	old, ok1 := from.Markdown(doc, lang)
	cur, ok2 := to.Markdown(doc, lang)
	if !ok1 || !ok2 {
		fmt.Fprintf(e.stderr, "policygen diff: no %s text in %q in both versions\n", doc, lang)
		return exitUsage
	}
	lines, err := s.Summary(from, to, doc, lang)
	if err != nil {
		return report(e, err)
	}
	return writeDiff(e, from.Name(), to.Name(), doc, lang, lines, old, cur)
}

// printDraftDiff compares the text as rendered now with the newest version.
func printDraftDiff(e *env, s *site.Site, doc, lang string) int {
	base, cur, lines, err := s.Unreleased(doc, lang)
	if err != nil {
		return report(e, err)
	}
	if base == nil {
		fmt.Fprintf(e.stderr, "policygen diff: no released version has the %s text in %q to compare the draft with\n", doc, lang)
		return exitUsage
	}
	old, _ := base.Markdown(doc, lang)
	if len(lines) == 0 && old == cur {
		fmt.Fprintf(e.stdout, "%s → draft (%s, %s): no unreleased changes\n", diag.Printable(base.Name()), doc, lang)
		return exitOK
	}
	return writeDiff(e, base.Name(), "draft", doc, lang, lines, old, cur)
}

// writeDiff writes the summary lines and the text diff.
func writeDiff(e *env, from, to, doc, lang string, lines []string, old, cur string) int {
	// The texts come from history files, which may hold what no check
	// refused when they were released: control characters are shown
	// escaped, so that only the colours of the diff reach the terminal.
	fmt.Fprintf(e.stdout, "%s → %s (%s, %s)\n", diag.Printable(from), diag.Printable(to), doc, lang)
	for _, l := range lines {
		fmt.Fprintf(e.stdout, "  - %s\n", diag.Printable(l))
	}
	fmt.Fprintln(e.stdout)
	if err := diff.Compare(diag.Printable(old), diag.Printable(cur)).Text(e.stdout, colorOK(e)); err != nil {
		fmt.Fprintf(e.stderr, "policygen diff: %v\n", err)
		return exitSite
	}
	return exitOK
}

// colorOK reports whether stdout is a terminal and NO_COLOR is not set.
func colorOK(e *env) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := e.stdout.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
