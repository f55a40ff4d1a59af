"""The site's layout: one Jinja2 environment over ``viz/templates`` (every page extends ``base.html``), the
navigation, the stylesheet and the security policy every served page carries.

Pages are rendered to strings here; the HTTP side (``api/html.py``) wraps them in a response with
``SECURITY_HEADERS``. Served pages link ``/static/…`` (scripts only from there: the policy allows no inline
script); a page written to a file (``djkg viz -o``) has no server, so ``inline=True`` embeds the stylesheet
and scripts and a meta policy says the same thing to the browser.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

SITE_NAME = "党建品牌经验知识图谱"

# (href, words, key): the key marks the current section (aria-current)
NAV: tuple[tuple[str, str, str], ...] = (
    ("/", "首页", "home"),
    ("/cases", "案例库", "cases"),
    ("/models", "模式", "models"),
    ("/regions", "地区总览", "regions"),
    ("/gaps", "问题缺口", "gaps"),
    ("/views/overview", "关系总览图", "overview"),
    ("/submit", "提交案例", "submit"),
)

FONT_STACK = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", '
              '"WenQuanYi Micro Hei", "Droid Sans Fallback", "SimHei", sans-serif')

# Nothing may come from outside. Scripts only from this server's /static (no inline script: a string that
# escaped escaping still could not run); inline style attributes are allowed (legend swatches, vis-network).
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# A file opened from disk has no /static and no headers: its meta policy allows its own inline code only.
FILE_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; "
            "base-uri 'none'; form-action 'none'")

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}

STATIC = resources.files(__package__).joinpath("static")
VENDOR = ("vis-network.min.js", "vis-network.css")     # shipped inside the pyvis wheel


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    """A file of ``viz/static`` (or vis-network from the pyvis wheel) as text; /static serves exactly these."""
    if name in VENDOR:
        return resources.files("pyvis").joinpath("lib", "vis-9.1.2", name).read_text(encoding="utf-8")
    return STATIC.joinpath(name).read_text(encoding="utf-8")


def static_names() -> list[str]:
    return sorted([f.name for f in STATIC.iterdir() if f.is_file()] + list(VENDOR))


@lru_cache(maxsize=None)
def static_url(name: str) -> str:
    """/static/NAME?v=DIGEST: a changed file gets a new URL, so browsers may cache for long."""
    digest = hashlib.sha256(static_text(name).encode("utf-8")).hexdigest()[:10]
    return f"/static/{name}?v={digest}"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("djkg.viz", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(site_name=SITE_NAME, nav=NAV, static_url=static_url, font_stack=FONT_STACK,
                       file_csp=FILE_CSP)
    env.filters["idpath"] = lambda value: quote(str(value), safe=":")   # ids in paths keep their colon
    env.globals["inline_static"] = lambda name: Markup(
        static_text(name).replace("</script", "<\\/script").replace("</style", "<\\/style"))
    return env


def render_page(template: str, *, active: str = "", inline: bool = False, **context: Any) -> str:
    """A whole page: ``template`` extends ``base.html``; ``active`` is the NAV key of its section."""
    defaults: dict[str, Any] = {"crumbs": [], "title": SITE_NAME, "page_class": ""}
    return environment().get_template(template).render({**defaults, **context, "active": active,
                                                        "inline": inline})
