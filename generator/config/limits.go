package config

import (
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
// and takes one pass over the text.
func checkShape(file string, src []byte) *diag.Error {
	s := shapeScanner{src: src, line: 1, col: 1}
	for s.i < len(src) {
		if e := s.step(); e != nil {
			e.Pos.File = file
			return e
		}
	}
	return nil
}

type shapeScanner struct {
	src       []byte
	i         int
	line, col int
	depth     int      // open brackets and braces
	dots      int      // dots since the last place a key could start
	keyAt     diag.Pos // where the key being read started
	keyStart  bool     // the next non-blank byte starts a key (or a value)
}

func (s *shapeScanner) here() diag.Pos { return diag.Pos{Line: s.line, Col: s.col} }

// advance steps over n bytes, counting lines and (byte) columns.
func (s *shapeScanner) advance(n int) {
	for range n {
		if s.i >= len(s.src) {
			return
		}
		if s.src[s.i] == '\n' {
			s.line, s.col = s.line+1, 1
		} else {
			s.col++
		}
		s.i++
	}
}

func (s *shapeScanner) has(p string) bool {
	return len(s.src)-s.i >= len(p) && string(s.src[s.i:s.i+len(p)]) == p
}

func (s *shapeScanner) step() *diag.Error {
	c := s.src[s.i]
	if s.keyStart && c != ' ' && c != '\t' {
		s.keyAt, s.keyStart, s.dots = s.here(), false, 0
	}
	switch {
	case c == '#':
		for s.i < len(s.src) && s.src[s.i] != '\n' {
			s.advance(1)
		}
		return nil
	case s.has(`"""`), s.has(`'''`):
		s.skipString(string(s.src[s.i:s.i+3]), true)
		return nil
	case c == '"' || c == '\'':
		s.skipString(string(c), false)
		return nil
	case c == '[' || c == '{':
		s.depth++
		if s.depth > MaxNesting {
			return diag.Errorf(s.here(), "arrays and tables nest more than %d deep here", MaxNesting).
				WithHint("site.toml needs no more than three levels; look for brackets or braces that are not closed")
		}
	case c == ']' || c == '}':
		s.depth = max(s.depth-1, 0)
	case c == '.':
		if s.dots++; s.dots >= MaxKeyParts {
			return diag.Errorf(s.keyAt, "a key with more than %d parts", MaxKeyParts).
				WithHint("keys in site.toml have at most three parts, such as title.en; look for stray dots")
		}
	}
	s.keyStart = s.keyStart || c == '=' || c == ',' || c == '\n' || c == '[' || c == ']' || c == '{' || c == '}'
	s.advance(1)
	return nil
}

// skipString steps over a string that starts with delim, with escapes
// when it is a basic string; a one-line string also ends at a line end.
func (s *shapeScanner) skipString(delim string, multiline bool) {
	s.advance(len(delim))
	for s.i < len(s.src) && !s.has(delim) {
		if !multiline && s.src[s.i] == '\n' {
			return
		}
		if s.src[s.i] == '\\' && delim[0] == '"' {
			s.advance(1)
		}
		s.advance(1)
	}
	s.advance(len(delim))
}
