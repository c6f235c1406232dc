package site

import (
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/policygen/policygen/generator/check"
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/diag"
)

// Check runs the rules of package check on the site: its site.toml, its
// own clause and message files, the text of every released version and
// the text as site.toml now gives it (the draft, dated by its newest
// unreleased [[change]] if there is one).
func (s *Site) Check() (diag.List, error) {
	in := check.Input{Site: s.Config, Facts: s.Facts, Today: s.Date}
	for _, v := range s.Released {
		for _, doc := range s.Docs {
			for _, lang := range s.Config.Settings.Languages {
				if md, ok := v.Markdown(doc, lang); ok {
					in.Texts = append(in.Texts, check.Text{Version: v.Name(), Date: v.Date, Released: true, Doc: doc, Lang: lang, Markdown: md,
						Pos: diag.Pos{File: path.Join(s.HistoryDir, v.Name())}})
				}
			}
		}
	}
	draft, err := s.renderTexts(s.Date, true)
	if err != nil {
		return nil, err
	}
	date, pos := s.draftDate()
	for _, doc := range s.Docs {
		for _, lang := range s.Config.Settings.Languages {
			if md, ok := draft[doc][lang]; ok {
				in.Texts = append(in.Texts, check.Text{Version: "draft", Date: date, Doc: doc, Lang: lang, Markdown: md, Pos: pos})
			}
		}
	}
	in.Files = s.ownFiles()
	return check.Run(in), nil
}

// draftDate is the date the text as site.toml gives it takes effect: that
// of the newest [[change]] no version was released for, with the position
// of that date, or else the build date.
func (s *Site) draftDate() (time.Time, diag.Pos) {
	date, pos := s.Date, diag.Pos{File: s.Config.File}
	for i, c := range s.Config.Changes {
		if _, released := findVersion(s.History, c.Date.Format(time.DateOnly)); !released {
			date, pos = c.Date, s.Config.Pos.Value(config.Path("change", i, "date"))
		}
	}
	return date, pos
}

// ownFiles are the clause and message files of the site folder itself,
// not the built-in ones, as the rules read them.
func (s *Site) ownFiles() []check.File {
	var out []check.File
	for _, pattern := range []string{"clauses/*/*.md", "locales/*.toml"} {
		names, _ := s.Files.Glob(pattern)
		for _, name := range names {
			desc := s.Files.Describe(name)
			if strings.HasPrefix(desc, "(built-in)") {
				continue
			}
			if b, err := fs.ReadFile(s.Files, name); err == nil {
				out = append(out, check.File{Path: desc, Text: string(b)})
			}
		}
	}
	return out
}
