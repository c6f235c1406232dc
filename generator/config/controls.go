package config

import (
	"github.com/policygen/policygen/generator/diag"
)

// controlIn returns the first character of s that a text in site.toml must
// not hold, and whether there is one: any control character of
// diag.IsControl (ESC, BEL, the C1 controls, bidirectional overrides, line
// separators …) but a carriage return before a line feed, which a file
// saved on Windows has in its multi-line strings. They are invisible in an
// editor, turn the text around on a page or send commands to a terminal.
func controlIn(s string) (rune, bool) {
	for i, r := range s {
		if r == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			continue
		}
		if diag.IsControl(r) {
			return r, true
		}
	}
	return 0, false
}

// plain reports a string value, or the strings of a table of texts, that
// holds a control character, and returns whether there was none.
func (d *decoder) plain(path string, v any) bool {
	switch v := v.(type) {
	case string:
		if r, bad := controlIn(v); bad {
			d.fail(path)
			d.errorf(d.pos.Value(path), "remove it, or write it as a visible character: texts may hold line breaks and tabs but no other control characters",
				"%s holds the control character %U", keyName(path), r)
			return false
		}
	case map[string]any:
		ok := true
		for k, x := range v { // in any order: Load sorts the errors by position
			if _, isText := x.(string); isText {
				ok = d.plain(Path(path, k), x) && ok
			}
		}
		return ok
	}
	return true
}
