package sitetest

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/config"
)

// Edit is a copy of a site with one change: a value changed (Edits), or
// an entry of a list or table removed (Removals).
type Edit struct {
	Leaf  string       // what changed: "Activities[0].Title", "Data[score]" for a key of the map, "DPO"
	Field string       // its field path (see Fields): "Activities.Title", "Data"
	Site  *config.Site // the site after the change
}

// Edits changes each field of config.Site that the site fresh returns
// sets and done does not hold, one at a time, and adds the field to done:
// of each field path it changes the first value (in list order) that
// some other value of its type can replace so that valid accepts the
// site. An id is renamed where it is defined and wherever it is referred
// to, when no other id fits in its place. fresh must return a new copy of
// the same site each time; valid says whether a site still loads (and
// builds, if that is what the caller needs). A field that is not in done
// after the fixtures of EveryField is one the tests do not change: a
// field of a new type needs values in candidates.
func Edits(fresh func() *config.Site, valid func(*config.Site) bool, done map[string]bool) []Edit {
	base := fresh()
	var ls []leaf
	leaves(reflect.ValueOf(base).Elem(), leaf{}, &ls)
	var edits []Edit
	for _, l := range ls {
		if done[l.field] {
			continue
		}
		for _, change := range candidates(base, l) {
			s := fresh()
			change(s)
			if !reflect.DeepEqual(s, base) && valid(s) {
				edits = append(edits, Edit{Leaf: l.name, Field: l.field, Site: s})
				done[l.field] = true
				break
			}
		}
	}
	return edits
}

// known are values of fields that name something outside site.toml or
// depend on another field, to try beside the generic ones. The site
// folders of the tests have a theme "mine".
var known = map[string][]string{
	"Settings.Theme":          {"mine"},
	"Settings.DisableClauses": {"automated", "sources"},
	"Company.Region":          {"BY", "BE"},
	"Company.Article":         {"der", "das"},
}

// enums are the values of the types that accept a fixed set, and some of
// the others.
var enums = map[reflect.Type][]string{
	reflect.TypeFor[config.LegalBasis]():         config.LegalBases(),
	reflect.TypeFor[config.Category]():           config.Categories(),
	reflect.TypeFor[config.Role]():               {"processor", "controller", "joint_controller"},
	reflect.TypeFor[config.Transfer]():           {"dpf", "scc", "bcr", "adequacy", "consent", "contract"},
	reflect.TypeFor[config.UKTransfer]():         config.UKTransfers(),
	reflect.TypeFor[config.Required]():           config.Requireds(),
	reflect.TypeFor[config.Kind]():               {"cookie", "local_storage", "session_storage", "pixel"},
	reflect.TypeFor[config.Party]():              {"first", "third"},
	reflect.TypeFor[config.Trigger]():            config.Triggers(),
	reflect.TypeFor[config.AutomatedException](): config.AutomatedExceptions(),
	reflect.TypeFor[config.Country]():            {"DE", "NL", "AT", "GB", "CH", "US", "IN"},
	reflect.TypeFor[config.Measure]():            config.Measures(),
	reflect.TypeFor[config.DPOForm]():            {"f", "m"},
}

// durations are the durations tried for a period or an expiry.
var durations = []string{"30d", "60d", "2y", "13m", "session", "none", "until_withdrawn"}

// candidates returns the changes to try for a leaf of base, in order.
func candidates(base *config.Site, l leaf) []func(*config.Site) {
	set := func(v any) func(*config.Site) {
		return func(s *config.Site) { at(s, l, func(x reflect.Value) { x.Set(reflect.ValueOf(v).Convert(x.Type())) }) }
	}
	if last := l.steps[len(l.steps)-1]; last.kind == 'K' {
		return []func(*config.Site){rename(last.key, last.key+"-2")}
	}
	var old reflect.Value
	at(base, l, func(x reflect.Value) { old = x })
	var out []func(*config.Site)
	switch x := old.Interface().(type) {
	case config.LocalizedText:
		out = append(out, set(edited(x)))
	case config.Duration:
		for _, d := range durations {
			if p, _ := config.ParseDuration(d); p != x {
				out = append(out, set(p))
			}
		}
	case time.Time:
		out = append(out, set(x.AddDate(0, 0, 1)), set(x.AddDate(1, 0, 0)))
	case bool:
		out = append(out, set(!x))
	case int:
		out = append(out, set(x+1))
	case config.AutomatedException:
		out = append(out, exceptionCandidates(l, x)...)
	case config.ID:
		for _, id := range ids(base) {
			out = append(out, set(id))
		}
		out = append(out, rename(string(x), string(x)+"-2"))
		for _, id := range config.BuiltinData() {
			out = append(out, rename(string(x), id))
		}
	default:
		if old.Kind() == reflect.String {
			out = append(out, stringCandidates(base, l, old, set)...)
		} // else a type without candidates: its field stays out of done
	}
	return out
}

// exceptionCandidates change the Art. 22(2) exception of an activity
// together with its legal basis, which must fit it (config.AutomatedException.Fits): alone,
// no other exception would load.
func exceptionCandidates(l leaf, old config.AutomatedException) []func(*config.Site) {
	activity := leaf{steps: l.steps[:len(l.steps)-1]}
	var out []func(*config.Site)
	for _, ex := range config.AutomatedExceptions() {
		for _, basis := range config.LegalBases() {
			if ex == string(old) || !config.AutomatedException(ex).Fits(config.LegalBasis(basis)) {
				continue
			}
			out = append(out, func(s *config.Site) {
				at(s, activity, func(a reflect.Value) {
					a.FieldByName("AutomatedException").SetString(ex)
					a.FieldByName("Basis").SetString(basis)
				})
			})
		}
	}
	return out
}

// stringCandidates are the changes to try for a string of any type: an
// edited form, the known values and those of its type, another element
// of its list in its place, and nothing.
func stringCandidates(base *config.Site, l leaf, old reflect.Value, set func(any) func(*config.Site)) []func(*config.Site) {
	var out []func(*config.Site)
	s := old.String()
	switch old.Type() {
	case reflect.TypeFor[config.Email]():
		out = append(out, set("edited."+s))
	case reflect.TypeFor[config.URL](), reflect.TypeFor[config.BaseURL]():
		out = append(out, set(strings.TrimSuffix(s, "/")+"/edited/"))
	case reflect.TypeFor[string]():
		out = append(out, set(s+" (edited)"))
	}
	for _, v := range known[l.field] {
		out = append(out, set(v))
	}
	for _, v := range enums[old.Type()] {
		out = append(out, set(v))
	}
	if last := l.steps[len(l.steps)-1]; last.kind == 'i' {
		out = append(out, swap(l))
	}
	return append(out, set(reflect.Zero(old.Type()).Interface()))
}

// edited returns a text with the text of every language changed.
func edited(t config.LocalizedText) config.LocalizedText {
	if t.ByLang == nil {
		return config.LocalizedText{Plain: t.Plain + " (edited)"}
	}
	m := maps.Clone(t.ByLang)
	for lang := range m {
		m[lang] += " (edited)"
	}
	return config.LocalizedText{ByLang: m}
}

// at calls f with the value l names in s.
func at(s *config.Site, l leaf, f func(reflect.Value)) { modify(reflect.ValueOf(s), l.steps, f) }

// swap puts the list element l with the next one (the first, for the
// last) in each other's place.
func swap(l leaf) func(*config.Site) {
	list := leaf{steps: l.steps[:len(l.steps)-1]}
	i := l.steps[len(l.steps)-1].index
	return func(s *config.Site) {
		at(s, list, func(v reflect.Value) {
			j := (i + 1) % v.Len()
			a, b := v.Index(i).Interface(), v.Index(j).Interface()
			v.Index(i).Set(reflect.ValueOf(b))
			v.Index(j).Set(reflect.ValueOf(a))
		})
	}
}

// rename gives an id another name where it is defined and wherever it
// is referred to: every config.ID that is old, and the key of [data.old].
func rename(old, new string) func(*config.Site) {
	return func(s *config.Site) {
		walkIDs(reflect.ValueOf(s).Elem(), func(v reflect.Value) {
			if v.String() == old {
				v.SetString(new)
			}
		})
		if d, ok := s.Data[old]; ok {
			delete(s.Data, old)
			s.Data[new] = d
		}
	}
}

// walkIDs calls f with every settable config.ID under v; the values of
// maps hold none.
func walkIDs(v reflect.Value, f func(reflect.Value)) {
	if v.Type() == reflect.TypeFor[config.ID]() {
		f(v)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkIDs(v.Elem(), f)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			walkIDs(v.Field(i), f)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkIDs(v.Index(i), f)
		}
	}
}

// ids returns the distinct ids in s, in order.
func ids(s *config.Site) []config.ID {
	var out []config.ID
	walkIDs(reflect.ValueOf(s).Elem(), func(v reflect.Value) {
		if id := config.ID(v.String()); !slices.Contains(out, id) {
			out = append(out, id)
		}
	})
	return out
}
