package site

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/clause"
	"github.com/policygen/policygen/generator/config"
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

// clauseTexts are the rendered clauses of every document in every
// language: doc -> lang -> clauses.
type clauseTexts map[string]map[string][]clause.Rendered

// renderClauses renders the texts as renderTexts does, and returns the
// clauses too. Given the clauses of a rendering as of another date (prev),
// it executes only the clauses that depend on the date (see
// clause.Clause.RenderAgain). The clauses render in parallel; each
// language's model is built once and shared, as clauses only read it. In
// a serve session a clause is kept between saves (see clauseKey).
func (s *Site) renderClauses(asOf time.Time, draft bool, prev clauseTexts) (Texts, clauseTexts, error) {
	models := map[string]*model.Site{}
	for _, lang := range s.langs() {
		m := s.model(lang, asOf)
		if draft {
			m.Draft, m.Effective = true, time.Time{}
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
		render := func() (clauseResult, error) {
			r, ok, err := t.c.RenderAgain(s.Files, models[t.lang], prev[t.doc][t.lang], s.Limits)
			return clauseResult{r, ok}, err
		}
		var res clauseResult
		if key, ok := s.clauseKey(t.c, t.lang, prev[t.doc][t.lang], digests); ok {
			res, t.err = cached(s.cache, key, render)
		} else {
			res, t.err = render()
		}
		t.r, t.ok = res.r, res.ok
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

// clauseResult is a rendered clause, and whether it rendered to more
// than white space.
type clauseResult struct {
	r  clause.Rendered
	ok bool
}

// clauseKey returns the key under which a serve session keeps a clause's
// text between saves: the clause file and its digest (the messages stay
// the same for as long as the cache lives), the language, and a digest of
// every part of site.toml that the model fields it names are built from
// (model.Inputs, fieldDigest). A save that changes a processor
// renders again the clauses that read the lists, not the one that names
// the company's address. A Dated clause is always rendered, as is every
// clause outside a serve session.
func (s *Site) clauseKey(c *clause.Clause, lang string, prev []clause.Rendered, digests *Cache) (cacheKey, bool) {
	if !s.keep || prev != nil || c.Dated() {
		return cacheKey{}, false
	}
	names, _ := c.Reads()
	var b strings.Builder
	for _, n := range names {
		name, sub, _ := strings.Cut(n, ".")
		paths, ok := model.Inputs(name, sub)
		if !ok {
			return cacheKey{}, false
		}
		for _, p := range paths {
			sum, err := cached(digests, cacheKey{"digest", p}, func() (string, error) { return fieldDigest(s.Config.Site, p) })
			if err != nil {
				return cacheKey{}, false
			}
			b.WriteString(p + "=" + sum + ";")
		}
	}
	return cacheKey{"clause", c.File + "\x00" + c.Digest(), lang, b.String()}, true
}

// fieldDigest returns a SHA-256 of a field of the site ("Trackers") or a
// field of one ("Company.Phone"), the paths model.Inputs names: two loads
// give the same digest when that part of site.toml decodes the same.
func fieldDigest(site *config.Site, path string) (string, error) {
	v := reflect.ValueOf(site).Elem()
	for _, f := range strings.Split(path, ".") {
		if v.Kind() != reflect.Struct {
			return "", fmt.Errorf("%s: no such field of the site", path)
		}
		if v = v.FieldByName(f); !v.IsValid() {
			return "", fmt.Errorf("%s: no such field of the site", path)
		}
	}
	data, err := json.Marshal(v.Interface())
	if err != nil {
		data = fmt.Appendf(nil, "%#v", v.Interface()) // not expected: config values encode
	}
	sum := sha256.Sum256(data)
	return string(sum[:]), nil
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

// differences lists the documents and languages in which a and b differ:
// "privacy (de, nl)".
func (s *Site) differences(a, b Texts) []string {
	var out []string
	for _, doc := range s.Docs {
		var langs []string
		for _, lang := range s.langs() {
			if a[doc][lang] != b[doc][lang] {
				langs = append(langs, lang)
			}
		}
		if len(langs) > 0 {
			out = append(out, fmt.Sprintf("%s (%s)", doc, strings.Join(langs, ", ")))
		}
	}
	return out
}
