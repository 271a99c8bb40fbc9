"""An anti-bullying or 人権 notice reporting that people are written or told 「死ね」 where or by whom (「「死ね」とSNSに
書き込まれる被害が増えています」「「死ね」と同級生に言われる被害」) was a blocking error: the passive was read as reported
speech only straight after the quote, with nothing between (「「死ね」と書き込まれた」). Where or by whom may now come
between; calling for it (「…書き込もう」) or approving of it (「…書き込まれるべきだ」) still fires (session 31)."""

from __future__ import annotations

import pytest

from bot.rules.model import RuleOptions
from bot.rules.prohibited import insult
from bot.rules.text import Document
from tests.rules.conftest import ctx


def _fires(text: str) -> bool:
    return bool(list(insult(Document(text), ctx(), RuleOptions())))


@pytest.mark.parametrize(
    "text",
    [
        "「死ね」とSNSに書き込まれる被害が増えています。",
        "「死ね」とSNSに書き込まれる被害が増えています。ひとりで悩まず相談してください。",
        "「死ね」とネットに書き込まれた子どもがいます。",
        "「死ね」と書き込まれた",
        "「死ね」とSNSで言われる被害が相次いでいます。",
        "「死ね」と同級生に言われる被害が増えています。",
        "「死ね」などの書き込みが増えています。",
        "「バカ」と同級生から呼ばれ、学校に行けなくなった子どもがいます。",
    ],
)
def test_an_insult_reported_as_written_or_said_to_others_passes(text: str) -> None:
    assert not _fires(text)


@pytest.mark.parametrize(
    "text",
    [
        "市長に「死ね」と言いながら被害を訴える住民は最低だ。",
        "「死ね」と書き込もう",
        "「死ね」とSNSに書き込もう",
        "「死ね」と市長にSNSで書き込もう",
        "「死ね」とSNSに書き込まれるべきだ",
        # Wished on someone, where the passive is no report (found by review).
        "「死ね」と市長に言われればいい",
        "「死ね」と市長に言われたらいいのに",
        "「死ね」とネットで書き込まれればいいのに",
        "「死ね」とみんなに言われろ",
        "「死ね」と市長にいわれるがいい",
        "「死ね」と市長に言われちまえ",
        "「死ね」とSNSに書き込まれて当然だ",
        "「バカ」と市民に言われても仕方ない",
    ],
)
def test_an_insult_called_for_or_approved_still_fires(text: str) -> None:
    assert _fires(text)


@pytest.mark.parametrize(
    "text",
    [
        "「死ね」と言われたらいい気はしません。",
        "「死ね」と同級生に言われたら、どうすればいいですか。ひとりで悩まず相談してください。",
        "「バカ」と言われたら、先生に相談すればいいよ。",
    ],
)
def test_advice_after_a_reported_insult_passes(text: str) -> None:
    assert not _fires(text)
