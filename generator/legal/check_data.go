package legal

import (
	_ "embed"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// The data the rules of policygen check read beside the facts above: the
// countries singled out for transfers, statutory retention minimums, and
// dated instruments. Each row carries its sources and the date it was
// checked, as the cookie laws do.

//go:embed transfer_risk.toml
var transferRiskTOML []byte

//go:embed statutory_retention.toml
var statutoryRetentionTOML []byte

//go:embed instruments.toml
var instrumentsTOML []byte

// checkData is what loadCheckData adds to Facts.
type checkData struct {
	highRisk    map[string]HighRisk
	retention   []StatutoryRetention
	instruments []Instrument
}

// sourced are the fields every row of the check data files has.
type sourced struct {
	Sources []string `toml:"sources"`
	Checked string   `toml:"checked"`
}

// referenceKeyPattern matches the source keys of the reference files,
// which include one-word keys such as "weightmans".
var referenceKeyPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func (s sourced) check(p *problemList, path string) {
	if len(s.Sources) == 0 {
		p.add(path, "no sources")
	}
	for _, k := range s.Sources {
		if !referenceKeyPattern.MatchString(k) {
			p.add(path+".sources", "%q is not a source key such as \"edpb-ru-scribd\"", k)
		}
	}
	if _, err := time.Parse(time.DateOnly, s.Checked); err != nil {
		p.add(path+".checked", "%q is not a date such as \"2026-12-01\"", s.Checked)
	}
}

// decodeChecked decodes a data file into v and lists its problems: a
// syntax error, unknown keys, any string holding UNVERIFIED, and what
// check adds.
func decodeChecked(name string, data []byte, v any, check func(*problemList)) error {
	md, err := toml.Decode(string(data), v)
	if err != nil {
		return fmt.Errorf("legal: %s: %w", name, err)
	}
	var p problemList
	unverified(&p, "", reflect.ValueOf(v).Elem())
	for _, k := range md.Undecoded() {
		p.add(k.String(), "unknown key")
	}
	check(&p)
	if len(p) > 0 {
		slices.Sort(p)
		return fmt.Errorf("legal: %s:\n\t%s", name, strings.Join(p, "\n\t"))
	}
	return nil
}

func loadCheckData(transferRisk, retention, instruments []byte) (checkData, error) {
	var d checkData
	var err error
	if d.highRisk, err = loadHighRisk(transferRisk); err != nil {
		return d, err
	}
	if d.retention, err = loadStatutoryRetention(retention); err != nil {
		return d, err
	}
	d.instruments, err = loadInstruments(instruments)
	return d, err
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
