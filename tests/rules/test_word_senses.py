"""Word lists fire on the listed word, not on an everyday word that looks like it (QA false alarms)."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes, findings_of


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Scraps and kitchen waste: くず/カス at the end of a thing's name are not insults.
        ("生ごみや野菜くずは、水気をよく切ってから燃やせるごみに出してください。", "prohibited.insult"),
        ("パンくずや糸くずは燃やせるごみへ。", "prohibited.insult"),
        ("三角コーナーの生ごみのカスを放置しないでください。", "prohibited.insult"),
        ("消しカスはまとめて捨てましょう。", "prohibited.insult"),
        ("コーヒーのカスは消臭剤として使えます。", "prohibited.insult"),
        ("木くずや鉛筆の削りかすは燃やせるごみです。", "prohibited.insult"),
        ("生ごみにウジ虫が発生しないよう、ふたを閉めてください。", "prohibited.insult"),
        # A shellfish, a rice cracker, and the intensifier ばか (副詞).
        ("今年もバカ貝（アオヤギ）が旬を迎えました。", "prohibited.insult"),
        ("ばかうけ", "prohibited.insult"),
        ("新潟名物ばかうけの工場見学", "prohibited.insult"),
        ("地元の新米がばか売れしています。", "prohibited.insult"),
        ("ばかでかいカボチャを展示しています。", "prohibited.insult"),
        ("待機電力もばかになりません。", "prohibited.insult"),
        # Idioms about a cost or an outcome, and intensifiers in katakana or kanji (session 16).
        ("小さな節約もバカにできません。", "prohibited.insult"),
        ("冬の暖房費も馬鹿にできない金額です。", "prohibited.insult"),
        ("正直者が馬鹿を見る社会にしてはいけません。", "prohibited.insult"),
        ("申請を忘れるとバカを見ることになります。", "prohibited.insult"),
        ("馬鹿でかいカボチャが収穫されました。", "prohibited.insult"),
        ("バカ売れ中の特産品です。", "prohibited.insult"),
        # A sightseeing spot that still carries the old word in its name.
        ("函館の外人墓地を巡る歴史散策ツアー", "prohibited.discrimination"),
        # Breastfeeding support.
        ("保健センターでは、助産師によるおっぱい相談（母乳相談）を行っています。", "prohibited.obscene"),
        ("赤ちゃんがおっぱいを飲まないときは、助産師にご相談ください。", "prohibited.obscene"),
        # Ponds, clay dolls, turning pages, Homo sapiens, a novel, a ramen.
        ("市内の池沼や河川の水質調査の結果を公表しました。", "prohibited.discrimination"),
        ("郷土の土人形づくり体験教室を開催します。", "prohibited.discrimination"),
        ("本のページをめくらずに読める電子書籍の貸出を始めました。", "prohibited.discrimination"),
        ("ホモ・サピエンスの進化をたどる企画展", "prohibited.discrimination"),
        ("坂口安吾の『白痴』を読む読書会", "prohibited.discrimination"),
        ("上越名物の支那そばを味わえる食べ歩きイベント", "prohibited.discrimination"),
    ],
)
def test_everyday_words_do_not_fire(text: str, code: str) -> None:
    assert code not in codes(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # The same words aimed at people still fire.
        ("お前はバカだ", "prohibited.insult"),
        ("バカ", "prohibited.insult"),
        ("ばかじゃないの", "prohibited.insult"),
        ("このくず野郎", "prohibited.insult"),
        ("くず野郎", "prohibited.insult"),
        ("クズ", "prohibited.insult"),
        ("あいつはクズだ", "prohibited.insult"),
        ("人間のクズ", "prohibited.insult"),
        ("社会のカスめ", "prohibited.insult"),
        ("市役所のクズども", "prohibited.insult"),
        ("お前はゴミくずだ", "prohibited.insult"),
        ("最低のクズ", "prohibited.insult"),
        ("ただのカス", "prohibited.insult"),
        ("役所のカス", "prohibited.insult"),
        ("お前はカスだ", "prohibited.insult"),
        ("お前らはウジ虫だ", "prohibited.insult"),
        ("おっぱいを見せて", "prohibited.obscene"),
        ("あいつは池沼だ", "prohibited.discrimination"),
        ("土人のくせに", "prohibited.discrimination"),
        ("あいつはめくらだ", "prohibited.discrimination"),
        ("支那人は帰れ", "prohibited.discrimination"),
        ("ホモは気持ち悪い", "prohibited.discrimination"),
        ("白痴め", "prohibited.discrimination"),
        ("あの職員は馬鹿だ", "prohibited.insult"),
        ("バカにできないくらい馬鹿だ", "prohibited.insult"),
        ("外人は帰れ", "prohibited.discrimination"),
    ],
)
def test_the_same_words_used_as_slurs_still_fire(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    ["ばーか", "バーカ", "しね", "しね！", "黙れ", "だまれよ", "頭がおかしい", "頭おかしいの？", "文句ばかり言う老人は黙ってろ",
     "お前ら本当にいい加減にしろ"],
)
def test_rude_replies_fire(text: str) -> None:
    [f] = findings_of("prohibited.insult", text)
    assert f.severity == "error"


@pytest.mark.parametrize(
    "text",
    [
        "明日も雪が降りそうですしね。",  # しね as particles
        "地域の皆さんと一緒に帰れます。",
        "暑さで頭がおかしくなりそうな日が続きます。こまめに水分をとりましょう。",
        "黙れない子どもたちの声を聞く会",
        "「いい加減にしろ」と怒鳴る行為はカスハラです。",
        "「黙ってろ」などの暴言はやめましょう。",
        # 7470b3b listed いい加減にしろ and 黙ってろ: the カスハラ and parenting notices that quote them
        # as what is shouted fired.
        "窓口で「いい加減にしろ」と大声を出す行為は、カスタマーハラスメントにあたります。",
        "「いい加減にしろ」と怒鳴るのではなく、冷静に話しましょう。",
        "「黙ってろ」と子どもを叱っていませんか。",
    ],
)
def test_rude_reply_words_in_ordinary_sentences_are_silent(text: str) -> None:
    assert "prohibited.insult" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "ハンセン病は、かつて「らい病」と呼ばれ、患者や家族が深刻な差別を受けてきました。",
        "江戸時代の身分制度で「えた・非人」とされた人々への差別の歴史を学ぶ講座を開きます。",
        "「めくら」「つんぼ」は障害のある人への蔑称です。",
    ],
)
def test_a_quoted_term_in_a_post_about_discrimination_is_taught_not_used(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "かつて「らい病」と呼ばれていました。",  # quoted, but nothing about discrimination
        "あいつらはらい病だ。差別じゃない。",  # about discrimination, but not quoted
        "「あいつの家は部落だから気をつけろと言われた。差別はやめよう」",  # a whole quoted sentence
    ],
)
def test_the_quote_exemption_needs_both_the_quote_and_the_lesson(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    ("text", "code", "excerpt"),
    [
        ("キモい", "prohibited.insult", "キモい"),
        ("うざい", "prohibited.insult", "うざい"),
        ("まぬけ", "prohibited.insult", "まぬけ"),
        ("おかま", "prohibited.discrimination", "おかま"),
        ("ばかやろう", "prohibited.insult", "ばかやろう"),
        ("人間のクズ", "prohibited.insult", "人間のクズ"),
        ("引用リポスト", "quote.third_party", "引用リポスト"),
        ("中川幹太候補に清き一票を！", "prohibited.political", "中川幹太候補に清き一票"),
    ],
)
def test_one_finding_per_span_the_longest_match(text: str, code: str, excerpt: str) -> None:
    assert [f.excerpt for f in findings_of(code, text)] == [excerpt]


def test_separate_words_are_still_separate_findings() -> None:
    assert [f.excerpt for f in findings_of("prohibited.insult", "バカ、アホ")] == ["バカ", "アホ"]


@pytest.mark.parametrize(
    "text",
    [
        "「死ね」と市長に叫ぼう。", "「バカ」と市長を叱ってやれ。", "市長に「バカ」と大声で言ってやりましょう。",
        # Compound shouting verbs, called for (227da7d read them as reported).
        "「死ね」と市長を怒鳴りつけよう。", "「いい加減にしろ」と市役所に怒鳴り込もう。",
    ],
)
def test_an_insult_quoted_as_what_to_shout_at_someone_fires(text: str) -> None:
    assert "prohibited.insult" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "部落の歴史を学ぶ人権講座を開催します。",
        "部落史の研究者を招いた人権学習会を開催します。",
        "水平社創立と部落の人々の歩みを紹介する企画展です。",
        "人権週間に、部落の歴史を学びましょう。",
    ],
)
def test_buraku_in_a_human_rights_lesson_is_the_history_taught(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "部落の連中はこれだから困る。",
        "あそこは部落だから近づくな。",
        "山あいの小さな部落に伝わる民話を紹介します。",
        # 人権 or 同和 in a slur's own sentence is no lesson.
        "部落の人は人権なんてない。",
        "同和地区の部落には近づくな。",
    ],
)
def test_buraku_outside_a_human_rights_lesson_still_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "部落差別をなくす人権学習会を開きます。部落の歴史について学びます。",
        "人権講座「部落の歴史」。部落の成り立ちを学びます。",
        "【人権講座】\n部落の歴史と水平社の歩みを学びます。",
        "12月は人権週間です。\n部落の歴史をたどるパネル展を開催します。",
        "【人権講座のお知らせ】\n\n部落の歴史について学びます。",
        "部落差別の解消に向けて。部落の成り立ちを学ぶ講演会を開きます。",
        # What was said to them, in the history taught.
        "人権学習会を開きます。部落の人とは結婚するな、と言われた歴史を学びます。",
        "部落差別の講演会です。部落の人は怖い、という偏見がなぜ生まれたのか、歴史から学びます。",
        "部落差別は過去の問題です。部落の歴史を学ぶ必要はない、という誤解を解く講座です。",
    ],
)
def test_buraku_taught_in_a_sentence_after_the_lesson_is_named_is_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "人権講座を開きます。あの部落には近づくな。",
        "人権講座を開きます。部落の子は学校に来るな。",
        "部落差別の講演会です。あの部落の連中は怖い。",
        "部落の歴史について学びます。",
        "山あいの部落を訪ねる講座です。",
        # A lesson's word in the sentence does not make a slur a lesson.
        "部落差別の講座です。部落出身者は講座に来るな。",
        "部落差別の講演会です。部落の歴史は汚い。",
        "部落差別の学習会。部落の人は学習しても無駄。",
        "部落差別をなくす講座です。部落の連中の歴史なんて学ぶ必要はない。",
    ],
)
def test_buraku_said_of_people_or_with_no_lesson_named_still_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)
