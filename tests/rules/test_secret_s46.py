"""confidential.secret, session 46's red team: drafts last session left, and the incident report's masking of where a
password is given rather than the password."""

from __future__ import annotations

import pytest

from tests.rules.conftest import assert_secret_flagged_and_masked, findings_of


# A key drawn before a course's, a product's or an event's name of title-cased words and a number (「🔑 Lesson2026」
# 「🔑 KeyBox2026」): a bullet, as before 「Step1」, and was flagged as a password. A password after the key has a lower-case
# word, a symbol, or stands after the network's name on its line.
@pytest.mark.parametrize("text", [
    "🔑 Lesson2026", "🔑 KeyBox2026", "🔑 StaySafe2026", "🔑 SmartLock2026", "🔑 Welcome2026\n冬のイベントのご案内です。",
])
def test_a_title_after_a_key_emoji_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("🔑 Kessai2026!", "Kessai2026!"), ("🔑 kohoka2026", "kohoka2026"), ("🔑 Lesson2026!", "Lesson2026!"),
    ("📶 JOETSU-STAFF 🔑 Joetsu2026", "Joetsu2026"), ("🔑 joetsuKoho2026", "joetsuKoho2026"),
    ("🔑 Kessai2026kk", "Kessai2026kk"),
])
def test_a_password_after_a_key_emoji_is_still_flagged(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)
