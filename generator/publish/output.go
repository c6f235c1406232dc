package publish

import "strings"

// Output is a rendered site: file paths (slash-separated, relative to the
// output folder) and their contents.
type Output map[string][]byte

// Pages counts the HTML pages of the output.
func (o Output) Pages() int {
	n := 0
	for name := range o {
		if IsPage(name) {
			n++
		}
	}
	return n
}

func IsPage(name string) bool { return strings.HasSuffix(name, ".html") }
