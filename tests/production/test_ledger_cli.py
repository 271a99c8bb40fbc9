"""``kessai ledger verify`` / ``export`` on a real database, after tampering with rows directly."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from bot.cli import main
from bot.ledger import LedgerEntry, content_hash, entry_hash, recorded_content_hashes
from storage import ledger as ledger_repo
from storage.db import Database
from storage.models import DraftRow, DraftVersionRow
from tests.conftest import past_the_ledger_guard

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def kessai(url: str, *args: str) -> Ran:
    """The command as ``python -m bot`` runs it (bot/__main__.py calls main and nothing else), in
    this process: a new process took about 2 s (importing the rules compiles hundreds of patterns)
    and one test ran ten of them. test_export_to_a_dash_writes_to_standard_output runs the process."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as env, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        env.setenv("DATABASE_URL", url)
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse refusing the arguments
            code = e.code if isinstance(e.code, int) else 2
    return Ran(code, out.getvalue(), err.getvalue())


JST = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def filled(db: Database, db_url: str) -> str:
    """Five decisions on real versions; odd ones scheduled (a time typed in JST)."""
    with db.session() as s:
        for i in range(1, 6):
            when = datetime(2026, 12, i, 10, tzinfo=JST) if i % 2 else None
            h = content_hash(text=f"下書き{i}", account_id="joetsu-x", scheduled_at=when, alt_texts=[])
            if i == 5:  # recorded before hashes took UTC instants: the time as typed, in JST
                (h,) = recorded_content_hashes(text=f"下書き{i}", account_id="joetsu-x", scheduled_at=when,
                                               alt_texts=[], tz=JST) - {h}
            now = datetime.now(UTC)
            s.add(DraftRow(id=i, account_id="joetsu-x", author_id="U0OPERATOR", channel="C0INTAKE",
                           message_ts=f"{i}.0", state="approved" if i % 2 else "rejected", current_version=1,
                           created_at=now, updated_at=now))
            s.add(DraftVersionRow(draft_id=i, number=1, text=f"下書き{i}", scheduled_at=when, content_hash=h,
                                  created_at=now))
            ledger_repo.append(s, draft_id=i, version_number=1, kind="approved" if i % 2 else "rejected",
                               content_hash=h, decider_id="U0MANAGER", acting_for_id=None,
                               reason=None if i % 2 else "日付を確認してください", decided_at=datetime(2026, 11, 20 + i, 1, tzinfo=UTC))
    return db_url


def test_verify_passes_on_an_intact_ledger(filled: str) -> None:
    r = kessai(filled, "ledger", "verify")
    assert r.returncode == 0 and "5 件" in r.stdout and "最新の記録 #5 のハッシュ: " in r.stdout


@pytest.mark.parametrize(("sql", "bad"), [
    ("UPDATE ledger_entries SET reason = '改ざん' WHERE seq = 3", 3),
    ("DELETE FROM ledger_entries WHERE seq = 2", 3),
    ("UPDATE ledger_entries SET seq = -1 WHERE seq = 3; UPDATE ledger_entries SET seq = 3 WHERE seq = 4;"
     " UPDATE ledger_entries SET seq = 4 WHERE seq = -1", 3),
    ("UPDATE draft_versions SET text = '別の本文', content_hash = 'x' WHERE draft_id = 4", 4),
    # The version row's own hash column left as it was: the content itself is hashed again.
    ("UPDATE draft_versions SET text = '別の本文' WHERE draft_id = 4", 4),
    ("UPDATE draft_versions SET scheduled_at = NULL WHERE draft_id = 3", 3),
    ("UPDATE drafts SET account_id = 'joetsu-insta' WHERE id = 2", 2),
    # Every column the entry's hash covers, and changes a reader cannot see.
    ("UPDATE ledger_entries SET version_number = 2 WHERE seq = 3", 3),
    ("UPDATE ledger_entries SET kind = 'rejected' WHERE seq = 3", 3),
    ("UPDATE ledger_entries SET acting_for_id = '' WHERE seq = 3", 3),
    ("UPDATE ledger_entries SET decider_id = 'U0MANAGER\u200b' WHERE seq = 3", 3),
    ("UPDATE ledger_entries SET reason = '日付を確認してくた\u3099さい' WHERE seq = 2", 2),  # NFD of だ
    ("UPDATE ledger_entries SET decided_at = '2026-11-23T01:00:01+00:00' WHERE seq = 3", 3),
    ("UPDATE ledger_entries SET entry_hash = upper(entry_hash) WHERE seq = 5", 5),
    ("UPDATE draft_versions SET text = '下書き３' WHERE draft_id = 3", 3),
    ("UPDATE draft_versions SET text = '下書き3\u200b' WHERE draft_id = 3", 3),
    ("UPDATE ledger_entries SET seq = seq + 10", 11),
    ("UPDATE ledger_head SET seq = 0", 5),
], ids=["edit", "delete", "reorder", "approved-text-and-hash-changed", "approved-text-changed",
        "scheduled-time-changed", "account-changed", "version", "kind", "deputy-empty", "decider-zero-width-space",
        "reason-nfd", "time-by-a-second", "last-hash", "text-full-width-digit", "text-zero-width-space",
        "renumbered", "head-reset"])
def test_verify_names_the_first_bad_entry(db: Database, filled: str, sql: str, bad: int) -> None:
    with db.engine.begin() as c:
        past_the_ledger_guard(c)
        for statement in sql.split(";"):
            c.execute(text(statement))
    r = kessai(filled, "ledger", "verify")
    assert r.returncode == 1
    assert f"#{bad} " in r.stderr


def test_insert_is_detected(db: Database, filled: str) -> None:
    with db.engine.begin() as c:
        row = c.execute(text("SELECT * FROM ledger_entries WHERE seq = 5")).mappings().one()
        past_the_ledger_guard(c)
        c.execute(text("UPDATE ledger_entries SET seq = 7 WHERE seq = 5"))
        c.execute(text(
            "INSERT INTO ledger_entries (seq, draft_id, version_number, kind, content_hash, decider_id, decided_at,"
            " prev_hash, entry_hash) VALUES (5, 9, 1, 'approved', :h, 'U0STRANGER', :d, :p, :e)"),
            {"h": "9" * 64, "d": row["decided_at"], "p": "e" * 64, "e": "f" * 64})
    r = kessai(filled, "ledger", "verify")
    assert r.returncode == 1 and "#5 " in r.stderr


def test_the_newest_entries_deleted_with_the_head_set_back_are_caught_by_the_drafts_they_decided(
        db: Database, filled: str) -> None:
    """The chain that is left verifies; draft 5 still says its version 1 was decided."""
    with db.engine.begin() as c:
        kept = c.execute(text("SELECT entry_hash FROM ledger_entries WHERE seq = 4")).scalar_one()
        past_the_ledger_guard(c)
        c.execute(text("DELETE FROM ledger_entries WHERE seq = 5"))
        c.execute(text("UPDATE ledger_head SET seq = 4, entry_hash = :h"), {"h": kept})
    r = kessai(filled, "ledger", "verify")
    assert r.returncode == 1 and "下書き #5 の第1版は「承認済み」ですが、台帳にその決裁の記録がありません" in r.stderr


def test_a_decision_deleted_after_an_override_of_the_same_version_is_caught(db: Database, filled: str) -> None:
    """理由を付けて決裁依頼 writes an override entry for the version the approver then decides: that
    entry is no record of the decision, so deleting the decision's entry (the newest) is caught."""
    now = datetime.now(UTC)
    h = content_hash(text="下書き6", account_id="joetsu-x", scheduled_at=None, alt_texts=[])
    with db.session() as s:
        s.add(DraftRow(id=6, account_id="joetsu-x", author_id="U0OPERATOR", channel="C0INTAKE", message_ts="6.0",
                       state="approved", current_version=1, created_at=now, updated_at=now))
        s.add(DraftVersionRow(draft_id=6, number=1, text="下書き6", content_hash=h, created_at=now))
        s.flush()
        for kind in ("override", "approved"):
            ledger_repo.append(s, draft_id=6, version_number=1, kind=kind, content_hash=h, decider_id="U0MANAGER",
                               acting_for_id=None, reason=None, decided_at=datetime(2026, 11, 26, 1, tzinfo=UTC))
    assert kessai(filled, "ledger", "verify").returncode == 0
    with db.engine.begin() as c:
        kept = c.execute(text("SELECT entry_hash FROM ledger_entries WHERE seq = 6")).scalar_one()
        past_the_ledger_guard(c)
        c.execute(text("DELETE FROM ledger_entries WHERE seq = 7"))
        c.execute(text("UPDATE ledger_head SET seq = 6, entry_hash = :h"), {"h": kept})
    r = kessai(filled, "ledger", "verify")
    assert r.returncode == 1 and "下書き #6 の第1版は「承認済み」ですが、台帳にその決裁の記録がありません" in r.stderr


def test_a_draft_decided_on_an_earlier_version_and_edited_since_needs_no_entry_for_the_new_one(
        db: Database, filled: str) -> None:
    with db.engine.begin() as c:
        c.execute(text("UPDATE drafts SET state = 'pending', current_version = 2 WHERE id = 5"))
        c.execute(text("UPDATE drafts SET state = 'withdrawn', current_version = 2 WHERE id = 4"))
    assert kessai(filled, "ledger", "verify").returncode == 0


def test_an_export_over_a_file_kessai_keeps_is_refused(tmp_path: Path) -> None:
    """`--output kessai.db` (Tab completion from 「kes」) replaced the SQLite ledger itself with its
    export; the organisation file and .env were as easily replaced."""
    url = f"sqlite:///{tmp_path / 'kessai.db'}"
    db = Database(url)
    db.upgrade()
    db.dispose()  # (its connections held the database's three files open until the garbage collector came by)
    (tmp_path / "kessai.toml").write_text("# 組織設定\n", encoding="utf-8")
    (tmp_path / ".env").write_text(f"DATABASE_URL={url}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "KESSAI_CONFIG": "kessai.toml"}
    env.pop("DATABASE_URL", None)
    before = {name: (tmp_path / name).read_bytes() for name in ("kessai.db", "kessai.toml", ".env")}
    for command, output, what in [("ledger", "kessai.db", "台帳のデータベース"), ("ledger", "./kessai.toml", "組織設定ファイル"),
                                  ("incidents", ".env", ".env（環境設定）"), ("ledger", "kessai.db-wal", "台帳のデータベース")]:
        r = subprocess.run([sys.executable, "-m", "bot", command, "export", "--output", output], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 2 and f"--output「{output}」は kessai の{what}です" in r.stderr, r.stderr
    assert {name: (tmp_path / name).read_bytes() for name in before} == before


def test_export_csv_and_json(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "ledger.csv"
    r = kessai(filled, "ledger", "export", "--format", "csv", "--output", str(out), "--from", "2026-11-23")
    assert r.returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [int(x["通番"]) for x in rows] == [3, 4, 5]
    r = kessai(filled, "ledger", "export", "--format", "json", "--to", "2026-11-21")
    assert [e["seq"] for e in json.loads(r.stdout)] == [1]
    r = kessai(filled, "ledger", "export", "--from", "11/23")  # which year? an audit reaches back years
    assert r.returncode == 2 and "「11/23」は日付として読めません" in r.stderr and "年から指定" in r.stderr
    r = kessai(filled, "ledger", "export", "--from", "2026-11-01", "--to", "2026-11-31")
    assert r.returncode == 2 and "--to の「2026-11-31」は日付として読めません" in r.stderr  # which one to fix
    # As dates are written in Japan: slashes, full-width digits, the era.
    for written in ("2026/11/23", "２０２６年１１月２３日", "令和8年11月23日", "R8.11.23"):
        r = kessai(filled, "ledger", "export", "--format", "json", "--from", written)
        assert r.returncode == 0 and [e["seq"] for e in json.loads(r.stdout)] == [3, 4, 5], written
    # The ends swapped: said so, not an empty export that reads as "nothing was decided".
    r = kessai(filled, "ledger", "export", "--from", "2026-11-30", "--to", "2026-11-01")
    assert r.returncode == 2 and r.stdout == "" and "--from（2026-11-30）が --to（2026-11-01）より後" in r.stderr
    r = kessai(filled, "ledger", "export", "--from", "2026-11-21", "--to", "2026-11-21", "--format", "json")
    assert r.returncode == 0 and [e["seq"] for e in json.loads(r.stdout)] == [1]  # one day: both ends included


def test_an_export_of_a_damaged_ledger_keeps_the_entry_it_cannot_date(db: Database, filled: str) -> None:
    """The auditor asks for the export because the ledger is damaged: the entry with a date that is
    no date is written (and named), not a traceback."""
    with db.engine.begin() as c:
        past_the_ledger_guard(c)
        c.execute(text("UPDATE ledger_entries SET decided_at = 'garbage' WHERE seq = 2"))
    r = kessai(filled, "ledger", "export", "--format", "json", "--from", "2026-11-23")
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert [e["seq"] for e in json.loads(r.stdout)] == [2, 3, 4, 5]
    assert "#2 の日時「garbage」を読めない" in r.stderr and "ledger verify" in r.stderr


def test_a_damaged_date_cannot_command_the_terminal_of_whoever_exports(db: Database, filled: str) -> None:
    """Whoever wrote the database can put anything in the date: moving the cursor up over the
    warning and erasing it, then a line of their own. It is shown as escapes, on its own line."""
    forged = "\x1b[1A\x1b[2K\r\u202e\n5 件の記録を書き出しました。"
    with db.engine.begin() as c:
        past_the_ledger_guard(c)
        c.execute(text("UPDATE ledger_entries SET decided_at = :d WHERE seq = 2"), {"d": forged})
    r = kessai(filled, "ledger", "export", "--format", "json", "--from", "2026-11-23")
    assert r.returncode == 0
    assert "#2 の日時「\\x1b[1A\\x1b[2K\\r\\u202e\\n5 件の記録を書き出しました。」を読めない" in r.stderr
    assert not any(c in r.stderr for c in "\x1b\r\u202e") and r.stderr.count("\n") == 2  # its line and the chain's


def test_a_json_export_writes_separators_and_bidi_controls_as_escapes_of_the_same_value(db: Database, filled: str) -> None:
    """Shown on a terminal (no --output), a U+202E in a 差戻し reason reordered the line and a U+2028
    broke it for readers that split lines as str.splitlines does; the file's value is the same."""
    reason = "日付\u2028を確認\u202eしてください\x85"
    with db.engine.begin() as c:
        past_the_ledger_guard(c)
        c.execute(text("UPDATE ledger_entries SET reason = :r WHERE seq = 2"), {"r": reason})
    r = kessai(filled, "ledger", "export", "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout)[1]["reason"] == reason
    assert "日付\\u2028を確認\\u202eしてください\\u0085" in r.stdout
    assert not any(c in r.stdout for c in "\u2028\u202e\x85")


@pytest.mark.parametrize("sql", [
    # Only the time zone the time is written in: the same instant, but not what was recorded.
    "UPDATE ledger_entries SET decided_at = '2026-11-22T10:00:00+09:00' WHERE seq = 2",
    "UPDATE ledger_entries SET acting_for_id = 'U0DEPUTY' WHERE seq = 2",
    "DELETE FROM ledger_entries WHERE seq = 2",
], ids=["time-zone", "deputy", "delete"])
def test_an_export_of_a_tampered_ledger_says_so(db: Database, filled: str, tmp_path: Path, sql: str) -> None:
    """The export is written as the database holds it, but whoever hands it to an auditor learns
    that an entry breaks the chain, even one before the period exported."""
    with db.engine.begin() as c:
        past_the_ledger_guard(c)
        c.execute(text(sql))
    out = tmp_path / "ledger.json"
    r = kessai(filled, "ledger", "export", "--format", "json", "--output", str(out), "--from", "2026-11-24")
    assert r.returncode == 0 and [e["seq"] for e in json.loads(out.read_text(encoding="utf-8"))] == [4, 5]
    assert "台帳の記録 #" in r.stderr and "に問題があります" in r.stderr and "kessai ledger verify" in r.stderr


def test_an_export_of_an_intact_ledger_warns_of_nothing(filled: str) -> None:
    r = kessai(filled, "ledger", "export", "--format", "json")
    assert r.returncode == 0 and r.stderr == ""


def test_export_to_a_dash_writes_to_standard_output(filled: str, tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "bot", "ledger", "export", "--format", "json", "--output", "-"],
                       env={**os.environ, "DATABASE_URL": filled, "PYTHONPATH": str(REPO)}, cwd=tmp_path,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and [e["seq"] for e in json.loads(r.stdout)] == [1, 2, 3, 4, 5]
    assert not (tmp_path / "-").exists()


def test_the_genesis_entry_replaced_and_hashed_anew_is_named(db: Database, filled: str) -> None:
    """Whoever replaces a decision can hash the new row to fit itself; only the next entry's link
    shows it. Verify named that next entry (#2), which is as it was written."""
    with db.engine.begin() as c:
        row = dict(c.execute(text("SELECT * FROM ledger_entries WHERE seq = 1")).mappings().one())
        body = {k: row[k] for k in LedgerEntry.__dataclass_fields__ if k != "entry_hash"}
        body["decider_id"] = "U0STRANGER"
        past_the_ledger_guard(c)
        c.execute(text("UPDATE ledger_entries SET decider_id = :d, entry_hash = :h WHERE seq = 1"),
                  {"d": "U0STRANGER", "h": entry_hash(body)})
    r = kessai(filled, "ledger", "verify")
    assert r.returncode == 1
    assert "台帳の記録 #1 に問題があります: この記録のハッシュが、次の記録 #2 に控えられた値と一致しません" in r.stderr
    r = kessai(filled, "ledger", "export", "--format", "json")
    assert r.returncode == 0 and "台帳の記録 #1 に問題があります" in r.stderr


def withdraw_after_approval(db: Database, draft_id: int) -> None:
    """What the bot records when an approved draft's message is deleted: a void entry, 取り下げ."""
    with db.session() as s:
        v = s.get(DraftVersionRow, draft_id)  # one version per draft: its row id is the draft's
        assert v is not None and v.draft_id == draft_id
        ledger_repo.append(s, draft_id=draft_id, version_number=1, kind="void", content_hash=v.content_hash,
                           decider_id="U0OPERATOR", acting_for_id=None,
                           reason="下書きのメッセージが削除（取り下げ）されたため、第1版の決裁は無効になりました。",
                           decided_at=datetime(2026, 11, 27, 1, tzinfo=UTC))
    with db.engine.begin() as c:
        c.execute(text("UPDATE drafts SET state = 'withdrawn' WHERE id = :d"), {"d": draft_id})


@pytest.mark.parametrize("state", ["approved", "published"])
def test_a_withdrawn_approval_set_back_to_approved_is_caught(db: Database, filled: str, state: str) -> None:
    """The approval of draft 3 was voided when its message was deleted; setting the draft back to
    承認済み (or 投稿済み) made it look approved, and verify passed: the approval is still in the
    ledger, the void after it was not looked at."""
    withdraw_after_approval(db, 3)
    assert kessai(filled, "ledger", "verify").returncode == 0
    with db.engine.begin() as c:
        c.execute(text("UPDATE drafts SET state = :s WHERE id = 3"), {"s": state})
    r = kessai(filled, "ledger", "verify")
    assert r.returncode == 1
    assert (f"下書き #3 の第1版は「{'承認済み' if state == 'approved' else '投稿済み'}」ですが、"
            "台帳の記録 #6 でその決裁は無効（編集・取り下げ）になっています（下書きの状態が書き換えられた疑いがあります）。"
            ) in r.stderr, r.stderr


def test_a_rejected_draft_set_to_approved_names_the_rejection(db: Database, filled: str) -> None:
    """Draft 2 was rejected (#2); its state rewritten to 承認済み was reported as the ledger's newest
    entries deleted with ledger_head, which they were not: the ledger holds the 差戻し."""
    with db.engine.begin() as c:
        c.execute(text("UPDATE drafts SET state = 'approved' WHERE id = 2"))
    r = kessai(filled, "ledger", "verify")
    assert r.returncode == 1
    assert ("下書き #2 の第1版は「承認済み」ですが、台帳の記録 #2 ではその版の決裁は「差戻し」です"
            "（下書きの状態が書き換えられた疑いがあります）。") in r.stderr, r.stderr
    assert "ledger_head" not in r.stderr


def test_a_kind_made_up_by_whoever_rebuilt_the_chain_is_shown_not_obeyed(db: Database, filled: str) -> None:
    """Whoever can write the database can append an entry of any kind and hash the chain to fit it;
    verify named that kind as it was, so an ESC sequence and a line break in it rewrote the report
    on the IT 担当's terminal."""
    with db.session() as s:
        v = s.get(DraftVersionRow, 2)
        assert v is not None
        ledger_repo.append(s, draft_id=2, version_number=1, kind="\x1b[1A\x1b[2K\n承認\u202e",  # 16 at most
                           content_hash=v.content_hash, decider_id="U0MANAGER", acting_for_id=None, reason=None,
                           decided_at=datetime(2026, 11, 27, 1, tzinfo=UTC))
    with db.engine.begin() as c:
        c.execute(text("UPDATE drafts SET state = 'approved' WHERE id = 2"))
    r = kessai(filled, "ledger", "verify")
    assert r.returncode == 1
    assert ("台帳の記録 #6 ではその版の決裁は「\\x1b[1A\\x1b[2K\\n承認\\u202e」です"
            "（下書きの状態が書き換えられた疑いがあります）。\n") in r.stderr, r.stderr
    assert r.stderr.count("\n") == 1 and not any(c in r.stderr for c in "\x1b\u202e")


def test_a_draft_set_to_approved_without_any_decision_says_either_may_have_happened(db: Database, filled: str) -> None:
    now = datetime.now(UTC)
    with db.session() as s:
        s.add(DraftRow(id=6, account_id="joetsu-x", author_id="U0OPERATOR", channel="C0INTAKE", message_ts="6.0",
                       state="pending", current_version=1, created_at=now, updated_at=now))
    assert kessai(filled, "ledger", "verify").returncode == 0
    with db.engine.begin() as c:
        c.execute(text("UPDATE drafts SET state = 'approved' WHERE id = 6"))
    r = kessai(filled, "ledger", "verify")
    assert r.returncode == 1 and ("下書き #6 の第1版は「承認済み」ですが、台帳にその決裁の記録がありません"
                                  "（台帳の末尾の記録が ledger_head とともに削除されたか、下書きの状態が書き換えられた疑いがあります）。"
                                  ) in r.stderr, r.stderr


def test_a_reason_longer_than_an_excel_cell_is_exported_whole_and_noted(db: Database, filled: str,
                                                                         tmp_path: Path) -> None:
    with db.session() as s:
        ledger_repo.append(s, draft_id=5, version_number=1, kind="void", content_hash="a" * 64, decider_id="U0MANAGER",
                           acting_for_id=None, reason="取り下げ" * 9000, decided_at=datetime(2026, 11, 28, 1, tzinfo=UTC))
    out = tmp_path / "ledger.csv"
    r = kessai(filled, "ledger", "export", "--format", "csv", "--output", str(out))
    assert r.returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[-1]["理由"] == "取り下げ" * 9000
    assert "7 行目（通番 6）の「理由」は 36,000 文字" in r.stderr and "32,767 文字" in r.stderr, r.stderr


def test_an_empty_export_to_standard_output_says_that_nothing_was_in_the_period(filled: str) -> None:
    """`kessai ledger export --from 2025-04-01 --to 2026-03-31 > r7.csv` wrote only the headings
    and said nothing: the file read as "nothing was decided in 令和7年度", a typo's export as a fact."""
    r = kessai(filled, "ledger", "export", "--format", "csv", "--from", "2025-04-01", "--to", "2026-03-31")
    assert r.returncode == 0 and r.stdout.count("\r\n") == 1  # the headings only
    assert "2025-04-01 から 2026-03-31 までに書き出す記録はありません" in r.stderr and "見出しの行だけ" in r.stderr
    r = kessai(filled, "ledger", "export", "--format", "json", "--from", "2027-01-01")
    assert r.returncode == 0 and json.loads(r.stdout) == [] and "2027-01-01 以降に書き出す記録はありません" in r.stderr and "空の一覧" in r.stderr


def test_a_draft_published_under_決裁省略_is_recorded_by_its_exempt_entry(db: Database, filled: str) -> None:
    """A published draft was approved or exempted first: its exempt entry is the record of it."""
    now = datetime.now(UTC)
    h = content_hash(text="下書き6", account_id="joetsu-x", scheduled_at=None, alt_texts=[])
    with db.session() as s:
        s.add(DraftRow(id=6, account_id="joetsu-x", author_id="U0OPERATOR", channel="C0INTAKE", message_ts="6.0",
                       state="published", current_version=1, created_at=now, updated_at=now))
        s.add(DraftVersionRow(draft_id=6, number=1, text="下書き6", content_hash=h, created_at=now))
        s.flush()
        ledger_repo.append(s, draft_id=6, version_number=1, kind="exempt", content_hash=h, decider_id="U0OPERATOR",
                           acting_for_id=None, reason=None, decided_at=datetime(2026, 11, 26, 1, tzinfo=UTC))
    r = kessai(filled, "ledger", "verify")
    assert r.returncode == 0, r.stderr


def test_a_draft_edited_after_its_approval_and_approved_again_verifies(db: Database, filled: str) -> None:
    """The void entry is of version 1; version 2's approval is the record of the current version."""
    now = datetime.now(UTC)
    hashes = [content_hash(text=t, account_id="joetsu-x", scheduled_at=None, alt_texts=[]) for t in ("下書き6", "下書き6。")]
    with db.session() as s:
        s.add(DraftRow(id=6, account_id="joetsu-x", author_id="U0OPERATOR", channel="C0INTAKE", message_ts="6.0",
                       state="approved", current_version=2, created_at=now, updated_at=now))
        for number, (t, h) in enumerate(zip(("下書き6", "下書き6。"), hashes, strict=True), start=1):
            s.add(DraftVersionRow(draft_id=6, number=number, text=t, content_hash=h, created_at=now))
        s.flush()
        for number, kind in ((1, "approved"), (1, "void"), (2, "approved")):
            ledger_repo.append(s, draft_id=6, version_number=number, kind=kind, content_hash=hashes[number - 1],
                               decider_id="U0MANAGER", acting_for_id=None, reason=None,
                               decided_at=datetime(2026, 11, 26, 1, tzinfo=UTC))
    r = kessai(filled, "ledger", "verify")
    assert r.returncode == 0, r.stderr
