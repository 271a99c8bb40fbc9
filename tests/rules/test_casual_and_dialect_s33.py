"""Session 33: the casual register municipal accounts use on X and Instagram for young people and tourists
(kaomoji, net slang, 半角カナ, romaji, English/Chinese/Korean, hashtags, emoji), and the dialects of the four
guidelines' towns (上越弁, 諏訪・信州弁, 岡山弁, 山口弁). Ordinary posts must pass without a warning or an error;
insults and slurs in the same register must be stopped."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx

# Posts as the accounts write them. Some use 「ばか」「ぶち」「ぼっけぇ」「でーれー」 as "very", 「だら」「ずら」
# as endings, 「しわい」「たいぎぃ」 as dialect adjectives: none is an insult.
ORDINARY = [
    "秋吉台の紅葉、ぶちきれいじゃけぇ見に来てほしいっちゃ！ #美祢市",
    "秋芳洞の中はぶち涼しいほ。夏休みに来ちょくれ〜",
    "美祢の梨、今年もぶちうまいけぇ食べてみてぇや(*´ω｀*)",
    "今日はたいぎぃけど、窓口は通常どおり開いちょります。",
    "別府弁天池の水、しわいくらい冷たいっちゃ。",
    "道の駅みとう、週末はぶち混むけぇ早めに来られぇ。",
    "ほんまにええ天気じゃろ？秋吉台でピクニックしようや♪",
    "大正洞ってしっちょる？ぶち神秘的なんよ〜",
    "美祢線の代行バス、時刻表はこちらです。ぶち大事なお知らせじゃけぇ確認しちょってね。",
    "寒うてたいぎぃ朝じゃけど、ごみは8時までに出してくださいね(^_^;)",
    "和気の藤公園、でーれー綺麗じゃけぇ来てみられぇ！",
    "ぼっけぇ人が来とるけぇ、駐車場は臨時の方を使ってつかあさい。",
    "和気鵜飼谷温泉、ぼっけぇ気持ちええよ〜 #和気町",
    "雨じゃけぇ今日のイベントは中止です。ごめんなさいｍ(＿ ＿)ｍ",
    "そねぇなことしたらおえんよ！ごみのポイ捨てはやめてな。",
    "きびだんごもでーれーうめぇんじゃ(｀・ω・´)ゞ",
    "和気町のゆるキャラ、わけ丸じゃ！今日もがんばるけぇ応援してな〜ヽ(•̀ω•́ )ゝ",
    "夜の和気はでーれー星がきれいなんよ✨🌌✨🌌✨",
    "岡山弁講座：「おえん」は「だめ」って意味じゃ。覚えてけぇ〜",
    "上越の雪、今日もばか降ってるわ〜 除雪ありがとうございます！",
    "高田の桜、ばかきれいだこて！ #上越市 #高田城址公園",
    "笹団子、ばかうめぇすけ食べてってくんない。",
    "今日はいい天気らね〜 春日山城跡に登ってきたて。",
    "雪下ろしはしょうしいけど、安全第一でお願いします。",
    "がっつ寒いすけ、あったかくして来てくんない。",
    "謙信公祭、今年もやるこて！みんな来てくんない〜",
    "茅野の朝は寒くてずくが出ねえけど、がんばるずら。",
    "蓼科高原、今日もいい天気だに〜 #茅野市",
    "御柱祭の準備、みんなで頑張ってるだら？",
    "寒天、ずく出して作ってるでね。食べてってくりょ。",
    "ずく出して雪かきしたら、腰がごしてぇわ…",
    "八ヶ岳がよく見えるに！ハイキング日和ずら〜",
    "縄文のビーナスに会いに来てくれちょ。尖石縄文考古館で待ってるでね。",
    "草(´・ω・`) 今日のイベント、雨で中止になっちゃった…",
    "このポスター神デザインすぎん？ｗｗｗ",
    "夕焼けがエモい…📸 #上越市",
    "新しいスイーツ、ヤバいくらい美味しいです！",
    "雨でイベント中止…ぴえん🥺",
    "推しのゆるキャラに会える日！尊い…",
    "ガチで美味しいのでワンチャン並んでも食べてほしい",
    "今日の給食、ガチ神メニューでした🍛",
    "市役所の屋上から見た花火、エモすぎて草",
    "おつかれさまでした〜(｀・ω・´)ゞ",
    "ありがとうございました！ｍ(_ _)ｍ",
    "新米できたよ〜(*´▽｀*)",
    "orz 雨に負けた…でも明日は晴れるはず！",
    "Joetsu no sakura wa saikou desu! Kite kudasai ne!",
    "Minecity no Akiyoshidai wa bucchi kirei!",
    "Welcome to Joetsu! The cherry blossoms at Takada Castle are amazing this week 🌸",
    "Chino is the gateway to Yatsugatake. Enjoy hiking and hot springs!",
    "Wake town's wisteria park is insanely beautiful right now, don't miss it!",
    "The Akiyoshido cave is so cool, literally 15 degrees inside lol",
    "OMG the view from Akiyoshidai is sick!! 😍",
    "This ramen is killer, you gotta try it!",
    "欢迎来到上越市！高田城址公园的樱花非常漂亮。",
    "秋芳洞是日本最大的钟乳洞之一，欢迎参观！",
    "上越시에 오신 것을 환영합니다! 벚꽃이 정말 예뻐요.",
    "아키요시다이 정말 멋져요! 꼭 와보세요 😊",
    "@joetsu_city さん、素敵な写真ありがとうございます！",
    "#上越市 #高田城址公園 #夜桜 の写真を募集しています",
    "明日のごみ出し、忘れずにｗ",
    "ぶちアガる〜！秋吉台の山焼き、今年も見に来てな！",
    "子どもたちがぼっけぇ元気に遊んどったよ〜",
    "今日の茅野はしみるずら。路面凍結に気をつけてくりょ。",
    "エモい写真がとれたけぇ共有するっちゃ #美祢市",
    "秋吉台のカルスト、マジで地球ヤバい",
    "道の駅の新メニュー、ガチで神ってる",
    "ハロウィンイベント、仮装して来てもええんじゃよ👻🎃",
    "ゆるキャラ総選挙、投票よろしくじゃけぇ！",
    "ぶち寒いけぇ、温泉であったまってって♨",
    "上越のばかでかい雪だるま、見に来てね⛄",
    "こんにちは〜！上越市公式です(｀・ω・´)",
    "今日の一枚📷 秋芳洞の黄金柱",
    "カレーがうまいっちゃ〜",
    "このカフェのパフェ、ぼっけぇでかいんよ",
    "茅野の寒天ゼリー、ずく出して作ったでうまいに",
    "和気の柿、ぼっけぇ甘いけぇ買うてって！",
    "いたしかたないけど、明日の花火は延期じゃ",
    "この写真やばくない？？？ｗｗｗ",
    "だらだらせんで、はよ申し込んでね〜",
    "今日はでーれー暑いけぇ、熱中症に気をつけてな！",
    "おもしれぇイベントじゃけぇ来てみて〜",
    "雪かきたいぎぃ〜でもがんばる！",
    "笹団子作り体験、ばか楽しかったです！",
    "そうだら？茅野の星空はすごいら？",
    "ワイらの町、最高やろ？",
    "美祢の秋はしわいくらい長いけど、それがええんよ",
    "やべー、桜満開！！みんな来て！！",
    "神対応ありがとうございました🙇",
    "ガチ勢のみなさん、マラソン大会のエントリー開始です！",
    "キャンプ場オープン！ワンチャン星も見えるかも✨",
    "ありがとう！ありがとう！ありがとう！",
    "秋吉台ぶちすごいほ！",
    "ワクチン接種の予約、ぶち混んどるけぇ、少し待ってね",
    "はよ来んと売り切れるけぇね〜！",
    "ほいじゃあまた明日！",
    "ゆるキャラのわけ丸が「でーれーうまい！」って言うとったよ",
    "わけ丸「今日もがんばるけぇ！」",
    "みねっち「ぶちがんばるっちゃ！」",
    "上越市マスコット「雪ん子だこて！」",
    "なにしょーるん？祭りに行こうや！",
    "「こりゃあ、ぼっけぇのう」と地元の人も驚く紅葉です",
    "ぶち上げ花火大会、今夜19時から！",
    "ヤバすぎる絶景、秋吉台の朝焼け",
    "夏のキャンペーン、ワンチャンあるで！",
    "エモ散歩 in 茅野",
    "クソ暑い中お疲れさまでした",
    "マジ卍",
    "スマホ片手に、上越の街歩きを楽しもう📱",
    "(๑•̀ㅂ•́)و✧ 今日もがんばろう！",
    "(´；ω；｀) 明日で閉館です…長い間ありがとうございました",
    "( ´ ▽ ` )ﾉ おはようございます！",
    "(*^^*) 今日も一日よろしくお願いします",
    "＼(^o^)／ 新年あけましておめでとうございます！",
    "\\(^o^)/ 合格おめでとう！",
    "m(_ _)m ご迷惑をおかけしました",
    "(^ω^) 上越は今日も晴れ",
    "オワタ＼(^o^)／ 雨で中止…",
    "黙れないこともあります。",
    "もう黙れば済む話ではありません。",
    "来たわけです。",
    "ドアホンを新しくしました。",
    "くるくるパーマの髪型で参加しました。",
    "チーズ牛丼、ぶちうまいっちゃ。",
    "外国人は帰れない事情を抱えることもあります。",
    "ふるさとに帰れっちゃ嬉しいね。",
    "障害者の方も、どんどん外に出ていきんさい！",
    "外国人観光客の皆さん、気をつけて帰りんさいね。",
    "バカ真面目に取り組んでます。",
    "ばか静かな夜です。",
    "バカ丁寧な説明でした。",
    "イベントの準備がうざったいけど、がんばるずら。",
    "stupidly cheap prices? No, just fair prices!",
    "黙れんのじゃ、この祭りの話になると。",
    # The city's own event in the casual voice, asked to be shared: not a rumour passed on.
    "観桜会、今年もやります！拡散お願いします🙏",
    "今年も花火はやります！拡散お願いします",
    # A count before the group says what people do, not an order to leave.
    "During the holidays, many foreigners go home.",
    "Over New Year, most Chinese go home.",
    "Chinese tourists are welcome here!",
    "Chinese New Year festival: lanterns, dumplings and lion dance.",
    # 「stupid」 of a question, a mistake or a thing done: no one is called it.
    "Don't do anything stupid on the ice: the pond is closed.",
    "There is no stupid question: ask the tourist center anything!",
    "Avoid stupid mistakes: check the last bus before you go.",
    "Don't do stupid things near the river during the festival.",
    # A library's or 公民館's screening and book notices name works and their famous lines in 「」 as well as 『』.
    "「黙れ小僧！」の名台詞で知られる映画の上映会を開きます",
    "ドラマ「黙れ、と言われても」の上映会",
    "「黙れ小僧！」というセリフが有名な映画です。",
    "「黙れ小僧」というタイトルの本を紹介します。",
    "絵本「だまれ」を読み聞かせします。",
    "「うるさい、黙れ」という本を入荷しました。",
    "「バカ」という絵本の読み聞かせ会を開きます。",
    # Speech reported, as any short quoted insult (test_insult_reported_harm_s31.py).
    "「黙れ」と市長に言われた",
    # Session 34: 越後's ばか ("very") before a verb, and a dialect word studied as a word.
    "うちの市長、ばか張り切ってるすけ",
    "朝市、今日はばか混んでるっけ早めに来てね",
    "「たわけ」の語源を調べてみました。田を分けると家が衰えるから、という説があります。",
    "「だらず」という方言の由来を郷土資料館で紹介しています。",
    "「たわけ」の語源を調べました。市長も驚いていました。",
    # Guards of the new curses: ボケ of manzai, いじめ after the pronoun, くだらず as one verb.
    "漫才はツッコミとボケが絶妙です。",
    "あいつがいじめたと思い込まず、まず話を聞きましょう。",
    "参加者は千人をくだらず、大盛況でした。",
    # Insults listed as words, then condemned in the next sentence.
    "「死ね」「消えろ」。こうした言葉は人を深く傷つけます。",
]

# Said to a person or a group: each must be stopped (茅野市 4(7)①, 上越市 5(5)).
MISSED_BEFORE = [
    ("prohibited.insult", "議員のあいつ、ほんまにきしょいわ"),
    ("prohibited.insult", "あの職員キショい"),
    ("prohibited.insult", "あの議員、きしょすぎ"),
    ("prohibited.insult", "あの職員キッショ"),
    ("prohibited.insult", "市長うざすぎ"),
    ("prohibited.insult", "あの職員ウザすぎじゃろ"),
    ("prohibited.insult", "〇〇さん m9(^Д^)ﾌﾟｷﾞｬｰ"),
    ("prohibited.insult", "市長m9(^Д^)"),
    ("prohibited.insult", "議員さんプギャーｗｗｗ"),
    ("prohibited.insult", "アホンダラ"),
    ("prohibited.insult", "あの議員はあほんだらじゃ"),
    ("prohibited.insult", "このたわけが"),
    ("prohibited.insult", "ボケナス議員"),
    ("prohibited.insult", "市長はドアホ"),
    ("prohibited.insult", "くるくるパーの市長"),
    ("prohibited.insult", "チー牛は来るな"),
    ("prohibited.insult", "ぶち殺すぞ"),
    ("prohibited.insult", "ぶち殺してやる"),
    ("prohibited.insult", "stupid mayor"),
    ("prohibited.insult", "お前は黙れ！"),
    ("prohibited.insult", "底辺は黙れ。"),
    ("prohibited.insult", "老人は黙れ"),
    ("prohibited.discrimination", "なまぽ乙"),
    ("prohibited.discrimination", "外国人は出てけっちゃ"),
    ("prohibited.discrimination", "中国人は出ていけっちゃ！"),
    ("prohibited.discrimination", "外国人は帰れっちゃ"),
    ("prohibited.rumor", "給水をやりますって。拡散希望"),
    ("prohibited.rumor", "給水やりますと聞きました。拡散希望"),
    # 「はやります」 is 流行る, not the city's 「やります」.
    ("prohibited.rumor", "今年はインフルがはやります！拡散お願いします"),
    ("prohibited.discrimination", "Chinese go home!"),
    ("prohibited.discrimination", "Koreans are not welcome here."),
    ("prohibited.discrimination", "All foreigners, get out!"),
    # A count describes only the group it is before, and not one called with a comma.
    ("prohibited.discrimination", "Some immigrants work hard but refugees go home!"),
    ("prohibited.discrimination", "Many foreigners live here, but Chinese go home!"),
    ("prohibited.discrimination", "Most foreigners, go home!"),
    ("prohibited.insult", "You stupid foreigners!"),
    # ばか before a trait only a person has is no "very".
    ("prohibited.insult", "あの職員はバカ陰険だ"),
    ("prohibited.insult", "バカ横柄な窓口の職員"),
    ("prohibited.insult", "あいつバカ根暗"),
    ("prohibited.insult", "議員はバカ陰気"),
    # Session 34: 山陰's だらず, うざい and きしょい said roughly, ボケ as a curse, ガイジ run into the pronoun.
    ("prohibited.insult", "あいつはだらずだ"),
    ("prohibited.insult", "このだらずが"),
    ("prohibited.insult", "うぜぇ"),
    ("prohibited.insult", "市長うぜえんだよ"),
    ("prohibited.insult", "きっしょ"),
    ("prohibited.insult", "あの議員きっしょいわ"),
    ("prohibited.insult", "このボケが！"),
    ("prohibited.insult", "ボケが。"),
    ("prohibited.insult", "あいつがいじ"),
    ("prohibited.insult", "こいつがいじだろ"),
]

# The same register, already caught before session 33: kept so that a later change keeps them caught.
ALREADY_CAUGHT = [
    ("prohibited.insult", "あの職員キモい"),
    ("prohibited.insult", "あの職員ｷﾓｲ"),
    ("prohibited.insult", "市長ｳｻﾞｲ"),
    ("prohibited.insult", "キ モ い"),
    ("prohibited.insult", "議員さん、ざまぁｗｗｗ"),
    ("prohibited.insult", "あの議員、ぼっけぇあほじゃ"),
    ("prohibited.insult", "このクソ市長"),
    ("prohibited.insult", "ババアうるせぇ"),
    ("prohibited.insult", "ぶちころすぞ"),
    ("prohibited.insult", "fucking tourists"),
    # A title or a famous line exempts the quote only: the post's own words, and a quote with no work named, fire.
    ("prohibited.insult", "黙れ小僧"),
    ("prohibited.insult", "「黙れ小僧！」の名台詞で知られる映画の上映会です。黙れ小僧"),
    ("prohibited.insult", "「市長はバカだ」というタイトルでブログを書きました"),
    ("prohibited.insult", "「バカ」という本当にひどい言葉を市長が使った。"),
    ("prohibited.insult", "議員「黙れ」"),
    ("prohibited.discrimination", "あいつガイジやろ"),
    ("prohibited.discrimination", "あいつｶﾞｲｼﾞ"),
    ("prohibited.discrimination", "ガ イ ジ"),
    ("prohibited.discrimination", "あの人池沼だろ"),
    ("prohibited.discrimination", "ナマポのくせに文句言うな"),
    ("prohibited.discrimination", "ﾅﾏﾎﾟは黙ってろ"),
    ("prohibited.discrimination", "ちょんは帰れ"),
    ("prohibited.discrimination", "ﾁｮﾝは出ていけ"),
    ("prohibited.discrimination", "チ ョ ン"),
    ("prohibited.discrimination", "支那人観光客お断り"),
    ("prohibited.discrimination", "しな人多すぎ"),
    ("prohibited.discrimination", "ｷﾁｶﾞｲ"),
    ("prohibited.discrimination", "外国人お断りじゃけぇ"),
    ("prohibited.discrimination", "韓国人は出てけや"),
    # Guards of session 34's relaxations: ばか before a verb said of a fool pointed at, or measuring him; a word
    # studied and then laid on someone; insults listed and then a condemnation mocked, condoned or not theirs.
    ("prohibited.insult", "このばか働かない"),
    ("prohibited.insult", "あのバカ張り切ってる"),
    ("prohibited.insult", "バカ過ぎる市長"),
    ("prohibited.insult", "バカ晒してる"),
    ("prohibited.insult", "バカやってる職員"),
    ("prohibited.insult", "「たわけ」の語源は市長のことです"),
    ("prohibited.insult", "市長は「たわけ」の語源です"),
    ("prohibited.insult", "「たわけ」の語源を市長に教えてやれ"),
    ("prohibited.insult", "「たわけ」の語源を調べてみました。お前のことだ。"),
    ("prohibited.insult", "「たわけ」の語源は、田を分けることだそうです。まさに市長だ。"),
    ("prohibited.discrimination", "「ガイジ」の語源を調べてみました"),
    ("prohibited.insult", "市長ばか働かない"),
    ("prohibited.insult", "「死ね」「消えろ」。こうした言葉は許されないとは思いません。"),
    ("prohibited.insult", "「死ね」「消えろ」。こうした言葉は人を傷つけます（笑）"),
    ("prohibited.insult", "「死ね」。こうした言葉は許されません？"),
    ("prohibited.insult", "市長は「バカ」。このような言葉は人を傷つけます。"),
    ("prohibited.insult", "「バカ市長」。このような言葉は人を傷つけますが、事実です。"),
    ("prohibited.insult", "「死ね」「消えろ」。こうした言葉は許されない、と言う人がいますが、違います。"),
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_casual_and_dialect_posts_pass(text: str) -> None:
    found = [
        (f.code, text[f.start : f.end])
        for f in check(text, ctx(platform="x", policy=CITY_POLICY))
        if f.severity in ("warning", "error")
    ]
    assert found == [], text


@pytest.mark.parametrize(("code", "text"), MISSED_BEFORE + ALREADY_CAUGHT)
def test_insults_in_slang_and_dialect_are_stopped(code: str, text: str) -> None:
    assert code in [f.code for f in check(text, ctx(platform="x", policy=CITY_POLICY))], text


def test_words_studied_before_a_long_sentence_are_read_in_linear_time() -> None:
    # Each 「あほ」 studied in the first sentence searched the whole of the next one for the word laid on someone:
    # quadratic where the next ran on without a full stop (1.3 s at 40,000 characters).
    from bot.rules.model import RuleOptions
    from bot.rules.prohibited import insult
    from bot.rules.text import Document
    from tests.conftest import assert_stays_linear, repeated_to

    shape = "「あほ」の語源を調べ、"
    docs = {
        studied: Document(f"{studied}。{repeated_to('市の花はさくらです、', len(studied))}")
        for studied in (repeated_to(shape, n) for n in (10_000, 40_000))
    }
    for doc in docs.values():
        assert doc.tokens  # analysed before the timing, as it is once per draft

    def scan(studied: str) -> int:
        return sum(1 for _ in insult(docs[studied], ctx(), RuleOptions()))

    assert scan(repeated_to(shape, 10_000)) == 0
    assert_stays_linear(scan, shape)
