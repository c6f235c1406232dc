package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/history"
	"github.com/policygen/policygen/generator/markdown"
)

func TestSameTextComparesWhatAReaderSees(t *testing.T) {
	const text = "## Who we are {#controller}\n\nKlein B.V., +31 20 123 4567, [info@example.nl](<mailto:info@example.nl>).\n\n" +
		"## Recipients {#recipients}\n\n| Recipient | Country |\n|---|---|\n| Grenzland Cloud B.V. | Netherlands |\n"
	for _, tc := range []struct {
		name  string
		other string
		same  bool
	}{
		{"the same bytes", text, true},
		{"escaped as before", strings.NewReplacer("B.V.", `B\.V\.`, "+31", `\+31`, "[info@example.nl]", `[info\@example\.nl]`).Replace(text), true},
		{"a word changed", strings.Replace(text, "Netherlands", "Germany", 1), false},
		{"a link's destination changed", strings.Replace(text, "<mailto:info@", "<mailto:privacy@", 1), false},
		{"a value now read as markup", strings.Replace(text, "Klein B.V.", "*Klein* B.V.", 1), false},
		{"a section's title changed", strings.Replace(text, "## Who we are", "## Who we are now", 1), false},
		{"a section's id changed", strings.Replace(text, "{#controller}", "{#company}", 1), false},
		{"a section removed", text[:strings.Index(text, "## Recipients")], false},
		{"text before the first section", "Hello\n\n" + text, false},
	} {
		if got := sameText(text, tc.other); got != tc.same {
			t.Errorf("%s: sameText = %v, want %v", tc.name, got, tc.same)
		}
		if got := sameText(tc.other, text); got != tc.same {
			t.Errorf("%s, the other way round: sameText = %v, want %v", tc.name, got, tc.same)
		}
	}
}

// releaseEscapedAsBefore releases the first [[change]] of the site in dir
// with the company's name and e-mail address escaped as policygen escaped
// every value before 2027-07: "Klein B\.V\.", "info\@example\.nl".
func releaseEscapedAsBefore(t *testing.T, dir string) {
	t.Helper()
	site, err := loadDir(t, dir, "2000-01-01")
	if err != nil {
		t.Fatal(err)
	}
	c := site.Config.Site.Changes[0]
	texts, err := site.renderTexts(time.Time(c.Date), false)
	if err != nil {
		t.Fatal(err)
	}
	asBefore := strings.NewReplacer("Klein B.V.", `Klein B\.V\.`, "[info@example.nl]", `[info\@example\.nl]`)
	for doc, langs := range texts {
		for lang, md := range langs {
			texts[doc][lang] = asBefore.Replace(md)
		}
	}
	if md := texts["privacy"]["en"]; !strings.Contains(md, `Klein B\.V\.`) || !strings.Contains(md, `[info\@example\.nl]`) {
		t.Fatalf("the privacy policy does not name the company as the test expects:\n%s", md)
	}
	snap := history.Snapshot{Date: time.Time(c.Date), Note: config.LocalizedText{ByLang: site.releasedNote(c)}, Docs: texts, Site: site.Config.Site}
	if _, err := history.Release(site.HistoryDir, snap, nil); err != nil {
		t.Fatal(err)
	}
}

func TestTextEscapedAsBeforeIsNoUnreleasedChange(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	releaseEscapedAsBefore(t, dir)
	frozen, err := os.ReadFile(filepath.Join(dir, "history", "2025-01-01", "privacy.en.md"))
	if err != nil || !strings.Contains(string(frozen), `Klein B\.V\.`) {
		t.Fatalf("history does not hold the old escaping: %v", err)
	}
	out, err := buildDir(t, dir, "2025-06-01")
	if err != nil {
		t.Fatalf("build of a history escaped as before:\n%v", err)
	}
	assertFile(t, out, "en/privacy/index.html", "Klein B.V.", `info@example.nl</a>`, `! B\.V\.`, `! class="banner draft"`)

	appendChange(t, dir, "2025-07-01")
	if err := releaseErr(t, dir); err == nil || !strings.Contains(err.Error(), "the text has not changed since the version of 2025-01-01") {
		t.Errorf("release of a change of escaping alone: %v", err)
	}
}

func TestOneWordChangeAfterTextEscapedAsBeforeIsAnUnreleasedChange(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	releaseEscapedAsBefore(t, dir)
	edit(t, dir, `purpose = { en = "Answering you"`, `purpose = { en = "Answering your questions"`)
	_, err := buildDir(t, dir, "2025-06-01")
	if err == nil || !strings.Contains(err.Error(), "unreleased changes in privacy (en) since the version of 2025-01-01") {
		t.Fatalf("got %v", err)
	}
}

// TestSameTextFastPathAgreesWithRendering: sameSection leaves out the
// rendering where two sections differ in more than escapes. On every pair
// of the example's released texts (escaped the old way until 2027-06-01,
// the new way after, and changed in many ways between), and on each text
// against itself escaped the old way, it says what rendering both says.
func TestSameTextFastPathAgreesWithRendering(t *testing.T) {
	plain := func(a, b string) bool {
		sa, sb := splitSections(a), splitSections(b)
		if preamble(a) != preamble(b) || len(sa) != len(sb) {
			return false
		}
		for i := range sa {
			if sa[i].ID != sb[i].ID || sa[i].Title != sb[i].Title || !markdown.SameHTML(sa[i].Markdown, sb[i].Markdown) {
				return false
			}
		}
		return true
	}
	files, err := filepath.Glob("../../history/*/*.md")
	if err != nil || len(files) < 20 {
		t.Fatalf("history texts: %d, %v", len(files), err)
	}
	byName := map[string][]string{} // privacy.en.md -> its texts, oldest first
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		byName[filepath.Base(f)] = append(byName[filepath.Base(f)], string(data))
	}
	same, reescaped := 0, 0
	for name, texts := range byName {
		for i := 1; i < len(texts); i++ {
			fast, slow := sameText(texts[i-1], texts[i]), plain(texts[i-1], texts[i])
			if fast != slow {
				t.Errorf("%s, text %d against %d: sameText %v, rendering %v", name, i, i-1, fast, slow)
			}
			if fast {
				same++
			}
		}
		for i, text := range texts {
			old := escapeEveryPunctuation(text)
			if old != text {
				reescaped++
			}
			if !sameText(text, old) || !plain(text, old) {
				t.Errorf("%s, text %d: escaped the old way it no longer reads the same", name, i)
			}
		}
	}
	if same == 0 || reescaped == 0 {
		t.Errorf("%d pairs read the same, %d texts escaped the old way: the test compares nothing the fast path skips", same, reescaped)
	}
}

// escapeEveryPunctuation escapes the ASCII punctuation of a text's plain
// words the way history was escaped before Escape left "B.V." alone: in
// running words only (letters, digits and . + @ -), never markup.
func escapeEveryPunctuation(md string) string {
	var b strings.Builder
	for i := 0; i < len(md); i++ {
		c := md[i]
		if (c == '.' || c == '+' || c == '@') && i > 0 && i+1 < len(md) && isWordByte(md[i-1]) && (isWordByte(md[i+1]) || md[i+1] == ' ' || md[i+1] == ',') && !inLink(md, i) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// inLink reports whether position i of md is inside a link destination,
// "(<…>)" or "(…)" right after "]", where a backslash would change the URL.
func inLink(md string, i int) bool {
	open := strings.LastIndex(md[:i], "](")
	return open >= 0 && !strings.Contains(md[open:i], ")")
}
