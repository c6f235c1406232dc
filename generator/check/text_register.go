package check

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/policygen/policygen/generator/diag"
)

// dutchWord is a word with the dots, hyphens and apostrophes inside it,
// so that "m.u.v.", "U-bocht" or "zo'n" are one word and not a "u".
var dutchWord = regexp.MustCompile(`[\p{L}\p{N}]+(?:[.\-'’][\p{L}\p{N}]+)*`)

var (
	informal = []string{"je", "jij", "jou", "jouw", "jouwe", "jullie"}
	formal   = []string{"u", "uw"}
)

// register returns the first informal pronoun of s and its byte offset
// (or "", -1), and whether s also uses a formal one.
func register(s string) (word string, at int, mixed bool) {
	at = -1
	for _, m := range dutchWord.FindAllStringIndex(s, -1) {
		w := strings.ToLower(s[m[0]:m[1]])
		switch {
		case at < 0 && slices.Contains(informal, w):
			word, at = s[m[0]:m[1]], m[0]
		case slices.Contains(formal, w):
			mixed = true
		}
	}
	return word, at, mixed && at >= 0
}

const registerHint = "address the reader as u, as the built-in Dutch clauses do: u for je, jij and jou, uw for jouw and je (your), u for jullie"

func nlRegister(c *Context) {
	onlyDutch := slices.Equal(c.Site.Settings.Languages, []string{"nl"})
	siteValues(c.Site.Site, func(v value) {
		if !v.localized || !(v.lang == "nl" || v.lang == "" && onlyDutch) {
			return
		}
		if w, _, mixed := register(v.text); w != "" {
			c.At(v.path, registerHint, "%s", has(c, v.path, registerMessage(w, mixed)))
		}
	})
	for _, f := range c.Files {
		if !strings.Contains(f.Path, ".nl.") && !strings.HasSuffix(f.Path, "nl.toml") {
			continue
		}
		if w, at, mixed := register(f.Text); w != "" {
			line := strings.Count(f.Text[:at], "\n") + 1
			col := at - strings.LastIndexByte(f.Text[:at], '\n')
			c.AtPos(diag.Pos{File: f.Path, Line: line, Col: col}, registerHint, "%s has %s", f.Path, registerMessage(w, mixed))
		}
	}
}

func registerMessage(word string, mixed bool) string {
	if mixed {
		return fmt.Sprintf("the informal %q beside the formal u or uw", word)
	}
	return fmt.Sprintf("the informal %q where the built-in Dutch clauses say u", word)
}
