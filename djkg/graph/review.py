"""What people add beside the extracted facts, as both stores keep it: corrections of a case, the audit trail, and
the one write (``Commit``) that carries them together with the case graphs they change.

A case's *version* is the content hash of its stored CaseGraph (``CaseGraph.content_hash``): every write that
changes the case changes it, a re-ingest that changes nothing keeps it. A writer that computed a case from one
version names it in ``Commit.versions``; the store compares inside the write transaction and raises
``VersionConflict`` when the case moved on, so no update is ever lost.

Corrections are stored as the resolved change an editor made (``ingest/corrections.py`` defines its keys); ingest
re-applies them to every new extraction of the case and names how many it applied in ``Commit.corrections_seen``,
so a correction that lands while a batch is being built makes the store refuse that batch (``CorrectionsChanged``)
instead of writing the case without it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from .schema import CaseGraph

# actions the audit trail records (the API filters by them)
AUDIT_ACTIONS: tuple[str, ...] = ("ingest", "correct", "accept", "reject", "key.add", "key.revoke")


def utc_text(moment: datetime) -> str:
    """Audit and correction times: ISO 8601 in UTC with microseconds, so text order is time order (a naive
    ``moment`` is taken as UTC). A moment whose UTC time falls outside the calendar datetime can hold
    ("0001-01-01T00:00+00:01") is its first or last instant, which sorts before or after every stored time alike."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    try:
        moment = moment.astimezone(timezone.utc)
    except OverflowError:
        edge = datetime.min if moment.year == datetime.min.year else datetime.max
        moment = edge.replace(tzinfo=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def utc_now() -> str:
    return utc_text(datetime.now(timezone.utc))


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Correction:
    case_id: str
    change: dict[str, Any]       # resolved change (keys in ingest/corrections.py)
    actor: str                   # key name ("env" for DJKG_API_KEY, "cli:<user>" on the command line)
    note: str = ""
    at: str = ""                 # set by the store when written (unless given, e.g. by a copy)
    seq: int = 0                 # set by the store: order of application

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "case_id": self.case_id, "at": self.at, "actor": self.actor, "note": self.note,
                "change": self.change}


@dataclass(frozen=True)
class AuditEntry:
    actor: str
    action: str                  # one of AUDIT_ACTIONS
    target: str                  # case id, concept id or key name
    before: Any = None
    after: Any = None
    at: str = ""
    seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "actor": self.actor, "action": self.action, "target": self.target,
                "before": self.before, "after": self.after}


@dataclass
class Commit:
    """One atomic write: case graphs, the corrections and audit entries that go with them, and what the writer
    expects to find (checked inside the transaction, before anything is written)."""

    graphs: list[CaseGraph] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)          # case id → version the change was made from
    corrections_seen: dict[str, int] | None = None                  # case id → corrections applied (ingest)
    corrections: list[Correction] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    # (actor, action): one audit entry per case this commit inserts or changes, before/after = its versions
    audit_graphs: tuple[str, str] | None = None


class VersionConflict(Exception):
    """The case changed since the writer read it (``current`` is its version now, "" when it is gone)."""

    def __init__(self, case_id: str, expected: str, current: str):
        super().__init__(f"案例 {case_id} 已被修改（当前版本 {current or '无'}）/ case {case_id} changed: "
                         f"expected version {expected}, now {current or 'none'}")
        self.case_id, self.expected, self.current = case_id, expected, current


class CorrectionsChanged(Exception):
    """Corrections of a case were added after the writer read them: rebuild with the current ones and retry."""

    def __init__(self, case_id: str):
        super().__init__(f"案例 {case_id} 的更正在写入前有变化 / corrections of {case_id} changed before the write")
        self.case_id = case_id


def check_expectations(commit: Commit, versions: dict[str, str], counts: dict[str, int]) -> None:
    """Raise if the stored state differs from what the writer expects (both stores call this inside the write
    transaction with the versions and correction counts they read there)."""
    for cid, expected in commit.versions.items():
        if versions.get(cid, "") != expected:
            raise VersionConflict(cid, expected, versions.get(cid, ""))
    if commit.corrections_seen is not None:
        for cid, seen in commit.corrections_seen.items():
            if counts.get(cid, 0) != seen:
                raise CorrectionsChanged(cid)


def commit_case_ids(commit: Commit) -> list[str]:
    """Every case a commit reads or writes, sorted (the order locks are taken in)."""
    ids = {g.id for g in commit.graphs} | set(commit.versions) | set(commit.corrections_seen or ())
    ids |= {c.case_id for c in commit.corrections}
    return sorted(ids)


def graph_audit(commit: Commit, statuses: list[str], before: dict[str, str], after: list[str]) -> list[AuditEntry]:
    """The per-case audit entries of ``commit.audit_graphs`` for the graphs that were inserted or changed
    (``before``: stored versions read in the transaction; ``after``: the graphs' new versions, in order)."""
    if commit.audit_graphs is None:
        return []
    actor, action = commit.audit_graphs
    out = []
    for graph, status, version in zip(commit.graphs, statuses, after):
        if status == "unchanged":
            continue
        out.append(AuditEntry(actor, action, graph.id, {"version": before.get(graph.id) or None},
                              {"version": version, "status": status, "source": graph.case.props.get("source")}))
    return out
