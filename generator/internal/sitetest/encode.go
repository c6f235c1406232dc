package sitetest

import (
	"bytes"
	"reflect"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/policygen/policygen/generator/config"
)

// Encode writes s as site.toml: each field under the key of its toml tag,
// zero values left out, dates as TOML dates, durations and localized
// texts as they are written by hand.
func Encode(s *config.Site) ([]byte, error) {
	var b bytes.Buffer
	enc := toml.NewEncoder(&b)
	enc.Indent = "" // as site.toml is written by hand
	err := enc.Encode(tomlValue(reflect.ValueOf(s).Elem()))
	return b.Bytes(), err
}

// localDate is the location the TOML parser gives a date without a time;
// the encoder writes a time in it as such a date.
var localDate = func() *time.Location {
	var v map[string]any
	toml.Decode("d = 2000-01-01", &v)
	if d, ok := v["d"].(time.Time); ok {
		return d.Location()
	}
	return time.UTC // not expected: Load then says the date has a time
}()

// tomlValue returns v as the TOML encoder writes it: a struct as a map by
// its toml tags, leaving out zero fields.
func tomlValue(v reflect.Value) any {
	switch x := v.Interface().(type) {
	case config.LocalizedText:
		if x.ByLang == nil {
			return x.Plain
		}
		return x.ByLang
	case config.Duration:
		return x.String()
	case time.Time:
		return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, localDate)
	}
	switch v.Kind() {
	case reflect.Pointer:
		return tomlValue(v.Elem())
	case reflect.Struct:
		m := map[string]any{}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if key != "" && !v.Field(i).IsZero() {
				m[key] = tomlValue(v.Field(i))
			}
		}
		return m
	case reflect.Slice:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = tomlValue(v.Index(i))
		}
		return out
	case reflect.Map:
		m := map[string]any{}
		for _, k := range v.MapKeys() {
			m[k.String()] = tomlValue(v.MapIndex(k))
		}
		return m
	case reflect.String:
		return v.String()
	}
	return v.Interface()
}
