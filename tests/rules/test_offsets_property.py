"""Every finding points at the characters it is about, whatever the draft's normalisation does
around them (SPEC §5: offsets are code points of the draft as written)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.graphemes import shortened
from bot.rules import check
from bot.rules.engine import _MAX_EXCERPT
from tests.rules.conftest import ctx

# Characters the normalised view drops, widens, narrows or composes: emoji ZWJ sequences and
# variation selectors (dropped), 「…」「‥」 (widened to dots), ㍻ ㈱ ① ﬁ (widened), ﾊﾟ and combining
# marks (composed), full-width letters, CRLF, astral characters.
NOISE = [
    "🙇\u200d♂️",
    "👨\u200d👩\u200d👧\u200d👦",
    "❤️",
    "☀\ufe0e",
    "葛\U000e0100",
    "✌🏻",
    "\u200b",
    "\u00ad",
    "…",
    "‥",
    "㍻",
    "㈱",
    "①",
    "⑴",
    "ﬁ",
    "ﾊﾟ",
    "ｶﾞ",
    "ﾞ",
    "か\u3099",
    "e\u0301",
    "バ\u0336",
    "ＡＢＣ",
    "１２",
    "：",
    "（",
    "）",
    "\r\n",
    "\n",
    "𠮷",
    "😀",
    "。",
    "あ",
    "市",
    "a",
    " ",
    "\u3000",
    "゛",
    "ハ゛",
    "℡",
    "Ⅲ",
    "ｈｔｔｐｓ",
    "#",
]
# Findings with a known excerpt, each set off by spaces so that the noise cannot join them.
ANCHORS = {
    "pii.phone": " 090-1234-5678 ",
    "link.shortener": " https://bit.ly/3abc ",
    "a11y.halfwidth_kana": " ｲﾍﾞﾝﾄ ",
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(["（"], ["ﾊﾟ", "）"], "a11y.halfwidth_kana")  # a word in brackets with a 「ﾟ」 read as a face
# Emoji on both sides of the anchor in one finding longer than an excerpt: it is shown cut.
@example(["🙇\u200d♂️"] * 17 + ["👨\u200d👩\u200d👧\u200d👦", "🙇\u200d♂️"], ["🙇\u200d♂️"] * 2 + ["👨\u200d👩\u200d👧\u200d👦"],
         "a11y.halfwidth_kana")
@given(
    st.lists(st.sampled_from(NOISE), max_size=20),
    st.lists(st.sampled_from(NOISE), max_size=20),
    st.sampled_from(sorted(ANCHORS)),
)
def test_findings_point_at_their_characters_after_any_normalisation(
    before: list[str], after: list[str], code: str
) -> None:
    anchor = ANCHORS[code]
    text = "".join(before) + anchor + "".join(after)
    at = len("".join(before)) + 1
    found = check(text, ctx())
    for f in found:
        assert 0 <= f.start <= f.end <= len(text), f
        # A long span is shown cut between characters (80 at most, ending in 「…」), never elsewhere.
        assert f.excerpt == shortened(text[f.start : f.end], _MAX_EXCERPT), f
    a, b = at, at + len(anchor.strip())
    spans = [(f.start, f.end) for f in found if f.code == code]
    if code == "a11y.halfwidth_kana":
        # One run of half-width kana goes on across a space (「ｲﾍﾞﾝﾄ ﾊﾟ」): the run holds the anchor.
        assert any(s <= a and b <= e for s, e in spans), (text, spans)
    else:
        assert (a, b) in spans, (text, spans)
