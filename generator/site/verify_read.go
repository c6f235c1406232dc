package site

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// readDeployed returns the history digest a built file names, or "" if
// it names none or cannot be read, and the articles of a page.
func readDeployed(rel string, data []byte) (string, [][]byte) {
	var digest string
	var texts [][]byte
	switch {
	case rel == "policy.json":
		var doc struct {
			History string `json:"history"`
		}
		if json.Unmarshal(data, &doc) == nil {
			digest = doc.History
		}
	case strings.HasSuffix(rel, ".xml"):
		// Read with the type the feed is written with: the history element
		// counts only in its namespace, as a child of an Atom feed.
		var f atom
		if xml.Unmarshal(data, &f) == nil {
			digest = f.History
		}
	default:
		digest, texts, _ = readPage(data) // a page that cannot be read names no digest and has no article
	}
	if digest = strings.TrimSpace(digest); !isDigest(digest) {
		return "", texts
	}
	return digest, texts
}

// isDigest reports whether s is a SHA-256 as history.Hash writes it.
func isDigest(s string) bool {
	hex, ok := strings.CutPrefix(s, "sha256:")
	return ok && len(hex) == 64 && strings.Trim(hex, "0123456789abcdef") == ""
}

// readPage parses a page as a browser does and returns the history digest
// its head names and its articles (see articles). html.Parse refuses a
// page whose elements nest more than 512 deep.
func readPage(data []byte) (string, [][]byte, error) {
	page, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return "", nil, err
	}
	digest := metaContent(page, "policygen-history")
	texts, err := articles(page)
	return digest, texts, err
}

// metaContent returns the content of the first <meta> of the page's head
// with the given name, whatever the order or quoting of its attributes.
func metaContent(page *html.Node, name string) string {
	head := firstElement(page, "head")
	if head == nil {
		return ""
	}
	for c := range head.ChildNodes() {
		if isHTMLElement(c, "meta") && attr(c, "name") == name {
			return attr(c, "content")
		}
	}
	return ""
}

// articles returns the text of each <article> of a page that no other
// article holds, as html.Render writes it with every element's attributes
// sorted: two pages have the same articles if their elements, attributes
// and texts are the same, however the attributes are ordered or quoted and
// the characters escaped. The page is changed (its attributes sorted).
func articles(page *html.Node) ([][]byte, error) {
	var texts [][]byte
	for _, a := range outerArticles(page, nil) {
		for n := range a.Descendants() {
			sortAttributes(n)
		}
		sortAttributes(a)
		var b bytes.Buffer
		if err := html.Render(&b, a); err != nil {
			return nil, err
		}
		texts = append(texts, b.Bytes())
	}
	return texts, nil
}

// outerArticles appends the <article> elements under n that are not inside
// another article. The recursion is as deep as the page, which html.Parse
// nests no deeper than 512 elements.
func outerArticles(n *html.Node, found []*html.Node) []*html.Node {
	for c := range n.ChildNodes() {
		if isHTMLElement(c, "article") {
			found = append(found, c)
		} else {
			found = outerArticles(c, found)
		}
	}
	return found
}

// sortAttributes orders an element's attributes by namespace and name;
// the stable sort keeps repeated names in their order, as it matters which
// comes first.
func sortAttributes(n *html.Node) {
	slices.SortStableFunc(n.Attr, func(a, b html.Attribute) int {
		return cmp.Or(cmp.Compare(a.Namespace, b.Namespace), cmp.Compare(a.Key, b.Key))
	})
}

func firstElement(n *html.Node, tag string) *html.Node {
	for d := range n.Descendants() {
		if isHTMLElement(d, tag) {
			return d
		}
	}
	return nil
}

// isHTMLElement reports whether n is the HTML element tag, not an element
// of the same name inside SVG or MathML.
func isHTMLElement(n *html.Node, tag string) bool {
	return n.Type == html.ElementNode && n.Data == tag && n.Namespace == ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}
