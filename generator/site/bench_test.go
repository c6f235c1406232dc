package site

import (
	"testing"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/publish"
)

// BenchmarkBuildExample loads and renders the example site in the
// repository root into memory, as policygen build does before writing.
func BenchmarkBuildExample(b *testing.B) {
	opts := Options{Source: exampleDir, Defaults: policygen.Defaults, Date: date(b, exampleDate)}
	pages := 0
	for b.Loop() {
		pages = len(render(b, opts, false))
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
}

// TestOutputIsTheSameWhateverTheParallelism builds the example with one
// worker and with eight: every file must be byte for byte the same.
func TestOutputIsTheSameWhateverTheParallelism(t *testing.T) {
	build := func(workers int) publish.Output {
		return render(t, Options{Source: exampleDir, Defaults: policygen.Defaults, Date: date(t, exampleDate), Workers: workers}, false)
	}
	one, eight := build(1), build(8)
	if !sameOutput(one, eight) {
		for name := range one {
			if string(one[name]) != string(eight[name]) {
				t.Errorf("%s differs between 1 and 8 workers", name)
			}
		}
		t.Errorf("%d files with 1 worker, %d with 8", len(one), len(eight))
	}
}
