"""SPARQL-based constraints (sh:sparql / sh:select), run once per batch on pyoxigraph.

pySHACL runs each constraint's query once per focus node with ``$this`` pre-bound (rdflib's
``initBindings``: the variable is bound everywhere in the query, sub-groups and EXISTS
included).  Here each query runs once per batch over an in-memory Oxigraph store holding every
graph of the batch as a named graph (under a synthetic name, ``urn:x-defrel:graph:<i>``) plus
one more graph, ``urn:x-defrel:focus``, that lists each shape's focus nodes per graph as
``<graph> <urn:x-defrel:focus#<k>> <focus>``.  The query is rewritten to

    SELECT ?__g <projection> WHERE { GRAPH ?__g { FOCUS <original body> } }

where FOCUS is ``GRAPH <urn:x-defrel:focus> { ?__g <urn:x-defrel:focus#<k>> ?this }``.

rdflib evaluates joins "sideways": a nested group (a UNION branch, an OPTIONAL, a plain
``{ }``) is evaluated once per solution of what precedes it in its group, with those bindings
visible inside, so a FILTER in a UNION branch sees ``?body`` bound outside it (standard SPARQL
would see it unbound).  Oxigraph's ``LATERAL`` has exactly that meaning, so every nested group
becomes ``LATERAL { ... }`` (``OPTIONAL {P}`` becomes ``LATERAL { OPTIONAL {P} }``, a chain
``{A} UNION {B}`` becomes ``LATERAL { {A} UNION {B} }``); EXISTS already sees the current
solution.  With FOCUS first in the top group, ``$this`` is thus bound everywhere, as pySHACL's
pre-binding binds it.  The
rewriter tokenises the query (strings, IRIs, comments, braces, variables) and refuses what it
cannot rewrite faithfully: sub-selects, VALUES, MINUS, SERVICE, GRAPH, FROM, solution
modifiers, ``SELECT *``, binding ``$this`` with AS, and the pre-bound variables
``$currentShape``/``$shapesGraph``/``$PATH``.  The rewritten text is parsed by Oxigraph at
compile time.

The ontology is mixed into pySHACL's data graph; here a graph also receives the ontology's
triples whose predicate is named in some query (none, for the bundled shapes) and the
ontology's triples about the graph's own subjects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH, XSD

from .compile import ShaclCompileError
from .reach import reachable_predicates

__all__ = ["SparqlConstraint", "compile_sparql", "nquads_term", "original_query", "run_batch"]

FOCUS_GRAPH = "urn:x-defrel:focus"
FOCUS_PRED = "urn:x-defrel:focus#"
GRAPH_IRI = "urn:x-defrel:graph:"
_GVAR = "?__g"

_TOKEN = re.compile(
    r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<var>[?$][A-Za-z0-9_\u00b7-\uffff]+)"
    r"|(?P<open>\{)|(?P<close>\})"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_.\-]*(?::[^\s{}()<>,;\"']*)?|:[^\s{}()<>,;\"']*)"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)",
    re.S,
)
_FORBIDDEN_WORDS = {"values", "minus", "service", "graph", "from", "prefix", "base", "limit",
                    "offset", "order", "group", "having", "construct", "ask", "describe"}  # fmt: skip
_FORBIDDEN_VARS = {"__g", "currentshape", "shapesgraph"}


@dataclass
class SparqlConstraint:
    node: URIRef  # the sh:SPARQLConstraint
    shape: object  # the CompiledShape that holds it (a node shape)
    key: int  # focus predicate index of the shape
    query: str  # rewritten, prefixes included
    message: Literal
    deactivated: bool
    message_rx: re.Pattern  # matches the messages this constraint produces (for report_graph)
    reach: frozenset | None  # the predicates it can match (reach.py); None: any


def _tokens(text: str):
    return [(m.lastgroup, m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def rewrite(select: str, key: int, where: str) -> str:
    """The batch form of one sh:select query (see the module docstring); raise if unsure."""
    toks = [t for t in _tokens(select) if t[0] not in ("space", "comment")]
    if not toks or toks[0][0] != "word" or toks[0][1].upper() != "SELECT":
        raise ShaclCompileError(f"{where}: sh:select must start with SELECT")
    words = [t[1].lower() for t in toks if t[0] == "word"]
    bad = _FORBIDDEN_WORDS & set(words)
    if bad or words.count("select") > 1:
        raise ShaclCompileError(
            f"{where}: cannot rewrite a query using {sorted(bad) or ['sub-SELECT']}"
        )
    variables = [t[1][1:] for t in toks if t[0] == "var"]
    if {v.lower() for v in variables} & _FORBIDDEN_VARS or "PATH" in variables:
        raise ShaclCompileError(f"{where}: pre-bound variables other than $this are not supported")
    for i, t in enumerate(toks[:-1]):
        if t[0] == "word" and t[1].upper() == "AS" and toks[i + 1][1][1:] == "this":
            raise ShaclCompileError(f"{where}: cannot bind $this with AS")
    opens = [i for i, t in enumerate(toks) if t[0] == "open"]
    if not opens:
        raise ShaclCompileError(f"{where}: no WHERE group")
    first = opens[0]
    head = toks[1:first]
    if any(t[0] == "other" and t[1] == "*" for t in head):
        raise ShaclCompileError(f"{where}: SELECT * is not supported")
    # match braces
    match, stack = {}, []
    for i, t in enumerate(toks):
        if t[0] == "open":
            stack.append(i)
        elif t[0] == "close":
            if not stack:
                raise ShaclCompileError(f"{where}: unbalanced braces")
            match[stack.pop()] = i
    if stack or match.get(first) != len(toks) - 1:
        raise ShaclCompileError(f"{where}: text after the WHERE group or unbalanced braces")
    focus = f" GRAPH <{FOCUS_GRAPH}> {{ {_GVAR} <{FOCUS_PRED}{key}> ?this }} "
    edits: list[tuple[int, int, str]] = []  # (character offset, order, text)
    for i in opens[1:]:
        before = toks[i - 1]
        word = before[1].upper() if before[0] == "word" else ""
        if word in ("EXISTS", "UNION"):
            continue  # EXISTS sees the solution's bindings; a UNION branch is in a chain
        end = match[i]
        if word == "OPTIONAL":  # OPTIONAL {P} -> LATERAL { OPTIONAL {P} }
            edits += [(before[2], 0, "LATERAL { "), (toks[end][3], 1, " }")]
            continue
        if word:
            raise ShaclCompileError(f"{where}: cannot rewrite a group after {before[1]}")
        while end + 2 < len(toks) and toks[end + 1][1].upper() == "UNION":
            end = match[end + 2]  # the chain {A} UNION {B} UNION {C}
        edits += [(toks[i][2], 0, "LATERAL { "), (toks[end][3], 1, " }")]
    modifier = toks[1][0] == "word" and toks[1][1].upper() in ("DISTINCT", "REDUCED")
    edits.append(((toks[1] if modifier else toks[0])[3], 0, f" {_GVAR} "))
    edits.append((toks[first][3], 0, f" GRAPH {_GVAR} {{{focus}"))
    edits.append((toks[-1][2], 0, "} "))
    out, last = [], 0
    for offset, _, text in sorted(edits):
        out += [select[last:offset], text]
        last = offset
    out.append(select[last:])
    return "".join(out)


def _prefixes(sg: Graph, constraint) -> str:
    lines = []
    for source in sg.objects(constraint, SH.prefixes):
        for decl in sg.objects(source, SH.declare):
            prefix, ns = sg.value(decl, SH.prefix), sg.value(decl, SH.namespace)
            if prefix is None or ns is None:
                raise ShaclCompileError(f"incomplete sh:declare on {source}")
            lines.append(f"PREFIX {prefix}: <{ns}>")
    return "\n".join(sorted(set(lines))) + "\n"


def original_query(sg: Graph, constraint) -> str:
    """A SPARQL constraint's query as written (its prefixes declared), before ``rewrite``."""
    return _prefixes(sg, constraint) + str(sg.value(constraint, SH.select))


def compile_sparql(sg: Graph, shape, constraint, keys: dict) -> SparqlConstraint:
    known = {SH.select, SH.prefixes, SH.message, SH.deactivated, SH.severity}
    for p in set(sg.predicates(constraint)):
        if str(p).startswith(str(SH)) and p not in known and p != SH.name and p != SH.description:
            raise ShaclCompileError(f"{constraint}: {p} is not supported on a SPARQL constraint")
    if sg.value(constraint, SH.severity) is not None:
        raise ShaclCompileError(
            f"{constraint}: pySHACL ignores sh:severity on a SPARQL constraint; remove it"
        )
    selects = list(sg.objects(constraint, SH.select))
    messages = list(sg.objects(constraint, SH.message))
    if len(selects) != 1 or len(messages) != 1:
        raise ShaclCompileError(
            f"{constraint}: exactly one sh:select and one sh:message are supported"
        )
    if shape.message is not None:
        raise ShaclCompileError(
            f"{shape.node}: sh:message on a shape with sh:sparql is not supported"
        )
    deactivated = sg.value(constraint, SH.deactivated)
    key = keys.setdefault(shape.node, len(keys))
    reach = reachable_predicates(original_query(sg, constraint))
    query = _prefixes(sg, constraint) + rewrite(str(selects[0]), key, str(constraint))
    try:
        ox.Store().query(query)
    except SyntaxError as err:
        raise ShaclCompileError(f"{constraint}: rewritten query does not parse: {err}") from err
    text = str(messages[0])
    pattern = "".join(
        ".*" if re.fullmatch(r"\{[?$]\w+\}", part) else re.escape(part)
        for part in re.split(r"(\{[?$]\w+\})", text)
    )
    return SparqlConstraint(
        node=constraint, shape=shape, key=key, query=query, message=messages[0],
        deactivated=bool(deactivated is not None and deactivated.value is True),
        message_rx=re.compile(pattern, re.S), reach=reach,
    )  # fmt: skip


# --- N-Quads encoding -------------------------------------------------------------------------

plain = str.__str__
_BAD_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_STRING = XSD.string


def _iri(text: str) -> str:
    if _BAD_IRI.search(text):
        text = _BAD_IRI.sub(lambda m: f"\\u{ord(m.group()):04X}", text)
    return f"<{text}>"


def nquads_term(term, bnodes: dict) -> str:
    if type(term) is URIRef or isinstance(term, URIRef):
        return _iri(term)
    if isinstance(term, Literal):
        lex = str(term)
        if "\\" in lex or '"' in lex or "\n" in lex or "\r" in lex:
            lex = (
                lex.replace("\\", "\\\\")
                .replace('"', '\\"')
                .replace("\n", "\\n")
                .replace("\r", "\\r")
            )
        if term.language:
            return f'"{lex}"@{term.language}'
        dt = term.datatype
        return f'"{lex}"' if dt is None or dt == _STRING else f'"{lex}"^^{_iri(dt)}'
    if isinstance(term, BNode):
        label = bnodes.get(term)
        if label is None:
            label = bnodes[term] = f"_:b{len(bnodes)}"
        return label
    raise TypeError(f"cannot encode {term!r}")


# --- running ---------------------------------------------------------------------------------


def _lit_key(lex: str, lang, dt) -> tuple:
    return (lex, (lang or "").lower(), str(dt) if dt else "")


class _Back:
    """ox term -> the rdflib term of the graph it came from (rdflib's lexical form kept)."""

    def __init__(self, triples):
        self.triples = triples
        self.map: dict | None = None

    def term(self, node):
        if node is None:
            return None
        if isinstance(node, ox.NamedNode):
            return URIRef(node.value)
        if isinstance(node, ox.BlankNode):
            return BNode(node.value)
        if self.map is None:
            self.map = {}
            for t in self.triples:
                for x in (t[0], t[2]):
                    if isinstance(x, Literal):
                        dt = x.datatype or (None if x.language else _STRING)
                        self.map.setdefault(_lit_key(str(x), x.language, dt), x)
        lang = node.language
        dt = None if lang else node.datatype.value
        found = self.map.get(_lit_key(node.value, lang, dt))
        if found is not None:
            return found
        made = Literal(
            node.value, lang=lang, datatype=None if lang or dt == str(_STRING) else URIRef(dt)
        )
        for x in self.map.values():  # a lexical form Oxigraph canonicalised differently
            if x.language == made.language and x.datatype == made.datatype and x.eq(made):
                return x
        return made


def run_batch(constraints, graphs, focus_by_key, extra_quads: str):
    """Run every SPARQL constraint once over the batch.

    ``graphs``: list of triple lists; ``focus_by_key``: {key: [(graph index, focus), ...]}.
    Returns {graph index: [(constraint, focus, path, value, vars)]} (pySHACL's rows, deduplicated
    per focus node as ``_validate_sparql_query`` does)."""
    live = [c for c in constraints if not c.deactivated and focus_by_key.get(c.key)]
    if not live:
        return {}
    bnodes: dict = {}
    lines = [extra_quads]
    for key, pairs in focus_by_key.items():
        pred = f"<{FOCUS_PRED}{key}>"
        lines += [
            f"<{GRAPH_IRI}{i}> {pred} {nquads_term(f, bnodes)} <{FOCUS_GRAPH}> .\n"
            for i, f in pairs
        ]
    cache: dict = {}

    def enc(term) -> str:
        if type(term) is URIRef:
            k = plain(term)
            found = cache.get(k)
            if found is None:
                found = cache[k] = _iri(k)
            return found
        return nquads_term(term, bnodes)

    for i, triples in enumerate(graphs):
        g = f" <{GRAPH_IRI}{i}> .\n"
        lines += [f"{enc(s)} {enc(p)} {enc(o)}{g}" for s, p, o in triples]
    store = ox.Store()
    # lenient: no IRI syntax check (the slow part of parsing); valid input loads the same
    store.load("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_QUADS, lenient=True)
    backs: dict[int, _Back] = {}
    out: dict[int, list] = {}
    offset = len(GRAPH_IRI)
    for c in live:
        seen: set = set()
        solutions = store.query(c.query)
        names = [v.value for v in solutions.variables]
        for row in solutions:
            bound = {n: row[n] for n in names if row[n] is not None}
            index = int(bound.pop("__g").value[offset:])
            back = backs.get(index) or backs.setdefault(index, _Back(graphs[index]))
            this = back.term(bound.pop("this", None))
            failure = bound.pop("failure", None)
            focus = this
            extra = {k: back.term(v) for k, v in bound.items() if k not in ("path", "value")}
            if failure is not None:
                key = (index, focus, True)
                if key not in seen:
                    seen.add(key)
                    out.setdefault(index, []).append((c, focus, None, None, extra))
                continue
            path = back.term(bound.get("path"))
            value = back.term(bound.get("value"))
            key = (index, focus, path, value, tuple(sorted(extra.items())))
            if key in seen:
                continue
            seen.add(key)
            out.setdefault(index, []).append((c, focus, path, value, extra))
    return out
