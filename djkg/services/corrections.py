"""Correcting a case (the API's PATCH and the CLI share this): the request resolved against the stored case,
applied and rebuilt, then written in one transaction with the correction kept beside the facts and an audit
entry — only if the case is still at the version the editor saw."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..graph.review import AuditEntry, Commit, Correction, VersionConflict
from ..graph.store import GraphStore
from ..ingest.corrections import apply, case_from_graph, clean_note, describe, rebuild, resolve
from ..ingest.taxonomy import taxonomy


class CaseNotFound(LookupError):
    pass


@dataclass
class CorrectionResult:
    case_id: str
    version: str          # the case's version after the correction
    status: str           # updated / unchanged (the facts already were as asked)
    change: dict[str, Any]


def correct_case(store: GraphStore, case_id: str, request: dict[str, Any], *, version: str, actor: str,
                 note: str = "") -> CorrectionResult:
    """Raises ``CaseNotFound``, ``VersionConflict`` (the case is not at ``version``; nothing written) or
    ``CorrectionError`` (the request names something unknown; nothing written)."""
    note = clean_note(note)
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
    after = case_from_graph(new)
    new_version = new.content_hash()
    keys = list(change)
    entry = AuditEntry(actor, "correct", case_id, {"version": current, **describe(before, keys)},
                       {"version": new_version, **describe(after, keys), **({"note": note} if note else {})})
    statuses = store.commit(Commit(graphs=[new], versions={case_id: current},
                                   corrections=[Correction(case_id, change, actor, note)], audit=[entry]))
    return CorrectionResult(case_id, new_version, statuses[0], change)
