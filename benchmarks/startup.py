"""How long `defrel --help` and each command's `--help` take, as a person types them: the
whole process, against `python -c pass` measured in the same run (the interpreter's floor).

    .venv/bin/python benchmarks/startup.py [--runs 20]

Issue 14's target: `defrel --help` under 0.2 s.  Prints the median and best of each.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _times(command: list[str], runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        seconds.append(time.perf_counter() - started)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    defrel = shutil.which("defrel") or str(Path(sys.executable).parent / "defrel")
    rows = [("python -c pass (floor)", [sys.executable, "-c", "pass"])]
    rows.append(("defrel --help", [defrel, "--help"]))
    for name in ("build", "validate", "query", "load", "site", "serve", "embed", "schema"):
        rows.append((f"defrel {name} --help", [defrel, name, "--help"]))
    rows.append(("defrel ontology check --help", [defrel, "ontology", "check", "--help"]))
    floor = statistics.median(_times(rows[0][1], runs))
    print(f"{'command':32} {'median':>9} {'best':>9} {'x floor':>8}")
    for label, command in rows:
        seconds = _times(command, runs)
        median = statistics.median(seconds)
        print(
            f"{label:32} {median * 1000:7.0f} ms {min(seconds) * 1000:7.0f} ms {median / floor:7.1f}x"
        )


if __name__ == "__main__":
    main()
