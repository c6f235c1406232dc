package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/build"
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/internal/largesite"
	"github.com/policygen/policygen/generator/legal"
)

// BenchmarkBuildLarge is policygen build of the large site with 100
// versions, about 1,200 pages: load, render, and write the output folder.
func BenchmarkBuildLarge(b *testing.B) {
	benchBuild(b, largeSite(b, 100), 100)
}

// BenchmarkBuildVersions builds the large site with ever longer
// histories: the time per version should stay the same.
func BenchmarkBuildVersions(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			if n > 100 && testing.Short() {
				b.Skip("writing a thousand versions takes minutes")
			}
			benchBuild(b, largeSite(b, n), n)
		})
	}
}

// benchBuild builds a site folder as policygen build does and reports
// pages/s, MB/s of HTML, the time per version and the peak heap.
func benchBuild(b *testing.B, dir string, versions int) {
	public := filepath.Join(b.TempDir(), "public")
	opts := build.Options{Source: dir, Defaults: policygen.Defaults, Date: largesite.BuildDate()}
	var pages, html int
	runtime.GC() // no garbage of writing the site in the peak
	peak := watchHeap()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		site, err := build.Load(opts)
		if err != nil {
			b.Fatal(err)
		}
		out, err := site.Render(false)
		if err != nil {
			b.Fatal(err)
		}
		if err := build.Write(public, out); err != nil {
			b.Fatal(err)
		}
		pages, html = countHTML(out)
	}
	b.StopTimer()
	ops := float64(b.N)
	b.SetBytes(int64(html))
	b.ReportMetric(float64(pages)*ops/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/ops/float64(versions), "ns/version")
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
}

// countHTML counts the pages of an output and their bytes.
func countHTML(out build.Output) (pages, size int) {
	for name, data := range out {
		if strings.HasSuffix(name, ".html") {
			pages++
			size += len(data)
		}
	}
	return pages, size
}

// watchHeap samples the bytes of heap objects, live or not yet swept,
// every millisecond until the returned function is called, which returns
// the highest sample. Unlike a sample after a build, it sees what a build
// holds halfway.
func watchHeap() func() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

// BenchmarkLoad decodes and validates the large site.toml (config), and
// loads the whole site folder without history (site): site.toml, the
// messages, the clauses and the theme.
func BenchmarkLoad(b *testing.B) {
	dir := largeSite(b, 0)
	file := filepath.Join(dir, build.SiteFile)
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("config", func(b *testing.B) {
		facts := legal.MustLoad()
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := config.Load(file, src, facts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("site", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			loadLarge(b, dir)
		}
	})
}
