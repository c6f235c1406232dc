package clause

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io/fs"
	"strings"
	"text/template"

	"github.com/BurntSushi/toml"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/guard"
	"github.com/policygen/policygen/generator/locale"
)

// frontMatter is the TOML between the +++ lines.
type frontMatter struct {
	Title string `toml:"title"`
}

// parse reads the clause file: front matter, then the template body, parsed
// with the helpers of the clause's language. Line numbers in template errors
// match the file because the body keeps its place.
func (c *Clause) parse(files Files, lang *locale.Lang) error {
	where := files.Describe(c.File)
	src, err := fs.ReadFile(files, c.File)
	if err != nil {
		return diag.AtFile(where, err)
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	sum := sha256.Sum256(src)
	c.digest = string(sum[:])
	fm, body, fmLines, err := splitFrontMatter(where, src)
	if err != nil {
		return err
	}
	if err := c.decodeFrontMatter(where, fm); err != nil {
		return err
	}
	// Pad the body with the lines the front matter took, so that template
	// errors give line numbers of the file.
	padded := strings.Repeat("\n", fmLines) + body
	t, err := template.New(c.File).Option("missingkey=error").Funcs(Funcs(lang)).Parse(padded)
	if err != nil {
		return templateError(where, err)
	}
	c.reads, c.readsAll = readsOf(t)
	c.pool = guarded(t)
	return nil
}

// guarded instruments a clause's templates so that they stop at the
// limits of each rendering (see package guard), and returns the pool its
// renderings take copies from.
func guarded(t *template.Template) *guard.Pool[*template.Template] {
	ticks := &guard.Ticks{}
	for _, tt := range t.Templates() {
		ticks.Instrument(tt.Tree)
	}
	return guard.NewPool(ticks, func(funcs template.FuncMap) (*template.Template, error) {
		c, err := t.Clone()
		if err != nil {
			return nil, err
		}
		return c.Funcs(funcs), nil
	})
}

func splitFrontMatter(where string, src []byte) (fm, body string, lines int, err error) {
	s := string(src)
	if !strings.HasPrefix(s, "+++\n") {
		return "", "", 0, diag.Errorf(diag.Pos{File: where, Line: 1, Col: 1}, "clause has no front matter").
			WithHint("start the file with +++, a line title = \"…\", and +++")
	}
	rest := s[4:]
	if !strings.HasPrefix(rest, "+++") { // not empty: it ends at the next +++ line
		end := strings.Index(rest, "\n+++")
		if end < 0 {
			return "", "", 0, diag.Errorf(diag.Pos{File: where, Line: 1, Col: 1}, "front matter is not closed").
				WithHint("end it with a line +++")
		}
		fm, rest = rest[:end], rest[end+1:]
	}
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "+++"), "\n")
	lines = strings.Count(s[:len(s)-len(rest)], "\n")
	return fm, rest, lines, nil
}

func (c *Clause) decodeFrontMatter(where, fm string) error {
	var m frontMatter
	md, err := toml.Decode(fm, &m)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return diag.Errorf(diag.Pos{File: where, Line: pe.Position.Line + 1, Col: pe.Position.Col}, "front matter: %s", pe.Message)
		}
		return diag.Errorf(diag.Pos{File: where, Line: 2}, "front matter: %v", err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return diag.Errorf(diag.Pos{File: where, Line: 2}, "front matter: unknown key %q", und[0].String()).
			WithHint("the front matter of a clause has only title")
	}
	if strings.TrimSpace(m.Title) == "" {
		return diag.Errorf(diag.Pos{File: where, Line: 1}, "clause has no title").WithHint("add title = \"…\" to the front matter")
	}
	c.Title = m.Title
	return nil
}
