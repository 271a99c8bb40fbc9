"""The README's first command: the whole scripted story plays and ends with a verified ledger."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from bot.demo import run_demo


@pytest.fixture(scope="module")
def demo_output() -> str:
    """One run of the demo (about 10 s: each scene waits for the bot to go quiet) for the tests that
    read what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run_demo() == 0
    return out.getvalue()


def test_demo_plays_to_the_end(demo_output: str) -> None:
    out = demo_output
    assert "台帳は正常です" in out and "代決" in out and "決裁省略" in out and "対応開始" in out
    # The ledger listing writes times as the conversation does, not as stored (「2026-12-07T09:30:02+09:00」).
    ledger = out[out.index("決裁台帳の検証"):]
    assert re.search(r"#1 下書き #1 第1版 承認 \S+ \S+ \d{4}年\d{1,2}月\d{1,2}日（[月火水木金土日]）09:3\d:\d\d hash", ledger)
    assert not re.search(r"\d{4}-\d\d-\d\dT", ledger)


def test_demo_shows_what_the_bot_answers_to_a_slash_command(demo_output: str) -> None:
    """The bot answers /kessai away and /kessai password-rotated in the command's acknowledgement,
    which Slack shows to the person alone. The demo printed 「▶ 上越 花子 が /kessai away …」 and
    then nothing of it: the newcomer never saw that the absence was registered, nor why two
    unexplained password-rotated commands came before a draft."""
    out = demo_output
    away = out.index("が /kessai away 20")
    said = out.index("kessai → 上越 花子 だけに表示:", away)
    assert "不在として登録しました" in out[said:said + 300]
    assert "不在の登録を取り消しました" in out
    rotated = out.index("が /kessai password-rotated joetsu-x")
    assert "パスワード変更を記録しました" in out[rotated:rotated + 400]
