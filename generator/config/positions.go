package config

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/policygen/policygen/generator/diag"
)

// Positions maps every key and array element of a TOML document to where it
// was written. Paths join keys and array indices with dots:
// "activity.2.data.1" is the second data category of the third activity.
//
// BurntSushi/toml keeps positions only per key name, the same for every
// element of an array of tables, so the (already syntax-checked) source
// is scanned once more to find them. That scan waits for the first
// lookup: positions are for error messages, and a site.toml without
// errors needs none, which spares a serve session a pass over a large
// file on every save.
type Positions struct {
	file string
	src  string
	once sync.Once // scans src into keys and value

	keys  map[string]diag.Pos // where the key (or [[header]]) is written
	value map[string]diag.Pos // where its value starts
}

// newPositions returns the positions of the TOML document src, which is
// scanned on the first lookup. Positions are safe for concurrent use.
func newPositions(file, src string) *Positions {
	return &Positions{file: file, src: src}
}

// Key returns the position of the key at path, or of its nearest ancestor
// that has one.
func (p *Positions) Key(path string) diag.Pos {
	p.once.Do(p.scan)
	for {
		if pos, ok := p.keys[path]; ok {
			return pos
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return diag.Pos{File: p.file}
		}
		path = path[:i]
	}
}

// Value returns the position of the value at path, falling back to its key.
func (p *Positions) Value(path string) diag.Pos {
	p.once.Do(p.scan)
	if pos, ok := p.value[path]; ok {
		return pos
	}
	return p.Key(path)
}

// Path joins keys and indices into a Positions path.
func Path(parts ...any) string {
	var b strings.Builder
	for _, part := range parts {
		var s string
		switch p := part.(type) { // the common kinds without fmt: a site has thousands of paths
		case string:
			s = p
		case int:
			s = strconv.Itoa(p)
		default:
			s = fmt.Sprint(part)
		}
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s)
	}
	return b.String()
}

// scan indexes a syntactically valid TOML document. On input that is not
// valid TOML it records what it can and never fails: the parser has
// reported the syntax error already.
func (p *Positions) scan() {
	p.keys, p.value = map[string]diag.Pos{}, map[string]diag.Pos{}
	s := &scanner{src: p.src, line: 1, col: 1, pos: p, arrays: map[string]int{}}
	s.document()
}

type scanner struct {
	src       string
	i         int
	line, col int
	pos       *Positions
	table     string         // resolved path of the current [table]
	arrays    map[string]int // element count of each array of tables
}

func (s *scanner) here() diag.Pos { return diag.Pos{File: s.pos.file, Line: s.line, Col: s.col} }

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *scanner) next() byte {
	c := s.src[s.i]
	s.i++
	if c == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++ // columns count bytes, as in Go's own diagnostics
	}
	return c
}

func (s *scanner) hasPrefix(p string) bool {
	return strings.HasPrefix(s.src[s.i:], p)
}

// skipSpace skips blanks and comments; with newlines it also skips line ends.
func (s *scanner) skipSpace(newlines bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.next()
		case c == '\n' && newlines:
			s.next()
		case c == '#':
			for !s.eof() && s.peek() != '\n' {
				s.next()
			}
		default:
			return
		}
	}
}

func (s *scanner) document() {
	for {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		start := s.i
		if s.peek() == '[' {
			s.header()
		} else {
			s.keyValue(s.table)
		}
		if s.i == start { // not TOML: step over the byte rather than loop
			s.next()
		}
		s.skipLine()
	}
}

// skipLine skips the rest of the line, if it holds anything by mistake.
func (s *scanner) skipLine() {
	for !s.eof() && s.peek() != '\n' {
		s.next()
	}
}

func (s *scanner) header() {
	at := s.here()
	s.next()
	array := s.peek() == '['
	if array {
		s.next()
	}
	keys := s.keyParts()
	path := ""
	for n, k := range keys {
		path = join(path, k)
		if n == len(keys)-1 && array {
			idx := s.arrays[path]
			s.arrays[path] = idx + 1
			path = join(path, strconv.Itoa(idx))
		} else if c, ok := s.arrays[path]; ok {
			path = join(path, strconv.Itoa(c-1))
		}
	}
	s.table = path
	s.pos.keys[path] = at
}

// keyParts reads a dotted key and returns its parts unquoted.
func (s *scanner) keyParts() []string {
	var parts []string
	for {
		s.skipSpace(false)
		parts = append(parts, s.simpleKey())
		s.skipSpace(false)
		if s.peek() != '.' {
			return parts
		}
		s.next()
	}
}

func (s *scanner) simpleKey() string {
	switch s.peek() {
	case '"', '\'':
		return s.quoted()
	}
	start := s.i
	for !s.eof() {
		c := s.peek()
		if c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			s.next()
			continue
		}
		break
	}
	return s.src[start:s.i]
}

// quoted reads a one-line basic or literal string and returns its content
// with simple escapes resolved (enough to name keys).
func (s *scanner) quoted() string {
	q := s.next()
	var b strings.Builder
	for !s.eof() && s.peek() != q && s.peek() != '\n' {
		c := s.next()
		if c == '\\' && q == '"' && !s.eof() {
			c = s.next()
		}
		b.WriteByte(c)
	}
	if !s.eof() && s.peek() == q {
		s.next()
	}
	return b.String()
}

func (s *scanner) keyValue(table string) {
	at := s.here()
	keys := s.keyParts()
	path := table
	for _, k := range keys {
		path = join(path, k)
		if _, ok := s.pos.keys[path]; !ok {
			s.pos.keys[path] = at
		}
	}
	s.pos.keys[path] = at
	s.skipSpace(false)
	if s.peek() != '=' {
		return
	}
	s.next()
	s.skipSpace(false)
	s.value(path)
}

func (s *scanner) value(path string) {
	s.pos.value[path] = s.here()
	switch {
	case s.hasPrefix(`"""`), s.hasPrefix(`'''`):
		s.multiline(s.src[s.i : s.i+3])
	case s.peek() == '"' || s.peek() == '\'':
		s.quoted()
	case s.peek() == '[':
		s.array(path)
	case s.peek() == '{':
		s.inlineTable(path)
	default:
		for !s.eof() && !strings.ContainsRune(",]}#\n", rune(s.peek())) {
			s.next()
		}
	}
}

func (s *scanner) multiline(delim string) {
	for range 3 {
		s.next()
	}
	for !s.eof() && !s.hasPrefix(delim) {
		if s.next() == '\\' && delim == `"""` && !s.eof() {
			s.next()
		}
	}
	for !s.eof() && s.hasPrefix(delim[:1]) { // up to two quotes may end the content
		s.next()
	}
}

func (s *scanner) array(path string) {
	s.next()
	for n := 0; ; n++ {
		s.skipSpace(true)
		if s.eof() || s.peek() == ']' {
			break
		}
		elem := join(path, strconv.Itoa(n))
		s.pos.keys[elem] = s.here()
		start := s.i
		s.value(elem)
		s.skipSpace(true)
		if s.peek() == ',' {
			s.next()
		} else if s.i == start {
			break
		}
	}
	if !s.eof() {
		s.next()
	}
}

func (s *scanner) inlineTable(path string) {
	s.next()
	for {
		s.skipSpace(false)
		if s.eof() || s.peek() == '}' || s.peek() == '\n' {
			break
		}
		start := s.i
		s.keyValue(path)
		s.skipSpace(false)
		if s.peek() == ',' {
			s.next()
		} else if s.i == start {
			break
		}
	}
	if !s.eof() && s.peek() == '}' {
		s.next()
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
