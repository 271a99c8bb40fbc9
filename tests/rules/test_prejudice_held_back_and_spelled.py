"""Prejudice whose saying is called for under a call to stop (「遠慮するのはやめましょう」「差別だと騒ぐのは
やめましょう」), beside the posts that call the saying itself off, which must pass."""

from __future__ import annotations

import pytest

from tests.conftest import assert_stays_linear
from tests.rules.conftest import codes, findings_of

CODE = "prohibited.discrimination"


@pytest.mark.parametrize(
    "text",
    [
        # What is called off is holding the words back, not saying them.
        "「障害者はいらない」、遠慮するのはやめましょう",
        "「障害者はいらない」と言うのを我慢するのはやめましょう",
        "「うつ病は甘え」と言うのをためらうのはやめましょう",
        "「外国人はマナーが悪い」、言い出せずにいるのはやめましょう",
        "「外国人が増えると治安が悪くなる」、遠慮するのはやめましょう",
        "「外国人には国に帰ってほしい」、遠慮するのはやめましょう",
        "「外国人には国に帰ってほしい」と遠慮しないで言おう",
        # What is called off or scorned is naming the wrong.
        "「障害者はいらない」を差別だと騒ぐのはやめましょう",
        "「外国人は出ていけ」を差別だと騒ぐのはやめましょう",
        "「外国人が増えると治安が悪くなる」を偏見だと決めつけるのはやめましょう",
        "「生活保護は甘え」を偏見だと決めつけるのはおかしい。",
        "「女性は感情的」を差別だと言う人はうるさい。",
        "「うつ病は甘え」を偏見だと批判するのは行き過ぎです。",
    ],
)
def test_holding_back_or_naming_the_wrong_called_off_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「障害者はいらない」のような発言はやめましょう。",
        "「障害者はいらない」などと言うのは、もうやめましょう。",
        "「生活保護は甘え」——そんな言葉はもうやめましょう。",
        "「うつ病は甘え」と安易に言うのはやめましょう。",
        "「外国人が増えると治安が悪くなる」と決めつけるのはやめましょう。",
        "「外国人には国に帰ってほしい」と言うのはやめましょう。",
        "「外国人には国に帰ってほしい」のような言葉はやめましょう。",
        "「女性は感情的」という決めつけをやめましょう。",
        "「うつ病は甘え」、そんな言い方はやめましょう。",
        "「障害者はいらない」なんて、もうやめましょう。",
        "「外国人はマナーが悪い」と一括りにするのはやめましょう。",
        "「うつ病は甘え」と言ったり、責めたりするのはやめましょう。",
        "「うつ病は甘え」と突き放すのはやめましょう。",
        "「ひきこもりは甘え」と本人を否定するのはやめましょう。",
        # The wrong named and acted on, not scorned.
        "「障害者はいらない」という発言は差別です。差別だと感じたら相談してください。",
        "「生活保護は甘え」は偏見です。偏見だと気づいたら、言葉を見直しましょう。",
        "「外国人は出ていけ」は差別だと指摘する声が上がっています。",
        "「外国人は出ていけ」は差別だと言うことをためらわないでください。",
    ],
)
def test_saying_called_off_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Asked about, then said again in the next sentence in the verdict's own words.
        "「うつ病は甘え」は本当でしょうか。実際、甘えている人が多いのです。",
        "「うつ病は甘え」は本当でしょうか。やはり甘えだと思います。",
        "「うつ病は甘え」って本当？　正直、甘えですよね。",
        "「ひきこもりは怠け者」は本当でしょうか。実際、怠けているだけの人がほとんどです。",
        "「外国人はマナーが悪い」って本当？　実際、マナーの悪い人が目立ちます。",
        "「生活保護は甘え」は本当でしょうか。\n\n実際、甘えている人ばかりです。",
    ],
)
def test_question_answered_in_the_verdicts_words_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「うつ病は甘え」は本当でしょうか。実際には、うつ病は誰でもかかりうる病気です。",
        "「うつ病は甘え」は本当でしょうか。甘えではなく、治療が必要な病気です。",
        "「うつ病は甘え」は本当でしょうか。いいえ、甘えではありません。",
        "「うつ病は甘え」は本当でしょうか。実際、多くの人が治療で回復しています。",
        "「うつ病は甘え」は本当でしょうか。甘えに見えることもありますが、脳の不調による病気です。",
        "「うつ病は甘え」は本当でしょうか。甘えと誤解されがちですが、治療が必要です。",
        "「うつ病は甘え」は本当でしょうか。甘えとは関係なく、誰でもかかる病気です。",
        "「うつ病は甘え」は本当でしょうか。甘えているように見えても、本人はとてもつらいのです。",
        "「不登校は甘え」は本当でしょうか。甘えで片づけず、子どもの声を聞きましょう。",
        "「外国人はマナーが悪い」って本当？　マナーの違いを知ることから始めましょう。",
        "「外国人はマナーが悪い」って本当？　マナーは国によって異なります。",
        "「うつ病は甘え」は本当でしょうか。甘えだと自分を責めてしまう人もいます。",
        "「うつ病は甘え」は本当でしょうか。甘えだと思う人もいますが、病気です。",
    ],
)
def test_question_answered_with_the_facts_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A condition dismissed as a weakness, spelled in kana or run together in a hashtag.
        "#うつ病甘え",
        "#ひきこもりあまえ",
        "#不登校はわがまま",
        "うつびょうはあまえ",
        "うつ病はあまえ",
        "ひきこもりはあまえ",
        "はったつしょうがいはいいわけ",
        "ふとうこうはあまえ",
        "うつびょうは　あまえ！",
        "ひきこもりのひとはなまけもの",
        "うつびょうってきのもちよう",
        "やっぱりうつびょうはあまえだよ",
        "今日のお知らせ。うつびょうはあまえ。",
    ],
)
def test_spelled_condition_verdict_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "#うつ病は甘えじゃない",
        "うつびょうはあまえではありません",
        "「うつびょうはあまえ」はまちがいです",
        "うつびょうはあまえ？",
        "こころの相談会を開きます。 #うつ病 #ひきこもり支援 #不登校 #甘えていいんだよ",
        "うつびょうは　びょうきです",
        "ひきこもりは、だれにでもおこりえます",
        "ふとうこうのこどもたちへ",
    ],
)
def test_spelled_condition_said_of_fairly_passes(text: str) -> None:
    assert CODE not in codes(text)


def test_spelled_condition_names_the_harm() -> None:
    [f] = findings_of(CODE, "#うつ病甘え")
    assert "病気や障害の当事者への偏見" in f.message and f.excerpt == "#うつ病甘え"


@pytest.mark.parametrize(
    "text",
    [
        "認知症の人は何もわからない。",
        "認知症は本人の努力不足です。",
        "HIV感染者は自業自得です。",
        "依存症は自業自得。",
        "不登校は親のせい。",
        "ホームレスは怠け者。",
        "在日はスパイです。",
        "障害者は何もできない。",
        "コロナ感染者は迷惑です。",
    ],
)
def test_conditions_and_peoples_laid_low_fire(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "認知症カフェ「ひだまり」を開きます。認知症の方もご家族も、どなたでもお気軽にどうぞ。",
        "「認知症の人は何もわからない」は誤解です。本人の思いを大切にしましょう。",
        "認知症は病気です。早めの受診をおすすめします。",
        "認知症の人は、何もわからないわけではありません。",
        "認知症の方は、ご家族と一緒にお越しください。",
        "依存症は本人の責任ではありません。",
        "依存症は自己責任？いいえ、誰でもなりうる病気です。",
        "不登校は親のせいではありません。",
        "感染者は自宅で療養してください。",
        "本日の新規感染者は5人です。",
        "HIV陽性者への差別をなくそう。12月1日は世界エイズデーです。",
        "HIVは治療で抑えられる病気です。",
        "ホームレスの方への自立支援を行っています。",
        "路上生活者の方は、福祉課にご相談ください。",
        "外国人は何もわからない状態で来日することも多く、支援が必要です。",
        "障害者は何もできないという思い込みをなくしましょう。",
        "スパイ映画の上映会を開きます。",
        "障害者差別解消法が改正され、令和6年4月から事業者による合理的配慮の提供が義務になりました。",
        "外国人相談窓口を開設しています。ベトナム語・中国語・英語で相談できます。",
        "12月4日から10日は人権週間です。障害のある人もない人も、互いに尊重し合える地域をつくりましょう。",
    ],
)
def test_dementia_infection_and_rights_notices_pass(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Found by review: the saying called off after 「なんて」「など」 with no 「と」, and 「やめにしましょう」.
        "「うつ病は甘え」なんて言うのはやめましょう。",
        "「障害者はいらない」なんて書き込むのはやめてください。",
        "「うつ病は甘え」など、決めつけるのはやめましょう。",
        "「うつ病は甘え」と考えるのはやめにしましょう。",
        # Found by review: the next sentence commends leaning on others, not the verdict.
        "「うつ病は甘え」は本当でしょうか。周りに甘えることも、回復には大切です。",
        "「うつ病は甘え」は本当でしょうか。上手に周りに甘えることが大切です。",
        "「うつ病は甘え」は本当でしょうか。つらいときは周りに甘えましょう。",
        "「うつ病は甘え」は本当でしょうか。甘えられる相手がいることが回復を助けます。",
    ],
)
def test_saying_called_off_after_nante_and_leaning_on_others_commended_pass(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「うつ病は甘え」なんて遠慮するのはやめましょう。",
        "「障害者はいらない」なんて差別だと騒ぐのはやめましょう。",
        "「うつ病は甘え」と遠慮するのはやめにしましょう。",
        "「うつ病は甘え」は本当でしょうか。甘えている人が多いのが現実です。",
    ],
)
def test_holding_back_after_nante_and_a_plain_restatement_still_fire(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Found by review: the words called off in the next sentence, the person not to be turned away on them,
        # and the judging put off for help.
        "「うつ病は甘え」。そんな言葉はもうやめましょう。",
        "うつ病は甘え。そんな言葉はもうやめましょう。",
        "「障害者はいらない」。こうした発言はやめてください。",
        "「うつ病は甘え」と突き放さないでください。",
        "「不登校は甘え」と切り捨てないでください。",
        "「うつ病は甘え」と決めつける前に、専門家に相談しましょう。",
        "「ひきこもりは怠け者」と決めつけるより、まず話を聞きましょう。",
        "「うつ病は甘え」と責めるのではなく、寄り添いましょう。",
    ],
)
def test_words_called_off_next_or_judging_put_off_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # The words not called off: their calling-off refused, saying them led up to, or holding them back called off.
        "「うつ病は甘え」。その言葉をやめる必要はありません。",
        "「うつ病は甘え」。そんな言葉はやめましょう、なんて言う人がいます。",
        "「障害者はいらない」と言う前に、証拠を集めよう。",
        "「うつ病は甘え」と遠慮しないで言おう。",
        "「うつ病は甘え」、遠慮するのはやめましょう",
    ],
)
def test_words_not_called_off_still_fire(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "shape",
    ["「うつ病は甘え」。そんな言葉は", "「うつ病は甘え」と決めつける", "「うつ病は甘え」と突き放さ", "。その言葉をもう"],
)
def test_calling_off_shapes_stay_linear(shape: str) -> None:
    assert_stays_linear(codes, shape)


@pytest.mark.parametrize(
    "text",
    [
        # Found by review: the judging called off or put off, then the verdict said anyway, in another way in
        # the same sentence or again in the next one in the verdict's own words.
        "「うつ病は甘え」と決めつけるのではなく、甘えだと優しく伝えましょう。",
        "「うつ病は甘え」と責めるのではなく、甘えだと気づかせてあげましょう。",
        "「発達障害は言い訳」と決めつけるのではなく、言い訳だと穏やかに教えましょう。",
        "「うつ病は甘え」と決めつける前に、専門家に相談しましょう。やはり甘えです。",
        "「うつ病は甘え」と決めつけるのはやめましょう。やはり甘えです。",
        "「うつ病は甘え」と突き放さないでください。実際、甘えている人が多いのです。",
        "「ひきこもりは怠け者」と決めつけるのはやめましょう。実際、怠けているだけの人がほとんどです。",
        # The 違います answers those who ask to stop: the post sides with the words.
        "「うつ病は甘え」。そんな言葉はもうやめましょう、と言う人がいますが、違います。",
        "「うつ病は甘え」。そんな言葉はやめましょう、と言う人がいます。でも、違います。",
        "「生活保護は甘え」。そういう考えを見直そう、と言う人もいますが、私は違うと思います。",
    ],
)
def test_verdict_said_after_its_judging_is_called_off_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # The other way, or the next sentence, says something else of the illness or of leaning on others.
        "「うつ病は甘え」と決めつけるのではなく、甘えではないと伝えましょう。",
        "「うつ病は甘え」と決めつけるのではなく、病気だと伝えましょう。",
        "「うつ病は甘え」と決めつけるのではなく、甘えることも必要だと伝えましょう。",
        "「うつ病は甘え」と決めつけるのではなく、甘えてもいいと伝えましょう。",
        "「うつ病は甘え」と責めるのではなく、甘えと言われてつらい気持ちに寄り添いましょう。",
        "「うつ病は甘え」と決めつける前に、専門家に相談しましょう。甘えではなく、治療が必要な病気です。",
        "「うつ病は甘え」と決めつけるのはやめましょう。周りに甘えることも、回復には大切です。",
        "「うつ病は甘え」と決めつけるのはやめましょう。甘えだと自分を責めてしまう人もいます。",
        "「うつ病は甘え」と突き放さないでください。甘えに見えても、本人はとてもつらいのです。",
        "「うつ病は甘え」と言わないでください。うつ病は誰でもかかりうる病気です。",
        # The people who call the words off are agreed with, or others are answered.
        "「うつ病は甘え」。そんな言葉はもうやめましょう。",
        "「うつ病は甘え」。そんな言葉を耳にします。しかし、それは誤解です。",
        "「うつ病は甘え」。そんな声を聞きますが、違います。",
        # A quoted exclusion: the person not to be turned away on the words, the words not to be said.
        "「外国人は出ていけ」と切り捨てないでください。",
        "「外国人は出ていけ」と言わないでください。",
        "「外国人は出ていけ」と書き込まないでください。",
        "「外国人は出ていけ」などと言うのはやめましょう。",
        "「外国人は出ていけ」のような発言はやめてください。",
    ],
)
def test_judging_called_off_with_the_facts_after_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A quoted exclusion still said: its saying called for, held back called off, or said again outside the quote.
        "「外国人は出ていけ」と遠慮しないで言おう。",
        "「外国人は出ていけ」、遠慮するのはやめましょう。",
        "「外国人は出ていけ」と言うのをやめる必要はない。",
        "「外国人は出ていけ」と陰で言うのではなく、堂々と言おう。",
        "「外国人は出ていけ」と言わないでください、外国人は出ていけと叫びましょう。",
    ],
)
def test_quoted_exclusion_still_said_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "shape",
    [
        "「うつ病は甘え」と決めつけるのではなく、甘えだと",
        "「うつ病は甘え」と決めつけるのはやめましょう。やはり甘え",
        "「外国人は出ていけ」と切り捨てないでください。",
        "。そんな言葉はもうやめましょう、と言う人",
    ],
)
def test_said_after_calling_off_shapes_stay_linear(shape: str) -> None:
    assert_stays_linear(codes, shape)


@pytest.mark.parametrize(
    "text",
    [
        # The call to stop waved away, or put in others' mouths and then answered: it sides with the words.
        "「外国人は出ていけ」と切り捨てないでください、なんて綺麗ごとです。",
        "「外国人は出ていけ」と言わないでください、と言う人がいますが、出ていくべきです。",
        "「外国人は出ていけ」と言わないでください、と言う人がいますが、違います。",
        "「外国人は出ていけ」と言わないでくださいと求める声もありますが、出ていくべきです。",
    ],
)
def test_call_off_waved_away_or_answered_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「外国人は出ていけ」と言わないでください、と専門家は訴えています。",
        "「うつ病は甘え」と決めつけないでください、と医師は話します。",
        "「外国人は出ていけ」と切り捨てないでください。",
    ],
)
def test_call_off_reported_from_others_passes(text: str) -> None:
    assert CODE not in codes(text)
