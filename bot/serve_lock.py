"""One ``kessai serve`` per SQLite file: an exclusive lock on ``<database>.lock``, held for the process's life.

SQLite is for one machine and one serve (docs/operations.md). Two of them (the systemd service and
one started in a terminal, or an old version left running after an upgrade) both swept reminders
and sent from the outbox, and the IT 担当 believed they had restarted kessai. flock(2) is released
by the kernel when the process ends however it ends (SIGKILL, a power cut), so a crash leaves
nothing stale to clear; the file's text (pid, host, start time) only says who holds it.

The lock is a file of its own beside the database: a second descriptor on the database file that
this process opened and closed would drop the POSIX locks SQLite holds on it. The file is never
deleted: a serve that unlinked it on exit could race one that had just opened it, and two would
then hold locks on two different files.
"""

from __future__ import annotations

import errno
import logging
import os
import socket
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.calendar import DEFAULT_TZ, zone_label_ja
from bot.logs import printable

log = logging.getLogger(__name__)

# flock(2) answers these where the filesystem keeps no locks (some NFS and FUSE mounts). serve ran
# there before the lock existed; refusing would stop a working install over a safeguard.
NO_LOCKS_HERE = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS})


class ServeLockRefused(Exception):
    """The database cannot be taken for this serve; ``message_ja`` says why and what to do."""

    def __init__(self, message_ja: str) -> None:
        self.message_ja = message_ja
        super().__init__(message_ja)


def lock_path(database_url: str) -> Path | None:
    """The lock file of the SQLite file DATABASE_URL opens (symlinks resolved, so that two
    spellings of one file share it); None for PostgreSQL and an in-memory database."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from bot.exporting import sqlite_file_opened

    try:
        u = make_url(database_url)
    except (ArgumentError, ValueError):
        return None
    if u.get_backend_name() != "sqlite" or not u.database or u.query.get("mode") == "memory":
        return None
    opened = sqlite_file_opened(u.database, u.query.get("uri"))
    if opened in ("", ":memory:"):
        return None
    database = Path(opened).expanduser().resolve()
    return database.with_name(database.name + ".lock")


class ServeLock:
    """A held lock; ``release`` ends it (the process's end does too)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor of the open file releases the flock
            self._fd = None


def hold_serve_lock(database_url: str, *, tz: str = DEFAULT_TZ) -> ServeLock | None:
    """Take the lock of DATABASE_URL's SQLite file without waiting; None where there is nothing to
    lock (PostgreSQL: replicas are meant to share it; Windows, where kessai does not serve).
    Raises ServeLockRefused when another process holds it or the file cannot be opened; ``tz``
    (KESSAI_TZ) is the zone its refusal says the holder's start in."""
    path = lock_path(database_url)
    if path is None or sys.platform == "win32":
        return None

    database = path.with_name(path.name.removesuffix(".lock"))
    path.parent.mkdir(parents=True, exist_ok=True)  # as serve's engine does for the database itself
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        writable = True
    except PermissionError:
        # Left by a serve run once as root, say: flock needs no write access, only the text is not written.
        try:
            fd = os.open(path, os.O_RDONLY)
            writable = False
        except OSError as e:
            raise ServeLockRefused(unopenable_ja(path, database, e)) from e
    except OSError as e:
        raise ServeLockRefused(unopenable_ja(path, database, e)) from e
    try:
        _flock_past_a_probe(fd)
    except OSError as e:
        holder = read_holder(fd)
        os.close(fd)
        if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise ServeLockRefused(already_serving_ja(database, holder, tz=tz)) from e
        if e.errno in NO_LOCKS_HERE:
            log.warning("the filesystem of %s keeps no file locks (%s): a second kessai serve on this "
                        "SQLite database would not be refused; SQLite itself is unsafe on such a "
                        "filesystem (network drives): keep the database on a local disk",
                        path, e.strerror or e.errno)
            return None
        raise ServeLockRefused(unopenable_ja(path, database, e)) from e
    if writable:
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid={os.getpid()} host={socket.gethostname()} "
                          f"started={datetime.now().astimezone():%Y-%m-%dT%H:%M:%S%z}\n".encode(), 0)
        except OSError:  # a full disk, say: the lock holds all the same, and the next message names no pid
            pass
    return ServeLock(path, fd)


# `kessai db upgrade` (serving_holder) takes the lock for an instant to learn whether a serve runs:
# a serve starting in that instant was refused as if another serve held the file, naming the pid
# of the last serve the file remembers. A probe is over in well under this; a serve is not.
PROBE_SECONDS = 0.25


def _flock_past_a_probe(fd: int) -> None:
    import fcntl

    deadline = time.monotonic() + PROBE_SECONDS
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as e:
            if e.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES) or time.monotonic() >= deadline:
                raise
        time.sleep(0.02)


def read_holder(fd: int) -> dict[str, str]:
    """What the holder wrote of itself; empty when it wrote nothing yet (or could not)."""
    try:
        text = os.pread(fd, 512, 0).decode("utf-8", errors="replace")
    except OSError:
        return {}
    return parse_holder(text)


def parse_holder(text: str) -> dict[str, str]:
    """``pid=… host=… started=…``, as a serve writes it of itself, read back."""
    return dict(part.split("=", 1) for part in text.split() if "=" in part)


def already_serving_ja(database: Path, holder: dict[str, str], *, tz: str = DEFAULT_TZ) -> str:
    """What to tell the IT 担当 whose ``kessai serve`` found another serving ``database``."""
    pid = holder.get("pid", "")
    pid = pid if pid.isdigit() else ""
    who = ""
    if pid:
        who = f"（プロセス番号 {pid}"
        if holder.get("host") and holder["host"] != socket.gethostname():
            # As the lock file says (anyone who can write beside the database wrote it): escaped.
            who += f"、ホスト名 {printable(holder['host'])}"
        if started := _started_ja(holder.get("started", ""), tz):
            who += f"、{started}に起動"
        who += "）"
    check = "`systemctl status kessai`、`pgrep -af \"kessai serve\"`"
    if pid:
        check += f"、`ps -o pid,lstart,args -p {pid}`"
    return (f"データベース {database} は、すでに動いているほかの kessai serve{who or ' '}が使っているため、起動を中止しました"
            "（まだ何も処理していません）。SQLite のデータベースは 1 つの kessai serve でだけ使えます。"
            "systemd のサービスとして動いているものか、別の端末で起動したものが考えられます"
            f"（{check} で確かめられます）。"
            "動いていれば、この kessai serve は不要です。再起動したいときは、動いているものを止めてから"
            "（systemd なら `systemctl restart kessai`）起動してください。新しい版に入れ替えた後なら、"
            "古い版が動き続けていないかも確かめてください。")


def _started_ja(started: str, tz: str) -> str:
    # The lock file's ISO form, or a presence name's compact one. Written in the serve's host
    # zone (with its offset): shown as it was written, a serve on a UTC server (most cloud VMs
    # and containers) said 「07:05 に起動」 of one started at 16:05 in Japan. Said in KESSAI_TZ, as
    # every other time kessai tells (it was always Japan's, beside reminders in another zone).
    for form in ("%Y-%m-%dT%H:%M:%S%z", "%Y%m%dT%H%M%z"):
        try:
            return f"{datetime.strptime(started, form).astimezone(ZoneInfo(tz)):%Y-%m-%d %H:%M}（{zone_label_ja(tz)}）"
        except ValueError:
            continue
    return ""


def unopenable_ja(path: Path, database: Path, error: OSError) -> str:
    """What to say when the lock file itself cannot be opened or locked."""
    return (f"データベース {database} を 1 つの kessai serve だけで使うための目印のファイル {path} を"
            f"開けないため、起動を中止しました（{error.strerror or type(error).__name__}）。"
            "kessai を動かすユーザーが、データベースのあるフォルダーとこのファイルに書き込めるか"
            f"（`ls -l {path}`）を確認してください。")


def serving_holder(database_url: str) -> dict[str, str] | None:
    """Whether a ``kessai serve`` holds the lock of DATABASE_URL's SQLite file right now: what it
    wrote of itself (pid, host, start) if so; None if not, for PostgreSQL, and where the lock file
    is absent (no serve of a version with the lock ran) or the filesystem keeps no locks.

    Taken and let go at once, never held: a serve starting in that instant is refused and says so."""
    path = lock_path(database_url)
    if path is None or sys.platform == "win32":
        return None
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None  # absent, or unreadable: serve itself says what is wrong with it at start
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return read_holder(fd)
            return None
        return None
    finally:
        os.close(fd)  # the only descriptor of this open file: its flock, if taken, ends with it


PRESENCE_PREFIX = "kessai pid="  # how `kessai db upgrade` tells a serve's session name from one it cannot read
PRESENCE_BYTES = 63  # what PostgreSQL keeps of an application_name (NAMEDATALEN - 1)


def presence_name() -> str:
    """The application_name of the PostgreSQL session marking this serve as running
    (storage.db.ServePresence), which `kessai db upgrade` reads back to say which serve runs.

    PostgreSQL keeps 63 bytes of it (NAMEDATALEN - 1): the start is written compactly and the host
    last, so that a long host name (ip-10-0-1-23.ap-northeast-1.compute.internal) loses its own tail
    rather than the start time."""
    name = (f"{PRESENCE_PREFIX}{os.getpid()} started={datetime.now().astimezone():%Y%m%dT%H%M%z} "
            f"host={socket.gethostname()}")
    return name.encode()[:PRESENCE_BYTES].decode(errors="ignore")


def read_presence(name: str) -> dict[str, str]:
    """A serve's presence name (``presence_name``) read back; {} for another session's name. "cut"
    when PostgreSQL may have cut it at 63 bytes: then its host may be the start of a longer name."""
    if not name.startswith(PRESENCE_PREFIX):
        return {}
    holder = parse_holder(name)
    if len(name.encode()) >= PRESENCE_BYTES:
        holder["cut"] = "1"
    return holder


def _elsewhere(holder: dict[str, str]) -> bool:
    """Whether ``holder``'s serve runs on another machine than this one. Only a host cut short is
    matched as the start of this machine's name: whole, 「web1」 is not 「web10」."""
    host, here = holder.get("host", ""), socket.gethostname()
    if not host:
        return False
    return not here.startswith(host) if holder.get("cut") else host != here


def _running_ja(holders: list[dict[str, str]], tz: str) -> str:
    """「動いている kessai serve（プロセス番号 …、…に起動）」: which serves to stop, and where."""
    who = []
    for holder in holders:
        pid = holder.get("pid", "")
        if not pid.isdigit():
            continue
        one = f"プロセス番号 {pid}"
        if _elsewhere(holder):
            one = f"ホスト名 {printable(holder['host'])} の{one}"
        if started := _started_ja(holder.get("started", ""), tz):
            one += f"、{started}に起動"
        who.append(one)
    running = f"動いている kessai serve {len(holders)} 台" if len(holders) > 1 else "動いている kessai serve"
    return running + (f"（{' ／ '.join(who)}）" if who else "")


_FIND_SERVES_JA = ("（systemd なら `systemctl stop kessai`。動いているものは `systemctl status kessai`、"
                   "`pgrep -af \"kessai serve\"` で確かめられます）。")


def still_serving_ja(database: str, holders: list[dict[str, str]], pending: tuple[str | None, str], *,
                     tz: str = DEFAULT_TZ) -> str:
    """What `kessai db upgrade` says when serves of ``database`` run and migrations are pending.

    The running serve is of the version before: upgraded under it, it goes on with its old code on
    the new tables (/healthz ``migrations: newer``, 503) until restarted."""
    found, head = pending
    many = len(holders) > 1
    change = f"{found} から {head}" if found else f"{head}"
    return (f"データベース {database} は、{_running_ja(holders, tz)}が使っているため、構成を更新しませんでした"
            f"（{change} への更新。何も変更していません）。動いている kessai serve は更新前の版のため、このまま更新すると、"
            "再起動するまで新しい構成のデータベースを正しく扱えなくなります。"
            f"{'すべての台の ' if many else ''}kessai serve を止めてから、もう一度実行してください"
            + _FIND_SERVES_JA + "新しい版の kessai serve は起動時に自動で更新するので、"
            "止めた後は `kessai serve` を起動するだけでも構いません。")


def still_serving_downgrade_ja(database: str, holders: list[dict[str, str]], change: tuple[str, str], *,
                               tz: str = DEFAULT_TZ) -> str:
    """What `kessai db downgrade` says when serves of ``database`` run.

    Those serves are of this (the new) version: taken back under them, they went on with new code on
    the old tables, and the first to restart (systemd Restart=always) migrated it forward again by
    itself, so the version before, installed next, refused to start on a database 「newer」 than it."""
    current, target = change
    many = len(holders) > 1
    return (f"データベース {database} は、{_running_ja(holders, tz)}が使っているため、構成を戻しませんでした"
            f"（{current} から {target} へ。何も変更していません）。動いている kessai serve は新しい版のため、"
            "このまま戻すと古い構成のデータベースを正しく扱えず、再起動したときには自動でまた新しい構成に更新します。"
            f"{'すべての台の ' if many else ''}kessai serve（と cron の kessai remind）を止めてから、もう一度実行してください"
            + _FIND_SERVES_JA)
