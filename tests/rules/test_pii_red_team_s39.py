"""The personal-information rules red-teamed (session 39): pii.phone, pii.email, pii.my_number, pii.card_number,
pii.address on what municipal staff really write, in both directions.

上越市 5(3), 和気町 4(2): a resident's mobile, a private mail address, a 個人番号, a card number or a home's address with a
name must be found in every spelling staff paste (full-width, hyphen look-alikes, 内線, split over lines, 中文・English・
Português). The office's own numbers (代表・直通・FAX・0120・#7119・189・110・119), the city's mail domain, dates and times,
郵便番号 and the city hall's address, 法人番号, budgets, 受付番号, ISBNs and 条例 numbers must raise none of them: a false
alarm teaches staff to ignore the bot. Drafts marked 「s39」 were wrong before this session. KNOWN lists what is still
missed, with the reason it was left.
"""

from __future__ import annotations

import pytest

from bot.rules import RulePolicy, check
from bot.rules.model import RuleOverride
from tests.rules.conftest import CITY_POLICY, assert_my_number_flagged_and_masked, ctx

PII = ("pii.phone", "pii.email", "pii.my_number", "pii.card_number", "pii.address")


def _pii(text: str, **kw: object) -> list[tuple[str, str]]:
    kw.setdefault("policy", CITY_POLICY)
    return [(f.code, f.excerpt) for f in check(text, ctx(platform="x", **kw)) if f.code in PII]

# The office's own and public numbers, addresses and mail, dates, amounts and reference numbers.
OWN_AND_PUBLIC = [
    "お問い合わせ：上越市役所 025-526-5111（代表）",
    "お問い合わせ：上越市役所 ０２５－５２６－５１１１（代表）",
    "お問い合わせ　上越市役所（０２５）５２６－５１１１",
    "電話 025ー526ー5111 内線1234",
    "電話 025-526-5111（内線 3456・3457）",
    "ＴＥＬ：０２５‐５２６‐５１１１　ＦＡＸ：０２５‐５２６‐６１１１",
    "FAX 025-526-6111",
    "フリーダイヤル 0120-123-456（平日9時〜17時）",
    "フリーダイヤル ０１２０－１２３－４５６",
    "ナビダイヤル 0570-064-370",
    "救急安心センター #7119 へお電話ください",
    "救急安心センター＃７１１９（24時間）",
    "児童相談所虐待対応ダイヤル「189」（いちはやく）",
    "事件・事故は110番、火事・救急は119番へ",
    "緊急時は１１０番・１１９番",
    "消費者ホットライン 188",
    "0800-123-4567（通話無料）",
    "健康づくり課 直通 025-526-5112",
    "〒943-8601 新潟県上越市木田1-1-3 上越市役所",
    "〒９４３－８６０１　上越市木田１丁目１番３号",
    "会場：上越市木田1丁目1番3号（上越市役所 木田庁舎）",
    "日時：2026-12-07 10:00-12:00",
    "日時：12/7(月) 10:00-12:00",
    "日時：令和8年12月7日（月）10時〜12時",
    "2026/12/07 10:00〜2026/12/07 12:00",
    "受付期間：2026.12.01〜2026.12.25",
    "上越市の法人番号は 7000020152226 です",
    "法人番号：7000020152226",
    "令和8年度予算額 123,456,789,012円",
    "一般会計予算 1234億5678万円",
    "受付番号 202612070001 の方は窓口へ",
    "ISBN978-4-12-345678-9",
    "ISBN 9784123456789",
    "上越市個人情報保護条例（平成17年条例第123号）",
    "上越市手数料条例第2条第1項",
    "メール：koho@city.joetsu.niigata.jp",
    "メール：kenko@city.joetsu.niigata.jp まで",
    "ＭＡＩＬ：ｋｏｈｏ＠ｃｉｔｙ．ｊｏｅｔｓｕ．ｎｉｉｇａｔａ．ｊｐ",
    "【問い合わせ先】\n上越市 健康づくり推進課\n〒943-8601 上越市木田1-1-3\n電話 025-526-5111（内線1234）\nFAX 025-526-6111\nメール kenko@city.joetsu.niigata.jp",
    "電話番号：025-526-5111　受付時間：8:30〜17:15",
    "電話（025）526-5111",
    "TEL.025.526.5111",
    "☎025-526-5111",
    "📞 025-526-5111",
    "お問い合わせは上越市コールセンター（025-526-5111）へ",
    "上越市役所 +81-25-526-5111",
    "Joetsu City Hall: +81 25-526-5111",
    "上越地域消防事務組合 025-524-9012",
    "上越警察署 025-525-0110",
    "新潟県警察相談専用電話 #9110",
    "いのちの電話 0120-783-556",
    "電話 025-526-5111 または 0120-123-456 まで",
    "マイナンバーカードの申請は12月7日(月)から。窓口 10:00-16:00",
    "マイナンバーカード交付窓口（木田庁舎1階）025-526-5111",
    "マイナンバー総合フリーダイヤル 0120-95-0178",
    "マイナンバーカード 新規申請 1,234件（2026年11月末）",
    "人口 187,654人 世帯数 78,901世帯（2026年12月1日現在）",
    "郵便番号 943-8601",
    "〒943-0000",
    "休日当番医 9:00〜17:00 上越内科（025-523-1234）",
    "市民プラザ 上越市土橋1914-3 電話025-527-3611",
    "高田城址公園 上越市本城町44-1",
    "事業者番号 1234567890",
    "令和8年12月7日（月）午前10時から正午まで",
    "2026年12月7日 10:00〜12:00 上越市役所 401会議室",
    "定員 30名（先着順）参加費 1,000円",
    "電話でのお申込み：025-526-5111（平日8:30-17:15）",
    "公式X @joetsu_city",
    "インスタ https://www.instagram.com/joetsu_city/",
    "例）090-1234-5678",
    "記入例：マイナンバー 1234 5678 9018",
    "1234-5678-9012",
    "予算書 p.123-456",
    "第12345678901号",
    "上越市木田1-1-3",
    "上越市木田一丁目1番3号",
    "JR高田駅から徒歩10分（上越市本町3丁目）",
    "上越市民生委員 協議会 事務局（福祉課内）025-526-5111 内線 1501",
    "災害時は 防災行政無線 と 上越市メール（bousai@city.joetsu.niigata.jp）",
    "会議ID 123 4567 8901 パスコード 123456",
    "上越市長 中川幹太\n〒943-8601 上越市木田1-1-3",
    "上越市長 中川 幹太 様\n上越市木田1丁目1番3号",  # s39
    "講師：山田花子さん（防災士）\n会場：市民プラザ（上越市土橋1914-3）",
    "講師 山田花子氏　会場 上越市土橋1914-3 市民プラザ",
    "差出人：上越市長 中川幹太（上越市木田1-1-3）",  # s39
    "送付先：上越市健康づくり推進課 山田 宛（〒943-8601 上越市木田1-1-3）",
    "担当：健康づくり推進課 山田花子\n〒943-8601 上越市木田1-1-3\n電話 025-526-5111",
    "担当 山田花子（内線1234）",
    "担当：山田 電話025-526-5111（内線1234）",
    "小林古径記念美術館（上越市本城町7-7）",
    "上杉謙信公ゆかりの春日山神社（上越市大豆1743）",
    "前島密生誕地（上越市下池部1317-1）",
    "坂口謙吾さんが本町3-4-5の店舗で実演します",
    "本町3-4-5の山田商店",
    "山田医院（本町3-4-5）電話 025-523-1234",
    "参加者 1日2-3回 自宅で体操",
    "要介護3-5の方は自宅で受けられます",
    "12/7(月) 10:00-12:00 自宅で視聴できます",
    "日時 2026-12-07 10:00-12:00 会場 本町3-4-5 市民プラザ（自宅からも参加可）",  # s39
    "令和8年12月7日(月) 13:30-15:00",
    "申込期間 12/1(火)～12/25(金)",
    "時間 9:00-17:00（12:00-13:00 を除く）",
    "2026.12.7 10:00〜",
    "12月7日（月）１０：００～１２：００",
    "上越市の法人番号 7000020152226 (国税庁公表)",
    "法人番号 7 0000 2015 2226",
    "上越市（法人番号：7000020152226）",
    "登録番号 T7000020152226",
    "適格請求書発行事業者登録番号 T1234567890123",
    "予算額 4,111,111,111,111,111円",
    "歳出総額 411111111111111円",
    "令和8年度 一般会計 1,234,567千円",
    "受付番号：2026-1207-0001",
    "問合せ番号 4111 1111 1111 1111",
    "ISBN 978-4-00-000000-2",
    "ISBN978-4-8356-3456-7 定価1,500円",
    "雑誌コード 12345-67",
    "条例第45号、規則第123号",
    "平成17年上越市条例第1234号",
    "国土地理院 地図番号 NJ-54-36-10",
    "上越市役所（025）526‐5111　FAX（025）526‐6111",
    "上越市役所 025 526 5111",
    "（代表）０２５-５２６-５１１１",
    "電話：025(526)5111",
    "TEL 0255265111",
    "０１２０（１２３）４５６",
    "0120‐123‐456",
    "#7119（またはＴＥＬ 025-284-7119）",
    "＃７１１９",
    "＃8000（子ども医療電話相談）",
    "警察相談専用電話 ＃９１１０",
    "よりそいホットライン 0120-279-338",
    "Email: koho@city.joetsu.niigata.jp",
    "KOHO@CITY.JOETSU.NIIGATA.JP",
    "kenko-suishin@city.joetsu.niigata.jp",
    "bousai@mail.city.joetsu.niigata.jp",
    "info@pref.niigata.lg.jp",
    "soudan@caa.go.jp",
    "koho(at)city.joetsu.niigata.jp",
    "koho＠city.joetsu.niigata.jp",
    "koho@city.joetsu.niigata.jp。",
    "koho@city.joetsu.niigata.jpまで",
    "Follow @joetsu_city on X",
    "#上越市 #joetsu @joetsu.city",
    "https://twitter.com/joetsu_city",
    "https://www.city.joetsu.niigata.jp/soshiki/kenko/@news",
    "電話番号の変更：025-526-5111 → 025-526-5112",
    "人口 187,654人（前月比 -123人）",
    "整理券 1004 1005 1006 番の方",
    "投票率 45.67% 投票者数 123,456人",
    "総額 123,456,789,018 円",
    "会員証 No.202612070001",
    "2026年12月7日 午前10時 本庁舎 4F 401",
    "開催日 2026/12/07(月) 開場 9:30 開演 10:00",
    "国道8号 上越市木田1-1 付近で通行止め",
    "国道18号線 上越市大字黒田1234 付近",
    "大字土橋1914番地3 市民プラザ",
    "上越市大潟区土底浜1234（大潟水と森公園）",
    "担当 山田花子\n上越市木田1-1-3",  # s39
    "担当：山田花子（上越市木田1-1-3）",  # s39
    "健康づくり推進課 課長 山田太郎\n上越市木田1丁目1番3号",  # s39
    "上越市教育委員会 教育長 早川義裕 様\n上越市木田1-1-3",  # s39
    "上越市長 中川幹太 様（〒943-8601 上越市木田1-1-3）",
    "新潟県知事 花角英世 様\n新潟市中央区新光町4-1",  # s39
    "高田小学校 校長 山田太郎\n上越市南城町3-1-1",  # s39
    "市民プラザ館長 佐藤花子（上越市土橋1914-3）",  # s39
    "発行：上越市長 中川幹太　上越市木田1-1-3",  # s39
    "申請先：上越市長 あて（上越市木田1-1-3）",
    "宛先　上越市長　中川　幹太　様\n住所　上越市木田１丁目１番３号",  # s39
    "主催 上越市 担当 文化振興課 山田花子 上越市本城町7-7",  # s39
    "山田花子さんのお店（本町3-4-5 カフェやまだ）",
    "作品展 山田花子さん 会場 本町3-4-5 高田駅前ギャラリー",
    "講演会 講師 山田太郎氏 会場：上越市土橋1914-3 市民プラザ",
    "山田太郎（やまだ・たろう）上越市文化会館館長。上越市新光町1-9-10",
    "会場：本町3-4-5 市民プラザ（自宅からのオンライン参加も可）",  # s39
    "会場 上越市土橋1914-3（ご自宅でも視聴できます）",  # s39
    "自宅で療養中の方へ。相談窓口：上越市木田1-1-3 健康づくり推進課",
    "自宅療養者支援センター（上越市木田1-1-3）",  # s39
    "自宅から避難所（上越市本城町7-7）までの経路を確認",  # s39
    "ミーティングID：870 1234 5678 パスコード：123456",
    "ウェビナーID 960 1234 5678",
    "Zoom ミーティングID 812 3456 7890",
    "〒090-8501 北見市北5条東2丁目 北見市役所",
    "JANコード 4901234567894",
    "自宅待機 1-2日",
    "自宅療養期間 5-7日間",
    "議案第123-4号",
    "上越市条例第12-3号",
    "自宅で2-3回体操しましょう",
    "避難所 3-4か所 を開設。自宅が危険な方は避難を",
    "自宅での避難も選択肢です（在宅避難）。指定避難所：上越市本城町7-7 高田城址公園",
    "家庭ごみ 本町1-2丁目は月曜",
    "本町1-3丁目 の皆さん、自宅周辺の除雪にご協力を",  # s39
    "本町3-4-5付近で火災。付近の方は自宅から出ないでください",
    "自宅周辺の側溝清掃 本町3丁目4番地付近",  # s39
    "電話 025-526-5111（代表）、090で始まる番号からの着信にご注意",
    "番号案内 104",
    "時報 117 天気予報 177 災害用伝言ダイヤル 171",
    "災害用伝言ダイヤル「171」 #7119",
    "統計表 2023 2024 2025\n高田 4111 4070 4028",
    "4月の来場者数 4120 4088 3921 4410 1226 人",
    "令和8年度予算 一般会計 123,456,789,018円",
    "予算額 ¥ 123456789018",
    "1,234,567,890,123円",
    "出生数 12件 死亡数 34件",
    "整理番号 1234 5678 9018",
    "お問い合わせ番号 1234-5678-9018",
    "受付番号：1234\n5678\n9018",
    "申請番号\n4111\n1111\n1111\n1111",
    "マイナンバーカード交付枚数\n1234\n5678\n9018",
    "マイナンバーカードの申請\n2024\n2025\n2026",
    "個人番号カード\n1234\n5678\n9018",
    "マイナンバー：\n○○○○\n○○○○\n○○○○",
    "マイナンバー\n0000\n0000\n0000",
    "カード番号：\n**** **** **** 1111",
    "カード番号 下4桁 1111",
    "ポイントカード番号 1234",
    "[Português] Prefeitura de Joetsu, 1-1-1 Kibougaoka, Joetsu. Contato: Sr. Sato",
    "[Português] Centro Internacional de Joetsu, 3-12-5 Minami-Honcho. Atendimento: Sra. Maria Souza",
    "[Português] O Sr. Silva vai falar no Salão Municipal, 1-1-1 Kibougaoka",
    "[English] Joetsu International Center, 1-1-1 Kibougaoka, Joetsu City. Staff: Ms. Yuki Sato.",
    "健康づくり推進課 担当 山田花子（上越市木田1-1-3）",  # s39
    "上越市 福祉課 山田花子 上越市木田1-1-3",  # s39
    # A 法人番号 bare after a company's name, or as an invoice's registration number, passing Luhn and starting with 4.
    "落札者 株式会社やまだ建設（T4110001234569）",  # s39
    "落札者 株式会社やまだ建設 4110001234569",  # s39
    "契約の相手方：株式会社やまだ建設（4110001234569）",  # s39
    # Tables of places, not people, with a 住所 column.
    "避難所名,住所\n高田小学校,上越市南城町3-1-1\n市民プラザ,上越市土橋1914-3",
    "施設名\t住所\t電話\n市民プラザ\t上越市土橋1914-3\t025-527-3611",
    "会場名,住所\n上越文化会館,上越市新光町1-9-10",
    "No,店名,住所\n1,やまだ商店,上越市本町3-4-5",
    "受賞者,作品名,住所\n株式会社やまだ,雪の朝,上越市本町3-4-5",
    "氏名,法人番号,住所\n株式会社やまだ建設,4110001234569,上越市本町3-4-5",  # s39
    "名前,住所\n高田図書館,上越市本城町8-30\n市民プラザ,上越市土橋1914-3",
    "名前,住所\n上越市役所,上越市木田1-1-3",
    "名前,電話,住所\nやまだ食堂,025-523-1234,上越市本町3-4-5",
    # The council's, a board's and the 社協's offices; 「自宅〜」 in advice beside a service's address.
    "上越市議会事務局 山田花子（上越市木田1-1-3）",
    "選挙管理委員会事務局 山田花子（上越市木田1-1-3）",
    "上越市社会福祉協議会 事務局 山田花子（上越市本町3-4-5）",
    "上越市ガス水道局 山田花子（上越市下門前1770）",
    "自宅療養中の方は、健康づくり推進課（木田1-1-3）へ",
    "自宅介護の相談は地域包括支援センター（本町3-4-5）へ",
    "自宅学習中の子どもたちへ：図書館（本町3-4-5）",
]

# A resident's or a member of staff's own data, each with the rule that must find it.
LEAKS = [
    # The relaxation for staff named by post or department, attacked: a prize, a volunteer's duty, a pupil's club or
    # duty, a class held at home, a former official are still residents.
    ("市長賞 山田花子さん（本町3-4-5）", "pii.address"),
    ("校長賞 山田太郎くん（本町3-4-5）", "pii.address"),
    ("見守り担当 山田花子さん（本町3-4-5）", "pii.address"),
    ("サッカー部 山田太郎くん（本町3-4-5）", "pii.address"),
    ("飼育係 山田太郎くん 本町3-4-5", "pii.address"),
    ("書道教室 山田花子（本町3-4-5）", "pii.address"),
    ("主任児童委員 山田花子（本町3-4-5）", "pii.address"),
    ("退職した元職員 山田太郎さん（本町3-4-5）", "pii.address"),
    # A roster pasted from a spreadsheet: the name and the address are cells of one row, others between them.
    ("氏名,年齢,住所\n山田花子,85,上越市本町3-4-5", "pii.address"),  # s39
    ("No,氏名,地区,住所\n1,山田花子,高田,上越市本町3-4-5", "pii.address"),  # s39
    ("氏名,電話,住所\n山田花子,090-1234-5678,上越市本町3-4-5", "pii.address"),  # s39
    ("世帯主氏名,住所,人数\n山田太郎,上越市本町3-4-5,4", "pii.address"),
    ("お名前\tご住所\n山田 花子\t上越市本町３丁目４番５号", "pii.address"),
    ("Name,Address\nHanako Yamada,上越市本町3-4-5", "pii.address"),
    # A card number named as one is still found at thirteen digits.
    ("カード番号 4222222222222", "pii.card_number"),
    ("落とし物の連絡は拾得者の山田さん 090-1234-5678 まで", "pii.phone"),
    ("連絡先：０９０－１２３４－５６７８（山田）", "pii.phone"),
    ("連絡先 090ー1234ー5678", "pii.phone"),
    ("携帯（090）1234-5678", "pii.phone"),
    ("携帯 090 1234 5678", "pii.phone"),
    ("携帯 09012345678", "pii.phone"),
    ("携帯　０９０１２３４５６７８", "pii.phone"),
    ("TEL 080-9876-5432（佐藤）", "pii.phone"),
    ("070-1234-5678", "pii.phone"),
    ("+81 90-1234-5678", "pii.phone"),
    ("+81-90-1234-5678", "pii.phone"),
    ("+819012345678", "pii.phone"),
    ("電話：０９０（１２３４）５６７８", "pii.phone"),
    ("電話 090–1234–5678", "pii.phone"),
    ("電話 090—1234—5678", "pii.phone"),
    ("電話 090‐1234‐5678", "pii.phone"),
    ("電話 090−1234−5678", "pii.phone"),
    ("電話 090－1234－5678", "pii.phone"),
    ("電話 090ｰ1234ｰ5678", "pii.phone"),
    ("電話 090～1234～5678", "pii.phone"),
    ("電話 090・1234・5678", "pii.phone"),
    ("電話090-1234-\n5678", "pii.phone"),
    ("〇九〇－一二三四－五六七八", "pii.phone"),
    ("申込みは taro.yamada@gmail.com まで", "pii.email"),
    ("申込みは ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ まで", "pii.email"),
    ("申込みは TARO@GMAIL.COM まで", "pii.email"),
    ("申込み taro@yahoo.co.jp", "pii.email"),
    ("連絡は hanako123@icloud.com へ", "pii.email"),
    ("担当：yamada@docomo.ne.jp", "pii.email"),
    ("taro＠gmail.com", "pii.email"),
    ("taro@gmail.com。", "pii.email"),
    ("マイナンバー 1234 5678 9018", "pii.my_number"),
    ("マイナンバー 1234-5678-9018", "pii.my_number"),
    ("マイナンバー 123456789018", "pii.my_number"),
    ("マイナンバー １２３４ ５６７８ ９０１８", "pii.my_number"),
    ("マイナンバー １２３４５６７８９０１８", "pii.my_number"),
    ("個人番号：1234 5678\n9018", "pii.my_number"),
    ("個人番号：1234\n5678\n9018", "pii.my_number"),  # s39
    ("個人番号 1234－5678－9018", "pii.my_number"),
    ("個人番号 1234ー5678ー9018", "pii.my_number"),
    ("123456789018", "pii.my_number"),
    ("1234 5678 9018", "pii.my_number"),
    ("申請者 山田太郎 個人番号123456789018", "pii.my_number"),
    ("my number: 1234 5678 9018", "pii.my_number"),
    ("カード番号 4111 1111 1111 1111", "pii.card_number"),
    ("4111-1111-1111-1111", "pii.card_number"),
    ("４１１１　１１１１　１１１１　１１１１", "pii.card_number"),
    ("4111111111111111", "pii.card_number"),
    ("5555 5555 5555 4444", "pii.card_number"),
    ("3782 822463 10005", "pii.card_number"),
    ("4111 1111 1111\n1111", "pii.card_number"),
    ("落とし物は本町3丁目4番5号の田中さん宅で", "pii.address"),
    ("拾得者 山田花子様（上越市本町3-4-5）", "pii.address"),
    ("当選者：本町3-4-5 山田花子様", "pii.address"),
    ("山田太郎さんの住所は上越市本町３丁目４番５号です", "pii.address"),
    ("山田太郎さんの住所は上越市本町３－４－５です", "pii.address"),
    ("自宅：上越市西城町2丁目5番10号", "pii.address"),
    ("氏名 山田花子\n住所 上越市本町3丁目4番5号", "pii.address"),
    ("氏名：山田花子　住所：上越市本町3-4-5", "pii.address"),
    ("上越市大字土橋1234 佐藤方", "pii.address"),
    ("担当：山田（携帯 090 - 1234 - 5678）", "pii.phone"),
    ("Phone: 090-1234-5678 (Mr. Yamada)", "pii.phone"),
    ("Contact: +81 (0)90-1234-5678", "pii.phone"),
    ("【中文】联系电话：+86 138 1234 5678", "pii.phone"),
    ("【中文】如有疑问，请联系志愿者王先生：090-1234-5678", "pii.phone"),
    ("[Português] Contato: +55 11 91234-5678", "pii.phone"),
    ("[Português] Ligue para o Sr. Silva: 080-1234-5678", "pii.phone"),
    ("[Tiếng Việt] Liên hệ anh Nguyễn: 090.1234.5678", "pii.phone"),
    ("[English] Call Ms. Sato on 090 1234 5678", "pii.phone"),
    ("電話 ０９０ー１２３４ー５６７８", "pii.phone"),
    ("山田 090-1234-5678", "pii.phone"),
    ("090-1234-5678（山田）", "pii.phone"),
    ("携帯電話：090-1234-5678　担当：山田", "pii.phone"),
    ("taro.yamada+joetsu@gmail.com", "pii.email"),
    ("koho@city.joetsu.niigata.jp.evil.com", "pii.email"),
    ("koho@xcity.joetsu.niigata.jp", "pii.email"),
    ("koho@joetsu-city.jp", "pii.email"),
    ("koho@city-joetsu.niigata.jp", "pii.email"),
    ("taro@lg.jp.example.com", "pii.email"),
    ("[English] Email: taro.yamada@gmail.com", "pii.email"),
    ("【中文】邮箱：wang123@qq.com", "pii.email"),
    ("【中文】邮箱：wang123@163.com", "pii.email"),
    ("[Português] E-mail: joao.silva@hotmail.com", "pii.email"),
    ("mailto:taro@gmail.com", "pii.email"),
    ("<mailto:taro@gmail.com|taro@gmail.com>", "pii.email"),
    ("My Number: 1234 5678 9018", "pii.my_number"),
    ("【中文】个人编号：1234 5678 9018", "pii.my_number"),
    ("个人编号 123456789018", "pii.my_number"),
    ("Número de identificação (My Number): 1234.5678.9018", "pii.my_number"),
    ("マイナンバー：1234 5678 9018（山田太郎）", "pii.my_number"),
    ("マイナンバー 1234　5678　9018", "pii.my_number"),
    ("マイナンバー 1234 - 5678 - 9018", "pii.my_number"),
    ("4111 1111 1111 1111 12/28", "pii.card_number"),
    ("Card: 4111 1111 1111 1111 exp 12/28", "pii.card_number"),
    ("カード番号：4111-1111-1111-1111　有効期限：12/28", "pii.card_number"),
    ("カード番号 ４１１１－１１１１－１１１１－１１１１", "pii.card_number"),
    ("VISA 4242 4242 4242 4242", "pii.card_number"),
    ("JCB 3530 1113 3330 0000", "pii.card_number"),
    ("Mr. Taro Yamada, 3-12-5 Minami-Honcho, Joetsu City", "pii.address"),
    ("Finder: Mr. Taro Yamada (3-12-5 Minami-Honcho, Joetsu City)", "pii.address"),
    ("[Português] Sr. João Silva, 3-12-5 Minami-Honcho, Joetsu", "pii.address"),  # s39
    ("【中文】王芳女士的住址：上越市本町3-4-5", "pii.address"),  # s39
    ("【中文】拾到者王先生（住址：上越市本町3丁目4番5号）", "pii.address"),  # s39
    ("山田花子様　上越市本町三丁目四番五号", "pii.address"),
    ("山田花子様 上越市本町3丁目4-5", "pii.address"),
    ("山田 花子 様\n上越市本町3-4-5", "pii.address"),
    ("上越市本町3-4-5\n山田花子様", "pii.address"),
    ("上越市本町３ー４ー５　山田花子", "pii.address"),
    ("〒943-0832 上越市本町3-4-5 山田花子", "pii.address"),
    ("送付先：〒943-0832 上越市本町3丁目4番5号 山田花子 様", "pii.address"),
    ("受賞者 山田花子さん（本町3-4-5）", "pii.address"),
    ("山田さん宅（本町3-4-5）", "pii.address"),
    ("高齢者宅 本町3-4-5 にて", "pii.address"),  # s39
    ("田中様方 上越市本町3-4-5", "pii.address"),
    ("携帯 090 1234 5678", "pii.phone"),
    ("携帯 090​1234​5678", "pii.phone"),
    ("携帯 090　1234　5678", "pii.phone"),
    ("携帯 0 9 0 - 1 2 3 4 - 5 6 7 8", "pii.phone"),
    ("携帯 090 ‐ 1234 ‐ 5678", "pii.phone"),
    ("携帯：090-1234-5678です", "pii.phone"),
    ("マイナンバー 1234 5678 9018", "pii.my_number"),
    ("マイナンバー 1234​5678​9018", "pii.my_number"),
    ("マイナンバー 1234\t5678\t9018", "pii.my_number"),
    ("マイナンバー：1234/5678/9018", "pii.my_number"),
    ("マイナンバー：1234・5678・9018", "pii.my_number"),
    ("マイナンバー：1234.5678.9018", "pii.my_number"),
    ("マイナンバー：1234 5678 9018", "pii.my_number"),
    ("マイナンバー（1234-5678-9018）を記載", "pii.my_number"),
    ("マイナンバー：1234\n5678\n9018", "pii.my_number"),  # s39
    ("個人番号\n1234\n5678\n9018", "pii.my_number"),  # s39
    ("個人番号：123456\n789018", "pii.my_number"),  # s39
    ("個人番号：12345678\n9018", "pii.my_number"),  # s39
    ("個人番号：1234 5678 901８", "pii.my_number"),
    ("カード番号 4111 1111 1111 1111", "pii.card_number"),
    ("カード番号 4111\n1111\n1111\n1111", "pii.card_number"),  # s39
    ("カード番号：4111 1111\n1111 1111", "pii.card_number"),  # s39
    ("Card number: 4111-1111-1111-1111", "pii.card_number"),
    ("4111 1111 1111 1111（山田様のカード）", "pii.card_number"),
    ("taro@gmail.com", "pii.email"),
    ("taro@gmail。com", "pii.email"),
    ("taro＠gmail．com", "pii.email"),
    ("taro@gmail.co.jp", "pii.email"),
    ("taro@ezweb.ne.jp", "pii.email"),
    ("taro_yamada@i.softbank.jp", "pii.email"),
    ("taro@city-joetsu.jp", "pii.email"),
    ("taro@joetsu.niigata.jp", "pii.email"),
    ("taro@niigata.jp", "pii.email"),
    ("koho@city.joetsu.niigata.jp.co", "pii.email"),
    ("元校長 山田太郎さん（本町3-4-5）", "pii.address"),
    ("元副市長 山田太郎様 本町3-4-5", "pii.address"),
    ("前市長 山田太郎 本町3-4-5", "pii.address"),
    ("町内会長 山田太郎（本町3-4-5）", "pii.address"),
    ("区長 山田太郎 本町3-4-5", "pii.address"),
    ("班長 山田太郎様 上越市本町3丁目4番5号", "pii.address"),
    ("民生委員 山田花子（本町3-4-5）", "pii.address"),
    ("担当の民生委員 山田花子（本町3-4-5）", "pii.address"),
    ("職員の山田太郎さん（本町3-4-5）", "pii.address"),
    ("課長 山田太郎さん宅（本町3-4-5）", "pii.address"),
    ("市長 山田太郎さんの自宅（本町3-4-5）", "pii.address"),
    ("優秀賞 高田小学校 山田太郎さん（本町3-4-5）", "pii.address"),
    ("自治会 山田太郎様（本町3-4-5）", "pii.address"),
    ("会場：山田花子さん宅（本町3-4-5）", "pii.address"),
    ("会場は本町3-4-5の自宅です", "pii.address"),
    ("会場：本町3-4-5（自宅）", "pii.address"),
    ("会場 自宅（本町3-4-5）", "pii.address"),
    ("場所：本町3-4-5 山田様方", "pii.address"),
    ("避難所（本城町7-7）に避難中の山田トメさん（本町3-4-5）", "pii.address"),
    ("自宅：上越市本町3-4-5", "pii.address"),
    ("自宅から通報した山田花子さん（本町3-4-5）", "pii.address"),
    ("本町3-4-5の自宅で転倒", "pii.address"),
    ("自宅住所：本町3-4-5", "pii.address"),
    ("ご自宅（本町3-4-5）までお届けします", "pii.address"),
    ("利用者宅（本町3-4-5）を訪問", "pii.address"),  # s39
    ("山田花子（本町3-4-5）", "pii.address"),
    ("住所：本町3-4-5 氏名：山田花子", "pii.address"),
    ("[English] Mr. Taro Yamada lives at 3-12-5 Minami-Honcho, Joetsu City", "pii.address"),
    ("[Português] A Sra. Maria Souza mora em 2-4-8 Naka-machi, Joetsu", "pii.address"),  # s39
    ("[Português] Sra. Maria Souza (2-4-8 Naka-machi, Joetsu City)", "pii.address"),  # s39
    # A neighbourhood's, a PTA's or a festival's office is a resident's home (the 局 of 事務局 was read as a department).
    ("町内会事務局 山田花子（本町3-4-5）", "pii.address"),
    ("自治会 事務局 山田花子（本町3-4-5）", "pii.address"),
    ("PTA事務局 山田花子（本町3-4-5）", "pii.address"),
    ("お問い合わせ：〇〇祭り実行委員会 山田花子（本町3-4-5）", "pii.address"),
    # 「自宅〜」 labelling the address, or care and visits at one person's home.
    ("自宅療養先 本町3-4-5", "pii.address"),
    ("自宅待機中：本町3-4-5", "pii.address"),
    ("自宅訪問先：本町3-4-5", "pii.address"),
    ("自宅介護中の母 本町3-4-5", "pii.address"),
]

# Still missed, and why they were left.
KNOWN = [
    ("マイナンバー：1234_5678_9018", "pii.my_number",
     "no form or IME gives 「_」 between the groups; joining groups by it would join every code's parts"),
    ("マイナンバー：1234〜5678〜9018", "pii.my_number", "「〜」 between numbers is a range (「1234〜5678」) in Japanese"),
    ("カード番号 4111〜1111〜1111〜1111", "pii.card_number", "「〜」 between numbers is a range, as for the 個人番号"),
    ("カード 4111 1111\n1111 1111", "pii.card_number",
     "two groups a line under the bare word 「カード」 are a table's rows (カード発行枚数); 「カード番号」 is read (LEAKS)"),
    ("落とし物の連絡は拾得者の山田花子さん（025-523-1234）へ", "pii.phone",
     "SPEC §5: pii.phone is about mobiles; a landline is a shop's or an office's as often as a home's"),]


@pytest.mark.parametrize("text", OWN_AND_PUBLIC)
def test_the_offices_own_and_public_data_raise_no_pii_finding(text: str) -> None:
    assert _pii(text) == [], text


@pytest.mark.parametrize(("text", "code"), LEAKS)
def test_personal_data_is_found(text: str, code: str) -> None:
    assert code in [c for c, _ in _pii(text)], text


@pytest.mark.parametrize(("text", "code", "why"), KNOWN)
def test_known_miss_still_missed(text: str, code: str, why: str) -> None:
    # When one of these starts to fire, move it to LEAKS.
    assert code not in [c for c, _ in _pii(text)], why


@pytest.mark.parametrize(
    "text",
    [
        "防災担当 公用携帯 090-1111-2222",
        "公用携帯 ０９０（１１１１）２２２２",
        "公用携帯 +81 90 1111 2222",
        "公用携帯 〇九〇－一一一一－二二二二",
        "公用携帯 090-1111-\n2222",
    ],
)
def test_the_citys_own_mobile_listed_in_full_width_is_not_blocked(text: str) -> None:
    # The config accepts 「０９０－１１１１－２２２２」 (it reads the number NFKC) and kept it as written; the rule took
    # only ASCII digits from it, so the city's own published mobile was blocked in every post that gave it.
    written = RulePolicy(official_phone_numbers=("０９０－１１１１－２２２２",))
    assert _pii(text, policy=written) == []
    overridden = {"pii.phone": RuleOverride(allow=("０９０－１１１１－２２２２",))}
    assert _pii(text, policy=RulePolicy(), overrides=overridden) == []
    # Another mobile is still someone's.
    other = text.replace("2222", "2223").replace("２２２２", "２２２３").replace("二二二二", "二二二三")
    assert [c for c, _ in _pii(other, policy=written)] == ["pii.phone"]


def test_a_mail_domain_allowed_in_full_width_is_allowed() -> None:
    overridden = {"pii.email": RuleOverride(allow=("ｇｍａｉｌ．ｃｏｍ",))}
    assert _pii("連絡は taro@gmail.com へ", policy=RulePolicy(), overrides=overridden) == []
    assert _pii("連絡は taro@yahoo.co.jp へ", policy=RulePolicy(), overrides=overridden) == [("pii.email", "taro@yahoo.co.jp")]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("個人番号：1234\n5678\n9018", "1234\n5678\n9018"),
        ("マイナンバー\n1234\n5678\n9018\n（申請者 山田太郎）", "1234\n5678\n9018"),
        ("個人番号：12345678\n9018", "12345678\n9018"),
        ("個人番号：１２３４\n５６７８\n９０１８", "１２３４\n５６７８\n９０１８"),
    ],
)
def test_a_my_number_stacked_a_group_a_line_under_its_label_is_found_and_masked(text: str, number: str) -> None:
    # Lines of four digits were a list whatever stood above them; under the number's own name they are the number,
    # and the incident report must not copy it either.
    assert_my_number_flagged_and_masked(text, number)


@pytest.mark.parametrize(
    "text",
    [
        "マイナンバー\n1234\n5678\n9018\n3456",  # sixteen digits: a list, not a 個人番号
        "マイナンバーカード交付枚数\n1234\n5678\n9018",  # the card's count, not its number
        "受付番号：1234\n5678\n9018",
        "マイナンバー\n0000\n0000\n0000",
        "マイナンバー\n1234\n5678\n9019",  # the check digit is wrong
    ],
)
def test_lines_of_digits_that_are_no_stacked_my_number_stay_silent(text: str) -> None:
    assert _pii(text) == []


def test_a_card_number_stacked_under_its_label_shows_only_its_last_four_digits() -> None:
    [(code, excerpt)] = _pii("カード番号\n4111\n1111\n1111\n1111\n有効期限 12/28")
    assert code == "pii.card_number"
    assert "4111" not in excerpt and excerpt.endswith("1111") and excerpt.count("＊") == 12
