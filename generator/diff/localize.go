package diff

import (
	"fmt"
	"slices"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/locale"
)

// Localize returns the fact as a sentence in l's language, from the message
// f.ID. Names from site.toml are inserted as written, unescaped: the page
// template escapes the sentence.
func (f Fact) Localize(l *locale.Lang) (string, error) {
	keys := make([]string, 0, len(f.Values))
	for k := range f.Values {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the same error first each time
	data := make(map[string]any, len(f.Values))
	for _, k := range keys {
		s, err := localizeValue(l, f.Values[k])
		if err != nil {
			return "", fmt.Errorf("%s: %s: %w", f.ID, k, err)
		}
		data[k] = s
	}
	return l.T(f.ID, nil, data)
}

// localizeValue puts a value of the model into the language by its type.
func localizeValue(l *locale.Lang, v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case config.LocalizedText:
		return v.In(l.Code), nil
	case config.Country:
		return l.Country(string(v)), nil
	case config.Transfer:
		return l.T("summary.transfer."+string(v), nil, nil)
	case config.Kind:
		return l.T("tracker_kind."+string(v), nil, nil)
	case config.Category:
		return l.T("tracker_category."+string(v), nil, nil)
	case config.LegalBasis:
		return basis(l, v)
	case config.Duration:
		return l.Duration(v)
	case Period:
		return l.Retention(v.Period, v.After)
	case Categories:
		return list(l, v, func(c Category) (string, error) { return c.label(l) })
	case Fields:
		return list(l, v, func(f string) (string, error) { return l.T("summary.field."+f, nil, nil) })
	}
	return "", fmt.Errorf("cannot localize a value of type %T", v)
}

// basis names a legal basis with its citation: "consent (Art. 6(1)(a)
// GDPR)".
func basis(l *locale.Lang, b config.LegalBasis) (string, error) {
	name, err := l.T("basis."+string(b), nil, nil)
	if err != nil {
		return "", err
	}
	cite, err := l.Cite(b, "")
	if err != nil {
		return "", err
	}
	return l.T("summary.basis", nil, map[string]any{"Basis": name, "Citation": cite})
}

// label is the site's own label of a category, or the built-in one.
func (c Category) label(l *locale.Lang) (string, error) {
	if s := c.Label.In(l.Code); s != "" {
		return s, nil
	}
	return l.T("data."+string(c.ID), nil, nil)
}

func list[T any](l *locale.Lang, items []T, name func(T) (string, error)) (string, error) {
	names := make([]string, len(items))
	for i, it := range items {
		s, err := name(it)
		if err != nil {
			return "", err
		}
		names[i] = s
	}
	return l.List(names), nil
}
