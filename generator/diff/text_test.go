package diff

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func text(t *testing.T, old, new string, color bool) string {
	t.Helper()
	var b bytes.Buffer
	if err := Compare(old, new).Text(&b, color); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestTextMarksWordsAndGuttersWithoutColour(t *testing.T) {
	old := "Intro stays.\n\nThe data is kept for two weeks.\n\n- apples\n- pears\n\nOld paragraph goes.\n\nEnd stays.\n"
	new := "Intro stays.\n\nThe data is kept for three weeks.\n\n- apples\n- plums\n- pears\n\nEnd stays.\n"
	want := "  Intro stays.\n" +
		"~ The data is kept for [-two-]{+three+} weeks.\n" +
		"  • apples\n" +
		"+ • plums\n" +
		"  • pears\n" +
		"- Old paragraph goes.\n" +
		"  End stays.\n"
	got := text(t, old, new, false)
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(got, "\x1b") {
		t.Error("ANSI escapes without colour")
	}
}

func TestTextSkipsBlocksAwayFromChanges(t *testing.T) {
	want := "  …\n" +
		"  Paragraph C stays.\n" +
		"~ Paragraph D [-stays-]{+moves+}.\n" +
		"  Paragraph E stays.\n" +
		"  …\n"
	if got := text(t, paragraphs(6), paragraphs(6, 3), false); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTextContextIsTheFirstLineCutAtASpace(t *testing.T) {
	long := strings.Repeat("lorem ", 30)
	old := long + "\n\nOld middle.\n\nFirst line  \nsecond line\n"
	new := long + "\n\nNew middle.\n\nFirst line  \nsecond line\n"
	// 72 characters are twelve "lorem " exactly: the cut is at the last
	// space of them.
	want := "  " + strings.TrimSpace(strings.Repeat("lorem ", 12)) + " …\n" +
		"~ [-Old-]{+New+} middle.\n" +
		"  First line …\n"
	if got := text(t, old, new, false); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTextRepeatsTheGutterAfterALineBreak(t *testing.T) {
	want := "  Intro.\n+ Street 1\n+ Berlin\n"
	if got := text(t, "Intro.\n", "Intro.\n\nStreet 1  \nBerlin\n", false); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTextWithColourUsesANSIInsteadOfMarkers(t *testing.T) {
	got := text(t, "Kept for two weeks.\n\nGone.\n", "Kept for three weeks.\n", true)
	const (
		redStruck      = "\x1b[31;9m"
		greenUnderline = "\x1b[32;4m"
		reset          = "\x1b[0m"
	)
	for _, want := range []string{redStruck + "two" + reset, greenUnderline + "three" + reset, "\x1b[31m-" + reset} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "[-") || strings.Contains(got, "{+") {
		t.Errorf("markers with colour: %q", got)
	}
}

func TestTextWritesNothingForEqualTexts(t *testing.T) {
	doc := "# Title\n\nSame.\n\n- item\n"
	for _, color := range []bool{false, true} {
		if got := text(t, doc, doc, color); got != "" {
			t.Errorf("color=%v: %q", color, got)
		}
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

func TestTextReturnsTheWriteError(t *testing.T) {
	full := errors.New("disk full")
	err := Compare("a\n", "b\n").Text(failingWriter{full}, false)
	if !errors.Is(err, full) {
		t.Errorf("err = %v, want %v", err, full)
	}
}
