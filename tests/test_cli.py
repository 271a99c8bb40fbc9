"""The command line as an IT 担当 uses it: config check, db upgrade, serve refusing bad set-ups."""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import DEMO_TOML, assert_stays_linear

REPO = Path(__file__).resolve().parents[1]


def kessai(*args: str, cwd: Path, own_process: bool = False, **env: str) -> subprocess.CompletedProcess[str]:
    """The command as ``python -m bot`` runs it (bot/__main__.py calls main and nothing else) in
    ``cwd`` with only ``env`` of kessai's settings. One-shot commands run in this process: a new
    Python took about 2 s (importing the rules compiles hundreds of patterns), and this file ran
    dozens. ``serve`` runs in a process of its own (it must not start serving in the tests'), and
    so does a command asked to (``own_process``). A command closes its database connections as it
    ends, so a test may change its database afterwards."""
    if own_process or args[:1] == ("serve",):
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL"))}
        return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, capture_output=True, text=True,
                              timeout=60, env={**clean, "PYTHONPATH": str(REPO), **env})
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        mp.chdir(cwd)
        for key in [k for k in os.environ if k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL"))]:
            mp.delenv(key)
        for key, value in env.items():
            mp.setenv(key, value)
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse refusing the arguments
            code = e.code if isinstance(e.code, int) else 2
    return subprocess.CompletedProcess(["kessai", *args], code, out.getvalue(), err.getvalue())


def serve_on_a_free_port(cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``kessai serve`` for a test of how it refuses to start, on a port of its own (on the default
    3000, another serve on a shared CI machine stopped it with 「ポート 3000 はほかのプログラムが使っている」
    first). serve binds the port before anything else, a second or more after free_port() closed
    it, and any process binding port 0 meanwhile (the other pytest-xdist worker, all the time) may
    be given it: serve is then started again on another port, as the guide tells staff to do."""
    from tests.production.serveproc import free_port

    for _ in range(4):
        port = free_port()
        r = kessai("serve", cwd=cwd, PORT=str(port), **env)
        if f"ポート {port} はほかのプログラムが使っている" not in r.stderr:
            return r
    raise AssertionError(f"kessai serve found its port taken four times:\n{r.stderr}")

def test_config_check_accepts_the_demo_file(tmp_path: Path) -> None:
    r = kessai("config", "check", "--config", str(DEMO_TOML), cwd=tmp_path)
    assert r.returncode == 0 and "正しい設定です" in r.stdout


def test_config_check_points_out_business_hours_in_a_zone_that_is_not_japans(tmp_path: Path) -> None:
    """A valid zone (exit 0), but one that moves 08:30-17:15 to 17:30-02:15 in Japan, past midnight:
    「翌 02:15」 as docs/operations.md writes it, not an end before its start."""
    r = kessai("config", "check", "--config", str(DEMO_TOML), cwd=tmp_path, KESSAI_TZ="UTC")
    assert r.returncode == 0 and "正しい設定です" in r.stdout
    assert "KESSAI_TZ が「UTC」" in r.stderr and "勤務時間は日本時間で 17:30〜翌 02:15" in r.stderr
    # A zone whose clock is Japan's all year moves nothing, and is not worth a word.
    for tz in ("Asia/Tokyo", "Japan", "Etc/GMT-9"):
        assert kessai("config", "check", "--config", str(DEMO_TOML), cwd=tmp_path, KESSAI_TZ=tz).stderr == ""


@pytest.mark.parametrize("locale_env", [
    {"LC_ALL": "C", "PYTHONUTF8": "0"},  # a unit's or cron's bare environment with UTF-8 mode turned off
    {"LC_ALL": "POSIX", "PYTHONUTF8": "0"},
])
def test_japanese_output_under_an_ascii_locale_is_written_in_utf8(tmp_path: Path, locale_env: dict[str, str]) -> None:
    """Python writes ASCII under these, and every command ended in a UnicodeEncodeError traceback
    at its first Japanese line, on stdout (config check's result) and stderr (its refusals)."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL", "LC_", "LANG", "PYTHONIOENCODING", "PYTHONUTF8"))}
    env = {**clean, "PYTHONPATH": str(REPO), **locale_env}
    ok = subprocess.run([sys.executable, "-m", "bot", "config", "check", "--config", str(DEMO_TOML)], cwd=tmp_path,
                        capture_output=True, timeout=60, env=env)
    assert ok.returncode == 0 and "正しい設定です" in ok.stdout.decode("utf-8"), ok.stderr.decode("utf-8", "replace")
    missing = subprocess.run([sys.executable, "-m", "bot", "config", "check", "--config", "ない.toml"], cwd=tmp_path,
                             capture_output=True, timeout=60, env=env)
    err = missing.stderr.decode("utf-8")
    assert missing.returncode == 2 and "ない.toml" in err and "Traceback" not in err


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


@pytest.mark.skipif(os.sep != "/", reason="a Windows path is this host's own on Windows")
@pytest.mark.parametrize("path", ["C:\\kessai\\kessai.toml", "D:/kessai/kessai.toml", "kessai\\kessai.toml"])
def test_a_missing_organisation_file_named_as_on_windows_is_explained(tmp_path: Path, path: str) -> None:
    """KESSAI_CONFIG copied from a Windows PC's set-up notes only said the file was not found."""
    for args in (("config", "check"), ("config", "check", "--config", path), ("check", "-", "--platform", "x"),
                 ("remind", "--now", "2026-12-01T10:00+09:00")):
        r = kessai(*args, cwd=tmp_path, KESSAI_CONFIG=path, DATABASE_URL=f"sqlite:///{tmp_path / 'k.db'}")
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert "見つかりません" in r.stderr and "Windows の書き方です" in r.stderr, (args, r.stderr)
        assert "/etc/kessai/kessai.toml のように" in r.stderr
    # A name as written on this server keeps what it said.
    for args in (("config", "check"), ("check", "-", "--platform", "x")):
        r = kessai(*args, cwd=tmp_path, KESSAI_CONFIG=str(tmp_path / "nope.toml"))
        assert r.returncode == 2 and "見つかりません" in r.stderr and "Windows" not in r.stderr, r.stderr
        assert "KESSAI_CONFIG で場所を" in r.stderr


def test_commands_that_read_the_database_do_not_make_a_missing_sqlite_file(tmp_path: Path) -> None:
    """A mistyped SQLite path: each command made an empty file (and its folders) there, then said
    to run `kessai db upgrade`, which made an empty ledger for an auditor to export 「[]」 from."""
    url = "sqlite:///typo/kessai.db"  # relative, as in .env: the working directory's
    for args, code in ((("ledger", "verify"), 1), (("ledger", "export", "--format", "json"), 1),
                       (("remind", "--now", "2026-12-01T10:00+09:00"), 2), (("incidents", "export"), 1),
                       (("db", "downgrade", "0015"), 1)):
        r = kessai(*args, cwd=tmp_path, DATABASE_URL=url, KESSAI_CONFIG=str(DEMO_TOML))
        assert r.returncode == code and "Traceback" not in r.stderr, (args, r.stderr)
        assert r.stdout == "" and f"「{tmp_path / 'typo' / 'kessai.db'}」がありません" in r.stderr, (args, r.stderr)
        assert list(tmp_path.iterdir()) == [], args
    # `db upgrade` is the command that makes it; the others then read it as before.
    made = kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url)
    assert made.returncode == 0 and f"SQLite のファイルは {tmp_path / 'typo' / 'kessai.db'} です" in made.stdout
    r = kessai("ledger", "verify", cwd=tmp_path, DATABASE_URL=url)
    assert r.returncode == 0 and "0 件" in r.stdout, r.stderr
    r = kessai("ledger", "export", "--format", "json", cwd=tmp_path, DATABASE_URL=url)
    assert r.returncode == 0 and json.loads(r.stdout) == [], r.stderr


def test_commands_that_read_the_database_from_a_folder_without_env_say_to_cd(tmp_path: Path) -> None:
    """docs/operations.md: kessai reads .env and sqlite:///kessai.db from the working folder.
    `sudo -u kessai /opt/kessai/.venv/bin/kessai ledger verify` run from a home folder said to make
    the database with `kessai db upgrade`, which made an empty one there that then verified as
    「台帳は正常です（0 件…）」. Now the folder without .env is named, with the folder to run from."""
    # (`incidents export` and `remind` read kessai.toml first, and say the same of it.)
    for args in (("ledger", "verify"), ("ledger", "export", "--format", "csv"), ("db", "downgrade", "0016")):
        r = kessai(*args, cwd=tmp_path)
        assert r.returncode == 1 and r.stdout == "", (args, r.stdout, r.stderr)
        assert f"{tmp_path} には .env もありません" in r.stderr and "cd /opt/kessai &&" in r.stderr, (args, r.stderr)
        assert "kessai db upgrade` で作成" not in r.stderr, (args, r.stderr)
        assert list(tmp_path.iterdir()) == [], args


def test_db_upgrade_in_a_folder_without_env_says_so(tmp_path: Path) -> None:
    """docs/operations.md: `kessai db upgrade` run where there is no .env (a login's or cron's home
    folder, /) made an empty kessai.db there and named only the file, or failed on the folder with
    「書き込み権限を確認してください」; now it names the working folder, says it has no .env, and to
    cd to the one that has. Not said where .env is, nor when the settings come from the environment."""
    made = kessai("db", "upgrade", cwd=tmp_path)
    assert made.returncode == 0 and f"SQLite のファイルは {tmp_path / 'kessai.db'} です" in made.stdout
    assert f"作業フォルダー（コマンドを実行したフォルダー）{tmp_path} には .env がありません" in made.stdout, made.stdout
    assert "cd /opt/kessai && /opt/kessai/.venv/bin/kessai db upgrade" in made.stdout
    unopenable = tmp_path / "slash"
    unopenable.mkdir()
    # A file SQLite cannot create, as kessai.db in / is to a user who may not write there (root may
    # write anywhere, and a folder of that name is refused before it is opened, as a folder).
    (unopenable / "kessai.db").symlink_to(tmp_path / "no such folder" / "kessai.db")
    r = kessai("db", "upgrade", cwd=unopenable)
    assert r.returncode == 1 and "SQLite のデータベースファイルを開けません" in r.stderr, r.stderr
    assert f"{unopenable} には .env がありません" in r.stderr, r.stderr
    with_env = tmp_path / "opt"
    with_env.mkdir()
    (with_env / ".env").write_text("DATABASE_URL=sqlite:///kessai.db\n", encoding="utf-8")
    quiet = kessai("db", "upgrade", cwd=with_env)
    assert quiet.returncode == 0 and ".env がありません" not in quiet.stdout + quiet.stderr
    from_env = tmp_path / "compose"
    from_env.mkdir()
    quiet = kessai("db", "upgrade", cwd=from_env, DATABASE_URL="sqlite:///kessai.db")
    assert quiet.returncode == 0 and ".env がありません" not in quiet.stdout + quiet.stderr


def test_db_upgrade_then_serve_refuses_an_invalid_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    r = kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url)
    assert r.returncode == 0 and (tmp_path / "k.db").exists() and "作成しました" in r.stdout
    again = kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url)
    assert again.returncode == 0 and "すでに最新" in again.stdout  # not "updated" when nothing was
    path = tmp_path / "kessai.toml"
    # The second approver's id holds an ESC and a line break (TOML's escapes): quoted as escapes.
    path.write_text(DEMO_TOML.read_text(encoding="utf-8").replace('approvers = ["U0MANAGER", "U0CHIEF"]',
                                                                    'approvers = ["U0OPERATOR", "U0X\\u001b[2J\\nU0Y"]'),
                    encoding="utf-8")
    r = kessai("serve", cwd=tmp_path, DATABASE_URL=url, KESSAI_CONFIG=str(path), SLACK_BOT_TOKEN="xoxb-1",
               SLACK_SIGNING_SECRET="s")
    assert r.returncode == 2 and "起動を中止しました" in r.stderr
    assert "2 秒おいて読み直しましたが、次の問題が残っています" in r.stderr  # not a save caught half-way
    assert "「U0X\\x1b[2J\\nU0Y」" in r.stderr and "\x1b" not in r.stderr
    # Every other command refuses the file in the same words (bot.cli.main), its values escaped too.
    r = kessai("incidents", "export", cwd=tmp_path, DATABASE_URL=url, KESSAI_CONFIG=str(path))
    assert r.returncode == 2 and "組織設定ファイルに問題があります" in r.stderr
    assert "「U0X\\x1b[2J\\nU0Y」" in r.stderr and "\x1b" not in r.stderr


def test_serve_reads_a_file_caught_half_saved_again_before_giving_up(tmp_path: Path) -> None:
    """`kessai serve` started while the IT 担当 saved the file: the half it read first must not stop
    it. The file is a FIFO, so the process gets the half on its first read and the whole only when
    it opens the file again; the database is one a newer kessai upgraded, so a start that got past
    the file ends right after it, saying so."""
    import errno
    import sqlite3
    import time

    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url).returncode == 0
    with sqlite3.connect(tmp_path / "k.db") as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    fifo = tmp_path / "kessai.toml"
    os.mkfifo(fifo)
    whole = DEMO_TOML.read_bytes()
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL"))}
    proc = subprocess.Popen([sys.executable, "-m", "bot", "serve"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={**clean, "PYTHONPATH": str(REPO), "DATABASE_URL": url, "KESSAI_CONFIG": str(fifo),
                                 "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
                                 "SLACK_API_URL": "http://127.0.0.1:1/api/"})

    def reading() -> bool:  # the process has the file open (Linux: its descriptors in /proc)
        fds = Path(f"/proc/{proc.pid}/fd")
        try:
            return any(os.readlink(fds / fd) == str(fifo) for fd in os.listdir(fds))
        except OSError:
            return False

    def hand_over(content: bytes) -> None:
        """``content`` as what the next read of the file gets, if the process makes one; returns
        once that read has ended (the process closed the file)."""
        while proc.poll() is None:
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as e:
                assert e.errno == errno.ENXIO  # nobody is opening it for reading yet
                time.sleep(0.02)
                continue
            os.set_blocking(fd, True)
            os.write(fd, content)
            # Closed only once the reader's open has returned: closed while it was still opening,
            # the next content written would have joined this one in the same read.
            while not reading() and proc.poll() is None:
                time.sleep(0.02)
            os.close(fd)  # the end of the file for the reader
            while reading():
                time.sleep(0.02)
            return

    try:
        hand_over(whole[: len(whole) // 2])
        hand_over(whole)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "起動を中止しました" not in err, err
    assert proc.returncode == 1 and "新しい版で更新されています" in err, err


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
    # A value is quoted as escapes: it cannot add a line of its own or command the terminal.
    r = kessai("ledger", "verify", cwd=tmp_path, KESSAI_TZ="Foo/Bar\x1b[2J\n2026")
    assert r.returncode == 2 and "「Foo/Bar\\x1b[2J\\n2026」が見つかりません" in r.stderr and "\x1b" not in r.stderr


def test_a_database_driver_kessai_does_not_ship_is_explained_without_a_traceback(tmp_path: Path) -> None:
    """Copied from another application's instructions: postgresql+asyncpg:// ended in
    ModuleNotFoundError's traceback; the driver kessai uses is psycopg."""
    for url in ("postgresql+asyncpg://kessai:secret@127.0.0.1:1/kessai", "postgresql+pg8000://kessai:secret@db/kessai",
                f"sqlite+aiosqlite:///{tmp_path / 'k.db'}"):
        r = kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url)
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert "DATABASE_URL" in r.stderr and "secret" not in r.stderr
    # The drivers it does ship, written out, are still accepted.
    for url in (f"sqlite+pysqlite:///{tmp_path / 'k.db'}",):
        r = kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url)
        assert r.returncode == 0, r.stderr


def test_a_database_sqlalchemy_has_no_dialect_for_is_named_not_called_unreadable(tmp_path: Path) -> None:
    """Reading the driver asked SQLAlchemy for the dialect, and a URL of a database it does not know
    (mongodb://) became 「DATABASE_URL を読み取れません」 instead of naming the database."""
    r = kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL="mongodb://kessai:secret@db/kessai")
    assert r.returncode == 2 and "「mongodb」には対応していません" in r.stderr and "secret" not in r.stderr, r.stderr


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
    # A server answering in Japanese (lc_messages = 'ja_JP.UTF-8', PostgreSQL's own translation): the
    # same causes, and its words shown. Before, none was named and a generic list of four settings was.
    ja = database_connect_failure(prefix + "データベース\"kessai\"は存在しません")
    assert "データベース「kessai」がサーバーにありません" in ja and "は存在しません" in ja
    assert "ユーザー「kesai」" in database_connect_failure(prefix + 'ロール"kesai"は存在しません')
    assert "パスワードが違う" in database_connect_failure(prefix + 'ユーザー"kessai"のパスワード認証に失敗しました')
    assert "pg_hba.conf" in database_connect_failure(
        prefix + 'pg_hba.conf にホスト"10.0.0.5"、ユーザー"kessai"、データベース"kessai, SSL無効用のエントリがありません')
    # Unknown words in any language still name the four settings to check.
    other = database_connect_failure(prefix + "la base de données « kessai » n'existe pas")
    assert "ホスト名・ポート・ユーザー名・パスワード" in other and "n'existe pas" in other


def test_the_database_servers_words_reach_the_terminal_escaped() -> None:
    """A server's sentence quotes names and values: an ESC or U+202E in one (a column named so, a
    tampered row db copy reads) reached the IT 担当's terminal raw and commanded it."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    from bot.cli import database_connect_failure, database_failure

    engine = create_engine("sqlite://")
    with pytest.raises(OperationalError) as lost, engine.connect() as c:
        c.execute(text('SELECT d."\x1b[2J\u202estate" FROM (SELECT 1) AS d'))
    engine.dispose()
    said = database_failure(lost.value)
    assert "no such column: d.\\x1b[2J\\u202estate" in said, said
    refused = database_connect_failure('connection failed: FATAL:  role "\x1b]8;;http://x\x07kessai" does not exist')
    for text_ in (said, refused):
        assert not any(c in text_ for c in "\x1b\x07\u202e"), text_


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


def test_the_demo_reads_a_home_folder_in_a_sqlite_url_as_database_url_is_read(tmp_path: Path) -> None:
    # The shell leaves the ~ of sqlite:///~/k.db as written: the demo made a folder named 「~」 and
    # played on a new database there, not on the one in the home folder (refused here: kessai's).
    home = tmp_path / "home"
    kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=f"sqlite:///{home / 'k.db'}")
    r = kessai("demo", "--quiet", "--database-url", "sqlite:///~/k.db", cwd=tmp_path, HOME=str(home))
    assert r.returncode == 2 and "空のデータベース" in r.stderr, r.stderr
    assert not (tmp_path / "~").exists()


def test_the_demo_reads_a_postgres_url_as_database_url_is_read(tmp_path: Path) -> None:
    """「postgres://…」 (Heroku's and libpq's spelling) works in DATABASE_URL; given to the demo's
    --database-url it was refused as a database kessai does not support."""
    r = kessai("demo", "--quiet", "--database-url", "postgres://kessai@127.0.0.1:1/kessai", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "対応していません" not in r.stderr and "接続できませんでした" in r.stderr, r.stderr


def test_libpqs_uri_for_a_unix_socket_reaches_the_server_over_its_socket(tmp_path: Path) -> None:
    """DATABASE_URL=postgresql://user@%2Ftmp:5432/db, libpq's way to name the socket's directory,
    failed with 「ホスト名が見つかりません（failed to resolve host '%2Ftmp'）」."""
    from urllib.parse import quote

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from bot.config import load_settings
    from storage.db import Database
    from tests.conftest import database_url

    base = make_url(database_url("postgres", tmp_path))
    engine = create_engine(base.set(drivername="postgresql+psycopg"))
    with engine.connect() as c:
        directories = str(c.execute(text("SHOW unix_socket_directories")).scalar() or "")
        port = c.execute(text("SHOW port")).scalar()
    engine.dispose()
    directory = next((d.strip() for d in directories.split(",") if d.strip().startswith("/")), None)
    if directory is None or not Path(directory, f".s.PGSQL.{port}").exists():
        pytest.skip("this PostgreSQL server has no Unix socket on this machine")
    user = quote(base.username or "", safe="")
    password = f":{quote(base.password, safe='')}" if base.password else ""
    url = f"postgresql://{user}{password}@{quote(directory, safe='')}:{port}/{base.database}"
    for postgres in (url, url.replace("postgresql://", "postgres://", 1)):
        r = kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=postgres)
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
        assert "ホスト名" not in r.stderr and r.stdout.startswith("データベース"), r.stdout
    r = kessai("ledger", "verify", cwd=tmp_path, DATABASE_URL=url)
    assert r.returncode == 0, r.stderr
    db = Database(load_settings({"DATABASE_URL": url}, dotenv=None).database_url)
    try:
        with db.engine.connect() as c:
            # No server address: the connection went over the socket, not TCP.
            assert c.execute(text("SELECT inet_server_addr()")).scalar() is None
    finally:
        db.dispose()


def test_the_demo_on_a_file_that_is_not_a_database_is_not_told_to_check_the_password(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("これはデータベースではありません。" * 100, encoding="utf-8")
    r = kessai("demo", "--quiet", "--database-url", f"sqlite:///{tmp_path / 'notes.db'}", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "接続できませんでした" not in r.stderr and "パスワード" not in r.stderr
    assert r.stderr.startswith("--database-url のデータベースは使えません。データベースを読み取れませんでした。")
    assert "--database-url が kessai のデータベースを指しているか" in r.stderr


def test_the_demo_on_a_sqlite_file_that_cannot_be_opened_is_not_told_to_check_the_password(tmp_path: Path) -> None:
    """A SQLite path naming a folder, or a file in a folder that is not there: the file cannot be
    opened. Before, the demo said to check the host name, port, user name and password, which a
    SQLite file has none of; a folder is now said to be one before anything is opened."""
    (tmp_path / "folder").mkdir()
    r = kessai("demo", "--quiet", "--database-url", f"sqlite:///{tmp_path / 'folder'}", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "パスワード" not in r.stderr and "ホスト名" not in r.stderr, r.stderr
    assert r.stderr.startswith(f"--database-url の SQLite のファイル「{tmp_path / 'folder'}」はフォルダーです。"), r.stderr
    (tmp_path / "folder" / "kessai.db").symlink_to(tmp_path / "no such folder" / "kessai.db")
    r = kessai("demo", "--quiet", "--database-url", f"sqlite:///{tmp_path / 'folder' / 'kessai.db'}", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "パスワード" not in r.stderr and "ホスト名" not in r.stderr, r.stderr
    assert r.stderr.startswith("--database-url のデータベースに接続できませんでした。SQLite のデータベースファイルを開けません。")
    assert "--database-url のパス" in r.stderr


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
    # Written in .env as ~/…: nothing expands it there (and serve reads it expanded).
    (tmp_path / "kessai.toml").write_text(toml, encoding="utf-8")
    found = codes(KESSAI_CONFIG="~/kessai.toml", HOME=str(tmp_path))
    assert '"findings"' in found and "link.untrusted" not in found


def test_a_wrong_command_line_is_explained_in_japanese(tmp_path: Path) -> None:
    r = kessai("ledger", "export", "--format", "xml", cwd=tmp_path)
    assert r.returncode == 2 and "--format に「xml」は指定できません" in r.stderr and "invalid choice" not in r.stderr
    r = kessai("frobnicate", cwd=tmp_path)
    assert r.returncode == 2 and "「frobnicate」は指定できません" in r.stderr
    # A command without its subcommand named argparse's dest (「次の指定が必要です: config_command」).
    r = kessai("config", cwd=tmp_path)
    assert r.returncode == 2 and "「kessai config」の後に、check を書いてください" in r.stderr, r.stderr
    r = kessai("ledger", cwd=tmp_path)
    assert "「kessai ledger」の後に、verify・export のどれかを" in r.stderr and "_command" not in r.stderr, r.stderr
    assert "serve・demo・check" in kessai(cwd=tmp_path).stderr
    # An option the command does not have was refused by the top parser, pointing at `kessai
    # --help`, which does not show `config check`'s options.
    r = kessai("config", "check", "--confg", "k.toml", cwd=tmp_path)
    assert r.returncode == 2 and "--confg k.toml（もしかして --config ですか？）" in r.stderr, r.stderr
    assert "`kessai config check --help`" in r.stderr and "使い方: kessai config check" in r.stderr
    # A prefix of an option was taken for it: --form (meant --from) was read as --format.
    r = kessai("ledger", "export", "--form", "2026-04-01", cwd=tmp_path)
    assert r.returncode == 2 and "--form 2026-04-01（もしかして --format か --from ですか？）" in r.stderr, r.stderr
    r = kessai("incidents", "export", "--out", "x.json", cwd=tmp_path)
    assert r.returncode == 2 and "--out x.json" in r.stderr and not (tmp_path / "x.json").exists(), r.stderr


def test_the_log_format_and_level_in_dotenv_are_used_by_every_command(tmp_path: Path) -> None:
    """Only serve read them from .env: a cron `kessai remind` or `kessai db upgrade` beside a JSON
    serve wrote text lines into the same log."""
    (tmp_path / ".env").write_text(f"KESSAI_LOG_FORMAT=json\nDATABASE_URL=sqlite:///{tmp_path / 'k.db'}\n",
                                   encoding="utf-8")
    r = kessai("db", "upgrade", cwd=tmp_path)
    logged = [line for line in r.stderr.splitlines() if "migrated" in line]
    assert r.returncode == 0 and logged and json.loads(logged[0])["logger"] == "storage.db", r.stderr
    (tmp_path / ".env").write_text(f"KESSAI_LOG_LEVEL=WARNING\nDATABASE_URL=sqlite:///{tmp_path / 'k2.db'}\n",
                                   encoding="utf-8")
    r = kessai("db", "upgrade", cwd=tmp_path)
    assert r.returncode == 0 and "migrated" not in r.stderr, r.stderr
    # Reading the two settings early repeated python-dotenv's warning of an unreadable line.
    (tmp_path / ".env").write_text(f"DATABASE_URL=sqlite:///{tmp_path / 'k3.db'}\nOTHER_TOOL value\n", encoding="utf-8")
    r = kessai("db", "upgrade", cwd=tmp_path)
    assert r.returncode == 0 and r.stderr.count("could not parse statement starting at line 2") == 1, r.stderr


def test_the_cron_line_at_warning_logs_no_info_lines_of_the_slack_library(tmp_path: Path) -> None:
    """docs/operations.md's cron line runs `kessai remind` with KESSAI_LOG_LEVEL=WARNING so that cron
    mails only failures and WARNINGs; with Slack unreachable, slack_sdk's own INFO lines (its retry
    of the refused connection) came too, as its logger was pinned at INFO whatever the level."""
    from tests.production.serveproc import refusing_port

    url = f"sqlite:///{tmp_path / 'kessai.db'}"
    assert kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url).returncode == 0
    # Bound, not listening, while remind runs: a port closed again first (free_port) may be given to
    # a server of the other pytest-xdist worker, and Slack was then "answered" by it.
    with refusing_port() as nobody:
        r = kessai("remind", cwd=tmp_path, DATABASE_URL=url, KESSAI_CONFIG=str(DEMO_TOML), KESSAI_LOG_LEVEL="WARNING",
                   SLACK_BOT_TOKEN="xoxb-1-2-abc", SLACK_API_URL=f"http://127.0.0.1:{nobody}/api/")
    assert "could not ask Slack" in r.stderr, r.stderr  # Slack was tried, and failed
    assert [line for line in r.stderr.splitlines() if " INFO " in line] == [], r.stderr


def test_serve_facing_something_that_is_not_slack_says_so_without_a_traceback(tmp_path: Path) -> None:
    """SLACK_API_URL pointing at a proxy's error page (or at the wrong server): the client library's
    English sentence used to reach the IT 担当 inside a Japanese one."""
    from bot.sandbox.server import LocalSlack

    slack = LocalSlack().start()
    try:
        slack.inject("auth.test", status=502, body="<html><body><h1>502 Bad Gateway</h1></body></html>")
        r = serve_on_a_free_port(tmp_path, KESSAI_CONFIG=str(DEMO_TOML), SLACK_BOT_TOKEN=slack.token,
                                 SLACK_SIGNING_SECRET="s", SLACK_API_URL=slack.api_url,
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
    env = {"DATABASE_URL": url, "KESSAI_CONFIG": str(DEMO_TOML), "SLACK_BOT_TOKEN": "xoxb-1",
           "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": "http://127.0.0.1:1/api/"}
    for r in (kessai("db", "upgrade", cwd=tmp_path, **env), serve_on_a_free_port(tmp_path, **env)):
        assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
        assert "新しい版で更新されています" in r.stderr and "kessai db downgrade" in r.stderr


# -- database errors other than a failed connection --------------------------------------------
REMIND = ("remind", "--now", "2026-11-24T10:00:00+09:00")


def migrated_sqlite(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url).returncode == 0  # (closed: changed at will after)
    return url


def test_a_read_only_sqlite_database_is_not_called_unreachable(tmp_path: Path) -> None:
    """kessai reached the file and could not write it: the advice is about write permission, not
    about host names and passwords."""
    url = migrated_sqlite(tmp_path)
    path = tmp_path / "k.db"
    for extra in ("k.db-wal", "k.db-shm"):
        (tmp_path / extra).unlink(missing_ok=True)
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    immutable = os.geteuid() == 0  # root writes a read-only file anyway; an immutable one it cannot
    try:
        if immutable and subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            import pytest

            pytest.skip("running as root where chattr +i is not available: a read-only file cannot be made")
        r = kessai(*REMIND, cwd=tmp_path.parent, DATABASE_URL=url, KESSAI_CONFIG=str(DEMO_TOML))
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)
        tmp_path.chmod(0o755)
        path.chmod(0o644)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "接続できませんでした" not in r.stderr and "パスワード" not in r.stderr
    assert r.stderr.startswith("データベースの権限が足りないため、実行できませんでした。")
    assert "データベースのファイルとそのフォルダーに書き込めるか" in r.stderr and "readonly database" in r.stderr


def test_a_postgres_role_without_privileges_and_a_read_only_database_are_told_apart(tmp_path: Path) -> None:
    import pytest
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from tests.conftest import database_url

    url = database_url("postgres", tmp_path)
    assert kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url).returncode == 0
    base = make_url(url)
    role = f"{base.database}_nopriv"
    admin = create_engine(base.set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
            c.execute(text(f'CREATE ROLE "{role}" LOGIN'))
            # It may see the tables (the schema), not read or write them.
            c.execute(text(f'GRANT USAGE ON SCHEMA public TO "{role}"'))
        as_role = base.set(username=role, password=None).render_as_string(hide_password=False)
        for args in (("ledger", "verify"), REMIND):
            r = kessai(*args, cwd=tmp_path, DATABASE_URL=as_role, KESSAI_CONFIG=str(DEMO_TOML))
            if "password authentication" in r.stderr:
                pytest.skip("this PostgreSQL server does not let a new role log in without a password")
            assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
            assert "接続できませんでした" not in r.stderr
            assert r.stderr.startswith("データベースの権限が足りないため") and "GRANT" in r.stderr
            assert "permission denied for table" in r.stderr

        with admin.connect() as c:
            c.execute(text(f'ALTER DATABASE "{base.database}" SET default_transaction_read_only = on'))
        r = kessai(*REMIND, cwd=tmp_path, DATABASE_URL=url, KESSAI_CONFIG=str(DEMO_TOML))
        assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
        assert r.stderr.startswith("接続先のデータベースは読み取り専用です") and "read-only transaction" in r.stderr
    finally:
        with admin.connect() as c:
            c.execute(text(f'ALTER DATABASE "{base.database}" RESET default_transaction_read_only'))
            if c.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first():
                c.execute(text(f'REVOKE ALL ON SCHEMA public FROM "{role}"'))
                c.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()


def test_each_kind_of_database_error_gets_its_own_sentence(tmp_path: Path) -> None:
    """Provoked on real SQLite databases: each kind says what happened, and only a database that
    cannot be opened is a connection failure."""
    import sqlite3

    import pytest
    from sqlalchemy import create_engine, event, text
    from sqlalchemy.exc import DBAPIError

    from bot.cli import explain_failure

    def failure(url: str, *statements: str, pragma: str | None = None) -> str:
        engine = create_engine(url, connect_args={"timeout": 0})
        if pragma:
            event.listen(engine, "connect", lambda conn, _: conn.execute(pragma))
        try:
            with pytest.raises(DBAPIError) as caught, engine.begin() as c:
                for sql in statements:
                    c.execute(text(sql))
        finally:
            engine.dispose()
        said = explain_failure(caught.value)
        assert said is not None
        return said

    url = f"sqlite:///{tmp_path / 'k.db'}"
    with create_engine(url).begin() as c:
        c.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)"))
        c.execute(text("INSERT INTO t VALUES (1, 'a')"))

    twice = failure(url, "INSERT INTO t VALUES (1, 'b')")
    assert twice.startswith("データベースが、書き込もうとした内容を受け付けませんでした（制約違反）。")
    assert "UNIQUE constraint failed" in twice

    full = failure(url, "INSERT INTO t VALUES (2, hex(randomblob(100000)))", pragma="PRAGMA max_page_count = 4")
    assert full.startswith("データベースの保存先の空き容量が足りないため") and "full" in full

    holder = sqlite3.connect(tmp_path / "k.db")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        busy = failure(url, "INSERT INTO t VALUES (3, 'c')")
    finally:
        holder.rollback()
        holder.close()
    assert busy.startswith("データベースがほかの処理で使用中のため") and "locked" in busy

    (tmp_path / "notes.db").write_text("これはデータベースではありません。" * 100, encoding="utf-8")
    not_a_db = failure(f"sqlite:///{tmp_path / 'notes.db'}", "SELECT * FROM t")
    assert not_a_db.startswith("データベースを読み取れませんでした。") and "not a database" in not_a_db

    missing = failure(url, "SELECT * FROM drafts")
    assert "kessai db upgrade" in missing

    unopenable = failure(f"sqlite:///{tmp_path / 'no-such-folder' / 'k.db'}", "SELECT 1")
    assert unopenable.startswith("データベースに接続できませんでした。SQLite のデータベースファイルを開けません")

    for said in (twice, full, busy, not_a_db, missing):
        assert "接続できませんでした" not in said and "パスワード" not in said


def test_a_connection_ended_by_the_server_is_not_explained_as_wrong_settings() -> None:
    """`kessai ledger verify` (or any command) whose connection PostgreSQL ended half-way (a
    restart, pg_terminate_backend) was told to check DATABASE_URL's host, port, user and password,
    which were right: it is told the connection was lost."""
    import psycopg

    from bot.cli import database_failure

    for lost in (psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
                 psycopg.OperationalError("consuming input failed: server closed the connection unexpectedly\n"
                                          "\tThis probably means the server terminated abnormally")):
        said = database_failure(lost)
        assert "接続が切れました" in said and "DATABASE_URL" not in said, said
    refused = database_failure(psycopg.OperationalError(
        'connection failed: connection to server at "127.0.0.1", port 5432 failed: Connection refused'))
    assert "起動していない" in refused


def test_a_port_that_takes_the_connection_and_closes_it_is_not_a_connection_lost(tmp_path: Path) -> None:
    """DATABASE_URL naming a port where something other than PostgreSQL listens (another service,
    a proxy without its backend): libpq says "server closed the connection unexpectedly" while
    connecting, the words of a connection lost half-way, and the IT 担当 was told to run it again
    instead of to check the host and port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def close_each() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:  # the listener closed: the test is over
                return
            conn.recv(1024)
            conn.close()

    closer = threading.Thread(target=close_each, daemon=True)
    closer.start()
    try:
        r = kessai("ledger", "verify", cwd=tmp_path,
                   DATABASE_URL=f"postgresql://kessai:secret@127.0.0.1:{listener.getsockname()[1]}/kessai")
    finally:
        listener.shutdown(socket.SHUT_RDWR)  # close() alone does not wake a thread in accept()
        listener.close()
        closer.join(10)
    assert r.returncode == 1 and "server closed the connection unexpectedly" in r.stderr, r.stderr
    assert "接続が切れました" not in r.stderr and "DATABASE_URL" in r.stderr and "Traceback" not in r.stderr


def _with_the_reader_gone(*args: str, cwd: Path) -> tuple[int, str]:
    # The read end is closed before the command starts: its first write finds nobody, as after
    # `| head` has read its lines (without racing the reader).
    read_end, write_end = os.pipe()
    os.close(read_end)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL"))}
    try:
        r = subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, stdout=write_end, stderr=subprocess.PIPE,
                           text=True, timeout=60, env={**clean, "PYTHONPATH": str(REPO)})
    finally:
        os.close(write_end)
    return r.returncode, r.stderr


def test_every_command_whose_reader_went_away_ends_with_141_as_the_readme_says(tmp_path: Path) -> None:
    """README says 141 (128 + SIGPIPE) for `| head` of any command, not only of kessai check."""
    for args in (("rules",), ("rules", "--markdown"), ("config", "check", "--config", str(DEMO_TOML))):
        assert _with_the_reader_gone(*args, cwd=tmp_path) == (141, ""), args


def test_a_command_does_not_load_the_rule_engine_it_does_not_use() -> None:
    """bot.calendar read era dates from bot.rules.dates, which loads every rule (~600 regular
    expressions, half a second) at every `kessai` command, those that never check a draft too
    (`config check`, `db upgrade`, `ledger verify`, exports) and each test that starts one. The eras
    live in bot.eras; the commands that check drafts (serve, demo, remind, check) load the engine
    when they run."""
    code = "import sys, bot.cli, bot.config, bot.calendar; print(' '.join(sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=REPO).stdout.split()
    assert "bot.eras" in loaded and not [m for m in loaded if m.startswith("bot.rules")]


def _every_parser(parser: object) -> list[object]:
    import argparse

    assert isinstance(parser, argparse.ArgumentParser)
    found: list[object] = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found += _every_parser(sub)
    return found


def test_every_help_is_in_japanese(tmp_path: Path) -> None:
    """`kessai --help` and each command's showed argparse's English headings between kessai's
    Japanese lines: 「usage:」「positional arguments:」「options:」「show this help message and exit」."""
    import argparse

    from bot.cli import build_parser

    parsers = _every_parser(build_parser())
    assert len(parsers) >= 15
    for parser in parsers:
        assert isinstance(parser, argparse.ArgumentParser)
        r = kessai(*parser.prog.split()[1:], "--help", cwd=tmp_path)
        assert r.returncode == 0 and r.stdout.startswith(f"使い方: {parser.prog}"), r.stdout
        for english in ("usage:", "positional arguments", "options:", "optional arguments", "show this help"):
            assert english not in r.stdout, (parser.prog, r.stdout)
        assert "-h, --help" in r.stdout and "この使い方を表示して終了します" in r.stdout
        # Every option says what it is for, and every command below the top opens with its sentence.
        for action in parser._actions:
            if not isinstance(action, argparse._SubParsersAction):
                assert action.help, (parser.prog, action.option_strings or action.dest)
        if parser.prog != "kessai":
            assert parser.description, parser.prog
    top = kessai("--help", cwd=tmp_path).stdout
    assert "コマンド:" in top and "オプション:" in top
    assert "引数:" in kessai("check", "--help", cwd=tmp_path).stdout
    # The names the SPEC fixes are unchanged.
    export = kessai("ledger", "export", "--help", cwd=tmp_path).stdout
    assert all(o in export for o in ("--from DATE", "--to DATE", "--format {csv,json}", "--output FILE"))
    # A wrong command line shows the usage line in Japanese as well.
    r = kessai("ledger", "export", "--format", cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.startswith("使い方: kessai ledger export") and "usage" not in r.stderr


def test_help_says_the_defaults_and_inputs_the_readme_gives() -> None:
    """README: `--config` falls back to KESSAI_CONFIG, then kessai.toml, and `kessai check --jsonl
    past_posts.jsonl` reads that file. `kessai config check --help` named KESSAI_CONFIG alone, and
    `--jsonl` said 「標準入力の JSON Lines」, so an IT 担当 reading the help piped the file in."""
    import argparse

    from bot.cli import build_parser

    # Compared without the spaces and line breaks argparse wraps the help with.
    helps = {p.prog: "".join(p.format_help().split()) for p in _every_parser(build_parser())
             if isinstance(p, argparse.ArgumentParser)}
    assert "KESSAI_CONFIG、それもなければkessai.toml" in helps["kessai config check"], helps["kessai config check"]
    assert "FILEを省略すると標準入力" in helps["kessai check"], helps["kessai check"]


def test_help_lines_fit_the_terminal_in_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """argparse counted a kanji as one column and broke lines at spaces only: a Japanese sentence
    ran to twice the width of the terminal, and the terminal broke it where it fell."""
    import unicodedata

    monkeypatch.setenv("COLUMNS", "60")
    for args in (("check",), ("ledger", "export"), ()):
        out = kessai(*args, "--help", cwd=tmp_path).stdout
        for line in out.splitlines():
            if line.lstrip().startswith("[--platform") or "--platform {" in line:
                continue  # one option with its choices: argparse does not break it, nor may we
            cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
            assert cols <= 60, (cols, line)
    out = kessai("check", "--help", cwd=tmp_path).stdout
    # Broken between Japanese characters, never inside an option or a path, nor before 、。）.
    assert "KESSAI_CONFIG" in out and "kessai.toml" in out
    assert not any(line.strip()[:1] in "、。）」" for line in out.splitlines() if line.strip())


def test_wrap_columns_keeps_words_whole_and_punctuation_attached() -> None:
    from bot.cli import wrap_columns

    assert wrap_columns("", 10) == []
    assert wrap_columns("abc def", 80) == ["abc def"]
    assert wrap_columns("あいうえお。かきくけこ", 10) == ["あいうえ", "お。かきく", "けこ"]
    lines = wrap_columns("ファイル（省略時は KESSAI_CONFIG）です", 12)
    assert "KESSAI_CONFIG）" in lines and not any(x.endswith("（") for x in lines), lines
    assert wrap_columns("a-very-long-path/that/cannot/break", 5) == ["a-very-long-path/that/cannot/break"]
    # Linear in the text's length: a line is never measured again from its start. Timed in CPU time by the
    # shared check: in wall time a busy machine's other processes failed it.
    assert_stays_linear(lambda text: wrap_columns(text, 70), "決裁ルール abc、")


def test_a_value_after_a_switch_is_explained(tmp_path: Path) -> None:
    r = kessai("check", "--json=1", cwd=tmp_path)
    assert r.returncode == 2 and "--json には値を付けません（「=1」を外してください）" in r.stderr, r.stderr


def _open_connections(url: str) -> set[tuple[int, str]]:
    """Connections to ``url``'s database other than the one asking (PostgreSQL), each by its process and
    start: a connection an earlier test of the worker left may end while a test runs, so a test asks that
    none it opened stays, not that the count is the same."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), poolclass=NullPool)
    try:
        with engine.connect() as c:
            rows = c.execute(text("SELECT pid, backend_start::text FROM pg_stat_activity WHERE datname = current_database() "
                                  "AND pid <> pg_backend_pid() AND backend_type = 'client backend'")).all()
            return {(int(pid), str(start)) for pid, start in rows}
    finally:
        engine.dispose()


@contextlib.contextmanager
def _no_garbage_collection() -> Iterator[None]:
    # The collector closed what a command left open at a moment of its choosing; the test looks at
    # what the command itself closed.
    import gc

    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_database_commands_close_their_connections_when_they_end(tmp_path: Path) -> None:
    """Each command left its connection pool open until the garbage collector came by: in the tests,
    and wherever kessai's commands run in a longer-lived process, idle PostgreSQL connections
    stayed open (and counted against max_connections). Failing or not, a command closes them."""
    from tests.conftest import database_url

    url = database_url("postgres", tmp_path)
    env = {"DATABASE_URL": url, "KESSAI_CONFIG": str(DEMO_TOML)}
    before = _open_connections(url)
    with _no_garbage_collection():
        runs = [
            kessai("db", "upgrade", cwd=tmp_path, **env),
            kessai("db", "downgrade", "0013", cwd=tmp_path, **env),
            kessai("db", "upgrade", cwd=tmp_path, **env),
            kessai("ledger", "verify", cwd=tmp_path, **env),
            kessai("ledger", "export", "--format", "csv", "--output", str(tmp_path / "l.csv"), cwd=tmp_path, **env),
            kessai("incidents", "export", "--output", str(tmp_path / "i.json"), cwd=tmp_path, **env),
            kessai("remind", cwd=tmp_path, **env),
        ]
        assert [r.returncode for r in runs] == [0] * len(runs), [r.stderr for r in runs]
        # Failing part-way, once the database was opened: an export into a folder.
        failed = kessai("ledger", "export", "--format", "csv", "--output", str(tmp_path), cwd=tmp_path, **env)
        assert failed.returncode == 1 and "フォルダーです" in failed.stderr
        assert _open_connections(url) <= before


def test_a_start_slack_refuses_closes_its_database_connections(tmp_path: Path) -> None:
    """`kessai serve` with a token Slack refuses stops at its auth.test, after the database was
    opened (and upgraded): its connections stayed open until the garbage collector came by."""
    from slack_sdk.errors import SlackApiError

    from bot.app import build_runtime
    from bot.config import Settings, load_org_config
    from bot.sandbox.server import LocalSlack
    from tests.conftest import database_url

    url = database_url("postgres", tmp_path)
    org = load_org_config(DEMO_TOML)
    before = _open_connections(url)
    with LocalSlack() as slack, _no_garbage_collection():
        settings = Settings(slack_bot_token="xoxb-revoked", slack_signing_secret="s", slack_api_url=slack.api_url,
                            database_url=url, port=0)
        with pytest.raises(SlackApiError):
            build_runtime(settings, org, start_gateway=False)
        assert _open_connections(url) <= before


def test_python_m_bot_cli_runs_the_command(tmp_path: Path) -> None:
    """`python -m bot.cli serve` (the module the `kessai` script names) exited 0 having done nothing:
    bot/cli.py had no __main__ guard. It runs the command as `python -m bot` does; here, serve
    without a token stops and says what is missing."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL"))}
    r = subprocess.run([sys.executable, "-m", "bot.cli", "serve"], cwd=tmp_path, capture_output=True, text=True,
                       timeout=60, env={**clean, "PYTHONPATH": str(REPO)})
    assert r.returncode == 2 and "SLACK_BOT_TOKEN が設定されていません" in r.stderr, (r.returncode, r.stderr)
