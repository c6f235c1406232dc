package serve

import (
	"bytes"
	_ "embed"
	"html/template"

	"github.com/policygen/policygen/generator/diag"
)

//go:embed errors.html
var errorsHTML string

var errorsTemplate = template.Must(template.New("errors.html").Parse(errorsHTML))

// problem is one error as the error page shows it.
type problem struct {
	Where, Msg, Excerpt, Hint string
}

// errorPage shows the errors of a build in place of every page, in the
// theme's style sheet; it reloads by itself at the next good save. Like
// diag.Print, it shows at most diag.MaxPrinted of them.
func errorPage(errs diag.List) []byte {
	src := diag.Sources{}
	var ps []problem
	errs = errs.Sort()
	for _, e := range errs[:min(len(errs), diag.MaxPrinted)] {
		ps = append(ps, problem{Where: diag.Printable(e.Pos.String()), Msg: diag.Message(e.Msg),
			Excerpt: src.Excerpt(e.Pos), Hint: diag.Message(e.Hint)})
	}
	title := "The site has 1 error"
	if len(errs) != 1 {
		title = "The site has " + diag.Count(len(errs)) + " errors"
	}
	more := ""
	if len(errs) > len(ps) {
		more = "… and " + diag.Count(len(errs)-len(ps)) + " more"
	}
	return execute(map[string]any{"Title": title, "Problems": ps, "More": more})
}

// notFoundPage answers a path the site does not have.
func notFoundPage(path string) []byte {
	return execute(map[string]any{"Title": "Not found", "NotFound": path})
}

func execute(data map[string]any) []byte {
	var b bytes.Buffer
	if err := errorsTemplate.Execute(&b, data); err != nil {
		return []byte(template.HTMLEscapeString(err.Error()))
	}
	return b.Bytes()
}
