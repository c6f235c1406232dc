package main

import (
	"crypto/ed25519"
	"fmt"
	"os"
	"path/filepath"

	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/site"
)

const releaseHelp = `Usage: policygen release [flags]
       policygen release --revise [DATE] [flags]

Freezes the text as the version of the oldest [[change]] entry in site.toml
that has not been released and is dated after the newest version (oldest
first, so that no entry is left behind for good): the Markdown of every document in every
language and the model are written to history/DATE/ with a manifest of
their SHA-256 hashes, chained to the previous version. A released version is
never rewritten. Nothing is written when there is no new [[change]] entry,
when its date is not later than the newest version, or when the text has not
changed.

With --key FILE (or POLICYGEN_SIGNING_KEY naming the file) the new
manifest is signed with that Ed25519 private key into manifest.sig beside
it; a site whose [site] signing_key names a public key must be released so.
With a key and nothing to release, an unsigned newest version is signed:
its signature proves, through the chain, every version before it. Keep the
key outside the repository; policygen keygen FILE makes one.

With --revise, a version that is announced but has not taken effect yet
(its date is after --date) is replaced by a revised text. Nothing is
rewritten: the revision is released as a new version of the same date and
note, history/DATE.2/ (then DATE.3, ...), whose manifest names the version
it revises; readers are shown it in that version's place, and the one it
replaces stays readable at its URL, marked as revised. --revise alone
revises the newest version with the text site.toml renders now; --revise
DATE revises the version announced for DATE, rendered from its own model
snapshot with today's clauses, messages and theme, so that its data stay
what was announced. Nothing is written for a version in force or a text
that did not change.

Flags:
  -s, --source DIR    site folder holding site.toml (default ".")
      --revise [DATE] revise the newest announced version, or the one of DATE
      --date DATE     release as of DATE, YYYY-MM-DD (default today)
      --key FILE      sign the release with the private key in FILE
  -q, --quiet         print nothing but errors
`

// signingKeyEnv names the private key file when --key is not given.
const signingKeyEnv = "POLICYGEN_SIGNING_KEY"

func runRelease(e *env, args []string) int {
	var f siteFlags
	fs := flagSet(e, "release", releaseHelp)
	fs.StringVar(&f.source, "s", ".", "site folder")
	fs.StringVar(&f.source, "source", ".", "site folder")
	fs.BoolVar(&f.quiet, "q", false, "print nothing but errors")
	fs.BoolVar(&f.quiet, "quiet", false, "print nothing but errors")
	fs.Var(dateFlag{&f.date}, "date", "release as of this date")
	var revise reviseFlag
	fs.Var(&revise, "revise", "revise an announced version")
	keyFile := fs.String("key", os.Getenv(signingKeyEnv), "private key file")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if code, ok := revise.takeArgs(e, fs); !ok {
		return code
	}
	s, err := site.Load(f.options(e))
	if err != nil {
		return report(e, err)
	}
	warn(e, s)
	if !historyLeftovers(e, "release", s, true, f.quiet) {
		return exitSite
	}
	if revise.on {
		return runRevise(e, s, revise.date, *keyFile, f.quiet)
	}
	if code, done := signNewest(e, s, *keyFile); done {
		return code
	}
	v, prev, err := s.Release()
	if err != nil {
		return report(e, err)
	}
	if f.quiet {
		return exitOK
	}
	fmt.Fprintf(e.stdout, "Released the version of %s into %s\n", v.Name(), filepath.Join(s.HistoryDir, v.Name()))
	adviseSigningKey(e, s)
	for _, d := range s.PendingChanges() {
		if d > v.Name() {
			fmt.Fprintf(e.stdout, "The change dated %s is not released yet: release it once site.toml holds the text it describes\n", d)
		}
	}
	if prev == nil {
		return exitOK
	}
	return printSummaries(e, s, prev, v)
}

// printSummaries prints what changed since prev, document by document, in
// the site's first language; a document whose text is the same in both
// versions is said to be unchanged.
func printSummaries(e *env, s *site.Site, prev, v *history.Version) int {
	lang := s.Config.Site.Settings.Languages[0]
	fmt.Fprintf(e.stdout, "What changed since %s:\n", prev.Name())
	for _, doc := range s.Docs {
		title := s.Catalog.Lang(lang).TOrID("document."+doc, nil)
		old, _ := prev.Markdown(doc, lang)
		cur, _ := v.Markdown(doc, lang)
		if site.SameText(old, cur) {
			fmt.Fprintf(e.stdout, "  %s: text unchanged\n", title)
			continue
		}
		lines, err := s.Summary(prev, v, doc, lang)
		if err != nil {
			return report(e, err)
		}
		fmt.Fprintf(e.stdout, "  %s:\n", title)
		for _, l := range lines {
			fmt.Fprintf(e.stdout, "    - %s\n", l)
		}
	}
	return exitOK
}

// historyLeftovers prints what interrupted releases left in the history
// folder and, with remove, removes what it can prove was theirs. It
// reports whether the command may go on.
func historyLeftovers(e *env, command string, s *site.Site, remove, quiet bool) bool {
	notes, err := history.Leftovers(s.HistoryDir, remove)
	for _, n := range notes {
		if !quiet {
			fmt.Fprintf(e.stderr, "policygen %s: %s\n", command, n)
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "policygen %s: %v\n", command, err)
		return false
	}
	return true
}

// signNewest reads the private key, if one is given, and signs the newest
// version with it when that has no signature and nothing is to be
// released. done says the command is over, with the exit code.
func signNewest(e *env, s *site.Site, keyFile string) (code int, done bool) {
	if keyFile == "" {
		return 0, false
	}
	var err error
	if s.ReleaseKey, err = readPrivateKey(keyFile); err != nil {
		fmt.Fprintf(e.stderr, "policygen release: %s: %v\n", keyFile, err)
		return exitSite, true
	}
	v, err := s.SignNewest()
	switch {
	case err != nil:
		return report(e, err), true
	case v == nil:
		return 0, false
	}
	fmt.Fprintf(e.stdout, "Signed the version of %s: %s\n", v.Name(), filepath.Join(s.HistoryDir, v.Name(), history.SignatureFile))
	adviseSigningKey(e, s)
	return exitOK, true
}

// adviseSigningKey tells a site released with a key but naming no public
// key how to have every build verify the signatures.
func adviseSigningKey(e *env, s *site.Site) {
	if s.ReleaseKey == nil || s.SigningKey != nil {
		return
	}
	fmt.Fprintf(e.stdout, "Add signing_key = %q to [site] in site.toml so that every build verifies the signatures\n",
		history.PublicKeyString(s.ReleaseKey.Public().(ed25519.PublicKey)))
}

// readPrivateKey reads a private key file as policygen keygen writes it.
func readPrivateKey(name string) (ed25519.PrivateKey, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > 1024 {
		return nil, fmt.Errorf("not a private key file: want a small plain file, as policygen keygen writes")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return history.ParsePrivateKey(data)
}
