"""Hash chain rules, without a database."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.ledger import (
    EXPORT_COLUMNS,
    GENESIS_HASH,
    ChainWatch,
    LedgerEntry,
    VerifyResult,
    content_hash,
    entry_hash,
    export_rows,
    recorded_content_hashes,
    to_csv,
    to_json,
    verify_chain,
)

JST = ZoneInfo("Asia/Tokyo")


def chain(n: int) -> list[LedgerEntry]:
    out: list[LedgerEntry] = []
    prev = GENESIS_HASH
    for i in range(1, n + 1):
        body = dict(seq=i, draft_id=i, version_number=1, kind="approved", content_hash="a" * 64,
                    decider_id="U0MANAGER", acting_for_id=None, reason=None,
                    decided_at=f"2026-11-2{i % 10}T10:00:00+09:00", prev_hash=prev)
        e = LedgerEntry(**body, entry_hash=entry_hash(body))  # type: ignore[arg-type]
        out.append(e)
        prev = e.entry_hash
    return out


def test_content_hash_changes_with_any_bound_field() -> None:
    base = dict(text="お知らせ", account_id="joetsu-x", scheduled_at=None, alt_texts=[])
    h = content_hash(**base)  # type: ignore[arg-type]
    assert h != content_hash(**{**base, "text": "お知らせ。"})  # type: ignore[arg-type]
    assert h != content_hash(**{**base, "account_id": "joetsu-insta"})  # type: ignore[arg-type]
    assert h != content_hash(**{**base, "scheduled_at": datetime(2026, 11, 24, 9, tzinfo=JST)})  # type: ignore[arg-type]
    assert h != content_hash(**{**base, "alt_texts": ["高田城址公園の桜"]})  # type: ignore[arg-type]
    assert h != content_hash(**base, video_count=1) != content_hash(**base, video_count=2)  # type: ignore[arg-type]
    assert h == content_hash(**base) == content_hash(**base, video_count=0)  # type: ignore[arg-type]


def test_versions_recorded_before_videos_were_counted_keep_their_hash() -> None:
    # The hash of 2026-12-03 (before videos entered it), pinned: a version without videos must
    # verify against the hash its decision was recorded under, in every ledger written before.
    scheduled = datetime(2026, 12, 5, 10, tzinfo=JST)
    kw = dict(text="雁木通りの紅葉が見頃です。", account_id="x-joetsu", scheduled_at=scheduled, alt_texts=["紅葉と堀"])
    pinned = "ba4cf20c25fba9c2193a63bc133701d6c17a897e6d1f215c98950c3c2625ae18"
    assert content_hash(**kw) == pinned  # type: ignore[arg-type]
    assert pinned in recorded_content_hashes(**kw, tz=JST)  # type: ignore[arg-type]
    assert pinned not in recorded_content_hashes(**kw, tz=JST, video_count=1)  # type: ignore[arg-type]


def test_content_hash_binds_the_instant_not_the_zone_it_was_typed_in() -> None:
    # The database keeps the instant; verify recomputes the hash from it.
    typed = datetime(2026, 11, 24, 9, tzinfo=JST)
    stored = typed.astimezone(UTC)
    base = dict(text="お知らせ", account_id="joetsu-x", alt_texts=[])
    assert content_hash(**base, scheduled_at=typed) == content_hash(**base, scheduled_at=stored)  # type: ignore[arg-type]
    recorded = recorded_content_hashes(**base, scheduled_at=stored, tz=JST)  # type: ignore[arg-type]
    assert content_hash(**base, scheduled_at=typed) in recorded and len(recorded) == 2  # type: ignore[arg-type]
    assert content_hash(**base, scheduled_at=typed + timedelta(minutes=1)) not in recorded  # type: ignore[arg-type]


def test_intact_chain_verifies() -> None:
    entries = chain(5)
    r = verify_chain(entries, head=(5, entries[-1].entry_hash))
    assert r.ok and r.count == 5


def test_edited_entry_is_named() -> None:
    entries = chain(5)
    entries[2] = dataclasses.replace(entries[2], decider_id="U0STRANGER")
    r = verify_chain(entries)
    assert not r.ok and r.first_bad_seq == 3


def test_deleted_entry_is_named() -> None:
    entries = chain(5)
    del entries[1]
    r = verify_chain(entries)
    assert not r.ok and r.first_bad_seq == 3


def test_reordered_entries_are_named() -> None:
    entries = chain(5)
    entries[1], entries[2] = entries[2], entries[1]
    r = verify_chain(entries)
    assert not r.ok and r.first_bad_seq == 3


def test_truncated_tail_is_caught_by_head() -> None:
    entries = chain(5)
    r = verify_chain(entries[:4], head=(5, entries[-1].entry_hash))
    assert not r.ok and r.first_bad_seq == 5


def test_changed_approved_text_is_caught() -> None:
    entries = chain(2)
    hashes = {(1, 1): "a" * 64, (2, 1): "b" * 64}
    r = verify_chain(entries, hashes)
    assert not r.ok and r.first_bad_seq == 2


def test_csv_has_bom_and_opens_as_utf8() -> None:
    rows = export_rows(chain(2), {"U0MANAGER": "上越 花子"})
    out = to_csv(rows)
    assert out.startswith("\ufeff")
    parsed = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert parsed[0]["決裁者"] == "上越 花子" and parsed[0]["種別"] == "承認"  # headings for Excel users
    assert list(parsed[0]) == list(EXPORT_COLUMNS.values())
    assert json.loads(to_json(rows))[1]["seq"] == 2


def test_a_reason_excel_would_run_as_a_formula_is_exported_as_text() -> None:
    entries = [dataclasses.replace(e, reason=r) for e, r in zip(
        chain(4), ["=HYPERLINK(\"http://evil.example\",\"開く\")", "-日付を確認してください", "+1", "@SUM(A1)"],
        strict=True)]
    parsed = list(csv.DictReader(io.StringIO(to_csv(export_rows(entries, {})).lstrip("\ufeff"))))
    assert [p["理由"] for p in parsed] == ["'=HYPERLINK(\"http://evil.example\",\"開く\")", "'-日付を確認してください",
                                             "'+1", "'@SUM(A1)"]
    assert parsed[0]["通番"] == "1"  # numbers are left alone
    assert json.loads(to_json(export_rows(entries, {})))[1]["reason"] == "-日付を確認してください"  # JSON as is


def test_a_reason_starting_with_a_full_width_operator_is_exported_as_text_and_gives_back_the_recorded_one() -> None:
    """Japanese Excel forgives the IME's width: 「＝」 typed first starts a formula as "=" does."""
    reasons = ["＝HYPERLINK(\"http://evil.example\",\"開く\")", "＋1", "－日付を確認してください", "＠SUM(A1)",
               "日付＝12月1日"]
    entries = [dataclasses.replace(e, reason=r) for e, r in zip(chain(len(reasons)), reasons, strict=True)]
    parsed = list(csv.DictReader(io.StringIO(to_csv(export_rows(entries, {})).lstrip("\ufeff"))))
    cells = [p["理由"] for p in parsed]
    assert cells[:4] == ["'" + r for r in reasons[:4]] and cells[4:] == reasons[4:]
    assert [c[1:] if c[:1] == "'" else c for c in cells] == reasons  # the first ' removed: as recorded


def test_a_missing_or_behind_head_names_an_entry_that_exists() -> None:
    entries = chain(5)
    gone = verify_chain(entries, head=(0, GENESIS_HASH))  # the ledger_head row deleted
    assert not gone.ok and gone.first_bad_seq == 5 and "ledger_head" in (gone.problem_ja or "")
    behind = verify_chain(entries, head=(3, entries[2].entry_hash))  # two entries added without the head
    assert not behind.ok and behind.first_bad_seq == 4


def test_a_deputys_decision_reads_as_one_in_the_export() -> None:
    entries = [dataclasses.replace(e, acting_for_id="U0MANAGER") if e.seq == 2 else e for e in chain(2)]
    rows = export_rows(entries, {"U0MANAGER": "上越 花子"})
    assert [r["kind_ja"] for r in rows] == ["承認", "承認（代決）"] and rows[1]["acting_for_name"] == "上越 花子"


def test_each_reason_reads_back_from_the_csv_by_taking_one_leading_quote_off() -> None:
    """The way back from a cell to what was recorded (and hashed) is one rule, also for a reason
    that began with 「'」 itself: without the extra one, 「'=1」 would read back as 「=1」."""
    reasons = ["'=1", "'引用'です", "=HYPERLINK(\"x\")", "通常の理由", None]
    entries = [dataclasses.replace(e, reason=r) for e, r in zip(chain(5), reasons, strict=True)]
    parsed = list(csv.DictReader(io.StringIO(to_csv(export_rows(entries, {})).lstrip("\ufeff"))))
    cells = [p["理由"] for p in parsed]
    assert [c[1:] if c.startswith("'") else c or None for c in cells] == reasons


def test_attached_files_are_bound_by_identity_and_only_when_there_are_some() -> None:
    from bot.attachments import AttachedFile

    # The hash of 2026-12-04 (before files entered it), pinned: a version without files keeps it.
    kw = dict(text="雁木通りの紅葉が見頃です。", account_id="x-joetsu", scheduled_at=None, alt_texts=["会場の地図"],
              video_count=1)
    pinned = "85e8d0ba156763fd645212026ddd52fa7a538a3c0b11fef82ef7f09200928754"
    assert content_hash(**kw) == content_hash(**kw, files=()) == pinned  # type: ignore[arg-type]
    flyer = AttachedFile(id="F0FLYER1", name="チラシ.pdf", mimetype="application/pdf", filetype="pdf", size=1000,
                         permalink="https://example.slack.com/files/U0/F0FLYER1/chirashi.pdf")
    with_flyer = content_hash(**kw, files=[flyer])  # type: ignore[arg-type]
    assert with_flyer != pinned
    assert with_flyer in recorded_content_hashes(**kw, files=[flyer], tz=JST)  # type: ignore[arg-type]
    # Another file, or the same name with other bytes (another size), is other content…
    assert content_hash(**kw, files=[dataclasses.replace(flyer, id="F0FLYER2")]) != with_flyer  # type: ignore[arg-type]
    assert content_hash(**kw, files=[dataclasses.replace(flyer, size=1001)]) != with_flyer  # type: ignore[arg-type]
    # …where the file is shown from is not.
    assert content_hash(**kw, files=[dataclasses.replace(flyer, permalink=None)]) == with_flyer  # type: ignore[arg-type]


def rehashed(e: LedgerEntry, **changes: object) -> LedgerEntry:
    """``e`` changed and hashed anew to fit itself: what anyone who reads this code can do."""
    body = {**dataclasses.replace(e, **changes).body()}  # type: ignore[arg-type]
    return LedgerEntry(**body, entry_hash=entry_hash(body))  # type: ignore[arg-type]


def test_a_replaced_entry_hashed_anew_is_named_not_the_one_after_it() -> None:
    """The genesis entry replaced (another decider, hashed to fit) broke only entry 2's link;
    verify named #2, which is as it was written, and an auditor looked at the wrong decision."""
    for replaced in (1, 3):
        entries = chain(5)
        entries[replaced - 1] = rehashed(entries[replaced - 1], decider_id="U0STRANGER")
        r = verify_chain(entries, head=(5, entries[-1].entry_hash))
        assert not r.ok and r.first_bad_seq == replaced, replaced
        assert f"次の記録 #{replaced + 1} に控えられた値と一致しません" in (r.problem_ja or "")
        watch = ChainWatch(entries)
        assert list(watch) == entries and watch.first_bad is not None and watch.first_bad[0] == replaced


def test_a_first_entry_that_does_not_start_from_the_genesis_hash_is_named() -> None:
    entries = chain(3)
    entries[0] = rehashed(entries[0], prev_hash="1" * 64)
    r = verify_chain(entries)
    assert not r.ok and r.first_bad_seq == 1 and "最初の記録" in (r.problem_ja or "")


def test_an_edited_link_is_named_at_the_entry_that_holds_it() -> None:
    entries = chain(4)
    entries[2] = dataclasses.replace(entries[2], prev_hash="1" * 64)  # not hashed anew
    r = verify_chain(entries)
    assert not r.ok and r.first_bad_seq == 3


def test_a_ledger_of_one_entry_and_an_empty_one_verify() -> None:
    one = chain(1)
    assert verify_chain(one, head=(1, one[0].entry_hash)).ok
    assert verify_chain([], head=(0, GENESIS_HASH)) == VerifyResult(True, 0)
    emptied = verify_chain([], head=(1, one[0].entry_hash))  # its only entry deleted, the head kept
    assert not emptied.ok and emptied.first_bad_seq == 1
    headless = verify_chain(one, head=(0, GENESIS_HASH))
    assert not headless.ok and headless.first_bad_seq == 1 and "0 件に戻されています" in (headless.problem_ja or "")


def test_a_value_excel_would_read_as_a_number_keeps_its_digits_in_the_csv() -> None:
    """Excel reads a cell of digits as a number: the first entry's 「前の記録のハッシュ」, 64 zeros
    (docs/operations.md tells the auditor to expect them), showed as 「0」, a reason of a phone
    number lost its leading 0, one of 12 digits showed as 「1.23457E+11」 and one of 16 lost its
    last digits. Such a cell gets the leading ' that gives back the recorded value; ordinary
    numbers stay numbers."""
    reasons = ["09012345678", "1234567890123456", "0", "2", "123456789012", "12345678901", "１２", None]
    entries = [dataclasses.replace(e, reason=r) for e, r in zip(chain(len(reasons)), reasons, strict=True)]
    parsed = list(csv.DictReader(io.StringIO(to_csv(export_rows(entries, {})).lstrip("\ufeff"))))
    assert parsed[0]["前の記録のハッシュ"] == "'" + GENESIS_HASH
    assert [p["理由"] for p in parsed] == ["'09012345678", "'1234567890123456", "0", "2", "'123456789012", "12345678901", "１２", ""]
    assert [c[1:] if c.startswith("'") else c or None for c in (p["理由"] for p in parsed)] == reasons
    assert json.loads(to_json(export_rows(entries, {})))[0]["prev_hash"] == GENESIS_HASH  # JSON as is


class _Ticks:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_progress_says_how_far_verify_got_without_changing_the_items() -> None:
    from io import StringIO

    from bot.ledger import Progress

    out = StringIO()
    progress = Progress(range(12_345), 12_345, out, clock=_Ticks(), every=2.0)
    assert list(progress) == list(range(12_345))
    lines = out.getvalue().splitlines()
    # The clock is read at each thousandth item (one second each): a note every second reading.
    assert lines[0] == "台帳の記録を検証しています… 2,000 / 12,345 件（16%）"
    assert lines[-1] == "台帳の記録を検証しています… 12,000 / 12,345 件（97%）"
    assert len(lines) == 6 and progress.said and progress.count == 12_345


def test_progress_is_silent_on_a_short_ledger_and_never_says_more_than_99_percent() -> None:
    from io import StringIO

    from bot.ledger import Progress

    quiet = StringIO()
    assert sum(1 for _ in Progress(range(999), 999, quiet, clock=_Ticks(), every=0.0)) == 999
    assert quiet.getvalue() == ""
    # A head of 0 (the ledger_head row reset, which verify reports) or behind the entries: no
    # division by zero, no 「120%」.
    out = StringIO()
    list(Progress(range(3000), 0, out, clock=_Ticks(), every=0.0))
    assert out.getvalue().splitlines()[-1] == "台帳の記録を検証しています… 3,000 / 0 件"
    out = StringIO()
    list(Progress(range(3000), 1000, out, clock=_Ticks(), every=0.0))
    assert out.getvalue().splitlines()[-1] == "台帳の記録を検証しています… 3,000 / 1,000 件（99%）"


def test_the_verify_report_is_worded_beside_the_ledger() -> None:
    from bot.ledger import VerifyResult, verify_report_ja

    head = (3, "ab" * 32)
    sound, said = verify_report_ja(VerifyResult(ok=True, count=3), head, None)
    assert sound and said.splitlines() == ["台帳は正常です（3 件の記録を検証しました）。",
                                           f"最新の記録 #3 のハッシュ: {'ab' * 32}（台帳の外に控えておくと、末尾の削除にも気付けます）"]
    assert verify_report_ja(VerifyResult(ok=True, count=0), (0, "0" * 64), None) == (
        True, "台帳は正常です（0 件の記録を検証しました）。")
    sound, said = verify_report_ja(VerifyResult(ok=False, count=2, first_bad_seq=2, problem_ja="ハッシュが一致しません"),
                                   head, None)
    assert not sound and said == "台帳の記録 #2 に問題があります: ハッシュが一致しません"
    sound, said = verify_report_ja(VerifyResult(ok=True, count=3), head, (7, 2, "approved", None))
    assert not sound and said.startswith("下書き #7 の第2版は「承認済み」ですが、台帳にその決裁の記録がありません")
    assert "無効（編集・取り下げ）" in verify_report_ja(VerifyResult(ok=True, count=3), head, (7, 2, "approved", (3, "void")))[1]


def test_the_auditors_check_script_in_operations_md_runs_on_both_exports(tmp_path: Path) -> None:
    """docs/operations.md「書き出した台帳だけでハッシュチェーンを確かめる」 gives the auditor a script to
    copy; nothing ran it, so a change to the export (a column renamed, a new leading-quote rule) would
    leave every auditor's copy failing on a sound ledger. It is run here as written, on exports whose
    cells carry each quoting rule, and must still catch an edited cell."""
    doc = (Path(__file__).resolve().parents[1] / "docs" / "operations.md").read_text(encoding="utf-8")
    scripts = re.findall(r"^```python\n(.*?)^```", doc, re.MULTILINE | re.DOTALL)
    assert len(scripts) == 1, "the auditor's script is the only python block of operations.md"
    script = tmp_path / "check_ledger.py"
    script.write_text(scripts[0], encoding="utf-8")
    reasons = [None, "=HYPERLINK(\"x\")", "'=1", "－日付", "012345", "123456789012", "\t先頭のタブ", "一行目\n二行目"]
    entries: list[LedgerEntry] = []
    prev = GENESIS_HASH
    for e, reason in zip(chain(len(reasons)), reasons, strict=True):
        body = {**{f.name: getattr(e, f.name) for f in dataclasses.fields(e) if f.name != "entry_hash"},
                "reason": reason, "prev_hash": prev, "acting_for_id": "U0MANAGER" if e.seq == 3 else None}
        entries.append(LedgerEntry(**body, entry_hash=entry_hash(body)))  # type: ignore[arg-type]
        prev = entries[-1].entry_hash
    assert verify_chain(entries).ok
    rows = export_rows(entries, {"U0MANAGER": "上越 花子"})
    (tmp_path / "台帳.csv").write_text(to_csv(rows), encoding="utf-8", newline="")
    (tmp_path / "台帳.json").write_text(to_json(rows), encoding="utf-8")
    for name in ("台帳.csv", "台帳.json"):
        run = subprocess.run([sys.executable, str(script), str(tmp_path / name)], capture_output=True, text=True,
                             encoding="utf-8", timeout=60)
        assert run.returncode == 0, (name, run.stderr)
        assert run.stdout.strip() == (f"{len(entries)} 件を確かめました。通番 1 から始まります。"
                                      f"最後の記録のハッシュ: {entries[-1].entry_hash}"), name
    edited = tmp_path / "edited.csv"
    edited.write_text(to_csv(rows).replace("012345", "012346"), encoding="utf-8", newline="")
    run = subprocess.run([sys.executable, str(script), str(edited)], capture_output=True, text=True,
                         encoding="utf-8", timeout=60)
    assert run.returncode == 1 and "通番 5: 記録の内容がハッシュと一致しません" in run.stderr, run.stderr


def test_an_entry_whose_version_is_gone_from_the_database_is_named() -> None:
    entries = chain(3)
    hashes = {(1, 1): frozenset({"a" * 64}), (3, 1): frozenset({"a" * 64})}  # draft 2's version deleted
    r = verify_chain(entries, hashes)
    assert not r.ok and r.first_bad_seq == 2 and r.problem_ja == "決裁対象の版がデータベースに見つかりません。"


def test_the_newest_entry_replaced_and_hashed_anew_is_caught_by_the_heads_hash() -> None:
    # Nothing after it holds its hash: only ledger_head does.
    entries = chain(5)
    body = {**entries[-1].body(), "decider_id": "U0STRANGER"}
    entries[-1] = LedgerEntry(**body, entry_hash=entry_hash(body))  # type: ignore[arg-type]
    assert verify_chain(entries).ok
    r = verify_chain(entries, head=(5, chain(5)[-1].entry_hash))
    assert not r.ok and r.first_bad_seq == 5
