// Package model owns the data a clause template sees: a site.toml resolved
// into one language, with references followed, localized texts picked, and
// every value from site.toml typed as markdown.Text so that it prints
// escaped. Its field names are a public interface (docs/templates.md).
package model

import (
	"reflect"
	"slices"
	"time"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/legal"
	"github.com/policygen/policygen/generator/markdown"
)

// Text is a value from site.toml; it escapes itself when printed.
type Text = markdown.Text

// Site is the whole site in one language.
type Site struct {
	Lang      string
	Languages []string
	BaseURL   string
	// ConsentSettingsURL is where on the website people open the cookie
	// settings to change or withdraw their consent; empty when site.toml
	// gives none.
	ConsentSettingsURL Text
	Company            Company
	Law                Law
	Representative     *Contact
	DPO                *Contact
	Authority          Authority
	ReaderAuthority    *Authority // the authority readers of the page language are told of, where the controller is elsewhere (nil: none)
	Activities         []*Activity
	Processors         []*Processor
	Trackers           []*Tracker
	CookieLaw          *CookieLaw // nil where policygen knows none for the controller's country
	ReaderCookieLaw    *CookieLaw // the cookie law of the readers' country of the page language, where the controller is elsewhere; nil otherwise
	Retention          []*Retention
	Minors             *Minors   // nil without [minors]
	Security           *Security // nil without [security]
	ChangeNotice       Text      // how people are told of material changes besides the changelog, its feed and the banner
	Changes            []Change  // newest first
	Earlier            []Change  // the changes dated before this text's own (Effective): its earlier versions, newest first
	Effective          time.Time
	Draft              bool
}

// Company is the controller.
type Company struct {
	Name     Text
	Address  []Text // the lines of site.toml, then the country's name in the page's language
	Country  string
	Region   string
	Email    Text
	Phone    Text
	Website  Text
	Register Text
	VatID    Text

	// RegisterLabel and VatIDLabel name Register and VatID as they are
	// called in the company's country: "KvK-nummer" for a Dutch company
	// on a Dutch page, the EU "VAT identification number" inside the EU.
	RegisterLabel Text
	VatIDLabel    Text

	// ProcessorFor is the customers' content that the company processes
	// on their behalf as a processor (Art. 28 GDPR).
	ProcessorFor Text

	// Article is the article the name takes in the page's language, as
	// company.article gives it ("die"), or empty.
	Article Text
}

// Law is the data protection law the text is written under, which follows
// from company.country and company.targets_eu (legal.Regime: EU, UK,
// Targeting, EEAState and Both), with the short name of the regulation that
// articles are cited by in the page's language: "GDPR", "DSGVO", "AVG", or
// "UK GDPR" where only the UK GDPR applies. Where both apply, the policy
// says once that the short name means both, whose articles cited have the
// same numbers.
type Law struct {
	legal.Regime
	GDPR string
}

// Contact is the data protection officer or the Art. 27 representative.
type Contact struct {
	Name    Text
	Address []Text // the lines of site.toml, then the country's name; empty without lines
	Country string // of the address; a DPO's is the company's unless site.toml says otherwise
	Email   Text
	Phone   Text
	Form    string // the DPO's: "f" or "m" (the default), the form German pages name them in; empty for the representative
}

// Authority is the competent supervisory authority.
type Authority struct {
	Name    Text
	URL     Text
	Address []Text // postal address, then the country's name; may be empty
	Country string
	// Gloss says what the authority is, for a page in a language that is
	// not official for it: "isländische Datenschutzbehörde" beside
	// "Persónuvernd". Empty where the name needs none, and for an
	// [authority] of site.toml.
	Gloss Text
}

// CookieLaw is the provision on storing and reading information on a
// user's device of the controller's country (company.country), in the
// page's language; see legal.CookieLawText for the fields. Directive is
// true where it implements Art. 5(3) of the ePrivacy Directive, that is
// in the EEA, and false for the UK's PECR.
type CookieLaw struct {
	Country       string
	Directive     bool
	Where         Text
	Provision     Text
	Name          Text
	Previous      Text
	Exemptions    Text
	Necessary     Text
	Consent       Text // the consent rule cited beside Art. 6(1)(a): "§ 25 Abs. 1 TDDDG", else Provision
	ExemptionNote Text
	Exempt        []string
}

// Exempts reports whether the law's ExemptionNote may cover trackers of
// the category, such as "statistics" under the Dutch analytics exemption.
func (c *CookieLaw) Exempts(category string) bool { return slices.Contains(c.Exempt, category) }

// Activity is a processing activity.
type Activity struct {
	ID           string
	Title        Text
	Purpose      Text
	Data         []DataCategory
	Basis        config.LegalBasis
	Interest     Text
	Source       Text
	SourcePublic bool
	Required     string
	Consequence  Text
	Recipients   []*Processor
	Retention    *Retention
	Automated    Text

	// SourceData are the categories of Data that come from Source, all of
	// them unless site.toml names some in source_data; OwnData are the
	// others, which the person provides (Art. 13(2)(e) GDPR). An activity
	// without a source has no SourceData and all of Data as OwnData.
	SourceData []DataCategory
	OwnData    []DataCategory

	// AutomatedException is the exception of Art. 22(2) GDPR the Automated
	// decision-making relies on: "contract", "law" or "explicit_consent";
	// "" for none (no decision, or a company under the UK GDPR alone).
	AutomatedException string

	// Withdraw says how consent to the activity is withdrawn besides
	// writing to the company (only for basis consent; may be empty).
	Withdraw Text
	// DirectMarketing says that the activity processes data for direct
	// marketing (Art. 21(2) GDPR).
	DirectMarketing bool
}

// AutomatedPoint returns the point of Art. 22(2) GDPR the activity's
// automated decision-making relies on: "a", "b" or "c"; "" for none.
func (a *Activity) AutomatedPoint() string {
	return config.AutomatedException(a.AutomatedException).Point()
}

// Processor is a recipient.
type Processor struct {
	ID           string
	Name         Text
	Role         string
	Service      Text
	Country      string
	Transfer     string // under the EU GDPR; "adequacy" where a decision covers it, "" where no transfer
	UKTransfer   string // under the UK GDPR, the same way
	PrivacyURL   Text
	ThirdCountry bool        // a transfer under a law that applies to the controller, which the policy lists
	Activities   []*Activity // the activities that name it as a recipient, in site order

	// A joint controller's: what is jointly controlled, who does what
	// (may be empty), where the essence of the arrangement is (may be empty).
	JointScope     Text
	JointDuties    Text
	ArrangementURL Text

	Onward []*Onward // the third countries the recipient passes the data on to
}

// Onward is a recipient's onward transfer to a third country, with its
// safeguards filled in as for a recipient's own (Processor.Transfer).
type Onward struct {
	Name       Text // to whom; may be empty ("affiliates or sub-processors")
	Country    string
	Transfer   string
	UKTransfer string
}

// Tracker is a cookie or similar technology.
type Tracker struct {
	Name       Text
	Provider   *Processor
	FirstParty bool   // set by the company itself: it has no Provider
	Party      string // "first" when set by the site's own domain, "third" when by another's
	Category   string
	Kind       string
	Expiry     config.Duration
	Purpose    Text
}

// Retention is a retention rule.
type Retention struct {
	ID         string
	Data       []DataCategory
	Period     config.Duration
	After      config.Trigger
	Basis      Text
	Activities []*Activity // the activities whose data the rule governs
}

// Minors is the age from which the website and services are meant to be
// used.
type Minors struct {
	MinimumAge int
	Note       Text
}

// Security is the technical and organisational measures (Art. 32 GDPR).
type Security struct {
	Measures     []string // values of config.Measures, in the order of config.Measures
	Note         Text
	BreachNotice config.Duration // zero when the company commits to no period
}

// DataCategory is a category of personal data with its label in the
// page's language.
type DataCategory struct {
	ID    string
	Label Text
}

// String prints the label, escaped.
func (d DataCategory) String() string { return d.Label.String() }

// String prints the activity's title, escaped, so that a list of
// activities reads as their titles.
func (a *Activity) String() string { return a.Title.String() }

// String prints the recipient's name, escaped.
func (p *Processor) String() string { return p.Name.String() }

// String prints the tracker's name, escaped.
func (t *Tracker) String() string { return t.Name.String() }

// Change is a changelog entry.
type Change struct {
	Date time.Time
	Note Text
}

// TrackerGroup is the trackers of one category.
type TrackerGroup struct {
	Category string
	Trackers []*Tracker
}

// ThirdCountryProviders returns the providers outside the EEA of the
// group's third-party trackers, each once, in the order of their first
// tracker.
func (g TrackerGroup) ThirdCountryProviders() []*Processor {
	var out []*Processor
	seen := map[string]bool{}
	for _, t := range g.Trackers {
		if t.FirstParty || t.Provider == nil || !t.Provider.ThirdCountry || seen[t.Provider.ID] {
			continue
		}
		seen[t.Provider.ID] = true
		out = append(out, t.Provider)
	}
	return out
}

// OnwardProviders returns the providers of the group's trackers that pass
// data on to other countries (Processor.Onward), each once, in the order of
// their first tracker: the cookie policy names who can access the data
// (Planet49, C-673/17) wherever the provider sends it.
func (g TrackerGroup) OnwardProviders() []*Processor {
	var out []*Processor
	seen := map[string]bool{}
	for _, t := range g.Trackers {
		if t.FirstParty || t.Provider == nil || len(t.Provider.Onward) == 0 || seen[t.Provider.ID] {
			continue
		}
		seen[t.Provider.ID] = true
		out = append(out, t.Provider)
	}
	return out
}

// DatedFields are the fields of Site that depend on the date a text is
// rendered as of, and on whether it is a draft; nothing else in the model,
// nor any method, does. A clause that names none of them renders the same
// on any date, which lets a build render the draft's other clauses once.
func DatedFields() []string { return []string{"Changes", "Earlier", "Effective", "Draft"} }

// Words is what the model takes from the page's language: messages (the
// labels of built-in data categories, the labels that depend on the
// company's country) and country names. A *locale.Lang is one.
type Words interface {
	// TOrID returns the message id, or id itself when there is none.
	TOrID(id string, data map[string]any) string
	// Country returns the name of the country with the ISO code.
	Country(code string) string
}

// Build resolves site into lang, with the messages and country names of
// words. asOf is the build date: the newest change on or before it is the
// effective version. site must have passed validation.
func Build(site *config.Site, lang string, facts *legal.Facts, words Words, asOf time.Time) *Site {
	b := builder{site: site, lang: lang, facts: facts, words: words}
	return b.build(asOf)
}

// Inputs returns what of the site configuration the field or method of
// Site named name is built from, as paths of config.Site ("Company",
// "Company.Phone", "Trackers"); sub, if not empty, is the field of name's
// value that is read (Company.Phone). ok is false for a name that is not
// a field or method of Site. The lists of activities, processors,
// retention rules, data categories and trackers refer to each other, so
// each depends on all of them. The date and the draft flag (DatedFields)
// are inputs of their own; the facts and the message labels are fixed for
// a loaded site. The page's language is an input of every field.
func Inputs(name, sub string) (paths []string, ok bool) {
	// A recipient's transfer tools follow from where the controller is
	// and whether it targets the EU (legal.Facts.Transfers).
	lists := []string{"Activities", "Processors", "Retention", "Data", "Trackers", "Company.Country", "Company.TargetsEU"}
	switch name {
	case "Lang", "Languages", "BaseURL":
		return []string{"Settings"}, true
	case "ConsentSettingsURL":
		return []string{"Settings.ConsentSettingsURL"}, true
	case "Company":
		switch sub {
		case "Address":
			return []string{"Company.Address", "Company.Country"}, true // the country line
		case "RegisterLabel", "VatIDLabel":
			return []string{"Company.Country"}, true
		}
		if _, has := reflect.TypeFor[config.Company]().FieldByName(sub); sub != "" && has {
			return []string{"Company." + sub}, true // model.Company has config.Company's fields
		}
		return []string{"Company"}, true
	case "Representative":
		return []string{name}, true
	case "DPO":
		return []string{name, "Company.Country"}, true // the country of a DPO without one
	case "Authority":
		return []string{"Authority", "Company"}, true
	case "Law", "ReaderAuthority", "ReaderCookieLaw":
		return []string{"Company.Country", "Company.TargetsEU"}, true
	case "CookieLaw":
		return []string{"Company.Country"}, true
	case "Activities", "Processors", "Trackers", "Retention", "UsesBasis", "ThirdCountryRecipients", "SafeguardedRecipients", "OnwardRecipients",
		"SourcedActivities", "ProvidedActivities", "AutomatedActivities", "TrackerGroups", "ConsentTrackers", "UsesCategory",
		"ObjectionActivities", "DirectMarketingActivities":
		return lists, true
	case "Minors", "Security":
		return []string{name}, true
	case "ChangeNotice":
		return []string{"Settings.ChangeNotice"}, true
	case "Changes", "Earlier", "Effective", "Draft":
		return []string{"Changes"}, true
	}
	return nil, false
}
