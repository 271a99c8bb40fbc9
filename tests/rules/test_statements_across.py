"""Electioneering and exclusion that a single sentence does not reveal: a call in the sentence after
the one naming a candidate or a group, and the same statements in the Chinese and Korean of
multilingual notices."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes, findings_of


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("中川幹太市長は来年の市長選で再選を目指します。皆さんの応援をよろしくお願いします！", "中川幹太"),
        ("〇〇党の△△候補が立候補を表明しました。ぜひ一票を！", "〇〇党の△△候補"),
        ("自民党の山田太郎候補が立候補を表明しました。ぜひ一票を！", "山田太郎"),
        ("中川市長（中川幹太）は来年の市長選に立候補します。皆さんの応援をよろしく！", "中川幹太"),
        ("山田太郎さんが市議選に出馬します。\nぜひ応援してください！", "山田太郎"),
        ("自民党が市長選に候補者を擁立しました。ご支援をお願いします。", "自民党"),
        ("中川市長は来年の市長選で再選を目指します。みんなで応援しましょう！", "中川"),
        ("中川市長は来年の市長選で再選を目指します。引き続き応援よろしくお願いします！", "中川"),
        ("中川幹太市長が市長選への立候補を表明しました。市民の皆さん、応援よろしくお願いします！", "中川幹太"),
    ],
)
def test_a_call_right_after_a_sentence_naming_a_candidate_fires(text: str, quoted: str) -> None:
    [f] = findings_of("prohibited.political", text)
    assert f.severity == "warning"
    assert f"「{quoted}」" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "市長選挙は12月7日です。中川市長を応援しよう！",
        "来年は市長選挙です。中川幹太さんの応援をよろしくお願いします。",
        "中川市長を応援しよう！来年の市長選挙に向けて集会を開きます。",
        # A candidacy for an elected office still counts (only 観光大使・PTA会長 and the like do not).
        "市議会議員に立候補した中川さんを応援しています",
        "観光大使の中川が議員に立候補。応援しよう！",
        # Regards for an elected office's holder next to a vote: the turnout appeal before does not
        # make the candidate's slogan after it neutral.
        "中川市長も投票を呼びかけています。中川市長をよろしく",
        "市長選挙の投票日は12月7日です。中川市長をよろしくお願いします。",
        "期日前投票に行きました。今日も中川議員をよろしく！",
    ],
)
def test_support_for_a_named_person_next_to_an_election_fires(text: str) -> None:
    [f] = findings_of("prohibited.political", text)
    assert "中川" in f.message


@pytest.mark.parametrize(
    "text",
    [
        # Support for the sitting mayor with no election near: cheering, not campaigning.
        "中川市長を応援しよう！",
        # Neutral election notices, which name no candidate.
        "12月7日は上越市長選挙の投票日です。皆さんの一票をお願いします。",
        "期日前投票は12月1日から6日まで、市役所で行っています。大切な一票を！",
        "選挙公報を各世帯に配布しました。候補者の政策を確かめて、大切な一票を投じてください。",
        "開票速報は市のホームページでお知らせします。皆さんの投票をお待ちしています。",
        # Two candidates named: a call that follows is for neither.
        "市長選挙には中川幹太氏と山田太郎氏が立候補しています。大切な一票を！",
        # No election in the sentence before.
        "中川市長が上越商工会議所を表敬訪問しました。皆さんの応援をよろしくお願いします！",
        "山田選手が日本代表候補に選ばれました。皆さんの応援をよろしくお願いします！",
        "中川市長が全国大会に出場する上越高校野球部を激励しました。応援しよう！",
        "ゆるキャラグランプリに「レンコン」がエントリーしました。ぜひ一票を！",
        # The mayor getting out the vote.
        "中川市長が明るい選挙推進大会であいさつしました。皆さんの一票をお願いします。",
        "中川市長が市長選挙の啓発イベントに出席しました。ぜひ一票を！",
        # Support for something named, not for the person.
        "中川市長が再選を果たし、初登庁しました。引き続き市政へのご支援をよろしくお願いします。",
        # The result reported, then thanks.
        "中川市長が再選を果たしました。引き続きご支援をよろしくお願いします。",
        "市長選挙で中川幹太氏が再選されました。ご支援をお願いします。",
        # The election in the next sentence, but the mayor cheered someone else.
        "中川市長が選手を応援しました。市長選挙の投票日は12月7日です。",
        # A paragraph apart.
        "中川市長が市長選への立候補を表明しました。\n\n市民マラソンの応援ボランティアを募集します。",
        # A place whose name is also a surname (高田, 直江津), named in a neutral notice.
        "高田区の市議選の立候補者説明会を開きました。皆さんの一票をお願いします。",
        "直江津の選挙ポスター掲示場を設置しました。ぜひ一票を！",
        # A candidacy for a role no election fills (session 22: these fired).
        "観光大使に立候補した山田さんを応援しています",
        "ミス上越に立候補した山田花子さんを応援しよう！",
        "上越市観光大使に立候補した山田花子さん。皆さんの応援をよろしくお願いします！",
        "PTA会長に立候補した山田さんを応援しよう",
        # An election that is not a political one, and its result.
        "高田高校の生徒会選挙で山田さんが会長に選ばれました。みんなで応援しましょう！",
        "市議会議長選挙で山田太郎氏が議長に選出されました。今後ともご支援をお願いします。",
        # Regards with no vote near (a new mayor greeted), a person of no elected office, a result
        # reported, a school's election, a contest's vote.
        "中川市長が就任しました。中川市長をよろしくお願いします。",
        "投票日は12月7日です。選挙管理委員の中川さんをよろしくお願いします。",
        "中川市長が再選されました。引き続き中川市長をよろしくお願いします。",
        "生徒会選挙の投票がありました。新会長の中川会長をよろしく！",
        "ご当地グルメ人気投票を実施中。中川市長をよろしく！",
    ],
)
def test_election_notices_and_the_mayors_own_news_are_silent(text: str) -> None:
    assert "prohibited.political" not in codes(text)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("请投票给自民党！", "自民党"),
        ("자민당에 투표해 주세요!", "자민당"),
        ("12月7日の市議選：请支持立宪民主党。", "立宪民主党"),
    ],
)
def test_chinese_and_korean_calls_for_a_party_fire(text: str, quoted: str) -> None:
    [f] = findings_of("prohibited.political", text)
    assert f"「{quoted}」" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "中文：12月7日是市长选举投票日。请去投票。",
        "한국어 안내: 12월 7일은 시장 선거 투표일입니다. 투표해 주세요.",
        "欢迎来到上越市！请投票给你喜欢的照片。",
        "자민당 지지율이 하락했습니다.",
        "当选自民党议员的名单已公布。",
        "大选自民党获胜。",
        # Results of an election named in Chinese (众院选, 市长选, 补选, 知事选), not a call.
        "在众院选自民党获得多数席位。",
        "本次市长选自民党推荐的候选人当选。",
        "补选自民党候选人当选。",
        "知事选自民党推荐的候选人落选。",
    ],
)
def test_chinese_and_korean_election_notices_are_silent(text: str) -> None:
    assert "prohibited.political" not in codes(text)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Vote for Taro Yamada on Sunday!", "Taro Yamada"),
        ("Please vote for Kanta Nakagawa in the city election.", "Kanta Nakagawa"),
        ("Elect Hanako Suzuki!", "Hanako Suzuki"),
        ("Vote for Mayor Kanta Nakagawa", "Kanta Nakagawa"),
        ("Vote for Taro Yamada at the polls on Sunday!", "Taro Yamada"),
    ],
)
def test_an_english_vote_for_a_japanese_name_fires(text: str, quoted: str) -> None:
    [f] = findings_of("prohibited.political", text)
    assert f"「{quoted}」" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "Vote for Best Costume!",
        "Vote for Takada Castle as the best night view!",
        "Please vote for your favourite photo.",
        "Vote for Momo Nakamura in the mascot contest!",
        "Election results: Kanta Nakagawa 45,210 votes, Taro Yamada 38,002 votes.",
        "Foreign residents cannot vote in the city election.",
        # Places and festivals in romaji, and a tourism poll (db274d6 read them as a person's name).
        "Please vote for Myoko Kogen!",
        "Vote for Yuki Matsuri!",
        "Vote for Kasugayama Jinja!",
        "Vote for Kenshin Uesugi, our local hero, in the Sengoku character poll!",
    ],
)
def test_english_votes_for_no_person_are_silent(text: str) -> None:
    assert "prohibited.political" not in codes(text)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("最近ごみ出しのルールを守らないのは外国人ばかり。出ていけと言いたくなります。", "外国人"),
        ("夜中に騒いでいるのは技能実習生だ。\n追い出せ！", "技能実習生"),
        ("ルールを守らないのは外国人ばかり。お前らは日本から出ていけ。", "外国人"),
        ("外国人ばかり増えた。日本から出ていってほしいです。", "外国人"),
        ("外国人滚出去", "外国人"),
        ("외국인은 나가라!", "외국인"),
        ('"안녕" 외국인은 나가라 "끝"', "외국인"),
    ],
)
def test_driving_a_group_out_across_sentences_or_languages_fires(text: str, group: str) -> None:
    [f] = findings_of("prohibited.discrimination", text)
    assert f.severity == "error"
    assert f"「{group}」" in f.message


@pytest.mark.parametrize(
    "text",
    [
        # Reported or opposed, quoted, or someone else's words.
        "外国人住民の家に張り紙がありました。「出ていけ」と書かれていました。",
        "外国人住民が増えています。出ていけなどの言葉は人権侵害です。",
        "外国人の方へ。アパートを出ていけと言われたら、相談窓口へご連絡ください。",
        "外国人住民の方から「家に帰れ」と言われたとの相談がありました。差別は許されません。",
        # A group named, then something that is not an imperative against them.
        "高齢者の方へ。路上駐車は迷惑です。",
        "参加者は外国人ばかりでした。大いに盛り上がりました。",
        "大雨のため、外国人観光客の皆さまは早めに宿へお戻りください。",
        "高齢者の方の事故が増えています。暗くなる前に家に帰ってほしいです。",
        "技能実習生の皆さんが実習を修了しました。元気に国に帰ってほしいです。",
        # The imperative said of something else.
        "外国人住民の皆さんと節分の豆まきをしました。鬼を追い出そう！",
        "高齢者の皆さんへ。部屋の寒さを追い出そう！",
        "高齢者施設で感染症が広がっています。感染症なんていなくなれ！",
        "外国人の方も参加できる花粉症セミナーを開きます。いなくなれ、花粉症！",
        "外国人住民の皆さんも豆まきに参加しました。出ていけ、鬼！",
        "外国人住民の皆さんと一緒に雪かきをしました。冬将軍、出ていけ！",
        # Human-rights awareness in the Chinese and Korean of a multilingual notice: the hate speech
        # quoted, or named to oppose it.
        "ヘイトスピーチ、許さない。\n中文：“外国人滚出去”等仇恨言论是不能容忍的。",
        "ヘイトスピーチ、許さない。\n한국어: \"외국인은 나가라\" 같은 혐오 발언은 용납되지 않습니다.",
        "中文：“外国人滚出去”这样的言论是歧视。",
        "中文：有人在街上喊“你们外国人滚出去！”，这样的言论是歧视。",
        "외국인은 나가라 같은 말은 차별입니다.",
    ],
)
def test_posts_about_groups_followed_by_other_sentences_are_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人住民の皆さんと一緒に、鬼を追い出そう！",
        "高齢者の皆さん、部屋の寒さを追い出そう！",
    ],
)
def test_driving_out_something_else_in_a_sentence_about_a_group_is_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    ["外国人を追い出せ！", "外国人の人を追い出せ", "外国人たちを追い出せ", "在日の連中を追い出そう",
     "ルールを守らないのは外国人ばかり。お前ら、出ていけ！", "ルールを守らないのは外国人ばかり。そういう人、出ていけ！",
     "ルールを守らないのは外国人ばかり。みんな、出ていけ！", "ルールを守らないのは外国人ばかり。出ていけ、お前ら！",
     "ルールを守らないのは外国人ばかり。帰れ、国へ！"],
)
def test_driving_the_group_itself_out_still_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("外国人" + " " * 40_000 + "滚", set()),
        ("자민당" + " " * 40_000 + "지", set()),
        ("市長選挙です。山田太郎" + " " * 40_000 + "を応援", set()),
        ('"' + "外国人滚出去" * 6_667, {"prohibited.discrimination"}),
        ("外国人滚出去 " * 5_715, {"prohibited.discrimination"}),
    ],
)
def test_long_runs_of_spaces_after_a_name_are_read_whole(text: str, expected: set[str]) -> None:
    """Two optional runs of spaces around an optional word backtracked quadratically: 「外国人」 and
    40,000 spaces took 34 s to check. What is found is checked here (a hang is stopped by
    pytest-timeout); the time is measured in benchmarks/rules.py (PADDED and ADVERSARIAL)."""
    # 40,000 spaces are no sentence: the words on either side are not read as one call to drive
    # a group out, and the length findings are the only ones.
    assert set(codes(text)) - {"a11y.long_sentence", "platform.length"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "山田太郎候補が立候補しました。政策は子育て支援です。ぜひ一票をお願いします。",
        "中川幹太市長は来年の市長選で再選を目指します。公約は雪対策です。皆さんの応援をよろしくお願いします！",
    ],
)
def test_a_call_two_sentences_after_the_candidate_fires(text: str) -> None:
    """A sentence about the candidate between the name and the call (their policy) hid the call:
    only the sentence right before it was read for a name."""
    assert "prohibited.political" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "市長選挙に山田太郎氏と佐藤花子氏が立候補しました。政策は子育て支援です。ぜひ一票を！",
        "山田太郎候補が立候補しました。\n\n政策は子育て支援です。ぜひ一票をお願いします。",
        "中川市長が再選されました。任期は4年です。引き続き応援よろしくお願いします。",
    ],
)
def test_a_call_two_sentences_on_stays_silent_after_two_names_a_paragraph_or_a_result(text: str) -> None:
    assert "prohibited.political" not in codes(text)
