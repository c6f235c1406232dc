package legal

import (
	"slices"
	"time"
)

// StatutoryRetention is a minimum period for which a company in Country
// must keep records that hold the data categories Data
// (statutory_retention.toml).
type StatutoryRetention struct {
	Country string
	Data    []string  // built-in data categories: "invoice"
	Years   int       // the minimum
	Records string    // what the law keeps, in English: "accounting vouchers, invoices among them"
	Law     string    // the provisions: "§ 147 Abs. 3 AO, …"
	Since   time.Time // from when the period applies; zero when the file gives none
	Sources []string
}

type retentionEntry struct {
	Country string   `toml:"country"`
	Data    []string `toml:"data"`
	Years   int      `toml:"years"`
	Records string   `toml:"records"`
	Law     string   `toml:"law"`
	Since   string   `toml:"since"`
	sourced
}

func loadStatutoryRetention(data []byte) ([]StatutoryRetention, error) {
	var f struct {
		Rule []retentionEntry `toml:"rule"`
	}
	var out []StatutoryRetention
	err := decodeChecked("statutory_retention.toml", data, &f, func(p *problemList) {
		for i, e := range f.Rule {
			path := "rule." + e.Country
			if !codePattern.MatchString(e.Country) {
				p.add(path, "rule %d: country not an ISO 3166-1 alpha-2 code in capitals", i+1)
			}
			if len(e.Data) == 0 || e.Years < 1 || e.Records == "" || e.Law == "" {
				p.add(path, "needs data, years, records and law")
			}
			var since time.Time
			if e.Since != "" {
				var err error
				if since, err = time.Parse(time.DateOnly, e.Since); err != nil {
					p.add(path+".since", "%q is not a date such as \"2025-01-01\"", e.Since)
				}
			}
			e.check(p, path)
			out = append(out, StatutoryRetention{Country: e.Country, Data: e.Data, Years: e.Years,
				Records: e.Records, Law: e.Law, Since: since, Sources: e.Sources})
		}
	})
	return out, err
}

// StatutoryRetention returns the minimum retention periods of the
// country, in the order of the file; nil for a country the file leaves out.
func (f *Facts) StatutoryRetention(country string) []StatutoryRetention {
	var out []StatutoryRetention
	for _, r := range f.retention {
		if r.Country == country {
			r.Data = slices.Clone(r.Data)
			out = append(out, r)
		}
	}
	return out
}
