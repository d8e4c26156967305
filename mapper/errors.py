"""The one root of every error defrel raises on purpose, and its few branches.

    DefrelError                 root; the CLI turns it into a message and exit code 2
    ├── InputError              a facts, article, RDF or query input is wrong
    │   ├── FactsError          a facts file: YAML syntax, schema, reference, date, quantity
    │   ├── EvidenceError       a quote is missing from the article text, or ambiguous
    │   └── QueryError          a SPARQL query does not parse or cannot run
    ├── OutputError             an output could not be written (nothing is left half-written)
    ├── ReasonerError           the OWL reasoner (HermiT, on Java) could not run
    └── StoreError              a triple store cannot be opened or reached, or refused a request;
        │                       exit code 3 (worth retrying: the input itself may be fine)
        └── PartialLoadError    a load stopped part-way: names the articles loaded and not loaded

Data that does not conform to the shapes is not an error: validation returns a
report (exit 1).  Every message says what was wrong, where (file:line, fact id)
and, in ``hint``, how to fix it.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DefrelError",
    "EvidenceError",
    "FactsError",
    "InputError",
    "OutputError",
    "QueryError",
    "ReasonerError",
    "PartialLoadError",
    "UnconfirmedError",
    "StoreError",
]


class DefrelError(Exception):
    """Root of defrel's errors: a message, where it happened, and how to fix it."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        fact_id: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.fact_id = fact_id
        self.hint = hint
        self.more: list[DefrelError] = []  # further problems found in the same pass

    @classmethod
    def together(cls, problems: list[DefrelError]) -> DefrelError:
        """One error carrying every problem of ``problems`` (each with those it carries), in
        the order given: the first, with the rest as ``more``. Its exit code is the gravest
        of theirs (an unconfirmed draft is 1, a broken file 2)."""
        flat: list[DefrelError] = []
        for problem in problems:
            flat += [problem, *problem.more]
            problem.more = []
        first, *rest = flat
        first.more = rest
        first.exit_code = max(p.exit_code for p in flat)
        return first

    def where(self) -> str:
        """``file:line:column`` as far as it is known (empty when nothing is)."""
        parts = [p for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def __str__(self) -> str:
        text = self.message
        if self.fact_id:
            text = f"{self.fact_id!r}: {text}"
        where = self.where()
        if where:
            text = f"{where}: {text}"
        if self.hint:
            text = f"{text}\n  hint: {self.hint}"
        for other in self.more:
            text = f"{text}\n{other}"
        if self.more:
            files = len({p.path for p in (self, *self.more)})
            across = f" in {files} files" if files > 1 else ""
            text = f"{text}\n{len(self.more) + 1} problems{across}, in file order."
        return text


class InputError(DefrelError):
    """An input (facts file, article text, RDF file, query) is wrong."""


class FactsError(InputError):
    """A facts file is malformed, breaks the schema, or refers to something unknown."""


class UnconfirmedError(FactsError):
    """A facts file still holds drafted entries no person has confirmed (``draft:``)."""

    exit_code = 1


class EvidenceError(InputError):
    """An evidence quote is not in the article text verbatim, or occurs more than once."""


class QueryError(InputError):
    """A SPARQL query does not parse or cannot be run."""


class OutputError(DefrelError):
    """An output file or folder cannot be written."""


class ReasonerError(DefrelError):
    """The reasoner could not run: no Java, or HermiT refused its input."""


class StoreError(DefrelError):
    """A triple store (embedded or remote) cannot be opened or reached, or refused a request.

    ``maybe_written`` is true when the request may have reached the store all the same (a
    timeout, a dropped connection, a 5xx), false when it surely did not (refused, 4xx)."""

    exit_code = 3
    maybe_written = False


class PartialLoadError(StoreError):
    """A load stopped part-way.  ``loaded`` are in the store whole; ``missing`` are not, except
    that each of ``in_flight`` (being sent when it failed) may be there whole or absent."""

    def __init__(
        self,
        message: str,
        *,
        loaded: list[str],
        missing: list[str],
        in_flight: list[str],
        hint: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.loaded = loaded
        self.missing = missing
        self.in_flight = in_flight
