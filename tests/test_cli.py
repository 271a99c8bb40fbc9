"""The command line as an IT 担当 uses it: config check, db upgrade, serve refusing bad set-ups."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DEMO_TOML

REPO = Path(__file__).resolve().parents[1]


def kessai(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL"))}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, capture_output=True, text=True, timeout=60,
                          env={**clean, "PYTHONPATH": str(REPO), **env})


def test_config_check_accepts_the_demo_file(tmp_path: Path) -> None:
    r = kessai("config", "check", "--config", str(DEMO_TOML), cwd=tmp_path)
    assert r.returncode == 0 and "正しい設定です" in r.stdout


def test_config_check_names_every_problem_with_its_line(tmp_path: Path) -> None:
    bad = DEMO_TOML.read_text(encoding="utf-8").replace('rank = "課長補佐"', 'rank = "係長代理"', 1)
    bad = bad.replace("[policy]", "[policy]\nfavourite_colour = \"blue\"", 1)
    path = tmp_path / "kessai.toml"
    path.write_text(bad, encoding="utf-8")
    r = kessai("config", "check", cwd=tmp_path, KESSAI_CONFIG=str(path))
    assert r.returncode == 1
    lines = bad.splitlines()
    colour_line = next(i for i, line in enumerate(lines, 1) if line.startswith("favourite_colour"))
    rank_line = next(i for i, line in enumerate(lines, 1) if "係長代理" in line)
    assert f"kessai.toml:{colour_line}:" in r.stderr and "favourite_colour" in r.stderr
    assert f"kessai.toml:{rank_line}:" in r.stderr and "係長代理" in r.stderr


def test_config_check_explains_a_missing_file(tmp_path: Path) -> None:
    r = kessai("config", "check", cwd=tmp_path)
    assert r.returncode == 2 and "見つかりません" in r.stderr


def test_db_upgrade_then_serve_refuses_an_invalid_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    r = kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url)
    assert r.returncode == 0 and (tmp_path / "k.db").exists() and "作成しました" in r.stdout
    again = kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url)
    assert again.returncode == 0 and "すでに最新" in again.stdout  # not "updated" when nothing was
    path = tmp_path / "kessai.toml"
    path.write_text(DEMO_TOML.read_text(encoding="utf-8").replace('approvers = ["U0MANAGER", "U0CHIEF"]',
                                                                    'approvers = ["U0OPERATOR"]'), encoding="utf-8")
    r = kessai("serve", cwd=tmp_path, DATABASE_URL=url, KESSAI_CONFIG=str(path), SLACK_BOT_TOKEN="xoxb-1",
               SLACK_SIGNING_SECRET="s")
    assert r.returncode == 2 and "起動を中止しました" in r.stderr


def test_serve_without_tokens_says_what_is_missing(tmp_path: Path) -> None:
    r = kessai("serve", cwd=tmp_path, KESSAI_CONFIG=str(DEMO_TOML))
    assert r.returncode == 2
    assert "SLACK_BOT_TOKEN" in r.stderr and "SLACK_SIGNING_SECRET" in r.stderr


def test_bad_environment_values_are_explained_without_a_traceback(tmp_path: Path) -> None:
    for env in ({"PORT": "abc"}, {"DATABASE_URL": "garbage"}, {"DATABASE_URL": "mysql://kessai:secret@db/kessai"},
                {"KESSAI_TZ": "Foo/Bar"}):
        r = kessai("ledger", "verify", cwd=tmp_path, **env)
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert "環境変数" in r.stderr and "secret" not in r.stderr


def test_database_problems_are_explained_without_a_traceback(tmp_path: Path) -> None:
    unmigrated = kessai("ledger", "verify", cwd=tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'new.db'}")
    assert unmigrated.returncode == 1 and "kessai db upgrade" in unmigrated.stderr
    # Nothing listens on port 1: refused at once.
    down = kessai("ledger", "verify", cwd=tmp_path, DATABASE_URL="postgresql://kessai:secret@127.0.0.1:1/kessai")
    assert down.returncode == 1 and "接続できませんでした" in down.stderr
    assert "起動していない" in down.stderr and "Connection refused" in down.stderr  # the cause, not a guess list
    for r in (unmigrated, down):
        assert "Traceback" not in r.stderr and "secret" not in r.stderr


def test_each_database_connection_failure_names_its_cause() -> None:
    from bot.cli import database_connect_failure

    prefix = 'connection failed: connection to server at "db.example.lg.jp", port 5432 failed: FATAL:  '
    missing = database_connect_failure(prefix + 'database "kessai" does not exist')
    assert "データベース「kessai」がサーバーにありません" in missing and "createdb kessai" in missing
    assert "ユーザー「kesai」" in database_connect_failure(prefix + 'role "kesai" does not exist')
    assert "パスワード" in database_connect_failure(prefix + 'password authentication failed for user "kessai"')
    assert "ホスト名が見つかりません" in database_connect_failure(
        "failed to resolve host 'db.example': [Errno -2] Name or service not known")
    # A server answering in Japanese (lc_messages): no cause is guessed, but its words are shown.
    ja = database_connect_failure(prefix + "データベース\"kessai\"は存在しません")
    assert "ホスト名・ポート・ユーザー名・パスワード" in ja and "は存在しません" in ja


def test_an_export_to_a_folder_or_a_missing_folder_is_explained(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url)
    folder = kessai("ledger", "export", "--format", "csv", "--output", str(tmp_path), cwd=tmp_path, DATABASE_URL=url)
    assert folder.returncode == 1 and "フォルダーです" in folder.stderr
    missing = kessai("ledger", "export", "--format", "csv", "--output", str(tmp_path / "no" / "x.csv"), cwd=tmp_path,
                     DATABASE_URL=url)
    assert missing.returncode == 1 and "見つかりません" in missing.stderr
    assert "Traceback" not in folder.stderr + missing.stderr


def test_the_demo_refuses_a_database_kessai_already_uses(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url)
    r = kessai("demo", "--quiet", "--database-url", url, cwd=tmp_path)
    assert r.returncode == 2 and "空のデータベース" in r.stderr


def test_check_uses_the_organisation_file_serve_uses(tmp_path: Path) -> None:
    toml = DEMO_TOML.read_text(encoding="utf-8")
    assert "city.joetsu.niigata.jp" in toml  # a trusted domain of the demo organisation
    draft = "詳しくは https://www.city.joetsu.niigata.jp/soshiki/koho/ をご覧ください。"

    def codes(**env: str) -> str:
        r = subprocess.run([sys.executable, "-m", "bot", "check", "-", "--platform", "x", "--json"], input=draft,
                           cwd=tmp_path, capture_output=True, text=True, timeout=60,
                           env={**{k: v for k, v in os.environ.items() if not k.startswith("KESSAI_")},
                                "PYTHONPATH": str(REPO), **env})
        assert "Traceback" not in r.stderr, r.stderr
        return r.stdout + r.stderr

    assert "link.untrusted" in codes()  # no organisation file: the built-in trusted list only
    (tmp_path / "kessai.toml").write_text(toml, encoding="utf-8")
    assert "link.untrusted" not in codes()  # ./kessai.toml, as serve would read it
    (tmp_path / "kessai.toml").unlink()
    assert "link.untrusted" not in codes(KESSAI_CONFIG=str(DEMO_TOML))
    assert "見つかりません" in codes(KESSAI_CONFIG=str(tmp_path / "nope.toml"))


def test_a_wrong_command_line_is_explained_in_japanese(tmp_path: Path) -> None:
    r = kessai("ledger", "export", "--format", "xml", cwd=tmp_path)
    assert r.returncode == 2 and "--format に「xml」は指定できません" in r.stderr and "invalid choice" not in r.stderr
    r = kessai("frobnicate", cwd=tmp_path)
    assert r.returncode == 2 and "「frobnicate」は指定できません" in r.stderr


def test_serve_facing_something_that_is_not_slack_says_so_without_a_traceback(tmp_path: Path) -> None:
    """SLACK_API_URL pointing at a proxy's error page (or at the wrong server): the client library's
    English sentence used to reach the IT 担当 inside a Japanese one."""
    from bot.sandbox.server import LocalSlack
    from tests.production.serveproc import free_port

    slack = LocalSlack().start()
    try:
        slack.inject("auth.test", status=502, body="<html><body><h1>502 Bad Gateway</h1></body></html>")
        r = kessai("serve", cwd=tmp_path, KESSAI_CONFIG=str(DEMO_TOML), SLACK_BOT_TOKEN=slack.token,
                   SLACK_SIGNING_SECRET="s", SLACK_API_URL=slack.api_url, PORT=str(free_port()),
                   DATABASE_URL=f"sqlite:///{tmp_path / 'k.db'}")
    finally:
        slack.stop()
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "SLACK_API_URL" in r.stderr and "HTTP 502" in r.stderr and "non-JSON" not in r.stderr.splitlines()[-1]


def test_an_older_kessai_on_a_database_a_newer_one_upgraded_says_to_downgrade_first(tmp_path: Path) -> None:
    """Going back a version without `kessai db downgrade`: a sentence saying what to run, not
    alembic's traceback."""
    import sqlite3

    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url).returncode == 0
    with sqlite3.connect(tmp_path / "k.db") as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    for args in (("db", "upgrade"), ("serve",)):
        r = kessai(*args, cwd=tmp_path, DATABASE_URL=url, KESSAI_CONFIG=str(DEMO_TOML), SLACK_BOT_TOKEN="xoxb-1",
                   SLACK_SIGNING_SECRET="s", SLACK_API_URL="http://127.0.0.1:1/api/")
        assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
        assert "新しい版で更新されています" in r.stderr and "kessai db downgrade" in r.stderr
