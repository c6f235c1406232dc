package legal

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Instrument is a law, decision, guideline or judgment that a policy text
// may rely on, with the earliest effective date of a version that may
// cite it (instruments.toml).
type Instrument struct {
	Key       string    // "eu_dpf", as regimes.md 3.2 suggests
	Name      string    // in English, for messages: "the EU-US Data Privacy Framework (Decision (EU) 2023/1795)"
	NotBefore time.Time // a version dated earlier cannot cite it
	Sources   []string
	patterns  map[string][]pattern // by language, "any" for every one
}

// pattern is words that show a text cites an instrument: an acronym in
// capitals and digits ("IDTA") matches as a whole word in capitals, any
// other words in any case at the start of a word ("Datenschutzrahmen" in
// "Datenschutzrahmens").
type pattern struct {
	words   string // lowercase unless acronym
	acronym bool
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
			in := Instrument{Key: key, Name: e.Name, NotBefore: d, Sources: e.Sources, patterns: map[string][]pattern{}}
			for _, lang := range sortedKeys(e.Patterns) {
				if !slices.Contains(patternLanguages, lang) || len(e.Patterns[lang]) == 0 {
					p.add(path+".patterns."+lang, "not one of %v, or empty", patternLanguages)
					continue
				}
				for _, w := range e.Patterns[lang] {
					in.patterns[lang] = append(in.patterns[lang], newPattern(w))
				}
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

func newPattern(words string) pattern {
	if acronym.MatchString(words) {
		return pattern{words: words, acronym: true}
	}
	return pattern{words: strings.ToLower(words)}
}

// Instruments returns every instrument, by their not-before date.
func (f *Facts) Instruments() []Instrument { return slices.Clone(f.instruments) }

// CitedIn returns the first words of text, written in lang, that show it
// cites the instrument, or "" when none does.
func (in Instrument) CitedIn(text, lang string) string {
	return in.cited(text, strings.ToLower(text), lang)
}

// Citation is an instrument a text cites, with the words that show it.
type Citation struct {
	Instrument
	Words string
}

// CitedAfter returns the instruments that text, written in lang, cites and
// that date from after date, in the order of their dates: what a version
// of that date cannot rely on. The text is read once per instrument with
// plain string search, as a long history has hundreds of long texts.
func (f *Facts) CitedAfter(text, lang string, date time.Time) []Citation {
	var out []Citation
	lower := ""
	for _, in := range f.instruments {
		if !in.NotBefore.After(date) {
			continue
		}
		if lower == "" {
			lower = strings.ToLower(text)
		}
		if w := in.cited(text, lower, lang); w != "" {
			out = append(out, Citation{in, w})
		}
	}
	return out
}

// cited is CitedIn with the text in lowercase too: the words of the
// patterns for every language that stand first in the text, or else of
// those for lang.
func (in Instrument) cited(text, lower, lang string) string {
	for _, l := range []string{"any", lang} {
		first, words := -1, ""
		for _, p := range in.patterns[l] {
			hay := lower
			if p.acronym {
				hay = text
			}
			if i := p.index(hay); i >= 0 && (first < 0 || i < first) {
				first, words = i, text[i:min(len(text), i+len(p.words))]
				if len(lower) != len(text) { // lowercasing changed lengths: offsets differ
					words = p.words
				}
			}
		}
		if first >= 0 {
			return words
		}
	}
	return ""
}

// index returns where in hay the pattern starts a word (and, for an
// acronym, ends one), or -1.
func (p pattern) index(hay string) int {
	for off := 0; off < len(hay); {
		i := strings.Index(hay[off:], p.words)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(p.words)
		if !wordBefore(hay, i) && (!p.acronym || !wordAfter(hay, end)) {
			return i
		}
		off = i + 1
	}
	return -1
}

func wordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && isWordRune(r)
}

func wordAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && isWordRune(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
