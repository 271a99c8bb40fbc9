"""Secrets in what municipal staff really paste, red-teamed again (session 38), and ordinary posts about passwords.

上越市 5(4)・6(1)①【パスワード】, 美祢市 4(4), 和気町 4(2)・5(4): the credentials of the city's SNS accounts (Instagram, X,
LINE公式アカウント, Facebook, TikTok, YouTube, note), Wi-Fi, shared drives and NAS, pasted as staff paste them — full-width,
romaji 「PW:」, a label with 旧/新 items under it, tokens in a link's query — must fire confidential.secret. Posts that only
talk about passwords (campaigns to change them, 「パスワードは職員にお尋ねください」, PPAP notices, fraud warnings) must get
no error and no warning, on X and on Facebook. KNOWN lists what is still missed, with the reason it was left.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.rules.conftest import JST, Corpus, assert_secret_flagged_and_masked

CORPUS = Corpus(datetime(2026, 5, 14, 10, 0, tzinfo=JST))
PLATFORMS = ("x", "facebook")

_LEAKS = [
    '【共有】市公式Instagramのログイン情報です\nID：joetsu_city_official\nPW：Joetsu#2026',
    'LINE公式アカウントの管理画面\nメール：koho@city.joetsu.niigata.jp\nパスワード：Line2026koho',
    'X（旧Twitter）アカウント\nユーザー名 @joetsu_koho\nパスワード joetsukoho2026!',
    '避難所Wi-Fi\nSSID：Joetsu-Hinan-01\nパスワード：hinan0401',
    '共有ドライブ \\\\\\\\fs01\\\\koho のアクセスPW：Koho@2026',
    'ＰＷ：Ｋｅｓｓａｉ２０２６',
    'パスワード：ｊｏｅｔｓｕ２０２６',
    'PW:kouhou1234 でログインしてください',
    'pw→ koho2026!!',
    'インスタのパスワード、kouhou_2026 に変えました',
    'Instagram pass: Joetsu2026insta',
    'QRコードのURL：https://example.jp/entry?token=8f3a9c2e7b1d4f6a8c0e2b4d6f8a1c3e',
    '申込フォーム https://forms.example.jp/s/abc?access_token=ya29.A0ARrdaM-ExAmPlEtOkEn1234567890',
    'Zoom https://us02web.zoom.us/j/81234567890?pwd=Q2FuZGlkYXRlUGFzc3dvcmQxMjM0NTY3',
    'Wi-Fiのパスワードは「joetsu-free-2026」です。ご自由にお使いください。',
    '会議室のWi-Fi\u3000パスワード\u3000ｋａｉｇｉ２０２６',
    'ID koho01 PW koho01pass',
    'TikTokアカウントのパスワード：tt_joetsu2026',
    'YouTubeのアカウント（Googleアカウント）パスワード：Yt#joetsu26',
    'note のログイン パスワード= joetsunote2026',
    'LINE WORKS のパスワード Lw2026joetsu を共有します',
    '広報課共有PC ログインパスワード：Kouhou-PC-01',
    'NAS（\\\\\\\\192.168.1.10）ユーザー：koho パス：nas2026koho',
    'Box の共有リンクのパスワードは box2026Joetsu です',
    '添付ファイル解凍パスワード：Zip20260514',
    '暗証番号 ４８２１',
    '金庫の番号は 3-7-2-9 です',
    'キーボックスの暗証番号は0427です。',
    'インスタ\nID：joetsu_city\nパスワード\n（変更済み）\nInsta2026new',
    'Xのパスワード\n・旧：Xjoetsu2025\n・新：Xjoetsu2026',
    'PW（全角）：Ｊｏｅｔｓｕ＃２０２６',
    'パスワード：\u3000Kessai 2026 Spring',
    'LINE公式のチャネルアクセストークン：eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcDEF123456ghiJKL789mnoPQR',
    'Wi-Fi: SSID Joetsu_Staff / KEY js-staff-7742',
    'ルーター裏のパスワード：8f3k2m9x',
    # Found missed by this corpus (was KNOWN): 「パス」 before は and a word of letters and digits; a label spelt out.
    '公民館のWi-Fiは SSID「kominkan_guest」、パスは kmk-8842 です。',
    'パスは Joetsu2026 でした。',
    'pasuwaado: joetsu2026',
    'ピーダブリュー：joetsu2026',
    # Found missed by this corpus (was KNOWN): a sentence about the password, then the password after an arrow or a
    # colon, or after 新しいのは past its 「！」.
    'ファイルのパスワードは別メールで送ります → Joetsu0514',
    'パスワード教えます→ kouhou2026',
    'PW 忘れた人へ：Koho2026! です',
    '職員用Wi-Fiのパスワード変わりました！新しいのは staffwifi2026 です',
    'インスタのパスワード、変えておきました → Insta#2026new',
    # Session 39: were KNOWN misses (a password over lines or in halves, a login given as a mail address and a word).
    'パスワードは\nKessai\n2026\nです（改行して送ります）',
    'パスワードの前半は Kessai、後半は 2026! です',
    'Facebookページ 管理者ログイン\nkoho.joetsu@gmail.com / Koho2026fb',
    'パスワード:\n  joetsu\n  2026\n（つなげて入力）',
]

_ORDINARY = [
    '【情報セキュリティ】パスワードを定期的に変更しましょう。',
    'パスワードは職員にお尋ねください。',
    '館内Wi-Fiのパスワードは受付でお伝えします。',
    'Wi-Fiのパスワードは、各部屋に掲示しています。',
    'パスワードは8文字以上、英数字と記号を組み合わせてください。',
    'パスワードを忘れた方は、こちらから再設定できます。https://www.city.joetsu.niigata.jp/reset',
    '【注意】SNSのパスワードを他人に教えないでください。',
    '同じパスワードを複数のサービスで使い回すのはやめましょう。',
    '二段階認証を設定すると、パスワードが漏れても安心です。',
    'パスワード管理アプリの使い方講座を開催します（6月1日、市民プラザ）。',
    '【講座】スマホ教室「パスワードってなに？」参加者募集',
    '市公式LINEでは、パスワードの入力は求めません。不審なメッセージにご注意ください。',
    '市職員がパスワードや暗証番号を聞くことはありません。',
    'キャッシュカードの暗証番号は誰にも教えないでください。',
    '避難所のWi-Fiはパスワードなしで利用できます。',
    '無料Wi-Fi「Joetsu_Free_Wi-Fi」はパスワード不要です。',
    '図書館の利用者用パスワードは、初回ログイン時に変更が必要です。',
    'マイナポータルの暗証番号（4桁）を忘れた場合は、市民課窓口へ。',
    '暗証番号を3回間違えるとロックされます。',
    'パスワードの再発行は、本人確認書類をお持ちのうえ窓口へお越しください。',
    '【お知らせ】電子申請のパスワード変更手順\n1. ログイン\n2. 設定\n3. パスワード変更',
    '「123456」「password」のようなパスワードは危険です。',
    '推測されやすいパスワード（誕生日、電話番号など）は避けましょう。',
    'パスワードは大文字・小文字を区別します。',
    'Wi-Fi接続にはSSIDとパスワードが必要です。詳しくは受付まで。',
    'パスワード付きZIPファイルの送付は廃止しました（PPAP廃止）。',
    '【PPAP廃止のお知らせ】添付ファイルのパスワードは別送しません。',
    'インスタグラムのアカウントが乗っ取られた場合の対処法をまとめました。',
    'X（旧Twitter）のパスワードを変更する方法は、公式ヘルプをご覧ください。',
    'LINE公式アカウントの友だち登録は、市ホームページのQRコードからどうぞ。',
    'QRコードを読み取って友だち追加してください。',
    'オンライン講座のURLとパスコードは、前日までにメールでお知らせします。',
    'パスワードの有効期限は90日です。',
    'パスワード変更期限：5月29日（金）',
    '職員向けWi-Fiのパスワードは、今月から毎月1日に変わります。',
    'サイバー防犯講座「強いパスワードの作り方」6/15 10:00～',
    'パスワードは「英字+数字で12文字以上」がおすすめです。',
    '共有ドライブのアクセス権は、情報政策課に申請してください。',
    '合言葉は「やまびこ」！スタンプラリーのゴールで伝えてね。',
    '市民ポータルのログインには、メールアドレスとパスワードが必要です。',
    'パスワード（半角英数字8～16文字）を入力してください。',
    '暗証番号は4桁の数字です。',
    'PW：別途メールでお知らせします',
    'パスワード：各自で設定してください',
    'パスワード\n（ご自身で設定したもの）',
    # 「パス」 is a pass as often as a password: priced, handed out, dated, sized, shown on a device.
    'パスは市役所で配布します', 'フリーパスは500円です', '1日フリーパスは 1,000円です。', 'パスポートの申請は市民課へ',
    'パスは A4 サイズで印刷してください', '年間パスは 2026年度 分から値上げします', 'パスは B5判です。',
    'パスは 3F 受付で受け取れます', 'パスは 7月1日から使えます', 'パスは 9:00 から販売開始', 'パスは 2026/7/1 まで有効です',
    '観光パスは 24h 有効です', 'パスは COVID-19 対策のため販売中止です', 'パスは iPhone15 でも表示できます',
    'パスは Windows11 のパソコンでも印刷できます', 'パスは PDF 形式でダウンロードできます', 'パスは JR東日本 各駅で販売しています',
    'ワンデーパスは 大人 800円、小人 400円です。', 'パスは Web 申込のみ受け付けます', 'ファストパスは 10:00 から配布します',    # A sentence about passwords with an arrow or a colon that gives no password: a schedule, a page, an example, a
    # warning, a date, a count, a device, a fraud's script.
    'パスワード講座の流れ：受付 → 会場 → Room2026 で実習',
    'パスワードの悪い例→ abc12345',
    'よく使われるパスワード → qwerty123',
    'パスワード再設定はこちら→ www.city.joetsu.niigata.jp/reset2026',
    'パスワードを忘れた方→ https://www.city.joetsu.niigata.jp/reset2026',
    'パスワード変更手順：Step1 から順に進めてください',
    'パスワード変更期限→ 2026/5/29',
    'パスワードの有効期限：90日',
    'パスワード管理アプリの紹介→ 1Password2026 など',
    'パスワード講座：6月1日 10時 Room2026',
    'パスワード教室の会場→ 市民プラザ2F',
    'パスワードを変えよう週間！期間→ 5/1～5/31',
    'パスワードについてのお問い合わせ→ 025-526-5111',
    'パスワード変更のお知らせ：R8.4.1 から',
    'パスワードが漏れたら→ すぐに変更！',
    'パスワードは大切に→ 他人に教えない',
    'パスワード忘れた人へ：窓口でお手続きください',
    'パスワードのヒント：好きな食べ物',
    'パスワードの文字数→ 12文字以上',
    'パスワードの強さ診断→ check2026',
    'パスワード定期変更キャンペーン！新しいのは 6月1日 からです',
    'パスワード変わりました！新しいのは 窓口でお伝えします',
    'PW変更しました！新しいのは各自確認してください',
    'パスワードの設定→ Windows11 の画面から',
    'パスワード付きファイルの送付は廃止→ 代わりに Box2026 で共有します',
    'パスワード対策セミナー：講師 山田太郎 氏（JPCERT/CC）',
    'パスワードの使い回しNG→ 事例2026 をご覧ください',
    '暗証番号の変更→ ATM2台 で受付中',
    'パスワード入力画面→ Step2',
    'パスワードリセットの受付時間→ 9:00～17:00',
    '二段階認証とパスワードの組み合わせ→ 効果大！',
    'パスワード：8文字以上 → NG例：abc12345',
    'パスワードと ID の管理者→ soumu01 課',
    'スタンプラリーのパス忘れた人へ：受付 B2F でお渡しします',
    'パスワードは覚えやすく→ 例：Sakura2026!',
    'パスポートの受け取り→ 窓口3番',
    '詐欺の手口：暗証番号を教えてください → 4821',
    '【注意】「パスワードを教えて」→ Abc12345 と返信しないで',
    '不審なメール：パスワード再設定のお願い→ Login2026',
    '市職員を名乗る電話：暗証番号を確認します→ 1234',
    # 新しいのは after 。 or a line's end, and こちら/以下 before an arrow, about anything but the password itself.
    'パスワード管理アプリが変わりました。新しいのは Bitwarden です。',
    'パスワードの有効期限が変わりました。新しいのは 90日 です。',
    'パスワード変更のお知らせ。新しいのは 4月1日 からです。',
    'パスワードのルールが変わりました。新しいのは 12文字以上 です。',
    'パスワード研修の会場が変わりました。新しいのは B201 です。',
    'パスワード再設定の窓口が変わりました\n新しいのは 3F です',
    'パスワード変更の手順書が変わりました。新しいのは Ver3 です。',
    'パスワード認証の端末を交換しました。新しいのは PC2026 です。',
    'パスワードを変更しました。新しいのは 各自のメールに送りました。',
    'パスワードリセット用のURLが変わりました。新しいのは www.city.joetsu.niigata.jp/reset です',
    'パスワード付きの封筒が届きました。新しいのは Room2 にあります。',
    'パスワードの再設定はこちら → Step1 から',
    'パスワード変更の手順はこちら→ manual2026.pdf',
    'パスワードについてはここ → FAQ12',
    'パスワード変更はこちら→ PC2026 から',
    'パスワード変更はこちらのフォームへ → Form01',
    'パスワード忘れはここをクリック → Click2026',
    'パスワードの期限をお知らせします：2026/3/31',
    'パスワードを忘れた場合はこちら → https://www.city.joetsu.niigata.jp/pw',
    '市役所 → 駅 → 文化会館の順に巡回バスが運行します。',
    'パスワードの変更手順：設定画面 → アカウント → パスワード',
    'サッカー教室：パスは Step2 から練習します。',
    '窓口が変わりました！新しいのは 3F です。',
    'パスワード研修の会場 → B201',
    'パスワードが変わったので → PC2026 の再起動が必要です',
    'パスワードを変更してください。→ Step2 へ',
    'パスワード研修を行います。→ Room2026 にて',
    'パスワードの管理を徹底しましょう。→ 対策2026 参照',
    'パスワード変更期限です。→ 2026/3/31',
    'パスワードを変えました。→ PC2026 を再起動',
]


_KNOWN = [
    ('https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz012345?usp=sharing&resourcekey=0-AbCdEfGhIjKlMnOpQrS',
     "a shared folder's link with its resourcekey is the link itself, no credential: whether the folder should be shared is no secret rule's to judge"),
]


# What this corpus found missed, now flagged: 旧・新 labelling each value listed under one label; 「パスは」 before a word of
# letters and digits; 「PW」 spelt in katakana, パスワード in romaji;
# a sentence about the password, then the password after its arrow or colon, or after 新しいのは.
NEW_CATCHES = [
    ("Xのパスワード\n・旧：Xjoetsu2025\n・新：Xjoetsu2026", "Xjoetsu2025"),
    ("パスワード\n旧：Xjoetsu2025\n新：Xjoetsu2026", "Xjoetsu2025"),
    ("パスワード\n旧 Xjoetsu2025\n新 Xjoetsu2026", "Xjoetsu2025"),
    ("インスタ\nパスワード\n・新：Insta2026new", "Insta2026new"),
    ("公民館のWi-Fiは SSID「kominkan_guest」、パスは kmk-8842 です。", "kmk-8842"),
    ("pasuwaado: joetsu2026", "joetsu2026"),
    ("ピーダブリュー：joetsu2026", "joetsu2026"),
    ("ファイルのパスワードは別メールで送ります → Joetsu0514", "Joetsu0514"),
    ("パスワード教えます→ kouhou2026", "kouhou2026"),
    ("PW 忘れた人へ：Koho2026! です", "Koho2026!"),
    ("職員用Wi-Fiのパスワード変わりました！新しいのは staffwifi2026 です", "staffwifi2026"),
    # 新しいのは after a sentence closed by 。 or a line's end, quoted, or after a verb of changing (「変えました」
    # 「変更しました」, read as the label's own 「変更」 and then as prose), and a sentence that points at or
    # tells the password (「こちら」「お知らせします」): published unflagged after fb7a6e75.
    ("パスワード変えました！新しいのは staffwifi2026 です", "staffwifi2026"),
    ("パスワード変更しました！新しいのは staffwifi2026 です", "staffwifi2026"),
    ("パスワードを変えました。\n新しいのは「Joetsu2026」です。", "Joetsu2026"),
    ("パスワード変わりました。新しいのは staffwifi2026 です", "staffwifi2026"),
    ("パスワード変わりました\n新しいのは staffwifi2026 です", "staffwifi2026"),
    ("Xのパスワード変わりました！新しいのは「Xkoho2026」です", "Xkoho2026"),
    ("パスワードはこちら → Joetsu0514", "Joetsu0514"),
    ("パスワードは以下 → Joetsu0514", "Joetsu0514"),
    ("パスワードお知らせします: Joetsu2026", "Joetsu2026"),
    # The sentence closed by 「。」 right before the arrow.
    ("パスワードをお伝えします。→ Joetsu0514", "Joetsu0514"),
    ("パスワード送ります。 → Kx7pq2zz", "Kx7pq2zz"),
]
# Session 39: a 「パス」 changed then 新しいのは; a numbered label at its line's end (the digit full-width too); the label in
# hiragana; halves after the password is spoken of; a password over lines; a login as a mail address and a word under a
# login's heading; emoji around the label or the value; the value in 【】《》〔〕 after は or an arrow; 「Wi-Fiパス」.
NEW_CATCHES += [
    ("Wi-Fiのパス変わりました！新しいのは guest5678a です", "guest5678a"),
    ("Wi-Fiのパス、変わりました。新しいのは guest5678a です", "guest5678a"),
    ("パスワード２\nab12cd", "ab12cd"),
    ("PW2\nab12cd", "ab12cd"),
    ("パスワード1\nab12cd\nパスワード2\nxy34zw", "xy34zw"),
    ("ぴーだぶりゅー：kouhou88", "kouhou88"),
    ("ぴーだぶ: kouhou88", "kouhou88"),
    ("ぱすわーど：kouhou88", "kouhou88"),
    ("パスワードの件です。前半は kouho、後半は 2026! です", "kouho"),
    ("パスワードの件です。前半は kouho、後半は 2026! です", "2026!"),
    ("Wi-Fiのパスワード\n前半は「kouho」、後半は「2026!」", "2026!"),
    ("パスワードは\nkouho\n2026!", "kouho"),
    ("パスワードは\nkouho\n2026!", "2026!"),
    ("ログイン：koho@city.example.lg.jp / Sakura2026", "Sakura2026"),
    ("管理画面\nkoho@city.example.lg.jp Sakura2026", "Sakura2026"),
    ("管理者ログイン\nkoho@city.example.lg.jp\nSakura2026", "Sakura2026"),
    ("パスワード：🔑 kouhou2026", "kouhou2026"),
    ("🔑パスワード🔑 kouhou2026", "kouhou2026"),
    ("パスワードは🔑kouhou2026", "kouhou2026"),
    ("PIN：🔢 4821", "4821"),
    ("パスワード✨kouhou2026✨", "kouhou2026"),
    ("パスワード：✅kouhou2026", "kouhou2026"),
    ("パスワードは【kouhou2026】です", "kouhou2026"),
    ("パスワードは【 kouhou2026 】", "kouhou2026"),
    ("パスワード→【kouhou2026】", "kouhou2026"),
    ("パスワードは〔kouhou2026〕です", "kouhou2026"),
    ("パスワードは《kouhou2026》です", "kouhou2026"),
    ("パスワード：〈kouhou2026〉", "kouhou2026"),
    ("wifiパス guest5678a", "guest5678a"),
    ("Wi-Fiパス：guest5678a", "guest5678a"),
]
# Session 39's review: the label's value after 「・」「〜」 (a Mac's wave dash; Windows' 「～」 was read), 「pw.」, 「は」 ending
# its line and an arrow opening the next; pieces with no digit but a symbol, or a word and a year in capitals; an address
# and a word in one case, or under a line that shares the login or names a desk before the login's words.
NEW_CATCHES += [
    ("パスワード・kouhou2026", "kouhou2026"),
    ("パスワード〜kouhou2026", "kouhou2026"),
    ("pw. kouhou2026", "kouhou2026"),
    ("パスワード\n→ kouhou2026", "kouhou2026"),
    ("Wi-Fiのパスワードは\nkouho2026", "kouho2026"),
    ("パスワードは\nSakura\nFubuki!", "Fubuki!"),
    ("パスワードは\nSAKURA\n2026", "SAKURA"),
    ("パスワードの件です。前半は KOUHO、後半は 2026 です", "KOUHO"),
    ("管理画面\nkoho@city.example.lg.jp sakura2026", "sakura2026"),
    ("Instagramログイン方法を共有します\nkoho@city.example.lg.jp Sakura2026", "Sakura2026"),
    ("相談窓口アカウントのログイン\nkoho@city.example.lg.jp Sakura2026", "Sakura2026"),
    # The halves a space after 前半 and 後半, as 「は」 gives them.
    ("パスワードは前半 kouho、後半 2026! です", "kouho"),
    ("Wi-Fiのパスワード\n前半 kouho\n後半 2026!", "2026!"),
]
# Shapes staff write in chat-pasted drafts that were already flagged (session 39's red team): kept so they stay so.
_LEAKS += [
    'パスワード：：kouhou2026', 'パスワード🔑：kouhou2026', 'pw→kouhou2026', 'PW→ kouhou2026', '暗証番号は 4 桁の 0721',
    '暗証番号は4桁の0721です', 'pass: kouhou2026', 'Pass: kouhou2026', 'the pass is kouhou2026', 'パスワード【kouhou2026】',
    'パスワード『kouhou2026』', 'パスワードは『kouhou2026』です', 'ＰＷ→ｋｏｕｈｏｕ２０２６', 'パスワード（共通）→ kouhou2026',
    'Wi-Fi\u3000パス：guest5678a', 'パスワードはこれ👉 kouhou2026', 'パスワード👉kouhou2026', 'パスワード➡️kouhou2026',
    'パスワード＝kouhou2026', 'PW：kouhou2026（大文字小文字注意）', 'ぱすわーど→kouhou2026', 'パスワードは kouhou2026 だよ',
    'パスワード、kouhou2026 で', 'パスワードは「 kouhou2026 」です', '暗証番号 → ０７２１', '暗証番号は０７２１です',
    'パスワード:`kouhou2026`', 'パスワードは `kouhou2026` です', '*パスワード*：kouhou2026', 'パスワード (Wi-Fi)：kouhou2026',
    'PW:kouhou2026/ID:koho01', 'パスワードは kouhou2026 になりました', 'パスワードを kouhou2026 に変更しました',
    '新パスワード：kouhou2026', '初期パスワードは kouhou2026 です', 'パスワードは次のとおり\n\nkouhou2026',
    'パスワード▶kouhou2026', 'パスワード｜kouhou2026', 'パスワード⇒kouhou2026', 'パスワードは［kouhou2026］',
    'パスワードは“kouhou2026”', 'PASS=kouhou2026', 'Password - kouhou2026', 'ﾊﾟｽﾜｰﾄﾞ:kouhou2026', '暗証番号は『0721』',
]
# Ordinary posts near session 39's new readings: talk of passwords with no value, halves of a day or a match, lists
# of steps or fields under a label, a mail address to write to, a ticket's pass, a title's note in brackets, emoji.
_ORDINARY += [
    'パスワードの使い回しはやめましょう', 'パスワードは8文字以上にしてください', 'パスワードを忘れた方は窓口へ', '新しいのは4月から',
    '前半は10時、後半は14時から', '無料Wi-Fiのパスワードは館内掲示をご覧ください', 'パスワード講座：前半は 10:00、後半は 14:00 です',
    'パスワード講座 前半は Step1、後半は Step2 です', 'パスワード講座の前半は座学、後半は実習です', '試合の前半は 2-1、後半は 3-3 でした',
    'パスワード研修\n前半は Ver1.2、後半は Ver2.0 を使います', 'パスワード管理アプリ講座\n前半は iOS17、後半は Android14 で実演',
    'パスワード\nSTEP1\nSTEP2', 'パスワード変更手順\nStep1\nStep2', 'パスワード\nID\nmail', 'パスワード\nab\n12',
    'パスワードの設定\nWindows\n11', 'パスワード\nA4\nB5', 'お問い合わせ\nkoho@city.example.lg.jp Tel2026',
    'ログイン方法\nkoho@city.example.lg.jp までご連絡ください', 'ログインできない方は\nkoho@city.example.lg.jp へ',
    'ログインIDは koho@city.example.lg.jp です', '管理画面の操作は情報政策課へ\njoho@city.example.lg.jp https://www.city.example.lg.jp/',
    'ログイン\nkoho@city.example.lg.jp\nkoho2@city.example.lg.jp', 'ログイン情報の問い合わせ先：koho@city.example.lg.jp 平日9時から',
    'Wi-Fiのパス変わりました！新しいのは 4月1日 からです', 'パスが変わりました！新しいのは 2026年版です',
    'フリーパスが変わりました！新しいのは Ver2 です', 'パスが変わりました。新しいのは 窓口で配布します', 'パスワード2\n設定画面を開く',
    'パスワード1\n大文字を含める', '手順2\nab12cd', 'パスワード【ver2.0】の管理ガイド', 'パスワード【重要】変更のお願い',
    'パスワードは【必須】です', 'パスワードは【8文字以上】', 'パスワード→【重要】', '🔑パスワード管理🔑 講座2026',
    '🔑パスワードは8文字以上に🔑', 'Wi-Fiパスポート 2026年版', 'Wi-Fiパスは受付で配布します', 'Wi-Fi パス 不要',
    '暗証番号は 4 桁の数字です', '暗証番号は 4 桁で設定してください', 'PIN：🔢 4桁', 'パスワード：📝 各自で設定',
    # Halves and lines of one series, of names with no digit, or too short to be a password's; a notice about logins.
    'パスワード講座\n前半は Zoom、後半は Teams です', 'パスワード教室：前半は A1、後半は B2 です',
    'パスワード講座の会場\n前半は Room1、後半は Room2 です', 'パスワード講座の会場\n前半は 3F、後半は 4F です',
    'パスワード研修は前半は Part1、後半は Part2 です', 'パスワード\nJR\n2026', 'パスワード\nSTEP1\nSTEP2\nSTEP3',
    '管理画面ログイン講座\nkoho@city.example.lg.jp Room2026', 'ログインの不具合について\nsupport@city.example.lg.jp Ticket#2026',
    'ログイン障害のお知らせ\n問い合わせ：help@city.example.lg.jp\nTEL0255265111', 'サインインできない場合\nhelp@city.example.lg.jp (9:00-17:00)',
    'パスワード🔑Step2へ', '🔐パスワード変更週間🔐 2026/5/1〜', 'パスワード：⚠️ 8文字以上', 'パスワード⭐️ 強化月間 2026',
    'パスワードは【Ver2】で確認', 'パスワードが【8文字以上】に', '定期パスが変わりました！新しいのは 2026年度版 です',
    # Near session 39's review's catches: a list of terms, a title's wave dash, an arrow to a step or an example, a rule
    # under 「は」; a desk's address and number, a notice, an ID after the address; pieces of one shape or a range.
    'ID・パスワード・PIN2の管理', 'パスワード〜2026年版〜', 'パスワード〜2026春〜', 'パスワード〜安全な作り方〜', 'パスワード\n→ 設定画面から変更',
    'パスワード\n→ abc123 のような単純なものは避ける', 'パスワードは\n8文字以上にしてください', 'パスワードは\nWindows11 で設定します',
    'Change your password. 2026 policy', 'pw. の欄に入力',
    '管理画面の使い方\nkoho@city.example.lg.jp Room2026', 'ログイン\nお問い合わせ：koho@city.example.lg.jp Tel0255265111',
    'ログイン\nkoho@city.example.lg.jp tel0255265111', '【お知らせ】ログイン画面が変わります\nkoho@city.example.lg.jp Room2026',
    'ログインアカウント一覧\nkoho@city.example.lg.jp koho01\nkikaku@city.example.lg.jp kikaku02',
    'パスワード講座の資料コード 前半は doc-a1、後半は doc-b2 です', 'パスワード\nA-Z\na-z\n!@#', 'パスワード\nJR\n2026',
    'パスワード\nWi-Fi\nVPN!', 'パスワード\nTEL\n0255265111', 'パスワード\nQ&A\nFAQ',
    'パスワード講座 前半 10:00、後半 14:00', 'パスワード講座 前半 Room1、後半 Room2', 'パスワード講座 前半 Zoom 後半 Teams',
    'パスワード講座\n前半 A1\n後半 B2', 'パスワード講座 前半 Part1、後半 Part2 です',
]
NEAR_MISSES = [
    "パスワード\n旧：変更前のもの\n新：各自で設定",
    "パスワード\n・新しいものを設定してください",
    "パスワード\n新 Windows11 対応",
    "パスワード\n旧：不要\n新：必要",
]

ORDINARY = [(p, t) for p in PLATFORMS for t in _ORDINARY]
BAD = [(p, t, "confidential.secret") for p in PLATFORMS for t in _LEAKS]
KNOWN = [("x", t, "confidential.secret", why) for t, why in _KNOWN]

test_ordinary_post_about_passwords_gets_no_error_or_warning = CORPUS.ordinary(ORDINARY)
test_pasted_credential_fires_its_code = CORPUS.bad(BAD)
test_known_miss_still_missed = CORPUS.known(KNOWN)
test_near_misses_of_the_new_catches_stay_silent = CORPUS.silent(NEAR_MISSES)


@pytest.mark.parametrize(("text", "value"), NEW_CATCHES)
def test_misses_found_by_this_corpus_are_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)
