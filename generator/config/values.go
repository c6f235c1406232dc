package config

import (
	"encoding/json"
	"fmt"
	"math"
	"net/mail"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// valueError is what a value type's UnmarshalText returns; the decoder puts
// it at the value's position.
type valueError struct {
	msg, hint string
}

func (e *valueError) Error() string { return e.msg }

func badValue(hint, format string, args ...any) error {
	return &valueError{msg: fmt.Sprintf(format, args...), hint: hint}
}

// isID reports whether s is an id: [a-z0-9_-]+. Model snapshots hold
// thousands of ids, which is why this is not a regular expression.
func isID[T string | []byte](s T) bool {
	for i := range len(s) {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return len(s) > 0
}

// ID names an activity, processor, retention rule or data category.
type ID string

// UnmarshalText accepts [a-z0-9_-]+.
func (id *ID) UnmarshalText(b []byte) error {
	if !isID(b) {
		return badValue("ids use lowercase letters, digits, '_' and '-' only", "invalid id %q", b)
	}
	*id = ID(b)
	return nil
}

// enum is a string type with a fixed set of values.
func enum(dst *string, b []byte, what string, allowed []string) error {
	s := string(b)
	for _, a := range allowed {
		if s == a {
			*dst = s
			return nil
		}
	}
	hint := "use one of: " + strings.Join(allowed, ", ")
	if m := suggest(s, allowed); m != "" {
		hint = fmt.Sprintf("did you mean %q? (%s)", m, hint)
	}
	return badValue(hint, "unknown %s %q", what, s)
}

// LegalBasis is a lawful basis of Art. 6(1) GDPR.
type LegalBasis string

// legalBases are the legal bases in the order of Art. 6(1) (a) to (f).
var legalBases = []string{"consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"}

// LegalBases returns the legal bases in the order of Art. 6(1) (a) to (f),
// in a new slice each time.
func LegalBases() []string { return slices.Clone(legalBases) }

// UnmarshalText accepts one of LegalBases.
func (v *LegalBasis) UnmarshalText(b []byte) error {
	return enum((*string)(v), b, "legal basis", legalBases)
}

// Point returns the letter of Art. 6(1) for the basis: "a" for consent.
func (v LegalBasis) Point() string {
	for i, b := range legalBases {
		if string(v) == b {
			return string(rune('a' + i))
		}
	}
	return ""
}

// Role is a recipient's role under the GDPR.
type Role string

// UnmarshalText accepts processor, controller or joint_controller.
func (v *Role) UnmarshalText(b []byte) error {
	return enum((*string)(v), b, "role", []string{"processor", "controller", "joint_controller"})
}

// Transfer is the safeguard for a transfer to a third country.
type Transfer string

// UnmarshalText accepts dpf, scc, bcr, adequacy, consent or contract (the
// derogation of Art. 49(1)(b): the transfer is necessary for the
// performance of a contract with the person, such as registering a domain
// name with a registry abroad).
func (v *Transfer) UnmarshalText(b []byte) error {
	return enum((*string)(v), b, "transfer mechanism", []string{"dpf", "scc", "bcr", "adequacy", "consent", "contract"})
}

// UKTransfer is the safeguard for a restricted transfer under the UK GDPR.
type UKTransfer string

// UKTransfers are the values of uk_transfer: the International Data Transfer
// Agreement, the UK Addendum to the EU standard contractual clauses, the UK
// Extension to the EU-US Data Privacy Framework, binding corporate rules and
// explicit consent.
func UKTransfers() []string { return []string{"idta", "uk_addendum", "uk_dpf", "bcr", "consent"} }

// UnmarshalText accepts one of UKTransfers.
func (v *UKTransfer) UnmarshalText(b []byte) error {
	return enum((*string)(v), b, "UK transfer mechanism", UKTransfers())
}

// Required says whether a person must provide the data of an activity:
// technical is data the browser or device sends by itself, without which
// the site or service cannot be delivered.
type Required string

// Requireds returns the values of Required, in a new slice each time.
func Requireds() []string { return []string{"contract", "statutory", "technical", "no"} }

// UnmarshalText accepts one of Requireds.
func (v *Required) UnmarshalText(b []byte) error {
	return enum((*string)(v), b, "value for required", Requireds())
}

// AutomatedException is the exception of Art. 22(2) GDPR that automated
// decision-making relies on: contract is point (a), law point (b),
// explicit_consent point (c).
type AutomatedException string

// AutomatedExceptions returns the values of AutomatedException, in a new
// slice each time.
func AutomatedExceptions() []string { return []string{"contract", "law", "explicit_consent"} }

// UnmarshalText accepts one of AutomatedExceptions.
func (v *AutomatedException) UnmarshalText(b []byte) error {
	return enum((*string)(v), b, "automated exception", AutomatedExceptions())
}

// Point returns the point of Art. 22(2) GDPR the exception is: "a", "b"
// or "c"; "" for none.
func (v AutomatedException) Point() string {
	switch v {
	case "contract":
		return "a"
	case "law":
		return "b"
	case "explicit_consent":
		return "c"
	}
	return ""
}

// Fits reports whether an activity with the legal basis may rely on the
// exception: a contract on Art. 6(1)(b), explicit consent on consent, a
// law on a legal obligation or a public task.
func (v AutomatedException) Fits(basis LegalBasis) bool {
	switch v {
	case "contract":
		// The exception is about the decision, the basis about the
		// processing: a credit check before a contract on invoice is
		// commonly based on legitimate interests (EDPB Guidelines 2/2019 on
		// Art. 6(1)(b): protecting the controller against default is not
		// necessary for performing the contract).
		return basis == "contract" || basis == "legitimate_interests"
	case "explicit_consent":
		return basis == "consent"
	case "law":
		return basis == "legal_obligation" || basis == "public_task"
	}
	return false
}

// Category is a tracker category.
type Category string

// categories are the tracker categories in the order pages show them.
var categories = []string{"necessary", "preferences", "statistics", "marketing"}

// Categories returns the tracker categories in the order pages show them,
// in a new slice each time.
func Categories() []string { return slices.Clone(categories) }

// UnmarshalText accepts one of Categories.
func (v *Category) UnmarshalText(b []byte) error {
	return enum((*string)(v), b, "tracker category", categories)
}

// Kind is the technology of a tracker.
type Kind string

// UnmarshalText accepts cookie, local_storage, session_storage or pixel.
func (v *Kind) UnmarshalText(b []byte) error {
	return enum((*string)(v), b, "tracker kind", []string{"cookie", "local_storage", "session_storage", "pixel"})
}

// Party says whether a tracker is set by the domain of the website
// visited (first) or by another (third).
type Party string

// UnmarshalText accepts first or third.
func (v *Party) UnmarshalText(b []byte) error {
	return enum((*string)(v), b, "party", []string{"first", "third"})
}

// Trigger is the event a retention period runs from.
type Trigger string

// Triggers returns the retention triggers, in a new slice each time.
// calendar_year_end is the end of the calendar year the data was recorded
// in, from which German retention periods run (§ 147 Abs. 4 AO, § 257
// Abs. 5 HGB).
func Triggers() []string {
	return []string{"collection", "contract_end", "account_closure", "fiscal_year_end", "calendar_year_end", "consent_withdrawal"}
}

// UnmarshalText accepts one of Triggers.
func (v *Trigger) UnmarshalText(b []byte) error {
	return enum((*string)(v), b, "retention trigger", Triggers())
}

// Measure is a security measure of [security] measures.
type Measure string

// measures are the values of Measure, in the order pages list them: the
// examples of Art. 32(1) GDPR first.
var measures = []string{
	"pseudonymisation", "encryption_in_transit", "encryption_at_rest", "access_control", "multi_factor_authentication",
	"physical_security", "backups", "logging", "data_minimisation", "staff_training", "confidentiality",
	"processor_audits", "incident_response", "regular_testing",
}

// Measures returns the security measures in the order pages list them, in
// a new slice each time.
func Measures() []string { return slices.Clone(measures) }

// UnmarshalText accepts one of Measures.
func (v *Measure) UnmarshalText(b []byte) error {
	return enum((*string)(v), b, "security measure", measures)
}

// DPOForm is the grammatical form of "Datenschutzbeauftragte(r)" that
// German pages use for the data protection officer: "f" (unsere
// Datenschutzbeauftragte) or "m" (unser Datenschutzbeauftragter, also the
// DSGVO's name of the function, used when the key is left out).
type DPOForm string

// UnmarshalText accepts f or m.
func (v *DPOForm) UnmarshalText(b []byte) error {
	return enum((*string)(v), b, "form", []string{"f", "m"})
}

// articles are the articles that company.article accepts, by language.
var articles = map[string][]string{"de": {"der", "die", "das"}}

// Country is an ISO 3166-1 alpha-2 country code, in capitals.
type Country string

// UnmarshalText accepts a known two-letter country code in either case.
func (c *Country) UnmarshalText(b []byte) error {
	s := strings.ToUpper(string(b))
	r, err := language.ParseRegion(s)
	if len(s) != 2 || err != nil || !r.IsCountry() || r.Canonicalize().ISO3() == "ZZZ" {
		return badValue("use an ISO 3166-1 alpha-2 code such as \"DE\", \"NL\" or \"US\"", "unknown country code %q", b)
	}
	if c := r.Canonicalize().String(); c != s { // an alias such as UK, which ISO 3166-1 writes GB
		return badValue(fmt.Sprintf("write %q", c), "%q is not the ISO 3166-1 code of the country", b)
	}
	*c = Country(s)
	return nil
}

// Email is an e-mail address.
type Email string

// UnmarshalText accepts a bare address such as privacy@example.com.
func (e *Email) UnmarshalText(b []byte) error {
	s := string(b)
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return badValue("write the address alone, such as privacy@example.com", "invalid e-mail address %q", s)
	}
	*e = Email(s)
	return nil
}

// URL is an absolute http or https URL.
type URL string

// UnmarshalText accepts an absolute http(s) URL.
func (u *URL) UnmarshalText(b []byte) error {
	s := string(b)
	p, err := url.Parse(s)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Hostname() == "" || strings.ContainsAny(s, " \t\n<>\"") {
		return badValue("write a full address such as https://www.example.com/privacy", "invalid URL %q", s)
	}
	if port := p.Port(); strings.HasSuffix(p.Host, ":") || port != "" && !validPort(port) {
		return badValue("a port is a number from 1 to 65535, such as https://localhost:8080/; most addresses need none",
			"invalid port in URL %q", s)
	}
	*u = URL(s)
	return nil
}

func validPort(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1 && n <= 65535 && s[0] != '0' && s[0] != '+'
}

// BaseURL is the address the pages are published under: a URL that the
// pages' own paths are appended to, so it has no query, fragment or user.
type BaseURL string

// UnmarshalText accepts an absolute http(s) URL without query or fragment.
func (u *BaseURL) UnmarshalText(b []byte) error {
	if err := (*URL)(u).UnmarshalText(b); err != nil {
		return err
	}
	p, _ := url.Parse(string(b))
	const hint = "write the address of the folder the pages go to, such as https://www.example.com/legal/"
	switch {
	case p.RawQuery != "" || p.ForceQuery:
		return badValue(hint, "%q has a query (?…); the page paths are appended to it", b)
	case p.Fragment != "" || strings.Contains(string(b), "#"):
		return badValue(hint, "%q has a fragment (#…); the page paths are appended to it", b)
	case p.User != nil:
		return badValue(hint, "%q holds a user name; it is published on every page", b)
	}
	return nil
}

// Duration is a period such as "2y" or "30d", or one of the words "session"
// and "none" (tracker expiry: a pixel stores nothing) and "until_withdrawn"
// (retention period).
type Duration struct {
	N       int
	Unit    string // h, d, w, m or y
	Special string // session, none or until_withdrawn, with N and Unit zero
}

// Duration units in the order of their length.
var durationUnits = "hdwmy"

// ParseDuration parses the duration grammar of site.toml.
func ParseDuration(s string) (Duration, error) {
	const hint = `write a number followed by h, d, w, m (months) or y, such as "30d" or "2y", or "session", "none" or "until_withdrawn"`
	switch s {
	case "session", "none", "until_withdrawn":
		return Duration{Special: s}, nil
	}
	if len(s) < 2 || !strings.Contains(durationUnits, s[len(s)-1:]) {
		return Duration{}, badValue(hint, "invalid duration %q", s)
	}
	digits := s[:len(s)-1]
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || n > 1000 || digits[0] == '0' || digits[0] == '+' {
		return Duration{}, badValue(hint, "invalid duration %q", s)
	}
	return Duration{N: n, Unit: s[len(s)-1:]}, nil
}

// UnmarshalText parses the duration grammar.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err == nil {
		*d = v
	}
	return err
}

// String formats the duration as it is written in site.toml.
func (d Duration) String() string {
	if d.Special != "" {
		return d.Special
	}
	return strconv.Itoa(d.N) + d.Unit
}

// The average lengths of a month and a year in the Gregorian calendar, so
// that 12 months are a year.
const (
	averageYear  = 31556952 * time.Second // 365.2425 days
	averageMonth = averageYear / 12
)

// Length returns how long the duration is, a month and a year at their
// average lengths; false for session, none and until_withdrawn, which
// have none. A duration longer than a time.Duration holds (about 292
// years; site.toml allows "1000y") is the longest one.
func (d Duration) Length() (time.Duration, bool) {
	unit := map[string]time.Duration{"h": time.Hour, "d": 24 * time.Hour, "w": 7 * 24 * time.Hour, "m": averageMonth, "y": averageYear}[d.Unit]
	switch {
	case d.Special != "" || unit == 0:
		return 0, false
	case time.Duration(d.N) > math.MaxInt64/unit:
		return math.MaxInt64, true
	}
	return time.Duration(d.N) * unit, true
}

// MarshalText writes the duration as in site.toml.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// LocalizedText is free text in one or more languages: in TOML either a
// table with one string per language or, for a single-language site, a
// plain string.
type LocalizedText struct {
	Plain  string            // the plain-string form, if used
	ByLang map[string]string // the table form
}

// IsZero reports whether the text was not given.
func (t LocalizedText) IsZero() bool { return t.Plain == "" && len(t.ByLang) == 0 }

// In returns the text in lang.
func (t LocalizedText) In(lang string) string {
	if t.ByLang == nil {
		return t.Plain
	}
	return t.ByLang[lang]
}

// UnmarshalTOML accepts a string or a table of strings.
func (t *LocalizedText) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		t.Plain = v
		return nil
	case map[string]any:
		t.ByLang = make(map[string]string, len(v))
		for lang, s := range v {
			str, ok := s.(string)
			if !ok {
				return badValue(`write { en = "…", de = "…" }`, "the %s text must be a string, not %s", lang, tomlType(s))
			}
			t.ByLang[lang] = str
		}
		return nil
	}
	return badValue(`write { en = "…", de = "…", nl = "…" } with one text per site language`, "expected a text or a table of texts, not %s", tomlType(v))
}

// MarshalJSON writes the table form as an object, its languages sorted,
// or the plain string.
func (t LocalizedText) MarshalJSON() ([]byte, error) {
	if t.ByLang == nil {
		return json.Marshal(t.Plain)
	}
	return json.Marshal(t.ByLang)
}

// UnmarshalJSON reads what MarshalJSON wrote: a string or an object.
func (t *LocalizedText) UnmarshalJSON(b []byte) error {
	*t = LocalizedText{}
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &t.Plain)
	}
	return json.Unmarshal(b, &t.ByLang)
}

// Langs returns the languages of the table form, sorted.
func (t LocalizedText) Langs() []string {
	langs := make([]string, 0, len(t.ByLang))
	for l := range t.ByLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	return langs
}
