// Command gen writes trackers.tsv from the facts CSV of the Open Cookie
// Database; `go generate ./generator/trackers` runs it. See
// generator/trackers/README.md.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/policygen/policygen/generator/trackers"
)

func main() { os.Exit(run()) }

func run() int {
	in := flag.String("in", "", "the facts CSV of the Open Cookie Database")
	out := flag.String("out", "trackers.tsv", "the table to write")
	flag.Parse()
	f, err := os.Open(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		return 1
	}
	defer f.Close()
	var b bytes.Buffer
	st, err := trackers.Generate(f, &b)
	if err == nil {
		err = os.WriteFile(*out, b.Bytes(), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "gen: %s: %d rows, %d duplicates dropped, %d with unknown retention, %d star patterns\n",
		*out, st.Rows, st.Duplicates, st.UnknownRetention, st.StarPatterns)
	return 0
}
