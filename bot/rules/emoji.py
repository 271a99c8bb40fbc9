"""Emoji sequences (a compact approximation of UTS #51 without a dependency).

Fully-qualified emoji and the sequences built from them (ZWJ, skin tones, keycaps, flags, tags)
are one match each; text-default symbols (©, ★, ♪) only count when followed by VS16 (U+FE0F).
"""

from __future__ import annotations

import re

# Code points whose default presentation is emoji (Emoji_Presentation=Yes), BMP part.
_BMP_PRESENTATION = (
    "\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1"
    "\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705"
    "\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2764\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55"
)
_ASTRAL = "\U0001f004\U0001f0cf\U0001f18e\U0001f191-\U0001f19a\U0001f201\U0001f21a\U0001f22f\U0001f232-\U0001f236\U0001f238-\U0001f23a\U0001f250\U0001f251\U0001f300-\U0001f64f\U0001f680-\U0001f6ff\U0001f7e0-\U0001f7eb\U0001f90c-\U0001f9ff\U0001fa70-\U0001faff"
# Extended pictographic symbols that become emoji with VS16 (☀️, ❤️, ©️ …).
_TEXT_DEFAULT = "\U0001f202\U0001f237\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u2328\u23cf\u23ed-\u23ef\u23f1\u23f2\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb\u25fc\u2600-\u27bf\u2934\u2935\u2b05-\u2b07\u3030\u303d\u3297\u3299\U0001f170-\U0001f189"
_MOD = "\U0001f3fb-\U0001f3ff"
# A text-default symbol becomes an emoji with VS16 or with a skin tone (✌🏻, ☝🏿).
_ELEMENT = rf"(?:[{_BMP_PRESENTATION}{_ASTRAL}](?:\ufe0f|[{_MOD}])?|[{_TEXT_DEFAULT}](?:\ufe0f|[{_MOD}]))"
EMOJI = re.compile(
    rf"(?:[\U0001f1e6-\U0001f1ff]{{2}}"  # flags
    rf"|[0-9#*]\ufe0f?\u20e3"  # keycaps
    rf"|\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f"  # subdivision flags
    rf"|{_ELEMENT}(?:\u200d{_ELEMENT})*)"
)
