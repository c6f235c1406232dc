package diag

import "errors"

// AtFile returns err as an Error about file. An err that is or wraps an
// *Error is returned as it is: a refused input (a named pipe, a symlink
// out of the site folder, a file over its size limit) names the file
// itself, or the folder of it that is at fault, and says what to do.
// Any other err becomes an Error at file with err's text.
func AtFile(file string, err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Pos: Pos{File: file}, Msg: err.Error(), Err: err}
}
