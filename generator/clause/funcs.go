package clause

import (
	"fmt"
	"reflect"
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
func Funcs(lang *locale.Lang) template.FuncMap {
	h := helpers{lang}
	return template.FuncMap{
		"T":         h.t,
		"dict":      locale.Dict,
		"vocab":     h.vocab,
		"cite":      h.cite,
		"date":      h.date,
		"duration":  h.duration,
		"retention": h.retention,
		"country":   h.country,
		"list":      h.list,
		"link":      link,
		"mailto":    mailto,
		"lines":     lines,
		"docurl":    docurl,
	}
}

type helpers struct{ lang *locale.Lang }

// t looks up a message; an integer argument is the plural count, a map the
// message's data.
func (h helpers) t(id string, args ...any) (string, error) {
	var count any
	var data map[string]any
	for _, a := range args {
		switch v := a.(type) {
		case int, int64, uint, float64:
			count = v
		case map[string]any:
			data = v
		default:
			return "", fmt.Errorf("T %q: unexpected argument %v (%T): want a count or a dict", id, a, a)
		}
	}
	return h.lang.T(id, count, data)
}

func (h helpers) vocab(group string, value any) (string, error) {
	return h.lang.T(group+"."+raw(value), nil, nil)
}

func (h helpers) cite(basis any) (string, error) {
	b := config.LegalBasis(raw(basis))
	if b.Point() == "" {
		return "", fmt.Errorf("cite: unknown legal basis %q", raw(basis))
	}
	return h.lang.Cite(b)
}

func (h helpers) date(t time.Time) string { return h.lang.Date(t) }

func (h helpers) duration(d config.Duration) (string, error) { return h.lang.Duration(d) }

func (h helpers) retention(r *model.Retention) (string, error) {
	if r == nil {
		return "", fmt.Errorf("retention: no retention rule")
	}
	return h.lang.Retention(r.Period, r.After)
}

func (h helpers) country(code any) string { return h.lang.Country(raw(code)) }

// list joins the items of a slice as a sentence does; each item prints
// with fmt, so values from site.toml arrive escaped.
func (h helpers) list(items any) (string, error) {
	v := reflect.ValueOf(items)
	if v.Kind() != reflect.Slice {
		return "", fmt.Errorf("list: want a list, not %T", items)
	}
	parts := make([]string, v.Len())
	for i := range parts {
		parts[i] = fmt.Sprint(v.Index(i).Interface())
	}
	return h.lang.List(parts), nil
}

// link writes a Markdown link; the text prints with fmt (escaped when it is
// a value), the destination is taken as written.
func link(text, url any) string {
	return "[" + fmt.Sprint(text) + "](" + markdown.Destination(raw(url)) + ")"
}

func mailto(addr any) string {
	a := raw(addr)
	return "[" + markdown.Escape(a) + "](" + markdown.Destination("mailto:"+a) + ")"
}

// lines joins address lines with Markdown hard line breaks.
func lines(list []markdown.Text) string {
	parts := make([]string, len(list))
	for i, l := range list {
		parts[i] = l.String()
	}
	return strings.Join(parts, "\\\n")
}

// docurl links another document, optionally at a clause: "privacy" or
// "privacy#transfers".
func docurl(doc string) (string, error) {
	name, _, _ := strings.Cut(doc, "#")
	if name == "" {
		return "", fmt.Errorf("docurl: no document in %q", doc)
	}
	return DocLinkPrefix + doc, nil
}

// raw returns the unescaped string of a value: for markdown.Text its
// content, for other string types the string.
func raw(v any) string {
	switch s := v.(type) {
	case markdown.Text:
		return string(s)
	case string:
		return s
	case fmt.Stringer:
		return s.String()
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.String {
		return rv.String()
	}
	return fmt.Sprint(v)
}
