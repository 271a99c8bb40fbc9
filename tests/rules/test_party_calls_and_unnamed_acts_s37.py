"""Calls for a party and calls to break the law, found missed by a SPEC audit (session 37), with their families.

prohibited.political (上越市 5 前提となる考え方: 公平・中立性) missed 「立憲民主党へのご支援をお願いします」: a party named with
ご支援・ご協力・よろしく as the call, and every party's short name (立民, 維新, れいわ …). The posts that name parties and
must stay silent are the election commission's (政見放送, 届出), the assembly report's (「公明党の議員から質問」), and the
words that only look like a party's (「国民健康保険」「維新の志士」「共産圏」「公明正大」).
prohibited.illegal (茅野市 4(7)④) missed 「無免許でも運転しちゃおう」: an act urged without its name (driving with no
licence, smoking or drinking under twenty, crossing on red), littering (ポイ捨て), and piracy as the way to watch; the 交通安全
posts (「無免許運転は犯罪です」「飲酒運転根絶」「運転免許の自主返納」) and what needs no licence must stay silent.
ORDINARY posts must get no error and no warning; BAD posts must get their code; NEW_CATCHES are the misses, which fire
now; NEAR_MISSES are each new catch's closest ordinary wording, which must stay silent.
"""

from __future__ import annotations

from datetime import datetime

from tests.rules.conftest import JST, Corpus

# A weekday morning in the month before a House of Councillors election, when 選挙管理委員会 posts most.
NOW = datetime(2026, 6, 10, 10, 0, tzinfo=JST)
CORPUS = Corpus(NOW)


ORDINARY = [
    ("x", "【選挙管理委員会】参議院議員通常選挙の各政党の政見放送は、NHK・民放で放送されます。投票の参考にしてください。"),
    ("x", "【選挙管理委員会】比例代表には、立憲民主党など13の政党等が届出をしました。名簿は選挙公報でご確認ください。"),
    (
        "facebook",
        "【選挙公報】\n選挙公報には、自民党、立憲民主党、公明党など各党の政策が掲載されています。\n"
        "新聞折込のほか、市役所・各総合事務所でも配布しています。",
    ),
    ("x", "【市議会だより】6月定例会の一般質問では、公明党の議員から子育て支援について質問がありました。"),
    ("x", "【市議会】一般質問の録画を公開しました。自民党、共産党の各議員の質問をご覧いただけます。"),
    ("x", "【選挙管理委員会】政党への寄附は、政治資金規正法で制限されています。ご不明な点はお問い合わせください。"),
    ("x", "【国民健康保険】保険証の切り替えにご協力をお願いします。新しい資格確認書は7月中に郵送します。"),
    ("x", "【国保】国民健康保険税の納付にご協力をお願いします。口座振替が便利です。"),
    ("x", "【国民年金】国民年金保険料の免除申請は、市民課の窓口でも受け付けています。"),
    ("x", "【歴史講座】「維新の志士と高田藩」を開きます。幕末の越後を舞台に、維新の志士の足跡をたどります。"),
    ("facebook", "【歴史散歩】明治維新150年を記念して、維新の志士ゆかりの地を巡るツアーを開催します。ご参加をお待ちしています。"),
    ("x", "【公民館講座】冷戦と共産圏の暮らしをテーマに、元新聞記者の方が講演します。"),
    ("x", "【選挙管理委員会】公明正大な選挙のため、買収や戸別訪問は法律で禁止されています。"),
    ("x", "【博物館】市立民俗資料館の企画展をよろしくお願いします。"),
    ("x", "【子ども食堂】地域の子ども食堂へのご支援をお願いします。食材の寄付は社会福祉協議会で受け付けています。"),
    ("x", "【選挙管理委員会】7月5日は投票日です。皆さんの大切な一票を、ぜひ投票所で。"),
    ("x", "【市政】令和の時代にふさわしいまちづくりへのご協力をお願いします。"),
    ("x", "【選挙管理委員会】候補者や政党への寄附・応援のルールは、総務省のホームページをご覧ください。"),
    ("x", "【交通安全】無免許運転は犯罪です。運転させた人、車を貸した人も罰せられます。"),
    ("x", "【交通安全】飲酒運転根絶に向けて、夏の交通安全運動が始まります。"),
    ("x", "【高齢者の運転】運転免許の自主返納は、警察署のほか市役所の窓口でも手続きの案内をしています。"),
    ("x", "【交通安全】無免許運転の取締りを強化します。"),
    ("x", "【交通安全】特定小型原付（電動キックボード等）は、16歳以上なら免許がなくても運転できます。ヘルメットの着用に努めましょう。"),
    ("x", "【交通公園】教習所の敷地内なら、免許がなくても運転体験ができます。"),
    ("x", "【健康】たばこは二十歳になってから。二十歳未満の喫煙は法律で禁止されています。"),
    ("x", "【健康づくり】子どもでもできる、たばこの害を学ぶ教室です。"),
    ("x", "【夏まつり】未成年でも飲める甘酒を配ります。"),
    ("x", "【まちをきれいに】ポイ捨てはやめましょう。ごみは持ち帰りをお願いします。"),
    ("x", "【交通安全】赤信号でも青矢印の信号なら左折できます。"),
    ("x", "【消費生活】違法ダウンロードは犯罪です。正規版のマークを確認しましょう。"),
    ("x", "【地域交通】免許を返納しても、乗合タクシーがあるので大丈夫です。"),
    # A party's voters counted (a survey's or the commission's figures): who voted, no vote asked.
    ("x", "【選挙管理委員会】意識調査の結果、立憲民主党に投票した人の割合は20代で12%でした。"),
    ("x", "【選挙管理委員会】年代別に見ると、れいわ新選組に投票した人の割合は30代で最も高くなりました。"),
    ("x", "【選挙管理委員会】自民党へ投票した有権者は45%でした。詳しくは市のホームページをご覧ください。"),
    ("x", "【統計】調査では、自民党に投票した人が最も多く、公明党に投票した人が続きました。"),
    ("x", "【統計】前回自民党に投票していた人の4割が、今回は棄権しました。"),
]

BAD = [
    ("x", "自民党を支持しましょう。", "prohibited.political"),
    ("x", "選挙では自民党に投票しましょう。", "prohibited.political"),
    ("x", "党員の皆さま、参政党への一票をお願いします。", "prohibited.political"),
    ("x", "飲酒運転しても大丈夫です。", "prohibited.illegal"),
    ("x", "信号無視しよう！", "prohibited.illegal"),
    ("x", "万引きしちゃおう", "prohibited.illegal"),
    # A party's voters counted, and then the reader urged or judged: a call all the same.
    ("x", "自民党に投票した人の割合を増やそう！", "prohibited.political"),
    ("x", "自民党に投票した人の割合を増やしましょう。", "prohibited.political"),
    ("x", "自民党に投票した人は3割。みんなも投票しよう", "prohibited.political"),
    ("x", "自民党に投票した人は4割。よろしくお願いします", "prohibited.political"),
    ("x", "自民党に投票した方がいい。", "prohibited.political"),
    ("x", "自民党に投票した人は偉い。", "prohibited.political"),
    ("x", "前回自民党に投票した人は、今回も自民党に投票を！", "prohibited.political"),
]

NEW_CATCHES = [
    ("立憲民主党へのご支援をお願いします", "prohibited.political"),
    ("参院選は、立憲民主党へのご支援をよろしくお願いします！", "prohibited.political"),
    ("自民党へのご支援をお願いします。", "prohibited.political"),
    ("自民党にご支援を！", "prohibited.political"),
    ("共産党へのご協力をお願いします。", "prohibited.political"),
    ("公明党をよろしくお願いします！", "prohibited.political"),
    ("自民党・公明党をよろしくお願いします。", "prohibited.political"),
    ("れいわ新選組をよろしく！", "prohibited.political"),
    ("社民党をご支援ください。", "prohibited.political"),
    # The short names.
    ("立民へのご支援をお願いします", "prohibited.political"),
    ("維新に一票を！", "prohibited.political"),
    ("れいわに一票！", "prohibited.political"),
    ("国民民主をよろしく！", "prohibited.political"),
    ("公明へのご支持をお願いします。", "prohibited.political"),
    ("共産を応援してください！", "prohibited.political"),
    ("次の選挙は立民をよろしく", "prohibited.political"),
    ("比例はれいわにお願いします。", "prohibited.political"),
    ("選挙は維新へよろしく！", "prohibited.political"),
    ("無免許でも運転しちゃおう", "prohibited.illegal"),
    ("免許がなくても車で行こう！", "prohibited.illegal"),
    ("免許切れでも運転して大丈夫", "prohibited.illegal"),
    ("お酒を飲んでも運転しちゃおう", "prohibited.illegal"),
    ("たばこは二十歳前でも大丈夫", "prohibited.illegal"),
    ("未成年でもたばこを吸っちゃおう", "prohibited.illegal"),
    ("未成年でもお酒を飲んじゃおう", "prohibited.illegal"),
    ("高校生ならお酒もOK", "prohibited.illegal"),
    # Session 38: allowed for a kind of drink or tobacco (「…ならいいよ」).
    ("20歳未満でもビールならいいよ", "prohibited.illegal"),
    ("高校生でも缶チューハイならいいよね", "prohibited.illegal"),
    ("未成年でもワインなら良いでしょ", "prohibited.illegal"),
    ("二十歳前でもたばこ1本ならいいよ", "prohibited.illegal"),
    ("無免許でも原付ならいいよ", "prohibited.illegal"),
    ("未成年でも少しだけお酒ならいいよ", "prohibited.illegal"),
    ("赤信号でも渡っちゃおう", "prohibited.illegal"),
    ("赤信号でも車が来なければ渡っても大丈夫", "prohibited.illegal"),
    # A quote before the condition (review of 38): the urging was looked for past where the quote had been taken out.
    ("「急げ」赤信号でも渡っちゃおう", "prohibited.illegal"),
    ("【「夏休み」特集】未成年でもお酒を飲んじゃおう", "prohibited.illegal"),
    # The same condition in the quote first: the sentence was read at that one only, which counts the quote it is in.
    ("「ああああああああああああああああ赤信号でも」赤信号でも渡っちゃおう", "prohibited.illegal"),
    ("「毎日毎日毎日毎日毎日毎日、未成年でも」と言うけど未成年でもお酒を飲んじゃおう", "prohibited.illegal"),
    ("違法ダウンロードで映画を見よう", "prohibited.illegal"),
    ("海賊版で最新刊を読もう", "prohibited.illegal"),
    ("ポイ捨てOK", "prohibited.illegal"),
    ("ゴミはポイ捨てでOK", "prohibited.illegal"),
    ("ポイ捨てしちゃおう", "prohibited.illegal"),
]

NEAR_MISSES = [
    "自民党への支援をお願いしました。",
    "自民党にご協力をお願いする文書が見つかりました。",
    "選挙ポスター掲示場の設置について、各政党に協力を求めました。",
    "公明党にお問い合わせください。",
    "社民党に質問状を送りました。",
    "自民党への寄附はご遠慮ください。",
    "国民健康保険へのご協力をお願いします。",
    "国民の皆さまへのご協力をお願いします。",
    "国民への支援をお願いします。",
    "維新150年記念事業へのご協力をお願いします。",
    "維新祭りをよろしくお願いします。",
    "維新の志士を応援するイベントを開催します。",
    "明治維新150年を応援します。",
    "共産主義の歴史講座をよろしくお願いします。",
    "これいわれても困ります。",
    "新選組を応援しよう！",
    "無免許でも参加できる運転体験会です。",
    "免許がなくても運転できる乗り物について説明します。",
    "無免許でも運転できると思っていませんか。",
    "無免許でも運転しちゃおう、という投稿は通報してください。",
    "免許がなくても乗れるバスで、お出かけしよう。",
    "免許がなくても大丈夫なお仕事です。",
    "子どもでもOK！酒蔵見学ツアー（試飲は20歳以上）",
    "子どもでも大丈夫な、たばこの煙のないお店を紹介します。",
    "未成年でもお酒を飲んでいいと思っている人が多いようです。",
    "未成年でもたばこを買えてしまう自販機をなくしましょう。",
    # Session 38: near 「20歳未満でもビールならいいよ」. A non-alcoholic drink is no 酒類 (酒税法 第2条: 1% or more), so no
    # law is broken; the industry's advice against offering it to minors is no guideline clause of this rule.
    "20歳未満の飲酒は法律で禁止されています",
    "ノンアルコールビールなら20歳未満の方もどうぞ",
    "20歳未満でもノンアルコールビールならいいよ",
    "20歳未満でも、ビール工場の見学ならいいよ",
    "20歳未満でもビールならいいと思っていませんか？",
    "「20歳未満でもビールならいい」は間違いです。",
    "20歳未満でもビールならいいなんてことはありません。",
    "子どもでもジュースならいいよ",
    "未成年でも甘酒ならいいよ",
    "未成年でもビールならいいって本当？",
    "高校生でもビール1杯ならいいと思っている人もいますが、法律で禁止されています。",
    # 「…ならいい」 of something other than the drink or tobacco itself.
    "子どもでも楽しめます、ビールは20歳以上ならいいです。",
    "中学生でも、たばこの害を学ぶ教室ならいいですね。",
    "子どもでも、ビールのラベル作りなら良いですよ",
    "赤信号だけど、救急車は交差点に進入できます。",
    "赤信号でも横断歩道を渡る人がいて危険です。",
    "違法ダウンロードの怖さを動画で見よう。",
    "不法投棄の通報はメールでもOKです。",
]


test_ordinary_post_gets_no_error_or_warning = CORPUS.ordinary(ORDINARY)
test_bad_post_fires_its_code = CORPUS.bad(BAD)
test_misses_found_by_this_corpus_fire = CORPUS.fires(NEW_CATCHES)
test_near_misses_of_the_new_catches_stay_silent = CORPUS.silent(NEAR_MISSES)
