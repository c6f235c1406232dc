package legal

import (
	"regexp"
	"slices"
	"strings"
	"time"
)

// Instrument is a law, decision, guideline or judgment that a policy text
// may rely on, with the earliest effective date of a version that may
// cite it (instruments.toml).
type Instrument struct {
	Key       string    // "eu_dpf", as regimes.md 3.2 suggests
	Name      string    // in English, for messages: "the EU-US Data Privacy Framework (Decision (EU) 2023/1795)"
	NotBefore time.Time // a version dated earlier cannot cite it
	Sources   []string
	patterns  map[string]*regexp.Regexp // by language, "any" for every one
}

type instrumentEntry struct {
	Name      string              `toml:"name"`
	NotBefore string              `toml:"not_before"`
	Patterns  map[string][]string `toml:"patterns"`
	sourced
}

// patternLanguages are the keys of an entry's patterns.
var patternLanguages = []string{"any", "en", "de", "nl"}

func loadInstruments(data []byte) ([]Instrument, error) {
	var f struct {
		Instrument map[string]instrumentEntry `toml:"instrument"`
	}
	var out []Instrument
	err := decodeChecked("instruments.toml", data, &f, func(p *problemList) {
		for _, key := range sortedKeys(f.Instrument) {
			e, path := f.Instrument[key], "instrument."+key
			d, err := time.Parse(time.DateOnly, e.NotBefore)
			if err != nil {
				p.add(path+".not_before", "%q is not a date such as \"2023-07-10\"", e.NotBefore)
			}
			if e.Name == "" || len(e.Patterns) == 0 {
				p.add(path, "needs a name and patterns")
			}
			in := Instrument{Key: key, Name: e.Name, NotBefore: d, Sources: e.Sources, patterns: map[string]*regexp.Regexp{}}
			for _, lang := range sortedKeys(e.Patterns) {
				if !slices.Contains(patternLanguages, lang) || len(e.Patterns[lang]) == 0 {
					p.add(path+".patterns."+lang, "not one of %v, or empty", patternLanguages)
					continue
				}
				in.patterns[lang] = patternRegexp(e.Patterns[lang])
			}
			e.check(p, path)
			out = append(out, in)
		}
	})
	slices.SortStableFunc(out, func(a, b Instrument) int { return a.NotBefore.Compare(b.NotBefore) })
	return out, err
}

// acronym matches a pattern that only matches in capitals, as a whole word.
var acronym = regexp.MustCompile(`^[A-Z0-9]+$`)

// patternRegexp compiles patterns into one expression: each at the start
// of a word; an acronym in capitals and as a whole word, any other in any
// case, so that "IDTA" does not match "idtab" and "Data Privacy
// Framework" matches "data privacy framework".
func patternRegexp(patterns []string) *regexp.Regexp {
	alts := make([]string, len(patterns))
	for i, s := range patterns {
		q := regexp.QuoteMeta(s)
		if acronym.MatchString(s) {
			alts[i] = `\b` + q + `\b`
		} else {
			alts[i] = `(?i:\b` + q + `)`
		}
	}
	return regexp.MustCompile(strings.Join(alts, "|"))
}

// Instruments returns every instrument, by their not-before date.
func (f *Facts) Instruments() []Instrument { return slices.Clone(f.instruments) }

// CitedIn returns the first words of text, written in lang, that show it
// cites the instrument, or "" when none does.
func (in Instrument) CitedIn(text, lang string) string {
	for _, l := range []string{"any", lang} {
		if re := in.patterns[l]; re != nil {
			if m := re.FindString(text); m != "" {
				return m
			}
		}
	}
	return ""
}
