package history

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/policygen/policygen/generator/diag"
)

// SignatureFile is the Ed25519 signature of a version's manifest, beside
// it: a signature cannot be inside what it signs. It is one line,
// "ed25519:" and the 64-byte signature in hex.
const SignatureFile = "manifest.sig"

// A signed manifest proves that the holder of the key released it, and,
// through the chain, every version before it. With a public key, Load
// wants the newest version signed, every version after the first signed
// one signed too, and every signature to verify; versions before the first
// signed one are proved by the chain from it. Without a key, signature
// files are read as part of the version but not checked.

// Sign returns the contents of the signature file of a manifest.
func Sign(key ed25519.PrivateKey, manifest []byte) []byte {
	return []byte("ed25519:" + hex.EncodeToString(ed25519.Sign(key, manifest)) + "\n")
}

// ParsePrivateKey reads a private key file: the 32-byte Ed25519 seed as
// 64 hex digits on one line.
func ParsePrivateKey(data []byte) (ed25519.PrivateKey, error) {
	seed, err := hex.DecodeString(strings.TrimSpace(string(data)))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("not an Ed25519 private key: want the 32-byte seed as 64 hex digits on one line, as policygen keygen writes")
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

// PublicKeyString is how site.toml names a public key: "ed25519:" and 64
// hex digits.
func PublicKeyString(key ed25519.PublicKey) string { return "ed25519:" + hex.EncodeToString(key) }

// ParsePublicKey reads a public key as PublicKeyString writes it.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	h, ok := strings.CutPrefix(s, "ed25519:")
	b, err := hex.DecodeString(h)
	if !ok || err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("not an Ed25519 public key: want \"ed25519:\" and 64 hex digits, as policygen keygen prints")
	}
	return ed25519.PublicKey(b), nil
}

// SignVersion writes the signature file of a released version that has
// none, under dir (the history folder on disk): for a history released
// before the site had a key.
func SignVersion(dir string, v *Version, key ed25519.PrivateKey) error {
	name := filepath.Join(dir, v.Name(), SignatureFile)
	if err := writeSynced(name, Sign(key, v.Manifest)); err != nil {
		return err
	}
	v.signature = Sign(key, v.Manifest)
	return nil
}

// readSignature reads the version's signature file, if it has one.
func (v *Version) readSignature(fsys fs.FS, dir string) {
	if data, err := fs.ReadFile(fsys, path.Join(dir, SignatureFile)); err == nil {
		v.signature = data
	}
}

// Signed reports whether the version has a signature file.
func (v *Version) Signed() bool { return v.signature != nil }

// verifySignatures checks the signatures of versions with key, and reports
// whether the newest is signed and verifies.
func verifySignatures(versions []*Version, key ed25519.PublicKey) (diag.List, bool) {
	var errs diag.List
	if key == nil || len(versions) == 0 {
		return nil, false
	}
	signedBefore := false
	for i, v := range versions {
		pos := diag.Pos{File: path.Join(v.Dir, SignatureFile)}
		newest := i == len(versions)-1
		switch {
		case v.signature == nil && (signedBefore || newest):
			errs.Addf(pos, "signature is missing, and site.toml names a signing key").
				WithHint("restore it from version control; to sign a history released before the key, remove signing_key from site.toml, run policygen release --key FILE, which signs the newest version, and add signing_key back")
		case v.signature == nil:
		case !validSignature(key, v.Manifest, v.signature):
			errs.Addf(pos, "signature does not verify: the manifest was changed after its release, or signed with another key").
				WithHint("%s", tamperHint)
		default:
			signedBefore = true
			if newest {
				return errs, true
			}
		}
	}
	return errs, false
}

func validSignature(key ed25519.PublicKey, manifest, sig []byte) bool {
	h, ok := strings.CutPrefix(strings.TrimSpace(string(sig)), "ed25519:")
	b, err := hex.DecodeString(h)
	return ok && err == nil && ed25519.Verify(key, manifest, b)
}

// writeSignature is used by Writer.Release for a signed release.
func writeSignature(w Writer, tmp string, manifest []byte) error {
	if w.Key == nil {
		return nil
	}
	return w.WriteFile(filepath.Join(tmp, SignatureFile), Sign(w.Key, manifest))
}
