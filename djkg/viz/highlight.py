"""A case's write-up as paragraphs of runs, with the sentences the extractor took as problems, measures and
outcomes marked — the mentions carry their evidence sentence, which is a substring of the stored text.

The result is plain data (text and a role per run); the template escapes every run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from . import labels as L

ROLE_ORDER = ("outcome", "measure", "problem")      # a sentence that is two things is shown as the later stage
_HEADING = re.compile(r"^(?:#{1,6}\s*|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|【.+】$|\d{1,2}[、.．]\s*)")
MIN_SENTENCE = 4


@dataclass
class Run:
    text: str
    role: str | None = None
    note: str = ""           # tooltip: "问题：村集体经济薄弱"


@dataclass
class Paragraph:
    heading: bool
    runs: list[Run] = field(default_factory=list)


@dataclass(frozen=True)
class Mark:
    role: str                # problem | measure | outcome
    sentence: str
    name: str                # the concept or outcome the sentence was taken for


def _is_heading(line: str) -> bool:
    if line.startswith("#"):
        return True
    return len(line) <= 30 and "。" not in line.rstrip("。")[:-1] and bool(_HEADING.match(line))


def paragraphs(text: str, marks: Iterable[Mark], *, max_chars: int = 200_000) -> list[Paragraph]:
    """Split ``text`` into paragraphs (headings without their Markdown marks) with every occurrence of a
    mark's sentence as a run of that role."""
    by_sentence: dict[str, dict[str, list[str]]] = {}
    for m in marks:
        s = (m.sentence or "").strip()
        if len(s) >= MIN_SENTENCE and m.role in ROLE_ORDER:
            names = by_sentence.setdefault(s, {}).setdefault(m.role, [])
            if m.name and m.name not in names:
                names.append(m.name)
    out: list[Paragraph] = []
    for raw in str(text or "")[:max_chars].split("\n"):
        line = raw.strip()
        if not line:
            continue
        heading = _is_heading(line)
        if line.startswith("#"):
            line = line.lstrip("#").strip()
        out.append(Paragraph(heading, _runs(line, by_sentence)))
    return out


def _runs(line: str, by_sentence: dict[str, dict[str, list[str]]]) -> list[Run]:
    role_at: list[str | None] = [None] * len(line)
    note_at: list[str] = [""] * len(line)
    for role in ROLE_ORDER:
        for sentence, roles in by_sentence.items():
            if role not in roles:
                continue
            start = line.find(sentence)
            while start >= 0:
                note = f"{L.SENTENCE_ROLES[role]}：" + "、".join(roles[role][:4])
                for i in range(start, start + len(sentence)):
                    if role_at[i] is None:
                        role_at[i], note_at[i] = role, note
                start = line.find(sentence, start + len(sentence))
    runs: list[Run] = []
    for i, ch in enumerate(line):
        if runs and runs[-1].role == role_at[i] and runs[-1].note == note_at[i]:
            runs[-1].text += ch
        else:
            runs.append(Run(ch, role_at[i], note_at[i]))
    return runs


def marks_of(record: dict) -> list[Mark]:
    """The marks of a case record (``queries.cases.case_record``): each mention's evidence sentence."""
    from .text import outcome_label
    out = [Mark("problem", p.get("evidence") or "", p.get("name") or "") for p in record.get("problems", [])]
    out += [Mark("measure", m.get("evidence") or "", m.get("name") or "") for m in record.get("measures", [])]
    out += [Mark("outcome", o.get("evidence") or "", outcome_label(o)) for o in record.get("outcomes", [])]
    return out
