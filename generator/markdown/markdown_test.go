package markdown

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

var tags = regexp.MustCompile(`<[^>]*>`)

// textContent returns the text content of rendered HTML.
func textContent(h string) string { return html.UnescapeString(tags.ReplaceAllString(h, "")) }

func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestEscapedValuesPrintLiterally(t *testing.T) {
	r := New()
	for _, v := range []string{
		"*bold* _em_ `code`", "<script>alert(1)</script>", "[x](https://evil.example)", "a | b | c",
		"# heading", "1. not a list", "- not a list", "&amp; &copy;", `back\slash`, "line\n\nbreak",
		"![img](x.png)", "~~strike~~", "<https://auto.link>", "> quote", "***", "a\\|b",
	} {
		got, err := r.Render("Before "+Escape(v)+" after", nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := "Before " + normalize(v) + " after"; normalize(textContent(got)) != want {
			t.Errorf("value %q rendered as %q, want text %q", v, got, want)
		}
		if strings.Contains(got, "<script") || strings.Contains(got, "<a ") || strings.Contains(got, "<img") {
			t.Errorf("value %q produced markup: %s", v, got)
		}
	}
}

func TestEscapedValuesStayInOneTableCell(t *testing.T) {
	v := "a | b\nc *d* <e>"
	got, err := New().Render("| h1 | h2 |\n|---|---|\n| "+Escape(v)+" | x |\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(got, "<td>"); n != 2 {
		t.Fatalf("want 2 cells, got %d: %s", n, got)
	}
	if !strings.Contains(got, "<td>a | b c *d* &lt;e&gt;</td>") {
		t.Errorf("cell does not hold the literal value: %s", got)
	}
}

func TestRawHTMLIsDropped(t *testing.T) {
	got, _ := New().Render("<b>x</b>\n\n<script>y</script>", nil)
	if strings.Contains(got, "<b>") || strings.Contains(got, "<script>") {
		t.Errorf("raw HTML passed through: %s", got)
	}
}

// FuzzEscape checks that any value renders to its own text and no markup
// in a paragraph, a list item and a table cell.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"*a*", "<b>", "[x](y)", "a|b", "&amp;", "`x`", "\\", "1. a", "B.V.", "+31", "-", ":-"} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, v string) {
		if !utf8Clean(v) {
			return
		}
		for _, ctx := range []struct{ before, after, want string }{
			{"x ", " y", "x " + v + " y"},
			{"- ", "", v},
			{"| h |\n|---|\n| ", " |", "h " + v},
		} {
			got, err := r.Render(ctx.before+Escape(v)+ctx.after, nil)
			if err != nil {
				t.Fatal(err)
			}
			if normalize(textContent(got)) != normalize(ctx.want) {
				t.Fatalf("value %q rendered as %q", v, got)
			}
			if strings.Count(got, "<td>") > 1 || strings.Contains(got, "<a ") || strings.Contains(got, "<em>") {
				t.Fatalf("value %q produced markup: %q", v, got)
			}
		}
	})
}

// utf8Clean reports whether s is valid UTF-8 without control characters
// or the NUL that CommonMark replaces.
func utf8Clean(s string) bool {
	for _, r := range s {
		if r == 0 || r == '\uFFFD' || (r < 0x20 && r != '\n' && r != '\t' && r != '\r') || r == 0x7f {
			return false
		}
	}
	return strings.ToValidUTF8(s, "") == s
}
