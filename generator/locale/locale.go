// Package locale owns the languages of a site: go-i18n message bundles read
// from locales/LANG.toml, their completeness across languages, and the
// formatting of dates, durations, lists, country names and legal-basis
// citations in each language.
package locale

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/policygen/policygen/generator/diag"
)

// Files is what the catalog reads message files from.
type Files interface {
	fs.FS
	Describe(name string) string
}

// Catalog holds the languages of a site.
type Catalog struct {
	langs map[string]*Lang
}

// Lang formats messages and values in one language.
type Lang struct {
	Code    string
	Tag     language.Tag
	loc     *i18n.Localizer
	regions display.Namer

	// memo keeps formatted messages that take no data, country names and
	// dates: a large site asks for the same few hundred thousands of times,
	// and go-i18n and CLDR lookups are what clause execution spends most on.
	memo sync.Map // string -> string
}

// Load reads locales/LANG.toml for each language and checks that every
// message defined in one of them is defined in all.
func Load(files Files, langs []string) (*Catalog, error) {
	c := &Catalog{langs: map[string]*Lang{}}
	ids := map[string]map[string]bool{} // lang -> ids
	var errs diag.List
	for _, code := range langs {
		name := "locales/" + code + ".toml"
		lang, msgIDs, err := loadLang(files, name, code)
		if err != nil {
			errs = append(errs, diag.Errors(err)...)
			continue
		}
		c.langs[code] = lang
		ids[code] = msgIDs
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	return c, completeness(files, langs, ids).Err()
}

func loadLang(files Files, name, code string) (*Lang, map[string]bool, error) {
	where := files.Describe(name)
	data, err := fs.ReadFile(files, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, diag.Errorf(diag.Pos{File: "locales/" + code + ".toml"}, "no messages for language %q", code).
			WithHint("add locales/%s.toml to the site folder, with the same messages as the built-in locales/en.toml", code)
	}
	if err != nil {
		return nil, nil, diag.AtFile(where, err)
	}
	if err := checkSyntax(where, data); err != nil {
		return nil, nil, err
	}
	tag, err := language.Parse(code)
	if err != nil {
		return nil, nil, diag.Errorf(diag.Pos{File: where}, "unknown language %q", code)
	}
	bundle := i18n.NewBundle(tag) // one bundle per language: no silent fallback
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	mf, err := bundle.ParseMessageFileBytes(data, code+".toml")
	if err != nil {
		return nil, nil, diag.Errorf(diag.Pos{File: where}, "%v", err)
	}
	msgIDs := map[string]bool{}
	for _, m := range mf.Messages {
		msgIDs[m.ID] = true
	}
	return &Lang{Code: code, Tag: tag, loc: i18n.NewLocalizer(bundle, code), regions: display.Regions(tag)}, msgIDs, nil
}

func checkSyntax(where string, data []byte) error {
	var v map[string]any
	_, err := toml.Decode(string(data), &v)
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return diag.Errorf(diag.Pos{File: where, Line: pe.Position.Line, Col: pe.Position.Col}, "%s", pe.Message)
	}
	if err != nil {
		return diag.Errorf(diag.Pos{File: where}, "%v", err)
	}
	return nil
}

// completeness reports every message defined for some language but missing
// in another.
func completeness(files Files, langs []string, ids map[string]map[string]bool) diag.List {
	all := map[string]string{} // id -> a language that defines it
	for _, code := range langs {
		for id := range ids[code] {
			if _, ok := all[id]; !ok {
				all[id] = code
			}
		}
	}
	var errs diag.List
	for _, code := range langs {
		var missing []string
		for id := range all {
			if !ids[code][id] {
				missing = append(missing, id)
			}
		}
		sort.Strings(missing)
		for _, id := range missing {
			errs.Addf(diag.Pos{File: files.Describe("locales/" + code + ".toml")}, "message %q is missing in language %q", id, code).
				WithHint("add it; it is defined in %s", files.Describe("locales/"+all[id]+".toml"))
		}
	}
	return errs
}

// Lang returns the formatter of a site language.
func (c *Catalog) Lang(code string) *Lang { return c.langs[code] }

// T returns message id. A non-nil count selects the plural form and is
// available to the message as .Count; data are the message's other values.
func (l *Lang) T(id string, count any, data map[string]any) (string, error) {
	if data != nil {
		return l.localize(id, count, data)
	}
	key, ok := memoKey(id, count)
	if !ok {
		return l.localize(id, count, nil)
	}
	return l.memoized(key, func() (string, error) { return l.localize(id, count, nil) })
}

// memoKey is the memo key of a message with a count and no data: "\x00T",
// the id and the count. Counts of other types are not memoized.
func memoKey(id string, count any) (string, bool) {
	switch n := count.(type) {
	case nil:
		return "\x00T" + id, true
	case int:
		return "\x00T" + id + "\x00" + strconv.Itoa(n), true
	}
	return "", false
}

// memoized returns the value kept under key, computing it with f the first
// time. Errors are not kept.
func (l *Lang) memoized(key string, f func() (string, error)) (string, error) {
	if v, ok := l.memo.Load(key); ok {
		return v.(string), nil
	}
	s, err := f()
	if err == nil {
		l.memo.Store(key, s)
	}
	return s, err
}

func (l *Lang) localize(id string, count any, data map[string]any) (string, error) {
	cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if count != nil {
		cfg.PluralCount = count
		td := map[string]any{"Count": count}
		for k, v := range data {
			td[k] = v
		}
		cfg.TemplateData = td
	}
	s, err := l.loc.Localize(cfg)
	if err != nil {
		var nf *i18n.MessageNotFoundErr
		if errors.As(err, &nf) {
			return "", fmt.Errorf("message %q is not defined for language %q", id, l.Code)
		}
		return "", fmt.Errorf("message %q (%s): %w", id, l.Code, err)
	}
	return s, nil
}

// TOrID returns message id without a count, or id itself when the message
// is missing or fails. It is for the messages the generator itself relies
// on, which the catalog's completeness check and the built-in locale tests
// guarantee; a site that removes one gets the id back instead of a crash.
func (l *Lang) TOrID(id string, data map[string]any) string {
	s, err := l.T(id, nil, data)
	if err != nil {
		return id
	}
	return s
}
