package main

import (
	"fmt"
	"runtime/debug"

	"github.com/policygen/policygen/generator/trackers"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = ""

const versionHelp = `Usage: policygen version [--credits]

Prints the version of policygen.

Flags:
      --credits       also print the source and licence of the data embedded
                      in the binary (the tracker knowledge base)
`

func runVersion(e *env, args []string) int {
	fs := flagSet(e, "version", versionHelp)
	credits := fs.Bool("credits", false, "")
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "policygen version: unexpected argument %q\nRun 'policygen help version' for usage.\n", fs.Arg(0))
		return exitUsage
	}
	v := version
	if v == "" {
		v = "(devel)"
		if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
			v = info.Main.Version
		}
	}
	fmt.Fprintf(e.stdout, "policygen %s\n", v)
	if *credits {
		fmt.Fprintln(e.stdout, trackers.Source())
	}
	return exitOK
}
