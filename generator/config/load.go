// Package config owns site.toml: its schema, the value types that validate
// themselves, strict decoding with the position of every key, and the
// validation rules that make a site complete and consistent.
package config

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/legal"
)

// Loaded is a decoded and validated site.toml with the positions of its keys.
type Loaded struct {
	*Site
	File string     // the path it was read from, as given
	Pos  *Positions // where every key was written

	parts []tablePart // the tables of the file, when a ParseCache parsed it in parts
}

// Digest returns a SHA-256 of a part of the site: a field of Site
// ("Trackers") or a field of one ("Company.Phone"). Two loads give the
// same digest when that part is the same. For a whole field of a file
// parsed in parts it is taken from the text of its tables (and of the
// top-level keys), which costs less than encoding the decoded value.
func (l *Loaded) Digest(path string) string {
	v := reflect.ValueOf(l.Site).Elem()
	if f, ok := v.Type().FieldByName(path); ok && l.parts != nil {
		key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		h := sha256.New()
		for i, p := range l.parts {
			if i == 0 || len(p.keys) > 0 && p.keys[0] == key {
				fmt.Fprintf(h, "%d:%s", len(p.text), p.text)
			}
		}
		return string(h.Sum(nil))
	}
	for _, f := range strings.Split(path, ".") {
		v = v.FieldByName(f)
	}
	data, err := json.Marshal(v.Interface())
	if err != nil {
		data = fmt.Appendf(nil, "%#v", v.Interface()) // not expected: config values encode
	}
	sum := sha256.Sum256(data)
	return string(sum[:])
}

// Load decodes and validates site.toml read from file. It returns every
// problem it finds as a diag.List, sorted by position; on error the Loaded
// value is still returned when decoding got far enough, so that callers can
// report more, but it must not be rendered.
func Load(file string, src []byte, facts *legal.Facts) (*Loaded, error) {
	return LoadCached(file, src, facts, nil)
}

// LoadCached is Load, parsing only the tables of site.toml that cache has
// not seen (see ParseCache); a nil cache parses the whole file.
func LoadCached(file string, src []byte, facts *legal.Facts, cache *ParseCache) (*Loaded, error) {
	// The positions are scanned while the TOML parser and the decoder run:
	// each reads the whole file, and a large site.toml takes milliseconds.
	// A cache that has seen most of the file parses and scans only the
	// tables that changed.
	if e := checkShape(file, src); e != nil {
		return nil, diag.List{e}
	}
	raw, pos, ok := map[string]any(nil), (*Positions)(nil), false
	var parts []tablePart
	if cache != nil {
		raw, pos, parts, ok = cache.parse(file, string(src))
	}
	positions := func() *Positions { return pos }
	if !ok {
		posc := make(chan *Positions, 1)
		go func() { posc <- scanPositions(file, src) }()
		if _, err := toml.Decode(string(src), &raw); err != nil {
			<-posc
			return nil, syntaxError(file, err)
		}
		// Decoding needs the positions only to report an error.
		positions = sync.OnceValue(func() *Positions { return <-posc })
	}
	d := &decoder{pos: positions}
	site := new(Site)
	d.table("", raw, reflectValue(site))
	l := &Loaded{Site: site, File: file, Pos: positions(), parts: parts}
	// Validation runs even after decoding errors so that one run reports
	// everything; its rules skip values that failed to decode (left zero).
	errs := append(d.errs, validate(l, d.texts, d.failed, facts)...)
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
