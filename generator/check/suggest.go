package check

import (
	"fmt"
	"strings"

	"github.com/policygen/policygen/generator/config"
)

// draftPurposes are the purposes a suggested tracker starts with, by
// category, for the user to make specific.
var draftPurposes = map[config.Category]map[string]string{
	"necessary":   {"en": "Needed for the website to work", "de": "Für den Betrieb der Website erforderlich", "nl": "Nodig voor de werking van de website"},
	"preferences": {"en": "Remembering your settings", "de": "Speichern Ihrer Einstellungen", "nl": "Onthouden van uw instellingen"},
	"statistics":  {"en": "Statistics on the use of the website", "de": "Statistiken über die Nutzung der Website", "nl": "Statistieken over het gebruik van de website"},
	"marketing":   {"en": "Advertising and measuring its success", "de": "Werbung und Messung ihres Erfolgs", "nl": "Advertenties en het meten van het succes ervan"},
}

// Suggest writes a [[tracker]] entry, ready to paste into site.toml, for
// each cookie or storage key in.Seen holds that no tracker declares:
// category, provider and expiry from the knowledge base and from what the
// audit saw, a draft purpose from the category, and comments where the
// user must decide. It returns "" when everything is declared.
func Suggest(in Input) string {
	c := &Context{Input: in}
	var b strings.Builder
	done := map[string]bool{}
	for _, s := range c.seenItems() {
		if c.declaredAs(s.name, s.kind) >= 0 {
			continue
		}
		name, kb := s.name, known(s.name)
		if len(kb) > 0 && kb[0].Pattern {
			name = kb[0].Name + "*" // "_ga_*" for every measurement id
		}
		if done[s.kind+"\x00"+name] {
			continue
		}
		done[s.kind+"\x00"+name] = true
		var notes []string
		notes = append(notes, fmt.Sprintf("seen by policygen audit: %s", s.where))

		category, ok := knownCategory(kb)
		third := s.cookie != nil && c.Seen.ThirdParty(strings.TrimPrefix(s.cookie.Domain, "."))
		switch {
		case ok:
			notes = append(notes, fmt.Sprintf("the knowledge base knows it as %s", platformOf(kb)))
		case third:
			category = "marketing"
			notes = append(notes, "category: not in the knowledge base; a third party's cookie, so taken as marketing: check")
		default:
			category = "necessary"
			notes = append(notes, "category: not in the knowledge base; necessary only if the site cannot work without it: check")
		}

		provider := config.ID(config.FirstPartyProvider)
		found := false
		for _, e := range kb {
			for _, p := range c.Site.Processors {
				if !found && e.Controller != "" && sameCompany(p.Name, e.Controller) {
					provider, found = p.ID, true
				}
			}
		}
		if !found && s.cookie != nil && s.cookie.SetBy != "" {
			if h := urlHost(s.cookie.SetBy); c.Seen.ThirdParty(h) {
				if id, ok := c.hostRecipient(h); ok {
					provider, found = id, true
				} else {
					notes = append(notes, fmt.Sprintf("provider: set from %s, which no [[processor]] has in its hosts; add the [[processor]] and name it here", h))
				}
			}
		}

		expiry := "session"
		switch {
		case s.cookie != nil && !s.cookie.Session():
			expiry = ExpiryFor(s.cookie.Lifetime)
		case s.kind == "local_storage":
			expiry = "1y"
			if len(kb) > 0 {
				if d, ok := kb[0].Retention.Expiry(); ok && d.Special != "session" {
					expiry = d.String()
				}
			}
			notes = append(notes, "expiry: local storage stays until it is cleared; write when the site clears it")
		}

		for _, n := range notes {
			fmt.Fprintf(&b, "# %s\n", n)
		}
		fmt.Fprintf(&b, "[[tracker]]\nname     = %s\nprovider = %s\ncategory = %s\nkind     = %s\nexpiry   = %s\n",
			tomlString(name), tomlString(string(provider)), tomlString(string(category)), tomlString(s.kind), tomlString(expiry))
		var parts []string
		for _, lang := range c.Site.Settings.Languages {
			text, ok := draftPurposes[category][lang]
			if !ok {
				text = draftPurposes[category]["en"]
			}
			if len(kb) > 0 {
				text += " (" + platformOf(kb) + ")"
			}
			parts = append(parts, lang+" = "+tomlString(text))
		}
		fmt.Fprintf(&b, "purpose  = { %s } # drafted from the category: say what it does for you\n\n", strings.Join(parts, ", "))
	}
	return b.String()
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
