package main

import (
	"fmt"

	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/site"
)

// report prints every error with its position, the offending line with a
// caret, and a hint, then returns the exit code for a site with errors.
// Warnings among the errors are printed with them, and not counted.
func report(e *env, err error) int {
	errs := diag.Errors(err)
	diag.Print(e.stderr, errs)
	n := len(errs.Errors())
	noun := "error"
	if n != 1 {
		noun = "errors"
	}
	fmt.Fprintf(e.stderr, "%s %s; nothing was written\n", diag.Count(n), noun)
	return exitSite
}

// warn prints the warnings of a site that loaded, as report prints
// errors; the command goes on.
func warn(e *env, s *site.Site) {
	diag.Print(e.stderr, s.Config.Warnings)
}
