"""a11y rules, session 46's red team: full-width signs in a mail address."""

from __future__ import annotations

import pytest

from tests.conftest import assert_stays_linear
from tests.rules.conftest import CITY_POLICY, findings_of


# A mail address whose 「＠」 or dot was typed full-width went out unremarked: no app reads it as an address, and
# pasted into a mail it bounces.
@pytest.mark.parametrize(
    ("text", "address", "fixed"),
    [
        ("メール：kouhou＠city.joetsu.niigata.jp", "kouhou＠city.joetsu.niigata.jp", "kouhou@city.joetsu.niigata.jp"),
        ("メール：kouhou@city．joetsu.niigata.jp", "kouhou@city．joetsu.niigata.jp", "kouhou@city.joetsu.niigata.jp"),
        ("お問合せはkoho_ka＠city.joetsu.niigata.jpまで", "koho_ka＠city.joetsu.niigata.jp", "koho_ka@city.joetsu.niigata.jp"),
        ("E-mail kouhou＠city.joetsu.lg.jp", "kouhou＠city.joetsu.lg.jp", "kouhou@city.joetsu.lg.jp"),
        (
            "メール：ｋｏｕｈｏｕ＠ｃｉｔｙ．ｊｏｅｔｓｕ．ｌｇ．ｊｐ",
            "ｋｏｕｈｏｕ＠ｃｉｔｙ．ｊｏｅｔｓｕ．ｌｇ．ｊｐ",
            "kouhou@city.joetsu.lg.jp",
        ),
    ],
)
def test_a_mail_address_with_a_full_width_sign_is_told(text: str, address: str, fixed: str) -> None:
    found = findings_of("a11y.fullwidth_alnum", text, policy=CITY_POLICY)
    assert [(text[f.start : f.end], f.suggestion) for f in found] == [(address, fixed)], text


# A half-width address, an account, and a 「＠」 left full-width on purpose are not.
@pytest.mark.parametrize(
    "text",
    [
        "メール：kouhou@city.joetsu.niigata.jp",
        "メール：kouhou＠city.joetsu.niigata.jp（＠を半角に置き換えてください）",
        "Instagram：＠joetsu_city",
        "X：＠joetsu_city をフォローしてください",
        "お問合せ：kouhou@city.joetsu.niigata.jp．",
        "TEL：025-526-5111",
    ],
)
def test_a_half_width_address_or_an_account_is_not_told(text: str) -> None:
    assert not findings_of("a11y.fullwidth_alnum", text, policy=CITY_POLICY), text


# The glitter strung around a heading was told to be made full-width, a finding per dot, though full-width ones would
# not draw it.
@pytest.mark.parametrize(
    "text",
    [
        "ﾟ･*:.｡..｡.:*･ﾟ 新年のご挨拶 ﾟ･*:.｡..｡.:*･ﾟ",
        "☆ﾟ.*･｡ﾟ 雪まつり開催 ☆ﾟ.*･｡ﾟ",
        ".｡.:*･ﾟ☆ 合格おめでとう ☆ﾟ･*:.｡.",
        "*･゜ﾟ･*:.｡..｡.:*･゜ﾟ･* 成人式 *･゜ﾟ･*:.｡..｡.:*･゜ﾟ･*",
        "ﾟ+.ﾟ(´▽`人)ﾟ+.ﾟ",
        "✧*｡ 桜が満開です ✧*｡",
    ],
)
def test_half_width_glitter_around_a_heading_is_not_half_width_kana(text: str) -> None:
    assert not findings_of("a11y.halfwidth_kana", text), text


# A half-width stop or mark without glitter around it, and kana beside glitter, are still told.
@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("本日は晴れ｡", ["｡"]),
        ("本日は晴れ｡*", ["｡"]),
        ("ありがとう･ﾟ", ["･ﾟ"]),
        ("☆ｲﾍﾞﾝﾄ☆", ["ｲﾍﾞﾝﾄ"]),
        ("ｵｼﾗｾ*:.｡", ["ｵｼﾗｾ"]),
    ],
)
def test_a_half_width_stop_or_kana_beside_glitter_is_still_told(text: str, told: list[str]) -> None:
    assert [text[f.start : f.end] for f in findings_of("a11y.halfwidth_kana", text)] == told


# Typed all full-width with its label, the address is one run of full-width letters, told once with the label.
def test_an_address_typed_all_full_width_is_told_with_its_label() -> None:
    text = "ＭＡＩＬ：ｋｏｈｏ＠ｃｉｔｙ．ｊｏｅｔｓｕ．ｎｉｉｇａｔａ．ｊｐ"
    found = findings_of("a11y.fullwidth_alnum", text)
    assert [(f.start, f.end, f.suggestion) for f in found] == [(0, len(text), "MAIL:koho@city.joetsu.niigata.jp")]


# Short lines closed with an emoji and a space, as posts on SNS are written, were read as one sentence of 116 letters.
def test_an_emoji_and_a_space_close_a_sentence() -> None:
    text = (
        "🎉雪まつり開催🎉 2月7日（土）・8日（日） 高田城址公園 雪像コンテスト・屋台・ステージイベントなど盛りだくさん⛄ "
        "夜はライトアップも✨ 皆さんのお越しをお待ちしています🙌 駐車場に限りがありますので公共交通機関をご利用ください🚌"
    )
    assert not findings_of("a11y.long_sentence", text)


# A long sentence before or after such a stop, or with emoji glued between its words, is still told.
@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "本日午前6時に発表された大雨警報に伴い、市では災害対策本部を設置し、土砂災害警戒区域にお住まいの方に対して避難指示を"
            "発令しましたので、直ちに近くの指定避難所または安全な親戚・知人宅などへ避難してください⚠️ 詳しくは市ホームページをご覧ください。",
            "本日午前6時",
        ),
        (
            "⚠️ 本日午前6時に発表された大雨警報に伴い、市では災害対策本部を設置し、土砂災害警戒区域にお住まいの方に対して避難指示を"
            "発令しましたので、直ちに近くの指定避難所または安全な親戚・知人宅などへ避難してください。",
            "本日午前6時",
        ),
        (
            "🎉雪まつり開催🎉2月7日（土）・8日（日）高田城址公園で雪像コンテスト・屋台・ステージイベントなど盛りだくさん⛄夜はライトアップも✨"
            "皆さんのお越しをお待ちしています🙌駐車場に限りがありますので公共交通機関をご利用ください🚌",
            "🎉雪まつり",
        ),
    ],
)
def test_a_long_sentence_around_an_emoji_stop_is_still_told(text: str, told: str) -> None:
    found = findings_of("a11y.long_sentence", text)
    assert [text[f.start : f.start + len(told)] for f in found] == [told], text


# The emoji before a space is read back from the space: read forward from each emoji, a long ZWJ fragment was read to
# its end again at each member (quadratic).
@pytest.mark.parametrize("shape", ["\U0001f468\u200d", "🎉 ", "\U0001f468\u200d "])
def test_an_emoji_stop_is_found_in_linear_time(shape: str) -> None:
    assert_stays_linear(lambda text: findings_of("a11y.long_sentence", text), shape)


# Reviewer 5: an emoji after a particle or before one decorates a word inside the sentence; b31332ff ended the sentence
# there and a long one went out untold.
@pytest.mark.parametrize(
    "text",
    [
        "高田城址公園の観桜会の期間中、夜には三重櫓と約4000本の桜のライトアップが行われ、三重櫓前の広場では 🍢 おでんや焼きそば、"
        "チョコバナナなど、地元商店街の皆さんによる屋台がずらりと並びますので、ぜひご家族やご友人とお誘い合わせのうえお越しください",
        "明日は雪まつり🎉 の初日で、会場の高田城址公園では雪像コンテストや屋台、ステージイベント、スノーモービル体験、かまくらづくり体験"
        "など、子どもから大人まで楽しめる催しが盛りだくさんとなっておりますので、ぜひお越しください",
    ],
)
def test_an_emoji_inside_a_sentence_does_not_end_it(text: str) -> None:
    assert findings_of("a11y.long_sentence", text), text


# Short lines closed by an emoji set apart by spaces on both sides, and a greeting's 「こんにちは 🎉」, still end there.
def test_an_emoji_between_spaces_after_a_lines_end_closes_it() -> None:
    text = (
        "こんにちは 🎉 2月7日（土）・8日（日）は高田城址公園で雪まつりを開催します ⛄ 雪像コンテスト・屋台・ステージイベントなど"
        "盛りだくさん 🙌 夜はライトアップも楽しめます ✨ 皆さんのお越しをお待ちしています 🚌 駐車場に限りがありますので"
        "公共交通機関をご利用ください"
    )
    assert not findings_of("a11y.long_sentence", text)


# Reviewer 5: e6618a2d took any 「半角で」「半角の」 in the post for a note that the 「＠」 was left full-width on purpose, so an
# address that bounces went out untold beside another field's input rule.
@pytest.mark.parametrize(
    "text",
    [
        "申込みはメール（kouhou＠city.joetsu.niigata.jp）で。フォームの電話番号は半角で入力してください。",
        "問合せ：kouhou＠city.joetsu.niigata.jp（件名は半角の英数字でお願いします）",
    ],
)
def test_another_fields_half_width_rule_is_no_note_on_the_sign(text: str) -> None:
    assert findings_of("a11y.fullwidth_alnum", text, policy=CITY_POLICY), text


@pytest.mark.parametrize(
    "text",
    [
        "kouhou＠city.joetsu.niigata.jp（迷惑メール対策のため＠を全角にしています。半角に直して送信してください）",
        "kouhou＠city.joetsu.niigata.jp（送信の際は＠→@に変えてください）",
        "kouhou＠city.joetsu.niigata.jp ※アットマークは半角に置き換えてください",
    ],
)
def test_a_note_on_the_sign_itself_still_spares_the_address(text: str) -> None:
    assert not findings_of("a11y.fullwidth_alnum", text, policy=CITY_POLICY), text
