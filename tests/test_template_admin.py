"""/kessai template list and remove, on a real SQLite database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.config import parse_org_config
from bot.template_admin import LISTED_IN_FULL, TemplateAdmin
from storage.db import Database
from tests.conftest import DEMO_TOML

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


@pytest.fixture
def admin(tmp_path: Path) -> Iterator[TemplateAdmin]:
    db = Database(f"sqlite:///{tmp_path / 'k.db'}")
    db.upgrade()
    yield TemplateAdmin(db, parse_org_config(DEMO_TOML.read_text(encoding="utf-8")), clock=lambda: NOW,
                        name_of=lambda u: u)
    db.dispose()


def test_a_template_whose_name_begins_with_a_hash_is_removed_by_its_name(admin: TemplateAdmin) -> None:
    admin.add("U0MANAGER", "#開庁時間", "本日の開庁時間は8時30分から17時15分です。")
    admin.add("U0MANAGER", "休館日", "本日は休館日です。")
    assert "「#開庁時間」を削除しました" in admin.remove("U0MANAGER", "#開庁時間")
    assert "「休館日」を削除しました" in admin.remove("U0MANAGER", "#2")  # the number, as the list shows it
    assert "登録された定型文はありません" in admin.list_text()


def test_the_list_names_every_template(admin: TemplateAdmin) -> None:
    """Each one lets a draft skip approval: those past the first 30 used to be left out unsaid."""
    for i in range(LISTED_IN_FULL + 5):
        admin.add("U0MANAGER", f"t{i:02d}", f"定型文その{i}です。")
    text = admin.list_text()
    assert "定型文その29です" in text and "定型文その30です" not in text
    assert "このほかに 5 件あります" in text and all(f"「t{i}」" in text for i in range(30, 35))
