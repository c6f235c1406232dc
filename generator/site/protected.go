package site

import (
	"path/filepath"

	"github.com/policygen/policygen/generator/publish"
)

// Protected returns the site folder and its inputs: site.toml, the history
// folder as configured, clauses/, locales/ and themes/.
func (s *Site) Protected() publish.Protected {
	src := filepath.Dir(s.Config.File)
	return publish.Protected{Site: src, Inputs: []publish.Input{
		{Path: s.Config.File, What: "configuration file"},
		{Path: s.HistoryDir, What: "history folder"},
		{Path: filepath.Join(src, "clauses"), What: "clauses folder"},
		{Path: filepath.Join(src, "locales"), What: "locales folder"},
		{Path: filepath.Join(src, "themes"), What: "themes folder"},
	}}
}
