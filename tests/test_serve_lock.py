"""One ``kessai serve`` per SQLite file (bot.serve_lock): the lock itself, in this process and another."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from bot.exporting import kept_file_problem
from bot.serve_lock import ServeLockRefused, already_serving_ja, hold_serve_lock, lock_path, still_serving_ja

REPO = Path(__file__).resolve().parents[1]


def test_a_second_serve_on_one_sqlite_file_is_refused_until_the_first_lets_go(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kessai.db'}"
    first = hold_serve_lock(url)
    assert first is not None and first.path == tmp_path / "kessai.db.lock"
    try:
        with pytest.raises(ServeLockRefused) as refused:
            hold_serve_lock(url)
        said = refused.value.message_ja
        assert f"データベース {tmp_path / 'kessai.db'} は、すでに動いているほかの kessai serve" in said, said
        assert f"プロセス番号 {os.getpid()}、" in said and "起動を中止しました（まだ何も処理していません）" in said, said
        assert "`systemctl status kessai`" in said and '`pgrep -af "kessai serve"`' in said, said
        assert f"`ps -o pid,lstart,args -p {os.getpid()}`" in said and "ホスト名" not in said, said
        assert not (tmp_path / "kessai.db").exists()  # the lock alone: the database is not touched
    finally:
        first.release()
    again = hold_serve_lock(url)
    assert again is not None
    again.release()


def test_two_spellings_of_one_file_share_its_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A relative DATABASE_URL in one serve's working directory and an absolute one (or a path
    through a symbolic link) in another's name the same file."""
    (tmp_path / "data").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "data")
    monkeypatch.chdir(tmp_path / "data")
    first = hold_serve_lock("sqlite:///kessai.db")
    assert first is not None
    try:
        for other in (f"sqlite:///{tmp_path}/link/kessai.db", f"sqlite:///file:{tmp_path}/data/kessai.db?uri=true"):
            with pytest.raises(ServeLockRefused):
                hold_serve_lock(other)
        other_file = hold_serve_lock(f"sqlite:///{tmp_path}/data/other.db")  # another database: its own lock
        assert other_file is not None
        other_file.release()
    finally:
        first.release()


HOLDER = """
import sys, time
from bot.serve_lock import hold_serve_lock
lock = hold_serve_lock(sys.argv[1])
print("held", flush=True)
time.sleep(60)
"""


def test_the_lock_of_a_killed_serve_is_free_at_once(tmp_path: Path) -> None:
    """SIGKILL (or a power cut) leaves no stale lock: the kernel releases it with the process."""
    url = f"sqlite:///{tmp_path / 'kessai.db'}"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, url], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(ServeLockRefused) as refused:
            hold_serve_lock(url)
        assert f"プロセス番号 {holder.pid}、" in refused.value.message_ja
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    lock = hold_serve_lock(url)
    assert lock is not None
    lock.release()
    assert (tmp_path / "kessai.db.lock").exists()  # never deleted: see bot.serve_lock


def test_a_lock_file_the_service_user_cannot_write_still_locks(tmp_path: Path) -> None:
    """Left by a serve run once as root: flock needs no write access."""
    as_root = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp()) if as_root else tmp_path  # pytest's is root's own (0700)
    try:
        folder.chmod(0o777)
        (folder / "kessai.db.lock").write_text("")
        (folder / "kessai.db.lock").chmod(0o444)
        if as_root:  # root writes whatever it likes: the service user is someone else
            os.seteuid(65534)
        try:
            url = f"sqlite:///{folder / 'kessai.db'}"
            with pytest.raises(PermissionError):
                os.open(folder / "kessai.db.lock", os.O_RDWR)
            first = hold_serve_lock(url)
            assert first is not None
            try:
                with pytest.raises(ServeLockRefused) as refused:
                    hold_serve_lock(url)
                assert "すでに動いているほかの kessai serve が使っている" in refused.value.message_ja  # no pid written
            finally:
                first.release()
        finally:
            if as_root:
                os.seteuid(0)
    finally:
        if as_root:
            shutil.rmtree(folder)


def test_a_lock_file_that_cannot_be_opened_stops_serve_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "kessai.db.lock").mkdir()  # anything that is not a file kessai can open
    with pytest.raises(ServeLockRefused) as refused:
        hold_serve_lock(f"sqlite:///{tmp_path / 'kessai.db'}")
    said = refused.value.message_ja
    assert f"目印のファイル {tmp_path / 'kessai.db.lock'} を開けないため、起動を中止しました" in said, said
    assert f"`ls -l {tmp_path / 'kessai.db.lock'}`" in said, said


@pytest.mark.parametrize("code", [errno.ENOLCK, errno.EOPNOTSUPP])
def test_a_filesystem_without_locks_serves_with_a_warning_instead_of_stopping(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, code: int) -> None:
    # Some NFS and FUSE mounts answer flock(2) so; serve ran there before the lock existed, and the
    # refusal's 「書き込めるか」 advice would send the IT 担当 after permissions that are fine.
    import fcntl

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with caplog.at_level("WARNING", logger="bot.serve_lock"):
        assert hold_serve_lock(f"sqlite:///{tmp_path / 'kessai.db'}") is None
    assert "keeps no file locks" in caplog.text, caplog.text
    assert str(tmp_path / "kessai.db.lock") in caplog.text


def test_postgresql_and_memory_databases_take_no_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Replicas share PostgreSQL on purpose; an in-memory database has no file to lock."""
    monkeypatch.chdir(tmp_path)
    for url in ("postgresql://kessai@db.example/kessai", "sqlite://", "sqlite:///:memory:",
                "sqlite:///file::memory:?uri=true", "sqlite:///file:k?mode=memory&uri=true"):
        assert lock_path(url) is None, url
        assert hold_serve_lock(url) is None and hold_serve_lock(url) is None, url
    assert list(tmp_path.iterdir()) == []


def test_the_holders_host_and_start_are_named_when_they_are_known() -> None:
    said = already_serving_ja(Path("/opt/kessai/kessai.db"),
                              {"pid": "812", "host": "another-host", "started": "2026-12-05T08:30:00+0900"})
    assert "kessai serve（プロセス番号 812、ホスト名 another-host、2026-12-05 08:30（日本時間）に起動）が使っている" in said, said
    # A serve on a server whose zone is UTC (or Los Angeles) writes its own clock's time; said as
    # written, 「07:05 に起動」 was read as Japan's morning.
    for started in ("2026-12-06T07:05:00+0000", "2026-12-05T23:05:00-0800"):
        said = already_serving_ja(Path("/k.db"), {"pid": "812", "started": started})
        assert "（プロセス番号 812、2026-12-06 16:05（日本時間）に起動）" in said, said
    said = still_serving_ja("postgresql://db/kessai", [{"pid": "7", "started": "20261206T0705+0000"}], ("0016", "0017"))
    assert "プロセス番号 7、2026-12-06 16:05（日本時間）に起動" in said, said
    # Said in KESSAI_TZ, labelled with it, as every other time kessai tells: it was always Japan's.
    said = already_serving_ja(Path("/k.db"), {"pid": "812", "started": "2026-12-06T07:05:00+0000"},
                              tz="America/Los_Angeles")
    assert "（プロセス番号 812、2026-12-05 23:05（America/Los_Angeles）に起動）" in said, said
    said = still_serving_ja("postgresql://db/kessai", [{"pid": "7", "started": "20261206T0705+0000"}], ("0016", "0017"),
                            tz="Europe/Berlin")
    assert "プロセス番号 7、2026-12-06 08:05（Europe/Berlin）に起動" in said and "日本時間" not in said, said
    assert "プロセス番号" not in already_serving_ja(Path("/k.db"), {"pid": "garbage"})


def test_an_export_is_not_written_over_the_lock_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--output kessai.db.lock` replaced the file (a rename): a second serve locked the new one."""
    monkeypatch.chdir(tmp_path)
    said = kept_file_problem("kessai.db.lock", database_url="sqlite:///kessai.db", config_path="kessai.toml")
    assert said is not None and "目印のファイル" in said, said
    assert kept_file_problem("kessai.lock", database_url="sqlite:///kessai.db", config_path="kessai.toml") is None


def test_a_serve_starting_while_db_upgrade_looks_at_the_lock_is_not_refused(tmp_path: Path) -> None:
    """`kessai db upgrade` takes the lock for an instant (serving_holder) to learn whether a serve
    runs; a serve starting in that instant was refused, naming the last serve's pid as running."""
    import fcntl
    import threading

    url = f"sqlite:///{tmp_path / 'kessai.db'}"
    (tmp_path / "kessai.db.lock").write_text("pid=4242 host=old started=2026-04-01T08:00:00+0900\n")
    probe = os.open(tmp_path / "kessai.db.lock", os.O_RDONLY)  # as serving_holder opens and locks it
    fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
    threading.Timer(0.05, os.close, (probe,)).start()
    lock = hold_serve_lock(url)
    assert lock is not None
    assert f"pid={os.getpid()} " in (tmp_path / "kessai.db.lock").read_text()
    lock.release()


def test_a_long_host_name_keeps_the_start_time_in_the_postgresql_session_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # PostgreSQL keeps 63 bytes of application_name: with the host before the start, a cloud host name
    # (45 characters) cut the start away and was read back as another host than this one.
    from bot.serve_lock import presence_name, read_presence, still_serving_ja

    monkeypatch.setattr("socket.gethostname", lambda: "ip-10-0-1-23.ap-northeast-1.compute.internal")
    name = presence_name()
    assert len(name.encode()) <= 63
    said = still_serving_ja("postgresql://db/kessai", [read_presence(name)], ("0016", "0017"))
    assert "に起動" in said
    assert "ホスト名" not in said  # the same machine, though its name was cut short
    monkeypatch.setattr("socket.gethostname", lambda: "web2")
    assert "ホスト名 ip-10-0-1-23." in still_serving_ja("postgresql://db/kessai", [read_presence(name)], ("0016", "0017"))


def test_a_host_name_read_back_whole_is_not_taken_for_the_start_of_this_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # Only a name PostgreSQL cut at 63 bytes ends in part of its host: a serve on 「web1」 seen from
    # 「web10」 was named as this machine's process, and the refusal sent IT looking for it here.
    from bot.serve_lock import presence_name, read_presence, still_serving_ja

    monkeypatch.setattr("socket.gethostname", lambda: "web1")
    name = presence_name()
    monkeypatch.setattr("socket.gethostname", lambda: "web10")
    assert "ホスト名 web1 のプロセス番号" in still_serving_ja("postgresql://db/kessai", [read_presence(name)], ("0016", "0017"))
    monkeypatch.setattr("socket.gethostname", lambda: "web1")
    assert "ホスト名" not in still_serving_ja("postgresql://db/kessai", [read_presence(name)], ("0016", "0017"))
    assert read_presence("psql") == {}


def test_a_host_name_in_the_lock_file_is_shown_not_obeyed_by_db_upgrade_and_serve(tmp_path: Path) -> None:
    """The lock file is anyone's to write who can write beside the database: the host name in it,
    quoted by `db upgrade` and by a second serve's refusal, reached the terminal as it was."""
    import fcntl

    from storage.db import Database, upgrade
    from tests.test_cli import DEMO_TOML, kessai
    from tests.test_log_injection import raw_controls

    url = f"sqlite:///{tmp_path / 'kessai.db'}"
    db = Database(url)
    try:
        upgrade(db.engine, "0016")  # a migration pending: upgrade asks who serves
    finally:
        db.dispose()
    (tmp_path / "kessai.db.lock").write_text("pid=4242 host=web1\x1b[1A\x1b[2K\u202e started=2026-04-01T08:00:00+0900\n")
    held = os.open(tmp_path / "kessai.db.lock", os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        r = kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url)
        assert r.returncode == 1 and "ホスト名 web1\\x1b[1A\\x1b[2K\\u202e のプロセス番号 4242" in r.stderr, r.stderr
        assert raw_controls(r.stderr) == []
        r = kessai("serve", cwd=tmp_path, DATABASE_URL=url, KESSAI_CONFIG=str(DEMO_TOML), SLACK_BOT_TOKEN="xoxb-1",
                   SLACK_SIGNING_SECRET="s")
        assert r.returncode == 1 and "ホスト名 web1\\x1b[1A\\x1b[2K\\u202e" in r.stderr, r.stderr
        assert raw_controls(r.stderr) == []
    finally:
        os.close(held)
