"""The analyst's commands around a facts file: find the archive's entities, draft a facts
file from an article's text, and review one in a browser."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import InputError
from ..facts.chars import escaped
from .common import DEFAULT_SEEDS, root_option

EXIT_NONCONFORMING, EXIT_BAD_INPUT = 1, 2


@click.command("entities")
@click.argument("query", required=False, default="")
@click.option(
    "--in",
    "paths",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Facts files or folders of the archive (repeatable; default: seeds).",
)
@click.option("--type", "entity_type", metavar="TYPE", help="Only entities of this type.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@root_option
def entities_cmd(
    query: str, paths: tuple[Path, ...], entity_type: str | None, as_json: bool, root: Path | None
) -> None:
    """List the archive's entities, or find them by id, label, alias or Wikidata item.

    Reads the entity registry (entities.yaml or entities/ beside the facts files, or above
    them up to --root) and the facts files' own entities. Use it before writing a facts
    file, to reuse an existing id. Exit 0 if something matched, 1 if nothing did, 2 on a
    file that cannot be read.

    \b
    Example:
      defrel entities --in archive/ pakistan
      defrel entities --in archive/ Q843 --json
      defrel entities --in archive/ --type Person
    """
    import json

    from ..facts.kinds import ENTITY_TYPES
    from ..facts.lookup import find_entities

    if entity_type is not None and entity_type not in ENTITY_TYPES:
        raise click.BadParameter(
            f"{entity_type!r} is not an entity type; use one of {', '.join(ENTITY_TYPES)}",
            param_hint="--type",
        )
    found, problems = find_entities(
        list(paths) or [DEFAULT_SEEDS], query, root=root, entity_type=entity_type
    )
    for problem in problems:
        click.secho(f"Error: {escaped(str(problem))}", fg="red", err=True)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in found], indent=2, ensure_ascii=False))
    else:
        for r in found:
            where = r.registry or (r.declared_in[0] if r.declared_in else "")
            extra = f"  [{', '.join(r.wikidata)}]" if r.wikidata else ""
            click.echo(
                escaped(f"{r.id}\t{r.type}\t{r.label}{extra}\t{r.articles} article(s)\t{where}")
            )
        if not found:
            click.echo(f"No entity matches {query!r}." if query else "No entities.", err=True)
    if problems:
        sys.exit(EXIT_BAD_INPUT)
    if not found:
        sys.exit(EXIT_NONCONFORMING)


@click.command("draft")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--published",
    metavar="DATE",
    help="Publication date (YYYY-MM-DD): resolves 'last year', 'on Monday'.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    metavar="FACTS.yaml",
    help="Where to write the draft (default: <slug>.facts.yaml beside the article).",
)
@click.option(
    "--model",
    "model_url",
    metavar="URL",
    help="An OpenAI-compatible chat endpoint "
    "(llama.cpp server, Ollama, vLLM) to draft with, instead of the offline rules.",
)
@click.option(
    "--model-name", default="default", show_default=True, help="The model to ask for at --model."
)
@click.option("--model-timeout", type=float, default=300, show_default=True, metavar="SECONDS")
@click.option("--publisher", metavar="NAME", help="Who published the article (its outlet).")
@click.option(
    "--author", "authors", multiple=True, metavar="NAME", help="Who wrote it (repeatable)."
)
@click.option("--wire-agency", metavar="NAME", help="The news agency it comes from, if any.")
@root_option
def draft_cmd(
    article: Path,
    published: str | None,
    out: Path | None,
    model_url: str | None,
    model_name: str,
    model_timeout: float,
    publisher: str | None,
    authors: tuple[str, ...],
    wire_agency: str | None,
    root: Path | None,
) -> None:
    """Draft the facts of ARTICLE (a .txt file) for a person to confirm.

    Writes <slug>.facts.yaml beside the article: the article block, the entities (reusing the
    ids of the registry and of the confirmed entities other facts files beside it, or under
    --root, declare; a file that cannot be read is skipped with a warning) and the facts the
    rules (or --model) find, each quoting the text verbatim and marked with a draft: block. `defrel build` refuses the file until a person has
    checked each entry and deleted its draft: block. Never overwrites a facts file a person
    has edited. Deterministic offline: the same text gives the same draft.

    \b
    Example:
      defrel draft archive/kenya-loi.txt --published 2024-03-07
      defrel draft archive/kenya-loi.txt --publisher "East Africa Defence Brief" --author "Wanjiru Kamau"
      defrel draft article.txt --model http://127.0.0.1:8080/v1 --out draft.facts.yaml
    """
    from ..draft.make.drafter import Byline, write_draft
    from ..facts.when import parse_when

    if published is not None:
        try:
            when = parse_when(published)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="--published") from None
        if when.day is None:
            raise click.BadParameter(
                f"{published!r} is not a day: write YYYY-MM-DD", param_hint="--published"
            )
    model = None
    if model_url is not None:
        from ..draft.make.model import ChatModel

        model = ChatModel(model_url, model=model_name, timeout=model_timeout)
    byline = Byline(publisher=publisher, authors=authors, wire_agency=wire_agency)
    path, draft = write_draft(
        article, out=out, published=published, root=root, model=model, byline=byline
    )
    click.echo(
        f"Drafted {len(draft.entities)} entities and {len(draft.facts)} facts into {path}"
        f" ({draft.by}); every entry is unconfirmed."
    )
    for dropped in draft.dropped:
        click.echo(f"  dropped: {escaped(dropped)}", err=True)
    for warning in draft.warnings:
        click.secho(f"Warning: {escaped(warning)}", fg="yellow", err=True)
    click.echo(f"Next: defrel review {path}, then delete each confirmed entry's draft: block.")


@click.command("review")
@click.argument("facts", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    metavar="PAGE.html",
    help="Where to write the page (default: <slug>.review.html beside the facts file).",
)
@click.option("--serve", is_flag=True, help="Also serve the page on 127.0.0.1 until Ctrl-C.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port for --serve (0: any free one)."
)
def review_cmd(facts: Path, out: Path | None, serve: bool, port: int) -> None:
    """Write one HTML page to confirm FACTS by: the article with every quote highlighted in
    the colour of its fact's kind, each entry's fields beside it, unconfirmed entries marked,
    and the line of the facts file to edit.

    \b
    Example:
      defrel review archive/kenya-loi.facts.yaml
      defrel review draft.facts.yaml --serve
    """
    from ..draft.make.writer import write_atomically
    from ..draft.review.page import review_page

    page = review_page(facts)
    out = out or facts.with_name(facts.name.removesuffix(".facts.yaml") + ".review.html")
    if out.is_symlink() or (out.exists() and not out.is_file()):
        raise InputError(f"{out} is not a regular file", hint="name another --out")
    write_atomically(out, page)
    click.echo(f"Wrote {out}")
    if serve:
        from ..draft.review.serve import serve_page

        serve_page(page.encode("utf-8"), port=port, announce=click.echo)
