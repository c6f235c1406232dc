package diag

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestExcerptPutsCaretUnderColumn(t *testing.T) {
	src := []byte("a = 1\n\tbäsis = \"x\"\n")
	got := Excerpt(src, Pos{File: "f", Line: 2, Col: 11})
	want := "  2 |     bäsis = \"x\"\n    |             ^\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if Excerpt(src, Pos{Line: 9}) != "" || Excerpt(src, Pos{}) != "" {
		t.Error("excerpt of a line outside the file")
	}
}

func TestListSortsByPositionAndDropsDuplicates(t *testing.T) {
	var l List
	l.Addf(Pos{File: "b", Line: 1}, "x")
	l.Addf(Pos{File: "a", Line: 3, Col: 2}, "y")
	l.Addf(Pos{File: "a", Line: 3, Col: 1}, "z")
	l.Addf(Pos{File: "a", Line: 3, Col: 1}, "z")
	got := fmt.Sprint(l.Err())
	if want := "a:3:1: z\na:3:2: y\nb:1: x"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if Errors(fmt.Errorf("wrapped: %w", l))[0].Msg != "z" {
		t.Error("Errors does not unwrap a List")
	}
	if e := Errors(errors.New("plain")); len(e) != 1 || e[0].Error() != "plain" {
		t.Errorf("plain error: %v", e)
	}
}

func TestExcerptOfALongLineIsAWindowAroundTheCaret(t *testing.T) {
	line := strings.Repeat("ä", 300) + "\tX" + strings.Repeat("b", 300)
	col := len(strings.Repeat("ä", 300)) + 2 // the X, after the tab
	got := Excerpt([]byte("a = 1\n"+line+"\n"), Pos{File: "f", Line: 2, Col: col})
	want := "  2 | …" + strings.Repeat("ä", 46) + "    X" + strings.Repeat("b", 48) + "…\n" +
		"    | " + strings.Repeat(" ", 1+46+4) + "^\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestExcerptEscapesControlCharactersAndKeepsTheCaret(t *testing.T) {
	src := []byte("name = \"a\x1b[31mb\u202ec\" x\n")
	got := Excerpt(src, Pos{File: "f", Line: 1, Col: strings.Index(string(src), "x") + 1})
	want := "  1 | name = \"a\\x1b[31mb\\u202ec\" x\n" +
		"    | " + strings.Repeat(" ", 27) + "^\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestExcerptCountsWideCharactersAsTwoCells(t *testing.T) {
	got := Excerpt([]byte("a = \"日本\" x"), Pos{File: "f", Line: 1, Col: 14})
	if want := "  1 | a = \"日本\" x\n    | " + strings.Repeat(" ", 11) + "^\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestPrintShowsAtMostMaxPrintedErrorsAndCountsTheRest(t *testing.T) {
	src := "data = [" + strings.Repeat(`"name", `, 100000) + "]\n"
	file := filepath.Join(t.TempDir(), "site.toml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var l List
	for i := range 100000 {
		l.Addf(Pos{File: file, Line: 1, Col: 9 + 8*i}, "data category %q is listed twice (%d)", "name", i)
	}
	var b strings.Builder
	Print(&b, l)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if got, want := lines[len(lines)-1], "… and 99,950 more"; got != want {
		t.Errorf("last line %q, want %q", got, want)
	}
	if len(lines) != 3*MaxPrinted+1 || b.Len() > 3*MaxPrinted*(ExcerptWidth+len(file)+80) {
		t.Errorf("%d lines, %d bytes:\n%.2000s", len(lines), b.Len(), b.String())
	}
}

func TestPrintEscapesControlCharactersInMessagesAndHints(t *testing.T) {
	var b strings.Builder
	Print(&b, List{Errorf(Pos{File: "f\x07"}, "bad \x1b]0;title\x07").WithHint("x\u009by")})
	if want := "f\\x07: bad \\x1b]0;title\\x07\n  hint: x\\u009by\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestCountGroupsThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 99950: "99,950", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := Count(n); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}

// FuzzExcerpt checks that an excerpt of any line at any column never
// panics, holds no control character and is at most a window wide.
func FuzzExcerpt(f *testing.F) {
	f.Add("a = 1\n\tbäsis = \"x\"\n", 2, 11)
	f.Add(strings.Repeat("日\x1b", 200), 1, 301)
	f.Add("\xff\xfe\n\r\n", 2, -4)
	f.Fuzz(func(t *testing.T, src string, line, col int) {
		got := Excerpt([]byte(src), Pos{File: "f", Line: line, Col: col})
		for _, r := range got {
			if IsControl(r) && r != '\n' {
				t.Fatalf("control character %U in %q", r, got)
			}
		}
		for _, l := range strings.Split(got, "\n") {
			if n := utf8.RuneCountInString(l); n > ExcerptWidth+30 {
				t.Fatalf("line of %d characters: %q", n, l)
			}
		}
	})
}

// BenchmarkPrintSixteenThousandErrors measures the report of a large file
// with an error on every line: reading the lines must not cost a pass over
// the file per error.
func BenchmarkPrintSixteenThousandErrors(b *testing.B) {
	file := filepath.Join(b.TempDir(), "site.toml")
	var src strings.Builder
	var l List
	for i := range 16000 {
		fmt.Fprintf(&src, "k%d = 1\n", i)
		l.Addf(Pos{File: file, Line: i + 1, Col: 1}, "unknown key %q", fmt.Sprint("k", i))
	}
	os.WriteFile(file, []byte(src.String()), 0o644)
	for b.Loop() {
		Print(io.Discard, l)
	}
}

func TestAListOfWarningsOnlyIsNoErrorAndWarningsSayWhatTheyAre(t *testing.T) {
	var l List
	l.Add(Warningf(Pos{File: "site.toml", Line: 4, Col: 12}, "line dropped").WithHint("remove it"))
	if err := l.Err(); err != nil {
		t.Fatalf("a list of warnings is the error %v", err)
	}
	if got := l[0].Error(); got != "site.toml:4:12: warning: line dropped" {
		t.Errorf("warning prints as %q", got)
	}
	l.Addf(Pos{File: "site.toml", Line: 2}, "broken")
	err := l.Err()
	if err == nil || len(Errors(err)) != 2 || len(Errors(err).Errors()) != 1 || len(Errors(err).Warnings()) != 1 {
		t.Errorf("a list with an error and a warning: %v", err)
	}
}
