package config

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/legal"
)

// validator checks the rules that span keys: references, uniqueness and
// what the GDPR requires of a complete notice.
type validator struct {
	*Loaded
	facts  *legal.Facts
	failed map[string]bool // paths the decoder reported already
	errs   diag.List
	budget int // comparisons left for did-you-mean suggestions; see suggest
}

// at reports a problem with the value at path.
func (v *validator) at(path, hint, format string, args ...any) {
	v.errs.Add(diag.Errorf(v.Pos.Value(path), format, args...).WithHint("%s", hint))
}

// rule reports an error of the check rule id (see package check, whose
// documentation lists it) at the value at path.
func (v *validator) rule(id, path, hint, format string, args ...any) {
	e := diag.Errorf(v.Pos.Value(path), format, args...).WithHint("%s", hint)
	e.Rule = id
	v.errs.Add(e)
}

// atKey reports a problem with the key (or table header) at path.
func (v *validator) atKey(path, hint, format string, args ...any) {
	v.errs.Add(diag.Errorf(v.Pos.Key(path), format, args...).WithHint("%s", hint))
}

func validate(l *Loaded, texts []textRef, failed map[string]bool, facts *legal.Facts) diag.List {
	v := &validator{Loaded: l, facts: facts, failed: failed, budget: suggestBudget}
	v.settings()
	v.company()
	v.contacts()
	v.countryLines()
	v.texts(texts)
	ids := v.uniqueIDs()
	v.dataCategories()
	v.activities(ids)
	v.processors()
	v.trackers(ids)
	v.retention(ids)
	v.changes()
	v.minors()
	v.security()
	v.article()
	return v.errs
}

var langPattern = regexp.MustCompile(`^[a-z]{2,3}$`)

// decoded reports whether the value at path and every table it is in
// decoded: the rules skip what failed, which the decoder reported already.
func (v *validator) decoded(path string) bool {
	for {
		if v.failed[path] {
			return false
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return true
		}
		path = path[:i]
	}
}

func (v *validator) settings() {
	s := &v.Site.Settings
	if len(s.Languages) == 0 && v.decoded("site.languages") {
		v.at("site.languages", `write languages = ["en"] or any of en, de, nl`, "site.languages must name at least one language")
	}
	seen := map[string]bool{}
	for i, lang := range s.Languages {
		path := Path("site.languages", i)
		switch {
		case !langPattern.MatchString(lang):
			v.at(path, `use a lowercase ISO 639-1 code such as "en", "de" or "nl"`, "invalid language code %q", lang)
		case seen[lang]:
			v.at(path, "remove the second one", "language %q is listed twice", lang)
		}
		seen[lang] = true
	}
	if !strings.HasSuffix(string(s.BaseURL), "/") {
		s.BaseURL += "/"
	}
	switch {
	case s.History == "":
		s.History = "history"
	case !filepath.IsLocal(s.History) || filepath.Clean(s.History) == ".":
		// The history is read through the site folder, which nothing
		// leads out of, and belongs with site.toml in version control.
		v.at("site.history", `name a folder inside the site folder by a relative path, such as "history"`,
			"site.history %q is not a folder inside the site folder", s.History)
	}
	if s.Theme == "" {
		s.Theme = "default"
	}
	for i, id := range s.DisableClauses {
		if !isID(id) {
			v.at(Path("site.disable_clauses", i), "clause ids are the file names without number and language, such as \"children\"", "invalid clause id %q", id)
		}
	}
}

func (v *validator) company() {
	c := &v.Site.Company
	if !v.decoded("company") {
		return
	}
	v.nonEmpty("company.name", c.Name)
	v.lines("company.address", c.Address)
	regions := v.facts.Regions(string(c.Country))
	switch {
	case c.Region != "" && len(regions) == 0:
		v.at("company.region", "remove region; it only picks the authority in countries with regional authorities", "company.region is not used for country %s", c.Country)
	case c.Region != "" && !slices.Contains(regions, c.Region):
		v.at("company.region", "use one of: "+strings.Join(regions, ", "), "unknown region %q for country %s", c.Region, c.Country)
	}
	v.territorial(c)
	if !v.decoded("company.country") {
		return
	}
	regime := v.facts.RegimeOf(string(c.Country), c.TargetsEU)
	if regime.Targeting && !regime.UK {
		// No lead authority: the complaint section names none (Art. 77).
		if v.Site.Authority != nil {
			v.atKey("authority", "remove [authority]; the privacy policy tells people that they may complain to any supervisory authority in the EU, in particular where they live or work",
				"a controller without an establishment in the EU has no competent supervisory authority of its own")
		}
		return
	}
	if v.Site.Authority != nil {
		return
	}
	if _, ok := v.facts.Authority(string(c.Country), c.Region); ok {
		return
	}
	if len(regions) > 0 && c.Region == "" {
		v.atKey("company", "add region = \"XX\" with one of: "+strings.Join(regions, ", ")+", or an [authority] table",
			"cannot determine the supervisory authority: company.region is missing")
		return
	}
	v.at("company.country", "add an [authority] table with name and url of the competent supervisory authority",
		"cannot determine the supervisory authority for country %s", c.Country)
}

// territorial checks that the EU GDPR applies to the controller, which is
// what policygen writes notices under: in the EEA it does (Art. 3(1));
// outside it only when the company offers goods or services to people in
// the EU or monitors them (Art. 3(2)), and then it needs a representative
// in the EU unless Art. 27(2)(a) exempts it. The United Kingdom has a GDPR
// of its own, so a UK company may leave targets_eu out.
func (v *validator) territorial(c *Company) {
	if !v.decoded("company.country") {
		return
	}
	country := string(c.Country)
	switch {
	case v.facts.InEEA(country):
		if c.TargetsEU {
			v.at("company.targets_eu", "remove targets_eu: the GDPR applies to a controller in the EEA anyway (Art. 3(1))",
				"company.targets_eu is only for a company outside the EEA; %s is in it", country)
		}
		if c.RepresentativeExempt {
			v.at("company.representative_exempt", "remove representative_exempt: only a controller outside the EEA may need a representative (Art. 27)",
				"company.representative_exempt is only for a company outside the EEA; %s is in it", country)
		}
		return
	case country == legal.UK && !c.TargetsEU:
		v.euLanguages()
		return
	case !c.TargetsEU:
		v.at("company.country", "add targets_eu = true to [company] if the company offers goods or services to people in the EU or monitors their behaviour there (Art. 3(2) GDPR); otherwise the GDPR does not apply to it, and policygen writes only GDPR notices",
			"company.country %s is outside the EEA, and the site does not say that the company targets people in the EU", country)
		return
	}
	if c.TargetsEU && v.Site.Representative == nil && !c.RepresentativeExempt {
		v.atKey("company", "add a [representative] table with name, address and email of the representative in the EU, or representative_exempt = true in [company] if the processing is occasional, does not include special categories or criminal data on a large scale, and is unlikely to result in a risk to people (Art. 27(2)(a))",
			"a controller outside the EEA that targets people in the EU must name a representative in the EU (Art. 27 GDPR)")
	}
}

// euLanguages warns a UK company that does not say it targets the EU
// when its pages are in a language of the EU other than English: pages in
// German or Dutch are a sign of offering services to people there (recital
// 23), and then the EU GDPR applies too.
func (v *validator) euLanguages() {
	for i, lang := range v.Site.Settings.Languages {
		if !euLanguage[lang] {
			continue
		}
		v.errs.Add(diag.Warningf(v.Pos.Value(Path("site.languages", i)),
			"the pages are in %s, a language of the EU, but the site does not say that the company targets people in the EU", lang).
			WithHint("if the company offers goods or services to people in the EU or monitors them there, add targets_eu = true to [company]: then the EU GDPR applies as well (Art. 3(2)), and the pages say so"))
		return
	}
}

// euLanguage are the official languages of the EU but English and Irish,
// which are also those of the United Kingdom's neighbours.
var euLanguage = map[string]bool{
	"bg": true, "hr": true, "cs": true, "da": true, "nl": true, "et": true, "fi": true, "fr": true, "de": true, "el": true,
	"hu": true, "it": true, "lv": true, "lt": true, "mt": true, "pl": true, "pt": true, "ro": true, "sk": true, "sl": true,
	"es": true, "sv": true,
}

func (v *validator) contacts() {
	for _, c := range []struct {
		path    string
		contact *Contact
	}{{"dpo", v.Site.DPO.Contact()}, {"representative", v.Site.Representative}} {
		if c.contact != nil {
			v.nonEmpty(c.path+".name", c.contact.Name)
		}
	}
	if r := v.Site.Representative; r != nil {
		v.lines("representative.address", r.Address)
		c := v.Site.Company
		switch {
		case v.facts.InEEA(string(c.Country)):
			v.atKey("representative", "remove [representative]; Art. 27 GDPR applies only to controllers not established in the EU",
				"a company established in %s does not designate an EU representative", c.Country)
		case c.Country == legal.UK && !c.TargetsEU:
			v.atKey("representative", "add targets_eu = true to [company] if the company offers goods or services to people in the EU or monitors them there; otherwise remove [representative]",
				"an EU representative (Art. 27 GDPR) is for a company the EU GDPR applies to, and the site does not say that this one targets people in the EU")
		default:
			v.representativeCountry(r)
		}
	}
	if a := v.Site.Authority; a != nil {
		v.nonEmpty("authority.name", a.Name)
	}
}

// representativeCountry checks that the representative says where it is
// established, and that this is a state where the GDPR applies: it must be
// in one of the member states of the people whose data are processed (Art.
// 27(3)), which through the EEA Agreement include Iceland, Liechtenstein and
// Norway.
func (v *validator) representativeCountry(r *Contact) {
	switch {
	case !v.decoded("representative.country"):
	case r.Country == "":
		hint := `add country = "XX" with the ISO code of the EU or EEA state where the representative is established, such as "IE" or "NL"`
		if n := len(r.Address); n > 0 {
			if c := countryNamed(r.Address[n-1]); c != "" {
				hint = fmt.Sprintf("add country = %q (the address ends with %q) and remove that line: the pages print the country from its code", c, r.Address[n-1])
			}
		}
		v.atKey("representative", hint, "representative.country is missing: the representative must be established in the EU or EEA (Art. 27(3) GDPR)")
	case !v.facts.InEEA(string(r.Country)):
		v.at("representative.country", "the representative must be established in an EU or EEA state where people whose data you process are (Art. 27(3) GDPR)",
			"the representative is established in %s, which is not in the EU or EEA", r.Country)
	}
}

func (v *validator) nonEmpty(path, s string) {
	if strings.TrimSpace(s) == "" && v.decoded(path) {
		v.at(path, "write the value between the quotes", "%s is empty", keyName(path))
	}
}

func (v *validator) lines(path string, lines []string) {
	if len(lines) == 0 {
		v.at(path, `write the address as lines: ["Street 1", "12345 City", "Country"]`, "%s is empty", keyName(path))
	}
	for i, l := range lines {
		v.nonEmpty(Path(path, i), l)
	}
}

// texts checks that every localized text has exactly the site's languages.
func (v *validator) texts(texts []textRef) {
	langs := v.Site.Settings.Languages
	if len(langs) == 0 {
		return // reported by settings or the decoder
	}
	for _, t := range texts {
		if t.text.ByLang == nil {
			if len(langs) > 1 {
				v.at(t.path, fmt.Sprintf(`write one text per language: { %s }`, langTemplate(langs)),
					"%s is a plain text, but the site has %d languages", keyName(t.path), len(langs))
			}
			continue
		}
		for _, lang := range t.text.Langs() {
			if !slices.Contains(langs, lang) {
				v.atKey(Path(t.path, lang), "the site languages are "+strings.Join(langs, ", "),
					"%s has a text in %q, which is not a site language", keyName(t.path), lang)
			}
		}
		for _, lang := range langs {
			if _, ok := t.text.ByLang[lang]; !ok {
				v.at(t.path, fmt.Sprintf("add %s = \"…\"", lang), "%s of %s has no %s text", keyName(t.path), v.entryName(t.path), lang)
			} else if strings.TrimSpace(t.text.ByLang[lang]) == "" {
				v.atKey(Path(t.path, lang), "write the text or leave the key out", "%s has an empty %s text", keyName(t.path), lang)
			}
		}
	}
}

func langTemplate(langs []string) string {
	parts := make([]string, len(langs))
	for i, l := range langs {
		parts[i] = l + ` = "…"`
	}
	return strings.Join(parts, ", ")
}

// entryName names the entry a path belongs to for messages: `activity
// "accounts"`, or the table name.
func (v *validator) entryName(path string) string {
	parts := strings.Split(path, ".")
	if len(parts) >= 2 && isIndex(parts[1]) {
		var i int
		fmt.Sscan(parts[1], &i)
		if id := v.idOf(parts[0], i); id != "" {
			return fmt.Sprintf("%s %q", parts[0], id)
		}
		return fmt.Sprintf("%s #%d", parts[0], i+1)
	}
	if len(parts) == 2 {
		return tableName(parts[0]) // a key of a table: "[company]"
	}
	return tableName(strings.Join(parts[:min(2, len(parts))], "."))
}

func (v *validator) idOf(table string, i int) string {
	switch {
	case table == "activity" && i < len(v.Site.Activities):
		return string(v.Site.Activities[i].ID)
	case table == "processor" && i < len(v.Site.Processors):
		return string(v.Site.Processors[i].ID)
	case table == "retention" && i < len(v.Site.Retention):
		return string(v.Site.Retention[i].ID)
	case table == "tracker" && i < len(v.Site.Trackers):
		return v.Site.Trackers[i].Name
	}
	return ""
}
