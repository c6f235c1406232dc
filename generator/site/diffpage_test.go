package site

import (
	"regexp"
	"strings"
	"testing"
)

// TestDiffPageShowsAChangedRecipientAsATableRowUnderItsHeading releases a
// site, moves a processor to another country and releases again: the
// privacy policy's diff page shows the recipients table with the changed
// row, under the clause heading, and no row as pipe-separated text.
func TestDiffPageShowsAChangedRecipientAsATableRowUnderItsHeading(t *testing.T) {
	dir := siteFiles(t, fullSite) // released as of 2025-03-01
	release(t, dir)
	edit(t, dir, "name = \"Pay AG\"\nrole = \"processor\"\nservice = { en = \"Payments\", de = \"Zahlungen\", nl = \"Betalingen\" }\ncountry = \"DE\"",
		"name = \"Pay AG\"\nrole = \"processor\"\nservice = { en = \"Payments\", de = \"Zahlungen\", nl = \"Betalingen\" }\ncountry = \"AT\"")
	appendChange(t, dir, "2025-07-01")
	release(t, dir)
	out, err := buildDir(t, dir, "2025-08-01")
	if err != nil {
		t.Fatal(err)
	}
	page := string(out["en/privacy/changes/2025-07-01/index.html"])
	unfolded := regexp.MustCompile(`(?s)<details.*?</details>`).ReplaceAllString(page, "")
	heading := `<h3 class="diff-block">Recipients of your data</h3>`
	row := `<tr class="diff-row changed"><td>Pay AG</td> <td>processor</td> <td>Payments</td> <td><del>Germany</del><ins>Austria</ins></td></tr>`
	for _, want := range []string{heading, `<table class="diff-table">`, row} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("outside the folds, the diff page lacks %s:\n%s", want, unfolded)
		}
	}
	if h, r := strings.Index(unfolded, heading), strings.Index(unfolded, row); h > r {
		t.Errorf("the changed row comes before its heading:\n%s", unfolded)
	}
	if strings.Contains(unfolded, "Pay AG | ") {
		t.Errorf("a table row is shown as pipe-separated text:\n%s", unfolded)
	}
}
