"""Write ``mapper/data/reach.json``: which predicates each bundled SPARQL constraint can read
(see ``mapper/checks/shacl/reach.py``). Run it after editing a SPARQL constraint of the
bundled shapes: ``.venv/bin/python scripts/reach_table.py`` (tests/test_fastshacl.py fails
until the table matches the shapes)."""

import json
from pathlib import Path

from mapper.checks.shacl.reach import TABLE, bundled_table

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "mapper" / "data" / TABLE
    target.write_text(json.dumps(bundled_table(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}")
