package locale

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/language"

	"github.com/policygen/policygen/generator/config"
)

var durationUnits = map[string]string{"h": "hour", "d": "day", "w": "week", "m": "month", "y": "year"}

// Date formats a date as people write it: "24 May 2018", "24. Mai 2018",
// "24 mei 2018".
func (l *Lang) Date(t time.Time) string {
	s, _ := l.memoized("\x00D"+t.Format(time.DateOnly), func() (string, error) { return l.date(t), nil })
	return s
}

func (l *Lang) date(t time.Time) string {
	month := l.TOrID("month."+strconv.Itoa(int(t.Month())), nil)
	return l.TOrID("format.date", map[string]any{"Day": t.Day(), "Month": month, "Year": t.Year()})
}

// Duration formats a duration with the plural the number needs: "1 year",
// "7 Jahre", "session".
func (l *Lang) Duration(d config.Duration) (string, error) {
	if d.Special != "" {
		return l.T("duration."+d.Special, nil, nil)
	}
	return l.T("duration."+durationUnits[d.Unit], d.N, nil)
}

// Retention formats a retention period with the event it runs from: "7 years
// after the end of the fiscal year". A period that lasts until consent is
// withdrawn needs no event.
func (l *Lang) Retention(period config.Duration, after config.Trigger) (string, error) {
	key := "\x00R" + period.Special + "\x00" + period.Unit + "\x00" + strconv.Itoa(period.N) + "\x00" + string(after)
	return l.memoized(key, func() (string, error) { return l.retention(period, after) })
}

func (l *Lang) retention(period config.Duration, after config.Trigger) (string, error) {
	p, err := l.Duration(period)
	if err != nil || period.Special == "until_withdrawn" {
		return p, err
	}
	trigger, err := l.T("trigger."+string(after), nil, nil)
	if err != nil {
		return "", err
	}
	return l.T("retention.phrase", nil, map[string]any{"Period": p, "Trigger": trigger})
}

// List joins items as a sentence does: "A, B and C". When an item holds
// the conjunction itself ("invoices and billing records"), "A, B and C
// and D" would not say where one item ends, so the items are joined as
// the messages format.list_nested and format.list_nested_separator say:
// "A, B and C, and D" (the serial comma), "A, B und C sowie D"; Dutch
// writes "A, B en C en D" as it would anyway.
func (l *Lang) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	and := l.TOrID("format.list_and", nil)
	init, last := items[:len(items)-1], items[len(items)-1]
	if !slices.ContainsFunc(items, func(item string) bool { return hasWord(item, and) }) {
		return strings.Join(init, ", ") + " " + and + " " + last
	}
	sep := l.TOrID("format.list_nested_separator", nil) + " "
	return l.TOrID("format.list_nested", map[string]any{"Init": strings.Join(init, sep), "Last": last})
}

// hasWord reports whether word occurs in s as a word of its own, in any
// case: "and" in "invoices and billing records", not in "standard".
func hasWord(s, word string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}

// Country returns the name of a country in the language, from CLDR.
func (l *Lang) Country(code string) string {
	s, _ := l.memoized("\x00C"+code, func() (string, error) { return l.country(code), nil })
	return s
}

func (l *Lang) country(code string) string {
	r, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	if name := l.regions.Name(r); name != "" {
		return name
	}
	return code
}

// Cite cites the legal basis as lawyers of the language do: "Art. 6(1)(b)
// GDPR", "Art. 6 Abs. 1 lit. b DSGVO", "artikel 6, lid 1, onder b, AVG".
// law is the short name of the regulation, such as "UK GDPR"; empty, it is
// the EU GDPR's in the language (message law.gdpr).
func (l *Lang) Cite(basis config.LegalBasis, law string) (string, error) {
	if law == "" {
		var err error
		if law, err = l.T("law.gdpr", nil, nil); err != nil {
			return "", err
		}
	}
	return l.T("format.citation", nil, map[string]any{"Point": basis.Point(), "Law": law})
}
