// Package golden runs the small golden-file tests of policygen, as gofmt's
// testdata/*.input and *.golden: each input is turned into output twice
// (a golden file can only hold a stable output), and the output is
// compared with the .golden file beside the input, which update rewrites.
package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Run calls produce for every dir/*.input, in a subtest named after the
// file, and compares what it returns with the .golden file beside it;
// what names the output in messages ("stderr of policygen check").
func Run(t *testing.T, dir string, update bool, what string, produce func(t *testing.T, name string, input []byte) string) {
	t.Helper()
	inputs, err := filepath.Glob(filepath.Join(dir, "*.input"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs in %s: %v", dir, err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := produce(t, name, src)
			if again := produce(t, name, src); again != got {
				t.Fatalf("%s differs from one run to the next:\n%s\nthen:\n%s", what, got, again)
			}
			golden := strings.TrimSuffix(in, ".input") + ".golden"
			if update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s:\n%s\nwant (%s):\n%s", what, got, golden, want)
			}
		})
	}
}
