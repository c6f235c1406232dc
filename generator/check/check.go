// Package check is policygen's compliance linter: rules that read a loaded
// site (its site.toml, its custom clauses and the text of every version)
// against the law and against what trackers really are, and report what
// they find as diag errors with a rule id, a severity and a hint.
//
// Each rule has a stable id, a severity, a one-line summary and the
// legal source it rests on; docs/check.md is generated from them (see
// Markdown). A site silences a rule with [check] ignore, or on a single
// [[activity]], [[processor]] or [[tracker]] with its own ignore key,
// each with a reason.
package check

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/audit"
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/legal"
)

// Severities of a rule.
const (
	Error   = "error"
	Warning = "warning"
	Info    = "info"
)

// A Rule is one check of a site.
type Rule struct {
	ID       string // stable, lowercase with hyphens: "tracker-category"
	Severity string // Error, Warning or Info: how its findings are reported
	Summary  string // one line: what it finds
	Source   string // the law, guidance or case it rests on, in Markdown, for docs/check.md
	// Run finds what the rule is about; nil for a rule that reading
	// site.toml applies (package config), whose errors stop every command.
	Run func(c *Context)
	// Audit marks a rule of policygen audit: it reads Input.Seen, and
	// runs in RunAudit only.
	Audit bool
}

// Input is what the rules read.
type Input struct {
	Site  *config.Loaded
	Facts *legal.Facts
	Texts []Text // every version's text, released or not
	Files []File // the site's own clause and message files (not the built-in ones)
	Today time.Time

	// Seen is what policygen audit saw on the live site, for the audit
	// rules; Consented says the audit ran in the state after consent
	// (--consented), so that nothing counts as set before it.
	Seen      *audit.Observation
	Consented bool
}

// Text is one document in one language of one version.
type Text struct {
	Version  string    // the history folder name ("2027-01-01", "2027-01-01.2"), or "draft"
	Date     time.Time // the date it takes effect; for the draft, that of its [[change]] if any
	Released bool
	Doc      string // "privacy", "cookies" …
	Lang     string
	Markdown string
	Pos      diag.Pos // where the version is declared: its [[change]] date in site.toml or its folder
}

// File is a file of the site folder the rules read as text.
type File struct {
	Path string // as shown in messages, relative to the working directory
	Text string
}

// Context is what a rule's Run sees: the input and a way to report.
type Context struct {
	Input
	rule  *Rule
	found []finding
}

type finding struct {
	err     *diag.Error
	element string // "activity.3", "processor.0", "tracker.12" or "" for the site
}

// At reports a finding of the running rule at the site.toml key path (as
// config.Path writes it: "tracker.3.category"), with a hint and a
// message. A path inside an [[activity]], [[processor]] or [[tracker]]
// makes that element's ignore key apply.
func (c *Context) At(path, hint, format string, args ...any) {
	c.report(c.Site.Pos.Value(path), elementOf(path), hint, format, args...)
}

// AtPos reports a finding at a position outside site.toml, such as a line
// of a clause file or a version's folder.
func (c *Context) AtPos(pos diag.Pos, hint, format string, args ...any) {
	c.report(pos, "", hint, format, args...)
}

func (c *Context) report(pos diag.Pos, element, hint, format string, args ...any) {
	e := &diag.Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: hint, Rule: c.rule.ID,
		Warning: c.rule.Severity != Error, Info: c.rule.Severity == Info}
	c.found = append(c.found, finding{e, element})
}

// elementOf returns the array-of-tables element a path is in, such as
// "tracker.12" for "tracker.12.expiry", or "".
func elementOf(path string) string {
	parts := strings.SplitN(path, ".", 3)
	if len(parts) >= 2 && (parts[0] == "activity" || parts[0] == "processor" || parts[0] == "tracker") {
		return parts[0] + "." + parts[1]
	}
	return ""
}

// Rules returns every rule, in the order of docs/check.md.
func Rules() []*Rule { return rules }

// Lookup returns the rule with the id.
func Lookup(id string) (*Rule, bool) {
	i := slices.IndexFunc(rules, func(r *Rule) bool { return r.ID == id })
	if i < 0 {
		return nil, false
	}
	return rules[i], true
}

// Run runs every rule on the input and returns the findings that no
// ignore silences, sorted by position, with the findings about the
// ignores themselves (an unknown rule is an error, a missing reason a
// warning).
func Run(in Input) diag.List { return runRules(in, false) }

// RunAudit runs the audit rules, which compare in.Seen with site.toml, and
// returns their findings as Run does, without those about the ignores
// (policygen check reports them).
func RunAudit(in Input) diag.List {
	if in.Seen == nil {
		in.Seen = &audit.Observation{}
	}
	return runRules(in, true)
}

func runRules(in Input, auditing bool) diag.List {
	ignored, out := ignores(in.Site)
	if auditing {
		out = nil
	}
	for _, r := range rules {
		if r.Run == nil || r.Audit != auditing || ignored[r.ID][""] { // silenced for the site: nothing to find
			continue
		}
		c := &Context{Input: in, rule: r}
		r.Run(c)
		for _, f := range c.found {
			if !ignored[r.ID][""] && !ignored[r.ID][f.element] {
				out = append(out, f.err)
			}
		}
	}
	return out.Sort()
}
