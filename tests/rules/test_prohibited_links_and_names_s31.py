"""Listed words that are not said to the reader: inside a link's host or path (「https://…/japs/」), or
the spelling of a proper name (the site 「Gaijin Pot」, the acronym 「JAPS（日本○○学会）」, the Korean
place 「Gook-dong」). The same words in the text itself still fire."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes, findings_of

_PROHIBITED = ("prohibited.insult", "prohibited.discrimination", "prohibited.obscene")


@pytest.mark.parametrize(
    "text",
    [
        "https://www.city.example.lg.jp/japs/",
        "詳細は https://www.city.example.lg.jp/kuso/ をご覧ください。",
        "詳細は https://www.city.example.lg.jp/fuck/ をご覧ください。",
        "申込みはこちら：https://www.city.example.lg.jp/retard/form.html",
        "詳細はwww.city.example.lg.jp/gook/へ。",
        "https://www.city.example.lg.jp/kuso/?q=fuck#japs",
        "https://ｗｗｗ.city.example.lg.jp/kuso/ へ",
    ],
)
def test_a_listed_word_inside_a_links_path_is_silent(text: str) -> None:
    assert not set(codes(text)) & set(_PROHIBITED)


@pytest.mark.parametrize(
    "text",
    [
        "https://kuso.example.jp/ で公開しています。",
        "https://www.fuck-the-mayor.com/ を見て",
        "www.fuck-the-mayor.com を見て",
        "http://user@fuck-the-mayor.com/info",
    ],
)
def test_a_listed_word_in_a_links_host_is_read(text: str) -> None:
    """The host is what a reader sees of a link, and a hijacked account chooses it."""
    assert set(codes(text)) & set(_PROHIBITED)


@pytest.mark.parametrize(
    ("text", "code", "word"),
    [
        ("Fuck you. https://www.city.example.lg.jp/", "prohibited.insult", "Fuck"),
        ("https://www.city.example.lg.jp/ くそだな", "prohibited.insult", "くそ"),
        ("Japs go home https://www.city.example.lg.jp/japs/", "prohibited.discrimination", "Japs"),
        # Spaced out after the link, the word is read, not linked.
        ("https://example.jp/ f u c k", "prohibited.insult", "f u c k"),
    ],
)
def test_the_same_word_in_the_text_beside_a_link_still_fires(text: str, code: str, word: str) -> None:
    [f] = findings_of(code, text)
    assert text[f.start : f.end] == word


@pytest.mark.parametrize(
    "text",
    [
        "Job listings are on Gaijin Pot Jobs.",
        "JAPS（日本○○学会）の年次大会を開催します。",
        "日本音声学会（JAPS）の大会を開催します。",
        "The Japan Association of Phonetic Sciences (JAPS) meets in the city hall.",
        "Our sister district is Gook-dong, Seoul.",
    ],
)
def test_a_proper_name_spelled_like_a_slur_is_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "JAPS GO HOME",
        "JAPS (go home)",  # brackets, but no organisation named in them
        "Japs（日本○○学会）",  # an acronym is written in capitals
        "gook-dong",  # a place name is capitalised
        "Gook dong",  # and hyphenated before its unit
        "Gaijin go home",
        "Gaijin are not welcome here.",
    ],
)
def test_a_slur_not_written_as_a_name_still_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)
