package site

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/clause"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/internal/work"
	"github.com/policygen/policygen/generator/model"
)

// Texts is the Markdown of every document in every language: what a
// release freezes and what the pages are rendered from.
type Texts map[string]map[string]string

// renderTexts executes every clause as of a date. draft marks the model as
// unreleased text, so that clauses that speak of the version say so.
func (s *Site) renderTexts(asOf time.Time, draft bool) (Texts, error) {
	t, _, err := s.renderClauses(asOf, draft, nil)
	return t, err
}

// releasedChanges returns the changes that have a released version: what a
// draft, which comes after all of them, calls its earlier versions.
func (s *Site) releasedChanges(changes []model.Change) []model.Change {
	var out []model.Change
	for _, c := range changes {
		if _, ok := findVersion(s.History, c.Date.Format(time.DateOnly)); ok {
			out = append(out, c)
		}
	}
	return out
}

// clauseTexts are the rendered clauses of every document in every
// language: doc -> lang -> clauses.
type clauseTexts map[string]map[string][]clause.Rendered

// renderClauses renders the texts as renderTexts does, and returns the
// clauses too. Given the clauses of a rendering as of another date (prev),
// it executes only the clauses that depend on the date (see
// renderClause). The clauses render in parallel; each
// language's model is built once and shared, as clauses only read it. In
// a serve session a clause is kept between saves (see clauseKey).
func (s *Site) renderClauses(asOf time.Time, draft bool, prev clauseTexts) (Texts, clauseTexts, error) {
	models := map[string]*model.Site{}
	for _, lang := range s.langs() {
		m := s.model(lang, asOf)
		if draft {
			m.Draft, m.Effective = true, time.Time{}
			m.Earlier = s.releasedChanges(m.Changes) // not the draft's own [[change]] entry
		}
		models[lang] = m
	}
	// One task per clause, so that the two or three clauses that take
	// most of the time (long tables of trackers and recipients) spread
	// over the workers.
	type task struct {
		doc, lang string
		c         *clause.Clause
		r         clause.Rendered
		ok        bool
		err       error
	}
	var tasks []*task
	for _, doc := range s.Docs {
		for _, lang := range s.langs() {
			for _, c := range s.Clauses.Clauses(doc, lang) {
				tasks = append(tasks, &task{doc: doc, lang: lang, c: c})
			}
		}
	}
	digests := NewCache() // of the parts of site.toml the kept clauses read, once per rendering
	work.Parallel(len(tasks), s.workers(), func(i int) {
		t := tasks[i]
		res, err := s.renderClause(t.c, t.lang, models[t.lang], prev[t.doc][t.lang], digests)
		t.r, t.ok, t.err = res.r, res.ok, err
	})
	texts, clauses := Texts{}, clauseTexts{}
	for _, doc := range s.Docs {
		texts[doc], clauses[doc] = map[string]string{}, map[string][]clause.Rendered{}
		for _, lang := range s.langs() {
			clauses[doc][lang] = []clause.Rendered{}
		}
	}
	for _, t := range tasks { // the first error in site order, whatever order they ran in
		if t.err != nil {
			return nil, nil, t.err
		}
		if t.ok {
			clauses[t.doc][t.lang] = append(clauses[t.doc][t.lang], t.r)
		}
	}
	for _, doc := range s.Docs {
		for _, lang := range s.langs() {
			md, err := s.documentMarkdown(clauses[doc][lang])
			if err != nil {
				return nil, nil, err
			}
			texts[doc][lang] = md
		}
	}
	return texts, clauses, nil
}

// documentMarkdown joins the rendered clauses of a document, each under a
// heading that carries its title and anchor: "## Your rights {#rights}".
// This is the form frozen in history, readable and friendly to git diffs.
func (s *Site) documentMarkdown(rendered []clause.Rendered) (string, error) {
	var b strings.Builder
	for i, r := range rendered {
		for _, m := range docRef.FindAllStringSubmatch(r.Markdown, -1) {
			if !slices.Contains(s.Docs, m[1]) {
				return "", diag.Errorf(diag.Pos{File: r.File}, "docurl links to %q, which is not a document of the site", m[1]).
					WithHint("the documents are: %s", strings.Join(s.Docs, ", "))
			}
		}
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "## %s {#%s}\n\n%s", r.Title, r.ID, r.Markdown)
	}
	return b.String(), nil
}

var docRef = regexp.MustCompile(clause.DocLinkPrefix + `([a-z0-9_-]+)`)

// section is a clause read back from a document's Markdown. Its Markdown
// is a part of the document's, without the final newline, so that the
// sections of a version share its memory.
type section struct {
	ID, Title, Markdown string
}

// splitSections reads the clauses back from documentMarkdown's form: each
// starts at a line "## Title {#id}".
func splitSections(md string) []section {
	var out []section
	start := 0
	for pos := 0; pos < len(md); {
		end := strings.IndexByte(md[pos:], '\n')
		if end < 0 {
			end = len(md)
		} else {
			end += pos
		}
		if title, id, ok := sectionHeading(md[pos:end]); ok {
			if len(out) > 0 {
				out[len(out)-1].Markdown = strings.TrimSpace(md[start:pos])
			}
			out = append(out, section{Title: title, ID: id})
			start = end
		}
		pos = end + 1
	}
	if len(out) > 0 {
		out[len(out)-1].Markdown = strings.TrimSpace(md[start:])
	}
	return out
}

// sectionHeading parses a line "## Title {#id}", id of [a-z0-9_-].
func sectionHeading(line string) (title, id string, ok bool) {
	if !strings.HasPrefix(line, "## ") || !strings.HasSuffix(line, "}") {
		return "", "", false
	}
	i := strings.LastIndex(line, " {#")
	if i < 2 {
		return "", "", false
	}
	id = line[i+3 : len(line)-1]
	if id == "" || strings.TrimLeft(id, "abcdefghijklmnopqrstuvwxyz0123456789_-") != "" {
		return "", "", false
	}
	return line[3:i], id, true
}

// differences lists the documents and languages in which a and b read
// differently (see sameText): "privacy (de, nl)".
func (s *Site) differences(a, b Texts) []string {
	var out []string
	for _, doc := range s.Docs {
		var langs []string
		for _, lang := range s.langs() {
			if !sameText(a[doc][lang], b[doc][lang]) {
				langs = append(langs, lang)
			}
		}
		if len(langs) > 0 {
			out = append(out, fmt.Sprintf("%s (%s)", doc, strings.Join(langs, ", ")))
		}
	}
	return out
}
