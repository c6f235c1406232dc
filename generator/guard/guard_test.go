package guard

import (
	htmltemplate "html/template"
	"io"
	"strings"
	"testing"
	"text/template"
	"time"
)

// clock returns a clock that advances a second each time it is read, so
// that a template runs out of time after a known number of looks at it.
func clock() func() time.Time {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

func textPool(t *testing.T, name, src string) *Pool[*template.Template] {
	t.Helper()
	tmpl, err := template.New(name).Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	var ticks Ticks
	for _, tt := range tmpl.Templates() {
		ticks.Instrument(tt.Tree)
	}
	return NewPool(&ticks, func(f template.FuncMap) (*template.Template, error) {
		c, err := tmpl.Clone()
		if err != nil {
			return nil, err
		}
		return c.Funcs(f), nil
	})
}

func execText(p *Pool[*template.Template], w io.Writer, data any) error {
	return p.Execute(w, Limits{Timeout: time.Minute, Now: clock()}, func(t *template.Template, w io.Writer) error {
		return t.Execute(w, data)
	})
}

func TestRunawayTemplatesStopAtTheTimeLimit(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"empty range", "a\n  {{ range 3000000000 }}{{ end }}", "x.md:2:12: rendering ran longer than 1m0s, the time limit"},
		{"nested range", "{{ range 100000 }}{{ range 100000 }}{{ end }}{{ end }}", "x.md:1:28: rendering ran longer than 1m0s, the time limit"},
		{"recursion", `{{ define "r" }}{{ template "r" . }}{{ template "r" . }}{{ end }}{{ template "r" . }}`, "x.md:1:17: rendering ran longer than 1m0s, the time limit"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := execText(textPool(t, "x.md", c.src), io.Discard, nil)
			var e *Error
			if !As(err, &e) || e.Error() != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

func TestOutputStopsAtTheLimit(t *testing.T) {
	p := textPool(t, "x.md", "{{ range 100 }}\n{{ printf \"%1000000s\" \"\" }}{{ end }}")
	var b strings.Builder
	err := execText(p, &b, nil)
	var e *Error
	if !As(err, &e) || e.Error() != "x.md:1:10: rendering wrote more than 16 MiB, the limit of a clause or page" {
		t.Errorf("got %v", err)
	}
	if b.Len() > MaxOutput {
		t.Errorf("wrote %d bytes", b.Len())
	}
}

// TestTicksPrintNothing renders templates with ranges in every context of
// html/template, including a script, where an empty string prints as "".
func TestTicksPrintNothing(t *testing.T) {
	src := `<p>{{ range .L }}{{ . }}{{ end }}</p><script>var x = [{{ range .L }}{{ . }},{{ end }}];</script><a href="/{{ range .L }}{{ . }}{{ end }}">x</a>`
	tmpl := htmltemplate.Must(htmltemplate.New("page.html").Parse(src))
	var ticks Ticks
	for _, tt := range tmpl.Templates() {
		ticks.Instrument(tt.Tree)
	}
	p := NewPool(&ticks, func(f template.FuncMap) (*htmltemplate.Template, error) {
		c, err := tmpl.Clone()
		if err != nil {
			return nil, err
		}
		return c.Funcs(f), nil
	})
	data := map[string][]int{"L": {1, 2}}
	for range 2 { // the second execution takes the copy the first left
		var b strings.Builder
		err := p.Execute(&b, Limits{}, func(t *htmltemplate.Template, w io.Writer) error { return t.Execute(w, data) })
		want := `<p>12</p><script>var x = [ 1 , 2 ,];</script><a href="/12">x</a>`
		if err != nil || b.String() != want {
			t.Errorf("got %q, %v\nwant %q", b.String(), err, want)
		}
	}
}

// TestEachExecutionHasItsOwnDeadline runs a template that is stopped
// while another execution of the same pool runs: the other one is not.
func TestEachExecutionHasItsOwnDeadline(t *testing.T) {
	p := textPool(t, "x.md", "{{ if . }}{{ range 3000000000 }}{{ end }}{{ else }}{{ range 3 }}.{{ end }}{{ end }}")
	var b strings.Builder
	err := p.Execute(io.Discard, Limits{Timeout: time.Minute, Now: clock()}, func(tmpl *template.Template, w io.Writer) error {
		if err := execText(p, &b, false); err != nil { // a second copy, while the first is out
			t.Errorf("the inner execution: %v", err)
		}
		return tmpl.Execute(w, true)
	})
	if err == nil || b.String() != "..." {
		t.Errorf("got %q, %v", b.String(), err)
	}
}
