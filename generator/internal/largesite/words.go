package largesite

// text is one phrase in each site language, written natively in each.
type text struct{ en, de, nl string }

// topics name what an activity is about; the generator numbers them to
// tell the 60 activities apart.
var topics = []text{
	{"Customer accounts", "Kundenkonten", "Klantaccounts"},
	{"Orders and delivery", "Bestellungen und Lieferung", "Bestellingen en levering"},
	{"Invoicing", "Rechnungsstellung", "Facturering"},
	{"Customer support", "Kundensupport", "Klantenservice"},
	{"Newsletter", "Newsletter", "Nieuwsbrief"},
	{"Website statistics", "Reichweitenmessung", "Websitestatistieken"},
	{"Online advertising", "Online-Werbung", "Online adverteren"},
	{"Fraud prevention", "Betrugsprävention", "Fraudepreventie"},
	{"Job applications", "Bewerbungen", "Sollicitaties"},
	{"Events and webinars", "Veranstaltungen und Webinare", "Evenementen en webinars"},
	{"Product reviews", "Produktbewertungen", "Productbeoordelingen"},
	{"Loyalty programme", "Kundenbindungsprogramm", "Loyaliteitsprogramma"},
	{"Bookkeeping", "Buchhaltung", "Boekhouding"},
	{"Server logs", "Server-Protokolle", "Serverlogs"},
	{"Surveys", "Umfragen", "Enquêtes"},
}

// purposes are the first sentence of an activity's purpose.
var purposes = []text{
	{"We use these data to provide the service you ordered and to keep you informed about it.",
		"Wir verwenden diese Daten, um die bestellte Leistung zu erbringen und Sie darüber auf dem Laufenden zu halten.",
		"Wij gebruiken deze gegevens om de bestelde dienst te leveren en u daarover op de hoogte te houden."},
	{"We answer your questions by email, chat and phone and keep a record of what was agreed.",
		"Wir beantworten Ihre Fragen per E-Mail, Chat und Telefon und halten fest, was vereinbart wurde.",
		"Wij beantwoorden uw vragen per e-mail, chat en telefoon en leggen vast wat is afgesproken."},
	{"We measure how our website is used so that we can improve it.",
		"Wir messen, wie unsere Website genutzt wird, um sie zu verbessern.",
		"Wij meten hoe onze website wordt gebruikt, zodat wij die kunnen verbeteren."},
	{"We check orders for signs of fraud before we ship them.",
		"Wir prüfen Bestellungen vor dem Versand auf Anzeichen von Betrug.",
		"Wij controleren bestellingen op aanwijzingen voor fraude voordat wij ze verzenden."},
	{"We keep our books and retain records as commercial and tax law require.",
		"Wir führen unsere Bücher und bewahren Unterlagen auf, wie es Handels- und Steuerrecht verlangen.",
		"Wij voeren onze boekhouding en bewaren stukken zoals het handels- en belastingrecht voorschrijft."},
	{"We send you news about products, prices and planned maintenance.",
		"Wir informieren Sie über Produkte, Preise und geplante Wartungsarbeiten.",
		"Wij sturen u nieuws over producten, prijzen en gepland onderhoud."},
}

// interests state a legitimate interest.
var interests = []text{
	{"Protecting our systems and our customers against misuse.", "Schutz unserer Systeme und Kunden vor Missbrauch.", "Bescherming van onze systemen en klanten tegen misbruik."},
	{"Direct marketing to existing customers (recital 47 GDPR).", "Direktwerbung gegenüber Bestandskunden (Erwägungsgrund 47 DSGVO).", "Direct marketing gericht op bestaande klanten (overweging 47 AVG)."},
	{"Improving our products on the basis of how they are used.", "Verbesserung unserer Produkte anhand ihrer Nutzung.", "Verbetering van onze producten op basis van het gebruik ervan."},
}

// jointScope is what a joint controller controls together with the company.
var jointScope = text{"the collection of data on our website and their transmission to this recipient",
	"die Erhebung der Daten auf unserer Website und ihre Übermittlung an diesen Empfänger",
	"het verzamelen van gegevens op onze website en het doorsturen daarvan aan deze ontvanger"}

// services say what a processor does.
var services = []text{
	{"Hosting and data centre services", "Hosting und Rechenzentrumsleistungen", "Hosting en datacenterdiensten"},
	{"Payment processing", "Zahlungsabwicklung", "Betalingsverwerking"},
	{"Email delivery", "E-Mail-Versand", "Verzending van e-mail"},
	{"Customer support software", "Software für den Kundensupport", "Software voor klantenservice"},
	{"Web analytics", "Webanalyse", "Webanalyse"},
	{"Advertising and conversion measurement", "Werbung und Conversion-Messung", "Adverteren en conversiemeting"},
	{"Parcel delivery", "Paketzustellung", "Pakketbezorging"},
	{"Backups in a second data centre", "Datensicherung in einem zweiten Rechenzentrum", "Back-ups in een tweede datacenter"},
	{"Credit reference information", "Bonitätsauskünfte", "Kredietinformatie"},
	{"Error monitoring", "Fehlerüberwachung", "Foutmonitoring"},
	{"Translation of support requests", "Übersetzung von Supportanfragen", "Vertaling van supportverzoeken"},
	{"Tax advice and annual accounts", "Steuerberatung und Jahresabschluss", "Belastingadvies en jaarrekening"},
}

// trackerPurposes say what a cookie or similar technology is for.
var trackerPurposes = []text{
	{"Keeps you signed in.", "Hält Sie angemeldet.", "Houdt u ingelogd."},
	{"Protects our forms against cross-site request forgery.", "Schützt unsere Formulare vor Cross-Site-Request-Forgery.", "Beschermt onze formulieren tegen cross-site request forgery."},
	{"Stores your cookie choices.", "Speichert Ihre Cookie-Auswahl.", "Onthoudt uw cookiekeuze."},
	{"Remembers the language you chose.", "Merkt sich die gewählte Sprache.", "Onthoudt de taal die u hebt gekozen."},
	{"Counts visits and recognises returning visitors by a random ID.", "Zählt Besuche und erkennt wiederkehrende Besucher an einer zufälligen Kennung.", "Telt bezoeken en herkent terugkerende bezoekers aan een willekeurige ID."},
	{"Links clicks on our ads to orders on our website.", "Ordnet Klicks auf unsere Anzeigen den Bestellungen auf unserer Website zu.", "Koppelt klikken op onze advertenties aan bestellingen op onze website."},
	{"Shows our ads to people who visited our website before.", "Zeigt unsere Anzeigen Personen, die unsere Website schon besucht haben.", "Toont onze advertenties aan mensen die onze website eerder hebben bezocht."},
	{"Remembers the contents of your shopping basket.", "Merkt sich den Inhalt Ihres Warenkorbs.", "Onthoudt de inhoud van uw winkelwagen."},
}

// retentionBases give the reason behind a retention period.
var retentionBases = []text{
	{"Commercial and tax law (§ 147 AO, § 257 HGB)", "Handels- und Steuerrecht (§ 147 AO, § 257 HGB)", "Handels- en belastingrecht (§ 147 AO, § 257 HGB)"},
	{"Limitation period for contractual claims (§ 195 BGB)", "Regelmäßige Verjährungsfrist (§ 195 BGB)", "Verjaringstermijn voor contractuele vorderingen (§ 195 BGB)"},
	{"Dutch tax law (art. 52 AWR)", "Niederländisches Steuerrecht (Art. 52 AWR)", "Fiscale bewaarplicht (art. 52 AWR)"},
}

// notes describe a version in the changelog; versions without one show
// the summary generated from the data.
var notes = []text{
	{"A new service provider and updated retention periods.", "Ein neuer Dienstleister und geänderte Speicherfristen.", "Een nieuwe dienstverlener en gewijzigde bewaartermijnen."},
	{"Changes to the cookies on our website.", "Änderungen an den Cookies unserer Website.", "Wijzigingen in de cookies op onze website."},
	{"We no longer work with one of our service providers.", "Wir arbeiten mit einem unserer Dienstleister nicht mehr zusammen.", "Wij werken niet meer samen met een van onze dienstverleners."},
}

// Legal names are made of a word and a legal form of the country.
var (
	nameWords = []string{"Nordlicht", "Kanaal", "Brightwater", "Helix", "Vierkant", "Sonnenhof", "Polder",
		"Bluefin", "Alpenrose", "Tulpen", "Granite", "Lindenbaum", "Zeewind", "Redwood", "Feldberg", "Duinrand"}
	nameKinds = []string{"Cloud", "Data", "Analytics", "Payments", "Logistics", "Mail", "Media", "Software"}
	legalForm = map[string]string{
		"DE": "GmbH", "AT": "GmbH", "NL": "B.V.", "BE": "BV", "FR": "SAS", "IE": "Limited", "SE": "AB",
		"DK": "ApS", "PL": "sp. z o.o.", "ES": "S.L.", "IT": "S.r.l.", "FI": "Oy",
		"US": "Inc.", "GB": "Ltd", "IN": "Pvt. Ltd.", "JP": "K.K.", "CH": "AG", "CA": "Inc.",
		"SG": "Pte. Ltd.", "AU": "Pty Ltd", "BR": "Ltda.",
	}
)

// Countries of processors: two thirds in the EEA, a third outside it.
var (
	eeaCountries   = []string{"DE", "NL", "FR", "IE", "BE", "AT", "SE", "DK", "PL", "ES", "IT", "FI"}
	thirdCountries = []string{"US", "US", "US", "GB", "IN", "JP", "CH", "CA", "SG", "AU", "BR"}
)

// Built-in data categories that activities and retention rules use.
var dataCategories = []string{"name", "email", "phone", "address", "company", "account", "payment",
	"invoice", "ip_address", "device", "usage", "location", "communication", "preferences"}
