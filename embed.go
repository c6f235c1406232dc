// Package policygen holds the defaults embedded in the binary: the clause
// library, the message files and the default theme. The generator reads
// them through an fs.FS, beneath a site folder's own files.
package policygen

import "embed"

// Defaults holds clauses/, locales/ and themes/.
//
//go:embed clauses locales themes
var Defaults embed.FS
