package legal

// HighRisk is a third country that European authorities single out for
// transfers on contractual safeguards (transfer_risk.toml).
type HighRisk struct {
	Country string
	Strong  bool     // authorities found such transfers unlawful or ordered them suspended; else a study or guidance names it
	Cases   string   // the cases and statements, in English: "EDPB Statement 02/2022 of 12 July 2022; …"
	Sources []string // source keys of regimes.md
}

type highRiskEntry struct {
	Level string `toml:"level"`
	Cases string `toml:"cases"`
	sourced
}

func loadHighRisk(data []byte) (map[string]HighRisk, error) {
	var f struct {
		Country map[string]highRiskEntry `toml:"country"`
	}
	m := map[string]HighRisk{}
	err := decodeChecked("transfer_risk.toml", data, &f, func(p *problemList) {
		for _, cc := range sortedKeys(f.Country) {
			e, path := f.Country[cc], "country."+cc
			if !codePattern.MatchString(cc) {
				p.add(path, "not an ISO 3166-1 alpha-2 code in capitals")
			}
			if e.Level != "strong" && e.Level != "mild" {
				p.add(path+".level", "%q is not \"strong\" or \"mild\"", e.Level)
			}
			if e.Cases == "" {
				p.add(path, "no cases")
			}
			e.check(p, path)
			m[cc] = HighRisk{Country: cc, Strong: e.Level == "strong", Cases: e.Cases, Sources: e.Sources}
		}
	})
	return m, err
}

// HighRisk returns what singles out the country (ISO 3166-1 alpha-2) for
// transfers on standard contractual clauses, binding corporate rules or
// the UK IDTA or Addendum alone; false for a country no source names.
func (f *Facts) HighRisk(country string) (HighRisk, bool) {
	h, ok := f.highRisk[country]
	return h, ok
}
