"""Session 43 red team of prohibited.insult, prohibited.illegal and prohibited.political: everyday municipal
drafts that must pass and harms that must be flagged, with the city's policy (tests/rules/conftest.py CITY_POLICY)."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _codes(text: str, platform: str = "x") -> list[str]:
    return [f.code for f in check(text, ctx(platform=platform, policy=CITY_POLICY))]


# バカみたいに・アホみたいに before what is done or how it is, and くそ before an adjective: vulgar "very" said of the
# weather, a crowd or a dish, no one called a fool.
VULGAR_VERY = [
    "雪がバカみたいに降っていますね",
    "今日はバカみたいに暑いので、熱中症に気をつけてください。",
    "バカみたいに雪が積もりました。屋根の雪下ろしは二人以上で。",
    "アホみたいに混んでいます。時間をずらしてご来場ください。",
    "このラーメン、バカみたいにうまい！",
    "くそ暑い夏も",
    "くそ寒い朝でも、除雪車は走っています。",
    "クソ忙しい年末ですが、健康診断はお早めに。",
]


@pytest.mark.parametrize("text", VULGAR_VERY)
def test_vulgar_very_of_no_one_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# The same words with a person in the sentence, or said as what someone is, or before a verdict on someone's work.
FOOL_STILL_CALLED = [
    "あの議員はバカみたいに威張っている",
    "山田はアホみたいに怒鳴る",
    "あいつらバカみたいに騒いでる",
    "バカみたいに議員が騒いでいる",
    "バカみたいな市長だ",
    "お前はバカみたいだ",
    "市長はクソ長い話をする",
    "〇〇商店の料理はクソまずい",
    "クソダサいポスターを作った職員",
    "窓口の職員はクソ遅い",
    "くそみたいな意見だ",
    "あいつはくそだ",
]


@pytest.mark.parametrize("text", FOOL_STILL_CALLED)
def test_fool_or_scorn_of_someone_still_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# A play's famous line quoted with the play or its writer named after it or as the line before it (a 公民館's reading,
# a theatre's notice): the words are the play's, no one is told to vanish.
PLAY_LINES = [
    "「消えろ、消えろ、束の間の灯火」シェイクスピア劇",
    "シェイクスピア『マクベス』の名台詞「消えろ、消えろ、束の間の灯火」を朗読します。",
    "市民劇団による朗読劇「マクベス」を上演します。「消えろ、消えろ、束の間の灯火」の名台詞をお聞きください。",
    "「消えろ、消えろ、束の間の灯火」（シェイクスピア『マクベス』より）",
    "「消えろ、消えろ、束の間の灯火」シェイクスピアの戯曲『マクベス』の一節です。",
]


@pytest.mark.parametrize("text", PLAY_LINES)
def test_a_plays_line_quoted_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# A line named so with no work about it, or said to someone, or a 劇団 that is no play.
LINES_STILL_SAID = [
    "「消えろ」と劇団員に言われた。お前が消えろ。",
    "市長の名言「バカ野郎」",
    "名台詞「バカ野郎」は市長にぴったりだ。",
    "「市長はバカだ」山田",
    "「消えろ、クズ」と市長に言いたい。",
]


@pytest.mark.parametrize("text", LINES_STILL_SAID)
def test_a_line_of_no_play_still_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# A 選挙管理委員会's appointments: the polls' staff named after 投票管理者・投票事務, no one voted for.
POLLS_STAFF = [
    "市長選挙の投票管理者は山田太郎さんにお願いしています",
    "投票事務は山田花子さんが担当します。",
    "期日前投票所の投票立会人は田中一郎さんです。",
    "山田さん（投票管理者）が投票箱を確認しました。",
]


@pytest.mark.parametrize("text", POLLS_STAFF)
def test_the_polls_staff_named_pass(text: str) -> None:
    assert "prohibited.political" not in _codes(text), text


VOTES_STILL_ASKED = [
    "山田太郎さんに投票しよう",
    "投票日には山田太郎さんに一票を",
    "山田太郎さんへの投票をお願いします",
    "投票所では山田太郎さんに投票してください",
    "市長選挙では山田太郎候補に投票を！",
]


@pytest.mark.parametrize("text", VOTES_STILL_ASKED)
def test_a_vote_for_a_name_still_fires(text: str) -> None:
    assert "prohibited.political" in _codes(text), text


# A prejudice told as what others think, through the copula (だと思われがち), to be answered: the post says nothing of
# anyone.
CONTEMPT_THOUGHT_BY_OTHERS = [
    "頭の悪い人ばかりだと思われがちですが、そんなことはありません",
    "スマホが苦手な人は頭の悪い人ばかりだと言われますが、違います。",
]


@pytest.mark.parametrize("text", CONTEMPT_THOUGHT_BY_OTHERS)
def test_contempt_told_as_others_thought_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


CONTEMPT_STILL_SAID = [
    "頭の悪い人ばかりだと思います",
    "〇〇町の住民は頭の悪い人ばかりだと言える",
    "反対派は頭の悪い人ばかりだと言っても過言ではない",
    "住民説明会の反対派は、頭の悪い人ばかりでした",
]


@pytest.mark.parametrize("text", CONTEMPT_STILL_SAID)
def test_contempt_said_by_the_post_still_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Contempt in words no list holds (茅野市 4(7)① 侮蔑・不敬): people or their opinions likened to rubbish or vermin, those
# at the counter found a nuisance, a head called empty, a shop's food run down, officials or the imperial family told
# they are not wanted, a neighbouring town laughed at, residents all labelled クレーマー whatever else the sentence says.
CONTEMPT_IN_PLAIN_WORDS = [
    "ゴミみたいな意見は受け付けません",
    "ゴミのような意見ばかりで困ります",
    "ゴミみたいな議員は辞めてほしい",
    "くず野菜みたいな議員ばかりです",
    "生ゴミみたいな連中",
    "虫けらのような市民",
    "ウジ虫みたいな奴ら",
    "窓口に来る年寄りはめんどくさい",
    "窓口に来る年寄りは本当にめんどくさい",
    "問い合わせてくる市民は面倒くさいです",
    "電話してくる客ってうっとうしい",
    "〇〇議員は脳みそ空っぽ",
    "〇〇議員は脳みそ空っぽですね",
    "あの市長、脳ミソが空っぽだ",
    "〇〇商店の料理はまずくて食べられたものではありません",
    "〇〇商店のラーメンは食えたもんじゃない",
    "あの店の料理は到底食べられたものではない",
    "天皇なんかいらない",
    "天皇なんていらない",
    "皇室なんかいらない",
    "皇室なんて不要",
    "市長なんかいらない",
    "議員なんていらない、全員クビだ",
    "お隣の〇〇町は田舎すぎて笑える",
    "隣の〇〇市は何もなさすぎて笑える",
    "隣町のイベントはしょぼくてウケる",
    "悪質なクレーマーの市民ばかりで困ります",
    "悪質なクレーマーばかりで困ったものです",
    "最近の保護者は理不尽なモンスターペアレントだらけです",
    "「市長なんかいらない」という意見に賛成です",
]


@pytest.mark.parametrize("text", CONTEMPT_IN_PLAIN_WORDS)
def test_contempt_in_plain_words_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# The same words of harm done to animals, of scraps, of a task, of a dance, of a crop eaten, of a holiday, of a voice
# received, of the city's own town, and of a fair answer to customer harassment.
SAME_WORDS_OF_NO_ONE = [
    "「ゴミのように捨てられる命をなくしたい」保護犬の譲渡会を開きます。",
    "ゴミのような扱いを受けてきた動物たちに、新しい家族を。",
    "ごみのような小さなプラスチックも、海の生き物には危険です。",
    "くず野菜みたいな切れ端も、スープにすれば立派な一品。",
    "スマホが苦手な人は、アプリの登録が面倒くさいですよね。そんな方のために窓口で手伝います。",
    "確定申告は面倒くさい、と感じる方も多いのでは。e-Taxなら簡単です。",
    "高齢者の方は、手続きが面倒くさいと感じることもあるかもしれません。",
    "頭を空っぽにして踊ろう！盆踊り大会",
    "瞑想で頭が空っぽになる体験をしませんか。",
    "畑の作物は、クマに食べられたものではなく、サルの被害とみられます。",
    "カビが生えたパンは食べないでください。",
    "天皇誕生日の祝日は、市役所の窓口はお休みです。",
    "天皇制の歴史を学ぶ講演会を開催します。",
    "遠慮なんかいらないので、気軽に相談してください。",
    "市長なんか、と思わずに、市長への手紙をお寄せください。",
    "「市長なんかいらない」という声もいただきましたが、市政への率直なご意見として受け止めます。",
    "お隣の妙高市と合同で、観光PRイベントを開催します。",
    "隣の市は田舎なので、バスの本数が少ないです。",
    "うちの町は田舎すぎて笑えるほど星がきれいです。",
    "悪質なクレーマーばかりではありません。ほとんどの方は正当なご意見です。",
    "悪質なクレーマー行為には毅然と対応します。",
    "カスハラ対策：悪質なクレーマーへの対応マニュアルを作成しました。",
    "「年寄りは死んでもいい」という書き込みがありました。人権を傷つける書き込みは削除を要請しています。",
]


@pytest.mark.parametrize("text", SAME_WORDS_OF_NO_ONE)
def test_the_same_words_of_no_one_pass(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# A slogan for a person with its verb left off, parties formed or renamed by 2026, and a party's name kept back with
# a drafter's stand-in: each a call to vote whichever name it is.
CALLS_FOR_A_NAME = [
    "次の市議選は、鈴木花子さんを！",
    "次の市長選は山田太郎さんを！",
    "市長選は山田太郎さんに！",
    "△△党を応援しています",
    "〇〇党に投票しよう",
    "○○党を支持します",
    "××党をよろしくお願いします",
    "減税日本を応援しています",
    "チームみらいに投票しよう",
    "中道改革連合を応援しています",
    "比例は中道へ",
    "参政党を応援しています",
    "日本保守党を応援しています",
    "れいわ新選組を応援しています",
    "社民党を応援しています",
    "国民民主党を応援しています",
    "次の選挙は〇〇党にお願いします",
]


@pytest.mark.parametrize("text", CALLS_FOR_A_NAME)
def test_a_call_for_a_name_fires(text: str) -> None:
    assert "prohibited.political" in _codes(text), text


# A 選挙管理委員会's notices in an election period, a short name that is also a place or a runner, a sweet tooth.
ELECTION_NOTICES_AND_LOOKALIKES = [
    "【選挙管理委員会】12月14日（日）は上越市長選挙の投票日です。",
    "市議会議員選挙の立候補予定者説明会を11月20日に開催します。",
    "候補者説明会には、立候補予定者または代理人が出席してください。",
    "期日前投票は12月8日から、市役所本庁舎1階で行っています。",
    "比例代表選挙では、政党名または候補者名を書いて投票します。",
    "甘党の皆さんを応援します！スイーツフェア開催中。",
    "中道地区の皆さん、除雪へのご協力をお願いします。",
    "中道さんを応援しています！上越マラソンで3位入賞。",
    "市長選では、投票所の係員の指示に従ってください！",
    "次の選挙は、投票所入場券をお持ちください！",
    "選挙では、ぜひ投票を！",
    "市議選は、12月14日投票です！",
    "市長選挙は、12月7日告示です！",
    "市議選は山田さんを中心に準備を進めています！",
]


@pytest.mark.parametrize("text", ELECTION_NOTICES_AND_LOOKALIKES)
def test_election_notices_and_lookalikes_pass(text: str) -> None:
    assert "prohibited.political" not in _codes(text), text


# The act's leavings or the fight against it named, in a clean-up's or a patrol's notice: no act is called harmless.
ACT_AS_A_THING = [
    "ポイ捨てごみを拾うボランティアは、軍手がなくても大丈夫です。",
    "ポイ捨てごみを拾うボランティアは、軍手がなくても問題ありません。",
    "不法投棄された家電の回収は無料なので、申し込みは電話でも問題ありません。",
    "ポイ捨て防止のパトロールは、雨天でも問題ありません。",
]


@pytest.mark.parametrize("text", ACT_AS_A_THING)
def test_the_acts_leavings_or_the_fight_against_it_pass(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


@pytest.mark.parametrize("text", ["ポイ捨てごみをポイ捨てしても大丈夫です", "不法投棄された場所にさらに不法投棄しても大丈夫です"])
def test_the_act_itself_beside_its_leavings_still_fires(text: str) -> None:
    assert "prohibited.illegal" in _codes(text), text


# An act called harmless (問題ありません・構いません), and tax or benefit fraud in plain words (売上を少なく書いても
# バレません): 茅野市 4(7)④ 違法行為を煽る情報.
ACTS_CALLED_HARMLESS = [
    "少しくらいのポイ捨ては問題ありません",
    "ちょっとくらいのポイ捨てなら問題ない",
    "多少のスピード違反は問題ありません",
    "路上駐車は少しの時間なら構いません",
    "確定申告で売上を少なく書いてもバレません",
    "所得をごまかしてもバレないですよ",
    "過少申告してもバレません",
    "少しくらいの不法投棄はかまいません",
]


@pytest.mark.parametrize("text", ACTS_CALLED_HARMLESS)
def test_an_act_called_harmless_fires(text: str) -> None:
    assert "prohibited.illegal" in _codes(text), text


# Warnings that name the same words as a mistake or a penalty, and 問題ありません of anything else.
HARMLESS_OF_ANYTHING_ELSE = [
    # 問題ありません・構いません of what is done about the act (an anti-fraud or a 野焼き notice), not of the act.
    "詐欺の電話がかかってきても、すぐに切れば問題ありません。",
    "詐欺かなと思ったら、電話を切っても構いません。",
    "万引きを見かけたら、お店の人に知らせるだけで構いません。",
    "詐欺の電話に出てしまっても、お金を払わなければ問題ありません。",
    "違法駐車の車を見つけたら、ナンバーをメモしていただくだけで構いません。",
    "闇バイトに応募してしまっても、今からでも警察に相談すれば問題ありません。",
    "野焼きは、届け出をすれば問題ありません。",
    "スピード違反の反則金は、コンビニで払っても構いません。",
    "薬物の相談は匿名でも構いません。",
    "詐欺被害の相談は、電話でもメールでも構いません。",
    "ポイ捨ては条例で禁止されています。見つけたら市にご連絡ください。",
    "ポイ捨てをしても問題ないと思っていませんか？条例で過料の対象です。",
    "「少しくらいのポイ捨ては問題ない」という考えは間違いです。",
    "確定申告の期限は3月15日です。売上の計上漏れにご注意ください。",
    "売上を少なく申告すると、過少申告加算税がかかります。",
    "所得を少なく書いてもバレない、という誤った情報にご注意ください。",
    "不正受給が判明した場合は、全額返還していただきます。",
    "雨天でも問題ありません。体育館で開催します。",
    "駐車場は無料です。長時間の駐車も問題ありません。",
    "スピード違反の取り締まりを強化します。",
]


@pytest.mark.parametrize("text", HARMLESS_OF_ANYTHING_ELSE)
def test_harmless_said_of_anything_else_or_warned_passes(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


# Red team of this session's own additions: the same contempt spaced out or said as what someone is, and a head
# called empty with の.
@pytest.mark.parametrize(
    "text",
    ["ゴミ みたいな意見は受け付けません", "あんな議員はゴミ同然です", "不法投棄する人はゴミだ", "〇〇議員の頭は空っぽ"],
)
def test_contempt_spaced_or_said_as_what_someone_is_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "生ごみは水を切ってから出してください。",
        "ごみを出す人は、分別のルールを守ってください。",
        "不法投棄されたものは粗大ごみです。",
        "燃やすごみの日は、月曜日です。収集する人は大変です。",
        "子どもの頭の中は、遊びのことでいっぱいです。",
    ],
)
def test_rubbish_and_heads_of_no_one_pass(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# The slogan with the candidate named as the sitting one (現職の), not the 選挙管理委員会's 現職と新人.
def test_a_candidate_named_as_the_sitting_one_fires() -> None:
    assert "prohibited.political" in _codes("市長選は、現職の中川さんを！")


@pytest.mark.parametrize("text", ["市長選は、現職と新人の一騎打ちです！", "市長選は、新人の受付を12月7日に行います！"])
def test_the_sitting_and_the_new_of_an_election_notice_pass(text: str) -> None:
    assert "prohibited.political" not in _codes(text), text


@pytest.mark.parametrize(("text", "word"), [("あんな議員はゴミ同然です", "ゴミ同然"), ("外国人はゴミです。", "ゴミ")])
def test_what_someone_is_said_to_be_is_the_finding(text: str, word: str) -> None:
    [found] = [f for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code == "prohibited.insult"]
    assert text[found.start : found.end] == word
    assert f"「{word}」" in found.message
