"""Benchmark of the rule engine (SPEC §7: rule checks/second and median latency on 1,000 characters).

    python benchmarks/rules.py [--no-textlint] [--word-lists]

Prints: latency (median, p95) and checks/second on one realistic 1,000-character draft; the same
for a batch of 1,000 generated realistic drafts; the cold start of `python -m bot check`; and, when
node/npm are available, the same batch through textlint with textlint-rule-preset-ja-technical-writing
(installed into a temporary directory, never into the repository); and the slowest check of a
40,000-character draft made of one shape repeated (``www.`` …), which shows whether any rule's
time grows faster than the text; with ``--word-lists``, the same for every word-list entry.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.rules import CheckContext, RulePolicy, check  # noqa: E402

NOW = datetime(2025, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
POLICY = RulePolicy(
    allowed_link_domains=("city.joetsu.niigata.jp",), official_phone_numbers=("025-526-5111",)
)
SENTENCES = [
    "上越市からのお知らせです。",
    "11月30日（日）に総合防災訓練を行います。",
    "当日は防災行政無線で訓練放送が流れますので、ご理解とご協力をお願いします。",
    "燃やせるごみは収集日の朝8時30分までに集積所へ出してください。",
    "詳しくは https://www.city.joetsu.niigata.jp/soshiki/bousai/ をご覧ください。",
    "お問い合わせは危機管理課 025-526-5111 までお願いします。",
    "高田城址公園では観桜会の準備が進んでいます🌸",
    "期日前投票は各区総合事務所でもできます。",
    "参加は無料、申込みは不要です。",
    "雪下ろしの際は命綱とヘルメットを着用し、一人で作業しないでください。",
    "12月4日から10日は人権週間です。",
    "市立図書館で絵本の読み聞かせ会を開きます。",
    "#上越市 #防災",
    "インフルエンザの予防接種の費用を一部助成します。",
    "ペットボトルはキャップとラベルを外して出してください。",
]


def draft(rng: random.Random, length: int) -> str:
    parts: list[str] = []
    while sum(map(len, parts)) < length:
        parts.append(rng.choice(SENTENCES))
    return "".join(parts)[:length]


def timings(texts: list[str], platform: str = "x") -> list[float]:
    ctx = CheckContext(platform=platform, now=NOW, policy=POLICY)
    out = []
    for t in texts:
        start = time.perf_counter()
        check(t, ctx)
        out.append(time.perf_counter() - start)
    return out


def report(name: str, ts: list[float]) -> None:
    ts_sorted = sorted(ts)
    p95 = ts_sorted[int(len(ts_sorted) * 0.95) - 1]
    print(
        f"{name}: median {statistics.median(ts) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms, "
        f"{len(ts) / sum(ts):,.0f} checks/s (n={len(ts)})"
    )


def cold_start() -> None:
    cmd = [sys.executable, "-m", "bot", "check", "-", "--platform", "x", "--at", "2025-11-20T10:00+09:00"]
    probe = subprocess.run(cmd, input="x", capture_output=True, text=True, cwd=ROOT)
    if probe.returncode not in (0, 1):
        cmd = [
            sys.executable,
            "-c",
            "import sys; from bot.check_cli import main_for_tests; raise SystemExit(main_for_tests(sys.argv[1:]))",
            *cmd[3:],
        ]
    for label, text in (
        ("clean draft", "本日は燃やせるごみの収集日です。"),
        ("draft that needs the analyser", "お前は馬鹿だ"),
    ):
        ts = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(cmd, input=text, capture_output=True, text=True, cwd=ROOT)
            ts.append(time.perf_counter() - start)
        print(f"cold start `{' '.join(cmd[1:4])}` ({label}): median {statistics.median(ts) * 1000:.0f} ms")


def textlint(texts: list[str]) -> None:
    if not (shutil.which("node") and shutil.which("npm")):
        print("textlint: node/npm not found, skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        install = subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "textlint",
                "textlint-rule-preset-ja-technical-writing",
            ],
            cwd=tmp,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if install.returncode != 0:
            print(f"textlint: npm install failed, skipped ({install.stderr.strip()[:200]})")
            return
        docs = Path(tmp, "docs")
        docs.mkdir()
        for i, t in enumerate(texts):
            (docs / f"{i:04d}.txt").write_text(t, encoding="utf-8")
        bin_ = Path(tmp, "node_modules", ".bin", "textlint")
        base = [str(bin_), "--preset", "ja-technical-writing", "--format", "json"]
        start = time.perf_counter()
        subprocess.run([*base, str(docs / "0000.txt")], cwd=tmp, capture_output=True)
        single = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run([*base, str(docs)], cwd=tmp, capture_output=True)
        batch = time.perf_counter() - start
        print(
            f"textlint (ja-technical-writing): one draft incl. start-up {single * 1000:.0f} ms; "
            f"batch of {len(texts)} in one process {batch:.2f} s = {len(texts) / batch:,.0f} drafts/s"
        )


# Repeated to Slack's 40,000-character limit: the shapes each rule's scanning is most likely to
# be slow on (long runs of hosts, numbers, mentions, emoji, words the analyser must split).
ADVERSARIAL = ["よくある誤解\n", "誤解であり、", "「うつ病は甘え」は本当でしょうか。もちろん、", "a（https://a.jp/", "https://a.jp/x！", "a！https://", "www.a.jp！www.", "www.", "www.a", "https://a.", "0-", "1-1-", "12-34-", "a@", "a@b.", "😀", "👨\u200d👩\u200d👧", "ﾊﾟ",
               "死ね", "＃ａ ", "#", "。", "1月", "(月)", "〒", "\u200b", "ｈｔｔｐｓ：／／", "①https://a.jp/Ａ", "…a.jp",
               "第1・", "12月6日・", "https://あ.", "12月1日（周一）", "12월 1일(월)", "）・1（土）", "1/1 (T2) ",
               "土曜日（12月1日・", "1/1 Sat ", "?sv=1&sig=aaaaaaaaaaaaaaaaaa&",
               "https://a.jp/上/", "11月31日", "11/25(水･祝)", "令和7年（2026年）",
               "本日1月1日", "外人墓地、", "市長（バカ）", "部落（ぶらく）差別（さべつ）",
               "ハ゛", "バ\n", "馬\ufe0f", "Fri 12/", "拡散希望 ", "ウジ虫、",
               "山田候補に投票を ", "後援会、", "違法薬物、", "#a https://a.jp ",
               "検討中の案です。", "a.jp。\n", "3日（水） ",
               # Session 18: words run together in katakana, times, IPv6 brackets, connection
               # strings, spelled-out words after another script, pages named after a link.
               "バカアホ", "午後13時", "10時75分", "13:00 PM ", "https://[", "https://[::1]/ ",
               "a://b:c@", "パスワード👉 ", "はバ カ", "https://a.jp/wiki/上 ", "外国人お断りです。",
               "Lorem ipsum dolor sit amet ", "\u202eあ", "バ\u0336", "bаka ", "マイナンバー1",
               "パスワード\tx\n", "a\tKessai2026!\n", "WIFI:S:a;P:", "mail a at b dot c ", "CVV: 1",
               '"password": "', "https://www.google.com/url?q=https://a.jp/ ",
               "○", "外国人滚出去", "外国人滚出去 ",
               "三丁目四番", "佐藤方 本町3-4-5 ", "平成38年", "平成31年5月1日", "2026/2/30 ",
               # Session 19: reported insults, quoted scam lines, safety share requests, doubts,
               # month headings, fiscal years, wrapped numbers, PIN labels.
               "「バカ」と言われた ", "「口外しないで」 ", "クマ拡散希望 ", "本当かどうか ", "12月は6日（金）",
               "来年度分は12月1日（月）", "090-1234-\n", "暗証番号 4821 ", "12月の", "〇ね ",
               "3/12 (Wed) ", "Wednesday 3/12 ", "「バカ」「", "「バカ」などの言葉はやめましょう ",
               "外国人はいらない。こうした偏見を", "外国人はいらない。これは根拠のない",
               "外国人のせいで", "移民を受け入れると", "外国人が増えてこの", "うつ病は甘え。", "ひきこもりは本当に", "A市民は民度が低い。", "〇〇町の", "a市", "あいつはがいじだ。", "はがいじ", "×うつ病は甘え\n○", "×\n",
               # Session 20: passwords in a draft about Wi-Fi, login pairs, party candidates, drinking
               # and driving, CSV cells, kanji-digit phones, stamps, a year before a date.
               "Wi-Fi パスワード: Kessai2026 ", "アカウント情報 abcdefgh/abcdefgh1 ", "ID koho01 PW Kessai2026 ",
               "自民党の候補者をよろしく、", "ビール1杯なら運転しても平気、", "山田,123456789018,", "○九○－",
               "【未公表】", "令和9年の8月21日（土）", "暗証番号4821 ", "自宅 本町3-4-5 ", "自宅。本町3-4-5。",
               # Key headers without their END lines, code labels in prose, keys in a query, wrapped
               # numbers, one digit a box, stamps in disguise, odd dots in addresses.
               "-----BEGIN RSA PRIVATE KEY-----\n", "PuTTY-User-Key-File-2: x\n", "backup code abcd ",
               "security code abc ", "?key=", "&sig=a.jpg?", "1234 5678\n9018\n", "1-\n", "0 9 0 1 ",
               "個人番号 1 ", "\n㊙組", "\n○秘人", "【部 外 ", "a@b。", "a@b . ", "a%40b.com ", "81-90-",
               "暗証番号 1 ", "OTP: ", "one time code ", "。取扱注意：", "。取扱注意：保管しましょう",
               "。転送禁止：本資料", "外国人は出ていけば ",
               # Session 22: a percentage before a domain, 個人番号 in formal numerals or with letters.
               "100%cafe.jp ", "マイナンバー 壱弐参肆 ", "個人番号 I234 ",
               # Passwords with a space in them or in kana.
               "パスワード：ab12 cd ", "パスワードはさくら", "パスワード：「あ",
               # Tokens broken by spaces.
               "xoxb- 1- ", "AKIA 1 ",
               # A call two sentences after the candidate.
               "立候補。a。ぜひ一票を！", "投票给一二", "가가 가가에게 투표 ",
               # Session 22: candidacies for roles no election fills, the mayor getting out the vote.
               "ミス上越に立候補、応援 ", "大使に立候補", "中川市長も投票を ",
               # Stamps said to be absent.
               "部外秘：なし（", "【非公開】の部分は", "部外秘 ",
               # The official account and an administrator introduced.
               "公式アカウント a_1 Ab1234 ", "公式 ", "Admin: Ab1234 ",
               # Session 23: a Wi-Fi standard with its cipher in brackets, and the key after it.
               "パスワード：WPA2 Personal（AES） ", "接続キー：WPA2 Personal Ab1234 ",
               "sk- proj- a1", "パスワードは、あ、", "パスワードは次のとおりです。a1", "暗証番号、 ", "パスワード、Windows11と同じ ",
               "名前\t暗証番号\n田中\t4821\n",
               # A midwife's post, women only.
               "助産師募集（女性のみ）", "求人 助産師（会計年度任用職員）",
               # Quoted words as the topic of the hurt they do.
               "「死ね」は、", "「死ね」は、傷つけ",
               # Session 26 (b): a group's coming blamed for crime, a verdict as a reason, 「部落」 explained.
               "外国人が増えると治安が悪く", "外国人が増えると治安が悪くなります", "女性は感情的なので",
               "「部落」は集落を指す", "派遣社員は使い捨て", "東北の人は",
               "「外国人は出ていけ」という声", "【人権週間】\n", "#a https://a.jp\n",
               "女性は感情的なので管理職、", "女性は感情的なので　　　　、", "生活保護は甘えだから、と", "声を聞きます？？？？", "差別「外国人は出ていけ」という声",
               "「生活保護は甘え」という考え方を見直し、", "という考え方を　", "考えを改めて　　　、と", "「部落」は〇〇地区を指す、", "「部落」は上越市の集落を指す", "「部落」という言葉の意味を学ぶ、",
               # Discriminatory words quoted in a warning against them.
               "「女のくせに」——", "「女のくせに」などと言わないよう",
               # A clean vote asked after a contest.
               "コンテスト。清き一票を！", "清き一票を", "コンテスト。\n\n\n\n清き一票を！",
               # A word named to be replaced.
               "「外人」ではなく「", "外国人は出ていけと言われても仕方",
               # A wish that a group leave, after a run of groups.
               "外国人には国に帰ってほしい", "外国人の方は、国に帰ってほしい、",
               # A group turned away politely.
               "外国人の方のご入居はご遠慮", "外国人はご遠慮 ",
               # Quoted words in a question that warns.
               "「ホモ」などていませんか",
               # Session 22 review: the new word-list entries and labels, logins by the official
               # account or an admin screen, the Korean right to vote, insults shouted at someone.
               "嘘つきばかり、", "黙ってろ", "「いい加減にしろ」", "捕まりません", "パスフレーズ：a ", "接続キー a ",
               "ログイン 公式アカウント a_1 Ab1234 ", "管理画面 Admin: Ab1234 ", "주민에게 투표권 ",
               "「a」と大声 ", "「死ね」と市長に ",
               # Session 23 (h15): Wi-Fi standards and services named after a password label.
               "パスワード：WPA2 / ", "パスワード：Microsoft ", "パスワード：Wi-Fi 6 ", "パスワード：WPA2-PSK-",
               # The hurt a quoted word does, denied.
               "「バカ」は傷つけない", "傷つける言葉では", "「障害者は家にいてほしい」という声は傷つけない",
               # A group refused a service named as the object.
               "障害者の方は入店を", "外国人は入店をお断り",
               # Groups listed as one subject.
               "外国人・", "高齢者や", "外国人、障害者の方はお断り", "外国人と 障害者 ",
               # One sex between the job and 募集.
               "員も女性のみ", "職は 女性限定で ", "女性のみ 求人",
               # Regards for a mayor next to a vote.
               "投票。中川市長をよろしく", "市長をよろしく 投票 ",
               # An English vote for a name in romaji.
               "Vote for Taro ", "Vote for Tarotarotaro ", "Vote for Taro Yamada contest ",
               # Session 23 review: a standard's modes before a key, katakana values, the law on
               # one-sex ads, romaji places, shouted calls, the passive refusal.
               "パスワード：WPA2 Personal ", "接続キー：WPA2 PSK Mixed ", "パスワード：ユキダルマ\n", "パスワード：ア",
               "女性のみ募集は違法、", "Vote for Myoko Kogen ", "「死ね」と怒鳴りつけよう", "外国人の方は入居をお断りされ",
               # Session 24 (h3): verdicts on a group ending the sentence, roles by sex, scorned pronouns
               # told to leave, unnamed illegal acts, regards for a standing candidate without a title.
               "LGBTの人は生産性がない", "外国人はいらないwww", "同性愛は気持ち悪いです。", "女は家事をしていればいい",
               "女は家事家", "家事は女が", "男なら泣くな", "男は仕事、女は家庭", "女は家事してりゃ",
               "あいつらは出ていけ", "お前らこの町から出てけ", "捨てれば見つかりません", "捨てても捨",
               "飲んだ後でも自転車なら大丈夫", "投票。現職の中川をよろしく", "部落の歴史 人権 ",
               # Their review: the evasion's own warnings, a scorned pronoun reported or said of a pest,
               # staff introduced before a name, a role reported past its 「！」, 部落 in a lesson's name.
               "人がいない夜中に捨てれば見つからない", "埋めれば見つから", "お前は出ていけ、と言われ",
               "カラス。あいつらを追い出せ", "案内を担当します。中川をよろしく", "男なら泣くな！と", "泣くな！",
               "部落 人権講座 ",
               # Labels whose value is only a number (a phone's unlock number, a Zoom host key), and a
               # step's heading after an announced password.
               "ロック解除は 482913 ", "ロックロック解除：", "ホストキー：SHA256:a1 ", "host key ", "解除番号 1 ", "xoxe-1-a1 ",
               "パスワードは以下のとおりです。STEP1", "パスワード：Step 1 ",
               # Session 27: links cut at a full-width bracket one after another in one run of URL
               # characters (each was matched to the run's end again: 28 s at 80,000 characters).
               "https://a.jp/（-",
               # Session 25 (b): a bare wish or advice right after the topic, a benefit's people, a licence, the act of saying.
               "外国人には本当に帰ってほしい", "国に帰るべき", "外国人は早く早く", "生活保護を受けている人は", "生活保護もらってる",
               "高齢者は免許を返納すべきか、", "「死ね」と書き込むのは", "」と書き込むのは", "#外国人", "#がいこくじんい", "#外国人いらない ", "日本人は中国人より", "中国人より日本人の方が", "「外国人はいらない」", "外国人はいらない」", "外国人は来ないでください",
               "南京錠 ", "キーボックス 4821 ", "ダイヤル式の鍵：", "2段階認証のコード：", "PIN 4821 ", "Wi-Fi:a キー:b1 ",
               # Session 25 (h4): a verdict pressed by an adverb, a prejudice questioned in the next sentence.
               "外国人は本当に本当に", "生活保護は、やっぱり甘え。", "外国人はいらない。そう思っていませんか。",
               "外国人は出ていけ。そんな声を", "外国人は出ていけ。そう思っている人",
               # A statement spelled in kana or broken by marks.
               "がいこくじんはでていけ。", "がいこくじん", "外🇨🇳国人は", "やっぱりやっぱり", "ほんとにほんとに",
               # 死ね masked or kept apart inside a sentence.
               "市長は〇ね", "人はし😡ね", "し😡", "〇", "は、、、〇ね", "し・・・",
               # 部落 taught in a sentence after the lesson is named.
               "人権講座。部落の歴史を学ぶ。", "部落の歴史 ", "部落、",
               # A drunk-driving misconception described as others'.
               "自転車なら飲んでも大丈夫と思っている人 ", "と思っている人",
               # A verdict after 「はっきり言って」.
               "外国人は、はっきり言って、", "障害者は正直言って邪魔。", "人は〇ね、", "外国人住民は", "外国人とか、", "外国人とか", "障害者用駐車は迷惑です", "障害者用",
               # Session 25 review: a slur in a lesson's sentence, a rebuttal agreed with, a group's own 専用 as the topic.
               "部落差別。部落の歴史は汚い。", "部落の歴史来るな、", "そう思っていませんか。私もそう思います。", "障害者専用は",
               "パスワードは以下のとおりです。STEP1", "パスワード：Step 1 ", "パスワード：STEP1 a", "パスワード：STEP1 です",
               "南京錠 ", "キーボックス 4821 ", "ダイヤル式の鍵：", "2段階認証のコード：", "PIN 4821 ", "Wi-Fi:a キー:b1 ",
               # Session 25 (c): a year after PIN, a lock's price, an ID and its password a slash apart.
               "ANA PIN 2026 ", "A PIN 2026 ", "SIM PIN 1985 ", "キーボックス 3980 円 ", "テンキー 5678 ", "オートロック 1205号 ", "特価 キーボックス 3980。", "キーボックス 3980 、", "キーボックス：3980（税込）", "ID: a1 / ", "ID: a1 / b1cdef ",
               "a1 / Ab1#cdef\n", "a1 / ", "届いたコード", "届いた6桁のコード「48", "確認用コード：4 ", "2FAコード ", "G-482913 があなたの Google ", "G-482913 is your Google ",
               "オートロック 4821# ", "テンキーは ", "オートロック解除 1 ", "オートロック 家賃 2 ", "1・", "暗証番号：4・8・2・1・",
               # Session 25 (b): a bare wish or advice right after the topic, a benefit's people, a licence, the act of saying.
               "外国人には本当に帰ってほしい", "国に帰るべき", "外国人は早く早く", "生活保護を受けている人は", "生活保護もらってる",
               "高齢者は免許を返納すべきか、", "「死ね」と書き込むのは", "」と書き込むのは", "#外国人", "#がいこくじんい", "#外国人いらない ", "日本人は中国人より", "中国人より日本人の方が", "「外国人はいらない」", "外国人はいらない」", "外国人は来ないでください",
               "南京錠 ", "キーボックス 4821 ", "ダイヤル式の鍵：", "2段階認証のコード：", "PIN 4821 ", "Wi-Fi:a キー:b1 ",
               "a1 / Ab1#cdef\n", "a1 / Ab1(cdef)\n", "a1 / Ab1((((", "a1 / ", "届いたコード", "届いた6桁のコード「48", "確認用コード：4 ", "2FAコード ", "G-482913 があなたの Google ", "G-482913 is your Google ",
               "オートロック 4821# ", "テンキーは ", "オートロック解除 1 ", "オートロック 家賃 2 ", "1・", "暗証番号：4・8・2・1・",
               # Session 25 review (b): advice, licence and ranking tails, repudiated quotes, a room kept for men.
               "外国人は国に帰るべきだだだ", "高齢者は免許を返納すべき、", "運転に不安を感じる高齢者は免許を返納すべき", "高齢者に限らず",
               "「生活保護は甘えだ」と述べ、謝罪", "「外国人は出ていけ」との発言は不適切", "女性より男性の方が優秀と", "日本人より外国人の方が使える",
               "男性更衣室女性の方はご遠慮", "男湯女性はお断り、", "」と書き込むのはいじめではない", "雪\n高齢者は運転しないで",
               # Session 25 (i): a PIN's dots with spaces around them.
               "暗証番号 4 ・ 8 ・ ", "1 ・ ", " ・ 1", "暗証番号 4   8   ", "暗証番号：4 ・8 ・2 ・1 ・ ",
               "G-482913 が あなたの Google の ", "G-482913 があなたの Google の確認 ",
               "passcode 4821 ", "Passcode 1 ",
               "キーボックスの暗証番号は1234です", "金庫の暗証番号：0000\n", "ミーティングID 812 パスコード 1234 ",
               "暗証番号は1111です。", "鍵 暗証番号：1111 例",
               "パスワードはさくら2026になりました", "パスワード：さくらになりました ",
               # A PIN's wide boxes beside a table's row, on one long line and on short ones.
               "暗証番号 4  8  2  1 12 3 4 ", "暗証番号 4  8  2  1\n12 3 4\n",
               # Session 25 (m): a statement run on past 「！」, passed on and answered or agreed with, a refusal's hint.
               "外国人は出ていけ！と", "マナーが悪い！という声", "！と", "「外国人は出ていけ」という声を聞きます。",
               "外国人は出ていけという声", "しかし、それは差別です。とはいえ一理", "「生活保護は甘えだ」との意見もあります。その通り",
               "生活保護は権利などない", "階段のみのため、", "階段のみのため、車いすの方はご遠慮ください。", "と言う人",
               "外国人は出ていけという声を聞きます。当然、", "【人権】「外国人は出ていけ」との声。その通り",
               "外国人は出ていけという声。権利", "外国人は出ていけという声。しかし、権利", "外国人は出ていけ、という声。逆差別",
               "生活保護は甘えだという意見。その通り", "外国人はいらないという声、", "という苦情。しかし、多くの方",
               # Session 26: codes a fraud warning quotes, lock codes, joined pieces, OAuth codes.
               "被害者：暗証番号は4821です。詐欺", "詐欺 認証コード 482913 を", "鍵の番号は4821です", "金庫は 4821 で",
               "PW:「ab」+「12」 を", "パスワードは「a」と「b」", "https://a.jp/cb?code=AbCdEf1234567890GhIj ",
               "&code=AbCdEf1234567890GhIj", "sk.eyJaaaaaaaaaaaaaaaaaaaa.", "key-a", "ATATT3",
               "パスワード\n新：Kessai2026!\n", "新：Kessai2026!\n", "PW：a + ", "パスワードは a の後に",
               # Session 26 review: the narrowed exemptions.
               "詐欺 4821 を教えて", "犯人：暗証番号は？ 被害者：", "パスワード変更\n旧：9am-5pm\n", "12:30 pm ",
               "パスワードは「A-Z」と「0-9」を組み合わせて12文字",
               # Review of session 26: 「PIN番号」 as a label.
               "PIN番号：4821 ", "PIN 番号 ", "PIN番号は4桁",
               "パスワードは 9:30 am (", "パスワード変更：10/1(",
               "net use \\\\a ", "net use /user:a ", "sshpass -p ", "mysql -p'", "sqlplus a/", "-U a%", "lftp -u a,",
               "「パスワード」は ", "“パスワード”：k", "「パスワード」：a b",
               "パスワードを教えて→", "パスワードは？ A. a", "暗証番号は何ですか⇒",
               "暗証番号はよんはち", "PIN:ごごごごごごごごごごごごごご",
               "暗証番号は 0120-123-456 (", "パスワードは10:00-1",
               "パスワード欄に a1 ", "パスワードには ", "PWも", "パスワードは下記のとおり ", "PWは次 a",
               "psexec -p ", "ConvertTo-SecureString '", "$pw = a b ",
               # Review of session 27: the switches before ConvertTo-SecureString's string.
               "ConvertTo-SecureString -Force ",
               # An announced value quoted or closed with です on its sentence's line.
               "パスワードは下記のとおり「", "パスワードは下記のとおり K です ",
               # A quoted password with spaces in it: 「$pw = "Kessai 2026!"」.
               'PW: "a1 ', "PW: 'a1 b2 c3 d4 e5 f6 g7 ",
               # htpasswd -b and a password piped to sudo -S.
               "htpasswd -b ", "htpasswd -a ", "htpasswd -b a ", "echo 'aaaa' | sudo -a ", "| sudo -k ",
               "htpasswd -b -C 1 a ", "echo aaaa|", "| sudo -u a ", "| /a/a/a", "| sudo --a ",
               # A short clause between 「は」 and the value: 「パスワードは全員共通で …」.
               "パスワードは全員共通で", "パスワードは全員共通で K ", "PWはああああああああああああああああああ",
               "「障害者はいらない」と遠慮しないで言おう", "「障害者はいらない」と言わないで", "言っては",
               "と言ってはいけない", "「障害者はいらない」は差別ではありません。", "は差別では",
               "「うつ病は甘え」は本当でしょうか。", "「うつ病は甘え」は本当",
               "よくある誤解\n・うつ病は甘え\n", "・うつ病は甘え\n", "よくある誤解\n", "・うつ病は甘え\nどちらも誤りです。\n",
               "うつ病は甘え。よく耳にする言葉です。", "うつ病は甘え。よく耳にする言葉です。しかし、それは誤解です。",
               "という考え方を、", "考えを、今一度、", "「外国人は出ていけ」という考え方を、今一度見直しましょう。",
               "不登校はただの", "ただの", "うつ病は完全に", "発達障害の子どもは", "の子どもは", "うつ病なんて甘えだろ",
               "のではなく", "と言うのではなく、", "「うつ病は甘え」と決めつけるのはやめましょう。", "責めない",
               "障害者はいらない、これは差別ではない。", "うつ病は甘え、", "差別ではなく偏見",
               # Review of 27 (j): the denial put in others' mouths.
               "は差別ではない、という", "「外国人は出ていけ」は差別ではないと思っている人",
               "誤解を恐れずに言います\n・うつ病は甘え\n", "誤解", "よくある誤解、ありませんか？\n", "どちらも誤解\n"]
# Review of 38: one long sentence of conditions an unnamed act needs (「無免許でも自転車、」), each of which read the whole
# sentence again (30 s).
ADVERSARIAL += ["無免許でも自転車、", "赤信号でも矢印、", "未成年でも参加、"]
# A long sentence of a party's voters (「自民党に投票した人、」): each searched the rest of it for a count or an urging (26 s).
ADVERSARIAL += ["自民党に投票した人、", "自民党に投票した人の割合、"]
# The same for a party's 支持 in a clause on a thing (「自民党が支持する候補、」): 14 s.
ADVERSARIAL += ["自民党が支持する候補、"]
# One line of 「PASS」 and strong values: each sliced the line before it and the whole rest of the draft (2 s).
ADVERSARIAL += ["PASS Kessai2026! "]


def adversarial() -> None:
    """The slowest single check of a 40,000-character draft made of one repeated shape.

    Slack delivers messages up to 40,000 characters, and a check runs on the request thread: a
    rule whose time grows faster than the text would let one paste stall the bot. Each shape is
    also timed at 10,000 characters; a ratio near 4 is linear."""
    # With a posting time, so that the checks that need one (「本日12月5日」) run too.
    ctx = CheckContext(now=NOW, scheduled_at=NOW, recent_texts=tuple(SENTENCES))
    rows = []
    for unit in ADVERSARIAL:
        ms = []
        for n in (10_000, 40_000):
            text = (unit * (n // len(unit) + 1))[:n]
            t = time.perf_counter()
            check(text, ctx)
            ms.append((time.perf_counter() - t) * 1000)
        rows.append((ms[1], ms[1] / ms[0], unit))
    worst = max(rows)
    steepest = max(rows, key=lambda r: r[1])
    print(f"40,000 characters of one repeated shape ({len(rows)} shapes): slowest {worst[0]:.0f} ms ({worst[2]!r}); "
          f"largest 40k/10k time ratio {steepest[1]:.1f} ({steepest[2]!r}; 4.0 is linear)")
    padded(ctx)


# A beginning, then one long run of filler, then what the pattern waits for: a pattern that may
# split the run between two optional parts (「\s*日?\s*」) is quadratic or worse on these, which
# repeated shapes do not show (session 16: 「11/25」, 40,000 spaces and 「(」 would have taken
# about 40 s).
PADDED = [(start, fill, end) for start in ("11/25", "12月5日", "令和8年（2026", "本日11/25", "https://a.jp/", "第1",
                                           "パスワード", "090", "午後", "https://[", "postgres://a")
          for fill in (" ", "　", "\t") for end in ("(", "x", "日", "時", "@")]
# Names and calls apart by a run of spaces (session 25: timed here, no longer in tests/rules/).
PADDED += [("外国人", " ", "滚"), ("자민당", " ", "지"), ("市長選挙です。山田太郎", " ", "を応援")]
# Review of 27 (j): a myth list's verdict line, then spaces (「どちらも誤解」 and 40,000 spaces took 30 s).
PADDED += [("・うつ病は甘え\nどちらも誤解", " ", "x"), ("・うつ病は甘え\n\nよくある誤解", "　", "x")]
# Review of 38: a Korean insult before a long run of marks closed by a quote (「바보」, 40,000 「!」 and 「」」
# took 6 s: every split of the run was tried against the quote).
PADDED += [("바보", "!", "」")]
# 「Foreigners out」 and 40,000 spaces before a letter: 41 s, the spaces split between the sentence end's two runs.
PADDED += [("Hi. Foreigners out", " ", "x")]
# An act named, then 40,000 spaces: 33-41 s, the spaces split between _ALLOWED_OUTRIGHT's two runs.
PADDED += [("ポイ捨て", " ", "x"), ("違法ダウンロード", "　", "x")]


def padded(ctx: CheckContext) -> None:
    rows = []
    for start, fill, end in PADDED:
        ms = []
        for n in (10_000, 40_000):
            text = start + fill * (n - len(start) - len(end)) + end
            t = time.perf_counter()
            check(text, ctx)
            ms.append((time.perf_counter() - t) * 1000)
        rows.append((ms[1], ms[1] / ms[0], f"{start}+{fill!r}…+{end}"))
    worst = max(rows)
    steepest = max(rows, key=lambda r: r[1])
    print(f"40,000 characters of one beginning, one filler and one end ({len(rows)} shapes): slowest {worst[0]:.0f} ms "
          f"({worst[2]}); largest 40k/10k time ratio {steepest[1]:.1f} ({steepest[2]})")
    distinct_secrets(ctx)


def distinct_secrets(ctx: CheckContext) -> None:
    """Many different secrets in one draft (a pasted list of PINs): every finding's text is masked
    against every secret, which a repeated shape (one secret) does not show."""
    ms = []
    for n in (500, 2_000):
        text = "".join(f"暗証番号：{1000 + i * 7}　Ｘ{i} " for i in range(n))
        t = time.perf_counter()
        check(text, ctx)
        ms.append((time.perf_counter() - t) * 1000)
    print(f"2,000 different PINs (about 30,000 characters): {ms[1]:.0f} ms; 2,000/500 time ratio "
          f"{ms[1] / ms[0]:.1f} (4.0 is linear)")


def word_lists() -> None:
    """Every entry of every bundled word list, repeated with a space and with 「、」 (so one long
    sentence holds thousands of matches), at 4,000 and 16,000 characters.

    Rules weigh a match against its sentence (context words, a source, the calls around a name):
    work per match over the whole sentence is quadratic on these (session 17: 「拡散希望 」 repeated
    took 70 s at 10,000 characters). Opt-in: about six minutes."""
    from bot.rules.wordlists import load_sections

    ctx = CheckContext(now=NOW, scheduled_at=NOW)
    entries: set[str] = set()
    for path in (ROOT / "bot" / "rules" / "data").glob("*.txt"):
        if path.name.startswith(("harmful_domains", "shorteners")):
            continue
        for words in load_sections(path.name).values():
            for line in words:
                for part in line.replace(":", ",").split(","):
                    word = part.split("/")[0].strip()
                    if word and len(word) < 30:
                        entries.add(word)
    rows = []
    for word in sorted(entries):
        for sep in (" ", "、"):
            ms = []
            for n in (4_000, 16_000):
                text = (word + sep) * (n // (len(word) + 1))
                t = time.perf_counter()
                check(text, ctx)
                ms.append((time.perf_counter() - t) * 1000)
            rows.append((ms[1], ms[1] / ms[0], word + sep))
    worst = max(rows)
    steepest = max(rows, key=lambda r: r[1])
    print(f"16,000 characters of one word-list entry repeated ({len(rows)} shapes): slowest {worst[0]:.0f} ms "
          f"({worst[2]!r}); largest 16k/4k time ratio {steepest[1]:.1f} ({steepest[2]!r}; 4.0 is linear)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-textlint", action="store_true")
    parser.add_argument("--word-lists", action="store_true", help="also time every word-list entry repeated (~6 min)")
    args = parser.parse_args()
    rng = random.Random(20251120)
    one = draft(rng, 1000)
    check(one, CheckContext(now=NOW))  # warm-up: package data, Sudachi, PSL
    report("1,000-character draft (x)", timings([one] * 300))
    report("1,000-character draft (blog)", timings([one] * 300, platform="blog"))
    batch = [draft(rng, rng.randint(40, 600)) for _ in range(1000)]
    # Every tenth draft carries something to find, so the analyser and link rules do real work.
    for i in range(0, len(batch), 10):
        batch[i] += rng.choice(
            [
                "らしいです。",
                "馬鹿",
                "https://bit.ly/abc",
                "090-1234-5678",
                "11月22日（金）",
                "①",
                "パスワードは Kessai2026! です。",
                "【機密性2】",
                "担当 090\u200b1234\u200b5678",
                "taro(at)example.com",
            ]
        )
    start = time.perf_counter()
    ts = timings(batch)
    total = time.perf_counter() - start
    report("batch of 1,000 realistic drafts (40–600 chars)", ts)
    print(f"batch wall time {total:.2f} s")
    adversarial()
    if args.word_lists:
        word_lists()
    cold_start()
    if not args.no_textlint:
        textlint(batch)


if __name__ == "__main__":
    main()
