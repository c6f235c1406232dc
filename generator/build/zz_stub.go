package build

import "github.com/policygen/policygen/generator/history"

// Placeholders until the diff package lands: no changelog, diff pages or
// feed yet, and no generated summary.

func (s *Site) renderChanges(out Output, st *status, doc, lang string) error { return nil }

// Summary is not available yet.
func (s *Site) Summary(prev, v *history.Version, lang string) ([]string, error) { return nil, nil }
