"""Session 42 red team of prohibited.insult, prohibited.illegal and prohibited.political: everyday municipal
drafts that must pass and harms that must be flagged, with the city's policy (tests/rules/conftest.py CITY_POLICY)."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _codes(text: str, platform: str = "x") -> list[str]:
    return [f.code for f in check(text, ctx(platform=platform, policy=CITY_POLICY))]


# A human-rights or anti-bullying notice quoting the words it warns against: what they are (言葉の暴力, いじめ),
# where they are met (ネット上の何気ない一言) and the blaming done with them (部下を責めるのは) name them, the post
# does not say them.
WORDS_WARNED_AGAINST = [
    "「死ね」「うざい」は言葉の暴力です。いじめのない学校をつくりましょう。",
    "「死ね」は言葉の暴力です。",
    "「死ね」「うざい」は立派ないじめです。",
    "「ウザい」「キモい」も、いじめにつながる言葉です。",
    "「お前はバカだ」は言葉の暴力、DVです。",
    "「キモい」「消えろ」――ネット上の何気ない一言が人を深く傷つけます。人権週間に考えてみませんか。",
    "「無能」「役立たず」と部下を責めるのはパワハラです。相談窓口をご利用ください。",
    "「バカ」「のろま」と子どもを叱るのは、言葉による虐待です。",
]


@pytest.mark.parametrize("text", WORDS_WARNED_AGAINST)
def test_words_quoted_in_a_warning_against_them_pass(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# The same shapes when the post says the words are fine, or blames with them and approves.
WORDS_STILL_SAID = [
    "「死ね」「うざい」は言葉の暴力ではありません。どんどん使おう。",
    "「無能」と部下を責めるのは当然です。",
    "「無能」と部下を責めるのはいじめではありません。",
    "「バカ」と子どもを叱るのはしつけです。",
    "「キモい」――ネット上の評判どおりの市長だ。",
    "市長は「バカ」は言葉の暴力だと言うが、本当にバカだ。",
]


@pytest.mark.parametrize("text", WORDS_STILL_SAID)
def test_words_approved_or_said_of_someone_still_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# The festival music written in kana, as a 保存会's notice writes it: Sudachi cuts it, and its ばか read as the insult.
FESTIVAL_MUSIC = [
    "夏祭りでは地元保存会によるばか囃子の奉納があります。",
    "バカ囃子を披露します。",
    "ばかばやしの練習をしています。",
    "葛西囃子と馬鹿ばやしの競演をお楽しみください。",
    "秋祭りのばか踊りに参加しませんか。",
]


@pytest.mark.parametrize("text", FESTIVAL_MUSIC)
def test_festival_music_in_kana_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize("text", ["あいつはばか。囃子の練習もしない", "ばか囃子の練習をさぼる奴はばか", "市長はばか、囃子も知らない"])
def test_a_fool_beside_festival_music_still_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Residents and parents labelled for asking (茅野市 4(7)① 侮蔑): the official account looks down on those it serves.
LABELLED_FOR_ASKING = [
    "クレーマーの市民には困ったものです。",
    "こんな苦情を言ってくるのはモンスタークレーマーだけです。",
    "窓口に来るのはクレーマーばかり。",
    "最近の保護者はモンスターペアレントばかりで困ります。",
    "クレーマーの市民の対応には困ったものです。",
    "クレーマーの市民には困ったものです。相談窓口はこちら。",
]


@pytest.mark.parametrize("text", LABELLED_FOR_ASKING)
def test_residents_called_claimers_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Customer-harassment training and the consultation desk name the word; so does a film's title.
CLAIMERS_NAMED = [
    "悪質クレーマー対策の職員研修を行いました。",
    "カスタマーハラスメント（カスハラ）から職員を守るため、悪質なクレーマーへの対応方針を定めました。",
    "クレーマーと思われるのでは、と遠慮せずご相談ください。",
    "「クレーマー」と呼ばれた経験はありませんか。",
    "クレームとクレーマーの違いを学ぶセミナーを開催します。",
    "名作映画『クレーマー、クレーマー』の上映会を開催します。",
]


@pytest.mark.parametrize("text", CLAIMERS_NAMED)
def test_claimers_named_in_training_or_a_title_pass(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# Illegal acts allowed or urged without their names (茅野市 4(7)④ 違法行為を煽る情報): speeding, doing without a permit,
# a drink or a smoke for the young.
UNNAMED_ACTS_URGED = [
    "スピード出しても平気ですよ、このあたりはパトカーいないので。",
    "スピードを出しても大丈夫です。",
    "10キロオーバーくらいなら大丈夫。",
    "制限速度を超えても、空いていれば平気です。",
    "無許可でドローンを飛ばそう！",
    "無許可で露店を出しても平気です。",
    "無許可のまま営業を続けましょう。",
    "未成年でも一杯くらいなら大丈夫！",
    "未成年でも一杯だけならいいよ",
    "高校生でも一服くらい平気。",
    "無免許でも運転して平気、この辺は警察いないから。",
]


@pytest.mark.parametrize("text", UNNAMED_ACTS_URGED)
def test_unnamed_illegal_acts_urged_fire(text: str) -> None:
    assert "prohibited.illegal" in _codes(text), text


# Warnings against the same acts, what needs no permit, speed where it is no offence, and the act seen and reported.
UNNAMED_ACTS_NOT_URGED = [
    "この道路はスピードを出しすぎないよう注意してください。",
    "スピードを出しても大丈夫な道はありません。",
    "スピードを出しても大丈夫、という油断が事故を招きます。",
    "「スピードを出しても平気」は大きな間違いです。",
    "下り坂ではスピードを出しても平気と思っていませんか？",
    "そり遊びはスピードを出しても大丈夫なように、柵を設置しました。",
    "スキー場ではスピードを出しても大丈夫なコースもあります。",
    "ウォーキングはスピードを上げても大丈夫です。",
    "無許可の露店は禁止です。",
    "無許可で営業する業者にご注意ください。",
    "無許可でのドローン飛行は法律違反です。",
    "無許可でも営業できる時代は終わりました。",
    "許可なしでも撮影OKです。",
    "公園での個人の撮影は許可なしで大丈夫です。",
    "100g未満のドローンなら無許可でも飛ばして大丈夫です。",
    "未成年でも一杯のかけそばを楽しめます。",
    "子どもでも一杯食べられる量です。",
    "子どもでも一杯くらいなら大丈夫です（ノンアルコール甘酒）。",
    "ごみの不法投棄を見つけたら、写真を撮って市に送ることができます。",
    "路上駐車を見かけたら、警察へ情報提供できます。",
]


@pytest.mark.parametrize("text", UNNAMED_ACTS_NOT_URGED)
def test_unnamed_acts_warned_against_or_lawful_pass(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


def _political(text: str) -> list[str]:
    return [text[f.start : f.end] for f in check(text, ctx(policy=CITY_POLICY)) if f.code == "prohibited.political"]


# A person asked for, named right after the election as the topic, and a party's slogan that stops at its name
# (上越市 5 前提となる考え方: 公平・中立性).
ELECTION_ASKED_FOR = [
    "次の選挙では山田太郎さんをよろしくお願いします。",
    "市長選では山田太郎さんをよろしく！",
    "今度の市長選挙は、ぜひ山田太郎さんにお願いします。",
    "市長選は山田太郎で決まり！",
    "選挙の際は、ぜひ山田太郎をよろしくお願いします。",
    "選挙ではぜひ中川幹太をよろしく",
    "知事選は花角英世さんにお願いしたい",
    "選挙では山田さんをどうぞよろしくお願いします。",
    "次の選挙も、中川幹太をよろしくお願いします！",
    "選挙では佐藤をよろしくお願いします、と言われました。私からもお願いします。",
    "比例は公明党へ。",
    "選挙は自民党に。",
    "比例は公明党へ、選挙区は山田太郎へ。",
]


@pytest.mark.parametrize("text", ELECTION_ASKED_FOR)
def test_a_person_or_party_asked_for_in_an_election_fires(text: str) -> None:
    assert _political(text), text


def test_a_person_asked_for_is_one_finding() -> None:
    assert _political("市議選では鈴木さんに清き一票を！") == ["鈴木さんに清き一票"]


# The election's own staff and paperwork, a request made or reported, a result and the candidates listed.
ELECTION_NOTICES = [
    "選挙では係員の田中さんの指示に従ってください。",
    "選挙の開票作業では山田さんに司会をお願いします。",
    "選挙では佐藤さんにお願いしました。",
    "選挙では山田さんにお願いしています。",
    "選挙では山田さんに立会人をお願いします。",
    "市長選挙では、立会人を山田さんにお願いしています。",
    "県議選は田中さんにお願いして、ポスター掲示場を設置しました。",
    "選挙では田中さんにお願いしてあります。",
    "選挙では上越さんをよろしく",
    "県議選は高田で決まり！",
    "市長選挙では、山田太郎さん（無所属・新）、鈴木花子さん（無所属・現）の2人が立候補しました。",
    "市長選は中川幹太さんが当選しました。",
    "選挙では、ぜひ一票をよろしくお願いします。",
    "選挙では佐藤をよろしくお願いします、と言われました。",
    "選挙は山田さんにお願いしますと頼まれても、断ってください。",
    "次の選挙は自民党にお願いしますと頼まれても、断ってください。",
    "次の選挙は自民党にお願いします、と言われました。",
    "比例は公明党へ1議席が配分されました。",
]


@pytest.mark.parametrize("text", ELECTION_NOTICES)
def test_election_notices_naming_people_pass(text: str) -> None:
    assert not _political(text), text


# A neighbouring town, its people or its events run down (茅野市 4(7)①).
TOWNS_RUN_DOWN = [
    "隣の〇〇市は田舎ですね（笑）",
    "隣町のイベントはいつもしょぼいですね。",
    "隣の市は民度が低い。",
    "隣の市のイベントは、ダサいw",
    "隣の〇〇村なんて何もないところだよ",
    "となりまちは、さびれてる。",
]


@pytest.mark.parametrize("text", TOWNS_RUN_DOWN)
def test_a_neighbouring_town_run_down_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Joint events, a neighbour's sights, a reason given, the city's own modesty, and the words warned against.
TOWNS_NAMED = [
    "お隣の妙高市と合同で観光PRイベントを開催します！",
    "隣の町の花火大会も見どころ満載です。ぜひ足を運んでみてください。",
    "隣の市は田舎なので、バスの本数が少ないです。",
    "隣の市も田舎です。",
    "近隣の市町村も同様に人口が減り、寂れています。",
    "お隣の糸魚川市は、ジオパークの町です。",
    "隣の妙高市は、雪がすごい！",
    "何もないけど、何でもある町。それが上越です。",
    "上越市は田舎ですが、自然が豊かです。",
    "田舎暮らし体験ツアーの参加者を募集しています。",
    "「隣の市は田舎」なんて言わないようにしましょう。",
    "民度が低いと言われないよう、マナーを守りましょう。",
    "「民度が低い」という言葉で地域を語るのはやめましょう。",
]


@pytest.mark.parametrize("text", TOWNS_NAMED)
def test_towns_named_without_scorn_pass(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# A complaint the city answers, quoting what it was called.
COMPLAINTS_ANSWERED = [
    "市役所に「役立たず」とのご意見をいただきました。真摯に受け止め、改善に努めます。",
    "「税金泥棒」というお叱りの声もいただいています。",
    "窓口の対応について「無能」とのご指摘がありました。職員研修を徹底します。",
]


@pytest.mark.parametrize("text", COMPLAINTS_ANSWERED)
def test_a_complaint_quoted_in_the_answer_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize("text", [
    "「役立たず」とのご意見に同感です。",
    "「役立たず」とのご意見、その通りです。",
    "「役立たず」との声がある職員は、まさに役立たずだ。",
])
def test_a_complaint_agreed_with_still_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# A dialect lesson on what a word means, and vegetable scraps in a recipe.
WORDS_TAUGHT_OR_SCRAPS = [
    "方言講座：「ばか」は新潟弁で「とても」の意味です。",
    "「だらず」は鳥取の方言で「ばか」という意味です。",
    "大根の葉っぱやくず野菜でつくる簡単スープのレシピです。",
]


@pytest.mark.parametrize("text", WORDS_TAUGHT_OR_SCRAPS)
def test_a_dialect_lesson_and_scraps_pass(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize("text", [
    "「ばか」は新潟弁で市長のことです。",
    "「だらず」は「ばか」という意味で、市長にぴったりです。",
    "市長はくず。野菜も食べない",
])
def test_a_taught_word_laid_on_someone_still_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# The word set aside with 「なんて」 in the advice not to say it.
@pytest.mark.parametrize("text", [
    "「バカ」なんて言わないで。優しい言葉で話そう。",
    "「死ね」なんて、絶対に言ってはいけません。",
    "「キモい」なんか言わないようにしよう。",
])
def test_a_word_not_to_be_said_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize("text", [
    "「バカ」なんて、市長にぴったりの言葉だ。",
    "「バカ」なんて生ぬるい。市長は「大バカ」だ。",
    "「バカ」なんて言わないで、はっきり「死ね」と言ってやれ。",
])
def test_a_word_set_aside_for_worse_still_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# A shelter's floor, a body part gone numb and a proverb.
@pytest.mark.parametrize("text", [
    "避難所ではザコ寝になることがあります。毛布をお持ちください。",
    "避難所ではざこ寝になります。",
    "暑さで体がバカになる前に、こまめな水分補給を。",
    "においに慣れて鼻がバカになると、ガス漏れに気づきにくくなります。",
    "昔の人は「馬鹿と煙は高いところへ上る」と言いました。",
])
def test_shelter_floor_numbness_and_a_proverb_pass(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize("text", ["市長の頭がバカになった", "議員はザコ", "ザコ議員は黙ってろ", "市長はバカ殿だ。"])
def test_the_same_words_said_of_people_still_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Those present all called stupid, in polite words.
@pytest.mark.parametrize("text", ["住民説明会の反対派は、頭の悪い人ばかりでした。", "窓口に来るのは頭の悪い連中だらけ。", "頭の悪い人ばっかり"])
def test_all_of_them_called_stupid_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize("text", [
    "頭の悪い子ばかりではありません。一人ひとりに合った学び方があります。",
    "頭の悪い人ばかりが損をする、ということはありません。",
    "「頭の悪い人ばかり」という書き込みは許されません。",
])
def test_all_of_them_called_stupid_denied_or_reported_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# Review: a city's own customer-harassment posts and job openings name the word for the task, not for the residents:
# 「クレーマー対応」「クレーマーへの対応」 and a policy's 悪質・不当・理不尽・毅然・守る・録音.
CLAIMERS_AS_THE_TASK = [
    "【職員募集】窓口業務（クレーマー対応あり）の会計年度任用職員を募集します。",
    "不当要求やクレーマーへの対応について、警察OBの職員を配置しました。",
    "市では、いわゆる「クレーマー」への対応方針を定めました。",
    "理不尽な要求をするクレーマーから職員を守るため、通話録音を始めます。",
    "悪質なクレーマーによる長時間の電話には、30分を目安に対応を終了します。",
    "市職員を守るため、不当な要求を繰り返すクレーマーには毅然と対応します。",
    "教職員向けに「保護者対応の手引き」を作成しました。モンスターペアレントという言葉は使っていません。",
    "教員のモンスターペアレントへの対応を支援するため、スクールロイヤーを配置します。",
    "クレーマー化を防ぐには、初期対応が大切です。",
    "「クレーマー」と「正当な苦情」は違います。ご意見は大切に受け止めます。",
    "窓口での暴言や威圧的な態度は、クレーマー行為として警察に通報します。",
]


@pytest.mark.parametrize("text", CLAIMERS_AS_THE_TASK)
def test_claimers_named_as_the_staffs_task_pass(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "クレーマーの住民が今日も来ました。",
        "保護者会はモンスターペアレントの集まりです。",
        "市民はクレーマー、と呼ぶしかありません。",
        "クレーマー住民の相手は疲れますね（笑）",
    ],
)
def test_residents_called_claimers_beside_no_policy_still_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Review: a bowl or the first helping for the young is food, not the drink or the smoke.
@pytest.mark.parametrize(
    "text",
    [
        "未成年でも一杯のかけそばは大丈夫です。",
        "中学生でも一杯目のラーメンなら大丈夫！大盛り無料です。",
        "子どもでも1杯目は無料なので大丈夫です。",
        "高校生でも一服の抹茶なら大丈夫です。",
    ],
)
def test_a_bowl_or_the_first_helping_for_the_young_passes(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


@pytest.mark.parametrize("text", ["未成年でも1杯ならOK！", "高校生でももう一杯くらい大丈夫"])
def test_a_glass_for_the_young_still_fires(text: str) -> None:
    assert "prohibited.illegal" in _codes(text), text


# Review: speed made safe for or met where it is no offence, and the law's exceptions told as such.
@pytest.mark.parametrize(
    "text",
    [
        "高速道路では、スピードを出しても大丈夫なように車間距離をしっかりとりましょう。",
        "市民スケートリンク：スピードを出しても大丈夫なレーンを設けました。",
        "ゲレンデでスピードを出しても大丈夫な人は上級者コースへ。",
        "少量なら無許可でも販売して大丈夫な場合があります。保健所にご確認ください。",
        "自宅の庭なら、無許可でドローンを飛ばしても大丈夫な場合があります。",
    ],
)
def test_speed_made_safe_for_and_exceptions_told_pass(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "この峠道はスピード出しても平気です、競争しよう！",
        "多少スピードを出してもOK、ここは田舎道です。",
        "無許可で露店を出しても大丈夫な場所です。どんどん出店しよう！",
    ],
)
def test_speed_and_no_permit_allowed_on_a_road_or_a_site_still_fire(text: str) -> None:
    assert "prohibited.illegal" in _codes(text), text


# Review: a task given to a named person at an election, and a slogan quoted from a sign or a report.
@pytest.mark.parametrize(
    "text",
    [
        "選挙では田中さんにお願いしてください。",
        "市長選挙は、山田太郎さんにお願いすることになりました（選挙管理委員会の委員長として）。",
        "比例は自民党へ、という看板が撤去されました。",
        "比例は自民党へ、というポスターが無断で貼られていました。撤去しました。",
        "県知事選は花角英世で決まりです、と報道されています。",
    ],
)
def test_a_task_given_or_a_slogan_quoted_passes(text: str) -> None:
    assert _political(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "市長選は山田太郎で決まりです！",
        "比例は自民党へ、選挙区は山田太郎へ。",
        "市長選では山田太郎さんにお願いします！",
        "比例は自民党へ、という声が広がっています。私も同じ思いです。",
    ],
)
def test_the_call_itself_still_fires(text: str) -> None:
    assert _political(text), text


# Review: the complaint answered or the abuse named, then laid on someone or allowed in the next sentence, is said.
@pytest.mark.parametrize(
    "text",
    [
        "「税金泥棒」というお叱りの声をいただいています。議員の皆さんのことです。",
        "「役立たず」とのご意見をいただきました。まったくその通りです。",
        "「死ね」「うざい」は言葉の暴力です。でも市長には言っていい。",
        "「クズ」は言葉の暴力です。でも市長には使ってもいい。",
    ],
)
def test_a_complaint_or_named_abuse_laid_on_someone_next_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Review: the same answered with a modifier, and the advice not to say or write the word, spoken plainly.
@pytest.mark.parametrize(
    "text",
    [
        "「役立たず」との厳しいご意見もいただきました。改善に努めます。",
        "「税金泥棒」というお叱りの声をいただいています。真摯に受け止めます。",
        "「死ね」「うざい」は言葉の暴力です。いじめのない学校をつくりましょう。",
        "「バカ」なんて言っちゃダメだよ。",
        "「死ね」なんて、冗談でも書き込まないでください。",
    ],
)
def test_a_complaint_answered_or_a_word_not_to_be_written_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# Review: the allowance named as a thought to drop (「…、という考えは捨てましょう」) describes the belief.
@pytest.mark.parametrize(
    "text",
    [
        "10キロオーバーくらいなら大丈夫、という考えは捨てましょう。",
        "赤信号でも渡っても大丈夫、という考えは捨てましょう。",
        "無免許でも運転して大丈夫、という考えは捨ててください。",
    ],
)
def test_an_allowance_named_as_a_thought_to_drop_passes(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


# Review: regards sent to a named person at an election are no request for a vote.
@pytest.mark.parametrize(
    "text", ["選挙の際は、松本さんによろしくお伝えください。", "市長選では、山田太郎さんによろしく伝えてください。"]
)
def test_regards_sent_at_an_election_pass(text: str) -> None:
    assert _political(text) == [], text


def test_a_person_asked_for_with_regards_words_still_fires() -> None:
    assert _political("選挙の際は、松本太郎さんによろしく！")
