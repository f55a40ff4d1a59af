"""The graph schema both stores share (ARCHITECTURE.md, “Graph schema”): labels, edge types, deterministic ids, CaseGraph.

Ids are pure functions of content keys, so re-ingesting the same case yields the same ids and the store
can tell "unchanged" from "changed" by a content hash alone.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..core.charmap import WIDE_TO_ASCII, char_mapper

# 3: corrections and the audit trail are kept beside the graph (graph/review.py)
# 4: the change log: which cases each write changed (graph/changes.py)
# 5: SQLite keeps a copy of the case facts pages filter, order and count by (year, place, field, unit)
# 6: cases are found by the document they hold (its text digest, ``GraphStore.documents``): an ingest keeps a
#    document's case id when a newer extractor would name it differently
SCHEMA_VERSION = 6

# --- labels and edge types -------------------------------------------------------------------------

CASE, PROBLEM, MEASURE, OUTCOME, REGION, INDUSTRY, MODEL = (
    "Case", "Problem", "Measure", "Outcome", "Region", "Industry", "Model")
LABELS: tuple[str, ...] = (CASE, PROBLEM, MEASURE, OUTCOME, REGION, INDUSTRY, MODEL)

LOCATED_IN, PART_OF, IN_INDUSTRY, FACES, APPLIES, ACHIEVES, INSTANCE_OF, USES, ADDRESSES = (
    "LOCATED_IN", "PART_OF", "IN_INDUSTRY", "FACES", "APPLIES", "ACHIEVES", "INSTANCE_OF", "USES",
    "ADDRESSES")

# edge type -> (source label(s), target label(s)); the whitelist every store checks against.
EDGE_TYPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    LOCATED_IN: ((CASE,), (REGION,)),
    PART_OF: ((REGION, INDUSTRY), (REGION, INDUSTRY)),
    IN_INDUSTRY: ((CASE,), (INDUSTRY,)),
    FACES: ((CASE,), (PROBLEM,)),
    APPLIES: ((CASE,), (MEASURE,)),
    ACHIEVES: ((CASE,), (OUTCOME,)),
    INSTANCE_OF: ((CASE,), (MODEL,)),
    USES: ((MODEL,), (MEASURE,)),
    ADDRESSES: ((MEASURE,), (PROBLEM,)),
}

# Edges a case contributes to shared aggregates; each keeps the contributing case id so that
# replacing or deleting a case withdraws exactly its support and nothing else.
AGGREGATED_EDGES = frozenset({USES, ADDRESSES})
# Structural edges (hierarchies) belong to no case.
STRUCTURAL_EDGES = frozenset({PART_OF})
# Nodes that live and die with one case.
CASE_OWNED_LABELS = frozenset({CASE, OUTCOME})
# Shared nodes removed when no edge references them any more (regions and industries are kept:
# they are reference data).
COLLECTABLE_LABELS = frozenset({PROBLEM, MEASURE, OUTCOME, MODEL})

# Case facts the named queries read, as paths into a Case's props. SQLite reads them with json_extract;
# Neo4jStore keeps scalar copies of exactly these (so a Cypher query can filter and return them). A new fact
# used in ranking is added here and to the two ``model_cases_of`` query files.
CASE_FACTS: dict[str, tuple[str, ...]] = {
    "title": ("title",), "unit": ("unit",), "year": ("year",), "adcode": ("region", "adcode"),
    "field": ("industry", "field"), "sector": ("industry", "sector"), "flags": ("flags",),
    "signals": ("signals",), "quantified": ("quantified_outcomes",), "illustrative": ("illustrative",),
    "synthetic": ("synthetic",), "field_confidence": ("industry", "confidence"),
    # the document a case holds (``IDENTITY``): Neo4j finds a case by it (``GraphStore.documents``)
    "document": ("identity", "digest"), "origin": ("identity", "origin"),
}

FIELDS: tuple[str, ...] = ("农村", "城市社区", "机关", "事业单位", "国有企业", "非公有制经济组织", "社会组织")


# --- ids --------------------------------------------------------------------------------------------

def _digest(*parts: object, n: int = 12) -> str:
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:n]


_SPACES = re.compile(r"\s\s*")   # \s\s*, not \s+: starts with a class, so re skips ahead
_SLUG = re.compile(r"[a-z0-9][a-z0-9_.\-]*")


_wide_to_ascii = char_mapper(WIDE_TO_ASCII)


def normalise_key(text: str) -> str:
    """Whitespace- and width-insensitive key for names (NFKC, no spaces, lower-case Latin)."""
    return _SPACES.sub("", nfkc(text or "")).lower()


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, made fast for Chinese text: its full-width punctuation (，：（）)
    sends every write-up through the full algorithm, which cost ~2,000 instructions a character (a fifteenth of
    an ingest). Those forms decompose to single ASCII characters of combining class 0, so mapping them first
    leaves the result unchanged; what is then normalised already (almost always) is returned as it is."""
    mapped = _wide_to_ascii(text)
    return mapped if unicodedata.is_normalized("NFKC", mapped) else unicodedata.normalize("NFKC", mapped)


def explicit_case_id(explicit: str | None) -> str | None:
    """The id an author gave (front matter ``id``, API ``id``) as a case id; None when it has no usable
    character."""
    slug = re.sub(r"[^0-9A-Za-z_.\-\u4e00-\u9fff]+", "-", (explicit or "").strip()).strip("-")
    return f"case:{slug[:80]}" if slug else None


def case_id(*, explicit: str | None = None, title: str = "", unit: str = "", year: int | None = None,
            text: str = "", origin: str = "") -> str:
    """A case's id: the explicit id, else derived from title+unit+year (stable across edits of the body; the
    caller passes them only when they identify one document, see ``ingest/identity.py``), else from the
    source path (``origin``, relative to the ingested folder) and the text."""
    explicit_id = explicit_case_id(explicit)
    if explicit_id:
        return explicit_id
    if title or unit:
        return "case:" + _digest(normalise_key(title), normalise_key(unit), year or "")
    if origin:
        return "case:" + _digest(origin, normalise_key(text))
    return "case:" + _digest(normalise_key(text))


def concept_id(label: str, key: str) -> str:
    """Problem / Measure / Model ids: taxonomy keys are ASCII slugs; candidates hash their phrase."""
    prefix = {PROBLEM: "problem", MEASURE: "measure", MODEL: "model"}[label]
    if _SLUG.fullmatch(key):
        return f"{prefix}:{key}"
    return f"{prefix}:cand-{_digest(normalise_key(key), n=10)}"


def outcome_id(case: str, metric: str, value: float | None, evidence: str) -> str:
    return "outcome:" + _digest(case, metric, value, normalise_key(evidence), n=14)


def region_id(adcode: str) -> str:
    return f"region:{adcode}"


def industry_id(field_name: str, sector: str | None = None) -> str:
    return f"industry:{field_name}" + (f"/{sector}" if sector else "")


# --- values -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Node:
    id: str
    label: str
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)

    @property
    def name(self) -> str:
        return str(self.props.get("name") or self.props.get("title") or self.id)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, **self.props}


@dataclass(frozen=True)
class Edge:
    src: str
    type: str
    dst: str
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)

    def to_dict(self) -> dict[str, Any]:
        return {"src": self.src, "type": self.type, "dst": self.dst, **self.props}


class SchemaError(ValueError):
    """A CaseGraph that breaks the schema (unknown label, edge type or dangling id)."""


@dataclass
class CaseGraph:
    """One case with every node and edge it brings: what ingest hands to a store.

    ``nodes`` holds the case node first, then the linked nodes (shared concepts, regions, industries,
    its outcomes). ``edges`` holds the case's edges, the aggregated USES/ADDRESSES contributions and
    the PART_OF hierarchy of its region and industry.
    """

    case: Node
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    # how a store writes this graph (``serialize.Encoded``), when it was computed where the graph was built — a
    # parallel ingest's worker — so that the single writer does not encode it again; never part of its content
    encoded: Any = field(default=None, compare=False, repr=False)

    @property
    def id(self) -> str:
        return self.case.id

    def all_nodes(self) -> list[Node]:
        return [self.case, *[n for n in self.nodes if n.id != self.case.id]]

    def validate(self) -> None:
        if self.case.label != CASE:
            raise SchemaError(f"CaseGraph root must be a Case, got {self.case.label}")
        labels = {}
        for n in self.all_nodes():
            if n.label not in LABELS:
                raise SchemaError(f"unknown label {n.label!r}")
            labels[n.id] = n.label
        for e in self.edges:
            spec = EDGE_TYPES.get(e.type)
            if spec is None:
                raise SchemaError(f"unknown edge type {e.type!r}")
            for end, allowed in ((e.src, spec[0]), (e.dst, spec[1])):
                if end not in labels:
                    raise SchemaError(f"edge {e.type} refers to {end!r}, which is not in the CaseGraph")
                if labels[end] not in allowed:
                    raise SchemaError(f"edge {e.type} cannot touch a {labels[end]}")

    def content_hash(self) -> str:
        """Hash of everything the store would write; equal hash ⇒ re-ingest is a no-op."""
        if self.encoded is not None:
            return self.encoded.digest
        payload = {
            "nodes": sorted(([n.id, n.label, n.props] for n in self.all_nodes()), key=lambda x: x[0]),
            "edges": sorted([e.src, e.type, e.dst, e.props] for e in self.edges),
        }
        blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def edge_owner(edge: Edge, case: str) -> str:
    """Which case an edge belongs to in storage ('' = structural, owned by nobody)."""
    return "" if edge.type in STRUCTURAL_EDGES else case


# --- identity: which document a case is ---------------------------------------------------------------

IDENTITY = "identity"   # Case prop: {"basis": "id" | "meta" | "path", "origin": relative path or "", "digest"}


class CaseConflict(SchemaError):
    """A different document already holds this case id: the store keeps it and refuses the write."""


def same_document(old: dict[str, Any] | None, new: dict[str, Any] | None) -> bool:
    """May a case recorded as ``old`` be replaced by one recorded as ``new``? Yes for the same text, for an
    edit of the same file (same origin), and for an API write by explicit id over an API case; cases written
    before identities were recorded may be replaced as before."""
    if not old or not new:
        return True
    if old.get("digest") == new.get("digest"):
        return True
    if old.get("origin") == new.get("origin"):
        # the same file edited, or (origin "") an API write naming the case by its id
        return bool(new.get("origin")) or new.get("basis") == "id"
    return False


def check_replaces(old_case_props: dict[str, Any], graph: "CaseGraph") -> None:
    """Raise ``CaseConflict`` unless ``graph`` may replace the stored case whose props are ``old_case_props``
    (both stores call this inside the write transaction, so no concurrent writer slips between check and write)."""
    old = old_case_props.get(IDENTITY)
    if same_document(old, graph.case.props.get(IDENTITY)):
        return
    origin = old.get("origin")
    raise CaseConflict(f"案例 id {graph.id} 已属于另一份内容不同的材料（{origin or '经 API 提交'}），未覆盖；"
                       f"请给这份材料写不同的 id / case id {graph.id} already belongs to a different document "
                       f"({origin or 'submitted through the API'}); not overwritten — give this one its own id")
