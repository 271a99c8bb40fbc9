"""portrait.consent, session 45's red team: consent stated as what the post is made under, and a school's own."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


def _warned(text: str) -> bool:
    return bool(findings_of("portrait.consent", text, image_count=1))


# The line under a post's pictures says the consent as what they are posted under (「同意のもと」「承諾のうえで」), or shows
# only those who gave it: the warning asked again for what the post had said.
@pytest.mark.parametrize(
    "text",
    [
        "写真はすべてご本人の了承のもと掲載しています。",
        "写真は保護者の同意のもと掲載しています。",
        "※写真は、ご本人の承諾のうえで掲載しています。",
        "※写真は掲載に同意された方のみです。",
        "※写真は、掲載に同意くださった皆さんのものです。",
    ],
)
def test_consent_stated_as_what_the_pictures_are_posted_under_is_silent(text: str) -> None:
    assert not _warned(text), text


# Consent to take the pictures, a facility's permission, consent yet to be given, and a school's or a nursery's own (which
# seldom covers the city's SNS; 「学校の同意を得て」 was read as the people's): still warned.
@pytest.mark.parametrize(
    "text",
    [
        "写真は保護者の同意のもと撮影しています。",
        "写真は施設の許可のもと掲載しています。",
        "掲載に同意された場合のみ写真を掲載します。",
        "掲載に同意されない方はお申し出ください。",
        "写真は学校の同意を得て掲載しています。",
        "写真は園の了承を得て掲載しています。",
        "写真は学校の承諾のもと掲載しています。",
    ],
)
def test_consent_not_given_to_post_the_people_shown_still_warns(text: str) -> None:
    assert _warned(text), text


# Consent named as what the city may do someday, not what this post's pictures are shown under: still warned (「同意の
# 上で」 joined 「同意を得て」 in letting them through), while the school's choice among consented pictures is consent given.
@pytest.mark.parametrize(
    "text",
    [
        "写真は本人の同意の上で掲載する場合があります。",
        "写真は本人の同意を得て掲載する場合があります。",
        "写真掲載は本人の同意の上で判断します。",
        "写真は保護者の同意のもと、掲載を検討しています。",
    ],
)
def test_consent_for_what_may_be_done_someday_still_warns(text: str) -> None:
    assert _warned(text), text


def test_consent_given_with_the_schools_choice_of_pictures_is_silent() -> None:
    assert not _warned("写真は、保護者の同意を得た上で、学校の判断で選んで掲載しています。")
