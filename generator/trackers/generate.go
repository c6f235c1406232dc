package trackers

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// csvColumns are the columns of open-cookie-database-facts.csv that the
// table keeps; the id column is dropped, since nothing looks a row up by
// it.
var csvColumns = []string{"platform", "category", "name", "domain", "retention", "controller", "privacy_url", "wildcard"}

// Stats counts what Generate did, for its caller to print.
type Stats struct {
	Rows             int // rows read
	Duplicates       int // rows dropped as repeats of another
	UnknownRetention int // rows kept whose retention could not be read
	StarPatterns     int // names written with a final "*", made patterns
}

// Generate reads the facts CSV of the Open Cookie Database and writes
// trackers.tsv: fields trimmed, zero-width and control characters
// dropped, categories mapped, retentions normalized (unknown where they
// cannot be read, never guessed), host names read from the domain, rows
// that repeat another dropped, the rest sorted by name, platform and then
// every other field. A category it cannot map is an error, so that a
// refresh with a new one is not silently wrong.
func Generate(r io.Reader, w io.Writer) (Stats, error) {
	entries, st, err := fromCSV(r)
	if err != nil {
		return st, err
	}
	return st, writeTable(w, entries)
}

func fromCSV(r io.Reader) ([]Entry, Stats, error) {
	var st Stats
	cr := csv.NewReader(r)
	col, err := csvHeader(cr)
	if err != nil {
		return nil, st, err
	}
	seen := map[string]bool{}
	var entries []Entry
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, st, fmt.Errorf("trackers: %w", err)
		}
		line, _ := cr.FieldPos(0)
		field := func(name string) string { return clean(rec[col[name]]) }
		e, err := entryOf(field)
		if err != nil {
			return nil, st, fmt.Errorf("trackers: csv line %d: %w", line, err)
		}
		st.Rows++
		if k := dupKey(e); seen[k] {
			st.Duplicates++
			continue
		}
		seen[dupKey(e)] = true
		st.UnknownRetention += btoi(!e.Retention.Known())
		st.StarPatterns += btoi(e.Pattern && strings.HasSuffix(field("name"), "*"))
		entries = append(entries, e)
	}
	slices.SortStableFunc(entries, func(a, b Entry) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Platform, b.Platform), strings.Compare(rowKey(a), rowKey(b)))
	})
	return entries, st, nil
}

// csvHeader reads the header and returns the index of each column; the
// columns of csvColumns must all be there, in any order.
func csvHeader(cr *csv.Reader) (map[string]int, error) {
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("trackers: csv header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(h)] = i
	}
	for _, c := range csvColumns {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("trackers: csv has no column %q", c)
		}
	}
	return col, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// entryOf builds the entry of one CSV row. A name that ends in "*" is a
// pattern whatever the wildcard column says ("SSPR_*" is the prefix
// "SSPR_"): the star is the database's own way of writing one.
func entryOf(field func(string) string) (Entry, error) {
	e := Entry{
		Name: field("name"), Platform: field("platform"), Controller: field("controller"),
		PrivacyURL: field("privacy_url"), Domain: field("domain"), SourceCategory: field("category"),
		Retention: ParseRetention(field("retention")),
	}
	e.Hosts = hostsOf(e.Domain)
	var ok bool
	if e.Category, ok = MapCategory(e.SourceCategory); !ok {
		return e, fmt.Errorf("unknown category %q", e.SourceCategory)
	}
	switch field("wildcard") {
	case "1":
		e.Pattern = true
	case "0", "":
	default:
		return e, fmt.Errorf("wildcard is %q, want 0 or 1", field("wildcard"))
	}
	if n, ok := strings.CutSuffix(e.Name, "*"); ok && n != "" && !strings.Contains(n, "*") {
		e.Name, e.Pattern = n, true
	}
	if e.Name == "" {
		return e, errors.New("empty name")
	}
	return e, nil
}

// rowKey is every field of an entry as the table writes it.
func rowKey(e Entry) string {
	return strings.Join([]string{e.Name, fmt.Sprint(e.Pattern), string(e.Category), e.SourceCategory,
		e.Retention.Normalized(), e.Retention.Text, e.Platform, e.Controller, e.PrivacyURL, e.Domain}, "\t")
}

// dupKey is rowKey without the retention's text, so that rows that differ
// only in how they spell the same retention ("29 days", "29 Days") are
// one; the first spelling is kept.
func dupKey(e Entry) string {
	e.Retention.Text = ""
	return rowKey(e)
}

// clean trims a field and drops what would break the table or hide in it:
// control characters (tabs and line breaks become spaces) and zero-width
// characters.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < ' ' || r == 0x7f || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff':
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// hostName is a host name as the domain column should hold one.
var hostName = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$`)

// hostsOf reads the host names in a domain value such as ".a.example (3rd
// party) or .b.example (3rd party)": words between "or" and commas,
// without "(3rd party)" and leading or trailing dots, lowercased. A label
// with a placeholder ("ads-[account].example.com") stands for any
// subdomain, so the host is what follows it. Words that are no host name
// ("ut", "id5-sync") are left out; Entry.Domain keeps the text.
func hostsOf(domain string) []string {
	d := strings.ToLower(strings.ReplaceAll(domain, "(3rd party)", " "))
	var hosts []string
	for _, w := range strings.FieldsFunc(d, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '/' }) {
		if i := strings.LastIndex(w, "]."); i >= 0 && strings.Contains(w[:i], "[") {
			w = w[i+2:]
		}
		w = strings.Trim(w, ".")
		if w != "or" && hostName.MatchString(w) && !slices.Contains(hosts, w) {
			hosts = append(hosts, w)
		}
	}
	return hosts
}
