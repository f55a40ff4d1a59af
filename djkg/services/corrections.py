"""Correcting a case (the API's PATCH, the pages' edit mode and the CLI share this): the request resolved against
the stored case, applied and rebuilt, then written in one transaction with the correction kept beside the facts
and an audit entry — only if the case is still at the version the editor saw."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..graph.review import AuditEntry, Commit, Correction, VersionConflict
from ..graph.schema import CaseGraph
from ..graph.store import GraphStore
from ..ingest.corrections import apply, case_from_graph, clean_note, describe, rebuild, resolve
from ..ingest.extract import ExtractedCase
from ..ingest.taxonomy import taxonomy


class CaseNotFound(LookupError):
    pass


@dataclass
class CorrectionResult:
    case_id: str
    version: str          # the case's version after the correction
    status: str           # updated / unchanged (the facts already were as asked)
    change: dict[str, Any]


@dataclass
class Planned:
    """A correction worked out but not written: the case before and after, and the change to store."""
    version: str
    before: ExtractedCase
    after: ExtractedCase
    graph: CaseGraph
    change: dict[str, Any]


def plan_correction(store: GraphStore, case_id: str, request: dict[str, Any], *, version: str) -> Planned:
    """Raises ``CaseNotFound``, ``VersionConflict`` (the case is not at ``version``) or ``CorrectionError``
    (the request names something unknown). Writes nothing: a preview shows ``before`` and ``after``."""
    found = store.case_graph(case_id)
    if found is None:
        raise CaseNotFound(case_id)
    graph, current = found
    if version != current:
        raise VersionConflict(case_id, version, current)
    tx = taxonomy()
    before = case_from_graph(graph)
    change = resolve(request, before, tx)
    new = rebuild(graph, lambda case: apply(case, change, tx), tx)
    return Planned(current, before, case_from_graph(new), new, change)


def correct_case(store: GraphStore, case_id: str, request: dict[str, Any], *, version: str, actor: str,
                 note: str = "") -> CorrectionResult:
    """Make the correction: written only if the case is still at ``version`` (``VersionConflict`` otherwise,
    checked again inside the write transaction)."""
    note = clean_note(note)
    plan = plan_correction(store, case_id, request, version=version)
    new_version = plan.graph.content_hash()
    keys = list(plan.change)
    entry = AuditEntry(actor, "correct", case_id, {"version": plan.version, **describe(plan.before, keys)},
                       {"version": new_version, **describe(plan.after, keys), **({"note": note} if note else {})})
    statuses = store.commit(Commit(graphs=[plan.graph], versions={case_id: plan.version},
                                   corrections=[Correction(case_id, plan.change, actor, note)], audit=[entry]))
    return CorrectionResult(case_id, new_version, statuses[0], plan.change)
