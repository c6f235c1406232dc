package check

import (
	"strings"
	"testing"
)

// billing adds an activity that keeps invoices under the retention rules
// given, the first of them its own.
func billing(src string, rules ...string) string {
	src += `
[[activity]]
id = "billing"
title = "Invoicing"
purpose = "Invoicing our services"
data = ["name", "invoice"]
basis = "legal_obligation"
required = "statutory"
retention = "invoices"
`
	for i, r := range rules {
		id := "invoices"
		if i > 0 {
			id = "more"
		}
		src += "\n[[retention]]\nid = \"" + id + "\"\ndata = [\"name\", \"invoice\"]\n" + r + "\nafter = \"calendar_year_end\"\n"
	}
	return src
}

func TestStatutoryRetentionWarnsOfInvoicesKeptShorterThanTheLawOfTheCompanysCountry(t *testing.T) {
	found := run(t, billing(base, `period = "6y"`))
	want(t, found, "statutory-retention", "56:10")
	for _, e := range found {
		if e.Rule == "statutory-retention" && !strings.Contains(e.Msg, `retention "invoices" keeps invoice data for 6y, less than the 8 years that the law of DE requires`) {
			t.Errorf("message: %s", e.Msg)
		}
	}
	nl := edit(t, edit(t, base, `country = "DE"`+"\n"+`region = "NW"`, `country = "NL"`), `"52062 Aachen"`, `"1011 AB Amsterdam"`)
	want(t, run(t, billing(nl, `period = "80m"`)), "statutory-retention", "55:10")
}

func TestStatutoryRetentionAcceptsTheMinimumOrAnotherRuleThatKeepsItLongEnough(t *testing.T) {
	want(t, run(t, billing(base, `period = "8y"`)), "statutory-retention")
	want(t, run(t, billing(base, `period = "96m"`)), "statutory-retention")
	want(t, run(t, billing(base, `period = "6y"`, `period = "10y"`)), "statutory-retention")
	nl := edit(t, edit(t, base, `country = "DE"`+"\n"+`region = "NW"`, `country = "NL"`), `"52062 Aachen"`, `"1011 AB Amsterdam"`)
	want(t, run(t, billing(nl, `period = "7y"`)), "statutory-retention")
	fr := edit(t, edit(t, base, `country = "DE"`+"\n"+`region = "NW"`, `country = "FR"`), `"52062 Aachen"`, `"75001 Paris"`)
	want(t, run(t, billing(fr, `period = "1y"`)), "statutory-retention") // no source gives France's period
}

func TestRetentionImplausibleWarnsOfPeriodsOverAHundredYears(t *testing.T) {
	want(t, run(t, edit(t, base, `period = "30d"`, `period = "1000y"`)), "retention-implausible", "33:10")
	want(t, run(t, edit(t, base, `expiry = "session"`, `expiry = "101y"`)), "retention-implausible", "41:10")
	want(t, run(t, edit(t, base, `period = "30d"`, `period = "100y"`)), "retention-implausible")
	want(t, run(t, edit(t, base, `period = "30d"`, `period = "1000d"`)), "retention-implausible")
}
