#!/usr/bin/env bash
# Set up defrel in ./.venv: the package itself, and with --test its test tools and the
# system packages the tests need (a JDK: HermiT, owlready2's reasoner, runs on Java, and the
# OWL 2 DL profile test compiles a small Java program against the OWL API it bundles).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip

if [[ "${1:-}" == "--test" ]]; then
    if ! command -v javac >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq default-jdk-headless >/dev/null
    fi
    .venv/bin/python -m pip install --quiet -e '.[test]'
else
    .venv/bin/python -m pip install --quiet .
fi
