package markdown

import (
	"strings"
	"sync"
	"testing"
)

// toDocs resolves "doc:NAME" to "../NAME/", as a page resolves links to
// other documents.
func toDocs(dest string) (string, bool) {
	name, ok := strings.CutPrefix(dest, "doc:")
	return "../" + name + "/", ok
}

func TestLinksRewriteTheDestinationsTheyResolve(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"[a](doc:b)", `<p><a href="../b/">a</a></p>` + "\n"},
		{"[a](<doc:b> \"T\")", `<p><a href="../b/" title="T">a</a></p>` + "\n"},
		{"[a](doc\\:b)", `<p><a href="../b/">a</a></p>` + "\n"}, // as the page writes it: escapes resolved
		{"[a][r]\n\n[r]: doc:b", `<p><a href="../b/">a</a></p>` + "\n"},
		{"<doc:b&c>", `<p><a href="../b&amp;c/">doc:b&amp;c</a></p>` + "\n"}, // an autolink keeps its text
		{"[a](https://x.example/)", `<p><a href="https://x.example/">a</a></p>` + "\n"},
		{"<https://x.example/>", `<p><a href="https://x.example/">https://x.example/</a></p>` + "\n"},
		{"![a](doc:b)", `<p><img src="doc:b" alt="a"></p>` + "\n"},
		{"| h |\n|---|\n| [a](doc:b) |", tableWrap + "<table>\n<thead>\n<tr>\n<th>h</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><a href=\"../b/\">a</a></td>\n</tr>\n</tbody>\n</table></div>\n"},
	} {
		got, err := New().Render(c.src, toDocs)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%q renders\n%q, want\n%q", c.src, got, c.want)
		}
	}
}

func TestWithoutLinksDestinationsStayAsWritten(t *testing.T) {
	got, err := New().Render("[a](doc:b) <doc:c>", nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := `<p><a href="doc:b">a</a> <a href="doc:c">doc:c</a></p>` + "\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestEachRenderResolvesLinksForItsOwnPage renders with one renderer on
// many goroutines at once, each for a page of its own.
func TestEachRenderResolvesLinksForItsOwnPage(t *testing.T) {
	r := New()
	var wg sync.WaitGroup
	for i := range 50 {
		up := strings.Repeat("../", i%5+1)
		wg.Go(func() {
			got, err := r.Render("[a](doc:b)", func(dest string) (string, bool) { return up + "b/", true })
			if want := `<p><a href="` + up + `b/">a</a></p>` + "\n"; err != nil || got != want {
				t.Errorf("got %q, %v; want %q", got, err, want)
			}
		})
	}
	wg.Wait()
}

func TestTablesRenderInAScrollingBox(t *testing.T) {
	got, err := New().Render("Text\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n| c |\n|---|\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "<p>Text</p>\n" +
		`<div class="table-wrap" tabindex="0"><table>` + "\n<thead>\n<tr>\n<th style=\"text-align:left\">a</th>\n<th style=\"text-align:right\">b</th>\n</tr>\n</thead>\n" +
		"<tbody>\n<tr>\n<td style=\"text-align:left\">1</td>\n<td style=\"text-align:right\">2</td>\n</tr>\n</tbody>\n</table></div>\n" +
		`<div class="table-wrap" tabindex="0"><table>` + "\n<thead>\n<tr>\n<th>c</th>\n</tr>\n</thead>\n</table></div>\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
