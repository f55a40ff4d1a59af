"""Taxonomy review: candidates proposed by ingest, accepted (as a new canonical concept or as a synonym of an
existing one) or rejected (never proposed again).

A decision is written to the data directory's decisions file (``ingest/accepted.py``, under its lock) and the
cases that carry the candidate are re-linked through the new taxonomy in one store transaction, with an audit
entry. If that transaction fails, the file is put back as it was; if a case changes meanwhile (a correction),
the re-link is computed again from the case as it is now.
"""

from __future__ import annotations

import copy
import hashlib
import re
from pathlib import Path
from typing import Any, Callable

from ..graph import schema as S
from ..graph.review import AuditEntry, Commit, VersionConflict, utc_now
from ..graph.store import GraphStore
from ..ingest import accepted
from ..ingest.corrections import clean_name, clean_note, rebuild
from ..ingest.taxonomy import Taxonomy, build_taxonomy, taxonomy, unquoted
from ..queries.concepts import candidate_concepts

LINKS = (S.FACES, S.APPLIES, S.INSTANCE_OF)
RELINK_RETRIES = 10
_KEY = re.compile(r"[a-z0-9][a-z0-9.\-]{1,40}")


class ReviewError(ValueError):
    """A decision that cannot be made (``status``: 404 unknown candidate, 409 clash, 422 bad request)."""

    def __init__(self, status: int, zh: str, en: str):
        super().__init__(f"{zh} / {en}")
        self.status, self.zh, self.en = status, zh, en


def list_candidates(store: GraphStore, *, limit: int | None = None, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Candidates not yet decided, most used first, each with a few of the sentences naming it."""
    tx = taxonomy()
    items = [c for c in candidate_concepts(store) if not tx.is_rejected(c["label"], c["name"])]
    return (items[offset:] if limit is None else items[offset:offset + limit]), len(items)


def accept(store: GraphStore, path: Path, candidate_id: str, *, as_: str, actor: str, of: str | None = None,
           name: str | None = None, key: str | None = None, category: str | None = None) -> dict[str, Any]:
    """Accept a candidate: ``as_="new"`` makes it a canonical problem or measure (``name``, ``key``, ``category``
    optional), ``as_="synonym"`` adds its phrase to the concept ``of``. Returns what was decided."""
    if as_ not in ("new", "synonym"):
        raise ReviewError(422, "as 只能是 new 或 synonym", "as must be new or synonym")

    def decide(decisions: dict[str, Any], cand: dict[str, Any], tx: Taxonomy) -> dict[str, Any]:
        label, phrase = cand["label"], unquoted(cand["name"])   # "“积分超市”" is accepted as 积分超市
        if as_ == "synonym":
            target = tx.by_id.get(clean_name(of, "of", max_chars=120)) if of else None
            if target is None or target.label != label:
                raise ReviewError(422, f"of 应为已有{_kind(label)}的 id", f"of must be the id of an existing {label}")
            known = tx.resolve_name(label, phrase)
            if known is not None and known.id != target.id:
                raise ReviewError(409, f"“{phrase}”已是“{known.name}”的名称或同义词", f"{phrase!r} already names {known.id}")
            synonyms = decisions["synonyms"].setdefault(target.id, [])
            if phrase not in synonyms and phrase not in target.synonyms:
                synonyms.append(phrase)
            return {"as": "synonym", "concept": target.id, "name": target.name}
        if label == S.MODEL:
            raise ReviewError(422, "候选模式只能并入已有模式；新模式请写入 models.yaml（附来源）",
                              "a candidate model can only become a synonym; new models go into models.yaml")
        canonical = clean_name(name, "name", max_chars=40) if name else phrase
        slug = key if key else "r-" + hashlib.sha1(S.normalise_key(canonical).encode()).hexdigest()[:10]
        if not isinstance(slug, str) or not _KEY.fullmatch(slug):
            raise ReviewError(422, "key 只能用小写字母、数字、. 和 -（2–41 个字符）", "key must be 2-41 of a-z 0-9 . -")
        cid = S.concept_id(label, slug)
        if cid in tx.by_id:
            raise ReviewError(409, f"id {cid} 已存在", f"{cid} already exists")
        for form in {canonical, phrase}:
            known = tx.resolve_name(label, form)
            if known is not None:
                raise ReviewError(409, f"“{form}”已是“{known.name}”的名称或同义词，请作为同义词合并",
                                  f"{form!r} already names {known.id}; merge it as a synonym")
        entry: dict[str, Any] = {"id": slug, "name": canonical}
        if category:
            entry["category"] = clean_name(category, "category", max_chars=20)
        if phrase != canonical:
            entry["synonyms"] = [phrase]
        entry.update(accepted_by=actor, accepted_at=utc_now(), accepted_from=cand["id"])
        decisions["problems" if label == S.PROBLEM else "measures"].append(entry)
        return {"as": "new", "concept": cid, "name": canonical}

    return _decide(store, path, candidate_id, "accept", actor, decide)


def reject(store: GraphStore, path: Path, candidate_id: str, *, actor: str, reason: str | None = None) -> dict[str, Any]:
    """Reject a candidate: its phrase is dropped from the cases that carry it and never proposed again."""
    note = clean_note(reason, "reason")

    def decide(decisions: dict[str, Any], cand: dict[str, Any], tx: Taxonomy) -> dict[str, Any]:
        decisions["rejected"].append({"id": cand["id"], "label": cand["label"], "name": cand["name"], "by": actor,
                                      "at": utc_now(), **({"reason": note} if note else {})})
        return {"rejected": True, **({"reason": note} if note else {})}

    return _decide(store, path, candidate_id, "reject", actor, decide)


def _decide(store: GraphStore, path: Path, candidate_id: str, action: str, actor: str,
            decide: Callable[[dict[str, Any], dict[str, Any], Taxonomy], dict[str, Any]]) -> dict[str, Any]:
    node = store.get_node(candidate_id[:200])
    if node is None or node.label not in (S.PROBLEM, S.MEASURE, S.MODEL) or not node.props.get("candidate"):
        raise ReviewError(404, f"没有待审核的候选：{candidate_id[:200]}", f"no candidate {candidate_id[:200]!r}")
    cand = {"id": node.id, "label": node.label, "name": str(node.props.get("name") or "")}
    with accepted.lock(path):
        decisions = _load(path)
        old = copy.deepcopy(decisions)
        if action == "reject" and build_taxonomy(decisions).is_rejected(cand["label"], cand["name"]):
            outcome = {"rejected": True}   # decided before (e.g. by another process): re-link only
        else:
            outcome = decide(decisions, cand, build_taxonomy(decisions))
        tx = build_taxonomy(decisions)
        accepted.write(path, decisions)
        try:
            cases = _relink(store, cand, tx, lambda ids: AuditEntry(
                actor, action, cand["id"], {"label": cand["label"], "name": cand["name"], "cases": ids},
                {**outcome, "cases": len(ids)}))
        except BaseException:
            accepted.write(path, old)   # the store refused: the decision is not made
            raise
    return {"candidate": cand, **outcome, "cases": cases}


def _load(path: Path) -> dict[str, Any]:
    try:
        return accepted.load(path)
    except ValueError as exc:   # the decisions file is damaged: no decision can be added to it safely
        raise ReviewError(503, f"审核结果文件无法读取，请管理员修复：{path.name}",
                          f"the review decisions file cannot be read; an admin must repair {path.name}") from exc


def _relink(store: GraphStore, cand: dict[str, Any], tx: Taxonomy,
            audit: Callable[[list[str]], AuditEntry]) -> list[str]:
    """Rebuild every case carrying the candidate through ``tx``, all in one transaction (again from the cases as
    they are now if one changed meanwhile)."""
    for _ in range(RELINK_RETRIES):
        ids = sorted({e.src for e in store.edges_of(cand["id"], types=LINKS, direction="in")})
        stored = [found for found in (store.case_graph(i) for i in ids) if found is not None]
        graphs = [rebuild(g, lambda case: None, tx) for g, _ in stored]
        try:
            store.commit(Commit(graphs=graphs, versions={g.id: v for g, v in stored}, audit=[audit(ids)]))
            return ids
        except VersionConflict:
            continue
    raise ReviewError(409, "案例持续被修改，请稍后再试", "cases kept changing; try again")


def _kind(label: str) -> str:
    return {S.PROBLEM: "问题", S.MEASURE: "做法", S.MODEL: "模式"}[label]
