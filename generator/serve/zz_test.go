package serve

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/policygen/policygen"
)

func BenchmarkZZServe(b *testing.B) {
	dir := b.TempDir()
	if err := exec.Command("cp", "-r", "/tmp/ls100/.", dir).Run(); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, "site.toml")
	src, _ := os.ReadFile(file)
	const phone = `phone    = "+31 20 123 4567"`
	edits := []string{strings.Replace(string(src), phone, `phone    = "+31 20 123 4568"`, 1), string(src)}
	s := New(Options{Source: dir, Defaults: policygen.Defaults, Log: io.Discard,
		Date: func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }})
	s.Rebuild()
	i := 0
	for b.Loop() {
		os.WriteFile(file, []byte(edits[i%2]), 0o644)
		i++
		s.Rebuild("site.toml")
	}
}
