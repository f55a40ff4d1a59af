"""``djkg`` — the command line, a thin layer over the library (every verb is one library call).

Messages are Chinese first with English where it helps; ``--json`` output is UTF-8 with Chinese unescaped.

Exit codes: 0 the work was done; 1 the work failed (a file could not be ingested, counts differ after a
migration, the store failed mid-way); 2 the user's mistake — bad usage or input (a missing file or gold set,
an unknown id, a profile with nothing to go on, a store that cannot be opened). A user's mistake never
prints a traceback.
"""

from __future__ import annotations

import os

import json
import re
import sys
from pathlib import Path
from typing import Any, NoReturn, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..core.config import Settings
from ..graph.store import StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="djkg：党建品牌经验知识图谱 / a knowledge graph of Party-building brand experiences")
taxonomy_app = typer.Typer(no_args_is_help=True, help="分类词表 / taxonomy")
eval_app = typer.Typer(no_args_is_help=True, help="质量评测 / quality evaluation")
keys_app = typer.Typer(no_args_is_help=True, help="API 密钥与角色 / API keys and roles")
app.add_typer(taxonomy_app, name="taxonomy")
app.add_typer(eval_app, name="eval")
app.add_typer(keys_app, name="keys")
corpus_app = typer.Typer(no_args_is_help=True, help="案例库 / case library")
app.add_typer(corpus_app, name="corpus")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

EXIT_FAILED = 1   # the work itself failed
EXIT_USAGE = 2    # bad usage or input: the user can fix the command (click's own usage errors use 2 too)


def fail(code: int, zh: str, en: str = "") -> NoReturn:
    """Stop with one bilingual line on stderr (``zh`` alone when it is already bilingual) and ``code``."""
    err.print(f"[red]错误 / error:[/red] {escape(zh)}{' / ' + escape(en) if en else ''}", highlight=False)
    raise typer.Exit(code)


class State:
    settings: Settings = Settings()
    _store = None

    def store(self, *, readonly: bool = False):
        if self._store is None:
            from ..graph import open_store
            try:
                self._store = open_store(self.settings, readonly=readonly)
            except StoreError as exc:   # wrong URI, newer database, not a djkg file: the user can fix it
                fail(EXIT_USAGE, str(exc))
            except OSError as exc:      # --data-dir is a file, or not writable
                fail(EXIT_USAGE, f"无法打开数据目录 {self.settings.data_dir}：{exc.strerror or exc}",
                     f"cannot open the data directory {self.settings.data_dir}")
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


state = State()


def note_if_empty(empty: bool) -> None:
    """After a listing that came out empty: if the store holds no cases at all, say so and where it looked (a fresh
    data dir, or a command run from another folder than the one whose ./var holds the library), on stderr (``--json``
    output stays JSON)."""
    from ..services.recommend import store_is_empty
    if empty and store_is_empty(state.store()):
        where = re.sub(r"//[^@/]*@", "//", state.settings.neo4j_uri or "") or str(state.settings.data_dir.resolve())
        err.print(f"[yellow]提示[/yellow] {escape(f'库中还没有案例（{where}）：先用 djkg ingest <文件夹> 导入案例材料')} / "
                  f"{escape(f'the store holds no cases ({where}): ingest case write-ups first (djkg ingest <folder>)')}",
                  highlight=False)


# control and format characters in stored text (ESC sequences, bidi overrides) are shown escaped, never sent
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def shown(value: Any) -> str:
    """A value from a case or a file name as plain terminal text (\\x1b instead of ESC)."""
    text = "" if value is None else str(value)
    return _UNPRINTABLE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def term(value: Any) -> Text:
    """``shown`` as a rich Text: no markup in it is interpreted either ("[red]" stays literal)."""
    return Text(shown(value))


def emit_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


@app.callback()
def main_options(
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="数据目录（默认 ./var，环境变量 DJKG_DATA_DIR）"),
    neo4j_uri: Optional[str] = typer.Option(None, "--neo4j-uri", help="Neo4j 地址（bolt:// 或 neo4j://）；不给则用内置 SQLite"),
) -> None:
    state.settings = Settings.from_env().with_overrides(data_dir=data_dir, neo4j_uri=neo4j_uri)
    from ..ingest.taxonomy import use_accepted_concepts
    use_accepted_concepts(state.settings.accepted_concepts_path)   # concepts accepted in review for this data dir


def cli_actor() -> str:
    """Who the audit trail names for a command: the operating-system user."""
    import getpass
    try:
        return "cli:" + getpass.getuser()
    except (KeyError, OSError):
        return "cli:unknown"


# --- ingest -------------------------------------------------------------------------------------------

@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="文件或文件夹（.md .txt .docx .pdf .jsonl）"),
    dry_run: bool = typer.Option(False, "--dry-run", help="只抽取不写入 / extract only, write nothing"),
    as_json: bool = typer.Option(False, "--json", help="每个案例输出一行 JSON / JSON Lines"),
    follow_symlinks: bool = typer.Option(False, "--follow-symlinks",
                                         help="也读取指向文件夹之外的符号链接（默认跳过并报告）/ also read symlinks "
                                              "that lead outside the folder"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, max=64,
                                       help="抽取用的进程数，含本进程（默认：文件不少于 1000 个时等于 CPU 核数，"
                                            "否则 1；1 = 不另起进程）/ extraction processes, this one included "
                                            "(default: the number of cores from 1,000 files on, else 1)"),
) -> None:
    """导入案例材料 / ingest case write-ups."""
    from ..ingest.pipeline import ingest_paths
    missing = [str(p) for p in paths if not p.exists()]
    if missing:   # a mistyped path is the user's mistake: nothing is ingested
        fail(EXIT_USAGE, f"找不到文件或文件夹：{'、'.join(missing)}", f"no such file or folder: {', '.join(missing)}")
    store = None if dry_run else state.store()
    workers = jobs     # None: as many as the cores once the run is big enough to pay for starting them

    def on_crash(files: list[str]) -> None:
        err.print(f"[yellow]工作进程意外退出，正在逐个重试中断的 {len(files)} 个文件 / a worker process died; "
                  f"retrying the {len(files)} interrupted files one by one[/yellow]", highlight=False)

    def line(item) -> None:
        sys.stdout.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
        sys.stdout.flush()

    failures: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    if as_json:
        def on_item(item):
            line(item)
            if item.error:
                failures.append((item.source, item.error))
            elif item.status == "skipped":
                skipped.append((item.source, item.reason or ""))
        report = ingest_paths(paths, store, dry_run=dry_run, on_item=on_item, limits=state.settings.limits,
                              follow_links=follow_symlinks, jobs=workers, on_crash=on_crash, actor=cli_actor())
    else:
        with Progress(TextColumn("[bold]导入中 / ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}"), console=err, transient=False) as progress:
            task = progress.add_task("", total=None)
            files_seen: set[str] = set()

            def on_read(source: str) -> None:   # the bar counts files (a JSONL file holds many cases)
                name = source.split("#")[0]
                if name not in files_seen:
                    files_seen.add(name)
                    progress.update(task, completed=len(files_seen),
                                    description=escape(shown(Path(name).name[:40])))

            def on_item(item):
                if item.error:
                    failures.append((item.source, item.error))
                elif item.status == "skipped":
                    skipped.append((item.source, item.reason or ""))

            report = ingest_paths(paths, store, dry_run=dry_run, on_item=on_item, on_read=on_read,
                                  on_total=lambda n: progress.update(task, total=n),
                                  limits=state.settings.limits, follow_links=follow_symlinks, jobs=workers,
                                  on_crash=on_crash, actor=cli_actor())
    for source, reason in skipped:
        err.print(Text.assemble(("跳过 / skipped", "yellow"), " ", term(f"{source}: {reason}")), highlight=False)
    for source, error in failures:
        err.print(Text.assemble(("失败 / failed", "red"), " ", term(f"{source}: {error}")), highlight=False)
    table = Table(title="导入结果 / ingest summary")
    for col in ("新增 inserted", "更新 updated", "未变 unchanged", "跳过 skipped", "失败 failed", "警告 warnings"):
        table.add_column(col, justify="right")
    s = report.summary()
    if as_json:   # the last line: the tallies, for scripts (every other line is one case or one failure)
        sys.stdout.write(json.dumps({"summary": s}, ensure_ascii=False) + "\n")
    table.add_row(str(s["inserted"] + s["dry_run"]), str(s["updated"]), str(s["unchanged"]), str(s["skipped"]),
                  str(s["failed"]), str(s["warnings"]))
    err.print(table)
    if dry_run:
        err.print("（--dry-run：未写入任何数据 / nothing written）")
    state.close()
    if not report.ok:
        raise typer.Exit(EXIT_FAILED)


# --- reads --------------------------------------------------------------------------------------------

@app.command()
def stats(as_json: bool = typer.Option(False, "--json")) -> None:
    """节点与关系统计 / node and edge counts."""
    data = state.store().stats()
    if as_json:
        emit_json(data)
        note_if_empty(not data["nodes"].get("Case"))
        return
    for kind, title in (("nodes", "节点 / nodes"), ("edges", "关系 / edges")):
        table = Table(title=title)
        table.add_column("类型 type")
        table.add_column("数量 count", justify="right")
        for k, v in data[kind].items():
            table.add_row(k, str(v))
        out.print(table)
    note_if_empty(not data["nodes"].get("Case"))


@app.command()
def models(as_json: bool = typer.Option(False, "--json"),
           candidates: bool = typer.Option(False, "--candidates", help="同时列出候选（未收录的品牌）")) -> None:
    """可复制推广的模式及其成熟度 / replicable models and their maturity."""
    from ..queries.index import model_index
    from ..queries.models import list_models
    from ..viz.labels import MATURITY_LEVELS
    items = list_models(model_index(state.store()), include_candidates=candidates)
    if as_json:
        emit_json([m.model_dump(mode="json") for m in items])
        note_if_empty(not items)
        return
    table = Table(title=f"模式 / models（{len(items)}）")
    for col in ("模式 model", "案例 cases", "省份 provinces", "领域 fields", "成熟度 maturity"):
        table.add_column(col)
    for m in items:
        mt = m.maturity
        table.add_row(term(m.name), str(m.cases), term("、".join(m.regions[:6]) + ("…" if len(m.regions) > 6 else "")),
                      term("、".join(m.fields)), f"{mt.score:.2f}（{MATURITY_LEVELS[mt.level]}）" if mt else "")
    out.print(table)
    note_if_empty(not items)


@app.command()
def cases(as_json: bool = typer.Option(False, "--json"),
          limit: int = typer.Option(100, "--limit", min=1, max=100000),
          offset: int = typer.Option(0, "--offset", min=0)) -> None:
    """案例列表 / list cases."""
    from ..queries.cases import list_cases
    items = list_cases(state.store(), limit=limit, offset=offset)
    if as_json:
        emit_json(items)
        note_if_empty(not items)
        return
    table = Table(title=f"案例 / cases（{len(items)}）")
    for col in ("id", "标题 title", "地区 region", "领域 field", "模式 model"):
        table.add_column(col)
    for c in items:
        r = c["region"]
        place = "".join(x for x in (r.get("province"), r.get("city") if r.get("city") != r.get("province") else None,
                                    r.get("county")) if x)
        table.add_row(term(c["id"]), term(c["title"]), term(place), term(c["industry"].get("field")),
                      term((c["model"] or {}).get("name")))
    out.print(table)
    note_if_empty(not items)


@app.command()
def recommend(
    region: Optional[str] = typer.Option(None, "--region", help="所在地区，如“山东省烟台市栖霞市”或“栖霞”"),
    industry: Optional[str] = typer.Option(None, "--industry", help="领域：农村、城市社区、机关、事业单位、国有企业、非公有制经济组织、社会组织"),
    problem: list[str] = typer.Option([], "--problem", help="面临的问题（可多次给出）"),
    description: Optional[str] = typer.Option(None, "--description", help="补充描述"),
    top: int = typer.Option(5, "--top", help="返回几个模式"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """哪些成熟模式适合我这样的单位？/ which mature models fit a unit like mine?"""
    from ..services.recommend import ProfileError, recommend as do_recommend
    try:
        result = do_recommend(state.store(), region=region, industry=industry, problems=problem,
                              description=description, top_k=top, settings=state.settings)
    except ProfileError as exc:
        fail(EXIT_USAGE, str(exc))
    require_something_to_go_on(result, region, industry)
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    from ..viz.labels import SCORE_COMPONENTS
    from ..viz.text import clip
    prof = result.profile
    where = "".join(dict.fromkeys(x for x in (prof.region.province, prof.region.city, prof.region.county) if x))
    out.print(term(f"单位画像：地区 {where or '未知'}；领域 {prof.field or '未知'}；"
                   f"问题 {'、'.join(p.name for p in prof.problems) or '（未识别）'}"))
    for w in result.warnings:
        err.print(f"[yellow]提示[/yellow] {w}")
    table = Table(title="推荐模式 / recommended models")
    components = [SCORE_COMPONENTS[k] for k, _, _ in result.items[0].breakdown.components()] if result.items else []
    for col in ("#", "模式", "得分", *components, "依据案例"):
        # the model name never wraps (it is what the reader looks for); the evidence column gives way
        table.add_column(col, no_wrap=col in ("模式", "得分"), overflow="fold" if col == "依据案例" else "ellipsis")
    for i, it in enumerate(result.items, 1):
        table.add_row(str(i), term(it.model.name), f"{it.score:.3f}",
                      *[f"{v:.2f}" for _, v, _ in it.breakdown.components()],
                      term("；".join(clip(d.title, 18) for d in it.evidence[:2])))
    out.print(table)
    if not result.items and not result.from_empty_store:   # (an empty store's answer says so among the warnings)
        out.print("没有找到匹配的模式：请补充问题描述或换一种说法。")


def require_something_to_go_on(result, region: str | None, industry: str | None) -> None:
    """A profile with no recognised region, no field and no text (``--region 火星`` alone) cannot be
    answered — every model would be a guess — so say what was not understood and exit 2."""
    prof = result.profile
    if prof.region.adcode or prof.field or prof.text.strip():
        return
    given = [(zh, en, v) for zh, en, v in (("地区", "region", region), ("领域", "field", industry)) if v and v.strip()]
    if given:
        fail(EXIT_USAGE, f"无法识别{'和'.join(f'{zh}“{v}”' for zh, _, v in given)}，又没有描述问题："
                         "请写出省、市或县的名称，或描述面临的问题",
             f"unknown {' and '.join(f'{en} {v!r}' for _, en, v in given)} and nothing else to go on: "
             "name a province, city or county, or describe a problem")
    fail(EXIT_USAGE, "请至少描述一个问题，或给出地区或领域", "nothing to go on: describe a problem, or give a region or field")


# --- analyses for organisation departments ------------------------------------------------------------

@app.command()
def gaps(province: Optional[str] = typer.Option(None, "--province", help="省份：名称（山东、山东省）或代码（370000）"),
         field: Optional[str] = typer.Option(None, "--field", help="领域：农村、城市社区、机关、事业单位、国有企业、非公有制经济组织、社会组织"),
         top: int = typer.Option(30, "--top", min=1, max=1000, help="列出缺口最大的几个问题"),
         as_json: bool = typer.Option(False, "--json")) -> None:
    """问题缺口地图：哪些问题很多单位面临、却缺少成熟模式 / gap map."""
    from ..services.analyses import FilterError, gaps as gap_map
    from ..viz.labels import MATURITY_LEVELS
    try:
        result = gap_map(state.store(), province=province, field=field)
    except FilterError as exc:
        fail(EXIT_USAGE, str(exc))   # an unknown province or field
    if as_json:
        emit_json(result.model_dump(mode="json"))
        note_if_empty(not result.problems)
        return
    scope = "、".join(x for x in ((result.province.name if result.province else "全国"), result.field or "全部领域"))
    table = Table(title=f"问题缺口 / gap map（{scope}，{result.cases} 个案例）")
    for col in ("问题", "案例", "单位", "城市", "省份", "最佳模式（成熟度）", "回答", "缺口"):
        table.add_column(col, justify="left" if col in ("问题", "最佳模式（成熟度）") else "right",
                         no_wrap=col in ("问题", "缺口"))
    for p in result.problems[:top]:
        best = f"{p.best.model.name}（{MATURITY_LEVELS[p.best.level]}）" if p.best else "（无）"
        table.add_row(term(p.name), str(p.cases), str(p.units), str(p.cities), str(p.provinces), term(best),
                      f"{p.best.answer:.2f}" if p.best else "0", f"{p.gap:.2f}")
    out.print(table)
    if not result.problems:
        out.print("筛选范围内没有案例面临已收录的问题。")
    note_if_empty(not result.problems)


@app.command()
def emerging(min_cases: int = typer.Option(3, "--min-cases", min=2, max=1000, help="一组至少的案例数"),
             min_cities: int = typer.Option(2, "--min-cities", min=1, max=1000, help="一组至少覆盖的城市数"),
             as_json: bool = typer.Option(False, "--json")) -> None:
    """新兴做法组合：未归入已命名模式、却反复一起出现的做法 / emerging models."""
    from ..services.analyses import emerging as find
    result = find(state.store(), min_cases=min_cases, min_cities=min_cities)
    if as_json:
        emit_json(result.model_dump(mode="json"))
        note_if_empty(not result.groups)
        return
    out.print(f"未归入已命名模式的案例 {result.population} 个，检验做法对 {result.pairs_tested} 个，"
              f"找到 {len(result.groups)} 组。")
    table = Table(title="新兴做法组合 / emerging models")
    for col in ("拟名", "案例", "城市", "年份", "共同做法（案例数）", "共同问题"):
        table.add_column(col, overflow="fold", no_wrap=col in ("案例", "年份"))
    for g in result.groups:
        years = f"{g.years[0]}–{g.years[-1]}" if g.years else ""
        table.add_row(term(g.name), str(g.cases),
                      term("、".join(c.name for c in g.cities[:6]) + ("…" if len(g.cities) > 6 else "")),
                      years, term("、".join(f"{m.name}（{m.cases}）" for m in g.measures[:5])),
                      term("、".join(p.name for p in g.problems[:3])))
    out.print(table)
    note_if_empty(not result.groups)


# --- views, server, migration ---------------------------------------------------------------------------

@app.command()
def viz(
    kind: str = typer.Argument(..., help="model | case | region | overview | recommend"),
    target: Optional[str] = typer.Argument(None, help="模式/案例 id 或地区名称"),
    output: Path = typer.Option(..., "-o", "--output", help="输出的 HTML 文件"),
    region: Optional[str] = typer.Option(None, "--region"),
    industry: Optional[str] = typer.Option(None, "--industry"),
    problem: list[str] = typer.Option([], "--problem"),
    top: int = typer.Option(5, "--top"),
) -> None:
    """生成可离线打开的图谱页面 / export a self-contained graph page."""
    from ..viz import pages
    store = state.store()
    try:
        if kind == "overview":
            html = pages.render_overview(store, links=False)
        elif kind in ("model", "case", "region"):
            if not target:
                fail(EXIT_USAGE, f"请给出{ {'model': '模式 id', 'case': '案例 id', 'region': '地区名称'}[kind] }",
                     "missing target")
            html = {"model": pages.render_model, "case": pages.render_case, "region": pages.render_region}[kind](store, target, links=False)
        elif kind == "recommend":
            from ..services.recommend import recommend as do_recommend
            result = do_recommend(store, region=region, industry=industry, problems=problem, top_k=top,
                                  settings=state.settings)
            require_something_to_go_on(result, region, industry)
            html = pages.render_recommendation(store, result, links=False)   # a file has no server to link to
        else:
            fail(EXIT_USAGE, f"未知视图类型 {kind}", "unknown view (model, case, region, overview, recommend)")
    except pages.NotFound as exc:   # an unknown id or name is the user's input
        fail(EXIT_USAGE, str(exc))
    tmp = output.with_name(output.name + ".tmp")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(output)
    except OSError as exc:   # an output path that cannot be written is the user's to fix
        fail(EXIT_USAGE, f"无法写入 {output}：{exc.strerror or exc}", f"cannot write {output}")
    err.print(f"已写入 / written: {output}")


@app.command()
def serve(host: str = typer.Option("127.0.0.1", "--host"), port: int = typer.Option(8000, "--port"),
          workers: int = typer.Option(1, "--workers", min=1, max=32,
                                      help="工作进程数（通常等于 CPU 核数）/ worker processes")) -> None:
    """启动 HTTP API 与图谱页面 / serve the API and the views."""
    import uvicorn
    from ..api.app import create_app
    base = f"http://{host}:{port}"
    err.print(f"djkg 已启动 / serving on {base}\n  首页 home:      {base}/\n  接口文档 API:   {base}/docs\n"
              f"  模式总览 views: {base}/views/overview")
    if workers == 1:
        uvicorn.run(create_app(state.settings.with_overrides(warm_index=True)), host=host, port=port,
                    log_level="warning")
        return
    # several processes: each builds its app from the environment, so pass the resolved settings on
    s = state.settings
    os.environ["DJKG_DATA_DIR"] = str(s.data_dir)
    os.environ["DJKG_WARM_INDEX"] = "1"   # each worker builds its index before it takes requests
    if s.neo4j_uri:
        os.environ["DJKG_NEO4J_URI"] = s.neo4j_uri
    from ..api.serving import WorkersFailed, serve_processes, spreads_connections
    if not spreads_connections():   # one shared socket (uvicorn's workers): connections may bunch on one worker
        uvicorn.run("djkg.api.app:create_app", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
        return
    try:
        serve_processes("djkg.api.app:create_app", host=host, port=port, workers=workers)
    except OSError as exc:
        fail(EXIT_USAGE, f"无法监听 {host}:{port}：{exc.strerror or exc}", f"cannot listen on {host}:{port}")
    except WorkersFailed:
        fail(EXIT_FAILED, "工作进程启动后立即退出（原因见上方输出，例如数据库无法打开）",
             "the worker processes exit right after starting (see the output above, e.g. the store cannot be opened)")


@app.command()
def migrate(to_neo4j: str = typer.Option(..., "--to-neo4j", help="目标 Neo4j 地址 bolt://…")) -> None:
    """把内置数据库复制到 Neo4j / copy the embedded store into Neo4j."""
    from ..graph.migrate import copy_store
    from ..graph.neo4j_store import Neo4jStore
    from ..graph.sqlite_store import SqliteStore
    s = state.settings
    if not s.sqlite_path.exists():   # migrating nothing would "succeed" with an empty copy
        fail(EXIT_USAGE, f"没有可迁移的内置数据库：{s.sqlite_path}", f"no embedded store to migrate: {s.sqlite_path}")
    try:
        target = Neo4jStore(to_neo4j, s.neo4j_user, s.neo4j_password, database=s.neo4j_database)
    except StoreError as exc:
        fail(EXIT_USAGE, str(exc))
    source = SqliteStore(s.sqlite_path)
    total = len(source.case_hashes())
    with Progress(TextColumn("[bold]迁移中 / migrating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err) as progress:
        task = progress.add_task("", total=total)
        result = copy_store(source, target, on_case=lambda: progress.update(task, advance=1))
    err.print(f"源 source: {result['source']}\n目标 target: {result['target']}")
    if not result["equal"]:
        fail(EXIT_FAILED, "迁移后统计不一致", "counts differ after migration")
    err.print("迁移完成，统计一致 / migrated, counts verified")


@app.command()
def export(
    out: Path = typer.Argument(..., help="输出：graphml/jsonld 为文件，neo4j-admin/csv 为文件夹"),
    fmt: str = typer.Option(..., "--format", "-f", help="graphml | neo4j-admin | jsonld | csv"),
) -> None:
    """导出图谱：GraphML（Gephi、networkx）、neo4j-admin 导入文件、JSON-LD、表格 CSV / export the graph."""
    from ..services.export import FORMATS, export_to
    if fmt not in FORMATS:
        err.print(f"[red]未知格式 / unknown format[/red] {fmt}（{' | '.join(FORMATS)}）", highlight=False)
        raise typer.Exit(2)
    files = export_to(state.store(readonly=True), fmt, out)
    for f in files:
        err.print(f"已写入 / written: {f}", highlight=False)
    if fmt == "neo4j-admin":
        err.print(f"导入空库 / import into an empty, stopped database: sh {out / 'import.sh'}", highlight=False)


# --- taxonomy and evaluation ----------------------------------------------------------------------------

@taxonomy_app.command("candidates")
def taxonomy_candidates(as_json: bool = typer.Option(False, "--json")) -> None:
    """列出未匹配词表、尚未审核的候选问题、做法和模式 / candidate concepts not in the taxonomy, not yet decided."""
    from ..services.candidates import list_candidates
    items, _ = list_candidates(state.store())
    if as_json:
        emit_json(items)
        note_if_empty(not items)
        return
    from ..viz.labels import NODE_TYPES
    from ..viz.text import clip
    table = Table(title=f"候选概念 / candidates（{len(items)}）")
    for col in ("类型 kind", "名称 name", "案例数 cases", "例句 evidence", "id"):
        table.add_column(col, overflow="fold")
    for c in items:
        first = clip(c["evidence"][0]["sentence"], 60) if c["evidence"] else ""
        table.add_row(NODE_TYPES[c["label"]].zh, term(c["name"]), str(c["cases"]), term(first), term(c["id"]))
    out.print(table)
    note_if_empty(not items)


@taxonomy_app.command("export")
def taxonomy_export(output: Path = typer.Option(Path("taxonomy-export"), "-o", "--output",
                                                help="输出目录（写入 problems.yaml、measures.yaml、models.yaml）")) -> None:
    """把审核通过的概念并入词表，按 ingest/data/*.yaml 的格式导出 / export the reviewed taxonomy as release YAML."""
    from ..ingest import accepted
    from ..ingest.taxonomy import base_data, shipped_header
    try:
        decisions = accepted.load(state.settings.accepted_concepts_path)
    except (ValueError, OSError) as exc:
        fail(1, f"审核结果文件无法读取：{exc}", "cannot read the review decisions file")
    headers = {k: shipped_header(f"{k}.yaml") for k in ("problems", "measures", "models")}
    for path in accepted.export(base_data(), decisions, output, headers):
        err.print(Text.assemble("已写入 / written: ", term(path)))
    err.print(f"新概念 / new concepts: {len(decisions['problems']) + len(decisions['measures'])}；"
              f"新同义词 / new synonyms: {sum(len(v) for v in decisions['synonyms'].values())}；"
              f"已否决 / rejected: {len(decisions['rejected'])}")


# --- keys and audit ---------------------------------------------------------------------------------------

def _keyring():
    from ..core.keys import KeyRing
    return KeyRing(state.settings.keys_path, state.settings.api_key)


def _audited_key_change(change, action: str):
    """Run a key change; its audit entry is written to the store first (a store that is down stops the change)."""
    from ..core.keys import KeyFileError
    from ..graph.review import AuditEntry, Commit
    store = state.store()
    try:
        return change(lambda name, before, after: store.commit(
            Commit(audit=[AuditEntry(cli_actor(), action, name, before, after)])))
    except KeyFileError as exc:   # a bad name or role, a name in use, no such key: the user's to fix
        fail(2, str(exc))


@keys_app.command("add")
def keys_add(name: str = typer.Argument(..., help="密钥名称（人名或用途，如 zhangsan、import-bot）"),
             role: str = typer.Option("editor", "--role", help="reader（只读）/ editor（修改）/ admin（管理）"),
             as_json: bool = typer.Option(False, "--json")) -> None:
    """新建密钥（只显示这一次）/ create a key (shown once)."""
    ring = _keyring()
    key, entry = _audited_key_change(lambda audit: ring.add(name, role, by=cli_actor(), before_write=audit), "key.add")
    if as_json:
        emit_json({"key": key, **entry})
        return
    err.print(Text.assemble(f"已为“{name}”新建 {role} 密钥；请立即保存，它不会再次显示 / key created for {name!r} "
                            f"({role}); store it now, it is not shown again:"), highlight=False)
    sys.stdout.write(key + "\n")


@keys_app.command("revoke")
def keys_revoke(name: str = typer.Argument(..., help="要吊销的密钥名称")) -> None:
    """吊销密钥（立即生效）/ revoke a key (takes effect at once)."""
    ring = _keyring()
    _audited_key_change(lambda audit: ring.revoke(name, by=cli_actor(), before_write=audit), "key.revoke")
    err.print(Text.assemble(f"已吊销“{name}”/ revoked {name!r}"), highlight=False)


@keys_app.command("list")
def keys_list(as_json: bool = typer.Option(False, "--json"),
              all_keys: bool = typer.Option(False, "--all", help="包括已吊销的密钥")) -> None:
    """列出密钥（不显示密钥本身）/ list keys (never the keys themselves)."""
    from ..core.keys import ENV_KEY_NAME, public
    ring = _keyring()
    items = [public(k) for k in ring.entries() if all_keys or not k.get("revoked")]
    if state.settings.api_key:
        items.append({"name": ENV_KEY_NAME, "role": "admin", "source": "DJKG_API_KEY"})
    if ring.error:
        err.print(Text.assemble(("错误 / error: ", "red"), term(ring.error)), highlight=False)
    if as_json:
        emit_json(items)
    else:
        table = Table(title=f"密钥 / keys（{len(items)}）")
        for col in ("名称 name", "角色 role", "开头 starts", "创建 created", "创建者 by", "吊销 revoked"):
            table.add_column(col)
        for k in items:
            table.add_row(*(term(x) for x in (k["name"], k["role"], k.get("shown") or k.get("source") or "",
                                              k.get("created") or "", k.get("created_by") or "", k.get("revoked") or "")))
        out.print(table)
    if ring.error:
        raise typer.Exit(1)


@app.command()
def audit(actor: Optional[str] = typer.Option(None, "--actor"), action: Optional[str] = typer.Option(None, "--action"),
          target: Optional[str] = typer.Option(None, "--target"),
          since: Optional[str] = typer.Option(None, "--since", help="ISO 8601，如 2024-05-01 或 2024-05-01T08:00:00Z"),
          until: Optional[str] = typer.Option(None, "--until"),
          limit: int = typer.Option(50, "--limit", min=1, max=10000), offset: int = typer.Option(0, "--offset", min=0),
          as_json: bool = typer.Option(False, "--json")) -> None:
    """审计记录（新的在前）/ the audit trail, newest first."""
    from datetime import datetime

    from ..graph.review import AUDIT_ACTIONS, utc_text
    from ..queries.audit import audit_page
    if action is not None and action not in AUDIT_ACTIONS:
        fail(2, f"--action 只能是 {'、'.join(AUDIT_ACTIONS)}", f"--action must be one of {', '.join(AUDIT_ACTIONS)}")
    bounds = {}
    for flag, value in (("since", since), ("until", until)):
        if value is not None:
            try:
                bounds[flag] = utc_text(datetime.fromisoformat(value.replace("Z", "+00:00")))
            except ValueError:
                fail(2, f"--{flag} 不是 ISO 8601 时间：{value}", f"--{flag} is not an ISO 8601 time")
    items, total = audit_page(state.store(), actor=actor, action=action, target=target, limit=limit, offset=offset,
                              **bounds)
    if as_json:
        emit_json({"items": items, "total": total, "limit": limit, "offset": offset})
        return
    table = Table(title=f"审计记录 / audit（{len(items)} / {total}）")
    for col in ("#", "时间 at", "谁 actor", "操作 action", "对象 target", "之后 after"):
        table.add_column(col, overflow="fold")
    for e in items:
        # names and phrases people typed are shown as typed (controls escaped), never read as rich markup
        table.add_row(str(e["seq"]), e["at"], term(e["actor"]), e["action"], term(e["target"]),
                      term(json.dumps(e["after"], ensure_ascii=False)[:200]))
    out.print(table, highlight=False)


@corpus_app.command("check")
def corpus_check(folder: Path = typer.Argument(..., help="案例库文件夹（如 data/cases）"),
                 as_json: bool = typer.Option(False, "--json")) -> None:
    """检查案例库：来源、年份、篇幅与覆盖面 / check the case library: sources, years, length and coverage."""
    from ..services.corpus import check_corpus
    if not folder.is_dir():
        fail(EXIT_USAGE, f"文件夹不存在：{folder}", "no such folder")
    report = check_corpus(folder)
    if as_json:
        emit_json(report.to_dict())
    else:
        table = Table(title=f"案例库检查 / corpus check（{report.documents} 篇，有来源 {report.documented} 篇）")
        table.add_column("项目 check")
        table.add_column("结果 result")
        table.add_column("说明 detail", overflow="fold")
        for c in report.checks:
            table.add_row(c.name, "通过 ok" if c.ok else "[red]未通过 failed[/red]", c.detail)
        out.print(table)
        for p in report.problems:
            err.print(f"[yellow]问题 / problem[/yellow] {p['file']}: {p['problem']}", markup=True, highlight=False)
    if not report.ok:   # the check found problems: reported above
        raise typer.Exit(EXIT_FAILED)


def read_gold(evaluate, gold: Path) -> dict:
    """``evaluate(gold)``, with a missing or unreadable gold set reported as the user's mistake."""
    import yaml
    if not gold.exists():
        fail(EXIT_USAGE, f"找不到金标准：{gold}", f"no such gold set: {gold}")
    try:
        return evaluate(gold)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:   # not there, not YAML, not the shape
        fail(EXIT_USAGE, f"无法读取金标准 {gold}：{type(exc).__name__}: {exc}", f"cannot read the gold set {gold}")


@eval_app.command("extraction")
def eval_extraction(gold: Path = typer.Option(Path("tests/gold/extraction_real"), "--gold"),
                    as_json: bool = typer.Option(False, "--json")) -> None:
    """抽取质量：各字段的准确率与召回率 / per-field precision and recall."""
    from ..services.evaluation import evaluate_extraction
    report = read_gold(evaluate_extraction, gold)
    print_extraction_report(report, f"抽取评测 / extraction ({report['documents']} 篇)", as_json)


@eval_app.command("sets")
def eval_sets(root: Path = typer.Option(Path("tests/gold"), "--root", help="金标准组所在的文件夹 / the folder of gold sets"),
              pattern: str = typer.Option("extraction_real*", "--pattern", help="哪些组 / which sets (a glob)"),
              as_json: bool = typer.Option(False, "--json")) -> None:
    """多组合计：开发组一起、封存组一起（每篇算一次）/ many gold sets scored as one, development and sealed apart."""
    from ..services.evaluation import evaluate_extraction_sets
    if not root.is_dir():
        fail(EXIT_USAGE, f"找不到金标准文件夹：{root}", f"no such folder: {root}")
    report = read_gold(lambda r: evaluate_extraction_sets(r, pattern), root)
    if as_json:
        emit_json(report)
        return
    for name, zh in (("development", "开发组"), ("sealed", "封存组")):
        group = report[name]
        print_extraction_report(group, f"{zh} / {name}（{len(group['sets'])} 组，{group['documents']} 篇）", False)


@eval_app.command("agreement")
def eval_agreement(gold: Path = typer.Option(..., "--gold", help="金标准文件夹 / the gold set's folder"),
                   second: Path = typer.Option(..., "--second", help="另一人对同样文件的标注 / a second annotation"),
                   as_json: bool = typer.Option(False, "--json")) -> None:
    """两位标注者的一致程度（按抽取评测的口径）/ agreement between two annotators, scored like the extractor."""
    from ..services.evaluation import evaluate_agreement
    if not second.is_file():
        fail(EXIT_USAGE, f"找不到第二份标注：{second}", f"no such annotation file: {second}")
    report = read_gold(lambda g: evaluate_agreement(g, second), gold)
    print_extraction_report(report, f"标注一致性 / annotator agreement ({report['documents']} 篇)", as_json)


def print_extraction_report(report: dict, title: str, as_json: bool) -> None:
    if as_json:
        emit_json(report)
        return
    table = Table(title=title)
    for col in ("字段 field", "precision", "recall", "target", "n"):
        table.add_column(col)
    for name, r in report["fields"].items():
        table.add_row(name, f"{r['precision']:.3f}", f"{r['recall']:.3f}", r.get("target", ""), str(r["n"]))
    claims = report["claims"]
    table.add_row("forbidden", f"{claims['forbidden_extracted']['value']:.3f}", "", claims["forbidden_extracted"]["target"],
                  str(claims["forbidden_extracted"]["n"]))
    table.add_row("invented", str(claims["invented_regions"]["value"]), "", claims["invented_regions"]["target"], "")
    out.print(table)


@eval_app.command("titles")
def eval_titles(gold: Path = typer.Option(Path("tests/gold/titles_dev.yaml"), "--gold"),
                as_json: bool = typer.Option(False, "--json")) -> None:
    """标题：找到报道本身的标题，而不是网页上的栏目、日期和署名 / the headline, not the page around it."""
    from ..services.evaluation import evaluate_titles
    report = read_gold(evaluate_titles, gold)
    if as_json:
        emit_json(report)
        return
    h, n = report["headline"], report["no_headline"]
    out.print(f"有标题的报道 / with a headline: {h['found']}/{h['n']} = {h['accuracy']:.3f}   "
              f"没有标题却取了一行 / no headline, a line taken: {n['line_taken']}/{n['n']} = {n['share']:.3f}")


@eval_app.command("recommend")
def eval_recommend(gold: Path = typer.Option(Path("tests/gold/profiles_real.yaml"), "--gold"),
                   without_field: bool = typer.Option(False, "--without-field",
                                                      help="不给领域（如首页默认“不限”）/ ask without the annotated field"),
                   as_json: bool = typer.Option(False, "--json")) -> None:
    """推荐质量：hit@3、MRR、nDCG@5 / recommendation quality."""
    from ..services.evaluation import evaluate_recommend
    from ..services.recommend import store_is_empty
    store = state.store()
    if store_is_empty(store):   # every profile would miss: figures of nothing
        fail(EXIT_USAGE, "库中还没有案例，无法评测推荐：请先导入案例库", "the store holds no cases: ingest the case library "
             "first (djkg ingest data/cases)")
    report = read_gold(lambda g: evaluate_recommend(store, g, without_field=without_field), gold)
    if as_json:
        emit_json(report)
        return
    out.print(f"profiles: {report['profiles']}  hit@3: {report['hit@3']:.3f}  MRR: {report['mrr']:.3f}  "
              f"nDCG@5: {report['ndcg@5']:.3f}")
    for miss in report["misses"]:
        out.print(f"  未命中 / miss: {miss['profile']} → 期望 {miss['expected']}，得到 {miss['got']}")


def main() -> None:
    try:
        app()
    except StoreError as exc:   # the store failed mid-way (server gone, disk full): the work failed
        err.print(f"[red]错误 / error:[/red] {escape(str(exc))}", highlight=False)
        sys.exit(EXIT_FAILED)
    finally:
        state.close()


if __name__ == "__main__":
    main()
