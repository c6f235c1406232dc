package check

import (
	"fmt"

	"github.com/policygen/policygen/generator/config"
)

// transferRules are about transfers of personal data to third countries.
var transferRules = []*Rule{
	{
		ID:       "high-risk-transfer",
		Severity: Warning,
		Summary:  "a transfer to Russia, China or India on standard contractual clauses, binding corporate rules or the UK IDTA or Addendum alone",
		Source: "Art. 44 and 46 GDPR as read by the CJEU in Schrems II (C-311/18, 16 July 2020): contractual safeguards need " +
			"an assessment of the law of the recipient's country and supplementary measures, or the transfer must stop. " +
			"Russia: EDPB Statement 02/2022 of 12 July 2022; Autoriteit Persoonsgegevens, Yango, fine announced 8 May 2026. " +
			"China: Irish Data Protection Commission, TikTok, decision of 30 April 2025; Berlin Commissioner for Data Protection, " +
			"DeepSeek, 27 June 2025. China, India and Russia: EDPB legal study on government access to data in third countries, " +
			"8 November 2021. Data: generator/legal/transfer_risk.toml.",
		Run: highRiskTransfers,
	},
}

// contractualTools are the safeguards that rest on a contract with the
// recipient, by the key that declares them, named for messages.
var contractualTools = map[string]string{
	"transfer=scc":            "standard contractual clauses",
	"transfer=bcr":            "binding corporate rules",
	"uk_transfer=idta":        "the UK International Data Transfer Agreement",
	"uk_transfer=uk_addendum": "the UK Addendum",
	"uk_transfer=bcr":         "binding corporate rules",
}

func highRiskTransfers(c *Context) {
	for i, p := range c.Site.Processors {
		who := fmt.Sprintf("processor %q", p.ID)
		c.highRisk(config.Path("processor", i), who+" is in", string(p.Country), p.Transfer, p.UKTransfer)
		for j, o := range p.Onward {
			to := who + " passes data on to a recipient in"
			if o.Name != "" {
				to = fmt.Sprintf("%s passes data on to %s in", who, o.Name)
			}
			c.highRisk(config.Path("processor", i, "onward", j), to, string(o.Country), o.Transfer, o.UKTransfer)
		}
	}
}

// highRisk reports each contractual safeguard of the table at path, for a
// recipient in a country that European authorities single out.
func (c *Context) highRisk(path, in, country string, eu config.Transfer, uk config.UKTransfer) {
	h, ok := c.Facts.HighRisk(country)
	if !ok {
		return
	}
	finding := "public authorities there can access transferred data, so authorities found such transfers unlawful"
	if !h.Strong {
		finding = "public authorities there can access transferred data, as a study for the EDPB found"
	}
	for _, kv := range [][2]string{{"transfer", string(eu)}, {"uk_transfer", string(uk)}} {
		key := kv[0]
		tool, ok := contractualTools[key+"="+kv[1]]
		if !ok {
			continue
		}
		expects := "the supervisory authorities expect"
		if key == "uk_transfer" {
			expects = "the ICO expects"
		}
		c.At(config.Path(path, key),
			expects+" a documented transfer impact assessment and effective supplementary measures (such as encryption with keys kept out of the country); carry them out, or stop the transfer, and then silence the rule with an ignore that says so",
			"%s %s on %s alone: %s (%s)", in, country, tool, finding, h.Cases)
	}
}
