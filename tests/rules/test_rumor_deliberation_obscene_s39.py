"""Session 39 red team of prohibited.rumor, confidential.deliberation and prohibited.obscene: realistic municipal drafts
both ways (disaster and weather, council schedules and leaks, health, art and animals), with the city's policy
(tests/rules/conftest.py CITY_POLICY)."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx

CODES = ("prohibited.rumor", "confidential.deliberation", "prohibited.obscene")


def _codes(text: str) -> list[str]:
    return [f.code for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code in CODES]


# Ordinary posts: none of the three rules may speak. Among them the false alarms fixed this session: the city asking
# readers to spread its own post (「ぜひリポストで拡散をお願いします」, 「拡散希望」 under an event), and the words of
# protective, health and 不審者 posts (「児童ポルノの所持は…禁止」「コンドームを使わないセックスは性感染症の…」
# 「全裸の男が出没したとの通報」), and a closed meeting's outcome the city has published.
ORDINARY = [
    "ぜひリポストで拡散をお願いします",
    "ぜひリポストで拡散をお願いします！",
    "この情報の拡散にご協力ください",
    "シェア・拡散大歓迎です",
    '【大雨警報】市内に大雨警報が発表されました。土砂災害のおそれがある地域の方は、早めに避難してください。',
    '今夜遅くから明日朝にかけて、大雪となる可能性があります。車の運転はお控えください。',
    '関川の水位が上昇しています。氾濫のおそれがありますので、川には近づかないでください。',
    '台風の接近に伴い、明日は市内の公共施設を臨時休館する可能性があります。決まり次第お知らせします。',
    '災害時には、SNSでデマが広がることがあります。市や気象台の発表をご確認ください。',
    'デマに注意！不確かな情報を拡散しないでください。',
    '地震の後は、根拠のない情報が出回ることがあります。公式の情報を確認しましょう。',
    '「断水が1か月続く」という情報がSNSで出回っていますが、事実ではありません。',
    '停電の復旧には時間がかかる可能性があります。',
    '雪崩のおそれがあるため、〇〇線は通行止めとしています。',
    '気象台によると、今後も強い雨が続く見込みです。',
    '明日の最高気温は35度の予想です。熱中症に十分ご注意ください。',
    '竜巻などの激しい突風が発生するおそれがあります。',
    '【避難指示】〇〇地区に避難指示を発令しました。拡散希望',
    '避難所を開設しました。拡散をお願いします。',
    '給水車を〇〇公民館に配置しました。この情報の拡散にご協力ください。',
    'クマの目撃情報がありました。付近の方はご注意ください。拡散お願いします。',
    '行方不明の高齢者を捜索しています。お心当たりの方はご連絡ください。拡散希望',
    '余震のおそれがありますので、倒れやすい家具から離れてください。',
    '津波の心配はありません。',
    '断水は本日17時に復旧する見込みです。',
    '除雪車が通ります。路上駐車はおやめください。',
    '春らしい陽気となりました。高田城址公園の桜も見頃です。',
    '上越らしい雪景色をお届けします。',
    '噂の新メニュー、道の駅で販売開始！',
    '第20回観桜会を開催します！ぜひリポストで拡散をお願いします',
    '観桜会のお知らせです。拡散お願いします！',
    '市公式キャラクターが誕生しました！シェア・拡散大歓迎です',
    '上越市のPR動画を公開しました。ぜひ拡散してください！',
    'ボランティアを募集しています。拡散希望',
    'マラソン大会の参加者を募集中です！RT・拡散お願いします',
    '市の魅力を伝える写真コンテスト、作品募集中！ぜひ拡散を',
    '移住相談会を開催します。拡散していただけると嬉しいです。',
    '本日10時から総務常任委員会を開催します。傍聴できます。',
    '審議中の案件は、市議会ホームページでご覧いただけます。',
    '委員会の日程：3月5日 総務委員会（一部非公開の会議を含みます）',
    '人事案件は非公開の会議で審議します。',
    '市議会3月定例会の会期日程をお知らせします。',
    '本会議の様子はインターネット中継でご覧いただけます。',
    '令和8年度予算案を市議会に提出しました。',
    '市長が令和8年度当初予算案を発表しました。',
    '第3次総合計画（素案）へのご意見を募集しています。',
    '新庁舎建設基本計画（案）の市民説明会を開催します。',
    '都市計画の変更案の縦覧を行います。',
    '条例改正案が可決されました。',
    '教育委員会会議は原則公開です。人事に関する案件は非公開の会議となります。',
    '審議会の会議録を公開しました。',
    '委員会は非公開で開催されました。会議の概要は後日公表します。',
    '非公開の会議で決定した内容は、会議録として市ホームページに掲載しています。',
    '〇〇プールの再開時期は、現在内部で検討中です。決まり次第お知らせします。',
    '日程はまだ決まっていませんが、今年も花火大会を開催する予定です！',
    '開催日はまだ決まっていませんが、決まり次第お知らせします。',
    '内部情報の漏えいを防ぐため、職員研修を実施しました。',
    '職員の内部情報の持ち出しについて、再発防止策をまとめました。',
    '市長は記者会見で、学校給食費を無償化する方針を発表しました。',
    '次回の定例会では、審議中の案件について質疑が行われます。',
    '議会だより最新号を発行しました。審議した議案の結果をお知らせします。',
    '今年度の事業計画は、市ホームページで公開しています。',
    'パブリックコメントの結果を公表しました。',
    '市民の皆さんの意見を聞きながら、新しい図書館の整備について検討しています。',
    '駐車場は駅の南口の方向です。',
    '乳がん検診（マンモグラフィ）を実施します。40歳以上の女性が対象です。',
    '乳房のセルフチェックを習慣にしましょう。しこりに気づいたら早めに受診を。',
    '子宮頸がん検診の受診券をお送りしました。',
    'HPVワクチンのキャッチアップ接種は今年度末までです。',
    '性感染症の無料・匿名検査を保健所で行っています。',
    '梅毒の患者が増えています。心配な方は保健所にご相談ください。',
    'コンドームを使わないセックスは、性感染症のリスクが高まります。',
    'セーファーセックスについて学ぶ講座を開催します。',
    '市役所1階に授乳室を設置しています。',
    '母乳育児の相談を助産師がお受けします。',
    '赤ちゃんがおっぱいを飲まないときの相談にも応じます。',
    '性の多様性を考えるセミナーを開催します。LGBTQ当事者の方がお話しします。',
    'パートナーシップ宣誓制度を開始しました。',
    '同性カップルも市営住宅に申し込めるようになりました。',
    '性教育の出前授業を中学校で行いました。',
    '性暴力・性犯罪被害の相談窓口はこちら。',
    '児童ポルノの所持は法律で禁止されています。',
    'リベンジポルノの被害に悩んでいる方は、ご相談ください。',
    '児童買春・児童ポルノ禁止法について学ぶ研修を行いました。',
    'アダルト動画サイトの架空請求に注意してください。',
    '全裸の男が出没したとの通報がありました。登下校時はご注意ください。',
    '自慰について悩む思春期の子どもの相談にも応じます。',
    '前立腺がん検診のご案内です。',
    '更年期の悩み相談会を開催します。',
    '不妊治療費の助成を行っています。',
    '美術館で裸婦像の名作を展示しています。',
    'ヌードデッサン教室の参加者を募集します。',
    'ロダンの彫刻「接吻」を展示中です。',
    '春はクマの交尾期です。山に入るときは鈴を鳴らしましょう。',
    'ツキノワグマは6〜7月に交尾期を迎え、行動範囲が広がります。',
    'トキのペアが交尾する様子が確認されました。',
    '繁殖期のオスは気が荒くなります。',
    'エッチング（銅版画）の体験教室を開催します。',
    '痴漢は犯罪です。被害にあったら110番してください。',
    '盗撮は犯罪です。',
    '温泉で混浴はできません。',
    "夏祭りの開催が決定しました！\n\n拡散希望",
    "感染症予防の講座を開催します。ぜひ拡散お願いします",
    "食中毒予防のポイントをまとめました。ぜひリポストで拡散をお願いします",
    "防犯教室のお知らせ。事件に巻き込まれないためのコツを学びます。拡散お願いします！",
    "いいねと拡散お願いします！",
    "説明会を開催します。雨が降りそうですが、ぜひお越しください。拡散希望",
    "上越市の魅力を発信するPR動画を公開しました！ぜひ拡散をお願いします",
    "観桜会の夜桜ライトアップは4月10日までです。シェア・拡散大歓迎です",
    "無修正動画を見せると言われて、お金を振り込んでしまったという相談がありました。",
    "ポルノ画像を送ってきた人がいたら、保存せず、すぐに相談してください。",
    "SNSで知り合った相手に裸の画像を送らないで。リベンジポルノや性的脅迫（セクストーション）の被害が増えています。",
    "アダルト動画を見ていたら高額請求の画面が出た、という相談が増えています。",
    # An event's own terms and a prevention sentence name a [hearsay_topics] word without claiming it.
    "夏祭りを開催します。雨天の場合は中止です。拡散希望",
    "花火大会を開催します。荒天時は延期します。ぜひ拡散してください",
    "参加無料の講座を開催します。ぜひ拡散してください",
    "講座の申込みは明日までです！拡散希望",
    "マルシェを開催します。出店料は無料です。ぜひ拡散してください",
    "健康まつりでワクチン接種の相談コーナーを設けます。拡散お願いします",
    "給付金の説明会を開催します。ぜひ拡散してください",
    # How an event or a service will be held, said next to a policy word (新庁舎, 除雪計画): not the policy's
    # 意思形成過程; and the city saying it publishes a closed meeting's decisions (review of b2cbc9b3).
    "新庁舎の見学会を開催する方向で調整しています。",
    "新庁舎の見学会を開催する方向で調整中です。",
    "除雪計画に基づき、明日朝の除雪を実施する方向で調整中です。",
    "会場はまだ決まっていませんが、新庁舎のお披露目イベントを予定しています。",
    "日程はまだ決まっていませんが、新庁舎の落成式を開催します。",
    "非公開の会議で決定した事項は後日公表します。",
    "非公開の会議で決定した内容については、後日市ホームページでお知らせします。",
    # Protective posts with an offer's words: the warning or the sighting keeps them protective.
    "児童ポルノの所持は犯罪です。詳しくはこちら",
    "アダルト動画サイトの架空請求の相談はこちら",
    "不審者情報：全裸の男が出没しました。防犯カメラの画像はこちら",
    "性感染症とセックスについての動画はこちら",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_posts_pass(text: str) -> None:
    assert _codes(text) == [], text


# Rumour chains and hearsay: still told, also where the request is worded like the city's own (「ぜひリポストで拡散」)
# but the post passes on a guess, something handed on (「回ってきた情報」「知人から」), hearsay (「〜そうです」
# 「〜とのこと。」) or a frightening claim.
RUMOURS = [
    '拡散希望！〇〇で暴動が起きているらしい',
    '未確認ですが拡散してください',
    '回ってきた情報です。拡散お願いします',
    '回ってきた情報です。ぜひリポストで拡散お願いします',
    '駅前で通り魔が出ています！ぜひリポストで拡散お願いします！',
    '〇〇町の井戸に毒が入れられたって。拡散して！',
    '明日、市役所で現金の配布があるとのこと。',
    '友人から聞いた話では、明日から断水になるそうです。',
    'SNSで見たのですが、〇〇橋が崩落したようです。',
    '〇〇ダムが決壊しそうだとの噂があります。',
    '給水所で水がもうないみたいです。拡散希望',
    '明日のイベント中止になったみたいです。ぜひ拡散お願いします',
    '知人から、明日は給付金が振り込まれると聞きました。シェア・拡散大歓迎です',
    '真偽不明ですが、〇〇地区で停電が続くそうです。拡散お願いします',
    '〇〇病院で感染者が出ています。ぜひ拡散してください',
    "RT希望：明日の説明会の会場が変わったそうです",
    "説明会の会場が変わったそうです。ぜひリポストで拡散をお願いします",
    "明日、記念品がもらえるって。ぜひリポストで拡散お願いします",
    "〇〇地区で熊が出たみたい。ぜひリポストで拡散お願いします",
    "夏祭りの開催が決定しました！\n\n駅前の〇〇で爆発があったらしい。拡散希望",
    "駅前で通り魔が出ています！ご注意ください。ぜひ拡散お願いします",
    "〇〇病院で感染者が出ています。ぜひ拡散してください",
    "駅前で強盗事件がありました。防犯対策を。ぜひ拡散してください",
    "明日、市役所で現金の配布があるとのこと。ぜひリポストで拡散お願いします",
    # A [hearsay_topics] claim (中止・休校・給付金・閉鎖…) or a suspicious object next to a share request: a chain's
    # shape even when worded like the city's own request or beside an event's name (review of b2cbc9b3).
    "明日の花火大会は中止になりました！拡散希望",
    "花火大会中止！拡散お願いします",
    "夏祭りは延期になりました。拡散お願いします",
    "給付金が一人10万円出ます！申込みは明日まで。拡散希望",
    "【拡散希望】給付金の申込み受付は明日までです！",
    "給付金が一人10万円出ます。ぜひ拡散してください",
    "明日の花火大会は中止です。ぜひリポストで拡散をお願いします",
    "明日は全小中学校が休校です。ぜひ拡散して",
    "明日、市内の小中学校は全校休校です！ぜひ拡散してください！",
    "市民プールが閉鎖されます。ぜひ拡散して",
    "図書館は明日から休館です！リポストで拡散してください",
    "イベント会場で不審物が見つかりました。拡散希望",
]


@pytest.mark.parametrize("text", RUMOURS)
def test_rumours_are_told(text: str) -> None:
    assert "prohibited.rumor" in _codes(text), text


# Deliberation passed on before the city publishes it: said to be undecided or internal (「まだ決まっていませんが」
# 「（内部情報）」「まだ議会に出ていない話」), or what a closed meeting decided.
LEAKS = [
    'まだ決まっていませんが、〇〇小学校は統合になる見込みです（内部情報）',
    '内部情報ですが、来年度からごみ袋が値上げされる見込みです。',
    'まだ正式決定ではありませんが、〇〇図書館は来年3月で閉館する方向です。',
    '非公開の委員会で、〇〇公園の廃止が決まりそうです。',
    '審議中の案件ですが、市民プールは廃止の方向で調整しています。',
    'これはまだ議会に出ていない話ですが、新しい体育館は〇〇地区に建つ予定です。',
    '庁内では、〇〇支所を廃止する案が有力です。',
    '議員の皆さんにもまだ説明していませんが、バス路線を廃止します。',
    '委員会の非公開部分で、市長は新庁舎の場所を〇〇にすると発言しました。',
    'ここだけの話、新庁舎の建設地は駅前で決まりそうです。',
    '検討中の新しい公共交通計画案をお知らせします。',
    '人事異動の内示がありました。田中課長は部長に昇任します。',
    "非公開の会議で決まった内容です。まだ公表していませんが、〇〇公園を廃止します。",
    "非公開の会議で決まった内容は、まだ公開していません。",
    "〇〇線のバスは廃止する方向で検討中です。",
    "詳細はまだ決まっていませんが、〇〇小学校は統合になります。",
    "会場はまだ決まっていませんが、〇〇支所の廃止が決まりそうです。",
    "非公開の会議で決定した〇〇公園の廃止は後日公表します。",
    # 「決定し、」「決まり、」 go on to the next clause: the outcome is told all the same.
    "非公開の会議で〇〇公園の廃止が決定し、詳細は後日公表します。",
    "非公開の委員会で〇〇公園の廃止が決まり、来年度に公表されます。",
]


@pytest.mark.parametrize("text", LEAKS)
def test_deliberation_leaks_are_told(text: str) -> None:
    assert "confidential.deliberation" in _codes(text), text


def test_a_closed_meeting_outcome_is_told_once() -> None:
    assert _codes("非公開の会議で決まった内容は、まだ公開していません。") == ["confidential.deliberation"]


OBSCENE = [
    'エロい写真はこちら',
    'ポルノ画像はこちら',
    'アダルトビデオ見放題',
    'アダルト動画見放題！今すぐアクセス',
    'セックスしよう',
    '全裸の写真はこちら',
    '無修正動画を無料で公開中',
    'エ ロ い写真',
    'えっちな動画見せて',
    "児童ポルノ画像を無料配布",
    # Spelled to slip past the morphemes (session 39, helper 10): a katakana word in hiragana, which Sudachi cuts
    # across (セック/スシ/ヨウ); one inner letter masked; the Latin word, full-width too; AV with what only adult videos
    # are sold as; slang; nude pictures asked for.
    "せっくすしよう",
    "せっくす",
    "せっくすふれんど募集",
    "おなにーしよう",
    "あだるとびでお見放題",
    "S●Xしよう",
    "Ｓ●Ｘしたい",
    "S×Xしよう",
    "S＊Xしたい",
    "セ〇クス",
    "セッ●スしたい",
    "エ●チな画像",
    "オ●ニー",
    "ポ〇ノ画像",
    "アダ〇トビデオ見放題",
    "セ ッ ク ス",
    "ＳＥＸ",
    "SEXしよう",
    "SEX動画はこちら",
    "ＡＶ見放題",
    "AV動画を無料で",
    "AV男優募集",
    "エチエチな画像",
    "えちえちな画像",
    "えろ動画",
    "エロ画像はこちら",
    "裸の画像を送って",
    "裸の写真見せて",
    # Lures that carry a law, harm or sighting word [everyday] reads as protective (review of b2cbc9b3).
    "違法ポルノを無料で見る方法",
    "児童ポルノ所持で逮捕された職員の画像を公開",
    "全裸の女性の写真を目撃！画像はこちら",
    "ポルノ相談はこちら（無料で画像配布中）",
    # Next to the new silences, still stopped: the word with Japanese after it, not a form's label or a name.
    "SEXしよう男女募集",
    "SEX女子と出会える",
    "Sex：今すぐ",
    "せっくすれすな人妻とせっくすしよう",
    "マ〇コ見せて",
    # An entry that begins another (porn, porno, pornography): the longer one masked is read in full.
    "p*rno動画はこちら",
    "p●rnography free",
    "ち〇こ画像",
    # Next to the hiragana posts for children and the elderly (session 39, helper 13): a particle after a word is no
    # number (「きみにまんこ」), a sentence asking to be shown is read as the word even after a number, breastfeeding
    # words do not cover a hiragana lure, and パンチラ going on as a verb or a suffix is not a bread flyer.
    "まんこ見せて",
    "おっぱい見せて",
    "せっくすしよう",
    "きみにまんこを見せて",
    "ここにまんこ画像",
    "わたしにまんこ",
    "私にまんこ",
    "ママにまんこ",
    "おれのいちまんこ",
    "いちまんこ みせて",
    "にまんこの しゃしん",
    "あかちゃんの おっぱい がぞうは こちら",
    "おっぱい しゃしんを こっちに",
    "にゅうじょうむりょう おっぱい",
    "ぱんちら見せて",
    "ぱんちらしてる",
    "ぱんちらしたい",
    "ぱんちらした",
    "ぱんちらしすぎ",
    "ぱんちらしてみた",
    "ぱんちらしゃしん",
    # A nursing word or a number before, with a request in the sentence (review of b63ffaa3).
    "いちまんこ みて",
    "おっぱい みせて あかちゃん",
    "あかちゃんの おっぱい しゃしん おくって",
    "じゅにゅうちゅうの おっぱい どうが",
]

# Near the new readings and silent: a word of policy or health, audio-visual AV, words that begin with 裸 or エチ,
# the placeholders of a template and a name kept back (more than one mask), a mask at a word's edge or inside a
# longer word, English forms, and the 自画撮り被害 warning that quotes what an offender asks for.
NOT_OBSCENE = [
    "セックスワーカー支援の相談窓口を開設しました",
    "せっくすわーかー支援",
    "ＳＥＸワーカーの健康相談",
    "性教育の講演会を開催します",
    "AV機器の貸出を行っています",
    "AV室は2階にあります",
    "AV（オーディオビジュアル）ルームをご利用ください",
    "AV出演強要の被害に注意してください",
    "食事のエチケットを学ぼう",
    "裸眼視力の検査があります",
    "裸足で歩こう",
    "裸一貫から事業を始めた創業者の講演会",
    "裸の付き合いができる温泉です",
    "童話『裸の王様』の読み聞かせ",
    "●●しよう",
    "〇〇しよう",
    "S〇〇さんからのお便り",
    "〇〇クス",
    "セ〇〇ス",
    "〇ックス",
    "ボ〇クス席",
    "ユニセ〇クス",
    "ユニセックスのデザイン",
    "１〇〇個",
    "Sex: Male / Female",
    "SEX: M / F",
    "氏名：　　SEX：F",
    "Statements that assign a role by sex are discrimination.",
    "regardless of sex or age",
    "same-sex partnership",
    "sex education for parents",
    "Sex and the City上映会",
    "「裸の画像を送って」と言われても、絶対に送らないでください。",
    "SNSで知り合った人に裸の写真を求められたら、警察に相談してください。",
    "ひまんこどもの運動教室",
    "セクシーな衣装は禁止です",
    # A health column's word in hiragana, silent in katakana (Sudachi's one word セックスレス) and so here.
    "せっくすれすの悩みは保健センターへご相談ください",
    "せっくすれすについて、保健師がお話しします。",
    # A bilingual form's label and a statistic by sex, in Japanese: 「Sex：男・女」「SEX（男・女）」「SEX別」.
    "Sex：男・女",
    "SEX：□男　□女",
    "SEX（男・女）",
    "Sex 男 / 女",
    "年齢・SEX別人口",
    # A name with one letter kept back, and its honorific (「マサコさん」「マチコ様」): a name, not the word.
    "マ〇コさん（60代）からのお便りです",
    "ま〇こ様よりお便りをいただきました",
    "投稿者：チ〇コさん",
    # Posts in hiragana for children, parents and the elderly (絵本, 児童館, 保育園だより, 授乳): 〜万個 counted in
    # hiragana, breastfeeding words spelled in hiragana, a bread flyer, and words that merely begin like an entry.
    "にまんこの ぼうしを あみました。",
    "いちまんこの おりがみで つるを おりました。",
    "さんまんこの どんぐりを あつめたよ。",
    "やきいもが さんまんこ うれました！",
    "ごまんこの ふうせんが そらに とんでいきました。",
    "はちまんこの おにぎりを つくりました。",
    "じゅうまんこの びーだまが あつまりました。",
    "ひゃくまんこの ほしが ひかっています。",
    "よんまんこ あつまりました！",
    "ぜんぶで にまんこに なりました。",
    "にじゅうまんこの ほし",
    "さんびゃくまんこの ほし",
    "なんまんこ あるかな？",
    "2まんこの ぼうし",
    "二まんこの ぼうし",
    "いちまんにんの ひとが あつまりました。",
    "まんこうじの おまつりに いきました。",
    "おっぱいは あかちゃんの ごはんです",
    "あかちゃんは おっぱいを のんで おおきくなります。",
    "おっぱいを のんだら、げっぷを させてあげましょう。",
    "おっぱいが でない ときは、じょさんしさんに そうだんしてね。",
    "じゅにゅうちゅうの おかあさん、おっぱいの ことで こまったら ほけんセンターへ。",
    "あかちゃんの おっぱいの じかんです。",
    "おかあさんの おっぱいを のむ あかちゃんの えほん。",
    "じゅにゅうしつで おっぱいを あげられます。",
    "おっぱいと みるく、どちらでも だいじょうぶです。",
    "おっぱい たいそう（にゅうがんの せるふちぇっく）",
    "乳がん検診のご案内。おっぱいのセルフチェックをしましょう。",
    "ぴんくりぼん：おっぱいの しこりに きづいたら けんしんへ。",
    "ぱんちらしを くばりました。",
    "ぱんちらしをくばりました",
    "ぱんちらしを つくりました。",
    "おやつの ぱんちらしが できたよ",
    "あたらしい ぱんちらしです",
    "ぱんちらし、くばってます",
    "ぱんやさんの ちらしが できました。",
    "ちんちんでんしゃに のりました。",
    "すいぞくかんで ちんあなごを みたよ。",
    "ちんころ ちんころ こいぬが はしる。",
    "ちんぷんかんぷん",
    "おなかを こわさないように、てを あらおう。",
    "えほんの よみきかせを します。",
    "じどうかんで あそぼう。",
    "ほいくえんだより 12がつごう",
    "りにゅうしょくの つくりかたを おしえます。",
    "まんまる おつきさま。",
    "まんかいの さくら、きれいだね。",
    "にまんぽ あるきました。",
    "おちんちんを ばいきんから まもろう（ぷーるの まえに しゃわーを）。",
    "えっちゃんの おたんじょうびかい",
    "えっちらおっちら やまを のぼりました。",
    "えろう すんまへん",
    "おまんじゅうを たべたよ。",
]


@pytest.mark.parametrize("text", NOT_OBSCENE)
def test_near_misses_of_obscene_words_pass(text: str) -> None:
    assert "prohibited.obscene" not in _codes(text), text


@pytest.mark.parametrize("text", OBSCENE)
def test_obscene_posts_are_stopped(text: str) -> None:
    assert "prohibited.obscene" in _codes(text), text


# Seen and left, asserted as they are so that a change is noticed:
KNOWN = [
    # Session 40 changed five of these (tests/rules/test_rumor_obscene_s40.py): 「ソープランド跡地」 and 「風俗嬢への暴力
    # 事件」 pass as a town's history and a victim's news, 「ままの おっぱい」「おっぱい たいそう」 as nursing, and 「ぜひ拡散を」
    # after an alarming claim is a request.
    # A council bill's (案) published on the site: 「議案」 is a proposal by nature, but the rule cannot tell a
    # published (案) from a leaked one without 「議会に提出」; the warning asks to confirm.
    ("3月定例会の議案（案）を市ホームページに掲載しました。", ["confidential.deliberation"]),
    # 「sex」 among English words is read as the sex of a form or a statistic (「regardless of sex」), so English prose
    # selling it passes; 「porn」 is listed for English.
    ("Free sex videos", []),
]


@pytest.mark.parametrize(("text", "expected"), KNOWN)
def test_known(text: str, expected: list[str]) -> None:
    assert _codes(text) == expected, text
