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
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import chain, product
from pathlib import Path
from typing import Any, Callable

import yaml

from ..core.yamlio import safe_load
from ..graph import schema as S
from . import accepted
from .jieba_tables import initialise
from .normalise import blank, normalise_short
from .wordscan import WordScanner


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
    surface: str            # as listed; a variant pattern's surface starts with "~"
    window: int = 0         # variant patterns: all parts within this many characters (0: anywhere in the span)


# Words of lack are interchangeable in a variant ("没什么集体收入" says what "没有集体收入" says).
LACK = "〈缺〉"
# words too common to make a variant on their own ("书记为第一责任人" is not 第一书记)
COMMON_WORDS = frozenset("第一 书记 党员 群众 工作 服务 党建 社区 村民 居民 管理 建设 发展 问题 组织 干部 支部 活动 中心 机制 "
                         "平台 单位 企业 项目 制度 作用 服务队".split())
LACK_WORDS = ("没有", "没", "无", "缺乏", "缺少", "缺")
MIN_VARIANT_CHARS = 4
PARTICLES = ("的", "了", "过", "着")
_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


class Taxonomy:
    def __init__(self, data: dict[str, Any]):
        self.problems = self._concepts(data.get("problems", []), S.PROBLEM)
        self.measures = self._concepts(data.get("measures", []), S.MEASURE)
        self.models = self._concepts(data.get("models", []), S.MODEL)
        self.metrics = [Metric(m["id"], m["name"], tuple(m.get("cues") or [m["name"]]),
                               m.get("direction", "up"), tuple(m.get("units") or ()))
                        for m in data.get("metrics", [])]
        # phrases rejected in review: never proposed as candidates again
        self.rejected: set[tuple[str, str]] = {(str(r.get("label")), phrase_key(r.get("name")))
                                               for r in data.get("rejected") or []}
        self.fields: dict[str, Any] = data.get("fields", {}) or {}
        self.cues: dict[str, Any] = data.get("cues", {}) or {}
        self._cue_cache: dict[str, list[str]] = {}
        self._forms_cache: dict[str, tuple[str, ...]] = {}
        # set phrases whose words name no concept (cues.yaml set_phrases), longest first: blanked before matching
        phrases = sorted(self.cue_list("set_phrases"), key=len, reverse=True)
        self._set_phrases = re.compile("|".join(map(re.escape, phrases))) if phrases else None
        self.by_id: dict[str, Concept] = {c.id: c for group in (self.problems, self.measures, self.models)
                                          for c in group.values()}
        self.by_name: dict[tuple[str, str], Concept] = {}
        for c in self.by_id.values():
            self.by_name[(c.label, S.normalise_key(c.name))] = c
            for syn in c.synonyms:
                if "&" not in syn:
                    self.by_name.setdefault((c.label, S.normalise_key(syn)), c)
        self.patterns: list[Pattern] = []
        equivalents = {normalise_short(k): tuple(normalise_short(x) for x in v)
                       for k, v in (self.cues.get("word_equivalents") or {}).items()}
        for c in self.by_id.values():
            for surface in _with_variants((c.name, *c.synonyms)):
                parts = tuple(dict.fromkeys(p for p in (normalise_short(x) for x in surface.split("&")) if p))
                for said in _said_otherwise(parts, equivalents):
                    # a one-character part ("集体经济&弱") must sit close to the rest, or 软弱涣散 would supply it
                    short = len(said) > 1 and any(len(p) == 1 for p in said)
                    window = sum(len(p) for p in said) + 6 if short else 0
                    self.patterns.append(Pattern(c, said, surface, window))
        self._variants_added = False
        self._variants_lock = threading.Lock()
        self._build_automaton()
        metric_cues: dict[str, tuple[str, int]] = {}
        for i, m in enumerate(self.metrics):
            for cue in (m.name, *m.cues):
                cue = normalise_short(cue)
                if cue and cue not in metric_cues:   # the first metric listing a cue keeps it
                    metric_cues[cue] = (cue, i)
        self._metric_automaton = WordScanner(metric_cues)

    def _build_automaton(self) -> None:
        uses: dict[str, int] = {}
        for pat in self.patterns:
            for part in pat.parts:
                uses[part] = uses.get(part, 0) + 1
        # each pattern hangs off its rarest part (its anchor): a sentence is checked only for the patterns
        # anchored in the parts it contains, not for every pattern sharing a common part such as 党员
        anchored: dict[str, list[int]] = {}
        # per pattern, what ``match_spans`` checks once its anchor is seen (its anchor is then there by definition):
        # (concept id, its other part when it has one other, the set of them when more, whether a window is
        # checked, whether it is one two-character word)
        checks: list[tuple[str, str | None, frozenset[str] | None, bool, bool]] = []
        for idx, pat in enumerate(self.patterns):
            anchor = min(pat.parts, key=lambda p: (uses[p], -len(p)))
            anchored.setdefault(anchor, []).append(idx)
            others = frozenset(p for p in pat.parts if p != anchor)
            checks.append((pat.concept.id, next(iter(others)) if len(others) == 1 else None,
                           others if len(others) > 1 else None, bool(pat.window),
                           len(pat.parts) == 1 and len(pat.parts[0]) == 2))
        windowed = {part for pat in self.patterns if pat.window for part in pat.parts}
        surfaces: dict[str, list[tuple[str, tuple[int, ...], bool]]] = {}
        for part in uses:
            for surface in (LACK_WORDS if part == LACK else (part,)):
                surfaces.setdefault(surface, []).append((part, tuple(anchored.get(part, ())), part in windowed))
        self.automaton = WordScanner({surface: (len(surface), tuple(entries))
                                      for surface, entries in surfaces.items()})
        self._checks = checks

    def _ensure_variants(self) -> None:
        """Word-order and inserted-word variants of every listed surface (土地流转 ~ 流转土地, 一窗受理 ~ 一窗式受理,
        建不起支部 ~ 建支部建不起来): its words, in any order, close together. Added on first use, because the words
        come from jieba's own dictionary (our user words would keep a surface in one piece)."""
        if self._variants_added:
            return
        with self._variants_lock:
            if self._variants_added:
                return
            exact = {(p.concept.id, p.parts) for p in self.patterns}
            for c in self.by_id.values():
                if c.label == S.MODEL:
                    continue   # a model is named, not paraphrased
                for surface in self.plain_forms(c):
                    if c.label == S.PROBLEM and len(surface) < MIN_VARIANT_CHARS:
                        # a one-character verb and its word (闹别扭, 跑几趟) said with a particle between them, in
                        # the listed order: 闹的别扭, 跑了几趟 (any order or a wider gap reads 没让矛盾闹大 as 闹矛盾)
                        words = plain_segments(surface)
                        if len(words) == 2 and len(words[0]) == 1 and len(words[1]) >= 2 \
                                and _WORDLIKE.fullmatch(surface):
                            for particle in PARTICLES:
                                said = words[0] + particle + words[1]
                                if (c.id, (said,)) not in exact:
                                    exact.add((c.id, (said,)))
                                    self.patterns.append(Pattern(c, (said,), "~" + surface))
                        continue
                    if len(surface) < MIN_VARIANT_CHARS:
                        continue
                    parts = tuple(dict.fromkeys(LACK if w in LACK_WORDS else w for w in plain_segments(surface)))
                    if len(parts) < 2 or (c.id, parts) in exact or any(len(w) < 2 and w != LACK for w in parts) \
                            or not all(_WORDLIKE.fullmatch(w) for w in parts if w != LACK):
                        continue   # a single character or a punctuation mark is no word to find a variant by
                    if all(w in COMMON_WORDS or w == LACK or len(w) < 2 for w in parts):
                        continue
                    exact.add((c.id, parts))
                    window = len(surface) + min(4, len(surface) // 2)
                    self.patterns.append(Pattern(c, parts, "~" + surface, window))
            self._build_automaton()
            self._variants_added = True

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
        """Concepts found in each span (sentence): [(span index, concept, matched surface)]. A variant match
        reports its listed surface with a leading "~"."""
        if not self.patterns:
            return []
        self._ensure_variants()
        text = self._mask_slogans(text)
        starts = [s for s, _ in spans]
        # the distinct parts seen in each sentence (a common part such as 党员 occurs many times), and the hits in
        # it, in order (where the parts of variant patterns occur, whose window is checked: made when needed) …
        seen_parts: dict[int, dict[str, tuple[int, ...]]] = {}
        hits_in: dict[int, list[tuple[int, int, Any]]] = {}
        # (the hits come sentence by sentence, but for those around a particle: the sentence's dict and list are
        # looked up again only when the sentence changes)
        k_now, parts, hits_here = -1, {}, []
        for hit in self._hits(text):
            begin, last, entries = hit
            k = bisect_right(starts, begin) - 1
            if k < 0 or last >= spans[k][1]:
                continue  # crosses a sentence boundary
            if k != k_now:
                k_now = k
                if k in seen_parts:
                    parts, hits_here = seen_parts[k], hits_in[k]
                else:
                    parts = seen_parts[k] = {}
                    hits_here = hits_in[k] = []
            for part, anchored, _windowed in entries:
                if part not in parts:
                    parts[part] = anchored
            hits_here.append(hit)
        # … then the patterns anchored in them whose other parts are there too (close enough, for variants)
        out: list[tuple[int, Concept, str]] = []
        patterns, checks = self.patterns, self._checks
        for k in sorted(seen_parts):
            parts = seen_parts[k]
            seen: set[str] = set()
            present = parts.keys()
            positions: dict[str, list[int]] | None = None
            for idx in sorted(set().union(*parts.values())):
                cid, other, others, windowed, two_chars = checks[idx]
                if cid in seen:
                    continue
                if (other is not None and other not in parts) or (others is not None and not present >= others):
                    continue
                pat = patterns[idx]
                if windowed:
                    if positions is None:
                        positions = _windowed_positions(hits_in[k])
                    if not _within(pat, positions, text):
                        continue
                if two_chars and not _aligned(text, spans[k], pat.parts[0]):
                    continue   # "协调解决" holds 调解 only across two words
                seen.add(cid)
                out.append((k, pat.concept, pat.surface))
        return out

    def _hits(self, text: str) -> list[tuple[int, int, Any]]:
        """(first, last index, entries) of every listed part in ``text`` — and of those found only when the text is
        read again without an aspect particle inside them ("党建和生产经营拧成了一股绳", "建起了支部"), at their place
        in the text."""
        hits = [(end - length + 1, end, entries) for end, (length, entries) in self.automaton.iter(text)]
        for compact, kept in chain(_around_particles(text), _around_quotes(text)):
            for end, (length, entries) in self.automaton.iter(compact):
                begin, last = kept[end - length + 1], kept[end]
                if last - begin >= length:   # a particle inside: not seen in the text itself
                    hits.append((begin, last, entries))
        return hits

    def _mask_slogans(self, text: str) -> str:
        """``text`` with set phrases blanked out (same length, so offsets hold): "共建共治共享" is a slogan about
        governance, not a joint-building measure; the words inside such phrases name no concept."""
        if self._set_phrases is None:
            return text
        return self._set_phrases.sub(blank, text)

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
        return bool(self.rejected) and (label, phrase_key(name)) in self.rejected

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


_QUOTES = re.compile(r"[“”\"‘’']")


def unquoted(phrase: str | None) -> str:
    """A phrase without quotation marks ("“积分超市”" → 积分超市): how a reviewed candidate is named."""
    return _QUOTES.sub("", normalise_short(phrase))


def phrase_key(phrase: str | None) -> str:
    """What variants of a phrase share for review decisions (quotation marks, width and spacing set aside)."""
    return S.normalise_key(unquoted(phrase))


_MEI = re.compile(r"没(?!有)")


_CLAUSE_BREAK = re.compile(r"[，；：,;:。！？!?]")


def _said_otherwise(parts: tuple[str, ...], equivalents: dict[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """``parts`` and, for a synonym of several words, the same with any of its words said another way ("党的工作"
    for 党建, "揉进" for 融入: cues.yaml word_equivalents) — one wording more for every synonym holding the word
    instead of each listed again. A one-word synonym is left alone: the other wording would name the concept by
    itself."""
    if not parts:
        return []
    if len(parts) < 2:
        return [parts]
    return [tuple(dict.fromkeys(p)) for p in product(*((w, *equivalents.get(w, ())) for w in parts))]


def _windowed_positions(hits: list[tuple[int, int, Any]]) -> dict[str, list[int]]:
    """Where each part of a variant pattern begins among ``hits``, in their order."""
    positions: dict[str, list[int]] = {}
    for begin, _, entries in hits:
        for part, _, windowed in entries:
            if windowed:
                positions.setdefault(part, []).append(begin)
    return positions


def _within(pat: Pattern, positions: dict[str, list[int]], text: str) -> bool:
    """Some occurrence of every part of ``pat`` lies inside one window of ``pat.window`` characters, in one clause:
    words across a comma belong to two statements ("打造‘红色物业联盟’，靠党建…" is no 党建联盟), and the part
    nearest in the same clause is the one that counts ("小区多，外来流动人口多": the second 多)."""
    first = pat.parts[0]
    for start in positions[first]:
        before = [m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - pat.window), start)]
        after = _CLAUSE_BREAK.search(text, start, start + len(first) + pat.window)
        clause_lo, clause_hi = (before[-1] if before else 0), (after.start() if after else len(text))
        lo, hi = start, start + 1
        ok = True
        for part in pat.parts[1:]:
            width = 1 if part == LACK else len(part)
            inside = [p for p in positions[part] if p >= clause_lo and p + width <= clause_hi]
            if not inside:
                ok = False
                break
            near = min(inside, key=lambda p: abs(p - start))
            lo, hi = min(lo, near), max(hi, near + width)
            if hi - lo > pat.window:
                ok = False
                break
        if ok and not _negated_inside(pat, text[lo:max(hi, start + len(first))]):
            return True
    return False


_NEGATION = re.compile("[不没未无非别]")


def _negated_inside(pat: Pattern, window: str) -> bool:
    """Whether a negation stands among a variant's words where its listed surface has none: "矛盾不上交" is the
    slogan against 矛盾上交, not the problem."""
    if _NEGATION.search(pat.surface) or LACK in pat.parts:
        return False
    for part in sorted(pat.parts, key=len, reverse=True):
        window = window.replace(part, "")
    return bool(_NEGATION.search(window))


def _aligned(text: str, span: tuple[int, int], word: str) -> bool:
    """Whether a two-character ``word`` occurs in the span without straddling two of jieba's words at least once
    ("协调|解决" holds 调解 across a word boundary; "调解纠纷" holds it inside one word)."""
    sentence = text[span[0]:span[1]]
    start = sentence.find(word)
    while start >= 0:
        # the words around this occurrence only (a few characters each side decide where jieba cuts)
        lo = max(0, start - 4)
        pos, bounds = lo, {lo}
        for w in _cut(sentence[lo:start + 6]):
            pos += len(w)
            bounds.add(pos)
        if start + 1 not in bounds or (start in bounds and start + 2 in bounds):
            return True
        start = sentence.find(word, start + 1)
    return False


@lru_cache(maxsize=16384)
def _cut(text: str) -> tuple[str, ...]:
    return tuple(tokenizer().lcut(text, HMM=False))


def plain_segments(surface: str) -> list[str]:
    """``surface`` cut into dictionary words other than itself, adjacent single characters joined
    ("一窗受理" → 一窗 / 受理, "建不起支部" → 建不起 / 支部, "集体经济薄弱" → 集体经济 / 薄弱)."""
    import math
    jieba = tokenizer()
    freq, total = jieba.dt.FREQ, jieba.dt.total
    n = len(surface)
    best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = []
        for j in range(i + 1, min(n, i + 8) + 1):
            w = surface[i:j]
            f = freq.get(w, 0)
            if (f > 0 and w != surface) or j == i + 1:
                options.append((math.log(max(f, 1) / total) + best[j][0], j))
        best[i] = max(options)
    words, i = [], 0
    while i < n:
        j = best[i][1]
        words.append(surface[i:j])
        i = j
    merged: list[str] = []
    for w in words:
        if merged and len(w) == 1 and len(merged[-1]) >= 1 and (len(merged[-1]) == 1 or merged[-1][-1:] in "不没无"):
            merged[-1] += w
        else:
            merged.append(w)
    return merged


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
        return safe_load(ref.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


@lru_cache(maxsize=1)
def base_data() -> dict[str, Any]:
    """The shipped lexicons as loaded (shared: callers copy before changing anything)."""
    data = {
        "problems": _load_yaml("problems.yaml") or [],
        "measures": _load_yaml("measures.yaml") or [],
        "models": _load_yaml("models.yaml") or [],
        "metrics": _load_yaml("metrics.yaml") or [],
        "fields": _load_yaml("fields.yaml") or {},
        "cues": _load_yaml("cues.yaml") or {},
    }
    return add_report_forms(data, _load_yaml("report_forms.yaml") or [])


def add_report_forms(data: dict[str, Any], entries: list[dict[str, Any]]) -> dict[str, Any]:
    """``data`` with the wordings gathered from real public reports (``report_forms.yaml``: each form with the
    reports it was read in) among the synonyms of the concept they name — attached as a review decision's
    synonyms are (``accepted.merge``). They live apart from the concept files so that where each one came from
    stays on record."""
    synonyms: dict[str, list[str]] = {}
    for entry in entries:
        if entry.get("form"):
            synonyms.setdefault(str(entry.get("concept")), []).append(str(entry["form"]))
    return accepted.merge(data, {"synonyms": synonyms}) if synonyms else data


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


def build_taxonomy(decisions: dict[str, Any] | None) -> Taxonomy:
    """A taxonomy with the given review decisions (a reviewer's proposal before it is written)."""
    return Taxonomy(accepted.merge(base_data(), decisions) if decisions else base_data())


def taxonomy() -> Taxonomy:
    path = _accepted_path
    return _taxonomy_for(path, accepted.stamp(path))


def profile_taxonomy() -> Taxonomy:
    """The taxonomy as a unit's own description of its problems is read: each problem's synonyms together with its
    ``said_by_users`` wordings (problems.yaml) — complaints people make of their own unit ("看病难", "地撂荒了",
    "人手紧") that in a report are far more often said of others or of the background than stated as the unit's
    problem (on the development sets of real reports they only ever named a problem wrongly)."""
    path = _accepted_path
    return _profile_taxonomy_for(path, accepted.stamp(path))


@lru_cache(maxsize=4)
def _profile_taxonomy_for(path: Path | None, stamp: tuple[int, int, int] | None) -> Taxonomy:
    return _built(path, stamp, _with_users_wordings)


@lru_cache(maxsize=4)
def _taxonomy_for(path: Path | None, stamp: tuple[int, int, int] | None) -> Taxonomy:
    return _built(path, stamp, lambda data: data)


def _with_users_wordings(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with each problem's ``said_by_users`` wordings among its synonyms."""
    return dict(data, problems=[dict(it, synonyms=[*(it.get("synonyms") or []), *(it.get("said_by_users") or [])])
                                for it in data.get("problems") or []])


def _built(path: Path | None, stamp: tuple[int, int, int] | None, shape) -> Taxonomy:
    """The shipped lexicons with the review decisions in ``path`` (when it exists), passed through ``shape``."""
    if stamp is None:
        return Taxonomy(shape(base_data()))
    try:
        return Taxonomy(shape(accepted.merge(base_data(), accepted.load(path))))
    except (ValueError, yaml.YAMLError, KeyError, TypeError) as exc:   # a damaged file must not stop ingest
        import logging
        logging.getLogger("djkg.taxonomy").error("审核结果文件无法读取，已忽略 / review file ignored: %s: %s", path, exc)
        return Taxonomy(shape(base_data()))


_jieba_lock = threading.Lock()
_jieba_for: list[Any] = [None]   # the taxonomy whose words jieba holds now
_jieba_added: dict[str, int | None] | None = None   # our user words given to jieba → jieba's own frequency before


_SEGMENTED: list[Callable[[], None]] = []


def segmented(cached):
    """Register an ``lru_cache``'d function whose answers depend on how jieba cuts text: ``tokenizer`` clears it
    whenever the user dictionary changes (a concept accepted or taken back in review), so a long-running process
    reads a text as a fresh one would."""
    _SEGMENTED.append(cached.cache_clear)
    return cached


def tokenizer():
    """jieba, initialised once per process with our user dictionary (never per sentence). When the taxonomy
    changes (a concept accepted in review), its new words are added and words of concepts no longer in it are
    given back their previous frequency, so a decision taken back leaves no trace in segmentation."""
    global _jieba_added
    import jieba
    tx = taxonomy()
    # (jieba holds the words of one taxonomy at a time: the one last given them, which need not be this one — a
    # decision taken back brings back an earlier taxonomy object that had its words loaded long ago)
    if _jieba_added is None or _jieba_for[0] is not tx:
        with _jieba_lock:
            if _jieba_added is None:
                import logging
                jieba.setLogLevel(logging.WARNING)
                initialise(jieba.dt)   # (jieba's cache read in one piece: jieba_tables)
                _jieba_added = {}
            words = set(tx.user_dictionary())
            changed = False
            for word in words - set(_jieba_added):
                _jieba_added[word] = jieba.dt.FREQ.get(word)
                jieba.add_word(word, freq=2000)
                changed = True
            for word in set(_jieba_added) - words:
                before = _jieba_added.pop(word)
                if before:
                    jieba.add_word(word, freq=before)
                else:
                    jieba.del_word(word)
                changed = True
            if changed:
                _cut.cache_clear()
                for clear in _SEGMENTED:
                    clear()
            _jieba_for[0] = tx
    return jieba


# an aspect particle between two characters of a verb phrase (拧成了一股绳, 建起了); not 了 of 了解, 了结, 了不起,
# 为了, 除了, 不了 — words of their own, some of them in listed phrases (管不了, 说了算)
# (the look-behinds follow 了 instead of preceding it: a pattern that starts with a character lets re skip to it)
_PARTICLE = re.compile(r"了(?<=[\u4e00-\u9fff]了)(?<![为除不罢算]了)(?![解结不却得])(?=[\u4e00-\u9fff])")


_AROUND = 12    # characters either side of a dropped character that a listed part spanning it can reach


def _read_without(text: str, dropped: tuple[int, ...]) -> tuple[str, list[int]]:
    """The text around the characters at ``dropped`` (in order) without them, and for each character kept its index
    in ``text`` (only the neighbourhood is read again: a listed part is a few characters long)."""
    lo, hi = max(0, dropped[0] - _AROUND), min(len(text), dropped[-1] + 1 + _AROUND)
    pieces, kept, at = [], [], lo
    for d in (*dropped, hi):
        pieces.append(text[at:d])
        kept += range(at, d)
        at = d + 1
    return "".join(pieces), kept


def _around_particles(text: str):
    """For each aspect particle, the text around it without it (``_read_without``)."""
    for m in _PARTICLE.finditer(text):
        yield _read_without(text, (m.start(),))


# a short term in quotation marks written as part of a longer word ("这是个“空壳”村", "“三无”小区"): the marks
# are emphasis, the word is 空壳村 — read again without them
_QUOTED_PART = re.compile(r"[“‘\"「『]([\u4e00-\u9fff]{1,6})[”’\"」』](?=[\u4e00-\u9fff])")


def _around_quotes(text: str):
    """For each quoted short term followed by the rest of its word, the text around it without the two marks."""
    for m in _QUOTED_PART.finditer(text):
        yield _read_without(text, (m.start(), m.end() - 1))    # the opening and the closing mark
