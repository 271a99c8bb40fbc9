"""The README's first command: the whole scripted story plays and ends with a verified ledger."""

from __future__ import annotations

from bot.demo import run_demo


def test_demo_plays_to_the_end(capsys) -> None:  # type: ignore[no-untyped-def]
    assert run_demo() == 0
    out = capsys.readouterr().out
    assert "台帳は正常です" in out and "代決" in out and "決裁省略" in out and "対応開始" in out
