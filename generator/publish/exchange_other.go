//go:build !linux && !darwin

package publish

// exchange cannot swap two names at once on this system: swap falls back
// to two renames.
func exchange(a, b string) error { return errNoExchange }
