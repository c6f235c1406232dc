package history

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// manifest is the decoded manifest.toml of a version.
type manifest struct {
	Date     string            `toml:"date"`
	Previous string            `toml:"previous"`
	Revises  string            `toml:"revises"`  // a revision's: the version it replaces
	Released string            `toml:"released"` // a revision's: the date it was released, YYYY-MM-DD
	Note     map[string]string `toml:"note"`
	Files    map[string]string `toml:"files"`
}

// encodeManifest writes a manifest by hand, keys sorted, so that it reads
// well and diffs well in git. revises and released are written only when
// they are set, so that the manifests of versions that revise nothing read
// as they always did, byte for byte.
func encodeManifest(m *manifest) []byte {
	var b bytes.Buffer
	b.WriteString("# A released version of the policy text, written by policygen release.\n")
	b.WriteString("# Do not edit: every build checks these hashes and the chain to the previous version.\n\n")
	fmt.Fprintf(&b, "date = %s\n", quote(m.Date))
	fmt.Fprintf(&b, "previous = %s\n", quote(m.Previous))
	if m.Revises != "" {
		fmt.Fprintf(&b, "revises = %s\n", quote(m.Revises))
	}
	if m.Released != "" {
		fmt.Fprintf(&b, "released = %s\n", quote(m.Released))
	}
	writeTable(&b, "note", m.Note)
	writeTable(&b, "files", m.Files)
	return b.Bytes()
}

func writeTable(b *bytes.Buffer, name string, m map[string]string) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(b, "\n[%s]\n", name)
	for _, k := range keys {
		fmt.Fprintf(b, "%s = %s\n", quote(k), quote(m[k]))
	}
}

// quote writes a TOML basic string: Go's strconv.Quote would use escapes
// such as \x07 that TOML does not have.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func decodeManifest(data []byte) (*manifest, error) {
	var m manifest
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		return nil, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("unknown keys %s", strings.Join(keys, ", "))
	}
	return &m, nil
}
