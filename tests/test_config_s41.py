"""`kessai.toml` list slips session 41 found said with a line to write that misled: two lists written
for one key, and hashtags written with their 「#」 outside quotes (the 「#」 starts a comment, so the
list was said open at a later line, the line of the next heading)."""

from __future__ import annotations

import pytest

from bot.config import parse_org_config
from tests.test_config_s32 import edited, line_of, problems


@pytest.mark.parametrize("written", ['approvers = ["U0MANAGER"], ["U0CHIEF"]', 'approvers = ["U0MANAGER"],["U0CHIEF"]',
                                     'approvers = ["U0MANAGER"] ["U0CHIEF"]'])
def test_two_lists_for_one_key_are_said_as_one_list(written: str) -> None:
    text = edited(('approvers = ["U0MANAGER", "U0CHIEF"]', written))
    [(line, message)] = problems(text)
    assert line == line_of(text, written), message
    assert 'approvers = ["U0MANAGER", "U0CHIEF"]' in message, message
    assert "1行に書けるのは" not in message, message


@pytest.mark.parametrize(("written", "meant"), [
    ("hashtags = [#上越市, #joetsu]", 'hashtags = ["#上越市", "#joetsu"]'),
    ('hashtags = ["上越市", #joetsu]', 'hashtags = ["上越市", "#joetsu"]'),
    ("hashtags = [#上越市]", 'hashtags = ["#上越市"]'),
])
def test_hashtags_unquoted_are_said_at_their_line_with_quotes(written: str, meant: str) -> None:
    text = edited(('hashtags = ["上越市", "joetsu", "高田城址公園"]', written))
    [(line, message)] = problems(text)
    assert line == line_of(text, written), message
    assert meant in message and "コメント" in message, message


def test_a_list_opened_over_lines_with_a_comment_is_still_read() -> None:
    text = edited(('hashtags = ["上越市", "joetsu", "高田城址公園"]',
                   'hashtags = [  #承認済みのもの\n  "上越市",\n  "joetsu",\n]'))
    account = parse_org_config(text).accounts[-1]
    assert list(account.hashtags) == ["上越市", "joetsu"]


def test_a_list_left_open_without_a_hash_keeps_its_own_message() -> None:
    text = edited(('hashtags = ["上越市", "joetsu", "高田城址公園"]', 'hashtags = ["上越市", "joetsu"'))
    [(_, message)] = problems(text)
    assert "コメント" not in message, message
