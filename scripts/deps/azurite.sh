#!/usr/bin/env bash
# Installs Azurite (the Azure Storage emulator) for the upload tests: Node/npm through apt if missing, then the npm
# package `azurite` under .tools/azurite (gitignored). Idempotent: returns at once when the binary is already there.
# The tests look for .tools/azurite/node_modules/.bin/azurite-blob first, then azurite-blob on PATH.
set -euo pipefail
cd "$(dirname "$0")/../.."

prefix=".tools/azurite"
binary="$prefix/node_modules/.bin/azurite-blob"

if [ -x "$binary" ]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "azurite.sh: installing Node.js and npm through apt" >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nodejs npm >/dev/null
fi

echo "azurite.sh: installing azurite into $prefix" >&2
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error azurite >/dev/null
[ -x "$binary" ] || { echo "azurite.sh: $binary missing after npm install" >&2; exit 1; }
