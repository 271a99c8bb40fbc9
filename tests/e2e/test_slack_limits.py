"""What Slack would refuse or cut at the extremes: many accounts, long texts, long names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import LocalStack, start_local_stack
from bot.sandbox.blockkit import view_errors
from tests.conftest import database_url
from tests.e2e.conftest import BUSINESS_MORNING
from tests.e2e.test_workflow_publish_home import home_text

MANY = 150


def many_accounts(org: OrgConfig) -> OrgConfig:
    """The demo organisation with MANY accounts, all approved by U0MANAGER."""
    base = org.accounts[0]
    accounts = tuple(replace(base, id=f"acct-{i}", name=f"上越市公式アカウント{i}番（観光振興課）",
                             approvers=("U0MANAGER",)) for i in range(MANY))
    return replace(org, accounts=accounts)


@pytest.fixture
def big_stack(tmp_path: Path, org: OrgConfig) -> Iterator[LocalStack]:
    st = start_local_stack(many_accounts(org), database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING))
    yield st
    st.stop()


def test_app_home_of_an_approver_of_150_accounts_lists_them_all(big_stack: LocalStack) -> None:
    st = big_stack
    text = home_text(st, "U0MANAGER", "今月の投稿数")
    home = st.slack.home("U0MANAGER")
    assert home is not None and not view_errors(home)
    # Every account on its own line, the last one included (one section cut them at 3,000 characters).
    assert all(f"上越市公式アカウント{i}番（観光振興課）: 0件（最低 " in text for i in range(MANY))
