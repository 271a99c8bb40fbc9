"""portrait.consent, session 44's red team: what the warning says of children's pictures, and consent the draft states."""

from __future__ import annotations

import pytest

from tests.conftest import assert_stays_linear
from tests.rules.conftest import findings_of


# 「子どもは保護者の同意が必要です。」 read as if every child needed it for anything: the warning names what the
# guardians consent to, the pictures or the videos the draft carries, and stays short (140 letters at the most).
@pytest.mark.parametrize(
    ("images", "videos", "said"),
    [(1, 0, "子どもの写真には保護者の同意"), (0, 1, "子どもの動画には保護者の同意"), (2, 1, "子どもの写真・動画には保護者の同意"),
     (10, 10, "子どもの写真・動画には保護者の同意")],
)
def test_the_guardians_consent_is_to_the_pictures(images: int, videos: int, said: str) -> None:
    [f] = findings_of("portrait.consent", "保育園の運動会の様子です。", image_count=images, video_count=videos,
                      alt_texts=("かけっこをする園児",) * images)
    assert said in f.message and "子どもは" not in f.message
    assert len(f.message) <= 140, len(f.message)


_ONE_PICTURE = {"image_count": 1, "alt_texts": ("会場の様子",)}


# Consent the draft states for its pictures: a draft written in the channel has no checkbox to tick, and the line many
# cities print under such pictures is where its writer says so. The warning asked again for it.
@pytest.mark.parametrize(
    "text",
    [
        "今日は保育園の七夕まつり🎋\n※写真は保護者の同意を得て掲載しています。",
        "※受賞者のお名前と写真は、ご本人の同意を得て掲載しています。",
        "運動会の様子です。写っている皆さんには掲載の了承をいただいています。",
        "成人式の様子です（写真は本人の承諾を得て掲載しています）",
        "※掲載している写真は、出演者の許可を得ています。",
        "市民マラソンの写真です。参加者の皆さまには撮影・掲載について同意いただいています。",
        "※写真掲載は保護者の同意済みです",
    ],
)
def test_consent_stated_for_the_pictures_is_silent(text: str) -> None:
    assert not findings_of("portrait.consent", text, **_ONE_PICTURE), text


# Consent asked for, refused, of a name only, or a place's or a right holder's permission: still warned.
@pytest.mark.parametrize(
    "text",
    [
        "写真を掲載する場合は、本人の同意を得てから掲載してください。",
        "※お名前は、ご本人の同意を得て掲載しています。",
        "博物館の許可を得て撮影しています。",
        "※写真は著作権者の許可を得て掲載しています。",
        "同意を得ていない方の写真は掲載していません。",
        "同意を得ずに撮影した写真は使用しません。",
        "保護者の同意を得られなかった児童の写真はぼかしています。",
        "ご家族の同意を得て、行方不明となっている方の氏名を公表します。",
        "写真コンテストの応募には、写っている方の同意を得たうえでご応募ください。",
    ],
)
def test_consent_not_stated_for_the_pictures_still_warns(text: str) -> None:
    assert findings_of("portrait.consent", text, **_ONE_PICTURE), text


def test_a_consent_line_with_no_picture_attached_says_nothing() -> None:
    assert not findings_of("portrait.consent", "※写真は保護者の同意を得て掲載しています。")


# Consent for one thing beside its lack for the post, consent still being checked, or a school's (which seldom covers the
# city's SNS, test_portrait_s43): the line read as consent given let these go out unwarned.
@pytest.mark.parametrize(
    "text",
    [
        "同意を得て撮影した写真を、同意なく市のSNSに掲載してしまいました。",
        "保護者の同意を得て撮影した写真の一部を、無断で掲載していました。",
        "本人の同意を得て撮影しましたが、掲載の同意は確認中です。",
        "写真は学校が保護者の同意を得ています。",
        "写真は保育園を通じて保護者の了承をいただいています。",
    ],
)
def test_consent_beside_its_lack_or_a_schools_still_warns(text: str) -> None:
    assert findings_of("portrait.consent", text, **_ONE_PICTURE), text


def test_the_schools_name_in_a_consent_line_of_the_citys_own_is_silent() -> None:
    text = "〇〇小学校の運動会の写真は、保護者の同意を得て掲載しています。"
    assert not findings_of("portrait.consent", text, **_ONE_PICTURE)


# a817a3de read consent named anywhere in a sentence on the pictures as given for the post, though the sentence went on
# to deny or doubt it, or gave it only to take the pictures or to print them elsewhere: these went out unwarned.
@pytest.mark.parametrize(
    "text",
    [
        "写真は本人の了解を得たものではありません。",
        "写真は保護者の同意を得て掲載していません。",
        "写真の掲載は、同意を得ているか分かりません。",
        "写真は同意を得ているはずです。",
        "写真は同意を得たものとみなします。",
        "写真は、同意を得て掲載しているとは限りません。",
        "写真は同意を得たうえで掲載予定です。",
        "写真撮影の同意を得ています（掲載は別途確認します）。",
        "写真は同意を得て撮影しましたが、掲載の同意はまだです。",
        "写真は同意を得て撮影したものです。",
        "写真は広報誌への掲載の同意を得ています。",
    ],
)
def test_consent_denied_doubted_or_for_another_use_still_warns(text: str) -> None:
    assert findings_of("portrait.consent", text, **_ONE_PICTURE), text


@pytest.mark.parametrize(
    "text",
    [
        "写真は保護者の同意をいただいています。",
        "写真はホームページと広報誌への掲載の同意を得ています。",
        "参加者の皆さんには撮影と掲載の同意を得ています。",
    ],
)
def test_consent_for_the_post_is_still_silent(text: str) -> None:
    assert not findings_of("portrait.consent", text, **_ONE_PICTURE), text


# A long paste without a full stop is one sentence: each consent in it read the whole sentence again (「同意を得て撮影、」
# repeated: 40,000 characters 15 times slower than 10,000).
@pytest.mark.parametrize("shape", ["同意を得て撮影、", "写真は同意を得て掲載してください、", "写真は同意を得ているはずです、"])
def test_a_long_paste_of_consents_stays_linear(shape: str) -> None:
    assert_stays_linear(lambda text: findings_of("portrait.consent", text, image_count=1), shape)


# Consent said in the past or as held (「同意を得ました」「了解をもらいました」「同意をもらっています」) was read as none and warned,
# as only 「得て」「いただいて」 were; a question or a denial of it still warns.
@pytest.mark.parametrize(
    "text",
    [
        "写っている皆さんから、掲載の了解をもらいました。",
        "写真は参加者の同意を得ました。",
        "写真は参加者の掲載の同意をもらっています。",
    ],
)
def test_consent_said_as_got_is_silent(text: str) -> None:
    assert not findings_of("portrait.consent", text, **_ONE_PICTURE)


@pytest.mark.parametrize(
    "text",
    ["写真は同意を得ましたか？", "写真は同意をもらっていません。", "写真の掲載にあたり、保護者の同意を得ます。",
     "写真は同意を得たかどうか確認します。"],
)
def test_consent_asked_about_or_denied_in_those_words_still_warns(text: str) -> None:
    assert findings_of("portrait.consent", text, **_ONE_PICTURE)


# The consent line in English, which a post for residents from abroad carries: it was not read, and the warning asked for
# what the post had said.
@pytest.mark.parametrize(
    "text",
    [
        "Photos are published with the consent of the people shown.",
        "Consent has been obtained from everyone pictured in these photos.",
        "We have obtained consent from the parents for these pictures.",
        "Photos: with consent of the people shown\n写真は後日掲載します",
    ],
)
def test_consent_stated_in_english_is_silent(text: str) -> None:
    assert not findings_of("portrait.consent", text, **_ONE_PICTURE)


# Consent denied, asked for, pending, only to take the pictures, or a place's permission: none given to show them.
@pytest.mark.parametrize(
    "text",
    [
        "Photos taken with the museum's permission.",
        "All photos were taken with the permission of the participants.",
        "Please obtain consent before posting photos.",
        "These photos were posted without consent.",
        "Consent for the photos is pending.",
        "We haven't obtained consent for the photos yet.",
        "Thank you for coming! See photos below.",
    ],
)
def test_english_consent_not_given_to_show_the_pictures_still_warns(text: str) -> None:
    assert findings_of("portrait.consent", text, **_ONE_PICTURE)


def test_a_long_english_paste_of_consents_stays_linear() -> None:
    from bot.rules.misc import consent_stated
    from bot.rules.text import Document

    assert_stays_linear(lambda text: consent_stated(Document(text)), "with the consent of, ")


def test_a_bilingual_post_saying_consent_in_english_only_is_silent() -> None:
    text = "運動会の様子です（撮影は学校の許可を得ています）。\nPhotos are published with the consent of the families shown."
    assert not findings_of("portrait.consent", text, **_ONE_PICTURE)
