package site

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/policygen/policygen/generator/publish"
)

const testDigest = "sha256:e42fc4f6b373aeb20d360408a4427b79459a82e9c4ec538468d97dc466306e47"

func TestPageDigestIsReadWhateverTheOrderAndQuotingOfTheMetaAttributes(t *testing.T) {
	for _, meta := range []string{
		`<meta name="policygen-history" content="` + testDigest + `">`,
		`<meta content="` + testDigest + `" name="policygen-history">`,
		`<meta name='policygen-history' content='` + testDigest + `'>`,
		`<META CONTENT=` + testDigest + ` NAME=policygen-history />`,
		`<meta charset="utf-8"><meta name="other" content="sha256:0"><meta  name = "policygen-history"  content = " ` + testDigest + ` " >`,
	} {
		page := "<!DOCTYPE html><html><head><title>t</title>" + meta + "</head><body></body></html>"
		if got, _ := readDeployed("en/privacy/index.html", []byte(page)); got != testDigest {
			t.Errorf("%s: digest %q, want %q", meta, got, testDigest)
		}
	}
}

func TestPageDigestCountsOnlyInTheHead(t *testing.T) {
	meta := `<meta name="policygen-history" content="` + testDigest + `">`
	for _, page := range []string{
		"<html><head><!-- " + meta + " --></head><body></body></html>",
		"<html><head></head><body><p>" + meta + "</p></body></html>",
		"<html><head><title>" + meta + "</title></head></html>",
		"<html><head><noscript>" + meta + "</noscript></head></html>",
		`<html><head><meta name="policygen-history" content="sha256:` + strings.Repeat("A", 64) + `"></head></html>`,
	} {
		if got, _ := readDeployed("en/privacy/index.html", []byte(page)); got != "" {
			t.Errorf("%s: digest %q, want none", page, got)
		}
	}
}

func TestFeedDigestIsReadWhateverTheWhitespaceAndPrefix(t *testing.T) {
	for _, history := range []string{
		`<history xmlns="urn:policygen:history">` + testDigest + `</history>`,
		"<history\n    xmlns = 'urn:policygen:history' >\n    " + testDigest + "\n  </history >",
		`<pg:history xmlns:pg="urn:policygen:history">` + testDigest + `</pg:history>`,
	} {
		feed := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>t</title>` + history + `</feed>`
		if got, _ := readDeployed("en/privacy/changes/index.xml", []byte(feed)); got != testDigest {
			t.Errorf("%s: digest %q, want %q", history, got, testDigest)
		}
	}
}

func TestFeedDigestCountsOnlyInItsNamespaceInAnAtomFeed(t *testing.T) {
	for _, feed := range []string{
		`<feed xmlns="http://www.w3.org/2005/Atom"><history>` + testDigest + `</history></feed>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><!-- <history xmlns="urn:policygen:history">` + testDigest + `</history> --></feed>`,
		`<rss><history xmlns="urn:policygen:history">` + testDigest + `</history></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><history xmlns="urn:policygen:history">` + testDigest + `</history>`, // not closed
	} {
		if got, _ := readDeployed("en/privacy/changes/index.xml", []byte(feed)); got != "" {
			t.Errorf("%s: digest %q, want none", feed, got)
		}
	}
}

// built is a page as the theme writes it, around an article.
func built(article string) string {
	return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>t</title>\n</head>\n<body>\n<main id=\"content\">\n" +
		article + "\n<nav class=\"versions\"><p>v</p></nav>\n</main>\n</body>\n</html>\n"
}

const builtArticle = `<article>
<section id="a" aria-labelledby="a-title">
<h2 id="a-title">Who we are</h2>
<p>We &amp; our <a href="/x" title="it's">partners</a>.</p>
</section>
</article>`

func TestArticlesAreTheSameWhateverTheAttributeOrderQuotingAndEscaping(t *testing.T) {
	want := pageArticles(t, built(builtArticle))
	if len(want) != 1 {
		t.Fatalf("%d articles, want 1", len(want))
	}
	for _, same := range []string{
		strings.Replace(builtArticle, `id="a" aria-labelledby="a-title"`, `aria-labelledby='a-title' id=a`, 1),
		strings.Replace(builtArticle, `<a href="/x" title="it's">`, `<A TITLE="it&#39;s" HREF="/x">`, 1),
		strings.Replace(builtArticle, "&amp;", "&#38;", 1),
		// A comment outside the article is not its text, even one holding
		// the start of an article.
		"<!-- <article> -->\n" + builtArticle + "\n<!-- </article> -->",
		// An SVG element named article is not an HTML article.
		builtArticle + "\n<svg><article></article></svg>",
	} {
		if got := pageArticles(t, built(same)); !slices.EqualFunc(got, want, bytes.Equal) {
			t.Errorf("%s\nreads as another text:\n%s\nwant\n%s", same, got, want)
		}
	}
}

func TestArticlesDifferInTextElementsAttributesOrNumber(t *testing.T) {
	want := pageArticles(t, built(builtArticle))
	edited := strings.Replace(builtArticle, "partners", "partner", 1)
	for _, other := range []string{
		edited,
		strings.Replace(builtArticle, "We &amp; our", "We &amp;  our", 1),
		strings.Replace(builtArticle, `<h2 id="a-title">`, `<h2 class="x" id="a-title">`, 1),
		strings.Replace(builtArticle, "<p>", "<div>", 1),
		strings.Replace(builtArticle, "</section>", "<!-- a note --></section>", 1),
		// The released article in a comment does not hide an edited one.
		"<!-- " + builtArticle + " -->\n" + edited,
		// Nor does a second article, before or after.
		builtArticle + "\n<article><p>More.</p></article>",
		"<article><p>More.</p></article>\n" + builtArticle,
		"",
	} {
		if got := pageArticles(t, built(other)); slices.EqualFunc(got, want, bytes.Equal) {
			t.Errorf("%s\nreads as the released text", other)
		}
	}
}

func TestAPageNestedTooDeeplyNamesNoDigestAndHasNoText(t *testing.T) {
	page := `<html><head><meta name="policygen-history" content="` + testDigest + `"></head><body><article>` +
		strings.Repeat("<div>", 600) + "</article></body></html>"
	if digest, texts := readDeployed("en/privacy/index.html", []byte(page)); digest != "" || texts != nil {
		t.Errorf("digest %q and %d articles, want none", digest, len(texts))
	}
}

func pageArticles(t *testing.T, page string) [][]byte {
	t.Helper()
	_, texts, err := readPage([]byte(page))
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	return texts
}

// TestVerifyReadsTheElementsNotTheBytes builds the example into a folder
// and verifies it after edits that change the bytes of a released page but
// not its elements (allowed), then after adding an article (refused).
func TestVerifyReadsTheElementsNotTheBytes(t *testing.T) {
	site, err := loadDir(t, exampleDir, exampleDate)
	if err != nil {
		t.Fatal(err)
	}
	out, err := site.Render(false)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := publish.Write(dir, out); err != nil {
		t.Fatal(err)
	}
	version := site.History[0].Name()
	page := filepath.Join(dir, "en", "privacy", version, "index.html")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	meta := `<meta name="policygen-history" content="` + site.head() + `">`
	reordered := strings.Replace(string(data), meta, `<meta content='`+site.head()+`' name=policygen-history>`, 1)
	reordered = strings.Replace(reordered, `<section id="`, `<section   id="`, 1)
	if !strings.Contains(string(data), meta) || !strings.Contains(string(data), `<section id="`) {
		t.Fatalf("%s: the edits change nothing", page)
	}
	verify := func(text string) []string {
		t.Helper()
		if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		errs, checked, err := site.Verify(dir)
		if err != nil || checked == 0 {
			t.Fatalf("verify checked %d files: %v", checked, err)
		}
		var got []string
		for _, e := range errs {
			got = append(got, e.Error())
		}
		return got
	}
	if errs := verify(reordered); len(errs) != 0 {
		t.Errorf("the page with reordered attributes does not verify:\n%s", strings.Join(errs, "\n"))
	}
	extra := strings.Replace(reordered, "</article>", "</article><article><p>More.</p></article>", 1)
	errs := verify(extra)
	if want := page + ": the text of the released version " + version + " is not the text its version renders"; len(errs) != 1 || !strings.Contains(errs[0], want) {
		t.Errorf("with a second article: errors %q, want one with %q", errs, want)
	}
}

// FuzzReadDeployed checks that no file of a deployed copy, as a page, a
// feed or policy.json, makes verify panic (the fuzzer fails on a panic).
func FuzzReadDeployed(f *testing.F) {
	f.Add(built(builtArticle))
	f.Add(`<html><head><meta content='` + testDigest + `' name=policygen-history></head></html>`)
	f.Add(`<feed xmlns="http://www.w3.org/2005/Atom"><history xmlns="urn:policygen:history">` + testDigest + `</history></feed>`)
	f.Add(`{"history": "` + testDigest + `"}`)
	f.Fuzz(func(t *testing.T, data string) {
		for _, rel := range []string{"en/privacy/index.html", "en/privacy/changes/index.xml", "policy.json"} {
			readDeployed(rel, []byte(data))
		}
	})
}
