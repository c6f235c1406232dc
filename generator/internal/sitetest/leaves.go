package sitetest

import (
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/policygen/policygen/generator/config"
)

// isLeaf reports whether values of t are changed whole: the value types
// of site.toml that validate themselves, and every scalar.
func isLeaf(t reflect.Type) bool {
	switch t {
	case reflect.TypeFor[config.LocalizedText](), reflect.TypeFor[config.Duration](), reflect.TypeFor[time.Time]():
		return true
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Pointer, reflect.Slice, reflect.Map:
		return false
	}
	return true
}

// step is one step from a site to one of its values.
type step struct {
	kind  byte // 'f' a struct field, 'i' a list element, 'k' a map value, 'K' a map key
	field int
	index int
	key   string
}

// leaf is one value of a site: how to reach it, its name with indexes
// ("Activities[0].Title", "Data[score]") and the field path of
// config.Site it is a value of ("Activities.Title", "Data" for a key).
type leaf struct {
	steps       []step
	name, field string
}

// then is the leaf one step further, whose name ends in suffix.
func (l leaf) then(s step, suffix, field string) leaf {
	return leaf{steps: append(slices.Clip(l.steps), s), name: l.name + suffix, field: field}
}

// leaves appends the values under v that are not zero, in field and list
// order.
func leaves(v reflect.Value, at leaf, out *[]leaf) {
	if isLeaf(v.Type()) {
		if !v.IsZero() {
			*out = append(*out, at)
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			leaves(v.Elem(), at, out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			leaves(v.Field(i), at.then(step{kind: 'f', field: i}, fieldSuffix(at, name), dot(at.field, name)), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			leaves(v.Index(i), at.then(step{kind: 'i', index: i}, fmt.Sprintf("[%d]", i), at.field), out)
		}
	case reflect.Map:
		for _, k := range sortedKeys(v) {
			*out = append(*out, at.then(step{kind: 'K', key: k}, "["+k+"]", at.field))
			leaves(v.MapIndex(reflect.ValueOf(k)), at.then(step{kind: 'k', key: k}, "["+k+"]", at.field), out)
		}
	}
}

// fieldSuffix is what the name of a field adds to the name of the leaf
// it is a field of.
func fieldSuffix(at leaf, name string) string {
	if at.name == "" {
		return name
	}
	return "." + name
}

func dot(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func sortedKeys(m reflect.Value) []string {
	var keys []string
	for _, k := range m.MapKeys() {
		keys = append(keys, k.String())
	}
	slices.Sort(keys)
	return keys
}

// modify calls f with the value the steps lead to from v, which must be
// settable, and stores what f did to a map value back in its map. The
// last step of a map key leads to the map.
func modify(v reflect.Value, steps []step, f func(reflect.Value)) {
	for v.Kind() == reflect.Pointer && len(steps) > 0 {
		v = v.Elem()
	}
	if len(steps) == 0 || steps[0].kind == 'K' {
		f(v)
		return
	}
	switch s := steps[0]; s.kind {
	case 'f':
		modify(v.Field(s.field), steps[1:], f)
	case 'i':
		modify(v.Index(s.index), steps[1:], f)
	case 'k':
		key := reflect.ValueOf(s.key)
		mv := reflect.New(v.Type().Elem()).Elem()
		mv.Set(v.MapIndex(key))
		modify(mv, steps[1:], f)
		v.SetMapIndex(key, mv)
	}
}

// Fields returns the field path of every value config.Site can hold, as
// leaves names them: "Company.Phone", "Activities.Title", "Data" (a key
// of the map) and "Data.Label".
func Fields() []string {
	var out []string
	fields(reflect.TypeFor[config.Site](), "", &out)
	return out
}

func fields(t reflect.Type, path string, out *[]string) {
	if isLeaf(t) {
		*out = append(*out, path)
		return
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		fields(t.Elem(), path, out)
	case reflect.Map:
		*out = append(*out, path)
		fields(t.Elem(), path, out)
	case reflect.Struct:
		for i := range t.NumField() {
			fields(t.Field(i).Type, dot(path, t.Field(i).Name), out)
		}
	}
}

// Unset returns the fields (see Fields) that none of the sites gives a
// value that is not zero.
func Unset(sites ...*config.Site) []string {
	set := map[string]bool{}
	for _, s := range sites {
		var ls []leaf
		leaves(reflect.ValueOf(s).Elem(), leaf{}, &ls)
		for _, l := range ls {
			set[l.field] = true
		}
	}
	var out []string
	for _, f := range Fields() {
		if !set[f] {
			out = append(out, f)
		}
	}
	return out
}

// Changed returns the field paths (see Fields) whose values differ
// between a and b; a list or map of another length, or a pointer set in
// one only, counts as a change of its own field path.
func Changed(a, b *config.Site) []string {
	set := map[string]bool{}
	changed(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem(), "", set)
	var out []string
	for f := range set {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

func changed(a, b reflect.Value, path string, set map[string]bool) {
	if reflect.DeepEqual(a.Interface(), b.Interface()) {
		return
	}
	if isLeaf(a.Type()) {
		set[path] = true
		return
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			set[path] = true
			return
		}
		changed(a.Elem(), b.Elem(), path, set)
	case reflect.Struct:
		for i := range a.NumField() {
			changed(a.Field(i), b.Field(i), dot(path, a.Type().Field(i).Name), set)
		}
	case reflect.Slice:
		if a.Len() != b.Len() {
			set[path] = true
			return
		}
		for i := range a.Len() {
			changed(a.Index(i), b.Index(i), path, set)
		}
	case reflect.Map:
		if !slices.Equal(sortedKeys(a), sortedKeys(b)) {
			set[path] = true
			return
		}
		for _, k := range sortedKeys(a) {
			changed(a.MapIndex(reflect.ValueOf(k)), b.MapIndex(reflect.ValueOf(k)), path, set)
		}
	}
}
