"""Session 25 (h4): posts a careless or malicious member of staff could write, which must be stopped,
beside the legitimate municipal posts nearest to them (人権啓発, 交通安全, 生活保護の案内, 外国人住民向け
案内, 節分, 害虫駆除, 選挙管理委員会), which must pass."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("生活保護の連中はほんとに甘え。", "prohibited.discrimination"),
        ("外国人はさっさと国に帰れ。", "prohibited.discrimination"),
        ("ざいにちは　にほんから　でていけ！！", "prohibited.discrimination"),
        ("障害者は本当に迷惑です。", "prohibited.discrimination"),
        ("障害者施設は迷惑だ", "prohibited.discrimination"),
        # What they are given for being who they are, with no thing named: said of them.
        ("障害者専用は迷惑だ", "prohibited.discrimination"),
        ("外国人向けは邪魔だ。", "prohibited.discrimination"),
        ("障害者は正直言って邪魔。", "prohibited.discrimination"),
        ("高齢者はお荷物", "prohibited.discrimination"),
        ("年寄りはもう引っ込んでろ。", "prohibited.discrimination"),
        ("同性愛はやっぱり気持ち悪い。", "prohibited.discrimination"),
        ("外国人労働者は正直いらないです。", "prohibited.discrimination"),
        ("外国人は、はっきり言って、いらない。", "prohibited.discrimination"),
        ("LGBTは絶対に病気だ", "prohibited.discrimination"),
        ("移民はやはり犯罪者ばかり。", "prohibited.discrimination"),
        ("女は黙って家事をしていればいい。", "prohibited.discrimination"),
        ("生活保護は甘え。私もそう思います。", "prohibited.discrimination"),
        ("外国人はいらない。そう思いませんか。", "prohibited.discrimination"),
        ("市長は〇ねよ", "prohibited.insult"),
        ("議員ども、し🔥ね。", "prohibited.insult"),
        ("あいつら全員〇ね", "prohibited.insult"),
        ("ナマポはマジで税金泥棒", "prohibited.insult"),
        ("お酒を飲んでも自転車なら捕まらないよ。", "prohibited.illegal"),
    ],
)
def test_hostile_posts_fire(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # 人権啓発
        "【人権啓発】「外国人はいらない」——こんな言葉を見聞きしたことはありませんか。",
        "生活保護は甘え。そう思っている人もいるかもしれません。でも、生活保護は憲法で保障された権利です。",
        "障害者差別解消法が改正され、合理的配慮の提供が義務化されました。",
        "LGBTについて正しく知ろう。同性愛は病気ではありません。",
        # 生活保護の案内
        "生活保護の申請は、本当に必要なときにためらわずにご相談ください。",
        "生活保護は、やっぱり最後のセーフティネットです。",
        # 外国人住民向け案内
        "外国人住民の皆さんへ。ごみは本当に分別が大切です。",
        "がいこくじんの みなさん、ごみは きめられた ひに だして ください。",
        "外国人相談窓口では、やさしい日本語で対応します。",
        "外国人は本当に困っています。相談窓口をご利用ください。",
        "外国人の方は、近所迷惑にならないよう、夜間の騒音にご注意ください。",
        # 節分・害虫駆除
        "節分です！鬼は外、福は内。鬼はでていけ！",
        "節分の豆まきで、みんなで鬼を追い出そう！",
        "スズメバチの巣は本当に危険です。業者に駆除を依頼してください。",
        "ゴキブリはでていけ！害虫駆除のコツを紹介します。",
        "カメムシは本当にいらない！家に入れない工夫を紹介します。",
        # 選挙管理委員会
        "期日前投票所の案内係は中川です。お気軽にお声がけください。",
        "投票所では係員の指示に従ってください。選挙管理委員会",
        # 交通安全
        "自転車も飲酒運転は禁止です。「少しなら大丈夫」は通用しません。",
        "自転車なら、お酒を飲んでも大丈夫と思っている人が多いようです。しかし自転車も飲酒運転の罰則があります。",
        # 高齢者・障害者・女性への案内
        "高齢者の方は、大雪の日は無理をしないでください。",
        "高齢者は特に熱中症に注意が必要です。",
        "高齢者は迷惑電話に注意してください。",
        "障害者の方の通行の邪魔にならないよう、点字ブロックの上に自転車を置かないでください。",
        "女性は本当に健診を受けてほしい。乳がん検診のご案内です。",
        "年末はゴミ出しの日に注意。燃やせるごみは本当に分別してね。",
        "クイズ：正解は○ね！答えは3番でした。",
        # Manners around things for their use: 迷惑 is said of the parking, not of them.
        "障害者用駐車場への一般車の駐車は迷惑です。",
        "高齢者向け住宅の前への路上駐車は迷惑です。",
        "障害者専用スペースへの駐車は迷惑です。",
        "障害者用トイレを長時間使うのは迷惑です。",
        "高齢者優先席に若者が座るのは迷惑です。",
        "ここは障害者用、一般車の駐車は迷惑です。",
        "この駐車場は障害者用です。一般車の駐車は迷惑です。",
        "障害者用は左側です。一般車の駐車はご遠慮ください。",
        "高齢者向けは、段差がなく迷惑をかけずに使えます。",
    ],
)
def test_legitimate_posts_near_them_are_silent(text: str) -> None:
    assert not [c for c in codes(text) if c.startswith("prohibited.")]
