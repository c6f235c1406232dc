package history

import (
	"path"
	"slices"
	"time"

	"github.com/policygen/policygen/generator/diag"
)

// The chain links each version to the one before it: its manifest names
// the SHA-256 of the previous manifest. A link proves the manifest it
// points at, not the one it is in, so an edit shows as a broken link after
// the edited version. Each version is confirmed by the version after it,
// when that one's link is whole; the newest, which nothing after it
// confirms, by its signature when the site has a signing key (see
// Trust), and otherwise it is taken as confirmed for the chain: what it
// holds is compared with site.toml by the build. Its files are confirmed
// only by a signature: without one, a file whose hash does not match may
// be the changed one or its line in the manifest. An edit of the newest
// manifest's previous line alone is therefore blamed on the version
// before it, unless the versions are signed.

// verifyChain checks every link, newest first, and blames the manifest that
// was changed: the one before a broken link whose own version is
// confirmed. A version that is blamed explains both links it takes part in.
// Links across a folder that could not be read are not followed. It then
// reports the files whose hashes did not match (see blameFiles).
func verifyChain(versions []*Version, unread []time.Time, headConfirmed bool) diag.List {
	var errs diag.List
	blamed := map[*Version]bool{}
	n := len(versions)
	for i := n - 1; i >= 0; i-- {
		v := versions[i]
		prevHash := ""
		if i > 0 {
			prevHash = Hash(versions[i-1].Manifest)
		}
		if v.previous == prevHash || blamed[v] || unreadBefore(versions, i, unread) {
			continue
		}
		confirmed := i == n-1 || !blamed[versions[i+1]]
		switch {
		case !confirmed:
			errs.Addf(manifestPos(v), "the chain of versions is broken: previous is not the SHA-256 of the manifest before it").
				WithHint("this manifest or the one before it was changed after its release: restore both from version control")
		case missingBetween(versions, i) != "":
			errs.Addf(diag.Pos{File: path.Join(path.Dir(v.Dir), missingBetween(versions, i))}, "released version is missing: %s/%s chains to it", v.Dir, ManifestFile).
				WithHint("%s", tamperHint)
		case i == 0:
			errs.Addf(manifestPos(v), "the oldest version names a previous version, but there is none: a version before it was removed").
				WithHint("restore the history folder from version control")
		default:
			p := versions[i-1]
			errs.Addf(manifestPos(p), "manifest was changed after its release: it is not the previous that %s/%s names", v.Dir, ManifestFile).
				WithHint("%s", tamperHint)
			blamed[p] = true
		}
	}
	return append(errs, blameFiles(versions, blamed, headConfirmed)...)
}

// releaseOrder puts versions in the order of the chain: the first is the
// one that names no previous version, and each next one names the hash of
// the manifest before it. Where a link is broken, the walk goes on with
// the first version left in date order that is not a revision, where
// verifyChain reports the break. Without revisions that is date order,
// whatever was changed.
func releaseOrder(versions []*Version) []*Version {
	left := slices.Clone(versions)
	Sort(left)
	next := func(previous string) int {
		return slices.IndexFunc(left, func(v *Version) bool { return v.previous == previous })
	}
	out := make([]*Version, 0, len(left))
	previous := ""
	for len(left) > 0 {
		i := next(previous)
		if i < 0 { // a revision is released later than versions after its date: take those first
			i = max(0, slices.IndexFunc(left, func(v *Version) bool { return v.Revision() == 1 }))
		}
		out = append(out, left[i])
		previous = Hash(left[i].Manifest)
		left = slices.Delete(left, i, i+1)
	}
	return out
}

// unreadBefore reports whether a folder that could not be read as a version
// lies between versions[i] and the version before it: its own error
// explains the broken link.
func unreadBefore(versions []*Version, i int, unread []time.Time) bool {
	for _, d := range unread {
		if d.Before(versions[i].Date) && (i == 0 || d.After(versions[i-1].Date)) {
			return true
		}
		if i > 0 && versions[i-1].Date.After(versions[i].Date) { // a revision: the chain runs back in time
			return true
		}
	}
	return false
}

// missingBetween returns the name of a version that the model of
// versions[i] lists as released before it, after the version before it,
// and that has no folder: the model's changes are the [[change]] entries
// of site.toml at its release. It returns "" when there is none.
func missingBetween(versions []*Version, i int) string {
	s, err := versions[i].Site()
	if err != nil {
		return ""
	}
	var after time.Time
	if i > 0 {
		after = versions[i-1].Date
	}
	released := map[time.Time]bool{}
	for _, v := range versions {
		released[v.Date] = true
	}
	for _, c := range s.Changes {
		if c.Date.After(after) && c.Date.Before(versions[i].Date) && !released[c.Date] {
			return c.Date.Format(time.DateOnly)
		}
	}
	return ""
}

// blameFiles reports the files whose SHA-256 is not the one their manifest
// lists. In a confirmed manifest the hash is the released one, so the file
// changed; a blamed manifest's error covers its hashes; of the newest
// version without a signature either may have changed.
func blameFiles(versions []*Version, blamed map[*Version]bool, headConfirmed bool) diag.List {
	var errs diag.List
	for i, v := range versions {
		for _, name := range v.mismatched {
			pos := diag.Pos{File: path.Join(v.Dir, name)}
			switch {
			case blamed[v]:
			case i == len(versions)-1 && !headConfirmed:
				errs.Addf(pos, "file does not match its SHA-256 in %s/%s: the file or the manifest was changed after its release", v.Dir, ManifestFile).
					WithHint("%s", tamperHint)
			default:
				errs.Addf(pos, "file was changed after its release (SHA-256 does not match the manifest)").WithHint("%s", tamperHint)
			}
		}
	}
	return errs
}

func manifestPos(v *Version) diag.Pos { return diag.Pos{File: path.Join(v.Dir, ManifestFile)} }
