#!/usr/bin/env bash
# Regenerate the pinned, hashed lock files from pyproject.toml (run after changing a
# dependency): requirements.lock for `defrel` itself, requirements-test.lock with the
# test tools. scripts/setup.sh installs from them with --require-hashes.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools/venv"
"$tools/venv/bin/pip" install --quiet pip-tools
common=(--quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links
        --allow-unsafe)
"$tools/venv/bin/pip-compile" "${common[@]}" -o requirements.lock pyproject.toml
"$tools/venv/bin/pip-compile" "${common[@]}" --extra test -o requirements-test.lock pyproject.toml
