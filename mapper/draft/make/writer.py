"""The draft as a facts file a person edits: a header saying how to confirm it, the map of
sentences to the facts drafted from them, and every entry marked with a ``draft:`` block.

The first line carries a digest of the rest, so that ``defrel draft`` can tell its own
untouched draft (which it may replace) from a file a person has edited (which it never
overwrites)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

__all__ = ["DIGEST_PREFIX", "is_untouched_draft", "render", "without_marks", "write_atomically"]

DIGEST_PREFIX = "# defrel draft sha256:"
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        if _PLAIN.match(value) and value.lower() not in _YAML_WORDS:
            return value
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {value!r}")


def _item(fields: dict, indent: str = "  ") -> list[str]:
    lines = []
    for i, (key, value) in enumerate(fields.items()):
        lead = f"{indent}- " if i == 0 else f"{indent}  "
        if key == "evidence":
            lines.append(f"{lead}evidence:")
            lines += [f"{indent}    - {scalar(q)}" for q in value]
        else:
            lines.append(f"{lead}{key}: {scalar(value)}")
    return lines


def render(
    *,
    source: str,
    by: str,
    article: dict,
    entities: list[dict],
    facts: list[dict],
    sentence_map: list[tuple[str, list[str]]],
    dropped: list[str],
) -> str:
    body = [
        f"# Drafted from {source} by defrel draft ({by}), for a person to confirm.",
        "# Every entry with a draft: block is unconfirmed: check it against the article",
        "# (`defrel review` shows each quote in place), correct or delete it, add what is missing,",
        "# then delete its draft: block. `defrel build` refuses the file while one is left.",
        "#",
        "# Sentences -> facts drafted from them (complete this map as you confirm):",
    ]
    body += [
        f"#  {sid} -> {', '.join(ids) if ids else '(none drafted)'}" for sid, ids in sentence_map
    ]
    if dropped:
        body += ["#", "# Dropped from the proposal (not in the text, or unknown ids):"]
        body += [f"#  - {d}" for d in dropped]
    body.append("article:")
    body += [f"  {k}: {scalar(v)}" for k, v in article.items()]
    body.append("entities:" if entities else "entities: []")
    for e in entities:
        body += _item(e)
    body.append("facts:" if facts else "facts: []")
    for f in facts:
        body += _item(f)
    text = "\n".join(body) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"{DIGEST_PREFIX}{digest}\n{text}"


def without_marks(content: str) -> str:
    """The draft as if a person had confirmed every entry: its draft: blocks removed."""
    return "".join(
        line for line in content.splitlines(keepends=True) if not re.match(r"^ {2,4}draft: ", line)
    )


def is_untouched_draft(content: str) -> bool:
    """Whether ``content`` is a draft exactly as ``defrel draft`` wrote it."""
    first, _, rest = content.partition("\n")
    if not first.startswith(DIGEST_PREFIX):
        return False
    return hashlib.sha256(rest.encode("utf-8")).hexdigest() == first[len(DIGEST_PREFIX) :]


def write_atomically(out: Path, text: str) -> None:
    """Write ``text`` to ``out`` through a temporary file beside it, renamed over it: a
    reader sees the old file or the new one, never half of one, and a failure leaves none."""
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
