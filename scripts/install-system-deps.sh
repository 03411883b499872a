#!/usr/bin/env bash
# Install the system packages aiact-kg's tests need, only where they are missing.
# Java runtime: HermiT (through owlready2) checks the ontology.
# Chromium: the browser tests of the service's pages (driven by Playwright, no browser download).
# Virtuoso Open Source: a remote SPARQL engine the store tests run against (tests/remote_engines.py
# starts its own instance on 127.0.0.1 with its own data folder; the packaged service is not used).
set -euo pipefail

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource)

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "aiact-kg: please install: ${missing[*]} (needs root)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
