"""Mint stable IRIs from the base IRI, article slugs and ids: the same input, the same IRI.

{base}article/{slug}                      the article
{base}graph/{slug}                        its named graph
{base}article/{slug}/fact/{id}            a fact; its evidence, times and quantities below it
{base}entity/{id}                         an entity, shared by every article that names it
{base}article/{slug}/entity/{id}          an article's own entity (scope: article)
{base}post/{organisation-id}/{title}      a post (org:Post), shared too
{base}article/{slug}/post/{org-id}/{title}  a post of an article's own organisation

Every IRI of an entity named by id inside an article comes from ``Minter.entities_of``, which
knows the article's own ids: the mapping and the consistency check's locator agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from urllib.parse import urlsplit

from rdflib import URIRef

from ..errors import InputError
from ..facts.corpus import slugify
from ..facts.schema import ID_PATTERN

__all__ = ["Minter", "check_base", "slugify"]

_ID = re.compile(ID_PATTERN)


_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_NOT_IN_IRI = re.compile(r'[\x00-\x20\x7f-\x9f<>"{}|\\^`\u202a-\u202e\u2066-\u2069\ud800-\udfff]')


def check_base(base: str) -> str:
    """Return ``base`` if it can prefix our IRIs: absolute http(s) with a host, valid
    %-escapes, no spaces, controls or ``<>"{}|\\^`````, ending in ``/`` or ``#``."""
    fix = "use something like https://example.org/defrel/"
    bad = _NOT_IN_IRI.search(base)
    if bad:
        raise InputError(
            f"base IRI {base!r} holds U+{ord(bad.group()):04X}, which an IRI cannot hold "
            '(no spaces, controls or <>"{}|\\^`)',
            hint=fix,
        )
    escape = _BAD_ESCAPE.search(base)
    if escape:
        raise InputError(
            f"base IRI {base!r} has a '%' not followed by two hex digits "
            f"(at {base[escape.start() : escape.start() + 3]!r})",
            hint="write a literal % as %25, or " + fix,
        )
    try:
        parts = urlsplit(base)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as err:
        raise InputError(f"base IRI {base!r} does not parse: {err}", hint=fix) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"base IRI {base!r} is not an absolute http(s) IRI", hint=fix)
    if not base.endswith(("/", "#")):
        raise InputError(
            f"base IRI {base!r} must end with '/' or '#'", hint=f"try {base.rstrip('#/')}/"
        )
    return base


class Minter:
    """Mints every IRI of the dataset under one base IRI."""

    def __init__(self, base: str) -> None:
        self.base = check_base(base)
        self._made: dict[tuple, URIRef] = {}

    def _iri(self, *parts: str) -> URIRef:
        """The IRI, one object per IRI: later comparisons of the same node are by identity."""
        found = self._made.get(parts)
        if found is None:
            found = self._made[parts] = URIRef(self.base + "/".join(parts))
        return found

    def check_slug(self, slug: str) -> str:
        if not _ID.match(slug):
            raise InputError(
                f"article slug {slug!r} cannot name an IRI",
                hint="name facts files <slug>.facts.yaml with a lowercase-hyphenated slug",
            )
        return slug

    def article(self, slug: str) -> URIRef:
        return self._iri("article", slug)

    def graph(self, slug: str) -> URIRef:
        return self._iri("graph", slug)

    def fact(self, slug: str, fact_id: str) -> URIRef:
        return self._iri("article", slug, "fact", fact_id)

    def entity(self, entity_id: str) -> URIRef:
        return self._iri("entity", entity_id)

    def local_entity(self, slug: str, entity_id: str) -> URIRef:
        """An article's own entity (``scope: article``): the same id elsewhere is another."""
        return self._iri("article", slug, "entity", entity_id)

    def entities_of(self, slug: str, local: Collection[str]) -> Callable[[str], URIRef]:
        """``iri(id)`` for the entity ids of article ``slug``: its own (``local``) minted
        under it, every other the archive's."""
        if not local:
            return self.entity

        def iri(entity_id: str) -> URIRef:
            if entity_id in local:
                return self.local_entity(slug, entity_id)
            return self.entity(entity_id)

        return iri

    def post(self, organisation_id: str, title: str, *, slug: str | None = None) -> URIRef:
        """A post; under article ``slug`` when its organisation is that article's own."""
        if slug is not None:
            return self._iri("article", slug, "post", organisation_id, slugify(title))
        return self._iri("post", organisation_id, slugify(title))

    def posts_of(self, slug: str, local: Collection[str]) -> Callable[[str, str], URIRef]:
        """``iri(organisation_id, title)`` for the posts of article ``slug``."""

        def iri(organisation_id: str, title: str) -> URIRef:
            own = slug if organisation_id in local else None
            return self.post(organisation_id, title, slug=own)

        return iri

    @staticmethod
    def below(iri: URIRef, *parts: str | int) -> URIRef:
        """An IRI for a node that belongs to ``iri`` (evidence, time, quantity)."""
        return URIRef("/".join([str(iri), *map(str, parts)]))
