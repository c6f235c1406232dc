package main

import (
	"fmt"

	"github.com/policygen/policygen/generator/diag"
)

// report prints every error with its position, the offending line with a
// caret, and a hint, then returns the exit code for a site with errors.
func report(e *env, err error) int {
	errs := diag.Errors(err)
	diag.Print(e.stderr, errs)
	noun := "error"
	if len(errs) != 1 {
		noun = "errors"
	}
	fmt.Fprintf(e.stderr, "%s %s; nothing was written\n", diag.Count(len(errs)), noun)
	return exitSite
}
