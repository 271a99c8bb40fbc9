"""No module of bot/ binds the same top-level name twice. Rule modules are long and several people add patterns to
them at once: a second `_PLACE_NAMED` (prohibited.rumor's) replaced the first (prohibited.discrimination's), so the
同和地区 reading ran with another pattern and failed on every draft that held one, and a second `_HEADING_REACH` made
confidential.secret read 160 letters back where 40 were meant — both silently, since the later binding wins."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _names_bound_twice(source: str) -> dict[str, list[int]]:
    lines: dict[str, list[int]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        else:
            continue
        for name in names:
            lines.setdefault(name, []).append(node.lineno)
    return {name: at for name, at in lines.items() if len(at) > 1}


def test_the_check_finds_a_name_bound_twice() -> None:
    assert _names_bound_twice("A = 1\ndef f() -> int:\n    return A\nA = 2\n") == {"A": [1, 4]}


def test_no_module_binds_a_top_level_name_twice() -> None:
    # pii's _VENUE_BEFORE is filled in from its own pattern once the organisation words are known: on purpose.
    allowed = {("bot/rules/pii.py", "_VENUE_BEFORE")}
    twice = {
        (str(p.relative_to(ROOT)), name): at
        for p in sorted((ROOT / "bot").rglob("*.py"))
        for name, at in _names_bound_twice(p.read_text(encoding="utf-8")).items()
        if (str(p.relative_to(ROOT)), name) not in allowed
    }
    assert twice == {}
