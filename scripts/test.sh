#!/usr/bin/env bash
# Runs every test of policygen on a fresh machine: installs what the tests
# drive (html-validate and axe-core from npm, Chromium from Debian's
# packages; Go modules come with go test), checks formatting and vet, then
# runs the Go tests.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== installing test tools (npm ci)"
npm ci --no-audit --no-fund --loglevel=error

# The browser tests look for Chromium in the same places.
have_chromium() {
  [ -n "${POLICYGEN_CHROMIUM:-}" ] || [ -x /usr/lib/chromium/chromium ] ||
    command -v chromium >/dev/null || command -v chromium-browser >/dev/null ||
    command -v google-chrome >/dev/null
}
if ! have_chromium; then
  echo "== installing Chromium (apt-get)"
  sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then
    sudo=sudo
  fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

echo "== gofmt and go vet"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:" $unformatted >&2
  exit 1
fi
go vet ./...

echo "== go test"
export POLICYGEN_REQUIRE_TOOLS=1
go test -count=1 $(go list ./... | grep -v '/generator/serve$')
# serve verbosely: its browser test logs the time from a save to the
# reloaded page.
go test -count=1 -v ./generator/serve | grep -v '^=== '

