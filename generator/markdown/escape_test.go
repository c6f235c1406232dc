package markdown

import (
	"strings"
	"testing"
)

func TestEscapeLeavesWhatMarkdownCannotMisread(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Grenzland Cloud B.V.", "Grenzland Cloud B.V."},
		{"+31 20 123 4567", "+31 20 123 4567"},
		{"https://www.example.com/privacy?a=1&b=2#top", "https://www.example.com/privacy?a=1&b=2#top"},
		{"privacy@grenzland.example", "privacy@grenzland.example"},
		{"first_last@example.com", "first_last@example.com"},
		{"Intuit Inc. (Mailchimp)", "Intuit Inc. (Mailchimp)"},
		{"AT&T Inc.", "AT&T Inc."},
		{"C# Ltd", "C# Ltd"},
		{"1.5 GB", "1.5 GB"},
		{"-5 %", "-5 %"},
		{"Müller & Söhne GmbH, 50% off; 'quoted' \"too\"?", "Müller & Söhne GmbH, 50% off; 'quoted' \"too\"?"},
		{"  two\n\nlines\t and  spaces ", "two lines and spaces"},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEscapeKeepsWhatCouldChangeMeaningEscaped(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1. not a list", `1\. not a list`},
		{"12) not a list", `12\) not a list`},
		{"2027.", `2027\.`},
		{". after digits", `\. after digits`},
		{"- not a list", `\- not a list`},
		{"+ not a list", `\+ not a list`},
		{"--", `\--`},
		{"-:", `\-:`},
		{":-", `\:-`},
		{"=== not a heading", `\=== not a heading`},
		{"# not a heading", `\# not a heading`},
		{"Support #", `Support \#`},
		{"> not a quote", `\> not a quote`},
		{"~~~ not a fence", `\~~~ not a fence`},
		{"*bold* and **strong**", `\*bold\* and \*\*strong\*\*`},
		{"_em_ and snake_case_", `\_em\_ and snake_case\_`},
		{"a _b", `a \_b`},
		{"[x](https://evil.example)", `\[x\](https://evil.example)`},
		{"<script>", `\<script>`},
		{"<https://auto.link>", `\<https://auto.link>`},
		{"`code`", "\\`code\\`"},
		{"a | b", `a \| b`},
		{`back\slash`, `back\\slash`},
		{"&amp; &#38; &copy", `\&amp; \&#38; \&copy`},
		{"Q&A", `Q\&A`},
		{"Title {#id}", `Title \{#id}`},
		{"Yahoo!", `Yahoo\!`},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// escapeAll is the escaping the history of sites released before
// 2027-07 was written with: a backslash before every ASCII punctuation
// character. Escape must render to the same HTML.
func escapeAll(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		if r < 0x80 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// contexts are the places a clause puts a value ({v}) into Markdown, or
// two values ({v} and {w}) next to each other.
var contexts = []string{
	"x {v} y", "{v} y", "x\\\n{v}", "x\n{v}", "x\\\n{v}{w}", "x {v}{w} y", "x {v} {w} y",
	"- {v}", "1. {v}", "- x\n  {v}", "### {v}", "### {v} {w}",
	"[{v}](<https://e.example>)", "x {v}[l](<https://e.example>)", "**{v}**", "*{v}*{w}", "_{v}_",
	"| h |\n|---|\n| {v} |", "| {v} | {w} |\n|---|---|\n| x | y |", "| h |\n|---|\n| x |\n{v}",
}

// inContext puts the escaped values into a context.
func inContext(ctx, v, w string) string {
	return strings.NewReplacer("{v}", v, "{w}", w).Replace(ctx)
}

// FuzzEscapeRendersAsBefore checks that in every context, a value renders
// to the HTML of escaping every punctuation character: the text a reader
// sees did not change when Escape began to leave some alone.
func FuzzEscapeRendersAsBefore(f *testing.F) {
	for _, s := range []string{"B.V.", "+31", "1.", ":-", "-", "&amp", ";", "a_b", "#", "!", "x #", "=", "2", ") y", "[", "<a>", "~~~"} {
		f.Add(s, s)
	}
	f.Add("&amp", ";")
	f.Add("1", ". x")
	f.Add("a", "_b_")
	r := New()
	f.Fuzz(func(t *testing.T, v, w string) {
		if !utf8Clean(v) || !utf8Clean(w) {
			return
		}
		for _, ctx := range contexts {
			got, err := r.Render(inContext(ctx, Escape(v), Escape(w)), nil)
			if err != nil {
				t.Fatal(err)
			}
			want, err := r.Render(inContext(ctx, escapeAll(v), escapeAll(w)), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Fatalf("values %q, %q in %q:\n%s\nrender as\n%s\nwant\n%s", v, w, ctx, inContext(ctx, Escape(v), Escape(w)), got, want)
			}
		}
	})
}

func TestSameHTMLTellsEscapingFromMarkup(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{`Klein B\.V\., \+31, https\:\/\/example\.com`, "Klein B.V., +31, https://example.com", true},
		{`\*not emphasis\*`, "*not emphasis*", false},
		{`1\. not a list`, "1. not a list", false},
		{"a\n\nb", "a b", false},
		{"[x](<https://a.example>)", "[x](<https://b.example>)", false},
	} {
		if got := SameHTML(tc.a, tc.b); got != tc.same {
			t.Errorf("SameHTML(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}
