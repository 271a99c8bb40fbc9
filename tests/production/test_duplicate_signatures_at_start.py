"""``kessai serve`` signs again, once it serves, the versions an older release signed
(bot.duplicate_signatures): the intake then stops reading them whole for every draft."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from bot.config import OrgConfig
from bot.localstack import slack_users
from bot.rules import duplicate_signature
from bot.rules.misc import DUPLICATE_SIGNATURE_VERSION
from bot.sandbox.server import LocalSlack
from storage import drafts
from storage.db import Database
from storage.models import DraftRow, DraftVersionRow
from tests.conftest import migrated_database_url
from tests.production.serveproc import ServeProcess

TEXT = "高田城址公園の紅葉が見頃を迎えています。散策の際は足元にお気を付けください。"


def versions(url: str) -> dict[str, tuple[str | None, int | None]]:
    db = Database(url)
    try:
        with db.session() as s:
            return {v.text: (v.dup_key, v.dup_version) for v in s.exec(select(DraftVersionRow))}
    finally:
        db.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_serve_signs_the_versions_an_older_release_signed_once_it_serves(tmp_path: Path, org: OrgConfig,
                                                                          kind: str) -> None:
    url = migrated_database_url(kind, tmp_path)
    now = datetime.now(UTC)
    db = Database(url)
    try:
        for i, (text, version, created) in enumerate([(TEXT, 1, now - timedelta(days=2)),
                                                      (TEXT + "#上越市", None, now - timedelta(days=3)),
                                                      ("去年の投稿です。", 1, now - timedelta(days=400))]):
            with db.session() as s:
                d = DraftRow(account_id="joetsu-x", author_id="U0OPERATOR", channel="C0INTAKE",
                             message_ts=f"1700000000.00000{i}", state="published", current_version=1,
                             created_at=created, updated_at=created)
                assert drafts.insert_draft(s, d)
                drafts.insert_version(s, DraftVersionRow(
                    draft_id=d.id or 0, number=1, text=text, content_hash="0" * 64, created_at=created,
                    dup_key=None if version is None else "古い版の鍵", dup_numbers=None if version is None else "",
                    dup_version=version))
    finally:
        db.dispose()
    slack = LocalSlack(users=slack_users(org)).start()
    serve = ServeProcess(slack, url, tmp_path)
    try:
        serve.start()
        deadline = time.monotonic() + 60
        while "signed 3 draft versions again" not in serve.log() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert f"signed 3 draft versions again with duplicate signature version {DUPLICATE_SIGNATURE_VERSION}" \
            in serve.log(), serve.log()
        assert versions(url) == {TEXT: (duplicate_signature(TEXT).key, DUPLICATE_SIGNATURE_VERSION),
                                 TEXT + "#上越市": (duplicate_signature(TEXT).key, DUPLICATE_SIGNATURE_VERSION),
                                 "去年の投稿です。": (duplicate_signature("去年の投稿です。").key, DUPLICATE_SIGNATURE_VERSION)}
        assert serve.terminate() == 0
        # The next start has nothing to sign, and says nothing of it.
        serve.start()
        assert serve.terminate() == 0
        assert serve.log().count("draft versions again") == 1
    finally:
        serve.stop()
        slack.stop()
