"""Statements a single word does not reveal (discrimination, electioneering, hearsay), and ordinary
posts that only look like them (QA findings)."""

from __future__ import annotations

import pytest

from bot.rules.misc import _silent_correction
from bot.rules.text import Document
from tests.conftest import assert_stays_linear
from tests.rules.conftest import codes, findings_of


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("在日朝鮮人は日本から出ていけ。", "在日朝鮮人"),
        ("外国人は犯罪ばかりするので気をつけましょう。", "外国人"),
        ("あの地区の人とは結婚しないほうがいい。", "あの地区"),
        ("障害者は施設に入っていればいい。", "障害者"),
        ("中国人は国に帰れ！", "中国人"),
    ],
)
def test_statements_against_a_group_fire(text: str, group: str) -> None:
    [f] = findings_of("prohibited.discrimination", text)
    assert f.severity == "error"
    assert f"「{group}」" in f.message
    assert text.startswith(f.excerpt) and group in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "外国人の方も窓口で申請できます。",
        "外国人観光客も安心して家に帰れます。",
        "障害者の方も外に出て行けます。",
        "「外国人は出ていけ」などのヘイトスピーチは許されません。",
        "「あの地区の人とは結婚しないほうがいい」という偏見をなくしましょう。",
        "同和問題や外国人の人権について考える研修会を開きます。",
        "障害者施設に入所を希望される方はご相談ください。",
    ],
)
def test_posts_about_those_groups_that_do_not_exclude_them_are_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("市長選挙では中川幹太候補をよろしくお願いします！", "中川幹太"),
        ("中川市長の再選を応援しています！", "中川"),
        ("中川幹太を市長に！", "中川幹太"),
        ("12月7日は中川幹太へ投票を。", "中川幹太"),
        ("自民党の皆さんと一緒に、山田候補の当選を目指しましょう。", "自民党"),
        ("市長選挙では、上越太郎さんに投票しましょう。", "上越太郎"),
        ("山田候補の必勝を祈って乾杯しましょう。", "山田"),
    ],
)
def test_calls_to_vote_for_a_named_candidate_fire_and_quote_the_whole_name(text: str, quoted: str) -> None:
    [f] = findings_of("prohibited.political", text)
    assert f"「{quoted}」" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "ゆるキャラグランプリに出場中の「レンコン」に清き一票をお願いします。",
        "春日山神社で必勝祈願が行われました。",
        "地元高校の野球部の必勝を祈って、市長が激励しました。",
        "中川市長が選手を応援しました。",
        "新しく着任した山田さんをよろしくお願いします。",
        "12月7日は上越市長選挙の投票日です。投票に行きましょう。",
        "中川市長が市議会で所信を表明しました。",
        "中川市長は「市民の皆さんの一票が大切です」と呼びかけました。",
        "公明党の山田議員が質問しました。",
    ],
)
def test_ordinary_posts_that_mention_votes_or_victory_are_silent(text: str) -> None:
    assert "prohibited.political" not in codes(text)


def test_a_bare_call_for_a_clean_vote_still_fires() -> None:
    assert "prohibited.political" in codes("清き一票をお願いします")


@pytest.mark.parametrize(
    "text",
    [
        "簡単にできる詐欺対策をご紹介します。",
        "おすすめの詐欺対策グッズを紹介します。",
        "万引き防止のポスターを掲示できます。",
        "「飲酒運転くらいバレません」という考えは誤りです。",
        "飲酒運転は必ず捕まります。",
    ],
)
def test_prevention_is_not_incitement(text: str) -> None:
    assert "prohibited.illegal" not in codes(text)


def test_incitement_still_fires() -> None:
    assert "prohibited.illegal" in codes("詐欺なら簡単にできます。")


@pytest.mark.parametrize(
    "text",
    [
        "避難所の開設情報を拡散してください。",
        "【拡散希望】避難指示が発令されました。",
        "【拡散希望】\n高田地区に避難指示が発令されました。",
        "大雨警報が発表されました。拡散をお願いします。",
    ],
)
def test_official_emergency_notices_may_ask_to_be_shared(text: str) -> None:
    # Session 19: 「拡散をお願いします」 on its own asks to share the notice before it (it fired).
    assert "prohibited.rumor" not in codes(text)


@pytest.mark.parametrize("text", [
    "クマの目撃情報です。近づかないでください。拡散希望",
    "行方不明の方を捜しています。拡散をお願いします。",
    "詐欺の手口を家族や友人に拡散してください。",
    "【避難指示】〇〇地区に発令。拡散希望",
    "本当かどうか確認しましょう。",
    "真偽不明の情報にご注意ください。",
])
def test_safety_notices_and_advice_about_rumours_are_no_rumour(text: str) -> None:
    assert "prohibited.rumor" not in codes(text)


@pytest.mark.parametrize("text", [
    "来週から給付金が出るらしいです。拡散希望！",
    "クマが出たらしいです。拡散希望",  # the hearsay still fires
    "避難所へ。拡散希望、迷子の犬を探しています。",  # the request is about the dog
    "真偽不明ですが、橋が落ちたそうです",
    "クマの写真です。\n\n今日のランチ。拡散希望",  # another paragraph
])
def test_share_requests_and_doubts_about_other_things_still_fire(text: str) -> None:
    assert "prohibited.rumor" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "#拡散希望 迷い犬です",
        "給付金が出るらしいです。拡散希望！",
        "避難所が閉鎖されるらしいです、拡散希望",
    ],
)
def test_share_requests_that_are_not_official_notices_still_fire(text: str) -> None:
    assert "prohibited.rumor" in codes(text)


@pytest.mark.parametrize(
    "text",
    ["来週から給付金が出るそうです。", "明日のイベントは中止だそうです。", "午後から断水になるそうです。"],
)
def test_hearsay_about_money_closures_or_disasters_fires(text: str) -> None:
    [f] = findings_of("prohibited.rumor", text)
    assert f.excerpt.endswith("そうです")


@pytest.mark.parametrize(
    "text",
    [
        "明日は雨が降りそうです。",
        "子どもたちは元気そうです。",
        "そうですね、ぜひお越しください。",
        "気象台によると、明日は大雪になるそうです。",
        "気象台の発表では、地震による津波の心配はないそうです。",
        # Hearsay about trivia is not a rumour that changes what residents do.
        "「雁木」は雪国の知恵だそうです。",
        "このイベントは毎年多くの人が訪れるそうです。",
    ],
)
def test_looks_like_sourced_reports_and_trivia_are_not_rumours(text: str) -> None:
    assert "prohibited.rumor" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パブリックコメントを実施します。「上越市第7次総合計画（案）」へのご意見をお寄せください。",
        "上越市都市計画マスタープラン（案）を公表しました。ご意見をお寄せください。",
    ],
)
def test_public_comment_posts_publish_their_draft_on_purpose(text: str) -> None:
    assert "confidential.deliberation" not in codes(text)


def test_a_draft_plan_without_a_call_for_comments_still_fires() -> None:
    assert "confidential.deliberation" in codes("新庁舎整備計画（案）をお示しします。")


def test_asking_to_share_and_a_concerts_supporters_club_are_no_quote_or_politics() -> None:
    assert "quote.third_party" not in codes("避難指示を発令しました。RTをお願いします。")
    assert "quote.third_party" in codes("〇〇さんの投稿をRTしました")
    assert "prohibited.political" not in codes("上越交響楽団後援会の定期演奏会")
    assert "prohibited.political" in codes("〇〇議員後援会の集い")


def test_an_orchestras_supporters_club_is_no_politicians() -> None:
    assert "prohibited.political" not in codes("市民オーケストラ後援会の総会を開きます。")


def test_a_school_clubs_supporters_club_is_no_politicians() -> None:
    assert "prohibited.political" not in codes("野球部後援会の皆さま、ご支援ありがとうございます。")


def test_the_election_commissions_notice_on_supporters_clubs_paperwork_is_no_politics() -> None:
    # The commission receives their papers; it names no one's 後援会.
    assert "prohibited.political" not in codes("後援会の皆さまへ：政治団体の設立届は選挙管理委員会に提出してください。")
    assert "prohibited.political" in codes("山田太郎後援会の新年会を開きます。")


@pytest.mark.parametrize(
    "text",
    ["请投票给山田太郎！", "请投票给中川幹太。", "야마다 타로에게 투표해 주세요!", "야마다 타로 후보에게 한 표를!"],
)
def test_a_call_in_chinese_or_korean_to_vote_for_a_person_fires(text: str) -> None:
    """Only a party's name was read after 「投票给」 or before 「투표」: a person's passed."""
    assert "prohibited.political" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "请投票给最佳作品！",
        "请去投票！",
        "좋아하는 선수에게 투표해 주세요!",
        "누구에게 투표할지 정하셨나요?",
        "마음에 드는 작품에 투표해 주세요",
    ],
)
def test_a_vote_for_a_work_or_a_question_in_chinese_or_korean_stays_silent(text: str) -> None:
    assert "prohibited.political" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "외국인 주민에게 투표권은 없습니다.",
        "만 18세 이상의 일본 국민에게 투표권이 있습니다.",
        "시장에게 투표 결과를 보고했습니다.",
        "야마다 타로 씨에게 투표 용지를 보내 드렸습니다.",
        "관광대사 선발 대회: 마음에 드는 후보에게 투표해 주세요!",
    ],
)
def test_the_right_the_ballot_or_a_contest_after_에게_투표_is_no_call(text: str) -> None:
    """93758da read any 「X에게 투표」 as a call for X: the foreign residents' notice that they have no
    vote (투표권), a ballot sent (투표 용지), a result reported (투표 결과) fired."""
    assert "prohibited.political" not in codes(text)


@pytest.mark.parametrize("text", ["시장에게 투표합시다!", "야마다 씨에게 투표를 부탁드립니다."])
def test_a_korean_call_for_a_person_still_fires(text: str) -> None:
    assert "prohibited.political" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "中川市長も投票を呼びかけています。",
        "12月7日は市長選挙の投票日です。中川市長も投票を呼びかけています。期日前投票もご利用ください。",
        "山田太郎さんも「投票に行きましょう」と呼びかけました。",
        "中川市長が期日前投票を済ませました。",
    ],
)
def test_a_named_person_who_votes_or_gets_out_the_vote_is_not_the_one_voted_for(text: str) -> None:
    # Session 22: the election commission's turnout appeal naming the mayor as the one who asks fired.
    assert "prohibited.political" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "中川市長に投票しましょう。",
        "中川市長は再選に向け、皆さんの支持を訴えました。",
        "山田候補は一票を訴えました。",
        "上越太郎さんは投票日に、上越太郎さんに一票をと訴えました。",
        # Session 22: the analyser split 市長 into 市/長 here, and the call went unseen.
        "市長選挙では中川市長への投票を呼びかけています。",
    ],
)
def test_a_vote_for_the_named_person_or_a_candidates_own_appeal_still_fires(text: str) -> None:
    assert "prohibited.political" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "ゆるキャラグランプリに「レンコン」がエントリーしました。清き一票をお願いします！",
        "フォトコンテストの投票を受け付けています。\n清き一票をお願いします。",
    ],
)
def test_a_clean_vote_asked_right_after_a_contest_is_the_contests(text: str) -> None:
    # Session 22: only a contest named in the same sentence kept 「清き一票」 silent.
    assert "prohibited.political" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "フォトコンテストの投票を受け付けています。\n\n清き一票をお願いします。",  # another paragraph
        "ゆるキャラグランプリは終わりました。市長選挙では清き一票を山田へ。",  # not a bare call
        "フォトコンテストの結果発表の後、市長選挙に出馬します。清き一票をお願いします。",
    ],
)
def test_a_clean_vote_after_a_contest_in_another_paragraph_or_an_election_still_fires(text: str) -> None:
    assert "prohibited.political" in codes(text)


@pytest.mark.parametrize(
    "text", ["市の投稿はリポスト大歓迎です。", "RT歓迎！", "このチラシは転載自由です。", "ポスターのデータは転載可です。"]
)
def test_welcoming_shares_of_the_citys_own_posts_is_no_quote(text: str) -> None:
    # Session 22: only asking (「リポストお願いします」) was allowed; welcoming it fired.
    assert "quote.third_party" not in codes(text)


def test_sharing_anothers_post_still_fires_next_to_a_welcome() -> None:
    assert "quote.third_party" in codes("県の投稿を引用リポストします。リポスト大歓迎です。")


@pytest.mark.parametrize(
    "text",
    [
        "We apologize for the inconvenience during road construction on Route 18.",
        "Apologies for any inconvenience.",
        "SNS上の「上越市で断水」という情報は誤りです。現在、断水は発生していません。",
    ],
)
def test_a_works_apology_and_a_rumour_denied_are_no_correction(text: str) -> None:
    # Session 22: both were reported as a correction of the city's own post.
    assert "correction.notice" not in codes(text)


@pytest.mark.parametrize(
    "text",
    ["We apologize for the error in our previous post.", "先ほどの投稿で「断水」という情報は誤りでした。お詫びして訂正します。"],
)
def test_a_correction_of_the_citys_post_still_is_one(text: str) -> None:
    assert "correction.notice" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "さっきの投稿は間違いでした、削除します",
        "昨日の投稿、時間が間違ってました。10時じゃなくて11時です",
        "先ほどの投稿は削除しました。",
        "今朝のポストで場所を間違えてしまいました。市民プラザです。",
        "前回の投稿を取り消します。",
        "先程のツイート、日付を間違えていました💦",
    ],
)
def test_a_silent_correction_of_an_earlier_post_is_one(text: str) -> None:
    # Session 29: without 訂正/お詫び/誤り the mistake or the deletion went unnoticed (和気町 6).
    assert "correction.notice" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "先ほどの投稿の続きです。会場は市民プラザです。",
        "昨日の投稿でご紹介したイベント、楽しさ間違いなしです！",
        "前回の投稿に多くの「いいね」をいただきました。",
        "不適切なコメントは削除します。",
        "間違い電話にご注意ください。",
        "昨日の投稿をご覧になった方、ありがとうございました。間違いやすい道なので、案内板を増やしました。",
        "間違い探しクイズの答えは、先ほどの投稿にあります。",
    ],
)
def test_an_earlier_post_named_without_a_mistake_is_no_correction(text: str) -> None:
    assert "correction.notice" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "前回の投稿は削除しました。",
        "昨日のツイートの日付が違っていました。12月5日（土）が正しい日付です。",
        "先ほどの投稿に間違いがありました。会場は市民プラザです。",
        "先ほどの投稿で、日付を間違えていました。",
        "前回の記事の会場が間違っていたため、取り消します。",
        "昨日のお知らせの開催時間を間違えてしまいました。10時からです。",
        "先ほどの投稿をいったん削除しました。",
        "前のお知らせを消してしまい、すみません。",
        "前回の投稿でご案内した日時が間違っていました。",
        "昨日のお知らせ、申込期限が間違っていたので削除しました。",
    ],
)
def test_more_silent_corrections_of_an_earlier_post_fire(text: str) -> None:
    assert "correction.notice" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "先ほどの投稿のとおり、不要なメールは削除してください。",
        "前回のお知らせのとおり、申請の取り消しは窓口で受け付けます。",
        "昨日の投稿のとおり、誤って捨てられた電池による火災が増えています。",
        "以前のお知らせのとおり、期限を過ぎた申請は取消となります。",
        "昨日の投稿で間違えやすいポイントをまとめました。",
        "前回の記事で、申込書の書き間違いが多いとお伝えしました。",
        "昨日の記事で紹介した詐欺の手口では、メールを削除させる手口もあります。",
        "前回の記事のとおり、間違った情報を拡散しないようご注意ください。",
        "昨日のお知らせのとおり、登録を削除したい方は窓口へ。",
        "午前中のお知らせのとおり、古い申請書は取り消し線を引いて提出してください。",
        "昨日のお知らせを見て、登録を削除したい方は窓口へお越しください。",
        "先ほどの投稿をご覧になった方は、不審なメールを削除してください。",
        "前回の投稿でお伝えした、間違いやすい分別の例の続きです。",
        "昨日の記事でご案内したとおり、誤って申請した場合は取り消しの手続きが必要です。",
        "前回の投稿で、マイナンバーカードの暗証番号を間違えて入力するとロックされるとご説明しました。",
        "昨日の投稿は、ごみの出し間違いが多い地区についてのお知らせです。",
        "昨日の投稿を見て、間違えて申し込んだ方はご連絡ください。",
        "先ほどの投稿と違って、こちらは大人向けの講座です。",
        "昨日の投稿が間違っているという声がありますが、内容は正しいです。",
        "前回の投稿でご紹介したとおり、申請の取り消しは窓口で受け付けます。",
    ],
)
def test_posts_that_only_refer_to_an_earlier_post_are_no_correction(text: str) -> None:
    # Session 29 review: the earlier post was named for what it said (のとおり、で紹介…), and a mistake or a
    # deletion later in the sentence was the reader's, not the post's.
    assert "correction.notice" not in codes(text)


@pytest.mark.parametrize(
    "shape", ["前回の投稿でご案内した日時は", "昨日の投稿は間違いでしたという声、", "先ほどの投稿の日付を見て"]
)
def test_earlier_posts_read_for_their_subject_stay_linear(shape: str) -> None:
    # Each mention is read for a subject and a mistake close after it; none is one, or each is a claim. The
    # documents are built beforehand, so only the scan is timed.
    docs = {text: Document(text) for text in ((shape * (n // len(shape) + 1))[:n] for n in (10_000, 40_000))}
    assert_stays_linear(lambda t: [_silent_correction(docs[t]) for _ in range(5)], shape)


def test_earlier_posts_named_at_length_stay_linear() -> None:
    # Earlier posts named again and again in one long sentence and in many, none of them wrong. The documents
    # are built beforehand, so only the scan is timed; it runs ten times, so a millisecond of noise does not
    # decide the ratio.
    for shape in ("先ほどの投稿の続き、", "先ほどの投稿の続き。"):
        docs: dict[str, Document] = {}
        for n in (10_000, 40_000):
            text = (shape * (n // len(shape) + 1))[:n]
            docs[text] = Document(text)
            assert docs[text].sentences
        assert_stays_linear(lambda t, docs=docs: [_silent_correction(docs[t]) for _ in range(10)], shape)


@pytest.mark.parametrize(
    "text", ["外国人は出ていけと言われても仕方ない。", "「障害者は施設に入っていればいい」と言われて当然だ。"]
)
def test_a_statement_said_to_be_deserved_still_fires(text: str) -> None:
    # Session 22: 「と言われ」 (a statement reported) kept these silent.
    assert "prohibited.discrimination" in codes(text)


def test_a_statement_reported_as_hurtful_stays_silent() -> None:
    assert "prohibited.discrimination" not in codes("「高齢者は家にいろ」と言われ、傷つきました。")


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("外国人には国に帰ってほしい。", "外国人"),
        ("正直、外国人には自分の国に帰ってもらいたいです。", "外国人"),
        ("外国人の方には国に帰ってほしい。", "外国人"),
        ("移民はみんな国へ帰ってほしいと思います。", "移民"),
        ("中国人観光客は来ないでほしい。", "中国人"),
        ("障害者は家にいてほしいという声もあります。", "障害者"),
        ("障害者は外に出てこないでほしい。", "障害者"),
        ("高齢者は免許を返納して引っ込んでいてほしい。", "高齢者"),
        # Home unnamed, right after the topic; and the same as the post's advice.
        ("外国人には本当に帰ってほしい", "外国人"),
        ("外国人は早く帰ってほしい。", "外国人"),
        ("正直、移民には帰ってもらいたい。", "移民"),
        ("外国人は国に帰るべきだ。", "外国人"),
        ("外国人はさっさと自分の国に帰ればいい。", "外国人"),
        ("障害者は施設にいればいい。", "障害者"),
        ("外国人は国に帰るべきだと思います。", "外国人"),
        ("障害者は施設にいればいいのに。", "障害者"),
        # The same in polite words, right after the topic and ending the sentence.
        ("外国人は来ないでください。", "外国人"),
        ("外国人には来てほしくない。", "外国人"),
        ("在日の方々には帰っていただきたい。", "在日"),
        ("外国人の方には、お引き取り願いたいですね。", "外国人"),
        ("高齢者は運転しないでください。", "高齢者"),
        ("大雪です。\n\n高齢者は運転しないでください。", "高齢者"),
        ("高齢者の事故が増えています。高齢者は運転しないでください。", "高齢者"),
    ],
)
def test_a_wish_that_a_group_leave_or_keep_out_of_sight_fires(text: str, group: str) -> None:
    [f] = findings_of("prohibited.discrimination", text)
    assert f"「{group}」" in f.message
    assert f.excerpt.startswith(group)


@pytest.mark.parametrize(
    "text",
    [
        # Farewells to trainees and students: the people addressed, or wished well on the way.
        "技能実習生の皆さんが3年間の実習を修了しました。元気に国に帰ってほしいです。",
        "（技能実習生の皆さんには）元気に国に帰ってほしいです。",
        "技能実習生には、元気に国に帰ってほしい。",
        "実習を終えたグエンさんたちには、無事に国に帰ってほしいと願っています。",
        # Advice for their own sake.
        "高齢者の方は、大雪の日は家にいてほしいです。",
        # The words quoted to oppose them.
        "「障害者は家にいてほしい」という声に、当事者は深く傷ついています。",
        "障害者には施設にいてほしい、という考えは偏見です。",
        "子どもたちには、暗くなる前に家に帰ってほしい。",
        # The opposite wish: that they stay.
        "外国人には国に帰ってほしくない。",
        # Where, when or with what they go home: not the bare wish.
        "高齢者の方は、集会が終わったら早めに帰ってほしい。",
        "外国人観光客には、日本を楽しんで帰ってほしい。",
        "技能実習生には、技術を身につけて国に帰るべきだと伝えています。",
        "高齢者は、熱中症予防のため日中は家にいるべきです。",
        "外国人観光客の方は来てほしくない時間帯はありません。",
        "外国人の方は、この窓口には来ないでください。国際交流センターへお越しください。",
        "高齢者の方は、体調が悪いときは運転しないでください。",
        "高齢者は、夜は運転しないでください。",
        # An advisory with its reason in the sentences before, in the same paragraph.
        "大雪のため、路面が凍結しています。高齢者は運転しないでください。",
        "【大雪警報】\n不要不急の外出は控えてください。\n高齢者の方は運転しないでください。",
        "留学生の皆さんには、卒業後も国に帰ってほしくないと思っています。",
        "障害者の方に、家にいてほしくない。どんどん外に出かけてほしいです。",
        # The advice denied, reported, refuted or asked: it must end the sentence as said.
        "外国人は国に帰るべきではありません。",
        "外国人は国に帰るべきだとは思いません。",
        "外国人は国に帰るべきという考えは誤りです。",
        "外国人は国に帰るべきだという意見もありますが、市は多文化共生を進めています。",
        "障害者は施設にいればいい、とはもう言わせない。",
        # A remark reported with its repudiation.
        "議員は「外国人には国に帰ってほしい」との発言を撤回し、謝罪しました。",
        "外国人は国に帰るべき？",
    ],
)
def test_farewells_and_advice_in_the_same_words_are_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("外国人の入居はご遠慮いただいております", "外国人の入居はご遠慮"),
        ("外国籍の方のご入居はご遠慮ください。", "外国籍の方のご入居はご遠慮"),
        # The service as the object of the refusal.
        ("障害者の方は入店をご遠慮ください。", "障害者の方は入店をご遠慮"),
        ("外国人の方は入居をお断りしています。", "外国人の方は入居をお断り"),
        # Groups listed as one subject: the refusal after the last is of all of them.
        ("高齢者・障害者の方は入店をご遠慮ください", "高齢者・障害者の方は入店をご遠慮"),
        ("外国人や障害者の方はお断りします。", "外国人や障害者の方はお断り"),
        ("外国人、生活保護の方はお断りします。", "外国人、生活保護の方はお断り"),
        # Health is a reason of their own only when every group listed is one it can concern.
        ("女性・障害者の方はご遠慮ください（体調のため）。", "女性・障害者の方はご遠慮"),
    ],
)
def test_a_group_turned_away_politely_fires(text: str, excerpt: str) -> None:
    [f] = findings_of("prohibited.discrimination", text)
    assert f.excerpt == excerpt


@pytest.mark.parametrize(
    "text",
    [
        "障害者の方のご利用もご遠慮なくどうぞ。",
        "生活保護の方もご遠慮なくご相談ください。",
        "外国人の方へ：館内での喫煙はご遠慮ください。",
        "外国人観光客の方は、撮影はご遠慮ください。",
        # For their own health or safety.
        "妊娠中の女性はご遠慮ください。",
        "妊娠中の女性は参加をご遠慮ください。",
        "妊娠中の女性・高齢者の方はご遠慮ください（体調のため）。",
        "授乳中の女性はご遠慮ください。",
        "高齢者・障害者の方もご遠慮なくどうぞ。",
        "障害者の方も入店をご遠慮なくどうぞ。",
        "外国人の方も入店をお断りしません。",
        "心臓に持病のある方、高齢者の方はご遠慮ください。",
        # A room kept for men: women turned away by what the room is.
        "男性更衣室です。女性の方はご遠慮ください。",
        "男性専用サウナのため、女性の方は、ご遠慮ください。",
        "こちらは男湯です。\n女性の方の入場はお断りしています。",
    ],
)
def test_go_ahead_and_precautions_in_the_same_words_are_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "安全のため、外国人の方の入店はご遠慮ください。",
        "安全上の理由により、外国籍の方の入居はご遠慮いただいております。",
        "トラブル防止と安全のため、生活保護の方の入居はご遠慮ください。",
        "安全のため、障害者の方の入店はご遠慮ください。",
        # A room for men does not turn away other groups, nor women where none is named.
        "男性更衣室です。外国人の方はご遠慮ください。",
        "男性更衣室です。\n\n女性の方はご遠慮ください。",
        "女性の方はお断りしています。",
    ],
)
def test_safety_given_as_the_reason_to_turn_away_a_group_it_cannot_concern_fires(text: str) -> None:
    """e1dbca9 let 「ご遠慮」 pass wherever the sentence spoke of health or safety; a nationality, welfare
    or disability refused 「安全のため」 is a pretext (障害者差別解消法's unfair treatment), only for
    women and the elderly can such a reason be their own (「妊娠中の女性はご遠慮ください」)."""
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    ("text", "group"),
    [("韓国人は嘘つきばかりだ", "韓国人"), ("生活保護の人は働かない怠け者ばかりだ", "生活保護")],
)
def test_a_group_painted_with_a_vice_fires(text: str, group: str) -> None:
    [f] = findings_of("prohibited.discrimination", text)
    assert f.excerpt.startswith(group)


@pytest.mark.parametrize(
    "text",
    [
        "外国人労働者の皆さんは、嘘つきばかりだという思い込みに苦しんでいます。",
        "外国人が嘘つきばかりだと思っていませんか。",
        "生活保護を利用している人を「怠け者」と決めつけるのは偏見です。",
    ],
)
def test_the_same_named_as_a_prejudice_is_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("投票日は12月7日。現職の中川をよろしく", "中川"),
        ("期日前投票が始まりました。新人の山田太郎をよろしく。", "山田太郎"),
        ("期日前投票始まったよ！中川をよろしく👍", "中川"),
    ],
)
def test_regards_for_a_name_without_a_title_next_to_a_vote_fire(text: str, name: str) -> None:
    [f] = findings_of("prohibited.political", text)
    assert f"「{name}」" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "期日前投票は12月1日から12月6日まで、市役所1階で受け付けています。",
        "投票所は午前7時から午後8時まで開いています。投票所入場券をお持ちください。",
        "投票日は12月7日です。選挙管理委員会の中川がご案内します。よろしくお願いします。",
        "期日前投票所では、受付の中川をよろしくお願いします。",
        # A member of staff introduced in the sentence before, then named alone to open the next.
        "期日前投票所で案内を担当します。中川をよろしくお願いします！",
        "投票日は12月7日です。投票所の案内係は中川です。中川をよろしくお願いします。",
        "期日前投票が始まりました。中川さんをよろしくお願いします。",
    ],
)
def test_neutral_voting_notices_are_silent(text: str) -> None:
    assert "prohibited.political" not in codes(text)


# Session 25: the licence taken from a whole age group, as the post's own order.
@pytest.mark.parametrize(
    "text",
    [
        "高齢者は免許を返納しろ",
        "年寄りは早く免許を返納すべきだ。",
        "高齢者は運転免許を返納するべきです。",
        "老人はさっさと返納しろ。",
        "老人から免許を取り上げろ。",
        "75歳以上の高齢者は免許を返納すべきだと思います。",
        "高齢者は、免許を返納すべきです！",
    ],
)
def test_an_age_group_told_to_give_up_its_licence_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "高齢者の免許返納を支援します",
        "運転に不安のある方は免許の自主返納をご検討ください",
        "高齢者の運転免許の自主返納について、ご家族で話し合ってみませんか。",
        "高齢者の方へ。運転に不安を感じたら、免許の返納をご検討ください。",
        "「高齢者は免許を返納しろ」という言葉に傷つく方もいます。",
        # Asked, not said.
        "高齢者は免許を返納すべきか、ご意見を募集します。",
        "高齢者は免許を返納すべきかどうか、家族で話し合いましょう。",
        "高齢者は免許を返納すべき？皆さんのご意見をお聞かせください。",
        # Reported, denied, or advised to those who feel unsafe at the wheel rather than the age group.
        "高齢者の事故が増え、免許を返納すべきとの声が高まっています。",
        "高齢者は免許を返納すべきだという意見もありますが、地方では車が生活の足です。",
        "高齢者だから免許を返納すべき、というわけではありません。",
        "運転に不安を感じる高齢者は、免許を返納すべきです。",
        "認知機能が低下した高齢者は免許を返納すべきです。",
        "高齢者に限らず、運転に不安がある方は免許を返納すべきです。",
    ],
)
def test_licence_return_services_and_questions_are_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


# Session 25: the polite names for disabled people, as a venue's refusal words them.
@pytest.mark.parametrize(
    "text",
    [
        "障害のある方はご遠慮ください。",
        "障がいのある方の入店はお断りします。",
        "車いすの方のご来店はご遠慮ください。",
        "会場は2階でエレベーターがないため、車いすの方はご遠慮ください。",
        "障害のある方は家にいてほしい。",
        "障害のある方は邪魔です。",
    ],
)
def test_a_refusal_of_disabled_people_in_polite_words_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "障害のある方は、ご遠慮なくお申し出ください。",
        "障害のある方もご遠慮なくご利用ください。",
        "障害のある方は、障害者手帳をお持ちください。",
        "車いすの方は、事前にご連絡ください。",
        "障害のある方への合理的配慮の提供が義務化されました。",
        "車いすの方は、エレベーターをご利用ください。階段の利用はご遠慮ください。",
        "障害のある方の駐車スペースへの一般車の駐車はご遠慮ください。",
        "車いすの方のための駐車場です。一般車の駐車はお断りします。",
    ],
)
def test_services_for_disabled_people_in_polite_words_are_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


# Session 25: a comma after the topic of a refusal.
@pytest.mark.parametrize(
    "text",
    ["同性愛の方は、ご遠慮いただいております。", "外国人の方は、お断りしています。", "生活保護の方も、お断りです。"],
)
def test_a_refusal_after_a_comma_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人の方は、ご遠慮なくお問い合わせください。",
        "高齢者の方は、お断りしません。",
        "妊娠中の女性は、ご遠慮ください。",
        "外国人の方も、お断りすることはありません。",
    ],
)
def test_a_welcome_after_a_comma_is_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


# A quoted statement reported with its repudiation is the news of its being taken back, not the statement.
@pytest.mark.parametrize(
    "text",
    [
        "市議の「外国人は出ていけ」との発言は不適切だとして、議長が厳重注意しました。",
        "市長は「外国人は出ていけ」と述べ、謝罪しました。",
    ],
)
def test_a_quoted_statement_reported_as_repudiated_is_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    ["市長は「外国人は出ていけ」と述べました。", "「外国人は出ていけ」と抗議しました。", "外国人は出ていけ。謝罪しろ。"],
)
def test_a_quoted_statement_passed_on_still_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


# Session 28: a rumour denied with a clause between the rumour and 「誤りです」.
@pytest.mark.parametrize(
    "text",
    [
        "SNSで「明日は給水が止まる」との投稿が拡散していますが、誤りです。給水所は明日も開設します。",
        "「関川の堤防が決壊した」という情報が出回っていますが、誤りです。",
        "断水が続くという情報がSNSで広がっていますが誤りです。",
        "給水車が来ないといううわさが流れていますが、誤りです。",
    ],
)
def test_a_rumour_spreading_and_then_denied_is_no_correction(text: str) -> None:
    assert "correction.notice" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "先ほどの投稿が拡散していますが、日付に誤りがありました。",
        "先ほどの投稿が拡散していますが、誤りです。お詫びして訂正します。",
    ],
)
def test_the_citys_own_post_spreading_with_a_mistake_is_still_a_correction(text: str) -> None:
    assert "correction.notice" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "頭が悪い人には難しいかもしれませんね",
        "こんなことも分からないなんて、頭悪いですね。",
        "何度説明してもご理解いただけないようですね。",
        "何度お伝えしてもお分かりいただけないみたいですね",
        "そんな質問をする方の知能を疑います。",
        "嫌なら出て行けばいいと思います。",
        "文句があるなら出ていけばいいのでは？",
        "日本語が読めないのでしょうか？よく読んでからご質問ください。",
        "日本語が分からないんですか？",
        "頭が悪すぎ。",
        "頭の悪い方には理解できないでしょう。",
    ],
)
def test_contempt_without_an_insulting_word_fires(text: str) -> None:
    # Session 29: contempt said politely, or with words that are not abuse on their own, went through.
    assert "prohibited.insult" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "ご理解いただけないようでしたら、窓口までお問い合わせください。",
        "ご理解いただけますよう、お願い申し上げます。",
        "日本語が読めない方のために、やさしい日本語版を用意しました。",
        "日本語が分からない方は、通訳サービスをご利用ください。",
        "非常時は落ち着いて、非常口から外へ出て行けばいいです。",
        "勉強が苦手なのは、頭が悪いからではありません。",
        "「頭が悪い」と言われて傷ついた経験はありませんか。",
        "雨が嫌なら、屋内の会場もあります。",
        "常識を疑え！若手職員の新しい発想で事業を見直します。",
        # Found by review: 頭が悪い said of no one, and contempt reported after a comma.
        "頭が悪いと思い込まず、わからないことは気軽に聞いてください。",
        "「頭が悪い」と自分を責めていませんか。",
        "頭の悪い子なんていません。",
        "寝不足が続くと頭が悪くなったように感じることがあります。",
        "何度説明してもご理解いただけないようですね、という苦情をいただくことがあります。",
        "日本語がわからないのでしょうか、と不安に思う外国人の方へ。やさしい日本語でお知らせします。",
    ],
)
def test_polite_notices_near_contempt_stay_silent(text: str) -> None:
    assert "prohibited.insult" not in codes(text)


@pytest.mark.parametrize("text", [
    "先ほどの投稿ですが、日付が間違っていました。",
    "先ほどの投稿ですが、削除しました。",
    "先ほどの投稿について、日付が間違っていました。",
    "先ほどの投稿を一度削除し、正しい内容で再投稿します。",
    "先ほどの投稿でお伝えした会場の場所が間違っていました。",
    "先ほどの投稿内容に間違いがありました。",
    "先ほどの投稿内容を削除しました。",
])
def test_a_silent_correction_with_the_post_as_topic_or_a_clause_going_on_fires(text: str) -> None:
    """Since 704b25f these silent corrections passed: the post named as the topic (…ですが、／…について、),
    a deletion in a clause that goes on (削除し、), 「投稿内容」 and 「会場の場所」 (found by review)."""
    assert "correction.notice" in codes(text)


@pytest.mark.parametrize("text", [
    "前回のお知らせについて、メールを誤って削除してしまった方は窓口へお越しください。",
    "先ほどの投稿について、多くの方にご覧いただきました。",
    "先ほどの投稿について、削除してほしいとの声がありました。",
    "先ほどの投稿内容のとおり、不要なメールは削除してください。",
])
def test_the_post_as_topic_of_a_readers_mistake_is_no_correction(text: str) -> None:
    assert "correction.notice" not in codes(text)


@pytest.mark.parametrize("text", [
    "先ほどの投稿は誤った情報でした。",
    "前回の投稿で誤った情報をお伝えしました。",
    "先ほどの投稿に誤った日付が含まれていました。",
    "先ほどの投稿を取り下げました。",
    "昨日のお知らせを取り下げます。",
    "先ほどの投稿、消しちゃいました。",
    "さっきの投稿、日付を間違えちゃいました💦",
    # A denial after a real mistake does not hide it.
    "先ほどの投稿の日付に誤りがありました。時間に誤りはありません。",
])
def test_a_wrong_post_said_in_other_words_is_a_correction(text: str) -> None:
    """Session 29 review: a post called 「誤った情報」, withdrawn (取り下げ) or deleted in speech (消しちゃいました)
    passed silently (和気町 6)."""
    assert "correction.notice" in codes(text)


@pytest.mark.parametrize("text", [
    "前回の投稿に誤りはありません。",
    "前回の投稿の内容に誤りはございません。",
    "前回の投稿に誤りはありませんでした。",
    "先ほどの投稿は誤りではありません。",
    "前回の投稿の内容に誤りはなく、日程に変更はありません。",
    "申請書に記入誤りがないかご確認ください。",
    "記載内容に誤りのないようご注意ください。",
    "誤りなく記入してください。",
    "住所に誤りがある場合は、窓口へご連絡ください。",
    "登録内容に誤りがあれば、修正してください。",
    # 誤った／間違った of a reader's mistake, or of misinformation warned against.
    "前回の投稿で、誤った情報に注意するよう呼びかけました。",
    "前回の投稿で、間違った情報を拡散しないようご注意ください。",
    "先ほどの投稿は誤った情報ではありません。",
])
def test_a_post_saying_there_is_no_mistake_is_no_correction(text: str) -> None:
    """「誤りはありません」 and a check asked of readers (「誤りがないか」「誤りがある場合は」) were reported as a
    correction because 誤り is in the list."""
    assert "correction.notice" not in codes(text)


def test_withdrawn_posts_stay_linear() -> None:
    assert_stays_linear(codes, "先ほどの投稿、誤った情報に注意。")


def test_the_post_as_topic_with_ni_kanshimashite_is_a_correction() -> None:
    """「…に関して、」 was read as the post named as topic, its polite 「…に関しまして、」 was not (found by review)."""
    assert "correction.notice" in codes("先ほどの投稿に関しまして、日付が間違っていました。")


@pytest.mark.parametrize("text", [
    "前回の投稿の内容に誤りは見つかりませんでした。",
    "ご指摘を受けて確認しましたが、前回の投稿に誤りは見当たりませんでした。",
    "確認の結果、先ほどの投稿に誤りは確認されませんでした。",
])
def test_a_mistake_not_found_when_checked_is_no_correction(text: str) -> None:
    """「誤りはありません」 was allow-listed, 「誤りは見つかりませんでした」 said after a check was still
    reported as a correction (found by review)."""
    assert "correction.notice" not in codes(text)


@pytest.mark.parametrize("text", [
    "先ほどの投稿ですけど、日付が間違ってました。",
    "先ほどの投稿ですけれども、時間が違っていました。",
    "先ほどの投稿は誤った日付になっていました。",
    "前回の投稿は間違った会場名になっておりました。",
    "先ほどの投稿は取り下げとなりました。",
    "昨日のお知らせは削除となりました。",
    # Close variants found by review: spoken topics, 「となって」「になってしまい」, 取消.
    "さっきの投稿なんですが、日付が間違ってました。",
    "先ほどの投稿なんですけど、日付が間違ってました。",
    "先ほどの投稿ですけどね、日付が間違ってました。",
    "先ほどの投稿は、誤った日付になってしまいました。",
    "先ほどの投稿は誤った日付となっていました。",
    "先ほどの投稿は誤った日付になっております。",
    "先ほどの投稿は取消となりました。",
])
def test_a_casual_topic_a_wrong_form_or_a_withdrawal_announced_is_a_correction(text: str) -> None:
    """「…ですけど、」 was not read as the post named as topic, 「誤った日付になっていました」 not as the post's
    content wrong, and 「取り下げとなりました」 not as a withdrawal: all three passed silently (和気町 6)."""
    assert "correction.notice" in codes(text)


@pytest.mark.parametrize("text", [
    "先ほどの投稿ですけど、たくさんの方にご覧いただきました。",
    "先ほどの投稿は、誤った情報にならないよう確認して掲載しました。",
    "先ほどの投稿は、誤った使い方になっていないかご確認いただくためのものです。",
    "先ほどの投稿のとおり、雨天の場合は中止となります。",
    "前回の投稿でお知らせした申請は、期限を過ぎると取り下げとなります。",
    "先ほどの投稿なんですが、たくさんの反響をいただきました。",
    "先ほどの投稿は、誤った使い方となっていないかご確認いただくためのものです。",
    "前回の投稿でお知らせした申請は、期限を過ぎると取消となります。",
])
def test_an_earlier_post_with_a_casual_topic_or_a_possible_withdrawal_is_no_correction(text: str) -> None:
    assert "correction.notice" not in codes(text)
