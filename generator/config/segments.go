package config

import (
	"regexp"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/policygen/policygen/generator/diag"
)

// A ParseCache keeps the tables of a site.toml it has parsed, so that
// parsing the file again after an edit parses only the tables whose text
// changed: what policygen serve does on every save, where the TOML parser
// is most of the time a large site.toml takes to load. A file is cut
// before each table header ([company], [[tracker]], [data.x]); each part
// is parsed on its own, and the parts are joined as TOML joins tables.
// A file with anything that makes that less plain (a header with quoted
// keys, a dotted [[a.b]], a table defined twice or reaching into a value
// of another part) is parsed whole, as is any file with an error, so that
// errors are those of the whole file. The zero ParseCache is ready to
// use; it is safe for concurrent use.
type ParseCache struct {
	mu    sync.Mutex
	parts map[string]*parsedPart // part text -> parsed
}

// parsedPart is a part of site.toml parsed, and its positions as if it
// were a file of its own.
type parsedPart struct {
	raw map[string]any
	pos *Positions
}

// parse returns what toml.Decode gives for src, the positions
// scanPositions finds in it, and its parts; ok is false when it could not join the
// parts, or a part did not parse: the caller then parses the whole file.
func (c *ParseCache) parse(file, src string) (map[string]any, *Positions, []tablePart, bool) {
	parts, ok := splitTables(src)
	if !ok {
		return nil, nil, nil, false
	}
	c.mu.Lock()
	old := c.parts
	c.mu.Unlock()
	used := make(map[string]*parsedPart, len(parts))
	j := joiner{root: map[string]any{}, tables: map[string]bool{}, arrays: map[string]bool{}, owned: map[string]map[string]any{}}
	pos := &Positions{file: file, keys: map[string]diag.Pos{}, value: map[string]diag.Pos{},
		headers: map[string]int{}, arrays: map[string][]partPositions{}}
	for i, p := range parts {
		pp, ok := used[p.text]
		if !ok {
			if pp, ok = old[p.text]; !ok {
				pp = &parsedPart{pos: scanPositions(file, []byte(p.text))}
				if _, err := toml.Decode(p.text, &pp.raw); err != nil {
					return nil, nil, nil, false
				}
			}
			used[p.text] = pp
		}
		if !j.join(i, p, pp.raw) {
			return nil, nil, nil, false
		}
		part := partPositions{pos: pp.pos, lines: p.line - 1}
		if p.array {
			pos.arrays[p.keys[0]] = append(pos.arrays[p.keys[0]], part)
		} else {
			if p.keys != nil {
				pos.headers[strings.Join(p.keys, ".")] = len(pos.tables)
			}
			pos.tables = append(pos.tables, part)
		}
	}
	c.mu.Lock()
	c.parts = used // keep only what this file has
	c.mu.Unlock()
	return j.root, pos, parts, true
}

// tablePart is the text of a table (or of the top-level keys before the
// first header) and its header's keys.
type tablePart struct {
	text  string
	line  int      // the line it starts on, from 1
	keys  []string // nil for the top-level keys
	array bool     // [[name]]
}

// header is a table header of bare keys, alone on its line but for a
// comment.
var header = regexp.MustCompile(`^(\[\[?)([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)(\]\]?)[ \t]*(?:#.*)?$`)

// splitTables cuts src before every table header. It follows strings,
// comments and brackets so that a line inside a multi-line string or array
// is not taken for a header; a line that starts with '[' outside them but
// is not a plain header makes it give up.
func splitTables(src string) ([]tablePart, bool) {
	var parts []tablePart
	cur := tablePart{line: 1}
	start, depth, lineNo := 0, 0, 1
	multi := "" // the delimiter of the multi-line string we are in
	for pos := 0; pos < len(src); {
		end := strings.IndexByte(src[pos:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += pos + 1
		}
		line := strings.TrimRight(src[pos:end], "\r\n")
		if multi == "" && depth == 0 && strings.HasPrefix(line, "[") {
			m := header.FindStringSubmatch(line)
			if m == nil || len(m[1]) != len(m[3]) {
				return nil, false
			}
			cur.text = src[start:pos]
			parts = append(parts, cur)
			cur = tablePart{line: lineNo, keys: strings.Split(m[2], "."), array: len(m[1]) == 2}
			if cur.array && len(cur.keys) != 1 {
				return nil, false
			}
			start = pos
		} else {
			multi, depth = scanLine(line, multi, depth)
			if depth < 0 {
				return nil, false
			}
		}
		pos = end
		lineNo++
	}
	cur.text = src[start:]
	return append(parts, cur), multi == "" && depth == 0
}

// scanLine follows a line of TOML: the multi-line string it ends in, if
// any, and the depth of open brackets and braces after it.
func scanLine(line, multi string, depth int) (string, int) {
	for i := 0; i < len(line); i++ {
		if multi != "" {
			if strings.HasPrefix(line[i:], multi) {
				i += len(multi) - 1
				multi = ""
			} else if line[i] == '\\' && multi == `"""` {
				i++
			}
			continue
		}
		switch c := line[i]; {
		case c == '#':
			return multi, depth
		case strings.HasPrefix(line[i:], `"""`) || strings.HasPrefix(line[i:], `'''`):
			multi = line[i : i+3]
			i += 2
		case c == '"' || c == '\'':
			for i++; i < len(line) && line[i] != c; i++ {
				if c == '"' && line[i] == '\\' {
					i++
				}
			}
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		}
	}
	return multi, depth
}

// joiner joins parsed tables into one document as TOML does. It never
// changes a parsed part, which the cache shares between files: the tables
// headers define are its own maps (owned, by dotted path), which later
// headers may add keys to; a header that would add to any other value
// gives up.
type joiner struct {
	root   map[string]any
	tables map[string]bool // dotted paths of tables a header defined
	arrays map[string]bool // names of arrays of tables
	owned  map[string]map[string]any
}

func (j *joiner) join(i int, p tablePart, m map[string]any) bool {
	if i == 0 && p.keys == nil { // the top-level keys
		for k, v := range m {
			j.root[k] = v
		}
		return true
	}
	if p.array {
		name := p.keys[0]
		elems, ok := m[name].([]map[string]any)
		if len(m) != 1 || !ok || len(elems) != 1 {
			return false
		}
		prev, exists := j.root[name]
		if exists && !j.arrays[name] {
			return false
		}
		list, _ := prev.([]map[string]any)
		j.root[name] = append(list, elems[0])
		j.arrays[name] = true
		return true
	}
	path := strings.Join(p.keys, ".")
	if j.tables[path] {
		return false // a table defined twice
	}
	j.tables[path] = true
	// Walk down both trees; every table on the way must be one a header
	// made here.
	dst, src := j.root, m
	for k, key := range p.keys {
		sub, ok := src[key].(map[string]any)
		if len(src) != 1 || !ok {
			return false
		}
		prefix := strings.Join(p.keys[:k+1], ".")
		if _, exists := dst[key]; !exists {
			dst[key] = map[string]any{}
			j.owned[prefix] = dst[key].(map[string]any)
		} else if j.owned[prefix] == nil {
			return false // a value of another part, or an array of tables
		}
		dst, src = j.owned[prefix], sub
	}
	for k, v := range src {
		if _, dup := dst[k]; dup {
			return false
		}
		dst[k] = v
	}
	return true
}
