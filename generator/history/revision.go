package history

import (
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/diag"
)

// A version announced for a date that has not come yet may be revised: the
// revision is a new version folder with the same date and a revision
// number, "2027-01-01.2", then "2027-01-01.3", released at the end of the
// chain like any version. Its manifest names the version it replaces
// (revises), which stays in history as it was, superseded. Of the
// versions of a date, readers are shown the one with the highest number
// (see Live); the folder name is also the version's URL segment.

// ParseName reads a version folder's name: the date the version takes
// effect, and its revision number, 1 for the version first announced for
// that date ("2027-01-01") and 2 or more for a revision ("2027-01-01.2").
func ParseName(name string) (date time.Time, revision int, ok bool) {
	day, num, revised := strings.Cut(name, ".")
	date, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return time.Time{}, 0, false
	}
	if !revised {
		return date, 1, true
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 2 || strconv.Itoa(n) != num { // no sign, no leading zero
		return time.Time{}, 0, false
	}
	return date, n, true
}

// versionName is the folder name of a date's version with a revision
// number.
func versionName(date time.Time, revision int) string {
	name := date.Format(time.DateOnly)
	if revision > 1 {
		name += "." + strconv.Itoa(revision)
	}
	return name
}

// Revision is the version's revision number: 1 for the version first
// announced for its date, 2 for its first revision, and so on.
func (v *Version) Revision() int {
	if _, n, ok := ParseName(v.Name()); ok {
		return n
	}
	return 1
}

// NextRevision is the folder name a revision of v is released under.
func (v *Version) NextRevision() string { return versionName(v.Date, v.Revision()+1) }

// Live returns the versions that no revision replaced, oldest first: of
// each date, the version with the highest revision number. These are the
// versions readers are shown as in force or announced.
func Live(vs []*Version) []*Version {
	byDate := map[time.Time]*Version{}
	for _, v := range vs {
		if cur, ok := byDate[v.Date]; !ok || v.Revision() > cur.Revision() {
			byDate[v.Date] = v
		}
	}
	out := make([]*Version, 0, len(byDate))
	for _, v := range byDate {
		out = append(out, v)
	}
	Sort(out)
	return out
}

// Superseded returns the versions a revision replaced, oldest first.
func Superseded(vs []*Version) []*Version {
	live := Live(vs)
	var out []*Version
	for _, v := range vs {
		if !slices.Contains(live, v) {
			out = append(out, v)
		}
	}
	Sort(out)
	return out
}

// revisedName is the name of the version a version must revise, by its
// folder name: "" for a date's first version.
func revisedName(v *Version) string {
	n := v.Revision()
	if n == 1 {
		return ""
	}
	return versionName(v.Date, n-1)
}

// revisesMismatch is the error of a manifest whose revises is not what
// its folder name says.
func revisesMismatch(v *Version, got, want string) *diag.Error {
	pos := manifestPos(v)
	var e *diag.Error
	switch {
	case want == "":
		e = diag.Errorf(pos, "manifest says the version revises %q, but its folder is not named as a revision", got)
	case got == "":
		e = diag.Errorf(pos, "the folder is named as revision %d of %s, but its manifest names no version it revises", v.Revision(), v.Date.Format(time.DateOnly))
	default:
		e = diag.Errorf(pos, "manifest says the version revises %q, but revision %d of %s revises %s", got, v.Revision(), v.Date.Format(time.DateOnly), want)
	}
	return e.WithHint("%s", tamperHint)
}

// checkRevised reports revisions whose superseded version is gone. A
// folder that could not be read as a version has its own error.
func checkRevised(versions []*Version, unread []time.Time) diag.List {
	names := map[string]bool{}
	for _, v := range versions {
		names[v.Name()] = true
	}
	var errs diag.List
	for _, v := range versions {
		if v.Revises == "" || names[v.Revises] || slices.Contains(unread, v.Date) {
			continue
		}
		errs.Addf(diag.Pos{File: path.Join(path.Dir(v.Dir), v.Revises)}, "released version is missing: %s/%s revises it", v.Dir, ManifestFile).
			WithHint("%s", tamperHint)
	}
	return errs
}
