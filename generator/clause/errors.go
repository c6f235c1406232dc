package clause

import (
	"errors"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/guard"
	"github.com/policygen/policygen/generator/model"
)

var (
	templateErrPattern = regexp.MustCompile(`^template: [^:]*:(\d+)(?::(\d+))?: (.*)$`)
	executing          = regexp.MustCompile(`^executing "[^"]*" at <.*?>: (?:error calling [^:]*: )?(.*)$`)
	noField            = regexp.MustCompile(`^can't evaluate field (\w+) in type (\S+)$`)
)

// templateError converts a text/template error into one with the file's
// position: the line, and for an error while executing the column too.
func templateError(where string, err error) error {
	var limit *guard.Error
	if guard.As(err, &limit) {
		return limit.Diag(func(string) string { return where })
	}
	msg := err.Error()
	m := templateErrPattern.FindStringSubmatch(msg)
	if m == nil {
		return diag.Errorf(diag.Pos{File: where}, "%s", strings.TrimPrefix(msg, "template: "))
	}
	line, _ := strconv.Atoi(m[1])
	pos := diag.Pos{File: where, Line: line}
	if m[2] != "" {
		col, _ := strconv.Atoi(m[2])
		pos.Col = col + 1 // text/template counts columns from 0
	}
	e := &diag.Error{Pos: pos, Msg: m[3], Err: err}
	if x := executing.FindStringSubmatch(e.Msg); x != nil {
		e.Msg = x[1]
	}
	var h *helperError
	if errors.As(err, &h) {
		e.Msg, e.Hint = h.msg, h.hint
	}
	if f := noField.FindStringSubmatch(e.Msg); f != nil {
		e.Hint = fieldHint(f[1], f[2])
	}
	return e
}

// fieldHint suggests the field or method of a model type nearest to a
// name that it does not have, or lists them all.
func fieldHint(name, typeName string) string {
	names := modelNames()[strings.TrimPrefix(typeName, "*")]
	if len(names) == 0 {
		return ""
	}
	if s := config.Suggest(name, names); s != "" {
		return "did you mean ." + s + "?"
	}
	return typeName + " has " + strings.Join(names, ", ")
}

// modelNames lists the fields and methods of every struct type of the
// site model, by type name ("model.Company").
func modelNames() map[string][]string {
	out := map[string][]string{}
	seen := map[reflect.Type]bool{}
	var visit func(t reflect.Type)
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t.PkgPath() != reflect.TypeFor[model.Site]().PkgPath() || seen[t] {
			return
		}
		seen[t] = true
		var names []string
		for f := range t.Fields() {
			if f.IsExported() {
				names = append(names, f.Name)
				visit(f.Type)
			}
		}
		for m := range reflect.PointerTo(t).Methods() {
			names = append(names, m.Name)
			for r := range m.Type.Outs() {
				visit(r)
			}
		}
		out[t.String()] = slices.Compact(slices.Sorted(slices.Values(names)))
	}
	visit(reflect.TypeFor[model.Site]())
	return out
}
