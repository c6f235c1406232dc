package site_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/policygen/policygen"
	"github.com/policygen/policygen/generator/config"
	"github.com/policygen/policygen/generator/internal/largesite"
	"github.com/policygen/policygen/generator/legal"
	"github.com/policygen/policygen/generator/publish"
	"github.com/policygen/policygen/generator/site"
)

// BenchmarkBuildLarge is policygen build of the large site with 100
// versions, about 1,200 pages: load, render, and write the output folder.
// Its disk run writes the output folder into the test's temporary folder;
// its memory run hands the pages to a sink that keeps nothing, which is
// the build without what the file system costs (on some virtual disks
// creating 1,200 folders and files takes longer than rendering them).
func BenchmarkBuildLarge(b *testing.B) {
	dir := largeSite(b, 100)
	b.Run("disk", func(b *testing.B) { benchBuild(b, dir, 100) })
	b.Run("memory", func(b *testing.B) { benchBuildTo(b, dir, 100, nil) })
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
	benchBuildTo(b, dir, versions, func() (site.Sink, func() error, error) {
		out, err := publish.Create(public, publish.Protected{})
		if err != nil {
			return nil, nil, err
		}
		return out.WriteFile, out.Commit, nil
	})
}

// benchBuildTo builds a site folder into the sink that create returns
// for each build, with the function that completes it, or into no sink
// when create is nil.
func benchBuildTo(b *testing.B, dir string, versions int, create func() (site.Sink, func() error, error)) {
	opts := site.Options{Source: dir, Defaults: policygen.Defaults, Date: largesite.BuildDate()}
	var pages, html atomic.Int64
	runtime.GC() // no garbage of writing the site in the peak
	peak := watchHeap()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		pages.Store(0)
		html.Store(0)
		s, err := site.Load(opts)
		if err != nil {
			b.Fatal(err)
		}
		sink, done := site.Sink(func(string, []byte) error { return nil }), func() error { return nil }
		if create != nil {
			if sink, done, err = create(); err != nil {
				b.Fatal(err)
			}
		}
		err = s.RenderTo(false, func(name string, data []byte) error {
			if strings.HasSuffix(name, ".html") {
				pages.Add(1)
				html.Add(int64(len(data)))
			}
			return sink(name, data)
		})
		if err != nil {
			b.Fatal(err)
		}
		if err := done(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	ops := float64(b.N)
	b.SetBytes(html.Load())
	b.ReportMetric(float64(pages.Load())*ops/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/ops/float64(versions), "ns/version")
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
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
	file := filepath.Join(dir, site.SiteFile)
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("config", func(b *testing.B) {
		facts, err := legal.Load()
		if err != nil {
			b.Fatal(err)
		}
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

// BenchmarkCheckLarge runs the rules of policygen check on the large site
// with 100 versions (load: reading it; check: the rules, over every
// version's text and the draft, with backdated-version ignored as the
// large site.toml does; check/backdated: with it too, over 600 texts dated
// 2001 that cite today's law); the target is check within twice the load.
func BenchmarkCheckLarge(b *testing.B) {
	dir := largeSite(b, 100)
	opts := site.Options{Source: dir, Defaults: policygen.Defaults, Date: largesite.BuildDate()}
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, err := site.Load(opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("check", func(b *testing.B) {
		s, err := site.Load(opts)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := s.Check(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("check/backdated", func(b *testing.B) {
		s, err := site.Load(opts)
		if err != nil {
			b.Fatal(err)
		}
		s.Config.Check.Ignore = nil
		for b.Loop() {
			found, err := s.Check()
			if err != nil || len(found.Errors()) == 0 {
				b.Fatalf("no backdated version found (%v)", err)
			}
		}
	})
}
