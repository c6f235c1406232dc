#!/usr/bin/env bash
# Runs every fuzz target of the module, one after the other, for a given
# time each: the first argument or FUZZTIME (default 30s; anything go
# test -fuzztime takes, "5m" or "10000x"). FUZZPARALLEL sets -parallel
# (default: go test's, one worker per CPU). Targets are found with
# go test -list, so a new one runs without changing this script;
# FUZZRUN=Escape runs only those whose name matches. Prints
# the last exec count line of each target and stops at the first failure,
# naming the input that fails (go test saves it in the package's
# testdata/fuzz, where it stays as a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime=${1:-${FUZZTIME:-30s}}
parallel=()
if [ -n "${FUZZPARALLEL:-}" ]; then
  parallel=(-parallel "$FUZZPARALLEL")
fi

# go test -list prints a package's matching names, then "ok <package> <time>".
targets=$(go test -list '^Fuzz' ./... | awk -v match_="${FUZZRUN:-}" '
  /^Fuzz/ && $1 ~ match_ { names[n++] = $1; next }
  /^ok/   { for (i = 0; i < n; i++) print $2, names[i]; n = 0 }')
if [ -z "$targets" ]; then
  echo "no fuzz targets found" >&2
  exit 1
fi
echo "== $(echo "$targets" | wc -l) fuzz targets, $fuzztime each"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
while read -r pkg name; do
  echo "== $pkg $name"
  if go test -run '^$' -fuzz "^$name\$" -fuzztime "$fuzztime" "${parallel[@]}" "$pkg" >"$log" 2>&1; then
    grep '^fuzz: elapsed' "$log" | tail -n 1
    continue
  fi
  input=$(sed -n 's/.*Failing input written to \(testdata\/fuzz\/[^ ]*\).*/\1/p' "$log" | tail -n 1)
  # Go 1.26's fuzzing coordinator can fail a target with a bare "context
  # deadline exceeded" when -fuzztime ends while a worker is busy (Go
  # issue 75804, fixed in Go 1.27): no input failed then. Replaying the
  # corpus shows whether any saved input does.
  if [ -z "$input" ] && [ "$(grep -v '^fuzz: ' "$log" | grep -c '^    context deadline exceeded$')" = 1 ] &&
    go test -run "^$name\$" "$pkg" >/dev/null 2>&1; then
    grep '^fuzz: elapsed' "$log" | tail -n 1
    echo "(stopped by Go's fuzztime race, not by an input: the corpus passes)"
    continue
  fi
  cat "$log"
  dir=$(go list -f '{{.Dir}}' "$pkg")
  if [ -n "$input" ]; then
    echo "FAIL: $name: failing input in ${dir#"$PWD"/}/$input" >&2
    echo "re-run it: go test -run '^$name/$(basename "$input")\$' $pkg" >&2
  else
    echo "FAIL: $name (no failing input was saved; see the output above)" >&2
  fi
  exit 1
done <<<"$targets"
echo "== all fuzz targets passed"
