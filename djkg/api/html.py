"""HTML responses of the site: every page goes out with the security headers of ``viz/site.py``.

Routers render with ``page(...)`` (a template of ``viz/templates`` extending ``base.html``) or wrap an already
rendered page with ``html_response(...)``; an error page for browsers is ``error_page(...)``.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from ..viz.site import SECURITY_HEADERS, render_page


def html_response(body: str, status: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers={**SECURITY_HEADERS, **(headers or {})})


def page(template: str, *, status: int = 200, active: str = "", **context: Any) -> HTMLResponse:
    """Render ``template`` in the site layout and answer it with the security headers."""
    return html_response(render_page(template, active=active, **context), status)


def error_page(status: int, heading: str, message: str = "") -> HTMLResponse:
    """An error in the site layout, in Chinese (the JSON body of the API says it in both languages)."""
    return page("error.html", status=status, title=heading, heading=heading, message=message)


def wants_html(request: Request) -> bool:
    """A browser navigating (Accept: text/html first) rather than an API client."""
    accept = request.headers.get("accept", "")
    return "text/html" in accept and not request.url.path.startswith("/api/")
