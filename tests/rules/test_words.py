"""Word-list rules match whole morphemes and respect allow-listed legitimate phrases."""

from __future__ import annotations

import pytest

from bot.rules import RuleOverride
from bot.rules.text import Document
from bot.rules.wordlists import SpanSet
from tests.rules.conftest import codes, findings_of


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("お前は本当に馬鹿だな", "prohibited.insult"),
        ("ばかじゃないの", "prohibited.insult"),
        ("ﾊﾞｶ", "prohibited.insult"),
        ("あいつはクズだ", "prohibited.insult"),
        ("あの地区は部落だから", "prohibited.discrimination"),
        ("あんな奴はキチガイだ", "prohibited.discrimination"),
        ("ガイジンは来るな", "prohibited.discrimination"),
        ("在日特権を許すな", "prohibited.discrimination"),
        ("うるせえババア", "prohibited.insult"),
        ("ジジイは黙ってろ", "prohibited.insult"),
        ("ぶっ殺すぞ", "prohibited.insult"),
        ("殺してやる", "prohibited.insult"),
        ("市長死ね", "prohibited.insult"),  # 市長/死/ね: the entry cut in two by the noun before it
        ("お前ら全員死ねよ", "prohibited.insult"),  # 死ねよ is one morpheme of its own
        ("お前なんか死ねばいいのに", "prohibited.insult"),
        ("死ねない奴は死ね", "prohibited.insult"),  # the second 死ね is the imperative
        ("お前はバカアホマヌケだ", "prohibited.insult"),  # one katakana word Sudachi does not know
        ("クズバカ職員", "prohibited.insult"),
        ("バカバカバカ", "prohibited.insult"),  # said three times is no drawn-out sound
        ("お前ら全員きえろ", "prohibited.insult"),  # kana, which Sudachi cuts its own way
        ("市長なんかしねばいいのに", "prohibited.insult"),
        ("ころすぞ", "prohibited.insult"),
        ("ばぁか", "prohibited.insult"),
        ("バッカじゃないの？", "prohibited.insult"),  # said on its own
        ("氏ねや", "prohibited.insult"),
        ("当店は外国人お断りです", "prohibited.discrimination"),  # a noun goes on to its copula
        ("Free porn here", "prohibited.obscene"),
        ("無修正動画はこちら", "prohibited.obscene"),
        ("外国人は犯罪ばかりです", "prohibited.discrimination"),
        ("障害者は迷惑だ", "prohibited.discrimination"),
        ("年寄りは引っ込んでろ", "prohibited.discrimination"),
        ("日本人以外お断り", "prohibited.discrimination"),
        # 『』 sets a title apart only in a draft about works, and only around more than the word.
        ("『アホでもわかる』市政の話", "prohibited.insult"),
        ("新着図書の担当は『バカ』です", "prohibited.insult"),
        ("保護犬の譲渡会です。ただし、外国人の方はお断りしています。", "prohibited.discrimination"),
        ("市営住宅の空き室です。外国籍の方の入居は不可です。", "prohibited.discrimination"),
        ("障害者の方は参加不可", "prohibited.discrimination"),
        ("【里親募集】こむぎ（オス・3歳）。※外国籍の方への譲渡は不可です。", "prohibited.discrimination"),
        ("Foreigners go home!", "prohibited.discrimination"),
        ("【急募】除雪作業員（男性のみ）時給1,800円", "prohibited.discrimination"),
        ("保育士募集（女性限定）", "prohibited.discrimination"),
        ("事務補助員を募集します。若い女性歓迎！", "prohibited.discrimination"),
        # The condition between the job and 募集, after も or は.
        ("事務職も女性のみ募集", "prohibited.discrimination"),
        ("除雪作業員は男性に限り募集します", "prohibited.discrimination"),
        ("保育士は女性限定で募集します", "prohibited.discrimination"),
        # A quoted word as the topic of something else than hurt still says it.
        ("「バカ」は、何もしない市長のことだ。", "prohibited.insult"),
        ("「バカ」は市長にぴったりだ。", "prohibited.insult"),
        ("「女のくせに」は正しい。", "prohibited.discrimination"),
        ("あいつは「外人」ではなく、ただの他人だ。", "prohibited.discrimination"),  # no replacement quoted
        # Only the midwife's own post: a list with nurses, another job, a man-only midwife, a
        # counsellor no statute makes a woman's job.
        ("看護師・助産師募集（女性のみ）", "prohibited.discrimination"),
        ("助産師外来の看護補助員を募集します。女性のみ", "prohibited.discrimination"),
        ("助産師募集（男性のみ）", "prohibited.discrimination"),
        ("女性相談員募集（女性のみ）", "prohibited.discrimination"),
        # A resident's hearsay on a matter that changes what people do is passed on by the quote.
        ("「給付金が出るらしいよ」と近所の山田さんが話していました。", "prohibited.rumor"),
        ("「熊が出たらしい」という情報があります。注意してください。", "prohibited.rumor"),
        ("Refugees are not welcome here.", "prohibited.discrimination"),
        ("No foreigners allowed.", "prohibited.discrimination"),
        ("ガイキチかよ", "prohibited.discrimination"),
        ("ナマポのくせに", "prohibited.discrimination"),
        ("タヒね", "prohibited.insult"),
        # Session 19: 死ね with its first letter masked, and the old net slang for it.
        ("〇ねばいいのに", "prohibited.insult"),
        ("○ね！", "prohibited.insult"),
        ("お前は逝ってよし", "prohibited.insult"),
        ("もう死んでしまえ", "prohibited.insult"),
        ("エロい画像を公開", "prohibited.obscene"),
        ("大麻なら簡単に手に入ります", "prohibited.illegal"),
        ("みんなで万引きしよう", "prohibited.illegal"),
        ("バレなきゃ大丈夫なので路上駐車してOKです", "prohibited.illegal"),
        ("バレなければスピード違反しても平気", "prohibited.illegal"),
        # 「間違いなし」 vouches for the call; the [deny] 間違い is 「…は間違いです」.
        ("この方法なら大麻が簡単に手に入ること間違いなし！", "prohibited.illegal"),
        ("ビールを飲んでも運転して大丈夫、間違いなし！", "prohibited.illegal"),
        # Drunk driving encouraged without the word 飲酒運転.
        ("忘年会シーズン！少しくらいなら飲んでも運転して大丈夫です。", "prohibited.illegal"),
        ("ビール１杯なら運転しても平気です。", "prohibited.illegal"),
        ("一杯だけなら運転しても問題ありません。", "prohibited.illegal"),
        ("お酒を少し飲んだくらいなら、運転しても捕まりません。", "prohibited.illegal"),
        ("飲んだあと少し休めば運転できます。", "prohibited.illegal"),
        ("バレなければ少しくらい飲んでも運転して大丈夫です。", "prohibited.illegal"),
        ("A small drink is fine before driving home.", "prohibited.illegal"),
        ("缶ビール1本なら運転に影響ありません。", "prohibited.illegal"),
        ("帰りは少し酔ってても車で大丈夫！", "prohibited.illegal"),
        ("雨で中止になるらしいです", "prohibited.rumor"),
        ("市長が辞任するとの噂があります", "prohibited.rumor"),
        ("未確認ですが、橋が落ちたそうです", "prohibited.rumor"),
        ("#拡散希望 迷い犬です", "prohibited.rumor"),
        ("給付金が出るという噂があります。申請はお早めに。", "prohibited.rumor"),
        ("来週から給付金が出るらしいです。申請書の誤りにご注意ください。", "prohibited.rumor"),
        ("デマかもしれませんが、給付金が出るそうです", "prohibited.rumor"),
        ("給付金が出るらしいです。事実は確認されていません。", "prohibited.rumor"),  # 未確認, not denied
        ("次の選挙では自民党に投票しましょう", "prohibited.political"),
        ("自民党が支持します。", "prohibited.political"),
        ("自民党を支持する市民の会です。", "prohibited.political"),
        ("自民党が支持する候補を応援しよう！", "prohibited.political"),
        ("自民党が支持する山田候補に投票しましょう。", "prohibited.political"),
        # The reader urged to back what the party backs, in words that are no call of the list.
        ("自民党が支持する候補を、みんなで支えよう！", "prohibited.political"),
        ("自民党が推薦する山田太郎を当選させよう", "prohibited.political"),
        ("自民党が支持する政策を実現しましょう。", "prohibited.political"),
        ("自民党が応援する候補を支えてください。", "prohibited.political"),
        ("清き一票をお願いします", "prohibited.political"),
        ("山田太郎候補の個人演説会のお知らせ", "prohibited.political"),
        ("次の選挙は山田 太郎候補をよろしく", "prohibited.political"),  # a name with a space in it
        ("自民党の候補者をよろしくお願いします。", "prohibited.political"),  # a party's candidate, unnamed
        ("山田太郎後援会（政治団体）の総会にぜひご参加ください。", "prohibited.political"),
        ("政党名（自民党）を書いて、自民党に投票しましょう。", "prohibited.political"),
        ("立憲民主党公認候補に必勝のご支援を！", "prohibited.political"),
        ("佐藤市長の後援会の新年会のご案内", "prohibited.political"),
        ("政治資金パーティーのご案内", "prohibited.political"),
        ("【部外秘】人事異動の内示", "confidential.secret"),
        ("㊙ 予算の内訳", "confidential.secret"),
        ("この資料は取扱注意です", "confidential.secret"),
        ("庁内限りの資料です", "confidential.secret"),
        ("この資料は部内限りでお願いします。", "confidential.secret"),
        ("【課内限り】来年度の体制", "confidential.secret"),
        ("新庁舎整備計画（案）をお示しします", "confidential.deliberation"),
        ("総合計画の素案です", "confidential.deliberation"),
        ("未定稿のため変更があります", "confidential.deliberation"),
        ("検討中の料金改定案です", "confidential.deliberation"),
        ("午後に記者発表を行います", "press.embargo"),
        ("【解禁日時】12月10日（木）午前5時以降", "press.embargo"),
        ("解禁時刻は午前5時です", "press.embargo"),
        ("12月10日午前10時解禁でお願いします", "press.embargo"),
        ("Fuck this city", "prohibited.insult"),
        ("他言無用でお願いします。来年度から料金が上がります", "confidential.secret"),
        ("この件は口外しないでください", "confidential.secret"),
        ("新庁舎の建設案について、個人的には反対です", "confidential.deliberation"),
        ("私見ですが、この計画には無理があります", "confidential.deliberation"),
        ("正式決定前ですが、お知らせします", "confidential.deliberation"),
        # Session 13: the ない of an inciting 「バレない」 is not a denial; groups with 「くせに」.
        ("無免許運転でもバレない", "prohibited.illegal"),
        ("スピード違反も、このあたりなら捕まりません", "prohibited.illegal"),
        ("夜なら不法投棄してもバレません", "prohibited.illegal"),
        # Session 18: the 違法 of an act's own name is no denial of it; what pirated copies offer.
        ("違法薬物は簡単に手に入ります", "prohibited.illegal"),
        ("違法ダウンロードで映画が無料で見られます", "prohibited.illegal"),
        ("海賊版で漫画がタダで読める", "prohibited.illegal"),
        ("知り合いの話では、〇〇小学校でいじめがあったみたいです。", "prohibited.rumor"),
        ("聞いたところによると、来月から値上げだとか。", "prohibited.rumor"),
        ("読売新聞（12月3日付）によると、新しい橋の名前が決まったそうです。", "quote.third_party"),
        ("NHKの報道によると、国道が通行止めになっています。", "quote.third_party"),
        ("脱税の方法を教えます", "prohibited.illegal"),
        ("障害者のくせに", "prohibited.discrimination"),
        ("女は家にいろ", "prohibited.discrimination"),
        ("生活保護を受けてるくせに", "prohibited.discrimination"),
        ("自民党の政策は素晴らしい", "prohibited.political"),
        ("共産党は最低だ", "prohibited.political"),
        ("自民党の政策に賛成です。", "prohibited.political"),
        ("共産党は危険です", "prohibited.political"),
        ("立憲民主党は信用できない！", "prohibited.political"),
        ("参政党は最高！", "prohibited.political"),
        ("投票日は山田候補に清き一票を！", "prohibited.political"),
        ("皆さんの清き一票を山田候補に！", "prohibited.political"),
        ("立憲民主党の対応はひどいと思います。", "prohibited.political"),
        ("SNSで見たのですが、給水車が来るみたいです", "prohibited.rumor"),
        ("知人から聞いた話では断水するとのこと", "prohibited.rumor"),
        ("RT希望：明日の説明会の会場が変わったそうです", "prohibited.rumor"),
        ("市内で強盗事件があったそうです。", "prohibited.rumor"),
        ("市内で不審者が出たそうです。", "prohibited.rumor"),
        ("〇〇地区でクマが出没したそうです", "prohibited.rumor"),
        ("リポスト希望！迷子の犬を探しています", "prohibited.rumor"),
        ("Shit happens", "prohibited.insult"),
        ("What the f**k", "prohibited.insult"),  # starred out, still read as the word
        ("f u c k you", "prohibited.insult"),  # Latin letters spelled out one by one
        ("S.H.I.T", "prohibited.insult"),
        ("市長はbaka", "prohibited.insult"),  # romaji, to slip past a check on kana
        ("市長は𝐛𝐚𝐤𝐚", "prohibited.insult"),  # mathematical bold letters are baka after NFKC
        ("市長はbаka", "prohibited.insult"),  # a Cyrillic а among Latin letters
        ("what the fuсk", "prohibited.insult"),  # a Cyrillic с
        ("市長はﾊﾞ力", "prohibited.insult"),  # half-width katakana beside a kanji drawn like カ
        ("市長は馬🐴鹿", "prohibited.insult"),  # an emoji after a word of another script
        ("this is sh*t", "prohibited.insult"),
        ("Don't be a retard", "prohibited.discrimination"),
        # A space between the letters does not hide the word.
        ("バ カ じゃないの", "prohibited.insult"),
        # Spelled out straight after a word of another script: the letter before is no part of it.
        ("市長はバ カ", "prohibited.insult"),
        ("お前はア ホ だ", "prohibited.insult"),
        ("あいつ死 ね", "prohibited.insult"),
        ("ク　ソ　役　所", "prohibited.insult"),
        ("ガ イ ジ ン が増えています", "prohibited.discrimination"),
        ("ｶﾞ ｲ ｼﾞ ﾝ", "prohibited.discrimination"),
        ("ガ・イ・ジ・ン", "prohibited.discrimination"),
        ("ク*ソ役所", "prohibited.insult"),
        ("バ～カじゃないの", "prohibited.insult"),
        ("お前はハ゛カだ", "prohibited.insult"),  # the voiced mark typed as a character of its own
        ("カ゛イシ゛ンは来るな", "prohibited.discrimination"),
        ("バ\tカ", "prohibited.insult"),
        ("バ\nカ\nで\nす", "prohibited.insult"),  # one letter a line
        ("バ\ufe0fカ", "prohibited.insult"),  # a variation selector shows nothing after a kana
        ("ア〜ホ", "prohibited.insult"),
        ("バ力じゃないの", "prohibited.insult"),
        ("死🌸ね", "prohibited.insult"),
        ("ばーーーか", "prohibited.insult"),
        ("バヵじゃないの", "prohibited.insult"),
        ("バーーーカ", "prohibited.insult"),
        ("Rumor has it that the festival is cancelled.", "prohibited.rumor"),
        ("Unconfirmed reports say the bridge collapsed.", "prohibited.rumor"),
        ("ガ🌸イ🌸ジ🌸ン", "prohibited.discrimination"),
        ("観光協会の投稿をリツイートします", "quote.third_party"),
        ("観光協会の投稿をシェアします", "quote.third_party"),
        ("観光協会の投稿をリツイートして紹介します", "quote.third_party"),
        ("RT @joetsu_kanko: 桜が見頃です", "quote.third_party"),
        ("新聞記事を掲載します（〇〇新聞 12月3日付）", "quote.third_party"),
        ("お詫びして訂正いたします", "correction.notice"),
        # Session 16: English insults in a reply to a foreign resident.
        ("You idiot", "prohibited.insult"),
        ("What a moron.", "prohibited.insult"),
        ("Kill yourself", "prohibited.insult"),
        ("kys", "prohibited.insult"),
        ("Go to hell!", "prohibited.insult"),
        ("Shut up!", "prohibited.insult"),
        # Session 16: the other word lists in English, for notices to foreign residents.
        ("Please vote for the LDP.", "prohibited.political"),
        ("Please vote in the election for the Komeito candidate.", "prohibited.political"),
        ("I heard that the bridge will close tomorrow.", "prohibited.rumor"),
        ("Please share widely!", "prohibited.rumor"),
        ("For internal use only", "confidential.secret"),
        ("Draft - not for distribution", "confidential.secret"),
        ("Embargoed until 10:00 on December 5", "press.embargo"),
        ("Press release: new snow removal plan", "press.embargo"),
        ("We apologize for the error in yesterday's post.", "correction.notice"),
        ("Correction: the event is on December 6.", "correction.notice"),
        # A national agency as the source (「（出典：気象庁）」) is its terms' attribution since session 41, and a
        # prefecture or a municipality (「出典：新潟県ホームページ」) since session 42; an association is neither.
        ("（出典：新潟日報）", "quote.third_party"),
        ("出典：新潟県観光協会ホームページ", "quote.third_party"),
        ("写真提供：上越観光コンベンション協会", "quote.third_party"),
        ("【シェア】新潟県からのお知らせです", "quote.third_party"),
        ("Photo courtesy of Joetsu Tourism", "quote.third_party"),
    ],
)
def test_fires(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("夏祭りで馬鹿囃子を披露します", "prohibited.insult"),
        ("室内限りでご使用ください", "confidential.secret"),
        ("葛\U000e0100飾区との交流", "prohibited.insult"),
        ("Take a dog and a cat to the U.S.A. trip", "prohibited.insult"),  # a single letter before a word joins nothing
        ("年末のお知らせ\nバカンスシーズンの交通安全", "prohibited.insult"),
        ("ハ゜ン教室を開きます", "prohibited.insult"),
        ("【RT希望】避難指示が発令されました", "prohibited.rumor"),
        ("上越警察署によると、市内で不審者が出たそうです。", "prohibited.rumor"),
        ("クマは冬眠するそうです", "prohibited.rumor"),
        ("リポスト希望！迷子の犬を探しています", "quote.third_party"),
        ("必死ね、がんばろう", "prohibited.insult"),  # 死ね would start inside 必死
        ("Bakalar University", "prohibited.insult"),
        ("違法ダウンロードは犯罪です。", "prohibited.illegal"),
        ("海賊版サイトで見られる映画も違法です。", "prohibited.illegal"),
        ("展望台から雪景色が見られます。", "prohibited.illegal"),
        ("除雪の妨げとなる路上駐車が多く見られます。", "prohibited.illegal"),  # observed, not offered
        ("信号無視が見られる交差点で街頭指導を行いました。", "prohibited.illegal"),
        ("不法投棄されたごみを無料で回収します。", "prohibited.illegal"),
        ("インターネットで違法薬物が簡単に手に入る時代になっています。", "prohibited.illegal"),
        ("SNSでは大麻が簡単に手に入るかのような投稿が見られます。", "prohibited.illegal"),
        ("必死 ね", "prohibited.insult"),  # 死 follows a kanji: it is no single letter
        ("明日は雨 ね", "prohibited.insult"),
        ("お茶・コーヒーをどうぞ", "prohibited.insult"),
        # The potential verb 死ねる (can die), not the imperative: a false alarm before.
        ("まだ死ねない理由があります。", "prohibited.insult"),
        ("ここで死ねなかった命", "prohibited.insult"),
        ("安心して死ねるまちづくり", "prohibited.insult"),
        ("家で穏やかに死ねた人も", "prohibited.insult"),
        # Katakana words that are entries run together only when nothing else is left over and it
        # is not one entry said twice, as in drawn-out sounds.
        ("夏はバカンスの季節", "prohibited.insult"),
        ("どうせろくなことがないと思わずに", "prohibited.insult"),  # うせろ inside other words
        ("冬の上越はスキーばっかじゃないの、知ってた？", "prohibited.insult"),  # "not only skiing"
        ("ゲームばっかしてる", "prohibited.insult"),
        ("クイズの正解は○ね", "prohibited.insult"),  # a mark inside a sentence
        ("祖父が逝って一年になります", "prohibited.insult"),
        ("高齢者を狙った迷惑電話にご注意ください。", "prohibited.discrimination"),
        ("路上駐車は高齢者や障害者に迷惑です。", "prohibited.discrimination"),
        ("高齢者の方へ：不審な勧誘はきっぱりお断りしましょう。", "prohibited.discrimination"),
        ("外国人観光客の方へ、予約のない団体の入場はお断りしています。", "prohibited.discrimination"),
        ("生活保護の方もお断りしません。お気軽にご相談ください。", "prohibited.discrimination"),
        ("外国人の方もお断りすることはありません。", "prohibited.discrimination"),
        ("障害のある方の入店をお断りすることはございません。", "prohibited.discrimination"),
        ("生活保護の方もお断りいたしません。", "prohibited.discrimination"),
        ("外国人の方の入居はお断りはしていません。", "prohibited.discrimination"),
        # Those turned away asked about it (a human-rights consultation), not turned away.
        ("外国人の方は入居をお断りされた経験はありませんか。人権相談窓口へご相談ください。", "prohibited.discrimination"),
        ("障害のある方の入店をお断りされたら、市の窓口へご相談ください。", "prohibited.discrimination"),
        ("新着図書のお知らせ：『ケーキの切れない非行少年たち』『アホでもわかる確定申告』ほか30冊。", "prohibited.insult"),
        ("【新着図書】\n・『くそつまらない未来を変えられるかもしれない投資の話』", "prohibited.insult"),
        ("女性の方の参加も不可ではありません", "prohibited.discrimination"),
        ("外国人の方の参加は不可欠です", "prohibited.discrimination"),
        ("女性限定ヨガ教室（参加者募集）", "prohibited.discrimination"),
        ("女性のみの世帯を対象に、除雪ボランティアを募集します", "prohibited.discrimination"),
        ("女性の応募も歓迎します。保育士を募集しています。", "prohibited.discrimination"),
        ("女性のみの就職セミナー参加者募集", "prohibited.discrimination"),
        ("ヨガ教室、女性のみ募集", "prohibited.discrimination"),
        ("助産師も女性のみ募集", "prohibited.discrimination"),
        # A notice teaching the law against such ads quotes them (0d2a745 made 「女性のみ募集」 fire there).
        ("女性のみ募集の求人は法律違反です。", "prohibited.discrimination"),
        ("「事務職は女性のみ募集」のような求人は、男女雇用機会均等法で禁止されています。", "prohibited.discrimination"),
        ("「保育士募集（女性限定）」は男女雇用機会均等法違反です。", "prohibited.discrimination"),
        # Session 22: words quoted as the topic of the hurt they do (an anti-bullying notice) fired.
        ("いじめの言葉「キモい」「ウザい」「死ね」は、相手の心を深く傷つけます。", "prohibited.insult"),
        ("「死ね」は人を深く傷つける言葉です。", "prohibited.insult"),
        ("「ばか」「あほ」は言わないで　いじめ防止ポスターコンクール入賞作品", "prohibited.insult"),
        # ... and so were listed discriminatory words, quoted as what someone says.
        ("「女のくせに」「男なんだから」――何気ない一言が、誰かを傷つけていませんか。", "prohibited.discrimination"),
        ("「女のくせに」などと言わないようにしましょう。", "prohibited.discrimination"),
        ("「ホモ」「オカマ」などの言葉で、性的少数者を笑いのネタにしていませんか。", "prohibited.discrimination"),
        ("「外人」ではなく「外国人」「外国籍の方」と言いましょう。", "prohibited.discrimination"),
        ("「バカ」じゃなくて「ありがとう」を伝えよう。", "prohibited.insult"),
        # Session 22: women-only jobs the law allows (指針 第2の14(2)): 助産師 (保健師助産師看護師法 第3条)
        # and a women's changing room's attendant (風紀上).
        ("助産師募集（女性のみ）", "prohibited.discrimination"),
        ("産後ケア事業の助産師（会計年度任用職員）を募集します（女性のみ）", "prohibited.discrimination"),
        ("助産師を募集します。女性に限ります。", "prohibited.discrimination"),
        ("市民プール 女子更衣室の係員を募集します（女性に限る）", "prohibited.discrimination"),
        ("「給付金が出るらしい」という電話は詐欺です。", "prohibited.rumor"),
        ("「熊が出たらしい」という情報を受け、市職員が現地を確認しました。痕跡は見つかりませんでした。", "prohibited.rumor"),
        ("「この辺りは昔、海だったらしいですよ」と地元の語り部さんが教えてくれました。", "prohibited.rumor"),
        ("「今年は雪が少ないらしいけど、油断は禁物だね」と除雪オペレーターの田中さん。", "prohibited.rumor"),
        ("Foreigners who go home for the holidays need a re-entry permit.", "prohibited.discrimination"),
        ("Telling foreigners to go home is hate speech.", "prohibited.discrimination"),
        ("障害者手帳をお持ちの方は割引の併用不可です", "prohibited.discrimination"),
        ("LGBTの方も安心して利用できる窓口です。", "prohibited.discrimination"),
        ("アダルトサイトの不当請求にご注意ください", "prohibited.obscene"),  # a consumer-affairs warning
        ("Привет, сука", "prohibited.insult"),  # a word all in Cyrillic is Russian, not Latin in disguise
        ("晴れ🌸気温は高め", "prohibited.insult"),
        ("冷蔵庫に入れないとパンがカスカスになります", "prohibited.insult"),
        ("アホウドリの観察会", "prohibited.insult"),
        ("明日も雪が降りそうですしね。", "prohibited.insult"),  # シネ as particles: kana entries stay whole
        ("旧民法の無能力者制度", "prohibited.insult"),
        ("海外人材の受け入れ", "prohibited.discrimination"),
        ("粘土人形づくり", "prohibited.discrimination"),
        ("長崎名物のカステラをどうぞ", "prohibited.insult"),
        ("バカンスシーズンの交通安全", "prohibited.insult"),
        ("燃やせるごみと燃やせないごみの収集日です", "prohibited.insult"),
        ("12月4日から人権週間です。部落差別の解消に向けて講演会を開きます。", "prohibited.discrimination"),
        ("同和問題・部落差別解消推進法の学習会", "prohibited.discrimination"),
        ("ババ抜き大会を開きます", "prohibited.insult"),
        ("雑菌を殺す効果があります", "prohibited.insult"),
        ("在日外国人向けの相談窓口です", "prohibited.discrimination"),
        ("違法薬物は犯罪です", "prohibited.illegal"),
        ("不法投棄はやめましょう", "prohibited.illegal"),
        ("飲酒運転は絶対にしないでください", "prohibited.illegal"),
        ("会場周辺での路上駐車はご遠慮ください", "prohibited.illegal"),
        ("あおり運転は犯罪です", "prohibited.illegal"),
        ("路上駐車が多く、緊急車両が通れません", "prohibited.illegal"),
        ("上越らしい風景をお届けします", "prohibited.rumor"),
        ("ワクチンで不妊になるという噂は誤りです", "prohibited.rumor"),
        ("給付金が出るとの噂がありますが、事実ではありません。", "prohibited.rumor"),
        ("給付金が出るという噂があります。これは根拠のない情報です。", "prohibited.rumor"),
        ("SNS上で「市内でクマが出た」という噂が広がっていますが、そのような事実は確認されていません。",
         "prohibited.rumor"),
        ("「水道水が汚染されている」との噂がありますが、事実と異なります。", "prohibited.rumor"),
        ("給付金が出るとの噂がありますが、正しくありません。", "prohibited.rumor"),
        ("投票に行きましょう", "prohibited.political"),
        ("期日前投票所のご案内です。投票に行きましょう。", "prohibited.political"),
        ("上越高校野球部後援会から寄付をいただきました", "prohibited.political"),
        ("後援：上越市教育委員会", "prohibited.political"),
        ("秘境の温泉と神秘的な滝", "confidential.secret"),
        ("イベントのご案内です。開催予定日は未定です。", "confidential.deliberation"),
        ("市民の提案を募集しています", "confidential.deliberation"),
        ("第3次総合計画（案）について意見を募集します", "confidential.deliberation"),
        ("アユ釣りが解禁されました", "press.embargo"),
        ("【お 知 ら せ】春 夏 秋 冬の写真展", "prohibited.insult"),
        ("A 棟 と B 棟", "prohibited.insult"),
        ("協力をお願いします。パワー力が自慢です", "prohibited.insult"),
        ("土・日・祝は休みです", "prohibited.insult"),
        ("すごーーーい景色！ラーーーメンも最高", "prohibited.insult"),
        ("一ヵ月ぶりに霞ヶ関へ", "prohibited.insult"),
        ("本日開催🎉ぜひお越しください。お🎵祭りに来てね", "prohibited.insult"),
        ("Shiitake mushrooms from Joetsu", "prohibited.insult"),
        ("個人的にはこの景色が一番好きです", "confidential.deliberation"),
        ("市の予算について、市民の皆さんの個人的な意見をお寄せください。", "confidential.deliberation"),
        ("ここだけの話、高田の雁木通りには隠れた名店があるんです。", "confidential.secret"),
        ("サンタさんからのプレゼントは子どもたちには内緒ですよ", "confidential.secret"),
        ("自民党と公明党の県議団が視察に訪れ、素晴らしい景色だと感想を述べられました。", "prohibited.political"),
        # What a council did, reported: the judgement does not end the sentence.
        ("本会議では、自民党などの賛成多数で可決されました。", "prohibited.political"),
        # What a party supports, reported in a clause on the thing it supports.
        ("自民党が支持する法案が可決されました。", "prohibited.political"),
        ("自民党と公明党が支持する法案が可決されました。", "prohibited.political"),
        ("立憲民主党の支持する候補者が当選しました。", "prohibited.political"),
        ("共産党が応援するイベントは中止になりました。", "prohibited.political"),
        ("自民党が支持した法案について、市の対応をまとめました。", "prohibited.political"),
        ("自民党が支持する法案の詳細は、国会のホームページをご覧ください。", "prohibited.political"),
        ("自民党の県議団が危険箇所を視察しました。", "prohibited.political"),
        ("与党の議員団が最高の評価をくださいました。", "prohibited.political"),
        ("皆さんの清き一票が上越の未来をつくります。12月13日（日）は市長選挙の投票日です。", "prohibited.political"),
        ("「清き一票」を大切に、明るい選挙を。", "prohibited.political"),  # the commission's slogan
        ("清き一票を大切に。12月6日は市議会議員一般選挙の投票日です。", "prohibited.political"),
        ("自民党の候補者が選挙公報に掲載されています。", "prohibited.political"),
        ("公明党の候補者も自民党の候補者も、届出書類の提出をよろしくお願いします。", "prohibited.political"),
        ("各政党の候補者の皆さまへ：ポスター掲示場の使用についてよろしくお願いします。", "prohibited.political"),
        ("比例代表選挙では、政党名（自民党、公明党、立憲民主党など）を書いて投票します。", "prohibited.political"),
        ("投票用紙には候補者名か政党名（自民党など）を書いてください。", "prohibited.political"),
        # A 「…」 earlier in the draft, which normalising writes as three dots.
        ("投票日が近づいてきました……。期日前投票もご利用ください……。比例代表は政党名（自民党、公明党など）を書いて投票します。", "prohibited.political"),
        ("比例代表は政党名　（自民党、公明党など）を書いて投票します。", "prohibited.political"),
        ("パブリックコメントでは、個人的な意見も歓迎します。計画案へのご意見をお寄せください。", "confidential.deliberation"),
        ("新庁舎建設基本計画の素案について、市民説明会を開催します。", "confidential.deliberation"),
        ("計画のたたき台をもとに、ワークショップで皆さんの意見を伺います。", "confidential.deliberation"),
        ("不法投棄の防止方法を教えます", "prohibited.illegal"),
        ("不正アクセスから身を守る方法を教えます", "prohibited.illegal"),
        ("無免許でもできる家庭菜園", "prohibited.illegal"),
        ("飲酒運転はバレなくても犯罪です", "prohibited.illegal"),
        # Warnings against drunk driving, and ways home without the wheel.
        ("「少しくらいなら飲んでも運転して大丈夫」という油断が重大な事故につながります。", "prohibited.illegal"),
        ("飲酒運転は、「少しなら大丈夫」という気のゆるみから起こります。", "prohibited.illegal"),
        ("お酒を飲んだら、運転代行やタクシーを使えば大丈夫です。", "prohibited.illegal"),
        ("お酒を飲まない人が運転すれば大丈夫です。", "prohibited.illegal"),
        ("ノンアルコールビールなら、運転する方も大丈夫です。", "prohibited.illegal"),
        ("Never drive after drinking, even a small amount.", "prohibited.illegal"),
        ("除雪車の運転手さんに、温かい甘酒を差し入れできます。", "prohibited.illegal"),
        ("酒蔵まつりは、お車でお越しの方も大丈夫です。ドライバーにはノンアルコール甘酒をどうぞ。", "prohibited.illegal"),
        ("酒蔵見学ツアーは送迎付きなので、運転の心配なく試飲できます。", "prohibited.illegal"),
        ("酒気帯び運転の基準値以下なら大丈夫、という考えは誤りです。", "prohibited.illegal"),
        ("大麻なら簡単に手に入るという思い込みは間違いです。", "prohibited.illegal"),
        ("脱税は犯罪です。間違いなく処罰されます。", "prohibited.illegal"),
        ("ワインを飲んでも大丈夫なように、会場までの無料シャトルを運行します（運転手付き）。", "prohibited.illegal"),
        ("お酒を飲んだ日は、運転は家族にお願いすればOK。", "prohibited.illegal"),
        ("運転する人はお酒を飲まなければ大丈夫。", "prohibited.illegal"),
        ("たくさん飲んだ翌日でも、7時間以上寝れば運転しても大丈夫、は誤解です。", "prohibited.illegal"),
        # Other things drunk before driving, a question, a town's name.
        ("車に乗る前に酔い止めを飲んでおけば大丈夫です。", "prohibited.illegal"),
        ("コーヒーを一杯飲んでから運転すれば眠気覚ましに大丈夫です。", "prohibited.illegal"),
        ("薬を飲んで運転しても大丈夫か、医師や薬剤師に確認しましょう。", "prohibited.illegal"),
        ("水分をこまめに飲んで、長時間の運転でも大丈夫なように備えましょう。", "prohibited.illegal"),
        ("甘酒は運転前に飲んでも大丈夫？", "prohibited.illegal"),
        # The alcohol check of business drivers, and a hand sanitiser, are no drinking.
        ("運転前のアルコールチェックは、検知器を使えば対面でなくても問題ありません。", "prohibited.illegal"),
        ("社用車を運転する前のアルコールチェックは、カメラ越しの確認でもOKです。", "prohibited.illegal"),
        ("手指のアルコール消毒をしてから運転席に座っても大丈夫です。", "prohibited.illegal"),
        ("An alcohol check before driving the city's cars is fine by video call.", "prohibited.illegal"),
        ("酒田市の酒蔵見学ツアーは、バスで行くので運転の心配もなく大丈夫です。", "prohibited.illegal"),
        # A quoted lure named by a warning.
        ("「簡単に高収入」「荷物を受け取るだけ」——それは闇バイトです。", "prohibited.illegal"),
        ("無免許運転は絶対にしないでください", "prohibited.illegal"),
        ("女性の活躍を応援します", "prohibited.discrimination"),
        ("子どもから高齢者まで、くせになる味です", "prohibited.discrimination"),
        ("高齢者の方は暑い日は家にいればいいと思いがちですが、適度な運動も大切です", "prohibited.discrimination"),
        ("女性に人気、クセになる食感", "prohibited.discrimination"),
        ("外国人観光客にもくせになると好評", "prohibited.discrimination"),
        ("高齢者の皆さんは家にいる時間が長くなりがちです", "prohibited.discrimination"),
        ("与党の最高幹部が来庁しました", "prohibited.political"),
        ("与党は最低賃金の引き上げを表明", "prohibited.political"),
        ("ネットで話題の上越グルメ", "prohibited.rumor"),
        ("友人から聞いたおすすめのお店を紹介します", "prohibited.rumor"),
        ("SNSで見た方も多いと思いますが、市の公式発表です", "prohibited.rumor"),
        ("Scunthorpe United", "prohibited.insult"),
        ("Take the bus to Hell Valley (Jigokudani) and go to hell's gate.", "prohibited.insult"),
        ("Go to Hell Valley by bus.", "prohibited.insult"),  # 「Go to hell」 only as the whole sentence
        ("Please keep the windows shut up during the storm.", "prohibited.insult"),
        ("Skills for yourself and your family", "prohibited.insult"),
        ("Idiot-proof recycling guide", "prohibited.insult"),
        ("Vote for your favourite photo in the contest!", "prohibited.political"),
        ("LDP lawmakers visited the snow-damaged area.", "prohibited.political"),
        ("Election day is December 14. Please go and vote.", "prohibited.political"),
        ("Evacuation order issued for the river area, please share widely.", "prohibited.rumor"),
        ("Tour of the correctional facility", "correction.notice"),
        ("出典を明記すれば、市のオープンデータは自由に使えます。", "quote.third_party"),
        ("情報提供をお願いします。", "quote.third_party"),
        ("記事よりも写真が好評でした。", "quote.third_party"),
        ("アユ釣りの解禁日は6月1日です", "press.embargo"),
        ("6月1日午前0時解禁のアユ釣り", "press.embargo"),
        ("狩猟の解禁前に講習会を開きます", "press.embargo"),
        ("ボジョレー・ヌーボー解禁日にワインの試飲会", "press.embargo"),
        ("ボージョレ・ヌーヴォー解禁日にあわせた地酒フェアです。", "press.embargo"),  # the official spelling
        ("【解禁】\n今年もアユ釣りが始まります", "press.embargo"),
        ("【解禁】来春の桜まつり ポスターデザイン決定！", "press.embargo"),
        ("高齢者のくせに、という言葉に傷つく人がいます。年齢による差別をなくしましょう。", "prohibited.discrimination"),
        ("写真の無断転載はご遠慮ください", "quote.third_party"),
        ("市の投稿をぜひシェアしてください", "quote.third_party"),
        ("RTお願いします！", "quote.third_party"),
        ("ぜひリポストしてください", "quote.third_party"),
        ("シェアサイクルの実証実験を始めます", "quote.third_party"),
        ("ホームページに記事を掲載しました", "quote.third_party"),
    ],
)
def test_stays_silent(text: str, code: str) -> None:
    assert code not in codes(text)


def test_words_run_together_in_one_unknown_katakana_word_are_each_found() -> None:
    text = "市長はバカアホマヌケだ"
    found = findings_of("prohibited.insult", text)
    assert [text[f.start : f.end] for f in found] == ["バカアホマヌケ"]
    # Written half-width, the letters do not line up with the folded word: the whole word is shown.
    [f] = findings_of("prohibited.insult", "ｱﾎﾏﾇｹ")
    assert (f.start, f.end) == (0, 5)


def test_offsets_point_at_the_word_in_the_original_text() -> None:
    text = "𠮷田さん😀、お前は馬鹿だ"
    [f] = findings_of("prohibited.insult", text)
    assert text[f.start : f.end] == "馬鹿" == f.excerpt


def test_extra_words_extend_the_list_and_match_morphemes() -> None:
    ov = {"prohibited.insult": RuleOverride(extra_words=("へっぽこ",))}
    assert "prohibited.insult" in codes("あの職員はへっぽこだ", overrides=ov)
    assert "prohibited.insult" not in codes("あの職員はへっぽこだ")


def test_allow_exempts_a_phrase_for_that_rule_only() -> None:
    text = "記者発表を行います。検討中の改定案です。"
    ov = {"press.embargo": RuleOverride(allow=("記者発表",))}
    found = codes(text, overrides=ov)
    assert "press.embargo" not in found
    assert "confidential.deliberation" in found


def test_press_embargo_is_one_reminder_naming_every_mention() -> None:
    """A press-release post names 記者発表 and プレスリリース again and again; the order of release
    is one thing to confirm, so it is one warning (it was one per mention)."""
    text = "本日、記者発表を行います。詳しくはプレスリリースをご覧ください。記者発表の資料も掲載しています。"
    [f] = findings_of("press.embargo", text)
    assert f.excerpt == "記者発表" and f.message.startswith("「記者発表」「プレスリリース」に触れています")
    # An allowed phrase is left out before they are gathered: the other mention is still reported.
    ov = {"press.embargo": RuleOverride(allow=("記者発表",))}
    [f] = findings_of("press.embargo", "記者発表を行いました。解禁時刻は午前5時です。", overrides=ov)
    assert f.excerpt == "解禁時刻" and "記者発表" not in f.message


def test_a_word_spelled_out_is_one_finding_over_just_its_letters() -> None:
    [f] = findings_of("prohibited.insult", "ク＊ソ役所")
    assert f.excerpt == "ク＊ソ"
    [f] = findings_of("prohibited.insult", "シ・ネ")  # a whole-sentence しね and a spelled-out word: once
    assert f.excerpt == "シ・ネ"


# Sudachi's yomigana plugin used to fold up to four bracketed kana after kanji into the word, so
# 「馬鹿(ばか)」 and 「市長(バカ)」 matched no entry at all.
@pytest.mark.parametrize(
    ("text", "code", "word"),
    [
        ("市長（バカ）の話", "prohibited.insult", "バカ"),
        ("議員(アホ)の発言", "prohibited.insult", "アホ"),
        ("外国人観光客（ガイジン）向けの案内所", "prohibited.discrimination", "ガイジン"),
        ("障害者（めくら）", "prohibited.discrimination", "めくら"),
        ("お前は馬鹿（ばか）だ", "prohibited.insult", "馬鹿（ばか）"),
        ("あの地区は部落（ぶらく）だから", "prohibited.discrimination", "部落（ぶらく）"),
    ],
)
def test_a_word_in_brackets_or_with_its_reading_still_fires(text: str, code: str, word: str) -> None:
    [f] = findings_of(code, text)
    assert text[f.start : f.end] == word


@pytest.mark.parametrize(
    "text",
    [
        "雁木（がんぎ）通りを歩こう",
        "江田島（えたじま）市との交流",
        "馬鹿囃子（ばかばやし）の実演",
        "カステラ（かすてら）づくり体験",
        "支那（しな）そばの名店",
        "部落（ぶらく）差別（さべつ）の解消に向けた講演会",
        "生（なま）ビールで乾杯",
    ],
)
def test_a_reading_in_brackets_is_not_read_as_words_of_its_own(text: str) -> None:
    assert not [c for c in codes(text) if c.startswith("prohibited.")]


def test_a_span_set_answers_whether_one_span_covers_a_hit() -> None:
    spans = SpanSet([(10, 20), (0, 5), (12, 14), (30, 40)])
    assert spans.covers(0, 5) and spans.covers(12, 20) and spans.covers(13, 14) and spans.covers(35, 40)
    assert not spans.covers(4, 6)  # straddles the end of (0, 5)
    assert not spans.covers(18, 31)  # two spans, not one
    assert not spans.covers(25, 26)
    assert not SpanSet().covers(0, 1)


def test_many_allowed_phrases_and_many_hits_are_checked_in_one_pass() -> None:
    text = "外人墓地、" * 2000 + "ガイジンは来るな"
    [f] = findings_of("prohibited.discrimination", text)
    assert text[f.start : f.end] == "ガイジン"


def test_context_words_are_found_by_surface_lemma_or_phrase_starting_in_the_span() -> None:
    from bot.rules.text import Document
    from bot.rules.wordlists import ContextWords

    words = ContextWords(["湧く", "避難指示", "給水車"])
    doc = Document("ハエが湧かないように。避難指示が出ました。給水車が来ます。")
    first, second, third = doc.sentences
    assert words.found(doc, first)  # 「湧かない」 by its dictionary form
    assert words.found(doc, second)
    assert words.found(doc, third)
    assert not ContextWords(["給水車"]).found(doc, first)
    assert not words.found(doc, (0, 2))  # 「ハエ」 only
    assert not ContextWords([]).found(doc, first)


def test_a_label_on_its_own_line_takes_the_sentence_after_it_as_its_context() -> None:
    assert "prohibited.rumor" not in codes("【拡散希望】\n避難指示が発令されました。")
    assert "prohibited.rumor" in codes("【拡散希望】\n迷子の犬を探しています。")
    assert "prohibited.rumor" in codes("避難所へ。拡散希望、迷子の犬を探しています。")  # a letter besides the label


@pytest.mark.parametrize(
    ("text", "following"),
    [
        ("外国人は出ていけと言われた。その通りだ。", "その通りだ。"),
        ("外国人は出ていけと言われた。\nその通りだ。", "その通りだ。"),
        ("外国人は出ていけと言われた。\n\nその通りだ。", None),
        # A line of nothing but spaces looks blank, and parts paragraphs as a blank line does.
        ("外国人は出ていけと言われた。\n\u3000\nその通りだ。", None),
        ("外国人は出ていけと言われた。\r\n\r\nその通りだ。", None),
        ("外国人は出ていけと言われた。", None),
    ],
)
def test_the_next_sentence_of_a_paragraph_stops_at_a_blank_line(text: str, following: str | None) -> None:
    doc = Document(text)
    nxt = doc.next_in_paragraph(doc.sentences[0][1])
    assert (None if nxt is None else text[nxt[0] : nxt[1]].strip()) == following


@pytest.mark.parametrize("text", ["【素案】説明会資料（内部検討用）", "【未定稿】パブリックコメント資料", "非公式案を公聴会で配布"])
def test_an_office_only_mark_is_reported_even_beside_a_public_meeting(text: str) -> None:
    """A public meeting makes a draft public on purpose; 「内部検討用」「未定稿」 say this one is not."""
    assert any(w in f.message for f in findings_of("confidential.deliberation", text) for w in ("内部検討", "未定稿", "非公式案"))


# Session 19: false alarms on legitimate municipal posts (found by a run of 419 realistic drafts).
@pytest.mark.parametrize(("text", "code"), [
    ("「バカ」と言われた経験はありませんか。", "prohibited.insult"),  # reported, not said
    ("暴言（「税金泥棒」など）はやめてください。", "prohibited.insult"),  # a customer-harassment policy
    ("「非国民」と呼ばれた時代の資料を展示します。", "prohibited.insult"),
    ("「死ね」という言葉は人を深く傷つけます。", "prohibited.insult"),
    ("「踊る阿呆に見る阿呆、同じ阿呆なら踊らにゃ損々」", "prohibited.insult"),
    ("秋の七草、クズの花が咲いています。", "prohibited.insult"),
    ("シネ・ウインドで上映します。", "prohibited.insult"),
    ("狂言「附子（ぶす）」を上演します。", "prohibited.insult"),
    ("おかまでご飯を炊く体験ができます。", "prohibited.discrimination"),
    ("「口外しないで」と言われたら詐欺です。", "confidential.secret"),
    ("「バカ」と言われたところ、相談窓口へ。", "prohibited.insult"),
    ("「バカ」と言われたといいます。", "prohibited.insult"),
    ("詐欺の手口を知ることができます。", "prohibited.illegal"),
    ("伝統の野焼きを見学できます。", "prohibited.illegal"),
    ("ふざけるのはやめましょう", "prohibited.insult"),
    ("ボケとツッコミの漫才教室", "prohibited.insult"),
    ("ガキ大将の遊び場", "prohibited.insult"),
    ("「ばか寒い」朝でした", "prohibited.insult"),  # the dialect's ばか: very
    ("ばかうめぇ！", "prohibited.insult"),
    # ばか straight before an adjective is "very", in every script Sudachi reads as noun or adverb.
    ("新潟の方言で言えば、ばか旨い雪下にんじんです。", "prohibited.insult"),
    ("バカ旨い笹寿司をどうぞ", "prohibited.insult"),
    ("馬鹿美味しいと評判の郷土料理です", "prohibited.insult"),
    ("ばかおいしい、と子どもたちも大喜び", "prohibited.insult"),
    ("直売所の野菜はバカ安いです", "prohibited.insult"),
    ("海岸線がばか広い公園です", "prohibited.insult"),
    ("名物のバカ盛り定食", "prohibited.insult"),
    ("本「バカの壁」の読書会", "prohibited.insult"),
    ("鮭のカス漬け", "prohibited.insult"),
    ("Le bus est en retard.", "prohibited.discrimination"),
    # English notices for foreign residents: Japan, Japanese, a 「/jap/」 language folder, a site's name.
    ("Japanese class for foreign residents: every Saturday.", "prohibited.discrimination"),
    ("English page: www.example.org/jap/index.html", "prohibited.discrimination"),
    ("Job information: see GaijinPot.", "prohibited.discrimination"),
    ("Chink in the armour: check the weak points of your evacuation plan.", "prohibited.discrimination"),
    ("ハンセン病は、かつて「らい病」と呼ばれ、患者は強制隔離されました。", "prohibited.discrimination"),
    ("ベトナム人の皆さんへ", "prohibited.discrimination"),
])
def test_legitimate_posts_stay_silent(text: str, code: str) -> None:
    assert code not in codes(text)


# Slurs for Japanese, Asian and foreign people, in an English notice (外人 already fires in Japanese).
@pytest.mark.parametrize(("text", "word"), [
    ("No Japs allowed.", "Japs"), ("Gaijin are welcome too!", "Gaijin"), ("GAIJIN card", "GAIJIN"),
    ("Those gooks", "gooks"), ("A gook", "gook"),
])
def test_english_slurs_for_foreign_people_fire(text: str, word: str) -> None:
    [f] = findings_of("prohibited.discrimination", text)
    assert f.excerpt == word


@pytest.mark.parametrize(("text", "code"), [
    ("市長は「バカ」だ", "prohibited.insult"),  # a quote that is not reported speech
    ("市長は「バカ」と言われても仕方ない", "prohibited.insult"),  # said through the quote
    ("バカと言われた", "prohibited.insult"),  # no quote: the word itself
    ("このクズ野郎", "prohibited.insult"),
    # Not the intensifier: a suffix or a copula after ばか, or a comma before the adjective.
    ("こんな決まりはバカくさい", "prohibited.insult"),
    ("あの職員はバカっぽい", "prohibited.insult"),
    ("バカみたいな対応ですね", "prohibited.insult"),
    ("お前はバカ、うるさい", "prohibited.insult"),
    ("あのブスが", "prohibited.insult"),
    ("おかまは気持ち悪い", "prohibited.discrimination"),
    ("この件は「口外しないで」ください", "confidential.secret"),
    ("口外しないでください。", "confidential.secret"),
    ("ふざけるな、お前ら。", "prohibited.insult"),
    ("うるさいガキどもは来なくていいです。", "prohibited.insult"),
    ("ボケ老人の運転は危ない。", "prohibited.insult"),
    ("ベトナム人は犯罪ばかり。", "prohibited.discrimination"),
    ("中国人お断り。", "prohibited.discrimination"),
    ("技能実習生は出ていけ。", "prohibited.discrimination"),
    # Review: quotes the post itself calls for or agrees with.
    ("「バカ」と言ってやりましょう", "prohibited.insult"),
    ("「死ね」と言ってやれ", "prohibited.insult"),
    ("あいつは「クズ」のような人間だ", "prohibited.insult"),
    ("〇〇議員は「税金泥棒」と呼ばれるべきだ", "prohibited.insult"),
    ("〇〇さんを「バカ」と書き込もう", "prohibited.insult"),
    ("「バカ」という言葉がよく似合う", "prohibited.insult"),
    ("注意：この件は「口外しないで」ください", "confidential.secret"),
    ("取扱いに注意し、「口外しないで」ください", "confidential.secret"),
    # The hurt denied is no warning: the words quoted as harmless, and called for.
    ("「バカ」は傷つける言葉ではないので、どんどん使おう", "prohibited.insult"),
    ("「バカ」は、傷つける言葉ではなく、親しみを込めた呼び方です。", "prohibited.insult"),
    ("「死ね」は冗談なので、誰も傷つけないので大丈夫", "prohibited.insult"),
    ("「バカ」「アホ」——こんな言葉は誰も傷つけません。", "prohibited.insult"),
    ("「障害者は家にいてほしい」という声は、誰も傷つけることはない。", "prohibited.discrimination"),
    # The act of saying it named, and called fine.
    ("「死ね」と書き込むのは自由です。", "prohibited.insult"),
    ("市長に「バカ」と言うのは当然だ。", "prohibited.insult"),
    # The offence denied of the act: called fine, as 「自由です」 is.
    ("「死ね」と書き込むのはいじめではありません。", "prohibited.insult"),
    ("「死ね」と書き込むのは犯罪にはならない。", "prohibited.insult"),
    ("「バカ」と言うのは、違法とは言えません。", "prohibited.insult"),
])
def test_the_same_words_said_by_the_post_still_fire(text: str, code: str) -> None:
    assert code in codes(text)



# Session 19, second review: advice against a quoted word keeps it reported; a list of quotes is one.
@pytest.mark.parametrize("text", [
    "「バカ」などの言葉を使うのはやめましょう。",
    "「バカ」という言葉は使わないようにしましょう。",
    "「バカ」などの暴言は決して許されるべきではありません。",
    "「バカ」と言われたら、すぐに先生に相談しましょう。",
    "「バカ」などと言われたら、ひとりで悩まず相談しなさい。",
    "友達に「バカ」と言ってしまったことはありませんか。",
    "「死ね」「キモい」のような言葉は人を傷つけます。",
    "「うざい」「きもい」といった言葉を使わないようにしよう。",
    # The words named after a dash or a comma, in a warning against them.
    "「うざい」「きもい」「死ね」——何気ない言葉が友達を深く傷つけます。",
    "「バカ」「消えろ」、そんな言葉でいじめるのはやめましょう。",
    # DV and fraud warnings quote the abuser's whole sentences.
    "「お前はバカだ」「誰が稼いでると思ってるんだ」——こんな言葉もDVです。",
    "「払わないと殺すぞ」と脅す電話は詐欺です。",
    "パワハラの例：「頑張れよ」「お前は無能だ」",
    "「お前は無能だ」「辞めちまえ」——これはパワハラです。",
    # Advice not to hurt, and questions, are not the hurt denied.
    "「バカ」は、誰かを傷つけないよう使わないで。",
    "「バカ」は相手を傷つけないと思っていませんか。",
    "「バカ」は深く傷つける言葉ではないでしょうか。",
    "「バカ」は使わず、傷つけない言葉を選びましょう。",
    # The denial reported as a belief, to be refuted.
    "「キモい」は傷つける言葉ではない、と思っている人もいますが、言われた人は深く傷ついています。",
    "「バカ」は傷つける言葉ではない、って思っていませんか。",
    # The act of saying it named as the topic, and called bullying or an offence.
    "ネットに「死ね」と書き込むのはいじめです",
    "SNSで「キモい」と送るのも、立派ないじめです。",
    "「死ね」と書き込むことは侮辱罪にあたる可能性があります。",
    "友達に「バカ」と言うのはやめましょう。",
    "「死ね」と書き込むのはいじめではない、と思っていませんか。",
    "友達に「バカ」と言うのはやめて、いじめないクラスをつくろう。",
])
def test_anti_bullying_posts_quoting_the_words_stay_silent(text: str) -> None:
    assert "prohibited.insult" not in codes(text)


@pytest.mark.parametrize(("text", "code"), [
    ("「口外しないで」と言われたら、すぐに家族や警察に相談してください。", "confidential.secret"),
    ("還付金詐欺にご注意ください。「口外しないでください」と言ってくる電話は詐欺です。", "confidential.secret"),
    ("不審な電話で「口外しないで」と口止めされたら詐欺です。", "confidential.secret"),
])
def test_fraud_warnings_quoting_the_callers_words_stay_silent(text: str, code: str) -> None:
    assert code not in codes(text)


@pytest.mark.parametrize(("text", "code"), [
    ("この件は「口外しないで」ください。詐欺に注意。", "confidential.secret"),
    ("あんな連中は「ガイジ」だ。隔離しておけ。", "prohibited.discrimination"),
    ("「バカ」——この言葉が市長にはぴったりです。", "prohibited.insult"),
    ("「死ね」、その一言を担当者に言いたい。", "prohibited.insult"),
    ("「死ね」と脅してやれ", "prohibited.insult"),
    ("「バカ」——これが市長にはぴったりです。", "prohibited.insult"),
    ("市長の例：「バカ」", "prohibited.insult"),
])
def test_the_posts_own_words_still_fire(text: str, code: str) -> None:
    assert code in codes(text)


def test_a_sentence_both_illegal_checks_find_is_reported_once() -> None:
    """「酒気帯び運転」 with 「大丈夫」 is an act with its call, and drinking, driving and 「大丈夫」 too:
    one finding, not two on the same words."""
    assert codes("酒気帯び運転でも基準値以下なら大丈夫です。").count("prohibited.illegal") == 1




def test_a_listed_word_that_is_also_a_statement_is_one_finding() -> None:
    # Session 22: 「女のくせに」 was reported twice, as a word and as a statement about 「女」.
    [f] = findings_of("prohibited.discrimination", "女のくせに生意気だ。")
    assert f.excerpt == "女のくせに"


def test_a_statement_quoted_in_a_post_about_discrimination_is_taught_as_a_word_is() -> None:
    # Session 22: the word 「女のくせに」 was exempt on its own line of a human-rights post, and the
    # statement it also is (「女」+「くせに」) fired in its place.
    text = "【人権週間】\n「〇〇人は国へ帰れ」\n「女のくせに」\n「障害者はいらない」\nこうした言葉は、人を深く傷つけ、差別を生みます。"
    assert "prohibited.discrimination" not in codes(text)


# Session 28: a public consultation named anywhere in the post publishes its draft, not only in the
# sentence that names it (found by a run of 300 realistic municipal posts).
@pytest.mark.parametrize("text", [
    "【パブリックコメント】\n「第2次上越市子ども・子育て支援事業計画」の素案に対するご意見を募集します。\n"
    "素案は市ホームページ、各区総合事務所で閲覧できます。",
    "新しい市民プールの基本計画（案）がまとまりました。7月10日（金）まで、パブリックコメントでご意見をお寄せください。",
    "都市計画の変更（案）を作成しました。\n縦覧期間：6月15日（月）〜6月29日（月）",
])
def test_a_draft_in_a_post_announcing_a_public_consultation_is_public(text: str) -> None:
    assert "confidential.deliberation" not in codes(text)


@pytest.mark.parametrize("text", [
    # The weaker marks (a 説明会, 「お寄せください」) speak for their own sentence only.
    "新庁舎建設の素案をまとめました。子育て説明会は明日です。",
    "計画の素案です。ご感想をお寄せください。",
    # Office-only marks and an opinion of one's own stay, however public the consultation.
    "【未定稿】基本計画（案）がまとまりました。パブリックコメントを実施します。",
    "新庁舎整備計画（案）のパブリックコメントを実施しています。新庁舎の建設には、個人的には反対です。",
])
def test_a_draft_outside_a_public_consultation_is_still_reported(text: str) -> None:
    assert "confidential.deliberation" in codes(text)


# Review of session 28: a consultation that has not been held yet, that will not be held, or an
# internal memo that asks to keep the draft in the office, does not publish the draft of the post.
@pytest.mark.parametrize("text", [
    "新庁舎整備計画の素案を共有します。\n来月パブリックコメントを予定していますが、それまでは外部に出さないでください。",
    "パブリックコメント実施前のため、取扱いに注意してください。\n基本計画（案）を添付します。",
    "基本計画（案）です。\nパブコメ前なので公開しないでください。",
    "【庁内限り】意見募集前の資料です。\n新庁舎整備計画の素案を添付します。",
    "新庁舎建設の素案をまとめました。\n意見募集は行いません。",
    "市民プール再編の素案がまとまりました。\n縦覧開始前ですので、取扱注意でお願いします。",
])
def test_a_draft_before_or_without_a_public_consultation_is_still_reported(text: str) -> None:
    assert "confidential.deliberation" in codes(text)


@pytest.mark.parametrize("text", [
    # A public-comment notice telling residents what will not be published stays a public notice.
    "新しい市民プールの基本計画（案）がまとまりました。\nパブリックコメントでご意見をお寄せください。\n"
    "いただいたご意見の住所・氏名は公表しません。",
    "基本計画（案）を公表しました。\n意見募集期間：7月1日〜7月31日\n個別の回答はいたしません。",
])
def test_a_public_consultation_saying_what_stays_unpublished_is_still_public(text: str) -> None:
    assert "confidential.deliberation" not in codes(text)


@pytest.mark.parametrize("text", [
    "パブリックコメント前の素案です。",
    "意見募集前の基本計画（案）を共有します。",
])
def test_a_draft_in_the_sentence_of_a_consultation_not_yet_held_is_reported(text: str) -> None:
    assert "confidential.deliberation" in codes(text)
