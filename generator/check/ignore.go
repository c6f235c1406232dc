package check

import (
	"strings"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
)

// ignoreRules are what Run says of the ignore keys themselves.
var ignoreRules = []*Rule{{
	ID:       "ignore-reason",
	Severity: Warning,
	Summary:  "an ignore key that gives no reason",
	Source: "Accountability, Art. 5(2) GDPR: a controller must be able to demonstrate compliance; a silenced check " +
		"with the reason written next to it is what a reviewer or a supervisory authority can follow.",
}}

// ignores collects the ignore keys of the site: rule id -> element
// ("" for [check] ignore, "tracker.3" for one on a [[tracker]]) -> true,
// and reports the ignores that name no rule or give no reason.
func ignores(l *config.Loaded) (map[string]map[string]bool, diag.List) {
	out := map[string]map[string]bool{}
	var errs diag.List
	add := func(path, element string, list []config.Ignore) {
		for i, ig := range list {
			at := config.Path(path, "ignore", i)
			if _, ok := Lookup(ig.Rule); !ok {
				errs.Add(diag.Errorf(l.Pos.Value(config.Path(at, "rule")), "unknown check rule %q", ig.Rule).
					WithHint("write one of the rule ids that policygen check prints, listed in docs/check.md: %s", ruleIDs()))
				continue
			}
			if strings.TrimSpace(ig.Reason) == "" {
				e := diag.Warningf(l.Pos.Value(at), "the ignore of %q gives no reason", ig.Rule).
					WithHint(`add reason = "…": why the rule does not apply here, for whoever reviews site.toml next`)
				e.Rule = "ignore-reason"
				errs.Add(e)
			}
			if out[ig.Rule] == nil {
				out[ig.Rule] = map[string]bool{}
			}
			out[ig.Rule][element] = true
		}
	}
	add("check", "", l.Check.Ignore)
	for i, a := range l.Activities {
		add(config.Path("activity", i), config.Path("activity", i), a.Ignore)
	}
	for i, p := range l.Processors {
		add(config.Path("processor", i), config.Path("processor", i), p.Ignore)
	}
	for i, t := range l.Trackers {
		add(config.Path("tracker", i), config.Path("tracker", i), t.Ignore)
	}
	return out, errs
}

func ruleIDs() string {
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	return strings.Join(ids, ", ")
}
