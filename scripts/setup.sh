#!/usr/bin/env bash
# Set up defrel in ./.venv: the package itself, and with --test its test tools and the
# system packages the tests need (a JDK: HermiT, owlready2's reasoner, runs on Java, and the
# OWL 2 DL profile test compiles a small Java program against the OWL API it bundles;
# Chromium, which the site's browser tests drive headless; Virtuoso, a second real store).
# Python packages come from the pinned, hashed lock files (scripts/lock.sh makes them).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip

# A JDK: `defrel ontology check` runs HermiT, owlready2's reasoner, on Java, and compiles its
# small driver with javac once.
if ! command -v javac >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jdk-headless >/dev/null
fi

if [[ "${1:-}" == "--test" ]]; then
    packages=()
    command -v javac >/dev/null 2>&1 || packages+=(default-jdk-headless)
    # headless Chromium drives the site's browser tests (tests/test_browser.py)
    command -v chromium >/dev/null 2>&1 || packages+=(chromium fonts-liberation)
    # Virtuoso Open Source: the second real SPARQL store of the store tests (test_remote.py)
    command -v virtuoso-t >/dev/null 2>&1 || packages+=(virtuoso-opensource-7-bin)
    if ((${#packages[@]})); then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
    fi
    .venv/bin/python -m pip install --quiet --require-hashes -r requirements-test.lock
    .venv/bin/python -m pip install --quiet --no-deps -e .
else
    .venv/bin/python -m pip install --quiet --require-hashes -r requirements.lock
    .venv/bin/python -m pip install --quiet --no-deps .
fi
