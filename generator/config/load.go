// Package config owns site.toml: its schema, the value types that validate
// themselves, strict decoding with the position of every key, and the
// validation rules that make a site complete and consistent.
package config

import (
	"errors"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/legal"
)

// Loaded is a decoded and validated site.toml with the positions of its keys.
type Loaded struct {
	*Site
	File string     // the path it was read from, as given
	Pos  *Positions // where every key was written

	// Warnings are the problems the load worked around, sorted by
	// position: the run goes on, and reports them.
	Warnings diag.List
}

// Load decodes and validates site.toml read from file. It returns every
// problem it finds as a diag.List, sorted by position, its warnings among
// them; without errors, the warnings are in Loaded.Warnings. On error the Loaded
// value is still returned when decoding got far enough, so that callers can
// report more, but it must not be rendered.
func Load(file string, src []byte, facts *legal.Facts) (*Loaded, error) {
	if e := checkShape(file, src); e != nil {
		return nil, diag.List{e}
	}
	text := string(src)
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		return nil, syntaxError(file, err)
	}
	d := &decoder{pos: newPositions(file, text)}
	site := new(Site)
	d.table("", raw, reflectValue(site))
	l := &Loaded{Site: site, File: file, Pos: d.pos}
	// Validation runs even after decoding errors so that one run reports
	// everything; its rules skip values that failed to decode (left zero).
	errs := append(d.errs, validate(l, d.texts, d.failed, facts)...)
	l.Warnings = errs.Warnings().Sort()
	return l, errs.Err()
}

func syntaxError(file string, err error) error {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return diag.List{diag.Errorf(diag.Pos{File: file}, "%v", err)}
	}
	e := diag.Errorf(diag.Pos{File: file, Line: pe.Position.Line, Col: pe.Position.Col}, "%s", pe.Message)
	e.Hint = firstParagraph(pe.Usage)
	e.Err = err
	return diag.List{e}
}

func firstParagraph(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), " ")
}
