package diff

import (
	"strings"
	"testing"
)

func TestAddressesDatesAndQuantitiesChangeAsAWhole(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"web address", "See https://www.intuit.com/privacy/statement/ for more.", "See https://www.cleverreach.com/en-de/privacy/ for more.",
			"See <del>https://www.intuit.com/privacy/statement/</del><ins>https://www.cleverreach.com/en-de/privacy/</ins> for more."},
		{"address without scheme", "Visit www.a-shop.example today.", "Visit www.b-shop.example today.",
			"Visit <del>www.a-shop.example</del><ins>www.b-shop.example</ins> today."},
		{"e-mail address", "Write to privacy@old-name.example at any time.", "Write to privacy@new-name.example at any time.",
			"Write to <del>privacy@old-name.example</del><ins>privacy@new-name.example</ins> at any time."},
		{"English date", "This applies from 1 June 2026 on.", "This applies from 1 January 2027 on.",
			"This applies from <del>1 June 2026</del><ins>1 January 2027</ins> on."},
		{"German date", "Diese Fassung gilt ab dem 1. Juni 2026 für alle.", "Diese Fassung gilt ab dem 1. Januar 2027 für alle.",
			"Diese Fassung gilt ab dem <del>1. Juni 2026</del><ins>1. Januar 2027</ins> für alle."},
		{"Dutch date", "Deze versie geldt vanaf 1 juni 2026 voor iedereen.", "Deze versie geldt vanaf 1 januari 2027 voor iedereen.",
			"Deze versie geldt vanaf <del>1 juni 2026</del><ins>1 januari 2027</ins> voor iedereen."},
		{"English period", "We keep the logs for 14 days after collection.", "We keep the logs for 30 days after collection.",
			"We keep the logs for <del>14 days</del><ins>30 days</ins> after collection."},
		{"German period", "Wir speichern die Protokolle 30 Tage nach der Erhebung.", "Wir speichern die Protokolle 14 Tage nach der Erhebung.",
			"Wir speichern die Protokolle <del>30 Tage</del><ins>14 Tage</ins> nach der Erhebung."},
		{"Dutch period with a new unit", "We bewaren de gegevens 13 maanden na het bezoek.", "We bewaren de gegevens 2 jaar na het bezoek.",
			"We bewaren de gegevens <del>13 maanden</del><ins>2 jaar</ins> na het bezoek."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Compare(tt.old+"\n", tt.new+"\n").HTML(nil)
			want := `<p class="diff-block changed">` + tt.want + "</p>"
			if !strings.Contains(h, want) {
				t.Errorf("HTML lacks\n%s\nin\n%s", want, h)
			}
		})
	}
}

func TestNumbersWithoutAUnitAreWordsOfTheirOwn(t *testing.T) {
	h := Compare("Under Art. 6 Abs. 1 lit. f of the law.\n", "Under Art. 9 Abs. 1 lit. f of the law.\n").HTML(nil)
	if want := "Under Art. <del>9</del>"; strings.Contains(h, want) || !strings.Contains(h, "<del>6</del><ins>9</ins> Abs. 1") {
		t.Errorf("want only the number marked:\n%s", h)
	}
}

func TestSentenceMostlyRewrittenIsShownOldThenNew(t *testing.T) {
	old := "We keep it short. The note was written for the old shop and says little.\n"
	new := "We keep it short. Our new provider stores invoices in Ireland under contract.\n"
	h := Compare(old, new).HTML(nil)
	want := `<p class="diff-block changed">We keep it short.<del> The note was written for the old shop and says little.</del>` +
		`<ins> Our new provider stores invoices in Ireland under contract.</ins></p>`
	if !strings.Contains(h, want) {
		t.Errorf("HTML lacks\n%s\nin\n%s", want, h)
	}
}

func TestSentenceWithFewChangesKeepsItsWordMarks(t *testing.T) {
	old := "We keep it short. The provider stores invoices in Germany under contract.\n"
	new := "We keep it short. The provider stores invoices in Ireland under contract.\n"
	h := Compare(old, new).HTML(nil)
	want := `in <del>Germany</del><ins>Ireland</ins> under contract.`
	if !strings.Contains(h, want) {
		t.Errorf("HTML lacks\n%s\nin\n%s", want, h)
	}
}

func TestSentencesSplitBeforeACapitalButNotAfterOrdinalsOrAbbreviations(t *testing.T) {
	got := splitSentences("Nach Art. 6 Abs. 1 gilt das. Z. B. hier! Und \"so\"? Am 1. Juni schreibt Dr. Hoffmann. Die B.V. Ende. Ab 2026. Neu")
	want := []string{"Nach Art. 6 Abs. 1 gilt das.", " Z. B. hier!", " Und \"so\"?", " Am 1. Juni schreibt Dr. Hoffmann.", " Die B.V. Ende.", " Ab 2026.", " Neu"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSentenceIsComparedWithTheNewSentenceMostLikeIt(t *testing.T) {
	old := "We tell you of a breach without delay, and within 72 hours. Only where the data was encrypted do we not tell you in person.\n"
	new := "We tell you of a breach without delay. We have bound ourselves to do so within 72 hours. Only where the data was encrypted do we not tell you personally.\n"
	h := Compare(old, new).HTML(nil)
	want := `<p class="diff-block changed">We tell you of a breach without delay<del>, and within 72 hours</del>.` +
		`<ins> We have bound ourselves to do so within 72 hours.</ins>` +
		` Only where the data was encrypted do we not tell you <del>in person</del><ins>personally</ins>.</p>`
	if !strings.Contains(h, want) {
		t.Errorf("HTML lacks\n%s\nin\n%s", want, h)
	}
}

func TestParagraphIsComparedWithTheNewParagraphMostLikeIt(t *testing.T) {
	old := "Intro.\n\nWe keep invoices for ten years under tax law.\n\nEnd.\n"
	new := "Intro.\n\nA completely new paragraph about something else entirely.\n\nWe keep invoices for eight years under tax law.\n\nEnd.\n"
	h := Compare(old, new).HTML(nil)
	for _, want := range []string{
		`<p class="diff-block added"><ins>A completely new paragraph about something else entirely.</ins></p>`,
		`<p class="diff-block changed">We keep invoices for <del>ten</del><ins>eight</ins> years under tax law.</p>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks\n%s\nin\n%s", want, h)
		}
	}
}
