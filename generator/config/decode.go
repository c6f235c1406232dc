package config

import (
	"encoding"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/policygen/policygen/generator/diag"
)

// decoder fills the schema types from the generic tree the TOML parser
// produced, strictly: unknown keys, wrong types and missing required keys
// are errors at their positions, and decoding goes on after an error so that
// one run reports them all.
type decoder struct {
	pos    *Positions
	errs   diag.List
	texts  []textRef       // every localized text, for the language check
	failed map[string]bool // paths whose value did not decode
	fields map[reflect.Type]*tableFields
}

type textRef struct {
	path string
	text *LocalizedText
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	tomlUnmarshaler = reflect.TypeFor[toml.Unmarshaler]()
	timeType        = reflect.TypeFor[time.Time]()
)

func (d *decoder) errorf(p diag.Pos, hint, format string, args ...any) {
	d.errs.Add(diag.Errorf(p, format, args...).WithHint("%s", hint))
}

func (d *decoder) decode(path string, v any, rv reflect.Value) {
	if _, ok := v.(string); ok && !d.plain(path, v) {
		return
	}
	if rv.Type() == timeType { // before TextUnmarshaler, which time.Time also is
		d.date(path, v, rv)
		return
	}
	if rv.CanAddr() {
		switch p := rv.Addr(); {
		case p.Type().Implements(tomlUnmarshaler):
			d.unmarshalTOML(path, v, p.Interface().(toml.Unmarshaler))
			return
		case p.Type().Implements(textUnmarshaler):
			d.unmarshalText(path, v, p.Interface().(encoding.TextUnmarshaler))
			return
		}
	}
	switch {
	case rv.Kind() == reflect.Pointer:
		elem := reflect.New(rv.Type().Elem())
		d.decode(path, v, elem.Elem())
		rv.Set(elem)
	case rv.Kind() == reflect.Struct:
		d.table(path, v, rv)
	case rv.Kind() == reflect.Map:
		d.mapOf(path, v, rv)
	case rv.Kind() == reflect.Slice:
		d.array(path, v, rv)
	default:
		d.scalar(path, v, rv)
	}
}

func (d *decoder) unmarshalTOML(path string, v any, u toml.Unmarshaler) {
	if !d.plain(path, v) {
		return
	}
	if err := u.UnmarshalTOML(v); err != nil {
		d.valueErr(path, err)
		return
	}
	if t, ok := u.(*LocalizedText); ok {
		d.texts = append(d.texts, textRef{path, t})
	}
}

func (d *decoder) unmarshalText(path string, v any, u encoding.TextUnmarshaler) {
	s, ok := v.(string)
	if !ok {
		d.typeErr(path, v, "a string")
		return
	}
	if err := u.UnmarshalText([]byte(s)); err != nil {
		d.valueErr(path, err)
	}
}

func (d *decoder) valueErr(path string, err error) {
	d.fail(path)
	var ve *valueError
	hint := ""
	if errors.As(err, &ve) {
		hint = ve.hint
	}
	d.errorf(d.pos.Value(path), hint, "%s: %v", keyName(path), err)
}

func (d *decoder) typeErr(path string, v any, want string) {
	d.fail(path)
	d.errorf(d.pos.Value(path), "", "%s must be %s, not %s", keyName(path), want, tomlType(v))
}

// fail marks path as not decoded, so that validation does not report
// consequences of an error already reported.
func (d *decoder) fail(path string) {
	if d.failed == nil {
		d.failed = map[string]bool{}
	}
	d.failed[path] = true
}

func (d *decoder) date(path string, v any, rv reflect.Value) {
	t, ok := v.(time.Time)
	if !ok || t.Location().String() != "date-local" { // how the parser marks a bare date
		const hint = "write a TOML date without quotes, such as date = 2024-05-24"
		if ok {
			d.errorf(d.pos.Value(path), hint, "%s must be a date without a time", keyName(path))
			return
		}
		d.errorf(d.pos.Value(path), hint, "%s must be a date, not %s", keyName(path), tomlType(v))
		return
	}
	rv.Set(reflect.ValueOf(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)))
}

func (d *decoder) scalar(path string, v any, rv reflect.Value) {
	switch rv.Kind() {
	case reflect.String:
		if s, ok := v.(string); ok {
			rv.SetString(s)
			return
		}
		d.typeErr(path, v, "a string")
	case reflect.Bool:
		if b, ok := v.(bool); ok {
			rv.SetBool(b)
			return
		}
		d.typeErr(path, v, "true or false")
	case reflect.Int:
		if n, ok := v.(int64); ok {
			rv.SetInt(n)
			return
		}
		d.typeErr(path, v, "an integer")
	default:
		panic(fmt.Sprintf("config: no decoder for %s", rv.Type()))
	}
}

func (d *decoder) array(path string, v any, rv reflect.Value) {
	var items []any
	switch v := v.(type) {
	case []any:
		items = v
	case []map[string]any:
		for _, m := range v {
			items = append(items, m)
		}
	case map[string]any:
		if rv.Type().Elem().Kind() == reflect.Struct {
			d.fail(path)
			d.errorf(d.pos.Key(path), fmt.Sprintf("write [[%s]] with double brackets, once before each entry", keyName(path)),
				"[[%s]] is an array of tables, not a table", keyName(path))
			return
		}
		d.typeErr(path, v, "an array")
		return
	default:
		d.typeErr(path, v, "an array")
		return
	}
	s := reflect.MakeSlice(rv.Type(), len(items), len(items))
	for i, item := range items {
		d.decode(Path(path, i), item, s.Index(i))
	}
	rv.Set(s)
}

func (d *decoder) mapOf(path string, v any, rv reflect.Value) {
	m, ok := v.(map[string]any)
	if !ok {
		d.typeErr(path, v, "a table")
		return
	}
	out := reflect.MakeMapWithSize(rv.Type(), len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		elem := reflect.New(rv.Type().Elem()).Elem()
		d.decode(Path(path, k), m[k], elem)
		out.SetMapIndex(reflect.ValueOf(k), elem)
	}
	rv.Set(out)
}

func (d *decoder) table(path string, v any, rv reflect.Value) {
	m, ok := v.(map[string]any)
	if _, list := v.([]map[string]any); list {
		d.fail(path)
		d.errorf(d.pos.Key(Path(path, 0)), fmt.Sprintf("write [%s] with single brackets, once", keyName(path)),
			"[%s] is a table, not an array of tables", keyName(path))
		return
	}
	if !ok {
		d.typeErr(path, v, "a table")
		return
	}
	fields := d.fieldsOf(rv.Type())
	// The keys in the order of the schema's (sorted) keys, not of the
	// table's: sorting the keys of each of the thousands of tables of a
	// large site.toml took a tenth of a load.
	known := 0
	for _, name := range fields.keys {
		if x, ok := m[name]; ok {
			known++
			d.decode(Path(path, name), x, rv.Field(fields.byKey[name].index))
		}
	}
	var misspelt map[string]bool // required keys an unknown key was likely meant as
	if known < len(m) {
		misspelt = map[string]bool{}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if _, ok := fields.byKey[k]; !ok {
				misspelt[d.unknownKey(path, k, fields.keys)] = true
			}
		}
	}
	for _, name := range fields.keys {
		if _, ok := m[name]; ok || !fields.byKey[name].required {
			continue
		}
		d.fail(Path(path, name))
		if !misspelt[name] {
			d.errorf(d.pos.Key(path), fmt.Sprintf("add %s = … to %s", name, tableName(path)),
				"%s has no %s", tableName(path), name)
		}
	}
}

// unknownKey reports a key the schema does not have and returns the key it
// was probably meant as, or "". keys are the schema's keys, sorted.
func (d *decoder) unknownKey(path, key string, keys []string) string {
	hint := "allowed keys: " + strings.Join(keys, ", ")
	s := suggest(key, keys)
	if s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	d.errorf(d.pos.Key(Path(path, key)), hint, "unknown key %q in %s", key, tableName(path))
	return s
}

// tableFields are the TOML keys of a struct type.
type tableFields struct {
	keys  []string // sorted
	byKey map[string]field
}

type field struct {
	index    int
	required bool
}

// fieldsOf returns the TOML keys of a struct type, read once per Load.
func (d *decoder) fieldsOf(t reflect.Type) *tableFields {
	if f, ok := d.fields[t]; ok {
		return f
	}
	if d.fields == nil {
		d.fields = map[reflect.Type]*tableFields{}
	}
	d.fields[t] = fieldsOfType(t)
	return d.fields[t]
}

func fieldsOfType(t reflect.Type) *tableFields {
	fields := &tableFields{byKey: map[string]field{}}
	for i := range t.NumField() {
		name, opts, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		if name != "" && name != "-" {
			fields.byKey[name] = field{index: i, required: opts == "required"}
		}
	}
	fields.keys = slices.Sorted(maps.Keys(fields.byKey))
	return fields
}

// tableName names the table at path the way it is written in site.toml.
func tableName(path string) string {
	parts := strings.Split(path, ".")
	switch {
	case path == "":
		return "site.toml"
	case len(parts) == 2 && isIndex(parts[1]):
		return "[[" + parts[0] + "]]"
	case len(parts) <= 2:
		return "[" + path + "]"
	}
	return keyName(path)
}

// keyName names the key at path without array indices: "activity.title".
func keyName(path string) string {
	parts := strings.Split(path, ".")
	out := parts[:0]
	for _, p := range parts {
		if !isIndex(p) {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}

func isIndex(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case time.Time:
		return "a date"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}
