"""The 決裁 ledger: hashing, verification and export (pure; storage/ledger.py persists it)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime, tzinfo
from typing import TextIO, TypeVar

from bot import exporting
from bot.attachments import AttachedFile, identities
from bot.logs import printable

GENESIS_HASH = "0" * 64

T = TypeVar("T")

KIND_LABELS_JA = {
    "approved": "承認",
    "rejected": "差戻し",
    "exempt": "決裁省略",
    "void": "無効（編集・取り下げ）",
    "expired": "期限切れ",
    "override": "理由を付けた決裁依頼",
}


def _canonical(data: Mapping[str, object]) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(
    *, text: str, account_id: str, scheduled_at: datetime | None, alt_texts: Sequence[str], video_count: int = 0,
    files: Sequence[AttachedFile] = (),
) -> str:
    """SHA-256 of exactly what an approver saw; any change to it is a different 決裁 subject.

    The scheduled time goes in as its UTC instant, so that ``kessai ledger verify`` can recompute
    the hash from the stored version (the database keeps the instant, not the zone it was typed in).
    Videos count only when there are some, so that versions recorded before they were counted
    keep the hash they were decided under; so do the attached files (which ones: their Slack id,
    name and size), which a PDF swapped after the 承認 would otherwise leave the ledger verifying.
    """
    return _hash_content(text, account_id, scheduled_at.astimezone(UTC) if scheduled_at else None, alt_texts,
                         video_count, files)


def recorded_content_hashes(
    *, text: str, account_id: str, scheduled_at: datetime | None, alt_texts: Sequence[str], tz: tzinfo,
    video_count: int = 0, files: Sequence[AttachedFile] = (),
) -> frozenset[str]:
    """The hashes a stored version's content may have been recorded under: ``content_hash``, and
    for versions recorded before it hashed UTC instants, the same instant in the zone of the
    organisation (``KESSAI_TZ``), as it was typed. Both describe the same content and instant."""
    local = scheduled_at.astimezone(tz) if scheduled_at else None
    return frozenset({content_hash(text=text, account_id=account_id, scheduled_at=scheduled_at, alt_texts=alt_texts,
                                   video_count=video_count, files=files),
                      _hash_content(text, account_id, local, alt_texts, video_count, files)})


def _hash_content(text: str, account_id: str, scheduled_at: datetime | None, alt_texts: Sequence[str],
                  video_count: int, files: Sequence[AttachedFile]) -> str:
    content: dict[str, object] = {
        "text": text,
        "account": account_id,
        "scheduled_at": scheduled_at.isoformat() if scheduled_at else None,
        "alt_texts": list(alt_texts),
    }
    if video_count:
        content["videos"] = video_count
    if files:
        content["files"] = identities(files)
    return hashlib.sha256(_canonical(content)).hexdigest()


@dataclass(frozen=True)
class LedgerEntry:
    seq: int
    draft_id: int
    version_number: int
    kind: str
    content_hash: str
    decider_id: str
    acting_for_id: str | None
    reason: str | None
    decided_at: str
    prev_hash: str
    entry_hash: str

    def as_dict(self) -> dict[str, object]:
        # Every field is a flat value: a shallow copy. (asdict copies deeply, field by field; it was
        # a third of `kessai ledger verify` on 100,000 entries.)
        return {name: getattr(self, name) for name in _FIELDS}

    def body(self) -> dict[str, object]:
        d = self.as_dict()
        d.pop("entry_hash")
        return d


_FIELDS = tuple(f.name for f in fields(LedgerEntry))


def entry_hash(body: Mapping[str, object]) -> str:
    return hashlib.sha256(_canonical(body)).hexdigest()


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    count: int
    first_bad_seq: int | None = None
    problem_ja: str | None = None


def verify_chain(
    entries: Iterable[LedgerEntry],
    version_hashes: Mapping[tuple[int, int], Collection[str]] | None = None,
    head: tuple[int, str] | None = None,
) -> VerifyResult:
    """Recompute the chain; name the first entry that does not fit.

    ``version_hashes`` maps (draft_id, version) to the hashes recomputed from the stored version's
    content (``recorded_content_hashes``), so an edit of the approved text itself is caught, not
    only an edit of the ledger row. ``head`` is the
    (seq, hash) the database recorded for the last append: it catches deleting the newest rows.
    """
    if version_hashes is None:
        return _verify(((e, None) for e in entries), False, head)
    return verify_with_versions(((e, version_hashes.get((e.draft_id, e.version_number))) for e in entries), head)


def verify_report_ja(
    result: VerifyResult, head: tuple[int, str], unrecorded: tuple[int, int, str, tuple[int, str] | None] | None,
) -> tuple[bool, str]:
    """What `kessai ledger verify` says: (whether the ledger is sound, the Japanese lines). ``unrecorded``
    is storage.ledger.decided_without_entry's answer, asked only of a sound chain."""
    from bot.workflow import state_ja

    if unrecorded is not None:
        draft_id, version, state, last = unrecorded
        said = f"下書き #{draft_id} の第{version}版は「{state_ja(state)}」ですが、"
        if last is None:
            said += ("台帳にその決裁の記録がありません（台帳の末尾の記録が ledger_head とともに削除されたか、"
                     "下書きの状態が書き換えられた疑いがあります）。")
        elif last[1] == "void":
            said += f"台帳の記録 #{last[0]} でその決裁は無効（編集・取り下げ）になっています（下書きの状態が書き換えられた疑いがあります）。"
        else:
            # An unknown kind is the database's words, which whoever rebuilt the chain chose.
            said += (f"台帳の記録 #{last[0]} ではその版の決裁は「{printable(KIND_LABELS_JA.get(last[1], last[1]))}」です"
                     "（下書きの状態が書き換えられた疑いがあります）。")
        return False, said
    if not result.ok:
        return False, f"台帳の記録 #{result.first_bad_seq} に問題があります: {result.problem_ja}"
    said = f"台帳は正常です（{result.count} 件の記録を検証しました）。"
    if result.count:
        # Whoever can write the database could drop the newest entries and the head with them;
        # a copy of this hash kept elsewhere shows that.
        said += f"\n最新の記録 #{head[0]} のハッシュ: {head[1]}（台帳の外に控えておくと、末尾の削除にも気付けます）"
    return True, said


def verify_with_versions(
    checked: Iterable[tuple[LedgerEntry, Collection[str] | None]], head: tuple[int, str] | None = None,
) -> VerifyResult:
    """``verify_chain``, each entry coming with the hashes of the version it decided (None: no such
    version stored), as storage.ledger.iter_entries_with_versions reads them a batch at a time:
    a ledger of years is verified without a map of all its versions in memory."""
    return _verify(checked, True, head)


def _verify(
    checked: Iterable[tuple[LedgerEntry, Collection[str] | None]], versions: bool, head: tuple[int, str] | None,
) -> VerifyResult:
    prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    for e, stored in checked:
        count += 1
        if bad := _link_problem(e, expected_seq, prev):
            return VerifyResult(False, count, *bad)
        if versions:
            if stored is None:
                return VerifyResult(False, count, e.seq, "決裁対象の版がデータベースに見つかりません。")
            if e.content_hash not in stored:
                return VerifyResult(False, count, e.seq, "決裁された版の本文が決裁後に変更されています。")
        prev = e.entry_hash
        expected_seq += 1
    if head is not None and count and head[0] == 0:
        return VerifyResult(False, count, count,
                            "台帳の末尾の記録（ledger_head）がないか、0 件に戻されています。"
                            "台帳の末尾が削除された疑いがあります。")
    if head is not None and (head[0] != count or (count and head[1] != prev)):
        # Entries missing after the head's: the first missing one; entries beyond it: the first extra.
        first_bad = count + 1 if head[0] > count else head[0] + 1 if head[0] < count else count
        return VerifyResult(
            False, count, first_bad,
            f"台帳の末尾が記録と一致しません（記録上は {head[0]} 件、実際は {count} 件）。",
        )
    return VerifyResult(True, count)


def _link_problem(e: LedgerEntry, expected_seq: int, prev: str) -> tuple[int, str] | None:
    """The first entry that is wrong, up to ``e`` as the entry after ``prev`` (the hash of entry
    expected_seq - 1), and what is wrong; None when ``e`` fits."""
    if e.seq != expected_seq:
        return e.seq, f"通番が {expected_seq} のはずが {e.seq} です（削除または挿入の疑い）。"
    if entry_hash(e.body()) != e.entry_hash:
        return e.seq, "記録の内容がハッシュと一致しません（改ざんの疑い）。"
    if e.prev_hash != prev:
        # ``e`` is whole (its own hash fits) and keeps the hash its predecessor had when ``e`` was
        # written: the predecessor is the one that changed (its row replaced, hashed anew to fit
        # itself, as an edited genesis entry is), unless ``e`` was itself made up with a wrong link.
        if e.seq == 1:
            return e.seq, "最初の記録なのに、直前の記録のハッシュが空（0 の並び）ではありません（差し替えの疑い）。"
        return e.seq - 1, (f"この記録のハッシュが、次の記録 #{e.seq} に控えられた値と一致しません"
                           f"（#{e.seq - 1} の差し替え、または #{e.seq} との間での削除・並べ替え・挿入の疑い）。")
    return None


class ChainWatch(Iterator[LedgerEntry]):
    """``entries`` (the whole ledger, in order) as they are, noting the first that breaks the chain.

    An export writes what the database holds, tampered or not; this lets it say so, so that
    whoever hands the file to an auditor or a 情報公開請求 knows to run `kessai ledger verify`.
    Only the chain itself: the approved versions and ``ledger_head`` are verify's to check.
    """

    def __init__(self, entries: Iterable[LedgerEntry]) -> None:
        self._entries = iter(entries)
        self._prev = GENESIS_HASH
        self._expected_seq = 1
        self.first_bad: tuple[int, str] | None = None

    def __next__(self) -> LedgerEntry:
        e = next(self._entries)
        if self.first_bad is None:
            self.first_bad = _link_problem(e, self._expected_seq, self._prev)
            self._prev = e.entry_hash
            self._expected_seq += 1
        return e


# Each exported field (the JSON keys) and its heading in the CSV, which people open in Excel.
EXPORT_COLUMNS = {
    "seq": "通番", "decided_at": "決裁日時", "draft_id": "下書き番号", "version_number": "版",
    "kind": "種別コード", "kind_ja": "種別", "decider_id": "決裁者ID", "decider_name": "決裁者",
    "acting_for_id": "代決元ID", "acting_for_name": "代決元", "reason": "理由",
    "content_hash": "内容のハッシュ", "prev_hash": "前の記録のハッシュ", "entry_hash": "この記録のハッシュ",
}


def export_rows(entries: Iterable[LedgerEntry], names: Mapping[str, str]) -> list[dict[str, object]]:
    return list(iter_export_rows(entries, names))


def iter_export_rows(entries: Iterable[LedgerEntry], names: Mapping[str, str]) -> Iterator[dict[str, object]]:
    for e in entries:
        d = e.as_dict()
        d["kind_ja"] = KIND_LABELS_JA.get(e.kind, e.kind) + ("（代決）" if e.acting_for_id else "")
        d["decider_name"] = names.get(e.decider_id, "")
        d["acting_for_name"] = names.get(e.acting_for_id or "", "")
        yield {k: d[k] for k in EXPORT_COLUMNS}


def to_json(rows: list[dict[str, object]]) -> str:
    return exporting.to_json(rows)


def to_csv(rows: list[dict[str, object]]) -> str:
    return exporting.to_csv(rows, EXPORT_COLUMNS)


class Progress(Iterator[T]):
    """``items`` as they are, saying on ``out`` every ``every`` seconds how many of ``total`` went by.

    `kessai ledger verify` is silent until it is done: on a ledger of ten years (600,000 entries) that
    is minutes, long enough for the IT 担当 to take it for hung and end it. ``clock`` is
    time.monotonic, given so that tests need not wait."""

    def __init__(self, items: Iterable[T], total: int, out: TextIO, *, clock: Callable[[], float],
                 every: float = 5.0, what_ja: str = "台帳の記録を検証しています") -> None:
        self._items = iter(items)
        self._total = total
        self._out = out
        self._clock = clock
        self._every = every
        self._what_ja = what_ja
        self._next_at = clock() + every
        self.count = 0
        self.said = False

    def __next__(self) -> T:
        item = next(self._items)
        self.count += 1
        # Not every item: reading the clock 600,000 times costs more than the note is worth.
        if self.count % 1000 == 0 and (now := self._clock()) >= self._next_at:
            self._next_at = now + self._every
            self._say()
        return item

    def _say(self) -> None:
        # Entries recorded after the head was read are not counted, so the count never passes it.
        share = f"（{min(99, self.count * 100 // self._total)}%）" if self._total else ""
        self._out.write(f"{self._what_ja}… {self.count:,} / {self._total:,} 件{share}\n")
        self._out.flush()
        self.said = True
