"""kessai serve runs the checks once before serving, so that no user's draft waits while the rules
build what they build on first use (the confidential stamps' patterns, with the organisation's
own words, took tens of milliseconds)."""

from __future__ import annotations

from pathlib import Path

from bot.config import OrgConfig
from bot.rules import analyzer, confidential, domains
from bot.services import Kessai
from storage.db import Database


def test_warm_up_builds_the_patterns_of_the_organisation(org: OrgConfig, tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'kessai.db'}")
    try:
        confidential._mark_patterns.cache_clear()
        Kessai(db, org).warm_up_checks()
        assert confidential._mark_patterns.cache_info().currsize >= 1
    finally:
        db.dispose()


def test_warm_up_loads_the_data_some_drafts_need(org: OrgConfig, tmp_path: Path) -> None:
    """The made-up draft needs neither Sudachi's dictionary nor the Public Suffix List, so the first
    draft with a listed word (「バカ」) or an unlisted link's host loaded them: 35-50 ms of CPU each."""
    db = Database(f"sqlite:///{tmp_path / 'kessai.db'}")
    try:
        # As in a process just started (an earlier test of this session may have loaded them).
        analyzer._tokenizer = None
        domains._psl = None
        Kessai(db, org).warm_up_checks()
        assert analyzer._tokenizer is not None
        assert domains._psl is not None
    finally:
        db.dispose()
