"""spam.duplicate (茅野市 4(8)): what session 41's red team found.

Municipal accounts post series from one template: the same notice for another district, facility, job,
road or warning. The near-duplicate comparison (90% alike) took each for a repeat of the last and blocked
it as spam; the repeat it is meant for (the same notice reworded: 「下さい」「いたします」「十分」 added, 「現在」
dropped) must still be found.
"""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes


def duplicate(text: str, previous: str) -> bool:
    return "spam.duplicate" in codes(text, recent_texts=(previous,))


GARBAGE = "本日は燃やせるごみの収集日です。朝8時30分までに、お住まいの地区の集積所へ出してください。"
POOL = "市民プールは本日、設備点検のため休業します。ご迷惑をおかけしますが、ご理解とご協力をお願いします。"
SCAM = "上越市では、現在、市の職員を名乗る不審な電話が相次いでいます。還付金があるなどと言ってATMへ誘導する詐欺にご注意ください。"
WARNING = "大雨警報が上越市に発表されました。不要不急の外出は控え、気象情報や市からのお知らせに注意してください。"
ROAD = "県道上越新井線は現在、雪のため通行止めとなっています。迂回路をご利用いただき、時間に余裕を持ってお出かけください。"
BEAR = "市内で熊の目撃情報がありました。目撃場所は大貫地内です。外出の際は十分に注意してください。"

SERIES = [
    (GARBAGE.replace("燃やせる", "燃やせない"), GARBAGE),
    (WARNING.replace("大雨", "大雪"), WARNING),
    (WARNING.replace("に発表されました", "で解除されました"), WARNING),
    (POOL.replace("市民プール", "市民体育館"), POOL),
    (ROAD.replace("上越新井線", "上越飯山線"), ROAD),
    (BEAR.replace("熊", "猿"), BEAR),
    (BEAR.replace("大貫", "中門前"), BEAR),
    ("上越市職員（保健師）を募集します。申込期限は1月9日（金）です。詳細は市ホームページをご覧ください。",
     "上越市職員（土木技師）を募集します。申込期限は1月9日（金）です。詳細は市ホームページをご覧ください。"),
    ("上越市立高田図書館は、館内整理のため臨時休館いたします。ご不便をおかけしますが、ご理解をお願いします。",
     "上越市立直江津図書館は、館内整理のため臨時休館いたします。ご不便をおかけしますが、ご理解をお願いします。"),
    ("【高田区】本日は燃やせるごみの収集日です。朝8時30分までに、地区の集積所へ出してください。",
     "【頸城区】本日は燃やせるごみの収集日です。朝8時30分までに、地区の集積所へ出してください。"),
    ("本日の高田城址公園観桜会は、強風のため夜桜ライトアップを中止します。ご来場予定の皆さまはご注意ください。",
     "本日の高田城址公園観桜会は、強風のため夜桜ライトアップを実施します。ご来場予定の皆さまはご注意ください。"),
    ("明日のイベントは予定どおり開催しません。雨具をお持ちのうえ、お気をつけてお越しください。会場は市民広場です。",
     "明日のイベントは予定どおり開催します。雨具をお持ちのうえ、お気をつけてお越しください。会場は市民広場です。"),
    ("明日のイベントは予定どおり開催を見合わせます。雨具をお持ちのうえ、お気をつけてお越しください。会場は市民広場です。",
     "明日のイベントは予定どおり開催します。雨具をお持ちのうえ、お気をつけてお越しください。会場は市民広場です。"),
    ("インフルエンザの予防には、こまめな手洗いと適度な湿度の保持が効果的です。体調管理に気を付けましょう。",
     "ノロウイルスの予防には、こまめな手洗いと適度な湿度の保持が効果的です。体調管理に気を付けましょう。"),
    ("本日の給食の献立は、ごはん、牛乳、さばのみそ煮、けんちん汁、ほうれん草のおひたしです。地元産の食材を使っています。",
     "本日の給食の献立は、ごはん、牛乳、さけの塩焼き、けんちん汁、ほうれん草のおひたしです。地元産の食材を使っています。"),
    ("市内の避難所は現在、直江津学びの交流館、高田駅前ロータリー会館で開設しています。",
     "市内の避難所は現在、直江津学びの交流館、高田駅前ロータリー会館で閉鎖しています。"),
    ("水道管の凍結にご注意ください。気温が氷点下になる夜は、屋外の水道管を保温材で覆うなど対策をお願いします。",
     "水道管の破裂にご注意ください。気温が氷点下になる夜は、屋外の水道管を保温材で覆うなど対策をお願いします。"),
]


@pytest.mark.parametrize(("text", "previous"), SERIES)
def test_the_next_notice_of_a_series_is_no_repeat(text: str, previous: str) -> None:
    assert not duplicate(text, previous)
    assert not duplicate(previous, text)


REWORDED = [
    (GARBAGE.replace("ください", "下さい"), GARBAGE),
    (GARBAGE.replace("出してください", "お出しください"), GARBAGE),
    (POOL.replace("休業します", "休業いたします").replace("お願いします", "お願い致します"), POOL),
    (POOL.replace("休業します", "休業となります"), POOL),
    (POOL.replace("おかけ", "お掛け").replace("本日、", "本日"), POOL),
    (POOL.replace("設備点検", "設備の点検").replace("ご理解と", "ご理解・"), POOL),
    (SCAM.replace("詐欺に", "詐欺に十分"), SCAM),
    (SCAM.replace("現在、", "").replace("。", "！！"), SCAM),
    (BEAR.replace("十分に", "十分"), BEAR),
    (ROAD.replace("現在、", "現在も"), ROAD),
]


@pytest.mark.parametrize(("text", "previous"), REWORDED)
def test_the_same_notice_reworded_is_still_a_repeat(text: str, previous: str) -> None:
    assert duplicate(text, previous)
    assert duplicate(previous, text)
