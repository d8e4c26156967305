"""What the CLI's commands share: the default places of inputs and outputs, stated once."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DEFAULT_DATASET", "DEFAULT_OUT", "DEFAULT_SEEDS"]

DEFAULT_SEEDS = Path("seeds")  # facts files, when a command is given no PATHS
DEFAULT_OUT = Path("dist")  # what `defrel build` writes
DEFAULT_DATASET = DEFAULT_OUT / "dataset.nq"  # what query, load, embed and site read by default
