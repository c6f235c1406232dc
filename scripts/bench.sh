#!/usr/bin/env bash
# Runs the benchmarks of policygen and prints a table of the medians.
#
#   ./scripts/bench.sh           every benchmark, 3 runs of each (about 8 minutes)
#   QUICK=1 ./scripts/bench.sh   without the 1,000-version history (about 4 minutes)
#   COUNT=5 ./scripts/bench.sh   more runs of each
#
# The large site (generator/internal/largesite) is released once per test
# process: 100 versions take about 15 s, 1,000 versions about 2.5 minutes,
# which is why BenchmarkBuildVersions/N=1000 runs once, in a process of
# its own. The raw `go test` output is kept in a temporary file, or in
# BENCH_OUT, for benchstat.
set -euo pipefail
cd "$(dirname "$0")/.."

count=${COUNT:-3}
out=${BENCH_OUT:-$(mktemp -t policygen-bench.XXXXXX)}
: >"$out"

# bench PACKAGE PATTERN BENCHTIME COUNT [FLAGS...]
bench() {
  local pkg=$1 pattern=$2 benchtime=$3 runs=$4
  shift 4
  echo "== go test $pkg -bench '$pattern' -benchtime $benchtime -count $runs $*"
  go test -run '^$' -bench "$pattern" -benchtime "$benchtime" -count "$runs" -timeout 60m "$@" "$pkg" |
    tee -a "$out" | grep -E '^(Benchmark|ok|FAIL|---)' || true
}

echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(go version | cut -d' ' -f3)"
bench ./generator/site . 3x "$count" -short # -short leaves out N=1000
bench ./generator/serve . 5x "$count"
bench ./generator/diff . 20x "$count"
if [ -z "${QUICK:-}" ]; then
  bench ./generator/site 'BuildVersions/N=1000$' 1x 1
fi
if grep -q '^FAIL' "$out"; then
  echo "a benchmark failed; see $out" >&2
  exit 1
fi

# One row per benchmark: the median of each metric over the runs.
awk '
  /^Benchmark/ {
    name = $1; sub(/-[0-9]+$/, "", name)
    if (!(name in seen)) { seen[name] = 1; order[++n] = name }
    runs[name]++
    for (i = 3; i < NF; i += 2) { v[name, $(i+1), runs[name]] = $i; unit[$(i+1)] = 1 }
  }
  function median(name, u,   k, m, a, j, t) {
    m = 0
    for (k = 1; k <= runs[name]; k++) if ((name, u, k) in v) a[++m] = v[name, u, k] + 0
    if (m == 0) return "-"
    for (k = 2; k <= m; k++) for (j = k; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
    return (m % 2) ? a[(m+1)/2] : (a[m/2] + a[m/2+1]) / 2
  }
  function ms(x) { return x == "-" ? "-" : sprintf("%.1f", x / 1e6) }
  function num(x, f) { return x == "-" ? "-" : sprintf(f, x) }
  END {
    printf "\n%-34s %4s %11s %10s %8s %14s %9s %12s\n", "benchmark", "runs", "ms/op", "pages/s", "MB/s", "ms/version", "peak MB", "allocs/op"
    for (i = 1; i <= n; i++) {
      b = order[i]
      pages = median(b, "pages/s"); if (pages == "-") pages = median(b, "files/s")
      printf "%-34s %4d %11s %10s %8s %14s %9s %12s\n", b, runs[b], ms(median(b, "ns/op")), num(pages, "%.0f"),
        num(median(b, "MB/s"), "%.1f"), ms(median(b, "ns/version")), num(median(b, "peak-heap-MB"), "%.0f"),
        num(median(b, "allocs/op"), "%.0f")
    }
  }' "$out"
echo
echo "raw output: $out"
