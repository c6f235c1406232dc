package sitetest

import (
	"sync"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/legal"
)

var facts = sync.OnceValues(legal.Load)

// LoadFixture loads the fixture name (see Fixture) as site.toml.
func LoadFixture(name string) (*config.Loaded, error) {
	return load([]byte(Fixture(name)))
}

// Load encodes s (see Encode) and loads it as site.toml: the site as
// policygen sees it, or the errors that keep it from loading.
func Load(s *config.Site) (*config.Loaded, error) {
	src, err := Encode(s)
	if err != nil {
		return nil, err
	}
	return load(src)
}

func load(src []byte) (*config.Loaded, error) {
	f, err := facts()
	if err != nil {
		return nil, err
	}
	return config.Load("site.toml", src, f)
}
