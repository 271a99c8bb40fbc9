"""Prejudice the rule had not seen, and answers to it it did not recognise, beside the
municipal posts nearest to them, which must pass."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes, findings_of

CODE = "prohibited.discrimination"


@pytest.mark.parametrize(
    "text",
    [
        # An exclusion quoted as the belief to rethink, as a quoted verdict already was.
        "「外国人は出ていけ」という考え方を見直しましょう。",
        "「外国人は出て行け」という考えを見直しましょう。",
        "「障害者は施設に入っていればいい」という意識を改めましょう。",
    ],
)
def test_quoted_exclusion_rethought_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人は出ていけ",
        "「外国人は出ていけ」という考え方を見直す必要はありません。",
        "「外国人は出ていけ」と言われても仕方ない。",
        "外国人は出ていけという考え方を見直しましょう、と言う人がいますが、私は賛成しません。",
    ],
)
def test_exclusion_said_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # The prejudice set down as a sentence, named one in the next by a word pointing back to it.
        "生活保護は甘え。こうした偏見をなくしましょう。",
        "外国人はいらない\nこうした偏見をなくしましょう。",
        "障害者は迷惑だ。このような思い込みを改めましょう。",
        "外国人は出ていけ。\nこれは根拠のない偏見です。",
        "外国人はいらない。\nそれはいわれのない差別です。",
    ],
)
def test_prejudice_named_in_the_next_sentence_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人はいらない。この偏見をなくす必要はない。",
        "外国人はいらない。こうした偏見をなくしましょう、と言う人もいますが、事実です。",
        "外国人はいらない。これは根拠のない偏見ではありません。",
        "外国人はいらない。\n\nこうした偏見をなくしましょう。",
    ],
)
def test_prejudice_not_named_in_the_next_sentence_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人が増えて治安が悪くなった",
        "移民を受け入れると犯罪が増える",
        "外国人のせいで犯罪が増えた",
        "外国人が来て、治安が悪化した。",
        "難民を受け入れたら、この町の治安が悪くなります。",
    ],
)
def test_crime_blamed_on_a_group_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人観光客が増えています。",
        "「外国人が増えると治安が悪くなる」は根拠のない偏見です。",
        "「外国人が増えて治安が悪くなった」という声がありますが、それは偏見です。",
        "外国人のせいで犯罪が増えたという根拠はありません。",
        "【防犯】年末は空き巣などの犯罪が増えます。戸締まりを確認しましょう。",
        "外国人観光客が増えて、市内がにぎわっています。",
        "外国人住民が増えて、犯罪は減っています。",
        "市内の外国人住民は5年間で2倍に増えました。刑法犯の認知件数は減少しています。",
        "外国人を狙った犯罪が増えています。ご注意ください。",
        "高齢者が増えて、特殊詐欺の被害が増えています。",
        "移民を受け入れると犯罪が増えるのでしょうか。",
    ],
)
def test_crime_and_groups_named_apart_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "うつ病は甘え",
        "うつ病は甘えだ。",
        "ひきこもりは甘え",
        "引きこもりは甘えです。",
        "発達障害は言い訳",
        "うつは気の持ちよう",
        "うつ病なんて甘え",
        "うつ病は本当に甘えだと思う。",
        "不登校は甘え。",
    ],
)
def test_condition_dismissed_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "うつ病は病気です。",
        "うつ病は甘えではありません。",
        "「うつ病は甘え」という誤解をなくしましょう。",
        "【こころの健康相談】うつ病は誰でもかかる可能性のある病気です。つらいときは早めにご相談ください。",
        "うつ病は甘えや怠けではなく、治療が必要な病気です。",
        "うつ病は気の持ちようで治るものではありません。",
        "「うつ病は甘え」と思っていませんか。",
        "うつ病は甘え。そう思っていませんか。うつ病は誰でもかかる病気です。",
        "うつ病は甘え？いいえ、病気です。",
        "不登校は甘えではなく、子どもからのSOSです。",
        "ひきこもりは甘えだという声もありますが、それは誤解です。",
        "発達障害は、脳の働き方の違いによるものです。",
    ],
)
def test_condition_explained_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "A市民は民度が低い",
        "〇〇町の人は民度が低い",
        "××村の人たちはマナーが悪い。",
        "X市の連中は民度が低い",
        "B区民は下品だ。",
        "和気町民は民度が低い。",
        "大阪の方は民度が低い。",
    ],
)
def test_named_towns_people_judged_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "市民の皆さまへ",
        "市民は無料で利用できます。",
        "市民は窓口で申請してください。",
        "〇〇市民は無料で利用できます。",
        "〇〇市民の皆さまへ、ごみの分別にご協力ください。",
        "〇〇町の人は予約はいらない。",
        "A市は汚い。",
        "A市民は、検査の結果異常なし。",
        "令和〇年度、〇〇市民は異常なし",
    ],
)
def test_residents_not_judged_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "がいじ",
        "がいじｗｗ",
        "あいつはがいじだ",
        "お前がいじかよ",
        "あいつはがいじん",
        "がいじんが多い",
        "ガイジかよｗ",
    ],
)
def test_slur_in_hiragana_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "子どもがいじめられています。",
        "はがいじめにされた",
        "しょうがいじのための教室",
        "ながいじかんまつ",
        "まちがいじゃありません",
        "ともだちがいじわるをする",
        "こどもがいじってこわれた",
        "こどもがいじをはる",
        "けんこうがいじできます",
        "かいがいじんざいの受け入れ",
        "「がいじ」は差別語です。障害のある人を傷つけます。",
        # A reading in brackets after kanji, as ガイジ's is skipped: ear, character, police section.
        "外耳（がいじ）に水が入ったときは、無理に耳そうじをしないでください。",
        "外字（がいじ）を含む氏名は、窓口でお申し出ください。",
        "外事(がいじ)課",
    ],
)
def test_same_letters_in_other_words_pass(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「外国人はいらない」\nこうした考えを見直しましょう。",
        "外国人は出ていけ。このような考え方を改めましょう。",
    ],
)
def test_belief_pointed_back_to_and_rethought_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人はいらない。こうした考えを改めて訴えます。",
        "外国人はいらない。こうした考えを見直す必要はありません。",
    ],
)
def test_belief_pointed_back_to_and_kept_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    ["うつ病患者は甘え", "うつ病患者は気の持ちよう", "発達障害の人は言い訳ばかり", "ひきこもりは甘えてるだけ", "外国人患者はマナーが悪い。"],
)
def test_patients_judged_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize("text", ["うつ病患者は治療が必要です。", "外国人患者は通訳を利用できます。"])
def test_patients_served_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A quoted exclusion passes when asked to be rethought, not on every 「しない」「やめ」「いけない」
        # 「相談」 after it: these call for the words, and fired before the rethinking was let through.
        "「外国人は出ていけ」と遠慮しないで言おう。",
        "「外国人は出ていけ」と言うのをやめる必要はない。",
        "「外国人は出ていけ」と言ってはいけないなんておかしい。",
        "「外国人は帰れ」と言わない理由はない。",
        "「外国人は出ていけ」という声に、行政は相談に乗るべきだ。",
    ],
)
def test_quoted_exclusion_called_for_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A myth marked wrong beside the fact marked right, as health and human-rights posts set them out.
        "×うつ病は甘え\n○うつ病は治療が必要な病気です",
        "✕ 発達障害はわがまま\n◯ 発達障害は脳の特性です",
        "よくある誤解\n×不登校は甘え\n〇不登校はどの子にも起こり得ます",
        "・×生活保護は甘え\n・○生活保護は憲法で保障された権利です",
        "×外国人は出ていけ\n○外国人も大切な市民です",
    ],
)
def test_myth_marked_wrong_beside_the_fact_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "×うつ病は甘え",  # no fact beside it
        "×うつ病は甘え\n\n○うつ病は病気です",  # another paragraph
        "うつ病は甘え\n○うつ病は病気です",  # not marked wrong
        "××市民は民度が低い\n○○市民は優しい",  # a name left out, not a mark
    ],
)
def test_myth_not_marked_wrong_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("〇〇町の人は民度が低い", "「〇〇町の人」を"),
        ("A市民は民度が低い", "「A市民」を"),
        ("東北の人は田舎者ばかり", "「東北の人」を"),
        ("外国人が増えると治安が悪くなります", "「外国人」を"),
        ("外国人は出ていけ", "「外国人」を"),
        ("生活保護は甘え", "「生活保護」の人々を"),
        # Children turned away are named as they are, not as 人々: 「「障害児」の人々を」.
        ("障害児は入園をお断りします。", "「障害児」を"),
        ("医療的ケア児の受け入れはお断りしています。", "「医療的ケア児」を"),
        ("発達障害の子は普通学級に入れません。", "「発達障害の子」を"),
        ("障害のある子どもは、他の子の迷惑になるため入学できません。", "「障害のある子ども」を"),
    ],
)
def test_message_names_the_people_once(text: str, people: str) -> None:
    # 「「〇〇町の人」の人々をおとしめ」 said the people twice.
    (finding,) = findings_of(CODE, text)
    assert finding.message.startswith(people)


@pytest.mark.parametrize(
    "text",
    [
        # The call to rethink waved away after a comma is no rebuttal.
        "「外国人は出ていけ」という考えを見直しましょう、なんて綺麗ごとだ。",
        "「外国人はいらない」という考えを見直しましょう、なんて綺麗ごとだ。",
        "外国人はいらない。この考えを見直しましょう、なんて綺麗ごとだ。",
        "外国人はいらない。こうした偏見をなくしましょう、なんて言われても困る。",
    ],
)
def test_rethinking_waved_away_fires(text: str) -> None:
    assert CODE in codes(text)
