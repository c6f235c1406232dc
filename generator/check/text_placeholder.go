package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/policygen/policygen/generator/diag"
)

// placeholders find text that stands for text not yet written. The
// markers in capitals are matched in capitals only, as whole words, so
// that the Spanish "todo", an "xxx" in a URL or "Marker" as a word pass;
// an ellipsis counts only where it stands alone, not where it ends a
// word ("and so on…") or marks an omission in a quotation ("[…]").
var placeholders = []*regexp.Regexp{
	regexp.MustCompile(`\b(TODO|TBD|FIXME|XXX+|MARKER)\b`),
	regexp.MustCompile(`(?i)\blorem\s+ipsum\b`),
	regexp.MustCompile(`(?i)\[\s*(insert|your|enter|add)\b[^\]]*\]?`),
	regexp.MustCompile(`(?i)<\s*(insert|your|enter)\b[^>]*>`),
	regexp.MustCompile(`(^|[\s„“"'‘])(…|\.\.\.)([\s.,;:!?”"'’]|$)`),
}

// placeholder returns the first placeholder in s and its byte offset, or "", -1.
func placeholder(s string) (string, int) {
	best, at := "", -1
	for _, re := range placeholders {
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		start, end := m[0], m[1]
		if len(m) >= 6 && re == placeholders[len(placeholders)-1] {
			start, end = m[4], m[5] // the ellipsis, without what surrounds it
		}
		if at < 0 || start < at {
			best, at = s[start:end], start
		}
	}
	return best, at
}

func placeholderText(c *Context) {
	siteValues(c.Site.Site, func(v value) {
		if p, _ := placeholder(v.text); p != "" {
			c.At(v.path, "write the text it stands for, or remove the key if it is optional",
				"%s", has(c, v.path, fmt.Sprintf("the placeholder %q", p)))
		}
	})
	for _, f := range c.Files {
		toml := strings.HasSuffix(f.Path, ".toml")
		for i, line := range strings.Split(f.Text, "\n") {
			if toml {
				line = withoutComment(line) // comments are notes to translators, not text
			}
			if p, at := placeholder(line); p != "" {
				c.AtPos(diag.Pos{File: f.Path, Line: i + 1, Col: at + 1}, "write the text it stands for, or remove it",
					"%s holds the placeholder %q", f.Path, p)
			}
		}
	}
}

// withoutComment cuts a TOML comment off a line: a # outside a string.
func withoutComment(line string) string {
	var quote rune
	for i, r := range line {
		switch {
		case quote == 0 && r == '#':
			return line[:i]
		case quote == 0 && (r == '"' || r == '\''):
			quote = r
		case r == quote && (quote == '\'' || i == 0 || line[i-1] != '\\'):
			quote = 0
		}
	}
	return line
}

// has says that the value at path has what, naming the element it is
// in: `tracker "_ga" has what in purpose.nl`, or `company.name has what`.
func has(c *Context, path, what string) string {
	parts := strings.SplitN(path, ".", 3)
	if len(parts) == 3 && isDigits(parts[1]) {
		i, _ := strconv.Atoi(parts[1])
		if name := elementID(c, parts[0], i); name != "" {
			return fmt.Sprintf("%s %q has %s in %s", parts[0], name, what, keyOf(parts[2]))
		}
	}
	return keyOf(path) + " has " + what
}

// elementID is the id (or a tracker's name) of an array-of-tables element.
func elementID(c *Context, table string, i int) string {
	s := c.Site
	switch {
	case table == "activity" && i < len(s.Activities):
		return string(s.Activities[i].ID)
	case table == "processor" && i < len(s.Processors):
		return string(s.Processors[i].ID)
	case table == "tracker" && i < len(s.Trackers):
		return s.Trackers[i].Name
	case table == "retention" && i < len(s.Retention):
		return string(s.Retention[i].ID)
	}
	return ""
}

func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// keyOf names a value's key the way site.toml writes it, without array
// indices: "tracker.purpose.nl".
func keyOf(path string) string {
	parts := strings.Split(path, ".")
	out := parts[:0]
	for _, p := range parts {
		if !isDigits(p) {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}
