package config

import (
	"bytes"

	"github.com/policygen/policygen/generator/diag"
)

// Limits on the shape of site.toml, checked on its text before the TOML
// parser reads it: the parser takes time that grows with the square (or
// more) of the nesting depth and of the number of parts of a dotted key,
// so that a few kilobytes of "[[[[" keep it busy for minutes. A site.toml
// needs a depth of three and keys of three parts; the limits are far above.
const (
	// MaxNesting is how deep arrays and inline tables may nest.
	MaxNesting = 32
	// MaxKeyParts is how many parts a dotted key or a table header may have.
	MaxKeyParts = 32
)

// checkShape reports the first place where src nests deeper than
// MaxNesting or has a key of more than MaxKeyParts parts. It follows
// strings and comments, so that brackets and dots in them do not count,
// and takes one pass over the text; the line and column of a place are
// counted only for an error.
func checkShape(file string, src []byte) *diag.Error {
	s := shapeScanner{src: src}
	for s.i < len(src) {
		if e := s.step(); e != nil {
			e.Pos.File = file
			return e
		}
	}
	return nil
}

type shapeScanner struct {
	src      []byte
	i        int
	depth    int  // open brackets and braces
	dots     int  // dots since the last place a key could start
	keyAt    int  // the offset where the key being read started
	keyStart bool // the next non-blank byte starts a key (or a value)
}

// at returns the line and (byte) column of the offset i.
func (s *shapeScanner) at(i int) diag.Pos {
	before := s.src[:i]
	return diag.Pos{Line: bytes.Count(before, []byte("\n")) + 1, Col: i - bytes.LastIndexByte(before, '\n')}
}

func (s *shapeScanner) has(p string) bool {
	return bytes.HasPrefix(s.src[s.i:], []byte(p))
}

func (s *shapeScanner) step() *diag.Error {
	c := s.src[s.i]
	if s.keyStart && c != ' ' && c != '\t' {
		s.keyAt, s.keyStart, s.dots = s.i, false, 0
	}
	switch {
	case c == '#':
		if n := bytes.IndexByte(s.src[s.i:], '\n'); n >= 0 {
			s.i += n
		} else {
			s.i = len(s.src)
		}
		return nil
	case c == '"' || c == '\'':
		if delim := string([]byte{c, c, c}); s.has(delim) {
			s.skipString(delim, true)
		} else {
			s.skipString(delim[:1], false)
		}
		return nil
	case c == '[' || c == '{':
		s.depth++
		if s.depth > MaxNesting {
			return diag.Errorf(s.at(s.i), "arrays and tables nest more than %d deep here", MaxNesting).
				WithHint("site.toml needs no more than three levels; look for brackets or braces that are not closed")
		}
	case c == ']' || c == '}':
		s.depth = max(s.depth-1, 0)
	case c == '.':
		if s.dots++; s.dots >= MaxKeyParts {
			return diag.Errorf(s.at(s.keyAt), "a key with more than %d parts", MaxKeyParts).
				WithHint("keys in site.toml have at most three parts, such as title.en; look for stray dots")
		}
	}
	s.keyStart = s.keyStart || c == '=' || c == ',' || c == '\n' || c == '[' || c == ']' || c == '{' || c == '}'
	s.i++
	return nil
}

// skipString steps over a string that starts with delim, with escapes
// when it is a basic string; a one-line string also ends at a line end.
func (s *shapeScanner) skipString(delim string, multiline bool) {
	s.i += len(delim)
	stops := "'\n" // where the string may end, or an escape start
	if delim[0] == '"' {
		stops = "\"\n\\"
	}
	for {
		n := bytes.IndexAny(s.src[s.i:], stops)
		if n < 0 {
			s.i = len(s.src)
			return
		}
		s.i += n
		switch {
		case s.src[s.i] == '\\':
			s.i = min(s.i+2, len(s.src))
		case s.has(delim):
			s.i += len(delim)
			return
		case s.src[s.i] == '\n' && !multiline:
			return
		default:
			s.i++
		}
	}
}
