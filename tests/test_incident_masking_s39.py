"""Leak reports' masking (bot.secret_mask.mask_secrets) against confidential.secret's own labels (session 39).

The mask kept a label list of its own beside the rule's, and the two drifted: 「ピーダブ：abc123」「暗号化キー：abc123」
「senha: 1234」 went into the escalation channel as typed, though the rule knows each as a password's label (the rule
leaves a weak value alone in a draft; a report's is the leaked password). The mask now builds its labels from the
rule's (credentials.PASSWORD_LABEL); this test spells out every label that pattern reads, so a label added to the
rule is checked here without being listed by hand.
"""
from __future__ import annotations

import itertools
import re
from re import _constants as sre  # the parser of the re module: the only way to list what a pattern spells
from re import _parser

import pytest

from bot import incidents as inc
from bot import secret_mask
from bot.rules.credentials import PASSWORD_LABEL

M = inc.SECRET_MASK


def _spellings(items: _parser.SubPattern | list[tuple[object, object]]) -> list[str]:
    """One spelling of ``items`` for each choice in its alternations and character sets; an optional part is left
    out, a lookaround read as nothing."""
    out = [""]
    for op, av in items:
        if op is sre.LITERAL:
            alts = [chr(av)]  # type: ignore[arg-type]
        elif op is sre.IN:
            alts = [chr(v) for o, v in av if o is sre.LITERAL] or [" "]  # type: ignore[union-attr]
        elif op is sre.SUBPATTERN:
            alts = _spellings(av[-1])  # type: ignore[index]
        elif op is sre.BRANCH:
            alts = [s for branch in av[1] for s in _spellings(branch)]  # type: ignore[index]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            least, _most, sub = av  # type: ignore[misc]
            alts = [""] if least == 0 else ["".join(p) for p in itertools.product(_spellings(sub), repeat=least)]
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            alts = [""]
        else:  # a construct the label pattern did not use when this was written: spell it here
            raise AssertionError(f"cannot spell {op} in PASSWORD_LABEL")
        out = [a + b for a in out for b in alts]
    return out


RULE_LABELS = sorted(set(_spellings(_parser.parse(PASSWORD_LABEL))))


def test_the_rules_labels_are_spelt_out() -> None:
    # The spelling reaches the labels the mask's own list lacked, and each is one the rule reads.
    assert {"ピーダブ", "暗号化キー", "パスフレーズ", "senha", "暗証", "密码", "ホストキー"} <= set(RULE_LABELS)
    assert all(re.fullmatch(PASSWORD_LABEL, label, re.IGNORECASE) for label in RULE_LABELS)


@pytest.mark.parametrize("label", RULE_LABELS)
@pytest.mark.parametrize("value", ["abc123", "4821"])
def test_every_label_the_rule_knows_is_masked(label: str, value: str) -> None:
    text = f"{label}：{value}"
    assert secret_mask.mask_secrets(text) == (f"{label}：{M}", 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("Wi-Fiのパス変わりました！新しいのは guest5678a です", f"Wi-Fiのパス変わりました！新しいのは {M} です"),
    ("パスワード２\nab12cd", f"パスワード２\n{M}"),
    # A weak value the rule leaves alone under a numbered label: the mask reads the number as the label's.
    ("パスワード２\nabc123", f"パスワード２\n{M}"),
    ("PIN1\n0000", f"PIN1\n{M}"),
    ("ぴーだぶりゅー：kouhou88", f"ぴーだぶりゅー：{M}"),
    ("ぴーだぶりゅー：abc123", f"ぴーだぶりゅー：{M}"),
    ("ぱすわーど：kouhou88", f"ぱすわーど：{M}"),
    ("パスワードの件です。前半は kouho、後半は 2026! です", f"パスワードの件です。前半は {M}、後半は {M} です"),
    ("パスワードは\nkouho\n2026!", f"パスワードは\n{M}\n{M}"),
    ("ログイン：koho@city.example.lg.jp / Sakura2026", f"ログイン：koho@city.example.lg.jp / {M}"),
    ("管理画面\nkoho@city.example.lg.jp Sakura2026", f"管理画面\nkoho@city.example.lg.jp {M}"),
    # A word the rule leaves alone (no mixed case or symbol) after the address under a login's words.
    ("管理画面\nkoho@city.example.lg.jp sakura2026", f"管理画面\nkoho@city.example.lg.jp {M}"),
    ("パスワード：🔑 kouhou2026", f"パスワード：🔑 {M}"),
    ("パスワードは【kouhou2026】です", f"パスワードは【{M}】です"),
    ("wifiパス guest5678a", f"wifiパス {M}"),
    # The halves a space after 前半 and 後半, in a report's sentence the rule does not read as a draft's.
    ("パスワード漏えいの報告：前半 kouho、後半 2026! を投稿", f"パスワード漏えいの報告：前半 {M}、後半 {M} を投稿"),
])
def test_session_39s_shapes_are_masked_in_a_report(text: str, expected: str) -> None:
    for about_a_password in (True, False):
        assert secret_mask.mask_secrets(text, about_a_password=about_a_password) == (expected, expected.count(M))


@pytest.mark.parametrize("kept", [
    # The address and what follows it stay when no login is spoken of, or a sentence goes on.
    "お問い合わせ\nkoho@city.example.lg.jp Tel2026",
    "管理画面の操作は情報政策課へ\njoho@city.example.lg.jp までご連絡ください",
    "ログイン\nkoho@city.example.lg.jp\nkoho2@city.example.lg.jp",
])
def test_an_address_and_what_is_said_after_it_stay(kept: str) -> None:
    assert secret_mask.mask_secrets(kept, about_a_password=False) == (kept, 0)
