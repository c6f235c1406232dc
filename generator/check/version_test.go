package check

import (
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/legal"
)

// runTexts checks the base site with the version texts given.
func runTexts(t *testing.T, texts ...Text) diag.List {
	t.Helper()
	facts, _ := legal.Load()
	return Run(Input{Site: load(t, base), Facts: facts, Texts: texts, Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
}

// text is a version's document in a language, declared at line:col of site.toml.
func text(version, date, doc, lang, markdown string, line, col int) Text {
	d, _ := time.Parse(time.DateOnly, date)
	return Text{Version: version, Date: d, Released: true, Doc: doc, Lang: lang, Markdown: markdown,
		Pos: diag.Pos{File: "site.toml", Line: line, Col: col}}
}

func TestBackdatedVersionReportsEachInstrumentOnceAtTheVersion(t *testing.T) {
	found := runTexts(t,
		text("2022-01-01", "2022-01-01", "privacy", "en", "Google LLC is certified under the EU-US Data Privacy Framework.", 5, 8),
		text("2022-01-01", "2022-01-01", "privacy", "de", "Auf Grundlage des Datenschutzrahmens EU-USA.", 5, 8),
		text("2022-01-01", "2022-01-01", "cookies", "de", "Wir fragen nach § 25 Abs. 1 TDDDG.", 5, 8),
		text("2024-06-01", "2024-06-01", "cookies", "en", "We ask for consent under § 25 TDDDG.", 9, 3),
	)
	want(t, found, "backdated-version", "5:8", "5:8")
	var msgs []string
	for _, e := range found {
		msgs = append(msgs, e.Msg)
	}
	all := strings.Join(msgs, "\n")
	for _, s := range []string{
		`version 2022-01-01 takes effect on 2022-01-01, before the EU-US Data Privacy Framework (Decision (EU) 2023/1795) dates from 2023-07-10, yet its text cites it: privacy in en ("Data Privacy Framework") and privacy in de ("Datenschutzrahmen")`,
		`before the TDDDG dates from 2024-05-14, yet its text cites it: cookies in de ("TDDDG")`,
	} {
		if !strings.Contains(all, s) {
			t.Errorf("no finding %q in\n%s", s, all)
		}
	}
}

func TestBackdatedVersionAcceptsTextsAsTheyStoodThen(t *testing.T) {
	want(t, runTexts(t,
		text("2023-07-10", "2023-07-10", "privacy", "en", "certified under the EU-US Data Privacy Framework", 5, 8),
		text("2019-01-01", "2019-01-01", "privacy", "en", "standard contractual clauses (Art. 46(2)(c) GDPR)", 7, 8),
		text("2022-01-01", "2022-01-01", "cookies", "de", "§ 25 Abs. 1 TTDSG", 9, 8),
		Text{Version: "draft", Doc: "privacy", Lang: "en", Markdown: "Data Privacy Framework"}, // no date yet
	), "backdated-version")
}
