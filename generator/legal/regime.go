package legal

// UK is the country code of the United Kingdom, whose controllers work
// under the UK GDPR and the Data Protection Act 2018.
const UK = "GB"

// Regime is the data protection law a controller's notices are written
// under. It follows from the country it is established in and from
// whether it targets people in the EU (docs/site.md, "Which law applies"):
//
//   - in the EEA, the EU GDPR (Art. 3(1)); in Iceland, Liechtenstein and
//     Norway through the EEA Agreement;
//   - in the United Kingdom, the UK GDPR and the Data Protection Act 2018,
//     and the EU GDPR as well when it targets people in the EU (Art. 3(2));
//   - elsewhere, the EU GDPR through Art. 3(2): validation requires such a
//     controller to say that it targets people in the EU, since otherwise
//     no law applies that policygen writes notices under.
type Regime struct {
	EU        bool // the EU GDPR applies
	UK        bool // the UK GDPR and the Data Protection Act 2018 apply
	Targeting bool // the EU GDPR applies through Art. 3(2) only: no establishment in the EEA
	EEAState  bool // established in an EEA state outside the EU: Iceland, Liechtenstein or Norway
}

// RegimeOf returns the regime of a controller established in country that
// does or does not target people in the EU.
func (f *Facts) RegimeOf(country string, targetsEU bool) Regime {
	switch {
	case f.InEEA(country):
		return Regime{EU: true, EEAState: !f.InEU(country)} // countries.toml eea_outside_eu
	case country == UK:
		return Regime{UK: true, EU: targetsEU, Targeting: targetsEU}
	default:
		return Regime{EU: true, Targeting: true}
	}
}

// Both reports whether the UK GDPR and the EU GDPR apply side by side.
func (r Regime) Both() bool { return r.EU && r.UK }

// Transfers says how a disclosure by a controller under r to a recipient in
// country is seen under each law that applies: eu and uk whether it is a
// transfer under the EU and the UK GDPR, third whether it is one under
// either, which the policy lists. A UK controller's recipient in the UK is
// no transfer under the UK GDPR, but one under the EU GDPR where that
// applies too (EDPB Guidelines 05/2021: the UK is a third country), which
// the adequacy decision for the UK covers.
func (f *Facts) Transfers(r Regime, country string) (third, eu, uk bool) {
	eu = r.EU && !f.InEEA(country)
	uk = r.UK && country != UK
	return eu || uk, eu, uk
}
