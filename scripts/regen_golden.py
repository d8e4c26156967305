"""Regenerate the expected graphs of the golden cases (tests/cases/*/expected.nq) from the
current build, after a deliberate change of output; then review ``git diff tests/cases``
before committing. The golden test itself only compares.

    .venv/bin/python scripts/regen_golden.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from mapper.builder.fastbuild import fast_build
from mapper.rdf.vocab import DEFAULT_BASE

CASES = Path(__file__).resolve().parents[1] / "tests" / "cases"


def regenerate(cases: Path = CASES) -> list[Path]:
    """Build each case's input and write its dataset as the case's expected.nq (replaced
    whole, never half-written); return the files written."""
    written = []
    for case in sorted(p for p in cases.iterdir() if p.is_dir()):
        with tempfile.TemporaryDirectory(prefix=".regen-", dir=case) as tmp:
            outcome = fast_build([case / "input"], out=Path(tmp) / "dist", base=DEFAULT_BASE)
            if not outcome.ok:
                raise SystemExit(f"{case.name}: the build fails:\n{outcome.report.text()}")
            os.replace(Path(tmp) / "dist" / "dataset.nq", case / "expected.nq")
        written.append(case / "expected.nq")
    return written


if __name__ == "__main__":
    for path in regenerate():
        print(f"regenerated {path}", file=sys.stderr)
    print("review the diff: git diff tests/cases", file=sys.stderr)
