"""A unit profile as a user types it (region, field, problems in free text) → a ``Profile``.

The same understanding as ingest: the gazetteer for the region, the field resolver, the taxonomy matcher for
problems. People run several problems together in one sentence ("村里没什么集体收入，年轻人都出去打工了"), so each
problem text is split into clauses and every clause is recognised on its own — the taxonomy's wording first
(including word-order and inserted-word variants), then text similarity to the taxonomy's problems — and the
profile says which clause became which problem and which clause was not understood. Never raises on any text;
what cannot be understood becomes a warning (or a ``ProfileError`` when ``strict``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..core.bm25 import BM25
from ..core.contract import Profile, ProfileProblem, RegionRef
from ..graph import schema as S
from . import industry as industry_mod
from .normalise import normalise, normalise_short
from .taxonomy import Concept, profile_taxonomy, taxonomy
from .tokens import tokenize

# Clause boundaries in what people type: punctuation, and joiners that start another complaint. An enumeration
# comma (、) separates clauses only between clause-length parts ("村里没钱、年轻人都走了"), not list items
# ("跑新疆、宁夏打工").
_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?\n]+|(?:还有|而且|另外|并且|再加上|加上|再就是|同时)")
_ENUM = re.compile(r"(?<=[\u4e00-\u9fff]{5})、(?=[\u4e00-\u9fff]{5})")
MIN_CLAUSE_CHARS = 3
# Text similarity names a problem for a clause only when the clause shares enough with it: the best problem's
# BM25 score must reach this share of what the problem's own name would score against itself.
LEXICAL_MIN_SHARE = 0.3
LEXICAL_WEIGHT = 0.8          # a clause recognised by similarity counts this much in problem fit


class ProfileError(ValueError):
    """The profile cannot be answered as given (message is bilingual)."""


def split_clauses(text: str) -> list[str]:
    """The clauses of one problem text, in order (fragments under three characters are dropped)."""
    parts = [p for c in _CLAUSE_BREAK.split(text) for p in _split_enumeration(c)]
    return [c.strip(" 　“”\"'") for c in parts if len(c.strip(" 　“”\"'")) >= MIN_CLAUSE_CHARS]


def _split_enumeration(clause: str) -> list[str]:
    pieces = clause.split("、")
    if len(pieces) > 1 and all(len(p.strip()) >= 5 for p in pieces):
        return pieces
    return [clause]


def parse_profile(*, region: str | None = None, industry: str | None = None, problems: list[str] | None = None,
                  description: str | None = None, strict: bool = False) -> Profile:
    """What the user typed → a ``Profile``. ``strict``: an unrecognised region or field, or nothing at all to
    go on, raises ``ProfileError`` instead of becoming a warning."""
    warnings: list[str] = []
    place = _region(region, strict, warnings)
    field, sector = _field(industry, strict, warnings)
    problems = [p for p in (problems or []) if p and p.strip()]
    free = "\n".join([*problems, description or ""]).strip()
    if not free:
        if strict and not (place.adcode or field):
            raise ProfileError("请至少描述一个问题，或给出地区和领域 / describe at least one problem, or give region and field")
        return Profile(region=place, field=field, sector=sector, warnings=warnings)
    found, unmatched = _problems([normalise(p) for p in problems], normalise(description or ""))
    text = normalise(free)
    if field is None:   # (the home page's default: 不限)
        guess = _own_kind(text) or industry_mod.infer(unit="", title="", text=text)
        if guess and guess.confidence >= 0.6:
            field = guess.field
            warnings.append(f"根据描述推断领域为“{guess.field}” / field inferred from the description")
    return Profile(region=place, field=field, sector=sector, problems=found, unmatched=unmatched, warnings=warnings,
                   text=text, tokens=tuple(tokenize(text)))


# What the user says their unit is: the kind of unit their text opens on ("协会会员企业几十家", "供电所点多线长", "楼里
# 六七十家公司") or a clause opens on after a word for "we" ("…，我们是一家民办养老院", "咱们村…"), read as a unit's name
# is read. The words of the body text alone (律师, 员工, 市场 …) left most profiles without a field, and the field is
# what the home page leaves open by default: over the five profile gold sets asked without their fields, hit@3
# 0.909 → 0.947 (with their fields, 0.962; README, forty-eighth session).
_OWN_KIND_AT = re.compile(r"(?:^|(?<=[，。；！？\n]))(?:(?:我们|咱们|我|本)(?:是|这个|这|单位是|单位)?(?:一家|一个|个)?)?")
# … up to where the clause goes on to what its place holds or what something is ("辖区里有三甲医院": others' hospitals)
_OWN_KIND_END = re.compile(r"[，。；！？\n、有是]")
_PARTY_WORDS = re.compile(r"党委|党总支|党支部|支部|党组织|党组")   # ("厂里党委": a Party committee is no government body)
OWN_KIND_CHARS = 8


def _own_kind(text: str) -> industry_mod.IndustryMatch | None:
    for m in _OWN_KIND_AT.finditer(text):
        if m.start() and not m.group(0):
            continue    # a later clause counts only when it opens with "we"
        words = _PARTY_WORDS.sub("", _OWN_KIND_END.split(text[m.end():m.end() + OWN_KIND_CHARS], 1)[0])
        guess = industry_mod.infer(unit=words) if words else None
        if guess and guess.confidence >= 0.6:
            return guess
    return None


def _region(region: str | None, strict: bool, warnings: list[str]) -> RegionRef:
    if not (region and region.strip()):
        return RegionRef()
    from .regions import gazetteer
    m = gazetteer().resolve(normalise_short(region), hint=normalise_short(region))
    if m is None:
        if strict:
            raise ProfileError(f"无法识别地区“{region}”，请写出省、市或县的名称 / unknown region: {region!r}")
        warnings.append(f"无法识别地区“{region}”，已忽略 / region not recognised, ignored")
        return RegionRef()
    return RegionRef(province=m.province, city=m.city, county=m.county, adcode=m.adcode,
                     macro=gazetteer().macro_region(m.adcode))


def _field(industry: str | None, strict: bool, warnings: list[str]) -> tuple[str | None, str | None]:
    if not (industry and industry.strip()):
        return None, None
    f = industry_mod.resolve_field(industry)
    if f is None:
        if strict:
            raise ProfileError(f"无法识别领域“{industry}”，可选：{'、'.join(S.FIELDS)} / unknown field: {industry!r}")
        warnings.append(f"无法识别领域“{industry}”，已忽略 / field not recognised, ignored")
        return None, None
    sector = normalise_short(industry)
    spec = (taxonomy().fields.get(f) or {}).get("sectors") or {}
    return f, (sector if sector in spec else None)


def _problems(problem_texts: list[str], description: str) -> tuple[list[ProfileProblem], list[str]]:
    """Problems clause by clause: (recognised problems in order, clauses that named none)."""
    tx = profile_taxonomy()
    found: dict[str, ProfileProblem] = {}
    unmatched: list[str] = []

    def add(concept: Concept, clause: str, how: str, weight: float = 1.0) -> None:
        if concept.id not in found:
            found[concept.id] = ProfileProblem(id=concept.id, name=concept.name, clause=clause[:200], how=how,
                                               weight=round(weight, 6))

    for text in problem_texts:
        clauses = split_clauses(text) or [text]
        hit_any: set[int] = set()
        for k, concept, how in _match(tx, clauses):
            add(concept, clauses[k], how)
            hit_any.add(k)
        # a pattern whose parts sit in different clauses of one sentence ("党员和群众，干活一个样")
        for _, concept, _ in tx.match_spans(text, [(0, len(text))]):
            if concept.label == S.PROBLEM and concept.id not in found:
                add(concept, text, "taxonomy")
                hit_any.update(range(len(clauses)))
        for k, clause in enumerate(clauses):
            if k in hit_any:
                continue
            similar = _similar_problem(clause)
            if similar is None:
                unmatched.append(clause)
            else:
                add(similar[0], clause, "lexical", LEXICAL_WEIGHT * similar[1])
    if description:   # free description: only the taxonomy's own wording counts (it mostly tells the story)
        for k, concept, how in _match(tx, split_clauses(description) or [description]):
            add(concept, (split_clauses(description) or [description])[k], how)
    return list(found.values()), unmatched


def _match(tx, clauses: list[str]) -> list[tuple[int, Concept, str]]:
    text = "\n".join(clauses)
    spans, pos = [], 0
    for c in clauses:
        spans.append((pos, pos + len(c)))
        pos += len(c) + 1
    return [(k, c, "variant" if surface.startswith("~") else "taxonomy")
            for k, c, surface in tx.match_spans(text, spans) if c.label == S.PROBLEM]


@lru_cache(maxsize=1)
def _problem_index():
    """BM25 over the taxonomy's problems (name twice, synonyms and users' wordings once) and each problem's
    self-score."""

    tx = profile_taxonomy()
    concepts = sorted(tx.problems.values(), key=lambda c: c.id)
    docs = [tokenize(f"{c.name} {c.name} " + " ".join(s.replace("&", " ") for s in c.synonyms)) for c in concepts]
    bm = BM25(docs)
    self_scores = [max(1e-9, bm.scores(tokenize(c.name))[i]) for i, c in enumerate(concepts)]
    return concepts, bm, self_scores


def _similar_problem(clause: str) -> tuple[Concept, float] | None:
    tokens = tokenize(clause)
    if not tokens:
        return None
    concepts, bm, self_scores = _problem_index()
    scores = bm.scores(tokens)
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    share = scores[best] / self_scores[best]
    if scores[best] <= 0 or share < LEXICAL_MIN_SHARE:
        return None
    return concepts[best], min(1.0, share)
