"""SQLite's write-ahead log (-wal) of a serve that runs for months."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from storage import db as storage_db
from storage.db import Database


def test_the_wal_grown_behind_a_long_reader_is_cut_back_once_the_reader_is_gone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader with its transaction open (`kessai ledger export | less` left on screen) keeps
    checkpoints from emptying the -wal, which grows with every write meanwhile. Once the reader was
    gone the -wal was emptied but kept its size on disk for good: each long read left a bigger file."""
    monkeypatch.setattr(storage_db, "SQLITE_WAL_KEPT_BYTES", 256 * 1024)
    path = tmp_path / "kessai.db"
    db = Database(f"sqlite:///{path}")
    try:
        with db.engine.begin() as c:
            c.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
        reader = sqlite3.connect(path, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM notes").fetchall()  # its snapshot pins the -wal
        for _ in range(100):
            with db.engine.begin() as c:
                c.execute(text("INSERT INTO notes (body) VALUES (:b)"), [{"b": "x" * 1000}] * 50)
        grown = (tmp_path / "kessai.db-wal").stat().st_size
        assert grown > 4 * 1024 * 1024  # past wal_autocheckpoint (1,000 pages)
        reader.execute("COMMIT")
        reader.close()
        # Writes as ever: the first whose commit finds the -wal past wal_autocheckpoint checkpoints
        # it whole; the next starts it over, and cuts it back.
        for _ in range(3):
            with db.engine.begin() as c:
                c.execute(text("INSERT INTO notes (body) VALUES ('y')"))
        assert (tmp_path / "kessai.db-wal").stat().st_size <= 256 * 1024
    finally:
        db.dispose()
