package main

import (
	"fmt"
	"runtime/debug"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = ""

const versionHelp = "Usage: policygen version\n\nPrints the version of policygen.\n"

func runVersion(e *env, args []string) int {
	if code, ok := parse(e, flagSet(e, "version", versionHelp), args); !ok {
		return code
	}
	v := version
	if v == "" {
		v = "(devel)"
		if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
			v = info.Main.Version
		}
	}
	fmt.Fprintf(e.stdout, "policygen %s\n", v)
	return exitOK
}
