"""Named keys and roles: the key ring file (hashed, mode 600, reloaded when it changes), DJKG_API_KEY as the
admin "env", and ``djkg keys add|list|revoke`` with exit codes and audit entries."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from djkg.core.keys import KeyFileError, KeyRing, Principal, hash_key
from djkg.graph.sqlite_store import SqliteStore
from djkg.queries.audit import audit_page

from conftest import embedded_env


def test_keys_are_stored_hashed_and_checked_by_role(tmp_path):
    ring = KeyRing(tmp_path / "keys.json")
    assert not ring.configured() and ring.verify("anything") is None
    key, entry = ring.add("alice", "editor", by="test")
    assert key.startswith("djkg_") and len(key) >= 45 and "hash" not in entry and entry["shown"] == key[:9]
    text = (tmp_path / "keys.json").read_text(encoding="utf-8")
    assert key not in text and hash_key(key) in text
    assert stat.S_IMODE(os.stat(tmp_path / "keys.json").st_mode) == 0o600
    who = ring.verify(key)
    assert who == Principal("alice", "editor") and who.can("reader") and who.can("editor") and not who.can("admin")
    assert ring.verify(key + "x") is None and ring.verify("") is None and ring.verify(None) is None
    assert ring.configured()


def test_a_second_ring_sees_changes_at_once_and_revoked_keys_stop_working(tmp_path):
    writer, reader = KeyRing(tmp_path / "keys.json"), KeyRing(tmp_path / "keys.json")   # CLI and a server
    key, _ = writer.add("bob", "reader", by="test")
    assert reader.verify(key) == Principal("bob", "reader")
    writer.revoke("bob", by="test")
    assert reader.verify(key) is None and not reader.configured()
    again, _ = writer.add("bob", "admin", by="test")   # a revoked name can be given a new key
    assert reader.verify(again) == Principal("bob", "admin") and reader.verify(key) is None
    assert [k["name"] for k in reader.entries()] == ["bob", "bob"]


def test_bad_names_roles_and_duplicates_are_refused(tmp_path):
    ring = KeyRing(tmp_path / "keys.json")
    ring.add("carol", "admin", by="test")
    for name, role in (("carol", "reader"), ("env", "reader"), ("has space", "reader"), ("<b>", "reader"),
                       ("x" * 65, "reader"), ("ok", "root"), ("a\x00b", "reader"), ("", "reader")):
        with pytest.raises(KeyFileError):
            ring.add(name, role, by="test")
    with pytest.raises(KeyFileError):
        ring.revoke("nobody", by="test")
    assert len(ring.entries()) == 1


def test_the_environment_key_is_an_admin_named_env(tmp_path):
    ring = KeyRing(tmp_path / "keys.json", env_key="env-key-0123456789")
    assert ring.configured() and ring.verify("env-key-0123456789") == Principal("env", "admin")
    assert ring.verify("env-key-012345678") is None


def test_a_damaged_key_file_grants_nothing_and_is_not_overwritten(tmp_path):
    path = tmp_path / "keys.json"
    ring = KeyRing(path)
    key, _ = ring.add("dave", "editor", by="test")
    path.write_text("{not json", encoding="utf-8")
    assert ring.verify(key) is None and ring.error
    with pytest.raises(KeyFileError):
        ring.add("erin", "editor", by="test")
    assert path.read_text(encoding="utf-8") == "{not json"


def test_a_failed_audit_leaves_the_key_file_unchanged(tmp_path):
    ring = KeyRing(tmp_path / "keys.json")

    def store_down(*_):
        raise RuntimeError("store unavailable")

    with pytest.raises(RuntimeError):
        ring.add("frank", "editor", by="test", before_write=store_down)
    assert ring.entries() == []


# --- the command line -------------------------------------------------------------------------------------

def djkg(data, *args, env=None):
    return subprocess.run([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env or embedded_env(), timeout=120)


def test_cli_keys_add_list_revoke_with_exit_codes_and_audit(tmp_path):
    r = djkg(tmp_path, "keys", "add", "zhangsan", "--role", "editor")
    assert r.returncode == 0, r.stderr
    key = r.stdout.strip()
    assert key.startswith("djkg_") and "不会再次显示" in r.stderr
    assert djkg(tmp_path, "keys", "add", "zhangsan").returncode == 2          # already active
    assert djkg(tmp_path, "keys", "add", "bad name").returncode == 2
    assert djkg(tmp_path, "keys", "add", "lisi", "--role", "root").returncode == 2
    listed = json.loads(djkg(tmp_path, "keys", "list", "--json",
                             env=embedded_env(DJKG_API_KEY="env-key-0123456789")).stdout)
    assert [(k["name"], k["role"]) for k in listed] == [("zhangsan", "editor"), ("env", "admin")]
    assert key not in json.dumps(listed) and all("hash" not in k for k in listed)
    assert djkg(tmp_path, "keys", "revoke", "zhangsan").returncode == 0
    assert djkg(tmp_path, "keys", "revoke", "zhangsan").returncode == 2
    assert json.loads(djkg(tmp_path, "keys", "list", "--json").stdout) == []
    assert len(json.loads(djkg(tmp_path, "keys", "list", "--json", "--all").stdout)) == 1
    store = SqliteStore(tmp_path / "djkg.sqlite3")
    items, total = audit_page(store)
    assert total == 2 and [e["action"] for e in items] == ["key.revoke", "key.add"]
    assert items[1]["target"] == "zhangsan" and items[1]["after"]["role"] == "editor"
    assert items[0]["actor"].startswith("cli:") and key not in json.dumps(items)
    store.close()
    audit = json.loads(djkg(tmp_path, "audit", "--json", "--action", "key.add").stdout)
    assert audit["total"] == 1
    assert djkg(tmp_path, "audit", "--action", "nonsense").returncode == 2
    assert djkg(tmp_path, "audit", "--since", "yesterday").returncode == 2
