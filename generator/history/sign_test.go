package history

import (
	"crypto/ed25519"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func testKey() ed25519.PrivateKey { return ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize)) }

// releasedSigned writes two signed versions and returns the history folder.
func releasedSigned(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "history")
	v1, err := ReleaseSigned(dir, snapshot("2024-01-01", "one"), nil, testKey())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ReleaseSigned(dir, snapshot("2025-01-01", "two"), v1, testKey()); err != nil {
		t.Fatal(err)
	}
	return dir
}

func loadSigned(dir string) error {
	_, err := LoadSigned(os.DirFS(filepath.Dir(dir)), "history", "history", testKey().Public().(ed25519.PublicKey))
	return err
}

func TestSignedHistoryLoads(t *testing.T) {
	if err := loadSigned(releasedSigned(t)); err != nil {
		t.Fatal(err)
	}
}

func TestSignaturesFindEditsOfTheNewestVersion(t *testing.T) {
	tests := []struct {
		name   string
		tamper func(t *testing.T, dir string)
		want   string
	}{
		{"note of the newest manifest", func(t *testing.T, d string) {
			replaceIn(t, d, "2025-01-01", ManifestFile, `"en" = "Note`, `"en" = "Edited`)
		}, "history/2025-01-01/manifest.sig: signature does not verify: the manifest was changed after its release, or signed with another key"},
		{"text of the newest version", func(t *testing.T, d string) { appendTo(filepath.Join(d, "2025-01-01", "privacy.en.md"), "x") },
			"history/2025-01-01/privacy.en.md: file was changed after its release (SHA-256 does not match the manifest)"},
		{"missing signature", func(t *testing.T, d string) { os.Remove(filepath.Join(d, "2025-01-01", SignatureFile)) },
			"history/2025-01-01/manifest.sig: signature is missing, and site.toml names a signing key"},
		{"signature by another key", func(t *testing.T, d string) {
			other := ed25519.NewKeyFromSeed([]byte(strings.Repeat("k", ed25519.SeedSize)))
			m, _ := os.ReadFile(filepath.Join(d, "2024-01-01", ManifestFile))
			os.WriteFile(filepath.Join(d, "2024-01-01", SignatureFile), Sign(other, m), 0o644)
		}, "history/2024-01-01/manifest.sig: signature does not verify: the manifest was changed after its release, or signed with another key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := releasedSigned(t)
			tt.tamper(t, dir)
			if got := fmt.Sprint(loadSigned(dir)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
