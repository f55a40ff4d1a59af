"""Dependencies: settings, the store (one per app), and the key guards (``auth.py``, re-exported here)."""

from __future__ import annotations

from fastapi import Request

from ..core.config import Settings
from ..graph.store import GraphStore
from .auth import RoleFirstRoute, require_admin, require_editor, require_reader, require_role  # noqa: F401


# async: an attribute read needs no worker thread (a sync dependency costs a thread-pool round trip per request)
async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_store(request: Request) -> GraphStore:
    return request.app.state.store


# writes (adding cases, corrections, taxonomy review) need an editor key; the name predates roles
require_api_key = require_editor
# the guards (require_api_key among them) are checked before the body is read: the route class issue 20 named
KeyFirstRoute = RoleFirstRoute
