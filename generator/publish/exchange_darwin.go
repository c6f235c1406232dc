package publish

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the names a and b at once (renamex_np RENAME_SWAP).
func exchange(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTSUP) {
		return errNoExchange // a file system without it
	}
	return err
}
