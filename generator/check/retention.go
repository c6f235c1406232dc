package check

import (
	"fmt"
	"slices"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/legal"
)

// retentionRules are about how long data is kept.
var retentionRules = []*Rule{
	{
		ID: "statutory-retention",
		// A warning, not an error: the check sees site.toml, not the
		// accounting system; the law's period runs from the end of the
		// calendar year whatever the rule's trigger; and BEG IV's rule for
		// German vouchers from before 2025 is disputed.
		Severity: Warning,
		Summary:  "invoice data kept shorter than the company country's statutory minimum, and no other rule keeps it long enough",
		Source: "Art. 6(1)(c) and Art. 17(3)(b) GDPR: data the law requires the company to keep is kept for that period. " +
			"Germany: 8 years for accounting vouchers, invoices among them, since 1 January 2025 " +
			"(§ 147 Abs. 3 AO, § 257 Abs. 4 HGB, § 14b Abs. 1 UStG as amended by the Viertes Bürokratieentlastungsgesetz), " +
			"10 years for books and annual accounts. Netherlands: 7 years for records relevant for tax (art. 52 AWR). " +
			"Data: generator/legal/statutory_retention.toml.",
		Run: statutoryRetention,
	},
	{
		ID:       "retention-implausible",
		Severity: Warning,
		Summary:  "a retention period or tracker expiry of over 100 years",
		Source: "Art. 5(1)(e) GDPR (storage limitation): data is kept no longer than its purposes need; " +
			"Art. 13(2)(a): the notice gives the period.",
		Run: implausibleRetention,
	},
}

func statutoryRetention(c *Context) {
	for _, law := range c.Facts.StatutoryRetention(string(c.Site.Company.Country)) {
		for _, data := range law.Data {
			c.shortRetention(law, data)
		}
	}
}

// shortRetention reports every rule that keeps data for less than law
// requires, unless another rule keeps it long enough.
func (c *Context) shortRetention(law legal.StatutoryRetention, data string) {
	least, _ := config.Duration{N: law.Years, Unit: "y"}.Length()
	var short []int
	for i, r := range c.Site.Retention {
		if !slices.Contains(r.Data, config.ID(data)) || r.Period.Special != "" {
			continue
		}
		if d, _ := r.Period.Length(); d >= least {
			return
		}
		short = append(short, i)
	}
	for _, i := range short {
		r := c.Site.Retention[i]
		c.At(config.Path("retention", i, "period"),
			fmt.Sprintf(`keep %s data for at least period = "%dy", after = "calendar_year_end", in this rule or one of its own`, data, law.Years),
			"retention %q keeps %s data for %s, less than the %d years that the law of %s requires for %s (%s)",
			r.ID, data, r.Period, law.Years, law.Country, law.Records, law.Law)
	}
}

var hundredYears, _ = config.Duration{N: 100, Unit: "y"}.Length()

func implausibleRetention(c *Context) {
	const hint = `check the number and unit ("10y", not "1000y"): no purpose needs data for longer than a lifetime`
	for i, r := range c.Site.Retention {
		if d, _ := r.Period.Length(); d > hundredYears {
			c.At(config.Path("retention", i, "period"), hint, "retention %q keeps data for %s, over 100 years", r.ID, r.Period)
		}
	}
	for i, t := range c.Site.Trackers {
		if d, _ := t.Expiry.Length(); d > hundredYears {
			c.At(config.Path("tracker", i, "expiry"), hint, "tracker %q expires after %s, over 100 years", t.Name, t.Expiry)
		}
	}
}
