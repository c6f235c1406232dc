package diff

import (
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/internal/sitetest"
)

// TestEveryEditOfASiteIsSaidInEveryLanguage changes every field of the
// fixtures in turn and removes an entry of each list and table that can
// lose one (sitetest walks config.Site by reflection, so a new field is
// changed too), both ways: every fact names a document and localizes in
// each language of the site to a sentence with every value filled in and
// no brackets inside or right after brackets, and a change of the data always gives some fact, so
// that no summary says "only the wording" when the data changed.
func TestEveryEditOfASiteIsSaidInEveryLanguage(t *testing.T) {
	c := catalog(t)
	lf := testFacts(t)
	done := map[string]bool{}
	for _, fixture := range sitetest.EveryField() {
		fresh := func() *config.Site {
			l, err := sitetest.LoadFixture(fixture)
			if err != nil {
				t.Fatal(err)
			}
			return l.Site
		}
		valid := func(s *config.Site) bool { _, err := sitetest.Load(s); return err == nil }
		base := fresh()
		for _, e := range append(sitetest.Edits(fresh, valid, done), sitetest.Removals(fresh, valid)...) {
			for _, pair := range [][2]*config.Site{{base, e.Site}, {e.Site, base}} {
				facts := Summarize(lf, pair[0], pair[1])
				changed := sitetest.Changed(base, e.Site)
				if len(facts) == 0 && changesData(changed) {
					t.Errorf("%s: the edit of %s gives no fact", fixture, e.Leaf)
				}
				if onlyOtherChanges(facts) && changesElement(changed) {
					t.Errorf("%s: the edit of %s is said as other changes, not of the element it belongs to", fixture, e.Leaf)
				}
				for _, f := range facts {
					if f.Docs == 0 {
						t.Errorf("%s: the edit of %s: %s names no document", fixture, e.Leaf, f.ID)
					}
					for _, lang := range pair[1].Settings.Languages {
						s, err := f.Localize(c.Lang(lang))
						if err != nil || strings.Contains(s, "<no value>") || nestedBrackets(s) || strings.Contains(s, ") (") || capitalizedVocabulary(s, lang) {
							t.Errorf("%s: the edit of %s: %s in %s: %q, %v", fixture, e.Leaf, f.ID, lang, s, err)
						}
					}
				}
			}
		}
	}
}

// changesData reports whether a change of the configuration paths
// changes what a document shows: anything but the changelog and the site
// settings other than the two a text shows.
func changesData(paths []string) bool {
	for _, p := range paths {
		switch {
		case strings.HasPrefix(p, "Changes"), strings.HasPrefix(p, "Check"), strings.Contains(p, ".Ignore"): // the changelog, policygen check's settings
		case strings.HasPrefix(p, "Settings.") && !strings.HasPrefix(p, "Settings.ChangeNotice") && !strings.HasPrefix(p, "Settings.ConsentSettingsURL"):
		default:
			return true
		}
	}
	return false
}

// onlyOtherChanges reports whether the facts say nothing but that
// something else changed.
func onlyOtherChanges(facts []Fact) bool {
	for _, f := range facts {
		if f.ID != "summary.other_changes" {
			return false
		}
	}
	return len(facts) > 0
}

// changesElement reports whether a path is in a purpose, a recipient, a
// retention rule or a tracker, whose facts name the element.
func changesElement(paths []string) bool {
	for _, p := range paths {
		for _, list := range []string{"Activities.", "Processors.", "Retention.", "Trackers."} {
			if strings.HasPrefix(p, list) {
				return true
			}
		}
	}
	return false
}

// capitalizedVocabulary reports whether an English or Dutch sentence has
// the capitalized form of a tracker's kind or category, as the cookie
// table writes them, after its start.
func capitalizedVocabulary(s, lang string) bool {
	words := map[string][]string{
		"en": {"Cookie", "Local storage", "Session storage", "Pixel", "Strictly necessary", "Preferences", "Statistics", "Marketing"},
		"nl": {"Cookie", "Lokale opslag", "Sessieopslag", "Pixel", "Noodzakelijk", "Voorkeuren", "Statistieken", "Marketing"},
	}
	for _, w := range words[lang] {
		if i := strings.Index(s, w); i > 0 {
			return true
		}
	}
	return false
}

// nestedBrackets reports whether s has a bracket inside brackets. The
// brackets of a citation's paragraphs and points, "Art. 6(1)(b)", which
// follow a word without a space, are part of the citation and not counted.
func nestedBrackets(s string) bool {
	depth := 0
	var opened []bool // whether each open bracket counts
	prev := ' '
	for _, r := range s {
		switch r {
		case '(':
			counts := prev == ' '
			opened = append(opened, counts)
			if counts {
				if depth++; depth > 1 {
					return true
				}
			}
		case ')':
			if n := len(opened); n > 0 {
				if opened[n-1] {
					depth--
				}
				opened = opened[:n-1]
			}
		}
		prev = r
	}
	return false
}

func TestNestedBracketsCountsBracketsNotCitations(t *testing.T) {
	for s, want := range map[string]bool{
		"No longer listed: Cookie “x” (Intuit Inc. (Mailchimp); category: Marketing)": true,
		"Legal basis changed from consent (Art. 6(1)(a) GDPR) to contract":            false,
		"Recipient removed: Intuit Inc. (Mailchimp), in the United States":            false,
	} {
		if got := nestedBrackets(s); got != want {
			t.Errorf("nestedBrackets(%q) = %v", s, got)
		}
	}
}
