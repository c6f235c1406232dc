package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/policygen/policygen/generator/diag"
)

// The formats check prints its findings in.
const (
	formatText   = "text"
	formatJSON   = "json"
	formatGitHub = "github"
)

// formatFlag is the value of --format.
type formatFlag struct{ p *string }

func (f formatFlag) String() string {
	if f.p == nil {
		return formatText
	}
	return *f.p
}

func (f formatFlag) Set(s string) error {
	switch s {
	case formatText, formatJSON, formatGitHub:
		*f.p = s
		return nil
	}
	return fmt.Errorf("unknown format %q: write text, json or github", s)
}

// finding is one problem as --format json prints it; its schema is
// docs/check-findings.schema.json.
type finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

// errorsFirst orders the findings as they are printed: the errors, then the
// warnings, then the remarks, each by position.
func errorsFirst(found diag.List) diag.List {
	found = found.Sort()
	var out diag.List
	for _, severity := range []string{"error", "warning", "info"} {
		for _, e := range found {
			if e.Severity() == severity {
				out = append(out, e)
			}
		}
	}
	return out
}

// printFindings writes the findings in the format.
func printFindings(w io.Writer, format string, found diag.List) {
	found = errorsFirst(found)
	switch format {
	case formatJSON:
		out := make([]finding, len(found))
		for i, e := range found {
			out[i] = finding{Rule: e.Rule, Severity: e.Severity(), File: e.Pos.File, Line: e.Pos.Line, Column: e.Pos.Col, Message: e.Msg, Hint: e.Hint}
		}
		b, _ := json.MarshalIndent(out, "", "  ")
		fmt.Fprintf(w, "%s\n", b)
	case formatGitHub:
		for _, e := range found {
			fmt.Fprintln(w, workflowCommand(e))
		}
	default:
		diag.Print(w, found)
	}
}

// workflowCommand writes a finding as a GitHub Actions workflow command:
// "::warning file=site.toml,line=12,col=5,title=tracker-expiry::message".
func workflowCommand(e *diag.Error) string {
	command := map[string]string{"error": "error", "warning": "warning", "info": "notice"}[e.Severity()]
	var props []string
	if e.Pos.File != "" {
		props = append(props, "file="+escapeProperty(e.Pos.File))
	}
	if e.Pos.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", e.Pos.Line))
	}
	if e.Pos.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", e.Pos.Col))
	}
	if e.Rule != "" {
		props = append(props, "title="+escapeProperty(e.Rule))
	}
	msg := e.Msg
	if e.Hint != "" {
		msg += "\nhint: " + e.Hint
	}
	return "::" + command + " " + strings.Join(props, ",") + "::" + escapeData(msg)
}

// escapeData and escapeProperty escape as the workflow commands want:
// %, CR and LF in the message, and also : and , in a property.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// failing reports whether the findings fail the command: any error, and
// with --strict any warning.
func failing(found diag.List, strict bool) bool {
	return len(found.Errors()) > 0 || strict && slices.ContainsFunc(found, func(e *diag.Error) bool { return e.Severity() == "warning" })
}

// tally counts the findings by severity: "2 errors, 3 warnings".
func tally(found diag.List) string {
	n := map[string]int{}
	for _, e := range found {
		n[e.Severity()]++
	}
	var parts []string
	for _, s := range []struct{ severity, one, many string }{{"error", "error", "errors"}, {"warning", "warning", "warnings"}, {"info", "remark", "remarks"}} {
		if n[s.severity] == 1 {
			parts = append(parts, "1 "+s.one)
		} else if n[s.severity] > 0 {
			parts = append(parts, diag.Count(n[s.severity])+" "+s.many)
		}
	}
	return strings.Join(parts, ", ")
}
