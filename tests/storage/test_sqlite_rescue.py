"""The SQLite file replaced under a running kessai: what its ERROR tells the IT 担当 to do must work."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.db import Database


def test_following_the_rescue_message_after_a_kill_gives_an_intact_database(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The ERROR said only "Stop kessai, put that copy at kessai.db": the kessai.db-wal left beside it
    holds pages of the file kessai had open, and SQLite replays them onto the copy (VACUUM INTO lays
    pages out anew), so the first start after following it found a malformed database."""
    path = tmp_path / "kessai.db"
    db = Database(f"sqlite:///{path}")
    try:
        with db.session() as s:
            s.execute(text("CREATE TABLE filler (x TEXT)"))
            for _ in range(300):
                s.execute(text("INSERT INTO filler VALUES (:x)"), {"x": "決裁" * 100})
            s.execute(text("DELETE FROM filler WHERE rowid % 2 = 0"))  # pages a VACUUM lays out anew
        shutil.copy(path, tmp_path / "other.db")
        os.replace(tmp_path / "other.db", path)  # a restore while kessai runs
        with caplog.at_level(logging.ERROR, logger="storage.db"):
            assert db.file_problem() == "database file replaced"
        message = next(r.getMessage() for r in caplog.records if "put that copy" in r.getMessage())
        with db.session() as s:  # kessai goes on writing to the file it has open until it is stopped
            for _ in range(50):
                s.execute(text("INSERT INTO filler VALUES (:x)"), {"x": "後" * 150})
        # kill -9 (or a stop that does not get to check the log first): the files stay as they are.
        rescued = next(tmp_path.glob("kessai.db.rescued-*"))
        for leftover in (f"{path}-wal", f"{path}-shm"):
            assert leftover in message
            Path(leftover).unlink(missing_ok=True)
        os.replace(rescued, path)
        restored = sqlite3.connect(path)
        try:
            assert restored.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert restored.execute("SELECT count(*) FROM filler").fetchone() == (150,)
        finally:
            restored.close()
    finally:
        db.dispose()
