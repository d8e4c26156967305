"""The home page's lists of resources, by group, and the pages that list a large group whole.

The home page shows the first ``HOME_ITEMS`` resources of each group by label (all of a
small group); a group with more is listed whole, ``LIST_SIZE`` a page, at
``list/{group}.html``, ``list/{group}.page2.html``, … (the ``.page{n}`` of a long
description), linked from the home page and from each other (``rel="prev"``/``"next"``).
At 100,000 articles the home page listing every resource was 102.5 MB (754,574 links);
now the home page is 63 KB there and a list page about 140 KB, whatever the archive's size.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from .describe import page_count
from .pages import GROUPS, OTHERS, page
from .void import dataset_iri

__all__ = ["HOME_ITEMS", "LISTED", "LIST_SIZE", "index_groups", "list_pages", "list_path"]

HOME_ITEMS = 100
LIST_SIZE = 1000
# what the site's files made with the home page start with that only a large dataset has:
# the lists here, and the sitemap's parts (void.sitemap_files)
LISTED = ("list/", "sitemap-")
# the file name of each group's list (GROUPS, then OTHERS)
SLUGS = ("articles", "people", "places", "organisations", "posts", "events", "facts")


def list_path(slug: str, page: int = 1) -> str:
    """The site path of page ``page`` of a group's list."""
    return f"list/{slug}.html" if page == 1 else f"list/{slug}.page{page}.html"


def _grouped(rows: list[tuple]) -> list[tuple[str, str, list[tuple]]]:
    """(name, slug, rows sorted by label then IRI) of each group that has rows, in order."""
    names = [name for name, _ in GROUPS] + [OTHERS]
    numbered: dict[int, list[tuple]] = {}
    for r in rows:
        numbered.setdefault(r[3], []).append(r)
    found = []
    for number, name in enumerate(names):
        items = sorted(numbered.get(number, ()), key=lambda r: (r[1], r[0]))
        if items:
            found.append((name, SLUGS[number], items))
    return found


def index_groups(
    rows: list[tuple], home_items: int | None = None, list_size: int | None = None
) -> list[dict]:
    """The home page's list of resources (``pages.index_row``s), grouped, each group by
    label, its first ``home_items`` items as HTML already (``<li>`` lines, escaped here: a
    template loop took 4 s over the 80,000 rows of a 10,000-article site); ``more``: the
    link to the group's whole list, when it has more than that (default: ``HOME_ITEMS``,
    ``LIST_SIZE`` a page)."""
    home_items, list_size = home_items or HOME_ITEMS, list_size or LIST_SIZE
    groups = []
    for name, slug, items in _grouped(rows):
        shown = items[:home_items]
        more = len(items) > home_items
        groups.append(
            {
                "name": name,
                "html": Markup("".join(map(_item_html, shown))),  # noqa: S704 - escaped
                "count": len(items),
                "shown": len(shown),
                "more": list_path(slug) if more else None,
                "pages": page_count(len(items), list_size) if more else 0,
            }
        )
    return groups


def list_pages(
    rows: list[tuple],
    *,
    base: str,
    license: str,
    home_items: int | None = None,
    list_size: int | None = None,
) -> dict[str, str]:
    """The pages listing each group with more than ``home_items`` resources whole,
    ``list_size`` a page, by site path (default: ``HOME_ITEMS``, ``LIST_SIZE``)."""
    home_items, list_size = home_items or HOME_ITEMS, list_size or LIST_SIZE
    files = {}
    for name, slug, items in _grouped(rows):
        if len(items) <= home_items:
            continue
        pages = page_count(len(items), list_size)
        for n in range(1, pages + 1):
            here = list_path(slug, n)
            chunk = items[(n - 1) * list_size : n * list_size]
            view = {
                "name": name,
                "count": len(items),
                "page": n,
                "pages": pages,
                "size": list_size,
                "first": (n - 1) * list_size + 1,
                "last": (n - 1) * list_size + len(chunk),
                "prev": _link(slug, n - 1, pages),
                "next": _link(slug, n + 1, pages),
                "html": Markup("".join(_item_html(r, "../") for r in chunk)),  # noqa: S704
            }
            files[here] = page(
                "list.html",
                here=here,
                title=name if pages == 1 else f"{name}, page {n} of {pages}",
                jsonld=_jsonld(base, here, name, len(items)),
                license=license,
                canonical=base + here,
                docs=[],
                l=view,
            )
    return files


def _link(slug: str, page: int, pages: int) -> str | None:
    """From one list page to page ``page`` of the same group (its file name), if there."""
    return list_path(slug, page).removeprefix("list/") if 1 <= page <= pages else None


def _jsonld(base: str, here: str, name: str, count: int) -> str:
    """A list page as schema.org sees it: a collection page of the dataset."""
    node = {
        "@context": {"@vocab": "https://schema.org/"},
        "@id": base + here,
        "@type": "CollectionPage",
        "name": name,
        "isPartOf": {"@id": str(dataset_iri(base))},
        "mainEntity": {"@type": "ItemList", "numberOfItems": count},
    }
    return json.dumps(node, indent=2, ensure_ascii=False) + "\n"


# what markupsafe's escape (the templates' autoescaping) replaces, as one str.translate
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#39;", '"': "&#34;"})


def _item_html(row: tuple, up: str = "") -> str:
    """A row's ``<li>``; ``up``: what leads from the page to the site's root."""
    href, label, kind = (str(row[i]).translate(_ESCAPES) for i in (4, 1, 2))
    if up and not href.startswith(("http://", "https://")):
        href = up + href
    html = f'<li><a href="{href}">{label}</a>'
    if row[2]:
        html += f' <span class="types">({kind})</span>'
    return html + "</li>\n"
