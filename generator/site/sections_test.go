package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/publish"
)

// variant copies the site of sitesDir called name into a new folder,
// replaces in its site.toml each edit's first string (which must occur) by
// its second, and builds it as a draft as of the example's date.
func variant(t *testing.T, name string, edits ...[2]string) publish.Output {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sitesDir, name, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, e := range edits {
		if !strings.Contains(text, e[0]) {
			t.Fatalf("%s/site.toml has no %q", name, e[0])
		}
		text = strings.Replace(text, e[0], e[1], 1)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := loadDir(t, dir, exampleDate)
	if err != nil {
		t.Fatalf("%s with the edits does not load:\n%v", name, err)
	}
	out, err := s.Render(true)
	if err != nil {
		t.Fatalf("%s with the edits does not build:\n%v", name, err)
	}
	return out
}

// sectionSays is a case of assertSections: the section of the page holds
// each sentence of has and none of hasNot.
type sectionSays struct {
	page, section string
	has, hasNot   []string
}

func assertSections(t *testing.T, out publish.Output, cases []sectionSays) {
	t.Helper()
	for _, c := range cases {
		text, ok := sectionText(out, c.page, c.section)
		if !ok {
			t.Errorf("%s has no section %q", c.page, c.section)
			continue
		}
		for _, s := range c.has {
			if !strings.Contains(text, s) {
				t.Errorf("%s, section %s, does not say %q; it reads:\n%s", c.page, c.section, s, text)
			}
		}
		for _, s := range c.hasNot {
			if strings.Contains(text, s) {
				t.Errorf("%s, section %s, says %q; it reads:\n%s", c.page, c.section, s, text)
			}
		}
	}
}

// TestRightsNameTheFeeExceptionAndTheNotificationOfRecipients checks the
// rights section for Art. 12(5) beside "free of charge" and for Art. 19,
// and that a UK company's still says when the month starts (Art. 12A).
func TestRightsNameTheFeeExceptionAndTheNotificationOfRecipients(t *testing.T) {
	assertSections(t, buildSite(t, "se"), []sectionSays{
		{"en/privacy/index.html", "rights", []string{
			"Exercising your rights is free of charge. Where a request is manifestly unfounded or excessive, in particular because it is repeated, we may charge a reasonable fee or refuse to act on it (Art. 12(5) GDPR).",
			"If we rectify or erase your personal data or restrict its processing, we tell each recipient to whom we have disclosed the data, unless this proves impossible or involves disproportionate effort; on request, we tell you who these recipients are (Art. 19 GDPR).",
		}, []string{"Art. 12A"}},
		{"de/datenschutz/index.html", "rights", []string{
			"Die Ausübung Ihrer Rechte ist für Sie unentgeltlich; nur bei offenkundig unbegründeten oder, insbesondere im Fall häufiger Wiederholung, exzessiven Anträgen können wir ein angemessenes Entgelt verlangen oder uns weigern, aufgrund des Antrags tätig zu werden (Art. 12 Abs. 5 DSGVO).",
			"Berichtigen oder löschen wir Ihre Daten oder schränken wir ihre Verarbeitung ein, teilen wir dies allen Empfängern mit, denen wir die Daten offengelegt haben, es sei denn, dies erweist sich als unmöglich oder ist mit einem unverhältnismäßigen Aufwand verbunden. Auf Ihr Verlangen unterrichten wir Sie über diese Empfänger (Art. 19 DSGVO).",
		}, nil},
		{"nl/privacy/index.html", "rights", []string{
			"Dat is kosteloos. Alleen als een verzoek kennelijk ongegrond of buitensporig is, bijvoorbeeld omdat het steeds wordt herhaald, kunnen wij een redelijke vergoeding vragen of weigeren gevolg te geven aan het verzoek (artikel 12, lid 5, AVG).",
			"Als wij uw gegevens rectificeren of wissen of de verwerking ervan beperken, laten wij dat weten aan iedere ontvanger aan wie wij de gegevens hebben verstrekt, tenzij dat onmogelijk blijkt of onevenredig veel inspanning vergt. Op uw verzoek vertellen wij u wie die ontvangers zijn (artikel 19 AVG).",
		}, nil},
	})
	assertSections(t, buildSite(t, "uk"), []sectionSays{
		{"en/privacy/index.html", "rights", []string{
			"(Art. 12(5) UK GDPR)", "(Art. 19 UK GDPR)",
			"Under the UK GDPR, the period starts when we receive your request or, if later, the information we have asked you for to confirm your identity (Art. 12A UK GDPR).",
		}, nil},
	})
}
