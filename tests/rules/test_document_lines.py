"""Document.line_start and Document.multiline: the line a finding is on, found by bisection instead of a scan back over
a long one-line paste for each finding (which made pii.address's findings cost the square of the paste)."""

from __future__ import annotations

import pytest

from bot.rules.text import Document


@pytest.mark.parametrize(
    "text",
    ["", "一行だけの下書きです。", "\n", "\n\n先頭に空行", "一行目\n二行目\r\n三行目\n", "ＡＢＣ\n１２３－４５\n",
     "本町３－４－５\n\n（記入例）\n電話：０９０－１２３４－５６７８"],
)
def test_line_start_is_where_the_line_holding_the_offset_begins(text: str) -> None:
    doc = Document(text)
    for pos in range(len(text) + 1):
        assert doc.line_start(pos) == text.rfind("\n", 0, pos) + 1, pos
    for pos in range(len(doc.norm) + 1):
        expected = doc.norm.rfind("\n", 0, pos) + 1
        assert doc.line_start(pos, norm=True) == expected
        # folded and numview keep norm's offsets, and so its lines
        assert doc.folded.rfind("\n", 0, pos) + 1 == expected == doc.numview.rfind("\n", 0, pos) + 1
    assert doc.multiline is ("\n" in text)
