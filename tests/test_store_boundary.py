"""Only `forecasts/store/` writes through a session: stages, views, jobs and the web call named
store functions (issue 13, "every query lives in store/")."""

from __future__ import annotations

import ast

from tests.conftest import REPO

KNOWN: set[str] = set()
WRITES = {"add", "add_all", "delete", "merge", "execute"}
SESSION_NAMES = {"s", "session", "db"}


def _session_writes(path: str) -> list[str]:
    tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in WRITES
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in SESSION_NAMES
        ):
            found.append(f"{path}:{node.lineno} {node.func.value.id}.{node.func.attr}(...)")
    return found


def test_no_session_writes_outside_the_store() -> None:
    """No `s.add(...)`, `session.execute(...)` and the like outside forecasts/store/."""
    files = [
        str(p.relative_to(REPO))
        for top in ("forecasts", "jobs")
        for p in sorted((REPO / top).rglob("*.py"))
        if "store" not in p.relative_to(REPO).parts and "migrations" not in p.parts
    ]
    assert files
    found = [hit for f in files if f not in KNOWN for hit in _session_writes(f)]
    assert found == []
