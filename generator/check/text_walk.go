package check

import (
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/policygen/policygen/generator/config"
)

// A value is one string of site.toml: its key path (as config.Path
// writes it, with the language last for a text in the table form), the
// language of a localized text ("" for a plain string) and the string.
type value struct {
	path, lang, text string
	localized        bool // a LocalizedText, which is policy prose
}

var localizedType = reflect.TypeFor[config.LocalizedText]()

// skippedKeys are keys whose strings are no policy text: check settings
// and ignores, and the release signing key, whose base64 may spell anything.
var skippedKeys = map[string]bool{"check": true, "ignore": true, "signing_key": true}

// siteValues calls f on every string value of the site, walking the
// schema by its toml tags so that each value has the path of its key.
func siteValues(s *config.Site, f func(value)) {
	walkValue("", reflect.ValueOf(s).Elem(), f)
}

func walkValue(path string, rv reflect.Value, f func(value)) {
	if rv.Type() == localizedType {
		t := rv.Interface().(config.LocalizedText)
		if t.Plain != "" {
			f(value{path: path, text: t.Plain, localized: true})
		}
		for _, lang := range slices.Sorted(maps.Keys(t.ByLang)) {
			f(value{path: config.Path(path, lang), lang: lang, text: t.ByLang[lang], localized: true})
		}
		return
	}
	switch rv.Kind() {
	case reflect.Pointer:
		if !rv.IsNil() {
			walkValue(path, rv.Elem(), f)
		}
	case reflect.Struct:
		for i := range rv.NumField() {
			name, _, _ := strings.Cut(rv.Type().Field(i).Tag.Get("toml"), ",")
			if name != "" && name != "-" && !skippedKeys[name] {
				walkValue(config.Path(path, name), rv.Field(i), f)
			}
		}
	case reflect.Slice:
		for i := range rv.Len() {
			walkValue(config.Path(path, i), rv.Index(i), f)
		}
	case reflect.Map:
		keys := rv.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			walkValue(config.Path(path, k.String()), rv.MapIndex(k), f)
		}
	case reflect.String:
		if s := rv.String(); s != "" {
			f(value{path: path, text: s})
		}
	}
}
