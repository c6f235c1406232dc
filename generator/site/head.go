package site

import (
	"bytes"
	"encoding/json"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/history"
)

// What proves the newest version, the chain's head: nothing after it in
// the chain names its manifest, so the build compares what it holds with
// site.toml, from which release wrote it:
//
//   - its date: a [[change]] entry of that date (checkReleased), and the
//     folder's name (history.Load);
//   - its note, in every language: the note of that entry (checkReleased;
//     for older versions too, whose manifests the chain proves);
//   - its texts: the text site.toml and the clauses render now, as a
//     reader sees it (sameText), else the site has unreleased changes
//     (unreleased);
//   - its model.json: the model of site.toml, when the texts are the same
//     and no [[change]] is pending (modelDifferences);
//   - its previous: the manifest before it (history.Load);
//   - every other byte of the manifest: the form release writes
//     (history.Load).
//
// What this cannot tell apart: an edit of the newest text together with
// its hash in the manifest from a change of the clauses, which both read as
// unreleased changes (the build fails, blaming the site), and a change of
// site.toml made on purpose from an edited model.json (the error names
// both). Signatures close these: see history.Trust.

// releasedNote is the note release freezes for a [[change]] entry: a
// single-language site may write it as a plain string.
func (s *Site) releasedNote(c config.Change) map[string]string {
	if c.Note.ByLang == nil && c.Note.Plain != "" {
		return map[string]string{s.langs()[0]: c.Note.Plain}
	}
	return c.Note.ByLang
}

// checkReleased compares the [[change]] entries of site.toml with the
// released versions: the newest must have one, and each note must be the
// note its version froze.
func (s *Site) checkReleased() diag.List {
	var errs diag.List
	entries := map[string]int{}
	for i, c := range s.Config.Site.Changes {
		entries[c.Date.Format(time.DateOnly)] = i
	}
	for k, v := range s.History {
		manifest := path.Join(v.Dir, history.ManifestFile)
		newest := k == len(s.History)-1
		i, ok := entries[v.Date.Format(time.DateOnly)]
		if !ok {
			if newest {
				errs.Addf(diag.Pos{File: s.Config.File}, "the newest released version, %s, has no [[change]] entry", v.Name()).
					WithHint("restore the entry dated %s from version control (its note is in %s); if %s was not released by policygen release, remove that folder", v.Name(), manifest, v.Dir)
			}
			continue
		}
		if langs := differingLangs(s.releasedNote(s.Config.Site.Changes[i]), v.Note.ByLang); len(langs) > 0 {
			hint := "a released note never changes: restore the note in site.toml from version control"
			if newest {
				hint += ", or the manifest, if it was edited"
			}
			errs.Addf(s.Config.Pos.Value(config.Path("change", i, "note")), "the note of the change dated %s is not the note released in %s (%s)", v.Name(), manifest, strings.Join(langs, ", ")).
				WithHint("%s", hint)
		}
	}
	return errs
}

// differingLangs lists the languages, sorted, in which two notes differ.
func differingLangs(a, b map[string]string) []string {
	var out []string
	for _, lang := range slices.Sorted(maps.Keys(a)) {
		if bv, ok := b[lang]; !ok || bv != a[lang] {
			out = append(out, lang)
		}
	}
	for lang := range b {
		if _, ok := a[lang]; !ok {
			out = append(out, lang)
		}
	}
	slices.Sort(out)
	return out
}

// modelDifferences lists the keys of model.json in which the newest
// version differs from the model release would write from site.toml now,
// leaving out the [[change]] entries unless withChanges: a new entry is
// not by itself a change of the model.
func (s *Site) modelDifferences(newest *history.Version, withChanges bool) ([]string, error) {
	now, err := s.configJSON()
	if err != nil {
		return nil, err
	}
	var a map[string]json.RawMessage
	if err := json.Unmarshal(now, &a); err != nil {
		return nil, err
	}
	b, err := cached(s.cache, modelFieldsKey{string(newest.Manifest)}, func() (map[string][]byte, error) { return modelFields(newest) })
	if err != nil {
		return []string{"model.json"}, nil // not a model at all
	}
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	var out []string
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		if k == "changes" && !withChanges {
			continue
		}
		if !bytes.Equal(a[k], b[k]) {
			out = append(out, k)
		}
	}
	return out, nil
}

// modelFields returns the top-level values of a released version's
// model.json, compacted: what json.Marshal writes for them, which is what
// the site's model is compared with. A serve session compares every save
// with the same newest version, and decodes it once.
func modelFields(v *history.Version) (map[string][]byte, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(v.Model, &raw); err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(raw))
	for k, r := range raw {
		var b bytes.Buffer
		if err := json.Compact(&b, r); err != nil {
			return nil, err
		}
		out[k] = b.Bytes()
	}
	return out, nil
}
