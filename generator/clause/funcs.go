package clause

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strings"
	"text/template"
	"time"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/locale"
	"github.com/policygen/policygen/generator/markdown"
	"github.com/policygen/policygen/generator/model"
)

// DocLinkPrefix starts the destination of a link to another document. The
// Markdown of a clause does not know where its page will live (the current
// page or a frozen version), so the page renderer resolves these.
const DocLinkPrefix = "policygen-doc:"

// Funcs returns the template helpers of docs/templates.md bound to lang.
// Each checks its arguments: a wrong one is an error at the helper's
// place in the clause, never a page that prints "<nil>".
func Funcs(lang *locale.Lang) template.FuncMap {
	h := helpers{lang}
	return template.FuncMap{
		"T":          h.t,
		"dict":       dict,
		"vocab":      h.vocab,
		"cite":       h.cite,
		"date":       h.date,
		"duration":   h.duration,
		"retention":  h.retention,
		"country":    h.country,
		"list":       h.list,
		"link":       link,
		"mailto":     mailto,
		"lines":      lines,
		"docurl":     docurl,
		"versionurl": versionurl,
	}
}

type helpers struct{ lang *locale.Lang }

// helperError is a helper's complaint about its arguments, with what to
// do about it; templateError turns it into a diag.Error at the helper.
type helperError struct{ msg, hint string }

func (e *helperError) Error() string { return e.msg }

func wrong(hint, format string, args ...any) error {
	return &helperError{msg: fmt.Sprintf(format, args...), hint: hint}
}

// t looks up a message; an integer argument is the plural count, a map the
// message's data, each at most once.
func (h helpers) t(msg any, args ...any) (string, error) {
	const hint = `T takes a message id, then at most a count and a dict: T "id" .Count (dict "Key" value)`
	id, ok := msg.(string)
	if !ok {
		return "", wrong(hint, "T: want a message id, not %s", describe(msg))
	}
	var count any
	var data map[string]any
	for _, a := range args {
		switch v := a.(type) {
		case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
			if count != nil {
				return "", wrong(hint, "T %q: a second count %v", id, v)
			}
			count = v
			if n := reflect.ValueOf(v); n.CanUint() { // go-i18n counts signed integers only
				if n.Uint() > math.MaxInt {
					return "", wrong(hint, "T %q: the count %v is too large", id, v)
				}
				count = int(n.Uint())
			}
		case map[string]any:
			if data != nil {
				return "", wrong(hint, "T %q: a second dict", id)
			}
			data = v
		default:
			return "", wrong(hint, "T %q: want a count or a dict, not %s", id, describe(a))
		}
	}
	return h.lang.T(id, count, data)
}

// dict is locale.Dict with the helper's name in its errors.
func dict(kv ...any) (map[string]any, error) {
	m, err := locale.Dict(kv...)
	if err != nil {
		return nil, wrong(`write dict "Key" value "Other" value`, "%v", err)
	}
	return m, nil
}

func (h helpers) vocab(group string, value any) (string, error) {
	v, ok := str(value)
	if !ok {
		return "", wrong(`give a value of site.toml: vocab "basis" .Basis`, "vocab %q: want a value such as .Basis, not %s", group, describe(value))
	}
	return h.lang.T(group+"."+v, nil, nil)
}

// cite cites a legal basis of Art. 6(1): {{ cite .Basis $.Law }} in the
// regulation that applies to the site, {{ cite .Basis }} in the EU GDPR.
func (h helpers) cite(basis any, law ...any) (string, error) {
	const hint = "the legal bases are consent, contract, legal_obligation, vital_interests, public_task and legitimate_interests"
	v, ok := str(basis)
	if !ok {
		return "", wrong(hint, "cite: want a legal basis such as .Basis or \"consent\", not %s", describe(basis))
	}
	b := config.LegalBasis(v)
	if b.Point() == "" {
		return "", wrong(hint, "cite: unknown legal basis %q", v)
	}
	name := ""
	switch {
	case len(law) > 1:
		return "", wrong(`give the basis and $.Law: cite .Basis $.Law`, "cite: want a basis and at most the law, not %d arguments", 1+len(law))
	case len(law) == 1:
		l, ok := law[0].(model.Law)
		if !ok {
			return "", wrong(`give the law of the site as $.Law: cite .Basis $.Law`, "cite: want the law such as $.Law, not %s", describe(law[0]))
		}
		name = l.GDPR
	}
	return h.lang.Cite(b, name)
}

func (h helpers) date(t any) (string, error) {
	d, ok := t.(time.Time)
	if !ok {
		return "", wrong("give a date of the model, such as .Effective or .Date of a change", "date: want a date, not %s", describe(t))
	}
	return h.lang.Date(d), nil
}

func (h helpers) duration(d any) (string, error) {
	v, ok := d.(config.Duration)
	if !ok {
		return "", wrong("give a duration of the model, such as .Expiry or .Period", "duration: want a duration, not %s", describe(d))
	}
	return h.lang.Duration(v)
}

func (h helpers) retention(r *model.Retention) (string, error) {
	if r == nil {
		return "", wrong("give a retention rule, such as . inside {{ range .Retention }}", "retention: no retention rule")
	}
	return h.lang.Retention(r.Period, r.After)
}

// country names a country by its ISO 3166-1 code, as site.toml accepts
// them; a code CLDR does not know as a country ("ZZ", "EU") is an error.
func (h helpers) country(code any) (string, error) {
	const hint = `give an ISO 3166-1 alpha-2 code such as .Country or "DE"`
	s, ok := str(code)
	if !ok {
		return "", wrong(hint, "country: want a country code, not %s", describe(code))
	}
	var c config.Country
	if err := c.UnmarshalText([]byte(s)); err != nil {
		return "", wrong(hint, "country: unknown country code %q", s)
	}
	return h.lang.Country(string(c)), nil
}

// list joins the items of a slice as a sentence does; each item prints
// with fmt, so values from site.toml arrive escaped.
func (h helpers) list(items any) (string, error) {
	v := reflect.ValueOf(items)
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return "", wrong("give a list of site.toml, such as .Data or .Recipients", "list: want a list, not %s", describe(items))
	}
	parts := make([]string, v.Len())
	for i := range parts {
		parts[i] = fmt.Sprint(v.Index(i).Interface())
	}
	return h.lang.List(parts), nil
}

// link writes a Markdown link; the text prints with fmt (escaped when it is
// a value), the destination is taken as written.
func link(text, url any) (string, error) {
	const hint = "write link TEXT URL, such as link .Name .PrivacyURL; put it in {{ with … }} when the URL may be empty"
	if !printable(text) {
		return "", wrong(hint, "link: want the link's text, not %s", describe(text))
	}
	u, ok := str(url)
	switch {
	case !ok:
		return "", wrong(hint, "link: want a URL, not %s", describe(url))
	case strings.TrimSpace(u) == "":
		return "", wrong(hint, "link %q: the URL is empty", fmt.Sprint(text))
	}
	return "[" + fmt.Sprint(text) + "](" + markdown.Destination(u) + ")", nil
}

func mailto(addr any) (string, error) {
	const hint = "give an address such as .Company.Email; put it in {{ with … }} when it may be empty"
	a, ok := str(addr)
	switch {
	case !ok:
		return "", wrong(hint, "mailto: want an e-mail address, not %s", describe(addr))
	case !strings.Contains(a, "@"):
		return "", wrong(hint, "mailto: %q is not an e-mail address", a)
	}
	return "[" + markdown.Escape(a) + "](" + markdown.Destination("mailto:"+a) + ")", nil
}

// lines joins address lines with Markdown hard line breaks.
func lines(v any) (string, error) {
	list, ok := v.([]markdown.Text)
	if !ok {
		return "", wrong("give a list of lines, such as .Company.Address", "lines: want a list of lines, not %s", describe(v))
	}
	parts := make([]string, len(list))
	for i, l := range list {
		parts[i] = l.String()
	}
	return strings.Join(parts, "\\\n"), nil
}

var docID = regexp.MustCompile(`^[a-z0-9_-]+(#[a-z0-9_-]+)?$`)

// docurl links another document, optionally at a clause: "privacy" or
// "privacy#transfers".
func docurl(v any) (string, error) {
	doc, ok := v.(string)
	if !ok || !docID.MatchString(doc) {
		return "", wrong(`give a document id, optionally with a clause id: docurl "privacy" or docurl "privacy#rights"`, "docurl: want a document id, not %s", describe(v))
	}
	return DocLinkPrefix + doc, nil
}

// versionurl links the version of a document in force on a date, such as
// an earlier version in the changes clause: versionurl "privacy" .Date.
// Where that version's page is is known only when the page renders (a date
// may fall where the document's text did not change): see VersionLink.
func versionurl(doc, date any) (string, error) {
	const hint = `give a document id and a date of the model: versionurl "privacy" .Date`
	id, ok := doc.(string)
	if !ok || !docID.MatchString(id) || strings.Contains(id, "#") {
		return "", wrong(hint, "versionurl: want a document id, not %s", describe(doc))
	}
	d, ok := date.(time.Time)
	if !ok {
		return "", wrong(hint, "versionurl: want a date, not %s", describe(date))
	}
	return DocLinkPrefix + id + "@" + d.Format(time.DateOnly), nil
}

// VersionLink reads a link destination that versionurl wrote: the
// document and the date, and false for any other destination.
func VersionLink(dest string) (doc string, date time.Time, ok bool) {
	id, ok := strings.CutPrefix(dest, DocLinkPrefix)
	if !ok {
		return "", time.Time{}, false
	}
	doc, day, ok := strings.Cut(id, "@")
	if !ok || !docID.MatchString(doc) || strings.Contains(doc, "#") {
		return "", time.Time{}, false
	}
	date, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return "", time.Time{}, false
	}
	return doc, date, true
}

// DocLink reads a link destination that docurl wrote: the document and
// the fragment ("#transfers", or ""), and false for any other destination.
func DocLink(dest string) (doc, fragment string, ok bool) {
	id, ok := strings.CutPrefix(dest, DocLinkPrefix)
	if !ok || !docID.MatchString(id) {
		return "", "", false
	}
	if i := strings.IndexByte(id, '#'); i >= 0 {
		return id[:i], id[i:], true
	}
	return id, "", true
}

// str returns the unescaped string of a value of a string type, such as
// markdown.Text or config.LegalBasis, and false for any other value.
func str(v any) (string, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.String {
		return "", false
	}
	return rv.String(), true
}

// printable reports whether a value prints as text: a string, or a value
// of the model that prints as its name, such as a Processor.
func printable(v any) bool {
	if _, ok := str(v); ok {
		return true
	}
	rv := reflect.ValueOf(v)
	_, ok := v.(fmt.Stringer)
	return ok && !(rv.Kind() == reflect.Pointer && rv.IsNil())
}

// describe names a wrong argument in an error: `42 (int)`, `"x" (string)`,
// `nil`.
func describe(v any) string {
	if v == nil {
		return "nil"
	}
	if s, ok := str(v); ok {
		return fmt.Sprintf("%q (%T)", s, v)
	}
	return fmt.Sprintf("%v (%T)", v, v)
}
