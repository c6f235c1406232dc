package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/policygen/policygen/generator/initsite"
)

const initHelp = `Usage: policygen init [DIR]

Creates DIR (default: the current folder) with a commented starter
site.toml that builds as it is. Refuses to overwrite an existing site.toml.
`

func runInit(e *env, args []string) int {
	flags := flagSet(e, "init", initHelp)
	if code, ok := parse(e, flags, args); !ok {
		return code
	}
	if flags.NArg() > 1 {
		fmt.Fprintf(e.stderr, "policygen init: too many arguments\nRun 'policygen help init' for usage.\n")
		return exitUsage
	}
	dir := "."
	if flags.NArg() == 1 {
		dir = flags.Arg(0)
	}
	file := filepath.Join(dir, "site.toml")
	if _, err := os.Stat(file); err == nil {
		fmt.Fprintf(e.stderr, "policygen init: %s exists already; nothing was written\n", file)
		return exitSite
	} else if !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(e.stderr, "policygen init: %v\n", err)
		return exitSite
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(e.stderr, "policygen init: %v\n", err)
		return exitSite
	}
	if err := initsite.Write(file); err != nil {
		fmt.Fprintf(e.stderr, "policygen init: %v\n", err)
		return exitSite
	}
	fmt.Fprintf(e.stdout, "Created %s. Edit it, then run: policygen build -s %s\n", file, dir)
	return exitOK
}
