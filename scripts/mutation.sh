#!/usr/bin/env bash
# Mutation testing of the loader, the minter, the evidence quotes, the consistency rules and
# the incremental build's reuse logic, with mutmut ([tool.mutmut] in pyproject.toml says
# which files and which fast subset of the tests). Not part of the suite: run it by hand
# after changing those modules or their tests; about 30-40 minutes on 2 cores, at low
# priority. Mutants land in mutants/ (git-ignored); `.venv/bin/mutmut show NAME` shows one.
#
#   scripts/mutation.sh                        # every selected mutant, then a summary
#   scripts/mutation.sh 'mapper.rdf.mint.*'    # only these (mutmut name globs)
#   JOBS=1 scripts/mutation.sh                 # one worker (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! .venv/bin/python -c "import mutmut" 2>/dev/null; then
    .venv/bin/python -m pip install --quiet "mutmut==3.8.1"  # a tool, not a dependency
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(
        # the loader: finding, reading and checking facts files (not the wording of
        # schema and encoding errors: test_hostile.py holds those, and is slow)
        'mapper.facts.load.x_load_facts__*' 'mapper.facts.load.x_load_corpus__*'
        'mapper.facts.load.x_find_facts_files__*' 'mapper.facts.load.x__slug__*'
        'mapper.facts.check.xǁBuilderǁentities__*' 'mapper.facts.check.xǁBuilderǁunique__*'
        'mapper.facts.check.xǁBuilderǁevidence__*' 'mapper.facts.check.xǁBuilderǁcheck_*'
        'mapper.facts.evidence.*' 'mapper.rdf.mint.*'
        # the consistency rules and the union-find they share
        'mapper.checks.consistency.x_conflicts_of__*' 'mapper.checks.consistency.x__property_rules__*'
        'mapper.checks.consistency.x__functional_values__*' 'mapper.checks.consistency.xǁ_Sameǁ*'
        # the incremental build: the manifest, and fastbuild.py's reuse logic
        'mapper.builder.manifest.*'
        'mapper.builder.fastbuild.x_recipe__*' 'mapper.builder.fastbuild.x__slug__*'
        'mapper.builder.fastbuild.x__ordered__*' 'mapper.builder.fastbuild.x__unchanged__*'
    )
fi
nice -n 10 .venv/bin/mutmut run --max-children "${JOBS:-2}" "${targets[@]}" | tail -n 3
# Per module: mutants, killed, survived (and any other outcome).
.venv/bin/mutmut results --all true | .venv/bin/python -c '
import collections, fnmatch, sys
wanted = sys.argv[1:]
counts = collections.defaultdict(collections.Counter)
for line in sys.stdin:
    name, _, status = line.strip().rpartition(": ")
    if name and any(fnmatch.fnmatch(name, w) for w in wanted):
        counts[name.split(".x")[0]][status] += 1
print(f"{\"module\":34} {\"mutants\":>8} {\"killed\":>7} {\"survived\":>9}  other")
for module, c in sorted(counts.items()):
    other = {k: v for k, v in c.items() if k not in ("killed", "survived")}
    print(f"{module:34} {sum(c.values()):8} {c[\"killed\"]:7} {c[\"survived\"]:9}  {other or \"\"}")
' "${targets[@]}"
