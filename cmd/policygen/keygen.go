package main

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/policygen/policygen/generator/history"
)

const keygenHelp = `Usage: policygen keygen FILE

Makes an Ed25519 key pair for signing releases: writes the private key to
FILE (the 32-byte seed as 64 hex digits, readable by you alone; FILE must
not exist) and prints the line that names the public key in the [site]
table of site.toml. Keep FILE outside the repository and give it to
policygen release with --key FILE or POLICYGEN_SIGNING_KEY.
`

func runKeygen(e *env, args []string) int {
	fs := flagSet(e, "keygen", keygenHelp)
	if code, ok := parse(e, fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(e.stderr, "policygen keygen: want the file to write the private key to\nRun 'policygen help keygen' for usage.\n")
		return exitUsage
	}
	pub, priv, err := ed25519.GenerateKey(nil)
	if err == nil {
		err = writeNew(fs.Arg(0), []byte(hex.EncodeToString(priv.Seed())+"\n"))
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "policygen keygen: %v\n", err)
		return exitSite
	}
	fmt.Fprintf(e.stdout, "Wrote the private key to %s; add this line to [site] in site.toml:\nsigning_key = %q\n", fs.Arg(0), history.PublicKeyString(pub))
	return exitOK
}

// writeNew writes a file that must not exist, readable by its owner only.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists: keygen never writes over a file (it may be a key in use); name a new file", name)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
