package config

import (
	"fmt"
	"slices"
)

// activityOrigin checks what an activity says about where its data comes
// from: source_data names categories of its own data, and only beside a
// source; what the person does not provide has no obligation to show.
func (v *validator) activityOrigin(i int, a Activity) {
	p := func(key string) string { return Path("activity", i, key) }
	switch {
	case a.SourceData != nil && a.Source.IsZero():
		v.atKey(p("source_data"), "add source = { … } naming where these categories come from, or remove source_data",
			"activity %q has source_data but no source", a.ID)
	case a.SourceData != nil && len(a.SourceData) == 0 && v.decoded(p("source_data")):
		v.at(p("source_data"), `name the categories that come from the source, such as source_data = ["credit_score"], or remove source_data if all of them do`,
			"%s of activity %q is empty", keyName(p("source_data")), a.ID)
	}
	own := make(map[ID]bool, len(a.Data))
	for _, d := range a.Data {
		own[d] = true
	}
	seen := map[ID]bool{}
	for j, d := range a.SourceData {
		path := Path("activity", i, "source_data", j)
		switch {
		case seen[d]:
			v.at(path, "remove the second one", "data category %q is listed twice", d)
		case d != "" && !own[d]:
			v.at(path, fmt.Sprintf("add %q to the data of activity %q, or remove it here", d, a.ID),
				"source_data names %q, which is not among the data of activity %q", d, a.ID)
		}
		seen[d] = true
	}
	allFromSource := !a.Source.IsZero() && (len(a.SourceData) == 0 || !slices.ContainsFunc(a.Data, func(d ID) bool { return !seen[d] }))
	switch {
	case allFromSource && a.Required == "technical":
		v.at(p("required"), "list in source_data = [...] only the categories that come from the source; the others are those the browser or device sends",
			"activity %q has required = \"technical\", but all its data comes from the source", a.ID)
	case allFromSource && !a.Consequence.IsZero():
		v.atKey(p("consequence"), `name the categories that come from the source in source_data = [...], so that the others and this consequence are shown; or remove consequence`,
			"the consequence of activity %q is never shown: all its data comes from the source, not from the person", a.ID)
	}
}

// automatedException checks the exception of Art. 22(2) GDPR that
// automated decision-making relies on. Where the EU GDPR applies, the
// decision needs one, and the legal basis must be one the exception goes
// with (AutomatedException.Fits): legitimate interests go only with the
// contract exception, never alone (CJEU C-634/21, SCHUFA). The UK
// GDPR's Arts. 22A to 22D have no such list, so a company under it alone
// gives none.
func (v *validator) automatedException(i int, a Activity) {
	p := func(key string) string { return Path("activity", i, key) }
	c := v.Site.Company
	eu := v.facts.RegimeOf(string(c.Country), c.TargetsEU).EU
	ex := a.AutomatedException
	switch {
	case a.Automated.IsZero():
		if ex != "" {
			v.atKey(p("automated_exception"), "describe the decision in automated = { … }, or remove automated_exception",
				"activity %q has automated_exception but no automated", a.ID)
		}
	case !eu:
		if ex != "" {
			v.atKey(p("automated_exception"), "remove automated_exception: Arts. 22A to 22D UK GDPR, which the text cites, need no exception of Art. 22(2)",
				"automated_exception names an exception of the EU GDPR, which does not apply to this company")
		}
	case ex == "" && v.decoded(p("automated_exception")):
		v.atKey(p("automated"), `add automated_exception = "contract" (Art. 22(2)(a) GDPR), "law" (point (b)) or "explicit_consent" (point (c))`,
			"activity %q makes automated decisions but does not say which exception of Art. 22(2) GDPR allows them", a.ID)
	case ex != "" && a.Basis != "" && !ex.Fits(a.Basis):
		v.at(p("automated_exception"), exceptionHint(a.Basis),
			"automated_exception = %q does not fit basis %q", ex, a.Basis)
	}
}

// exceptionHint says which exception goes with a legal basis, if any.
func exceptionHint(basis LegalBasis) string {
	for _, ex := range AutomatedExceptions() {
		if AutomatedException(ex).Fits(basis) {
			return fmt.Sprintf("with basis %q, use automated_exception = %q", basis, ex)
		}
	}
	return `Art. 22(2) GDPR allows such decisions only for a contract (basis "contract"), by law (basis "legal_obligation" or "public_task") or with explicit consent (basis "consent")`
}
