#!/usr/bin/env bash
# Reproduces the vendored Chart.js in src/RetailSynth.Server/wwwroot/vendor/ from the published npm package.
# Run it only to upgrade: the files are committed, so the build and the README's commands never need npm.
# The SHA-256 lines below are checked by VendoredChartJsTests: the committed file is the published artefact, unmodified.
set -euo pipefail
VERSION=4.6.1
TARBALL_SHA256=9345dacdf4bb4c5d40321f4b9aafab6fe676d37a534fc0bc2d17c4c4e29c4f00
CHART_UMD_MIN_JS_SHA256=87364cc2b2a76a6684929e7d6b80b18a897794db38400caff1fcf1791c6925d2
LICENSE_SHA256=41a84aa2caba645f966a18d9c2056b73e6d3a81d80bc0046bc0011a2634d4cce

root="$(cd "$(dirname "$0")/../.." && pwd)"
target="$root/src/RetailSynth.Server/wwwroot/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "chart.js@$VERSION" >/dev/null)
echo "$TARBALL_SHA256  $work/chart.js-$VERSION.tgz" | sha256sum --check --quiet
tar -xzf "$work/chart.js-$VERSION.tgz" -C "$work" package/dist/chart.umd.min.js package/LICENSE.md
echo "$CHART_UMD_MIN_JS_SHA256  $work/package/dist/chart.umd.min.js" | sha256sum --check --quiet
echo "$LICENSE_SHA256  $work/package/LICENSE.md" | sha256sum --check --quiet
mkdir -p "$target"
cp "$work/package/dist/chart.umd.min.js" "$target/chart.umd.min.js"
cp "$work/package/LICENSE.md" "$target/chart.js.LICENSE.md"
echo "Chart.js $VERSION vendored into $target"
