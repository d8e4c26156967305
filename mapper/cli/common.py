"""What the CLI's commands share: the default places of inputs and outputs, stated once."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from ..rdf.options import DEFAULT_BASE

__all__ = ["DEFAULT_DATASET", "DEFAULT_OUT", "DEFAULT_SEEDS", "base_option", "root_option"]

DEFAULT_SEEDS = Path("seeds")  # facts files, when a command is given no PATHS
DEFAULT_OUT = Path("dist")  # what `defrel build` writes
DEFAULT_DATASET = DEFAULT_OUT / "dataset.nq"  # what query, load, embed and site read by default


def _check_base(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Refuse a base IRI that cannot prefix our IRIs before anything runs (exit 2)."""
    from ..rdf.mint import check_base  # rdflib: loaded only when a command runs

    try:
        return check_base(value)
    except InputError as err:
        raise click.BadParameter(
            f"{err.message}; {err.hint}" if err.hint else err.message
        ) from None


def base_option(help: str = "Base IRI under which article, fact and entity IRIs are minted."):
    """``--base IRI``, checked (absolute http(s), valid %-escapes, ends in / or #)."""
    return click.option(
        "--base", default=DEFAULT_BASE, show_default=True, callback=_check_base, help=help
    )


root_option = click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder that article texts named by facts files must lie in (symlinks followed); "
    "default: each facts file's own folder.",
)
