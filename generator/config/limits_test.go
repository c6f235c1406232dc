package config

import (
	"fmt"
	"strings"
	"testing"
)

// TestDeepNestingAndLongDottedKeysAreRefusedBeforeParsing checks the shape
// limits on inputs that would keep the TOML parser busy for minutes: the
// test binary's time-out catches a check that comes after parsing.
func TestDeepNestingAndLongDottedKeysAreRefusedBeforeParsing(t *testing.T) {
	nesting := func(col int) string {
		return fmt.Sprintf("site.toml:2:%d: arrays and tables nest more than 32 deep here", col)
	}
	parts := "site.toml:2:1: a key with more than 32 parts"
	tests := []struct{ name, src, want string }{
		{"arrays", "# x\na = " + strings.Repeat("[", 100000), nesting(5 + 32)},
		{"inline tables", "# x\na = " + strings.Repeat("{b=", 30000), nesting(5 + 32*3)},
		{"mixed", "# x\na = " + strings.Repeat("[{b=", 30000), nesting(5 + 16*4)},
		{"dotted key", "# x\na" + strings.Repeat(".a", 50000) + " = 1", parts},
		{"quoted parts", "# x\n" + strings.Repeat(`"a".`, 50000) + "a = 1", parts},
		{"header", "# x\n[a" + strings.Repeat(".a", 50000) + "]", "site.toml:2:2: a key with more than 32 parts"},
		{"dotted key in an inline table", "# x\nt = { a" + strings.Repeat(".a", 50000) + " = 1 }", "site.toml:2:7: a key with more than 32 parts"},
	}
	for _, tt := range tests {
		_, errs := load(t, tt.src)
		if len(errs) != 1 || errs[0].Error() != tt.want || errs[0].Hint == "" {
			t.Errorf("%s: got %v, want %s", tt.name, errs, tt.want)
		}
	}
}

// TestBracketsAndDotsInStringsAndCommentsDoNotCount checks that the shape
// limits read strings, comments and values as TOML does.
func TestBracketsAndDotsInStringsAndCommentsDoNotCount(t *testing.T) {
	deep := strings.Repeat("[", 2*MaxNesting)
	dots := strings.Repeat(".", 2*MaxKeyParts)
	src := validSite + fmt.Sprintf("[data.x]\nlabel = { en = %q, nl = '%s' } # %s\n", deep+dots, dots+deep, deep) +
		fmt.Sprintf("[[change]]\ndate = 2025-01-01\nnote = { en = \"\"\"\n%s\n\"\"\", nl = '''%s''' }\n", deep, dots) +
		"[data.y]\nlabel.en = \"1.5\"\nlabel.nl = \"y\"\n" +
		fmt.Sprintf("[data.z]\nlabel = { en = \"\\\"%s\\\\\", nl = 'C:\\' } # %s\n", deep, deep)
	if _, errs := load(t, src); len(errs) > 0 {
		t.Errorf("unexpected errors:\n%v", errs)
	}
	ok := "a = " + strings.Repeat("[", MaxNesting) + strings.Repeat("]", MaxNesting) + "\nb" + strings.Repeat(".b", MaxKeyParts-1) + " = 1.5\n"
	if e := checkShape("site.toml", []byte(ok)); e != nil {
		t.Errorf("at the limits: %v", e)
	}
}

// BenchmarkCheckShape measures the shape check on a large site.toml.
func BenchmarkCheckShape(b *testing.B) {
	src := []byte(strings.Repeat(validSite, 200))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		checkShape("site.toml", src)
	}
}

// BenchmarkLoadSixteenThousandUnknownKeys measures a site.toml with an
// error on every line; printing them is measured by diag's benchmarks.
func BenchmarkLoadSixteenThousandUnknownKeys(b *testing.B) {
	var s strings.Builder
	s.WriteString(validSite + "[data.x]\nlabel = \"x\"\n")
	for i := range 16000 {
		fmt.Fprintf(&s, "k%d = 1\n", i)
	}
	src := []byte(s.String())
	for b.Loop() {
		load(b, string(src))
	}
}

// BenchmarkLoadUnclosedBrackets measures 100 kB of "[" after a key.
func BenchmarkLoadUnclosedBrackets(b *testing.B) {
	src := "a = " + strings.Repeat("[", 100000)
	for b.Loop() {
		load(b, src)
	}
}
