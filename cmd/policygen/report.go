package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/policygen/policygen/generator/diag"
)

// report prints every error with its position, the offending line with a
// caret, and a hint, then returns the exit code for a site with errors.
func report(e *env, err error) int {
	errs := diag.Errors(err).Sort()
	sources := map[string][]byte{}
	for _, d := range errs {
		fmt.Fprintln(e.stderr, d.Error())
		if d.Pos.Line > 0 && !strings.HasPrefix(d.Pos.File, "(built-in)") {
			src, ok := sources[d.Pos.File]
			if !ok {
				src, _ = os.ReadFile(d.Pos.File)
				sources[d.Pos.File] = src
			}
			fmt.Fprint(e.stderr, diag.Excerpt(src, d.Pos))
		}
		if d.Hint != "" {
			fmt.Fprintf(e.stderr, "  hint: %s\n", d.Hint)
		}
	}
	noun := "error"
	if len(errs) != 1 {
		noun = "errors"
	}
	fmt.Fprintf(e.stderr, "%d %s; nothing was written\n", len(errs), noun)
	return exitSite
}
