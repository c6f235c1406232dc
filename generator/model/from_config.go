package model

import (
	"cmp"
	"slices"
	"sort"
	"time"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/legal"
)

type builder struct {
	site       *config.Site
	lang       string
	facts      *legal.Facts
	words      Words
	regime     legal.Regime
	processors map[config.ID]*Processor
	retention  map[config.ID]*Retention
}

func (b *builder) text(t config.LocalizedText) Text { return Text(t.In(b.lang)) }

func texts(lines []string) []Text {
	out := make([]Text, len(lines))
	for i, l := range lines {
		out[i] = Text(l)
	}
	return out
}

func (b *builder) build(asOf time.Time) *Site {
	s := b.site
	b.regime = b.facts.RegimeOf(string(s.Company.Country), s.Company.TargetsEU)
	m := &Site{
		Lang:               b.lang,
		Languages:          s.Settings.Languages,
		BaseURL:            string(s.Settings.BaseURL),
		ConsentSettingsURL: Text(s.Settings.ConsentSettingsURL),
		Company:            b.company(),
		Law:                b.law(),
		Authority:          b.authority(),
		ReaderAuthority:    b.readerAuthority(),
		CookieLaw:          b.cookieLaw(),
		ReaderCookieLaw:    b.readerCookieLaw(),
	}
	m.Representative = b.contact(s.Representative)
	m.DPO = b.dpo()
	b.processorsAndRetention(m)
	for _, a := range s.Activities {
		ma := b.activity(a)
		m.Activities = append(m.Activities, ma)
		if ma.Retention != nil {
			ma.Retention.Activities = append(ma.Retention.Activities, ma)
		}
		for i, p := range ma.Recipients {
			if p != nil && !slices.Contains(ma.Recipients[:i], p) { // an activity names a recipient once
				p.Activities = append(p.Activities, ma)
			}
		}
	}
	for _, t := range s.Trackers {
		m.Trackers = append(m.Trackers, b.tracker(t))
	}
	m.Minors, m.Security = b.minors(), b.security()
	m.ChangeNotice = b.text(s.Settings.ChangeNotice)
	m.Changes, m.Effective = b.changes(asOf)
	m.Earlier = EarlierThan(m.Changes, m.Effective)
	m.Draft = m.Effective.IsZero()
	return m
}

func (b *builder) company() Company {
	c := b.site.Company
	country := string(c.Country)
	return Company{
		Name: Text(c.Name), Address: b.address(c.Address, country), Country: country, Region: c.Region,
		Email: Text(c.Email), Phone: Text(c.Phone), Website: Text(c.Website),
		Register: Text(c.Register), VatID: Text(c.VatID),
		RegisterLabel: b.byCountry("register", country, "default"),
		VatIDLabel:    b.byCountry("vat_id", country, b.vatArea(country)),
		ProcessorFor:  b.text(c.ProcessorFor),
		Article:       Text(c.Article[b.lang]),
	}
}

func (b *builder) law() Law {
	name := b.words.TOrID("law.gdpr", nil)
	if b.regime.UK && !b.regime.EU {
		name = b.words.TOrID("law.uk_gdpr", nil)
	}
	return Law{Regime: b.regime, GDPR: name}
}

// vatArea is the key of the VAT label for a company in country that has
// none of its own: inside the EU, the EU VAT identification number.
func (b *builder) vatArea(country string) string {
	if b.facts.InEU(country) {
		return "eu"
	}
	return "default"
}

// byCountry returns the message table.COUNTRY, or table.fallback where the
// country has no message of its own.
func (b *builder) byCountry(table, country, fallback string) Text {
	id := table + "." + country
	if s := b.words.TOrID(id, nil); s != id {
		return Text(s)
	}
	return Text(b.words.TOrID(table+"."+fallback, nil))
}

// address returns the lines of an address in country with the country's
// name in the page's language after them; none without lines. Validation
// dropped a last line that named the country.
func (b *builder) address(lines []string, country string) []Text {
	if len(lines) == 0 {
		return nil
	}
	return append(texts(lines), Text(b.words.Country(country)))
}

func (b *builder) contact(c *config.Contact) *Contact {
	if c == nil {
		return nil
	}
	country := string(cmp.Or(c.Country, b.site.Company.Country))
	return &Contact{Name: Text(c.Name), Address: b.address(c.Address, country), Country: country, Email: Text(c.Email), Phone: Text(c.Phone)}
}

// dpo is the officer's contact with the form German pages name them in:
// masculine, the DSGVO's name of the function, unless dpo.form says "f".
func (b *builder) dpo() *Contact {
	d := b.site.DPO
	if d == nil {
		return nil
	}
	c := b.contact(d.Contact())
	c.Form = cmp.Or(string(d.Form), "m")
	return c
}

func (b *builder) authority() Authority {
	if a := b.site.Authority; a != nil {
		country := string(cmp.Or(a.Country, b.site.Company.Country))
		return Authority{Name: Text(a.Name), URL: Text(a.URL), Address: b.address(a.Address, country), Country: country}
	}
	if b.regime.Targeting && !b.regime.UK {
		return Authority{} // no lead authority (validation allows no [authority])
	}
	country := string(b.site.Company.Country)
	a, _ := b.facts.Authority(country, b.site.Company.Region)
	return b.builtinAuthority(a, country)
}

// builtinAuthority is an authority of authorities.toml as the page prints
// it: its address in the page's language where it has one, and a gloss.
func (b *builder) builtinAuthority(a legal.Authority, country string) Authority {
	lines, ok := a.AddressIn(b.lang)
	if !ok {
		lines = a.Address
	}
	return Authority{Name: Text(a.Name), URL: Text(a.URL), Address: b.address(lines, country), Country: country, Gloss: Text(gloss(a, b.lang))}
}

// gloss says what a built-in authority is for readers of lang: nothing in
// a language whose name it prints; its official name in lang where lang is
// official but the page prints another (a Belgian authority on a German
// page); otherwise the gloss of authorities.toml.
func gloss(a legal.Authority, lang string) string {
	name, has := a.NameIn(lang)
	switch {
	case name == a.Name:
		return ""
	case has && slices.Contains(a.Languages(), lang):
		return name
	}
	g, _ := a.GlossIn(lang)
	return g
}

// readerAuthority is the authority of the country readers of the page
// language mostly live in, when the EU GDPR applies and the controller is
// not there: a Dutch reader of a German company's policy may complain to
// the Autoriteit Persoonsgegevens (Art. 77(1)).
func (b *builder) readerAuthority() *Authority {
	country, ok := b.facts.ReaderCountry(b.lang)
	if !ok || !b.regime.EU || country == string(b.site.Company.Country) {
		return nil
	}
	a, ok := b.facts.Authority(country, "")
	if !ok {
		return nil
	}
	ra := b.builtinAuthority(a, country)
	return &ra
}

// cookieLaw is the cookie provision of the controller's country; nil for a
// country the legal facts do not know, or a page language they are not
// written in, whose clauses then name the national law in general.
func (b *builder) cookieLaw() *CookieLaw { return b.cookieLawOf(string(b.site.Company.Country)) }

// readerCookieLaw is the cookie provision of the country the page
// language names for its readers there, when only the EU GDPR applies and
// the controller is established elsewhere: a Dutch company's German page
// says that it also observes § 25 TDDDG for users in Germany. The cookie
// law of the country where a user is has no one-stop shop.
func (b *builder) readerCookieLaw() *CookieLaw {
	country, ok := b.facts.ReaderCookieLawCountry(b.lang)
	if !ok || !b.regime.EU || b.regime.UK || country == string(b.site.Company.Country) {
		return nil
	}
	return b.cookieLawOf(country)
}

func (b *builder) cookieLawOf(country string) *CookieLaw {
	law, ok := b.facts.CookieLaw(country)
	if !ok {
		return nil
	}
	t, ok := law.In(b.lang)
	if !ok {
		return nil
	}
	return &CookieLaw{
		Country: country, Directive: b.facts.InEEA(country), Where: Text(t.Where), Provision: Text(t.Provision),
		Name: Text(t.Name), Previous: Text(t.Previous), Exemptions: Text(t.Exemptions), Necessary: Text(t.Necessary),
		Consent:       Text(cmp.Or(t.Consent, t.Provision)),
		ExemptionNote: Text(t.ExemptionNote), Exempt: t.Exempt,
	}
}

func (b *builder) processorsAndRetention(m *Site) {
	b.processors = map[config.ID]*Processor{}
	for _, p := range b.site.Processors {
		country := string(p.Country)
		third, eu, uk := b.facts.Transfers(b.regime, country)
		mp := &Processor{
			ID: string(p.ID), Name: Text(p.Name), Role: string(p.Role), Service: b.text(p.Service),
			Country: country, PrivacyURL: Text(p.PrivacyURL), ThirdCountry: third,
		}
		mp.Transfer, mp.UKTransfer = tools(eu, uk, p.Transfer, p.UKTransfer)
		if p.Role == "joint_controller" {
			mp.JointScope, mp.JointDuties, mp.ArrangementURL = b.text(p.JointScope), b.text(p.JointDuties), Text(p.ArrangementURL)
		}
		for _, o := range p.Onward {
			_, eu, uk := b.facts.Transfers(b.regime, string(o.Country))
			mo := &Onward{Name: Text(o.Name), Country: string(o.Country)}
			mo.Transfer, mo.UKTransfer = tools(eu, uk, o.Transfer, o.UKTransfer)
			mp.Onward = append(mp.Onward, mo)
		}
		b.processors[p.ID] = mp
		m.Processors = append(m.Processors, mp)
	}
	b.retention = map[config.ID]*Retention{}
	for _, r := range b.site.Retention {
		mr := &Retention{ID: string(r.ID), Data: b.data(r.Data), Period: r.Period, After: r.After, Basis: b.text(r.Basis)}
		b.retention[r.ID] = mr
		m.Retention = append(m.Retention, mr)
	}
}

// tools returns the safeguards of a transfer under the EU and the UK GDPR,
// where it is one under each: validation allows a blank only where
// adequacy covers it.
func tools(eu, uk bool, transfer config.Transfer, ukTransfer config.UKTransfer) (string, string) {
	var t, ut string
	if eu {
		t = cmp.Or(string(transfer), "adequacy")
	}
	if uk {
		ut = cmp.Or(string(ukTransfer), "adequacy")
	}
	return t, ut
}

func (b *builder) data(ids []config.ID) []DataCategory {
	out := make([]DataCategory, len(ids))
	for i, id := range ids {
		label := Text(b.words.TOrID("data."+string(id), nil))
		if custom, ok := b.site.Data[string(id)]; ok {
			label = b.text(custom.Label)
		}
		out[i] = DataCategory{ID: string(id), Label: label}
	}
	return out
}

func (b *builder) activity(a config.Activity) *Activity {
	ma := &Activity{
		ID: string(a.ID), Title: b.text(a.Title), Purpose: b.text(a.Purpose), Data: b.data(a.Data),
		Basis: a.Basis, Interest: b.text(a.Interest), Source: b.text(a.Source), SourcePublic: a.SourcePublic,
		Required: string(a.Required), Consequence: b.text(a.Consequence), Retention: b.retention[a.Retention],
		Automated: b.text(a.Automated), AutomatedException: string(a.AutomatedException),
		Withdraw: b.text(a.Withdraw), DirectMarketing: a.DirectMarketing,
	}
	ma.SourceData, ma.OwnData = b.origin(a)
	for _, r := range a.Recipients {
		ma.Recipients = append(ma.Recipients, b.processors[r])
	}
	return ma
}

// origin splits the data of an activity into the categories that come
// from its source and those the person provides.
func (b *builder) origin(a config.Activity) (fromSource, own []DataCategory) {
	if a.Source.IsZero() {
		return nil, b.data(a.Data)
	}
	if len(a.SourceData) == 0 {
		return b.data(a.Data), nil
	}
	// both in the order of data, so that they read alike
	var sourced, rest []config.ID
	for _, d := range a.Data {
		if slices.Contains(a.SourceData, d) {
			sourced = append(sourced, d)
		} else {
			rest = append(rest, d)
		}
	}
	if len(rest) == 0 {
		return b.data(sourced), nil
	}
	return b.data(sourced), b.data(rest)
}

func (b *builder) tracker(t config.Tracker) *Tracker {
	return &Tracker{
		Name: Text(t.Name), Provider: b.processors[t.Provider], FirstParty: t.Provider == config.FirstPartyProvider,
		Party:    string(t.PartyOrDefault()),
		Category: string(t.Category), Kind: string(t.Kind), Expiry: t.Expiry, Purpose: b.text(t.Purpose),
	}
}

// changes returns the changelog entries in effect on asOf, newest first,
// and the date of the newest of them.
func (b *builder) changes(asOf time.Time) ([]Change, time.Time) {
	var out []Change
	for _, c := range b.site.Changes {
		if !c.Date.After(asOf) {
			out = append(out, Change{Date: c.Date, Note: b.text(c.Note)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date.After(out[j].Date) })
	if len(out) == 0 {
		return nil, time.Time{}
	}
	return out, out[0].Date
}

// EarlierThan returns the changes dated before date, in their order.
func EarlierThan(changes []Change, date time.Time) []Change {
	var out []Change
	for _, c := range changes {
		if c.Date.Before(date) {
			out = append(out, c)
		}
	}
	return out
}

func (b *builder) minors() *Minors {
	m := b.site.Minors
	if m == nil {
		return nil
	}
	return &Minors{MinimumAge: m.MinimumAge, Note: b.text(m.Note)}
}

// security lists the measures in the order of config.Measures, whatever
// the order of site.toml, so that pages read the same for the same
// measures.
func (b *builder) security() *Security {
	s := b.site.Security
	if s == nil {
		return nil
	}
	out := &Security{Note: b.text(s.Note), BreachNotice: s.BreachNotice}
	for _, m := range config.Measures() {
		if slices.Contains(s.Measures, config.Measure(m)) {
			out.Measures = append(out.Measures, m)
		}
	}
	return out
}
