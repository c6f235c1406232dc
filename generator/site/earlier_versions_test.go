package site

import "testing"

func TestEarlierVersionsLinkTheirPages(t *testing.T) {
	out := twoVersions(t, "2025-08-01")
	assertFile(t, out, "en/privacy/index.html", "Earlier versions:", `<li><a href="../privacy/2025-01-01/">1 January 2025</a>: First</li>`, "! >1 July 2025</a>: Longer")
	assertFile(t, out, "en/privacy/2025-07-01/index.html", `<li><a href="../../privacy/2025-01-01/">1 January 2025</a>: First</li>`)
	assertFile(t, out, "nl/privacy/index.html", "Eerdere versies:", `<li><a href="../privacy/2025-01-01/">1 januari 2025</a>: Eerste</li>`)
	assertFile(t, out, "en/privacy/2025-01-01/index.html", "! Earlier versions")
}

func TestEarlierVersionsListOnlyVersionsBeforeThePagesOwn(t *testing.T) {
	// Built before the second version takes effect, its page must not
	// call the first version's later one earlier, nor the first its own.
	out := twoVersions(t, "2025-03-01")
	assertFile(t, out, "en/privacy/index.html", "This version applies from 1 January 2025.", "! Earlier versions")
	assertFile(t, out, "en/privacy/2025-07-01/index.html", "Earlier versions:", `>1 January 2025</a>: First</li>`, "! >1 July 2025</a>: Longer")
}

func TestADraftListsNeitherItsOwnChangeNorLaterOnesAsEarlier(t *testing.T) {
	dir := siteFiles(t, versionedSite())
	release(t, dir)
	edit(t, dir, `period = "1y"`, `period = "2y"`)
	appendFile(t, dir, "\n[[change]]\ndate = 2025-07-01\nnote = { en = \"Longer\", nl = \"Langer\" }\n")
	site, err := loadDir(t, dir, "2025-03-01")
	if err != nil {
		t.Fatal(err)
	}
	out, err := site.Render(true)
	if err != nil {
		t.Fatal(err)
	}
	assertFile(t, out, "en/privacy/index.html", "This version is a draft", "Earlier versions:",
		`<li><a href="../privacy/2025-01-01/">1 January 2025</a>: First</li>`, "! 1 July 2025")
}

func TestEarlierVersionsLinkTheirPagesInGerman(t *testing.T) {
	out := threeVersions(t, "2025-08-01")
	assertFile(t, out, "de/datenschutz/index.html", "Frühere Fassungen:", `<li><a href="../datenschutz/2025-01-01/">Fassung vom 1. Januar 2025</a>: Erste</li>`)
}
