package site

import (
	"crypto/ed25519"
	"fmt"
	"time"

	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
	"github.com/policygen/policygen/generator/history"
)

// Release freezes the text as the version of the oldest [[change]] entry
// that has none yet and is dated after the newest version, and returns the
// new version and the one before it (nil for the first). Oldest first, so
// that a later entry stays releasable: the other order would leave the
// earlier one behind for good. It writes nothing when there is nothing to
// release: no such entry, an entry not later than the newest version, or a
// text and model that have not changed since it.
func (s *Site) Release() (*history.Version, *history.Version, error) {
	pending := s.pending()
	if len(pending) == 0 {
		hint := "describe the new version in a [[change]] entry with the date it takes effect, then run policygen release"
		if v := history.Newest(s.History); v != nil && v.Date.After(s.Date) {
			hint += fmt.Sprintf("; to correct the version of %s before it takes effect, run policygen release --revise", v.Date.Format(time.DateOnly))
		}
		return nil, nil, diag.List{diag.Errorf(diag.Pos{File: s.Config.File}, "nothing to release: every [[change]] entry has a released version").
			WithHint("%s", hint)}
	}
	prev := history.Newest(s.History)
	next := pending[len(pending)-1]
	for _, c := range pending {
		if prev == nil || c.Date.After(prev.Date) {
			next = c
			break
		}
	}
	return s.release(next, prev)
}

// ReleaseNewest is Release of the newest [[change]] entry that has no
// version, whatever entries before it have none: the tool that writes a
// long history renders the text of each version alone, from a site.toml
// that lists the versions before it.
func (s *Site) ReleaseNewest() (*history.Version, *history.Version, error) {
	pending := s.pending()
	if len(pending) == 0 {
		return s.Release()
	}
	return s.release(pending[len(pending)-1], history.Newest(s.History))
}

func (s *Site) release(next change, prev *history.Version) (*history.Version, *history.Version, error) {
	if err := s.checkReleaseKey(); err != nil {
		return nil, nil, err
	}
	pos := s.Config.Pos.Value(config.Path("change", next.index, "date"))
	var now clauseTexts // the text as of the version before, if any
	if prev != nil {
		if !next.Date.After(prev.Date) {
			return nil, nil, diag.List{diag.Errorf(pos, "change dated %s is not later than the newest released version (%s)", next.name(), prev.Name()).
				WithHint("a new version takes effect after the last one: date it later than %s", prev.Name())}
		}
		texts, clauses, err := s.renderClauses(prev.Date, false, nil)
		if err != nil {
			return nil, nil, err
		}
		now = clauses
		modelDiff, err := s.modelDifferences(prev, false)
		if err != nil {
			return nil, nil, err
		}
		if len(s.differences(texts, prev.Docs)) == 0 && len(modelDiff) == 0 {
			return nil, nil, diag.List{diag.Errorf(pos, "the text has not changed since the version of %s; nothing to release", prev.Name()).
				WithHint("change the site first, or remove the [[change]] entry dated %s", next.name())}
		}
	}
	texts, _, err := s.renderClauses(next.Date, false, now)
	if err != nil {
		return nil, nil, err
	}
	note := config.LocalizedText{ByLang: s.releasedNote(next.Change)}
	snap := history.Snapshot{Date: next.Date, Note: note, Docs: texts, Site: s.Config.Site, Released: s.Date}
	v, err := history.ReleaseSigned(s.HistoryDir, snap, history.Newest(s.Released), s.ReleaseKey)
	return v, prev, err
}

// PendingChanges lists the dates of the [[change]] entries that have no
// released version, oldest first.
func (s *Site) PendingChanges() []string {
	var out []string
	for _, c := range s.pending() {
		out = append(out, c.name())
	}
	return out
}

// checkReleaseKey makes sure a site that names a signing key is released
// with its private key.
func (s *Site) checkReleaseKey() error {
	pos := s.Config.Pos.Value("site.signing_key")
	switch {
	case s.SigningKey == nil:
		return nil
	case s.ReleaseKey == nil:
		return diag.List{diag.Errorf(pos, "site.toml names a signing key, but no private key was given").
			WithHint("pass the private key file with --key FILE, or name it in POLICYGEN_SIGNING_KEY")}
	case !s.SigningKey.Equal(s.ReleaseKey.Public()):
		return diag.List{diag.Errorf(pos, "the private key is not the key of site.signing_key").
			WithHint("use the private key of the public key site.toml names; the key given is the private key of %s", history.PublicKeyString(s.ReleaseKey.Public().(ed25519.PublicKey)))}
	}
	return nil
}

// SignNewest signs the newest version when it has no signature, with
// ReleaseKey: how a history released before the site had a key is signed.
// The signature proves the newest manifest and, through the chain, every
// version before it. It returns the version it signed, or nil.
func (s *Site) SignNewest() (*history.Version, error) {
	v := history.Newest(s.Released)
	if v == nil || v.Signed() || s.ReleaseKey == nil || len(s.pending()) > 0 {
		return nil, nil
	}
	if err := s.checkReleaseKey(); err != nil {
		return nil, err
	}
	return v, history.SignVersion(s.HistoryDir, v, s.ReleaseKey)
}
