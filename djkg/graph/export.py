"""The graph in the formats other tools read: GraphML (networkx, Gephi), the CSV files ``neo4j-admin database
import`` takes, JSON-LD, and flat tables of cases and outcomes.

Everything is read through the GraphStore protocol, so SQLite and Neo4j export alike: the shared nodes
(regions, fields, problems, measures, models) from ``list_nodes``, each case with its own nodes and edges from
``iter_case_graphs`` (paged in both stores), one case at a time — memory holds the shared nodes and the edges
between them, never the cases. The graph exported is the one ``stats()`` counts: one edge per (source, type,
target); USES/ADDRESSES carry ``support``, the number of cases contributing them.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator

from .neo4j_store import LAYOUT
from .neo4j_write import EXTRA_KEYS, node_row
from .schema import (
    AGGREGATED_EDGES, CASE, CASE_OWNED_LABELS, LABELS, OUTCOME, REGION, SCHEMA_VERSION,
    STRUCTURAL_EDGES, CaseGraph, Node, edge_owner)
from .serialize import dumps_graph, props_json
from .store import GraphStore

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _shared_nodes(store: GraphStore) -> dict[str, Node]:
    return {n.id: n for label in LABELS if label not in CASE_OWNED_LABELS
            for n in store.list_nodes(label, limit=-1)}


def _case_edges(graph: CaseGraph) -> dict[tuple[str, str, str], dict[str, Any]]:
    """A case's own edges (not structural, not aggregated), one per (src, type, dst), the last one winning as in
    both stores."""
    return {(e.src, e.type, e.dst): e.props for e in graph.edges
            if e.type not in STRUCTURAL_EDGES and e.type not in AGGREGATED_EDGES}


class _SharedEdges:
    """Edges between shared nodes, gathered while the cases stream past: PART_OF once, aggregated with support."""

    def __init__(self) -> None:
        self.structural: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.support: dict[tuple[str, str, str], int] = {}

    def add(self, graph: CaseGraph) -> None:
        seen = set()
        for e in graph.edges:
            key = (e.src, e.type, e.dst)
            if e.type in STRUCTURAL_EDGES:
                self.structural.setdefault(key, e.props)
            elif e.type in AGGREGATED_EDGES and key not in seen:
                seen.add(key)
                self.support[key] = self.support.get(key, 0) + 1

    def edges(self) -> Iterator[tuple[tuple[str, str, str], dict[str, Any]]]:
        yield from sorted(self.structural.items())
        for key in sorted(self.support):
            yield key, {"support": self.support[key]}


# --- GraphML ---------------------------------------------------------------------------------------------

# Scalar attributes besides the JSON of every property: what Gephi colours and filters by. "label" is the name
# shown (Gephi's convention), "type" the djkg label (Case, Problem …).
_GRAPHML_NODE_KEYS = [("label", "string"), ("type", "string"), ("year", "int"), ("adcode", "string"),
                      ("field", "string"), ("unit", "string"), ("metric", "string"), ("value", "double"),
                      ("props", "string")]
_GRAPHML_EDGE_KEYS = [("type", "string"), ("support", "int"), ("weight", "double"), ("props", "string")]


def _xml(text: Any) -> str:
    s = _XML_ILLEGAL.sub("", str(text))
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _graphml_node(node: Node) -> str:
    p = node.props
    region = p.get("region") if isinstance(p.get("region"), dict) else {}
    industry = p.get("industry") if isinstance(p.get("industry"), dict) else {}
    values = {"label": node.name, "type": node.label, "year": p.get("year") if node.label == CASE else None,
              "adcode": region.get("adcode") or (p.get("adcode") if node.label == REGION else None),
              "field": industry.get("field") if node.label == CASE else None,
              "unit": p.get("unit"), "metric": p.get("metric") if node.label == OUTCOME else None,
              "value": p.get("value") if node.label == OUTCOME else None, "props": props_json(p)}
    data = []
    for key, kind in _GRAPHML_NODE_KEYS:
        v = values.get(key)
        if v is None or v == "" or (kind == "int" and (isinstance(v, bool) or not isinstance(v, int))) \
                or (kind == "double" and (isinstance(v, bool) or not isinstance(v, (int, float)))):
            continue   # a value of another type is still in ``props``
        data.append(f'<data key="n_{key}">{_xml(v)}</data>')
    return f'<node id="{_xml(node.id)}">{"".join(data)}</node>\n'


def _graphml_edge(n: int, key: tuple[str, str, str], props: dict[str, Any]) -> str:
    src, t, dst = key
    data = [f'<data key="e_type">{t}</data>']
    if t in AGGREGATED_EDGES:
        data += [f'<data key="e_support">{props["support"]}</data>', f'<data key="e_weight">{props["support"]}</data>']
    elif props:
        data.append(f'<data key="e_props">{_xml(props_json(props))}</data>')
    return f'<edge id="e{n}" source="{_xml(src)}" target="{_xml(dst)}">{"".join(data)}</edge>\n'


def iter_graphml(store: GraphStore) -> Iterator[str]:
    """GraphML 1.0: every node, then every edge (edges are spooled to a temporary file while the cases stream,
    so readers that want nodes first — Gephi — get them first)."""
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/'
           'xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for key, kind in _GRAPHML_NODE_KEYS:
        yield f'<key id="n_{key}" for="node" attr.name="{key}" attr.type="{kind}"/>\n'
    for key, kind in _GRAPHML_EDGE_KEYS:
        yield f'<key id="e_{key}" for="edge" attr.name="{key}" attr.type="{kind}"/>\n'
    yield '<graph id="djkg" edgedefault="directed">\n'
    for node in _shared_nodes(store).values():
        yield _graphml_node(node)
    shared, n = _SharedEdges(), 0
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for graph in store.iter_case_graphs():
            for node in graph.all_nodes():
                if node.label in CASE_OWNED_LABELS:
                    yield _graphml_node(node)
            for key, props in _case_edges(graph).items():
                n += 1
                spool.write(_graphml_edge(n, key, props))
            shared.add(graph)
        spool.seek(0)
        while chunk := spool.read(1 << 16):
            yield chunk
    for key, props in shared.edges():
        n += 1
        yield _graphml_edge(n, key, props)
    yield "</graph>\n</graphml>\n"


# --- JSON-LD ---------------------------------------------------------------------------------------------

# The @context, documented in README.md (导出): schema.org terms where one fits, djkg's own otherwise.
# Node ids stay djkg's ("case:…", "region:370686"): each prefix expands to a urn:djkg: IRI.
JSONLD_CONTEXT: dict[str, Any] = {
    "schema": "https://schema.org/",
    "djkg": "urn:djkg:vocab:",
    **{p: f"urn:djkg:{p}:" for p in ("case", "problem", "measure", "model", "outcome", "region", "industry")},
    "Case": "schema:Article", "Region": "schema:AdministrativeArea", "Outcome": "schema:QuantitativeValue",
    "Problem": "djkg:Problem", "Measure": "djkg:Measure", "Model": "djkg:Model", "Industry": "djkg:Field",
    "name": "schema:name", "headline": "schema:headline", "articleBody": "schema:articleBody",
    "temporalCoverage": "schema:temporalCoverage", "identifier": "schema:identifier",
    "value": "schema:value", "unitText": "schema:unitText", "description": "schema:description",
    "isBasedOn": "schema:isBasedOn",
    "about": {"@id": "schema:about", "@type": "@id"},
    "contentLocation": {"@id": "schema:contentLocation", "@type": "@id"},
    "containedInPlace": {"@id": "schema:containedInPlace", "@type": "@id"},
    "unit": "djkg:unit", "field": "djkg:field", "sector": "djkg:sector", "level": "djkg:level",
    "metric": "djkg:metric", "direction": "djkg:direction", "evidence": "djkg:evidence",
    "props": {"@id": "djkg:props", "@type": "@json"},
    "inField": {"@id": "djkg:inField", "@type": "@id"}, "partOf": {"@id": "djkg:partOf", "@type": "@id"},
    "faces": {"@id": "djkg:faces", "@type": "@id"}, "applies": {"@id": "djkg:applies", "@type": "@id"},
    "achieves": {"@id": "djkg:achieves", "@type": "@id"}, "instanceOf": {"@id": "djkg:instanceOf", "@type": "@id"},
    "uses": {"@id": "djkg:uses"}, "addresses": {"@id": "djkg:addresses"},
    "target": {"@id": "djkg:target", "@type": "@id"}, "support": "djkg:support",
}
# edge type -> the property the source node carries it in
JSONLD_EDGES = {"LOCATED_IN": "contentLocation", "IN_INDUSTRY": "inField", "FACES": "faces", "APPLIES": "applies",
                "ACHIEVES": "achieves", "INSTANCE_OF": "instanceOf", "USES": "uses", "ADDRESSES": "addresses"}


def _jsonld_node(node: Node, out_edges: dict[str, list[Any]]) -> dict[str, Any]:
    p = node.props
    obj: dict[str, Any] = {"@id": node.id, "@type": node.label, "name": node.name}
    if node.label == CASE:
        obj.update({"headline": p.get("title"), "unit": p.get("unit"), "temporalCoverage": p.get("year"),
                    "articleBody": p.get("text"), "isBasedOn": p.get("source")})
    elif node.label == OUTCOME:
        obj.update({"metric": p.get("metric"), "value": p.get("value"), "unitText": p.get("unit"),
                    "direction": p.get("direction"), "evidence": p.get("evidence")})
    elif node.label == REGION:
        obj.update({"identifier": p.get("adcode"), "level": p.get("level")})
    else:
        obj["description"] = p.get("summary")
    obj["props"] = p
    obj.update(out_edges)
    return {k: v for k, v in obj.items() if v is not None}


def iter_jsonld(store: GraphStore) -> Iterator[str]:
    """One JSON-LD document: ``@context`` and a ``@graph`` of every node, each carrying its outgoing edges.
    Cases stream first; the shared nodes follow with the edges gathered from them (PART_OF as
    ``containedInPlace`` for regions, ``partOf`` for fields; USES/ADDRESSES as ``{target, support}``)."""
    yield '{"@context": ' + json.dumps(JSONLD_CONTEXT, ensure_ascii=False) + ',\n"@graph": [\n'
    first = True
    shared = _SharedEdges()
    for graph in store.iter_case_graphs():
        by_src: dict[str, dict[str, list[Any]]] = {}
        for (src, t, dst), _ in _case_edges(graph).items():
            by_src.setdefault(src, {}).setdefault(JSONLD_EDGES[t], []).append(dst)
        for node in graph.all_nodes():
            if node.label in CASE_OWNED_LABELS:
                yield ("" if first else ",\n") + json.dumps(_jsonld_node(node, by_src.get(node.id, {})),
                                                            ensure_ascii=False)
                first = False
        shared.add(graph)
    nodes = _shared_nodes(store)
    by_src = {}
    for (src, t, dst), props in shared.edges():
        if t in STRUCTURAL_EDGES:
            name = "containedInPlace" if nodes.get(src) is not None and nodes[src].label == REGION else "partOf"
            by_src.setdefault(src, {}).setdefault(name, []).append(dst)
        else:
            by_src.setdefault(src, {}).setdefault(JSONLD_EDGES[t], []).append({"target": dst, **props})
    for node in nodes.values():
        yield ("" if first else ",\n") + json.dumps(_jsonld_node(node, by_src.get(node.id, {})), ensure_ascii=False)
        first = False
    yield "\n]}\n"


# --- neo4j-admin database import ------------------------------------------------------------------------

def _kind(value: Any) -> str | None:
    """The neo4j-admin column type that keeps a value as Neo4jStore stores it."""
    if value is None:
        return None
    if isinstance(value, bool) or isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _cell(value: Any, kind: str | None = "string") -> str:
    """One CSV field as neo4j-admin reads it: no value → empty (no property); a string always quoted (so '' stays
    an empty string), quotes doubled; numbers bare."""
    if value is None:
        return ""
    if kind == "long":
        return str(int(value))
    if kind == "double":
        f = float(value)
        return "NaN" if f != f else ("Infinity" if f == float("inf") else "-Infinity" if f == float("-inf") else repr(f))
    return '"' + str(value).replace('"', '""') + '"'


class _CsvFiles:
    """One open file per name, each started with its header line."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, Any] = {}

    def write(self, name: str, header: str, line: str) -> None:
        f = self.files.get(name)
        if f is None:
            f = self.files[name] = (self.folder / name).open("w", encoding="utf-8", newline="")
            f.write(header + "\n")
        f.write(line + "\n")

    def close(self) -> list[Path]:
        for f in self.files.values():
            f.close()
        return [self.folder / name for name in sorted(self.files)]


_NODE_COLUMNS = ("id", "label", "name", "owner", "props", *EXTRA_KEYS)


class _NodeFiles:
    """Node rows per label, spooled, then written under typed headers: a column is long, double or string as its
    values are (so the imported properties have the types Neo4jStore writes). Rows whose value types differ from
    their column's usual one go to a further file of that label, with its own header."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.spools: dict[str, Any] = {}
        self.kinds: dict[str, dict[str, Counter]] = {}

    def add(self, node: Node, owner: str | None) -> None:
        row = node_row(node, owner)
        values = [row[c] for c in _NODE_COLUMNS[:5]] + [row["extra"][k] for k in EXTRA_KEYS]
        kinds = self.kinds.setdefault(node.label, {c: Counter() for c in _NODE_COLUMNS})
        for c, v in zip(_NODE_COLUMNS, values):
            k = _kind(v)
            if k:
                kinds[c][k] += 1
        spool = self.spools.get(node.label)
        if spool is None:
            spool = self.spools[node.label] = tempfile.TemporaryFile("w+", encoding="utf-8")
        spool.write(json.dumps(values, ensure_ascii=False) + "\n")

    def close(self, out: "_CsvFiles") -> None:
        for label, spool in self.spools.items():
            usual = {c: (k.most_common(1)[0][0] if k else "string") for c, k in self.kinds[label].items()}
            names: dict[tuple[str, ...], str] = {}
            spool.seek(0)
            for line in spool:
                values = json.loads(line)
                sig = tuple(_kind(v) or usual[c] for c, v in zip(_NODE_COLUMNS, values))
                if sig not in names:
                    names[sig] = f"node_{label}.csv" if not names else f"node_{label}.{len(names)}.csv"
                header = ",".join([f"{c}:ID(Node)" if c == "id" else c if k == "string" else f"{c}:{k}"
                                   for c, k in zip(_NODE_COLUMNS, sig)] + [":LABEL"])
                out.write(names[sig], header,
                          ",".join(_cell(v, k) for v, k in zip(values, sig)) + "," + _cell(f"Node;{label}"))
            spool.close()


_REL_HEADER = ":START_ID(Node),:END_ID(Node),case_id,props,:TYPE"


def neo4j_admin_command(folder: Path, files: list[Path], database: str = "neo4j") -> list[str]:
    """The ``neo4j-admin database import full`` arguments for the files written by ``write_neo4j_admin``."""
    # the database name goes first: --nodes/--relationships take one or more files and would swallow it
    args = ["database", "import", "full", database, "--multiline-fields=true", "--overwrite-destination=true"]
    for f in files:
        kind = "--relationships" if f.name.startswith("rel_") else "--nodes"
        args.append(f"{kind}={folder / f.name}")
    return args


def write_neo4j_admin(store: GraphStore, folder: Path) -> list[Path]:
    """CSV files for ``neo4j-admin database import full`` (one per label, per relationship type, plus the stored
    CaseGraphs and the store's meta nodes) and ``import.sh`` with the command. Returns the CSV files."""
    folder.mkdir(parents=True, exist_ok=True)
    out, nodes = _CsvFiles(folder), _NodeFiles(folder)
    for node in _shared_nodes(store).values():
        nodes.add(node, None)
    structural: set[tuple[str, str, str]] = set()
    cases = 0
    for graph in store.iter_case_graphs():
        cases += 1
        cid = graph.id
        for node in graph.all_nodes():
            if node.label in CASE_OWNED_LABELS:
                nodes.add(node, cid)
        own: dict[tuple[str, str, str], dict[str, Any]] = {}
        for e in graph.edges:
            if edge_owner(e, cid):
                own[(e.src, e.type, e.dst)] = e.props     # one relationship per contributing case
            elif (e.src, e.type, e.dst) not in structural:
                structural.add((e.src, e.type, e.dst))
                out.write(f"rel_{e.type}.csv", _REL_HEADER, ",".join(
                    [_cell(e.src), _cell(e.dst), _cell(""), _cell(props_json(e.props) if e.props else None),
                     _cell(e.type)]))
        for (src, t, dst), props in own.items():
            out.write(f"rel_{t}.csv", _REL_HEADER, ",".join(
                [_cell(src), _cell(dst), _cell(cid), _cell(props_json(props) if props else None), _cell(t)]))
        out.write("casegraph.csv", "case_id:ID(CaseGraph),hash,graph,:LABEL",
                  ",".join([_cell(cid), _cell(graph.content_hash()), _cell(dumps_graph(graph)), _cell("CaseGraph")]))
    header = "key:ID(Meta),value:long,:LABEL"
    for key, value in (("revision", 1 if cases else 0), ("schema_version", SCHEMA_VERSION), ("layout", LAYOUT)):
        out.write("meta.csv", header, f"{_cell(key)},{value},{_cell('Meta')}")
    nodes.close(out)
    files = out.close()
    args = neo4j_admin_command(Path("."), files)
    (folder / "import.sh").write_text(
        "#!/bin/sh\n# Import into an empty, stopped Neo4j 5 database (run from this folder; djkg creates its\n"
        "# constraints and indexes the first time it opens the database).\ncd \"$(dirname \"$0\")\"\n"
        "exec neo4j-admin " + " ".join(args) + "\n", encoding="utf-8")
    return files


# --- flat tables -----------------------------------------------------------------------------------------

CASE_COLUMNS = ["id", "title", "unit", "year", "province", "city", "county", "adcode", "field", "sector", "model",
                "problems", "measures", "quantified_outcomes", "flags", "illustrative", "source"]
OUTCOME_COLUMNS = ["case_id", "case_title", "metric", "name", "value", "unit", "direction", "evidence"]


def case_tables(store: GraphStore) -> Iterator[tuple[str, dict[str, Any]]]:
    """Rows for spreadsheets: ("cases", row) per case and ("outcomes", row) per outcome, names resolved."""
    names = {nid: n.name for nid, n in _shared_nodes(store).items()}
    for graph in store.iter_case_graphs():
        p = graph.case.props
        region = p.get("region") if isinstance(p.get("region"), dict) else {}
        industry = p.get("industry") if isinstance(p.get("industry"), dict) else {}
        targets: dict[str, list[str]] = {}
        for (src, t, dst) in _case_edges(graph):
            if src == graph.id:
                targets.setdefault(t, []).append(names.get(dst, dst))
        yield "cases", {
            "id": graph.id, "title": p.get("title"), "unit": p.get("unit"), "year": p.get("year"),
            "province": region.get("province"), "city": region.get("city"), "county": region.get("county"),
            "adcode": region.get("adcode"), "field": industry.get("field"), "sector": industry.get("sector"),
            "model": "；".join(targets.get("INSTANCE_OF", [])), "problems": "；".join(targets.get("FACES", [])),
            "measures": "；".join(targets.get("APPLIES", [])), "quantified_outcomes": p.get("quantified_outcomes"),
            "flags": "；".join(p.get("flags") or []), "illustrative": p.get("illustrative"), "source": p.get("source")}
        for node in graph.nodes:
            if node.label == OUTCOME:
                o = node.props
                yield "outcomes", {"case_id": graph.id, "case_title": p.get("title"), "metric": o.get("metric"),
                                   "name": o.get("name"), "value": o.get("value"), "unit": o.get("unit"),
                                   "direction": o.get("direction"), "evidence": o.get("evidence")}


def write_table(path: Path, columns: list[str], rows: Iterable[dict[str, Any]]) -> None:
    """A CSV table spreadsheets open as they are: UTF-8 with a BOM (Excel needs it for Chinese), one header row."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for row in rows:
            w.writerow({k: _spreadsheet_safe(v) for k, v in row.items()})


def _spreadsheet_safe(value: Any) -> Any:
    # a cell starting with = + - @ is a formula to Excel: text from a case must never run as one
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    if isinstance(value, bool):
        return int(value)
    return value


def text_chunks_to_bytes(chunks: Iterable[str], size: int = 1 << 16) -> Iterator[bytes]:
    """Coalesce small text pieces into byte chunks of about ``size`` (for files and HTTP bodies)."""
    buf = io.StringIO()
    n = 0
    for c in chunks:
        buf.write(c)
        n += len(c)
        if n >= size:
            yield buf.getvalue().encode("utf-8")
            buf = io.StringIO()
            n = 0
    if n:
        yield buf.getvalue().encode("utf-8")
