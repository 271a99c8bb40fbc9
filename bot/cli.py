"""The ``kessai`` command line (also ``python -m bot``)."""

from __future__ import annotations

import argparse
import difflib
import gc
import logging
import os
import re
import sys
import time
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn
from zoneinfo import ZoneInfo

from bot.config import (
    ConfigError,
    OrgConfig,
    Settings,
    SettingsError,
    approver_min_rank_note_ja,
    environment_value,
    load_org_config,
    load_settings,
    missing_sqlite_file_ja,
    windows_config_path_ja,
)
from bot.logs import printable, setup_logging

if TYPE_CHECKING:
    from storage.db import Database

log = logging.getLogger("kessai")


# 128 + SIGPIPE: what the shell reports for a program whose reader went away (`cat | head`).
EXIT_BROKEN_PIPE = 141

_FROM_HELP = "この日から（その日を含む）。2026-12-01、2026/12/1、令和8年12月1日 のように年から書きます"
_TO_HELP = "この日まで（その日を含む）"
_FORMAT_HELP = "書き出す形式（既定: json）。csv は Excel で開けます"
_OUTPUT_HELP = "書き出すファイル（省略または - で画面に表示）"


def _org(settings: Settings, path: str | None = None):  # type: ignore[no-untyped-def]
    return load_org_config(Path(path or settings.config_path), tz=settings.tz)


def cmd_config_check(args: argparse.Namespace) -> int:
    settings = load_settings()
    path = Path(args.config or settings.config_path)
    if not path.exists():
        print(f"組織設定ファイル {path} が見つかりません。" + (
            windows_config_path_ja(str(path))
            or "KESSAI_CONFIG で場所を指定するか、kessai.example.toml をコピーして作成してください。"), file=sys.stderr)
        return 2
    try:
        org = load_org_config(path, tz=settings.tz)
    except ConfigError as e:
        print(f"{printable(str(path))} に {len(e.problems)} 件の問題があります。", file=sys.stderr)
        for p in e.problems:
            print(f"  {printable(str(p))}", file=sys.stderr)
        return 1
    print(f"{path} は正しい設定です（組織 {len(org.orgs)}、職員 {len(org.members)}、アカウント {len(org.accounts)}）。")
    from bot.incidents import escalation_officers_said
    said, anyone = escalation_officers_said(org)
    print(said, file=sys.stdout if anyone else sys.stderr)
    if (low := approver_min_rank_note_ja(org.policy)) is not None:
        print(low, file=sys.stderr)
    for said in _left_behind_ja(settings, org):
        # The account's name and id as the database has them: whoever could write it wrote them.
        print(printable(said), file=sys.stderr)
    moved = org.calendar(settings.tz).hours_in_japan(datetime.now(UTC))
    if moved is not None:
        # Valid, so not a problem (exit 0), but the IT 担当 checking the set-up should see it.
        print(f"注意: KESSAI_TZ が「{settings.tz}」になっていて、日本時間ではありません。勤務時間（{org.policy.working_hours}）・"
              f"営業日・リマインダーはこのタイムゾーンで判断します（勤務時間は日本時間で {moved[0]:%H:%M}〜{'翌 ' if moved[1] <= moved[0] else ''}{moved[1]:%H:%M}）。"
              "意図した設定でなければ、KESSAI_TZ を削除するか「Asia/Tokyo」にしてください。", file=sys.stderr)
    return 0


def _left_behind_ja(settings: Settings, org: OrgConfig) -> list[str]:
    """What the database holds for accounts the file no longer lists (an ``id`` changed in a
    組織改編 reads as a removal): drafts nobody can decide. Read only; a database not created yet
    (no SQLite file) has nothing, and one that cannot be read is said in a line, not a failure:
    the file itself is valid."""
    from sqlalchemy.exc import SQLAlchemyError
    from sqlmodel import Session

    from bot import left_behind
    from bot.config import sqlite_file
    from storage.db import READS_ONLY, make_engine

    found = sqlite_file(settings.database_url)
    if found is not None and not found[0].exists():
        return []
    try:
        engine = make_engine(settings.database_url)
    except Exception:  # noqa: BLE001 - a driver missing or a URL serve refuses: serve says it
        log.debug("config check: no database to compare with", exc_info=True)
        return []
    try:
        with Session(engine) as s:
            # SQLite: a transaction begins IMMEDIATE (the write lock) unless it only reads. The check
            # beside a running serve then waited out the 30 s busy timeout behind its writes, said
            # the database could not be read, and while it held the lock kept serve's writes waiting.
            s.connection(execution_options={READS_ONLY: True})
            return [left_behind.said_ja(item) for item in left_behind.find(s, org)]
    except SQLAlchemyError:
        log.debug("config check: database not read", exc_info=True)
        return ["（データベース（DATABASE_URL）を読めなかったため、組織設定ファイルから外れたアカウントの"
                "下書きが残っていないかは確かめていません。）"]
    finally:
        engine.dispose()


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from bot.config import sqlite_beside_no_env_ja
    from storage.db import Database, commit_outcome_unknown

    settings = load_settings()
    elsewhere = sqlite_beside_no_env_ja(settings.database_url)
    db = Database(settings.database_url)
    try:
        if (refused := _serve_in_the_way_ja(settings.database_url, db, settings.tz)) is not None:
            print(refused, file=sys.stderr)
            return 1
        before, after = db.upgrade()
    except DBAPIError as e:
        if commit_outcome_unknown(e):
            print(UPGRADE_LOST_AT_COMMIT_JA + _server_words(e.orig or e), file=sys.stderr)
            return 1
        # From / (or any folder kessai may not write), sqlite:///kessai.db cannot be made there:
        # 「ファイルを開けません…書き込み権限を確認してください」 alone sent the IT 担当 to chmod /.
        if elsewhere is None or database_problem(e) not in ("connect", "permission"):
            raise
        print(database_failure(e) + "\n" + elsewhere, file=sys.stderr)
        return 1
    finally:
        db.dispose()
    # Said apart, so that the IT 担当 running it after an upgrade knows whether anything changed.
    if before == after:
        print(f"データベースはすでに最新の構成です（{after}）。変更はありません。")
    elif before is None:
        from bot.config import sqlite_file

        # Where: run from another folder than serve's, sqlite:///kessai.db is a new file there.
        found = sqlite_file(settings.database_url)
        print(f"データベースに kessai の表を作成しました（構成 {after}）。"
              + (f"SQLite のファイルは {found[0]} です。" if found else "")
              + (f"\n{elsewhere}ここに作成したファイルが不要なら、削除して構いません。" if elsewhere else ""))
    else:
        print(f"データベースの構成を {before} から {after} に更新しました。")
    return 0


def _serves_holding_ja(database_url: str, db: Database) -> tuple[str, list[dict[str, str]] | None]:
    """The database as said to the IT 担当, and the `kessai serve`s running on it (None: none)."""
    from bot.serve_lock import lock_path, read_presence, serving_holder
    from storage.db import serves_holding

    if db.is_postgres:
        names = serves_holding(db.engine)
        return db.engine.url.database or "", None if names is None else [read_presence(name) for name in names] or [{}]
    holder = serving_holder(database_url)
    path = lock_path(database_url)
    return (str(path.with_name(path.name.removesuffix(".lock"))) if path is not None else "",
            None if holder is None else [holder])


def _serve_in_the_way_ja(database_url: str, db: Database, tz: str) -> str | None:
    """Why the migrations must wait, when a `kessai serve` of this database runs and some are pending.

    That serve is of the version before (a serve of this one migrates at start): upgraded under it,
    it went on with its old code on the new tables, /healthz 503 `migrations: newer`, until someone
    restarted it. With nothing pending there is nothing to break: replicas of this version run on."""
    from bot.serve_lock import still_serving_ja
    from storage.db import current_revision, head_revision, migrations_state

    where, holders = _serves_holding_ja(database_url, db)
    if holders is None or migrations_state(db.engine) != "pending":
        return None
    head = head_revision(db.engine)
    assert head is not None
    return still_serving_ja(where, holders, (current_revision(db.engine), head), tz=tz)


DOWNGRADE_FLOOR = "0002"


def cmd_db_downgrade(args: argparse.Namespace) -> int:
    from storage.db import Database, known_revisions

    target = str(args.revision).strip()
    # Not "base" (every table dropped, the ledger with them), nor 0001: undoing 0002 drops the
    # drafts' publication records and their source (the upgrade back sets every draft's to channel).
    known = known_revisions()
    known = known[known.index(DOWNGRADE_FLOOR):]
    if target not in known:
        print(f"構成「{target}」はありません。戻せる構成は {known[0]} 〜 {known[-1]} です"
              "（戻したい版の kessai の storage/migrations/versions にある最も新しい番号を指定してください）。",
              file=sys.stderr)
        return 2
    settings = load_settings()
    if missing := missing_sqlite_file_ja(settings.database_url):
        print(missing, file=sys.stderr)
        return 1
    db = Database(settings.database_url)
    try:
        return _downgrade(db, known, target, settings.database_url, settings.tz)
    finally:
        db.dispose()


def _downgrade(db: Database, known: list[str], target: str, database_url: str, tz: str) -> int:
    from bot.serve_lock import still_serving_downgrade_ja
    from storage.db import current_revision, downgrade, known_revisions

    current = current_revision(db.engine)
    if current is None:
        print("データベースに kessai の表がありません。戻すものはありません。", file=sys.stderr)
        return 1
    if current not in known_revisions():
        # Read from the database (alembic_version): what an unknown revision holds is anyone's.
        print(f"データベースの構成 {printable(current)} は、この版の kessai より新しい版のものです。"
              "その構成を作った版の kessai で戻してください。", file=sys.stderr)
        return 1
    if current not in known or known.index(current) <= known.index(target):
        print(f"データベースの構成は {current} です（{target} 以前）。変更はありません。")
        return 0
    # The serves running are of this version: taken back under them, they ran new code on old
    # tables, and the first to restart migrated forward again by itself (systemd Restart=always).
    where, holders = _serves_holding_ja(database_url, db)
    if holders is not None:
        print(still_serving_downgrade_ja(where, holders, (current, target), tz=tz), file=sys.stderr)
        return 1
    before, after = downgrade(db.engine, target)
    print(f"データベースの構成を {before} から {after} に戻しました。"
          "この後、古い版の kessai をインストールして起動してください。")
    return 0


def cmd_db_copy(args: argparse.Namespace) -> int:
    from bot.config import database_url_problem, sqlalchemy_spelling, sqlite_home_expanded
    from storage.copy import CopyRefused, copy_database, shown_url
    from storage.db import describe_db_error, make_engine

    settings = load_settings()
    target_url = sqlite_home_expanded(sqlalchemy_spelling(str(args.to).strip()))
    if problem := database_url_problem(target_url):
        print(problem.replace("DATABASE_URL", "--to の URL"), file=sys.stderr)
        return 2
    if _same_database(settings.database_url, target_url):
        print("--to にコピー元（DATABASE_URL）と同じデータベースが指定されています。"
              "移行先の空のデータベースを指定してください。", file=sys.stderr)
        return 2
    if missing := missing_sqlite_file_ja(settings.database_url):
        print(missing, file=sys.stderr)
        return 1
    if missing := missing_sqlite_file_ja(target_url):
        print(missing.replace("DATABASE_URL", "--to"), file=sys.stderr)
        return 1
    try:
        held = hold_sqlite_quiet(settings.database_url)
    except CopyRefused as e:
        print(e.message_ja, file=sys.stderr)
        return 1
    source, target = make_engine(settings.database_url), make_engine(target_url)
    report = _CopyProgress(sys.stderr, clock=time.monotonic) if sys.stderr.isatty() else None
    try:
        # Which of the two cannot be reached, in the words `kessai db upgrade` uses: the driver's
        # English alone did not say whether DATABASE_URL or --to is wrong, nor what to check.
        for engine, side, key in ((source, "コピー元（DATABASE_URL）", "DATABASE_URL"), (target, "コピー先（--to）", "--to の URL")):
            if (unreachable := _unreachable_ja(engine)) is not None:
                print(unreachable.replace("データベースに接続できませんでした", f"{side}のデータベースに接続できませんでした", 1)
                      .replace("DATABASE_URL", key) + "\n何も書き込んでいません。", file=sys.stderr)
                return 1
        result = copy_database(source, target, target_url, progress=report)
    except CopyRefused as e:
        print(e.message_ja, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nコピーを中止しました。コピー先には何も書き込まれていません（コピー前の空の状態のままです）。",
              file=sys.stderr)
        return 130
    except Exception as e:
        log.debug("db copy failed", exc_info=True)
        explained = explain_failure(e)
        print("コピーできませんでした。" + (f"{explained}\n" if explained else f"（{describe_db_error(e)}）")
              + "コピー先には何も書き込まれていません（コピー前の空の状態のままです）。"
              "原因を取り除いてから、もう一度実行してください。", file=sys.stderr)
        return 1
    finally:
        source.dispose()
        target.dispose()
        if held is not None:
            os.close(held)
    ledger = result.counts.get("ledger_entries", 0)
    print(f"{shown_url(target_url)} にコピーしました: 決裁台帳 {ledger:,} 件、"
          f"下書き {result.counts.get('drafts', 0):,} 件、インシデント {result.counts.get('incidents', 0):,} 件"
          f"（全 {len(result.counts)} 表、{sum(result.counts.values()):,} 行）。")
    if ledger:
        # As the source's ledger_head had it: not verified by the copy (`ledger verify` does that).
        print(f"台帳の最新の記録 #{result.ledger_head[0]} のハッシュ: {printable(result.ledger_head[1])}")
    print("確認: DATABASE_URL をコピー先に変えて `kessai ledger verify` を実行し、同じハッシュが表示されることを"
          "確かめてください。その後、kessai serve をコピー先で起動します（コピー元の SQLite ファイルは消さずに保管してください）。")
    return 0


def _unreachable_ja(engine: Any) -> str | None:
    """Why ``engine``'s database cannot be connected to, as `kessai db upgrade` says it; None if it can."""
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect():
            return None
    except DBAPIError as e:
        if database_problem(e) != "connect":
            return None  # reached: what else is wrong is said by the copy itself
        log.debug("database unreachable", exc_info=True)
        return database_failure(e)


def _same_database(a: str, b: str) -> bool:
    from sqlalchemy.engine import make_url

    from bot.config import sqlite_file

    fa, fb = sqlite_file(a), sqlite_file(b)
    if fa is not None and fb is not None:
        return fa[0].resolve() == fb[0].resolve()
    try:
        ua, ub = make_url(a), make_url(b)
    except Exception:  # noqa: BLE001 - refused by database_url_problem before
        return False
    # A primary and standby are named in the query (?host=db1,db2): two clusters with a database of
    # the same name are not the same database.
    return (ua.get_backend_name(), ua.host, ua.port, ua.database, ua.query.get("host"), ua.query.get("port")) == (
        ub.get_backend_name(), ub.host, ub.port, ub.database, ub.query.get("host"), ub.query.get("port"))


def hold_sqlite_quiet(database_url: str) -> int | None:
    """Keep a kessai serve off the SQLite file while it is copied, and refuse while one is on it.

    A serve holds flock(2) on ``<database>.lock`` for its life: taken here too, without waiting,
    it says whether one is running, and held until the copy ends no serve can start in between
    (what it wrote afterwards would be missing from the target). A database without the file
    (a serve of an older version, or none ever) is copied as it is: the copy reads one snapshot.
    Returns the descriptor to close afterwards, or None."""
    from bot.serve_lock import NO_LOCKS_HERE, lock_path, read_holder
    from storage.copy import CopyRefused

    # The very file serve locks (the same resolution of the database's place).
    path = lock_path(database_url)
    if path is None or sys.platform == "win32":
        return None
    import errno
    import fcntl

    database = path.with_name(path.name.removesuffix(".lock"))
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise CopyRefused(f"kessai serve が動いているかを確かめるためのファイル {path} を開けません"
                          f"（{e.strerror or type(e).__name__}）。読み取りの権限を確認してください。") from e
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as e:
        pid = read_holder(fd).get("pid", "")
        os.close(fd)
        if e.errno in NO_LOCKS_HERE:
            # serve starts on such a filesystem with a warning; the copy goes on as it does for a
            # database without the file, since it reads one snapshot, and says what it could not check.
            print(f"注意: {path} のあるファイルシステムではファイルのロックが使えないため、kessai serve が"
                  "このデータベースを使っていないかを確かめられません。kessai serve を止めてから実行して"
                  "いることを確認してください（コピー中やコピー後の決裁はコピー先に入りません）。", file=sys.stderr)
            return None
        if e.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise CopyRefused(f"ファイル {path} を確かめられません（{e.strerror}）。") from e
        who = f"（プロセス番号 {pid}）" if pid.isdigit() else ""
        raise CopyRefused(
            f"コピー元の {database} を、動いている kessai serve{who}が使っているため、コピーしませんでした"
            "（何も書き込んでいません）。コピー中やコピー後の決裁がコピー先に入らず失われるためです。"
            "kessai serve を止めてから（systemd なら `systemctl stop kessai`）、もう一度実行してください。") from e
    return fd


class _CopyProgress:
    """Says every few seconds how far `kessai db copy` is: a ledger of years takes minutes."""

    def __init__(self, out: Any, *, clock: Any, every: float = 5.0) -> None:
        self._out, self._clock, self._every = out, clock, every
        self._next_at = clock() + every

    def __call__(self, table: str, copied: int, total: int, done: int, everything: int) -> None:
        if (now := self._clock()) < self._next_at:
            return
        self._next_at = now + self._every
        share = f"（{min(99, done * 100 // everything)}%）" if everything else ""
        self._out.write(f"コピーしています… 表 {table} {copied:,} / {total:,} 行、全体 {done:,} / {everything:,} 行{share}\n")
        self._out.flush()


def cmd_ledger_verify(args: argparse.Namespace) -> int:
    from bot.ledger import Progress, verify_report_ja, verify_with_versions
    from storage import ledger as ledger_repo
    from storage.db import Database

    settings = load_settings()
    if missing := missing_sqlite_file_ja(settings.database_url):
        print(missing, file=sys.stderr)
        return 1
    db = Database(settings.database_url)
    try:
        with db.session() as s:
            ledger_repo.read_one_moment(s)
            head = ledger_repo.head(s)
            checked = ledger_repo.iter_entries_with_versions(s, ZoneInfo(settings.tz))
            if sys.stderr.isatty():
                # Only to a person at a terminal: a cron job's mail or a log needs no line every 5 seconds.
                checked = Progress(checked, head[0], sys.stderr, clock=time.monotonic)
            result = verify_with_versions(checked, head)
            unrecorded = ledger_repo.decided_without_entry(s) if result.ok else None
    finally:
        db.dispose()
    sound, said = verify_report_ja(result, head, unrecorded)
    print(said, file=sys.stdout if sound else sys.stderr)
    return 0 if sound else 1


def cmd_ledger_export(args: argparse.Namespace) -> int:
    from bot import exporting, ledger
    from storage import ledger as ledger_repo
    from storage import roster
    from storage.db import Database

    settings = load_settings()
    try:
        start, end = exporting.day_range(args.date_from, args.date_to, ZoneInfo(settings.tz))
    except ValueError as e:
        print(e, file=sys.stderr)
        return 2
    if kept := exporting.kept_file_problem(args.output, database_url=settings.database_url,
                                           config_path=settings.config_path):
        print(kept, file=sys.stderr)
        return 2
    if missing := missing_sqlite_file_ja(settings.database_url):
        print(missing, file=sys.stderr)
        return 1
    db = Database(settings.database_url)

    def in_range(e: ledger.LedgerEntry) -> bool:
        try:
            at = datetime.fromisoformat(e.decided_at)
        except (TypeError, ValueError):
            # Only a damaged ledger has one; the auditor asking for the export needs that entry most.
            print(f"台帳の記録 #{e.seq} の日時「{printable(str(e.decided_at))}」を読めないため、期間に関係なく書き出しました。"
                  "`kessai ledger verify` で台帳を確認してください。", file=sys.stderr)
            return True
        return (start is None or at >= start) and (end is None or at <= end)

    long_cells: list[exporting.LongCell] = []
    try:
        with db.session() as s:
            ledger_repo.read_one_moment(s)
            # Streamed from the database to the output: a ledger of years is never all in memory.
            if db.is_postgres:
                # The transaction waits on whoever reads the output (`| less`, a slow share): it must not
                # be ended as a stopped process's would be (storage.db.PG_SESSION_SETTINGS). It reads only.
                s.connection().exec_driver_sql("SET LOCAL idle_in_transaction_session_timeout = 0")
            # The whole ledger is read (a period is picked from it), so its chain is checked on the way.
            watch = ledger.ChainWatch(ledger_repo.iter_entries(s))
            entries = (e for e in watch if start is None and end is None or in_range(e))
            rows = exporting.Counted(ledger.iter_export_rows(entries, roster.member_names(s)))
            chunks = (exporting.csv_chunks(rows, ledger.EXPORT_COLUMNS, long_cells=long_cells)
                      if args.format == "csv" else exporting.json_chunks(rows))
            exporting.write(chunks, args.output, count=lambda: rows.count, what_ja="記録")
    finally:
        db.dispose()
    if note := exporting.long_cells_ja(long_cells, ledger.EXPORT_COLUMNS["seq"]):
        print(note, file=sys.stderr)
    if rows.count == 0 and args.output in (None, "", "-"):
        print(exporting.nothing_written_ja("記録", args.date_from, args.date_to, args.format), file=sys.stderr)
    if watch.first_bad is not None:
        seq, problem = watch.first_bad
        print(f"注意: 台帳の記録 #{seq} に問題があります: {problem}書き出しはデータベースにあるとおりの内容です。"
              "`kessai ledger verify` で台帳を確認し、この書き出しを提出する前に管理者に相談してください。",
              file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    # Start-up makes long-lived objects (modules, the ORM's mappers, the rules' compiled patterns) and
    # next to no garbage: the collector's passes over them as they were made were about 8% of the CPU
    # a start costs. serve collects once before it serves, and turns collection back on there.
    gc.disable()
    try:
        from bot.serve import serve

        return serve(load_settings())
    finally:
        gc.enable()


def cmd_demo(args: argparse.Namespace) -> int:
    from bot.demo import run_demo

    return run_demo(database_url=args.database_url, quiet=args.quiet)


def cmd_remind(args: argparse.Namespace) -> int:
    from bot.remind_cli import run_remind

    return run_remind(args)


def cmd_incidents_export(args: argparse.Namespace) -> int:
    from bot.remind_cli import run_incidents_export

    return run_incidents_export(args)


_ARGPARSE_JA = [
    (re.compile(r"argument (\S+): invalid choice: '(.*)' \(choose from (.*)\)"), r"\1 に「\2」は指定できません（\3 から選んでください）"),
    (re.compile(r"the following arguments are required: (.*)"), r"次の指定が必要です: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"分からない指定があります: \1"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1 の後に値を書いてください"),
    (re.compile(r"argument (\S+): invalid (\w+) value: '(.*)'"), r"\1 の値「\3」を読み取れません"),
    (re.compile(r"argument (\S+): ignored explicit argument '(.*)'"), r"\1 には値を付けません（「=\2」を外してください）"),
]


USAGE_JA = "使い方: "
POSITIONALS_JA = "引数"
OPTIONALS_JA = "オプション"
COMMANDS_JA = "コマンド"
HELP_JA = "この使い方を表示して終了します"

# Not at the start of a line (、。） after a break), nor at its end (（「 before one): 禁則.
_NO_LINE_START = frozenset("、。，．）」』】〕］｝〉》・ーァィゥェォッャュョヮぁぃぅぇぉっゃゅょゎ！？：；")
_NO_LINE_END = frozenset("（「『【〔［｛〈《")


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes: a kanji or kana takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_columns(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns (one that cannot be broken may be longer).
    textwrap breaks at spaces only and counts a kanji as one column: a Japanese sentence was one
    line, twice the terminal's width. Here a line may break between two Japanese characters, as
    Japanese is written, and at spaces; never inside an ASCII word (an option, a path, a date)."""
    units: list[str] = []  # the pieces a line is made of: " ", an ASCII word, one Japanese character
    for c in " ".join(text.split()):
        if c == " ":
            units.append(c)
            continue
        prev = units[-1] if units and units[-1] != " " else ""
        glued = bool(prev) and (c in _NO_LINE_START or prev[-1] in _NO_LINE_END
                                or (_columns(c) == 1 and _columns(prev[-1]) == 1))
        if glued:
            units[-1] += c
        else:
            units.append(c)
    lines: list[str] = []
    line, used = "", 0
    for unit in units:
        if unit == " ":
            if line:
                line, used = line + " ", used + 1
            continue
        size = _columns(unit)
        if line.strip() and used + size > width:
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + unit, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class JapaneseHelpFormatter(argparse.HelpFormatter):
    """argparse's help with 「usage:」 in Japanese, and Japanese sentences wrapped to the terminal."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE_JA if prefix is None else prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_columns(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_columns(text, width - len(indent)))


class _JapaneseSubParsers(argparse._SubParsersAction):  # type: ignore[type-arg]
    """A command's --help opens with what its line in the list says (it had no sentence at all)."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if kwargs.get("help") and "description" not in kwargs:
            kwargs["description"] = kwargs["help"]
        return super().add_parser(name, **kwargs)


class JapaneseArgumentParser(argparse.ArgumentParser):
    """argparse that explains a wrong command line in Japanese (its own messages are English),
    and whose --help is in Japanese throughout: the IT 担当 read 「usage:」「positional arguments:」
    「options:」「show this help message and exit」 between kessai's own Japanese lines."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # argparse takes any unambiguous prefix for an option: `export --form 2026-04-01`, --from
        # mistyped, was read as --format and refused as an unknown format, and `--out` as --output.
        # Only the names the help shows are accepted; a near miss is named by parse_args.
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", JapaneseHelpFormatter)
        # argparse adds -h with its English sentence; the same option, said in Japanese, is added below.
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = POSITIONALS_JA
        self._optionals.title = OPTIONALS_JA
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP_JA)
        self.register("action", "parsers", _JapaneseSubParsers)

    def add_subparsers(self, **kwargs: Any) -> Any:
        # Listed under 「コマンド」, not among the arguments.
        kwargs.setdefault("title", COMMANDS_JA)
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        missing = re.fullmatch(r"the following arguments are required: (\S+)", message)
        subcommands = [a for a in self._actions if isinstance(a, argparse._SubParsersAction)]
        if missing and subcommands and missing.group(1) in (subcommands[0].dest, subcommands[0].metavar):
            # 「次の指定が必要です: config_command」 named argparse's dest, a name no help shows.
            names = list(subcommands[0].choices)
            which = f"{names[0]} を" if len(names) == 1 else f"{'・'.join(names)} のどれかを"
            self.print_usage(sys.stderr)
            self.exit(2, f"コマンドの指定が足りません: 「{self.prog}」の後に、{which}書いてください"
                         f"（例: {self.prog} {names[0]}）。`{self.prog} --help` で使い方を確認できます。\n")
        for pattern, replacement in _ARGPARSE_JA:
            if pattern.fullmatch(message):
                message = pattern.sub(replacement, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"コマンドの指定に誤りがあります: {message}。`{self.prog} --help` で使い方を確認できます。\n")


    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            # argparse has the top parser refuse them, pointing at `kessai --help`, which does not
            # show the options of `kessai config check`: the command's own parser says it, with the
            # option meant when one is close (--confg).
            parser = self._chosen(parsed)
            options = [o for a in parser._actions for o in a.option_strings]
            # Two when two are close: --form is as near to --format as to --from.
            close = difflib.get_close_matches(extras[0].partition("=")[0], options, n=2, cutoff=0.75)
            hint = f"（もしかして {' か '.join(close)} ですか？）" if close and extras[0].startswith("-") else ""
            parser.error(f"unrecognized arguments: {' '.join(extras)}{hint}")
        return parsed

    def _chosen(self, parsed: argparse.Namespace) -> argparse.ArgumentParser:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                chosen = action.choices.get(getattr(parsed, action.dest, None) or "")
                if isinstance(chosen, JapaneseArgumentParser):
                    return chosen._chosen(parsed)
        return self


def build_parser() -> argparse.ArgumentParser:
    p = JapaneseArgumentParser(prog="kessai", description="SNS投稿決裁ボット kessai")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sp = sub.add_parser("serve", help="ボットを起動します（SLACK_APP_TOKEN があれば Socket Mode、なければ HTTP）")
    sp.set_defaults(func=cmd_serve)

    sp = sub.add_parser("demo", help="ローカルの Slack 互換サーバーでデモを実行します（トークン不要）")
    sp.add_argument("--database-url", default=None, help="省略時は一時フォルダーの SQLite")
    sp.add_argument("--quiet", action="store_true", help="会話の表示を省略します")
    sp.set_defaults(func=cmd_demo)

    from bot.check_cli import add_check_parser, add_rules_parser

    add_check_parser(sub)
    add_rules_parser(sub)

    sp = sub.add_parser("config", help="組織設定ファイル")
    csub = sp.add_subparsers(dest="config_command", required=True)
    cc = csub.add_parser("check", help="組織設定ファイルを検証します")
    cc.add_argument("--config", default=None, metavar="FILE", help="ファイルの場所（省略時は KESSAI_CONFIG、それもなければ kessai.toml）")
    cc.set_defaults(func=cmd_config_check)

    sp = sub.add_parser("db", help="データベース")
    dsub = sp.add_subparsers(dest="db_command", required=True)
    du = dsub.add_parser("upgrade", help="データベースの表を作成・更新します（マイグレーション）")
    du.set_defaults(func=cmd_db_upgrade)
    dd = dsub.add_parser("downgrade", help="データベースを、指定した構成（REVISION）の状態まで戻します（古い版の kessai に戻すとき）")
    dd.add_argument("revision", metavar="REVISION", help="戻す先の構成（例 0012）")
    dd.set_defaults(func=cmd_db_downgrade)
    dc = dsub.add_parser("copy", help="データベースの内容をすべて、kessai の表を作成しただけの空のデータベースに写します"
                                      "（SQLite から PostgreSQL への移行）")
    dc.add_argument("--to", required=True, metavar="URL",
                    help="コピー先（例 postgresql://ユーザー名@ホスト名/データベース名）。先に `kessai db upgrade` で表を作成しておきます")
    dc.set_defaults(func=cmd_db_copy)

    sp = sub.add_parser("ledger", help="決裁台帳")
    lsub = sp.add_subparsers(dest="ledger_command", required=True)
    lv = lsub.add_parser("verify", help="ハッシュチェーンを検証し、最初の不整合を示します")
    lv.set_defaults(func=cmd_ledger_verify)
    le = lsub.add_parser("export", help="台帳を書き出します")
    le.add_argument("--from", dest="date_from", default=None, metavar="DATE", help=_FROM_HELP)
    le.add_argument("--to", dest="date_to", default=None, metavar="DATE", help=_TO_HELP)
    le.add_argument("--format", choices=["csv", "json"], default="json", help=_FORMAT_HELP)
    le.add_argument("--output", default=None, metavar="FILE", help=_OUTPUT_HELP)
    le.set_defaults(func=cmd_ledger_export)

    sp = sub.add_parser("remind", help="リマインダーを1回確認して送ります（cron からも使えます）")
    sp.add_argument("--now", default=None, metavar="DATETIME",
                    help="この日時として確認します（例: 2026-11-24T10:00+09:00、2026/11/24 10:00、令和8年11月24日 10:00）")
    sp.set_defaults(func=cmd_remind)
    sp = sub.add_parser("incidents", help="インシデントの記録")
    isub = sp.add_subparsers(dest="incidents_command", required=True)
    ie = isub.add_parser("export", help="インシデントと経過を書き出します")
    ie.add_argument("--from", dest="date_from", default=None, metavar="DATE", help=_FROM_HELP)
    ie.add_argument("--to", dest="date_to", default=None, metavar="DATE", help=_TO_HELP)
    ie.add_argument("--format", choices=["csv", "json"], default="json", help=_FORMAT_HELP)
    ie.add_argument("--output", default=None, metavar="FILE", help=_OUTPUT_HELP)
    ie.set_defaults(func=cmd_incidents_export)
    return p


def _logging_from_settings() -> None:
    """Logging as KESSAI_LOG_FORMAT / KESSAI_LOG_LEVEL say, from the environment or .env as every
    setting is read: only serve read .env's, and a cron `kessai remind` beside a JSON serve wrote
    text lines into the same log. A .env that cannot be read is said by load_settings later."""
    # python-dotenv warns of each line it cannot parse at every read, and logging is not set up
    # yet: these two reads printed its English line twice more before load_settings' own read.
    dotenv_log = logging.getLogger("dotenv.main")
    dotenv_log.disabled = True
    try:
        setup_logging(level=environment_value("KESSAI_LOG_LEVEL"), fmt=environment_value("KESSAI_LOG_FORMAT"))
    except SettingsError:
        setup_logging()
    finally:
        dotenv_log.disabled = False


def _japanese_output() -> None:
    """stdout and stderr in UTF-8 when the locale's encoding cannot write Japanese.

    Under LC_ALL=C (or POSIX) with PYTHONUTF8=0 — a systemd unit's or cron's bare environment —
    Python writes ASCII, and the first Japanese line (every message kessai prints) ended the
    command in a UnicodeEncodeError traceback. journald, cron's mail and a redirected file take
    UTF-8 as the rest of the system writes it; an encoding that can write Japanese (UTF-8,
    EUC-JP, Shift_JIS terminals) is the user's choice and left as it is."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            "決裁".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            if hasattr(stream, "reconfigure"):
                # A Japanese file name in the arguments came in as the locale could not decode it,
                # escaped (surrogateescape): written back the same way it is its own UTF-8 bytes.
                stream.reconfigure(encoding="utf-8", errors="surrogateescape")


def main(argv: list[str] | None = None) -> int:
    _japanese_output()
    _logging_from_settings()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as e:
        print("組織設定ファイルに問題があります。", file=sys.stderr)
        for config_problem in e.problems:
            print(f"  {printable(str(config_problem))}", file=sys.stderr)
        return 2
    except SettingsError as e:
        print("環境変数（または .env）の設定に問題があります。", file=sys.stderr)
        for problem in e.problems:
            print(f"  {printable(str(problem))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Whoever read the output stopped (`kessai check --jsonl … | head`): nothing went wrong here,
        # and it is not Slack being unreachable. Point stdout at nothing so the exit flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        # Not 1: for `kessai check` that says 「an error finding」, and none may have been found.
        return EXIT_BROKEN_PIPE
    except Exception as e:  # the IT 担当 gets a sentence to act on; the traceback goes to the log
        explained = explain_failure(e)
        if explained is None:
            raise
        logging.getLogger("kessai").debug("command failed", exc_info=True)
        print(explained, file=sys.stderr)
        return 1


# What PostgreSQL (libpq) and SQLite say when a connection fails, and what the person should do.
# The server's own sentence is shown as well: an unlisted reason (or another language's) still tells
# the IT 担当 which of the four settings is wrong.
_CONNECT_REASONS: tuple[tuple[str, str], ...] = (
    (r'database "([^"]+)" does not exist',
     "データベース「{0}」がサーバーにありません。作成する（`createdb {0}` または CREATE DATABASE）か、"
     "DATABASE_URL のデータベース名を直してください。"),
    (r'role "([^"]+)" does not exist',
     "ユーザー「{0}」がデータベースサーバーにありません。DATABASE_URL のユーザー名を確認してください。"),
    (r"password authentication failed|no password supplied",
     "パスワードが違うか、書かれていません。DATABASE_URL のユーザー名とパスワードを確認してください。"),
    # The same from a server with lc_messages = 'ja_JP…' (PostgreSQL's own Japanese).
    (r'データベース"([^"]+)"は存在しません',
     "データベース「{0}」がサーバーにありません。作成する（`createdb {0}` または CREATE DATABASE）か、"
     "DATABASE_URL のデータベース名を直してください。"),
    (r'ロール"([^"]+)"は存在しません',
     "ユーザー「{0}」がデータベースサーバーにありません。DATABASE_URL のユーザー名を確認してください。"),
    (r"パスワード認証に失敗しました",
     "パスワードが違うか、書かれていません。DATABASE_URL のユーザー名とパスワードを確認してください。"),
    (r"no pg_hba\.conf entry|pg_hba\.conf にホスト",
     "データベースサーバーがこのサーバーからの接続を許可していません。pg_hba.conf の設定を確認してください。"),
    (r"Connection refused",
     "データベースサーバーが起動していないか、ホスト名・ポート番号が違います。"),
    (r"failed to resolve host|could not translate host name|Name or service not known",
     "DATABASE_URL のホスト名が見つかりません。綴りと DNS の設定を確認してください。"),
    (r"timeout expired|timed out",
     "データベースサーバーが応答しません。ホスト名・ポート番号と、途中のファイアウォールを確認してください。"),
    (r"unable to open database file",
     "SQLite のデータベースファイルを開けません。DATABASE_URL のパスと、フォルダーの書き込み権限を確認してください。"),
)


def database_connect_failure(detail: str) -> str:
    """The sentence for a database kessai could not use: the likely cause when the driver's message
    names it, and always the driver's first line so the cause can be looked up."""
    first = next((line.strip() for line in detail.splitlines() if line.strip()), "")
    first = re.sub(r"^\(\w+(\.\w+)*\)\s*", "", first)  # SQLAlchemy's "(psycopg.OperationalError) " prefix
    # A role's or a database's name is quoted from the server's words, which the terminal shows.
    cause = next((ja.format(*(g if g is None else printable(g) for g in m.groups()))
                  for pattern, ja in _CONNECT_REASONS if (m := re.search(pattern, detail, re.IGNORECASE))), "")
    if not cause:
        cause = ("DATABASE_URL のホスト名・ポート・ユーザー名・パスワードと、"
                 "データベースサーバーが起動しているかを確認してください。")
    return f"データベースに接続できませんでした。{cause}" + (f"\n（データベースからの応答: {printable(first)}）" if first else "")


DATABASE_LOST_JA = ("途中でデータベースとの接続が切れました（データベースサーバーの再起動・停止や、管理者による接続の切断など）。"
                    "データベースサーバーが動いていることを確認して、もう一度実行してください。")

# What went wrong on a database kessai did reach, by kind (see database_problem), and what to do.
_DATABASE_PROBLEMS_JA = {
    "permission": ("データベースの権限が足りないため、実行できませんでした。PostgreSQL では DATABASE_URL のユーザーに "
                   "kessai の表を読み書きする権限があるか（`kessai db upgrade` を実行したユーザーと同じか、GRANT "
                   "されているか）を、SQLite ではデータベースのファイルとそのフォルダーに書き込めるかを確認してください。"),
    "read_only": ("接続先のデータベースは読み取り専用です（レプリカ・スタンバイ、または読み取り専用の設定）。"
                  "DATABASE_URL が書き込みのできるサーバー（プライマリ）を指しているか確認してください。"),
    "full": ("データベースの保存先の空き容量が足りないため、書き込めませんでした。ディスクの空きを確保してから、"
             "もう一度実行してください。"),
    "busy": ("データベースがほかの処理で使用中のため、待ちきれずに中止しました。しばらくしてから、もう一度実行してください"
             "（続く場合は、長く動いたままの処理がないか確認してください）。"),
    "constraint": ("データベースが、書き込もうとした内容を受け付けませんでした（制約違反）。同じ操作がほかで同時に"
                   "行われた可能性があります。もう一度実行し、続く場合はこの表示を開発担当に伝えてください。"),
    "corrupt": ("データベースを読み取れませんでした。DATABASE_URL が kessai のデータベースを指しているか確認してください"
                "（壊れている場合は、バックアップから戻してください）。"),
    "other": "データベースの操作でエラーが起きました。続く場合は、この表示を開発担当に伝えてください。",
}
# PostgreSQL's SQLSTATE codes, and SQLite's result codes (sqlite3's sqlite_errorname), by kind.
# Classes 08 (connection), 28 (authorisation) and 3D000 (no such database) are connection failures.
_PG_STATES = {"42501": "permission", "25006": "read_only", "53100": "full", "40001": "busy", "40P01": "busy",
              "55P03": "busy", "57014": "busy", "XX001": "corrupt", "XX002": "corrupt"}
_SQLITE_CODES = {"SQLITE_READONLY": "permission", "SQLITE_PERM": "permission", "SQLITE_AUTH": "permission",
                 "SQLITE_FULL": "full", "SQLITE_BUSY": "busy", "SQLITE_LOCKED": "busy", "SQLITE_CONSTRAINT": "constraint",
                 "SQLITE_CORRUPT": "corrupt", "SQLITE_NOTADB": "corrupt", "SQLITE_CANTOPEN": "connect"}


def database_problem(e: BaseException) -> str:
    """The kind of a database failure (``e``: SQLAlchemy's DBAPIError, or the driver's own error):
    ``connect`` (kessai could not reach or log in to it), ``no_tables``, ``permission``,
    ``read_only``, ``full``, ``busy``, ``constraint``, ``corrupt`` or ``other``. Read from the
    SQLSTATE (PostgreSQL) or the result code (SQLite), not from the message, which the server may
    write in Japanese."""
    orig = getattr(e, "orig", None) or e
    state = getattr(orig, "sqlstate", None)
    if isinstance(state, str) and state:
        if state.startswith(("08", "28", "57P")) or state in ("3D000", "53300"):
            return "connect"  # includes an administrator shutting the server down, too many clients
        if state == "42P01":
            return "no_tables"
        if state.startswith("23"):
            return "constraint"
        return _PG_STATES.get(state, "other")
    code = getattr(orig, "sqlite_errorname", None)
    if isinstance(code, str) and code:
        if "no such table" in str(orig).lower():
            return "no_tables"
        # Extended codes (SQLITE_CONSTRAINT_UNIQUE, SQLITE_READONLY_DIRECTORY…) are of their primary code.
        return _SQLITE_CODES.get(code) or _SQLITE_CODES.get("_".join(code.split("_")[:2]), "other")
    # No code at all: psycopg's failure to connect (the server never answered a query), or a
    # driver error raised before the database was reached.
    if type(orig).__name__ == "OperationalError":
        return "connect"
    if "no such table" in str(orig).lower():
        return "no_tables"
    return "other"


DATABASE_LOST_AT_COMMIT_JA = (
    "記録の途中でデータベースとの接続が切れたため（データベースサーバーの再起動・フェイルオーバーなど）、"
    "記録されたかどうかを確認できませんでした。データベースサーバーが動いていることを確認して、もう一度実行してください。")


# The migrations and the revision they reach are one transaction (storage/migrations/env.py): lost
# at its COMMIT, the update is there whole or not at all, and running it again is safe either way.
UPGRADE_LOST_AT_COMMIT_JA = (
    "更新の記録（COMMIT）の途中でデータベースとの接続が切れたため（データベースサーバーの再起動・フェイルオーバーなど）、"
    "データベースの構成の更新が記録されたかどうかを確認できませんでした。データベースサーバーが動いていることを確認して、"
    "もう一度 `kessai db upgrade` を実行してください。更新とその構成の記録は一つの処理なので、途中まで適用されていることはなく、"
    "もう一度実行しても二重に適用されることはありません（記録されていれば「すでに最新の構成です」と表示されます）。")


def database_failure(e: BaseException) -> str:
    """The sentence for a database error: a connection failure is explained as one (with its likely
    cause); any other error says what kind it is and what to do, with the database's own words."""
    from bot.errors import NO_TABLES_JA
    from storage.db import commit_outcome_unknown

    orig = getattr(e, "orig", None) or e
    kind = database_problem(e)
    if commit_outcome_unknown(e):
        # Lost at COMMIT: the server may have committed, and 「切れました」 alone read as undone.
        return DATABASE_LOST_AT_COMMIT_JA + _server_words(orig)
    if kind == "connect" and connection_lost(orig):
        return database_lost(orig)
    if kind == "connect":
        return database_connect_failure(str(orig))
    if kind == "no_tables":
        return NO_TABLES_JA
    return _DATABASE_PROBLEMS_JA[kind] + _server_words(orig)


# A connection kessai had, ended by the server (a restart, pg_terminate_backend) or lost on the
# way: the settings in DATABASE_URL were right, and asking to check them sent the IT 担当 astray.
_LOST = re.compile(r"server closed the connection unexpectedly|terminating connection|consuming input failed|"
                   r"connection (?:was )?(?:lost|closed)|SSL SYSCALL error: EOF", re.IGNORECASE)


# How psycopg and libpq begin a failure to open a connection. Its reason can be the very words of
# a lost one: a port where something other than PostgreSQL listens (another service, a proxy
# without a backend) takes the connection and closes it, and libpq says "server closed the
# connection unexpectedly"; the host or port in DATABASE_URL is then what to check. (Anchored:
# matched at the start only, linear in the message's length.)
_OPENING = re.compile(r"(?:\(\w+(?:\.\w+)*\)\s*)?(?:connection failed: )?connection to server (?:at|on socket) ",
                      re.IGNORECASE)


def connection_lost(orig: BaseException) -> bool:
    """Whether a connection failure (database_problem's ``connect``) ended a connection that was
    open, rather than failing to open one: the server's shutdown codes, or libpq's words for it."""
    if _OPENING.match(str(orig).lstrip()):
        return False
    return getattr(orig, "sqlstate", None) in ("57P01", "57P02") or bool(_LOST.search(str(orig)))


def database_lost(orig: BaseException) -> str:
    return DATABASE_LOST_JA + _server_words(orig)


def _server_words(orig: BaseException) -> str:
    first = next((line.strip() for line in str(orig).splitlines() if line.strip()), "")
    first = re.sub(r"^\(\w+(\.\w+)*\)\s*", "", first)
    # printable: the server's sentence can quote a value (a table's or a column's, a row's from the
    # database db copy reads) with a terminal's commands in it, as storage.db.describe_db_error says.
    return f"\n（データベースからの応答: {printable(first)}）" if first else ""


def explain_failure(e: BaseException) -> str | None:
    """What went wrong and what to do, in Japanese, for the failures an operator can fix: the
    database unreachable or not set up, Slack refusing the token or unreachable, a port or a file
    that cannot be used. None for anything else (a bug: the traceback is the useful report)."""
    import errno
    import urllib.error

    from slack_sdk.errors import SlackApiError
    from sqlalchemy.exc import DBAPIError

    from bot.errors import OS_REASONS_JA
    from bot.exporting import CutShort

    if type(e).__name__ == "CommandError" and (m := re.search(r"Can't locate revision identified by '([^']+)'",
                                                              str(e))):
        # After going back to an older kessai without first undoing the newer one's migrations.
        from storage.db import known_revisions

        return (f"データベースは、この kessai より新しい版で更新されています（データベースの構成 {m.group(1)}、"
                f"この版は {known_revisions()[-1]} まで）。新しい版の kessai で `kessai db downgrade "
                f"{known_revisions()[-1]}` を実行してから、この版を起動してください（docs/operations.md「前の版に戻す」）。")
    if isinstance(e, CutShort):
        cause = e.cause
        if isinstance(cause, DBAPIError) and database_problem(cause) == "connect":
            # It was reached and answering: the connection settings are right, whatever the words.
            return e.explain_ja(database_lost(cause.orig or cause))
        return e.explain_ja(explain_failure(cause) or f"（{type(cause).__name__}: {printable(str(cause))}）")
    if isinstance(e, DBAPIError):
        return database_failure(e)
    if isinstance(e, SlackApiError):
        from bot.slack_gateway import error_code

        code = error_code(e)
        if not code:
            # The client library's own sentence: what answered was not Slack's API.
            status = getattr(e.response, "status_code", None)
            return (f"SLACK_API_URL の宛先から、Slack の API とは異なる応答{f'（HTTP {status}）' if status else ''}が返りました。"
                    "SLACK_API_URL の値と、途中のプロキシの設定を確認してください。")
        if code in ("invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive"):
            return (f"Slack がボットトークンを受け付けませんでした（{code}）。SLACK_BOT_TOKEN が最新の xoxb- トークンか、"
                    "アプリがワークスペースにインストールされているかを確認してください。")
        return f"Slack の API がエラーを返しました（{code}）。しばらくしてから再度お試しください。"
    if isinstance(e, TimeoutError):
        # Connected, or still connecting, and no answer in time: Slack slow or down as often as a
        # network setting. Said as "could not connect", it sent the IT 担当 to a firewall that was fine.
        return ("Slack（SLACK_API_URL）から時間内に応答がありませんでした（Slack の障害、ネットワーク、プロキシなど）。"
                "Slack の障害でなければ、このサーバーから SLACK_API_URL に接続できるか（プロキシ、ファイアウォールの設定）を"
                "確認してください。")
    if isinstance(e, urllib.error.URLError | ConnectionError) and not isinstance(e, FileNotFoundError):
        return ("Slack（SLACK_API_URL）に接続できませんでした。ネットワーク、プロキシ、ファイアウォールの設定を"
                "確認してください。")
    if isinstance(e, OSError):
        if e.errno == errno.EADDRINUSE:
            return "実行できませんでした。ポートはほかのプログラムが使っています。PORT を変えるか、そのプログラムを止めてください。"
        if e.errno not in OS_REASONS_JA:
            return None  # not one a person can fix from the message: the traceback is the report
        where = f"「{printable(str(e.filename))}」: " if e.filename else ""
        return f"実行できませんでした。{where}{OS_REASONS_JA[e.errno]}。"
    return None


if __name__ == "__main__":
    # `python -m bot.cli serve` ran this file as __main__ and exited 0 having done nothing. Run the
    # bot.cli that the rest of kessai imports (bot.demo, bot.check_cli), not this second copy of it.
    from bot.cli import main as _main

    raise SystemExit(_main())
