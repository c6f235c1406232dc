package sitetest

import (
	"reflect"
	"strconv"

	"github.com/policygen/policygen/generator/config"
)

// Removals returns a copy of the site fresh returns for each list, table
// and optional table of it that can lose an entry so that valid still
// accepts the site: the last element of each list (of activities, of an
// activity's recipients, of address lines), each optional table
// ([dpo], [representative], [authority]) and each [data.ID]; one edit
// for each field path, the first that valid accepts. Edits changes
// values; these are the saves that delete a line or a table.
func Removals(fresh func() *config.Site, valid func(*config.Site) bool) []Edit {
	base := fresh()
	var out []Edit
	done := map[string]bool{}
	for _, l := range containers(reflect.ValueOf(base).Elem(), leaf{}) {
		if done[l.field] {
			continue
		}
		s := fresh()
		at(s, l, remove)
		if !reflect.DeepEqual(s, base) && valid(s) {
			out = append(out, Edit{Leaf: l.name, Field: l.field, Site: s})
			done[l.field] = true
		}
	}
	return out
}

// remove drops the last element of a list, the first key of a map, or
// the table a pointer points to.
func remove(v reflect.Value) {
	switch v.Kind() {
	case reflect.Slice:
		v.Set(v.Slice(0, v.Len()-1))
	case reflect.Map:
		v.SetMapIndex(reflect.ValueOf(sortedKeys(v)[0]), reflect.Value{})
	case reflect.Pointer:
		v.Set(reflect.Zero(v.Type()))
	}
}

// containers returns the lists, maps and pointers under v that are not
// empty, outermost first.
func containers(v reflect.Value, at leaf) []leaf {
	var out []leaf
	switch {
	case isLeaf(v.Type()):
		return nil
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return append([]leaf{at}, containers(v.Elem(), at)...)
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			out = append(out, containers(v.Field(i), at.then(step{kind: 'f', field: i}, fieldSuffix(at, name), dot(at.field, name)))...)
		}
		return out
	case v.Len() == 0:
		return nil
	case v.Kind() == reflect.Slice:
		out = append(out, at)
		for i := range v.Len() {
			out = append(out, containers(v.Index(i), at.then(step{kind: 'i', index: i}, "["+strconv.Itoa(i)+"]", at.field))...)
		}
	case v.Kind() == reflect.Map:
		out = append(out, at)
		for _, k := range sortedKeys(v) {
			out = append(out, containers(v.MapIndex(reflect.ValueOf(k)), at.then(step{kind: 'k', key: k}, "["+k+"]", at.field))...)
		}
	}
	return out
}
