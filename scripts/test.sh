#!/usr/bin/env bash
# Runs every test of policygen on a fresh machine: installs what the tests
# drive (html-validate from npm; Go modules come with go test), checks
# formatting and vet, then runs the Go tests.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== installing test tools (npm ci)"
npm ci --no-audit --no-fund --loglevel=error

echo "== gofmt and go vet"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:" $unformatted >&2
  exit 1
fi
go vet ./...

echo "== go test"
POLICYGEN_REQUIRE_TOOLS=1 go test -count=1 ./...
