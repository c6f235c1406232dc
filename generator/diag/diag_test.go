package diag

import (
	"errors"
	"fmt"
	"testing"
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
