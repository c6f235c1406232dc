// Package initsite owns the starter site.toml that policygen init writes.
package initsite

import (
	_ "embed"
	"os"
)

// starter is the commented starter site.toml. It is unexported so that no
// other package can change what init writes; only Write needs it.
//
//go:embed starter.toml
var starter []byte

// Write creates file with the starter content. It never overwrites: an
// existing file is an error.
func Write(file string) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(starter); err != nil {
		f.Close()
		os.Remove(file)
		return err
	}
	return f.Close()
}
