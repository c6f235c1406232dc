//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package mark

import "os"

// lock does nothing where flock is missing: a mark is then taken as free,
// so two commands writing beside the same folder at once may disturb
// each other (one of them fails; neither loses data of the user's).
func lock(*os.File, bool) error { return nil }
