"""The taxonomy as data: problems, measures, models, outcome metrics, fields, cue words (ingest/data/*.yaml),
plus the concepts accepted in review (``accepted.py``, a file in the data directory).

Built once per version of that file (``taxonomy()`` checks its stamp on every call and rebuilds when a reviewer
changed it, so acceptances take effect without a restart), with one Aho–Corasick automaton over every surface
form, so matching a whole case is a single pass over its text. A synonym ``"A&B"`` matches when all its parts
occur in the same sentence. jieba gets a user dictionary built from the same names and synonyms.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from ..graph import schema as S
from . import accepted
from .normalise import normalise_short


@dataclass(frozen=True)
class Concept:
    id: str            # graph node id (problem:…, measure:…, model:…)
    key: str           # taxonomy slug
    label: str         # Problem / Measure / Model
    name: str
    category: str = ""
    synonyms: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def props(self) -> dict[str, Any]:
        props: dict[str, Any] = {"name": self.name, "key": self.key}
        if self.category:
            props["category"] = self.category
        if self.synonyms:
            props["synonyms"] = list(self.synonyms)
        for k in ("summary", "origin", "since", "fields"):
            if self.extra.get(k) not in (None, "", []):
                props[k] = self.extra[k]
        return props


@dataclass(frozen=True)
class Metric:
    id: str
    name: str
    cues: tuple[str, ...]
    direction: str
    units: tuple[str, ...]


@dataclass(frozen=True)
class Pattern:
    concept: Concept
    parts: tuple[str, ...]
    surface: str


class Taxonomy:
    def __init__(self, data: dict[str, Any]):
        self.problems = self._concepts(data.get("problems", []), S.PROBLEM)
        self.measures = self._concepts(data.get("measures", []), S.MEASURE)
        self.models = self._concepts(data.get("models", []), S.MODEL)
        self.metrics = [Metric(m["id"], m["name"], tuple(m.get("cues") or [m["name"]]),
                               m.get("direction", "up"), tuple(m.get("units") or ()))
                        for m in data.get("metrics", [])]
        # phrases rejected in review: never proposed as candidates again
        self.rejected: set[tuple[str, str]] = {(str(r.get("label")), S.normalise_key(normalise_short(r.get("name"))))
                                               for r in data.get("rejected") or []}
        self.fields: dict[str, Any] = data.get("fields", {}) or {}
        self.cues: dict[str, Any] = data.get("cues", {}) or {}
        self._cue_cache: dict[str, list[str]] = {}
        self._jieba_loaded = False   # tokenizer() has given jieba this taxonomy's words
        self._forms_cache: dict[str, tuple[str, ...]] = {}
        self.by_id: dict[str, Concept] = {c.id: c for group in (self.problems, self.measures, self.models)
                                          for c in group.values()}
        self.by_name: dict[tuple[str, str], Concept] = {}
        for c in self.by_id.values():
            self.by_name[(c.label, S.normalise_key(c.name))] = c
            for syn in c.synonyms:
                if "&" not in syn:
                    self.by_name.setdefault((c.label, S.normalise_key(syn)), c)
        self.patterns: list[Pattern] = []
        self.automaton = ahocorasick.Automaton()
        uses: dict[str, int] = {}
        for c in self.by_id.values():
            for surface in _with_variants((c.name, *c.synonyms)):
                parts = tuple(dict.fromkeys(p for p in (normalise_short(x) for x in surface.split("&")) if p))
                if not parts:
                    continue
                self.patterns.append(Pattern(c, parts, surface))
                for part in parts:
                    uses[part] = uses.get(part, 0) + 1
        # each pattern hangs off its rarest part (its anchor): a sentence is checked only for the patterns
        # anchored in the parts it contains, not for every pattern sharing a common part such as 党员
        anchored: dict[str, list[int]] = {}
        for idx, pat in enumerate(self.patterns):
            anchor = min(pat.parts, key=lambda p: (uses[p], -len(p)))
            anchored.setdefault(anchor, []).append(idx)
        for part in uses:
            self.automaton.add_word(part, (part, tuple(anchored.get(part, ()))))
        if uses:
            self.automaton.make_automaton()
        self._metric_automaton = ahocorasick.Automaton()
        for i, m in enumerate(self.metrics):
            for cue in (m.name, *m.cues):
                cue = normalise_short(cue)
                if cue:
                    existing = self._metric_automaton.get(cue, None)
                    if existing is None:
                        self._metric_automaton.add_word(cue, (cue, i))
        if self.metrics:
            self._metric_automaton.make_automaton()

    @staticmethod
    def _concepts(items: list[dict[str, Any]], label: str) -> dict[str, Concept]:
        out = {}
        for it in items:
            key = str(it["id"])
            cid = S.concept_id(label, key)
            extra = {k: v for k, v in it.items() if k not in ("id", "name", "category", "synonyms")}
            out[cid] = Concept(cid, key, label, normalise_short(it["name"]), str(it.get("category") or ""),
                               tuple(str(s) for s in (it.get("synonyms") or [])), extra)
        return out

    # --- matching ---------------------------------------------------------------------------------

    def match_spans(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, Concept, str]]:
        """Concepts found in each span (sentence): [(span index, concept, matched surface)]."""
        if not self.patterns:
            return []
        import bisect
        starts = [s for s, _ in spans]
        # the distinct parts seen in each sentence (a common part such as 党员 occurs many times) …
        seen_parts: dict[int, dict[str, tuple[int, ...]]] = {}
        for end, (part, anchored) in self.automaton.iter(text):
            begin = end - len(part) + 1
            k = bisect.bisect_right(starts, begin) - 1
            if k < 0 or end >= spans[k][1]:
                continue  # crosses a sentence boundary
            seen_parts.setdefault(k, {})[part] = anchored
        # … then the patterns anchored in them whose other parts are there too
        out: list[tuple[int, Concept, str]] = []
        for k in sorted(seen_parts):
            parts = seen_parts[k]
            hits = sorted(idx for anchored in parts.values() for idx in anchored
                          if all(p in parts for p in self.patterns[idx].parts))
            seen: set[str] = set()
            for idx in hits:
                pat = self.patterns[idx]
                if pat.concept.id not in seen:
                    seen.add(pat.concept.id)
                    out.append((k, pat.concept, pat.surface))
        return out

    def metric_cues(self, text: str) -> list[tuple[int, int, Metric]]:
        if not self.metrics:
            return []
        return [(end - len(cue) + 1, end + 1, self.metrics[i])
                for end, (cue, i) in self._metric_automaton.iter(text)]

    def resolve_name(self, label: str, name: str | None) -> Concept | None:
        if not name:
            return None
        return self.by_name.get((label, S.normalise_key(normalise_short(name))))

    def is_rejected(self, label: str, name: str | None) -> bool:
        return bool(self.rejected) and (label, S.normalise_key(normalise_short(name))) in self.rejected

    def cue_list(self, key: str) -> list[str]:
        hit = self._cue_cache.get(key)
        if hit is None:  # normalised once per process, not once per document
            hit = self._cue_cache[key] = [normalise_short(x) for x in (self.cues.get(key) or [])]
        return hit

    def plain_forms(self, concept: Concept) -> tuple[str, ...]:
        """The concept's name and single-part synonyms, normalised (cached)."""
        hit = self._forms_cache.get(concept.id)
        if hit is None:
            hit = self._forms_cache[concept.id] = tuple(
                f for f in (normalise_short(x) for x in (concept.name, *concept.synonyms) if "&" not in x) if f)
        return hit

    def user_dictionary(self) -> list[str]:
        words = set()
        for c in self.by_id.values():
            for surface in (c.name, *c.synonyms):
                for part in surface.split("&"):
                    part = normalise_short(part)
                    if 2 <= len(part) <= 16:
                        words.add(part)
        for m in self.metrics:
            words.update(normalise_short(x) for x in (m.name, *m.cues) if len(x) >= 2)
        return sorted(words)


_MEI = re.compile(r"没(?!有)")


def _with_variants(surfaces: tuple[str, ...]) -> list[str]:
    """Surfaces plus their everyday variants: people write 没收入 as often as 没有收入 (and the reverse)."""
    out = list(dict.fromkeys(surfaces))
    for surface in surfaces:
        variant = surface.replace("没有", "没") if "没有" in surface else _MEI.sub("没有", surface)
        if variant != surface and variant not in out:
            out.append(variant)
    return out


def _load_yaml(name: str) -> Any:
    ref = resources.files("djkg.ingest").joinpath("data", name)
    try:
        return yaml.safe_load(ref.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


@lru_cache(maxsize=1)
def base_data() -> dict[str, Any]:
    """The shipped lexicons as loaded (shared: callers copy before changing anything)."""
    return {
        "problems": _load_yaml("problems.yaml") or [],
        "measures": _load_yaml("measures.yaml") or [],
        "models": _load_yaml("models.yaml") or [],
        "metrics": _load_yaml("metrics.yaml") or [],
        "fields": _load_yaml("fields.yaml") or {},
        "cues": _load_yaml("cues.yaml") or {},
    }


def shipped_header(name: str) -> str:
    """The leading comment of a shipped lexicon file (kept when the review export rewrites it)."""
    text = resources.files("djkg.ingest").joinpath("data", name).read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#") and line.strip():
            break
        lines.append(line)
    return "".join(lines)


# the data directory's review decisions file, if any (set by the CLI and the API for the data dir they serve)
_accepted_path: Path | None = None


def use_accepted_concepts(path: Path | None) -> None:
    """Make ``taxonomy()`` include the review decisions in ``path`` (None: the shipped lexicons only)."""
    global _accepted_path
    _accepted_path = path


def accepted_path() -> Path | None:
    return _accepted_path


def build_taxonomy(decisions: dict[str, Any] | None) -> Taxonomy:
    """A taxonomy with the given review decisions (a reviewer's proposal before it is written)."""
    return Taxonomy(accepted.merge(base_data(), decisions) if decisions else base_data())


def taxonomy() -> Taxonomy:
    path = _accepted_path
    return _taxonomy_for(path, accepted.stamp(path))


@lru_cache(maxsize=4)
def _taxonomy_for(path: Path | None, stamp: tuple[int, int, int] | None) -> Taxonomy:
    if stamp is None:
        return build_taxonomy(None)
    try:
        return build_taxonomy(accepted.load(path))
    except (ValueError, yaml.YAMLError, KeyError, TypeError) as exc:   # a damaged file must not stop ingest
        import logging
        logging.getLogger("djkg.taxonomy").error("审核结果文件无法读取，已忽略 / review file ignored: %s: %s", path, exc)
        return build_taxonomy(None)


_jieba_lock = threading.Lock()
_jieba_words: set[str] | None = None   # the user-dictionary words jieba has been given


def tokenizer():
    """jieba, initialised once per process with our user dictionary (never per sentence); words of concepts
    accepted later are added when the taxonomy changes."""
    global _jieba_words
    import jieba
    tx = taxonomy()
    if _jieba_words is None or not tx._jieba_loaded:
        with _jieba_lock:
            if _jieba_words is None:
                import logging
                jieba.setLogLevel(logging.WARNING)
                jieba.initialize()
                _jieba_words = set()
            for word in tx.user_dictionary():
                if word not in _jieba_words:
                    jieba.add_word(word, freq=2000)
                    _jieba_words.add(word)
            tx._jieba_loaded = True
    return jieba
