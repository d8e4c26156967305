#!/usr/bin/env bash
# Set up defrel in ./.venv: the package itself, and with --test its test tools and the
# system packages the tests need (a Java runtime for the HermiT reasoner of owlready2).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip

if [[ "${1:-}" == "--test" ]]; then
    if ! command -v java >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null
    fi
    .venv/bin/python -m pip install --quiet -e '.[test]'
else
    .venv/bin/python -m pip install --quiet .
fi
