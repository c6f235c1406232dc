package diff

import (
	"fmt"
	"slices"
	"strconv"

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
	case Age:
		return strconv.Itoa(int(v)), nil
	case Expiry:
		if v.Special != "" {
			return l.T("summary.expiry."+v.Special, nil, nil)
		}
		return l.Duration(config.Duration(v))
	case Location:
		return v.localize(l)
	case Role:
		return l.T("summary.role."+string(v), nil, nil)
	case Tracker:
		return l.T("summary.tracker."+string(v.Kind), nil, map[string]any{"Name": v.Name})
	case TrackerOf:
		return l.T("summary.tracker_of."+string(v.Kind), nil, map[string]any{"Name": v.Name})
	case config.Category:
		return l.T("summary.category."+string(v), nil, nil)
	case config.LegalBasis:
		return basis(l, v)
	case config.Duration:
		return l.Duration(v)
	case Period:
		return l.Retention(v.Period, v.After)
	case Categories:
		return list(l, v, func(c Category) (string, error) { return c.label(l) })
	case Titles:
		return list(l, v, func(t config.LocalizedText) (string, error) {
			return l.T("summary.quoted", nil, map[string]any{"Text": t.In(l.Code)})
		})
	case Fields:
		return list(l, v, func(f string) (string, error) { return l.T("summary.field."+f, nil, nil) })
	}
	return "", fmt.Errorf("cannot localize a value of type %T", v)
}

// localize says where the data go: "in Germany", "in the United States
// under standard contractual clauses". A country whose name wants an
// article has a message of its own (summary.in.US: "in the United
// States"); the others take summary.in.default.
func (loc Location) localize(l *locale.Lang) (string, error) {
	in, err := l.T("summary.in."+string(loc.Country), nil, nil)
	if err != nil {
		if in, err = l.T("summary.in.default", nil, map[string]any{"Country": l.Country(string(loc.Country))}); err != nil {
			return "", err
		}
	}
	if loc.Transfer == "" {
		return in, nil
	}
	under, err := l.T("summary.under."+string(loc.Transfer), nil, nil)
	if err != nil {
		return "", err
	}
	return in + " " + under, nil
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
