"""confidential.secret, session 44's review: a heading that calls a password in its field an example only when it ends in
the word, and a cross read as 「×」 only before a password's word."""

from __future__ import annotations

import pytest

from tests.rules.conftest import assert_secret_flagged_and_masked

# A staff memo's password of letters under lines whose words are everyday ones (事例・NG・ランキング・危険・避け・推測・例の件)
# or whose next line says what to do with the memo: 0a9c9f3b read any of them in the 80 letters before, or the sentence
# after, as calling the word an example, and the password went out unflagged.
_MEMOS_WITH_EVERYDAY_WORDS = [
    ("以下の例のとおり設定しました\nパスワード：kohokakanri", "kohokakanri"),
    ("NGワード集を更新しました\nID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("事例集の共有フォルダ\nID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("例の件、共有フォルダを作りました\nパスワード：joetsukoho", "joetsukoho"),
    ("アクセスランキングの管理画面\nID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("危険箇所マップの編集\nID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("台風を避けて日程変更\n管理画面\nID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("推測統計の研修資料\nパスワード：joetsukoho", "joetsukoho"),
    ("ID：koho01\nパスワード：joetsukoho\n外部に共有しないでください", "joetsukoho"),
    ("パスワード：kohokakanri\n推測されにくいものに後日変更します", "kohokakanri"),
]


@pytest.mark.parametrize(("text", "value"), _MEMOS_WITH_EVERYDAY_WORDS)
def test_a_password_under_everyday_words_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A cross heading a line with no password's word on it is a sign (「🚫転送禁止🚫」「❌ 本日休館」), not a bad example's mark.
_UNDER_A_SIGN = [
    ("🚫転送禁止🚫\nパスワードは kohokanri です", "kohokanri"),
    ("🚫転送禁止🚫\nID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("🚫SNS投稿禁止🚫\nパスワード：Tokyo", "Tokyo"),
    ("🚫 ID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("❌ 誤って掲載しました\nパスワード：kohokanri", "kohokanri"),
    ("📢お知らせ\n❌ 本日休館\nパスワード：kohokanri", "kohokanri"),
]


@pytest.mark.parametrize(("text", "value"), _UNDER_A_SIGN)
def test_a_password_under_a_cross_sign_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)
