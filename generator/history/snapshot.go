package history

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sync"

	"github.com/policygen/policygen/generator/config"
)

// A ModelDecoder decodes the model snapshots of many versions of a site,
// decoding each element of their lists (an activity, a processor, a
// tracker …) once: versions mostly repeat the elements of the version
// before. It reads model.json in the form release writes, indented by
// encoding/json; a snapshot in any other form is decoded as Site does.
// The decoded models share the elements they have in common, so they must
// not be changed. A ModelDecoder is safe for concurrent use.
type ModelDecoder struct {
	mu    sync.RWMutex
	elems map[string]reflect.Value // field + element JSON -> the element
}

// Site decodes a version's model snapshot, as Version.Site does.
func (d *ModelDecoder) Site(v *Version) (*config.Site, error) {
	if d != nil {
		if s, ok := d.decode(v.Model); ok {
			return s, nil
		}
	}
	return v.Site()
}

// decode splits an indented snapshot into its top-level values and the
// elements of its top-level lists, and decodes each element it has not
// decoded before. ok is false when the snapshot is not in that form or a
// part of it does not decode; the caller then decodes the whole.
func (d *ModelDecoder) decode(data []byte) (*config.Site, bool) {
	fields := siteFields()
	var s config.Site
	rv := reflect.ValueOf(&s).Elem()
	l := lines{data: data}
	if first, ok := l.next(); !ok || string(first) != "{" {
		return nil, false
	}
	for {
		line, ok := l.next()
		if !ok {
			return nil, false
		}
		if string(line) == "}" {
			return &s, len(bytes.TrimSpace(data[l.at:])) == 0
		}
		name, rest, ok := keyLine(line)
		if !ok {
			return nil, false
		}
		f, known := fields[name]
		if !known {
			return nil, false
		}
		field := rv.Field(f)
		if string(rest) == "[" && field.Kind() == reflect.Slice {
			ok = d.list(name, field, &l)
		} else {
			ok = value(field, rest, data, &l)
		}
		if !ok {
			return nil, false
		}
	}
}

// lines reads data line by line, keeping where each line starts.
type lines struct {
	data      []byte
	at, start int // where the next line starts, and where the last began
}

// next returns the next line without its line end and a final comma.
func (l *lines) next() ([]byte, bool) {
	if l.at >= len(l.data) {
		return nil, false
	}
	l.start = l.at
	end := bytes.IndexByte(l.data[l.at:], '\n')
	if end < 0 {
		end = len(l.data) - l.at
		l.at = len(l.data)
	} else {
		l.at += end + 1
	}
	return bytes.TrimSuffix(l.data[l.start:l.start+end], []byte(",")), true
}

// keyLine reads a top-level line `  "name": rest`.
func keyLine(line []byte) (string, []byte, bool) {
	rest, ok := bytes.CutPrefix(line, []byte(`  "`))
	if !ok {
		return "", nil, false
	}
	name, rest, ok := bytes.Cut(rest, []byte(`": `))
	if !ok || bytes.ContainsAny(name, `"\`) {
		return "", nil, false
	}
	return string(name), rest, true
}

// value decodes a top-level value that starts with first on the key's line
// and, for an object or list, goes on up to its closing line at the same
// indentation.
func value(field reflect.Value, first, data []byte, l *lines) bool {
	text := first
	if string(first) == "{" || string(first) == "[" {
		closing := "  }"
		if string(first) == "[" {
			closing = "  ]"
		}
		from := l.at - 1 // the line break before the value's second line
		for {
			line, ok := l.next()
			if !ok {
				return false
			}
			if string(line) == closing {
				break
			}
		}
		text = append(append([]byte(nil), first...), data[from:l.start+len(closing)]...)
	}
	return json.Unmarshal(text, field.Addr().Interface()) == nil
}

// list decodes a top-level list of objects, each from `    {` to `    }`,
// up to its closing line `  ]`.
func (d *ModelDecoder) list(name string, field reflect.Value, l *lines) bool {
	elem := field.Type().Elem()
	out := reflect.MakeSlice(field.Type(), 0, 16)
	for {
		line, ok := l.next()
		switch {
		case !ok:
			return false
		case string(line) == "  ]":
			field.Set(out)
			return true
		case string(line) != "    {":
			return false
		}
		start := l.start
		for {
			line, ok := l.next()
			if !ok {
				return false
			}
			if string(line) == "    }" {
				break
			}
		}
		text := l.data[start : l.start+len("    }")]
		v, ok := d.element(name, elem, text)
		if !ok {
			return false
		}
		out = reflect.Append(out, v)
	}
}

// element returns the decoded element of a list, decoding it the first
// time its text is seen.
func (d *ModelDecoder) element(name string, elem reflect.Type, text []byte) (reflect.Value, bool) {
	key := make([]byte, 0, len(name)+1+len(text))
	key = append(append(append(key, name...), 0), text...)
	d.mu.RLock()
	v, ok := d.elems[string(key)]
	d.mu.RUnlock()
	if ok {
		return v, true
	}
	p := reflect.New(elem)
	if json.Unmarshal(text, p.Interface()) != nil {
		return reflect.Value{}, false
	}
	d.mu.Lock()
	if d.elems == nil {
		d.elems = map[string]reflect.Value{}
	}
	d.elems[string(key)] = p.Elem()
	d.mu.Unlock()
	return p.Elem(), true
}

// siteFields maps the JSON names of config.Site's fields to their index.
func siteFields() map[string]int {
	t := reflect.TypeFor[config.Site]()
	fields := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		name, _, _ := bytes.Cut([]byte(t.Field(i).Tag.Get("json")), []byte(","))
		if len(name) > 0 && string(name) != "-" {
			fields[string(name)] = i
		}
	}
	return fields
}
