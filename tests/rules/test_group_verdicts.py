"""Statements that disparage a group or assign a role by sex without an [exclusion] word: a verdict
said of the group as the topic (「LGBTの人は生産性がない」), and 固定的な性別役割分担意識 as the post's
own word (「女は家事をしていればいい」). Reviewed against 茅野市 4(7)③ and 和気町 4(5)イ."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes, findings_of


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("LGBTの人は生産性がない", "LGBT"),
        ("LGBTって生産性ないよね", "LGBT"),
        ("同性愛は気持ち悪いです。", "同性愛"),
        ("同性愛者はキモい😅", "同性愛者"),
        ("ゲイってキモい", "ゲイ"),
        ("外国人労働者はいらない。", "外国人労働者"),
        ("在日はいらねー", "在日"),
        ("生活保護は甘え", "生活保護"),
        ("障がい者なんて役に立たない", "障がい者"),
        ("移民たちは犯罪者だと思う。", "移民"),
        # A word that only presses the verdict harder stands between.
        ("外国人は本当にいらない", "外国人"),
        ("生活保護はやっぱり甘え", "生活保護"),
        ("外国人はマジでいらない。", "外国人"),
        ("障害者は正直いらない", "障害者"),
        ("移民は絶対にいらない！", "移民"),
        ("LGBTは所詮病気", "LGBT"),
        ("外国人はもう本当に本当にいらない", "外国人"),
        ("外国人はほんまにいらん", "外国人"),
        # The group's kind of people, or the group named as one of a kind.
        ("外国人住民はいらない", "外国人"),
        ("中国人観光客はいらない", "中国人"),
        ("生活保護受給者は甘え", "生活保護"),
        ("外国人とか、マジでいらない。", "外国人"),
        # The people who receive the benefit named.
        ("生活保護を受けている人は甘え", "生活保護"),
        ("生活保護受けてる奴は甘えだ。", "生活保護"),
        ("生活保護を受給している人はいらない。", "生活保護"),
        ("生活保護に頼っている人は本当に甘えだと思う。", "生活保護"),
        # Manners and breeding laid on a whole people, in polite words too.
        ("外国人の方はマナーが悪いですね。", "外国人"),
        ("中国人観光客は民度が低い。", "中国人"),
        ("外国人観光客は本当にマナーが悪すぎる！", "外国人"),
        ("韓国人は下品だ。", "韓国人"),
    ],
)
def test_a_verdict_on_a_group_fires(text: str, group: str) -> None:
    [f] = findings_of("prohibited.discrimination", text)
    assert f.severity == "error"
    assert f"「{group}」" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "女は家事をしていればいい。",
        "男なら泣くな！",
        "男なら泣くな！と私は思う。",
        "家事は女がするもの。",
        "男は仕事、女は家庭。",
        "嫁は家のことだけやっていればいい",
        "女性は家庭に入るべきだ。",
        "男のくせに泣くんじゃない。",
        # Session 39: what men are, as 「女は家事をするもの」 is (the male side had only orders), and 「男のくせに」 as
        # the word 「女のくせに」; 「女は家庭を守るもの」 was silent too.
        "男は外で働くものだ。",
        "男は外で稼ぐもの。",
        "男性は家族を養うものだ。",
        "男は泣かないものだ。",
        "男は泣くものじゃない。",
        "男は外で働くべきだ。",
        "男のくせに料理なんかするな。",
        "男の子のくせにピンクの服なんて。",
        "女は家庭を守るものだ。",
        # Set in the past only to be asked about, doubted or held still.
        "男は外で働くもの。そんな時代は終わったのでしょうか。",
        "男は外で働くもの。そんな時代は終わった、と言う人もいますが、違います。",
        "女は家事をするもの。そんな時代は終わりました。でも今もそうあるべきです。",
        "男は外で働くもの。それは昔の話ですが、今もそうあるべきです。",
        "男は外で働くもの。そう考える人が増えています。",
    ],
)
def test_a_role_assigned_by_sex_fires(text: str) -> None:
    [f] = findings_of("prohibited.discrimination", text)
    assert "性別役割分担" in f.message


@pytest.mark.parametrize(
    "text",
    [
        # The verdict said of something else, or not ending the sentence.
        "女性活躍推進：生産性がない長時間労働を見直しましょう。",
        "高齢者は予約はいらないです。",
        "外国籍の方は不要です。",
        "健診の結果、高齢者は異常なし。",
        # An adverb before what is said of something else (a booking, a form), or before a denial.
        "高齢者は特に予約はいらないです。",
        "65歳以上の高齢者は基本的に申請はいらないです。",
        "外国籍の方は特に手続きはいらないです。",
        "マイナンバーカードがあれば障害者手帳はいらないです。",
        "外国人観光客は予約はいらないです。",
        "高齢者世帯は異常なし。",
        "日本人とか外国人とか、関係ない。",
        "同性愛は決して病気ではありません。",
        "外国人は、本当にいらない？市民の声を聞くアンケートを実施します。",
        "外国人労働者はいらない？市民の声を聞くアンケートを実施します。",
        # Quoted or named to be opposed.
        "「LGBTの人は生産性がない」という発言が批判を受けました。",
        "「同性愛は気持ち悪い」——こんな言葉が当事者を深く傷つけています。",
        "同性愛は病気ではありません。",
        "障害者は甘えだという誤解をなくしましょう。",
        "同性愛と人権について考える講演会を開催します。",
        "LGBTの人も暮らしやすいまちへ。",
        # Gender roles questioned, or not assigned.
        "「男は仕事、女は家庭」という考え方を見直しましょう。",
        "男性も家事・育児に参加しましょう。",
        "男の子だって泣いていい。",
        "女性は家事をすべき、という思い込みはありませんか。",
        "「男なら泣くな」と言われて育った世代の方も多いでしょう。",
        # Unquoted, with the 「！」 that ends the sentence before the report goes on.
        "男なら泣くな！と言われて育った世代も、今は変わりつつあります。",
        "女は家事をしていればいい！って、いつの時代の話でしょうか。",
        # Session 39: the male roles named to be questioned, once said, or not a role at all.
        "男は外で働くもの、という固定観念を見直しましょう。",
        "男は外で働くものだと思っていませんか。",
        "昔は、男は外で働くものと言われた時代がありました。今は男女ともに働く時代です。",
        "男性も育休を取りましょう。",
        "男女ともに働きやすい職場づくりを進めます。",
        "男性は働く場所を選べます。",
        "男性は外で働くものの、家事も分担しています。",
        "男性職員は働くべき時間を守りましょう。",
        "男のくせに、という言葉に傷つく人がいます。",
        "男子のくせに、と言わないようにしましょう。",
        "【男女共同参画】「女のくせに」「男のくせに」という言葉は、性別による決めつけです。",
        # A 男女共同参画 post's opening without its heading, the role set in the past by the next sentence.
        "男は外で働くもの、女は家庭を守るもの。そんな時代は終わりました。",
        "女は家事をするもの。そんな時代はもう終わりました。",
        "男は外で働くもの。今はそんな時代ではありません。男性も育休を取りましょう。",
        "男は泣かないもの。それは昔の話です。",
        "男性は外で働くもの。そう考える人は減っています。",
        "男は働くべきか、家事をすべきか。パネル討論を開催します。",
        "男のくせに料理が上手ですね、なんて言わないで。",
        "お母さんは料理が得意です。",
        "女子会プランは家族連れにも人気です。",
        "男子ハンドボール部が全国大会で優勝しました。",
        "女性の家事時間は男性の約3倍です（内閣府調査）。",
        "パートの女性は夫の扶養に入れば保険料の負担がなくなります。",
        # The people who receive the benefit, with something else said of them, or the verdict denied.
        "生活保護を受けている方は、手続きはいりません。",
        "生活保護を受けている人は病院の窓口負担がいりません。",
        "生活保護を受けている人は、甘えではありません。",
        "生活保護を受けている人は甘え、という偏見をなくしましょう。",
        "外国人観光客はマナーが悪い一部の人に困っています。",
        "高齢者は運転マナーが悪いと思われがちですが、事故の多くは若者です。",
        "外国人観光客はマナーが悪い？そんなことはありません。",
        "外国人観光客の皆さんへ：ゴミのポイ捨てはマナー違反です。",
        "外国人はマナーが悪いという偏見をなくしましょう。",
    ],
)
def test_posts_that_name_such_words_or_say_them_of_something_else_are_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


# Session 25: one people or one sex ranked above another by worth.
@pytest.mark.parametrize(
    "text",
    [
        "中国人より日本人の方が優秀です。",
        "韓国人より日本人の方がマナーがいい。",
        "日本人は中国人より勤勉です。",
        "中国人は日本人と違ってマナーが悪い。",
        "外国人より日本人を優先すべきです。",
        "女は男より劣っている。",
        "中国人より日本人の方が優秀だと思います。",
        "中国人より日本人の方が優秀な民族です。",
        "日本人は中国人より勤勉で、真面目です。",
    ],
)
def test_a_people_ranked_above_another_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "日本人より外国人の方が多い地区です。",
        "10年前より外国人の方が増えています。",
        "男性より女性の方が平均寿命が長いです。",
        "女性より男性の方が、健診の受診率が低い傾向にあります。",
        "日本人の方が外国人より優秀なのでしょうか？",
        "「日本人は外国人より優秀だ」という考えは偏見です。",
        "外国人より日本人の方が優秀、なんてことはありません。",
        "日本人が外国人より優れているわけではありません。",
        "女性の方が男性よりマナーがいい、という調査結果が出ました。",
        # Worth said of a manner, of a thing, or as what others answer, feel or say.
        "アンケートでは、女性より男性の方が運転マナーが悪いと答えた人が多くなりました。",
        "男性より女性の方が真面目に健診を受けています。",
        "市内では、日本人より外国人の方が使える窓口が少ないのが課題です。",
        "女性より男性の方がうるさいと感じる人が多いそうです。",
        "外国人より日本人の方がマナーが悪いという意見もありました。",
    ],
)
def test_counts_findings_and_rankings_denied_are_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


# Session 25: a verdict quoted whole and passed on without opposing it, as 「「外国人は出ていけ」という
# ご意見をいただきました」 already fires: the official account would publish it.
@pytest.mark.parametrize(
    "text",
    [
        "【市民の声】「生活保護の人は甘えている」とのご意見をいただきました。",
        "市長は「生活保護は甘えだ」と述べ、批判が集まっています。",
        "「高齢者はいらない」という声もあります。",
        "生活保護の人は甘えている。",
        "市長は「生活保護は甘えだ」と述べました。",
        "「生活保護は甘えだ」と抗議しました。",
    ],
)
def test_a_verdict_quoted_and_passed_on_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「同性愛は気持ち悪い」——こんな言葉が当事者を深く傷つけています。",
        "「外国人はいらない」と思っていませんか。",
        "「高齢者は予約はいらない」とのことです。",
        "子どもは親に甘えている。",
        # Reported with what befell it: taken back, apologised for, called improper, protested.
        "市長は「生活保護は甘えだ」と述べ、謝罪しました。",
        "議員は「生活保護は甘えだ」との発言を撤回しました。",
        "「生活保護は甘えだ」との発言は不適切だとして、議長が注意しました。",
        "「生活保護は甘えだ」と発言した議員に対し、抗議文を送りました。",
    ],
)
def test_a_verdict_quoted_to_oppose_it_is_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)
