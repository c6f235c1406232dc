package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// policy is a document of two clauses with a sub-heading each and enough
// unchanged paragraphs around them to be folded; recipient is the row of
// the recipients table that changes.
func policy(recipient, period string) string {
	var b strings.Builder
	b.WriteString("## Who is responsible {#controller}\n\n")
	for i := range 4 {
		fmt.Fprintf(&b, "Controller paragraph %d stays.\n\n", i)
	}
	b.WriteString("## Recipients {#recipients}\n\n")
	for i := range 4 {
		fmt.Fprintf(&b, "Recipients paragraph %d stays.\n\n", i)
	}
	b.WriteString("### Newsletter\n\n")
	for i := range 4 {
		fmt.Fprintf(&b, "Newsletter paragraph %d stays.\n\n", i)
	}
	b.WriteString("| Recipient | Role | Country |\n|---|---|---|\n")
	b.WriteString("| Hetzner Online GmbH | processor | Germany |\n")
	b.WriteString(recipient + "\n")
	b.WriteString("| DHL Paket GmbH | controller | Germany |\n\n")
	fmt.Fprintf(&b, "We keep the list for %s.\n", period)
	return b.String()
}

func TestChangedBlockIsShownUnderItsHeadingAndSubHeading(t *testing.T) {
	h := Compare(policy("| Mailer | processor | Germany |", "14 days"), policy("| Mailer | processor | Germany |", "30 days")).HTML(func(n int) string { return fmt.Sprintf("%d unchanged", n) })
	folded, shown := foldedAndShown(h)
	for _, want := range []string{
		`<h3 class="diff-block">Recipients</h3>`,
		`<h4 class="diff-block">Newsletter</h4>`,
		`<p class="diff-block changed">We keep the list for <del>14 days</del><ins>30 days</ins>.</p>`,
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("outside the folds, the HTML lacks %s:\n%s", want, h)
		}
	}
	if strings.Contains(shown, "Who is responsible") {
		t.Errorf("a heading with no change under it is shown outside the folds:\n%s", h)
	}
	// The paragraphs between the headings stay folded: the controller's
	// clause with its heading, four of the recipients clause, four of the
	// newsletter, the changed table being the context.
	if len(folded) != 3 || !strings.Contains(folded[0], "<summary>5 unchanged") || !strings.Contains(folded[1], "<summary>4 unchanged") {
		t.Errorf("want three folds of 5, 4 and 4 blocks:\n%s", h)
	}
	if i, j, k := strings.Index(h, "Recipients</h3>"), strings.Index(h, "Newsletter</h4>"), strings.Index(h, "<del>14 days"); i < 0 || i > j || j > k {
		t.Errorf("want the heading, the sub-heading and the change in that order:\n%s", h)
	}
}

func TestTableRowsAreMatchedByTheirFirstCell(t *testing.T) {
	old := policy("| Intuit Inc. (Mailchimp) | processor | United States |", "14 days")
	new := policy("| Intuit Inc. (Mailchimp) | processor | Ireland |", "14 days")
	h := Compare(old, new).HTML(nil)
	want := `<tr class="diff-row changed"><td>Intuit Inc. (Mailchimp)</td> <td>processor</td> <td><del>United States</del><ins>Ireland</ins></td></tr>`
	if !strings.Contains(h, want) {
		t.Errorf("HTML lacks\n%s\nin\n%s", want, h)
	}
	for _, w := range []string{`<div class="table-wrap" tabindex="0"><table class="diff-table">`, `<thead>`, `<th>Recipient</th> <th>Role</th> <th>Country</th>`, `<tr class="diff-row"><td>DHL Paket GmbH</td>`} {
		if !strings.Contains(h, w) {
			t.Errorf("the changed table lacks %s:\n%s", w, h)
		}
	}
	if strings.Contains(h, " | ") {
		t.Errorf("a table row is shown as pipe-separated text:\n%s", h)
	}
}

func TestTableRowOfAnotherFirstCellIsRemovedAndAdded(t *testing.T) {
	old := policy("| Intuit Inc. (Mailchimp) | processor | United States |", "14 days")
	new := policy("| CleverReach GmbH & Co. KG | processor | Germany |", "14 days")
	h := Compare(old, new).HTML(nil)
	for _, want := range []string{
		`<tr class="diff-row removed"><td><del>Intuit Inc. (Mailchimp)</del></td> <td><del>processor</del></td> <td><del>United States</del></td></tr>`,
		`<tr class="diff-row added"><td><ins>CleverReach GmbH &amp; Co. KG</ins></td> <td><ins>processor</ins></td> <td><ins>Germany</ins></td></tr>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks\n%s\nin\n%s", want, h)
		}
	}
}

func TestTableWithAnAddedColumnComparesItsHeader(t *testing.T) {
	old := "| Name | Country |\n|---|---|\n| Host | Germany |\n"
	new := "| Name | Country | Safeguard |\n|---|---|---|\n| Host | Germany | none needed |\n"
	h := Compare(old, new).HTML(nil)
	for _, want := range []string{
		`<tr class="diff-row changed"><th>Name</th> <th>Country</th> <th><ins>Safeguard</ins></th></tr>`,
		`<tr class="diff-row changed"><td>Host</td> <td>Germany</td> <td><ins>none needed</ins></td></tr>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks\n%s\nin\n%s", want, h)
		}
	}
}

func TestListItemsStayListItems(t *testing.T) {
	old := "Intro.\n\n- Name\n- Email: old@example.com\n- Phone\n\nAfter.\n"
	new := "Intro.\n\n- Name\n- Email: new@example.com\n- Postal address\n\nAfter.\n"
	h := Compare(old, new).HTML(nil)
	want := `<ul class="diff-list">
<li class="diff-block">Name</li>
<li class="diff-block changed">Email: <del>old@example.com</del><ins>new@example.com</ins></li>
<li class="diff-block removed"><del>Phone</del></li>
<li class="diff-block added"><ins>Postal address</ins></li>
</ul>
`
	if !strings.Contains(h, want) {
		t.Errorf("HTML lacks\n%s\nin\n%s", want, h)
	}
}

func TestListItemIsNotPairedWithAParagraph(t *testing.T) {
	h := Compare("Intro.\n\n- the old item text\n", "Intro.\n\nThe old item text, now a paragraph.\n").HTML(nil)
	if !strings.Contains(h, `<li class="diff-block removed">`) || !strings.Contains(h, `<p class="diff-block added">`) {
		t.Errorf("want the item removed and the paragraph added:\n%s", h)
	}
}

func TestTerminalShowsHeadingsTableRowsAndWholeTokens(t *testing.T) {
	old := policy("| Intuit Inc. (Mailchimp) | processor | United States |", "14 days")
	new := policy("| Intuit Inc. (Mailchimp) | processor | Ireland |", "30 days")
	want := "  …\n" +
		"  ## Recipients\n" +
		"  …\n" +
		"  ### Newsletter\n" +
		"  …\n" +
		"  Newsletter paragraph 3 stays.\n" +
		"  | Recipient | Role | Country |\n" +
		"  | Hetzner Online GmbH | processor | Germany |\n" +
		"~ | Intuit Inc. (Mailchimp) | processor | [-United States-]{+Ireland+} |\n" +
		"  | DHL Paket GmbH | controller | Germany |\n" +
		"~ We keep the list for [-14 days-]{+30 days+}.\n"
	if got := text(t, old, new, false); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTerminalSkipsRowsAwayFromTheChange(t *testing.T) {
	rows := func(changed string) string {
		var b strings.Builder
		b.WriteString("| Cookie | Period |\n|---|---|\n")
		for i := range 6 {
			period := "1 year"
			if fmt.Sprint(i) == changed {
				period = "2 years"
			}
			fmt.Fprintf(&b, "| c%d | %s |\n", i, period)
		}
		return b.String()
	}
	want := "  | Cookie | Period |\n" +
		"  …\n" +
		"  | c2 | 1 year |\n" +
		"~ | c3 | [-1 year-]{+2 years+} |\n" +
		"  | c4 | 1 year |\n" +
		"  …\n"
	if got := text(t, rows(""), rows("3"), false); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestListInABlockQuoteStaysAList(t *testing.T) {
	old := "> You may object to:\n>\n> - Business contacts\n> - Proof of consent\n"
	new := "> You may object to:\n>\n> - Business contacts\n> - Proof of consent\n> - Strictly necessary cookies\n"
	h := Compare(old, new).HTML(nil)
	want := `<ul class="diff-list">
<li class="diff-block">Proof of consent</li>
<li class="diff-block added"><ins>Strictly necessary cookies</ins></li>
</ul>
`
	if !strings.Contains(h, want) || !strings.Contains(h, `<li class="diff-block">Business contacts</li>`) {
		t.Errorf("HTML lacks\n%s\nin\n%s", want, h)
	}
	if got, want := text(t, old, new, false), "  • Proof of consent\n+ • Strictly necessary cookies\n"; !strings.HasSuffix(got, want) {
		t.Errorf("terminal output\n%s\ndoes not end in\n%s", got, want)
	}
}

// TestBlocksEscapedDifferentlyAreUnchanged: a version released before
// Escape left "B.V." alone holds "B\.V\."; compared with one that holds
// "B.V.", the block reads the same and is no change.
func TestBlocksEscapedDifferentlyAreUnchanged(t *testing.T) {
	oldMD := "## Who we are\n\nKustlijn Hosting B\\.V\\., phone \\+31 20 123 4567.\n\nWe keep logs for 14 days.\n"
	newMD := "## Who we are\n\nKustlijn Hosting B.V., phone +31 20 123 4567.\n\nWe keep logs for 14 days.\n"
	if r := Compare(oldMD, newMD); r.Changed() {
		t.Errorf("escaping alone counts as a change")
	}
	changedMD := "## Who we are\n\nKustlijn Hosting B.V., phone +31 20 765 4321.\n\nWe keep logs for 14 days.\n"
	if r := Compare(oldMD, changedMD); !r.Changed() {
		t.Errorf("a new phone number is no change")
	}
}

func TestChangedSectionsNameTheClausesWhoseTextChanged(t *testing.T) {
	old := "## Who we are\n\nExample GmbH.\n\n## Recipients\n\n### Hosting\n\nHost GmbH in Germany.\n\n## Security\n\nWe have committed ourselves to tell you within 72 hours.\n\n## Rights\n\nYou may ask.\n"
	new := "## Who we are\n\nExample GmbH.\n\n## Recipients\n\n### Hosting\n\nHost GmbH in Austria.\n\n## Security\n\nWe aim to tell you within 72 hours.\n\n## Your rights\n\nYou may ask.\n\n## Children\n\nOnly adults.\n"
	got := Compare(old, new).ChangedSections()
	if want := []string{"Recipients", "Security", "Your rights", "Children"}; !slices.Equal(got, want) {
		t.Errorf("sections %q, want %q", got, want)
	}
	if got := Compare(old, old).ChangedSections(); len(got) != 0 {
		t.Errorf("the same text: %q", got)
	}
	linked := strings.Replace(old, "Example GmbH.", "[Example GmbH.](https://a.example)", 1)
	if got := Compare(linked, strings.Replace(linked, "a.example", "b.example", 1)).ChangedSections(); !slices.Equal(got, []string{"Who we are"}) {
		t.Errorf("a link that leads elsewhere, whose address the diff shows: %q", got)
	}
	escaped := strings.Replace(old, "Example GmbH.", `Example GmbH\.`, 1)
	if got := Compare(old, escaped).ChangedSections(); len(got) != 0 {
		t.Errorf("escaped differently, read the same: %q", got)
	}
}
