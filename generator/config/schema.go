package config

import "time"

// Site is a decoded site.toml. Field tags give the TOML key; ",required"
// marks keys that must be present. JSON tags shape policy.json and the model
// snapshots of released versions.
type Site struct {
	Settings       Settings                `toml:"site,required" json:"site"`
	Company        Company                 `toml:"company,required" json:"company"`
	Representative *Contact                `toml:"representative" json:"representative,omitempty"`
	DPO            *DPO                    `toml:"dpo" json:"dpo,omitempty"`
	Authority      *Authority              `toml:"authority" json:"authority,omitempty"`
	Activities     []Activity              `toml:"activity" json:"activities"`
	Processors     []Processor             `toml:"processor" json:"processors"`
	Trackers       []Tracker               `toml:"tracker" json:"trackers"`
	Retention      []Retention             `toml:"retention" json:"retention"`
	Data           map[string]DataCategory `toml:"data" json:"data,omitempty"`
	Minors         *Minors                 `toml:"minors" json:"minors,omitempty"`
	Security       *Security               `toml:"security" json:"security,omitempty"`
	Changes        []Change                `toml:"change" json:"changes"`

	// Check holds the settings of policygen check; they are not policy
	// text, so no snapshot keeps them.
	Check CheckSettings `toml:"check" json:"-"`
}

// CheckSettings is the [check] table.
type CheckSettings struct {
	// Ignore silences check rules for the whole site, each with the
	// reason a reviewer can read.
	Ignore []Ignore `toml:"ignore" json:"-"`
}

// Ignore silences one check rule, for the site or for the [[activity]],
// [[processor]] or [[tracker]] that holds it.
type Ignore struct {
	Rule   string `toml:"rule,required" json:"-"`
	Reason string `toml:"reason" json:"-"` // why; an ignore without one is itself a warning
}

// Settings is the [site] table.
type Settings struct {
	BaseURL        BaseURL  `toml:"base_url,required" json:"base_url"`
	Languages      []string `toml:"languages,required" json:"languages"`
	Theme          string   `toml:"theme" json:"theme,omitempty"`
	History        string   `toml:"history" json:"-"`
	DisableClauses []string `toml:"disable_clauses" json:"disable_clauses,omitempty"`
	SigningKey     string   `toml:"signing_key" json:"-"` // the Ed25519 public key that signs releases, "ed25519:…"

	// ConsentSettingsURL is where on the website people open the cookie
	// settings again, to change or withdraw their consent.
	ConsentSettingsURL URL `toml:"consent_settings_url" json:"consent_settings_url,omitempty"`
	// ChangeNotice says how people are told of material changes besides
	// the changelog, its feed and the banner of an upcoming version, such
	// as an e-mail to customers.
	ChangeNotice LocalizedText `toml:"change_notice" json:"change_notice,omitzero"`
}

// Company is the controller.
type Company struct {
	Name     string   `toml:"name,required" json:"name"`
	Address  []string `toml:"address,required" json:"address"`
	Country  Country  `toml:"country,required" json:"country"`
	Region   string   `toml:"region" json:"region,omitempty"`
	Email    Email    `toml:"email,required" json:"email"`
	Phone    string   `toml:"phone" json:"phone,omitempty"`
	Website  URL      `toml:"website" json:"website,omitempty"`
	Register string   `toml:"register" json:"register,omitempty"`
	VatID    string   `toml:"vat_id" json:"vat_id,omitempty"`

	// TargetsEU says that a controller outside the EEA offers goods or
	// services to people in the EU or monitors their behaviour there, so
	// that the EU GDPR applies to it (Art. 3(2)); RepresentativeExempt
	// that it needs no representative in the EU (Art. 27(2)(a)).
	TargetsEU            bool `toml:"targets_eu" json:"targets_eu,omitempty"`
	RepresentativeExempt bool `toml:"representative_exempt" json:"representative_exempt,omitempty"`

	// ProcessorFor names the customers' content that the company
	// processes on their behalf (Art. 28 GDPR), for which each customer is
	// the controller and this policy does not speak.
	ProcessorFor LocalizedText `toml:"processor_for" json:"processor_for,omitzero"`

	// Article is the article that the name takes in a language whose
	// grammar wants one: { de = "die" } for "die Grenzland Cloud GmbH".
	Article map[string]string `toml:"article" json:"article,omitempty"`
}

// Contact is a person or office to write to: the data protection officer or
// the Art. 27 representative.
type Contact struct {
	Name    string   `toml:"name,required" json:"name"`
	Address []string `toml:"address" json:"address,omitempty"`
	Country Country  `toml:"country" json:"country,omitempty"` // of the address; the company's for a DPO without one
	Email   Email    `toml:"email,required" json:"email"`
	Phone   string   `toml:"phone" json:"phone,omitempty"`
}

// DPO is the data protection officer: a Contact, and the grammatical form
// German pages name the officer in.
type DPO struct {
	Name    string   `toml:"name,required" json:"name"`
	Address []string `toml:"address" json:"address,omitempty"`
	Country Country  `toml:"country" json:"country,omitempty"` // of the address; the company's when left out
	Email   Email    `toml:"email,required" json:"email"`
	Phone   string   `toml:"phone" json:"phone,omitempty"`
	Form    DPOForm  `toml:"form" json:"form,omitempty"`
}

// Contact returns the officer's contact details, or nil for a nil d.
func (d *DPO) Contact() *Contact {
	if d == nil {
		return nil
	}
	return &Contact{Name: d.Name, Address: d.Address, Country: d.Country, Email: d.Email, Phone: d.Phone}
}

// Authority is a supervisory authority named in site.toml.
type Authority struct {
	Name    string   `toml:"name,required" json:"name"`
	URL     URL      `toml:"url,required" json:"url"`
	Address []string `toml:"address" json:"address,omitempty"`
	Country Country  `toml:"country" json:"country,omitempty"` // of the address; the company's when left out
}

// Activity is a processing activity: one purpose, its legal basis and data.
type Activity struct {
	ID           ID            `toml:"id,required" json:"id"`
	Title        LocalizedText `toml:"title,required" json:"title"`
	Purpose      LocalizedText `toml:"purpose,required" json:"purpose"`
	Data         []ID          `toml:"data,required" json:"data"`
	Basis        LegalBasis    `toml:"basis,required" json:"basis"`
	Interest     LocalizedText `toml:"interest" json:"interest,omitzero"`
	Source       LocalizedText `toml:"source" json:"source,omitzero"`
	SourcePublic bool          `toml:"source_public" json:"source_public,omitempty"`
	Required     Required      `toml:"required,required" json:"required"`
	Consequence  LocalizedText `toml:"consequence" json:"consequence,omitzero"`
	Recipients   []ID          `toml:"recipients" json:"recipients"`
	Retention    ID            `toml:"retention,required" json:"retention"`
	Automated    LocalizedText `toml:"automated" json:"automated,omitzero"`

	// SourceData are the categories of Data that come from Source; the
	// others come from the person. Without it, all come from Source.
	SourceData []ID `toml:"source_data" json:"source_data,omitempty"`

	// AutomatedException is the exception of Art. 22(2) GDPR that the
	// Automated decision-making relies on; required with it.
	AutomatedException AutomatedException `toml:"automated_exception" json:"automated_exception,omitempty"`
	// Withdraw says how consent to this activity is withdrawn besides
	// writing to the company: "with the unsubscribe link in every
	// newsletter". Only with basis = "consent".
	Withdraw LocalizedText `toml:"withdraw" json:"withdraw,omitzero"`

	// Ignore silences check rules for this activity (see CheckSettings).
	Ignore []Ignore `toml:"ignore" json:"-"`

	// DirectMarketing says that the activity processes data for direct
	// marketing, to which people may always object (Art. 21(2), (3) GDPR).
	DirectMarketing bool `toml:"direct_marketing" json:"direct_marketing,omitempty"`
}

// Processor is a recipient of personal data.
type Processor struct {
	ID         ID            `toml:"id,required" json:"id"`
	Name       string        `toml:"name,required" json:"name"`
	Role       Role          `toml:"role,required" json:"role"`
	Service    LocalizedText `toml:"service,required" json:"service"`
	Country    Country       `toml:"country,required" json:"country"`
	Transfer   Transfer      `toml:"transfer" json:"transfer,omitempty"`
	UKTransfer UKTransfer    `toml:"uk_transfer" json:"uk_transfer,omitempty"`
	PrivacyURL URL           `toml:"privacy_url" json:"privacy_url,omitempty"`

	// Hosts are the host names the site loads anything from that belong
	// to this recipient, for policygen audit: "cdn.example.com", or
	// "*.example.com" for example.com and every host under it.
	Hosts []string `toml:"hosts" json:"hosts,omitempty"`

	// JointScope, JointDuties and ArrangementURL are for a joint
	// controller only (Art. 26): what is jointly controlled, such as the
	// collection by a pixel and the transmission (CJEU C-40/17, Fashion
	// ID); who does what; where the essence of the arrangement is published.
	JointScope     LocalizedText `toml:"joint_scope" json:"joint_scope,omitzero"`
	JointDuties    LocalizedText `toml:"joint_duties" json:"joint_duties,omitzero"`
	ArrangementURL URL           `toml:"arrangement_url" json:"arrangement_url,omitempty"`

	// Onward are the third countries the recipient passes the data on to,
	// to its affiliates or sub-processors.
	Onward []Onward `toml:"onward" json:"onward,omitempty"`

	// Ignore silences check rules for this recipient (see CheckSettings).
	Ignore []Ignore `toml:"ignore" json:"-"`
}

// Onward is an onward transfer by a recipient: to whom (optional), the
// country, and the safeguard under each law that applies, as for the
// recipient itself.
type Onward struct {
	Name       string     `toml:"name" json:"name,omitempty"`
	Country    Country    `toml:"country,required" json:"country"`
	Transfer   Transfer   `toml:"transfer" json:"transfer,omitempty"`
	UKTransfer UKTransfer `toml:"uk_transfer" json:"uk_transfer,omitempty"`
}

// Tracker is a cookie or similar technology.
type Tracker struct {
	Name     string        `toml:"name,required" json:"name"`
	Provider ID            `toml:"provider,required" json:"provider"`
	Category Category      `toml:"category,required" json:"category"`
	Kind     Kind          `toml:"kind,required" json:"kind"`
	Expiry   Duration      `toml:"expiry,required" json:"expiry"` // "none" for a pixel that stores nothing
	Purpose  LocalizedText `toml:"purpose,required" json:"purpose"`

	// Party says whose domain sets the tracker: "first" for the site's
	// own, "third" for another's; see PartyOrDefault.
	Party Party `toml:"party" json:"party,omitempty"`

	// Ignore silences check rules for this tracker (see CheckSettings).
	Ignore []Ignore `toml:"ignore" json:"-"`
}

// PartyOrDefault is the tracker's party, or where site.toml gives none,
// first for a tracker of the company itself and third for a provider's.
func (t Tracker) PartyOrDefault() Party {
	switch {
	case t.Party != "":
		return t.Party
	case t.Provider == FirstPartyProvider:
		return "first"
	}
	return "third"
}

// FirstPartyProvider is the provider id of trackers set by the company itself.
const FirstPartyProvider = "first_party"

// Retention is a retention rule.
type Retention struct {
	ID     ID            `toml:"id,required" json:"id"`
	Data   []ID          `toml:"data,required" json:"data"`
	Period Duration      `toml:"period,required" json:"period"`
	After  Trigger       `toml:"after" json:"after"` // required but with period until_withdrawn; see validator.retention
	Basis  LocalizedText `toml:"basis" json:"basis,omitzero"`
}

// DataCategory is a custom data category under [data.ID].
type DataCategory struct {
	Label LocalizedText `toml:"label,required" json:"label"`
}

// Minors is the [minors] table: the age from which the company's website
// and services are meant to be used.
type Minors struct {
	MinimumAge int           `toml:"minimum_age,required" json:"minimum_age"`
	Note       LocalizedText `toml:"note" json:"note,omitzero"`
}

// Security is the [security] table: the technical and organisational
// measures of Art. 32 GDPR, and how fast the company tells people of a
// breach that is likely to put them at high risk (Art. 34).
type Security struct {
	Measures     []Measure     `toml:"measures,required" json:"measures"`
	Note         LocalizedText `toml:"note" json:"note,omitzero"`
	BreachNotice Duration      `toml:"breach_notice" json:"breach_notice,omitzero"`
}

// Change is a changelog entry: one released version of the text.
type Change struct {
	Date time.Time     `toml:"date,required" json:"date"`
	Note LocalizedText `toml:"note" json:"note,omitzero"`
}
