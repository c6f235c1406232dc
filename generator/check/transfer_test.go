package check

import (
	"strings"
	"testing"
)

// withProcessor adds a recipient in country with the given transfer keys.
func withProcessor(src, country, transfer string) string {
	return src + `
[[processor]]
id = "abroad"
name = "Abroad Ltd"
role = "processor"
service = "Support"
country = "` + country + `"
` + transfer + "\n"
}

func TestHighRiskTransferWarnsOfContractualSafeguardsAloneForRussiaChinaAndIndia(t *testing.T) {
	for _, tt := range []struct{ country, transfer, says string }{
		{"RU", `transfer = "scc"`, "authorities found such transfers unlawful"},
		{"CN", `transfer = "bcr"`, "authorities found such transfers unlawful"},
		{"IN", `transfer = "scc"`, "as a study for the EDPB found"},
	} {
		found := run(t, withProcessor(base, tt.country, tt.transfer))
		want(t, found, "high-risk-transfer", "50:12")
		for _, e := range found {
			if e.Rule == "high-risk-transfer" && (!strings.Contains(e.Msg, tt.says) || !strings.Contains(e.Msg, `processor "abroad" is in `+tt.country)) {
				t.Errorf("%s: %s", tt.country, e.Msg)
			}
		}
	}
}

func TestHighRiskTransferLeavesOtherCountriesAndSafeguardsAlone(t *testing.T) {
	want(t, run(t, withProcessor(base, "US", `transfer = "scc"`)), "high-risk-transfer")
	want(t, run(t, withProcessor(base, "RU", `transfer = "consent"`)), "high-risk-transfer")
}

func TestHighRiskTransferCoversOnwardTransfers(t *testing.T) {
	src := withProcessor(base, "US", `transfer = "dpf"`+"\n"+`onward = [{ name = "Parent Co", country = "CN", transfer = "scc" }]`)
	found := run(t, src)
	want(t, found, "high-risk-transfer", "51:60")
	for _, e := range found {
		if e.Rule == "high-risk-transfer" && !strings.Contains(e.Msg, `processor "abroad" passes data on to Parent Co in CN`) {
			t.Errorf("message: %s", e.Msg)
		}
	}
	want(t, run(t, strings.Replace(src, `country = "CN"`, `country = "JP"`, 1)), "high-risk-transfer")
}

func TestHighRiskTransferUnderTheUKGDPRNamesTheICO(t *testing.T) {
	uk := edit(t, edit(t, base, `country = "DE"`+"\n"+`region = "NW"`, `country = "GB"`), `"52062 Aachen"`, `"London SW1A 1AA"`)
	found := run(t, withProcessor(uk, "RU", `uk_transfer = "idta"`))
	want(t, found, "high-risk-transfer", "49:15")
	for _, e := range found {
		if e.Rule == "high-risk-transfer" && !strings.Contains(e.Hint, "the ICO expects") {
			t.Errorf("hint: %s", e.Hint)
		}
	}
}
