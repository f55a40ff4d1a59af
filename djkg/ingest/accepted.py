"""Taxonomy review decisions, kept in the data directory (``Settings.accepted_concepts_path``) beside the store:

    problems / measures   new canonical concepts, each an entry as in ``ingest/data/problems.yaml`` plus who
                          accepted it, when, and from which candidate
    synonyms              concept id → phrases accepted as synonyms of an existing concept
    rejected              [{id, label, name, by, at}] phrases never proposed again

``taxonomy()`` merges the file into the shipped lexicons and reloads when it changes (no restart);
``export`` writes the merged lexicons in the form of ``ingest/data/*.yaml`` for a release. Writers hold an
exclusive lock on ``<file>.lock`` (``lock``) and replace the file atomically (``write``), so concurrent reviewers
never lose a decision.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from pathlib import Path
from typing import Any, Iterator

import yaml

from ..core.yamlio import safe_load

_LISTS = ("problems", "measures")
_REVIEW_KEYS = ("accepted_by", "accepted_at", "accepted_from")   # bookkeeping, not part of a release entry
_HEADER = ("# djkg：分类词表审核结果（由 API / 命令行写入，请勿手工编辑）\n"
           "# taxonomy review decisions (written by djkg; `djkg taxonomy export` turns them into release YAML)\n")


def empty() -> dict[str, Any]:
    return {"problems": [], "measures": [], "synonyms": {}, "rejected": []}


def stamp(path: Path | None) -> tuple[int, int, int] | None:
    """What identifies one version of the file (None when there is none): checked on every ``taxonomy()``."""
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def load(path: Path | None) -> dict[str, Any]:
    """The decisions in ``path``; a missing file is no decision. A damaged file raises ``ValueError``."""
    data = empty()
    if path is None or not path.exists():
        return data
    try:
        raw = safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: 无法解析 / cannot parse: {exc}") from exc
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: 不是审核结果文件 / not a review decisions file")
    for key in _LISTS + ("rejected",):
        data[key] = [x for x in (raw.get(key) or []) if isinstance(x, dict)]
    data["synonyms"] = {str(k): [str(x) for x in (v or [])] for k, v in (raw.get("synonyms") or {}).items()}
    return data


@contextlib.contextmanager
def lock(path: Path) -> Iterator[None]:
    """An exclusive lock on the decisions file, held while the block reads, decides and ``write``s."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write(path: Path, data: dict[str, Any]) -> None:
    text = _HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def merge(base: dict[str, Any], decisions: dict[str, Any]) -> dict[str, Any]:
    """Taxonomy data (the dict ``Taxonomy`` is built from) with the decisions merged in; ``base`` is not changed.
    Synonyms attach to the concept whose node id they name (``problem:<id>`` …), new concepts are appended."""
    out = dict(base)
    for key, prefix in (("problems", "problem"), ("measures", "measure"), ("models", "model")):
        entries = [dict(e) for e in base.get(key) or []]
        entries += [{k: v for k, v in e.items() if k not in _REVIEW_KEYS} for e in decisions.get(key) or []]
        for e in entries:
            extra = decisions["synonyms"].get(f"{prefix}:{e['id']}")
            if extra:
                e["synonyms"] = [*(e.get("synonyms") or []), *[s for s in extra if s not in (e.get("synonyms") or [])]]
        out[key] = entries
    out["rejected"] = [{"label": r.get("label"), "name": r.get("name")} for r in decisions.get("rejected") or []]
    return out


def export(base: dict[str, Any], decisions: dict[str, Any], out_dir: Path,
           headers: dict[str, str] | None = None) -> list[Path]:
    """Write problems.yaml, measures.yaml and models.yaml with the decisions merged, in the shipped form (one
    entry per concept, flow-style lists), each under the header comment of its shipped file."""
    merged = merge(base, decisions)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for key in ("problems", "measures", "models"):
        body = yaml.dump(merged[key], Dumper=_FlowLists, allow_unicode=True, sort_keys=False, width=120)
        path = out_dir / f"{key}.yaml"
        write_text = (headers or {}).get(key, "") + body
        path.write_text(write_text, encoding="utf-8")
        written.append(path)
    return written


class _FlowLists(yaml.SafeDumper):
    """Lists of scalars inline (``synonyms: [a, b]``) as in the shipped files; entries stay block mappings."""


def _represent_list(dumper: yaml.SafeDumper, data: list) -> Any:
    flow = all(not isinstance(x, (dict, list)) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_FlowLists.add_representer(list, _represent_list)
