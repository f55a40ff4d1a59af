"""The model index (``models.ModelIndex``) from per-case contributions: built whole, or updated for the cases a
write changed (the stores' change log, ``graph/changes.py``).

Every case contributes: its facts to each model it is an instance of, the problems it faces to those models'
problem support and example case, its USES rows (model, measure) to the models' measure support and its
ADDRESSES rows (measure, problem) to the mechanism table. The index keeps each case's contribution, so an update
withdraws exactly what a changed case added before, adds what it adds now (named queries restricted to the changed
cases: ``model_cases_of``, ``index_contributions_of``), refreshes the names and properties of the shared nodes
those cases reach (``index_nodes_of``: a write replaces a shared node's properties with the writing case's) and
recomputes maturity and aggregates only for the models it touched. The result equals a fresh build, field by
field and in the order of every dict (tests/test_incremental_index.py); readers of the previous index are never
disturbed, because an update copies what it changes.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from bisect import bisect_left, insort
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from ..graph.adcodes import city_of, county_of, province_of
from ..graph.changes import ChangeSet
from ..graph.schema import MEASURE, MODEL, PROBLEM, REGION, region_id
from ..graph.store import GraphStore
from . import catalogue
from .models import FIELD_CERTAIN, CaseFacts, Contribution, ModelEntry, ModelIndex, finish_entry

_REGION_PREFIX = region_id("")
BUILD_CHUNK = 5_000    # cases per round trip when the index is built whole


@dataclass
class IndexDelta:
    """What an update changed, so the caches kept beside the index drop only what depended on it."""
    cases: frozenset[str]                                # the changed cases
    models: set[str] = field(default_factory=set)        # models whose entry changed or went away
    problems: set[str] = field(default_factory=set)      # problems whose ADDRESSES support changed
    names: bool = False                                  # a problem's or a region's name (or macro-region) changed


def build_index(store: GraphStore, revision: str = "") -> ModelIndex:
    """The whole index from the store: every case's contribution, read through the same restricted queries an
    update uses, ``BUILD_CHUNK`` cases at a time (so the rows of 10⁵ cases are never in memory at once)."""
    draft = _Draft(ModelIndex(revision=revision, models={}))
    ids = sorted(store.case_hashes())
    with _collector_paused():
        for i in range(0, len(ids), BUILD_CHUNK):
            chunk = ids[i:i + BUILD_CHUNK]
            case_rows = catalogue.run(store, "model_cases_of", cases=chunk)
            found = read_contributions(case_rows, catalogue.run(store, "index_contributions_of", cases=chunk))
            draft.apply({}, found, _model_rows(case_rows))
        draft.fetch_names(store)
        return draft.finish(revision)


@contextlib.contextmanager
def _collector_paused():
    """Python's cyclic collector off while a build makes its 10⁵ objects (none of them in a cycle; reference
    counting frees them): each full collection would walk every object made so far — a third of a build's time
    at 100k cases (BENCHMARKS.md)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def update_index(store: GraphStore, index: ModelIndex, changes: ChangeSet) -> tuple[ModelIndex, IndexDelta]:
    """``index`` brought to ``changes.revision`` for the cases that changed since its revision (not modified)."""
    cases = sorted(changes.cases)
    case_rows = catalogue.run(store, "model_cases_of", cases=cases)
    found = read_contributions(case_rows, catalogue.run(store, "index_contributions_of", cases=cases))
    nodes = catalogue.run(store, "index_nodes_of", cases=cases)
    draft = _Draft(index, changes.cases)
    draft.apply({c: index.contributions[c] for c in cases if c in index.contributions}, found, _model_rows(case_rows))
    draft.refresh(nodes)
    draft.fetch_names(store)
    return draft.finish(changes.revision), draft.delta


# --- rows → contributions ------------------------------------------------------------------------------

def read_contributions(case_rows: list[dict[str, Any]], edge_rows: list[dict[str, Any]]) -> dict[str, Contribution]:
    """Per-case contributions from ``model_cases_of`` rows (one per model and case) and ``index_contributions`` rows
    (one per FACES / USES / ADDRESSES edge of a case, ordered by case). Ids are interned and pairs shared: 100k
    cases repeat a few thousand of them."""
    intern = sys.intern
    facts: dict[str, CaseFacts] = {}
    keys: dict[str, str] = {}
    models: dict[str, list[str]] = {}
    for row in case_rows:
        cid = intern(row["case_id"])
        if cid not in facts:
            facts[cid] = case_facts(cid, row)
            # as model_problem_support ranks example cases: documented ("0") before illustrative, then the id
            flag = row.get("illustrative")
            keys[cid] = f"{0 if flag is None else flag}{cid}"
        models.setdefault(cid, []).append(intern(row["model_id"]))
    pairs: dict[tuple[str, str], tuple[str, str]] = {}
    ids: dict[str, str] = {}
    edges: dict[str, tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]] = {}
    current = None
    faces: list[str] = []
    uses: list[tuple[str, str]] = []
    addresses: list[tuple[str, str]] = []
    for row in edge_rows:
        cid = row["case_id"]
        if cid != current:       # rows come grouped by case
            current = cid
            faces, uses, addresses = edges.setdefault(intern(cid), ([], [], []))
        kind, src, dst = row["type"], row["src"], row["dst"]
        if kind == "FACES":
            faces.append(ids.setdefault(dst, dst))
            continue
        pair = pairs.get((src, dst))
        if pair is None:
            pair = pairs[(src, dst)] = (intern(src), intern(dst))
        (uses if kind == "USES" else addresses).append(pair)
    out: dict[str, Contribution] = {}
    for cid in sorted(facts.keys() | edges.keys()):
        faced, used, addressed = edges.get(cid, ((), (), ()))
        mine = models.get(cid, ())
        out[cid] = Contribution(models=tuple(sorted(set(mine))), facts=facts.get(cid), example_key=keys.get(cid, ""),
                                problems=tuple(sorted(set(faced))) if mine else (),
                                uses=tuple(sorted(used)), addresses=tuple(sorted(addressed)))
    return out


def case_facts(cid: str, row: dict[str, Any]) -> CaseFacts:
    return CaseFacts(
        cid, row.get("title") or "", row.get("unit") or "",
        int(row["year"]) if row.get("year") not in (None, "") else None,
        row.get("adcode"), row.get("field"), row.get("sector"), tuple(row.get("flags") or ()),
        tuple(row.get("signals") or ()), int(row.get("quantified") or 0), bool(row.get("illustrative")),
        row.get("field_confidence") is None or float(row["field_confidence"]) >= FIELD_CERTAIN)


def _model_rows(case_rows: list[dict[str, Any]]) -> dict[str, tuple[str, dict[str, Any]]]:
    return {row["model_id"]: (row["model_name"], row["model_props"]) for row in case_rows}


def _codes(adcode: str | None) -> tuple[str, ...]:
    return tuple(code for code in (province_of(adcode), city_of(adcode), county_of(adcode)) if code)


# --- the draft of the next index ------------------------------------------------------------------------

class _Draft:
    """The next index, made from ``base`` without changing it (readers may be using it): the top-level dicts
    are copied, a model's entry and an inner dict the first time they change."""

    def __init__(self, base: ModelIndex, changed: Iterable[str] = ()):
        self.models = dict(base.models)
        self.cases = dict(base.cases)
        self.contributions = dict(base.contributions)
        self.addresses = dict(base.addresses)
        self.uses = dict(base.uses)
        self.region_refs = dict(base.region_refs)
        self.region_names = dict(base.region_names)
        self.macro = dict(base.macro)
        self.problem_names = dict(base.problem_names)
        self.copied: set[str] = set()          # entries copied into this draft (changed)
        self.recompute: set[str] = set()       # entries whose derived fields must be computed again
        self.measures_changed: set[str] = set()
        self.examples: set[tuple[str, str]] = set()     # (model, problem) whose example case was withdrawn
        self.inner_copied: set[tuple[str, str]] = set()  # ("addresses" | "uses", key) inner dicts copied
        self.problems_seen: set[str] = set()
        self.codes_seen: set[str] = set()
        self.keys_changed = False              # a model entry appeared or went away: models are sorted again
        self.resort: set[str] = set()          # other mappings that gained or lost a key: sorted again
        self.places_changed = False            # a region was renamed or moved macro-region: every entry again
        self.delta = IndexDelta(frozenset(changed))

    # entries and counters, copied on first change

    def entry(self, model_id: str, row: tuple[str, dict[str, Any]] | None = None) -> ModelEntry | None:
        if model_id in self.copied:
            return self.models[model_id]
        old = self.models.get(model_id)
        if old is None:
            if row is None:
                return None
            fresh = ModelEntry(model_id, row[0], row[1])
            self.keys_changed = True
            self.measures_changed.add(model_id)   # USES rows other cases contributed count for it too
        else:
            fresh = replace(old, cases=list(old.cases), problems=dict(old.problems),
                            problem_examples=dict(old.problem_examples), example_keys=dict(old.example_keys),
                            measures=dict(old.measures), measure_names=dict(old.measure_names))
        self.models[model_id] = fresh
        self.copied.add(model_id)
        return fresh

    def _count(self, table: str, key: str, inner: str, step: int) -> None:
        outer = self.addresses if table == "addresses" else self.uses
        if (table, key) not in self.inner_copied:
            if key not in outer:
                self.resort.add(table)
            outer[key] = dict(outer.get(key, {}))
            self.inner_copied.add((table, key))
        counts = outer[key]
        n = counts.get(inner, 0) + step
        if n:
            counts[inner] = n
        else:
            counts.pop(inner, None)

    # contributions out and in

    def apply(self, old: dict[str, Contribution], new: dict[str, Contribution],
              model_rows: dict[str, tuple[str, dict[str, Any]]]) -> None:
        for cid, c in old.items():
            self._withdraw(cid, c)
        for cid, c in new.items():
            self._add(cid, c, model_rows)
        for model_id, problem in self.examples:
            entry = self.models.get(model_id)
            if entry is not None and problem in entry.problems:
                key = min(self.contributions[f.id].example_key for f in entry.cases
                          if problem in self.contributions[f.id].problems)
                entry.example_keys[problem], entry.problem_examples[problem] = key, key[1:]

    def _withdraw(self, cid: str, c: Contribution) -> None:
        del self.contributions[cid]
        self.cases.pop(cid, None)
        for model_id in c.models:
            entry = self.entry(model_id)
            i = bisect_left(entry.cases, cid, key=lambda f: f.id)
            if i < len(entry.cases) and entry.cases[i].id == cid:
                del entry.cases[i]
            for p in c.problems:
                if entry.problem_examples.get(p) == cid or entry.example_keys.get(p) == c.example_key:
                    self.examples.add((model_id, p))
                n = entry.problems.get(p, 0) - 1
                if n > 0:
                    entry.problems[p] = n
                else:
                    entry.problems.pop(p, None)
                    entry.problem_examples.pop(p, None)
                    entry.example_keys.pop(p, None)
                self.problems_seen.add(p)
            self._refs(c.facts, -1)
            self.recompute.add(model_id)
        self._rows(c, -1)

    def _add(self, cid: str, c: Contribution, model_rows: dict[str, tuple[str, dict[str, Any]]]) -> None:
        self.contributions[cid] = c
        if c.models and c.facts is not None:
            self.cases[cid] = c.facts
        for model_id in c.models:
            entry = self.entry(model_id, model_rows[model_id])
            insort(entry.cases, c.facts, key=lambda f: f.id)
            for p in c.problems:
                entry.problems[p] = entry.problems.get(p, 0) + 1
                if (model_id, p) not in self.examples:
                    best = entry.example_keys.get(p)
                    if best is None or c.example_key < best:
                        entry.example_keys[p], entry.problem_examples[p] = c.example_key, c.example_key[1:]
                self.problems_seen.add(p)
            self._refs(c.facts, 1)
            self.recompute.add(model_id)
        self._rows(c, 1)

    def _rows(self, c: Contribution, step: int) -> None:
        for model_id, measure in c.uses:
            self._count("uses", model_id, measure, step)
            self.measures_changed.add(model_id)
        for measure, problem in c.addresses:
            self._count("addresses", problem, measure, step)
            self.problems_seen.add(problem)
            self.delta.problems.add(problem)

    def _refs(self, facts: CaseFacts | None, step: int) -> None:
        for code in _codes(facts.adcode if facts else None):
            n = self.region_refs.get(code, 0) + step
            if n > 0:
                self.region_refs[code] = n
            else:
                self.region_refs.pop(code, None)
            self.codes_seen.add(code)

    # names and properties of shared nodes

    def refresh(self, nodes: list[dict[str, Any]]) -> None:
        """Take the names and properties of the shared nodes the changed cases reach as they are stored now."""
        for n in nodes:
            nid, label, name, props = n["id"], n["label"], n["name"], n["props"]
            if label == MODEL and nid in self.models:
                entry = self.models[nid]
                if (entry.name, entry.props) != (name, props):
                    entry = self.entry(nid)
                    entry.name, entry.props = name, props
                    self.recompute.add(nid)
            elif label == MEASURE:
                for model_id, entry in list(self.models.items()):
                    if nid in entry.measure_names and entry.measure_names[nid] != name:
                        self.entry(model_id).measure_names[nid] = name
            elif label == PROBLEM:
                if nid in self.problem_names and self.problem_names[nid] != name:
                    self.problem_names[nid] = name
                    self.delta.names = True
            elif label == REGION and nid[len(_REGION_PREFIX):] in self.region_refs:
                self._region(props)

    def _region(self, props: dict[str, Any]) -> None:
        code = props.get("adcode")
        if code in self.region_names and (self.region_names[code], self.macro.get(code)) != (
                props.get("name"), props.get("macro") or None):
            self.delta.names = self.places_changed = True   # a place models list and paths show was renamed
        if code not in self.region_names:
            self.resort.add("region_names")
        self.region_names[code] = props.get("name")
        if props.get("macro"):
            if code not in self.macro:
                self.resort.add("macro")
            self.macro[code] = props["macro"]
        else:
            self.macro.pop(code, None)

    def fetch_names(self, store: GraphStore) -> None:
        """Drop the names nothing refers to any more, read the ones newly referred to (one round trip)."""
        problems_in_use = {p for p, measures in self.addresses.items() if measures}   # emptied ones go in finish
        for entry in self.models.values():
            problems_in_use.update(entry.problems)
        missing_problems = []
        for p in self.problems_seen:
            if p not in problems_in_use:
                self.problem_names.pop(p, None)
            elif p not in self.problem_names:
                missing_problems.append(p)
        missing_codes = []
        for code in self.codes_seen:
            if code not in self.region_refs:   # no case of a model is there any more: nothing shows its name
                self.region_names.pop(code, None)
                self.macro.pop(code, None)
            elif code not in self.region_names:
                missing_codes.append(code)
        known = {m: name for e in self.models.values() for m, name in e.measure_names.items()}
        missing_measures = sorted({m for model_id in self.measures_changed for m in self.uses.get(model_id, {})}
                                  - set(known))
        ids = sorted(missing_problems) + sorted(region_id(c) for c in missing_codes) + missing_measures
        for node in store.get_nodes(ids):
            if node.label == PROBLEM and node.id in missing_problems:
                self.problem_names[node.id] = node.name
                self.resort.add("problem_names")
            elif node.label == REGION:
                self._region(node.props)
            if node.label == MEASURE:
                known[node.id] = node.name
        for model_id in self.measures_changed:
            entry = self.entry(model_id)
            if entry is not None:
                entry.measures = dict(sorted(self.uses.get(model_id, {}).items()))
                entry.measure_names = {m: known[m] for m in entry.measures if m in known}

    # the new index

    def finish(self, revision: str) -> ModelIndex:
        for model_id in sorted(self.copied):
            entry = self.models[model_id]
            if not entry.cases:          # a model without cases has no entry (as in a fresh build)
                del self.models[model_id]
                self.keys_changed = True
        for model_id in sorted(self.models if self.places_changed else self.recompute & set(self.models)):
            entry = self.entry(model_id)
            finish_entry(entry, self.region_names, self.macro)
        for model_id in self.copied & set(self.models):
            entry = self.models[model_id]
            entry.problems, entry.problem_examples, entry.example_keys, entry.measure_names = (
                _sorted(entry.problems), _sorted(entry.problem_examples), _sorted(entry.example_keys),
                _sorted(entry.measure_names))
        self.delta.models |= self.copied
        for table, key in self.inner_copied:
            outer = self.addresses if table == "addresses" else self.uses
            if outer[key]:
                outer[key] = _sorted(outer[key])
            else:
                del outer[key]
                self.resort.add(table)
        if self.keys_changed:
            self.resort.add("models")
        tables = {name: getattr(self, name) for name in
                  ("models", "region_names", "problem_names", "macro", "addresses", "uses")}
        tables.update({name: _sorted(tables[name]) for name in self.resort})
        return ModelIndex(revision=revision, cases=self.cases, contributions=self.contributions,
                          region_refs=self.region_refs, **tables)


def _sorted(d: dict) -> dict:
    """The dict in key order: a fresh build and an update list every mapping in the same order."""
    return dict(sorted(d.items(), key=lambda kv: str(kv[0])))
