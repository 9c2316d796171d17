#!/usr/bin/env bash
# Installs kubectl for the Kubernetes manifest tests (tests/RetailSynth.Deploy.Tests render every overlay of
# deploy/kubernetes with `kubectl kustomize`, which needs no cluster). Idempotent: returns at once when a kubectl with
# Kustomize v4 or later is on PATH. The overlays use Kustomize components and `labels`, which older versions lack.
set -euo pipefail

kustomize_major() {
  kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p'
}

if command -v kubectl >/dev/null 2>&1 && [ "$(kustomize_major)" -ge 4 ] 2>/dev/null; then
  exit 0
fi

echo "kubectl.sh: installing kubectl through apt" >&2
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
# `kubectl` where a source offers it; Debian's own `kubernetes-client` otherwise.
$sudo_cmd apt-get install -y -qq --no-install-recommends kubectl >/dev/null 2>&1 \
  || $sudo_cmd apt-get install -y -qq --no-install-recommends kubernetes-client >/dev/null

major="$(kustomize_major)"
if [ -z "$major" ] || [ "$major" -lt 4 ]; then
  echo "kubectl.sh: $(command -v kubectl || echo kubectl) has Kustomize v${major:-?}; the manifests need v4 or later (kubectl ≥ 1.21)" >&2
  exit 1
fi
kubectl version --client
