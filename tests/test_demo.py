"""The README's first command: the whole scripted story plays and ends with a verified ledger."""

from __future__ import annotations

import contextlib
import io
import logging
import re
from pathlib import Path

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
    assert re.search(r"#1 下書き #1 第1版 承認 \S+ \S+ \d{4}年\d{1,2}月\d{1,2}日（[月火水木金土日]）09:3\d:\d\d ハッシュ [0-9a-f]{12}…", ledger)
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


def test_a_relative_sqlite_file_for_the_demo_is_named_absolutely(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    """`kessai demo --quiet --database-url sqlite:///demo.db` printed serve's WARNING 「created a new,
    empty SQLite database … If kessai has run before, its records are in the kessai.db of the folder it
    ran in: stop kessai …」: a false alarm (the demo insists on an empty database) where the README
    promises that --quiet prints nothing."""
    from bot.app import log_new_database
    from bot.demo import demo_database_url

    monkeypatch.chdir(tmp_path)
    url = demo_database_url("sqlite:///demo.db")
    assert url == f"sqlite:///{tmp_path / 'demo.db'}"
    with caplog.at_level(logging.INFO, logger="bot.app"):
        log_new_database(url)
    assert [r.levelno for r in caplog.records if r.name == "bot.app"] == [logging.INFO]
    # Anything else is the demo's to refuse or use as given.
    for given in ("sqlite:////var/lib/k.db", "postgresql://kessai@db/kessai", "sqlite:///file:k?mode=ro&uri=true"):
        assert demo_database_url(given) == given
