"""How the unit finder (``units.guess_unit``) weighs the evidence for each organisation a write-up names.

Each name gathers features — named in the title, in the first sentence, how often the text repeats it and refers
back to it, whether its Party organisation follows it, and the signs that it is not the subject (a source, a credit,
an address, an example …) — and the name with the highest weighted sum is the unit. ``RULE_WEIGHTS`` are the
weights the rules were written with; ``data/unit_model.json`` holds weights fitted to the development gold sets by
``scripts/train_weights.py unit`` (``weighing``).
"""

from __future__ import annotations

from .weighing import Weighing

FEATURES_VERSION = 1

RULE_WEIGHTS: dict[str, float] = {
    "title_party": 4.0,        # in the title with its Party organisation
    "title": 2.5,              # in the title
    "first_sentence": 1.5,     # in the first sentence
    "first_body": 1.5,         # the first organisation the body names
    "source": -3.0,            # where the news came from (记者从…了解到, …供稿)
    "credit_line": -3.0,       # who ran the report (来源：…)
    "in_note": -3.0,           # named only in an editor's note
    "column": -2.0,            # a column's name in 【…】
    "escort": -2.0,            # a guide's employer
    "situated": -2.0,          # an address (位于…)
    "zone_address": -2.0,      # a development zone heading an address
    "sends": -2.0,             # who sends help (…派来的专家)
    "example": -2.0,           # given as an example of the unit's parts (例如…)
    "title_kind": 1.5,         # its kind is the title's (…村党支部 in the title, a village in the body)
    "bare_kind": 2.0,          # the title names its kind but no name (一座卫生院…)
    "count": 1.0,              # how often the body writes it (at most 5)
    "anaphora": 0.5,           # how often the body refers back to its kind (该村, 公司党委; at most 4)
    "town": -2.0,              # a town or street: the unit only when nothing below it is named
    "party_department": -1.5,  # a Party department promotes a practice across units
    "department": -0.5,        # a department of something (…科, …部, …站)
    "party_follows": 1.5,      # its Party organisation is written after it
    "headline_subject": 4.0,   # the headline's subject before its colon
    "thanked": 3.5,            # a thanking scene: the one people came to thank
    "thanking": -1.5,          # … and those who came
}


MODEL = Weighing("unit", RULE_WEIGHTS, FEATURES_VERSION)
MODEL_PATH = MODEL.path


def weights() -> dict[str, float]:
    return MODEL.weights()
