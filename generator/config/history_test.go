package config

import (
	"strings"
	"testing"
)

func TestHistoryMustBeAFolderInsideTheSite(t *testing.T) {
	const hint = `name a folder inside the site folder by a relative path, such as "history"`
	for _, c := range []struct{ value, want string }{
		{`"/"`, `site.toml:4:11: site.history "/" is not a folder inside the site folder`},
		{`"/srv/history"`, `site.toml:4:11: site.history "/srv/history" is not a folder inside the site folder`},
		{`"../shared/history"`, `site.toml:4:11: site.history "../shared/history" is not a folder inside the site folder`},
		{`"history/../.."`, `site.toml:4:11: site.history "history/../.." is not a folder inside the site folder`},
		{`"."`, `site.toml:4:11: site.history "." is not a folder inside the site folder`},
		{`"./history"`, ""},
		{`"legal/history"`, ""},
	} {
		src := strings.Replace(validSite, "languages = [\"en\", \"nl\"]\n", "languages = [\"en\", \"nl\"]\nhistory = "+c.value+"\n", 1)
		_, errs := load(t, src)
		switch {
		case c.want == "" && len(errs) > 0:
			t.Errorf("history = %s: %v", c.value, errs)
		case c.want == "":
		case len(errs) != 1 || errs[0].Error() != c.want || errs[0].Hint != hint:
			t.Errorf("history = %s:\n got %v\nwant %s (hint: %s)", c.value, errs, c.want, hint)
		}
	}
}
