"""Prohibited content: insults, discrimination, obscenity, incitement, rumours, electioneering."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from bot.rules import analyzer
from bot.rules.emoji import EMOJI
from bot.rules.model import CheckContext, Example, Hit, RuleOptions
from bot.rules.prefilter import guard
from bot.rules.registry import rule
from bot.rules.text import Document, is_person_name
from bot.rules.text_fold import fold
from bot.rules.wordlists import (
    Match,
    SpanSet,
    WordMatcher,
    allowed_spans,
    context_words,
    everyday_senses,
    folded_set,
    load_sections,
    matcher,
)
from bot.rules.wordrule import context_span, everyday_use, merged, word_hits


@rule(
    code="prohibited.insult",
    severity="error",
    summary="侮辱・誹謗中傷・不敬な表現",
    clause="茅野市 4(7)①",
    fires=Example("そんなこともわからないなんて馬鹿ですね。"),
    passes=Example("夏祭りでは馬鹿囃子の演奏とカステラの販売があります。"),
)
def insult(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """侮辱・誹謗中傷の語を含む投稿を止めます。

    茅野市ガイドライン 4(7)① は「侮蔑、誹謗、中傷や不敬な言い方を含む情報」の発信を禁じ、
    上越市 5(5) も「不敬な言い方を含む情報」を挙げています。公式アカウントの一言は市全体の
    信用にかかわるため、誤検知の可能性があっても error として決裁前に止めます。
    語は形態素単位で照合するので、「馬鹿囃子」「カステラ」のように別の語の一部では反応しません。
    外国人向けのお知らせや英語の返信に備えて、英語の罵り語（fuck、shit、idiot、kill yourself など）も一語として
    照合し（「Go to hell!」「Shut up!」は文全体のときだけ。「Go to Hell Valley」は対象外です）、
    「バ カ」「バ・カ」「バ～カ」「ク*ソ」「死🌸ね」のように文字の間に空白や記号、絵文字を入れた書き方、
    「ばーーーか」「バカー」「ばかーだ」「ばかぁ」のように音を伸ばした書き方（ひらがなの語の後の「ー」は、「だ」「よ」「ね」などの前か文の終わりのときだけ。「ばかーん」「すごーい」は対象外です）、半角カナに濁点の結合文字を付けた「ﾊ゙カ」や、「バ力」「バヵ」のように
    カタカナに似た漢字（力・口・工など）や小さい「ヵ」を使った書き方、「bаka」のように英字の中に
    そっくりなキリル文字・ギリシャ文字を混ぜた書き方も語として扱います。
    「バカアホマヌケ」のように語をつなげて一語にしたカタカナも、全体が語彙の語だけでできていれば
    それぞれの語として扱います（「バカンス」、同じ語を二度重ねた「カスカス」「シナシナ」は対象外）。
    「市長は〇ね」「お前なんか〇ね」「あいつはしね。」「そんなことを言う人はし😡ね」のように、文の途中で「死ね」の一文字を〇で隠したもの、文末のひらがな・カタカナの「しね」、「し」と「ね」の間に
    絵文字や記号、見えない文字を入れたものも、人（名前・肩書き・「あいつ」「人」など）に向けて言うときは反応します（「正解は○ね」
    「参加する人は〇ね！」「楽しいですし😊ね」「雨も降りそうですしね。」は対象外です）。
    「まだ死ねない」「安心して死ねる」のような可能の「死ねる」は命令の「死ね」ではないので反応しません。
    「「バカ」と言われた」「「老人は早く死ね」というネットの書き込みが問題になりました」「「死ね」とSNSに書き込まれる被害が増えています」「「死ね」と同級生に言われる被害」「暴言（「税金泥棒」など）はやめてください」「「非国民」と呼ばれた時代」、
    「「うざい」「死ね」——何気ない言葉が友達を傷つけます」「「キモい」「消えろ」――ネット上の何気ない一言が人を傷つけます」「「キモい」「死ね」は、相手の心を深く傷つけます」「「死ね」「うざい」は言葉の暴力です」「「無能」「役立たず」と部下を責めるのはパワハラです」「「ばか」「あほ」は言わないで」「「バカ」なんて言わないで。優しい言葉で話そう」「「バカ」なんて言っちゃダメだよ」「「死ね」なんて、冗談でも書き込まないでください」、DV や詐欺の注意喚起の「「お前はバカだ」——こんな言葉もDVです」
    「「払わないと殺すぞ」と脅す電話は詐欺です」、不審者情報の「男が女子生徒に「殺すぞ」と言って追いかける事案がありました」（事案・不審者・「との情報」・「警察に通報」・「被害がありました」などで出来事として伝える文で、「〜と言って追いかけよう」のような呼びかけでないもの。「〜と言いながら被害を訴える住民は最低だ」のように被害に触れただけのものは反応します）「パワハラの例：「お前は無能だ」」「「お前は無能だ」——これはパワハラです」、言うこと・書き込むことをいじめや犯罪として戒める「ネットに「死ね」と書き込むのはいじめです」のように、
    短い「」で囲んで言われたこと・書かれたこととして示した語や、「」がなくても文の初めで「キモいって言われても気にしないで。」「バカと呼ばれたら、一人で悩まず先生に相談してね。」のように読み手が言われることとして示し、なぐさめたり相談先を示したりする語（「バカって言われても仕方ない市長です」「バカって言われてる、あの市長」、なぐさめを打ち消す「バカって言われても気にしないで、本当のことだから。」「ハゲって言われても気にしないで。素敵です（笑）」は反応します）は、投稿が言っているのではないので反応しません
    （「市長は「バカ」だ」「「バカ」と言われても仕方ない」「「老人は早く死ね」というネットの書き込みに賛成です」、傷つけることを打ち消した「「バカ」は傷つける言葉ではないので、どんどん使おう」「誰も傷つけないので大丈夫」「「死ね」と書き込むのは自由です」「〜のはいじめではありません」は反応します）。「踊る阿呆に見る阿呆」、祭りの「ばか囃子」「馬鹿ばやし」、狂言「附子（ぶす）」、
    秋の七草の「クズ（葛）の花」、映画館「シネ・ウインド」のような名前やことわざも対象外です。
    当番医や施設の案内に載る、「春日」をひらがなで書いた名前（「かすがやま内科医院」「かすが台公民館」
    「かすがの森クリニック」）も対象外です（「かすが山ほどいる」「かすが台無しにした」は反応します）。
    グルメ紹介の「デブ活」「デブ飯」（「冬のデブ活にぴったり！ご当地ラーメン5選」。人に向けた「デブは運動しろ」「あのデブ議員」、人の呼び名にした「デブ活議員」「デブ飯市長」は反応します）、
    給食の献立でひらがなで書いた「くずきり」「くずまんじゅう」「かすてら」、レシピの「くず野菜」、避難所の「ザコ寝」、「暑さで体がバカになる前に」「鼻がバカになる」、ことわざの「馬鹿と煙は高いところへ上る」、鳥の「あほうどり」も対象外です。
    「ばか旨い」「バカ安い」「馬鹿美味しい」「ばかきれいだこて」のように形容詞・形容動詞のすぐ前に置いた「ばか」は、
    話し言葉や新潟の方言の「とても」なので対象外です（「バカくさい」「バカっぽい」「バカみたい」「バカ愚か」は反応します）。
    動詞のすぐ前の「ばか」（「うちの市長、ばか張り切ってるすけ」「ばか混んでる」）も同じく対象外です（「バカ過ぎる」「ばか言うな」
    「バカやってる」「このばか働かない」、打ち消した「市長ばか働かない」は反応します）。
    「雪がバカみたいに降っていますね」「アホみたいに混んでいます」のように動詞・形容詞を強める「バカみたいに」「アホみたいに」、「職員みんなでアホみたいに笑った一日でした」「参加者の皆さんと一緒に、バカみたいに盛り上がりました！」のように一緒に笑う・盛り上がる・楽しむことを言うもの（「課長はバカみたいに笑っている」、笑う人を挙げた「若者たちがみんなでバカみたいに笑っている」「一緒にバカみたいに笑ってる市長と議員」は反応します）、
    「くそ暑い夏」「クソ忙しい年末」のように形容詞の前の「くそ」も、人に向けていなければ「とても」の意味なので対象外です
    （公式アカウントの言葉づかいとしては砕けすぎるため、必要に応じて言い換えてください。「あの議員はバカみたいに威張っている」
    のように文中に人を挙げたもの、「バカみたいな市長」「お前はバカみたい」、「クソまずい」「クソダサい」「クソ遅い」のように
    出来ばえをけなす語の前の「くそ」は反応します）。人に向けた「〇〇議員は恥を知れ」も反応します。「クレーマーの市民には困ったものです」「保護者はモンスターペアレントばかり」のように、問い合わせる市民や保護者を「クレーマー」「モンスターペアレント」と呼ぶものも反応します（同じ文にカスハラ・対策・研修・マニュアル・相談・悪質・不当などがある「悪質クレーマー対策の職員研修を行いました」「クレーマーと思われるのでは、と遠慮せずご相談ください」「不当要求やクレーマーへの対応について、警察OBを配置しました」、職員募集の「窓口業務（クレーマー対応あり）」、映画『クレーマー、クレーマー』、「「クレーマー」と呼ばずに、まず話を聴くことから」「保護者をモンスターペアレントと決めつけないでください」のように呼ぶことを戒めるもの、「クレーマーばかりが目立ちますが、ほとんどの方は丁寧です。」のように同じ文でほとんどの人をかばうものは対象外です。「「クレーマー」と呼ばずにいられない市民ばかりです」「…と呼ばずに何と呼べばいいのか」「クレーマーばかりが目立ちますが、ほとんどの方は感謝の言葉もなく帰ります」は反応します）。「「たわけ」の語源を調べてみました」「「だらず」という方言の由来」のように、
    語だけを「」に入れて語源や由来を取り上げたもの、方言講座の「「ばか」は新潟弁で「とても」の意味です」「「だらず」は鳥取の方言で「ばか」という意味です」も対象外です（「「たわけ」の語源は市長のことです」、
    「「たわけ」の語源を調べました。お前のことだ。」のように次の文で人に向けたもの、「「ガイジ」の語源」のような差別語は反応します）。
    「「死ね」「消えろ」。こうした言葉は人を深く傷つけます。」のように、文として並べた語をすぐ次の文で戒めるものも対象外です
    （「（笑）」を付けたもの、「〜が、事実です」と続けるもの、「市長は「バカ」。」のように人に向けたものは反応します）。
    「あんぽんたん」「おたんこなす」、職員や議員に付けた「ポンコツ職員」「ポンコツ議員」（「ポンコツ車」「ポンコツ自転車」は対象外です）、
    方言やネットの言い方の「だらず」（山陰）「うぜぇ」「きっしょ」、文末の「このボケが！」、「あいつがいじ」（障害のある人をおとしめる
    「ガイジ」を代名詞に続けたもの）も反応します（「ツッコミとボケが絶妙」「あいつがいじめた」「千人をくだらず」は対象外です）。
    図書館の新着図書や映画・展示の紹介で『』に入れた書名・作品名の中の語（『アホでもわかる確定申告』）も
    対象外です（[works]: 図書・新着・著・作品・映画・展示などの語が下書きにあるとき）。「」に入れたものも、すぐ後に
    「の上映会」「という本」「という絵本」「を上映」などと作品であることを書いたもの、すぐ前に「映画」「ドラマ」「絵本」
    などと書いたもの（「ドラマ「黙れ、と言われても」の上映会」「絵本「だまれ」を読み聞かせします」）、映画や図書の
    下書きで「の名台詞」「というセリフ」「というタイトル」と続くもの（「「黙れ小僧！」の名台詞で知られる映画の上映会」）は
    対象外です（「」の外の語、「「市長はバカだ」というタイトルでブログを書きました」は反応します）。
    劇の台詞として、すぐ後に「シェイクスピア劇」「（シェイクスピア『マクベス』より）」と書いたもの、劇や朗読・上演の下書きで
    「名台詞「…」」と前に書いたもの（「「消えろ、消えろ、束の間の灯火」シェイクスピア劇」）も対象外です（「市長の名言「バカ野郎」」
    「「消えろ」と劇団員に言われた」は反応します）。
    リンク（URL）のパスやクエリの中の語（「https://www.city.example.lg.jp/kuso/」）は読み手に向けた
    言葉ではないので対象外です（リンクの前後の本文に書いた語や、読み手に見えるホスト名
    「fuck-the-mayor.com」の語は反応します）。
    語彙は `bot/rules/data/insult.txt`、自治体ごとの追加は `extra_words` で行います。
    「奴は市から出て行け」「あいつらはこの町から出て行け」「お前らを追い出せ」のように、人を「奴」「あいつら」
    「お前ら」と呼んで出ていけ・帰れと迫る文も反応します（「悪い奴は出ていけ！」「鬼を追い出そう」のように
    別の言葉で相手を挙げたもの、「」に入れて言われたこととして示したものや「お前は出ていけ、と言われた経験はありませんか」
    「お前らは帰れ！と怒鳴られた」のように言われたこととして書いたもの、「ゴミ箱を荒らすカラス。あいつらを追い出せ！」のように
    動物や虫・花粉などを指すものは対象外です）。
    罵り語を使わずに丁寧な言葉で相手を見下す言い方（「頭が悪い人には難しいかもしれませんね」「何度説明しても
    ご理解いただけないようですね」「知能を疑います」「日本語が読めないのでしょうか」「逃げない人は、頭が悪いのでしょうか」「お前は頭が悪いのか」「あんたって頭悪いの？」「あいつは頭が悪いのか」「嫌なら出て行けばいい」、人に向けた「避難しない年寄りは死んでもいい」「あんな奴らは死んでもかまわない」、「住民説明会の反対派は、頭の悪い人ばかりでした」、市の考えに反対する人や議員などを何も分からないと言い捨てる「反対している人は何も分かっていない」「反対派は何もわかってない」「議員は何も分かってない」「市議会は何も分かっていない。」、人について文末で言い切る「被災地の人は、もらえるものをもらうのに必死で卑しい」「〜人は浅ましい」「〜人は浅ましい限りだ」「〜人はさもしい奴ばかり」、さっさと・とっとと付きの「〇〇議員は、さっさと辞めてしまえ」。「喫煙はとっとと辞めろ！」「たばこなんか、さっさと辞めてしまえ」のように、すぐ前がたばこ・お酒・ギャンブルなどの習慣のものは対象外。「市長は、喫煙をとっとと辞めろ！」のように人に向けたものは反応します）、「隣の〇〇市は田舎ですね（笑）」「隣町のイベントはいつもしょぼいですね」「隣の市は民度が低い」のように隣の自治体やその催しを文末で見下すもの、韓国語のお知らせの文末の「시장은 바보다.」「멍청이야!」も
    茅野市 4(7)① の「侮蔑」「不敬な言い方」にあたるので反応します（「頭が悪いからではありません」「ご理解いただけない
    ようでしたら窓口へ」「日本語が読めない方のために」「頭が悪いと思い込まず、気軽に聞いてください」「初めての人は何も分からなくても大丈夫です」「赤ちゃんは何も分かっていないと思われがちですが」、「お隣の妙高市と合同で観光PRイベントを開催します」「隣の市は田舎なので、バスの本数が少ないです」「隣の市も田舎です」、自分の町の「何もないけど、何でもある町」、「民度が低いと言われないよう、マナーを守りましょう」、すぐ次で打ち消す「苦手な人は、頭が悪いのでしょうか。いいえ、そうではありません」、次の文で答える俗説の見出し「左利きの人は頭が悪いの？そんな迷信はもう古いです」「…の？専門家に聞きました」、自分のことの「自分は死んでもいいと思っていませんか」、人権講座の「卑しいとされた職業」や「口が卑しい」「職業に卑しいも尊いもない」、「」に入れて戒める「「年寄りは死んでもいい」という差別的な言葉は許されません」（「「年寄りは死んでもいい」という意見に賛成です」のように同意するものは反応します）、
    「…ようですね、という苦情をいただきます」「頭の悪い人ばかりだと思われがちですが、そんなことはありません」のように言われたこと・思われていることとして書いたものは対象外です。「…ばかりだと言える」「…と言っても過言ではない」は反応します）。
    人やその意見をごみや虫にたとえる「ゴミみたいな意見は受け付けません」「ゴミ みたいな意見」「くず野菜みたいな議員ばかりです」「虫けらのような市民」
    「あんな議員はゴミ同然です」「不法投棄する人はゴミだ」「議員なんてゴミです」「お前の意見はゴミだ」「市民の声はゴミ」「ゴミ以下の議員」、市に寄せられる要望や苦情をごみと呼ぶ「こんな要望はゴミだ」「市民の苦情なんてゴミ」、「は」を読点にした話し言葉の「こんな要望、ゴミでしかない」「そんな要望、ゴミだよね」「あいつの提案、ゴミじゃん」「要望とか、ゴミでしかないよね」、「」に入れて認める「「議員なんてゴミ」という声に同感です」、肩書きの前に付けた「ゴミ議員は辞めろ」、
    窓口に来る人などを文末で厄介者扱いする「窓口に来る年寄りはめんどくさい」「問い合わせてくる市民は面倒くさいです」、苦情を言う人などを暇人と言い捨てる「クレーム入れてくる奴は暇人」「苦情の電話をかけてくる人はヒマ人です」「文句言う市民って暇人だよね」「クレーム入れてくる奴らって、よっぽど暇なんだね」、
    「〇〇議員は脳みそ空っぽ」「〇〇議員の頭は空っぽ」、店の料理などをけなす「〇〇商店の料理はまずくて食べられたものではありません」、
    「市長なんかいらない」「職員なんていらない」、皇室への不敬な「天皇なんかいらない」「皇室なんて不要」、隣の自治体を笑う
    「お隣の〇〇町は田舎すぎて笑える」「隣町のイベントはしょぼくてウケる」、同じ文に悪質・理不尽などがあっても市民や保護者を
    ひとまとめにする「悪質なクレーマーの市民ばかりで困ります」「理不尽なモンスターペアレントだらけです」も反応します
    （書き手が自分の案を笑う「私の提案はゴミ」「職員の私が出した企画案は、正直ゴミでした（笑）」、「ゴミのように捨てられる命」「ゴミのような扱いを受けてきた動物たち」「くず野菜みたいな切れ端」、量や材料をたとえる「くずみたいな端材から作品を作ります」「カスみたいな量のごみでも分別を」（「カスみたいな対応」、人のする仕事や使う物の「クズみたいな量の仕事しかしない職員」「あの業者はクズみたいな材料しか使わない」は反応します）、「ごみ市民会議」「ごみ減量市民の会」「ごみ市民サポーター」「ごみ市民・事業者説明会」、清掃活動の呼びかけの「ごみ市民、大集合！」、「皆さんのご意見は、ごみの減量に役立てます」、読点で並べた「要望、苦情、ご相談は市民相談室へ」「ご要望、ごみ収集に関するお問い合わせは環境課まで」、多かった要望や質問の話題を伝える「今年いちばん多かった要望、ごみです！」「今月の質問、ごみです。」「市民からの要望、ごみです！」（「こんな意見、ごみです」「市民の意見、全部ゴミです」は反応します）、「スマホが苦手な人は、
    アプリの登録が面倒くさいですよね」のように手続きを面倒と言うもの、「頭を空っぽにして踊ろう」、「クマに食べられたものでは
    なく」、作り手のない「渋柿は、そのままでは渋くて食べられたものではありませんが…」、「カスタマーハラスメント研修では、
    クレーマーばかりで困ったときの対応を学びました」のような研修や対策の文、「遠慮なんかいらない」「天皇誕生日」「天皇制の歴史を学ぶ講演会」、「「市長なんかいらない」という声もいただきましたが」「「天皇なんかいらない」という落書きが見つかりました」
    のように寄せられた声として伝えるもの、「職員なんかいらない、AIで十分という意見もありますが、窓口の対応は人が行います」のように他の声と並べて伝え、答えるもの（「…という意見に賛成です」「…という意見もありますが、その通りだと思います」、次の文で認める「…という声もあります。同感です。」は反応します）、「うちの町は田舎すぎて笑えるほど星がきれい」、書き手自身の「暇人なので、休日は図書館にこもってます」、思い込みとして正す「定年退職した人は暇人だと思われがちですが」、
    「悪質なクレーマーばかりではありません」は対象外です）。
    市に寄せられた苦情を「市役所に「役立たず」とのご意見をいただきました」「「役立たず」との厳しいご意見」「「税金泥棒」というお叱りの声」のように「」に入れて伝えるもの、ネット上の中傷を「SNSで「職員はクズ」との書き込みが見られますが、職員への誹謗中傷はおやめください」のように伝えて戒めるものも対象外です（「「役立たず」とのご意見に同感です」、次の文で認める「「市長はバカ」という投稿がありました。まったくその通りだと思います。」、次の文で人に向ける「…お叱りの声をいただいています。議員の皆さんのことです。」や、戒めた語を次の文で認める「「死ね」「うざい」は言葉の暴力です。でも市長には言っていい。」は反応します）。
    """
    message = "「{word}」は侮辱と受け取られる表現です。削除するか別の表現に改めてください。"
    spans = [
        (h.start, h.end) for h in word_hits(doc, opts, "insult.txt", message, in_links=False)
        if not _intensifier(doc, h.start, h.end) and not _kasuga_name(doc, h.start, h.end)
        and not _label_set_aside(doc, h.start, h.end)
    ]
    # Asked for each of the other findings: a long paste holds thousands of both (「クレーマーばかりで、」 repeated).
    taken = SpanSet(spans)
    # 「シ・ネ」 is both a whole-sentence しね and a word spelled out: one finding.
    for a, b in merged([*spans, *_standalone(doc, "insult.txt"), *_masked_die(doc)]):
        if _reported(doc, a, b) or _in_title(doc, a, b) or _called_by_others(doc, a, b):
            continue
        yield Hit(a, b, message.format(word=doc.text[a:b]))
    for a, b in _driven_out(doc):
        if not taken.overlaps(a, b):
            yield Hit(a, b, f"「{doc.text[a:b]}」は人を侮辱し、排除する表現と受け取られます。削除するか別の表現に改めてください。")
    for m in _CURSED_AT.finditer(doc.text):
        group = m.lastgroup or "word"
        a, b = m.span(group)
        if not taken.overlaps(a, b) and not _reported(doc, a, b):
            yield Hit(a, b, (_CURSED_SLUR if group == "slur" else message).format(word=m.group(group)))
    for m in _NEIGHBOUR_RUN_DOWN.finditer(doc.text):
        a, b = m.span("scorn")
        if not taken.overlaps(a, b) and doc.enclosing_quote(m.start(), b, 40) is None:
            yield Hit(a, b, f"「{m.group('scorn')}」と近隣の自治体を見下す表現と受け取られます。削除するか別の表現に改めてください。")
    if max(doc.text, default=" ") >= "\uac00":  # Hangul, or a full-width mark or an emoji
        for m in _KO_INSULT.finditer(doc.text):
            yield Hit(m.start("word"), m.end("word"), message.format(word=m.group("word")))
    for m in _CONTEMPT.finditer(doc.text):
        a, b = m.span()
        if (
            m.group("resign")
            and (habit := _HABIT_QUIT.search(doc.text, max(doc.sentence_at(a)[0], a - 16), a))
            and not _found_before(doc, _QUIT_TOLD_TO, a, habit.start())
        ):
            continue
        # Unfit to eat as the verdict on whoever made it (「〇〇商店の料理はまずくて…」), not on a crop or a food as it
        # is: 「渋柿は、そのままでは渋くて食べられたものではありません」「古くなった米は臭くて…」 teach.
        if m.group("inedible") and not _found_before(doc, _MADE_BY, a, a):
            continue
        # The meanness said of people is the word itself, not the sentence that leads up to it.
        verdict = next((g for g in ("mean", "nuisance", "inedible", "clueless") if m.group(g)), None)
        shown = m.group(verdict) if verdict else m.group()
        a, shown_end = m.span(verdict) if verdict else (a, b)
        # 「「年寄りは死んでもいい」という考えは間違っています」: the words closing a short quote and reported after it,
        # as they are reported after a comma without one.
        # A quote is no comma, though: 「「年寄りは死んでもいい」という意見に賛成です」 says the words through it, so
        # 「という」 after one (the words named, not said to or felt by someone) needs them disowned.
        quoted = doc.text.startswith("」", b) and doc.enclosing_quote(a, b, 15) is not None
        said = _CONTEMPT_REPORTED.match(doc.text, b + 1 if quoted else b)
        if quoted and said is not None and _NAMED_ONLY.match(doc.text, said.start(), said.end()):
            said = said if (
                _contempt_quote_disowned(doc, said.end(), doc.sentence_at(said.end())[1])
                or _VOICE_RECEIVED.match(doc.text, said.end())
            ) else None
        if said is None and not quoted:
            said = _opinion_heard(doc, b)
        if (not taken.overlaps(a, b) and not _reported(doc, a, b)
                and said is None):
            yield Hit(a, shown_end, f"「{shown}」は相手を見下す表現と受け取られます。削除するか別の表現に改めてください。")
    for pattern, scorn in (
        (_IRREVERENT, "「{}」は皇室に対する不敬な表現と受け取られます。削除してください。"),
        (_TRASH_LIKE, "「{}」は人やその意見をごみや虫にたとえて見下す表現と受け取られます。削除するか別の表現に改めてください。"),
        (_LABELLED_ALL, "「{}」は市民や保護者をひとまとめに見下す表現と受け取られます。削除するか別の表現に改めてください。"),
        (_FOOD_SLANG_LABEL, "「{}」は人の体形をからかって見下す表現と受け取られます。削除するか別の表現に改めてください。"),
    ):
        for m in pattern.finditer(doc.text):
            # What someone is said to be is the word, not 「は」 and the copula around it (「あんな議員はゴミ同然です」).
            word = next((g for g in ("said", "title") if g in pattern.groupindex and m.group(g)), None)
            a, b = m.span(word) if word else m.span()
            if pattern is _LABELLED_ALL and _search_from(doc, _HARASSMENT_POLICY, *doc.sentence_at(a)):
                continue
            if (
                pattern is _TRASH_LIKE
                and m.group("said")
                and _OWN_WORK.search(doc.text, max(doc.sentence_at(a)[0], m.start() - _OWN_WORK_REACH), m.start())
            ):
                continue
            if pattern is _TRASH_LIKE and m.group("comma"):
                before = max(doc.sentence_at(a)[0], m.start() - _OWN_WORK_REACH)
                if _MOST_ASKED.search(doc.text, before, m.start()):
                    continue
                # A request's topic given after a comma with a bare copula (「今月の質問、ごみです。」「市民からの要望、
                # ごみです！」) unless the request is pointed at or all of it dismissed, or the copula scorns.
                if (
                    _VOICE_BEFORE_COMMA.search(doc.text, before, m.start("comma"))
                    and not _SCORN_POINTED.search(doc.text, before, m.start("comma"))
                    and not _SCORN_SAID.search(doc.text, m.end("comma"), m.end())
                ):
                    continue
            # Quoted as a voice received or a scrawl found: 「「天皇なんかいらない」という落書きが見つかりました」.
            said = (
                _NAMED_ONLY.match(doc.text, m.end() + 1)
                if doc.text.startswith("」", m.end()) and doc.enclosing_quote(m.start(), m.end(), 15) is not None
                else None
            )
            if said is not None and _VOICE_RECEIVED.match(doc.text, said.end()):
                continue
            if (
                not taken.overlaps(a, b) and not _reported(doc, a, b)
                and _CONTEMPT_REPORTED.match(doc.text, b) is None and _opinion_heard(doc, m.end()) is None
            ):
                yield Hit(a, b, scorn.format(doc.text[a:b]))


# The word opening its sentence as what others call the reader, unquoted, in a post that comforts: 「キモいって言われても
# 気にしないで。」「バカと呼ばれたら、先生に相談してね」. Not said of anyone named before it (「市長はバカって言われてる」),
# nor granted (「バカって言われても仕方ない市長です」).
_CALLED_BY_OTHERS = re.compile(
    r"(?:だ|とか|なんて)?[ \t　]*(?:って|と)[ \t　]*(?:言われ|いわれ|呼ばれ|からかわれ|笑われ|書かれ|書き込まれ|馬鹿にされ)"
    r"(?:ても|たら|た|て|る|ます|まし)"
)
_CALLING_GRANTED = re.compile(
    r"仕方|しょうがない|当然|当たり前|ふさわし|似合|ぴったり|その通り|そのとおり|自業自得|ざまあ|同感|賛成"
    # Or whom they call it named after all: 「バカって言われてる、あの市長」.
    r"|市長|町長|村長|知事|議員|職員|議会|役所|課長|部長|あいつ|こいつ|そいつ|あの人|あの方|お前"
)
# The comfort taken back, in its sentence or the next: the word said to be true (「…気にしないで、本当のことだから」
# 「…気にしないで。事実だから。」), the reader told to change (「…大丈夫、整形すればいい」) or laughed at (「素敵です（笑）」).
_COMFORT_MOCKED = re.compile(
    r"(?:本当のこと|ほんとのこと|ホントのこと|事実)(?!では|じゃ|で(?:は)?な|無根|とは(?:限|違))|本当だ(?!と思い込)|図星"
    r"|整形|痩せれば|やせれば|直せば|治せば|変えれば|ダイエット"
    r"|[（(]笑[)）]|(?<![A-Za-zＡ-Ｚａ-ｚ])[wｗ]+(?![A-Za-zＡ-Ｚａ-ｚ])|草$"
)


# What may stand before the first word of a sentence: read up to the word, not copied (a sentence may be a paste).
_OPENING = re.compile(r"[ \t　【】\[\]（）()・\-－]*")
_COMFORTED = re.compile(
    r"気にしな|気にせず|悩まず|悩まないで|抱え込ま|抱えこま|相談|窓口|あなたは悪くない|あなたのせいではない|大丈夫|素敵|味方"
)


def _called_by_others(doc: Document, start: int, end: int) -> bool:
    """Whether the word at [start, end) opens its sentence (brackets and spaces aside) as `_CALLED_BY_OTHERS`, the rest
    of the sentence (40 characters at most) does not grant it, and the post comforts or points to help after it."""
    sent = doc.sentence_at(start)
    opening = _OPENING.match(doc.text, sent[0], start)
    if opening is None or opening.end() != start or not (told := _CALLED_BY_OTHERS.match(doc.text, end)):
        return False
    if _CALLING_GRANTED.search(doc.text, told.end(), min(sent[1], told.end() + 40)):
        return False
    # Only in a post that comforts or points to help after it: 「バカと言われた」 alone says the word (test_words).
    reach = min(len(doc.text), told.end() + 60)
    return (
        _COMFORTED.search(doc.text, told.end(), reach) is not None
        and _COMFORT_MOCKED.search(doc.text, told.end(), reach) is None
    )


# The words for residents or parents who complain too much (`_LABELLED_ALL`'s).
_LABELS = frozenset(fold(w) for w in ("クレーマー", "モンスターペアレント", "モンスターペアレンツ", "モンペ"))
# The label called off (「「クレーマー」と呼ばずに、まず話を聴くことから」「クレーマーと決めつけないで」), not kept
# (「クレーマーと呼ばずにいられない」).
_LABEL_CALLED_OFF = re.compile(
    r"[」』]?[ \t　]*(?:と|って)[ \t　]*(?:安易に|すぐに?|頭ごなしに|一方的に)?[ \t　]*(?:呼ば|決めつけ|決め付け|扱いせ|扱いし)"
    # Not kept all the same: 「…と呼ばずにいられない」「…と呼ばずに何と呼べばいいのか」.
    r"(?:ず|ない|ないで|ないよう)(?![ \t　]*(?:に)?(?:は)?(?:いられ|おれ|おられ|すま)|[ \t　]*(?:に)?[、,]?[ \t　]*(?:何|なん|ナン|他に|ほかに))"
    r"|[」』]?[ \t　]*(?:と|って)[ \t　]*(?:呼ぶ|決めつける|決め付ける)の(?:は|を)[ \t　]*(?:やめ|止め)"
)
# The label granted to a few and the most defended in the same sentence: 「クレーマーばかりが目立ちますが、ほとんどの方は
# 丁寧です」.
_LABEL_CONCEDED = re.compile(
    r"[^。！？!?\n]{0,20}?(?:が|けど|けれど(?:も)?)[、,][ \t　]*(?:実際(?:に)?は|実は|本当は)?[、,]?[ \t　]*"
    r"(?:ほとんど|大半|大多数|多く|9割|九割|多数)(?:の)?(?:(?:市民|住民|利用者|保護者|お客様)の)?(?:方|人|皆さん|皆様|市民|住民|利用者|お客様|保護者|来庁者)(?:々|たち)?(?:は|が)"
    r"[^。！？!?\n]{0,20}?(?:丁寧|親切|協力的|誠実|真摯|穏やか|温か|あたたか|優し|やさし|善意|感謝|理解|常識的|良識|まっとう|真っ当|正当)"
    # Not the kindness denied: 「ほとんどの方は感謝の言葉もなく帰ります」「大半の方は理解がありません」.
    r"(?![^。！？!?\n、,]{0,10}?(?:もな|がな|はな|[がもは]ありませ|せず|しない|しません|できな|できま|ではな|じゃな|に欠け|のかけら|どころか|知らず))"
)


def _label_set_aside(doc: Document, start: int, end: int) -> bool:
    """Whether the label at [start, end) (`_LABELS`) is called off or granted only to a few in its sentence."""
    if fold(doc.text[start:end]) not in _LABELS:
        return False
    return bool(_LABEL_CALLED_OFF.match(doc.text, end) or _LABEL_CONCEDED.match(doc.text, end))


# Korean insults ending a sentence of a multilingual post (「시장은 바보다.」「담당자는 멍청이야!」): the analyser does not
# split Hangul, so the word is read with its copula before the sentence's end. Only as the predicate: 「"바보"라는 말은
# 상처를 줍니다」 names the word, 「바보상자」 holds it, 「8등신」 is a figure's proportions. Not 쓰레기 (garbage: 「이것은 타는 쓰레기입니다」 sorts it).
_KO_INSULT = re.compile(
    r"(?<![가-힣0-9])(?P<word>바보|멍청이|병신|등신|또라이|머저리|얼간이|미친놈|미친년|개새끼|멍청하다|멍청해)"
    # Not a word quoted as said to someone: 「친구에게 "바보!"라고 하지 마세요」. The marks are taken whole: tried split
    # by split against the quote after them, 40,000 「!」 before a 「」」 took 6 s.
    r"(?:들)?(?:이다|다|야|이야|입니다|이네|네|이군|군)?(?=[ \t]*+(?:[.!?。！？~ㅋ]++(?![\"”'」』’])|$))",
    re.MULTILINE,
)

# Words that are everyday nouns (ボケ of manzai, of a blurred photo, of dementia; が+いじ of 「あいつがいじめた」) and
# insults only as a curse ending the sentence: 「このボケが！」「ボケが。」 and the disability slur ガイジ written
# straight after the person it is said of in hiragana (「あいつがいじ」, which Sudachi reads as あいつ/が/いじ).
# Not 「ツッコミとボケが絶妙」「ピンボケが気になる」「あいつがいじめた」「あいつがいじった」.
_CURSED_AT = re.compile(
    r"(?:(?<=この|あの|その)|(?<![^\W\d_]))(?P<word>ボケ|ぼけ)(?:が|め)[ \t　]*(?=[!！。…‥w草]|$|\s)"
    r"|(?:あいつ|こいつ|そいつ|お前|おまえ|てめえ|てめー)(?:ら)?(?P<slur>がいじ)(?=[だやじなねよw草!！。…、,]|$|\s)"
)
_CURSED_SLUR = "「{word}」は障害のある人をおとしめる差別的な言葉で、相手を侮辱する表現です。削除してください。"


# Contempt with no abusive word in it, often in polite form, as in a reply to a complaint: 「頭が悪い人には
# 難しいかもしれませんね」「何度説明してもご理解いただけないようですね」「知能を疑います」「日本語が読めないの
# でしょうか」「嫌なら出て行けばいい」. Not 「頭が悪いからではありません」「ご理解いただけないようでしたら」
# 「日本語が読めない方のために」, nor 「雨が嫌なら屋内の会場へ」.
# 頭が悪い only said of someone (「…人には」「…方は」) or as a verdict ending the sentence (「頭悪いですね」「頭悪すぎ。」):
# on its own it fired on 「頭が悪いと思い込まず、気軽に聞いてください」「「頭が悪い」と自分を責めていませんか」
# 「頭の悪い子なんていません」, posts that comfort the reader.
_CONTEMPT = guard(re.compile(
    # Or as all of those present: 「住民説明会の反対派は、頭の悪い人ばかりでした」 (not the subject of what follows:
    # 「頭の悪い人ばかりが損をする、ということはありません」).
    r"頭(?:が|の)?悪(?:い|すぎ|そう)(?:(?:人|方|奴|やつ|連中|子)(?:には|は|に|って|(?:ばかり|ばっかり?|だらけ)(?![がをのに]))|です|ね|よね|でしょ|(?=[。！？!?…\n]|$))"
    r"(?![^。！？!?\n]{0,4}?(?:では|じゃ)(?:ない|ありません|なく))"
    r"|(?:ご理解|理解して|お分かり|おわかり|分かって|わかって)(?:いただけ|もらえ)(?:ない|ません)(?:よう|みたい)(?:です|だ)ね"
    r"|知能を疑"
    # 「〇〇議員の頭は空っぽ」: the head of someone named before it (not 「瞑想で頭が空っぽになる」).
    r"|(?:(?<=[員長人奴]の)|(?<=いつの)|(?<=つらの)|(?<=中の)|(?<=前の)|(?<=さんの)|(?<=氏の)|(?<=事の)|(?<=家の))頭(?:の中)?"
    r"(?:は|って|が)[、,]?[ \t　]*(?:空っぽ|からっぽ|カラッポ)(?:だ|です|ですね|だね|ね|よ|な)?(?=[。！!…w]|\n|$)"
    # Asked of people named just before (「何度呼びかけても逃げない人は、頭が悪いのでしょうか」): a sneer as a question.
    # Or of the one spoken to: 「お前は頭が悪いのか」.
    r"|(?:(?<=[人方奴民]は)|(?<=[人方奴民]って)|(?<=お前は)|(?<=おまえは)|(?<=あんたは)|(?<=貴様は)|(?<=てめえは)|(?<=お前って)"
    r"|(?<=あんたって)|(?<=いつは)|(?<=いつって)|(?<=[前えた]らは)|(?<=君は))"
    r"[、,]?[ \t]*頭(?:が|の)?悪い(?:の|ん)(?:でしょうか|ですか|だろうか|かな|か(?=[。？?]|$)|(?=[？?]))"
    # 「…人は、頭が悪いのでしょうか。いいえ、違います。」 asks to answer no, in a post that comforts.
    # The question may be quoted: 「「機械が苦手な人は頭が悪いのでしょうか」そんなことはありません」. Or it heads a
    # myth the next sentence answers: 「左利きの人は頭が悪いの？そんな迷信はもう古いです」「…の？専門家に聞きました」.
    r"(?![。？?！!」』]{0,3}\s*(?:いいえ|いや|そんなこと|そうでは|違い|ちがい"
    r"|[^。！？!?\n]{0,30}?(?:迷信|誤解|俗説|根拠はありません|根拠のない|違います|ではありません|専門家に|研究で|研究が|調べてみ|聞きました|解説|正解は|答えは)))"
    # Death wished on people in polite words: 「避難しない年寄りは死んでもいい」「あんな奴らは死んでもかまわない」.
    # Not 「自分は死んでもいいと思っていませんか」 (a person's own despair, met in suicide prevention), nor 「死んでも治らない」.
    r"|(?:(?<=[人者奴民])|(?<=やつ)|(?<=連中)|(?<=寄り)|(?<=老人)|(?<=奴ら)|(?<=やつら))(?:ら|たち|ども|など|なんか|なんて)?は[、,]?"
    r"[^。！？!?\n]{0,8}?死んで(?:も|くれて)(?:いい|良い|よい|かまわない|構わない|仕方ない|しかたない|しょうがない)"
    # 「…と思っていませんか」「…と思う人」 ask after or tell of a despair; 「…と思います」 says it.
    r"(?![^。！？!?\n]{0,3}?(?:のか|のでしょうか|なんて|わけ|はず"
    r"|と思(?:って(?:い)?(?:ませんか|ないか|る(?:人|方)|しま)|いませんか|いますか|う(?:人|方|か)|わ)))"
    r"|日本語が(?:読め|分から|わから|理解でき)ない(?:の|ん)(?:でしょうか|ですか|だろうか|かな)"
    # Meanness as the verdict ending a sentence about people (「被災地の人は、もらえるものをもらうのに必死で卑しい」).
    # Only so: 「卑しいとされた職業」 of a 人権講座, 「口が卑しい」 of oneself, 「職業に卑しいも尊いもない」 say it of no one.
    r"|(?:(?<=[人者奴民])|(?<=やつ)|(?<=連中)|(?<=寄り)|(?<=あいつ)|(?<=こいつ)|(?<=そいつ))(?:ら|たち|ども|など|なんか|なんて)?(?:は|って)[、,]?"
    # The verdict pressed: 「〜は浅ましい限りだ」「〜はさもしい奴ばかりだ」「〜は卑しい連中だらけ」.
    r"[^。！？!?\n「」]{0,30}?(?P<mean>(?:卑しい|賤しい|さもしい|浅ましい)(?:(?:人間|奴|やつ|連中|者)(?:ばかり|ばっかり?|だらけ)?|(?:の)?限り)?)"
    r"(?:ですね|ですよ|です|だね|だよ|だな|だ|よね|ね|よ|な|わ)?(?=[。！!…w」]|\n|$)"
    # Those who disagree or ask dismissed as knowing nothing, the verdict ending the sentence: 「反対している人は何も分かって
    # いない」「反対派は何もわかってない」. Not 「初めての人は何も分からなくても大丈夫」, nor a child's (「子どもは…」).
    # Or whom a post more often runs down so: 「議員は何も分かってない」「市議会は何も分かっていない」「あいつらは…」.
    r"|(?:(?<=[人者奴民派])|(?<=やつ)|(?<=連中)|(?<=方々)|(?<=の方)|(?<=る方)|(?<=た方)|(?<=議員)|(?<=議会)|(?<=市長)"
    r"|(?<=町長)|(?<=村長)|(?<=知事)|(?<=職員)|(?<=役所)|(?<=役人)|(?<=政治家)|(?<=あいつ)|(?<=こいつ)|(?<=そいつ)|(?<=お前))"
    r"(?:ら|たち|ども|など|なんか|なんて)?"
    r"(?:は|って)[、,]?[ \t　]*(?P<clueless>(?:何も|なにも|何一つ|なにひとつ|全然|まるで|全く|まったく|ちっとも)[ \t　]*"
    r"(?:分かって|わかって|理解して|分かっちゃ|わかっちゃ)(?:い)?(?:ない|ません|ねえ|ねー))"
    r"(?:のです|んです|んだよ|んだ|のだ|ですね|よね|ね|よ|な|わ)?(?=[。！!…w」]|\n|$)"
    r"|(?:嫌|いや|イヤ|文句がある|不満がある|不満な)なら[^。！？!?\n]{0,8}?出て(?:行|い)(?:け|って|きなさい)"
    # Told to resign with contempt: 「山田議員は、さっさと辞めてしまえ」「とっとと辞めろ」. Only with さっさと・とっとと:
    # 「辞職を求める決議」「辞めろという声」 report a demand, 「さっさと辞めてしまえばよかった」 is one's own regret.
    r"|(?P<resign>(?:さっさと|とっとと)[、,]?[ \t]*辞め(?:てしまえ|ちまえ|ろ|やがれ|てくれ)(?:よ|や)?(?=[!！。…w]|$))"
    # Those the city serves found a nuisance, as the verdict said of them: 「窓口に来る年寄りはめんどくさい」「問い合わせて
    # くる市民は面倒くさいです」. Only straight after them: 「スマホが苦手な人は、登録が面倒くさいですよね」 says it of a task.
    r"|(?:(?<=[人者民客])|(?<=寄り)|(?<=老人)|(?<=高齢者)|(?<=方々)|(?<=連中)|(?<=やつ)|(?<=奴))(?:ら|たち|ども|なんか|なんて)?"
    r"(?:は|って)[、,]?[ \t　]*(?:本当に|ほんとに|ほんとうに|ほんと|マジで|まじで|とても|すごく|実に|いつも|どうにも|正直)?[、,]?[ \t　]*"
    r"(?P<nuisance>めんどくさい|めんどうくさい|面倒くさい|面倒臭い|めんどい|うっとうしい|鬱陶しい|うざったい|邪魔くさい"
    # Or idlers, as those who complain are dismissed: 「クレーム入れてくる奴は暇人」「苦情の電話をかけてくる人はヒマ人です」.
    r"|(?:暇人|ヒマ人|ひま人|ヒマジン)(?:ばかり|ばっかり?|だらけ)?|(?:よっぽど|よほど|相当)[ \t　]*(?:暇|ヒマ|ひま)な(?:んだ|のだ|んでしょう|のでしょう)(?:ろう)?)"
    # 「文句言う市民って暇人だよね」 agrees on it as 「…暇人だね」 does.
    r"(?:ですよね|だよね|ですね|ですよ|です|だね|だよ|だな|だ|よね|ね|よ|な|わ)?(?=[。！!…w]|\n|$)"
    # A shop's food or a work run down as not fit to eat or see: 「〇〇商店の料理はまずくて食べられたものではありません」.
    # Only with the reason or 到底 before it: 「クマに食べられたものではなく、サルの被害です」 is what ate the crop.
    # Ending the sentence: 「このきのこは苦くて食べられたものではありませんが、毒はありません」 goes on to the point, and
    # 「…ではありません、なんてことはありません！」 denies it.
    r"|(?:(?<=は)|(?<=くて)|(?<=すぎて)|(?<=到底)|(?<=とうてい))[、,]?[ \t　]*(?P<inedible>(?:とても|到底|とうてい)?[ \t　]*"
    r"(?:食べ|食え|飲め|見|見れ|聞け|読め)(?:られ)?た(?:もの|もん)(?:では|じゃ)(?:ない|ありません|ねえ|ねー))"
    r"(?:です|でした|よね|ね|よ|な|わ)?(?=[。！!…w]|\n|$)"
    # Officials told they are not wanted: 「市長なんかいらない」「職員なんていらない」 (not 「遠慮なんかいらない」).
    r"|(?:市長|町長|村長|知事|議員|市議|議会|市役所|役所|公務員|職員|役人|政治家)(?:なんか|なんて)(?:は)?[、,]?[ \t　]*"
    r"(?:いらない|要らない|いりません|要りません|必要ない|必要ありません|不要|いなくていい|いなくても(?:いい|良い))"
))
# Whoever made the food or the work run down by `_CONTEMPT`'s 「食べられたものではない」: a shop, a cook, a town's dish.
_MADE_BY = re.compile(
    r"店|商店|食堂|屋(?:の|は|さん)|レストラン|給食|弁当|料理|作った|作る|出す|出した|さん|職員|市長|議員|シェフ|板前"
    r"|(?:市|町|村)の|あいつ|こいつ|お前"
)
# The staff's training or policy on customer harassment, which speaks of クレーマー to answer them (「カスタマーハラスメント
# 研修では、クレーマーばかりで困ったときの対応を学びました」): not 悪質・理不尽, said of the demands by the post itself.
_HARASSMENT_POLICY = re.compile(
    r"対策|研修|マニュアル|セミナー|講座|講習|防止|カスハラ|カスタマーハラスメント|ハラスメント|相談|毅然|録音|通報"
)
# The imperial family told it is not wanted (茅野市 4(7)① and 上越市 5(5) 「不敬な言い方」): 「天皇なんかいらない」「皇室
# なんて不要」. なんか・なんて is the contempt; 「天皇制の是非を考える講演会」 or a 祝日's notice names them only.
_IRREVERENT = guard(re.compile(
    r"(?:天皇(?:陛下)?|陛下|皇室|皇族|天皇制|上皇(?:陛下)?|皇后(?:陛下)?|皇太子|皇嗣|宮家)(?:なんか|なんて|とか)(?:は|も)?[、,]?[ \t　]*"
    r"(?:いらない|要らない|いりません|要りません|必要ない|必要ありません|不要|いなくていい|いなくても(?:いい|良い)|消えろ|なくなれ"
    r"|なくなればいい|廃止しろ|どうでもいい)"
))
# People or what they say likened to rubbish or vermin: 「ゴミみたいな意見は受け付けません」「くず野菜みたいな議員
# ばかりです」. Only before a person or an opinion: 「ゴミのように捨てられる命」「ゴミのような扱い」 tell of harm done.
# The food slang [allow] leaves out (「デブ活」「デブ飯」) made a person's title: 「デブ活議員」「デブ飯市長」 call someone
# fat as 「デブ議員」 does. Not the slang's own followers (「デブ活女子」: a word going on), a dish (「デブ飯メニュー」) nor a
# gourmet writer's name for themself (「デブ活先生のおすすめ」).
_FOOD_SLANG_LABEL = re.compile(
    r"(?<![一-鿿々ァ-ヺー])(?:デブ|でぶ)(?:活|飯)(?:議員|[市県町村区]議|市長|町長|村長|区長|知事|職員|政治家|役人|公務員"
    r"|野郎)(?:達|共|ども|たち|ら)?(?![一-鿿々ァ-ヺー])"
)
# The copula after the rubbish someone is said to be, as people say it too: 「ゴミでしかない」「ゴミだよね」「ゴミじゃん」.
_TRASH_PREDICATE = (
    r"(?:でしか(?:ない|ありません)|に(?:すぎ|過ぎ)(?:ない|ません)|です|だ|じゃん|でしょう?|だろう?)(?:よね|ね|よ|な|わ)?"
)
_TRASH_LIKE = guard(re.compile(
    r"(?:(?:生|粗大)?(?:ゴミクズ|ごみくず|ゴミ|ごみ)|クズ|くず野菜|くず|カス|虫けら|虫ケラ|ウジ虫|うじ虫|蛆虫|ゴキブリ|ドブネズミ|寄生虫"
    r"|害虫|産業廃棄物|産廃)[ \t　]*(?:みたい|の[ \t　]*(?:よう|様)|同然の|以下の)な?[ \t　]*"
    r"(?:意見|考え|提案|質問|要望|発言|人間|人|奴|やつ|ヤツ|連中|議員|市長|町長|村長|知事|職員|市民|住民|客|政治家|役人|公務員|教師"
    r"|先生|親|保護者|若者|年寄り|老人|男|女|輩)(?:達|共|ども|たち|ら)?(?![\u4e00-\u9fff])"
    # Or said to be it, ending the sentence: 「あんな議員はゴミ同然です」「不法投棄する人はゴミだ」.
    r"|(?:(?<=[人者民客])|(?<=議員)|(?<=市長)|(?<=職員)|(?<=政治家)|(?<=役人)|(?<=公務員)|(?<=寄り)|(?<=老人)|(?<=連中)"
    r"|(?<=やつ)|(?<=奴)|(?<=お前)|(?<=あいつ)|(?<=こいつ)|(?<=そいつ)"
    # Or what someone says: 「お前の意見はゴミだ」「あいつの考えはゴミ同然」, or asks of the city: 「こんな要望はゴミだ」
    # 「市民の苦情なんてゴミ」.
    r"|(?<=意見)|(?<=考え)|(?<=発言)|(?<=提案)|(?<=主張)|(?<=の声)|(?<=要望)|(?<=質問)|(?<=苦情)|(?<=陳情)|(?<=請願)"
    r"|(?<=要求)|(?<=クレーム)|(?<=アイデア)|(?<=アイディア)|(?<=企画)|(?<=案))"
    # 「議員なんてゴミです」「議員なんて全員ゴミ」: なんか・なんて is the topic without は. So is a bare comma, spoken, or
    # とか and one (「こんな要望、ゴミでしかない」「要望とか、ゴミでしかないよね」), though only with a predicate after the
    # word: 「要望、苦情、ごみ」 lists them.
    r"(?:(?:ら|たち|ども|なんか|なんて)?(?:は|って)[、,]?|(?:なんか|なんて)[、,]?|(?:とか)?(?P<comma>[、,]))[ \t　]*"
    r"(?:全員|みんな|皆|どれも|全部)?[ \t　]*"
    r"(?P<said>(?:(?:生|粗大)?(?:ゴミ|ごみ)|虫けら|虫ケラ|寄生虫|害虫)(?:同然|以下|クズ|くず)?)"
    # Or closing a quote, which `_reported` reads as said to someone or agreed with (「「こんな要望はゴミだ」という意見に
    # 賛成です」).
    rf"(?(comma){_TRASH_PREDICATE}|(?:{_TRASH_PREDICATE}|よね|ね|よ|な)?)(?=[。！!…w」]|\n|$)"
    # Called rubbish as a title: 「ゴミ議員は辞めろ」「ごみ市長」. Not a compound going on (「ごみ市民会議」「ごみ減量
    # 市民の会」) nor the kind of rubbish before it (「粗大ゴミ」「家庭ごみ」).
    r"|(?<![一-鿿々ァ-ヺー])(?P<title>(?:ゴミ|ごみ)(?:議員|市議|市長|町長|村長|知事|職員|政治家|役人|公務員|市民|住民|教師)"
    # Nor a program's name going on in katakana, Latin letters, digits or a list (「ごみ市民サポーター」「ごみ市民フォーラム
    # 2026」「ごみ市民・事業者説明会」).
    # Nor the residents who pick it up, called to a rally: 「ごみ市民、大集合！」「ゴミ市民集まれ！」.
    r"(?:達|共|ども|たち|ら)?)(?![一-鿿々ァ-ヺーA-Za-z0-9０-９Ａ-Ｚａ-ｚ]|[・･][一-鿿々ァ-ヺー]|の(?:会|集い|皆)"
    r"|(?:(?<=市民)|(?<=住民))[、,！!？?\s　]*(?:大集合|集まれ|あつまれ|集合|大募集|募集))"
))
# The writer's own idea or work run down before the rubbish said of it (`_TRASH_LIKE`): 「私の提案はゴミ」「職員の私が出した
# 企画案は、正直ゴミでした（笑）」 mock no one but the writer. Only the writer's right before it: 「私の意見に反対する
# 人の意見はゴミ」 runs down another's.
_OWN_WORK = re.compile(
    r"(?:私|わたし|ワタシ|僕|ぼく|自分|俺|おれ|我々|われわれ|うち)(?:たち|達|ら)?"
    r"(?:の|が[^、。！？!?\n「」]{0,6}?(?:出し|書い|考え|作っ|し)た)[^、。！？!?\n「」]{0,6}$"
)
_OWN_WORK_REACH = 24
# The requests counted, before a comma that gives the topic most asked about: 「今年いちばん多かった要望、ごみです！」
# 「市民アンケートで多かった質問、ごみです。」 rank what residents asked about; they call nothing rubbish.
_MOST_ASKED = re.compile(r"多(?:かった|い|く)|一番|いちばん|最も|もっとも|トップ|[1１]位|ランキング|ナンバーワン|No\.?[1１]")
# A request or a voice before the comma, which has a topic the comma may give (「今週の市民の声、ごみです。」); a person
# has none (「あの議員、ゴミだよ」).
_VOICE_BEFORE_COMMA = re.compile(
    r"(?:意見|考え|発言|提案|主張|の声|要望|質問|苦情|陳情|請願|要求|クレーム|アイデア|アイディア|企画|案)$"
)
# The request pointed at with scorn (「こんな要望、ゴミだよ」「あいつの提案、ごみです」), or 「とか」 as its topic.
_SCORN_POINTED = re.compile(r"こんな|そんな|あんな|こういう|そういう|ああいう|あいつ|こいつ|そいつ|お前|おまえ|てめえ|どうせ|とか$")
# All of them dismissed, or the copula that scorns: 「全部ゴミだよ」「ゴミ以下」「ゴミでしかない」「ゴミじゃん」「ゴミでしょ」.
_SCORN_SAID = re.compile(r"全員|みんな|皆|どれも|全部|同然|以下|クズ|くず|でしか|にすぎ|に過ぎ|じゃん|でしょ(?!う)|だわ")

# Residents or parents all labelled for asking (茅野市 4(7)① 侮蔑), whatever the sentence also says of the demands:
# 「悪質なクレーマーの市民ばかりで困ります」, where 悪質 ([everyday]) would read it as a policy's words. Not 「悪質な
# クレーマーばかりではありません」.
_LABELLED_ALL = guard(re.compile(
    r"(?:クレーマー|モンスターペアレンツ|モンスターペアレント|モンペ)(?:の|な)?(?:市民|住民|保護者|利用者|お客|客|来庁者|相談者|親)?"
    r"(?:さん|様)?(?:ばかり|ばっかり|ばっか|だらけ)(?=で(?!は)|です(?!が)|だ(?!と)|[。！!…]|$|な|の(?:町|市|窓口))"
))
# A neighbouring town, or its people or its events, run down as the verdict ending the sentence (茅野市 4(7)① 誹謗中傷):
# 「隣の〇〇市は田舎ですね（笑）」「隣町のイベントはいつもしょぼいですね」「隣の市は民度が低い」. Only a town called the
# neighbour: the city's own 「何もない町。それが上越です」 is its modesty, and 「お隣の妙高市と合同で…」「隣の町の花火大会も
# 見どころ満載です」 run no one down. Only as the end of the sentence: 「隣の市は田舎なので、バスが少ないです」 says why.
_NEIGHBOUR_RUN_DOWN = guard(re.compile(
    # Not 「も」: 「隣の市も田舎です」 counts the city's own in. Not 近隣・隣接, a report's words (「近隣の町は人口が減り…」).
    r"(?:お隣|隣|となり)(?:の)?[^。！？!?\n「」、,はもが]{0,10}?(?:市|町|村|県|まち)"
    r"(?:の[^\s。！？!?\n「」、,はもが]{1,10}|民)?(?:は|って|なんて|なんか)[、,]?[ \t　]*"
    r"[^。！？!?\n「」]{0,20}?(?P<scorn>ど田舎|田舎|ダサ[いく]|だっさ[いく]|ださ[いく]|しょぼ[いく]|ショボ[いく]|民度(?:が|の)?低い"
    r"|何もない|なにもない|何もなさすぎ|なにもなさすぎ|つまらない|寂れて(?:る|いる|います)|さびれて(?:る|いる|います)|終わって(?:る|いる|います)|オワコン)"
    # Laughed at, or said to be too much so: 「お隣の〇〇町は田舎すぎて笑える」「…しょぼくてウケる」.
    r"(?:すぎ(?:る|ます)?|(?:すぎて|くて|で|て)[ \t　]*(?:笑える|笑えます|わらえる|ウケる|うける|ウケます|泣ける))?"
    r"(?:な|の)?(?:町|まち|ところ|所)?(?:です|だ|でしょう)?(?:ね|よ|な|わ)*[ \t　]*(?:[（(]笑[）)]|笑|[wｗ]+|草)?[ \t　]*(?=[。！!…\n]|$)",
    re.MULTILINE,
))
# Tobacco and drink, named: what is quit, not who (`_CONTEMPT`), and what under twenty may not have (`_UNNAMED_ACTS`).
_TOBACCO_OR_DRINK = r"たばこ|タバコ|煙草|喫煙|お酒|(?<!甘)酒|飲酒|ビール|チューハイ|ワイン|焼酎|ハイボール"
# A habit told to be quit, bluntly, is health advice: 「喫煙はとっとと辞めろ！」「たばこなんか、さっさと辞めてしまえ」. Only
# the habit itself right before: 「喫煙する職員はとっとと辞めろ」「酒飲み市長はさっさと辞めろ」 tell a person to resign.
_HABIT_QUIT = re.compile(
    rf"(?:{_TOBACCO_OR_DRINK}|ギャンブル|パチンコ|夜更かし|スマホ|ゲーム|ポイ捨て|悪習|習慣|癖|くせ|クセ)"
    r"(?:は|を|なんか|なんて|も|って)?[、,]?[ \t　]*$"
)
# Someone the sentence tells to quit it, before the habit: 「市長は、喫煙をとっとと辞めろ！」「お前はタバコをさっさと
# 辞めろ」 order a person about with the same contempt; 「皆さん、」 is the readers, as the bare advice is theirs.
_QUIT_TOLD_TO = re.compile(
    r"市長|町長|村長|知事|議員|議長|職員|課長|部長|係長|先生|お前|おまえ|オマエ|あんた|アンタ|貴様|てめ|テメ"
    r"|あいつ|こいつ|そいつ|アイツ|コイツ|ソイツ|奴|やつ|ヤツ|連中|(?<!皆)(?<!みな)(?:さん|様|さま)|氏|君|くん"
)
# The words reported after a comma (「何度説明してもご理解いただけないようですね、という苦情をいただきます」
# 「日本語がわからないのでしょうか、と不安に思う外国人の方へ」): what was said to or felt by someone, not the post's.
# Not 「…と思います」, the post's own view (「避難しない人は死んでもいいと思います」).
_CONTEMPT_REPORTED = re.compile(
    # Through the copula only as what others say or think: 「頭の悪い人ばかりだと思われがちですが、そんなことはありません」,
    # not the post's own 「…ばかりだという印象です」「…ばかりだと感じました」「…ばかりだと言わざるを得ません」.
    r"[、，,]?[ \t\u3000]*+(?:(?:だ|です)(?:と|って)(?:思われ|言われ|いわれ|見られ|考えられ|誤解され|決めつけられ)"
    r"|(?:だ|です)という(?:偏見|誤解|イメージ|思い込み|決めつけ|声|意見|見方|考え)"
    r"|という|といった"
    # Not 「…と言える」「…と言っていい」「…と言っても過言ではない」, the post's own verdict.
    r"|と(?:言(?!え(?:る|ます)|って(?:いい|良い|よい|も過言|過言))|い(?!え(?:る|ます))|思(?!います|いました|う[。！!]|う$|っています)"
    r"|不安|心配|感じ|悩|相談|質問|聞か|尋ね)|って(?:言|思))"
)
_NAMED_ONLY = re.compile(r"[、，,]?[ \t\u3000]*+(?:という|といった)")
# A voice the city received, named by the quote: 「「市長なんかいらない」という声もいただきましたが、…受け止めます」
# (not 「…という意見に賛成です」, which says the words again).
_VOICE_RECEIVED = re.compile(
    r"[ \t\u3000]*(?:声|ご意見|意見|苦情|お叱り|おしかり|書き込み|投稿|電話|メール|手紙|落書き|らくがき|いたずら書き|貼り紙|張り紙|ビラ)"
    r"(?:を|も|が|は)?[ \t\u3000]*(?:いただ|頂|寄せ|届|あり|受け|もら|見つか|発見|書かれ|貼ら)"
)
# One of the opinions the city hears, given with others before the voice is named and answered: 「職員なんかいらない、
# AIで十分という意見もありますが、窓口の対応は人が行います」 (as `_VOICE_RECEIVED` after a quote). The words may run on a
# little before the comma: 「ゴミ議員は辞めろ、という声も届いていますが」.
_OPINION_HEARD = re.compile(
    r"[^。！？!?\n「」、,]{0,12}?[、,][^。！？!?\n「」]{0,24}?(?:という|といった|との|などの?)[ \t\u3000]*(?:ご|お)?"
    r"(?:意見|声|考え|見方|指摘|批判|苦情|叱り)(?:も|が|は|を)?[ \t\u3000]*(?:あり|寄せ|いただ|頂|聞か|聞き|届|耳に)"
)
# The post siding with the opinion after all: 「…という意見もありますが、その通りだと思います」「…私もそう考えます」.
_OPINION_AGREED = re.compile(
    r"賛成|同感|同意|共感|その通り|そのとおり|もっとも|一理|正論|全くです|まったくです|納得|同じ考え"
    # Not others said to think so: 「そう思う方もいるでしょうが」; nor 当然 as "of course" (「当然、窓口は人が…」).
    r"|そう(?:思|考え)(?!う方|う人|る方|る人|われ|られ)|当然(?:です|だ|でしょう|と思)"
)
# Agreement said in a sentence of its own after the opinion (「…という声もあります。同感です。」), not granted only to be
# answered (「ごもっともですが、窓口は人が対応します」).
_OPINION_AGREED_NEXT = re.compile(
    r"[ \t\u3000]*(?:本当に|ほんとうに|全く|まったく|私も|わたしも|確かに|たしかに)?[ \t\u3000、]*(?:ご)?"
    r"(?:賛成|同感|同意|共感|その通り|そのとおり|もっとも|正論|同じ考え|納得"
    r"|そう(?:思|考え)(?!う方|う人|る方|る人|われ|られ)|当然(?:です|だ|でしょう|と思))"
    r"(?![^。！？!?\n]{0,16}?(?:が[、,]|けど|けれど|ものの|一方))"
)


def _opinion_heard(doc: Document, end: int) -> re.Match[str] | None:
    """`_OPINION_HEARD` right after the words ending at ``end``, when the post does not agree with the opinion in the
    rest of its sentence (read no further than 40 characters) nor in the next sentence's opening."""
    heard = _OPINION_HEARD.match(doc.text, end)
    if heard is None:
        return None
    sentence_end = doc.sentence_at(heard.end() - 1)[1]
    if _OPINION_AGREED.search(doc.text, heard.end(), min(sentence_end, heard.end() + 40)):
        return None
    if _OPINION_AGREED_NEXT.match(doc.text, sentence_end):
        return None
    return heard


_CONDEMNED = re.compile(r"許され(?:ない|ません)|間違って(?:いる|います)(?!とは|とも)|あっては(?:なら|いけ)")


def _found_before(doc: Document, pattern: re.Pattern[str], at: int, before: int) -> bool:
    """Whether ``pattern`` matches in the sentence at ``at`` before ``before``. The sentence's first match is
    remembered (`_search_from`): a long paste with no full stop (「タバコはさっさと辞めろw」 repeated) asked from the
    sentence's start for each finding, 40,000 characters 15 times slower than 10,000. Searched up to ``before``
    only when that first match runs past it (the first match then may be a longer one of two words there)."""
    start, end = doc.sentence_at(at)
    first = _search_from(doc, pattern, start, end)
    if first is None or first.start() >= before:
        return False
    return first.end() <= before or pattern.search(doc.text, start, before) is not None


def _contempt_quote_disowned(doc: Document, start: int, end: int) -> bool:
    """Whether the rest of the sentence after a quote, [start, end), disowns the words (`_disowning`), says they
    may not be said, or names them a wrong not denied (「…という差別的な言葉」, not 「…は差別ではありません」)."""
    if _disowning(doc, start, end) is not None or _search_from(doc, _CONDEMNED, start, end):
        return True
    return _last_wrong_named(doc, start, end) >= start


def _last_wrong_named(doc: Document, start: int, end: int) -> int:
    """Where the last wrong named and not denied (`_WRONG_NAMES`, not `_DENY_DENIED` nor `_DENY_DISMISSED`) in
    [start, end) begins, or -1. Remembered per ``end`` with the start it was read from: a long paste of quoted words
    (「「年寄りは死んでもいい」という」 repeated) asks from each quote's end to the sentence's, and read each time
    that rest made 40,000 characters 12 times slower than 10,000. A reading from an earlier start answers for a
    later one: whether a name is denied looks only after it, and the names begin no name inside another."""
    key = ("last_wrong_named", end)
    known = doc.memo.get(key)
    if isinstance(known, tuple) and known[0] <= start:
        return int(known[1])
    last = max(
        (
            m.start() for m in _WRONG_NAMES.finditer(doc.text, start, end)
            if not _DENY_DENIED.match(doc.text, m.end()) and not _DENY_DISMISSED.match(doc.text, m.end())
        ),
        default=-1,
    )
    doc.memo[key] = (start, last)
    return last


# ばか written straight before an adjective is the intensifier "very" of speech and of Niigata dialect
# (「ばか旨い雪下にんじん」「バカ安い」「馬鹿美味しい」), said of a thing, never of a person. Sudachi reads it
# as a noun or an adverb by the script, so the adjective after it decides; 「バカくさい」「バカっぽい」 end in
# a suffix, not an adjective, and an insulting adjective after it (「バカうざい」) is listed itself.
_FOOL = frozenset(("バカ", "馬鹿"))
# The same before an adjectival noun (形状詞, 「ばかきれいだこて」「バカ真面目」「ばか静か」), but not before the
# auxiliary stems 「みたい」「そう」「よう」 (「バカみたい」「バカそうだ」 say ばか of someone), nor before one that
# is itself a scornful verdict on a person (「バカ愚か」「バカ陰険」「バカ横柄」「バカ根暗」: traits only a person has,
# unlike 「バカ地味な作業」「バカ頑固な汚れ」).
_SCORNFUL_STATES = frozenset((
    "愚カ", "卑怯", "惨メ", "無様", "哀レ", "幼稚", "下劣", "下品", "低俗", "無知", "浅ハカ", "醜悪", "陰湿", "間抜ケ", "マヌケ",
    "陰気", "陰険", "横柄", "根暗", "傲岸",
))


# The dialect's ばか is "very" before a verb too (越後 「ばか張り切ってるすけ」「ばか混んでる」「ばか笑った」), but a few
# verbs take ばか as their object or measure it (「ばか言うな」「バカ過ぎる」「バカ晒す」「バカ丸出しだ」 is a noun): those
# still call someone a fool.
_SCORNFUL_DOINGS = frozenset((
    "言ウ", "イウ", "云ウ", "抜カス", "ヌカス", "過ギル", "スギル", "晒ス", "サラス", "見ル", "ミル", "ヤル", "スル", "死ヌ",
    "丸出シ", "言ワス", "移ル", "ウツル", "治ル", "直ル",
))


_DENIALS = frozenset(("ナイ", "ネエ", "ネー", "ヌ", "ズ", "ン"))
_POINTED_AT_BEFORE = re.compile(r"(?:この|あの|その|どの|お前|おまえ|あいつ|こいつ|そいつ|てめえ|てめー)[ \t　]*$")


# 「バカみたいに降る」「アホみたいに混んでいる」: a fool's manner as "absurdly", said of weather, crowds and prices.
_LIKE_A_FOOL = frozenset(("バカ", "馬鹿", "アホ", "阿呆"))
# クソ before an adjective is vulgar "very" (「くそ暑い夏」「クソ寒い朝」), but before these it runs someone's food,
# looks or work down (「クソまずい店」「クソダサい」「クソ遅い窓口」), a verdict on whoever made it.
_SCORNFUL_ADJECTIVES = frozenset((
    "マズイ", "不味イ", "ダサイ", "汚イ", "キタナイ", "臭イ", "クサイ", "ツマラナイ", "詰マラナイ", "醜イ", "弱イ", "遅イ",
    "トロイ", "鈍イ", "ウザイ", "キモイ", "ショボイ", "セコイ", "ズルイ", "狡イ", "ウルサイ", "煩イ", "ヒドイ", "酷イ", "エライ",
    "偉イ", "馬鹿馬鹿シイ", "バカバカシイ", "アホラシイ", "頭悪イ", "使エナイ", "面倒クサイ", "メンドクサイ", "ノロイ",
))


# Whom a manner word is said of besides the names and pronouns: the posts and bodies a resident runs down
# (「担当者はアホみたいに仕事が遅い」「議会はバカみたいに揉めてばかり」「窓口の対応がバカみたいに遅い」).
_PEOPLE_NOUNS = frozenset((
    "客", "住民", "市民", "子供", "子ども", "老人", "年寄リ", "若者", "議会", "市議会", "役所", "市役所", "役場", "窓口", "行政",
    "市政", "上司", "部下", "店員", "親",
))
# Not 長 alone: 「成長期の子はバカみたいに食べます」「身長がバカみたいに伸びた」.
_PERSON_NOUN_ENDINGS = (
    "者", "員", "客", "民", "課長", "部長", "係長", "局長", "所長", "社長", "校長", "園長", "館長", "店長", "会長", "議長",
    "院長", "署長", "区長", "室長", "市長", "町長", "村長",
)


def _person_in(doc: Document, sentence: tuple[int, int]) -> bool:
    """Whether ``sentence`` names a person (a name, a pronoun, a title, 「人」「奴」, someone's post or a body such as
    議会・窓口): a manner word anywhere in it is said of them (「あの議員はバカみたいに威張っている」「バカみたいに
    税金を使う市長」). Read once a sentence: a long paste of 「雪がバカみたいに降る、」 asked it for each word."""
    key = ("person_in", sentence)
    known = doc.memo.get(key)
    if isinstance(known, bool):
        return known
    found = False
    span = doc.token_range(sentence)
    for t in doc.tokens[span.start : span.stop]:
        if _names_person(t) or (t.pos == "接尾辞" and t.surface in _TOLD_TO_SUFFIXES):
            found = True
            break
    doc.memo[key] = found
    return found


def _names_person(t: analyzer.Token) -> bool:
    """Whether the token names a person for `_person_in`: a name, a pronoun, a title, 「人」「奴」, a post or a body."""
    return (
        (t.pos == "代名詞" and t.surface not in ("コレ", "ソレ", "アレ", "ココ", "ソコ", "アソコ", "コチラ", "ソチラ"))
        or is_person_name(t) or t.surface in _TOLD_TO or t.surface in _SCORNED or t.surface in _PEOPLE_NOUNS
        or (t.pos == "名詞" and len(t.surface) > 1 and t.surface.endswith(_PERSON_NOUN_ENDINGS))
    )


_SHARED_JOYS = frozenset(("笑ウ", "盛リ上ガル", "楽シム", "喜ブ", "ハシャグ", "遊ブ", "踊ル", "歌ウ"))
_TOGETHER = re.compile(r"みんなで|皆で|みなで|全員で|一緒に|いっしょに|私たち|わたしたち|僕たち|我々|われわれ|みんなと|皆さんと")


# The writer and the writer's company, who may laugh together like fools (「私たちはみんなでバカみたいに笑いました」).
_WE = frozenset(("私", "私タチ", "ワタシ", "ワタシタチ", "僕", "僕タチ", "ボクタチ", "我々", "ワレワレ", "自分", "自分タチ"))
# What comes between the verb and a person it describes: 「笑ってる市長」「笑っていた若者」.
_VERB_TAIL = frozenset(("テ", "デ", "イル", "イ", "テル", "デル", "タ", "ダ", "ル", "マス", "マシ", "オル", "ヤル"))


def _joy_of_others(doc: Document, start: int, verb: int) -> bool:
    """Whether the laughing or the fun of the vulgar "very" at ``start`` (its verb the token at ``verb``) is that of
    people the sentence holds up, not the writer's company: a person as its subject before it (「あの議員たちは
    みんなでアホみたいに笑っていた」「若者たちがみんなで…」) or the person the verb describes (「一緒にバカみたいに
    笑ってる市長と議員」)."""
    span = doc.token_range(doc.sentence_at(start))
    toks = doc.tokens
    # The subject stands near: read 16 words back at most, as a long paste with no full stop is one sentence.
    for i in range(max(span.start, verb - 16), verb):
        if toks[i].start >= start:
            break
        if not _names_person(toks[i]) or toks[i].surface in _WE:
            continue
        k = i + 1
        while k < verb and toks[k].pos == "接尾辞":
            k += 1
        if toks[k].surface in ("ハ", "ガ", "ッテ"):
            return True
    k = verb + 1
    while k < span.stop and toks[k].surface in _VERB_TAIL:
        k += 1
    return k < span.stop and _names_person(toks[k])


def _vulgar_very(doc: Document, start: int, end: int) -> bool:
    """Whether the listed word at [start, end) is バカみたいに・アホみたいに before what is done or how it is, or クソ
    before an adjective, said of no one: 「雪がバカみたいに降っていますね」「くそ暑い夏も」."""
    word = fold(doc.text[start:end])
    after = doc.token_range((end, len(doc.text)))
    if not after or doc.tokens[after.start].start != end:
        return False
    toks = doc.tokens[after.start : after.start + 6]
    if word in _LIKE_A_FOOL:
        if len(toks) < 3 or toks[0].surface != "ミタイ" or toks[1].surface != "ニ":
            return False
        # What it qualifies may come after its subject: 「バカみたいに雪が積もりました」, not 「…に議員が騒ぐ」.
        rest = toks[2:]
        while len(rest) > 2 and rest[0].pos == "名詞" and not is_person_name(rest[0]) and rest[0].surface not in _TOLD_TO \
                and rest[1].surface in ("ガ", "ヲ", "モ"):
            rest = rest[2:]
        if rest[0].pos not in ("動詞", "形容詞", "形状詞"):
            return False
        # Joy the writer shares with the people named: 「職員みんなでアホみたいに笑った一日でした」 runs no one down, where
        # 「課長はバカみたいに笑っている」 does.
        if (
            rest[0].lemma in _SHARED_JOYS and _search_from(doc, _TOGETHER, *doc.sentence_at(start))
            and not _joy_of_others(doc, start, after.start + len(toks) - len(rest))
        ):
            return True
    elif word in ("クソ", "糞"):
        if toks[0].pos != "形容詞" or toks[0].lemma in _SCORNFUL_ADJECTIVES:
            return False
    else:
        return False
    return not _person_in(doc, doc.sentence_at(start))


def _intensifier(doc: Document, start: int, end: int) -> bool:
    """Whether the listed word at [start, end) is ばか used as "very" before an adjective or adjectival noun."""
    if _vulgar_very(doc, start, end):
        return True
    if fold(doc.text[start:end]) not in _FOOL:
        return False
    after = doc.token_range((end, len(doc.text)))
    if not after:
        return False
    nxt = doc.tokens[after.start]
    if nxt.start != end:
        return False
    if nxt.pos == "動詞":
        # 「このばか働かない」「お前ばか言ってる」: the fool pointed at, then what he does. 「市長ばか働かない」: what
        # he fails to do, as "very" is not said of a verb denied.
        denied = any(
            t.pos == "助動詞" and t.lemma in _DENIALS for t in doc.tokens[after.start + 1 : min(after.stop, after.start + 3)]
        )
        return (
            not denied and nxt.lemma not in _SCORNFUL_DOINGS
            and _POINTED_AT_BEFORE.search(doc.text, max(0, start - 4), start) is None
        )
    return nxt.pos == "形容詞" or (nxt.pos == "形状詞" and nxt.pos2 == "一般" and nxt.lemma not in _SCORNFUL_STATES)


# 春日 written in hiragana names clinics, schools and estates (「かすがやま内科医院」「かすが台公民館」「かすがの森
# クリニック」), and Sudachi cuts it as カス/ガ. Only the whole name is spared: 春日's place word (山, 台, 野, の森 …)
# and then the kind of place, so 「かすが山ほどいる」「かすが台無しにした」「かすが野放しだ」 still fire.
_KASUGA_NAME = re.compile(
    r"が(?:やま|山|台|野|の森|の杜|の里|の丘|丘)"
    r"(?:内科|外科|小児科|整形外科|歯科|医院|病院|クリニック|診療所|薬局|保育園|こども園|幼稚園|小学校|中学校|"
    r"高校|学園|公民館|公園|会館|センター|団地|通り|荘|苑|駅|郵便局)"
)


def _kasuga_name(doc: Document, start: int, end: int) -> bool:
    """Whether the listed word at [start, end) is the かす of a hiragana 春日 in a place's name."""
    return doc.text[start:end] == "かす" and _KASUGA_NAME.match(doc.text, end) is not None


# 死ね told to someone inside a sentence, its letters masked or kept apart so that no word list reads it:
# 「市長は〇ね」「そんなことを言う人はし😡ね」「お前ら、し・ね」. 〇ね is also 「正解は○ね」 and しね the particles
# of 「ですしね」, so only right after the person it is told to (a name, a title, a pronoun, 「人」 …) and
# a topic particle or a comma.
_MASKED_DIE = re.compile(
    rf"(?:[〇○◯●]|[しシ死](?:{EMOJI.pattern}|[ \t　・･*＊~〜～_/／\-\u200b-\u200d\u2060\ufeff\u00ad])+)[ねネ](?:[よやヨヤ])?(?![^\W_])"
    # しね in kana with nothing between, ending the sentence: 「お前なんかしね」 (「ですしね。」 is not told to anyone).
    r"|[しシ][ねネ](?:[よやヨヤ])?(?=[ \t　]*(?:[。！!？?…\n]|$))"
)
_TOLD_TO = ("市長", "町長", "村長", "知事", "議員", "議長", "職員", "先生", "人", "者", "奴", "ヤツ", "ヤツラ", "連中",
            "人間", "役人", "公務員", "政治家", "首相", "総理", "大臣", "オマエラ")
_TOLD_TO_SUFFIXES = frozenset(("サン", "様", "サマ", "氏", "ラ", "ドモ", "共", "タチ", "達", "君", "クン", "チャン"))
_BETWEEN_TOLD = frozenset(("ハ", "モ", "ガ", "、", ",", "，", "全員", "ミンナ", "皆", "ゼンイン", "ナンカ", "ナンテ"))


def _masked_die(doc: Document) -> Iterator[tuple[int, int]]:
    """`_MASKED_DIE` right after the person it is told to, or opening its sentence when its letters
    are kept apart (「し😡ね、と書き込む」)."""
    if not any(c in doc.text for c in "〇○◯●しシ死"):
        return
    found = list(_MASKED_DIE.finditer(doc.text))
    if not found:
        return  # not tokenized for nothing: a long draft of し without ね is costly to analyse
    tokens = doc.tokens
    graded: dict[tuple[int, int], bool] = {}
    for m in found:
        at = doc.token_range((m.start(), m.start() + 1))
        if not at:
            continue  # inside a word: 「必死」
        k = at.start
        sentence_start = doc.sentence_at(m.start())[0]
        j = k - 1
        while j >= 0 and k - j <= 3 and tokens[j].end > sentence_start and (
            tokens[j].surface in _BETWEEN_TOLD or tokens[j].pos == "空白"
        ):
            j -= 1
        if j < 0 or tokens[j].end <= sentence_start:
            # Alone, 〇ね and しね are [standalone] of insult.txt; し😡ね opening a sentence is told to the reader.
            if m.group()[0] in "しシ死" and len(m.group().rstrip("よやヨヤ")) > 2:
                yield m.start(), m.end()
            continue
        if tokens[j].pos == "接尾辞" and tokens[j].surface in _TOLD_TO_SUFFIXES and j > 0:
            j -= 1
        # The person, read on the text: Sudachi cuts 「市長、」 as 市/長.
        before = fold(doc.text[max(sentence_start, tokens[j].end - 4) : tokens[j].end])
        if not (
            tokens[j].pos == "代名詞" or is_person_name(tokens[j]) or before.endswith(_TOLD_TO)
        ):
            continue
        if doc.enclosing_quote(m.start(), m.end(), 20) is not None and _reported(doc, m.start(), m.end()):
            continue
        if m.group()[0] not in "しシ死":
            sent = doc.sentence_at(m.start())
            if sent not in graded:  # per sentence: one may hold thousands of matches
                graded[sent] = _GRADED.search(doc.text, *sent) is not None
            if graded[sent]:
                continue  # 「全部わかった人は〇ね！」: a circle for those who got it right
        yield m.start(), m.end()


# A quiz or a self-check that marks with a circle: 「全部できた人は○ね」「鈴木さんは○、佐藤さんは×ね」; a show
# of hands, as an event's or a children's post asks for one: 「参加する人は〇ね！」「おやつがすきな人は〇ね」.
_GRADED = re.compile(
    r"正解|答え|クイズ|問題|できた|わかった|分かった|当てはま|チェック|[×✕✖]|ばつ|バツ|点"
    r"|参加|出席|欠席|出欠|希望|賛成|反対|回答|アンケート|好き|すき|できる"
)


# An insult quoted as what was said or written, not said by the post: 「「バカ」と言われた」
# 「「非国民」と呼ばれた時代」「暴言（「税金泥棒」など）はやめてください」 — a harassment policy,
# an anti-bullying campaign, a peace exhibition. Only a short term in brackets with a reporting
# verb or a list marker right after it: 「市長は「バカ」だ」 still fires.
_ANSWERED_OR_NAMED_AS = (
    # Said to the city in a complaint it answers: 「市役所に「役立たず」とのご意見をいただきました。真摯に受け止め…」,
    # 「「役立たず」との厳しいご意見もいただきました」. Not a bare 声 or 批判: 「「外国人は出ていけ」という声もありますが、
    # 外国人は大切な住民ではありません」 goes on to agree.
    r"」\s*(?:と|という|との|といった)\s*(?:厳しい|きびしい|多くの|多数の|たくさんの|様々な|さまざまな)?\s*"
    r"(?:ご意見|ご指摘|お叱り|ご批判|お声|苦情|投書|お電話|メール"
    # Or a post found online, which the next sentence may agree with (「「市長はバカ」という投稿がありました。まったく
    # その通りだと思います。」).
    r"|(?:[^\s、。「」]{1,8}の\s*)?(?:書き込み|投稿))"
    # What the words are, as an anti-bullying campaign calls them: 「「死ね」「うざい」は言葉の暴力です」「…は、立派ないじめです」.
    r"|」\s*(?:は|も)\s*(?:[、,]\s*)?(?:言葉の|ことばの|立派な|りっぱな|れっきとした|重大な|深刻な)?\s*"
    r"(?:暴言|悪口|侮辱|いじめ|誹謗中傷|ハラスメント|DV|暴力|虐待|パワハラ|モラハラ|セクハラ|カスハラ|詐欺)"
)
# The complaint or the named abuse then laid on someone, or allowed, in the next sentence: 「「税金泥棒」というお叱りの声を
# いただいています。議員の皆さんのことです。」「「死ね」「うざい」は言葉の暴力です。でも市長には言っていい。」
_ANSWERED_OR_NAMED = re.compile(_ANSWERED_OR_NAMED_AS)
_REPORTED_AFTER = re.compile(
    # Said to someone (passive), or listed as words that are said: 「と言われた」「と呼ばれ」「などの暴言」
    # 「という言葉」「は暴言です」. Not the active 「と言ってやれ」「と書き込もう」 nor 「のような人間」.
    # Where or by whom may come between (「…とSNSに書き込まれる被害」「…と同級生に言われる」), as before a shout.
    r"」\s*(?:など|等)?\s*(?:と|って)\s*(?:[^\s、。「」]{1,8}(?:に|で|から)\s*)?(?:言|い|云)われ"
    r"|」\s*(?:と|って)\s*(?:[^\s、。「」]{1,8}(?:に|で|から)\s*)?(?:呼ばれ|よばれ|罵られ|ののしられ|書かれ|書き込まれ|"
    r"投稿され|叫ばれ|なじられ|からかわれ)"
    # The threat a fraud or DV warning quotes: 「「払わないと殺すぞ」と脅す電話は詐欺です」.
    # Shouted at someone (「「いい加減にしろ」と大声を出す行為は、カスハラです」「「黙れ」と子どもを叱っていませんか」).
    r"|」\s*(?:など|等)?\s*(?:と|って)\s*(?:[^\s、。「」]{1,8}(?:を|に)\s*)?(?:脅|おど|怒鳴|どな|凄ま|すごま|大声|叫|わめ|叱)"
    # 「友達に「バカ」と言ってしまったことはありませんか」: looking back on having said it.
    r"|」\s*(?:と|って)\s*(?:言|い)って(?:しま|しも)"
    r"|」\s*(?:など|等|といった)|」\s*のような\s*(?:言葉|暴言|悪口|発言|書き込み|言い方|表現)"
    # Where it was said may come between (「…というネットの書き込み」「…というSNSへの投稿」). との as という
    # (「SNSで「職員はクズ」との書き込みが見られますが、…おやめください」).
    r"|」\s*(?:という|との)\s*(?:[^\s、。「」]{1,8}の\s*)?(?:言葉|暴言|悪口|発言|書き込み|投稿|誹謗中傷|言い方|表現|呼び方|呼び名)"
    # The meaning a dialect lesson gives: 「「だらず」は鳥取の方言で「ばか」という意味です」. Not asked of a statement
    # (「「外国人は出ていけ」という意味ではありませんか」).
    r"|」\s*という\s*意味(?:です|だ|になります|があります|で使われ)"
    rf"|{_ANSWERED_OR_NAMED_AS}"
)


# A word's origin or history, as a post on dialect or on local lore studies it.
_WORD_ORIGIN = re.compile(
    r"」[ \t　]*(?:(?:という[ \t　]*(?:言葉|語|方言|呼び方)[ \t　]*)?の[ \t　]*(?:語源|由来|成り立ち|本来の意味|歴史|言い伝え)"
    # What is done with it next (「…を調べました」「…には諸説」「…について」), not the copula that makes the quote
    # say something of the topic (「市長は「たわけ」の語源です」「あいつこそ「あほ」の由来」).
    r"[ \t　]*(?:を|は|には|について|に|や|と|が|、|,)"
    # What it means in a dialect, as a 方言講座 teaches it: 「「ばか」は新潟弁で「とても」の意味です」.
    r"|[ \t　]*(?:は|って|とは)[、, \t　]*[^\s。！？!?「」]{0,8}?(?:弁|方言)(?:で|では)[、, \t　]*「)"
)
# The studied word then laid on someone after all: 「「たわけ」の語源は、まさに市長のことです」.
_SCORNED_AFTER_ORIGIN = re.compile(r"市長|町長|村長|知事|議員|職員|あいつ|こいつ|そいつ|お前|おまえ|てめ|貴様|奴|やつ|のこと(?:だ|です)|ぴったり|そのもの")
# The same laid on someone in the sentence after the study (「「たわけ」の語源を調べてみました。お前のことだ。」
# 「…。まさに市長だ。」), where a title alone is no sign: 「…。市長も驚いていました」.
_SCORNED_NEXT_AFTER_ORIGIN = re.compile(
    r"あいつ|こいつ|そいつ|お前|おまえ|てめ|貴様|のこと(?:だ|です)|ぴったり|そのもの"
    r"|(?:市長|町長|村長|知事|議員|職員|課長|部長|係長)(?:だ|です|のこと|みたい|そっくり)"
)
_LAID_ON_NEXT = re.compile(
    _SCORNED_NEXT_AFTER_ORIGIN.pattern
    + r"|その(?:通り|とおり)|同感|(?:言|い|使)って(?:も)?(?:いい|よい|良い|構わ|かまわ|OK)|どんどん使"
)
# Bounded as the study's own sentence is (60 after the quote): each studied word of a long first sentence read the
# whole of the next one again, quadratic where that one ran on without a full stop.
_NEXT_AFTER_ORIGIN_REACH = 60


def _instead_says_worse(doc: Document, opening: int) -> bool:
    """Whether the quote that opens at ``opening`` (after 「…」ではなく) is itself a hateful statement: 「「障害者は
    いらない」ではなく「障害者は施設にいろ」です」 offers worse words, not better ones (「「外人」ではなく「外国人」」)."""
    closing = doc.text.find("」", opening, opening + 41)
    if closing < 0 or "「" in doc.text[opening:closing]:
        return False
    said = Document(doc.text[opening:closing])
    return next(iter((*_group_statements(said), *_verdicts(said), *_wished_away(said), *_spelled_statements(said))), None) is not None


def _reported(doc: Document, start: int, end: int, *, lesson: bool = False) -> bool:
    """Whether the insult at [start, end) is the whole of a short 「」 quote reported as speech.
    ``lesson``: only where the sentence also warns against the words (a discriminatory term reported
    with no more, 「かつて「らい病」と呼ばれていました」, is still the term)."""
    quote = doc.enclosing_quote(start, end, 15)
    if quote is None:
        return False
    # Bounded: the label stands right before the quote (or the quotes listed before it).
    if _EXAMPLES_OF_ABUSE.search(doc.text, max(0, quote[0] - _EXAMPLES_REACH), quote[0]):
        return True
    closing = quote[1]
    # 「「たわけ」の語源を調べてみました」「「あほ」という言葉の由来」: the word alone in its quote, studied as a word.
    # Not when the sentence goes on to say it of someone (「…の由来は市長にぴったりだ」「…を市長に教えてやれ」),
    # nor for a slur on a group (``lesson``: 「「ガイジ」の語源を調べてみました」 is no dialect study).
    if (
        not lesson
        and doc.text[quote[0] + 1 : closing] == doc.text[start:end]
        and _WORD_ORIGIN.match(doc.text, closing, closing + 16)
        and not _ENDORSED.search(doc.text, closing, min(doc.sentence_at(start)[1], closing + 60))
        and not _SCORNED_AFTER_ORIGIN.search(doc.text, closing, min(doc.sentence_at(start)[1], closing + 60))
        and not _SCORNED_NEXT_AFTER_ORIGIN.search(
            doc.text, (studied_end := doc.sentence_at(start)[1]),
            min(doc.sentence_at(studied_end)[1], studied_end + _NEXT_AFTER_ORIGIN_REACH),
        )
    ):
        return True
    # 「「外人」ではなく「外国人」と言いましょう」: the word named to be replaced by the one quoted after it.
    if (instead := _INSTEAD.match(doc.text, closing, closing + 12)) is not None and not _instead_says_worse(doc, instead.end()):
        return True
    # 「「死ね」「キモい」のような言葉」: a list of quoted words is reported as a whole.
    closing = _end_of_listed(doc.text, closing)
    # Read a little way on, not to the end of what may be one sentence of thousands of characters.
    window = (closing, min(doc.sentence_at(start)[1], closing + 40))
    if _HURT_DENIED.search(doc.text, *window) or _INSULT_DENIED.search(doc.text, *window):
        return False  # 「「バカ」は傷つける言葉ではないので、どんどん使おう」「「ガイジ」は侮辱ではありません」
    # 「「ガイジ」「池沼」など、障害のある人を侮辱する言葉が…」「「オカマ」という言葉で傷つく人がいます」: the
    # words called insulting, or the hurt they do to those who hear them, as a human-rights notice names them.
    if _CALLED_HURTFUL.search(doc.text, *window) and _REPORTED_AFTER.match(doc.text, closing, closing + 16):
        # Named as hurtful only to make light of it or call for it (「…を侮辱する言葉をどんどん使おう」「…で傷つく人が
        # いますが、気にせず使いましょう」「…傷つく人がいるなんて笑える」): the post says them itself.
        said = (closing, min(doc.sentence_at(start)[1], closing + 80))
        # Or in the sentence that turns on it (「…で傷つく人がいます。でも気にせず使いましょう。」).
        spans = [said]
        turned = doc.next_in_paragraph(doc.sentence_at(start)[1])
        if turned is not None and _TURN_OPENING.match(doc.text, turned[0]):
            spans.append((turned[0], min(turned[1], turned[0] + 80)))
        return not any(
            _made_light_of(doc.text, *span)
            or (_ENDORSED.search(doc.text, *span) and not _DISCOURAGED.search(doc.text, *span))
            for span in spans
        )
    # 「ネットに「死ね」と書き込むのはいじめです」: the act of saying it, named as the topic of what the
    # sentence says of it. Only a warning against it: 「「死ね」と書き込むのは自由です」 says it is fine.
    if _ACT_OF_SAYING.match(doc.text, closing, closing + 16):
        if _OFFENCE_DENIED.search(doc.text, *window):
            return False
        return bool(_DISCOURAGED.search(doc.text, *window) or _UNLAWFUL.search(doc.text, *window))
    # 「男が女子生徒に「殺すぞ」と言って追いかける事案がありました」: a 不審者情報 reporting what the man said.
    if (
        not lesson
        and _SAID_WHILE.match(doc.text, closing, closing + 12)
        # Bounded reads, not the whole of what may be one sentence of thousands of quotes.
        and _INCIDENT.search(doc.text, max((sent := doc.sentence_at(start))[0], start - 60), window[1]) is not None
        and not _ENDORSED.search(doc.text, *window)
        and not _CALLED_FOR.search(doc.text, max(sent[0], window[1] - 24), window[1])
    ):
        return True
    # 「「外国人は出ていけ」「女は黙れ」。このような書き込みはヘイトスピーチにあたり、許されません。」: the words listed,
    # then condemned as such in the sentence that follows them, as `_quote_condemned` reads a quoted statement.
    # Only quotes standing as a sentence of their own: 「市長は「バカ」。このような言葉は…」 says it of the 市長.
    # (A statement quoted so is `_quote_condemned`'s, which reads more of the frame: not a lesson's term here.)
    if (
        not lesson
        and quote[0] - (opens := doc.sentence_at(start)[0]) <= _LIST_BEFORE_REACH
        and _ONLY_QUOTES_BEFORE.fullmatch(doc.text, opens, quote[0]) is not None
        and (stop := _QUOTE_SENTENCE_END.match(doc.text, closing + 1)) is not None
    ):
        after = doc.sentence_at(stop.end()) if stop.end() < len(doc.text) else None
        if after is not None and after[0] == stop.end():
            c = _WORDS_CONDEMNED.match(doc.text, after[0], min(after[1], after[0] + 80))
            if (
                c is not None
                and _CONDEMNATION_TURNED.match(doc.text, c.end(), after[1]) is None
                and _HURT_CONDONED.match(doc.text, c.end(), after[1]) is None
                and _FRAME_UNDONE.search(doc.text, c.end(), min(len(doc.text), after[1] + 40)) is None
                and _MOCKED.search(doc.text, c.end(), min(len(doc.text), after[1] + 40)) is None
            ):
                return True
    if not _REPORTED_AFTER.match(doc.text, closing, closing + 16):
        # 「「うざい」「死ね」——何気ない言葉が友達を傷つけます」: the words named as words after a dash
        # or a comma, only in a warning against them. 「「キモい」「死ね」は、相手の心を深く傷つけます」: the
        # words as the topic of the hurt they do.
        if _AS_TOPIC.match(doc.text, closing, closing + 8) and _HURTS.search(doc.text, *window):
            return True
        if _SET_ASIDE.match(doc.text, closing, closing + 8) and _NOT_TO_SAY.search(doc.text, *window):
            return True
        return bool(_NAMED_AS_WORDS.match(doc.text, closing, closing + 16) and _DISCOURAGED.search(doc.text, *window))
    if _ANSWERED_OR_NAMED.match(doc.text, closing, closing + 16) and _LAID_ON_NEXT.search(
        doc.text, (said_end := doc.sentence_at(start)[1]), min(doc.sentence_at(said_end)[1], said_end + _NEXT_AFTER_ORIGIN_REACH)
    ):
        return False
    # Advice against the word (「使うのはやめましょう」「相談しましょう」) keeps it reported; agreeing
    # with it or calling for it (「と言われても仕方ない」「と呼ばれるべきだ」) says it.
    if _DISCOURAGED.search(doc.text, *window):
        return True
    return not lesson and not _ENDORSED.search(doc.text, *window)


# Pronouns that point at people with contempt (「奴は市から出て行け」「あいつらはこの町から出て行け」): no group
# is named for prohibited.discrimination, but the post tells people to leave. Not 「ドイツ」 (Germany).
_SCORNED = frozenset(("アイツ", "コイツ", "ソイツ", "オ前", "オマエ", "テメエ", "テメー", "手前", "貴様", "キサマ", "奴", "ヤツ",
                      "ヤツラ", "オマエラ"))
_SCORNED_TEXT = ("アイツ", "コイツ", "ソイツ", "オ前", "オマエ", "テメ", "手前", "貴様", "キサマ", "奴", "ヤツ")
_SCORNED_SUFFIXES = frozenset(("ラ", "ドモ", "共", "タチ", "達"))
_SCORNED_TOPIC = frozenset(("ハ", "モ", "ッテ", "ナンテ", "ナンカ", "、", ",", "，"))
# Reported as said or shouted to someone, after a comma or the 「！」 that ends the sentence in this view
# (「お前は出ていけ、と言われた経験はありませんか」「お前は出ていけ！と怒鳴られた」).
_SAID_TO = re.compile(
    r"[ \t]*[！!、,]?[ \t]*(?:と|って)[ \t]*(?:(?:言|い|云)われ|怒鳴られ|どなられ|叫ばれ|罵られ|ののしられ|書き込まれ)"
)
_SAID_TO_REACH = 16
# What the pronoun points back to in the sentence before or its own: a pest, a pollen, a cold
# (「ゴミ箱を荒らすカラス。あいつらを追い出せ！」「花粉症の季節。あいつらは出ていけ！」), not people.
_NOT_PEOPLE = re.compile(
    r"カラス|ハト|鳩|サル|猿|イノシシ|猪|シカ|鹿|クマ|熊|タヌキ|アライグマ|ハクビシン|ネズミ|ゴキブリ|害虫|害獣|虫|蚊|ハチ|蜂"
    r"|ムカデ|ダニ|カメムシ|ヘビ|外来種|花粉|ウイルス|ウィルス|菌|カビ|雑草|鬼|邪気|冬将軍"
)
_NOT_PEOPLE_REACH = 200


def _driven_out(doc: Document) -> Iterator[tuple[int, int]]:
    """Sentences that open with a scornful pronoun and tell them to leave ([exclusion_next] of
    discrimination.txt): 「奴は市から出て行け」「お前らはこの国から出てけ」. Only a pronoun that opens
    the sentence: 「悪い奴は出ていけ！」 (a 節分 call) qualifies it, and 「鬼を追い出そう」 names another."""
    driving_out = matcher("discrimination.txt", "exclusion_next")
    if not driving_out.present(doc):
        return
    # Most drafts that say 出ていけ say it to no one scorned (「冬将軍、出ていけ！」): not even tokenized.
    if not any(w in doc.folded for w in _SCORNED_TEXT):
        return
    tokens = doc.tokens
    seen: set[tuple[int, int]] = set()
    for x in _statements(doc, driving_out, (0, len(doc.text))):
        sent = doc.sentence_at(x.start)
        if sent in seen:
            continue
        seen.add(sent)
        span = doc.token_range(sent)
        k = span.start
        while k < x.first and tokens[k].pos in ("補助記号", "空白"):
            k += 1
        if k >= x.first or tokens[k].surface not in _SCORNED:
            continue
        first = k
        k += 1
        while k < x.first and tokens[k].pos == "接尾辞" and tokens[k].surface in _SCORNED_SUFFIXES:
            k += 1
        # 「あいつらを追い出せ」: the many, as the object; not 「こいつを追い出せ」 (a pest, a cold).
        many = k > first + 1 or tokens[first].surface in ("ヤツラ", "オマエラ")
        if k < x.first and (tokens[k].surface in _SCORNED_TOPIC or (many and tokens[k].surface == "ヲ")):
            k += 1
        elif k < x.first and tokens[k].pos == "助詞":
            continue  # 「あいつの家から」「こいつが」: said of something else, or not the one told to go
        if _says_of_something_else(doc, sent, x.first):
            continue
        if doc.enclosing_quote(x.start, x.end, 40) is not None:
            continue
        # 「奴は出て行けと言われました」 reports it; 「…と言われても仕方ない」 says it again.
        said_end = min(len(doc.text), x.end + _SAID_TO_REACH)
        if _SAID_TO.match(doc.text, x.end, said_end) and not _SAID_FAIRLY.search(doc.text, sent[0], said_end):
            continue
        if _NOT_PEOPLE.search(doc.text, max(0, sent[0] - _NOT_PEOPLE_REACH), x.start):
            continue
        yield tokens[first].start, x.end


def _in_title(doc: Document, start: int, end: int) -> bool:
    """Whether [start, end) is inside a 『』 title in a draft about books, films or exhibitions, or inside a 「」
    quote the words around it name as a work or its famous line (`_NAMED_AS_WORK`)."""
    if _in_named_work(doc, start, end):
        return True
    opening = doc.text.rfind("『", max(0, start - _TITLE_REACH), start)
    if opening < 0 or "』" in doc.text[opening:start]:
        return False
    closing = doc.text.find("』", end, end + _TITLE_REACH)
    if closing < 0 or "『" in doc.text[end:closing] or "\n" in doc.text[opening:closing]:
        return False
    # 『バカ』 alone is the word set off for emphasis (「市長は『バカ』だ」); a title says more.
    if closing - opening - 1 - (end - start) < 2:
        return False
    return context_words("insult.txt", "works").found(doc, (0, len(doc.text)))


# Long enough for 『くそつまらない未来を変えられるかもしれない投資の話』, short of a paragraph.
_TITLE_REACH = 40

# A library's or 公民館's screening and book notices write titles and famous lines in 「」 as often as in 『』:
# 「「黙れ小僧！」の名台詞で知られる映画の上映会」「ドラマ「黙れ、と言われても」の上映会」「絵本「だまれ」の読み
# 聞かせ」. Only where the words right after the quote (or the kind of work right before it) say so: 「「黙れ」と
# 市長に言われた」 is speech, left to _reported, and an insult outside the quote is the post's own.
# A line or a title alone (「「市長はバカだ」というタイトルでブログを書きました」) may be anyone's: only with the
# draft about books or films ([works]), as for 『』.
# The kind of work, a word of its own (not 「という本当に」「という本音」).
_WORK_KIND = r"(?:本|絵本|映画|小説|ドラマ|アニメ|作品|童話|紙芝居|詩集|歌|曲)(?![\u4e00-\u9fff])"
_WORK_AFTER = re.compile(
    rf"」[ \t　]*(?:という(?:(?:タイトル|題名|書名)の)?{_WORK_KIND}"
    r"|(?P<line>の(?:名台詞|名セリフ|名ぜりふ|台詞|セリフ|せりふ)|という(?:名?(?:台詞|セリフ|せりふ)|タイトル|題名|書名))"
    r"|の(?:上映会|上映|読み聞かせ|朗読)"
    r"|を上映"
    # A play's or a writer's line with the work after it: 「「消えろ、消えろ、束の間の灯火」シェイクスピア劇」
    # 「「…」（シェイクスピア『マクベス』より）」. 劇 on its own (not 劇団: 「「消えろ」と劇団員に言われた」).
    # Not a play's likeness (「「バカ野郎」シェイクスピア劇みたいな議会」).
    r"|[ \t　]*[（(]?[^\s。！？!?「」、,（）()]{0,12}?(?:劇|戯曲)(?![\u4e00-\u9fff]|みたい|の[ \t　]*よう)"
    # The play named in the source: not anyone's words cited (「「議員は死ね」（市民の声より）」「「死ね」（〇〇議員より）」).
    r"|[ \t　]*[（(][^\s。！？!?「」、,（）()]{0,12}?(?:『[^\s。！？!?「」『』（）()]{1,15}』|劇|戯曲|幕)[^\s。！？!?「」、,（）()]{0,4}?より[）)])"
)
_WORK_BEFORE = re.compile(r"(?:映画|ドラマ|アニメ|絵本|小説|童話|紙芝居|詩集|書籍|新刊|演劇|舞台|楽曲|主題歌)[ \t　]*$")
# A famous line named before its quote (「『マクベス』の名台詞「消えろ、消えろ、束の間の灯火」を朗読します」): only in a
# draft about a work ([works]), as a line named after its quote; 「市長の名言「バカ野郎」」 names no work.
_LINE_BEFORE = re.compile(r"(?:名台詞|名セリフ|名ぜりふ|台詞|セリフ|せりふ|一節)(?:の|は|、)?[ \t　：:]*$")


def _in_named_work(doc: Document, start: int, end: int) -> bool:
    """Whether [start, end) is inside a 「」 quote named as a work's title or line (`_WORK_AFTER`,
    `_WORK_BEFORE`)."""
    opening = doc.text.rfind("「", max(0, start - _TITLE_REACH), start)
    if opening < 0 or "」" in doc.text[opening:start]:
        return False
    closing = doc.text.find("」", end, end + _TITLE_REACH)
    if closing < 0 or "「" in doc.text[end:closing] or "\n" in doc.text[opening:closing]:
        return False
    if _WORK_BEFORE.search(doc.text, max(0, opening - 8), opening):
        return True
    if _LINE_BEFORE.search(doc.text, max(0, opening - 8), opening):
        return context_words("insult.txt", "works").found(doc, (0, len(doc.text)))
    named = _WORK_AFTER.match(doc.text, closing)
    if named is None:
        return False
    return named.group("line") is None or context_words("insult.txt", "works").found(doc, (0, len(doc.text)))


_NAMED_AS_WORDS = re.compile(
    # Where the words are met may come first: 「「キモい」「消えろ」――ネット上の何気ない一言が人を深く傷つけます」.
    r"」\s*(?:[—―─…‥]+|[、,])\s*(?:(?:[^\s、。「」]{1,8}?の\s*)?(?:その|この|こんな|そんな|こうした|そうした|何気ない|なにげない|心ない|軽い)?\s*"
    r"(?:言葉|ことば|暴言|悪口|一言|ひと言|書き込み)"
    # 「「お前は無能だ」「辞めちまえ」——これはパワハラです」
    r"|(?:これ|それ|どれ)(?:は|も|が|こそ))"
)
_ACT_OF_SAYING = re.compile(
    r"」\s*(?:など|等)?\s*(?:と|って)\s*(?:[^\s、。「」]{1,8}(?:を|に)\s*)?"
    # Or to blame someone with them: 「「無能」「役立たず」と部下を責めるのはパワハラです」.
    r"(?:書き込|書きこ|書|言|い|投稿す|送|送信す|叫|浴びせ|呼|責め|叱|罵|ののし|なじ|からか)(?:む|んだ|く|いた|う|った|る|した|ぶ)(?:の|こと)(?:は|も|が)"
)
# What a warning says of the act besides 「いじめ」「やめましょう」 (`_DISCOURAGED`): that it is an offence.
_UNLAWFUL = re.compile(r"犯罪|違法|罪に|侮辱罪|名誉毀損|脅迫罪|処罰|罰せられ|逮捕|訴えられ")
# The offence denied of the act (「「死ね」と書き込むのはいじめではありません」「犯罪にはならない」「違法とは
# 言えない」): it is called fine, as 「自由です」 does. Not the belief asked about or refuted (「いじめではない、
# と思っていませんか」「いじめではないと思うかもしれませんが」).
_OFFENCE_DENIED = re.compile(
    r"(?:いじめ|イジメ|犯罪|違法|罪|暴言|ハラスメント)(?:では|じゃ|には|とは|に)[ \t]*"
    r"(?:ない|なく|ありません|なりません|ならない|言えない|言えません|いえない|いえません|当たらない|当たりません|あたらない|あたりません)"
    r"(?![ \t]*(?:[、,][ \t]*)?(?:と|って|か|でしょうか|のでは))"
)
_INSTEAD = re.compile(r"」\s*(?:では|じゃ|で)?なく(?:て)?\s*[、,]?\s*「")
# The quoted words as the topic (「「死ね」は、」「「キモい」も」), and the hurt such a sentence says they do
# or the saying it advises against (「「ばか」「あほ」は言わないで」, a bullying-prevention poster's title).
# Only those: 「「バカ」は、何もしない市長のことだ」 says the word of someone.
_AS_TOPIC = re.compile(r"」\s*(?:は|も|こそ)\s*[、,]?")
# Set aside with 「なんて」 in the advice not to say it: 「「バカ」なんて言わないで。優しい言葉で話そう。」. Only the saying
# refused, not any stop (`_HURTS`' やめましょう): 「「うつ病は甘え」なんて遠慮するのはやめましょう」 calls the words out.
_SET_ASIDE = re.compile(r"」\s*(?:なんて|なんか)\s*[、,]?")
_NOT_TO_SAY = re.compile(
    r"(?:言|い|使)わない|(?:言|い|使)っては(?:いけ|だめ|ダメ)|(?:言|い|使)っちゃ(?:いけ|だめ|ダメ)"
    r"|(?:書き込|書きこ)まない|書かない|送らない|投稿しない"
)
_HURTS = re.compile(
    r"傷つけ|傷付け|傷つき|傷付き|深く傷|(?:言|い|使)わない|(?:言|い)っては(?:いけ|だめ|ダメ)|やめよう|やめましょう"
)
# The hurt denied (「「バカ」は傷つける言葉ではなく…」「誰も傷つけないので」「傷つけることはない」): a sentence
# that says the word does no harm is no warning against it, and may go on to call for it (「どんどん使おう」).
# Not the advice 「傷つけないよう」「傷つけないで」「傷つけない言葉を選ぼう」 nor a question (「〜ではないでしょうか」
# 「傷つけないと思っていませんか」「傷つけませんか」), nor the belief reported to be refuted (「「キモい」は傷つける
# 言葉ではない、と思っている人もいますが、言われた人は深く傷ついています」).
_HURT_DENIED = re.compile(
    r"傷[つ付][けき](?:ない(?!よう|言葉|ことば|表現|言い方|で|と|か|の(?:か|でしょう|です)|[、,]?\s*(?:と|って))|ません(?!か)|"
    r"る(?:言葉|ことば|もの|こと|わけ|表現)?(?:で|じゃ)?は?(?:なく|ない(?!で|か|と|の(?:か|でしょう|です)|[、,]?\s*(?:と|って))|"
    r"ありません(?!か)))"
)
# The hurt conceded and then condoned in the same sentence: 「こうした言葉は人を傷つけますが、仕方ありません」
# 「傷つけるけど構わない」. The words are said after all.
_HURT_CONDONED = re.compile(
    r"[^。！!？?\n]{0,12}?(?:が|けど|けれど(?:も)?|ても|とも|として(?:も)?)[、, \t　]*[^。！!？?\n]{0,10}?"
    r"(?:仕方(?:ない|が?ありません|がない|のない)|しかたない|しょうがない|やむを得|やむをえ|構わ|かまわ"
    r"|問題(?:ない|ありません)|関係(?:ない|ありません)|気にし(?:ない|ません|なくて)|知ったこと)"
)
_EXAMPLES_REACH = 120
# The end of the sentence a quote stands as: 「「…」。」「「…」！」.
_QUOTE_SENTENCE_END = re.compile(r"[ \t　]*[。．！!][ \t　]*")
# What may stand before such a quote in its sentence: a heading and the quotes listed before it.
_ONLY_QUOTES_BEFORE = re.compile(r"\s*(?:【[^】\n]{0,30}】)?\s*(?:「[^「」\n]{0,40}」[、・ \t　]*)*")
_LIST_BEFORE_REACH = 400
# Words said while doing something, in a report of an incident (不審者情報, a police notice): 「と言って」「と言いながら」.
_SAID_WHILE = re.compile(r"」\s*(?:など|等)?\s*(?:と|って)\s*(?:言|い)(?:って|いながら|い[、,])")
# A call to do it (「…と言って警察を呼ぼう」「…と言ってやりなさい」), not a report.
_CALLED_FOR = re.compile(r"(?:よう|[おこごそぞとどのほぼぽもろ]う|なさい|てやれ|しろ)\s*[。！!]*\s*$")
# The report's own framing, not any mention of harm: 「…と言いながら被害を訴える住民は最低だ」 is a judgement of the
# speaker, while 「…被害がありました」「…と警察に通報がありました」 report the incident.
_INCIDENT = re.compile(
    r"事案|不審者|声かけ|声掛け|つきまとい|付きまとい|との(?:情報|通報)|110番"
    r"|警察(?:に|へ|が|で|から)\s*(?:通報|相談|届|連絡|捜査|調べ|警戒|パトロール)"
    r"|被害(?:が|も)\s*(?:あり|発生|相次|出て|寄せ)|被害(?:に|の)\s*(?:遭|あ|届|相談|報告|情報)"
)
# The quoted words called insulting (「…を侮辱する言葉」「侮辱的な表現」), or those they hurt (「…で傷つく人がいます」).
_CALLED_HURTFUL = re.compile(
    r"(?:侮辱|蔑|さげす|見下|馬鹿に|ばかに|バカに)(?:する|した|的な|む|んだ|す)?\s*(?:言葉|ことば|表現|呼び方|言い方|書き込み|暴言)"
    r"|傷[つ付](?:く|いた|いている|いていた)\s*(?:人|方|子|子ども|子供|当事者|ことが|こともあ)"
    # The unease it leaves, asked of the reader or owned, as a gender-equality notice opens (「「女のくせに」という言葉に
    # モヤモヤしたことはありませんか」「…に違和感を覚えます」). Not the unease denied (「モヤモヤしません」).
    r"|(?:に|で|て)\s*(?:モヤモヤ|もやもや|モヤッと|もやっと)\s*(?:し(?:た|ている|ます|ませんか)|する|を感じ)"
    r"|(?:に|で|て)\s*(?:違和感|抵抗感?)\s*(?:を|が)\s*(?:覚え|感じ|あり(?!ません(?!か)))"
    # Or the slight it carries to those so called (「…と呼ばれると、よそ者扱いされているように感じる人もいます」).
    r"|扱い(?:され|を受け)?\s*(?:ている|た)?\s*(?:ように|と)\s*感じ"
    r"|(?:に|で|て)\s*(?:嫌|いや|イヤ|不快|悲しい|つらい|辛い)な?\s*(?:思い|気持ち)\s*(?:を|に)\s*(?:し|なっ|なり|なる)(?!ない|ません(?!か))"
)
# The hurt made light of, or the words welcomed, after they are called hurtful: a troll's reply, not a notice.
_MADE_LIGHT_OF = re.compile(
    r"どんどん|もっと使|何が悪い|悪くない|問題(?:ない|ありません)|構わない|かまわない|気にせず|気にしない|好き|大好き"
    r"|笑え|笑っちゃ|笑わせ|ウケ|面白い|おもしろい|自由|いいじゃ|平気|自業自得|甘え|大げさ|大袈裟|気にしすぎ|気にし過ぎ"
    r"|いる(?:なんて|とか)|なんか(?:気に|知ら)"
)
# What a notice says after the light words to set them aside (besides _DISCOURAGED's): it asks whether readers use the words that way
# (「…を、面白いと思って使っていませんか」), denies it (「…使う人の自由ではありません」), calls it wrong
# (「…使っても問題ないと考える人もいますが、誤りです」) or says some did not know (「…傷つく人がいるなんて、知らなかった
# という方も」).
_LIGHT_SET_ASIDE = re.compile(
    r"ではな|じゃな|と(?:は)?(?:考え|思)(?:る|う|っている|っていた)(?:人|方)|と(?:は)?思わ(?:ないで|ず)|誤り|間違|知らな|気[付づ]かな"
)


def _made_light_of(text: str, start: int, end: int) -> bool:
    """Whether the sentence between ``start`` and ``end`` makes light of the words or the hurt itself, not only
    to set that attitude aside: 「…気にせず使いましょう」 yes, 「…気にせず使うのはやめましょう」 no. Only what
    follows the light words counts, so that 「気にしないで使おう」 is not taken for a discouraging 「しない」."""
    for m in _MADE_LIGHT_OF.finditer(text, start, end):
        if not (_DISCOURAGED.search(text, m.end(), end) or _LIGHT_SET_ASIDE.search(text, m.end(), end)):
            return True
    return False


# That hurt or insult denied (「「ガイジ」は侮辱ではありません」「…で傷つく人はいません」): no warning against the word.
_INSULT_DENIED = re.compile(
    r"(?:侮辱|暴言|悪口|蔑称|差別語|いじめ|暴力|ハラスメント|パワハラ)(?:する|的な)?\s*(?:言葉|ことば|表現)?\s*(?:で|じゃ)(?:は|も)?"
    # Not the belief asked about (「…はいじめではない、と思っていませんか」).
    r"(?:ない(?!で|か|と|の(?:か|でしょう|です)|[、,]?\s*(?:と|って))|無い(?![、,]?\s*(?:と|って))|ありません(?!か|[、,]?\s*(?:と|って)))"
    r"|傷[つ付]く\s*(?:人|方|子|子ども|子供|当事者)\s*(?:は|なんて|など|なんか)\s*(?:い|お)(?:ない|ません|らん)"
)
# A notice that lists what abuse sounds like: 「パワハラの例：「お前は無能だ」」「詐欺の手口：「…」」.
_EXAMPLES_OF_ABUSE = re.compile(
    r"(?:DV|暴力|虐待|暴言|いじめ|ハラスメント|パワハラ|モラハラ|セクハラ|カスハラ|詐欺)の?(?:例|事例|手口|具体例)\s*[:：]\s*"
    r"(?:「[^「」\n]{1,30}」\s*[、・,]?\s*){0,8}$"
)
# A DV or harassment notice quotes whole sentences: 「「お前はバカだ」「誰が稼いでると思ってるんだ」——
# こんな言葉もDVです」.
_NEXT_QUOTE = re.compile(r"\s*[、・,]?\s*「[^「」\n]{1,30}」")


def _end_of_listed(text: str, closing: int, end: int | None = None) -> int:
    """The 」 ending the list of quotes whose first quote's 」 is at ``closing``: up to 8 more quotes
    listed right after it (`_NEXT_QUOTE`), read before ``end``."""
    for _ in range(8):
        more = _NEXT_QUOTE.match(text, closing + 1, len(text) if end is None else end)
        if more is None:
            break
        closing = more.end() - 1
    return closing


# A call refused: 「見直す必要はない」「改めるべきではない」「見直さないでください」「見直すなんて」. Not
# 「見直しませんか」「見直さないといけません」.
_RETHINK_REFUSED = (
    r"(?:必要(?:は|も)(?:ない|無い|ありません|なし)|べき(?:で|じゃ)(?:は|も)?(?:ない|ありません)"
    r"|なくて(?:も)?(?:いい|よい|良い|大丈夫|かまわ|構わ)|なんて|ことは(?:ない|ありません)|(?<!いけ)(?<!なり)(?<!なれ)ません(?!か)"
    r"|ない(?!と(?:いけ|だめ|ダメ|なら)|か|でしょうか))"
)
# What turns a call to rethink or do away with a belief into its opposite: refused (「見直す必要はない」), put in
# others' mouths (「見直しましょう、と言う人が」), or waved away after a comma (「見直しましょう、なんて綺麗ごとだ」).
_PUT_IN_MOUTHS = r"(?:と|って)[ \t　]*(?:言|い[うわっいえ]|主張|訴え|求め)"
_NOT_CALLED_FOR = (
    rf"[^。、,！!？?\n]{{0,10}}?{_RETHINK_REFUSED}|[^。！!？?\n]{{0,12}}?{_PUT_IN_MOUTHS}"
    r"|[^。！!？?\n]{0,12}?[、,][ \t　]*(?:なんて|なんか|なんぞ)"
)
# 「「外国人はいらない」という考え方を見直しましょう」: the belief the words voice, to be rethought. Not
# 改めて as "once more" (「…という考えを改めて訴えます」), not the rethinking refused (「見直す必要はない」
# 「改めるべきではない」「見直さないでください」), nor put in others' mouths (「見直しましょう、と言う人が
# いますが」).
_RETHINK = (
    # A comma may follow を or the adverb: 「…という考え方を、今一度見直しましょう」.
    r"(?:考え方?|見方|意識)を[、, \t　]*(?:(?:改めて|もう一度|いま一度|今一度)[、, \t　]*)?(?:見直|考え直|改め(?!て(?!ください|下さい|ほしい|欲しい|いただ|頂|み|いき|いこ|いく|は|[、,])))"
    rf"(?!{_NOT_CALLED_FOR})"
)
# An exclusion quoted (「「外国人は出ていけ」…」) passes only when asked to be rethought or reported repudiated,
# not on the whole of `_DISCOURAGED`, whose 「しない」「やめ」「いけない」「相談」 just as well call for the words
# (「「外国人は出ていけ」と遠慮しないで言おう」「…と言うのをやめる必要はない」).
_RETHOUGHT = re.compile(_RETHINK)
_DISCOURAGED = re.compile(
    r"やめ|止め|ないよう|使わない|言わない|しない|いけない|ダメ|だめ|禁止|許され(?:ない|ません)|ではありません|"
    r"相談|傷つけ|傷付け|悩まず|通報|いじめ|DV|暴力|虐待|ハラスメント|パワハラ|モラハラ|セクハラ|カスハラ|詐欺"
    # The question that asks readers to look at their own words: 「「ホモ」「オカマ」などの言葉で、性的少数者を
    # 笑いのネタにしていませんか」.
    r"|て(?:は)?いませんか"
    # 「「いい加減にしろ」と怒鳴るのではなく、冷静に話しましょう」: the saying set aside for another way.
    r"|のではなく|のでなく"
    rf"|{_RETHINK}"
)

# The hurt the words do, of `_HURTS` (「「同性愛は気持ち悪い」——こんな言葉が当事者を深く傷つけています」), and the
# advice not to say them (「「女性は感情的だ」と言わないようにしましょう」「…と言わないで」), not 「言わない理由」
# nor 「言ってはいけないなんておかしい」.
_WOUNDS = re.compile(
    r"傷つけ|傷付け|傷つき|傷付き|傷つい|傷付い|深く傷"
    # Turning the person away on those words too (「「うつ病は甘え」と突き放さないでください」「…と切り捨てないで」).
    r"|(?:(?:言|い|使|書|思|叫|呼)[わば]|書き込ま|書きこま|投稿し|責め|決めつけ|決め付け|突き放さ|つき放さ|切り捨て|片付け|片づけ|突っぱね|見下さ)"
    r"ない(?:よう|でください|で下さい|でほしい|で欲しい|でいただ|でね|で[。！!]|で$)"
    r"|(?:言|い|使|書)っては(?:いけません|いけない|だめ|ダメ)(?![^。！!？?\n]{0,8}(?:なんて|なんか|とは|って|のは|のか|理由|おかし|はず))"
    # As in `_DISCOURAGED`: readers asked to look at their own words (「…と子どもに言っていませんか」), and the
    # saying set aside for another way (「…と言うのではなく、話を聞きましょう」).
    r"|て(?:は)?いませんか"
    # Not set aside for saying it louder: 「…と陰で言うのではなく、堂々と言おう」.
    r"|の(?:では|で)なく(?![^。！!？?\n]{0,16}?(?:言おう|言いましょう|言うべき|叫ぼう|書こう|伝えよう|訴えよう))"
)


# The saying or the judging of the quoted words called off: 「…と決めつけるのはやめましょう」「…と子どもを責めるのは
# やめてください」「…のような発言はやめましょう」「…——そんな言葉はもうやめましょう」. Only when what is called off
# takes the quote: not 「「障害者はいらない」、遠慮するのはやめましょう」「…と言うのを我慢するのはやめましょう」, holding
# the words back called off, nor 「…を差別だと騒ぐのはやめましょう」, calling them a wrong called off; nor 「…と言うの
# をやめる必要はない」.
_STOP = r"[、, \t　]*(?:もう|いい加減|いいかげん)?[、, \t　]*(?:やめ|止め)(?:にしましょう|にしよう|ましょう|よう|てください|て下さい|てほしい|て欲しい|てね|[てる]べき)"
_HELD_BACK = r"遠慮|我慢|ためら|躊躇|控え|恐れ|怖が|黙|自粛|隠|こらえ|堪え|飲み込|呑み込|言い出せ|口をつぐ|差別|偏見|ヘイト|誤解"
_SAYING_STOPPED = re.compile(
    r"」[ \t　]*(?:など|なんて|等|とか)?[ \t　]*(?:"
    # 「と言うのは」「と一括りにするのは」「と言ったり、責めたりするのは」: what is said with the quote, called off, unless
    # that is holding it back or calling it a wrong (`_HELD_BACK`).
    # Also with no 「と」 after 「なんて」「など」: 「「うつ病は甘え」なんて言うのはやめましょう」.
    rf"(?:と|って|(?<=など|とか|」等)|(?<=なんて))"
    rf"(?![^。！？!?\n]{{0,24}}?(?:{_HELD_BACK}))[^。！？!?「」\n]{{1,24}}?(?:の|こと)(?:は|を|も)"
    r"|(?:[—―─…‥]+|[、,])?[ \t　]*(?:の(?:ような|様な)|といった|という|などの|なんて|(?:その|この|こんな|そんな|こうした|そうした)(?:ような)?)?"
    r"[ \t　]*(?:発言|言葉|ことば|言い方|決めつけ|決め付け|偏見|差別|考え方?|書き込み|言動|ヤジ|やじ|悪口|思い込み|レッテル貼り)(?:は|を|も)"
    # 「「障害者はいらない」なんて、もうやめましょう」.
    r"|(?<=なんて|なんか)"
    rf"){_STOP}"
)

# The judging of the quoted words put off for something better: 「「うつ病は甘え」と決めつける前に、専門家に相談
# しましょう」. Only a verb that itself names the judging a wrong, or turning the person away: 「…と言う前に」 may as
# well lead up to saying it (「…と言う前に、証拠を集めよう」).
_JUDGING_PUT_OFF = re.compile(
    r"」[ \t　]*(?:など|なんて|等|とか)?[ \t　]*(?:と|って)[ \t　]*(?:安易に|すぐに?|頭ごなしに)?[ \t　]*"
    r"(?:決めつける|決め付ける|一括りにする|ひとくくりにする|突き放す|つき放す|切り捨てる|片付ける|片づける|責める|否定する)"
    r"(?:前に|より(?:も|先に)?[、,]|のではなく|のでなく)"
)


def _search_from(doc: Document, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
    """``pattern.search(doc.text, start, end)``, remembered per pattern and ``end``: a sentence holding thousands
    of quoted statements asks from each quote's end to the sentence's, and a search that finds nothing would
    scan that whole rest each time. The first match at or after ``start`` is also the first at or after any
    later start up to it (the patterns have no ``^``; look-behinds see before ``start`` either way)."""
    key = ("search_from", pattern, end)
    known = doc.memo.get(key)
    if isinstance(known, tuple):
        since, found = known
        if since <= start and (found is None or start <= found.start()):
            return found
    found = pattern.search(doc.text, start, end)
    doc.memo[key] = (start, found)
    return found


def _disowning(doc: Document, start: int, end: int) -> int | None:
    """Where the words end that, in the rest of a sentence after a quoted verdict, [start, end), say the words
    hurt, ask readers to rethink the belief they voice, or report them repudiated; None when none do. Not the
    whole of `_DISCOURAGED`, whose 「しない」「やめ」「ではありません」 just as well call for the words or defend
    them (「「障害者はいらない」と遠慮しないで言おう」「「障害者はいらない」は差別ではありません」), as 7073c79
    found for quoted exclusions."""
    found = [
        m.end() for m in (
            _search_from(doc, _REPUDIATED, start, end),
            _search_from(doc, _RETHOUGHT, start, end),
            _SAYING_STOPPED.match(doc.text, start, end),
            _JUDGING_PUT_OFF.match(doc.text, start, end),
        ) if m is not None
    ]
    if (
        (wound := _search_from(doc, _WOUNDS, start, end)) is not None and not _search_from(doc, _HURT_DENIED, start, end)
        and _HURT_CONDONED.match(doc.text, wound.end(), end) is None
    ):
        found.append(wound.end())
    # 「…と言わないでください、なんて綺麗ごとです」「…と言わないでください、と言う人がいますが、違います」:
    # the call itself waved away or answered; 「…と専門家は訴えています」 reports it and still disowns.
    found = [e for e in found if _CALL_OFF_UNDONE.match(doc.text, e, end) is None]
    return min(found, default=None)


_CALL_OFF_UNDONE = re.compile(
    r"[^。！!？?\n]{0,6}?(?:[、,][ \t　]*(?:なんて|なんか|なんぞ)"
    rf"|[、, \t　]*{_PUT_IN_MOUTHS}[^。！!？?\n]{{0,12}}?(?:が[、,]|けど|けれど|ものの|しかし))"
)


def _disowned_after(doc: Document, start: int, end: int) -> bool:
    """Whether the rest of a sentence after a quoted statement, [start, end), disowns it (`_disowning`)."""
    return _disowning(doc, start, end) is not None


# What keeps the other way a post offers after calling the judging off from saying the verdict again: what
# keeps a sentence from restating it (`_NOT_RESTATED`, which adds the rest), less the advice (「ましょう」) and
# the saying (「と伝え」) that way is put in.
_NOT_SAID = (
    r"ない|なく|ません|ず(?:に|[、。]|$)|無関係|違(?:い|う)|異な|誤|間違|偏見|差別|思い込み|決めつけ|決め付け|根拠|とは"
    r"|という|といった|見え|見られ|思われ|言われ|扱われ|され|[^\W\d_]が[、,]|けど|けれど|ものの|ても|いいえ|しかし|[？?]"
    r"|大切|大事|大丈夫|構いません|構わない|られ"
)
_NOT_SAID_INSTEAD = re.compile(_NOT_SAID)
# The verdict's last word, said as what to tell or think: 「甘えだと」「言い訳だって」.
_SAID_AS = r"(?:ダ|デス|デアル|ナノ|ナンダ)?[ \t　]*(?:ト|ッテ)(?!モ)"


def _verdict_keys(doc: Document, hit: Hit) -> list[analyzer.Token]:
    """The words of the verdict at ``hit`` after its topic (「甘え」 of 「うつ病は甘え」); none without a topic."""
    tokens = doc.tokens
    span = doc.token_range((hit.start, hit.end))
    topic = next((k for k in span if tokens[k].pos == "助詞" and tokens[k].surface in _VERDICT_TOPIC), None)
    if topic is None:
        return []
    return [
        t for t in (tokens[k] for k in range(topic + 1, span.stop))
        if t.pos in ("名詞", "動詞", "形容詞", "形状詞") and t.pos2 != "数詞"
    ]


def _said_anyway(doc: Document, hit: Hit, off: int, sent: tuple[int, int]) -> bool:
    """Whether, after the words at ``off`` call off or put off the judging of the quoted verdict at ``hit``,
    the post says the verdict anyway: in the other way it offers in the rest of the sentence (「「うつ病は甘え」と
    決めつけるのではなく、甘えだと優しく伝えましょう」), or again in the next sentence in the verdict's own words,
    as `_questioned` reads it (「…と決めつけるのはやめましょう。やはり甘えです。」)."""
    words = _verdict_keys(doc, hit)
    if not words:
        return False
    end = min(sent[1], off + _RESTATED_REACH)
    rest = fold(doc.text[off:end])
    if (
        all(t.surface[:2] in rest for t in words)
        and re.search(re.escape(words[-1].surface) + _SAID_AS, rest)
        and not _NOT_SAID_INSTEAD.search(doc.text, off, end)
    ):
        return True
    after = doc.sentence_after(sent[1] - 1)
    return after is not None and _verdict_restated(doc, hit, after)


# A quoted statement reported with what befell it: taken back, apologised for, called improper, criticised or
# protested (「市長は「生活保護は甘えだ」と述べ、謝罪しました」「「外国人は出ていけ」との発言は不適切だとして、
# 議長が注意しました」「…と発言した議員に対し、抗議文を送りました」). Not 「と抗議した」, the words as the
# protest's own; nor 「批判が集まっています」 alone, which 0d3a7a4 keeps as passing the remark on.
_REPUDIATED = re.compile(
    r"謝罪|陳謝|お詫び|おわび|撤回|不適切|問題視|問題発言|失言|辞任|辞職|懲戒|厳重注意"
    r"|抗議(?:文|声明|を(?:受け|申し入れ))|に(?:対し|対して)[、 \t　]*抗議"
)


# What says the quoted word through the quote: agreeing with it, or calling for it.
_ENDORSED = re.compile(
    r"仕方(?:ない|が?ありません|がない)|しょうがない|当然|当たり前|ふさわし|似合|ぴったり|その(?:通り|とおり)|"
    r"べき|ましょう|しよう|やろう|てやれ|てやる|てやり|なさい|叫ぼう|怒鳴ろう|どなろう|言おう|書こう"
    # Agreed with: 「「老人は早く死ね」というネットの書き込みに賛成です」. Not refused nor asked (「賛成できません」).
    r"|同感(?!で(?:は|き)|しかね|か)|賛成(?!で(?:は|き)|しませ|しな|しかね|か|する人|の人|派)"
    # The shouting verbs 227da7d reads as reported, called for: 「「死ね」と市長を怒鳴りつけよう」
    # 「「いい加減にしろ」と市役所に怒鳴り込もう」.
    r"|(?:怒鳴|どな)り(?:つけ|付け)よう|(?:怒鳴|どな)り(?:込|こ)もう|叱ろう|叱りつけよう|わめこう|浴びせよう|ぶつけよう"
    # Wished on someone (「「死ね」と市長に言われればいい」「…書き込まれればいいのに」「…と言われろ」). Not 「と言われたら
    # いい気はしません」 nor 「と言われたら、どうすればいいですか」, whose 「いい」 is not right after the passive.
    r"|(?:(?:言|い|云)われ|呼ばれ|罵られ|ののしられ|書かれ|書き込まれ|投稿され|なじられ|からかわれ)"
    r"(?:(?:れば|たら)(?:いい|よい|良い)(?=のに|[。！!、,？?ねなよわ\s]|$)|ろ|ちまえ|ちゃえ|てしまえ|るがいい|とけ|ておけ)"
)


_LETTERS_ONLY = re.compile(r"[\W_ー〜~]+")


def _standalone(doc: Document, file: str) -> Iterator[tuple[int, int]]:
    """Sentences that are nothing but an entry of `[standalone]` (「しね」「しね！」): as a word, しね
    is just the particles of 「ですしね」, so it is only an insult when it is the whole reply."""
    # Compared without spaces and marks on both sides: 「Go to hell!」 is the entry 「go to hell」.
    words = {_LETTERS_ONLY.sub("", w) for w in folded_set(file, "standalone")}
    if not words:
        return
    for a, b in doc.sentences:
        if b - a <= 12 and fold(_LETTERS_ONLY.sub("", doc.text[a:b])) in words:
            text = doc.text[a:b]
            yield a + len(text) - len(text.lstrip()), a + len(text.rstrip())


# An English slur that is also the spelling of a proper name: an acronym in capitals next to the
# organisation's name in brackets (「JAPS（日本○○学会）」「日本音声学会（JAPS）」, as a society is
# introduced), or a Korean place name, capitalised and hyphenated before its administrative unit
# (「Gook-dong」: -dong is 洞, -ri 里, -gu 区 …). A slur shouted in capitals (「JAPS GO HOME」) has
# no organisation beside it, and one written in lower case or without the unit is no name.
_ORGANISATION = re.compile(
    r"学会|協会|研究会|研究所|機構|連盟|財団|委員会|協議会|"
    r"(?i:society|association|institute|council|committee|federation|foundation|conference|congress|symposium)"
)
_EXPANSION_AFTER = re.compile(r"[ \t\u3000]*[（(]([^（）()\n]{1,60})[）)]")
_KOREAN_UNIT = re.compile(r"-(?:dong|gu|ri|ro|gil|myeon|eup|si)(?![A-Za-z])")


def _proper_name(doc: Document, start: int, end: int) -> bool:
    """Whether the listed English word at [start, end) is an acronym or a Korean place name (above)."""
    word = doc.text[start:end]
    if not word.isascii() or not word[:1].isupper():
        return False
    if _KOREAN_UNIT.match(doc.text, end) and word[1:].islower():
        return True
    if not word.isupper():
        return False
    after = _EXPANSION_AFTER.match(doc.text, end)
    if after is not None and _ORGANISATION.search(after.group(1)):
        return True
    # 「日本音声学会（JAPS）」: the name on the same line just before the bracket.
    if doc.text[start - 1 : start] in ("（", "(") and doc.text[end : end + 1] in ("）", ")"):
        line_start = doc.text.rfind("\n", 0, start - 1) + 1
        return _ORGANISATION.search(doc.text, max(line_start, start - 61), start - 1) is not None
    return False


@rule(
    code="prohibited.discrimination",
    severity="error",
    summary="差別語・差別を助長する表現",
    clause="茅野市 4(7)③",
    fires=Example("あの地区は部落だから気をつけて。"),
    passes=Example("12月は人権週間です。部落差別の解消に向けた講演会を開催します。"),
)
def discrimination(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """差別語や、差別を助長するおそれのある表現を止めます。

    茅野市 4(7)③・美祢市 2(6)②・上越市 5(5) は「人種、思想、信条等の差別、又は差別を助長させる
    情報」を、和気町 4(5)イ は「他者を差別、中傷、侮蔑し、又はそれらを助長させる内容」を禁じています。一方、人権啓発の告知は自治体の大切な仕事なので、問題の名称としての
    「部落差別」「部落差別の解消」「同和問題」などは許可リスト（データファイルの [allow]）に
    入っており反応しません。人権講座・人権学習・同和問題・水平社・部落解放など、人権学習や運動の名前に触れた文の「部落」（「部落の歴史を学ぶ人権講座」）と
    「部落史」も、歴史の用語として反応しません。下書きのほかの文で講座や人権学習の名前、「部落差別」などを挙げていれば、
    歴史や成り立ちを学ぶ文の「部落」（「人権講座を開きます。部落の歴史について学びます。」）も同じです（言われた言葉として伝える「部落差別をなくしましょう。部落の人とは付き合うなと親に言われた経験を持つ人もいます。」も同じで、人権の見出しや講座の名前がなくても、誰かが言われた経験や受けた相談として伝える「部落の人とは付き合うなと親に言われた経験を持つ人もいます。」「…という親の言葉に傷ついた人がいます。」は反応しません。自分の経験として書いた「…と親に言われて育ちました。」も、続けて「だから私も付き合いません」のように従ったり広めたりするものは反応します。噂として伝える「部落の人は汚いと言われています。」は反応します）（その文で「来るな」「汚い」などと言うものは反応します）（語の意味を集落や差別の用語として説明する「「部落」は地域によって集落を指すこともあります」は反応しません。「「部落」という言葉の意味を学ぶ」も同じです。説明の形でも「穢れた地域を指します」のようにおとしめるものや、「〇〇町の××地区を指します」のように場所を示すものは反応します。集落の意味で使った「山あいの部落」は反応します。「集落」と書いてください。「人権」「同和」の語だけでは歴史の用語とは
    みなさず、「部落の人は人権なんてない」「同和地区の部落には近づくな」は反応します）。
    差別・偏見・人権・男女共同参画について書いた下書きで「」に入れて示した語
    （「かつて「らい病」と呼ばれ…差別を受けてきました」）も、語を使っているのではなく説明して
    いるので反応しません。ハンセン病や強制隔離の歴史を伝える下書き
    （「ハンセン病は、かつて「らい病」と呼ばれ、患者は強制隔離されました」）も同じです。別の意味の語（「池沼や河川」、「めくらずに」、「土人形」、「支那そば」、
    「ホモ・サピエンス」）も反応しません。
    リンク（URL）のパスやクエリの中の語（「https://…/japs/」）、英語の語と同じ綴りの固有名詞
    （求人サイトの「Gaijin Pot」、組織名を括弧で添えた大文字の略称「JAPS（日本○○学会）」「日本○○学会（JAPS）」、
    韓国の地名「Gook-dong」のように大文字で始めてハイフンで行政区画（-dong・-gu・-ri など）を続けたもの）も
    対象外です（「JAPS GO HOME」、小文字の「gook-dong」は反応します）。ひらがなで書いた「がいじ」「がいじん」は、それだけのときや「あいつはがいじだ」のように
    人を呼ぶときに反応します（「子どもがいじめられた」「はがいじめ」「しょうがいじ」「まちがいじゃない」、漢字の読みとして添えた「外耳（がいじ）」は対象外です）。短い「」で囲んで言われたこととして示し、同じ文でその言葉を戒めた語
    （「「女のくせに」——何気ない一言が誰かを傷つけていませんか」「「女のくせに」などと言わないようにしましょう」「「ホモ」「オカマ」などの言葉で、性的少数者を笑いのネタにしていませんか」）と、
    言い換えを示した語（「「外人」ではなく「外国人」と言いましょう」）、人を侮辱する言葉・傷つく人のいる言葉として示した語（「「ガイジ」「池沼」など、障害のある人を侮辱する言葉が…」「「オカマ」という呼び方で傷つく人がいます」）、その語に覚える違和感を問いかける語（「「女のくせに」という言葉にモヤモヤしたことはありませんか」「「外人」と呼ばれて嫌な思いをしたことはありませんか」）も反応しません（「…に違和感はありません」「…にモヤモヤする人がいるなんて笑える」は反応します。「かつて「らい病」と呼ばれていました」だけでも反応します。「「ガイジ」は侮辱ではありません」「…で傷つく人はいません」のように打ち消すものは反応します）。
    語のほか、特定の属性の人々（[groups]: 外国人、在日、障害者（「障害のある方」「車いすの方」とも）、女性、高齢者、「あの地区」…）を排除・
    一括りにする言い回し（[exclusion]: 出ていけ、犯罪ばかり、嘘つきばかり、結婚しないほうがいい、〜のくせに、家にいろ、お断り、は迷惑だ…）が同じ文に
    あれば反応します（「同和地区の人とは結婚しないほうがいいです」のように「です」で丁寧に言い切るもの、「部落の人とは付き合うな」「あの地区の人とは
    関わらないでください」「部落出身者とは結婚するな」「A地区出身の人とは関わらないでください」も同じです。「高齢者の方は、不審な電話の相手とは関わらないでください」のように、属性の人々を別の相手から遠ざけるものは対象外です）。差別・偏見・ヘイト・思い込みなどに触れて問題を指摘する文（[deny]）では反応しません（言われたこととして
    示しても、「外国人は出ていけと言われても仕方ない」のように当然だとする文は反応します。「差別はいけませんが、障害者は迷惑です」「人権週間ですが、
    同和地区の人とは結婚しないほうがいいです」のように、差別や人権に触れた前置きを「が、」「けど、」で譲ってから言い切るものも反応します。前置きの後で
    「ヘイトスピーチは許されませんが、外国人は出ていけという書き込みが今も見られます」「人権週間ですが、外国人は出ていけという落書きが見つかりました」のように伝えるもの、「…と親に言われた経験を持つ人もいます」「…という親の言葉に苦しんだ人がいます」のように言われたこととして伝えるもの（「…と親に言われても仕方ない」「…という言葉に賛成です」「…という言葉は正しい」「…と言われたが、その通りだと思う」「…という声もありますが、その通りです」、次の文で認める「…と親に言われた。親は正しい。」「…と言われています。本当にそうです。」「…と言われていました。今もそうあるべきです。」「…と親に言われた。当然だ。」、同じ文で認める「…と言われていますが、事実です。」も反応します）、言い切りの後で「…という偏見がありますが、
    それは誤りです」と答えるものは対象外です）。
    年齢で一括りにして運転免許を取り上げる命令（「高齢者は免許を返納しろ」「年寄りは免許を返納すべきだ」）も同じです（「高齢者の免許返納を支援します」「免許の自主返納をご検討ください」、問いかけの「高齢者は免許を返納すべきか、ご意見を募集します」「〜返納すべき？」、紹介する「〜返納すべきとの声があります」、運転に不安のある人に向けた「運転に不安を感じる高齢者は、免許を返納すべきです」は対象外です）。
    「外国人の方はお断りしています」「外国籍の方の入居は不可」「生活保護受給者の方の入居はお断りしています」のように、属性のすぐ後に断る言葉を続けたものも
    反応します。「外国人の入居はご遠慮いただいております」「障害者の方は入店をご遠慮ください」のような「ご遠慮」、「外国人は入店禁止です」「外国籍の方の入居は禁止です」のような「禁止」も同じで、「高齢者・障害者の方は」「外国人や障害者の方は」のように属性を並べたものも同じです（「外国人観光客の方へ、予約のない団体の入場はお断りしています」「生活保護の方もお断りしません」
    「障害者の方もご遠慮なくご利用ください」、健康や安全のための「妊娠中の女性はご遠慮ください」、男性用の部屋の「男性更衣室です。女性の方はご遠慮ください」と、更衣室・浴場・トイレなど男女で分ける部屋ですぐ次の短い文で理由を述べる「女性は更衣室を使えません。男性専用です。」は対象外です。ただし「安全のため、外国人の方の入店はご遠慮ください」のように、国籍・生活保護・障害を理由にした「ご遠慮」は、安全を理由にしても反応します）。
    「「外国人お断り」という張り紙は違法です」のように、張り紙などの言葉として示して違法だとするものは対象外です（「…は違法ではありません」は反応します）。
    「認知症の方はご遠慮ください」「同性カップルはお断りします」「母子家庭はお断り」「〇〇地区の出身者はお断りです」、「ハンセン病の元患者は、ホテルへの宿泊をお断りします」
    （「ハンセン病の元患者の方への取材はお断りしています」「…宿泊を拒否した事件がありました」は対象外です）、災害のときの「〇〇県から来た避難者はお断りです」「被災者の方の入店はご遠慮ください」のように、[refusal_groups] の人々を断るものも反応します（「避難者の方は、避難所内での喫煙はご遠慮ください」のように断るのが別の行為のもの、「満員のため、避難者の受け入れはお断りしています」「避難者は避難所に入れません。満員です。」のように、どこから来たかを言わずに避難所の満員や受け入れの有無を伝えるものは対象外です）。
    「障害者の方は参加できません」「車いすの方はご利用できません」は障害者差別解消法（第7条・第8条）の不当な差別的取扱いにあたるおそれがあるため
    error、「外国人の方は利用できません」「生活保護の方は利用できません」「外国籍の方は申し込めません」のように属性の人々に「できません」と告げるものは、誰もが使う場所を挙げた「外国人の方は避難所に入れません」「障害者の方は一般の避難所を使えません」「外国人は温泉に入れません」「外国人の避難者は受け入れできません」も含め（「車いすの方はエスカレーターを使えません」のような設備の説明は対象外です）、
    子どもを親の属性や障害で保育園・学校・少年団から断るもの（「外国人の子どもは入園できません」「ひとり親家庭の子はお断りします」「同和地区の子どもは入学できません」「生活保護の世帯の子どもは放課後児童クラブを利用できません」、障害者差別解消法の
    error になる「発達障害の子は普通学級に入れません」「医療的ケア児は入園できません」「車いすの子は入学できません」、修学旅行や運動会、日本語教室などから断る
    「車椅子の生徒は修学旅行に参加できません」「障害のある生徒は遠足に参加できません」「外国人の子どもは日本語教室を利用できません」「外国人の方は料理教室に参加できません」。「発熱のある生徒は修学旅行に参加できません」は対象外です。「障害のある子どもも入園できます」「感染症にかかった子は登園
    できません」「3歳未満の子は入園できません」は対象外です）も、制度上の要件のことも
    あるため理由を添えるよう促す warning です（「本制度と併用できないため、」のように理由を書いたもの、「参加できませんか」「参加できません
    でした」、「外国人の方は対象外です」のような対象の説明、「UIターン支援金は、本市出身の方が対象です。市外出身の方は申し込めません。」のように
    出身で対象を決めた制度を同じ文かすぐ前の文で挙げ、その外の「市外出身の方」「県内出身の方」を示したものは対象外です。職員採用や受験、「沖縄出身の方」「外国出身の方」のように一つの出身を挙げたものは対象外になりません）。出身や属性で採用を断る「市外出身の方は採用しません」
    「同和地区の出身者は採用できません」「外国人は採用しません」は就職差別として error です（「市外出身の方も採用しています」
    「…は採用しない、という企業がかつてありました」「外国人は採用しないのですか」、理由に国籍要件を挙げた「消防職は国籍要件があるため、外国籍の方は採用できません」は対象外です）。「治安のため」「トラブルが多いため」「言葉が通じないため」のように
    偏見そのものを理由にしたもの（高齢者・女性以外の「安全のため」も）は error です。障害のある方には「障害者割引と併用できないため」のような、
    既に受けている制度の理由を書いたときだけ反応しません（「規則により」「制度上」だけでは反応します）。
    外国人住民向けの英語のお知らせの「Foreigners go home!」「Chinese go home!」、文全体が「Foreigners out!」「Go back to China!」のもの（「The guide for foreigners is out.」「Go back to Chinatown via Route 8.」は対象外）、「Refugees are not welcome here.」「Foreigners are criminals.」「Vietnamese workers are all thieves.」「No foreigners allowed」、中国の人への蔑称「chink」
    も同じです（英語の言い回しは文の終わりにあるときだけ。「Foreigners who go home for the holidays need a
    re-entry permit」、人数を添えて人々のすることを述べた「During the holidays, many foreigners go home.」、偏見を正す
    「It is a myth that foreigners are criminals.」「Don't say refugees are not welcome.」、ひびの「a chink in the armour」は対象外です）。
    英語の決めつけ（are lazy・are criminals など）は、「Those Filipinos are dirty and noisy.」のように悪口を並べたものや、
    「Koreans are liars, don't trust them.」のように「don't trust」などが続くものにも反応します。属性のすぐ後の
    「are」のときだけです（「Foreigners say Japanese workers are lazy.」「Foreigners tell us the trains are dirty.」のように
    別のものについて言う文は対象外です）。次の文がそれだけで「Not true!」「That's a myth.」のように打ち消すもの
    （「Filipinos are lazy? Not true!」）は、日本語の「外国人はいらない。それは誤解です。」と同じく対象外です
    （「Not true?」と問うもの、「Not true that …」と別のことを言うもの、段落が変わったもの、「Just kidding」「Yes」などで
    認め直すもの、「They are even lazier.」「They are criminals too.」と上乗せするものは反応します）。偏見を正す語の前に「no」「not」を置いて打ち消した「That's no myth: foreigners are criminals.」
    「This is not prejudice: …」は反応します。
    職員や作業員の募集で性別を条件にする書き方（「除雪作業員（男性のみ）」「保育士募集（女性限定）」「事務職も女性のみ募集」「若い女性歓迎」、仕事の名前のない「女性のみ募集します。」）も
    反応します（男女雇用機会均等法 第5条）。「（女性のみ、均等法に違反しません）」のように違反しないと書き添えても同じです。講座や教室の参加者、ボランティアなど、仕事でないものの募集（「ヨガ教室、女性のみ募集」）は対象外です。「女性限定ヨガ教室の参加者募集」「女性のみの世帯」、ポジティブ・アクションの
    「女性の応募も歓迎します」、女性の少ない職のポジティブ・アクションとして根拠を添えた女性のみの募集（「ポジティブ・アクションとして女性に限って募集します」「均等法第8条に基づき」。男性のみは反応します）、同じ文で法律違反・禁止と説明する「「女性のみ募集」の求人は男女雇用機会均等法違反です」は対象外です。法律が女性の職と定める助産師（保健師助産師看護師法 第3条）と、
    風紀上の理由で女性に限れる女子更衣室・浴場の係員の募集（「助産師募集（女性のみ）」。厚生労働省の指針
    〔平成18年告示第614号〕第2の14(2)）も対象外です（「看護師・助産師募集（女性のみ）」、女性相談員の募集は反応します）。
    「女性は採用しません」と同じく「男性は採用しません」、自らの方針として言う「女性は採用しない、という方針です」も反応します（「女性を優先して採用します」「男性保育士を採用しました」、
    助産師の募集のあとの「男性は採用できません」、結果を伝える「今年度、男性は採用しませんでした」は対象外です）。
    食べ物の「クセになる味」の「くせに」は対象外です。「外国人住民の皆さんと一緒に、鬼を追い出そう！」のように
    追い出す相手を別に挙げたもの（「〜を追い出そう」の「〜」が属性でも代名詞でも「〜の人」でもないもの）も対象外です。
    属性を挙げた文のすぐ次の文が、属性を繰り返さずに「出ていけ」「帰れ」「追い出せ」「いなくなれ」
    「出ていってほしい」など（[exclusion_next]）と言うときも反応します（「ルールを守らないのは外国人ばかり。
    出ていけと言いたくなります。」）。「」に入れて示したもの（「「出ていけ」と書かれた張り紙がありました」）、
    どちらかの文が差別・人権などに触れているもの、段落が変わったもの、「鬼を追い出そう！」「感染症なんて
    いなくなれ！」「出ていけ、鬼！」のように別の相手を挙げたものは対象外です。
    属性を主題にして（「外国人には」「障害者は」）、去ってほしい・人前に出ないでほしいと願う文（「外国人には国に帰ってほしい」「障害者は外に出てこないでほしい」、主題のすぐ後の「外国人には本当に帰ってほしい」「外国人は国に帰るべきだ」「障害者は施設にいればいい」、丁寧に言った「外国人は来ないでください」「在日の方々には帰っていただきたい」「高齢者は運転しないでください」）も反応します（外出支援の「障害者の方も、どんどん外に出ていってください」「障害者も高齢者も、積極的に外に出ていってほしい」のように、「も」や「どんどん」「積極的に」で誘って「外に」「外へ」出かけるよう丁寧に頼むものは対象外です。「障害者の方も出ていってください」「障害者の方は外に出ていってください」「外国人は外に出ていけ」「国の外に出ていってください」、後に「二度と戻ってこないで」「この町から」「邪魔なので」と続くもの、国籍を挙げた「外国人の方も、ぜひ外に出ていってほしい」は反応します）（「帰ってほしくない」、打ち消した「外国人は国に帰るべきではありません」、意見として紹介する「〜べきだという意見もあります」は対象外です）。同じ言葉の見送り（「技能実習生の皆さんには、元気に国に帰ってほしいです」）、本人のための呼びかけ（「高齢者の方は、大雪の日は家にいてほしいです」、前の文で理由を伝える「大雪のため、路面が凍結しています。高齢者は運転しないでください。」）は対象外です。
    「障害者用駐車場への一般車の駐車は迷惑です」「高齢者向け住宅の前への路上駐車は迷惑です」のように、属性の人のための
    もの（〜用・〜向け・〜専用・〜優先）を挙げた文は対象外です（「障害者専用は迷惑だ」のように、それを主題にして
    決めつけるものは反応します）。
    多言語のお知らせの中国語・韓国語で、属性のすぐ後に追い出す言葉を続けたもの（「外国人滚出去」
    「외국인은 나가라」）にも反応します。引用符に入れて示したもの（「“外国人滚出去”等仇恨言论是不能容忍的」）や、
    同じ文で差別・ヘイトなどに触れているもの（「외국인은 나가라 같은 말은 차별입니다」）は対象外です。
    中国語・韓国語・ポルトガル語・ベトナム語で、属性に「都是罪犯」「很懒惰」「모두 범죄자다」「são todos criminosos」
    「đều là tội phạm」のような犯罪者・怠け者などの決めつけを続けて言い切るもの、蔑称の「쪽바리」「짱깨」「日本鬼子」にも
    反応します（「外国人居民咨询窗口」「residentes estrangeiros」のような案内、打ち消しで始まる「不是所有外国人都是罪犯」
    「Nem todos os estrangeiros…」、問いかけ、「外国人都是罪犯的受害者」、同じ文か次の文で偏见・편견・preconceito・
    định kiến などと指摘するものは対象外です。「这不是偏见」「편견이 아니다」「Não é preconceito」のように打ち消したものは反応します）。
    属性を主題にして（「LGBTの人は」「外国人労働者って」「障がい者なんて」「外国人住民は」「外国人とか、」）、その直後に「生産性がない」「気持ち悪い」
    「いらない」「甘え」「役に立たない」「邪魔」「マナーが悪い」「民度が低い」など（[verdict]）と決めつけて文を終えるものも反応します（丁寧に言った「外国人の方はマナーが悪いですね」、理由として続ける「女性は感情的なので管理職には向きません」「女性はすぐ感情的になるから管理職に向かない」、怠けていると決めつける「生活保護の人は働かないで遊んでいる」も同じです。「在日はスパイ」「認知症の人は何もわからない」「ホームレスは怠け者」、仕事や土地で一括りにした「派遣社員は使い捨て」「〇〇県民は民度が低い」「東北の人は田舎者ばかり」、名前を伏せた「A市民は民度が低い」「〇〇町の人は民度が低い」、「韓国人は嘘つき」「女性は感情的」、「ひとり親家庭の子は問題を起こしやすい」「外国人は問題を起こしやすい」、命や性のあり方をおとしめる「障害者は生まれてこない方が幸せ」「高齢者は長生きしすぎ」「LGBTは趣味の問題」、制度を食い物にしていると決めつける「在日外国人は生活保護をもらい放題」「生活保護の人はパチンコばかりしている」も同じです、「外国人は日本のルールを守らない」「ブラジル人はうるさい」も同じです、「沖縄の人は時間にルーズ」「東北の人は暗い」「精神障害者は何をするかわからない」「認知症の人は施設に入れるべきです」「子どもがいない女性は一人前じゃない」「在日の人たちは通名を使って犯罪を隠している」、民族の存在を否定する「アイヌ民族なんてもういない」も同じです（「アイヌ民族は、今も北海道を中心に暮らしています」「アイヌ語を話せる人は、もういません」「高齢者は夜道が暗いので」は対象外です。「…という考えは優生思想です」のように、示して退けるものは対象外です）。「〇〇地区は同和地区です」「被差別部落の場所を教えてください」のように同和地区の所在を示したり尋ねたりする文も反応します（「同和地区の場所を調べることは、部落差別につながります」のように差別だと指摘する文は対象外です。「差別するつもりはありませんが、被差別部落の場所を教えてください」のように前置きで譲ってから尋ねるものは反応します）。「あの人、ちょっと障害者っぽいよね」のように障害を人をからかう言葉にしたものも反応します。言い換えが求められている「片親」（「ひとり親」と書いてください）、人を呼ぶ「オネエ系」も反応します。名前のない「市民は」「市民の皆さまへ」は対象外です）（「同性愛は気持ち悪い」
    「生活保護は甘え」「生活保護を受けている人は甘え」。「外国人は本当にいらない」「生活保護はやっぱり甘え」のように、間に強める言葉があっても同じです）。別のものについて言う「生産性がない長時間労働を見直しましょう」「高齢者は予約はいらない」、
    書類の「外国籍の方は不要です」、問いかけの「〜はいらない？」、「同性愛は病気ではありません」は対象外です。
    病気や状態を主題にして（[conditions]: うつ病、発達障害、ひきこもり、不登校、認知症、HIV感染者…）、「甘え」「言い訳」「気の持ちよう」「仮病」「自業自得」「親のせい」など
    （[condition_verdict]）と決めつけて文を終えるもの（「うつ病は甘え」「発達障害は言い訳」「依存症は自業自得」「不登校は親のせい」）も反応します（「うつ病は病気です」「依存症は本人の責任ではありません」
    「うつ病は甘えではありません」「不登校は甘えではなく、子どもからのSOSです」、こころの健康相談のお知らせは対象外です）。
    「」に入れた文がそれだけで決めつけを言い切るもの（「【市民の声】「生活保護の人は甘えている」とのご意見をいただきました」「市長は「生活保護は甘えだ」と述べ…」）も、公式アカウントが広めることになるので反応します（同じ文で差別・誤解などと指摘するもの、傷つける言葉として戒めるもの、「「外国人はいらない」という考え方を見直しましょう」のように考え方を問い直すもの、「市長は「…」と述べ、謝罪しました」「「…」との発言は不適切だとして」のように撤回・謝罪・抗議などを伝えるものは対象外です。「」に入れた「出ていけ」なども同じです）。「「うつ病は甘え」と決めつけるのはやめましょう」「「うつ病は甘え」なんて言うのはやめましょう」「「障害者はいらない」のような発言はやめましょう」のように、言うことそのものをやめるよう呼びかける文（次の文で「そんな言葉はもうやめましょう」と呼びかけるもの、「…と突き放さないでください」「…と決めつける前に、専門家に相談しましょう」も。「」に入れた「外国人は出ていけ」を「…と言わないでください」「…と切り捨てないでください」と戒めるもの、「」に入れずに文の終わりで「外国人は出ていけなんて言わないでください。」「…などと言うのはやめましょう。」と戒めるものも同じです。「…なんて言わないではいられない」「…と言ってはいけないのでしょうか」「…なんて言わないでください、と言う人がいますが、…」、次の文で「でも本当です」「事実です」と認めるものは反応します）は対象外ですが、「…と決めつけるのではなく、甘えだと優しく伝えましょう」のように別のやり方で同じ決めつけを言うものや、「…と決めつけるのはやめましょう。やはり甘えです。」のように次の文で同じ言葉で言い直すもの、「「うつ病は甘え」。そんな言葉はもうやめましょう、と言う人がいますが、違います。」のようにやめるよう求める人に反論するものは反応します。また、「「障害者はいらない」、遠慮するのはやめましょう」「…と言うのを我慢するのはやめましょう」のように言い控えることをやめさせる文や、「…を差別だと騒ぐのはやめましょう」「…を偏見だと決めつけるのはおかしい」のように差別と指摘することを退ける文は反応します。
    「」に入れても入れなくても、ご意見や声として伝え（「〜とのご意見をいただきました」「〜という声を聞くことがあります」「〜と言う人がいます」）、
    その文の残りか続く二文のうちに答えるもの（「しかし、それは差別です」「生活保護は憲法で保障された権利です」「根拠はありません」「許されません」）は反応しません
    （「その通りだと思います」「当然です」のように同意するもの、「日本人の権利が先です」「外国人の犯罪は許されません」「逆差別です」のように同じ言葉で発言の側に立つもの、答えた後に「一理あります」と譲るもの、「権利などありません」、段落が変わったもの、答えのないものは反応します。人権週間などの見出しやハッシュタグがあっても、下書きの最後の文で「「外国人は出ていけ」という声を聞きます。」と伝えたまま、ほかの文にも答えがないものは反応します（同じ文で「差別をなくすため、」「根拠のない」などと答えるもの、「〜という声を聞いたことはありませんか」のような問いかけは対象外です）。差別・人権などに触れた下書きで「」に入れたものも、「」に入れずに伝えた決めつけ（「生活保護は甘えだという意見もあります」）も、同意すれば反応します）。
    「」に入れて示した決めつけを、その文の残りか同じ段落の続く二文で戒めるもの（「「障害者なんかいらない」―相模原事件から8年。命の重さを考えます。」のように事件の犠牲者を追悼するもの、
    「「高齢者は外出するな」という意味ではありません」のように打ち消すもの、「「外国人は出ていけ」という声もありますが、外国人も大切な住民です」のように
    発言の相手やことがらを主題にして反対のことを続けるもの、「「外国人は出ていけ」。ヘイトスピーチは許されません」「…。こうした言葉をなくしましょう」と続けるもの）も、
    差別・偏見などの語がなくても反応しません（「本当にそう思う」「犯人は正しかった」「追悼なんて偽善だ」「やっと言える」のように発言の側に立つもの、
    「戦争の犠牲者を追悼します」のように事件に触れずに別の追悼を続けるもの、「外国人の犯罪対策も必要です」「日本人の安全も大切です」のように反対に見せて同じ側に立つもの、
    「…という意味ではなく、本当に出ていってほしい」のように言い直すもの、「でも外国人は嫌いです」「障害者は社会の負担です」のように続けて自ら決めつけるもの、
    「犯人のご冥福をお祈りします」「ご冥福をお祈りしません」のように犯人を悼むか追悼を拒むもの、「ヘイトスピーチは許されません（笑）」「…許されません、と○○は言う」のように茶化すか人の言葉にするもの、
    見出しだけで続きのないもの、「」に入れずに書いたもの（「障害者なんかいらない―相模原事件から8年」のようにダッシュで続けたものも）は反応します。
    「このような書き込みはヘイトスピーチにあたり、許されません」と戒めるもの、「「外国人は出ていけ」「障害者はいらない」。こうした言葉をなくしましょう。」
    のように並べてまとめて戒めるものも反応しません。「…」ではなく「障害者は施設にいろ」です」のように別の決めつけに言い換えるもの、
    「こうした言葉は人を傷つけますが、仕方ありません」のように傷つけることを認めたうえで仕方ないとするものは反応します。
    人権週間などの下書きでも、「」のすぐ後で「本当にそう思う」「その通り」「賛成です」と同意するもの、「【人権週間】「女のくせに」生意気だ。」のように
    「」のすぐ後で同じ相手を「生意気だ」などとおとしめて文を終えるものは反応します（「…生意気だ、と言われて傷ついた」、次の文で「そんな言葉を言われた
    経験はありませんか」「こうした言葉が人を傷つけます」と続けるものは対象外です））。
    答えのないまま伝えるもの（「「外国人観光客はマナーが悪い」という苦情が寄せられています」）には、市の考えを続けるか、人ではなく行いを書く言い換えを、
    障害を理由にした「ご遠慮」「お断り」（「展望台は階段のみのため、車いすの方はご遠慮ください」）には、「車いすでのご利用は難しい構造です。ご不明な点はお問い合わせください」のように
    設備の状況を伝える言い換えを、指摘の中でお示しします。
    ひらがな・カタカナで書いたもの（「がいこくじんはでていけ」「せいかつほごはあまえ」「がいこくじんにはかえってほしい」「せいかつほごをうけているひとはあまえ」「こうれいしゃはめんきょをへんのうしろ」、病気や状態を決めつける「うつびょうはあまえ」「ひきこもりのひとはなまけもの」）や、文字の間に空白や絵文字を
    入れたもの（「外🇨🇳国人は出て💢いけ」）も、それだけの短い文なら反応します（助詞を省いたハッシュタグの「#外国人いらない」「#生活保護甘え」「#うつ病甘え」も同じです。「」に入れて示したものや差別に触れた文のものは対象外です）（「」に入れたもの、「？」で問うもの、
    やさしい日本語のお知らせの「がいこくじんは、くにへかえるとき、てつづきがひつようです」は対象外です）。
    人権啓発の投稿で偏見を一文として示し、すぐ次の文で問い直すもの（「生活保護は甘え。そう思っていませんか。」
    「外国人はいらない。それは誤解です。」「…。そんな声を耳にします。しかし、それは偏見です。」「障害者は迷惑だ。
    こうした偏見をなくしましょう。」「…。これは根拠のない偏見です。」「…。こうした考えを見直しましょう。」）は反応しません
    （「そう思いませんか？」「それは差別ではありません」「それは間違いない」「そう思っている人は多いはずだ」のように
    同意・擁護する文、「この偏見をなくす必要はない」「この考えを見直しましょう、なんて綺麗ごとだ」と退ける文、問い直した後に「私もそう思います」「はい、そうです」と続けるものや、
    段落が変わったものは反応します）。
    「×うつ病は甘え」「○うつ病は治療が必要な病気です」のように、誤りを「×」、正しい内容を「○」で示して同じ段落に並べたものも
    反応しません（「○」の行がないもの、「××市民は」のように名前を伏せたものは反応します）。
    「「うつ病は甘え」は本当でしょうか。」のように「」に入れて問いかけ、事実を続けるものも反応しません（次の文で「はい、本当です」と認めるものや、
    「実際、甘えている人が多いのです」「やはり甘えだと思います」のように同じ言葉で言い直すものは反応します。「甘えではなく、治療が必要な病気です」
    「甘えに見えることもありますが、…」「甘えだと自分を責めてしまう人もいます」「周りに甘えることも大切です」は対象外です）。
    「外国人観光客はマナーが悪い！という声もありますが、多くの方はルールを守っています」のように、「！」「？」のすぐ後に「と」「って」と
    続けて声や意見として伝えるものは、記号のない「〜悪いという声もありますが」と同じく一つの文として読みます（「〜！と思います」は反応します）。
    属性の人々が増える・来ることや受け入れることを犯罪と結びつけて言い切る文（「外国人が増えると治安が悪くなります」「移民が来たら犯罪が増える」
    「外国人が増えて治安が悪くなった」「移民を受け入れると犯罪が増える」「外国人のせいで犯罪が増えた」）も
    反応します（「〜という根拠はありません」「〜という偏見をなくしましょう」、問いかけ、「空き家が増えると治安が悪くなります」、
    防犯の「外国人を狙った犯罪が増えています」、数の紹介の「外国人住民が増えて、犯罪は減っています」は対象外です）。属性の人々が増えることやマナーを迷惑だと言い切る「最近、中国の人が増えて困っています」「中国人観光客のマナーの悪さには困ったものです」、性的少数者を少子化の原因とする「LGBTの人が増えると少子化が進みます」も反応します（「外国人観光客が増えて困っている事業者の方へ」「一部の観光客のマナーの悪さに」「女性が働きにくいと少子化が進みます」、「…というデマが広がっています」は対象外です）。
    国籍や性別で人々を比べて優劣をつける文（「中国人より日本人の方が優秀です」「日本人は中国人より勤勉です」
    「外国人より日本人を優先すべきです」）も反応します（「日本人より外国人の方が多い地区」のような数や、調査結果の紹介、
    問いかけ、「〜なんてことはありません」と打ち消すもの、アンケートで「〜マナーが悪いと答えた人」のように人の答えや感じ方として伝えるもの、「男性より女性の方が真面目に健診を受けています」のような行いの様子は対象外です）。
    属性を主題にして、隅や別の部屋に置くことを決めた文（「障害者は避難所の隅にいてもらいます」「障害のある方は体育館の端に集めます」
    「車いすの方は別室に分けます」）も反応します（「障害のある方は福祉避難スペースをご利用いただけます」「車いすの方は入口近くの席へどうぞ」、
    希望や体調に応じた「ご希望に応じて別室にいていただきます」「静かな別室にいていただけます」、福祉避難所の「福祉避難所の別室にいていただきます」、「車いすの方は別室に入れます」、
    男女で分ける「女性は別室に入っていただきます」は対象外です）。同和地区の人々（「同和地区の方」「同和地区出身」）や「あの地区の人」を
    主題にして別の避難所・入口・窓口へ回す文（「同和地区の方は別の避難所へ行ってください」）も反応します（「ペットをお連れの方は
    別の避難所へ」「満員のため、避難者の方は別の避難所へ」のように出身で分けないもの、「ほかの窓口にもご相談いただけます」
    「別の会場に行く必要はありません」のように選べることや要らないことを伝えるものは対象外です）。
    属性を主題にして理由を挙げ、すぐ後に「近づかない」「関わらない」と勧める文（「精神障害者は危ないので近づかないように」
    「外国人は言葉が通じないから関わらないほうがいい」）も反応します（「子どもは危ないので川に近づかないように」のように
    別の場所やものを挙げるもの、同じ段落の近くで工事・除雪・川・雪・クマ・倒れかけた看板・割れたガラス・倒壊しそうな空き家などの危険に触れたもの、
    「高齢者は危ないので近づかないように」のように女性・高齢者の身を守る呼びかけは対象外です）。人々そのものを避ける相手にした
    「あの地区の人には近づかないように」「〇〇地区の人には近づかないでください」「外国人には近寄らないでください」は理由がなくても
    反応します（「あの地区には近づかないでください」のような場所、「浸水した地区の方には近づかないようお願いします」のように災害などで呼んだ地区、「不審者には近づかないで」、「…ようお伝えください」は対象外です）。読む人に伝えさせる「外国人には近づかないように子どもに言ってください」「…近づくなと言いましょう」も反応します（伝える相手のない「障害のある方には、危ないので近づかないようお伝えください」のように、その人々に伝える文は対象外です）。
    「女は家事をしていればいい」「男なら泣くな」「家事は女がするもの」「男は仕事、女は家庭」「男は外で働くものだ」
    「女性は家庭を守るのが一番です」「男のくせに料理なんか」のように、性別で役割を決めつける文も反応します（固定的な性別役割分担意識）。仕事を性別で決めつける「女に管理職は無理」「女性に管理職は向いていません」「看護師は女性の仕事です」「男性保育士って、ちょっと心配ですよね」も同じです（「女性に管理職として活躍してもらうための研修」「看護師は女性の仕事と思われがちですが、男性看護師も増えています」「…と思っている人が、まだ多いのが現状です」は対象外です）。避難所の手伝いや復旧作業などみんなの作業から女性を外して家に帰す
    「女性は避難所の手伝いをせず、家にいてください」も同じです（「感染した方は家にいてください」、体調や妊娠を理由にした
    「妊娠中の女性は作業をせず、家で休んでください」は対象外です）。「」に入れて示したものや、「という考え方を見直しましょう」
    「という思い込みはありませんか」「と言われて育った」のように問い直す文、「男性も家事・育児に参加しましょう」は
    対象外です。見出しの「【男女共同参画】」だけでは問い直しと読まず、次の文で「これが本音です」「私もそう思います」と
    認めるもの（「【男女共同参画】女は家事をしていればいい。これが本音です。」）は反応します（次の文で「こうした固定観念を
    なくしましょう」「そんな時代は終わりました」と続けるものは対象外です）。
    「」に入れずに書いた決めつけも、すぐ後で「、という考え方を見直しましょう」「という古い考え方は見直しましょう」のように
    見直す考え方として示すもの、「、という考えは誤りです」と誤りだとするもの、「、という声もありますが、外国人も大切な住民です」のように反対のことを続けるもの、「〜とされた時代がありました」「〜と言われた時代もありました」のように過去のこととして
    伝えるもの（「障害のある子どもは入学できないとされた時代がありました」）、性別の役割をすぐ次の文で「そんな時代は終わりました」
    「今はそんな時代ではありません」「それは昔の話です」「そう考える人は減っています」と過去のことにするもの（「男は外で働くもの、女は家庭を守るもの。そんな時代は
    終わりました。」。「そんな時代は終わったのでしょうか」と問うもの、「でも今もそうあるべきです」と続けるものは反応します）は反応しません（「…を見直す必要はない」
    「…見直しましょう、と言う人がいますが」、過去を「今もそうすべきです」「あの頃は良かった」「それが当然です」と
    認め直すものは反応します）。
    """
    taught = _Taught(doc)
    listed: list[tuple[int, int]] = []
    words: list[Hit] = []
    for hit in word_hits(
        doc,
        opts,
        "discrimination.txt",
        "「{word}」は差別語・不快用語にあたるおそれがあります。表現を改めてください。",
        in_links=False,
    ):
        if _proper_name(doc, hit.start, hit.end):
            continue
        listed.append((hit.start, hit.end))
        if not taught.named(hit) and not _word_of_reported_statement(doc, hit):
            words.append(hit)
    for a, b in _hiragana_slurs(doc):
        hit = Hit(a, b, f"「{doc.text[a:b]}」は差別語・不快用語にあたるおそれがあります。表現を改めてください。")
        if not any(x < b and a < y for x, y in listed):
            listed.append((a, b))
            if not taught.named(hit):
                words.append(hit)
    # A statement that is also a listed word (「女のくせに」) is one finding, not two, and none when the
    # word is named rather than used.
    covered = SpanSet(listed)
    statements = [
        _hinted(doc, h) for h in _group_statements(doc)
        if not covered.covers(h.start, h.end) and _said(doc, taught, h)
    ]

    def hinted_if_said(h: Hit) -> Hit | None:
        return _hinted(doc, h) if _said(doc, taught, h) else None

    def if_said(h: Hit) -> Hit | None:
        return h if _said(doc, taught, h) else None

    # Whether a statement is said is read only for one whose sentence no earlier finding has taken: 「うつ病は甘え。」
    # written thousands of times is found twice a sentence (`_verdicts`, `_spelled_statements`), and each reading
    # looks at the sentences after it.
    wished = [
        (h, hinted_if_said) for h in (*_wished_away(doc), *_set_apart(doc), *_shunned(doc), *_advice_reported_taken_up(doc), *_verdicts(doc), *_gender_roles(doc), *_spelled_statements(doc), *_rankings(doc), *_blamed_for_crime(doc), *_troubled_by(doc), *_en_told_out(doc), *_men_not_hired(doc), *_places_named(doc))
    ] + [(h, if_said) for h in _turned_away(doc)]
    across = (*_group_statements_across(doc), *_foreign_language_exclusion(doc), *_foreign_language_verdicts(doc), *_unanswered_last(doc))
    others = _kept_in_other_sentences(doc, statements, (*wished, *((h, _as_is) for h in across)))
    # A listed word inside a statement found (「部落の人とは付き合うな」「ホモは気持ち悪い。」) is that statement's
    # word: one finding, the statement's, which says what the sentence does. Not when the statement is only a
    # warning (「部落の人は参加できません」): the word's error stands.
    said = SpanSet((h.start, h.end) for h in (*statements, *others) if h.severity in (None, "error"))
    yield from (w for w in words if not said.covers(w.start, w.end))
    yield from statements
    yield from others
    yield from _gendered_hiring(doc)


# A statement reported as said to someone, right after it: 「部落の人とは付き合うなと親に言われた」「…と言われた経験」.
# Told to someone, as what befell them (「…と親に言われた経験」「…と言われたという相談」「…と言われて育った」): not
# 「…と言われています」, the rumour passed on (still the word), nor 「…と言われました。だから付き合いません。」.
_SAID_TO_SOMEONE = re.compile(
    # Advice is told with or without と: 「…近づかないように言われた経験」「…しないよう親に言われて育った」.
    r"[、 \t　]*[」』]?[、 \t　]*(?:(?:(?:と|って)[、 \t　]*|(?<=よう)|(?<=ように))"
    r"(?:[^。！!？?\n「」、,はをがとよ]{1,8}?(?:に|から)[ \t　]*)?(?:言|い)われ"
    r"(?:(?:た|ました)(?:という|といった)?[ \t　]*(?:経験|体験|記憶|相談|訴え|こと(?:が|も)(?:あ|な))|て育)"
    # 「…、という親の言葉に苦しんだ人がいます」: the words and who said them, and the hurt they did.
    r"|という[ \t　]*[^。！!？?\n「」、,]{1,6}?の[ \t　]*言葉(?:に|で)[ \t　]*(?:苦しん|傷つ|悩ん|悩まされ|つらい思い))"
)


def _word_of_reported_statement(doc: Document, hit: Hit) -> bool:
    """Whether the word 「部落」 at ``hit`` names the group of a statement its sentence reports as said to someone
    (`_SAID_TO_SOMEONE`), which `_opposed` reads as reported and not agreed with (「部落の人とは付き合うなと親に言われた経験を
    持つ人もいます」, a 人権 post's account of 結婚差別 with or without a 【人権】 heading): the word then goes with the
    statement, as 「同和地区の人とは…と親に言われた」 has no word to fire. Not 「…と親に言われた。その通りだ。」 (the
    statement fires), nor a verdict the sentence opposes with a word but no report (「部落の人は人権なんてない」)."""
    if fold(doc.text[hit.start : hit.end]) != fold("部落"):
        return False
    sent = _said_sentence(doc, hit.start)
    groups = [g for g in matcher("discrimination.txt", "groups").find(doc, within=sent) if g.start <= hit.start and hit.end < g.end]
    if not groups:
        return False
    g = max(groups, key=lambda m: m.end)
    said = [
        x.end for name in ("exclusion", "verdict") for x in matcher("discrimination.txt", name).find(doc, within=(g.end, sent[1]))
    ]
    # Advice not to go near them, marry them or the like, told to someone (「部落の人には近づかないように言われた経験を持つ
    # 人がいます」): no [exclusion] word, but the same shunning reported.
    advice = _ADVICE_NOT_TO.match(doc.text, g.end, sent[1])
    if advice is not None:
        if _advice_taken_up(doc, sent, advice.group(1)):
            return False
        said.append(advice.end())
    if not said:
        return False
    told = _SAID_TO_SOMEONE.match(doc.text, min(said), sent[1])
    if told is None or not (
        told.group().endswith(_TOLD_AS_HURT) or _BEFELL_SOMEONE.match(doc.text, told.end(), sent[1])
        or _own_account(doc, sent, told.end())
    ):
        return False
    # 「…経験を持つ人もいますが、当然です」: conceded and then agreed with.
    return (
        _CONCEDED_AFTER.search(doc.text, told.end(), sent[1]) is None
        and _opposed(doc, matcher("discrimination.txt", "deny"), sent, g.start, told=True)
    )


# Also held true after a bare comma: 「…経験を持つ人がいます、当然です」.
_CONCEDED_AFTER = re.compile(
    r"(?:が|けど|けれど(?:も)?)[、,]"
    r"|[、,][ \t　]*(?:本当|事実|真実|当然|当たり前|その(?:通り|とおり))(?:の(?:こと)?)?(?:です|だ)(?![ \t　]*(?:か(?!ら)|と|ろう|が|けど|けれど|[？?]|[、,][ \t　]*(?:と|って)[ \t　]*(?:言|い|話|書)))"
)
# The group as what the advice keeps one from, and the advice: 「には近づかないように」「とは結婚しないよう」.
_ADVICE_NOT_TO = re.compile(r"(?:に|と)(?:は|も)?[、 \t　]*([^。！!？?\n「」、,]{1,12}?)ない[ \t　]*よう(?:に)?")
# The advice given again as the post's own, in the next sentence: 「…ように言われた経験を持つ人がいます。皆さんも
# 近づかないでください。」. Matched on the advice's own verb (its last characters, 「近づか」「結婚し」), so 「差別を
# しないでください」 answers it and is not read.
_ADVICE_ORDER = r"ない[ \t　]*(?:で(?:ください|下さい|ね|ほしい|欲しい|おこう|おきましょう)|よう(?:に)?(?:しましょう|してください|しよう|気をつけ|注意|[。！!]|$|[ \t　]*(?:伝え|言い|言っ|教え|話し)(?:ましょう|てください|てあげ|よう))|ほうが|方が|べき)"


def _advice_taken_up(doc: Document, sent: tuple[int, int], verb: str) -> bool:
    """Whether the sentence after ``sent``, in its paragraph, tells the reader the advice (``verb`` + ない, as
    `_ADVICE_ORDER`) without calling it a hurt or a wrong (`_HURT_OR_WRONG`)."""
    nxt = doc.next_in_paragraph(sent[1])
    if nxt is None:
        return False
    text = doc.text[nxt[0] : nxt[1]]
    return re.search(re.escape(verb.strip()[-3:]) + _ADVICE_ORDER, text) is not None and _HURT_OR_WRONG.search(text) is None
# Whom it befell, named right after: 「…と言われた経験を持つ人もいます」「…と言われて育った方は」; or a 相談 made, or
# the hurt done. The writer's own 「…と言われた経験があります」 goes on where the post may take the words up (「…がある
# ので、付き合っていません」「…があり、実際そう思います」「…を、子どもにも伝えています」): the word fires as before.
_BEFELL_SOMEONE = re.compile(r"[^。！!？?\n「」、,]{0,8}?(?:人|方|者)(?:たち|達|々)?(?:が|も|は|に|の)")
_TOLD_AS_HURT = ("相談", "訴え", "苦しん", "傷つ", "悩ん", "悩まされ", "つらい思い")
# The writer's own account, ended where it is told (「…と親に言われて育ちました。」「…と言われた経験があります。」).
_ACCOUNT_ENDS = re.compile(
    r"(?:ち(?:ました|た)|った|ってきました|(?:が|も)(?:あります|ありました|ある|あった))?[ \t　]*[。！!]?\s*"
)
# What the next sentence of the paragraph may say of it: the hurt, or that it was wrong.
_HURT_OR_WRONG = re.compile(r"傷つ|苦し|悲し|つら|辛|悩|差別|偏見|間違|誤り|おかしい|許されな|許せな|理不尽")


def _own_account(doc: Document, sent: tuple[int, int], told_end: int) -> bool:
    """Whether ``sent`` ends with the account of what the writer was told, and the paragraph says no more of it or
    only its hurt or wrong: 「…と言われて育ちました。だから私も付き合いません。」 takes the words up."""
    if not _ACCOUNT_ENDS.fullmatch(doc.text, told_end, sent[1]):
        return False
    following = doc.next_in_paragraph(sent[1])
    return following is None or _HURT_OR_WRONG.search(doc.text, *following) is not None


def _said(doc: Document, taught: _Taught, hit: Hit) -> bool:
    """Whether the statement at ``hit`` is said, not named, rebutted nor answered. Agreed with after it
    is passed on, it is said even in 「」 in a draft about discrimination (「【人権週間】「生活保護は甘えだ」との
    意見もあります。当然です。」), which `_Taught` otherwise reads as a term taught about."""
    reply = _reply(doc, hit)
    if reply is False or _defended_after(doc, hit) or _agreed_right_after(doc, hit):
        return True
    return (
        not reply and not taught.named(hit) and not _rebutted_after(doc, hit) and not _marked_wrong(doc, hit)
        and not _questioned(doc, hit) and not _listed_as_myth(doc, hit) and not _framed_against(doc, hit)
        and not _named_to_rethink_or_past(doc, hit) and not _voice_answered_by_contrary(doc, hit)
    )


def _voice_answered_by_contrary(doc: Document, hit: Hit) -> bool:
    """Whether the statement at ``hit``, written without 「」 and passed on as a voice, is answered by its contrary
    (`_contrary_after`) as a quoted one is: 「外国人は出ていけ、という声もありますが、外国人も大切な住民です。」. Only
    that answer: the other frames of `_quote_condemned` (a commemoration, 「こうした言葉を…」) hold for quoted words
    alone, and 「障害者なんかいらない―相模原事件から8年」 still says them."""
    if hit.end >= len(doc.text) or doc.enclosing_quote(hit.start, hit.end, 40) is not None:
        return False
    # The statement stands in for the quote: its words are the keys, what follows it the frame, which must not
    # take its side (「…外国人も大切な住民です。でも出ていけ。」).
    frame = _frame_after(doc, hit.start - 1, hit.end)
    return frame is not None and _contrary_after(doc, hit.start - 1, hit.end, frame[0], frame[1])


# A human-rights post sets the belief down without 「」 and names it, right after, as a way of thinking to be
# rethought (「女性は家にいろ、という考え方を見直しましょう」「…という古い考え方は見直しましょう」), or as what was
# held in a time now past (「障害のある子どもは入学できないとされた時代がありました」「…と言われた時代もありました」).
# Only right after the statement: 「…という考え方を見直す必要はない」「…見直しましょう、と言う人がいますが」
# (`_NOT_CALLED_FOR`) and a time past taken up again (「…今もそうすべきです」「…正しかった」) still say it.
_NAMED_TO_RETHINK = re.compile(
    r"[ \t　]*[、,]?[ \t　]*(?:という|といった|などという|などの|のような)[ \t　]*"
    r"(?:(?:古い|古くからの|昔の|昔ながらの|誤った|間違った|固定的な)[ \t　]*)?"
    r"(?:考え方?|見方|意識|思い込み|固定観念)(?:(?:を|は)[、, \t　]*(?:(?:改めて|もう一度|いま一度|今一度)[、, \t　]*)?"
    r"(?:見直|考え直|改め(?!て(?!ください|下さい|ほしい|欲しい|いただ|頂|み|いき|いこ|いく|は|[、,])))"
    # Or said to be wrong (「人権週間です。同和地区の人とは結婚しないほうがいい、という考えは誤りです。」). Not denied
    # nor asked (「…誤りではありません」「…誤りでしょうか」), nor put in others' mouths (「…誤りだと言う人も」).
    r"|(?:は|も)[、, \t　]*(?:明らかな|大きな|全くの|まったくの)?(?:誤り|間違い)(?:です|だ|である)(?![ \t　]*(?:か|と|って|[？?])))"
    rf"(?!{_NOT_CALLED_FOR})"
)
_HELD_IN_THE_PAST = re.compile(
    r"[ \t　]*[、,]?[ \t　]*(?:と|って)[ \t　]*(?:され|言われ|いわれ|考えられ|思われ|信じられ)(?:た|ていた|てきた)[ \t　]*"
    r"(?:時代|時期|頃|ころ)(?:が|も)[ \t　]*(?:あり(?:ました|った)|あった)"
)
# The past held up as right, or as still to be so: 「…時代がありました。今もそうすべきです」「…今もその通りだ」
# 「…。それが当然です」.
_STILL_HELD = re.compile(
    r"(?:今|いま|現在)(?:も|でも)[^。！!？?\n]{0,12}?(?:そう(?:す|あ|だ|です|思)|その(?:通り|とおり)|正し)"
    r"|正しかった|良かった|よかった|戻(?:そう|すべき|したい|るべき)"
    r"|(?:それ|これ|そう)(?:が|は|で)?[ \t　]*(?:当然|当たり前|正しい|正解)"
)
_PAST_REACH = 120


def _named_to_rethink_or_past(doc: Document, hit: Hit) -> bool:
    """Whether the statement at ``hit`` is named right after it as a belief to rethink (`_NAMED_TO_RETHINK`) or
    as what a past time held (`_HELD_IN_THE_PAST`), and the rest of its sentence and the next does not take it up
    again (`_STILL_HELD`, `_took_its_side`)."""
    sent = _said_sentence(doc, hit.end - 1)
    m = _NAMED_TO_RETHINK.match(doc.text, hit.end, sent[1]) or _HELD_IN_THE_PAST.match(doc.text, hit.end, sent[1])
    if m is None:
        return False
    end = min(sent[1], m.end() + _PAST_REACH)
    if (after := doc.next_in_paragraph(sent[1])) is not None:
        end = min(after[1], sent[1] + _PAST_REACH)
    return _STILL_HELD.search(doc.text, m.end(), end) is None and not _took_its_side(doc, m.end(), end, sent[1])


# Agreeing with the quote in the rest of its sentence: 「【人権週間】「障害者なんかいらない」本当にそう思う。」 says the
# words even in a draft about human rights, which `_Taught` reads as a term taught about. Not asked (「本当にそう
# 思いますか」) nor refused (「賛成できません」「その通りではありません」).
_AGREED_RIGHT_AFTER = re.compile(
    r"その(?:通り|とおり)(?![ \t　]*(?:では|じゃ|でも)|か)|同感(?!で(?:は|き)|しかね|か)|賛成(?!で(?:は|き)|しませ|しな|しかね|か|する人)"
    r"|正論(?!で(?:は|も)|じゃ|か)|(?:本当|ほんと|マジ)に?そう思(?:う|います)(?![ \t　]*(?:か|人|方))"
    r"|言う(?:通り|とおり)(?:だ|です)(?!か)|よく言った"
)


def _agreed_right_after(doc: Document, hit: Hit) -> bool:
    """Whether the rest of the sentence after the 「」 quote holding ``hit`` agrees with it (`_AGREED_RIGHT_AFTER`)."""
    quote = doc.enclosing_quote(hit.start, hit.end, 40)
    if quote is None:
        return False
    sent = _said_sentence(doc, quote[1])
    agreed = _AGREED_RIGHT_AFTER.search(doc.text, quote[1] + 1, min(sent[1], quote[1] + 1 + _FRAME_REACH))
    return agreed is not None and _AGREEMENT_OF_OTHERS.match(doc.text, agreed.end(), sent[1]) is None


# The agreement of those the post answers, not its own: 「「障害者はいらない」その通りだと思う人もいるかもしれません。
# でも、それは差別です」.
_AGREEMENT_OF_OTHERS = re.compile(r"[^。！!？?\n、,]{0,6}?(?:と(?:思|考|感じ)[^。！!？?\n、,]{0,3}?)?(?:人|方|者)(?:も|が|は|の|たち)")


def _framed_against(doc: Document, hit: Hit) -> bool:
    """Whether ``hit`` is the whole of a short 「」 quote the post frames as words to oppose or remember
    (`_quote_condemned`)."""
    quote = doc.enclosing_quote(hit.start, hit.end, 40)
    if quote is None:
        # A group named in a heading before it may open the statement: 「【障害者週間】「障害者は迷惑だ」」.
        opening = doc.text.rfind("「", hit.start, hit.end)
        quote = doc.enclosing_quote(opening + 1, hit.end, 40) if opening >= 0 else None
    return quote is not None and _quote_condemned(doc, *quote)


# A human-rights post quotes the hateful words to set itself against them, and says so without a 差別/偏見-type
# word (茅野市 4(7)③ and 上越市's clause forbid spreading discrimination, not recalling it to oppose it): a
# commemoration (「「障害者なんかいらない」―相模原事件から8年。命の重さを考えます。」), the meaning denied
# (「「高齢者は外出するな」という意味ではありません。」), a voice answered by its contrary (「「外国人は出ていけ」という
# 声もありますが、外国人も大切な住民です。」), or the words condemned in the next sentence (「…」。こうした言葉を
# なくしましょう。」). Read in the rest of the quote's sentence and the next two of its paragraph only, and undone by
# any word there that takes the quote's side (`_FRAME_UNDONE`): a title alone, or 「…」本当にそう思う, still fires.
_FRAME_REACH = 120
_FRAME_SENTENCES = 2
# Mourning and remembrance, not a date alone: 「事件から8年、やっと言える」 marks time and sides with the words.
_COMMEMORATED = re.compile(
    r"追悼|慰霊|黙とう|黙祷|冥福|悼(?:み|む|ん)|(?:命|いのち|生命)の(?:重さ|尊さ|大切さ)(?![ \t　]*(?:は|が)?[ \t　]*(?:軽|違|ない|低))"
    r"|(?:事件|犠牲者|被害者|方々|方|人々|命|いのち|あの日)を[ \t　]*(?:決して|けっして|いつまでも)?[ \t　]*"
    r"(?:忘れ(?:ない|ません|ず)|風化させ(?:ない|ません|ず)|語り継)"
)
_HATE_CRIME = re.compile(r"事件|やまゆり園|相模原|ヘイトクライム|殺傷|襲撃|あの日")
_DISABILITY_CRIME = ("やまゆり園", "相模原")
# The crime blamed on the people the words are about: 「外国人による事件の犠牲者を追悼します」.
_CRIME_BLAMED = re.compile(r"による(?:事件|犯罪|被害)|のせい|が起こ[しすさ]|の犯行|の犯罪")


def _paragraph_start(doc: Document, pos: int) -> int:
    """Where the paragraph holding ``pos`` starts: after the last blank line before it."""
    blank = doc.text.rfind("\n\n", 0, pos)
    return 0 if blank < 0 else blank + 2


# The words condemned (not only named) after the sentence that quotes them: 「ヘイトスピーチは許されません」
# 「こうした言葉をなくしましょう」「その言葉が人を傷つけます」.
_WORDS_CONDEMNED = re.compile(
    r"ヘイト(?:スピーチ)?(?:は|を|に|の)?[、 \t　]*(?:決して|絶対に)?[ \t　]*(?:許され(?:ません|ない)|許さ(?:ない|ず)|許しません|なくし|なくそう|無くし|無くそう|解消|根絶|やめ|止め"
    # Not 「ノーベル」 nor 「反対派」, who are then spoken of (「ヘイトスピーチ反対派こそ差別主義者だ」).
    # 「ノーと言えるまちに」「ノーと言おう」 call on readers, as 「やめよう」 does.
    r"|(?:ノー(?![ァ-ヶー])|NO(?![A-Za-z]))(?:と言[えおい])?|反対(?!派|者|する人))"
    r"|(?:こうした|そうした|こういった|そういった|このような|そのような|こんな|そんな|この|その)[ \t　]*"
    r"(?:言葉|ことば|発言|言動|書き込み|ヤジ|やじ|考え方?|声|差別)(?:は|を|が|も|で)?[、 \t　]*(?:決して|絶対に)?[ \t　]*"
    r"(?:なくし|なくそう|無くし|無くそう|許され(?:ません|ない)|許さ(?:ない|ず)|許しません|(?:人|誰か|相手|当事者|多くの人)?(?:を|の心を)?[ \t　]*(?:深く)?傷つけ|使わない|言わない|あってはな[らり])"
    # Not said of those who speak so (「この言葉を言わない人は弱虫だ」), nor put in others' mouths (「…許されないと言うが」).
    # 「…許されないとは思いません」 denies it.
    r"(?![ \t　]*(?:人|者|やつ|奴|なんて|なんか|とか|と(?:は|も)?(?:言|い|思|考)|って|のか|のでしょうか|わけ))"
    r"|言葉(?:が|は)[ \t　]*(?:人|誰か|相手|当事者|多くの人)(?:を|の心を)[ \t　]*(?:深く)?傷つけ"
    # Named a wrong, then not allowed: 「このような書き込みはヘイトスピーチにあたり、許されません」.
    r"|(?:こうした|そうした|こういった|そういった|このような|そのような|こんな|そんな|この|その)[ \t　]*"
    r"(?:言葉|ことば|発言|言動|書き込み|ヤジ|やじ|投稿|表現)(?:は|も)[、 \t　]*"
    r"(?:ヘイト(?:スピーチ)?|差別|人権侵害|侮辱|名誉毀損|違法|犯罪)(?:に|へ)?(?:あたり|当たり|該当し|であり|で)[、, \t　]*"
    r"(?:決して|絶対に)?[ \t　]*(?:許され(?:ません|ない)|許しません|あってはな[らり])"
    r"(?![ \t　]*(?:なんて|なんか|とか|と(?:は|も)?(?:言|い|思|考)|って|のか|のでしょうか|わけ|[？?]))"
    r"|言葉の暴力"
)
# The meaning denied right after the quote: 「「高齢者は外出するな」という意味ではありません」「「…」ではなく、」.
# Not asked (「という意味ではありませんか」), which may ask readers to agree.
_MEANING_DENIED = re.compile(
    r"[ \t　]*(?:と(?:いう|いった)|って)?[ \t　]*(?:意味|こと|わけ|訳|話|趣旨)?[ \t　]*(?:では|じゃ)(?:ありません|ない|なく)"
    r"(?![ \t　]*(?:か|でしょうか|だろうか|です(?:よ)?ね|[？?]))"
)
# A voice passed on, then its contrary after a turn: the quote's own subject or matter (「外国人も」「外出は」)
# said to be of worth (`_OF_WORTH`), in the same sentence after 「が、」 or the next one.
_CONCEDING = re.compile(r"(?:が|けれど(?:も)?|けど)[、,]|(?:^|(?<=[。！!\s]))[ \t　]*(?:しかし|でも|ですが|けれども|ところが)[、,]?")
_OF_WORTH = re.compile(
    r"大切|大事|必要(?:です|だ|な|不可欠)|欠かせな[いく]|かけがえ|仲間|一員|隣人|(?:住民|市民)(?:です|だ|の一人|として)"
    r"|(?:共に|ともに)(?:暮ら|生き|支え|地域)|支え合|尊重|尊い|活躍|安心して暮ら|暮らしやす"
)
# Everyone as the topic, said to matter (「障害のある人もない人も、誰もが大切な存在です」): not 「必要」, which says
# nothing of the people.
_EVERYONE_TOPIC = re.compile(r"(?:誰|だれ)(?:もが|しも|も)|一人ひとり(?:が|は)|ひとりひとり(?:が|は)|みんな(?:が|は)")
_EVERYONE_OF_WORTH = re.compile(r"大切|大事|かけがえ|尊重|尊い|仲間|一員")
# Worth denied right after it: 「大切な住民ではありません」.
_WORTH_DENIED = re.compile(r"[^。、,！!？?\n]{0,8}?(?:ない|なく|ません|でしょうか|だろうか|のか|[？?])")
# What makes a 「大切」 after a voice a reason to act on it: 「外国人の犯罪対策も必要です」「管理が大切」.
_OF_WORTH_TURNED = re.compile(r"労働力|戦力|人手|働き手|道具|資源|税収|犯罪|治安|迷惑|規制|対策|取り締|取締|制限|排除|追放|帰国|減ら|管理|監視|確認|審査|通報|警戒|注意|ルール|マナー|守[らりるれっ]|従|日本人|日本国民|納税者|我々|自分たち")
# Taking the quote's side anywhere in the frame, or waving the frame away: 「本当にそう思う」「犯人は正しかった」
# 「追悼なんて偽善だ」「気持ちはわかる」.
_FRAME_UNDONE = re.compile(
    r"その(?:通り|とおり)|同感|賛成|共感|同意|正論|本音|(?:本当|ほんと|マジ)に?そう(?:思|だ|です)|まさに|よく言った|言う(?:通り|とおり)"
    r"|正しかった|(?:は|が)正しい|一理|もっとも(?:だ|です|な)|当然(?![、,の]|[ \t　]*(?:許|認め))|当たり前(?![、,の])"
    r"|仕方(?:ない|が?ありません|がない)|しょうがない|(?<!」)(?:なんて|なんか)|綺麗ごと|きれいごと|キレイゴト|偽善|建前|無意味|くだらな|茶番"
    r"|気持ち(?:は|も)?(?:よく)?(?:分か|わか)る|わからなくも|分からなくも|言い過ぎ(?:では|じゃ)な|事実(?:です|だ)|現実(?:です|だ)"
    r"|不要|必要(?:は|も)?(?:ない|ありません)|(?:やっと|ようやく|堂々と|はっきり)言え|言ってやり|言いたい(?!こと)|代弁"
    # Turned back after the frame: 「でも、やっぱり帰ってほしい」.
    r"|(?:でも|しかし|けれど|けど|とはいえ|それでも)[、,]?[ \t　]*(?:やっぱり|やはり|正直|本当は|ほんとうは)"
    r"|(?:帰って|いなくなって|消えて|来ないで|出て(?:行|い)って)(?:ほしい|欲しい|もらいたい|ください|下さい)"
)


# The condemnation asked back or put in others' mouths in the rest of its sentence: 「ヘイトスピーチは許されません？」
# 「…許されませんって？笑わせる」「…許されません、と朝日新聞は言う」「ヘイトスピーチはやめろと言われる」.
_CONDEMNATION_TURNED = re.compile(
    rf"[^。！!\n]{{0,16}}?(?:[？?]|って|{_PUT_IN_MOUTHS}|と[^。、！!？?\n]{{0,10}}?(?:言|い)[うわっいえ]|と書)"
    # Lamented as the times (「ヘイトスピーチは許されない時代です。残念です」) or said to the post in the next sentence
    # (「…許されません。と言われたけど知るか」).
    r"|[ \t　]*(?:時代|世の中|風潮|空気|らしい|そうです|そうだ)|[。．][ \t　]*(?:と|って)"
)
# Scorn of the quote's people said by the post itself after the frame, which the rule does not read as a
# statement on its own: 「…という意味ではありません。でも外国人は嫌いです」「…許されません。外国人はゴミです」.
_SCORN_AFTER_FRAME = (
    r"[^。！!？?\n]{0,4}?(?:は|が|って|なんて|なんか)[^。！!？?\n]{0,12}?"
    r"(?:嫌い|きらい|ゴミ|ごみ|クズ|くず|悪い|負担|お荷物|邪魔|害|不要|いらない|要らない|消え|死ね|黙|迷惑|汚い|怖い|犯罪者|出て(?:い|行)|帰[れるっ])"
    r"(?![^。！!？?\n]{0,6}?(?:ない|ません|なく|でしょうか|だろうか|[？?]))"
)
# The perpetrator mourned or praised instead of the victims: 「犯人のご冥福をお祈りします」「犯人は英雄です」.
_PERPETRATOR_HONOURED = re.compile(
    r"(?:犯人|加害者|被告|容疑者|死刑囚|植松)(?:の|に|へ|を|は|が|こそ)[^。！!？?\n]{0,12}?"
    r"(?:冥福|追悼|悼|命の|感謝|英雄|尊敬|敬意|偉|勇気|立派|正義|よくやった|ありがと)"
)
# Sarcasm that takes back what it follows: 「…大切な住民です（笑）」「…なくしましょう（棒）」「嘘ですけど」.
_MOCKED = re.compile(
    r"[（(][ \t　]*(?:笑|爆笑|棒|嘘|皮肉|ｗ)|ｗ{2,}|笑わせ|(?:嘘|うそ|ウソ|冗談)(?:です|だ|でした|ですけど|だけど)"
    r"|なら結構|構わない|かまわない|だから言う|(?:命|いのち)(?:は|が|なんて|など)[^。！!？?\n]{0,6}?軽"
    # Mourning refused or feigned, the crime praised or wished again: 「ご冥福をお祈りしません」「冥福を祈るふりを
    # しよう」「あれは正義だった」「また起きればいい」.
    r"|(?:祈|悼|追悼|黙とう|黙祷)[^。！!？?\n]{0,4}?(?:しません|しない|りません|らない|みません|まない)"
    r"|(?:る|た|の)(?:ふり|フリ)(?:を|して|だ)|(?:は|が)正義|正義だ|(?:起き|起こ|起これ)(?:れ)?ば(?:いい|良い|よい)"
)


_LISTED_QUOTES = re.compile(r"(?:[、・ \t　]*「[^」\n]{0,40}」)*")


def _frame_says_worse(doc: Document, opening: int, closing: int, start: int, end: int) -> bool:
    """Whether the frame [start, end) after the quote says a hateful statement itself, quoted or not: the
    「ではなく」 that says worse (「…ではなく「障害者は施設にいろ」です」「…ではなく、障害者は社会の負担です」) or a
    statement after the frame (「…ヘイトスピーチは許されません。でも外国人は嫌いです」). Quotes listed right after this
    one (「「女性だから」「男性なのに」。」) are named with it, not said."""
    listed = _LISTED_QUOTES.match(doc.text, start, end)
    start = listed.end() if listed is not None else start
    frame = doc.text[start:end]
    if _says_a_statement(frame):
        return True
    keys = _quote_keys(doc, opening, closing)
    return any(re.search(re.escape(key) + _SCORN_AFTER_FRAME, frame) for key in keys)


# Bounded: the frames of one draft repeat (「うつ病は甘え。」 written 5,000 times reads the same next sentences after
# each), and across drafts a server sees new ones for years.
@lru_cache(maxsize=256)
def _says_a_statement(text: str) -> bool:
    """Whether ``text``, read as a draft of its own, says a hateful statement (the frame after a quote, which
    `_frame_says_worse` reads for each statement: the text alone decides)."""
    frame = Document(text)
    return next(iter((*_group_statements(frame), *_verdicts(frame), *_wished_away(frame), *_blamed_for_crime(frame))), None) is not None


def _frame_after(
    doc: Document, opening: int, closing: int
) -> tuple[tuple[int, int], tuple[int, int] | None, int] | None:
    """The frame after the statement from ``opening`` to ``closing`` (its 」, or the character right after it when
    unquoted): its sentence, the next one of its paragraph and where the frame read ends, or None when anything in
    it takes the statement's side (`_FRAME_UNDONE`, `_DEFENDED`, …) or says such a statement itself."""
    sent = _said_sentence(doc, closing)
    # The sentence and the next ones of its paragraph, each read up to `_FRAME_REACH`.
    ends = [min(sent[1], closing + 1 + _FRAME_REACH)]
    nxt = None
    last = sent
    for _ in range(_FRAME_SENTENCES + 1):
        after = doc.next_in_paragraph(last[1])
        if after is None:
            break
        nxt = nxt or after
        ends.append(min(after[1], after[0] + _FRAME_REACH))
        last = after
    start = closing + 1
    end = ends[min(len(ends) - 1, _FRAME_SENTENCES)]
    # Read one sentence further for the side taken: 「…」。事件から8年。今でもその通りだと思う。
    if any(p.search(doc.text, start, ends[-1]) for p in (_FRAME_UNDONE, _DEFENDED, _CRIME_BLAMED, _PERPETRATOR_HONOURED, _MOCKED)):
        return None
    if _frame_says_worse(doc, opening, closing, start, ends[-1]):
        return None
    # The escalation a frame may hide: 「…という意味ではなく、本当に出ていってほしいのです」. Quotes listed right
    # after this one (「「外国人は出ていけ」「障害者はいらない」。こうした言葉をなくしましょう。」) are named with it,
    # each framed on its own.
    listed = _LISTED_QUOTES.match(doc.text, start, end)
    named_to = listed.end() if listed is not None else start
    if any(matcher("discrimination.txt", name).find(doc, within=(named_to, end)) for name in ("exclusion", "exclusion_next", "verdict")):
        return None
    return sent, nxt, end


def _quote_condemned(doc: Document, opening: int, closing: int) -> bool:
    """Whether the statement quoted in 「」 from ``opening`` to ``closing`` (its 」) is framed, after it, as
    words to oppose or remember (above), in the rest of its sentence and the next two of its paragraph."""
    frame = _frame_after(doc, opening, closing)
    if frame is None:
        return False
    sent, nxt, end = frame
    start = closing + 1
    # Mourning for the victims of the crime the words drove, named in the frame or before the quote in its
    # paragraph (「【相模原事件から8年】」): not 「戦争の犠牲者を追悼します」 after the words, which mourns others.
    crime = _HATE_CRIME.search(doc.text, start, end) or _HATE_CRIME.search(
        doc.text, max(_paragraph_start(doc, opening), opening - _FRAME_REACH), opening
    )
    # The 相模原 victims mourned after words about other people (「「外国人は出ていけ」。相模原事件の犠牲者を
    # 追悼します」) mourn them, not the quote's targets: that crime answers words about disability only.
    if crime is not None and crime.group() in _DISABILITY_CRIME and "障" not in doc.text[opening:closing]:
        crime = None
    if crime is not None and _COMMEMORATED.search(doc.text, start, end):
        return True
    # Not the call put in others' mouths and answered: 「こうした言葉をなくしましょう、と言う人がいますが、…」.
    condemned = _WORDS_CONDEMNED.search(doc.text, start, end)
    if (
        condemned is not None and _CALL_OFF_UNDONE.match(doc.text, condemned.end(), end) is None
        and _CONDEMNATION_TURNED.match(doc.text, condemned.end(), end) is None
    ):
        return True
    if _MEANING_DENIED.match(doc.text, start, sent[1]):
        # Not said again as a request to the same people: 「…という意味ではありません。高齢者は家にいてください。」
        keys = _quote_keys(doc, opening, closing)
        return not any(
            re.search(re.escape(key) + r"[^。！!？?\n]{0,4}?(?:は|には)" + _RESTATED_REQUEST, doc.text[start:end])
            for key in keys
        )
    return _contrary_after(doc, opening, closing, sent, nxt)


# Held back, kept home or sent away, and asked for: 「高齢者は家にいてください」「外国人は帰るべきです」. Not
# 「高齢者の方は、体調に合わせてお出かけください」.
_RESTATED_REQUEST = (
    r"[^。！!？?\n]{0,24}?(?:控え|避け|やめ|止め|しない|せず|するな|家に|家で|自宅|出ない|出歩かない|来ない|遠慮|帰|出て(?:行|い)|いなく)"
    r"[^。！!？?\n]{0,12}?(?:ください|下さい|べき|ほしい|欲しい|なさい|しろ|せよ|ましょう|もらい)"
)


def _quote_keys(doc: Document, opening: int, closing: int) -> list[str]:
    """The nouns of the quote, runs of them joined (「外国人」「高齢者」「外出」), of two characters or more."""
    keys: list[str] = []
    run = ""
    for k in doc.token_range((opening + 1, closing)):
        t = doc.tokens[k]
        if t.pos == "名詞" and t.pos2 not in ("数詞", "代名詞"):
            run += t.surface
            continue
        if len(run) >= 2:
            keys.append(run)
        run = ""
    if len(run) >= 2:
        keys.append(run)
    return keys


def _contrary_after(doc: Document, opening: int, closing: int, sent: tuple[int, int], nxt: tuple[int, int] | None) -> bool:
    """Whether a voice passed on (`_PASSED_ON`) is answered by its contrary: after a turn in its sentence
    (「…という声もありますが、外国人も大切な住民です」) or in the next (「…という声を聞きます。外国人も大切な住民です」),
    the quote's subject or matter as the topic, said to be of worth, and nothing in that clause that turns the
    worth against the people (`_OF_WORTH_TURNED`: 「外国人の犯罪対策も必要です」)."""
    passed = _PASSED_ON.match(doc.text, closing)
    if passed is None:
        return False
    clauses = []
    turn = _CONCEDING.search(doc.text, passed.end(), sent[1])
    if turn is not None:
        clauses.append((turn.end(), sent[1]))
    if nxt is not None:
        clauses.append(nxt)
    keys = _quote_keys(doc, opening, closing)
    for a, b in clauses:
        clause = doc.text[a : min(b, a + _FRAME_REACH)]
        if _OF_WORTH_TURNED.search(clause):
            continue
        # The key may head a compound: 「外国人住民も」.
        topic = next((m for key in keys if (m := re.search(re.escape(key) + r"[一-龥ァ-ヶー]{0,4}(?:に|で)?(?:は|も|が|こそ)", clause))), None)
        worth = _OF_WORTH.search(clause, topic.end()) if topic is not None else None
        if worth is None and (everyone := _EVERYONE_TOPIC.search(clause)) is not None:
            worth = _EVERYONE_OF_WORTH.search(clause, everyone.end())
        # Nor the worth put in others' mouths and answered: 「…大切な住民です、と言う人がいますが、違います」.
        if worth is not None and not _WORTH_DENIED.match(clause, worth.end()) and not _CALL_OFF_UNDONE.match(clause, worth.end()):
            return True
    return False


# A health or human-rights post lists myths, one a line, under a heading that names them such (「よくある誤解」
# 「こんな思い込みはありませんか」) or above a line that says all of them are wrong (「どちらも誤りです。」
# 「いずれも誤解です」), in the same paragraph: 「よくある誤解\n・うつ病は甘え\n・ひきこもりは本人の責任\n
# どちらも誤りです。」. Not the word denied (「誤解ではありません」「間違いない」).
_MYTH_WORDS = (
    r"(?:誤解|思い込み|思いこみ|偏見|迷信|俗説|誤った(?:認識|イメージ|考え)|間違った(?:認識|イメージ|考え)|間違い|誤り)"
    r"(?!では|じゃ|でも|でな|とは|なんか|なんて|な[いくし]|あり(?:ません|え|得)"
    # Possessive: two runs of spaces with nothing between would be tried at every split (「どちらも誤解」 and
    # 40,000 spaces took 30 s).
    r"|[ \t　]*+(?:です|だ)?[、！!]?[ \t　]*+(?:と(?:言|い|騒|叫|呼|思わ|され)|なんて|って))"
)
# The heading names the myths (「よくある誤解と正しい理解」「精神疾患への偏見をなくしましょう」「よくある誤解Q&A」),
# not a myth word in a phrase that owns the list (「誤解を恐れずに言います」「偏見かもしれませんが」「誤解されがちな
# 真実」「独断と偏見」「偏見上等」「誤解のないように言っておきます」): those are set aside by name, the heading kept as
# free as 77f1569 had it, since the ways a health or human-rights post heads its list are many.
_MYTH_HEADING = re.compile(
    r"(?m)^[ \t　]*[【［\[■◆●]?"
    r"(?![^\n]{0,40}?(?:独断|私|わたし|僕|俺|個人的|本音|恐れ|かもしれ|されがち|上等|のないよう|ないように|言われよう))"
    rf"[^\n・\-]{{0,12}}?{_MYTH_WORDS}[^\n]{{0,16}}$"
)
# The line ends on the verdict: not 「どちらも誤解されがちですが、本当のことです」.
_ALL_WRONG = re.compile(
    r"(?m)^[ \t　]*(?:どちらも|いずれも|どれも|これら(?:は|も)|これらは(?:すべて|全て|いずれも|どれも)|(?:上記|以上)(?:は|の(?:内容|例)は)(?:すべて|全て|いずれも|どれも)?)"
    rf"[、 \t　]*(?:よくある|大きな|根拠のない|根拠の無い|誤った)?{_MYTH_WORDS}"
    r"(?:(?:です|だ|である|でした)[よね]*)?[ \t　]*(?:[。！!]|$"
    # 「…誤解であり、事実ではありません。」「…誤解に基づくものです。」「…よくある誤解ですが、事実ではありません。」
    r"|(?:であり|ですが|だが)[、,]?[ \t　]*(?:事実|本当|真実)(?:では|じゃ)(?:ありません|ない)(?:です)?[。！!]?[ \t　]*$"
    r"|に基づ(?:く|いた)(?:もの|考え)?(?:です|だ|である)?[。！!]?[ \t　]*$)"
)
_LIST_ITEM = re.compile(r"[ \t　]*(?:[・\-‐•●■◆▪＊*]|[①-⑳]|\d{1,2}[.)）．])?[ \t　]*")
_MYTH_REACH = 200  # how far after a listed myth the post is read for taking its side


def _listed_as_myth(doc: Document, hit: Hit) -> bool:
    """Whether ``hit`` opens a line of a list of myths (`_MYTH_HEADING` above it or `_ALL_WRONG` below it,
    in its paragraph) and nothing after it in the paragraph takes its side."""
    line = doc.text.rfind("\n", max(0, hit.start - _MARK_REACH), hit.start) + 1
    if line == 0 and hit.start > _MARK_REACH:
        return False
    # The finding starts after the bullet, or at it when the statement was read through it (「・生活保護は甘え」).
    item = _LIST_ITEM.match(doc.text, line)
    if item is None or hit.start > item.end():
        return False
    # The paragraphs and the lines that name myths, found once: a draft may hold thousands of findings.
    found = doc.memo.get("myth_lines")
    if not isinstance(found, tuple):
        found = (
            [m.start() for m in re.finditer(r"\n[ \t　]*\n", doc.text)],
            [m.start() for m in _MYTH_HEADING.finditer(doc.text)],
            [m.start() for m in _ALL_WRONG.finditer(doc.text)],
        )
        doc.memo["myth_lines"] = found
    breaks, headings, verdicts = found
    k = bisect_right(breaks, line)
    start = breaks[k - 1] if k else 0
    end = breaks[k] if k < len(breaks) else len(doc.text)
    h = bisect_left(headings, start)
    headed = h < len(headings) and headings[h] < line
    v = bisect_right(verdicts, hit.end)
    judged = v < len(verdicts) and verdicts[v] < end
    if not (headed or judged):
        return False
    after = min(end, hit.end + _MYTH_REACH)
    return not (_DEFENDED.search(doc.text, hit.end, after) or _AGREED.search(doc.text, hit.end, after))


# A health or 多文化共生 post quotes the myth and asks whether it is true, to go on to the facts: 「「うつ病は
# 甘え」は本当でしょうか。」「「外国人が増えて治安が悪くなった」って本当？」. Only the plain question ending the
# sentence: 「…は本当ではないでしょうか」「…は本当だと思いませんか」 ask readers to agree.
_ASKED_IF_TRUE = re.compile(
    r"[」』]?[ \t　]*(?:は|って|というのは|というの|とは|、)[、 \t　]*(?:本当|ほんとう|ホント|ほんと|事実|真実|正しい)(?:に|なの|のこと)?"
    r"[ \t　]*(?:でしょうか|ですか|か)?[ \t　]*[？?]*[ \t　]*[。．.]?[ \t　]*"
)


# The question answered yes at the start of the next sentence, however it is put: 「もちろん本当です」
# 「（？の後）　本当です」「答えはイエスです」. 「本当ではありません」「本当ですか」 are no yes.
_TRUE_SAID_YES = re.compile(
    r"[\s　]*(?:(?:はい|ええ|うん|もちろん|まさに|確かに|実際|残念ながら)[、,！!]?[ \t　]*){0,3}"
    r"(?:(?:本当|ほんとう|ホント|事実|真実|正しい)(?:です|だ|なんです|なのです)(?![か？?])"
    r"|答えは[ \t　]*[「『]?(?:イエス|はい|YES|Yes|yes)(?![a-z]))"
)


def _questioned(doc: Document, hit: Hit) -> bool:
    """Whether ``hit``, quoted, is asked about in the rest of its sentence (`_ASKED_IF_TRUE`), and what
    follows in the paragraph does not answer yes or take its side (「はい、本当です」「その通りです」)."""
    quote = doc.enclosing_quote(hit.start, hit.end, 40)
    if quote is None:
        return False
    sent = _said_sentence(doc, hit.end - 1)
    q = _ASKED_IF_TRUE.match(doc.text, quote[1], sent[1])
    if q is None or q.end() != sent[1] or not any(c in doc.text[quote[1] : q.end()] for c in "かか？?"):
        return False
    # The answer is read in the next sentence even past a blank line: 「…は本当でしょうか。\n\nはい、本当です。」.
    after = doc.sentence_after(sent[1] - 1)
    end = sent[1] if after is None else min(after[1], after[0] + _REBUTTAL_REACH)
    return (not _took_its_side(doc, sent[1], end, sent[1]) and not _SIDED.search(doc.text, sent[1], end)
            and not _TRUE_SAID_YES.match(doc.text, sent[1], end)
            and (after is None or not _verdict_restated(doc, hit, after)))


# What keeps a sentence that repeats the verdict from asserting it: denied (「甘えではなく」「甘えとは違います」), turned
# (「甘えに見えることもありますが、」), seen or said rather than so (「甘えと言われがち」「甘えに見えます」), a wrong named
# (「甘えという誤解」), or asked.
# Read with `search` only: the order of the words does not matter.
_NOT_RESTATED = re.compile(
    _NOT_SAID
    + r"|と(?:も)?(?:言|い[うわ]|呼|され|思われ|考えられ|見な|捉え)|か[。．]?\s*$"
    # Leaning on others commended, not the verdict said again: 「周りに甘えることも、回復には大切です」.
    r"|ましょう|ください"
)
_RESTATED_REACH = 60


def _verdict_restated(doc: Document, hit: Hit, after: tuple[int, int]) -> bool:
    """Whether the sentence ``after`` a quoted verdict asked about repeats its words (each word of the verdict
    after the topic, by its first two letters: 甘エ of 「甘えている」) and asserts them: 「「うつ病は甘え」は本当
    でしょうか。実際、甘えている人が多いのです。」 answers yes without the word."""
    tokens = doc.tokens
    keys = [t.surface[:2] for t in _verdict_keys(doc, hit)]
    end = min(after[1], after[0] + _RESTATED_REACH)
    said = fold(doc.text[after[0] : end])
    if not keys or not all(k in said for k in keys) or _NOT_RESTATED.search(doc.text, after[0], end):
        return False
    # 「甘えだと自分を責めてしまう人もいます」 tells of a thought; only the post's own 「甘えだと思います」 says it.
    rest = [tokens[k] for k in doc.token_range((after[0], end))]
    for i, t in enumerate(rest):
        if t.surface == "ト" and t.pos == "助詞" and i and rest[i - 1].surface[:2] in keys + ["ダ", "デス"]:
            thought = i + 1 < len(rest) and rest[i + 1].lemma in ("思ウ", "考エル")
            if not thought or any(u.pos not in ("助動詞", "助詞", "補助記号", "空白") for u in rest[i + 2 :]):
                return False
    return True


# The names of the wrong a statement does, denied of it after it: 「「障害者はいらない」は差別ではありません」.
_WRONG_NAMES = re.compile(r"差別|偏見|ヘイト|誤解|思い込み|思いこみ|決めつけ|決め付け|間違い|誤り")


def _defended_after(doc: Document, hit: Hit) -> bool:
    """Whether the rest of the sentence after ``hit`` (after its 」 when quoted) denies it is a wrong
    (`_WRONG_NAMES` then `_DENY_DENIED`): an endorsement, even in 「」 in a draft about discrimination, which
    `_Taught` would otherwise read as a term taught about."""
    sent = _said_sentence(doc, hit.end - 1)
    quote = doc.enclosing_quote(hit.start, hit.end, 40)
    start = quote[1] if quote is not None else hit.end
    end = min(sent[1], start + _REBUTTAL_REACH)
    return any(
        _DENY_DENIED.match(doc.text, m.end()) or _DENY_DISMISSED.match(doc.text, m.end())
        for m in _WRONG_NAMES.finditer(doc.text, start, end)
    )


# A health or human-rights post sets a myth beside the fact, one a line, with the marks for wrong and right
# (「×うつ病は甘え」「○うつ病は治療が必要な病気です」). One mark only: 「××市民は」 is a name left out.
_WRONG_MARK = re.compile(r"[ \t　]*(?:[・\-][ \t　]*)?[×✕✖❌✗](?![×✕✖❌✗])[ \t　：:.]*")
_RIGHT_MARK = re.compile(r"(?m)^[ \t　]*(?:[・\-][ \t　]*)?(?:[○◯⭕]|〇)(?![○◯⭕〇])")


_MARK_REACH = 8  # a bullet, spaces and the mark before the statement


def _marked_wrong(doc: Document, hit: Hit) -> bool:
    """Whether ``hit`` opens a line marked wrong, beside a line marked right in the same paragraph."""
    # Looked for only near the finding, and the paragraphs' marks found once: a draft may hold thousands.
    reach = max(0, hit.start - _MARK_REACH)
    newline = doc.text.rfind("\n", reach, hit.start)
    if newline < 0 and reach > 0:
        return False
    line = newline + 1
    # The finding starts after the mark, or at it when the statement was read through it (「×外国人は出ていけ」).
    mark = _WRONG_MARK.match(doc.text, line)
    if mark is None or hit.start > mark.end():
        return False
    breaks = doc.memo.get("paragraph_breaks")
    rights = doc.memo.get("right_marks")
    if not isinstance(breaks, list) or not isinstance(rights, list):
        breaks = [m.start() for m in re.finditer(r"\n\n", doc.text)]
        rights = [m.start() for m in _RIGHT_MARK.finditer(doc.text)]
        doc.memo["paragraph_breaks"], doc.memo["right_marks"] = breaks, rights
    k = bisect_right(breaks, line)
    start = breaks[k - 1] if k else 0
    end = breaks[k] if k < len(breaks) else len(doc.text)
    r = bisect_left(rights, start)
    return r < len(rights) and rights[r] < end


# A human-rights post may set the prejudice down as a sentence of its own and take it up in the next:
# 「生活保護は甘え。そう思っていませんか。」「外国人はいらない。それは誤解です。」. Only the next sentence
# of the paragraph, opening with a word that points back to it and asking readers to look at their own
# belief, or naming it a prejudice. Not 「そう思いませんか」 (which asks them to agree), nor 「それは差別では
# ありません」 (which defends it).
_POINTER = r"(?:そう|こう|そんな|こんな|そのよう|このよう|そうした|こうした|その|この)(?:な|に|ふうに|風に)?[ \t　]*"
_REBUTTAL = re.compile(
    r"[ \t　]*(?:[―—…‥]+[ \t　]*)?(?:"
    rf"{_POINTER}(?:思|考|感じ)(?:って|て)(?:い)?(?:ませんか|ないでしょうか)"
    r"|(?:それ|これ|そんなこと|そのようなこと|こうした考え|そうした考え)(?:は|も)?[、 \t　]*"
    # The word said of the belief, not denied of it (「それは誤解なんかじゃない」「差別でも何でもない」「差別とは
    # 違う」), nor 「間違いない」「間違いありません」 (certainly), nor put in others' mouths (「偏見だと言われるが」).
    r"(?:(?:大きな|よくある|根強い|明らかな|単なる|全くの|まったくの|ひどい|根拠のない|根拠の無い|根拠なき|いわれのない|誤った|間違った)?"
    r"(?:誤解|偏見|思い込み|間違い|誤り|差別|ヘイト|デマ)"
    r"(?!では|じゃ|でも|でな|とは|なんか|なんて|ない|なく|あり(?:ません|え|得)"
    r"|[ \t　]*(?:です|だ)?[、！!]?[ \t　]*(?:と(?:言|い|騒|叫|呼|思わ|され)|なんて|って))"
    r"|事実ではありません(?!か)|本当でしょうか|正しいでしょうか)"
    r"|(?:本当|ほんとう)(?:に)?(?:そう|そうなの)でしょうか"
    # 「こうした偏見をなくしましょう」「このような思い込みを改めましょう」: named a prejudice by the word that
    # points back to it, and called to be done away with or said to hurt. Not the call refused (「この偏見を
    # なくす必要はない」「解消しなくていい」) nor put in others' mouths (「偏見をなくしましょう、と言う人も」).
    rf"|(?:そうした|こうした|そういった|こういった|そのような|このような|そんな|こんな|その|この)[ \t　]*"
    r"(?:(?:誤解|偏見|思い込み|決めつけ|決め付け|差別|ヘイト|デマ)(?:を|は|が|も|こそ)?[、 \t　]*"
    r"(?:なくし|なくそう|無くし|無くそう|解消し|改め|見直し|やめ|止め|持たない|傷つけ|傷付け"
    # 「こうした差別は許されません」; not 「…許されない、と言う人も」 nor asked (「許されないのでしょうか」).
    r"|(?:決して[ \t　]*)?許され(?:ません|ない)(?![ \t　]*(?:の(?:か|でしょうか|ですか)|でしょうか|か|[？?])))"
    # 「こうした考えを見直しましょう」, as 「という考え方を見直しましょう」 in its own sentence (`_DISCOURAGED`).
    r"|(?:考え方?|見方|意識)を[、, \t　]*(?:(?:改めて|もう一度|いま一度|今一度)[、, \t　]*)?(?:見直|考え直|改め(?!て(?!ください|下さい|ほしい|欲しい|いただ|頂|み|いき|いこ|いく|は|[、,]))))"
    rf"(?!{_NOT_CALLED_FOR})"
    # 「「うつ病は甘え」。そんな言葉はもうやめましょう。」: the words pointed back to and called off, as
    # 「…——そんな言葉はもうやめましょう」 in one sentence (`_SAYING_STOPPED`).
    r"|(?:そうした|こうした|そういった|こういった|そのような|このような|そんな|こんな|その|この)[ \t　]*"
    rf"(?:発言|言葉|ことば|言い方|書き込み|言動|ヤジ|やじ|悪口|レッテル貼り)(?:は|を|も){_STOP}(?!{_NOT_CALLED_FOR})"
    # 「いいえ、」 only going on to deny it: not 「いいえ、本当にいらない」.
    r"|いいえ[、。][ \t　]*(?:そんな|そういう|それは|違|誤解|偏見|決して)"
    r")"
)
# The belief pointed back to as one some hold (「そう思っている人もいるでしょう」「そんな声を耳にします」
# 「その言葉、」): a rebuttal only when that sentence or the next goes on to question it (「でも違います」
# 「しかし、それは偏見です」); 「そう思っている人は多いはずだ」 agrees.
_POINTED_BACK = re.compile(
    r"[ \t　]*(?:[―—…‥]+[ \t　]*)?"
    rf"{_POINTER}(?:(?:思|考|感じ)(?:って|て)(?:い)?る(?:方|人)|思い込(?:んで|み)|決めつけ|決め付け"
    r"|(?:声|言葉|考え|考え方|見方|イメージ|意見)(?:を|が|に|は|も|、))"
)
_QUESTIONS_IT = re.compile(
    r"ませんか|でしょうか|傷つ|誤解|偏見|差別|思い込み|間違い|誤り|事実ではありません|正しく(?:ありません|ない)"
    r"|根拠(?:が|は)?(?:ない|なく|ありません)|根拠のない"
    r"|でも|しかし|けれど|違います|違う"
)
_REBUTTAL_REACH = 40
# The same in an English post for foreign residents: 「Filipinos are lazy? Not true!」「Foreigners are criminals. That's
# a myth.」. Only a whole next sentence that calls the statement untrue: not asked (「Not true?」), not going on to
# what is untrue instead (「Not true that they work hard.」), not denied (「That's no myth.」「It's not a myth.」).
_EN_REBUTTAL = re.compile(
    r"(?i)[ \t]*(?:(?:no|nope|wrong)[ \t]*[,.!—–-]+[ \t]*)?"
    r"(?:(?:that|this|it)(?:'s|’s|[ \t]+is)[ \t]+(?:(?:simply|just|completely|totally|absolutely|so|a)[ \t]+)?)?"
    r"(?:not[ \t]+true|untrue|false|wrong|a[ \t]+myth|myth|a[ \t]+stereotype|a[ \t]+misconception|a[ \t]+prejudice"
    r"|prejudice|a[ \t]+lie|nonsense|fake[ \t]+news)"
    r"(?:[ \t]+at[ \t]+all)?[ \t]*[!.！。]*[ \t]*$"
)
# The vices of the English [exclusion] (「are lazy」…), as more of them follow in a list (`_EN_VERDICT_ON`) or a
# rebuttal is outbid with one (`_EN_SIDED`).
_EN_VICES = r"(?:criminals|thieves|liars|lazy|dirty|noisy|rude|violent|dangerous|stupid|filthy)"
# What takes the statement's side after the English rebuttal, as `_took_its_side` reads Japanese: 「Not true! Just
# kidding, they are.」「Not true? Yes it is.」.
# Or outbids it: 「Filipinos are lazy? False! They are even lazier.」「…Not true. They are criminals too.」.
_EN_SIDED = re.compile(
    r"(?i)\b(?:kidding|joking|jk|yes|yeah|i agree|agreed|so true|(?:it|that)(?:'s|’s|[ \t]+is)[ \t]+true|they[ \t]+really[ \t]+are"
    r"|worse|even[ \t]+(?:lazier|dirtier|noisier|ruder|filthier|stupider|more[ \t]+(?:lazy|dangerous|violent|rude|dirty))"
    r"|they(?:'re|’re|[ \t]+are)[ \t]+(?:(?:also|all|even|just|actually|in[ \t]+fact)[ \t]+)*" + _EN_VICES + r")\b"
)
# The words pointed back to, called off or to be rethought in others' mouths: 「そんな言葉はもうやめましょう、と
# 言う人がいますが、違います」. What follows answers those people, and so sides with the words.
_CALL_OFF_PUT_IN_MOUTHS = re.compile(
    r"[^。！!？?\n]{0,12}?(?:やめ|止め|見直|考え直|改め|なくそ|なくし|無くそ|無くし)[^。、,！!？?\n]{0,8}?"
    rf"[、, \t　]*{_PUT_IN_MOUTHS}"
)


def _rebutted_after(doc: Document, hit: Hit) -> bool:
    """Whether the sentence after the one that ends ``hit``, in the same paragraph, takes the statement
    up to question or correct it (`_REBUTTAL`, or `_POINTED_BACK` then `_QUESTIONS_IT`), as a
    human-rights post does, and what follows does not take its side (`_DEFENDED`, `_AGREED`)."""
    sent = _said_sentence(doc, hit.end - 1)
    after = doc.next_in_paragraph(sent[1])
    if after is None:
        return False
    reach = min(after[1], after[0] + _REBUTTAL_REACH)
    end = min(after[1], after[0] + 2 * _REBUTTAL_REACH)
    if (further := doc.next_in_paragraph(after[1])) is not None:
        end = min(further[1], after[1] + _REBUTTAL_REACH)
    if (m := _REBUTTAL.match(doc.text, after[0], reach)) is not None:
        # 「そう思っていませんか。私もそう思います。」「本当にそうでしょうか。はい、そうです。」: asked, then answered yes.
        return not _took_its_side(doc, m.end(), end, after[1]) and not _retracted(doc, m.end(), end)
    if (m := _EN_REBUTTAL.match(doc.text, after[0], after[1])) is not None:
        return _EN_SIDED.search(doc.text, m.end(), end) is None
    m = _POINTED_BACK.match(doc.text, after[0], reach)
    if m is None:
        return _rebutted_third(doc, after)
    if _took_its_side(doc, m.end(), end, after[1]) or _CALL_OFF_PUT_IN_MOUTHS.match(doc.text, m.end(), after[1]):
        return False
    if (q := _QUESTIONS_IT.search(doc.text, m.end(), end)) is not None:
        # 「…。そんな声を聞きました。こうした偏見をなくしましょう。でも事実です。」: questioned, then taken back.
        said = doc.sentence_at(q.start())
        nxt = doc.next_in_paragraph(said[1])
        if not _retracted(doc, q.end(), said[1] if nxt is None else nxt[1]):
            return True
    return _rebutted_third(doc, after)


# The turn that may open the rebuttal in the third sentence: 「しかし、それは誤解です」「でも、それは偏見です」.
_TURN_OPENING = re.compile(r"[ \t　]*(?:しかし|でも|ですが|だけど|けれども|けれど|ところが|とはいえ|実は|実際には)[、, \t　]*")


# A sentence leaning the statement's way, past what `_took_its_side` reads: 「本当にそう思います」「気持ちはわかります」
# 「一理あります」「共感します」「治安が悪くなるからです」. Not others' view reported (「そう思う人もいるかもしれません」),
# nor 「本当に悲しいです」「事実ではありません」.
_LEANS_ITS_WAY = re.compile(
    r"(?:そう(?:思|考え|感じ)|同感|同意|賛成|賛同|共感)(?![^。！!？?\n]{0,12}?(?:人|方)(?:も|が|は|たち))"
    r"|その(?:通り|とおり)|本当に(?:そう|その)|事実(?:です|だ)(?!で)|当然|当たり前|確かに|正しい|もっとも|一理|うなず|頷"
    r"|無理もな|言えて(?:る|い)|間違いな|異論(?:は|も)?(?:ありません|ない)|(?:私|僕|俺)も(?:です|だ|そう|同じ|思)|よく言った"
    r"|本音(?:です|だ)|気持ち(?:は|も)?[^。！!？?\n]{0,4}?(?:分|わ)か|(?:分|わ)か(?:る|ります)(?:よ|な|ね)*(?=[。！!]|$)"
    r"|から(?:です|だ)(?:よ|ね)*(?=[。！!]|$)"
)
# The same said alone: 「そうだ。」「まったくです。」.
_LEANS_ALONE = re.compile(r"[ \t　]*(?:そう(?:だ|です)|まったく(?:だ|です)|全く(?:だ|です)|ほんと(?:う)?(?:に)?そう)(?:よ|ね|な)*[。！!]?$")


# The condemnation taken back, in its own tail or the sentence after it: 「こうした差別は許されません、とは思いません」
# 「…なくしましょう（笑）」「…許されません。でも本音です」「…。冗談です」, and the words called unlawful then
# carried out another way (「…という張り紙は違法です。なので、口頭で断りましょう」): hate with a fig leaf. Not
# 「でも、まだこうした声はあります」「でも本当に悲しいことに」「本当の共生社会へ」「これが私の本音です」 (a turn is
# needed before 本音 or 本当, which alone may affirm the condemnation), nor an SNS comment quoted with its ｗ/（笑）
# (「「外国人いらないｗ」という書き込み」), 「冗談だって、言われた側は」「建前だけ」「本音を言える場」, a URL ending in /w,
# 「と思わない人もいます」, or 「だから、差別的な勧誘は断りましょう」「判断」「油断」 (the discrimination is what is refused).
_RETRACTED_TAIL = re.compile(r"[ \t　]*(?:です|だ)?[、,]?[ \t　]*(?:とは|なんて|と(?:は|も)?)[ \t　]*(?:思|考え)(?:いません|わない|わん|ません|ない|えません)(?![ \t　]*(?:か|[？?]|人|方|者|声|こと|場合))")
_RETRACTED = re.compile(
    r"(?<![A-Za-zＡ-Ｚａ-ｚ0-9/._=?&#%-])(?:[（(]笑[）)]|[wｗ]+|草)(?=[ \t　]*(?:[。！!\n]|$))"
    r"|冗談(?:です|だ|でした|だよ|だって)(?:よ|ね)*(?=[ \t　]*(?:[。！!\n]|$))"
    r"|冗談(?:です|だ|でした|だよ)(?:よ|ね)*(?=[ \t　]*[、,](?![ \t　]*(?:では|じゃ|で(?:は)?済|と(?:言|い))))"
    r"|(?:建前|たてまえ|タテマエ)(?:です|だ(?!け)|でした|に(?:すぎ|過ぎ))"
    r"|(?<=[。！!？?\n])[ \t　]*(?:な[ー〜～]*んて(?:ね|な)?|なんちゃって|とか(?:言|い)って(?:みたり|みる|みた))(?=[ \t　]*(?:[。！!ｗw\n]|$))"
    r"|(?<=[。！!？?\n])[ \t　]*(?:[…‥]+[ \t　]*)?(?:でも|だが|だけど|けど|けれど|しかし|ただ|とはいえ|まあ)[、,\s　]*(?:(?:正直|実際)[、,\s　]*)?"
    r"(?:(?:本音|本当|ほんと|ホント|事実|真実)(?:の(?:こと)?|なん)?(?:です|だ|でしょ)(?:よ|ね|けど)*(?=[ \t　]*(?:[。！!\n]|$))"
    r"|(?:本音|ホンネ)(?:は|を(?:言|い)(?:えば|うと|うなら))(?![^。！!？?\n]{0,16}?(?:と(?:いう|言う|思う)|って)(?:人|方|声)))"
    r"|(?<=[。！!？?\n])[ \t　]*(?:なので|だから|ですから|それなら|そこで|代わりに|かわりに)[、,\s　]*(?:(?!差別|偏見|勧誘|依頼|要求|誘い|不当|悪質|詐欺|いじめ|暴力|ハラスメント)[^。！!？?\n]){0,20}?"
    r"(?:(?<![一-龥々])断|追い出|追い返)(?:りましょう|りしましょう|りします|ろう|れ|ってください|ってね|ります|しましょう|そう|せ|します|る(?:べき|の(?:が|は)(?:いい|よい|良い|無難)))"
)


def _retracted(doc: Document, rebuttal_end: int, end: int) -> bool:
    """Whether the condemnation ending at ``rebuttal_end`` is taken back (`_RETRACTED_TAIL` right after it,
    `_RETRACTED` before ``end``, which reaches into the next sentence)."""
    return _RETRACTED_TAIL.match(doc.text, rebuttal_end, end) is not None or _RETRACTED.search(doc.text, rebuttal_end, end) is not None


def _leans_its_way(doc: Document, sent: tuple[int, int]) -> bool:
    return _LEANS_ITS_WAY.search(doc.text, *sent) is not None or _LEANS_ALONE.match(doc.text.rstrip("\n"), sent[0], sent[1]) is not None


def _rebutted_third(doc: Document, second: tuple[int, int], more: int = 1) -> bool:
    """Whether the sentence after ``second``, in the same paragraph, opens with a rebuttal (`_REBUTTAL`,
    after a turn), ``second`` being short and not taking the statement's side: 「うつ病は甘え。よく耳にする
    言葉です。しかし、それは誤解です。」「…。そう言う人がいます。でも、それは誤解です。」. Not 「…。私もそう思います。
    それは誤解ではありません。」. ``more``: how many further short sentences, none taking its side, may stand before
    the rebuttal (「障害者は迷惑だ。そんな声を聞きました。つらいです。こうした偏見をなくしましょう。」, a report and
    how it felt)."""
    if second[1] - second[0] > _REBUTTAL_REACH:
        return False
    third = doc.next_in_paragraph(second[1])
    if third is None:
        return False
    if _took_its_side(doc, second[0], second[1], second[1]) or _SIDED.search(doc.text, second[0], second[1]):
        return False
    # 「外国人はいらない。気持ちは分かります。こうした差別は許されません。」: agreed with before the rebuttal, which
    # then reads as said for form's sake.
    if _leans_its_way(doc, second):
        return False
    turn = _TURN_OPENING.match(doc.text, third[0], third[1])
    start = turn.end() if turn is not None else third[0]
    m = _REBUTTAL.match(doc.text, start, min(third[1], start + _REBUTTAL_REACH))
    if m is None:
        # The sentence between is the writer's own word on it: any leaning its way (「本当にそう思います」) ends it.
        return more > 0 and _rebutted_third(doc, third, more - 1)
    end = min(third[1], m.end() + _REBUTTAL_REACH)
    if (further := doc.next_in_paragraph(third[1])) is not None:
        end = min(further[1], third[1] + _REBUTTAL_REACH)
    return not _took_its_side(doc, m.end(), end, third[1]) and not _retracted(doc, m.end(), end)


# A statement the post passes on as what people say, in 「」 or not: 「「生活保護の人は甘えている」とのご意見を
# いただきました」「「外国人は出ていけ」という声を聞くことがあります」「生活保護は甘えだという意見もあります」.
_PASSED_ON = re.compile(
    r"[」』]?[ \t　]*(?:だ|です)?[ \t　]*[！!？?]?[、,]?[ \t　]*"
    r"(?:(?:と(?:の|いう|いった|言う|言った|する)?|って)[ \t　]*(?:ご|お)?"
    r"(?:声|意見|苦情|要望|指摘|発言|書き込み|投稿|主張|考え|言葉|コメント|手紙|メール|電話|相談)"
    # 「…という方針です」 is the employer's own, no one's words passed on.
    r"|と(?:言|い|話|考え|思っ|感じ)[^\s。、「」]{0,6}?(?:人|方(?![針法向式策面])))"
)
# What answers it: the statement named a prejudice (「しかし、それは差別です」「根拠はありません」), which says
# it against the statement by itself; an error or a wrong (「間違いです」「許されません」) after a turn
# (「しかし」「でも」), as 「外国人の犯罪は許されません」 may side with it, and so 「多くの方は…」; the right it denies, said of everyone
# or as the constitution's (「生活保護は憲法で保障された権利です」「誰もが地域で暮らす権利があります」), or
# after a turn, not 「日本人の権利が先です」. Not denied of it (「差別ではありません」「逆差別です」), nor put in
# others' mouths (「偏見だと言われますが」「差別と呼ぶのは」), nor 「間違いない」, nor 「権利などない」.
_ANSWER = re.compile(
    r"(?P<named>(?<!逆)(?:差別|偏見|誤解(?!さ)|思い込み|思いこみ|決めつけ|決め付け|ヘイト|デマ)"
    r"|根拠(?:は|が|の)?(?:ありません|ない|なく)|事実(?:ではありません|ではない|と異なります|と違います))"
    r"(?!では|じゃ|でも|でな|とは|なんか|なんて|な[いくし]|あり(?:ません|え|得)|ござ|わけ(?:では|じゃ|でも)|訳(?:では|じゃ|でも)"
    r"|[ \t　]*(?:です|だ)?[、！!]?[ \t　]*(?:と(?:言|い|騒|叫|呼|思わ|され)|なんて|って))"
    r"|(?P<right>権利|人権)(?![ \t　]*(?:など|なんて|なんか|は|が|も)?[ \t　]*(?:な[いくし]|ありません|不要|いらない|必要ない|先|優先))"
    r"|(?P<wrong>(?:誤り|間違い)(?:です|だ|でしょう)|許され(?:ません|ない)(?![ \t　]*(?:と|って|のか|のでしょうか)))"
    # 「しかし、多くの方はルールを守っています」: the verdict said of all, answered as true of a few.
    r"|(?P<most>(?:多く|ほとんど|大半|大多数)の(?:方|人|皆さん|皆様)は)"
)
_TURN = re.compile(r"しかし|でも|ですが|だが|けれど|けど|ところが|とはいえ|いいえ|もちろん|決して|[^\W\d_]が[、,]")
# Not 「国民」, which 「国民の権利を守るべきです」 says against the foreigners it was told to leave.
_EVERYONE_S = re.compile(r"憲法|保障|誰も|だれも|誰にでも|すべての|全ての|等しく|一人ひとり|ひとりひとり")
# A wrong said of the statement: its clause holds no more than a turn, a word pointing back to it and
# 「決して」 (「しかし、それは間違いです」「そのような発言は許されません」「決して許されません」), not a deed
# of the people's own (「外国人の犯罪は許されません」「外国人を優遇するのは間違いです」).
_WRONG_OF_IT = re.compile(
    r"[ \t　]*(?:(?:しかし|でも|ですが|だが|けれど|けど|ところが|とはいえ|いいえ)[、, \t　]*)?"
    r"(?:(?:それ|これ|そう(?:した|いった)|こう(?:した|いった)|その(?:ような)?|この(?:ような)?|そんな|こんな)"
    r"(?:考え方?|意見|声|発言|言葉|見方|主張|苦情|書き込み|投稿|決めつけ)?(?:は|も)[、, \t　]*)?"
    r"(?:決して[ \t　]*)?"
)
_WRONG_OF_IT_REACH = 32
# A right claimed for one side (「日本人誰もが安心して暮らす権利があります」), not for everyone.
_OURS = re.compile(r"日本人|日本国民|納税者|我々|われわれ|自分たち")
# The few answered then still sided with: 「でも、多くの方はそう感じています」「多くの方は迷惑しています」.
_MOST_AGREE = re.compile(r"そう|同じ|同様|迷惑|困|不安|感じ|思っ|賛成|同意|怖")
# Sided with anywhere after it is passed on, besides `_AGREED`: 「その通りだと思います」「当然です」「仕方ない」,
# and 「偏見だと言われますが事実です」「差別だと言う人もいますが、私は正しいと思います」 (not 「人口が増えて
# いるのは事実です」, said of something else, nor 「事実ではありません」).
_SIDED = re.compile(r"(?:(?<=[。、,が])|(?:私|わたし|僕|ぼく|自分)(?:は|も))[ \t　]*(?:正しい|事実|本当|真実)(?:です|だ|と(?:思|考え))|その(?:通り|とおり)|同感|賛成|当然(?![、,の]|[ \t　]*(?:許|認め))|当たり前(?![、,の])|仕方(?:ない|が?ありません|がない)|しょうがない")
# Given in, after the answer: 「しかし、それは差別です。とはいえ、一理あります」.
_CONCEDED = re.compile(r"一理|もっとも(?:だ|です|な)|(?:気持ち|言い分)(?:は|も)?(?:よく)?(?:分か|わか)る")
_ANSWER_SENTENCES = 2
_ANSWER_REACH = 160


def _passed_on(doc: Document, hit: Hit) -> re.Match[str] | None:
    """The words that pass ``hit`` on as what people say (`_PASSED_ON`), after its 」 when quoted."""
    quote = doc.enclosing_quote(hit.start, hit.end, 40)
    return _PASSED_ON.match(doc.text, quote[1] if quote is not None else hit.end)


# A citizen's comment or a complaint the post passes on unanswered: 「「外国人観光客はマナーが悪い」という苦情が
# 寄せられています」 still says it of every foreign visitor under the city's name.
_PASSED_ON_HINT = (
    "ご意見や苦情としてお伝えする場合も、公式アカウントがそのまま載せると、決めつけを広めることになります。"
    "続けて「しかし、それは誤解です」のように市の考えを示すか、「ごみのポイ捨てについて苦情が寄せられています」"
    "のように、人ではなく行いを書いてください。"
)


def _hinted(doc: Document, hit: Hit) -> Hit:
    """``hit``, told how to pass a comment on when it is one left unanswered (not one agreed with)."""
    if hit.message.endswith(_REWRITE) and _passed_on(doc, hit) is not None and _reply(doc, hit) is None:
        return replace(hit, message=hit.message[: -len(_REWRITE)] + _PASSED_ON_HINT)
    return hit


def _answers(doc: Document, m: re.Match[str], start: int) -> bool:
    """Whether the `_ANSWER` match ``m`` answers a statement passed on before ``start``."""
    if m.group("named") is not None:
        return True
    sent = doc.sentence_at(m.start())
    if m.group("wrong") is not None:
        # The clause the wrong is said in: after the last comma or the start of its sentence.
        lo = max(sent[0], start, m.start() - _WRONG_OF_IT_REACH)
        clause = max(lo, *(doc.text.rfind(c, lo, m.start()) + 1 for c in "、,"))
        if clause == lo and lo > max(sent[0], start):
            return False
        return _WRONG_OF_IT.fullmatch(doc.text, clause, m.start()) is not None
    if m.group("most") is not None:
        return (
            _TURN.search(doc.text, start, m.start()) is not None
            and _MOST_AGREE.search(doc.text, m.end(), min(sent[1], m.end() + _ANSWER_REACH)) is None
        )
    lo = max(sent[0], start, m.start() - _ANSWER_REACH)
    if _OURS.search(doc.text, lo, m.start()):
        return False
    if _TURN.search(doc.text, start, m.start()):
        return True
    # Near the right only: its sentence may run on for thousands of characters.
    return _EVERYONE_S.search(doc.text, max(sent[0], start, m.start() - _ANSWER_REACH), min(sent[1], m.end() + _ANSWER_REACH)) is not None


def _reply(doc: Document, hit: Hit) -> bool | None:
    """How the post replies to ``hit`` when it passes the statement on as what people say (`_PASSED_ON`),
    in the rest of that sentence or the next two of its paragraph: True when it answers it (`_ANSWER`),
    a human-rights post's 「…との声を聞きます。しかし、それは差別です」, and does not give in after
    (`_CONCEDED`); False when it sides with it (`_DEFENDED` anywhere there, or `_AGREED`, `_SIDED` before
    any answer: 「その通りだと思います」); None otherwise."""
    passed = _passed_on(doc, hit)
    if passed is None:
        return None
    sent = _said_sentence(doc, hit.end - 1)
    end = min(sent[1], passed.end() + _ANSWER_REACH)
    for _ in range(_ANSWER_SENTENCES):
        if end < sent[1] or (after := doc.next_in_paragraph(end)) is None:
            break
        end = min(after[1], passed.end() + _ANSWER_REACH)
    answers = [m for m in _ANSWER.finditer(doc.text, passed.end(), end) if _answers(doc, m, passed.end())]
    # 「しかし、それは差別です。私もそう思います」 agrees with the answer, not the statement.
    before = answers[0].start() if answers else end
    if _DEFENDED.search(doc.text, passed.end(), end) or any(p.search(doc.text, passed.end(), before) for p in (_AGREED, _SIDED)):
        return False
    if not answers:
        return None
    return _CONCEDED.search(doc.text, answers[-1].end(), end) is None


def _took_its_side(doc: Document, start: int, end: int, sentence_end: int) -> bool:
    """Whether [start, end) defends the belief or agrees with it (the sentence after the rebuttal's
    opens at ``sentence_end``, where 「はい、」 answers it)."""
    condoned = _CONDONED.search(doc.text, start, end)
    return bool(
        _DEFENDED.search(doc.text, start, end)
        or _AGREED.search(doc.text, start, end)
        or _ANSWERED_YES.match(doc.text, sentence_end, end)
        or (condoned is not None and _CONDONED_ANSWERED.search(doc.text, condoned.end(), end) is None)
    )


# The hurt or the words called unavoidable (「こうした言葉は人を傷つけますが、仕方ありません」): the post puts up
# with them. Not when it goes on to answer them (「そう感じるのは仕方ないかもしれません。しかし、それは偏見です」).
_CONDONED = re.compile(
    r"仕方(?:ない|が?ありません|がない|のない)|しかたない|しょうがない|やむを得(?:ない|ません)|やむをえ(?:ない|ません)"
    r"|(?<![な])構(?:わない|わん|いません)|(?<![な])かま(?:わない|わん|いません)"
)
_CONDONED_ANSWERED = re.compile(r"しかし|でも|ですが|けれど|けど|ところが|とはいえ|偏見|差別|誤解|思い込み|間違")


# 「それは差別ではありません」「偏見じゃない」: the belief defended, not questioned.
_DEFENDED = re.compile(r"(?:差別|偏見|誤解|間違い|誤り|思い込み)(?:では|じゃ)(?:ない|ありません|なく)")
# 「私もそう思う」「その通り」「でも、それが現実だ」: the belief agreed with after all. Not 「私も以前はそう思って
# いました」, a testimony.
_AGREED = re.compile(
    r"(?:私|わたし|僕|ぼく|俺|自分)も(?:そう|同じ(?:ように|く)?)(?:思(?:う|います)|考え(?:る|ます)|です|だ)|その(?:通り|とおり)(?:です|だ)?(?:[、。！!]|$)|同感|賛成"
    r"|実際(?:に)?(?:そう|その通り)|(?:それ|これ)(?:が|こそ)(?:事実|現実|本当|本音|真実)|(?:それ|これ)は(?:事実|現実|本当のこと|本音|真実)(?:だ|です|なの)"
)
# Not 「はい、と答えた人は3割でした」, a survey's figure.
_ANSWERED_YES = re.compile(
    r"[ \t　]*(?:(?:はい|ええ|うん|そうです|そうだ)[、。！!](?![ \t　]*と)"
    r"|(?:私|わたし|僕|ぼく|俺|自分)(?:は|も)(?:そう)?(?:思|考え)(?:って|て)?(?:います|いる|る|う|ます)[。！!])"
)


# A term shown in brackets: 「らい病」「えた・非人」, not a whole quoted speech; 『』 too, as a quote inside a quote or a
# heading's is written (「『車いすの子は入学できない』という差別は許されません」).
_QUOTE = re.compile(r"[「『]([^「」『』\n]{1,15})[」』]")


# The quoted slur used after all, the post's own scorn going on right after the quote to end the sentence:
# 「【人権週間】「女のくせに」生意気だ。」. Not reported (「「女のくせに」生意気だ、と言われた」「…生意気だ！と言われて
# 育った」), nor named (「「女のくせに」という言葉は…」).
_SCORNED_RIGHT_AFTER = re.compile(
    r"[ \t　]*(?:生意気|なまいき|ナマイキ|うざ|ウザ|むかつ|ムカつ|黙れ|だまれ|引っ込んで|ひっこんで|偉そう|えらそう"
    r"|でしゃばる?な|出しゃばる?な|調子に乗る?な|うるさい|図々しい|ずうずうしい)[^。！!？?\n、,「」]{0,6}?(?:[。！!]+|$)"
)


def _scorned_right_after(doc: Document, opening: int, closing: int) -> bool:
    """Whether the scorn of `_SCORNED_RIGHT_AFTER` follows the quote from ``opening`` to ``closing`` (its 」) and
    ends its sentence, not put in someone's mouth (`_SAID_ON`), condemned after (`_quote_condemned`: 「…生意気だ。
    こうした言葉が人を傷つけます」) nor pointed back at by the next sentence (「…生意気だ。そんな言葉を言われた経験は
    ありませんか」)."""
    m = _SCORNED_RIGHT_AFTER.match(doc.text, closing + 1)
    if m is None or _SAID_ON.match(doc.text, m.end()) or _quote_condemned(doc, opening, closing):
        return False
    after = doc.next_in_paragraph(m.end())
    return not (after is not None and _POINTED_BACK.match(doc.text, after[0]))


class _Taught:
    """Whether a discriminatory word or statement is named rather than used: shown in 「」 in a draft
    about discrimination (「かつて「らい病」と呼ばれ…差別を受けてきました」), or quoted as what someone
    says in a sentence warning against it (「「女のくせに」——何気ない一言が誰かを傷つけていませんか」)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._education: bool | None = None
        self._quotes: list[tuple[int, int]] | None = None
        self._lesson_named: bool | None = None
        self._lessons: dict[tuple[int, int], bool] = {}
        # Per sentence: whether it slurs or points at a place, and where its last word of meaning starts (-1: none,
        # or the meaning is neither a settlement's nor the term's).
        self._meanings: dict[tuple[int, int], tuple[bool, int]] = {}

    def named(self, hit: Hit) -> bool:
        doc = self.doc
        if self._education is None:
            self._education = any(w in doc.folded for w in load_sections("discrimination.txt").get("education", ()))
        if self._education:
            if self._quotes is None:
                self._quotes = [(m.start(1), m.end(1)) for m in _QUOTE.finditer(doc.text)]
            # Quotes do not nest or overlap: only the last one opening before the hit can hold it.
            k = bisect_right(self._quotes, (hit.start, len(doc.text))) - 1
            if k >= 0 and hit.end <= self._quotes[k][1] and not _scorned_right_after(doc, self._quotes[k][0] - 1, self._quotes[k][1]):
                return True
        return _reported(doc, hit.start, hit.end, lesson=True) or self._in_lesson(hit) or self._defined(hit)

    def _defined(self, hit: Hit) -> bool:
        """The word alone in 「」 as the topic of a sentence that says what it means (「「部落」は地域によって
        集落を指すこともあります」「「部落」という言葉は本来、集落の意味です」): the word explained, not used.
        Not when the same sentence tells people off or passes a verdict, even as the meaning (「「部落」は汚い
        所を指す」「「部落」は怖いところという意味だ」)."""
        doc = self.doc
        # Only the word with a sense of its own (a hamlet): 「「ガイジ」は〇〇さんを指す」 names someone by a slur.
        if fold(doc.text[hit.start : hit.end]) != fold("部落"):
            return False
        quote = doc.enclosing_quote(hit.start, hit.end, 1)
        if quote is None or quote != (hit.start - 1, hit.end):
            return False
        topic = _WORD_AS_TOPIC.match(doc.text, hit.end)
        # 「「部落」という言葉の意味を学ぶ講座」: the word's meaning as what is learnt, explained by the lesson.
        studied = topic is None and _WORD_STUDIED.match(doc.text, hit.end) is not None
        if topic is None and not studied:
            return False
        sent = doc.sentence_at(hit.start)
        if sent not in self._meanings:  # per sentence: one may hold thousands of the word
            # Not even as what the word is said to mean (「…は怖いところという意味だ」).
            ill = (
                _FORBIDDING.search(doc.text, *sent) is not None
                or _MEANT_ILL.search(doc.text, *sent) is not None
                or any(matcher("discrimination.txt", name).find(doc, within=sent) for name in ("exclusion", "verdict"))
                # Nor pointing at a district (「「部落」は〇〇町の××地区を指します」「…は〇〇市の一部を指します」):
                # naming where the places are is the harm itself.
                or _PLACEHOLDER.search(doc.text, *sent) is not None
                or (
                    _MEANT_AS_SETTLEMENT.search(doc.text, *sent) is None
                    and any(t.pos3 == "地名" and t.surface.endswith(_MUNICIPALITY) for t in (doc.tokens[k] for k in doc.token_range(sent)))
                )
            )
            # The meaning must be a settlement's or the term's own (集落・村・被差別部落): 「「部落」は、あの
            # 人たちが住む地域を指します」「…は穢れた地域を指します」 explain nothing.
            explained = not ill and _MEANT_AS_TERM.search(doc.text, *sent) is not None
            last_means = max((m.start() for m in _MEANS.finditer(doc.text, *sent)), default=-1) if explained else -1
            self._meanings[sent] = (ill, last_means)
        ill, last_means = self._meanings[sent]
        if studied:
            return not ill
        return topic is not None and last_means >= topic.end()

    def _in_lesson(self, hit: Hit) -> bool:
        """「部落」 in a sentence about what a lesson teaches, in a draft that names the lesson in
        another sentence (「部落差別をなくす人権学習会を開きます。部落の歴史について学びます。」): the
        [everyday] context of 部落 is otherwise read in its own sentence only."""
        doc = self.doc
        if fold(doc.text[hit.start : hit.end]) != fold("部落"):
            return False
        if self._lesson_named is None:
            # The whole draft: a post's heading (「【人権講座のお知らせ】」) often stands a blank line above.
            # The issue's name counts here too (「部落差別の解消に向けて。部落の歴史を学びます。」), though not
            # in the word's own sentence, where 「部落差別なんてない、部落の人は…」 would hide behind it.
            context = everyday_senses("discrimination.txt").get(fold("部落"))
            self._lesson_named = bool(_ISSUE_NAMED.search(doc.text)) or (
                context is not None and context.found(doc, (0, len(doc.text)))
            )
        if not self._lesson_named:
            return False
        sent = doc.sentence_at(hit.start)
        if sent not in self._lessons:  # per sentence: one may hold thousands of the word
            # Or the words reported as said to people (「部落の人とは付き合うなと親に言われた経験を持つ人もいます」
            # 「…と言われて育った人もいます」): the discrimination the lesson is about, recalled.
            self._lessons[sent] = (
                _LESSON.search(doc.text, *sent) is not None or _TOLD_WORDS.search(doc.text, *sent) is not None
            ) and not _said_against(doc, sent)
        return self._lessons[sent]


# The quoted word as what the sentence explains, and the words that say what it means.
_WORD_AS_TOPIC = re.compile(r"」[ \t　]*(?:という(?:言葉|語|呼び方)|の語)?[ \t　]*(?:は|とは)")
_MEANS = re.compile(r"指す|指し|意味")
_WORD_STUDIED = re.compile(
    r"」[ \t　]*(?:という(?:言葉|語|呼び方)|の語)の[ \t　]*(?:本来の)?(?:意味|由来|成り立ち|使われ方)[ \t　]*(?:を|について|や|と)"
)
# A meaning that slurs the place or its people.
_MEANT_ILL = re.compile(
    r"怖|こわ|恐ろし|汚|きたな|臭|くさ|危険|危な|近づ|近寄|避け|関わ|悪い|貧し|劣|穢|けが[れら]|卑し|いやし|賤|下層|底辺"
    r"|ヤバ|やば|あの人|あいつ|あの連中|よそ者|結婚"
)
# What the word may be explained as meaning: a settlement, or the term for the places discriminated against.
# A town named beside the settlement meaning is where the word is said so (「松本市などでは集落を指します」).
_MEANT_AS_SETTLEMENT = re.compile(r"集落|村|むら|ムラ|集まり|まとまり|共同体|地域社会|自治会|町内会")
_MEANT_AS_TERM = re.compile(rf"{_MEANT_AS_SETTLEMENT.pattern}|被差別|同和|差別")
_PLACEHOLDER = re.compile(r"[○〇◯×✕●◎△□■＊*]{2}")
_MUNICIPALITY = ("市", "区", "町", "村", "郡", "丁目", "地区")


# [deny]'s 「と言われ」「という言葉」 with who said it between: 「部落の人とは付き合うなと親に言われた経験を持つ人も
# います」「…、という親の言葉に苦しんだ人がいます」 report the words as 「…と言われて育った」 does.
_SAID_BY = re.compile(
    r"[、 \t　]*[」』]?[、 \t　]*(?:"
    # Who said it is a noun phrase (「親」「近所の人」), not a clause: 「外国人とは仲良くするように言われた」.
    r"(?:と|って)[、 \t　]*[^。！!？?\n「」、,はをがとよ]{1,8}?(?:に|から)[ \t　]*(?:言|い)われ"
    r"|という[ \t　]*[^。！!？?\n「」、,]{1,6}?の[ \t　]*言葉"
    r")"
)

def _said_against(doc: Document, sent: tuple[int, int]) -> bool:
    """Whether the sentence, though it names a lesson's words, tells people off or passes a verdict
    (「部落出身者は講座に来るな」「部落の歴史は汚い」「部落の人は学習しても無駄」), other than as what was said to
    them (「結婚するな、と言われた歴史を学びます」)."""
    ends = [m.end() for m in _FORBIDDING.finditer(doc.text, *sent)]
    for name in ("exclusion", "verdict"):
        ends += [x.end for x in matcher("discrimination.txt", name).find(doc, within=sent)]
    return any(not _SAID_TO_THEM.match(doc.text, end, sent[1]) and not _SAID_BY.match(doc.text, end, sent[1]) for end in ends)


# A prohibition (「来るな」「近づくな」), or a lesson said to be no use.
_FORBIDDING = re.compile(r"(?:[るくすうつぬむぶぐ]な(?:よ|や)?|無駄|むだ|必要(?:は|も)?ない|意味(?:が|は)?ない|怖い|こわい)(?![^\W_])")
_SAID_TO_THEM = re.compile(r"[、 \t　]*[」』]?[、 \t　]*(?:と(?:いう|言|い|書|教|呼|聞|思|され|考え)|など|なんて言葉)")


_ISSUE_NAMED = re.compile(r"部落差別|部落問題|部落史")
# Words someone was told (`_SAID_BY`, or with no one between): 「…と言われて育った」「…と親に言われた」. Not what
# 「…と言われています」 says is said of them, a rumour passed on.
_TOLD_WORDS = re.compile(
    rf"(?:{_SAID_BY.pattern}|(?:と|って)[ \t　]*(?:言|い)われ)(?:た|て(?:育|き|傷|悩|苦|悲|つら|辛))"
    r"|という[ \t　]*[^。！!？?\n「」、,]{1,6}?の[ \t　]*言葉"
)
# What a lesson's sentence says it teaches: 「部落の歴史について学びます」「部落の成り立ちを学ぶ講座」. Not
# 学校 (「部落の子は学校に来るな」), nor 差別 and 人権, which a slur's sentence says too.
_LESSON = re.compile(r"歴史|成り立ち|由来|起源|歩み|学ぶ|学び|学ん|学習|講演|講座|講義|講師|研修|展示|資料|授業|教材|パネル展")


# A group turned away in so many words, written right after it: 「外国人の方はお断りしています」
# 「外国籍の方の入居は不可」「外国籍の方への譲渡は不可です」「障害者の方は入店をご遠慮ください」. Not 「お断り」 elsewhere in the sentence: 「外国人観光客の方へ、予約のない
# 団体の入場はお断りしています」「高齢者の方へ：不審な勧誘はきっぱりお断りしましょう」 refuse something else.
# A comma may follow the topic: 「同性愛の方は、ご遠慮いただいております」.
# A school's and a nursery's own ways in (「外国人の子どもは入園できません」「障害のある子の入学はお断りします」): the
# 不当な差別的取扱い 障害者差別解消法 第7条 names for 教育・保育 as for any service.
_SERVICE = (
    r"(?:ご|お)?(?:参加|入居|利用|入場|入店|来店|申込み?|申し込み|応募|譲渡|契約|宿泊|採用|受験|入会|受け?入れ"
    r"|入園|入学|入所|登園|通園|入団|入部)"
)
# The children of a group, as a school's, a nursery's or a team's notice names them (「外国人の子どもは」「ひとり親家庭の
# 子は」「外国籍の児童は」).
_THEIR_CHILDREN = r"子ども|子供|こども|お子さん|お子様|児童|生徒|園児|子"
# Where the service refused is had, named before it: 「ハンセン病の元患者は、ホテルへの宿泊をお断りします」.
_REFUSED_PLACE = r"(?:ホテル|旅館|宿|施設|店舗|店|お店|当店|当館|当施設|温泉|浴場|会場)"
# Hiring refused, not asked about nor reported as another's words (「採用しないのですか」「採用しない、という企業」).
# Where one reports such an ad (「…企業があったら労働局へご相談ください」): the sentence points to the labour bureau
# and does not set the condition. Not 「労働局の指導は受けていません」, which names it without pointing there.
_HIRING_CONSULT = (
    r"(?:労働局|労働基準監督署|労基署|ハローワーク|雇用環境・均等(?:部|室))(?:等|など)?(?:へ|に|まで)[ \t　]*(?:ご|お)?"
    r"(?:相談|連絡|通報|問い合わせ|問合せ)(?:ください|下さい|を|して|しましょう|できます|いただけます)"
)
# The bureau pointed to only for an employer or ad met (「…企業があったら」「…求人を見つけた場合は」): an ad's own
# 「応募はハローワークへご連絡ください」 or 「ご不明な点は労働局へ」 still sets the condition.
_HIRING_REPORT = (
    r"(?:企業|会社|事業所|事業主|雇い主|雇用主|求人|職場|お店)[^。！!？?\n]{0,12}?(?:たら|れば|なら|場合|とき)"
    rf"[^。！!？?\n]{{0,20}}?{_HIRING_CONSULT}"
)
# The law's word against it, not denied: 「…という求人は違法です」, not 「…という方針は差別ではありません」.
# Nor the law declared not broken (「事務スタッフ募集（女性のみ、均等法に違反しません）」「法律上問題ありません」): a
# self-declared exemption is no exemption. 「均等法に違反しないよう、…」 teaches it still.
_HIRING_LAW_WORD = (
    r"(?:均等法|違法|違反|禁止され|認められ(?:ない|ません)|差別)(?![ \t]*(?:では|じゃ|でな|でもな))"
    r"(?![^。！!？?\n]{0,6}?(?:し(?:ません|ておりません|ていません|ない(?![ \t]*(?:よう|ため)))|に(?:は)?(?:なりません|ならない)"
    r"|に(?:は)?(?:あたり|当たり)(?:ません|ない)|では(?:ありません|ない)|じゃない|上?の?問題(?:は|も)?(?:ありません|ない|ございません)))"
)
_NOT_HIRED = (
    r"採用(?:は|を|も)?[ \t]*(?:(?:し|いたし|致し)(?:ません|ない)|(?:でき|出来)(?:ません|ない)|しておりません|しない)"
    # 「…採用しない、という方針です」 sets the condition as the employer's own policy, where 「…という企業がありました」
    # 「…という方針は違法です」 report or answer it.
    r"(?:(?=[ \t]*[、,]?[ \t]*という[ \t]*(?:方針|決まり|ルール|規定|社内規定)(?:です|だ|である|で(?:ございます|おります|運用|募集|採用)"
    r"|と(?:して|なって)(?:います|おります)|を(?:と|取)(?:って|り)))"
    r"|(?![ \t]*[、,]?[ \t]*(?:か|でしょうか|の(?:でしょうか|ですか|か|では)|ん(?:ですか|でしょうか|じゃ)|という|といった|との|とは"
    r"|と(?:言|い|考え|思)|なんて|[？?])"
    # Quoted and called unlawful (「「女性は採用しません」という求人は違法です」), or pointed to the labour bureau.
    rf"|[ \t]*[」』][ \t]*(?:という|といった|との|などの)[^。！!？?\n]{{0,30}}?{_HIRING_LAW_WORD}"
    rf"|[^。！!？?\n]{{0,20}}?{_HIRING_REPORT}))"
)
_REFUSED = re.compile(
    # 「生活保護受給者の方はお断り」「生活保護受給世帯の入居は不可」: the group named by what its people receive.
    r"(?:受給者|受給世帯)?"
    rf"(?:の)?(?:方|方々|皆さん|皆様|人|{_THEIR_CHILDREN})?(?:(?:の|への|に対する){_SERVICE})?(?:(?:は|も)[、,]?)?[ \t]*(?:(?:{_REFUSED_PLACE}への)?{_SERVICE}を?)?[ \t]*(?:お断り(?!\s*され)|不可(?!欠|能|避|解|思議|分|侵|逆)"
    # 「お断りされた経験はありませんか」 asks those turned away (a human-rights consultation).
    # 「ご遠慮ください」「ご遠慮いただいております」 turn them away politely; 「ご遠慮なく」 welcomes them.
    r"|ご遠慮(?!\s*(?:なく|無く|なさらず|せず|は(?:いりません|無用|不要)))"
    # 「外国人は入店禁止です」「外国籍の方の入居は禁止」: the notice on the door. Not 「…禁止されています」 (the law
    # reported) nor a compound it begins (「禁止事項」「外国人の方は禁止薬物の持ち込みにご注意ください」「障害者は
    # 禁止区域でも駐車できます」).
    r"|禁止(?![\u4e00-\u9fff\u30a0-\u30ff]|\s*(?:され|の))"
    # 「市外出身の方は採用しません」「外国人は採用できません」: the 就職差別 厚生労働省's fair-hiring guidance forbids.
    rf"|{_NOT_HIRED})"
    # 「お断りしません」「お断りすることはありません」「お断りいたしません」「不可ではありません」 welcome them.
    r"(?!\s*(?:は|も)?(?:し|いたし)(?:ません|ない|ていません|ておりません)"
    r"|\s*(?:する|いたす)こと(?:は|も)?(?:ない|ありません|ございません)"
    r"|\s*(?:では|じゃ|で)(?:ない|ありません|ございません))"
)

# A post the law keeps for Japanese nationals, with that reason in the sentence or the next: 「消防職は国籍要件がある
# ため、外国籍の方は採用できません」「外国籍の方は採用できません。公務員の国籍要件のためです。」 (公務員に関する当然の
# 法理), no 就職差別. Only for those named by nationality: no law keeps a post from 市外出身 or from women.
_NATIONALITY_REQUIREMENT = re.compile(r"国籍要件|国籍条項|日本国籍|公権力の行使|当然の法理")


def _nationality_required(doc: Document, sent: tuple[int, int], group: str, refused: str) -> bool:
    """Whether ``refused``, a refusal to hire ``group``, gives a nationality requirement as its reason."""
    if "採用" not in refused or not ("外国" in group or "国籍" in group):
        return False
    following = doc.next_in_paragraph(sent[1])
    return _NATIONALITY_REQUIREMENT.search(doc.text, sent[0], sent[1] if following is None else following[1]) is not None


# 「ご遠慮ください」 is also how an event keeps away those it could harm: 「妊娠中の女性はご遠慮ください」
# 「持病のある高齢者の方はご遠慮ください」 (a hot-yoga class, a mountain walk). Said for their health or
# safety, the condition is theirs, not their group. Nursing and just after birth as well (「妊娠中・授乳中の女性は
# がれきの撤去作業をせず、家で休んでください」); 授乳中, not 授乳: 「授乳室」 is a room, no one's condition.
_FOR_THEIR_SAKE = re.compile(r"妊娠|授乳中|産後|出産後|持病|体調|心臓|血圧|疾患|医師|健康上|安全上|安全のため|危険|けが|怪我|負担")
# Only of a group whose body such a reason can concern: 「安全のため、外国人の方の入店はご遠慮ください」
# 「安全上の理由により、外国籍の方の入居はご遠慮いただいております」 give a pretext, and a blanket refusal
# of disabled people 「安全のため」 is the unfair treatment 障害者差別解消法 names.
_BODILY_GROUPS = frozenset({"女", "女性", "高齢者", "老人", "年寄り"})
# A room kept for men, named in the sentence or the ones before it in its paragraph: there women are turned away
# by what the room is (「男性更衣室です。女性の方はご遠慮ください」「男性専用サウナのため、女性の方は、ご遠慮
# ください」), as 「女性専用車両です。男性の方はご遠慮ください」 turns men away.
_KEPT_FOR_MEN = re.compile(
    r"(?:男性|男子|男)(?:専用|用(?:の)?(?:更衣室|トイレ|浴場|浴室|脱衣所|サウナ|シャワー)|更衣室|トイレ|浴場|浴室|脱衣所|サウナ"
    r"|シャワー室|大浴場|寮)|男湯"
)
_KEPT_FOR_MEN_REACH = 200
# Rooms the sexes use apart by custom, where a room kept for men is a reason to turn women away.
_ROOM_REASON_MAX = 30  # 「男性専用です。」「こちらは男性用の更衣室です。」: the reason alone, not a new matter
_ROOM_FOR_ONE_SEX = re.compile(r"更衣室|トイレ|浴場|浴室|脱衣所|脱衣場|サウナ|シャワー|風呂|男湯|寮|寝室|就寝")
# What joins groups listed as one subject: 「高齢者・障害者」「外国人や障害者」「外国人、生活保護の方」.
_GROUP_JOIN = re.compile(r"[ \t]*(?:の方)?(?:[・、,/／]|や|と|及び|および|又は|または)[ \t]*")


# A job advertised for one sex (男女雇用機会均等法 第5条): 「除雪作業員（男性のみ）」「若い女性歓迎」. Only in a
# recruitment sentence: 「女性限定の健康講座」 is a seminar, and 「女性の応募も歓迎します」 is positive action.
_HIRING = guard(re.compile(
    r"求人|採用|急募|時給|月給|日給|給与|賃金|勤務|雇用|アルバイト|パート(?!ナー)|会計年度任用|"
    # 「事務職も女性のみ募集」「作業員は男性に限り募集」: the condition may stand between the job and 募集.
    # Not a club's, a choir's or a brigade's members (「バレー部員募集！女性のみ募集です」「男声合唱団、団員募集」
    # 「女性消防団員を募集します」: a 消防団 is no employer, and its women's unit is for women).
    r"(?:(?<![会部団])員|士|師|(?<![就転退求離休復])職|スタッフ)(?:を|の|も|は)?[ \t]*"
    r"(?:(?:男性|女性|男子|女子)(?:のみ|限定|に限る|に限り|だけ)(?:で|の)?[ \t]*)?募集"
))
# 「女性のみ募集します。」 with no job named: a recruitment limited to one sex reads as a job ad, unless the draft
# names what else is recruited (「ヨガ教室、女性のみ募集」「講座の参加者を募集します。女性のみ募集します。」).
_SEX_LIMITED_RECRUITMENT = re.compile(r"(?:男性|女性|男子|女子)(?:のみ|限定|に限る|に限り|だけ)(?:で|の)?[ \t]*募集")
_NOT_A_JOB = re.compile(
    r"参加|受講|講座|講習|教室|セミナー|研修会|検診|健診|会員|入会|入居|入寮生|モニター|イベント|ツアー|サークル|チーム"
    r"|選手|大会|出場|出展|出店|ボランティア|団員|部員|利用者|体験|ヨガ|交流|婚活|カフェ|シェアハウス|メンバー|里親|ホームステイ"
    # A city's groups and events: 「男性のみ募集：男声合唱団」「おやじの会」「母親学級」「お申し込みはフォームから」.
    r"|合唱|楽団|劇団|少年団|応援団|の会|婦人会|同好会|愛好会|学級|コンテスト|クラブ|申し?込|参加費|定員"
)
# The work itself named, whatever else the draft says (「女性のみ募集します。交流センターの受付業務です。」「カフェの
# 店員です」「介護のお仕事です」): a job ad still.
# Not a child's day of it nor a company's dormitory (「お仕事体験」「職場体験」「社員寮」).
_WORK_NAMED = re.compile(r"(?:お仕事|職場)(?!体験|見学)|業務(?:内容|です|を)|店員|社員(?!寮)|従業員|入社")
# A condition on who may apply, not a thing for one sex (「女性のみの世帯」「女性限定ヨガ教室」).
_ONE_SEX = re.compile(
    # Not a noun it qualifies (「女性のみの世帯」「女性限定ヨガ教室」), but 募集 itself (「事務職も女性のみ募集」).
    r"(?:男性|女性|男子|女子)(?:のみ|限定|に限る|に限り|に限ります|だけ)(?:(?=[ \t]*で?募集)|(?![の\u4e00-\u9fff\u30a0-\u30ff]))"
    r"|(?:若い|若手の)?(?:男性|女性)(?:大)?歓迎|(?:女性|男性)が望まし"
)
# 「女性の応募も歓迎」「女性も歓迎」 welcome one sex as well, as positive action does.
_ALSO_WELCOME = re.compile(r"(?:女性|男性)(?:の(?:方|応募|皆さん))?も(?:大)?歓迎")


# Jobs the law lets an employer give to women only (指針 平成18年厚生労働省告示第614号 第2の14(2)):
# 助産師, which 保健師助産師看護師法 第3条 defines as a woman (14(2)ロ), and attendants of a women's
# changing room or bath, for reasons of decency (風紀上, 14(2)イ③). Only when that job is the one the
# condition is written after, alone: 「看護師・助産師募集（女性のみ）」 limits the nurses too, and
# 「助産師外来の看護補助員を募集」 is another job. Not 女性相談員:
# no statute makes it a woman's job, and whether 14(2)イ③ covers it is for the approver to weigh.
_WOMEN_ONLY_JOB = re.compile(
    r"(?:(?<=[\s　【\[（(「。：:の])|(?m:^))(?:助産[師婦]|(?:(?:女子|女性用?)(?:更衣室|浴室|浴場)|女湯)"
    r"の?(?:係員?|担当者?|スタッフ|清掃員?|監視員))"
    r"(?:[（(](?:会計年度任用職員|非常勤職員|臨時職員)[）)]|[^\n。、・,，/／及と員士師職]){0,16}(?:。[ \t　]*)?$"
)
_JOB_REACH = 40
# Women recruited alone as the positive action the law allows where they are few (均等法 第8条, 指針 第2の14(1)),
# its ground stated in the draft: 「ポジティブ・アクションとして女性に限って募集します」「均等法第8条に基づき」. Not
# denied (「ポジティブ・アクションではありません」). Men recruited alone have no such ground.
_POSITIVE_ACTION = re.compile(
    r"(?:ポジティブ[・･\s　]?アクション|積極的改善措置|(?:均等法|機会均等法)[ \t　]*第?[8８]条)"
    r"(?![ \t　]*(?:で|じゃ)(?:は|も)?(?:ありません|ない|なく))"
)
# The sentence teaches the law against such an ad (「「女性のみ募集」は男女雇用機会均等法に反します」
# 「女性のみ募集の求人は法律違反です」), a 労働 or 男女共同参画 notice, not an ad.
# Not denied: 「男性は採用しませんが、差別ではありません」 says the condition and defends it.
_HIRING_LAW = re.compile(rf"{_HIRING_LAW_WORD}|{_HIRING_REPORT}")


# Said of a sex made a condition of a post, by `_men_not_hired` and `_gendered_hiring` alike.
_SEX_AS_CONDITION = (
    "は性別で応募者を限る表現です。男女雇用機会均等法により、募集・採用で性別を"
    "条件にすることはできません。性別に関わらない表現にしてください。"
)
# Men turned away from a post, as 「女性は採用しません」 is ([groups] 女性 and `_REFUSED`); 男性 is no [groups] word,
# so that 「男性の方はご遠慮ください」 (a women's class, a women-only car) stays unread: only the refusal to hire.
# Not 「長男」「次男」, nor 「男性保育士を採用しました」.
_MEN_NOT_HIRED = re.compile(rf"(?<![長次三嫡])(?:男性|男子|男)(?:の方|の方々|の人)?(?:は|も)[、,]?[ \t]*{_NOT_HIRED}")


def _men_not_hired(doc: Document) -> Iterator[Hit]:
    """Men refused a post (`_MEN_NOT_HIRED`), unless the sentence teaches the law against it (`_HIRING_LAW`) or
    opposes it, or the post is one the law gives to women only (`_WOMEN_ONLY_JOB`: 「助産師を募集します。男性は採用
    できません。」). Preferring women among those qualified (「女性を優先して採用します」), the positive action
    指針 第2の14(1) allows, refuses no one and is not read."""
    if "採用" not in doc.text:
        return
    deny = matcher("discrimination.txt", "deny")
    for m in _MEN_NOT_HIRED.finditer(doc.text):
        if doc.text.startswith("でした", m.end()):
            # 「今年度、男性は採用しませんでした（応募なし）」: a result told, no condition set for applicants.
            continue
        sent = _said_sentence(doc, m.start())
        if _HIRING_LAW.search(doc.text, *sent) or _opposed(doc, deny, sent, m.start()):
            continue
        if _WOMEN_ONLY_JOB.search(doc.text, max(0, m.start() - _JOB_REACH), m.start()):
            continue
        yield Hit(m.start(), m.end(), f"「{m.group()}」{_SEX_AS_CONDITION}")


def _gendered_hiring(doc: Document) -> Iterator[Hit]:
    if not _HIRING.search(doc.text) and (
        not _SEX_LIMITED_RECRUITMENT.search(doc.text)
        or (_NOT_A_JOB.search(doc.text) and not _WORK_NAMED.search(doc.text))
    ):
        return
    taught: dict[tuple[int, int], bool] = {}  # per sentence: one may hold thousands of conditions
    # Asked once of the draft, not per condition: a draft of thousands read the whole text for each.
    positive_action: bool | None = None
    for m in _ONE_SEX.finditer(doc.text):
        sent = doc.sentence_at(m.start())
        if sent not in taught:
            taught[sent] = _HIRING_LAW.search(doc.text, *sent) is not None
        if taught[sent]:
            continue
        if m.group().endswith("歓迎") and not m.group().startswith(("若", "男")):
            continue  # 「女性歓迎」 alone is the positive action the law allows for a job few women hold
        if _ALSO_WELCOME.match(doc.text, m.start()):
            continue
        if m.group().startswith(("女性", "女子")) and _WOMEN_ONLY_JOB.search(
            doc.text, max(0, m.start() - _JOB_REACH), m.start()
        ):
            continue
        if m.group().startswith(("女性", "女子")):
            if positive_action is None:
                positive_action = _POSITIVE_ACTION.search(doc.text) is not None
            if positive_action:
                continue
        yield Hit(m.start(), m.end(), f"「{m.group()}」{_SEX_AS_CONDITION}")


_ENGLISH_END = re.compile(r"(?i)[ \t]*(?:here|now|again)?[ \t]*[!.?！。]*\s*$")
_EN_VERDICT_ON = re.compile(
    r"(?i)(?:[ \t]*(?:,|&|and|,[ \t]*and)[ \t]+(?:all[ \t]+)?" + _EN_VICES + r"\b)*"
    r"(?:[ \t]*(?:here|now|again)?[ \t]*[!.?！。]*\s*$"
    r"|[ \t]*[,;:—–-][ \t]*(?:so[ \t]+)?(?:don't|don’t|do[ \t]+not|never)[ \t]+(?:trust|hire|believe|let|rent|marry|date|employ)\b)"
)
# Who the English vice is said of: the group right before its 「are」, named further by what they do or where they
# live (「Vietnamese workers are all thieves.」「The Brazilians in this town are lazy.」), not another subject after it
# (「Foreigners say Japanese workers are lazy.」「Foreigners tell us the trains are dirty.」).
_EN_SUBJECT_GAP = re.compile(
    r"(?i)(?:[ \t]+(?:workers|people|residents|immigrants|students|tourists|kids|children|men|women|guys|families))?"
    r"(?:[ \t]+(?:in|of|around|from|at)(?:[ \t]+[A-Za-z'-]+){1,2}?)?"
    r"(?:[ \t]+(?:here|really|truly|just|always|today|nowadays|these[ \t]+days))*[ \t]*,?[ \t]+"
)
# A count before the English group tells what people do, which an order never has: 「During the holidays, many
# foreigners go home.」「Over New Year, most Chinese go home.」 (「Foreigners go home!」「All foreigners, get out!」 order).
_ENGLISH_COUNT = re.compile(r"(?i)\b(?:many|most|some|few|several|numerous|lots of|a lot of|thousands of|millions of)[ \t]+$")


# The word that opposes such statements denied of the one in the sentence: 「「障害者はいらない」は差別では
# ありません」「外国人は出ていけ、は偏見とは言えない」 defend it. Not asked (「差別ではないでしょうか」「差別では
# ありませんか」「差別ではないのか」), which says it is, nor denied twice (「差別にならないはずがありません」).
_DENY_DENIED = re.compile(
    # The reader told not to say the words ([deny]'s 「なんて言わないで」「と言うのはやめ」「と言ってはいけ」) only when the
    # sentence ends there: 「…なんて言わないではいられない」「…と言ってはいけないのでしょうか」「…と言うのはやめられない」
    # side with them, and 「「…」と言わないでください、と言う人がいますが、…」 puts the call in others' mouths.
    r"(?:(?<=言わないで)|(?<=言わないように)|(?<=のはやめ)|(?<=てはいけ)|(?<=ちゃだめ))"
    r"(?!(?:ください|下さい|くださいね|ほしい(?:です)?|欲しい(?:です)?|ね|よ|ましょう|ません|ないよ|ないね|ない|な|しましょう"
    r"|して(?:ください|下さい)|てください|て下さい|よう|ようね|ようよ)?[ \t　]*(?:[。！!♪]|$|\n))|"
    r"[ \t　]*(?:では|じゃ|とは|には|に)[ \t　]*"
    r"(?:ない|なく|ありません|言えない|言えません|いえない|いえません|当たらない|当たりません|あたらない|あたりません|ならない|なりません)"
    r"(?![ \t　]*(?:か|でしょう|だろうか|のでは|の(?:か|です(?:か|よね)|[？?])|んですか|です(?:か|よね)|よね|よう|[？?]|(?:はず|わけ)が))"
    # Nor the denial put in others' mouths, to be answered: 「「外国人は出ていけ」は差別ではないと思っている人も
    # いますが、それは間違いです」「…は差別ではない、という主張は誤りです」. Not 「…は差別ではないと思います」,
    # nor the others' view sided with (「…は差別ではないという意見に賛成です」「…という声はもっともです」).
    r"(?![、, \t　]*(?:と|という|といった|って|とか|なんて|など)[^。！!？?\n]{0,12}?(?:人|方|者|意見|主張|声|考え|言い分|誤解|勘違い)"
    r"(?![^。！!？?\n]{0,6}?(?:(?:賛成|同意|共感|同感)(?!でき(?:ない|ず|ません)|し(?:ない|ません|かね))|もっとも|その通り|正しい(?!とは|と(?:は|も)?言|わけ|はず))))"
    # Nor one wrong set aside for a worse: 「「障害者は迷惑」は誤解ではなく偏見です」.
    r"(?![、, \t　]*(?:明らかな|単なる)?(?:差別|偏見|ヘイト|誤解|思い込み|決めつけ|決め付け|間違い|誤り|人権侵害))"
)


# The wrong named only as what others make a fuss of, and that called off or scorned: 「「障害者はいらない」を差別だと
# 騒ぐのはやめましょう」「…を偏見だと決めつけるのはおかしい」. The post sides with the words, as a denial does.
_DENY_DISMISSED = re.compile(
    r"[ \t　]*(?:だ|です|である)?[ \t　]*(?:と|って)[ \t　]*(?:すぐ(?:に)?|安易に|簡単に|一方的に|やたらと?|いちいち)?[ \t　]*"
    r"(?:騒|言|い|叫|決めつけ|決め付け|責め|呼|非難|批判|指摘|大騒ぎ|文句を言|クレームをつけ|レッテルを貼)"
    r"[^。、！!？?\n]{0,6}?(?:の|こと|人|方|連中)(?:は|を|も|たち|達)?[、 \t　]*(?:もう|いい加減|いいかげん)?[、 \t　]*"
    r"(?:やめ|止め|おかし|間違|行き過ぎ|大げさ|大袈裟|過剰|うんざり|くだらな|ばかげ|馬鹿げ|ナンセンス|迷惑|うるさ)"
)


# The week a human-rights post is for, conceded before words the sentence reports (`_concessions` drops such a
# concession): 「人権週間ですが、外国人は出ていけという落書きが見つかりました」「人権週間ですが、同和地区の人とは
# 結婚しないほうがいいと考える人もいます」 set the week against what is still said, as 「差別はいけませんが、…という
# 声は今もあります」 does. Said outright after it (「人権週間ですが、外国人は出ていけ」), the concession stands and the
# week opposes nothing; in a heading (「【人権週間】外国人は出ていけ、という声もあります」) it concedes nothing.
_OCCASION_CONCEDED = re.compile(
    r"(?:人権週間|人権月間|人権の日|人権デー|障害者週間|男女共同参画週間)(?:中|期間中|の期間中|の最中)?[ \t　]*"
    r"(?:です|だ|なの(?:です)?|である)?[ \t　]*(?:が|けど|けれど(?:も)?)[、,]"
)


# The statement, as the words of a sign or an ad, called unlawful: 「「外国人お断り」という張り紙は違法です」. Only
# quoted or named as words (「…という」): 「外国人は違法滞在ばかり」 calls the group so. Not denied nor asked.
_WORDS_CALLED_UNLAWFUL = re.compile(
    r"(?:[」』][ \t　]*(?:(?:という|といった|との|などの|の)[^。！!？?\n「」、,]{0,10}?)?|(?:という|といった|との|などの)[^。！!？?\n「」、,]{0,10}?)"
    r"(?:は|も)[、 \t　]*(?:法律上|明らかに|明確に)?(?:違法|法律違反|条例違反|法令違反)"
    r"(?![ \t　]*(?:では|じゃ|でな|でもな|か|でしょうか|なの(?:か|でしょうか)|[？?]))"
    # Nor conceded to (「…は違法ですが、気持ちは分かります」「…違法だけど、本音だよね」); 「…違法ですが、いまだに
    # 見かけます」 still calls them so.
    r"(?![ \t　]*(?:です|だ)?(?:が|けど|けれど|けども)[^。！!？?\n]{0,20}?"
    r"(?:気持ち|本音|(?:分|わ)か(?:る|ります)|仕方(?:ない|ありません|が)|しかたない|当然|一理|正し|同感|賛成|その(?:通り|とおり)))"
)


def _opposed(
    doc: Document, deny: WordMatcher, sent: tuple[int, int], said_at: int | None = None, told: bool = False
) -> bool:
    """Whether ``sent`` opposes the statements in it ([deny], `_SAID_BY`) with a word it does not deny
    (`_DENY_DENIED`) nor dismiss (`_DENY_DISMISSED`), and does not say they are deserved (`_SAID_FAIRLY`). With
    ``said_at`` (where the statement starts), a word conceded before it (`_conceded_until`) opposes nothing, and
    the week conceded before words reported (`_OCCASION_CONCEDED`) opposes them. ``told``: the caller found the
    words reported as told to someone without a word [deny] or `_SAID_BY` reads (「…ように言われた経験」)."""
    conceded = sent[0] if said_at is None else _conceded_until(doc, sent, said_at)
    opposing = [
        d for d in deny.find(doc, within=sent)
        if d.start >= conceded
        and not _DENY_DENIED.match(doc.text, d.end) and not _DENY_DISMISSED.match(doc.text, d.end)
        and not (doc.text[d.start].isascii() and _EN_DENY_DENIED.search(doc.text, max(sent[0], d.start - 16), d.start))
    ]
    # [deny]'s 「と言われ」「という言葉」… only report the words, as `_SAID_BY` does.
    unlawful = _WORDS_CALLED_UNLAWFUL.search(doc.text, conceded, sent[1])
    # 「「外国人お断り」の張り紙は違法です。でも本音です。」: called unlawful, then taken back.
    if unlawful is not None:
        nxt = doc.next_in_paragraph(sent[1])
        if _retracted(doc, unlawful.end(), sent[1] if nxt is None else nxt[1]):
            unlawful = None
    denied = any(doc.text[d.start : d.end] not in _DENY_REPORTING for d in opposing) or unlawful is not None
    reported = told or bool(opposing) or _SAID_BY.search(doc.text, conceded, sent[1]) is not None or (
        said_at is not None and _OCCASION_CONCEDED.search(doc.text, conceded, said_at) is not None
    )
    if not (denied or reported) or _SAID_FAIRLY.search(doc.text, *sent):
        return False
    # Agreed with after the statement, as a quote may be (`_AGREED_RIGHT_AFTER`): 「人権週間ですが、外国人は出ていけ
    # という声もありますが、その通りです」. Not the agreement of those the post answers (「…と思う人も」).
    agreed = _AGREED_RIGHT_AFTER.search(doc.text, said_at, sent[1]) if said_at is not None else None
    if agreed is not None and _AGREEMENT_OF_OTHERS.match(doc.text, agreed.end(), sent[1]) is None:
        return False
    if denied:
        # 「外国人は出ていけなんて言わないでください。でも本当です。」: told not to say it, and then told it is true.
        return not (
            all(_DENY_SAYING.search(doc.text, d.start, d.end) for d in opposing if doc.text[d.start : d.end] not in _DENY_REPORTING)
            and (_agreed_next(doc, sent) or _upheld_next(doc, sent))
        )
    # Words only reported, with no word against them, may be confirmed after 「が、」 or agreed with in the next
    # sentence: 「外国人は犯罪ばかりと言われていますが、事実です。」「同和地区の人とは結婚するなと親に言われた。その
    # 通りだと思う。」「人権週間ですが、外国人は出ていけという落書きが見つかりました。まったくその通りです。」 say the
    # words again.
    confirmed = said_at is not None and _REPORT_CONFIRMED.search(doc.text, said_at, sent[1]) is not None
    return not confirmed and not _agreed_next(doc, sent) and not (said_at is not None and _order_given_again(doc, sent, said_at))


# The order reported, by its verb: 「…とは付き合うなと言われた」「…には近づかないように言われた」 (the verb as it is
# said, 「付き合う」, or as its ない stem, 「近づか」).
_ORDER_REPORTED = re.compile(
    r"(?:と|に)(?:は|も)?[、 \t　]*(?:(?P<plain>[^。！!？?\n「」、,]{1,12}?[うくぐすつぬぶむる])な|(?P<stem>[^。！!？?\n「」、,]{1,12}?)ない[ \t　]*よう(?:に)?)"
    r"(?=[」』]?[、 \t　]*(?:と|って)?[、 \t　]*[^。！!？?\n「」]{0,10}?(?:言|い)われ)"
)
# The ない stem of a verb's plain form, by its last kana (「付き合う」→「付き合わ」, 「結婚する」→「結婚し」).
_NAI_STEM = str.maketrans("うくぐすつぬぶむる", "わかがさたなばまら")


def _order_given_again(doc: Document, sent: tuple[int, int], said_at: int) -> bool:
    """Whether the order ``sent`` reports as said to someone (`_ORDER_REPORTED`) is given again to the reader in the
    next sentence (`_advice_taken_up`): 「外国人とは付き合うなと言われた経験を持つ人がいます。付き合わないでください。」."""
    m = _ORDER_REPORTED.search(doc.text, said_at, sent[1])
    if m is None:
        return False
    if m.group("stem") is not None:
        return _advice_taken_up(doc, sent, m.group("stem"))
    plain = m.group("plain")
    stem = plain[:-2] + "し" if plain.endswith("する") else plain[:-1] + plain[-1].translate(_NAI_STEM)
    return _advice_taken_up(doc, sent, stem)


# A rumour passed on and confirmed in its own sentence: 「…と言われていますが、事実です」「…が、実際そうです」. Not
# asked (「…が、本当でしょうか」「…が、事実ですか」) nor denied (「…が、事実ではありません」).
_REPORT_CONFIRMED = re.compile(
    # Right after what is said of them: not 「…という落書きが見つかりましたが、本当です」, which confirms the finding.
    r"(?:(?:と|って)[ \t　]*(?:言|い)われ(?:て(?:い)?(?:ます|る)|る)|という(?:声|噂|うわさ|話)(?:も|が)?(?:あります|ある))"
    r"(?:が|けど|けれど(?:も)?)[、,][ \t　]*(?:それは|これは)?[ \t　]*(?:実際(?:に)?(?:その(?:通り|とおり)|そう)|事実|本当|真実)"
    r"(?:です|だ)(?![ \t　]*(?:か|と|ろう|[？?]))"
)


# What agrees with words reported, said in a sentence of its own: `_AGREED_RIGHT_AFTER` (not 「その通りにしてしまった」),
# the one who said them or the words called right (「親は正しい」「言葉はもっともです」), fact (「事実だ」), or thought so
# too (「私もそう思います」), or held to be so still (「今もそうあるべきです」「今もそうです」「そうすべきだ」). Not
# 「私もその一人です」「私もです」, which join those the words hurt, nor 「今もそうでしょうか」「そうあるべきではありません」
# 「今もそう思っている人がいます」, asked, denied or others'.
_AGREED_NEXT = re.compile(
    rf"(?!その(?:通り|とおり)に)(?:{_AGREED_RIGHT_AFTER.pattern})"
    r"|^[ \t　]*(?:(?:今|いま|現在|これから|この先)(?:も|でも)[、,\s　]*)?(?:やはり|やっぱり|ずっと|絶対に?)?[、,\s　]*"
    r"(?:そう|その(?:通り|とおり)|同じ)[ \t　]*(?:ある|する|す|であ(?:る)?|で)?べき"
    r"(?![ \t　]*(?:では|じゃ|でしょう|です?か|だろう|なの(?:でしょう|です)?か|か|と(?:は|も)?(?:言|い)う|という|[？?]))"
    r"|^[ \t　]*(?:今|いま|現在)(?:も|でも)[、,\s　]*(?:やはり|やっぱり)?[、,\s　]*(?:そう|その(?:通り|とおり))"
    r"(?:です|だ(?!ろう)|思(?:う|います))(?![ \t　]*(?:か|と(?:は|も)?(?:言|い)う|という|[？?]))"
    r"|(?:は|が|も)[ \t　]*(?:本当に|やはり|やっぱり)?(?:正し(?:い|かった)|もっとも)"
    r"(?![ \t　]*(?:とは|と(?:は|も)?言|わけ|はず|の(?:でしょう|だろう|です?か|か)|でしょう|です?か|か|[？?]))"
    r"|^[ \t　]*(?:(?:本当|ほんと|まさに)に?そう|事実|本当|真実|当然|当たり前|あたりまえ|(?:ご)?もっとも)(?:です|だ)(?![ \t　]*(?:か|と|[？?]))"
    r"|(?:私|わたし|僕|ぼく|俺)も[ \t　]*そう(?:思|考え)(?!います?か|う人)|よく言(?:って|っ)(?:くれ|た)"
    # Said again as the writer's own (「私もそう言います」「私も同じことを言っています」); not 「私もそう言われました」.
    r"|(?:私|わたし|僕|ぼく|俺)も[ \t　]*(?:そう|同じ(?:ことを|ように)?)[ \t　]*(?:言|い)(?:います|う|ってい(?:ます|る)|ってます|ってる)"
    r"(?=[ \t　]*(?:よ|ね)?[ \t　]*(?:[。！!]|$))"
)


# [deny]'s words that tell the reader not to say the words (「なんて言わないで」「と言うのはやめ」): of the saying, not
# of what is said, so the next sentence may still hold it true.
_DENY_SAYING = re.compile(r"(?:言|い)わないで|(?:言|い)わないように|(?:言|い)うのはやめ|(?:言|い)ってはいけ|(?:言|い)っちゃだめ")
# The words held true, after the call not to say them: 「でも本当です」「事実ですから」「本当のことだから」「その通りなんだから」.
_UPHELD_NEXT = re.compile(
    r"[ \t　]*(?:(?:でも|だが|だけど|けど|けれど|しかし|ただ|実際)[、,\s　]*)?(?:(?:本当|ほんと|実際)に[、,\s　]*)?"
    r"(?:本当|ほんと|事実|真実|その(?:通り|とおり)|当然|当たり前)(?:の(?:こと)?|なん)?(?:です|だ)(?![ \t　]*(?:か(?!ら)|と|ろう|[？?]))"
)


def _upheld_next(doc: Document, sent: tuple[int, int]) -> bool:
    """Whether the sentence after ``sent``, in its paragraph, holds true what ``sent`` told not to say."""
    nxt = doc.next_in_paragraph(sent[1])
    return nxt is not None and _UPHELD_NEXT.match(doc.text, nxt[0], nxt[1]) is not None


_DENY_REPORTING = frozenset(("と言われ", "という言葉", "といった言葉", "などの言葉", "という発言"))


def _agreed_next(doc: Document, sent: tuple[int, int]) -> bool:
    """Whether the sentence after ``sent``, in its paragraph, agrees with what ``sent`` reports (`_AGREED_NEXT`), as
    the post's own word rather than others' (`_AGREEMENT_OF_OTHERS`)."""
    nxt = doc.next_in_paragraph(sent[1])
    if nxt is None:
        return False
    agreed = _AGREED_NEXT.search(doc.text[nxt[0] : nxt[1]])
    return agreed is not None and _AGREEMENT_OF_OTHERS.match(doc.text, nxt[0] + agreed.end(), nxt[1]) is None


# The concessive particles that close a disclaimer: 「差別はいけませんが、障害者は迷惑です」「人権週間ですけど、
# 部落の人とは付き合うな」 grant the principle and then say the statement anyway, the main clause the post means.
_CONCESSIVE = frozenset(("ガ", "ケド", "ケレド", "ケレドモ", "ケドモ"))


# What the rest of the sentence reports rather than says: 「ヘイトスピーチは許されませんが、外国人は出ていけという
# 書き込みが今も見られます」 opposes the words it reports with the clause before, as 「…という声は今もあります」 does.
# Not the post's own saying: 「差別はいけませんが、外国人は出ていけと言いたい」「…と言います。」「…と叫びたい」.
_REPORTED_PAST_CONCESSION = re.compile(
    r"(?:と|って)[^。！!？?\n「」]{0,8}?(?:言|い[うわっ]|書|思われ|考えられ|され|呼|叫|決めつけ|決め付け)"
    r"(?![いきしびっ]?(?:たい|ます[。！!]|ましょう|てやる|てやり|う[。！!]|おう))"
    r"|といった|などの|などと|のような|という|なんて|なんか"
)


def _concessions(doc: Document, sent: tuple[int, int]) -> list[int]:
    """The ends of the concessive clauses of ``sent`` (「…ですが、」「…けど、」), in order, after which the sentence
    says rather than reports (`_PASSED_ON`, `_REPORTED_PAST_CONCESSION`)."""
    tokens = doc.tokens
    return [
        tokens[k].end for k in doc.token_range(sent)
        if tokens[k].surface in _CONCESSIVE and tokens[k].pos == "助詞" and tokens[k].pos2 == "接続助詞"
        and doc.text[tokens[k].end : tokens[k].end + 1] in ("、", ",", "，")
        and _PASSED_ON.search(doc.text, tokens[k].end, sent[1]) is None
        and _REPORTED_PAST_CONCESSION.search(doc.text, tokens[k].end, sent[1]) is None
    ]


def _conceded_until(doc: Document, sent: tuple[int, int], said_at: int, ends: list[int] | None = None) -> int:
    """The end of the last concessive clause of ``sent`` (`_concessions`, or ``ends`` when worked out already) before
    ``said_at``, or the sentence's start: the [deny] words before it are the disclaimer the statement overrides, not
    its rebuttal. After the statement they still answer it (「外国人は出ていけ、という声もありますが、それは偏見です」)."""
    ends = _concessions(doc, sent) if ends is None else ends
    k = bisect_right(ends, said_at)
    return ends[k - 1] if k else sent[0]


# The English [deny] word denied before it, as 「差別ではありません」 is after: 「That's no myth: foreigners are criminals.」
# 「It's not a stereotype: Filipinos are lazy.」「There is no discrimination in saying foreigners go home.」.
_EN_DENY_DENIED = re.compile(r"(?i)\b(?:no|not|isn't|isn’t|never|hardly)(?:[ \t]+(?:a|an|just|simply))?[ \t]+$")


# 「と言われ」 reports a statement (「「高齢者のくせに」と言われ、傷つきました」), and so opposes it; said to be
# deserved, it is the statement again: 「外国人は出ていけと言われても仕方ない」.
# Who said it may stand between (「…と親に言われても仕方ない」), and the words reported may be agreed with
# (「外国人は出ていけ、という言葉に賛成です」「…という市長の言葉に共感します」).
_SAID_FAIRLY = re.compile(
    r"と(?:[^。！!？?\n「」、,]{1,8}?(?:に|から))?(?:言|い)われ(?:ても|て)(?:も)?(?:仕方(?:ない|が?ありません|がない)|しょうがない|当然|当たり前)"
    r"|と(?:[^。！!？?\n「」、,]{1,8}?(?:に|から))?(?:言|い)われ(?:るべき|て(?:当然|当たり前))"
    r"|(?:という|といった|などの)[^。！!？?\n「」、,]{0,8}?(?:言葉|声|意見|考え方?|主張|発言|書き込み)に[ \t　]*(?:大いに|強く|心から)?"
    r"(?:賛成|同意|共感|同感)(?!でき(?:ない|ず|ません)|し(?:ない|ません|かね))"
    # Or called right: 「外国人は出ていけ、という言葉は正しい」「…という声が正しいと思います」.
    r"|(?:という|といった|などの)[^。！!？?\n「」、,]{0,8}?(?:言葉|声|意見|考え方?|主張|発言|書き込み)(?:は|が|も)[ \t　]*(?:本当に|やはり)?"
    r"(?:正し(?:い|かった)|正論|もっとも)(?![ \t　]*(?:とは|と(?:は|も)?言|わけ|はず|でしょう|です?か|か|[？?]))"
)


# Not as the topic itself: 「障害者専用は迷惑だ」 says it of what they are given for being who they are, as
# 「障害者は迷惑だ」 does. A comma goes on to the thing (「ここは障害者用、一般車の駐車は迷惑です」).
_FOR_THEIR_USE = re.compile(r"[ \t]*(?:用|向け|専用|優先)(?![ \t　]*(?:は|も|って|なんて|なんか|なんぞ))")


# 「外国人観光客はマナーが悪い！という声もありますが、多くの方はルールを守っています」: the 「！」 or 「？」 ends
# the sentence in the document's view, but the と or って right after it goes on with the same sentence,
# which reports the statement rather than saying it. Read as one sentence, as 「〜悪いという声も…」 is.
_SAID_ON = re.compile(r"[ \t　]*(?:と|って)")
_SAID_ON_RUNS = 3


def _said_sentence(doc: Document, pos: int) -> tuple[int, int]:
    """The sentence at ``pos``, run on past a 「！」「？」 that a quoting と or って follows."""
    sent = doc.sentence_at(pos)
    for _ in range(_SAID_ON_RUNS):
        if sent[1] >= len(doc.text) or doc.text[sent[1] - 1] not in "！？!?" or not _SAID_ON.match(doc.text, sent[1]):
            break
        after = doc.sentence_after(sent[1] - 1)
        if after is None or after[0] != sent[1]:
            break
        sent = (sent[0], after[1])
    return sent


_REWRITE = "表現を改めてください。"
# A group already named as people (「外国人」「〇〇町の人」「A市民」「沖縄出身者」) is not followed by 「の人々」:
# 「「東北の人」の人々」 says it twice. Children are no 人々 either: 「「障害児」の人々」「「発達障害の子」の人々」.
_PEOPLE_ENDINGS = (
    "人", "人々", "者", "民", "方", "方々", "連中", "ヤツ", "ヤツら", "やつ", "奴", "達", "たち", "客",
    "子", "子ども", "子供", "こども", "お子さん", "お子様", "児",
)


def _people(group: str) -> str:
    """The group quoted as the people the message speaks of: 「生活保護」の人々, but 「外国人」."""
    return f"「{group}」" if group.endswith(_PEOPLE_ENDINGS) else f"「{group}」の人々"
_DISABILITY = re.compile(r"障害|障がい|障碍|車いす|車椅子|医療的ケア")
_WHEELCHAIR = re.compile(r"車いす|車椅子")
# The facility's reason the sentence gives before the group: 「展望台は階段のみのため、」.
_FACILITY_REASON = re.compile(r"[^。！？!?\n]{1,40}(?:ため|ので)[、,][ \t　]*$")
_FACILITY_REASON_REACH = 48


def _refusal_hint(doc: Document, sent: tuple[int, int], start: int, group: str) -> str:
    """How to say what a facility cannot offer without turning people away (「展望台は階段のみのため、
    車いすの方はご遠慮ください」 fires by design: 障害者差別解消法 第8条): the building, then whom to ask."""
    reason = _FACILITY_REASON.search(doc.text, max(sent[0], start - _FACILITY_REASON_REACH), start)
    said = reason.group().strip() if reason is not None else ""
    if _WHEELCHAIR.search(group):
        example = f"{said}車いすでのご利用は難しい構造です。ご不明な点はお問い合わせください"
    else:
        example = f"{said or '〇〇の設備がないため、'}ご利用が難しい場合があります。ご不明な点はお問い合わせください"
    return (
        "障害を理由に利用をお断りすることは、障害者差別解消法で禁じられている不当な差別的取扱いにあたるおそれがあります。"
        f"設備の事情をお伝えする場合は、「{example}」のように、人ではなく設備の状況とお問い合わせ先を書いてください。"
    )


def _group_statements(doc: Document) -> Iterator[Hit]:
    groups = matcher("discrimination.txt", "groups")
    if not groups.present(doc):
        return
    exclusion = matcher("discrimination.txt", "exclusion")
    refusals = "お断り" in doc.text or "不可" in doc.text or "ご遠慮" in doc.text or "禁止" in doc.text or "採用" in doc.text
    if not (refusals or exclusion.present(doc)):
        return
    deny = matcher("discrimination.txt", "deny")
    done: set[tuple[int, int]] = set()
    # Per sentence, worked out once: whether it opposes such statements, and the ends of its
    # statements with what they say (a sentence may hold thousands of groups: not one scan per group).
    denied: dict[tuple[tuple[int, int], int], bool] = {}
    concessions: dict[tuple[int, int], list[int]] = {}
    statements: dict[tuple[int, int], tuple[list[int], list[Match]]] = {}
    # In order: a sentence is done when no statement follows a group, as none follows a later one.
    # 「障害者用駐車場」「高齢者向け住宅」「障害者専用スペース」 name a thing for them, not them: the
    # manners post 「障害者用駐車場への一般車の駐車は迷惑です」 says 迷惑 of the parking.
    found = sorted((g for g in groups.find(doc) if not _FOR_THEIR_USE.match(doc.text, g.end)), key=lambda h: h.start)
    ends_at: dict[int, int] = {}
    for h in found:
        ends_at[h.start] = max(h.end, ends_at.get(h.start, h.end))
    for g in found:
        sent = _said_sentence(doc, g.start)
        if sent in done:
            continue
        if sent not in concessions:
            concessions[sent] = _concessions(doc, sent)
        conceded = (sent, _conceded_until(doc, sent, g.start, concessions[sent]))
        if conceded not in denied:
            denied[conceded] = _opposed(doc, deny, sent, g.start)
        if denied[conceded]:
            # A later group past another 「…が、」 may still be said outright.
            continue
        # 「在日」+「朝鮮人」 are one group: quote the whole run of adjacent matches. So are groups listed
        # (「高齢者・障害者の方はご遠慮ください」「外国人や障害者の方はお断り」): the refusal after the last is of all.
        end = g.end
        members = [(g.start, end)]
        while True:
            if end in ends_at and ends_at[end] > end:
                members[-1] = (members[-1][0], ends_at[end])
                end = ends_at[end]
                continue
            joined = _GROUP_JOIN.match(doc.text, end, sent[1])
            if joined is None or joined.end() not in ends_at:
                break
            end = ends_at[joined.end()]
            members.append((joined.end(), end))
        message = f"{_people(doc.text[g.start : end])}を一括りにして排除・差別する表現と受け取られます。{_REWRITE}"
        refused = _REFUSED.match(doc.text, end, sent[1]) if refusals else None
        if (
            refused is not None and refused.group().endswith("ご遠慮")
            and all(doc.text[a:b] in _BODILY_GROUPS for a, b in members)
            and _FOR_THEIR_SAKE.search(doc.text, *sent)
        ):
            refused = None
        if refused is not None and _nationality_required(doc, sent, doc.text[g.start : end], refused.group()):
            refused = None
        if refused is not None and all(doc.text[a:b] in ("女", "女性") for a, b in members):
            before = max(0, sent[0] - _KEPT_FOR_MEN_REACH)
            before = max(before, doc.text.rfind("\n\n", before, sent[0]))
            if _KEPT_FOR_MEN.search(doc.text, before, sent[1]):
                refused = None
        if refused is not None:
            done.add(sent)
            if any(_DISABILITY.search(doc.text, a, b) for a, b in members):
                message = message[: -len(_REWRITE)] + _refusal_hint(doc, sent, g.start, doc.text[g.start : end])
            yield Hit(g.start, refused.end(), message)
            continue
        if sent not in statements:
            # 「外国人住民の皆さんと、鬼を追い出そう！」: what is driven out is the object right before it.
            group_ends = {m.last for m in groups.find(doc, within=sent)}
            xs = sorted(
                (
                    x for x in _statements(doc, exclusion, sent)
                    if not _own_object(doc, x.first, group_ends) and not _kept_from_someone_else(doc, x, group_ends)
                ),
                key=lambda x: x.end,
            )
            statements[sent] = ([x.end for x in xs], xs)
        ends, xs = statements[sent]
        k = bisect_right(ends, g.start)
        if (
            k < len(xs) and doc.text[g.start].isascii() and doc.text[g.end : g.end + 1] not in (",", "，")
            and _ENGLISH_COUNT.search(doc.text, max(sent[0], g.start - 20), g.start)
        ):
            # Described, so a later group of the sentence may still be the one told to leave (「Some immigrants
            # work hard but refugees go home!」); a comma after the group calls it (「Most foreigners, go home!」).
            continue
        if (
            k < len(xs) and doc.text[g.start].isascii() and doc.text.startswith("are ", xs[k].start)
            and not _EN_SUBJECT_GAP.fullmatch(doc.text, g.end, xs[k].start)
        ):
            continue  # said of another subject: a later group of the sentence may still be the one it is said of
        done.add(sent)  # fired, or no statement follows this group nor any later one
        if k < len(xs):
            # The licence advised to those who feel unsafe at the wheel is for them, not the whole age group.
            if _is_licence(doc, xs[k]) and _narrowed(doc, g):
                continue
            if _invited_out(doc, (g.start, end), xs[k].start):
                continue
            # 「市長の「外国人は出ていけ」との発言は不適切だとして、…」: a remark reported with its repudiation;
            # 「「外国人は出ていけ」という考え方を見直しましょう」: the belief the words voice, to be rethought;
            # 「「外国人は出ていけ」と言わないでください」「…と切り捨てないでください」: the words called off; all as a
            # quoted verdict (「「外国人はいらない」という…」) is, unless they are said anyway.
            hit = Hit(g.start, xs[k].end, message)
            quote = doc.enclosing_quote(g.start, xs[k].end, 40)
            if (
                quote is not None and quote[0] < g.start
                and (off := _disowning(doc, quote[1], sent[1])) is not None and not _said_anyway(doc, hit, off, sent)
            ):
                # The same words said again past the quote in this sentence are still to be read.
                done.discard(sent)
                continue
            yield hit


# A group told it may not take part or use a service: 「外国人の方は利用できません」「障害者の方は参加できません」.
# Real rules are worded so too (「生活保護の方は利用できません」 where a benefit excludes another), so a warning that
# asks for the reason, unless the sentence gives one. 「…は対象外です」 is the wording of eligibility itself
# (「外国人の方は対象外です」「生活保護受給世帯は対象外です」 of a 給付金, test_welfare_posts_s33.py): not read. Turning disabled
# people away from a service is the 不当な差別的取扱い 障害者差別解消法 第7条・第8条 forbid, and stays an error, as
# 「障害のある方はご遠慮ください」 is (`_group_statements`). Not asked (「参加できませんか」), reported as past
# (「参加できませんでした」), or denied (「参加できないということはありません」).
_NOT_ELIGIBLE = re.compile(
    # 「外国人の避難者は」: the group among the evacuees. 「生活保護の世帯の子どもは」: the children of its households.
    rf"(?:の)?(?:方|方々|皆さん|皆様|人|(?:世帯|家庭)(?:の(?:{_THEIR_CHILDREN}))?|避難者|被災者|{_THEIR_CHILDREN})?"
    rf"(?:(?:の|による){_SERVICE})?(?:は|も)[、,]?[ \t]*"
    # The reason may stand between the group and the refusal: 「外国人の方は治安が悪くなるため利用できません」.
    r"(?:[^。！!？?\n「」]{1,24}?(?:ため|ので)[、,]?[ \t]*)?"
    # The place the group may not enter or use: 「外国人の方は避難所に入れません」「障害者の方は一般の避難所を使えません」
    # 「外国人は温泉に入れません」「外国人の避難者は避難所を利用できません」. Only places everyone may use, so that
    # 「車いすの方はエスカレーターを使えません」 (a building described, with the way round it) stays unread.
    # A child's: the nursery, the school, the class everyone else's child goes to (「発達障害のある子は普通学級に入れません」).
    r"(?:(?:一般の|通常の|市の|市内の|この|当)?(?:避難所|避難施設|公共施設|施設|店内|お店|店舗|店|温泉|浴場|銭湯|プール|公園|更衣室"
    r"|保育園|保育所|認定こども園|こども園|幼稚園|小学校|中学校|学校|普通学級|通常学級|学級|学童保育|学童|放課後児童クラブ|クラス"
    # What the rest of the class takes part in (「車椅子の生徒は修学旅行に参加できません」「外国人の子どもは日本語教室を
    # 利用できません」): the school's own events and the town's classes.
    # A class or a course named by what it teaches (「外国人の方は料理教室に参加できません」「…パソコン講座を…」).
    r"|修学旅行|遠足|校外学習|社会科見学|林間学校|運動会|学校行事|行事|部活動|部活|給食|[\u4e00-\u9fff\u30a1-\u30fcA-Za-z]{0,8}?(?:教室|講座))"
    r"(?:に|へ|を|は|には|の)[ \t]*)?"
    rf"(?:{_SERVICE}(?:は|が|を|も)?)?[ \t]*"
    r"(?P<access>(?:でき|出来)(?:ません|ない)|いただけません|頂けません|(?:お)?受け(?:でき|られ)ません"
    # The verb's own potential: 「外国籍の方は申し込めません」「障害者の方は入れません」.
    r"|申し?込めません|使えません|入れません|借りられません|泊まれません)"
    r"(?!\s*(?:か|でしょうか|でした|だった)|[^。！!？?\n]{0,16}?(?:ことは|わけでは|わけじゃ)(?:ありません|ない))"
)
# The reason a rule gives, which makes it a rule and not a refusal: 「所得制限があるため」「制度上」「要綱により」.
_RULE_REASON = re.compile(r"ため|ので|により|による|制度上|要件|規定|要綱|条例|法律|法令|規則|重複|併用|既に|すでに")
# Of those, the benefit already had, which turns no disabled person away (「障害者割引と併用できないため」), while
# 「エレベーターがないため」 turns the person away instead of describing the building, and 「規則により」 names
# a rule that may itself be the unfair treatment.
_SCHEME_REASON = re.compile(r"重複|併用|既に|すでに|二重に|受給中")
# A reason that is the prejudice itself and so excuses nothing: 「治安のため、外国人の方は利用できません」「トラブルが
# 多いため」「言葉が通じないため」. Safety and danger only of a group whose body they can concern (`_BODILY_GROUPS`:
# 「安全のため、高齢者の方は参加できません」 is for their sake).
# Only as the reason (「マナー講座は外国人の方は参加できません」 names a course and gives none).
_PRETEXT_REASON = re.compile(
    r"(?:治安|防犯|犯罪|トラブル|マナー|迷惑|苦情|衛生|風紀|評判|イメージ|文化の違い|習慣の違い|言葉が通じ"
    r"|日本語が(?:話せ|通じ|でき|わから|分から|読め))[^。！!？?\n「」、,]{0,12}?(?:ため|ので|により|から|理由)"
)
_PRETEXT_FOR_OTHERS = re.compile(r"(?:安全|危険|防災)[^。！!？?\n「」、,]{0,12}?(?:ため|ので|により|から|理由)")
_NOT_ELIGIBLE_MESSAGE = (
    "「{said}」は、属性だけを理由に利用や参加をお断りしていると受け取られるおそれがあります。"
    "制度上の要件による場合は、「〇〇の制度と併用できないため」のように理由を添えてください。"
)


# The [refusal_groups] entries that name no one in particular among those a disaster displaced. Turned away from
# a shelter or not taken in (受け入れ) they are everyone arriving, and that is how a full shelter, or a building
# that is none, says so. Only where they came from (「〇〇県から来た避難者」「原発事故の避難者」) singles some out.
_EVACUEES = frozenset({"避難者", "被災者", "避難してきた人", "避難してきた方"})
_FROM_ELSEWHERE = re.compile(
    r"(?:から(?:来た|きた|の)?|出身の?|(?:県|府|都|道|国|地域|地方|原発|事故)(?:の|から(?:来た|きた)?)?)[ \t]*$"
)
_SHELTER_CAPACITY = re.compile(r"受け?入れ|避難所|避難施設")


def _from_elsewhere(text: str, start: int, end: int) -> bool:
    """Whether `_FROM_ELSEWHERE` ends the span [start, end), read from a few characters before `end` only: its
    words are at most 6 characters before the blanks, and a sentence of thousands of evacuees read from its start
    for each of them took seconds."""
    j = end - 1 if end > start and text[end - 1] == "\n" else end
    while j > start and text[j - 1] in " \t":
        j -= 1
    return _FROM_ELSEWHERE.search(text, max(start, j - 8), end) is not None


def _turned_away(doc: Document) -> Iterator[Hit]:
    """`_NOT_ELIGIBLE` after a group of [groups] or [refusal_groups], and the refusals of `_REFUSED` after a
    group of [refusal_groups] (those of [groups] are `_group_statements`')."""
    text = doc.text
    if not ("でき" in text or "出来" in text or "いただけ" in text or "頂け" in text or "受け" in text
            or "お断り" in text or "不可" in text or "ご遠慮" in text or "禁止" in text or "めません" in text
            or "えません" in text or "れません" in text or "採用" in text):
        return
    found = [(g, False) for g in matcher("discrimination.txt", "groups").find(doc)]
    found += [(g, True) for g in matcher("discrimination.txt", "refusal_groups").find(doc)]
    taken: set[tuple[int, int]] = set()
    for g, other in sorted(found, key=lambda x: (x[0].start, -x[0].end)):
        sent = _said_sentence(doc, g.start)
        if sent in taken or _FOR_THEIR_USE.match(text, g.end):
            continue
        people = _people(text[g.start : g.end])
        disabled = _DISABILITY.search(text, g.start, g.end) is not None or "認知症" in text[g.start : g.end]
        refused = _REFUSED.match(text, g.end, sent[1]) if other else None
        if refused is not None and _nationality_required(doc, sent, text[g.start : g.end], refused.group()):
            refused = None
        # Everyone at the shelter, not some of them: the wording of a shelter that is full or of a building that is
        # no shelter (「満員のため、避難者の受け入れはお断りしています」「避難者は避難所に入れません。満員です。」).
        everyone = text[g.start : g.end] in _EVACUEES and not _from_elsewhere(text, sent[0], g.start)
        if refused is not None and everyone and _SHELTER_CAPACITY.search(text, g.end, refused.end()):
            continue
        if refused is not None:
            taken.add(sent)
            message = f"{people}を一括りにして排除・差別する表現と受け取られます。"
            yield Hit(g.start, refused.end(), message + (_refusal_hint(doc, sent, g.start, text[g.start : g.end]) if disabled else _REWRITE))
            continue
        m = _NOT_ELIGIBLE.match(text, g.end, sent[1])
        if m is None or (everyone and _SHELTER_CAPACITY.search(text, g.end, m.end())):
            continue
        taken.add(sent)
        # 「男性更衣室です。女性の方は入室できません」: a room kept for men, as for a refusal.
        if text[g.start : g.end] in ("女", "女性"):
            before = max(0, sent[0] - _KEPT_FOR_MEN_REACH)
            before = max(before, text.rfind("\n\n", before, sent[0]))
            if _KEPT_FOR_MEN.search(text, before, sent[1]):
                continue
            # 「女性は更衣室を使えません。男性専用です。」: the reason right after, only for a room the sexes use apart
            # (「女性は会議室を使えません。男性専用です。」 keeps a room for men that no custom keeps).
            following = doc.next_in_paragraph(sent[1])
            if (
                following is not None
                and following[1] - following[0] <= _ROOM_REASON_MAX
                and _ROOM_FOR_ONE_SEX.search(text, sent[0], sent[1])
                and _KEPT_FOR_MEN.search(text, *following)
            ):
                continue
        pretext = _PRETEXT_REASON.search(text, sent[0], sent[1]) is not None or (
            text[g.start : g.end] not in _BODILY_GROUPS and _PRETEXT_FOR_OTHERS.search(text, sent[0], sent[1]) is not None
        )
        if disabled:
            if pretext or not _SCHEME_REASON.search(text, sent[0], sent[1]):
                yield Hit(g.start, m.end(), f"{people}を一括りにして排除・差別する表現と受け取られます。" + _refusal_hint(doc, sent, g.start, text[g.start : g.end]))
        elif pretext:
            yield Hit(g.start, m.end(), f"{people}を一括りにして排除・差別する表現と受け取られます。{_REWRITE}")
        elif not _RULE_REASON.search(text, sent[0], sent[1]) and not _origin_scheme(doc, sent, g.start, text[g.start : g.end]):
            yield Hit(g.start, m.end(), _NOT_ELIGIBLE_MESSAGE.format(said=text[g.start : m.end()]), severity="warning")


# A scheme for those from one place, named with whom it is for: 「UIターン支援金は、本市出身の方が対象です」「移住
# 奨励金の対象は県外出身の方に限ります」. The others then may not apply by the scheme's own terms, which is no
# refusal (「市外出身の方は申し込めません」 right after it). Only of origin: a scheme that leaves out 外国人 or 障害者
# is what the warning asks the reason for, and 「市外出身の方は採用しません」 (`_REFUSED`) turns them away outright.
_ORIGIN_SCHEME = re.compile(
    r"(?:支援金|補助金|助成金|給付金|奨励金|交付金|奨学金|手当|補助|助成|支援|制度|事業|プログラム|[UＵIＩJＪ・]{1,5}ターン)"
    r"[^。！!？?\n]{0,40}?出身[^。！!？?\n]{0,16}?(?:が|を|に)?[ \t]*(?:対象|限ります|限り|限定|条件|要件)"
    r"|対象(?:者)?(?:は|となるのは)[^。！!？?\n]{0,20}?出身"
)
_FROM_ORIGIN = ("出身者", "出身の方", "出身の人")
# Those the scheme's origin leaves out, named as its other side (「市外出身の方」「県内出身の方」「他市町村出身の方」):
# not one place or country singled out (「沖縄出身の方」「外国出身の方」), which the warning asks the reason for.
_OTHER_SIDE = re.compile(
    r"(?:(?:市|県|町|村|区|都|府|道|圏|市町村|市区町村)(?:外|内)|本(?:市|県|町|村)以外|他(?:の)?(?:市町村|市区町村|地域|都道府県))(?:の|から)?$"
)
_OTHER_SIDE_REACH = 10
# A post or an exam: hiring by origin is 就職差別 whatever scheme names it (「職員採用制度は本市出身者が対象です。
# 市外出身の方は受験できません。」).
_POST_OR_EXAM = re.compile(r"採用|職員|受験|応募|求人|雇用|就職|面接|任用|募集")


def _origin_scheme(doc: Document, sent: tuple[int, int], start: int, group: str) -> bool:
    """Whether ``group`` (at ``start``) is people named by where they come from, the other side of a scheme for
    those of one origin (`_ORIGIN_SCHEME`) that ``sent`` or the sentence before it in its paragraph names, and no
    post or exam is what they may not apply for."""
    if not group.endswith(_FROM_ORIGIN) or not _OTHER_SIDE.search(doc.text, max(sent[0], start - _OTHER_SIDE_REACH), start):
        return False
    if _POST_OR_EXAM.search(doc.text, *sent):
        return False
    if _ORIGIN_SCHEME.search(doc.text, *sent):
        return True
    j = sent[0] - 1
    while j > 0 and doc.text[j].isspace():
        j -= 1
    if j < 0 or doc.text[j].isspace():
        return False
    before = doc.sentence_at(j)
    following = doc.next_in_paragraph(before[1])
    return (
        following is not None and following[0] == sent[0] and _ORIGIN_SCHEME.search(doc.text, *before) is not None
        and _POST_OR_EXAM.search(doc.text, *before) is None
    )


# The group as the topic of the verdict: 「LGBTは」「外国人労働者って」「障がい者なんて」「在日の連中は」.
_VERDICT_TOPIC = frozenset(("ハ", "モ", "ッテ", "ナンテ", "ナンカ", "ナンゾ"))
_GROUP_SUFFIXES = frozenset(("タチ", "達", "ラ", "ドモ", "共"))
# The group's children, as its people: 「発達障害の子どもは言い訳ばかり」「外国人の子供はいらない」.
_CHILDREN = frozenset(("子ドモ", "子供", "コドモ", "子", "児童", "生徒"))
_GROUP_PEOPLE = frozenset(("住民", "観光客", "労働者", "受給者", "居住者", "市民", "旅行者", "客", "家庭", "世帯", "患者", "当事者"))
# What may follow the verdict to the end of its sentence: a copula, a particle, a mark, 「と思う」.
# Not 「か」 nor a question mark: 「外国人労働者はいらない？」 asks, and what follows answers.
_VERDICT_TAIL = re.compile(
    r"(?:です|でした|だった|だよ|だね|だろう|だろ|だ|である|よね|よな|よ|ね|な|わ|でしょう|でしょ|じゃん|じゃね|と思う|と思います"
    r"|んだ|んです|のだ|のです|マジで|まじで|[^\w？?]|[ｗw笑草])*"
)
_VERDICT_TAIL_REACH = 30
_DASH_AFTER_VERDICT = re.compile(r"(?:です|だ|よ|ね)?[ \t　]*(?:[―—─]+|-{2,}|ーー+)[ \t　]*")
# The verdict given as the reason for what the sentence goes on to say: 「女性は感情的なので管理職には
# 向きません」「生活保護は甘えだから減らすべき」. It is still said of the whole group.
# Not the medical words as a reason: 「高齢者は病気なので、無理をしないでください」 may be care, clumsily put.
_MEDICAL = frozenset(("病気", "異常"))
# Not a question (「生活保護は甘えなのでしょうか」「…なのですか」), nor a reason put in someone's mouth
# (「生活保護は甘えだから、と申請をためらう方がいます」「女性は感情的だからと決めつけるのは」), nor a noun's
# から without its copula (「生活保護は甘えから来るものではありません」: from, not because).
_VERDICT_AS_REASON = re.compile(
    # 「女性はすぐ感情的になるから…」: what they are said to become is the verdict too (not 「になりやすい」:
    # 「高齢者は病気になりやすいので注意しましょう」 is a health post's).
    r"(?P<copula>な|だ|です|になる|になります)?(?:ので(?!しょう|す)|から)(?!は|も|こそ|と|って|[、,][ \t　]*(?:と|って))[、,]?"
)
_UNCONJUGATED = frozenset(("名詞", "形状詞", "代名詞"))
# How far after the reason its conclusion may run before the words that pass it on (「…なので管理職には
# 向きません、という声」); bounded, as a sentence may hold thousands of verdicts.
_VERDICT_REASON_REACH = 40
_WORD_CHAR = re.compile(r"\w")


# Words that only press the verdict harder, between the topic and it: 「外国人は本当にいらない」「生活保護は
# やっぱり甘え」「障害者は正直いらない」. Adverbs, and the nouns that serve as such with their に or で.
# A noun of another kind (「高齢者は予約はいらない」) still says the verdict of something else.
_INTENSIFIERS = frozenset(
    ("本当", "ホント", "ホントウ", "ホンマ", "マジ", "絶対", "正直", "結局", "所詮", "全員", "全部", "基本", "基本的", "完全", "単ナル")
)
# The nouns that press it with their の: 「不登校はただの甘え」「うつ病は只の甘え」.
_MERE = frozenset(("タダ", "只"))
_INTENSIFIER_REACH = 6


def _past_intensifiers(tokens: Sequence[analyzer.Token], k: int, end: int) -> int:
    """The index of the first morpheme from ``k`` on that is not an intensifier (nor its comma), within
    a few morphemes and the sentence ending at ``end``."""
    stop = min(len(tokens), k + _INTENSIFIER_REACH)
    while k < stop and tokens[k].start < end:
        t = tokens[k]
        if t.pos == "副詞" or t.surface in _COMMAS:
            k += 1
            # 「はっきり言って」「正直言って」: the manner of saying it, then the verdict.
            if k + 1 < stop and tokens[k].lemma in ("言ウ", "イウ") and tokens[k + 1].surface == "テ":
                k += 2
        elif t.surface in _INTENSIFIERS:
            k += 1
            if k < stop and tokens[k].surface in ("ニ", "デ") and tokens[k].pos in ("助詞", "助動詞"):
                k += 1
        elif t.surface in _MERE and k + 1 < stop and tokens[k + 1].surface == "ノ":
            k += 2
        else:
            break
    return k


# 「生活保護を受けている人」「生活保護に頼ってる連中」: the people a benefit is named for, as the topic of the
# verdict (「生活保護を受けている人は甘え」). Only receiving it: 「生活保護を見直す人」 are someone else.
_RECEIVING = frozenset(("受ケル", "モラウ", "貰ウ", "頼ル"))
_RECEIVED_FROM = frozenset(("ヲ", "ニ"))


def _past_receiving(tokens: Sequence[analyzer.Token], k: int) -> int:
    """The index of the people noun after 「を受けている」「もらってる」「を受給している」 at ``k``, or ``k``
    when the words there are not the group received and its people."""
    j = k
    if j < len(tokens) and tokens[j].surface in _RECEIVED_FROM and tokens[j].pos == "助詞":
        j += 1
    if j < len(tokens) and tokens[j].surface == "受給":
        j += 1
    if j >= len(tokens) or not (tokens[j].lemma in _RECEIVING or (j > k and tokens[j - 1].surface == "受給" and tokens[j].lemma == "スル")):
        return k
    j += 1
    # 「受けている」「受けてる」「受けた」
    while j < len(tokens) and j <= k + 6 and tokens[j].surface in ("テ", "デ", "イル", "テル", "デル", "タ", "ダ", "ル"):
        j += 1
    if j < len(tokens) and tokens[j].surface in _PEOPLE | {"ヤツ", "ヤツラ", "奴"}:
        return j + 1
    return k


# The people of a place, as the topic of a verdict: 「大阪人は」「東北の人は」「沖縄出身者は」. Sudachi reads the
# place as 固有名詞・地名.
_PLACE_PEOPLE = frozenset(("人", "出身者", "県民", "府民", "道民", "都民", "市民", "町民", "村民", "区民"))


# A town's name left as a letter or a placeholder (「A市民は」「〇〇町の人は」「××村の人たちは」), which Sudachi does
# not read as 地名: a name only right before the municipality's word. Bare 「市民は」 is no one named: 「市民は
# 無料で利用できます」 is what a city's own post says.
_STAND_IN = re.compile(r"[a-z]{1,3}|[〇○◯×✕●□△]{1,4}")
_MUNICIPALITY_WORDS = frozenset(("市", "町", "村", "区"))
_RESIDENTS = frozenset(("市民", "町民", "村民", "区民"))
# 「東北の人」「X市の連中」「大阪の方」; not 「〇〇市の皆さま」, whom a post addresses.
_PLACE_FOLK = frozenset(("人", "人々", "人間", "連中", "方", "方々", "者", "ヤツ", "ヤツラ", "奴"))


def _place_people(doc: Document) -> Iterator[Match]:
    """A place name and the word for its people, as a [groups] match: 「大阪人」「東北の人」「和気町民」
    「A市民」「〇〇町の人」."""
    tokens = doc.tokens
    n = len(tokens)
    for i, t in enumerate(tokens):
        if t.pos2 == "固有名詞" and t.pos3 == "地名":
            j = i + 1
        elif _STAND_IN.fullmatch(t.surface) and (i == 0 or not _STAND_IN.fullmatch(tokens[i - 1].surface)):
            j = i + 1
            while j < n and j - i < 4 and _STAND_IN.fullmatch(tokens[j].surface):
                j += 1
            if j >= n or not (tokens[j].surface in _MUNICIPALITY_WORDS or tokens[j].surface in _RESIDENTS):
                continue
            # 「〇〇」 alone is Sudachi's number: two marks at least, as a placeholder is written.
            if j - i == 1 and not t.surface.isascii() and len(t.surface) < 2:
                continue
        else:
            continue
        # 「A町の人」「〇〇町民」: the municipality's word, then its people.
        if j + 1 < n and tokens[j].surface in _MUNICIPALITY_WORDS and tokens[j + 1].surface in ("民", "ノ"):
            j += 1
        if j + 1 < n and tokens[j].surface == "ノ" and tokens[j + 1].surface in _PLACE_FOLK:
            j += 1
        # 「和気町民」: Sudachi reads 和気町 as the place, 民 as its suffix.
        residents = tokens[j].surface == "民" and tokens[j - 1].surface.endswith(tuple(_MUNICIPALITY_WORDS)) if j < n else False
        if j < n and (tokens[j].surface in _PLACE_PEOPLE or residents or (tokens[j - 1].surface == "ノ" and tokens[j].surface in _PLACE_FOLK)):
            yield Match(t.start, tokens[j].end, doc.text[t.start : tokens[j].end], i, j)


_IN_THE_PAST = re.compile(r"でした|だった|かった")


def _verdicts(doc: Document) -> Iterator[Hit]:
    """Sentences that say what a group is, with the group as the topic right before the verdict
    ([verdict]) and the verdict ending the sentence: 「LGBTの人は生産性がない」「同性愛は気持ち悪い」
    「外国人労働者はいらない」. Not said of something else (「生産性がない長時間労働」「高齢者は予約は
    いらない」), nor in a sentence that opposes such words ([deny]), nor asked (「…いらない？」)."""
    verdict = matcher("discrimination.txt", "verdict")
    if verdict.present(doc):
        found = (*matcher("discrimination.txt", "groups").find(doc), *matcher("discrimination.txt", "verdict_groups").find(doc), *_place_people(doc))
        yield from _verdicts_on(doc, verdict, found, "{people}をおとしめ、差別する表現と受け取られます。")
    # An illness or a condition dismissed as a weakness (「うつ病は甘え」「発達障害は言い訳」): its own verdicts,
    # as 「うつ病は病気です」 is what a health post says.
    verdict = matcher("discrimination.txt", "condition_verdict")
    if verdict.present(doc):
        found = tuple(matcher("discrimination.txt", "conditions").find(doc))
        yield from _verdicts_on(doc, verdict, found, "「{group}」の当事者への偏見を助長する表現と受け取られます。")
    # A people said to exist no more (「アイヌ民族なんてもういない」): its own verdicts, as 「アイヌ語を話せる人はもう
    # いません」 is history.
    verdict = matcher("discrimination.txt", "existence_verdict")
    # 「いない」「いません」 are in most posts; the people's name is in few.
    if ("アイヌ" in doc.text or "あいぬ" in doc.text) and verdict.present(doc):
        found = tuple(matcher("discrimination.txt", "existence_groups").find(doc))
        said = _verdicts_on(doc, verdict, found, "{people}の存在を否定する表現と受け取られます（アイヌ施策推進法）。")
        # 「この地域には、アイヌの人たちはいませんでした」: a place's past, not a people denied.
        yield from (h for h in said if not _IN_THE_PAST.match(doc.text, h.end))


def _verdicts_on(doc: Document, verdict: WordMatcher, groups: Iterable[Match], said_of: str) -> Iterator[Hit]:
    """`_verdicts` of the ``verdict`` matches said of ``groups``; ``said_of`` opens the message."""
    found = sorted(groups, key=lambda m: m.start)
    if not found:
        return
    deny = matcher("discrimination.txt", "deny")
    by_first: dict[int, Match] = {}
    for v in verdict.find(doc):
        if v.first not in by_first or v.end > by_first[v.first].end:
            by_first[v.first] = v
    tokens = doc.tokens
    seen: set[tuple[int, int]] = set()
    for g in found:
        sent = _said_sentence(doc, g.start)
        if sent in seen:
            continue
        k = g.last + 1
        # 「LGBTの人は」「在日の連中は」「移民たちは」: the group's people.
        if k + 1 < len(tokens) and tokens[k].surface == "ノ" and tokens[k + 1].surface in _PEOPLE | _CHILDREN | {"ヤツ", "ヤツラ", "奴"}:
            k += 2
        # 「生活保護を受けている人は」「生活保護もらってる奴は」: the people who live on it.
        k = _past_receiving(tokens, k)
        # 「外国人住民は」「生活保護受給者は」: the group's kind of people. Only people: 「障害者手帳はいらない」
        # is a form's.
        if k < len(tokens) and tokens[k].surface in _GROUP_PEOPLE:
            k += 1
        while k < len(tokens) and tokens[k].pos == "接尾辞" and tokens[k].surface in _GROUP_SUFFIXES:
            k += 1
        # 「外国人とか、」: named as one of a kind, then the verdict (the とか read as the topic).
        named_as_kind = k + 1 < len(tokens) and tokens[k].surface == "ト" and tokens[k + 1].surface == "カ"
        if named_as_kind:
            k += 1
        elif k >= len(tokens) or tokens[k].pos != "助詞" or tokens[k].surface not in _VERDICT_TOPIC:
            continue
        said = by_first.get(_past_intensifiers(tokens, k + 1, sent[1]))
        # Measured before it is cut out: a sentence may hold thousands of groups.
        if said is None or said.end > sent[1]:
            continue
        # A statement quoted whole ends at its 」, as one in 「」 says 外国人は出ていけ: a citizen's comment or
        # someone's remark the post passes on (「【市民の声】「生活保護の人は甘えている」とのご意見をいただきました」).
        quote = doc.enclosing_quote(g.start, said.end, 40)
        end = quote[1] if quote is not None and quote[0] < g.start else sent[1]
        message = said_of.format(people=_people(doc.text[g.start : g.end]), group=doc.text[g.start : g.end]) + _REWRITE
        # Not ending its sentence, it says nothing, unless passed on and then agreed with (「生活保護は甘えだ
        # という意見もあります。その通りだと思います。」).
        ends = bool(end - said.end <= _VERDICT_TAIL_REACH and _VERDICT_TAIL.fullmatch(doc.text, said.end, end))
        # A dash ends the verdict as a full stop does when it stands unquoted, as a headline's: 「障害者なんかいらない
        # ―相模原事件から8年」. Only the quoted form names the words (`_framed_against`); what the dash leads to may
        # still disown them (「障害者はいらない——そんな言葉が人を傷つけます」).
        if not ends and quote is None and (dash := _DASH_AFTER_VERDICT.match(doc.text, said.end, end)) is not None:
            ends = _disowning(doc, dash.end(), sent[1]) is None
        replied = Hit(g.start, said.end, message)
        reason = None if ends or said.entry in _MEDICAL else _VERDICT_AS_REASON.match(doc.text, said.end, end)
        # Something must follow from the reason: 「「生活保護は甘えだから」と…」 ends its quote on the reason, and
        # the と that puts it in someone's mouth lies past the quote.
        if (
            reason is not None
            and _WORD_CHAR.search(doc.text, reason.end(), end)
            and (reason.group("copula") is not None or tokens[said.last].pos not in _UNCONJUGATED)
        ):
            # The reason and what follows from it passed on as what people say (「女性は感情的なので管理職には
            # 向きません、という声を聞きます。しかし、それは偏見です。」): answered as a verdict passed on is.
            passed = None if quote is not None else _PASSED_ON.search(doc.text, reason.end(), min(end, reason.end() + _VERDICT_REASON_REACH))
            if passed is None:
                ends = True
            else:
                replied = Hit(g.start, passed.start(), message)
        # Nor unless defended in the rest of it: 「障害者はいらない、これは差別ではない」.
        if not ends and (quote is not None or _reply(doc, replied) is not False) and not _defended_after(doc, replied):
            continue
        seen.add(sent)
        if _opposed(doc, deny, sent, g.start):
            continue
        hit = Hit(g.start, said.end, message)
        # 「「同性愛は気持ち悪い」——こんな言葉が当事者を深く傷つけています」, unless the verdict is said anyway.
        if end != sent[1] and (off := _disowning(doc, end, sent[1])) is not None and not _said_anyway(doc, hit, off, sent):
            continue
        yield hit


# A group's coming blamed for crime: 「外国人が増えると治安が悪くなります」「移民が来たら犯罪が増える」
# 「外国人が増えて治安が悪くなった」「移民を受け入れると犯罪が増える」「外国人のせいで犯罪が増えた」. Only the
# group as the one that comes, and the crime as the end of the sentence: 「外国人が増えると治安が悪くなるという
# 根拠はありません」 goes on, and 「外国人が増えると多言語の案内が必要になります」 blames nothing.
_BLAMED = re.compile(
    r"(?:住民|観光客|労働者|居住者|移住者)?[ \t　]*(?:の(?:方|人|人々)(?:たち|達)?)?(?:(?:が|は|も)[ \t　]*"
    r"(?:増え(?:る|ると|たら|れば|たから|たので|たせいで|て)|増加(?:すると|したら|すれば|して)|来(?:ると|たら|れば|て)"
    r"|住(?:むと|んだら|めば)|多い(?:と|から|ので|せいで)?|多くなると|いると|いるから|いたら)"
    # Let in, or blamed outright: 「移民を受け入れると犯罪が増える」「外国人のせいで犯罪が増えた」.
    r"|を[ \t　]*(?:受け入れ|受入れ|入れ)(?:ると|たら|れば|たから|たので|たせいで|て)|の[ \t　]*(?:せい|所為)で)"
    r"[ \t　]*[、,]?[ \t　]*(?:(?:この|その)[ \t　]*)?(?:(?:地域|まち|町|街|日本|市内|地元|国)の?)?"
    r"(?:治安が(?:悪く(?:なる|なります|なった|なりました|なっている|なっています)|悪化(?:する|します|した|しました|している|しています))"
    r"|犯罪が(?:増え(?:る|ます|た|ました|ている|ています)|増加(?:する|します|した|しました|している|しています)))"
)


def _blamed_for_crime(doc: Document) -> Iterator[Hit]:
    """Sentences that blame a group's coming for crime (`_BLAMED`), ending there."""
    if "治安" not in doc.text and "犯罪" not in doc.text:
        return
    deny = matcher("discrimination.txt", "deny")
    for g in matcher("discrimination.txt", "groups").find(doc):
        m = _BLAMED.match(doc.text, g.end)
        if m is None:
            continue
        sent = _said_sentence(doc, g.start)
        quote = doc.enclosing_quote(g.start, m.end(), 40)
        end = quote[1] if quote is not None and quote[0] < g.start else sent[1]
        message = f"{_people(doc.text[g.start : g.end])}を犯罪と結びつけ、差別する表現と受け取られます。{_REWRITE}"
        ends = end - m.end() <= _VERDICT_TAIL_REACH and _VERDICT_TAIL.fullmatch(doc.text, m.end(), end)
        replied = Hit(g.start, m.end(), message)
        if not ends and (quote is not None or _reply(doc, replied) is not False) and not _defended_after(doc, replied):
            continue
        if _opposed(doc, deny, sent, g.start):
            continue
        if end != sent[1] and _disowned_after(doc, end, sent[1]):
            continue
        yield Hit(g.start, m.end(), message)


# A people's coming or manners said to be a trouble (「最近、中国の人が増えて困っています」「中国人観光客のマナーの悪さ
# には困ったものです」), and sexual minorities blamed for the falling birth rate (「LGBTの人が増えると少子化が進みます」):
# each ending its sentence, as `_BLAMED`. Not 「外国人観光客が増えて、市内はにぎわっています」, nor a few of them
# (「一部の観光客のマナーの悪さに困っています」: 観光客 alone is no group), nor 「女性が働き続けられないと少子化が進みます」.
_TROUBLED = re.compile(
    r"(?:住民|観光客|労働者|居住者|移住者|旅行者)?[ \t　]*(?:の(?:方|人|人々)(?:たち|達)?)?(?:たち|達)?"
    r"(?:(?:が|も)[ \t　]*(?:増えて|増加して|多くて|来て|住みついて|住み着いて)[、,]?"
    r"|の[ \t　]*(?:マナーの悪さ|マナー違反|マナーの低さ|民度の低さ)(?:に|には|は|にも)[、,]?)"
    r"[ \t　]*(?:本当に|ほんとうに|ホントに|とても|すごく|ちょっと|少し|ほとほと|いつも)?[ \t　]*"
    r"(?:困(?:っています|っている|ってる|ってます|ります|る|ったものです|ったものだ|ったもの|りました|った)|うんざり(?:です|だ|しています|する)?)"
)
_SHRINKING = re.compile(
    r"(?:を[ \t　]*認め(?:ると|たら|れば)|(?:の(?:方|人|人々)(?:たち|達)?)?(?:たち|達)?(?:が|は|も)[ \t　]*"
    r"(?:増え(?:ると|たら|れば|たから|たので|たせいで)|増加(?:すると|したら|すれば)|認められると|認めると|認めたら))[ \t　]*[、,]?[ \t　]*"
    r"(?:日本の|この国の|社会の)?少子化が(?:進(?:みます|む|んでいます|んでいる|んだ)|加速(?:します|する|した)|進行(?:します|する|した)|ますます進(?:みます|む))"
)
_SEXUAL_MINORITIES = frozenset(
    ("LGBT", "LGBTQ", "同性愛", "同性愛者", "ゲイ", "レズビアン", "性的少数者", "性的マイノリティ", "トランスジェンダー", "どうせいあい", "どうせいあいしゃ")
)


def _troubled_by(doc: Document) -> Iterator[Hit]:
    """Sentences that call a people's coming or manners a trouble (`_TROUBLED`), or blame sexual minorities for the
    falling birth rate (`_SHRINKING`), ending there and not opposed ([deny]); read once a sentence."""
    troubled = "困" in doc.text or "うんざり" in doc.text
    if not troubled and "少子化" not in doc.text:
        return
    deny = matcher("discrimination.txt", "deny")
    seen: set[tuple[int, int]] = set()
    groups = sorted((*matcher("discrimination.txt", "groups").find(doc), *_place_people(doc)), key=lambda g: g.start)
    for g in groups:
        group = doc.text[g.start : g.end]
        if troubled and (m := _TROUBLED.match(doc.text, g.end)) is not None:
            message = f"{_people(group)}を迷惑な存在として一括りにし、差別する表現と受け取られます。{_REWRITE}"
        elif group in _SEXUAL_MINORITIES and (m := _SHRINKING.match(doc.text, g.end)) is not None:
            message = f"{_people(group)}を少子化の原因とし、差別する表現と受け取られます。{_REWRITE}"
        else:
            continue
        sent = _said_sentence(doc, g.start)
        if sent in seen:
            continue
        seen.add(sent)
        quote = doc.enclosing_quote(g.start, m.end(), 40)
        end = quote[1] if quote is not None and quote[0] < g.start else sent[1]
        ends = end - m.end() <= _VERDICT_TAIL_REACH and _VERDICT_TAIL.fullmatch(doc.text, m.end(), end)
        replied = Hit(g.start, m.end(), message)
        if not ends and (quote is not None or _reply(doc, replied) is not False) and not _defended_after(doc, replied):
            continue
        if _opposed(doc, deny, sent, g.start):
            continue
        if end != sent[1] and _disowned_after(doc, end, sent[1]):
            continue
        yield replied


# A place named or asked for as a 同和地区 (「〇〇地区は同和地区です」「被差別部落の場所を教えてください」「部落はどこ
# ですか」): the harm of the 部落地名総鑑 that 部落差別解消推進法 answers, said in words each of which a lesson also
# uses; not in a sentence that opposes it (「同和地区の場所を調べることは、部落差別につながります」) nor quoted.
_PLACE_NAMED = re.compile(
    r"(?:(?<=[はが])|(?<=って))(?:同和地区|被差別部落|部落)(?:です|だ|である|らしい|なんです|なの|だそうです)(?![ぁ-ゖ])"
    r"|(?:同和地区|被差別部落|部落)(?:(?P<list>の(?:場所|所在地|一覧|地名|リスト))|(?:は|って)どこ)"
)
# The list or the places named as what someone does, the act then named (「同和地区の所在地を示す情報が掲載される事例が
# あります」「…の一覧を公開する行為は」): a lesson about the harm, not the post asking or showing.
_PLACES_AS_ACT = re.compile(r"[^。！？!?\n]{0,16}?(?:こと|行為|情報|書き込み|書込み|事例|事件|問題)")


def _places_named(doc: Document) -> Iterator[Hit]:
    """Sentences that name or ask for where a 同和地区 is (`_PLACE_NAMED`), not quoted nor opposed ([deny])."""
    if "同和地区" not in doc.text and "部落" not in doc.text:
        return
    deny = matcher("discrimination.txt", "deny")
    found = list(_PLACE_NAMED.finditer(doc.text))
    named = SpanSet(m.span() for m in found)
    # Read once a sentence (a paste without a full stop may name thousands), and only over a [deny] word outside the
    # words themselves: 被差別部落 holds [deny]'s 差別.
    # A disclaimer conceded before the request (「差別するつもりはありませんが、被差別部落の場所を教えてください」)
    # opposes nothing, as before any statement (`_conceded_until`); read from the sentence's first request, as
    # `_opposed` reads the concessions again each time it is asked.
    opposed: dict[tuple[int, int], bool] = {}
    for m in found:
        if doc.enclosing_quote(m.start(), m.end(), 40) is not None:
            continue
        if m.group("list") and _PLACES_AS_ACT.match(doc.text, m.end()):
            continue
        sent = doc.sentence_at(m.start())
        if sent not in opposed:
            conceded = _conceded_until(doc, sent, m.start())
            opposed[sent] = any(
                d.start >= conceded and not named.covers(d.start, d.end) for d in deny.find(doc, within=sent)
            ) and _opposed(doc, deny, sent, m.start())
        if opposed[sent]:
            continue
        yield Hit(m.start(), m.end(), "同和地区（被差別部落）の所在を示したり尋ねたりすることは、部落差別につながります（部落差別解消推進法）。"
                  "表現を削除してください。")


# 「ガイジ」「ガイジン」 spelled in hiragana, which Sudachi cuts as が + いじ (「あいつはがいじだ」). The same
# letters are 「子どもがいじめられた」「はがいじめ」「しょうがいじ」「ながいじかん」「まちがいじゃない」
# 「こどもがいじをはる」 (意地), so only alone (「がいじ」「がいじｗ」), or as what someone is called: after the
# topic's は・も or a word not in hiragana (「あいつはがいじだ」「お前がいじかよ」), and ending there or with a copula.
_HIRAGANA_SLUR = re.compile(
    # 「がいじん」 opening a phrase is nothing else (「がいじんが多い」).
    r"(?<![^\W_])がいじん"
    r"|(?:(?<![^\W_])|(?<=[はも])|(?<=[\u4e00-\u9fffァ-ヺー]))がいじん?"
    r"(?=$|[^\w]|[wｗ笑乙]|(?:だ|です|じゃん|かよ|やん|やろ|でしょ)(?![ぁ-ゖ])|か(?![ぁ-ゖ]))"
)


# The letters as a reading in brackets after kanji (「外耳（がいじ）」「外字（がいじ）」「外事（がいじ）課」),
# which the word lists skip for ガイジ too: the kanji say which word it is.
_READING_OPEN = re.compile(rf"[{analyzer.READ_WORD_CHARS}][(（]")
_READING_CLOSE = (")", "）")


def _hiragana_slurs(doc: Document) -> Iterator[tuple[int, int]]:
    """`_HIRAGANA_SLUR` matches, only where Sudachi has not read the letters as part of another word."""
    if "がいじ" not in doc.text:
        return
    for m in _HIRAGANA_SLUR.finditer(doc.text):
        a, b = m.span()
        if a >= 2 and _READING_OPEN.fullmatch(doc.text, a - 2, a) and doc.text[b : b + 1] in _READING_CLOSE:
            continue
        yield a, b


# A statement quoted as what people say, in the draft's last sentence, with nothing after it and no
# answer anywhere else in the draft: 「【人権週間】「外国人は出ていけ」という声を聞きます。」. The heading
# names the week, but the post as written only repeats the words under the city's name.
_TRAILER = re.compile(r"(?:[#＃]\S+|https?://\S+)")
_HEADING = re.compile(r"\s*[【［\[][^】］\]\n]{1,30}[】］\]]\s*")
# 「#STOPHATE」「#NoHate」 say ヘイト in English; 「#思いやり」「#多様性を尊重」 take the side the voice is against.
_TRAILER_ANSWER = re.compile(r"差別|偏見|ヘイト|(?i:hate)|なくそう|ゼロ|許さ|共生|多文化|ともに|共に|みんな|思いやり|尊重|多様性")
_LAST_QUOTE = re.compile(r"「([^「」\n]{1,40})」")
# The draft's last sentence asking a question, and a question that asks the readers to agree.
_CLOSING = "」』）)。．.！! \t\n\u3000"
_ASKS_AGREEMENT = re.compile(r"思いませんか|(?:ない|なかった)(?:でしょうか|ですか|か)|ありませんでしょうか")
# A post passes on a voice or two; more are a list, and each is read as a draft of its own.
_LAST_QUOTES_TRIED = 3


def _end_of_post(doc: Document) -> int:
    """Where the draft's own words end: before trailing blank lines and lines of hashtags or links only."""
    end = len(doc.text.rstrip())
    while end > 0:
        start = doc.text.rfind("\n", 0, end) + 1
        line = doc.text[start:end]
        if line.strip() and _TRAILER.sub("", line).strip():
            break
        end = len(doc.text[:start].rstrip())
    return end


def _past_heading(doc: Document, start: int, end: int) -> int:
    """Past a heading that opens the sentence (「【人権週間】「…」という声」): it names the occasion, and answers
    nothing."""
    heading = _HEADING.match(doc.text, start, end)
    return heading.end() if heading is not None else start


def _unanswered_last(doc: Document) -> Iterator[Hit]:
    """A statement passed on in 「」 (`_PASSED_ON`) in the draft's last sentence, with no answer
    (`_ANSWER`) nor [deny] word in any other sentence of the draft."""
    end = _end_of_post(doc)
    if end == 0:
        return
    sent = doc.sentence_at(end - 1)
    # The statements passed on come first: most drafts have none, and the answers looked for below read
    # the draft's morphemes (the analyser took half of a plain 1,000-character draft's check).
    quotes = []
    for q in _LAST_QUOTE.finditer(doc.text, *sent):
        if _PASSED_ON.match(doc.text, q.end()) is not None:
            quotes.append(q)
            if len(quotes) > _LAST_QUOTES_TRIED:
                break
    if not quotes:
        return
    deny = matcher("discrimination.txt", "deny")
    # A heading alone on its line (「【人権週間】」) and the hashtags after the post (「#人権週間」) name the
    # occasion, and answer nothing; a hashtag that takes a side (「#差別をなくそう」) does.
    before = [x for x in doc.sentences if x[1] <= sent[0] and not _HEADING.fullmatch(doc.text, *x)]
    if _TRAILER_ANSWER.search(doc.text, end, len(doc.text)) or any(
        deny.find(doc, within=x) or _ANSWER.search(doc.text, *x) for x in before
    ):
        return
    for tried, q in enumerate(quotes, 1):
        if tried > _LAST_QUOTES_TRIED:
            return
        after = (q.end(), end)
        # Answered, discouraged or repudiated in the rest: 「…という考え方を見直しましょう」「…との発言に抗議します」,
        # or before the quote in its sentence: 「差別をなくすため、「…」という声に向き合います」「根拠のない「…」という声」.
        if any(
            deny.find(doc, within=part) or any(p.search(doc.text, *part) for p in (_ANSWER, _DISCOURAGED, _HURTS, _REPUDIATED))
            for part in (after, (_past_heading(doc, sent[0], q.start()), q.start()))
        ):
            continue
        # Asked of the readers (「…という声を聞いたことはありませんか」「…という声にどう向き合うか」): the post asks
        # them to think, as 「と思っていませんか」 does; not 「…と思いませんか」, which asks them to agree.
        if doc.text[slice(*after)].rstrip(_CLOSING).endswith(("か", "？", "?")) and not _ASKS_AGREEMENT.search(doc.text, *after):
            continue
        if _quote_condemned(doc, q.start(), q.end() - 1) or _CALLED_UNLAWFUL.match(doc.text, q.end(), end):
            continue
        # Its words alone, as if the post said them.
        sub = Document(q.group(1))
        said = next(iter((*_group_statements(sub), *_verdicts(sub), *_wished_away(sub), *_blamed_for_crime(sub))), None)
        if said is not None:
            yield Hit(q.start(1) + said.start, q.start(1) + said.end, said.message.removesuffix(_REWRITE) + _PASSED_ON_HINT)


# The quote named and called unlawful: 「「女性は採用しません」という求人は違法です」「…は男女雇用機会均等法違反です」.
# Not denied (「…という求人は違法ではありません」).
_CALLED_UNLAWFUL = re.compile(
    r"[ \t　]*(?:という|といった|との|などの|のような)[^。！!？?\n「」]{0,20}?(?:は|も)[^。！!？?\n「」]{0,24}?"
    r"(?:違法|違反|禁じられ)(?![ \t　]*(?:です|だ|ている|ています)?[ \t　]*(?:では|じゃ|でな|でもな|とは|と(?:は|も)?(?:言|い|思)|か|[？?]))"
)


# A statement spelled to slip past the morphemes: in kana (「がいこくじんはでていけ」, which Sudachi cuts
# its own way), or with emoji and marks inside (「外🇨🇳国人は出て💢いけ」「がいこくじん は でていけ」).
# Read on the letters of a short sentence that is nothing but the statement: a group, as the topic,
# then what drives its people out or disparages them, and a tail of particles.
_SPELLED_MAX = 60
_NOT_LETTERS = re.compile(r"[\W_]+")
_SPELLED_LEAD = r"(?:ヤッパ(?:リ)?|ヤハリ|正直|ショウジキ|マジデ?|ホント(?:ウ)?ニ?|本当ニ?|結局|ケッキョク|アノ|日本ノ|ニホンノ)*"
# 「せいかつほごをうけているひとは」: a benefit's people, as `_past_receiving` reads them in words.
_SPELLED_PEOPLE = (
    r"(?:(?:ノ|(?:ヲ|ニ)?(?:ウケ|受ケ|モラッ|貰ッ|タヨッ|頼ッ|ジュキュウシ|受給シ)テ(?:イ)?ル)(?:ヒト|人|カタ|方|ヤツ|奴|レンチュウ|連中))?"
    r"(?:タチ|達|ラ|ドモ|共)?"
)
_SPELLED_TOPIC = r"(?:ニハ|ニワ|ハ|ワ|モ|ッテ|ナンテ|ナンカ)"
_SPELLED_PRESS = r"(?:ホント(?:ウ)?ニ?|本当ニ?|マジデ?|ヤッパ(?:リ)?|正直|ショウジキ|絶対ニ?|ゼッタイニ?|モウ|サッサト|ハヤク|早ク|全員|ゼンイン|ミンナ)*"
_SPELLED_WHENCE = (
    r"(?:(?:ニホン|日本|コノ(?:マチ|町|国|クニ|市|シ)|ジョウエツ|上越)カラ|(?:ジブンノ|自分ノ)?(?:クニ|国|母国|ボコク)(?:ニ|ヘ)?)?"
)
_SPELLED_SAID = (
    r"(?:デテ|出テ)(?:イ|行)?ケ|(?:カエ|帰)レ|(?:オイダ|追イ出)セ|イナクナレ|イナクナッテ|(?:ク|来)ルナ|(?:キ|来)ナイデ"
    r"|(?:ヒッコ|引ッ込)ンデ(?:イ)?ロ|(?:キエ|消エ)ロ|(?:シ|死)ネ|(?:オコトワ|オ断)リ"
    r"|(?:ジャマ|邪魔|メイワク|迷惑)(?:ダ|デス)?|(?:イ|要)ラ(?:ナイ|ネ[ーエ]?|ン)|(?:アマ|甘)エ|キモ(?:イ)?|キショ(?:イ)?"
    r"|(?:キタナ|汚)イ|(?:クサ|臭)イ|(?:キ|気)(?:モチ|持チ)(?:ワル|悪)イ|(?:ヤク|役)(?:タ|立)タズ"
    # The wishes and orders the morphemes read in kanji (`_WISHED_AWAY`, the licence of [exclusion]).
    r"|(?:(?:カエ|帰)ッテ|(?:デテ|出テ)(?:イ|行)ッテ|イナクナッテ|(?:キエ|消エ)テ|(?:コ|来)ナイデ)(?:ホシ|欲シ|モライタ)イ"
    r"|(?:(?:クニ|国)(?:ニ|ヘ)(?:カエ|帰)(?:ルベキ|レバ(?:イイ|ヨイ|良イ))|(?:シセツ|施設)ニ(?:イ|居)(?:ルベキ|レバ(?:イイ|ヨイ|良イ)|ロ))"
    r"|(?:(?:ウンテン|運転)?(?:メンキョ|免許)(?:ヲ)?)?(?:ヘンノウ|返納)(?:シロ|セヨ|サセロ|(?:ス|スル|サセル)ベキ)"
)
_SPELLED_TAIL = r"(?:ダ|デス|ヨ|ネ|ナ|ゾ|ヤ|ワ|ダロ(?:ウ)?|デショ(?:ウ)?|ジャン|W|w|草|笑)*"


def _spelled(groups: Iterable[str], topic: str = _SPELLED_TOPIC) -> re.Pattern[str]:
    alternatives = sorted({fold(g) for g in groups if not g.isascii()}, key=len, reverse=True)
    group = "|".join(map(re.escape, alternatives))
    return re.compile(
        f"{_SPELLED_LEAD}(?:{group}){_SPELLED_PEOPLE}{topic}{_SPELLED_PRESS}{_SPELLED_WHENCE}"
        f"(?:{_SPELLED_SAID}){_SPELLED_TAIL}"
    )


_ALL_GROUPS = (*load_sections("discrimination.txt").get("groups", ()), *load_sections("discrimination.txt").get("groups_kana", ()))
_SPELLED_STATEMENT = _spelled(_ALL_GROUPS)
# A hashtag runs its words together and drops the particle: 「#外国人いらない」「#生活保護甘え」「#障害者邪魔」.
_HASHTAG_STATEMENT = _spelled(_ALL_GROUPS, f"{_SPELLED_TOPIC}?")
_HASHTAG = re.compile(r"[#＃]([^\s#＃]{2,60})")
# An illness or a condition dismissed as a weakness, spelled (「うつびょうはあまえ」「ひきこもりはあまえ」) or run
# together in a hashtag (「#うつ病甘え」): [conditions] and [conditions_kana] with the kana of [condition_verdict].
_CONDITION_SAID = (
    r"(?:アマエ|甘エ)(?:ダ|テ(?:イ)?ル(?:ダケ)?)?|(?:イイワケ|言イ訳)(?:バカリ)?|(?:ナマケ|怠ケ)(?:モノ|者)?"
    r"|(?:キ|気)ノ(?:モチ|持チ)(?:ヨウ|様)|(?:キ|気)ノセイ|(?:ココロ|心)ガ(?:ヨワ|弱)イ|(?:コンジョウ|根性)(?:ガ?ナイ|ナシ)"
    r"|ケビョウ|仮病|ワガママ|(?:ドリョク|努力)(?:ブソク|不足)"
)
_ALL_CONDITIONS = (
    *load_sections("discrimination.txt").get("conditions", ()), *load_sections("discrimination.txt").get("conditions_kana", ())
)


def _spelled_condition(topic: str) -> re.Pattern[str]:
    alternatives = sorted({fold(c) for c in _ALL_CONDITIONS if not c.isascii()}, key=len, reverse=True)
    return re.compile(
        f"{_SPELLED_LEAD}(?:{'|'.join(map(re.escape, alternatives))})(?:ノ(?:ヒト|人|カタ|方)(?:タチ|達)?)?{topic}{_SPELLED_PRESS}"
        f"(?:{_CONDITION_SAID}){_SPELLED_TAIL}"
    )


_SPELLED_CONDITION = _spelled_condition(_SPELLED_TOPIC)
_HASHTAG_CONDITION = _spelled_condition(f"{_SPELLED_TOPIC}?")
_CONDITION_MESSAGE = "{said}は、病気や障害の当事者への偏見を助長する表現と受け取られます。" + _REWRITE
# Quoted (shown as what was said) or asked (「がいこくじんは いらない？」, a survey's question).
_QUOTE_MARKS = re.compile(r"[「」『』\"“”？?]")


def _spelled_statements(doc: Document) -> Iterator[Hit]:
    """Short sentences that are nothing but a group told to leave or disparaged, read on their letters
    alone (`_SPELLED_STATEMENT`): 「がいこくじんはでていけ」「外国人は　でて　いけ！」. Not one in quotes,
    which a human-rights post shows as what was said, nor a question."""
    for a, b in doc.sentences:
        if b - a > _SPELLED_MAX or _QUOTE_MARKS.search(doc.text, max(0, a - 1), min(len(doc.text), b + 1)):
            continue
        # 「外国人は出ていけ！という声もありますが、…」: not the whole sentence, which goes on to report it.
        if _said_sentence(doc, a)[1] != b:
            continue
        letters = _NOT_LETTERS.sub("", fold(doc.text[a:b]))
        text = doc.text[a:b]
        start, end = a + len(text) - len(text.lstrip()), a + len(text.rstrip())
        if _SPELLED_STATEMENT.fullmatch(letters):
            yield Hit(start, end, f"「{text.strip()}」は人々を一括りにして排除・差別する表現と受け取られます。表現を改めてください。")
        elif _SPELLED_CONDITION.fullmatch(letters):
            yield Hit(start, end, _CONDITION_MESSAGE.format(said=f"「{text.strip()}」"))
    if "#" not in doc.text and "＃" not in doc.text:
        return
    deny = matcher("discrimination.txt", "deny")
    for m in _HASHTAG.finditer(doc.text):
        letters = _NOT_LETTERS.sub("", fold(m.group(1)))
        if _HASHTAG_STATEMENT.fullmatch(letters):
            message = f"ハッシュタグ「{m.group()}」は人々を一括りにして排除・差別する表現と受け取られます。表現を改めてください。"
        elif _HASHTAG_CONDITION.fullmatch(letters):
            message = _CONDITION_MESSAGE.format(said=f"ハッシュタグ「{m.group()}」")
        else:
            continue
        # 「「#外国人いらない」というハッシュタグが広がっています」: a tag reported or opposed by the post.
        if doc.enclosing_quote(m.start(), m.end(), 70) is not None or deny.find(doc, within=doc.sentence_at(m.start())):
            continue
        yield Hit(m.start(), m.end(), message)


# One people ranked above another (「中国人より日本人の方が優秀です」「日本人は中国人より勤勉です」「中国人は日本人と
# 違ってマナーが悪い」), or put first by the post (「外国人より日本人を優先すべきです」). Only peoples and the sexes,
# and only a word of worth: 「日本人より外国人の方が多い地区」「10年前より外国人の方が増えています」 count.
_PEOPLES = (
    r"(?:(?:日本|中国|韓国|朝鮮|ベトナム|フィリピン|ブラジル|ネパール|インドネシア|タイ|アメリカ|インド|ミャンマー|ペルー"
    r"|ロシア|アジア|アフリカ|欧米|白|黒)人|外国人|在日|移民|男性|女性|男|女)(?:の(?:方々|人たち|人))?"
)
_WORTH = (
    r"(?:優秀|優れ|賢い|頭が(?:いい|良い)|勤勉|真面目|まじめ|礼儀正し|民度が(?:高|低)|マナーが(?:いい|良い|悪い)|上品|下品"
    r"|信用でき|信頼でき|清潔|正直|働き者|劣って|劣る|ずるい|汚い|うるさい|怠け者|怠惰|野蛮|役に立|使える|使えない|価値が)"
)
_RANKED = re.compile(
    rf"{_PEOPLES}(?:より|よりも)[、,]?[ \t]*{_PEOPLES}(?:の)?(?:方|ほう)が[^。！？!?\n「」]{{0,12}}?{_WORTH}"
    rf"|{_PEOPLES}(?:は|の(?:方|ほう)が)[、,]?[ \t]*{_PEOPLES}(?:より|よりも|と(?:は)?違って|と比べて|に比べて|と比べると)[、,]?"
    rf"[^。！？!?\n「」]{{0,12}}?{_WORTH}"
    rf"|{_PEOPLES}(?:より|よりも)[、,]?[ \t]*{_PEOPLES}を(?:優先|優遇)(?:す(?:べき|る(?:べき)?)|しろ|せよ|して(?:ほしい|ください))"
)


_RANKING_DENIED = re.compile(
    r"(?:なんて|という|といった)?(?:こと|事|わけ)(?:は|では|じゃ)?(?:ない|ありません|ございません)|ではありません|じゃない"
    r"|とは限(?:らない|りません)|とは言えない|とは言えません|根拠(?:は|が)?(?:ない|ありません)"
)
_SURVEYED = re.compile(r"調査|統計|データ|割合|傾向|結果|研究|によると|アンケート|回答|答え")
# The word of worth not said of the people themselves: as a manner (「男性より女性の方が真面目に健診を受けて
# います」「清潔に気を使う」), of a thing (「外国人の方が使える窓口が少ない」), or as what others answer, feel or
# say (「〜マナーが悪いと答えた人が多く」「〜うるさいと感じる人」「〜マナーが悪いという意見もありました」).
# The post's own 「〜優秀だと思います」 stays a ranking.
_WORTH_ELSEWHERE = re.compile(
    r"(?:る|い)?[一-龥ァ-ヶ]|に(?!は|も)"
    r"|[ぁ-ん]{0,4}?(?:だ|です)?[、,]?\s*(?:と|って)(?!思う|思います|思っています|考えます|考えています)"
)


def _rankings(doc: Document) -> Iterator[Hit]:
    """Sentences that rank one people above another by worth (`_RANKED`), not in quotes, asked, nor
    in a sentence that opposes such words ([deny])."""
    if "より" not in doc.text and "違って" not in doc.text and "比べ" not in doc.text:
        return
    deny = matcher("discrimination.txt", "deny")
    seen: set[tuple[int, int]] = set()
    for m in _RANKED.finditer(doc.text):
        sent = doc.sentence_at(m.start())
        if sent in seen:
            continue
        seen.add(sent)
        if doc.enclosing_quote(m.start(), m.end(), 60) is not None or deny.find(doc, within=sent):
            continue
        if _QUESTION.search(doc.text[m.end() : sent[1]]) or _RANKING_DENIED.search(doc.text, m.end(), sent[1]):
            continue  # 「日本人の方が外国人より優秀なのでしょうか？」「…優秀、なんてことはありません」
        if _SURVEYED.search(doc.text, *sent):
            continue  # 「女性の方が男性より…という調査結果が出ました」: a finding reported, with its source
        if _WORTH_ELSEWHERE.match(doc.text, m.end(), sent[1]):
            continue
        yield Hit(m.start(), m.end(), f"「{m.group()}」は人々を国籍・性別で比べておとしめる表現と受け取られます。表現を改めてください。")


# A role assigned by sex, as the post's own word (固定的性別役割分担意識, which 男女共同参画 notices ask
# readers to let go of): 「女は家事をしていればいい」「男なら泣くな」「家事は女がするもの」「男は仕事、女は家庭」.
_WOMAN = r"(?:女|女性|女の子|女子|嫁|妻|主婦|オンナ)"
_MAN = r"(?:男|男性|男の子|男子|夫|旦那)"
_AS_ONE = r"(?:は|なら|だったら|なんだから|のくせに|って|たるもの|というものは)[、,]?[ \t]*"
_JOB = (
    r"(?:管理職|リーダー|上司|政治家|議員|社長|経営者|幹部|課長|部長|市長|町長|村長|首長|エンジニア|技術者|技術職|運転手|ドライバー"
    r"|消防士|消防職|自衛官|警察官|医師|医者|外科医|パイロット|大工|職人|保育士|看護師|介護士|介護職|秘書|研究者|理系|営業)"
)
_UNFIT = (
    r"(?:(?:無理|むり|ムリ)(?![をにのなしせさすがも])|向いていない|向いてない|向いていません|向いてません|向かない|向きません|務まらない|務まりません|つとまらない"
    r"|できない|できません|出来ない|出来ません)"
)
_CARE_JOB = r"(?:保育士|看護師|助産師|介護士|ヘルパー|ベビーシッター|保健師)"
_HOME = r"(?:家事|料理|炊事|子育て|育児|家庭|家|台所|家のこと|夫|旦那|お茶くみ)"
_GENDER_ROLE = re.compile(
    rf"{_WOMAN}{_AS_ONE}[^。！？!?\n「」]{{0,8}}?{_HOME}(?:を|に|が|だけ|さえ|の|と)?[^。！？!?\n「」]{{0,8}}?"
    r"(?:(?:して|やって)(?:い)?(?:れば|りゃ)(?:いい|よい|良い|いいんだ)|すれば(?:いい|よい|良い)|に(?:入|はい)(?:れ(?![ばるたてなまずよ])|るべき|ればいい)"
    r"|に(?:い|居)れば(?:いい|よい|良い)|に専念(?:すべき|しろ|せよ|すればいい|していればいい)|(?:を)?(?:す|や)(?:べき|るべき|るもの|ればいい)"
    r"|が(?:仕事|役目|務め|本分|幸せ)|に(?:従え|従うべき|尽くせ|尽くすべき)|を(?:支えろ|支えるべき|守れ|守るもの(?!の)|守るべき"
    # 「女性は家庭を守るのが一番です」: the same role, said as what suits women best.
    r"|守るのが(?:一番|いちばん|仕事|役目|務め|本分|幸せ)))"
    rf"|{_HOME}(?:は|なんて|なんか)[、,]?[ \t]*{_WOMAN}(?:が|の)(?:(?:す|や)るもの|(?:す|や)るべき|仕事|役目|務め|本分)"
    rf"|{_MAN}{_AS_ONE}[^。！？!?\n「」]{{0,8}}?(?:泣くな|泣くんじゃない|泣いては(?:いけない|だめ|ダメ)|泣いちゃ(?:いけない|だめ|ダメ)"
    r"|弱音を吐くな|弱音を吐いては(?:いけない|だめ|ダメ)|めそめそするな|外で働け|稼げ|稼いでこい|稼いで来い|家族を養え|家族を養うべき"
    r"|家事なんて(?:しなくていい|するな)|台所に立つな"
    # The same as what men are (「男は外で働くものだ」「男は外で稼ぐもの」「男は泣かないものだ」), as 「女は家事をするもの」
    # is: not 「働くものの」, which concedes, nor 「働く場所」.
    r"|(?:働く|稼ぐ|養う|仕事をする)(?:もの(?!の)|もん|べき(?!か))|泣かない(?:もの(?!の)|もん|べき(?!か))|泣くも(?:の|ん)(?:では|じゃ)ない)"
    # 「男のくせに料理なんか」「男のくせに育休なんて」, as the word 「女のくせに」 is; bare (「「男のくせに」」) or
    # followed by 「と」「なんて」 (「男のくせに、と言わないで」) it is only named.
    r"|(?:男|男性|男の子|男子)(?:のくせに|だてらに)(?=[、,]?[ \t]*[^、,。！？!?\n「」」』\s])"
    r"(?![、,]?[ \t]*(?:と|って|など|なんて|なんか))"
    rf"|{_MAN}は(?:仕事|外)[、,・][ \t]*{_WOMAN}は(?:家庭|家|内)"
    # A post or a trade kept from one sex (「女に管理職は無理」「女性に管理職は向いていません」「女性は管理職に向かない」)
    # or given to it (「看護師は女性の仕事です」「保育士は女がやるもの」).
    rf"|(?:{_WOMAN}|{_MAN})(?:に|には)[、,]?[ \t]*{_JOB}(?:は|なんて|なんか|が)?[ \t]*{_UNFIT}"
    rf"|(?:{_WOMAN}|{_MAN})(?:は|って|なんて)[、,]?[ \t]*{_JOB}(?:に|には|に[はも]?[ \t]*(?:絶対|どうせ|やっぱり|やはり))[ \t]*{_UNFIT}"
    rf"|{_JOB}(?:は|って|なんて)[、,]?[ \t]*(?:{_WOMAN}|{_MAN})(?:の(?:仕事|役目|職業)|が(?:す|や)るもの|が(?:す|や)るべき)"
    # A man in a caring trade said to be a worry (「男性保育士って、ちょっと心配ですよね」), as the post's own feeling.
    rf"|{_MAN}(?:の)?{_CARE_JOB}(?:って|は|なんて|なんか)[、,]?[ \t]*[^。！？!?\n「」、,]{{0,8}}?"
    r"(?:心配|不安|怖い|こわい|気持ち悪い|キモい)(?:です|だ|だな)?(?:よね|ね|よな|な|よ|わ)?(?=[。！？!?\n]|$)"
)
# Women kept from the common work and sent home, in polite words: 「女性は避難所の手伝いをせず、家にいてください」
# 「女性は復旧作業に参加しないで、家で待っていてください」. Only the work everyone shares named before home: 「感染した方
# は家にいてください」 names no sex, and 「妊娠中の女性は作業をせず、家で休んでください」 is for their health
# (`_FOR_THEIR_SAKE`, read on the sentence).
_KEPT_HOME = re.compile(
    rf"{_WOMAN}(?:の方|の人)?(?:は|の皆さんは|の皆様は)[、,]?[ \t]*[^。！？!?\n「」]{{0,16}}?"
    r"(?:手伝い|作業|仕事|参加|活動|運営|片付け|片づけ|炊き出し|会議|話し合い|復旧|ボランティア|消防団|自治会)"
    r"(?:を|に|は|も|へ)?[ \t]*(?:せず|しないで|しなくて(?:いい|よい|結構)(?:ので|から|です)?|参加せず|参加しないで|加わらず|加わらないで)[、,]?[ \t]*"
    r"家(?:に|で)(?:いて|居て|待って|待機して|休んで|じっとして)(?:いて)?(?:ください|下さい|いなさい|ほしい|欲しい|もらいたい)"
)
# The role named to be questioned: 「「男は仕事、女は家庭」という考え方を見直しましょう」「女性は家事をすべき、という
# 思い込みはありませんか」「男の子なら泣くなと言われて育った」. Also denied or asked (「〜わけではありません」「〜でしょうか」).
_ROLE_QUESTIONED = re.compile(
    r"という|といった|などの|考え|意識|価値観|固定観念|固定的|役割分担|思い込|押し付け|押しつけ|決めつけ|決め付け|偏見|差別|"
    r"見直|古い|時代|昔|かつて|言われ|と言う|と言って|と(?:いう|言う)の|(?:言|い)わない(?:で|ように)|(?:なんて|なんか|とは|などと)[、,]?[ \t　]*(?:言|い)わせない|では(?:なく|ありません|ない)|じゃない|のではなく|なくそう|"
    r"アンコンシャス|無意識|男女共同参画|ジェンダー|誤解|わけでは|わけじゃ|ません|でしょうか|ですか|[？?]|"
    # Held by others, as an image (「看護師は女性の仕事と思われがちですが」「…と思っている人が、まだ多い」).
    r"思われ|見られ|イメージ|(?:思|考え)(?:って|てい)?(?:いる|る|う)(?:人|方)"
)


# The name of the work a heading files the post under (「【男女共同参画】」「【ジェンダー平等】」) reads as the role taught
# against, since such posts set it down bare and answer it next (「…。こうした固定観念をなくしましょう」「…。そんな時代は
# 終わりました」); but not when the next sentence owns it: 「【男女共同参画】女は家事をしていればいい。これが本音です。」.
_TOPIC_NAMES = re.compile(r"男女共同参画|ジェンダー")


def _owned_after_topic_heading(doc: Document, sent: tuple[int, int], start: int) -> bool:
    """Whether the sentence ``sent`` holds, before ``start``, no word that questions the role but the work's name in
    its heading (`_TOPIC_NAMES`), and the next sentence of its paragraph takes the role's side (`_took_its_side`)."""
    head = _HEADING.match(doc.text, sent[0])
    if head is None or _ROLE_QUESTIONED.search(doc.text, head.end(), start):
        return False
    if not all(_TOPIC_NAMES.fullmatch(q.group()) for q in _ROLE_QUESTIONED.finditer(doc.text, sent[0], head.end())):
        return False
    after = doc.next_in_paragraph(sent[1])
    if after is None:
        return False
    return _took_its_side(doc, after[0], after[1], sent[1])


# The role set in the past by the next sentence, as a 男女共同参画 post opens (「男は外で働くもの、女は家庭を守るもの。
# そんな時代は終わりました。」「…。今はそんな時代ではありません。」「…。それは昔の話です。」). Only for roles: 「外国人は
# 出ていけ。その時代は終わりました。今こそ追い出そう。」 is no such post. Not asked (「そんな時代は終わったのでしょうか」)
# nor put in others' mouths (「…終わった、と言う人も」「…終わった、なんて嘘です」).
_ROLE_OF_THE_PAST = re.compile(
    rf"[ \t　]*(?:(?:今|いま)は[、 \t　]*)?{_POINTER}時代(?:は[ \t　]*(?:もう|とっくに|すでに|既に)?[ \t　]*"
    r"(?:終わ(?:りました|った|りつつあります)|過ぎ(?:去)?(?:りました|った|ました))|(?:では|じゃ)(?:ありません|ない))"
    rf"(?![ \t　]*(?:の(?:でしょう|です)?か|でしょうか|か|が|けど|けれど|[？?]))(?!{_NOT_CALLED_FOR})"
    # 「…。そう考える人は減っています。」: fewer hold it now.
    rf"|[ \t　]*{_POINTER}(?:考え|思)(?:る|ている|てる)(?:人|方)(?:は|が)[ \t　]*(?:年々|だんだん|次第に|確実に)?[ \t　]*"
    r"(?:減(?:って|り|った|少)|少なくな)"
    rf"|[ \t　]*(?:それ|これ|{_POINTER}(?:の|考え方?))は[ \t　]*(?:もう)?[ \t　]*(?:昔|過去)の(?:話|もの|こと)(?:です|だ)"
    rf"(?![ \t　]*(?:か|が|けど|けれど|[？?]))(?!{_NOT_CALLED_FOR})"
)


def _role_set_in_the_past(doc: Document, end: int) -> bool:
    """Whether the sentence after the one ending at ``end``, in its paragraph, sets the role in the past
    (`_ROLE_OF_THE_PAST`) and what follows does not take its side (「…。そんな時代は終わりました。でも今もそうです。」)."""
    after = doc.next_in_paragraph(end)
    if after is None or (m := _ROLE_OF_THE_PAST.match(doc.text, after[0], after[1])) is None:
        return False
    further = doc.next_in_paragraph(after[1])
    if further is not None:
        # 「…。そんな時代は終わりました。でも今もそうあるべきです。」: held still, after the turn.
        start = t.end() if (t := _TURN_OPENING.match(doc.text, further[0], further[1])) else further[0]
        if _AGREED_NEXT.search(doc.text[start : further[1]]) or _UPHELD_NEXT.match(doc.text, start, further[1]):
            return False
    return not _took_its_side(doc, m.end(), further[1] if further is not None else after[1], after[1])


_GOES_ON = re.compile(r"[ \t]*(?:と|って)")
_GOES_ON_REACH = 40
# The `_ROLE_QUESTIONED` words that only say the role was once said or held, not that it is wrong.
_ROLE_ONCE_SAID = frozenset(("言われ", "時代", "昔", "かつて"))


def _gender_roles(doc: Document) -> Iterator[Hit]:
    """Sentences that assign a role by sex as the post's own word (`_GENDER_ROLE`), not one quoted
    in 「」 nor named to be questioned (`_ROLE_QUESTIONED`)."""
    if not any(w in doc.text for w in ("女", "男", "嫁", "妻", "主婦", "オンナ", "家事")):
        return
    seen: set[tuple[int, int]] = set()
    kept_home = [m for m in _KEPT_HOME.finditer(doc.text) if not _FOR_THEIR_SAKE.search(doc.text, *doc.sentence_at(m.start()))]
    for m in (*_GENDER_ROLE.finditer(doc.text), *kept_home):
        sent = doc.sentence_at(m.start())
        if sent in seen:
            continue
        seen.add(sent)
        if doc.enclosing_quote(m.start(), m.end(), 40) is not None:
            continue
        # 「男なら泣くな！と言われて育った」: the 「！」 ends the sentence in this view, and the report goes on after it.
        end = sent[1]
        if doc.text[end - 1 : end] in ("！", "!") and _GOES_ON.match(doc.text, end):
            end = min(doc.sentence_at(end)[1], end + _GOES_ON_REACH)
        questioned = {q.group() for q in _ROLE_QUESTIONED.finditer(doc.text, m.end(), end)}
        asked_before = {q.group() for q in _ROLE_QUESTIONED.finditer(doc.text, sent[0], m.start())}
        # Only reported as once said, then agreed with in the next sentence: 「女は家事をするものだと言われて
        # いました。今もそうあるべきです。」「昔は、男は外で働くものと言われた時代がありました。その通りです。」.
        if (questioned or asked_before) and (questioned | asked_before) <= _ROLE_ONCE_SAID and _agreed_next(doc, (sent[0], end)):
            questioned = asked_before = set()
        if questioned or _role_set_in_the_past(doc, end):
            continue
        if asked_before and not _owned_after_topic_heading(doc, sent, m.start()):
            continue
        yield Hit(
            m.start(),
            m.end(),
            "性別で役割を決めつける表現（固定的な性別役割分担意識）と受け取られます。表現を改めてください。",
        )


def _in_other_sentences(doc: Document, reported: Sequence[Hit], found: Iterable[Hit]) -> list[Hit]:
    """Those of ``found`` (statements across sentences or in other languages) whose sentences no hit
    of ``reported``, nor an earlier one of ``found``, touches: one finding per sentence."""
    return _kept_in_other_sentences(doc, reported, ((h, _as_is) for h in found))


def _as_is(hit: Hit) -> Hit | None:
    return hit


def _kept_in_other_sentences(
    doc: Document, reported: Sequence[Hit], found: Iterable[tuple[Hit, Callable[[Hit], Hit | None]]]
) -> list[Hit]:
    """`_in_other_sentences`, each hit of ``found`` first passed through its own ``keep`` (None drops it), which
    is only run for a hit whose sentences are not taken yet: a hit dropped takes none, so the result is that of
    filtering ``found`` first, without the reading for hits that could not be kept anyway."""
    taken = {doc.sentence_at(p) for h in reported for p in (h.start, h.end - 1)}
    kept: list[Hit] = []
    for h, keep in found:
        ends = {doc.sentence_at(h.start), doc.sentence_at(h.end - 1)}
        if ends & taken:
            continue
        k = keep(h)
        if k is not None:
            taken |= ends
            kept.append(k)
    return kept


def _own_object(doc: Document, first: int, groups_end: set[int]) -> bool:
    """True when the morpheme before token `first` is を after a noun that is neither a group (a group
    match ends on one of `groups_end`) nor a pronoun: 「鬼を追い出そう」, not 「外国人を追い出せ」."""
    tokens = doc.tokens
    if first < 2 or tokens[first - 1].surface != "ヲ" or tokens[first - 1].pos != "助詞":
        return False
    j = first - 2
    while j >= 0 and tokens[j].pos == "接尾辞" and j not in groups_end:  # 「外国人たちを」
        j -= 1
    if j < 0 or j in groups_end or tokens[j].pos == "代名詞" or tokens[j].surface in _PRONOUNS:
        return False
    # 「外国人の人を」「在日の連中を」 are the group's people.
    return not (tokens[j].surface in _PEOPLE and j >= 1 and tokens[j - 1].surface == "ノ")


# The [exclusion] entries that keep the reader from someone named right before them with と or に: 「部落の人とは
# 付き合うな」「あの地区の人と結婚しないほうがいい」 shun the group, but a fraud warning to a group keeps them from
# someone else (「高齢者の方は、不審な電話の相手とは関わらないでください」「外国人の方へ、不審な電話には関わらないで
# ください」「…知らない業者とは付き合わないほうがいいです」).
_COMPANION_VERBS = ("付き合", "付きあ", "つきあ", "関わ", "かかわ", "結婚")
_KIN = frozenset(("家族", "家", "子", "子ども", "子供", "こども", "親", "息子", "娘", "一家", "家庭"))
_KIN_REACH = 5


def _kept_from_someone_else(doc: Document, x: Match, groups_end: set[int]) -> bool:
    """True when the [exclusion] ``x`` is one of `_COMPANION_VERBS` and whom it keeps the reader from, the noun before
    its 「と(は)」「に(は)」, is neither a group (a group match ends on one of ``groups_end``), a pronoun, nor a group's
    people (「部落の人とは」「同和地区の出身者と」)."""
    if not doc.text.startswith(_COMPANION_VERBS, x.start):
        return False
    tokens = doc.tokens
    k = x.first - 1
    if k >= 0 and tokens[k].pos == "助詞" and tokens[k].surface in ("ハ", "モ"):
        k -= 1
    if k < 1 or tokens[k].pos != "助詞" or tokens[k].surface not in ("ト", "ニ"):
        return False
    j = k - 1
    # 「外国人たちとは」「障害者なんかと」「外国人とだけは」
    while j >= 0 and j not in groups_end and (tokens[j].pos == "接尾辞" or (tokens[j].pos == "助詞" and tokens[j].pos2 == "副助詞")):
        j -= 1
    if j < 0 or j in groups_end or tokens[j].pos == "代名詞" or tokens[j].surface in _PRONOUNS:
        return False
    if not (tokens[j].surface in _PEOPLE or tokens[j].surface in _KIN or tokens[j].surface.endswith("者")):
        return True
    # The people the group's name describes, in the same phrase: 「あの地区に住む人」「障害者の家族」.
    for i in range(j - 1, max(-1, j - 1 - _KIN_REACH), -1):
        if i in groups_end:
            return False
        if tokens[i].surface in ("、", ",", "，", "。") or (tokens[i].pos == "助詞" and tokens[i].surface in ("ハ", "モ")):
            break
    return True


# 「障害者の方も、どんどん外に出ていってください」「高齢者の方も、積極的に外に出ていってください」: a 外出支援
# post sends the group out of doors to enjoy the town, inviting them; it drives no one out of anywhere. Only the
# polite request (「出ていってください」「出ていってみませんか」), to 外 itself (not 「国の外に」), with the group
# included (も) or urged on (どんどん, 積極的に): 「障害者は出ていってください」「障害者の方も出ていって
# ください」 (no 外に: leave, too) and 「外国人は外に出ていけ」 (the bare order) still drive them out, and
# 「障害者の方は外に出ていってください」 (no も nor urging) may turn them out of the room.
_THEIR_PEOPLE = r"(?:の(?:方々?|皆さん|皆様|みなさん|みなさま))?"
_GONE_OUTDOORS = re.compile(
    # Other groups listed with it first: 「障害者の方も、高齢者の方も、どんどん外に出ていってほしい」. Three at most:
    # its も・や・と can be read as a group's name too, and unbounded, each reading of a run of them was tried
    # (「障害者の方」 and forty 「も」 before 「出ていってください」 took a minute; forty more, years).
    rf"(?:{_THEIR_PEOPLE}(?:も|や|と|・)[、,]?[ \t　]*[^、,。！？!?\n]{{1,15}}?){{0,3}}?"
    rf"{_THEIR_PEOPLE}(?P<also>も)?[、,]?[ \t　]*"
    r"(?P<urged>(?:(?:どんどん|どしどし|積極的に|ぜひ|是非|気軽に|お気軽に|もっと|遠慮なく|たくさん)[、,]?[ \t　]*)+)?"
    r"(?:外|そと|おもて|表)(?:に|へ)[ \t　]*$"
)
_INVITED_OUT = re.compile(r"(?:ください|下さい|みてください|みませんか|みましょう|ほしい|欲しい)")
# What turns the invitation back into banishment in the words after it: 「…外に出ていってください。そして二度と
# 戻ってこないでください」.
# Also the place they are to leave named after it (「…出ていってほしい。日本から。」「…、この町から」「（施設から）」),
# a return refused in other words (「ここには来ないで」「戻ってこなくていいです」「永久に」), or the scorn that gives
# the reason (「邪魔なので」「目障りだ」). Not 出来ない (「一人で外出が出来なくてお困りの方は社協へ」).
_NOT_BACK = re.compile(
    r"二度と|永久に|(?:戻って|帰って|もどって|かえって)(?:こ|来)(?:ないで|るな|なくて)|(?:戻って|帰って)くるな"
    r"|(?:(?<!出)来|こ)(?:ないで|るな|なくて)|戻らなくて|帰らなくて|邪魔|目障り|うざ|ウザ|鬱陶し|うっとうし|消えて"
    r"|(?:[\u4e00-\u9fff\u30a0-\u30ff]|ここ|そこ)から(?:も)?(?=[、,。．！!？?）)\s]|$)"
)
_NOT_BACK_REACH = 40


# Whom a 外出支援 post invites out: disabled and older people. 「外国人の方も、ぜひ外に出ていってほしい」
# 「在日の方も、どんどん外に出ていってください」 tell a nationality to get out of the country, as 「外」 alone says.
_OUTING_GROUP = re.compile(r"障害|障がい|障碍|車いす|車椅子|高齢|老人|年寄り")


def _invited_out(doc: Document, group: tuple[int, int], start: int) -> bool:
    """True when the 「出ていって」 at `start`, after `group` (its span), is the 外出支援 post's polite
    invitation out of doors (`_GONE_OUTDOORS`) to disabled or older people, not an order or a wish that they
    leave."""
    if not _OUTING_GROUP.search(doc.text, *group):
        return False
    group_end = group[1]
    went = next((w for w in ("出ていって", "出て行って") if doc.text.startswith(w, start)), None)
    if went is None:
        return False
    out = _GONE_OUTDOORS.match(doc.text, group_end, start)
    if out is None or not (out.group("also") or out.group("urged")):
        return False
    end = start + len(went)
    return _INVITED_OUT.match(doc.text, end) is not None and not _NOT_BACK.search(doc.text, end, end + _NOT_BACK_REACH)


def _is_licence(doc: Document, x: Match) -> bool:
    """True when the [exclusion] match `x` is the order that a driving licence be given up."""
    said = doc.text[x.start : x.end]
    return "返納" in said or "取り上げ" in said


# A group narrowed to some of its people by what comes before it (「運転に不安を感じる高齢者は」「認知機能が
# 低下した高齢者は」: a verb, adjective or auxiliary ending a clause on it), or named to be gone beyond
# (「高齢者に限らず、運転に不安がある方は」).
_BEYOND_GROUP = re.compile(r"[ \t]*(?:に限らず|にかぎらず|だけでなく|だけではなく|以外)")


def _narrowed(doc: Document, g: Match) -> bool:
    tokens = doc.tokens
    if g.first > 0 and tokens[g.first - 1].pos in ("動詞", "形容詞", "助動詞") and tokens[g.first - 1].end == g.start:
        return True
    return _BEYOND_GROUP.match(doc.text, g.end) is not None


_POLITE_AFTER = frozenset(("イイ", "ヨイ", "良イ", "ナイ"))


def _said_politely(doc: Document, k: int, sent: tuple[int, int]) -> bool:
    """Whether token ``k``, right after an [exclusion] that ends on 「いい」 or 「ない」, is the polite 「です」 that
    ends the advice (「同和地区の人とは結婚しないほうがいいです」「…付き合わないほうがいいですよ」): it says the same
    thing, not going on to ask (「…いいですか」) or concede (「…いいですが、」)."""
    tokens = doc.tokens
    # Only after 「いい」 and 「ない」, which [exclusion] never lists with their 「です」: entries that end on 「べき」
    # or 「ほしい」 list it (「返納すべきです」), and the longer match is the finding's span.
    if tokens[k].surface != "デス" or tokens[k - 1].surface not in _POLITE_AFTER:
        return False
    return _ADVICE_TAIL.fullmatch(doc.text, tokens[k].end, sent[1]) is not None


def _statements(doc: Document, exclusion: WordMatcher, sent: tuple[int, int]) -> Iterator[Match]:
    """The [exclusion] matches of the sentence `sent` that are said, not conjugated on."""
    tokens = doc.tokens
    for x in exclusion.find(doc, within=sent):
        nxt = tokens[x.last + 1] if x.last + 1 < len(tokens) else None
        # 「出ていけば」「出て行けます」 go on: they are not the imperative or the verdict. A noun
        # goes on to its copula (「外国人お断りです」) and stays one.
        conjugates = tokens[x.last].pos in ("動詞", "助動詞", "形容詞")
        if (
            conjugates and nxt is not None and (nxt.pos == "助動詞" or (nxt.pos == "助詞" and nxt.pos2 == "接続助詞"))
            and not _said_politely(doc, x.last + 1, sent)
        ):
            continue
        # Asked, not said: 「高齢者は免許を返納すべきか、ご意見を募集します」.
        if nxt is not None and nxt.surface == "カ" and nxt.pos == "助詞":
            continue
        # The licence order is an opinion argued in public, not a slur: only said as the post's own, ending
        # the sentence. 「高齢者は免許を返納すべき？」 asks, 「〜返納すべきとの声が高まっています」 reports,
        # 「高齢者だから免許を返納すべき、というわけではありません」 denies.
        if _is_licence(doc, x) and not _ADVICE_TAIL.fullmatch(doc.text, x.end, sent[1]):
            continue
        # English has no imperative form to tell 「Foreigners go home!」 from 「Foreigners who go home
        # for the holidays need a re-entry permit」: the English words only end the sentence, but a vice said of the
        # group may go on to more of them or to what to do about it: 「Those Filipinos are dirty and noisy.」「Koreans are
        # liars, don't trust them.」.
        if (
            doc.text[x.start].isascii() and not _ENGLISH_END.match(doc.text, x.end, sent[1])
            and not (doc.text.startswith("are ", x.start) and _EN_VERDICT_ON.match(doc.text, x.end, sent[1]))
        ):
            continue
        yield x


def _group_statements_across(doc: Document) -> Iterator[Hit]:
    """A sentence that names a group and the next one, which drives people out without naming them again:
    「ルールを守らないのは外国人ばかり。出ていけと言いたくなります。」. Only the imperatives of
    `[exclusion_next]`, unquoted (「「出ていけ」と書かれた張り紙がありました」 reports one), and neither
    sentence opposing such statements ([deny])."""
    driving_out = matcher("discrimination.txt", "exclusion_next")
    if not driving_out.present(doc):
        return
    groups = matcher("discrimination.txt", "groups")
    if not groups.present(doc):
        return
    deny = matcher("discrimination.txt", "deny")
    sentences = doc.sentences
    starts = [a for a, _ in sentences]
    seen: set[int] = set()
    for x in _statements(doc, driving_out, (0, len(doc.text))):
        k = bisect_right(starts, x.start) - 1
        if k < 1 or k in seen:
            continue
        seen.add(k)
        sent, before = sentences[k], sentences[k - 1]
        if doc.text[before[1] : sent[0]].count("\n") > 1:
            continue  # another paragraph
        if groups.find(doc, within=sent) or doc.enclosing_quote(x.start, x.end, 30) is not None:
            continue
        if _says_of_something_else(doc, sent, x.first) or _addressed(doc, sent, x.first, x.last):
            continue
        named = groups.find(doc, within=before)
        if not named or deny.find(doc, within=before) or deny.find(doc, within=sent):
            continue
        g = min(named, key=lambda m: (m.start, -m.end))
        yield Hit(
            g.start,
            x.end,
            f"{_people(doc.text[g.start : g.end])}を一括りにして排除・差別する表現と受け取られます。表現を改めてください。",
        )


# A wish that a group leave or stay out of sight: 「外国人には国に帰ってほしい」「障害者は外に出てこないで
# ほしい」. The same words say goodbye: 「技能実習生の皆さんには、元気に国に帰ってほしいです」. What tells
# them apart is who is spoken of and how: the group itself as the topic, not the people addressed
# (「〜の皆さん」「〜さん」), and no wish for their health or safety on the way (元気に, 無事に).
# Not 「ほしくない」: 「外国人には国に帰ってほしくない」 wishes they stay.
_WISHED_AWAY = guard(re.compile(
    r"(?:(?:自分の|元の|母|祖|本)?国|故郷|母国)(?:に|へ)(?:帰|かえ)って(?:(?:ほし|欲し|もらいた)(?!くな)[いく]?|くれたら|くれれば)"
    r"|(?:来|こ)ないで(?:(?:ほし|欲し|もらいた)(?!くな)[いく]?|くれ)"
    r"|出て(?:こ|来)ないで(?:(?:ほし|欲し|もらいた)(?!くな)[いく]?|くれ)"
    r"|(?:家|施設)(?:の中)?に(?:い|居)て(?:(?:ほし|欲し|もらいた)(?!くな)[いく]?|くれ)"
    r"|引っ?込んで(?:い)?て(?:(?:ほし|欲し|もらいた)(?!くな)[いく]?|くれ)"
    r"|(?:出て(?:い|行)って|いなくなって|消えて)(?:(?:ほし|欲し|もらいた)(?!くな)[いく]?|くれ)"
    # What they should do, said as the post's own advice: 「外国人は自分の国に帰るべきだ」「障害者は施設にいればいい」.
    # Only right after the group as the topic: 「技能実習生には、技術を身につけて国に帰るべきだと伝えています」
    # says what they go home with.
    r"|(?P<advice>(?:(?:自分の|元の|母|祖|本)?国|故郷|母国)(?:に|へ)(?:帰|かえ)(?:るべき|れば(?:いい|よい|良い))"
    r"|(?:家|施設)(?:の中)?に(?:い|居)(?:るべき|れば(?:いい|よい|良い)))"
    # 「外国人には本当に帰ってほしい」: home unnamed, also only right after the topic; and the same in polite
    # words (「在日の方々には帰っていただきたい」「外国人は来ないでください」「外国人の皆様にはお引き取り願いたい」).
    r"|(?P<bare>(?:帰|かえ)って(?:ほし|欲し|もらいた|いただきた|頂きた)(?!くな)[いく]?|(?:来|こ)ないでください"
    r"|(?:来|き)て(?:ほし|欲し|もらいた)くない|お引き?取り(?:願いたい|ねがいたい|願います|いただきたい|頂きたい|ください)"
    r"|(?P<driving>運転(?:を)?しないで(?:ほしい|欲しい|もらいたい|ください|いただきたい)))"
))
_REASON_REACH = 200
_WISH_TAIL = re.compile(r"[いく]?(?:です|ます|ね|よ|な|わ|のに|けど|と思う|と思います|[^\w？?]|[ｗw笑草])*")
# The advice said, ending the sentence: 「外国人は国に帰るべきだ」「障害者は施設にいればいいのに」. Not denied
# (「外国人は国に帰るべきではありません」「〜べきだとは思いません」), reported (「〜べきだという意見もあります」)
# nor named to be refuted (「〜べきという考えは誤りです」), nor asked (「〜べき？」).
_ADVICE_TAIL = re.compile(
    r"(?:だ|です|である|んだ|んです|のだ|のです|よ|ね|な|わ|のに|と思う|と思います|[^\w？?]|[ｗw笑草])*"
)
# Words that only press the bare wish harder, besides the adverbs of `_past_intensifiers`: 「外国人は早く帰ってほしい」.
_HURRY = frozenset(("早ク", "ハヤク", "スグ", "直グ", "今スグ"))
# Kindness or care in the sentence: a farewell (「元気に」「無事に」「気をつけて」「また来て」) or advice for
# their own sake (「大雪の日は無理に外出せず家にいてほしい」「体調の悪いときは来ないでほしい」).
_CARE = re.compile(
    r"元気|無事|気をつけ|気を付け|安全|笑顔|また(?:来|遊|会|上越|日本)|ぜひ|ゆっくり|幸せ|"
    r"外出|無理|体調|熱中症|感染|発熱|症状|暑|雪|台風|大雨|災害|避難|危険"
)
# The group as the topic: 「外国人は」「外国人には」「中国人観光客は」「移民たちも」.
_TOPIC = frozenset(("ハ", "モ", "ッテ"))
_ADDRESSED = frozenset(("皆", "皆サン", "皆様", "皆サマ", "サン", "様", "サマ", "君", "クン", "チャン", "氏"))


def _wished_away(doc: Document) -> Iterator[Hit]:
    """Sentences with a group as the topic and a wish that its people leave or keep out of sight
    (`_WISHED_AWAY`), said with no care for them (`_CARE`) nor opposing such words ([deny])."""
    wishes = list(_WISHED_AWAY.finditer(doc.text))
    if not wishes:
        return
    groups = matcher("discrimination.txt", "groups")
    if not groups.present(doc):
        return  # 「国に帰るべき」 is said of no one: not tokenized for nothing
    deny = matcher("discrimination.txt", "deny")
    tokens = doc.tokens
    seen: set[tuple[int, int]] = set()
    for w in wishes:
        sent = _said_sentence(doc, w.start())
        if sent in seen:
            continue
        seen.add(sent)
        if _CARE.search(doc.text, *sent) or deny.find(doc, within=sent):
            continue
        # 「大雪のため、路面が凍結しています。高齢者は運転しないでください。」: an advisory gives its reason
        # in the sentences before, within its paragraph.
        if w.group("driving") is not None:
            before = max(0, sent[0] - _REASON_REACH)
            before = max(before, doc.text.rfind("\n\n", before, sent[0]))
            if _CARE.search(doc.text, before, sent[0]):
                continue
        quote = doc.enclosing_quote(w.start(), w.end(), 40)
        # As for a quoted verdict, not on any 「しない」「やめ」 after it: 「「外国人には国に帰ってほしい」と遠慮しないで
        # 言おう」「…、遠慮するのはやめましょう」 call for the words.
        if quote is not None and _disowned_after(doc, quote[1], sent[1]):
            continue  # 「「障害者は家にいてほしい」という声に、当事者は傷ついています」
        for g in groups.find(doc, within=(sent[0], w.start())):
            k = g.last + 1
            # 「外国人の方には」「移民の人たちは」: the group's people.
            if k + 1 < len(tokens) and tokens[k].surface == "ノ" and tokens[k + 1].surface in _PEOPLE:
                k += 2
            # 「中国人観光客は」: the group's kind of people, but not those addressed (「〜の皆さんには」).
            # A few words only: a run of thousands of nouns must not be walked again for each group in it.
            stop = min(len(tokens), k + 3)
            while k < stop and tokens[k].pos in ("名詞", "接尾辞") and tokens[k].surface not in _ADDRESSED:
                k += 1
            if k < len(tokens) and tokens[k].surface == "ニ":
                k += 1
            if k < len(tokens) and tokens[k].surface in _TOPIC and tokens[k].pos == "助詞" and tokens[k].end <= w.start():
                if w.group("bare") is not None or w.group("advice") is not None:
                    # Only the wish itself after the topic: 「子どもたちには暗くなる前に家に帰ってほしい」
                    # 「高齢者の方は、集会が終わったら早めに帰ってほしい」 say where or when.
                    j = _past_intensifiers(tokens, k + 1, sent[1])
                    while j < len(tokens) and tokens[j].surface in _HURRY:
                        j = _past_intensifiers(tokens, j + 1, sent[1])
                    if j >= len(tokens) or tokens[j].start != w.start():
                        continue
                    # And ending the sentence: 「外国人観光客の方は来てほしくない時間帯はありません」 goes on.
                    if w.group("bare") is not None and not _WISH_TAIL.fullmatch(doc.text, w.end(), sent[1]):
                        continue
                    if w.group("advice") is not None and not _ADVICE_TAIL.fullmatch(doc.text, w.end(), sent[1]):
                        continue
                # 「障害者も高齢者も、どんどん外に出ていってほしい！」 wishes them out of doors.
                if _invited_out(doc, (g.start, g.end), w.start()):
                    continue
                yield Hit(
                    g.start,
                    w.end(),
                    f"{_people(doc.text[g.start : g.end])}を一括りにして排除・差別する表現と受け取られます。表現を改めてください。",
                )
                break



def _group_topic_end(doc: Document, g: Match, sent: tuple[int, int]) -> int | None:
    """Where the group `g` stands as the topic of its sentence (「障害者は」「障害者の方は」「精神障害者って」),
    the offset right after its particle; None when it is not the topic (「障害者用の」「障害者と一緒に」)."""
    tokens = doc.tokens
    k = g.last + 1
    # 「障害者の方は」「外国人の人たちは」: the group's people.
    if k + 1 < len(tokens) and tokens[k].surface == "ノ" and tokens[k + 1].surface in _PEOPLE:
        k += 2
    while k < len(tokens) and tokens[k].surface in _GROUP_SUFFIXES:
        k += 1
    if k < len(tokens) and tokens[k].surface == "ニ":
        k += 1
    if k < len(tokens) and tokens[k].surface in _VERDICT_TOPIC and tokens[k].pos == "助詞" and tokens[k].end <= sent[1]:
        return tokens[k].end
    return None


# A group put out of the way, as the plan for them: 「障害者は避難所の隅にいてもらいます」「高齢者は体育館の端に
# 集めます」「障害者の方は別室に入っていただきます」. Only a corner, an edge or a room apart, right after the
# group as the topic (with at most a 「〜の」 of the building): 「障害のある方は福祉避難スペースをご利用いただけます」
# offers a space, 「車いすの方は入口近くの席へどうぞ」 a seat, and 「ペット連れの方は別室をご利用ください」 names no group.
# 「いていただけます」 (may stay) offers; 「別室に入れます」 may say they can go in, so bare 入れる only of a corner.
_SET_APART = re.compile(
    r"[、,\s　]*(?:[^\s、，,。！？!?「」]{1,12}?の)?"
    r"(?:(?P<corner>片隅|隅っこ|隅|すみっこ|端っこ|端|はじっこ)|別室|別の部屋|奥の部屋)(?:の方|のほう)?(?:に|へ)[\s　]*"
    r"(?:(?:入|はい|い)って(?:もら|いただ|頂)(?:います|う|いましょう|おう|きます|く)"
    r"|(?:い|居)て(?:もら|いただ|頂)(?:います|う|いましょう|おう|きます|く)"
    r"|(?:入れ|いれ)(?:ておきます|ておく|ましょう|よう|てください|て下さい)"
    r"|(?P<put>入れ|いれ)(?:ます|る)"
    r"|(?:分け|わけ|隔離し|追いやり|押し込め|閉じ込め|集め)(?:ます|る|ましょう|よう|てください|て下さい))"
    # 「隅にいてもらうことはありません」「別室に分けるようなことはしません」 deny the plan.
    r"(?![\s　]*(?:こと|ような|ようなこと|わけ|など|なんて|のは|べきでは|必要は))"
)
# What makes a room apart their choice or their need, not their place: 「ご希望の方は」「静かな」「落ち着ける」,
# a fever or an infection kept apart from everyone, a separation by sex for privacy, the welfare shelter's
# room or one without steps (「福祉避難所の別室に」「段差の少ない1階の奥の部屋に」), made for their needs.
_SET_APART_FOR_THEM = re.compile(
    r"希望|本人|落ち着|静か|安心|配慮|プライバシー|感染|発熱|症状|体調|授乳|着替え|更衣|福祉|介助|介護|段差|バリアフリー")
_BY_SEX = frozenset(("女", "女性", "オンナ"))
# A group sent to another shelter or entrance: what a shelter may ask of people with a pet, a fever or a need, but of
# no one for where they come from (「同和地区の方は別の避難所へ行ってください」「あの地区の人は別の入口から」).
_SENT_ELSEWHERE = re.compile(
    r"[、,\s　]*(?:別|ほか|他|違う|ちがう)の?(?:避難所|避難場所|避難施設|会場|建物|施設|入口|入り口|出入口|窓口|部屋|場所|列)"
    # Not one more choice (「ほかの窓口にもご相談いただけます」「ほかの窓口を利用することもできます」) nor no need
    # (「別の会場に行く必要はありません」): those send no one away.
    r"(?:に|へ|から|を)(?!も)"
    r"(?![^。！？!?\n]{0,12}?(?:(?:こと|わけ|必要)(?:は|も)?(?:ない|ありません|ございません)|(?:こと|の)?も(?:でき|可能)))"
)
_BY_ORIGIN = frozenset(("あの地区", "部落の人", "同和地区の方", "同和地区の人", "同和地区の住民", "同和地区出身"))


def _set_apart(doc: Document) -> Iterator[Hit]:
    """Sentences with a group as the topic and the plan to keep its people in a corner or a room apart
    (`_SET_APART`): segregation stated with no discriminatory word (障害者差別解消法 第8条)."""
    if not any(w in doc.text for w in ("隅", "すみ", "端", "はじ", "別", "奥の部屋", "ほか", "他", "違う", "ちがう")):
        return
    groups = matcher("discrimination.txt", "groups")
    if not groups.present(doc):
        return
    deny = matcher("discrimination.txt", "deny")
    seen: set[tuple[int, int]] = set()
    for g in groups.find(doc):
        sent = _said_sentence(doc, g.start)
        if sent in seen or doc.text[g.start : g.end] in _BY_SEX:
            continue
        at = _group_topic_end(doc, g, sent)
        if at is None:
            continue
        m = _SET_APART.match(doc.text, at, sent[1])
        if m is None and doc.text[g.start : g.end] in _BY_ORIGIN:
            m = _SENT_ELSEWHERE.match(doc.text, at, sent[1])
        elif m is not None and m.group("put") is not None and m.group("corner") is None:
            continue
        if m is None:
            continue
        seen.add(sent)
        if _SET_APART_FOR_THEM.search(doc.text, *sent) or deny.find(doc, within=sent):
            continue
        people = _people(doc.text[g.start : g.end])
        yield Hit(
            g.start,
            m.end(),
            f"{people}を隅や別の場所に分けて置く、排除・差別する表現と受け取られます。"
            "配慮のための場所をご案内する場合は、「ご希望の方は〇〇をご利用いただけます」のように、"
            "選べる形でお伝えください。",
        )


# A group said to be shunned, for a reason given: 「精神障害者は危ないので近づかないように」「外国人は言葉が通じない
# から関わらないほうがいい」. The verb right after the reason, so what is shunned is the group itself; 「子どもは
# 危ないので川に近づかないように」 keeps them from the river (and children are no group here).
# How the advice to keep away is put, after the verb: 「…近づかないでください」「…近づかないようにしましょう」「…関わらない
# ほうがいい」 (both `_SHUNNED` and `_SHUNNED_AS_OBJECT`).
_SHUN_ADVERB = r"(?:(?:絶対に?|決して|むやみに|なるべく|できるだけ|あまり|なるたけ)[、,\s　]*)?"
_SHUN_ENDING = (
    r"で(?:ください|下さい|ね|おこう|おきましょう)?|ように(?:しましょう|してください|して下さい|しよう|しなさい|してね"
    r"|気をつけ\w{0,6}|気を付け\w{0,6}|注意\w{0,6}|ね)?|ほうが(?:いい|よい|良い)|方が(?:いい|よい|良い)|べき|こと"
)
_SHUNNED = re.compile(
    r"[、,\s　]*(?P<reason>[^。！？!?\n「」]{1,24}?(?:ので|から|ため(?:に)?))[、,\s　]*"
    rf"{_SHUN_ADVERB}"
    r"(?:(?:近づ|ちかづ)かない|(?:近寄|ちかよ)らない|(?:関わ|かかわ|係わ)らない|相手にしない|接しない)"
    rf"(?:{_SHUN_ENDING})?"
)
# A danger of the place or the work, told near in the paragraph: then the group is kept safe,
# not shunned (「除雪作業中です。障害のある方は危ないので近づかないでください」).
_HAZARD = re.compile(
    r"工事|作業|除雪|排雪|重機|現場|川|河|海|池|沼|水路|用水|崖|がけ|斜面|雪|氷|凍|火|煙|熊|クマ|蜂|ハチ|イノシシ|猿|サル|野生"
    r"|倒木|落石|増水|氾濫|土砂|立入|立ち入|区域|線路|踏切|道路|車|機械|電線|屋根|花火|感染|ウイルス|動物|犬|段差|階段|穴"
    # A thing that may fall or break (「看板が倒れかけています」「窓ガラスが割れています」「空き家が倒壊するおそれ」).
    r"|倒れ|倒壊|崩れ|崩壊|崩落|割れ|破損|損傷|落下|看板|ガラス|塀|建物|空き家|空家|老朽|噴火|火山|波|堤防"
)
# The people themselves as what to keep away from, with or without a reason: 「あの地区の人には近づかないように」
# 「同和地区の人には近づくな」「外国人には近寄らないでください」, the shunning of 部落差別 told to the reader. A danger
# near does not make it care: no hazard is the people. Not 「障害のある方には、危ないので近づかないようお伝えください」,
# where they are told (`_ADVICE_TAIL` reads nothing after the advice), nor 「あの地区には近づかないで」, a place.
_SHUNNED_AS_OBJECT = re.compile(
    r"(?P<who>(?:の|に住む|出身の)(?:人|方|住民|人たち|人々|方々|子ども|子供|子))?(?:たち|達|ら)?[ \t　]*に(?:は|も)?[、,\s　]*"
    r"(?P<reason>[^。！？!?\n「」]{1,24}?(?:ので|から|ため(?:に)?)[、,\s　]*)?"
    rf"{_SHUN_ADVERB}"
    r"(?:(?:近づ|ちかづ)(?:かない|くな|いてはいけ(?:ない|ません)|いては(?:だめ|ダメ))"
    r"|(?:近寄|ちかよ)(?:らない|るな|ってはいけ(?:ない|ません)|っては(?:だめ|ダメ)))"
    # 「…近づかないようお願いします」 too; before `_SHUN_ENDING`'s 「ように」, which would end at 「よう」 short of it.
    rf"(?:ように?(?:お願い(?:します|いたします|致します)?|願います)|{_SHUN_ENDING})?"
)
# The advice told to the reader to pass on, after `_SHUNNED_AS_OBJECT`: 「…近づかないように子どもに言ってください」
# 「…近づくなと言いましょう」「…近づかないよう、お子さんにも伝えましょう」. Only as the reader's own act (not 「…ように
# 言う人がいますが」 nor 「…と言わないでください」), and ``to`` is whom they tell, when named.
_ADVICE_PASSED_ON = re.compile(
    # 「…近づかないで、と言いましょう」: the advice quoted with a comma before its と.
    r"(?:ように|よう|[、,\s　]*と)?[、,\s　]*(?P<to>[^。！？!?\n「」、,]{1,12}?(?:に|へ)(?:は|も)?[、,\s　]*)?"
    r"(?:(?:言|い)(?:いましょう|ってください|って下さい|おう|いなさい|っておきましょう|っておこう|って(?:あげ|おいて|きかせ|聞かせ)\w{0,6}"
    r"|い(?:聞|き)かせ(?:ましょう|てください|て下さい|よう|なさい))"
    r"|(?:お伝え|伝え|教え)(?:ましょう|てください|て下さい|よう|なさい|ておきましょう|ておこう)|お伝えください|お伝え下さい"
    r"|話し(?:ましょう|てください|て下さい|ておきましょう))"
)
# People named by the district or the 部落 they live in or come from, which no [groups] word names
# (「〇〇地区の人」「A地区の方」「川向こうの集落の人」): only as what `_SHUNNED_AS_OBJECT` keeps away from.
_DISTRICT_PEOPLE = re.compile(r"(?:[一-龥ァ-ヶー〇○◯Ａ-Ｚａ-ｚA-Za-z0-9０-９]{1,6}|あの|その)?(?:地区|集落|部落|団地)(?=(?:の|に住む|出身の)(?:人|方|住民|子))")
_PLACE = re.compile(r"(?:地区|集落|部落|団地)$")
# A district named by what befell it (「浸水した地区の方」「クマの出没地区の人」「避難指示が出た地区の住民」): those the
# post keeps onlookers from, or a district of the day's news, not one its people are shunned for (「川向こうの集落の人」).
_STRUCK_DISTRICT = re.compile(
    r"浸水|冠水|被災|被害|避難|災害|出没|停電|断水|土砂|倒壊|火災|火事|感染|巣|噴火|地震|津波|洪水|氾濫|崩|事故|救助|捜索"
)
_HAZARD_REACH = 200
# Those the same words keep from harm, whose age or body a danger concerns (「高齢者は危ないので近づかないように」).
_SHIELDED = frozenset(("女", "女性", "オンナ", "高齢者", "老人", "年寄り"))


def _shunned(doc: Document) -> Iterator[Hit]:
    """Sentences with a group as the topic, a reason, and the advice to keep away from them (`_SHUNNED`)."""
    if not any(w in doc.text for w in ("近づ", "ちかづ", "近寄", "ちかよ", "関わらな", "かかわらな", "係わらな", "相手にしな", "接しな")):
        return
    groups = matcher("discrimination.txt", "groups")
    deny = matcher("discrimination.txt", "deny")
    seen: set[tuple[int, int]] = set()
    shunned = [(g.start, g.end) for g in groups.find(doc)] + [(d.start(), d.end()) for d in _DISTRICT_PEOPLE.finditer(doc.text)]
    for start, end in sorted(shunned):
        sent = _said_sentence(doc, start)
        if sent in seen or doc.text[start:end] in _SHIELDED:
            continue
        m = _SHUNNED_AS_OBJECT.match(doc.text, end, sent[1])
        advice_end = -1 if m is None else m.end()
        if m is not None and not _ADVICE_TAIL.fullmatch(doc.text, m.end(), sent[1]):
            # The advice for the reader to pass on (「外国人には近づかないように子どもに言ってください」).
            passed = _ADVICE_PASSED_ON.match(doc.text, m.end(), sent[1])
            if passed is None or not _ADVICE_TAIL.fullmatch(doc.text, passed.end(), sent[1]):
                # Reported as said to someone, and then agreed with or given again to the reader: 「外国人には近づくなと
                # 親に言われた人がいます。皆さんも近づかないでください。」「…その通りです。」.
                reported = _ORDER_REPORTED.search(doc.text, end, sent[1])
                if reported is None or reported.start() >= m.end() or not (
                    _order_given_again(doc, sent, end) or _agreed_next(doc, sent)
                ):
                    continue
                passed = None
            # With no one else named to tell, those told may be the group (「障害のある方には、危ないので近づかないよう
            # お伝えください」): only the bare advice, no reason, no danger near, and not 「お伝え」.
            if passed is not None and passed.group("to") is None and (
                m.group("reason") is not None or passed.group().lstrip("ようにと、, \t　").startswith("お")
                or _HAZARD.search(doc.text, max(0, sent[0] - _HAZARD_REACH), min(len(doc.text), sent[1] + _HAZARD_REACH))
            ):
                continue
            advice_end = m.end() if passed is None else passed.end()
        if m is None or deny.find(doc, within=sent):
            continue
        # 「あの地区には近づかないで」 keeps the reader from a place, which a landslide may close.
        if m.group("who") is None and _PLACE.search(doc.text, start, end):
            continue
        # Within the clause naming the district: 「事故のあと、あの地区の人には近づかないように」 shuns them still.
        clause = max(sent[0], doc.text.rfind("、", sent[0], start) + 1, doc.text.rfind(",", sent[0], start) + 1)
        if _PLACE.search(doc.text, start, end) and _STRUCK_DISTRICT.search(doc.text, clause, end):
            continue
        seen.add(sent)
        yield Hit(start, advice_end, f"{_people(doc.text[start:end])}を危険視して遠ざける、偏見を助長する表現と受け取られます。表現を改めてください。")
    if not groups.present(doc):
        return
    for g in groups.find(doc):
        sent = _said_sentence(doc, g.start)
        if sent in seen or doc.text[g.start : g.end] in _SHIELDED:
            continue
        at = _group_topic_end(doc, g, sent)
        if at is None:
            continue
        m = _SHUNNED.match(doc.text, at, sent[1])
        if m is None or not _ADVICE_TAIL.fullmatch(doc.text, m.end(), sent[1]):
            continue
        seen.add(sent)
        # The danger may be told before or after, anywhere near in the paragraph (「【クマ出没】…。外国人観光客の方は、
        # 危ないので近づかないでください」「…近づかないでください。工事中です。」).
        before = max(0, sent[0] - _HAZARD_REACH)
        before = max(before, doc.text.rfind("\n\n", before, sent[0]))
        after = doc.text.find("\n\n", sent[1], sent[1] + _HAZARD_REACH)
        after = min(len(doc.text), sent[1] + _HAZARD_REACH) if after < 0 else after
        if _HAZARD.search(doc.text, before, after) or deny.find(doc, within=sent):
            continue
        yield Hit(
            g.start,
            m.end(),
            f"{_people(doc.text[g.start : g.end])}を危険視して遠ざける、偏見を助長する表現と受け取られます。表現を改めてください。",
        )


# The reader told to be careful too, right after advice passed on as a rumour: 「…とは付き合わないよう言われています。
# みなさんも気をつけて。」. Not after an account of what befell someone (「…と言われた経験を持つ人がいます」), where the
# care may be for one's own words.
_TAKE_CARE_NEXT = re.compile(
    r"[ \t　]*(?:(?:皆|みな|みん)(?:さん|様|な)|あなた|お互い)(?:も|は)?[、,\s　]*(?:十分|くれぐれも)?[、,\s　]*"
    r"(?:気をつけ|気を付け|注意し|用心し)(?:て(?:ください|下さい|ね|おきましょう)?|ましょう|よう|てくださいね)?[ \t　]*[。！!]*\s*$"
)
# The advice's sentence ends at the report (「…よう言われています。」「…と親に言われました。」): the rumour itself, not
# 「…言われた、という相談が寄せられています」「…言われるケースがあります」「…言われている子どもがいます」「…言われて
# いますが、私はそうは思いません」, after which 「みなさんも気をつけて」 asks care for others.
_REPORT_ENDS = re.compile(
    r"[」』]?[、 \t　]*(?:と|って)?[、 \t　]*(?:[^。！!？?\n「」、,]{1,8}?(?:に|から)[ \t　]*)?(?:言|い)われ"
    r"(?:ています|ている|てます|てる|ました|た|ます|る)[ \t　]*[。！!]*\s*$"
)
# The people of a district named before the advice (「あの地区の人とは…」), past `_DISTRICT_PEOPLE`'s end.
_DISTRICT_WHO = re.compile(r"(?:の|に住む|出身の)(?:人|方|住民|人たち|人々|方々)(?:たち|達|ら)?")


# A particle in the advice's verb phrase brings in another thing it is about (「夜道で」「無理を」「川に」「夜は」); the
# idioms of shunning that hold one (「口をきか」「一緒に遊ば」「相手にし」) are taken out first.
_ANOTHER_ARGUMENT = re.compile(r"[をでがにへは]")
_SHUNNING_IDIOM = re.compile(r"口を|話を|一緒に|相手に|仲良く")
# A verb of keeping away from them, whatever else it names: 「子どもを近づけない」「目を合わせない」「家を貸さない」
# 「同じ学校に通わない」「夜は近づかない」 still shun them.
_KEEPING_AWAY = re.compile(r"近づ|近寄|関わ|かかわ|付き合|つきあ|結婚|貸さ|売ら|雇わ|入れ|通わ|遊ば|合わせ|交わ|交流|接し|触ら|住ま|泊め|会わ|招か")


def _advice_reported_taken_up(doc: Document) -> Iterator[Hit]:
    """Advice not to go near a group, marry or keep company with them (`_ADVICE_NOT_TO`'s 「…とは付き合わないよう」),
    which no [exclusion] word reads, reported as said (「…よう言われています」) and then taken up by the post in the
    next sentence: given again (`_advice_taken_up`), agreed with (`_agreed_next`), or the reader told to be careful
    too after a rumour (`_TAKE_CARE_NEXT`). 「近づかない」 after 「には」 is `_shunned`'s."""
    if "ないよう" not in doc.text or "われ" not in doc.text:
        return
    deny = matcher("discrimination.txt", "deny")
    seen: set[tuple[int, int]] = set()
    found = [(g.start, g.end) for g in matcher("discrimination.txt", "groups").find(doc)]
    found += [(d.start(), d.end()) for d in _DISTRICT_PEOPLE.finditer(doc.text)]
    for start, end in sorted(found):
        sent = _said_sentence(doc, start)
        if sent in seen or doc.text[start:end] in _SHIELDED:
            continue
        who = _DISTRICT_WHO.match(doc.text, end, sent[1])
        at = end if who is None else who.end()
        order = _ORDER_REPORTED.match(doc.text, at, sent[1])
        if order is None or order.group("stem") is None or _SHUNNED_AS_OBJECT.match(doc.text, end, sent[1]) is not None:
            continue
        stem = order.group("stem")
        if _ANOTHER_ARGUMENT.search(_SHUNNING_IDIOM.sub("", stem)) and not _KEEPING_AWAY.search(stem):
            # 「外国人には、夜道で一人にならないよう」「障害者には、無理をしないよう」: the advice is given to them, about
            # something else; only the bare verb (「付き合わ」「結婚し」「近づか」) keeps away from them.
            continue
        # Answered in its sentence (「…言われていますが、差別です」); [deny]'s 「と言われ」 only reports it.
        if any(doc.text[d.start : d.end] not in _DENY_REPORTING for d in deny.find(doc, within=(order.end(), sent[1]))):
            continue
        told = _SAID_TO_SOMEONE.match(doc.text, order.end(), sent[1])
        nxt = doc.next_in_paragraph(sent[1])
        taken_up = _advice_taken_up(doc, sent, order.group("stem")) or _agreed_next(doc, sent) or (
            told is None and _REPORT_ENDS.match(doc.text, order.end(), sent[1]) is not None
            and nxt is not None and _TAKE_CARE_NEXT.match(doc.text, nxt[0], nxt[1]) is not None
        )
        if not taken_up:
            continue
        seen.add(sent)
        yield Hit(start, order.end(), f"{_people(doc.text[start:end])}を避けるよう勧める、偏見を助長する表現と受け取られます。表現を改めてください。")


# Particles that give the imperative a subject or an object of its own: 「鬼を追い出そう！」「感染症なんて
# いなくなれ！」 are not said of the group named before. A pronoun is the group (「お前らは出ていけ」).
_OWN_SUBJECT = frozenset(("ヲ", "ガ", "ハ", "モ", "ヨ", "ナンテ", "ナド"))
_PRONOUNS = frozenset(("奴", "ヤツ", "ヤツラ"))
_PEOPLE = frozenset(("人", "方", "方々", "人々", "人間", "連中", "者", "皆", "皆様", "ヒト"))


def _says_of_something_else(doc: Document, sent: tuple[int, int], first: int) -> bool:
    """True when the words before the imperative at token `first` name who or what it is said of, and
    that is not a pronoun."""
    tokens = doc.tokens
    for k in range(doc.token_range(sent).start, first):
        t = tokens[k]
        if t.pos != "助詞" or t.surface not in _OWN_SUBJECT:
            continue
        j = k - 1
        while j >= 0 and tokens[j].pos == "接尾辞":
            j -= 1
        if j < 0 or not (tokens[j].pos == "代名詞" or tokens[j].surface in _PRONOUNS):
            return True
    return False


def _addressed(doc: Document, sent: tuple[int, int], first: int, last: int) -> bool:
    """True when the imperative at tokens `first`..`last` is said to someone or something named
    right before or after it and set off by a comma, a noun that is neither a pronoun nor people:
    「冬将軍、出ていけ！」「いなくなれ、花粉症！」 (not 「お前ら、出ていけ！」「そういう人、出ていけ」,
    nor 「帰れ、国へ」, which says where to)."""
    tokens = doc.tokens
    span = doc.token_range(sent)

    def named(k: int) -> bool:
        return tokens[k].pos == "名詞" and tokens[k].surface not in _PRONOUNS | _PEOPLE | _EVERYONE

    # Before: 「冬将軍、」 opening the sentence or after a mark.
    k = first - 1
    if k > span.start and tokens[k].surface in _COMMAS:
        j = k - 1
        while j > span.start and tokens[j].pos == "接尾辞":
            j -= 1
        if named(j) and (j == span.start or tokens[j - 1].pos == "補助記号"):
            return True
    # After: 「、花粉症！」 closing the sentence.
    k = last + 1
    while k < span.stop and tokens[k].pos == "補助記号" and tokens[k].surface in _COMMAS:
        k += 1
    if k == last + 1 or k >= span.stop or not named(k):
        return False
    k += 1
    while k < span.stop and tokens[k].pos == "接尾辞":
        k += 1
    return k >= span.stop or tokens[k].pos == "補助記号" or tokens[k].surface == "ヨ"


_COMMAS = frozenset(("、", ",", "，"))
_EVERYONE = frozenset(("ミンナ", "皆サン", "皆様", "皆サマ"))


# Driving a group out in the Chinese or Korean of a multilingual notice, which the analyser cannot split
# into words (「外国人滚出去」 is 外国人/滚出/去): the group, then the words right after it.
_FOREIGN_EXCLUSION = re.compile(
    r"(外国人|外国佬|老外|中国人|韩国人|韓国人|朝鲜人|朝鮮人|越南人|移民|难民|難民)[\s　]*(?:(?:都|就|们|們)[\s　]*)?"
    r"(?:给我)?(?:滚出去|滚回去|滚出|滚回|滚蛋|滾出去|滾回去)"
    r"|(외국인|중국인|한국인|조선인|이민자|난민)(?:들)?(?:은|는|들은)?[\s　]*(?:나가라|꺼져|돌아가라)"
)


# What a multilingual awareness notice says of such words: discrimination, hatred, not tolerated.
_FOREIGN_DENY = re.compile(r"歧视|歧視|仇恨|憎恨|不能容忍|不允许|不允許|不被允许|禁止|反对|反對|消除|人权|人權"
                           r"|차별|혐오|용납|허용되지|허용할 수 없|반대|근절|인권")
# The word of opposition itself denied, as `_EN_DENY_DENIED` reads English: 「外国人都是罪犯，这不是歧视。」「…이건 편견이
# 아니다.」「…Não é preconceito, é verdade.」「…Đây không phải định kiến.」 say the statement is fair, not that it is wrong.
_FOREIGN_DENY_DENIED_BEFORE = re.compile(
    r"(?:不是|并非|並非|并不|並不|不算|没有|沒有"
    r"|(?i:não(?:[ \t]+(?:é|são|há|foi))?|nem(?:[ \t]+(?:é|são))?|sem|nenhum|nenhuma"
    r"|không(?:[ \t]+(?:phải|hề))?(?:[ \t]+là)?|chẳng(?:[ \t]+phải)?(?:[ \t]+là)?))"
    r"(?:什么|什麼|一种|一種|任何)?[ \t]*(?i:(?:um|uma|o|a)[ \t]+)?$"
)
_FOREIGN_DENY_DENIED_AFTER = re.compile(r"(?:이|가|은|는|도)?[ \t]*(?:아니|아님)")  # 「편견이 아니다」「차별은 아닙니다」
_FOREIGN_DENY_DENIED_REACH = 20  # 「không phải là 」 with a blank or two


def _foreign_opposition(pattern: re.Pattern[str], text: str, a: int, b: int) -> bool:
    """Whether [a, b) names a word of `pattern` to oppose what it says, not to deny that word."""
    return any(
        (
            # 「没有歧视的社会」: a society free of it, which opposes it as much as 「歧视」 alone. Not 「我没有偏见的
            # 意思，外国人都是罪犯」, the disclaimer said another way.
            (text.startswith(("的", "之"), d.end()) and not text.startswith(("的意思", "之意"), d.end()))
            or not _FOREIGN_DENY_DENIED_BEFORE.search(text, max(a, d.start() - _FOREIGN_DENY_DENIED_REACH), d.start())
        )
        and not _FOREIGN_DENY_DENIED_AFTER.match(text, d.end(), b)
        for d in pattern.finditer(text, a, b)
    )


_OPENING_QUOTES = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’", "〝": "〟", '"': '"', "'": "'"}


class _ForeignContext:
    """Quotes and sentences of a multilingual notice, read once for all its matches (a long text of
    many matches must not be scanned again for each)."""

    _STOPS = re.compile(r"[。．.!?！？\n]")

    def __init__(self, text: str) -> None:
        self.text = text
        self.stops = [m.start() for m in self._STOPS.finditer(text)]
        self.lines = [i for i, c in enumerate(text) if c == "\n"]
        self.straight = {q: [i for i, c in enumerate(text) if c == q] for q in ('"', "'")}
        self.denied: dict[int, bool] = {}

    def quoted(self, start: int, end: int) -> bool:
        """Whether [start, end) is enclosed in quotation marks at most a few characters away
        (「“你们外国人滚出去！”」)."""
        text = self.text
        before = text[max(0, start - 10):start]
        for i in range(len(before) - 1, -1, -1):
            closing = _OPENING_QUOTES.get(before[i])
            if closing is None:
                continue
            if closing == before[i]:  # 「"」: an opening one when an odd number of them precede on its line
                line = self.lines[k - 1] + 1 if (k := bisect_right(self.lines, start - 1)) else 0
                at = self.straight[closing]
                opened = (bisect_right(at, start - 1) - bisect_right(at, line - 1)) % 2 == 1
            else:
                opened = closing not in before[i + 1:]
            return opened and closing in text[end:end + 6]
        return False

    def opposed(self, start: int, end: int) -> bool:
        """Whether the sentence around [start, end) (by the stops of Chinese, Korean and Japanese,
        and line breaks) names discrimination or hatred to oppose it."""
        k = bisect_right(self.stops, start - 1)
        first = self.stops[k - 1] + 1 if k else 0
        if first not in self.denied:
            j = bisect_right(self.stops, end - 1)
            last = self.stops[j] + 1 if j < len(self.stops) else len(self.text)
            self.denied[first] = _foreign_opposition(_FOREIGN_DENY, self.text, first, last)
        return self.denied[first]


# An English sentence that is nothing but a group told out, or people told back to a country: 「Foreigners out!」
# 「Japan for the Japanese. Immigrants out.」「Go back to China!」. Only the whole sentence: 「The guide for foreigners is
# out.」「Foreigners' consultation desk is out of service today」 say it of a thing, 「Go back to Chinatown via Route 8」
# 「The pandas will go back to China next year.」 and 「Back to top」 tell no one to leave.
_EN_TOLD_OUT = re.compile(
    r"(?im)(?:^|(?<=[.!?！。])[ \t]+)[ \t]*(?:"
    r"(?:all[ \t]+)?(?P<group>foreigners|gaijin|immigrants|refugees|chinese|koreans|vietnamese|filipinos|brazilians)"
    r"[ \t]*,?[ \t]*out"
    r"|go[ \t]+back[ \t]+to[ \t]+(?:china|(?:north[ \t]+|south[ \t]+)?korea|vietnam|the[ \t]+philippines|brazil|nepal"
    r"|indonesia|myanmar|your[ \t]+(?:own[ \t]+)?country|where[ \t]+you[ \t]+came[ \t]+from))"
    # The sentence's end: the line's, or a mark before the next sentence. Each run read whole: split between the two
    # runs of spaces, 「Foreigners out」 and 40,000 spaces before a letter took 41 s.
    r"[ \t]*+(?:[!！.。]*+[ \t]*+$|[!！.。]++(?=[ \t]+[A-Z]))"
)


def _en_told_out(doc: Document) -> Iterator[Hit]:
    if "out" not in doc.folded and "back" not in doc.folded:
        return
    for m in _EN_TOLD_OUT.finditer(doc.text):
        group = m["group"]
        said = f"{_people(group)}を一括りにして排除" if group else "出身の国に帰れと迫って人を排除"
        yield Hit(m.start() + len(m.group()) - len(m.group().lstrip()), m.end(), f"{said}・差別する表現と受け取られます。表現を改めてください。")


def _foreign_language_exclusion(doc: Document) -> Iterator[Hit]:
    if not any(c in doc.text for c in "滚滾나꺼돌"):
        return
    context = _ForeignContext(doc.text)
    for m in _FOREIGN_EXCLUSION.finditer(doc.text):
        if context.quoted(m.start(), m.end()) or context.opposed(m.start(), m.end()):
            continue  # human-rights awareness: the hate speech quoted, or named to oppose it
        group = m.group(1) or m.group(2)
        yield Hit(
            m.start(),
            m.end(),
            f"{_people(group)}を一括りにして排除・差別する表現と受け取られます。表現を改めてください。",
        )


# A crime or a vice said of a whole group in the Chinese, Korean, Portuguese or Vietnamese of a multilingual post
# (「外国人都是罪犯。」「외국인은 모두 범죄자다.」「Os estrangeiros são todos criminosos.」「Người nước ngoài đều là tội
# phạm.」): the group, the copula or 都/모두/todos/đều, and a word from a short list, ending the sentence or its clause.
# Only that shape: an ordinary notice names the same groups (「外国人居民咨询窗口」「외국인 주민」「residentes
# estrangeiros」「người nước ngoài」) but never says one of these words of them, and 「外国人都是罪犯的受害者」 (victims
# of criminals) goes on with 的, 「不是所有外国人都是罪犯」 opens with its denial, a question asks.
_ZH_GROUP = r"外国人|外國人|外国佬|老外|中国人|中國人|韩国人|韓國人|朝鲜人|朝鮮人|越南人|菲律宾人|菲律賓人|巴西人|移民|难民|難民"
_FOREIGN_VERDICTS = (
    # Each with the words it needs, so that a Japanese post (「外国人」「是非」) or an English one seldom runs it.
    (("是", "很", "懒", "懶", "脏", "髒"), re.compile(
        rf"(?P<zh>{_ZH_GROUP})"
        r"(?:们|們)?[\s　]*(?:(?:都|全都|全|就|统统|統統)[\s　]*)?"
        r"(?:是[\s　]*(?:罪犯|小偷|骗子|騙子|强盗|強盜|犯罪分子|垃圾|懒鬼|懶鬼|贼|賊)|(?:很|太|又)?(?:懒惰|懶惰|肮脏|骯髒|又脏又懒|又懶又髒))"
        r"(?=[\s　]*(?:[。！!，,.]|$))",
        re.MULTILINE,
    )),
    (("은", "는"), re.compile(
        r"(?P<ko>외국인|중국인|한국인|조선인|베트남인|필리핀인|브라질인|이민자|난민)(?:들)?(?:은|는|들은)[\s　]*(?:(?:모두|다|전부|죄다)[\s　]*)?"
        r"(?:(?:범죄자|도둑|도둑놈|거짓말쟁이|사기꾼|쓰레기)(?:들)?(?:이다|다|야|이야|입니다)?|게으르다|게을러|더럽다|더러워)"
        r"(?=[\s　]*(?:[.!。！,]|$))",
        re.MULTILINE,
    )),
    (("são", "SÃO", "São"), re.compile(
        r"(?i)(?P<pt>estrangeiros|imigrantes|brasileiros|chineses|coreanos|vietnamitas|filipinos|refugiados)"
        r"(?:[ \t]+(?:daqui|desta[ \t]+cidade))?[ \t]+são[ \t]+(?:todos[ \t]+)?"
        r"(?:criminosos|ladrões|bandidos|mentirosos|preguiçosos|sujos|vagabundos)\b(?=[ \t]*(?:[.!,;]|e\b|$))",
        re.MULTILINE,
    )),
    (("ngư", "Ngư", "NGƯ"), re.compile(
        r"(?i)(?P<vi>người[ \t]+(?:nước[ \t]+ngoài|trung[ \t]+quốc|hàn[ \t]+quốc|philippines|brazil|nhập[ \t]+cư|tị[ \t]+nạn))"
        r"(?:[ \t]+(?:đều|toàn|tất[ \t]+cả[ \t]+đều))?"
        r"[ \t]+(?:là[ \t]+(?:tội[ \t]+phạm|kẻ[ \t]+trộm|kẻ[ \t]+cắp|kẻ[ \t]+lừa[ \t]+đảo|đồ[ \t]+ăn[ \t]+cắp)|lười[ \t]+biếng|bẩn[ \t]+thỉu|dơ[ \t]+bẩn)"
        r"(?=[ \t]*(?:[.!,]|$))",
        re.MULTILINE,
    )),
    # Slurs for the Japanese and the Chinese in Korean and Chinese (「쪽바리」「짱깨」「日本鬼子」): never an ordinary word.
    (("쪽바리", "짱깨", "日本鬼子"), re.compile(r"(?P<slur>쪽바리|짱깨|日本鬼子)")),
)
# The denial or the doubt right before it: 「不是所有外国人都是罪犯」「Nem todos os estrangeiros…」「Không phải người…」.
_FOREIGN_VERDICT_DENIED = re.compile(
    r"(?:不是|并非|並非|并不是|並不是|不一定|谁说|誰說|(?i:nem[ \t]+todos[ \t]+os|não[ \t]+é[ \t]+verdade[ \t]+que|é[ \t]+mito[ \t]+que"
    r"|không[ \t]+phải(?:[ \t]+tất[ \t]+cả)?|không[ \t]+đúng[ \t]+là))(?:所有|的)?[\s　]*(?i:os[ \t]+|as[ \t]+)?$"
)
# What a multilingual awareness notice says of such a statement, besides `_FOREIGN_DENY`: a prejudice, a
# misunderstanding, a myth (「外国人都是罪犯，这是偏见。」「…라는 편견」「…é preconceito」「…là định kiến」).
_FOREIGN_VERDICT_DENY = re.compile(
    r"偏见|偏見|误解|誤解|错误|錯誤|谣言|謠言|刻板印象|不对|不對|편견|오해|고정관념|사실이 아닙"
    r"|(?i:preconceito|discrimina|mito|estereótipo|não[ \t]+é[ \t]+verdade|mentira"
    r"|phân[ \t]+biệt|kỳ[ \t]+thị|định[ \t]+kiến|hiểu[ \t]+lầm|không[ \t]+đúng|sai[ \t]+sự[ \t]+thật|tin[ \t]+đồn)"
)


def _foreign_language_verdicts(doc: Document) -> Iterator[Hit]:
    text = doc.text
    found = [m for keys, pattern in _FOREIGN_VERDICTS if any(k in text for k in keys) for m in pattern.finditer(text)]
    if not found:
        return
    context = _ForeignContext(text)
    for m in found:
        if _FOREIGN_VERDICT_DENIED.search(text, max(0, m.start() - 24), m.start()):
            continue
        k = bisect_right(context.stops, m.end() - 1)
        last = context.stops[k] + 1 if k < len(context.stops) else len(text)
        if "?" in text[m.end() : last] or "？" in text[m.end() : last] or any(q in text[m.end() : m.end() + 3] for q in "吗嗎"):
            continue  # asked, not said
        j = bisect_right(context.stops, m.start() - 1)
        first = context.stops[j - 1] + 1 if j else 0
        nxt = bisect_right(context.stops, last)
        reach = context.stops[nxt] + 1 if nxt < len(context.stops) else len(text)
        if context.quoted(m.start(), m.end()) or context.opposed(m.start(), m.end()):
            continue
        # Named a prejudice in its sentence or the next: 「外国人都是罪犯？这是偏见。」「…. Isso é preconceito.」.
        if _foreign_opposition(_FOREIGN_VERDICT_DENY, text, first, reach):
            continue
        if m.lastgroup == "slur":
            yield Hit(m.start(), m.end(), f"「{m.group()}」は民族に対する差別語です。削除してください。")
            continue
        group = m.group(1)
        yield Hit(
            m.start(),
            m.end(),
            f"{_people(group)}を一括りにして犯罪者などと決めつける表現と受け取られます。表現を改めてください。",
        )


@rule(
    code="prohibited.obscene",
    severity="error",
    summary="わいせつな表現",
    clause="上越市 5(5)",
    fires=Example("エロい写真はこちら"),
    passes=Example("性感染症の無料検査を保健所で実施しています。"),
)
def obscene(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """わいせつな語を含む投稿を止めます。

    上越市 5(5) は「わいせつな内容を含むホームページへのリンク」と「その他公序良俗に反する一切の
    情報」を禁じています。保健・医療の用語（性感染症、性教育など）は語彙に入れていません。俗語の「ムラムラ」「童貞卒業」なども対象です（「童貞」だけは教会や学校の名前にあるため対象外です）。
    「児童ポルノの所持は禁止されています」「リベンジポルノの被害相談」「アダルト動画サイトの架空請求に注意」「「無料のエロ動画」をクリックしたら高額請求の画面が…」「フィルタリングで「エロ動画」などの有害サイトを見られないように」「「SEX」などのキーワードで検索すると、有害サイトに誘導されることがあります」
    「コンドームを使わないセックスは性感染症のリスクが…」「全裸の男が出没したとの通報」のように、市民を守る
    法律・被害・相談・性の健康・不審者情報の文で使った語は反応しません（「ポルノ画像はこちら」、「違法ポルノを無料で見る方法」
    「児童ポルノ所持で逮捕された職員の画像を公開」のように見せる・配る文は反応します）。
    「ソープランド跡地の再開発」のような町の歴史、「風俗嬢への暴力事件」「人身取引の被害に遭った風俗嬢の相談窓口」のような
    報道・支援、「AV動画教材の貸出」、「ママのおっぱい」「おっぱい体操」も反応しません（「ソープランドで遊ぼう」「ソープランド跡地で今も営業中」「風俗嬢募集」「風俗嬢の相談窓口（写真あり）」「AV動画教材（無修正）」
    「ママのおっぱい見せて」「赤ちゃんのおっぱい画像」は反応します）。
    「せっくすしよう」のようにカタカナの語をひらがなで書いたもの、「セ〇クス」「セッ●ス」「S●X」「せ●くすしよう」のように語の中の一文字を
    〇●×＊などで隠したもの、全角の「ＳＥＸ」、「ＡＶ見放題」「AV動画」、「エチエチ」、「裸の画像を送って」も反応します
    （「〇〇しよう」「S〇〇さん」のように二文字以上を隠したひな形や名前、「●EX」「SE●」のように最初か最後の文字を隠したもの、一文字を隠して「さん」「様」を付けた名前、
    「AV機器」「AV室」、「エチケット」「裸眼」「裸足」「裸一貫」、「セックスワーカー支援」「せっくすれすの相談」、
    「Sex: Male」「Sex：男・女」のような書式や「年齢・SEX別人口」、「「裸の画像を送って」と言われても
    絶対に送らないで」のような自画撮り被害の注意喚起は対象外です）。
    子ども・高齢者向けのひらがなの投稿で、数を数える「にまんこの ぼうし」「たまごが いちまんこ うれました」（〜万個）、
    授乳の「おっぱいは あかちゃんの ごはんです」「じょさんしさんに そうだんしてね」「ままの おっぱい」「おっぱい たいそう、どうがで みられます」、パン屋の「ぱんちらしを くばりました」は
    反応しません（「きみにまんこ」「にまんこの しゃしん」「いちまんこ みせて」「あかちゃんの おっぱい がぞうは こちら」
    「ぱんちらしてる」は反応します）。
    リンク（URL）のパスやクエリの中の語は読み手に向けた言葉ではないので、この規則では見ません
    （ホスト名の語は反応します。わいせつなサイトへのリンクは link.harmful も止めます）。
    """
    def offered(start: int) -> bool:
        a, b = doc.sentence_at(start)
        if (following := doc.sentence_after(b - 1)) is not None:
            b = following[1]  # 「全裸の女性の写真を目撃！画像はこちら」
        # A history's or a support post's word, and a nursing word, do not cover an invitation (「ソープランド跡地で遊ぼう」
        # 「風俗嬢募集」) or a breast asked to be shown (「ママのおっぱい見せて」). The lure is read before the warning
        # words: 被害 in 「被害に遭った風俗嬢の写真を公開します」 protects no one.
        lure = _NIGHT_LURE.get(fold(doc.text[start : start + 6])[:3])
        if lure is not None and lure.search(doc.text, a, b) and not _LURE_REFUSED.search(doc.text, a, b):
            return True
        if _OBSCENE_WARNED.search(doc.text, a, b) is not None:
            return False
        if _OBSCENE_OFFERED.search(doc.text, a, b):
            return True
        if lure is not None or fold(doc.text[start : start + 4]) != "オッパイ":
            return False
        # A post all in hiragana is read as `_children_s_word` reads it: a picture or a video named anywhere is asked
        # for (「ままの おっぱい どうが」), and a breast to be touched (「ままの おっぱい さわりたい」); elsewhere a picture
        # only right after the word (「ママのおっぱい動画」, not 「おっぱい体操の動画はこちら」).
        if _KANA_POST.fullmatch(doc.text, a, b):
            return bool(_SHOW_ME.search(doc.text, a, b) or _BREAST_ASKED.search(doc.text, a, b))
        return bool(_BREAST_ASKED.search(doc.text, a, b) or _PICTURE_AFTER.match(doc.text, start + 4))

    for hit in word_hits(
        doc, opts, "obscene.txt", "「{word}」はわいせつな表現と受け取られます。削除してください。", in_links=False,
        spelled=True, everyday_unless=offered if _OFFER_IN_TEXT.search(doc.text) else None,
    ):
        if _ENGLISH_SEX.fullmatch(doc.text, hit.start, hit.end) and (
            _ENGLISH_WORD_BEFORE.search(doc.text, max(0, hit.start - 30), hit.start)
            or _ENGLISH_WORD_AFTER.match(doc.text, hit.end)
            or _SEX_AS_LABEL.match(doc.text, hit.end)
        ):
            continue
        if _children_s_word(doc, hit.start, hit.end, offered):
            continue
        yield hit


def _children_s_word(doc: Document, start: int, end: int, offered: Callable[[int], bool]) -> bool:
    """Whether the hit is an ordinary word of a post in hiragana for children, parents or the elderly."""
    word = doc.text[start:end]
    if word == "まんこ":
        # 〜万個 counted in hiragana (「にまんこの ぼうし」「たまごが いちまんこ うれました」): a number word standing on
        # its own right before it. 「きみにまんこ」「ここにまんこ画像」 have a particle after a word, not a number, and a
        # sentence asking to be shown or sent something is read as the word whatever stands before it.
        a, b = doc.sentence_at(start)
        return (
            _COUNTED_BEFORE.search(doc.text, max(0, start - 16), start) is not None
            and _SHOW_ME.search(doc.text, a, b) is None
        )
    if word == "おっぱい":
        # Breastfeeding written in hiragana (「おっぱいは あかちゃんの ごはんです」): Sudachi cuts hiragana words where it
        # pleases (じょさんし is ジョ/サ/ンシ alone, ジョ/サン/シ before さん), so these are looked for as letters.
        a, b = doc.sentence_at(start)
        # A nursing word does not cover a request (「あかちゃんの おっぱい しゃしん おくって」「じゅにゅうちゅうの
        # おっぱい どうが」), as it does not for まんこ.
        return (
            _NURSING_KANA.search(fold(doc.text[a:b])) is not None and not offered(start)
            and _SHOW_ME.search(doc.text, a, b) is None
        )
    if word == "ぱんちら":
        return _bread_flyer(doc, start, end)
    return False


def _bread_flyer(doc: Document, start: int, end: int) -> bool:
    """「ぱんちらし」 of a bread flyer (「ぱんちらしを くばりました」「あたらしい ぱんちらしです」): the spelled word's last
    letters begin チラシ, which a particle, a mark or the end follows as it follows a noun. 「ぱんちらしてる」「ぱんちらしたい」
    「ぱんちらしすぎ」「ぱんちらしゃしん」 go on as a verb, a suffix or another word, and are read as the word."""
    tokens = doc.tokens
    i = doc.token_range((start, end)).start
    for k in range(i, min(i + 4, len(tokens))):
        t = tokens[k]
        if not (t.start < end < t.end and t.surface == "チラシ"):
            continue
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        return (
            after is None
            or after.pos in ("補助記号", "空白")
            or (after.pos == "助詞" and after.surface not in _VERB_PARTICLES)
            or (t.pos == "名詞" and after.surface in ("デス", "ダ", "デシタ", "ダッタ"))
        )
    return False


# What follows a verb, not a noun: 「ぱんちらしてみた」「ぱんちらしたり」.
_VERB_PARTICLES = frozenset(("テ", "デ", "ナガラ", "タリ", "ツツ"))


# Number words in hiragana (with 何 and 数), as in 二万個, 三百万個, 何万個; 「し」「く」 are left out: 四万 and 九万 are read
# よんまん and きゅうまん, and し, く are the ends of verbs. A digit right before is a number too (「2まんこ」「二まんこ」).
_COUNTED_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:いち|いっ|に|さん|よん|ご|ろく|ろっ|なな|しち|はち|はっ|きゅう|じゅう|じゅっ|ひゃく|びゃく|ぴゃく"
    r"|せん|ぜん|なん|すう)+$|[0-9０-９〇一二三四五六七八九十百千]$"
)
# A video named as where a lesson is shown (「おっぱい たいそう、どうがで みられます」) is not the thing asked for.
_SHOW_ME = re.compile(
    r"見せ|みせて|みて|見て|みせろ|みせたい|見たい|送って|おくって|画像|がぞう|写真|しゃしん|(?:動画|どうが)(?!で\s*(?:みられます|見られます|ごらん|ご覧|しょうかい|紹介))"
    r"|舐め|なめて|触|さわって|さわらせ"
)
# Folded (katakana): 赤ちゃん, 授乳, 母乳, 助産師, 乳児, 新生児, 卒乳, 断乳, げっぷ, 哺乳 in kana; 乳がん, 検診,
# セルフチェック, ピンクリボン for the breast self-check of pink ribbon posts. 「にゅうじょう」 is 入場. A mother (「ままの
# おっぱい」「おかあさんの おっぱい」; not そのまま, わがまま, きまま) and the nursing mothers' おっぱい体操 right after the word.
_NURSING_KANA = re.compile(
    r"アカチャン|ジュニュウ|ボニュウ|ジョサンシ|ニュウジ(?!ョ)|シンセイジ|ソツニュウ|ダンニュウ|ゲップ|ホニュウ"
    r"|ニュウガン|ケンシン|セルフチェック|ピンクリボン"
    r"|(?<![ノガキ])ママ|オカアサン|オカーサン|オッパイ[\s　]*タイソウ"
)


# 「sex」 among English words is the sex of a form or a statistic (「assign a role by sex」「Sex: Male」「SEX: M」「sex and age」):
# only next to Japanese, or full-width (「SEXしよう」「ＳＥＸ」), is it the word of an adult advertisement. Not so when
# masked (「S●X」), which only hides the word.
_ENGLISH_SEX = re.compile(r"(?i:sex)")
_ENGLISH_WORD_BEFORE = re.compile(r"[A-Za-z]{2,}[ \t,-]+$")
_ENGLISH_WORD_AFTER = re.compile(r"[ \t,-]+[A-Za-z]{2,}|[ \t]*[:：][ \t]*[A-Za-z]")
# A sentence that offers the material (「違法ポルノを無料で見る方法」「全裸の女性の写真を目撃！画像はこちら」「児童ポルノ所持で
# 逮捕された職員の画像を公開」): the law or harm words [everyday] lists for protective posts (違法・逮捕・目撃・同意…) do not
# make a lure protective. A sentence that names the offer as the harm (「…画像を公開する行為は犯罪です」) still passes.
# Not a video 「はこちら」 or 「を公開」: the health office links its own (「性感染症とセックスについての動画はこちら」).
_OBSCENE_OFFERED = re.compile(
    r"見放題|みほうだい|見る方法|見られる方法|見れる|無料で(?:見|配布|公開|視聴|ダウンロード)|配布中|ダウンロード"
    r"|(?:画像|写真|映像)(?:は|を)?(?:こちら|公開|入手|配布|アップ)(?!する行為|される被害|されたら|された場合)"
    # In hiragana, as a lure dressed as a children's post is written (「あかちゃんの おっぱい がぞうは こちら」).
    r"|(?:がぞう|しゃしん|どうが)\s*(?:は|を)?\s*(?:こちら|こっち)"
)
# An invitation to the place or to its women, which a history's or a support post's word (rumor.txt-like [everyday] of
# obscene.txt) does not cover: keyed by the word's first three folded letters.
# A place still open for business (「ソープランド跡地で今も営業中」「今すぐ予約」「今夜はサービスデー」), a woman's pictures or a night
# with her (「風俗嬢の相談窓口（写真あり）」「風俗嬢と過ごす夜」), and adult video sold as teaching material (「AV動画教材
# （無修正）」) are lures too.
_NIGHT_LURE = {
    "ソープ": re.compile(
        r"遊ぼう|遊べ|遊び(?:に|ませ|たい)|遊ん|行こう|行きたい|行って(?:みたい|みよう)|おすすめ|オススメ|指名|在籍|出勤|体験入店"
        r"|営業中|今も営業|現在も営業|営業してい(?:ます|る)|営業しております|営業時間|今すぐ予約|サービスデー|サービスタイム"
        r"|癒やされ|癒され|お見逃し|割引|女の子|嬢"
    ),
    "風俗嬢": re.compile(
        r"募集|求人|高収入|高額|日払い|稼げ|稼ごう|稼ぎ|指名|在籍|出勤|体験入店|遊ぼう|遊べ|遊び(?:に|ませ|たい)|会える|会おう|紹介"
        r"|写真|画像|動画|映像|しゃしん|がぞう|どうが|と過ごす|と過ごせ|癒やされ|癒され|今すぐ予約|見放題"
    ),
    "av動": re.compile(r"無修正|アダルト|成人向け|18禁|１８禁|女優|素人|見放題|抜け|ヌケ|エッチ"),
}
# A refusal in the lure's own sentence (「風俗嬢の写真を撮らないで」「…の拡散はやめましょう」) offers nothing.
_LURE_REFUSED = re.compile(r"しないで|撮らない|載せない|送らない|やめ|禁止|違法です")
# A breast asked to be shown, sent, touched or sucked (「ママのおっぱい見せて」「赤ちゃんのおっぱい見せて」「ママの
# おっぱい、吸いたい」), and one sold (「人妻ママのおっぱい」「ママのおっぱい（無修正）」「…が見られるサイト」), whatever
# nursing word stands in the sentence.
_BREAST_ASKED = re.compile(
    r"見せ(?:て|ろ|たい|ます|る)|みせ(?:て|ろ|たい|ます|る)|送って|おくって|舐め|なめ(?:て|たい|させ)|触(?:って|らせ|りたい|ら)"
    r"|さわ(?:って|らせ|りたい|ら)|揉|もみ(?:たい|ます)|もま(?:せ|れ)|吸いたい|すいたい|しゃぶ|人妻|無修正|サイト"
)
_PICTURE_AFTER = re.compile(r"[\s　]*(?:の)?[\s　]*(?:画像|写真|動画|映像|がぞう|しゃしん|どうが)")
_KANA_POST = re.compile(r"[ぁ-ゖー\s　、。！？!?・〜～]*")
# Whether any of these is in the draft, asked once per check: guarded, as the alternatives cost 0.3 ms a draft unguarded.
_OFFER_IN_TEXT = guard(re.compile(
    f"{_OBSCENE_OFFERED.pattern}|{_BREAST_ASKED.pattern}|{_SHOW_ME.pattern}|{'|'.join(p.pattern for p in _NIGHT_LURE.values())}"
))
_OBSCENE_WARNED = re.compile(r"行為|犯罪|禁止|違法です|注意|被害|架空請求|詐欺|通報|不審者|出没|防犯|しないで|やめ")
# A bilingual form's label with its Japanese choices (「Sex：男・女」「SEX（□男 □女）」「Sex 男 / 女」) and a statistic
# by sex (「年齢・SEX別人口」); 「SEX女子」「SEXしよう男女」 have no label's mark or separator and still fire.
_SEX_AS_LABEL = re.compile(r"[ \t　]*(?:[:：(（][ \t　]*[□■☐]?[ \t　]*[男女]|[□■☐]?[男女][ \t　]*[/／・、,])|別")


@rule(
    code="prohibited.illegal",
    severity="warning",
    summary="違法行為を勧める・煽る表現",
    clause="茅野市 4(7)④",
    fires=Example("大麻なら簡単に手に入ります。"),
    passes=Example("違法薬物は犯罪です。絶対に手を出さないでください。"),
)
def illegal(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """違法行為を勧めたり煽ったりする文を知らせます。

    茅野市 4(7)④・美祢市 2(6)③・上越市 5(5) は「違法行為又は違法行為を煽る情報」を、和気町 4(5)ア は
    「法令に違反する、又はそれらの行為を煽る内容」を禁じています。
    違法行為の名前（[acts]。略した「酒気帯び」「駐禁」「密猟」「速度超過」「白タク」なども）と勧誘の言い回し（[incite]）が同じ文にあり、否定や注意喚起の語
    （[deny]: ない・禁止・犯罪・やめ…）がないときだけ反応します。防犯・薬物乱用防止の啓発
    （「違法薬物は犯罪です」「不法投棄はやめましょう」）は反応しません。行為の名前のすぐ後の「してください」「をして下さい」（「会場周辺の道路に路上駐車してください」）も勧誘として反応します（「野焼きをする場合は届け出をしてください」のように別のことを頼む文や、「飲酒運転をしてくださいと誘われても、絶対に断りましょう」のように頼まれたことを伝える文は対象外です）。「闇バイト募集中！」のように行為の名前のすぐ後の「募集」も勧誘として反応します（「闇バイト募集中の投稿に注意してください」のような注意喚起は反応しません）。「バレない」「捕まらない」
    の「ない」、「バレません」「捕まりません」の「ませ」は勧誘の一部なので否定とはみなしません（「無免許運転でもバレない」「スピード違反も、このあたりなら捕まりません」は反応します）。
    行為を差し支えないとする「少しくらいのポイ捨ては問題ありません」「多少のスピード違反は構いません」「ポイ捨てなんて問題ない」「少しくらいのポイ捨ては気にしなくていい」、脱税や不正受給を
    言い換えた「確定申告で売上を少なく書いてもバレません」「所得をごまかしてもバレない」「過少申告してもバレません」も反応します
    （「ポイ捨てをしても問題ないと思っていませんか？」「所得を少なく書いてもバレない、という誤った情報にご注意ください」、考え方として挙げて戒める「路上駐車は問題ない、という考えが事故を招きます」「路上駐車くらい構わないという意識が、渋滞の原因です」（戒めていない「…という考えです」「…という考えに賛成です」「…という考えが正しいです」「…という意識を持ちましょう」は反応します）、
    「売上を少なく申告すると、過少申告加算税がかかります」「雨天でも問題ありません」、行為ではなく対処のしかたを差し支えないとする
    「詐欺の電話がかかってきても、すぐに切れば問題ありません」「野焼きは、届け出をすれば問題ありません」は対象外です）。
    「ポイ捨てごみを拾うボランティアは、軍手がなくても大丈夫です」「不法投棄された家電の回収は…問題ありません」「ポイ捨て防止の
    パトロールは、雨天でも問題ありません」のように、行為の名前のすぐ後に「ごみ」「された」「防止」などが続いて、行為ではなく
    残されたものや取り組みを指すものは対象外です（同じ文で「ポイ捨てしても大丈夫」と行為を勧めるものは反応します）。「違法薬物」
    「違法ダウンロード」の「違法」も行為の名前の一部なので否定とはみなしません（「違法ダウンロードで映画が無料で
    見られます」は反応し、「違法ダウンロードは犯罪です」は反応しません）。「身を守る」
    「被害を防ぐ」方法の案内も反応しません。「「簡単に高収入」——それは闇バイトです」「飲酒運転は「少しなら大丈夫」
    という気のゆるみから起こります」のように、注意喚起の中で短い「」に入れて示した誘い文句も反応しません。
    「少しくらいなら飲んでも運転して大丈夫」「ビール1杯なら運転しても平気」のように、飲酒運転という語を使わずに
    飲酒・運転・「大丈夫」「OK」などを一文で言うものも反応します（「「少しなら大丈夫」という油断が事故を招きます」
    「飲んだら運転代行を使えば大丈夫」「ノンアルコールビールなら運転しても大丈夫」「ワインを飲んでも大丈夫なように
    シャトルバスを運行」「運転は家族にお願いすればOK」「寝れば運転しても大丈夫、は誤解です」は反応しません）。
    自転車・バイク・原付も同じです（「飲んだ後でも自転車なら大丈夫です」。道路交通法 第65条。「自転車は押して歩けば
    大丈夫」、思い違いとして紹介する「自転車なら、お酒を飲んでも大丈夫と思っている人が多いようです」は対象外です。
    「…という話です」と伝えるものや、「…と思っている人、正解です」と認めるものは反応します）。
    違法行為の名前を出さずに、「ゴミは夜中に河川敷に捨てれば見つかりません」「ここに停めても捕まらない」のように
    見つからない・捕まらないと請け合う文も反応します（「夜中に捨てれば見つからない、と思ったら大間違いです」
    「お探しのページは見つかりません」「落とし物は雪に埋もれると春まで見つかりません」、ごみではない物を埋める
    「タイムカプセルを埋めれば見つかりません」は対象外です。「人がいない夜中に捨てれば見つからない」のように、同じ文に
    ほかの打ち消しがあっても反応します）。
    「路上駐車してください、と言われても断りましょう」「…してください、なんて頼まれても」のように、読点をはさんで
    頼まれたことを伝える文や、断るよう促す文（[deny]: 断り・断っ…）も対象外です。「駐車場がないので路上駐車して
    ください」のように、行為の前で理由を述べる「〜ないので」「〜ないから」の「ない」は否定とはみなしません（「」の
    ある文を除きます）。「野焼きしても通報されません」の「通報されない」「通報されません」は「バレない」と同じく勧誘です。
    「漫画村」のような海賊版サイトの名前も、「無料で読めます」などと一緒に使えば反応します（茅野市 4(7)④ 違法行為を
    煽る情報。「漫画村のような海賊版サイトは利用しないでください」は対象外です）。
    行為の名前のすぐ後の「OK」（「ポイ捨てOK」「ゴミはポイ捨てでOK」）や、行為を手段にする「違法ダウンロードで映画を見よう」
    「海賊版で読もう」も反応します（「違法ダウンロードの怖さを動画で見よう」「不法投棄の通報はメールでもOK」は対象外です）。
    行為の名前を出さずに、無免許での運転（「無免許でも運転しちゃおう」「免許切れでも運転して大丈夫」）、二十歳未満の
    喫煙・飲酒（「たばこは二十歳前でも大丈夫」「未成年でもお酒を飲んじゃおう」「20歳未満でもビールならいいよ」）、赤信号での横断（「赤信号でも渡っちゃおう」）、速度超過（「スピード出しても平気ですよ、このあたりはパトカーいないので」「10キロオーバーくらいなら大丈夫」）、無許可での飛行・出店など（「無許可でドローンを飛ばそう！」「無許可で露店を出しても平気です」）、道路や川への雪捨て（「雪は道路に捨てても大丈夫です」「雪は川に投げちゃおう！」「除雪した雪、川に流しちゃえばOK」「屋根の雪は道路に落とせばいいよ」「雪なんて道路に出しちゃえばいいんだよ」「雪は川にポイでOK」「国道に雪を捨てても大丈夫」）、他人の土地での採取や立ち入り（「他人の山でも山菜は採り放題！」「よその畑でも、少しなら取っても平気です」「他人の畑の野菜も取り放題」「他人の山のタケノコは掘り放題！」「よそんちの柿も取っちゃえばいいよ」）、「未成年でも一杯くらいなら大丈夫」「高校生でも一服くらい平気」を
    勧める・認める文も反応します（「無免許運転の取締りを強化します」「たばこは二十歳になってから」、免許の要らない
    「特定小型原付は免許がなくても運転できます」「教習所の敷地内なら」、「未成年でも飲める甘酒」、酒類でない「ノンアルコールビールなら20歳未満の方もどうぞ」、お酒そのものでないものを認める「ビールは20歳以上ならいいです」「子どもでもできる、たばこの害を
    学ぶ教室」、「赤信号でも青矢印なら左折できます」「救急車は赤信号でも進入できます」、そりやスキー・スケート・サーキットの「スピードを出しても大丈夫」、「スピードを出しても大丈夫なように車間距離を」、許可の要らないことを伝える「許可なしでも撮影OKです」「100g未満のドローンなら無許可でも飛ばして大丈夫です」「雪は流雪溝に捨てても大丈夫です」「雪は道路に出さなければいいんです」「他人の山でも、所有者の許可があれば山菜を採ってもOKです」「他人の敷地の草も取ってあげましょう」「友人の畑の野菜を、好きなだけ取っていいよと言われました」、農家が開く収穫体験の「地元の人の畑の野菜も取り放題！」「人の畑の野菜も収穫体験で取り放題！」「少量なら無許可でも販売して大丈夫な場合があります」、思い違いとして紹介する文は対象外です）。「不法投棄を見つけたら、写真を撮って市に送ることができます」のように、行為を見つけて知らせる文も対象外です。
    """
    yield from word_hits(
        doc, opts, "illegal.txt", "「{word}」は違法行為を勧める表現と受け取られます。表現を見直してください。",
        in_links=False,
    )
    # A sentence the act check below reports (「酒気帯び運転でも基準値以下なら大丈夫」) is reported once.
    drunk = list(_drunk_driving(doc))
    called = list(_act_calls(doc, opts))
    reported = {doc.sentence_at(h.start) for h in called}  # a drunk-driving hit spans its sentence
    yield from sorted([*called, *(h for h in drunk if (h.start, h.end) not in reported)], key=lambda h: h.start)
    for h in _evasions(doc):
        if doc.sentence_at(h.start) not in reported and not any(d.start <= h.start < d.end for d in drunk):
            yield h
            reported.add(doc.sentence_at(h.start))
    for h in _unnamed_acts(doc):
        if doc.sentence_at(h.start) not in reported and not any(d.start <= h.start < d.end for d in drunk):
            yield h


_ACT_AS_THING = re.compile(
    r"(?:ごみ|ゴミ|物|品|され(?:た|て)|防止|対策|禁止|パトロール|監視|ゼロ|撲滅|根絶|追放|の現場|現場|箇所|多発)"
)


def _act_calls(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    """Sentences that name an illegal act ([acts]) with a call to it ([incite]) and no denial ([deny])."""
    acts = matcher("illegal.txt", "acts", opts.extra_words)
    if not acts.present(doc):
        return
    incite = matcher("illegal.txt", "incite")
    deny = matcher("illegal.txt", "deny")
    # Each sentence is weighed once, at its first act: what decides is the whole sentence.
    done: set[tuple[int, int]] = set()
    for act in acts.find(doc):
        sent = doc.sentence_at(act.start)
        if sent in done:
            continue
        done.add(sent)
        # A short quoted lure is what a warning names, not the post's own call: 「「簡単に高収入」——それは
        # 闇バイトです」「飲酒運転は「少しなら大丈夫」という気のゆるみから」. A quote that holds the
        # act too (「「大麻が簡単に手に入る」」) still counts.
        # The act's leavings or the fight against it named, not the act: 「ポイ捨てごみを拾うボランティアは、軍手が
        # なくても大丈夫です」「不法投棄された家電の回収は無料で問題ありません」.
        acts_here = [a for a in acts.find(doc, within=sent) if not _ACT_AS_THING.match(doc.text, a.end, sent[1])]
        if not acts_here:
            continue
        act = acts_here[0]
        act_starts = [a.start for a in acts_here]
        calls = [c for c in incite.find(doc, within=sent) if not _quoted_apart(doc, c, acts_here, act_starts)]
        # The act asked for outright: 「路上駐車してください」. Only right after the act, so a notice that
        # names the act and asks something else (「野焼きをする場合は届け出をしてください」) is not one.
        calls += [
            Match(m.start(), m.end(), m.group(), a.first, a.last)
            for a in acts_here
            if (
                m := _ASKED_OUTRIGHT.match(doc.text, a.end, sent[1])
                or _RECRUITED.match(doc.text, a.end, sent[1])
                or _ALLOWED_OUTRIGHT.match(doc.text, a.end, sent[1])
                or _USED_OUTRIGHT.match(doc.text, a.end, sent[1])
            )
            is not None
        ]
        # The call named as a mindset a warning goes on to fault: 「路上駐車は問題ない、という考えが事故を招きます」.
        calls = [c for c in calls if not _mindset_faulted(doc, c.end, sent[1])]
        # The ない of 「バレない」「捕まらない」 is part of the call, not a denial of the act; nor is the
        # 違法 of 「違法ダウンロード」 part of the act.
        # Nor is 「間違いなし」 a denial: it vouches for the call (「大麻が簡単に手に入ること間違いなし」).
        vouched = [m.span() for m in _VOUCHED.finditer(doc.text, *sent)]
        named = SpanSet([(c.start, c.end) for c in calls] + [(a.start, a.end) for a in acts_here] + vouched)
        quoted = doc.text.find("「", *sent) >= 0
        denials = [d for d in deny.find(doc, within=sent) if quoted or not _lacking_as_reason(doc, d, act_starts[0])]
        if calls and all(named.covers(d.start, d.end) for d in denials):
            end = max(c.end for c in calls)
            yield Hit(
                act.start,
                max(end, act.end),
                f"「{act.entry}」を勧める・煽る表現と受け取られるおそれがあります。違法行為を促す内容になっていないか確認してください。",
            )


# 「路上駐車してください」「不法投棄をして下さい」: a request for the act itself. Not one reported
# (「飲酒運転をしてくださいと誘われても、断りましょう」「…して下さい」という電話」), also after a comma
# (「違法駐車をしてください、と言われても断りましょう」「…してください、なんて頼まれても」): a warning
# names it. 「、とにかく」「、ところで」 go on with the post's own words.
_ASKED_OUTRIGHT = re.compile(
    r"[\s　]*(?:を[\s　]*)?して[\s　]*(?:くださいね|ください|下さい|OK|ＯＫ)"
    r"(?![\s　]*(?:[、,，][\s　]*)?(?:と(?!にかく|ころで|りあえず|いうわけで)|って|っていう|なんて|」|』))")
# 「闇バイト募集中！」: the act recruited for. A call like the others, so that a warning about such
# posts (「闇バイト募集中の投稿に注意してください」「「闇バイト募集」などの投稿には応募しないでください」)
# stays silent, which the [words] entry it replaces did not.
_RECRUITED = re.compile(r"募集")
# 「ポイ捨てOK」「ゴミはポイ捨てでOK」「路上駐車もOK」: the act allowed outright. Only right after it:
# 「不法投棄の通報はメールでもOK」 allows the report. The spaces read whole: split between the two runs, 「ポイ捨て」 and
# 40,000 spaces took 33 s.
_ALLOWED_OUTRIGHT = re.compile(
    r"[\s　]*+(?:(?:を)?して(?:も)?|で(?:も)?|も)?[\s　]*+(?:OK|ＯＫ|オッケー|おっけー)(?![A-Za-z])"
    # Called harmless, said of the act itself: 「少しくらいのポイ捨ては問題ありません」「路上駐車は少しの時間なら構いません」.
    # Not of what is done about it: 「詐欺の電話がかかってきても、すぐに切れば問題ありません」「野焼きは、届け出をすれば
    # 問題ありません」.
    r"|[\s　]*+(?:(?:を)?して(?:も)?|は|なら|も|なんて|なんか|くらい(?:は|なら)?|ぐらい(?:は|なら)?|程度(?:は|なら)?)[\s　、,]*+"
    r"(?:[^\s　。、,！？!?\n]{1,8}?なら[\s　、,]*+)?"
    r"(?:問題(?:ない|ありません|なし)|構いません|かまいません|構わない|かまわない"
    # Or not worth a thought: 「少しくらいのポイ捨ては気にしなくていい」.
    r"|気に(?:しなくて(?:も)?(?:いい|良い|よい|大丈夫|OK|ＯＫ)|する(?:こと|必要)は(?:ない|ありません)))"
)
# 「違法ダウンロードで見よう」「海賊版で読もう」「万引きで手に入れよう」: the act as the way to what the reader is urged to
# get. Only right after the act: 「飲酒運転の怖さを映像で見よう」 watches a safety film.
_USED_OUTRIGHT = re.compile(
    r"[\s　]*(?:で|を使って|を使えば)[^。！？!?\n]{0,12}?"
    r"(?:見よう|観よう|見ちゃおう|観ちゃおう|見ましょう|観ましょう|読もう|読んじゃおう|読みましょう|聴こう|聞こう"
    r"|遊ぼう|手に入れよう|ゲットしよう|ダウンロードしよう|落とそう)"
)


# The words of a call named as a way of thinking (「ポイ捨てしても大丈夫、という考えがまちを汚します」「路上駐車くらい
# 構わないという意識が、渋滞の原因です」「…という風潮をなくしましょう」): what a warning faults, not what the post says.
# A mindset called wrong by its own name (油断・甘え・勘違い …, 甘い考え) is faulted; a plain one (考え・意識・気持ち …)
# only where the sentence goes on to fault it (`_MINDSET_FAULTED`): 「…という考えが正しいです」「…という意識を持ち
# ましょう」「…という気持ちでいきましょう！」 take it up.
_MINDSET_NAMED = re.compile(
    r"(?:だ|です|よ|ね|な|さ|じゃん|でしょ){0,3}[ \t　]*[、,]?[ \t　]*(?:という|といった|などという|なんていう|との)[ \t　]*"
    r"(?:(?P<faulted>(?:安易な|甘い|身勝手な|自分勝手な)[ \t　]*(?:考え|認識|意識|気持ち|発想|思い)"
    r"|思い込み|油断|気のゆるみ|気の緩み|甘え|誤解|勘違い)"
    r"|考え|認識|意識|風潮|気持ち|発想|心理|思い)"
    r"(?![ \t　]*(?:(?:に|へ)?[ \t　]*(?:賛成|同感|同意|共感)|です|だ|である|で[ \t　]*(?:行こう|いこう|いい|良い|OK|ＯＫ|大丈夫)))"
)
# What a warning says of the mindset it names: it leads to harm, is wrong, or is to be given up.
_MINDSET_FAULTED = re.compile(
    r"(?:方)?(?:が|は|こそ|も|から|で)[^。！？!?\n]{0,24}?(?:事故|招|原因|危険|危な|間違|誤り|誤っ|違反|犯罪|トラブル|迷惑|汚|生[みむ]"
    r"|つなが|繋が|損な|損ね|悪化|悪影響|禁物|命取り|いけ|なりません|だめ|ダメ|NG|許され|捨て|なくし|無くし|改め|見直|ゆるみ|緩み|大きな問題|深刻|根絶)"
    r"|(?:方)?を[ \t　]*(?:なくし|無くし|捨て|改め|見直|正し|断ち|変え|根絶)|(?:方)?に(?:注意|気をつけ|気を付け|要注意)"
)


def _mindset_faulted(doc: Document, end: int, sentence_end: int) -> bool:
    """Whether the call ending at ``end`` is named as a mindset (`_MINDSET_NAMED`) that the sentence faults."""
    named = _MINDSET_NAMED.match(doc.text, end, sentence_end)
    if named is None:
        return False
    return bool(named.group("faulted")) or _MINDSET_FAULTED.match(doc.text, named.end(), sentence_end) is not None


# 「駐車場がないので路上駐車してください」: the ない of a reason given before the act says what is
# missing, not that the act is wrong.
_REASON_AFTER = re.compile(r"(?:ので|んで|から|ため)")


def _lacking_as_reason(doc: Document, deny: Match, first_act: int) -> bool:
    """Whether a [deny] match is the ない of a reason clause (「…がないので」) ending before the sentence's
    first act. The caller leaves out sentences with a 「」 quote: 「「お金がないから万引きしよう」と考える
    若者」 reports a thought a warning goes on to correct."""
    return deny.entry == "ない" and deny.end <= first_act and _REASON_AFTER.match(doc.text, deny.end) is not None


# 「間違いなし」「間違いありません」: the [deny] word 間違い (「…という考えは間違いです」) said the other way.
_VOUCHED = re.compile(r"間違い(?:な[しいく]|ありません|ございません)")


def _quoted_apart(doc: Document, call: Match, acts: list[Match], act_starts: list[int]) -> bool:
    """Whether a call stands in a short 「」 quote that names none of the sentence's acts
    (`acts` in order of their starts, listed in `act_starts`)."""
    quote = doc.enclosing_quote(call.start, call.end, 20)
    if quote is None:
        return False
    # Only the acts starting inside this short quote are looked at: a sentence may hold thousands.
    k = bisect_right(act_starts, quote[0])
    while k < len(acts) and acts[k].start < quote[1]:
        if acts[k].end <= quote[1]:
            return False
        k += 1
    return True


# Drunk driving is rarely named when it is encouraged: 「少しくらいなら飲んでも運転して大丈夫」 says
# drinking, driving and that it is fine, with no 飲酒運転 for the [acts] list to find. The three
# together in one sentence fire, unless the sentence warns or offers the way home without the wheel.
_DRINKING = re.compile(
    r"飲酒|お酒|(?<!甘)酒(?:類|気|席|に酔)|日本酒|ビール|ワイン|焼酎|ハイボール|チューハイ|酔っ|酔った|アルコール"
    # Not the checks every driver of a business car goes through (安全運転管理者 notices: 「運転前の
    # アルコールチェックは、検知器を使えば対面でなくても問題ありません」), nor a hand sanitiser.
    r"(?!チェック|検知|検査|消毒|除菌|ジェル|スプレー|綿|インターロック)"
    r"|\b(?:drinking|drank|beers?|wine|alcohol(?![ \t-]*(?:checks?|tests?|testers?|detectors?|sanitizers?)\b))\b",
    re.IGNORECASE,
)
# 「飲んでも」「1杯なら」 alone say drinking only when nothing else is drunk in the sentence: not
# 「酔い止めを飲んでおけば」「コーヒーを一杯飲んでから運転すれば」「薬を飲んで運転しても大丈夫か」.
_DRINKING_UNNAMED = re.compile(r"飲ん|飲み(?!物)|[1一]杯|\bdrinks?\b", re.IGNORECASE)
_OTHER_DRINK = re.compile(
    r"薬|酔い止め|コーヒー|珈琲|茶|水|ジュース|ドリンク|カフェイン|牛乳|ミルク|スープ|サプリ|甘酒|精一杯|目一杯"
    r"|\b(?:coffee|tea|water|medicine)\b",
    re.IGNORECASE,
)
# A question (「甘酒は運転前に飲んでも大丈夫？」) asks; what follows answers it.
_QUESTION = re.compile(r"[？?]|か[、。，．]|か$")
# Alcohol-free drinks are what a driver may have (「ノンアルコールビールなら運転しても大丈夫」).
_ALCOHOL_FREE = re.compile(r"ノンアル(?:コール)?(?:ビール|飲料|カクテル)?|\bnon-?alcoholic\b", re.IGNORECASE)
# 「車で大丈夫」 says driving too; not 「車でお越しの方」.
# Riding a bicycle drunk is drunk driving too (道路交通法 第65条, penalised since 2024): 「飲んだ後でも
# 自転車なら大丈夫です」. So is riding a moped or an e-scooter.
_DRIVING = guard(re.compile(
    r"運転|ハンドル|車で(?:帰|行|も?(?:大丈夫|平気|OK))|車に乗|乗って帰|自転車|チャリ|バイク|原付|キックボード"
    r"|\bdriv(?:e|es|ing)\b|\b(?:ride|riding|cycle|cycling)\b",
    re.IGNORECASE,
))
_ALLOWED = re.compile(
    r"大丈夫|平気|問題(?:ない|ありません|なし)|影響(?:は|が)?(?:ない|ありません|なし)|OK|オッケー|構わない|構いません|かまわない|かまいません"
    r"|捕まらない|捕まりません|つかまらない|バレない|ばれない|バレません|(?:て|で)も(?:いい|良い|よい)"
    # Only the driving itself being possible: 「運転できます」, not 「…でも参加できます」.
    r"|運転(?:は|も|して|することが|が)?でき(?:ます|る)"
    # 「お酒を飲んでも運転しちゃおう」: the driving urged.
    r"|運転し(?:ちゃおう|ちゃえ|よう(?![にと]))|乗って帰ろう|乗っちゃおう"
    # 「酒飲んでチャリ乗ってもセーフ」: net slang for OK.
    r"|セーフ|\b(?:fine|okay|all right|alright|no problem)\b",
    re.IGNORECASE,
)
# A warning, or the way home without driving: 「「少しなら大丈夫」という油断が事故を招きます」
# 「お酒を飲んだら運転代行を使えば大丈夫」「飲まない人が運転すれば平気」.
_NOT_ENCOURAGED = re.compile(
    r"ない|ませ|ず(?:に|、|。|$)|せず|ダメ|だめ|駄目|禁止|犯罪|違法|防止|根絶|撲滅|ゼロ|やめ|止め|絶対|罰|厳禁|いけ"
    r"|避け|控え|油断|過信|思い込|誤り|間違い(?!なし)|誤解|勘違い|危険|事故|代行|タクシー|ハンドルキーパー|送迎|公共交通"
    # 「飲まなければ大丈夫」; a shuttle, a train, a walk or a night's stay; someone else at the wheel.
    r"|飲まなけれ|シャトル|バス|電車|列車|徒歩|宿泊|家族(?:に|が)|(?:他|ほか)の(?:人|方)"
    # 「自転車は押して帰れば大丈夫」: walking it home is walking.
    r"|押して|押せ|駐輪|置いて"
    r"|\b(?:never|not|don't|do not|no|illegal|crime|designated)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r'「[^「」]*」|『[^『』]*』|"[^"]*"|“[^“”]*”')
# The belief described as some people's, which a traffic-safety post sets out to correct: 「自転車なら、
# お酒を飲んでも大丈夫と思っている人が多いようです」「…という声を聞きます」. Not 「…という話です」, which
# passes it on, nor when the post then agrees with them (「…と思っている人、正解です！」).
_BELIEF_DESCRIBED = re.compile(
    r"と(?:思|考|感じ)(?:って|て)(?:い)?(?:る|た)(?:人|方)|と(?:思|考)い?がち|と思われがち|と(?:勘違い|誤解)し"
    # Or the thought itself named, to be dropped: 「10キロオーバーくらいなら大丈夫、という考えは捨てましょう」.
    r"|と(?:いう|言う)(?:人|方|声|考え|思い込み|気の緩み|甘え)|と(?:いう|言う)話を"
)
_BELIEF_ENDORSED = re.compile(r"正解|その(?:通り|とおり)|(?:本当|ほんと|実際)(?:に|は)?(?:大丈夫|平気|OK|オッケー)")


# An illegal act described without its name, with the promise that no one will find out: 「ゴミは夜中に
# 河川敷に捨てれば見つかりません」「ここに停めても捕まらない」. Only the verbs of such acts (dumping,
# burning, parking, taking) with a condition before the promise: 「落とし物は雪に埋もれると春まで
# 見つかりません」 warns, and 「お探しのページは見つかりません」 is no act.
_EVADED = re.compile(
    r"(?:捨て|燃や[しせ]|埋め|停め|止め(?=て|れ|ちゃ|とけ)|駐車し|置いて(?:いけ|おけ|け|っ)|持ち帰|盗[まんっ]|採っ|獲っ|釣っ|ダウンロードし|流[しせ]|放流し)"
    r"[^。！？!?\n「」]{0,6}?(?:れば|ても|たって|たら|ちゃえば|ちゃっても|とけば|ておけば|てしまえば|ば)"
    r"[^。！？!?\n「」]{0,10}?"
    r"(?:見つから(?:ない|ねえ|ねー|ず)|見つかりません|見つかりっこない|バレ(?:ない|ません|ねえ|ねー|へん)|ばれ(?:ない|ません|ねえ|ねー)"
    r"|捕まら(?:ない|ねえ|ず)|捕まりません|つかまらない|つかまりません)"
)
# Said to be wrong, watched for or punished: 「夜中に捨てれば見つからないと思ったら大間違いです」「監視カメラで
# 見つかります」. What the promise itself says (見つからない) is taken out first. Not _NOT_ENCOURAGED, which
# is for drunk driving: its bare 「ない」 took 「人がいない夜中に捨てれば見つからない」 for a warning, and its ways
# home (バス・電車・駐輪・家族に) 「バス停に停めても捕まらない」.
_EVASION_WARNED = re.compile(
    r"監視|パトロール|警察|逮捕|通報|罰|懲役|不法|違法|違反|禁止|犯罪|ポイ捨て|迷惑|思ったら|思って|思われ|考え|甘い"
    r"|ダメ|だめ|駄目|やめ|絶対|厳禁|いけ(?:ない|ません)|誤り|間違い|誤解|勘違い|思い込|油断|防止|撲滅|根絶|後を絶"
    r"|\b(?:never|not|don't|do not|illegal|crime)\b",
    re.IGNORECASE,
)
# What is buried unseen is a dumping only when it is waste: 「タイムカプセルを埋めれば見つかりません」「球根を
# 埋めたら見つからない」 are a school's and a garden's.
_WASTE = re.compile(r"ゴミ|ごみ|廃|不用品|粗大|家電|タイヤ|残土|がれき|瓦礫|死骸|ガラ")
# The promise denied after it: 「…捨てても見つからない、なんてことはありません」「…捕まらないわけではない」.
_EVASION_DENIED = re.compile(
    r"ことは(?:ない|ありません|ありえ|あり得)|わけ(?:では|じゃ|が|は)(?:ない|ありません|ねえ)|はず(?:が|は)(?:ない|ありません)"
    r"|とは限ら|では(?:ない|ありません)|じゃない"
)


def _evasions(doc: Document) -> Iterator[Hit]:
    """Sentences that describe an illegal act and promise it will go unnoticed (`_EVADED`), with no
    warning (`_EVASION_WARNED`) nor denial after it (`_EVASION_DENIED`) and not quoted or asked."""
    seen: set[tuple[int, int]] = set()
    for m in _EVADED.finditer(doc.text):
        sent = doc.sentence_at(m.start())
        if sent in seen:
            continue
        seen.add(sent)
        rest = doc.text[sent[0] : m.start()] + doc.text[m.end() : sent[1]]
        if m[0].startswith("埋め") and not _WASTE.search(rest):
            continue
        if (
            _QUESTION.search(doc.text[sent[0] : sent[1]].rstrip())
            or _EVASION_WARNED.search(rest)
            or _EVASION_DENIED.search(doc.text, m.end(), sent[1])
        ):
            continue
        if doc.enclosing_quote(m.start(), m.end(), 40) is not None:
            continue
        yield Hit(
            m.start(),
            m.end(),
            "見つからない・捕まらないとして、ごみの不法投棄や違法駐車などの違法行為を勧める表現と受け取られる"
            "おそれがあります。内容を確認してください。",
        )


# 「政党名（自民党、公明党など）」: parties named as examples of what a ballot takes.
_BALLOT_EXAMPLES = re.compile(r"(?:政党名|政党等の名称|政党の名称|政党等名)[ \t　]*+[（(][^（）()\n]{1,80}+[）)]")
# Right after a party's name, its candidate: 「自民党の候補者を」「〇〇党公認候補に」.
_PARTY_CANDIDATE = re.compile(r"(?:の|公認の?|推薦の?|から(?:の)?)?(?:新人|現職|公認)?候補(?:者)?(?:の[^\s。、]{1,12}?)?[をにへ]")


def _drunk_driving(doc: Document) -> Iterator[Hit]:
    """Sentences that say drinking before driving is fine, without naming 飲酒運転."""
    if not _DRIVING.search(doc.norm):
        return
    for a, b in doc.sentences:
        sentence = _ALCOHOL_FREE.sub("", doc.text[a:b])
        drinking = _DRINKING.search(sentence) or (
            _DRINKING_UNNAMED.search(sentence) and not _OTHER_DRINK.search(sentence))
        if not (drinking and _DRIVING.search(sentence)) or _QUESTION.search(sentence.rstrip()):
            continue
        # A quoted 「少しなら大丈夫」 is the excuse a warning names, not what the post says.
        said = _QUOTED.sub("", sentence)
        rest = _ALLOWED.sub("", sentence)
        described = _BELIEF_DESCRIBED.search(rest) is not None and not _BELIEF_ENDORSED.search(sentence)
        if _ALLOWED.search(said) and not _NOT_ENCOURAGED.search(rest) and not described:
            yield Hit(
                a,
                b,
                "飲酒運転を認める・勧める表現と受け取られるおそれがあります。お酒を飲んだら少量でも運転できません。"
                "内容を確認してください。",
            )


# Illegal acts urged without their names: driving with no licence (「無免許でも運転しちゃおう」, 道路交通法 第64条),
# smoking or drinking under twenty (「たばこは二十歳前でも大丈夫」, 二十歳未満ノ者ノ喫煙/飲酒ノ禁止ニ関スル法律), and
# crossing on red (「赤信号でも渡っちゃおう」, 道路交通法 第7条). Each: what is done, the condition that makes it
# illegal, and the urging or the allowance, in one sentence with no warning (`_NOT_ENCOURAGED`, `_UNNAMED_WARNED`).
# The allowance, said of the act: 「大丈夫」「OK」「…てもいい」. Not 「できる」, which states what a thing allows
# (「免許がなくても運転できる乗り物」 names the ones that need none).
_UNNAMED_ALLOWED = (
    r"大丈夫|平気|問題(?:ない|ありません|なし)|OK|ＯＫ|オッケー|構わない|構いません|かまわない|かまいません|セーフ"
    r"|(?:て|で)も(?:いい|良い|よい)"
    # Allowed for a kind of it: 「20歳未満でもビールならいいよ」「無免許でも原付ならいい」 (`_KIND_ALLOWED`).
    r"|なら(?:いい|良い|よい)"
)
# 「…ならいい」 allows the act only when what it names is the act itself, with at most an amount between (「ビール1杯
# ならいいよ」): 「子どもでも楽しめます、ビールは20歳以上ならいいです」「中学生でも、たばこの害を学ぶ教室ならいいですね」
# allow something else.
_KIND_ALLOWED = re.compile(
    r"(?:[0-9０-９一二三]?(?:杯|本|缶|口)|少し|ちょっと|だけ|くらい|ぐらい)*なら(?:いい|良い|よい)"
)
# (what, the condition, the act, the urging or allowance after the act, what exempts the sentence)
_UNNAMED_ACTS = (
    (
        "無免許での運転",
        re.compile(r"無免許(?!運転)|免許(?:が|を|は)?(?:なくても|無くても|なしでも|持ってなくても|持っていなくても|切れでも|停止中でも)"),
        re.compile(r"運転|ハンドル|車|バイク|原付|ドライブ|乗っ|乗ろう|乗れ|走っ|走ろう|走れ"),
        re.compile(_UNNAMED_ALLOWED + r"|ちゃおう|ちゃえ|しよう|しましょう|乗ろう|走ろう|行こう"),
        # What needs no licence, or where none is needed: 「特定小型原付は免許がなくても運転できます」「教習所の
        # 敷地内なら…」「運転体験会」.
        re.compile(r"自転車|特定小型|キックボード|免許不要|私有地|敷地内|教習|体験|シミュレー|ゴーカート|カート|遊具|ラジコン|ドローン"),
    ),
    (
        "二十歳未満の喫煙・飲酒",
        re.compile(
            r"(?:(?:二十歳|20歳|２０歳|はたち)(?:前|未満)|未成年|中学生|高校生|中高生|小学生|子ども|子供|10代|十代)"
            r"(?:でも|だって|なら|だけど)"
        ),
        # A glass or a smoke, as the drink and the cigarette are said to the young: 「未成年でも一杯くらいなら大丈夫」.
        # Not a bowl of something or the first one (「未成年でも一杯のかけそばは大丈夫」「子どもでも1杯目は無料なので
        # 大丈夫」「一服の抹茶」).
        re.compile(_TOBACCO_OR_DRINK + r"|(?:(?:一|1|１|もう一)杯|一服)(?![のめ目])"),
        re.compile(_UNNAMED_ALLOWED + r"|(?:吸っ|飲ん)(?:ちゃおう|ちゃえ|じゃおう|じゃえ)|吸おう|飲もう"),
        # What anyone may have or attend: 「未成年でも参加できます（ソフトドリンクを用意）」.
        re.compile(r"ノンアル|ソフトドリンク|ジュース|入場|参加|同伴|見学|不可|禁煙|受動喫煙"),
    ),
    (
        "赤信号での横断",
        re.compile(r"赤信号(?:でも|だって|なら|だけど|なのに)"),
        re.compile(r"渡|進|行|突っ切|横断"),
        re.compile(_UNNAMED_ALLOWED + r"|ちゃおう|ちゃえ|渡ろう|進もう|行こう"),
        # The signals and vehicles that may: 「赤信号でも青矢印なら左折できます」「救急車は赤信号でも進めます」.
        re.compile(r"矢印|救急|緊急|消防|パトカー"),
    ),
    (
        # Speeding (道路交通法 第22条): 「スピード出しても平気」「10キロオーバーなら大丈夫」.
        "速度超過",
        re.compile(
            r"スピード(?:を|は)?[ \t　]*出(?:し|す|そ)|(?:制限|法定)速度(?:を|は)?(?:超え|オーバー)"
            r"|[0-9０-９]+(?:キロ|km|ｋｍ)(?:くらい|ぐらい|程度)?(?:オーバー|超過)"
        ),
        re.compile(r"出し|出す|出そ|超え|オーバー|超過|飛ばし|飛ばそ|走"),
        re.compile(_UNNAMED_ALLOWED + r"|ちゃおう|ちゃえ|出そう|飛ばそう"),
        # Speed that is no one's offence: a sled, a ski run, a rink, a race track, a ball or a game. And the safety
        # made ready for it (「高速道路では、スピードを出しても大丈夫なように車間距離をとりましょう」).
        re.compile(
            r"サーキット|レース|ゲーム|シミュレー|スキー|スノーボード|ボード|ゲレンデ|スケート|競技|そり|ソリ|滑り台|プール"
            r"|ボール|カート|遊具|ボート|ランニング|マラソン|(?:大丈夫|平気)なよう"
        ),
    ),
    (
        # Doing without the permit the act needs (航空法's drone flights, 道路使用許可, 食品衛生法's stalls): 「無許可で
        # ドローンを飛ばそう」「無許可で露店を出しても平気」. Only 無許可, which says a permit is wanting: 「許可なしで
        # 利用できます」「許可がなくても撮影OK」 tell what needs none.
        "無許可での飛行・出店・営業など",
        re.compile(r"無許可(?:で|でも|のまま)"),
        re.compile(r"飛ば|出[しすせそ]|打ち上げ|営業|販売|売|撮影|キャンプ|焚|工事|設置|駐車|停め|釣|採|捕|獲|建て|開|使|やっ|し(?:ちゃ|て|よう)"),
        re.compile(
            _UNNAMED_ALLOWED
            + r"|ちゃおう|ちゃえ|しよう|しましょう|ましょう|(?:[おこごそぞとどのほぼぽもろ]う|よう)(?=[ \t　]*(?:[!！。♪]|$))"
        ),
        # The law's exceptions told as such: 「少量なら無許可でも販売して大丈夫な場合があります。保健所にご確認ください」.
        re.compile(r"未満|不要|いりません|要りません|対象外|屋内|私有地|敷地内|場合|ケース"),
    ),
    (
        # Snow pushed onto the road or into a river (道路交通法 第76条第3項, 道路法 第43条, 河川法): the snow country's own
        # offence, 「雪は道路に捨てても大丈夫です」「雪は川に投げちゃおう」. Not the channels and yards made for it
        # (「雪は流雪溝に捨てても大丈夫です」「雪捨て場へ」).
        "道路や川への雪捨て",
        re.compile(
            # The topic may be なんて or a bare comma, spoken (「除雪した雪、川に流しちゃえばOK」「雪なんて道路に
            # 出しちゃえばいいんだよ」); not a heavy snow's report (「大雪、道路に…」).
            r"雪(?:を|は|も|なんて|なんか|(?<![大豪初新吹]雪)[、,])[ \t　]*[^。！？!?\n]{0,8}?"
            r"(?:道路|車道|歩道|市道|県道|国道|道|川|河川|用水路?|側溝)(?:に|へ|の上に)"
            # Or the road first: 「国道に雪を捨てても大丈夫」. Each place a branch of its own, so that every branch opens
            # on a letter, which re scans for (a group of them first made it read the draft at each letter).
            + "".join(
                rf"|{place}(?:に|へ)[ \t　]*(?:[^。！？!?\n、,]{{0,4}}?)雪(?:を|は|も)"
                for place in ("道路", "車道", "歩道", "市道", "県道", "国道", "道", "川", "河川", "用水路", "用水", "側溝")
            )
        ),
        # 「雪は川にポイでOK」: ポイ is thrown away, as in ポイ捨て.
        re.compile(r"捨て|出[しすそせ]|投げ|押し出|放り|落と|流[しすそせ]|ポイ"),
        # 「…ばいい」 as the way to do it: 「屋根の雪は道路に落とせばいいよ」 (「出さなければいい」 is `_NOT_ENCOURAGED`'s).
        re.compile(_UNNAMED_ALLOWED + r"|ちゃおう|ちゃえ|捨てよう|出そう|投げよう|しよう|ましょう|ば(?:いい|良い|よい)"),
        re.compile(r"流雪溝|融雪溝|雪捨て場|排雪場|堆雪場|雪置き場|指定|許可|除雪車|除雪業者"),
    ),
    (
        # What grows or lies on another's land taken, or the land entered (森林法 第197条, 刑法 第130条・第235条):
        # 「他人の山でも山菜は採り放題！」「よその畑でも、少しなら取っても平気」. Not with the owner's leave.
        "他人の土地での採取・立ち入り",
        # Or what grows there named as the topic: 「他人の畑の野菜も取り放題」「他人の山のタケノコは掘り放題！」
        # 「よそんちの柿も取っちゃえばいいよ」. Not a friend's (「友人の畑の…」), who may have said so, nor the farmer's
        # who hosts a harvest (「地元の人の畑の野菜も取り放題！収穫体験ツアー…」「農家の人の畑の…」).
        re.compile(
            r"(?:他人|よそ|人(?<![一-鿿々]人)(?<!(?:農家|地元|地域|集落|農園)の人)|ひと)(?:の|ん)(?:山|土地|畑|田んぼ|敷地|庭|家|空き家|山林|森|竹林|果樹園|(?<=ん)ち)"
            r"(?:でも|なら|だって|だけど|の[^。！？!?\n、,「」]{1,8}?(?:でも|も|は|を))"
        ),
        re.compile(r"採|取|獲|捕|掘|摘|持ち帰|入っ|入ろ|入り|入れ|入る"),
        re.compile(_UNNAMED_ALLOWED + r"|放題|ちゃおう|ちゃえ|しよう|ましょう|(?:[おこごそぞとどのほぼぽもろ]う)(?=[ \t　]*(?:[!！。♪]|$))"),
        # Or the land tidied for its owner: 「他人の敷地の草も取ってあげましょう」「お隣の庭の落ち葉も…」. Or a harvest
        # hosted: 「人の畑の野菜も収穫体験で取り放題！」.
        re.compile(
            r"許可|所有者|持ち主|了解|承諾|同意|断って|声をかけ|草(?!餅|団子)|ごみ|ゴミ|落ち葉|清掃|掃除|(?:て|で)あげ|手伝"
            r"|収穫体験|収穫祭|体験農園|観光農園|狩り体験"
        ),
    ),
)
_UNNAMED_WARNED = re.compile(r"取締|取り締ま|摘発|逮捕|検挙|違反|罪|通報|同乗|させ")
_NO_ONE_ABOUT = re.compile(r"(?:い|居|来)(?:ない|ません)(?:ので|から|し)")


def _urged_after(said: str, act: re.Pattern[str], urged: re.Pattern[str], pos: int) -> bool:
    """Whether ``urged`` follows in ``said`` from ``pos``, its 「…ならいい」 only right after the act (`_KIND_ALLOWED`)."""
    for u in urged.finditer(said, pos):
        if not u.group().startswith("なら") or any(_KIND_ALLOWED.match(said, x.end()) for x in act.finditer(said, 0, u.start())):
            return True
    return False


def _conditions_by_sentence(doc: Document, condition: re.Pattern[str]) -> Iterator[tuple[tuple[int, int], list[int]]]:
    """Each sentence with a condition in it, with the ends of its conditions, so that a sentence is read once: read
    again at each, a 40,000-character sentence of 「無免許でも自転車、」 took 30 s."""
    sent: tuple[int, int] | None = None
    ends: list[int] = []
    for m in condition.finditer(doc.text):
        at = doc.sentence_at(m.start())
        if at != sent:
            if sent is not None:
                yield sent, ends
            sent, ends = at, []
        ends.append(m.end())
    if sent is not None:
        yield sent, ends


def _earliest_in_said(sentence: str, ends: list[int]) -> int:
    """The earliest of the conditions' ``ends`` (rising, in ``sentence``) counted in the sentence with its quotes taken
    out, which the urging is searched from. Not the first condition's: one in a quote that closes later (「「ああ…赤信号でも」
    赤信号でも渡っちゃおう」) counts the quote it is in, past the urging, and the one after the quote does not."""
    quotes = [q.span() for q in _QUOTED.finditer(sentence)]
    earliest, removed, i = len(sentence), 0, 0
    for end in ends:
        while i < len(quotes) and quotes[i][1] <= end:
            removed += quotes[i][1] - quotes[i][0]
            i += 1
        earliest = min(earliest, end - removed)
    return earliest


def _unnamed_acts(doc: Document) -> Iterator[Hit]:
    for what, condition, act, urged, exempt in _UNNAMED_ACTS:
        for (a, b), ends in _conditions_by_sentence(doc, condition):
            sentence = doc.text[a:b]
            said = _QUOTED.sub("", sentence)
            # Where a condition ends in ``said``: counted in the sentence, a quote before it (「「急げ」赤信号でも渡っちゃおう」)
            # put the start of the search for the urging past the urging.
            condition_end = _earliest_in_said(sentence, [end - a for end in ends])
            # No one about is the reason it is fine, not a denial: 「…平気ですよ、このあたりはパトカーいないので」.
            rest = _NO_ONE_ABOUT.sub("", urged.sub("", condition.sub("", sentence)))
            done = act.search(said)
            if (
                done is not None
                and _urged_after(said, act, urged, max(done.end(), condition_end))
                and not exempt.search(sentence)
                and not _QUESTION.search(sentence.rstrip())
                and not _NOT_ENCOURAGED.search(rest)
                and not _UNNAMED_WARNED.search(rest)
                and not _BELIEF_DESCRIBED.search(rest)
            ):
                yield Hit(
                    a,
                    b,
                    f"{what}を認める・勧める表現と受け取られるおそれがあります。違法行為を促す内容になっていないか確認してください。",
                )
                break


@rule(
    code="prohibited.rumor",
    severity="warning",
    summary="噂・流説・未確認情報の言い回し",
    clause="茅野市 4(7)⑤",
    fires=Example("来週から給付金が出るらしいです。拡散希望！"),
    passes=Example("上越らしい風景を写真で紹介します。"),
)
def rumor(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """噂や未確認の情報であることを示す言い回しを知らせます。

    茅野市 4(7)⑤ は「正否が確認できない情報（噂や流説など）」、上越市 5(5) は「単なる噂や噂を
    助長させる情報」を禁じています。伝聞の助動詞「らしい」（「〜らしいです」）、伝聞の「そうです」
    （「給付金が出るそうです」「不審者が出たそうです」「週末は台風が来るそうです」。給付金・中止・断水・避難・不審者・事件・大雪・台風など、
    誤りが市民の行動を左右する話題 [hearsay_topics] の文に限ります。大雪・台風などの天気は「明日は大雪だそうです」「台風が
    接近しているそうです」のように予報として伝える文だけで、「台風の名前は…順番につけられるそうです」や「明日は大雪の予報だそうです」
    のように予報と示した文は対象外です。様子を表す「降りそうです」、
    「気象台によると」のように出典を示した文、「雁木は雪国の知恵だそうです」のような話題は
    対象外）、同じ話題（氾濫・浸水・冠水なども）の「〜と聞いた」「〜と聞きました」「〜とのことです」「〜とのこと。」「〜たって」「〜だって」「〜届くって」（「消防から」「警察によると」
    のように出典を示した文、「」の言葉を聞いたもの（「〜」とのことですと伝えるものは反応します）、【不審者情報】のようなお知らせ（【拡散情報】【未確認情報】は除きます）は対象外）。そうですとこれらは、
    昔のことを伝える文（「戦時中に空襲で多くの死者が出たと聞きました」「中越地震では堤防が決壊したそうです」「昨年の豪雨では駅前が冠水したそうです」。毒・略奪・
    外国人などを含むものと、今夜・今回や「昨年から続いている」などの今の話は除きます。「2019年の台風19号では…浸水したそうです」「令和元年東日本台風では」のように
    投稿の年より前の年を数字で書いて「〜では」「〜のとき」と話の枠にしたものも昔のこととします。「2019年と同じように」「〜並みの」と今の話の目安にしたもの、「今も」「再び」と今に続けるもの、「2025年の大雨で壊れた堤防が、また決壊したそうです」のように年がものの説明にあるだけのものは除きます）と、雨天時の予定（「雨天の場合は中止とのことです」）では
    反応しません。「停電したら冷蔵庫は開けないほうがいいんだって」「断水に備えて、水をためておくといいんだって」のように、
    「〜たら」「〜ときは」「備えて」で場合を示して「といい」「ほうがいい」とすすめる防災の心得も反応しません（今夜・明日などの今の話や、
    窃盗・外国人・毒などを含むもの、「給水車は来ないから」のように理由として言い切るものは反応します）。ダムの放流は「ダムが放流」「ダムの放流」「緊急放流」と書いたものだけを話題とします（「稚魚を放流したそうです」は対象外）。「との噂」「未確認ですが」「（未確認）」
    「拡散希望」「拡散よろしく」「拡散大歓迎」「拡散求む」、文の終わりの「ぜひ拡散を！」「RT希望」、出どころを示さない「SNSで見たのですが」「知人から聞いた話」、英語の
    「rumor has it」「unconfirmed reports」「I heard that」「Please share widely」などに反応します。
    「上越らしい風景」の「らしい」は接尾辞なので反応しません。
    避難指示・避難所・警報などを伝える文の「拡散希望」「RT希望」「拡散してください」は、公式の緊急情報を
    広めてもらう呼びかけなので反応しません（同じ文に「らしい」「噂」などがあればそちらが反応します。
    「【拡散希望】給水所で水がもうないみたいです」のように書き手の推測「〜みたいです」を広める依頼は反応します）。
    「【拡散希望】本日10時から〇〇小学校で給水を行います」「避難所を開設しました。拡散希望」のように、市が行うことを
    「行います」「実施します」「開設しました」「お知らせします」（くだけた投稿の「やります」も）などと伝える文（「拡散希望」だけの文なら同じ段落か
    次の文）の依頼も、公式のお知らせを広めてもらうものなので反応しません（「炊き出しを行っております」も同じです。
    その文や段落に「〜みたいです」「らしい」「未確認」「噂」「真偽」「〜そうです」などがあるときや、「行いますとのことです」
    「行いますって」「実施しますと聞きました」のように人から聞いたお知らせを伝えるときは、依頼も反応します）。
    「ぜひリポストで拡散をお願いします」「シェア・拡散大歓迎です」のように市の投稿そのものを広めてもらう依頼や、
    イベント・講座・募集などのお知らせや「インフルエンザが流行しています。手洗いを心がけましょう」のように予防を呼びかける市の保健のお知らせの段落の「拡散希望」「拡散お願いします」も反応しません（投稿のどこかに
    「らしい」「みたい」「未確認」「とのこと」「〜って」などの伝聞・推測、「回ってきた情報」「友人から」のような
    人から受け取った話（「〜とSNSで見ました」も）、事件・暴動・毒・不審物・感染者などの穏やかでない話、中止・休校・給付金などの話題 [hearsay_topics]
    （「雨天の場合は中止」「参加無料」のようなイベントの条件は除きます）があるときは、依頼も反応します）。
    噂を打ち消す投稿（「〜という噂は誤りです」「〜との噂がありますが、事実ではありません」「そのような
    事実は確認されていません」「事実と異なります」「市ではそのような給付は行っていません」「市からこのような電話をすることはありません」、
    同じ文で事実を伝える「〜との噂がありますが、明日は通常どおり授業を行います」「…が、開催日に変更はありません」、
    次の文で「根拠のない情報です」と続けるもの）は、
    市が事実を伝えるものなので反応しません。「未確認の情報を広めないようお願いします」「真偽不明の情報は拡散しないで
    ください」のように、広めないよう呼びかける対象として示した言葉も反応しません（「〜らしいです。事実は確認されていません」は未確認の
    情報のままなので反応します）。
    クマの出没、行方不明者の捜索、詐欺への注意など安全にかかわる告知の「拡散希望」「拡散希望です」「拡散をお願いします」
    （同じ文か、それだけの文なら同じ段落にその話題があるもの）と、「本当かどうか確認しましょう」
    「真偽不明の情報にご注意ください」のように噂への注意を促す文も反応しません。「災害時はSNSで真偽不明の情報が広まりやすくなります。情報の発信元を確認し、不確かな情報は拡散しないでください。」のように、噂一般を主語にした文（前に「〜という」「〜との」や話題の語がないもの）のすぐ次の文で確認や拡散しないよう呼びかけるものも同じです（次の文が「十分注意してください」だけのものや、決壊・断水などの話題を含むものは反応します）。
    短い「」に入れて示した伝聞も、詐欺の注意喚起で示した誘い文句（「「給付金が出るらしい」という電話は詐欺です」）、
    市が確かめた通報（「「熊が出たらしい」という情報を受け、現地を確認しました」）、インタビューで話した人の言葉
    （「「この辺りは昔、海だったらしいですよ」と語り部さんが教えてくれました」。[hearsay_topics] の話題を除きます）
    なら反応しません（「「給付金が出るらしいよ」と山田さんが話していました」は反応します）。
    「SNSで「拡散希望」と書かれた投稿の中には、うその情報も含まれています」「「拡散希望」「至急」などと書かれた
    チェーンメールは、転送しないでください」「「〇〇が壊れたらしい」などのうわさを広めないようにしましょう」のように、うそ・デマ・根拠がないと伝える文や、信じない・広めない
    よう呼びかける文で「」に入れて示した依頼や伝聞も反応しません。「「拡散希望」と書かれた投稿に注意してください」のように
    その投稿自体への注意で終わる文も同じです（「「ダムが決壊したらしい」とのうわさがあります。十分注意してください」のように
    「注意」だけを添えて伝えるもの、「「拡散希望」と書かれた投稿をどんどんシェアしましょう」「…に注意しつつ、シェアしましょう」の
    ように広める呼びかけがあるものは反応します）。
    寄せられた情報を確認中のまま伝える文（「〇〇地区で土砂崩れが起きたとの情報が寄せられています（確認中）」「〇〇川が氾濫したとの
    情報があります。現在確認中です」、SNS やネットで出回っている「…との情報がSNSで出回っています。現在確認中です」「…との情報がLINEで回っています」「…とのうわさが広まっています」）にも、災害時でも反応します（茅野市 4(7)⑤ の「正否が確認できない情報」です。確認できてから
    伝えてください）。ただし「近づかないでください」「通行の際はご注意ください」「念のため窓を閉めてください」「水道水は煮沸してからお使いください」「2階以上へ移動してください」のように、身を守る呼びかけを添えたもの（「〇〇地区で
    土砂崩れが発生したとの情報があり、現在確認中です。近づかないでください」「クマを目撃したとの情報がありました。…ご注意ください」）は、
    確認中と明かして安全を呼びかける災害・防犯の投稿なので反応しません（呼びかけは、その情報の文と同じ段落の次の文か、そのすぐ後の1文（空行を挟んでも）にあるものに限ります。段落を分けた別のお知らせの「路面凍結にご注意ください」では対象外になりません。すぐ後の文でも、熱中症・インフルエンザ・詐欺・空き巣・路面凍結・ごみの日のようないつもの注意や、「〜にもご注意ください」と情報にない別のことを加えた注意（「〇〇川が氾濫したとの情報があります。現在確認中です。熱中症にもご注意ください」）は、その情報への呼びかけではないので対象外になりません（停電・断水のときの熱中症や一酸化炭素中毒、事故や立ち往生のときの路面凍結、不審な電話のときの詐欺、クマのときの生ごみ、土砂崩れのときの「今後の雨にも」のように、その情報が招く注意は呼びかけです。「〇〇地区の皆さんは年末の飲酒運転にご注意ください」のように情報と同じ場所の名前があるだけの注意は、その情報への呼びかけではありません）。SNS・投稿・噂から来た情報や広まっている情報と、食中毒・感染・毒・窃盗団・外国人、殺人・強盗・盗難などの犯罪のように誰かに疑いをかける情報と、「大地震が起きるとの情報」のような地震の予言は、呼びかけがあっても反応します。「有毒ガス」のような危険物や「不審者を見た」という目撃は対象外です）。
    「…との通報を受け、現地を確認しました」「…との情報が寄せられていますが、事実ではありません」「被害の状況を確認中です」、
    原因を調べていると伝える「「ホームページが見られない」との声が寄せられています。現在、原因を調査中です」と、停電・断水などの話題のない
    連絡や声（「「ごみが収集されていない」との連絡が複数寄せられています」）は対象外です。
    事実を確認し、出典を示して断定できる形で書いてください。
    """
    message = "「{word}」は噂・未確認情報の言い回しです。事実を確認し、確かな情報として書き直してください。"
    paragraphs = _SafetyParagraphs(doc)
    words = list(word_hits(doc, opts, "rumor.txt", message, in_links=False))
    words += _bare_requests(doc, message, words)
    hearsay = list(_hearsay(doc, ctx.now.year))
    # Where the post passes on what it has not confirmed (「らしい」「噂」「未確認」「出るそうです」): a share
    # request next to one is no official notice's.
    paragraphs.doubts = sorted(
        [h.start for h in words if not _SHARE_REQUEST.search(doc.text, h.start, h.end)] + [a for a, _ in hearsay]
    )
    hits = [
        h for h in words
        if not _official_request(doc, h, paragraphs) and not _quoted_hearsay(doc, h)
        and not _NOT_TO_SPREAD.match(doc.text, h.end)
    ]
    # Second-hand words on a topic where a wrong word moves residents (断水, 事故, 給付金): a city relays what it was
    # told (「断水は明日の朝には復旧するとのことです」), and naming who told it is what makes that checkable.
    told = "「{word}」は伝聞の言い回しです。確認した事実として書くか、「水道局によると」のように情報元を示してください。"
    hits += [Hit(a, b, told.format(word=doc.text[a:b])) for a, b in hearsay]
    if "確認" in doc.text or "調査中" in doc.text:
        hits += _reports_being_checked(doc, [(h.start, h.end) for h in hits])
    taken = merged((h.start, h.end) for h in hits)
    taken_starts = [a for a, _ in taken]
    for a, b in merged(_guessed_requests(doc, opts)):
        k = bisect_left(taken_starts, b) - 1
        if k < 0 or taken[k][1] <= a:
            hits.append(Hit(a, b, message.format(word=doc.text[a:b])))
    hits.sort(key=lambda h: h.start)
    denied: dict[tuple[int, int], bool] = {}  # per sentence: a long one may hold thousands of hits
    for h in hits:
        sentence = doc.sentence_at(h.start)
        if sentence not in denied:
            denied[sentence] = _denied(doc, sentence)
        if not denied[sentence]:
            yield h


# A report passed on while the city says it is still checking it (「〇〇地区で土砂崩れが起きたとの情報が寄せられています（確認中）」
# 「〇〇川が氾濫したとの情報があります。現在確認中です」): 茅野市 4(7)⑤ keeps 「正否が確認できない情報」 out of posts, and in a
# disaster a wrong one moves people. A report checked (「…との通報を受け、現地を確認しました」) or denied is not one.
_REPORT_RECEIVED = re.compile(
    r"(?:という|との|といった)(?P<noun>情報|通報|連絡|報告|目撃情報|話|声|投稿|書き込み|うわさ|噂|ウワサ)(?:が|を)(?:複数)?"
    # Or going round the net (「…との情報がSNSで出回っています」「…との投稿がネット上で広まっています」「…との情報がLINEで
    # 回っています」): no one has told the city yet, and a call to keep safe does not make it less a rumour (spread).
    r"(?:寄せられ|入っ|入り|あり|あっ|届い|受け|いただい|頂い"
    r"|(?P<spread>(?:(?:SNS|ＳＮＳ|ネット|インターネット|X|Ｘ|LINE|ＬＩＮＥ|ライン|Facebook|フェイスブック|Instagram|インスタグラム"
    r"|インスタ|チェーンメール|メール)(?:上)?で)?(?:出回っ|広まっ|拡散され|流れ|回っ)))"
    # The verb to its end, so that the finding shows 「との情報があります」, not 「との情報があ」.
    r"(?:て(?:い|おり)ます|ています|ました|ます|た)?"
)
_STILL_CHECKING = re.compile(
    r"確認中|調査中|確認して(?:いる|います|おります)|確認を(?:進め|急い|行っ)|未確認|確認(?:が)?(?:でき|とれ|取れ)て(?:いません|おりません|いない)"
)
_CHECKED = re.compile(
    r"確認(?:しました|いたしました|したところ|された|できました)|見つかりませんでした|事実ではありません|誤り|デマ"
    # The fact is known and its cause is what is looked into: 「…との情報が寄せられています。現在、原因を調査中です」.
    r"|原因を"
)
# What the city tells readers to do about it (「近づかないでください」「通行の際はご注意ください」): in a disaster or a bear
# sighting the report is passed on with its status said plainly so that people keep safe, as 上越市 6② lets disaster
# information go out at once; that is no rumour spread (茅野市 4(7)⑤'s 噂や流説). Not when the report is one from SNS
# (「SNSで…との情報が出回っています」), which the call would spread with it.
_PRECAUTION = re.compile(
    r"ご注意|注意して|注意を|近づかない|近寄らない|立ち入らない|避難して|避難を|お控え|控えて|迂回|警戒して|警戒を"
    r"|安全な場所|身の安全|通行の際|外出の際"
    # Shelter from smoke or gas, water not to drink, what to have at hand, a higher floor (「念のため窓を閉めてください」
    # 「念のため水道水は煮沸してからお使いください」「懐中電灯をご用意ください」「2階以上へ移動してください」).
    r"|窓を閉め|窓や戸を閉め|戸締まり|屋内に|屋内へ|屋内で|室内に|室内へ|室内で|建物の中|換気扇を止め|飲まない|飲用を|煮沸"
    r"|使用を控え|使わないで|使わないよう|火の元|ブレーカー|高台|高い所|上の階|2階以上|垂直避難"
    # Only as what readers are asked to do: 「避難所では毛布をご用意しています」「毛布を確保しています」「ケージをご準備
    # いただけます」 tell what the city has done, and 「地震に備えて家具を固定しましょう」 is the everyday advice a rumoured
    # quake (「大地震が来るとの情報があり、確認中です」) would go out with.
    r"|(?:ご用意|ご準備|備え)(?:ください|を(?:お願い|して)|いただくよう|いただきますよう)|備えてください"
    r"|確保して(?:ください|おいて|おきましょう)|確保しましょう"
)
# Not the grid company's name (「東北電力ネットワーク」「中部電力パワーグリッド」): 「ネットワーク」 is no net a report went round.
_FROM_THE_NET = re.compile(r"SNS|ＳＮＳ|ネット(?!ワーク)|ツイッター|Twitter|(?:X|Ｘ)上|書き込み|投稿|噂|うわさ|ウワサ|出回|拡散")
# Nor when it lays a charge on someone unconfirmed (「「〇〇スーパーで食中毒が出た」との情報が…ご注意ください」「〇〇病院で感染者が
# 出たとの情報が」「井戸に毒が入れられたとの情報が」): a warning to keep safe does not make the charge less a rumour.
# So is a gang said to roam, or people named by where they are from (「外国人の窃盗団が来ているとの情報が…戸締まりを」): the
# rumour that follows every disaster, which a call to lock the door would pass on. A crime said to have been done
# (「〇〇で殺人事件があったとの情報があり確認中です。念のため戸締まりを」「避難所で盗難が相次いでいるとの情報が」) charges
# whoever did it as much, while someone only seen (「不審者を見たとの情報」) is the everyday 防犯 notice. A hazard's poison
# (「有毒ガスが発生したとの情報…窓を閉めてください」) charges no one.
_CHARGE = re.compile(
    r"食中毒|感染|(?<![有消])毒|逮捕|犯人|容疑|横領|不正|異物|汚染|放火|窃盗|強盗|盗難|略奪|殺人|殺害|通り魔|誘拐|暴動"
    r"|外国人|外国籍"
)
# Nor a quake foretold (「〇月〇日に大地震が起きるとの情報があり、確認中です。念のため備えをお願いします」): no one can check a
# prediction, and the rumour of one after every quake is what a call to be prepared would pass on.
_FORETOLD = re.compile(r"地震(?:が|は)?(?:起きる|起こる|来る|くる|発生する)")
# A call, a complaint or a post (「「ごみが収集されていない」との連絡が複数寄せられています」「「ホームページが見られない」との声」)
# is a report only on a [hearsay_topics] matter (停電, 断水, 決壊): 「「ダムが決壊した」との投稿があり、確認中です」.
_TOPIC_ONLY_NOUNS = ("連絡", "報告", "話", "声", "投稿", "書き込み")


# The call to keep safe belongs to the report when it is in the report's sentence, the one after it in its paragraph
# (where 「確認中です」 often stands), or the next one, blank line or not: 「…との情報があり、確認中です。なお、付近の道路は
# 通行止めにしています。通行の際はご注意ください。」「…との情報があります。確認中です。⏎⏎念のため懐中電灯をご用意ください。」
# (a post on X sets its lines apart so). A call further on is another notice's (「…との情報が寄せられています（確認中）。⏎⏎
# インフルエンザが流行しています。手洗いにご注意ください。」) and leaves the report passed on unchecked.
def _precaution_given(doc: Document, report: tuple[int, int]) -> bool:
    """Whether ``report`` (its sentence and the next in its paragraph) comes with a call to keep safe, in it or in
    the sentence that follows."""
    spans = [report]
    if (nxt := doc.sentence_after(report[1] - 1)) is not None:
        spans.append(nxt)
    return any(_heeds_the_report(doc, m, report) for span in spans for m in _PRECAUTION.finditer(doc.text, *span))


# 「…に注意」 names what to beware of, and one of the standing cautions a city repeats all year (熱中症, インフルエンザ, 詐欺,
# 空き巣, 路面凍結, ごみの日 …), or any other thing added with 「にも」, is another notice's in the same place (「〇〇川が氾濫したと
# の情報があります。現在確認中です。熱中症にもご注意ください。」「…確認中です。なお、路面凍結にご注意ください。」): the report
# still goes out unchecked. A word of the report's own (「土砂崩れ」 and 「土砂災害」) keeps the call the report's, and with
# 「にも」 the place and its hazards (付近・通行・足元・増水 …: 「付近の川にもご注意ください」); any other thing named is taken as
# the report's too (「山林への立ち入りにご注意ください」 after a bear sighting): only what plainly belongs to another notice
# is read as one.
_HEED = re.compile(r"ご注意|注意して|注意を")
_HEEDED_THING = re.compile(
    r"([^\s、，,。！!？?「」『』（）()：:]{1,24}?)(に|には|にも)(?:十分に?|くれぐれも|特に|引き続き)?[ \t\u3000]*$"
)
_NEAR_THE_REPORT = re.compile(
    r"付近|周辺|近く|現場|現地|周囲|通行|外出|お出かけ|移動|運転|車|足元|二次災害|余震|落石|倒木|倒壊|増水|水位|浸水|冠水"
    r"|土砂|がけ|崖|斜面|河川|川|水路|用水|海岸|沢|橋|道路|煙|ガス|火気|停電|断水|水道|情報|安全"
    # Where people are exposed to someone at large (「不審者が出没したとの情報…お子さんの登下校にご注意ください」).
    r"|登下校|通学|下校|帰宅|一人歩き|夜道|夜間|散歩|戸締|貴重品|防犯"
)
_STANDING_CAUTION = re.compile(
    r"熱中症|脱水|インフルエンザ|感染症|コロナ|ノロ|食中毒|花粉|マダニ|紫外線|ヒートショック|一酸化炭素|風邪|かぜ|体調"
    r"|詐欺|空き巣|悪質商法|訪問販売|還付金|路面凍結|ごみ|ゴミ|収集日|交通安全|飲酒運転"
)
_NOT_A_WORD_OF_ITS_OWN = frozenset("のにをはがもでとへや、。 　")
# Where the report is said to be (「〇〇地区で」「春日山町で」「市内で」), which a call to its people shares whatever it is about.
_REPORT_PLACE = re.compile(
    r"[一-龥々〇ヶケァ-ヺー]{0,8}(?:地区|地域|地内|町内|集落|方面|全域|市内|区内|町|村|区|丁目)"
)
# A standing caution is the report's own when its hazard brings it on: heat stroke, carbon monoxide or the cold where the
# power or water is out or people have left home (「〇〇地区で停電しているとの情報があり、確認中です。一酸化炭素中毒にご注意
# ください」), icy roads where a road is blocked or a car has slid, fraud after a suspect call, rubbish after a bear (生ごみ
# draws it). These are the cautions a city gives with such a report, and were silent before the standing ones counted.
_CAUTION_IT_BRINGS = (
    (
        re.compile(r"停電|断水|避難|被災"),
        re.compile(r"熱中症|脱水|一酸化炭素|ヒートショック|体調|風邪|かぜ|感染症|ノロ|食中毒"),
    ),
    (
        re.compile(r"事故|スリップ|立ち往生|通行止|渋滞|倒木|冠水|雪|凍結|道路|国道|県道|市道|峠|トンネル"),
        re.compile(r"路面凍結"),
    ),
    (re.compile(r"電話|メール|訪問|名乗|はがき|ハガキ|SMS|業者|請求|勧誘"), re.compile(r"詐欺|悪質商法|訪問販売|還付金")),
    (re.compile(r"クマ|熊|イノシシ|猪|サル|猿"), re.compile(r"ごみ|ゴミ|収集日")),
)
# With 「にも」, what comes on with the report's weather or its water (「今後の雨にもご注意ください」 after a landslide,
# 「濁り水にもご注意ください」 after the water is back, 「落雪にもご注意ください」 after an avalanche).
_COMES_WITH_IT = re.compile(r"雨|雪|なだれ|濁り|波|強風|突風")


def _brought_on_by(told: str, named: str) -> bool:
    return any(caution.search(named) and hazard.search(told) for hazard, caution in _CAUTION_IT_BRINGS)


def _heeds_the_report(doc: Document, m: re.Match[str], report: tuple[int, int]) -> bool:
    if not _HEED.fullmatch(m.group()):
        return True
    a = doc.sentence_at(m.start())[0]
    thing = _HEEDED_THING.search(doc.text, max(a, m.start() - 30), m.start())
    if thing is None:
        return True  # 「ご注意ください」「通行の際はご注意ください」: about the report's matter
    named = thing.group(1)
    # The report's words, not the call's own (which the report's span may hold: 「…確認中です。なお、路面凍結にご注意ください」).
    told = doc.text[report[0] : min(report[1], thing.start())] + doc.text[max(report[0], thing.end()) : report[1]]
    # The report's place is not its matter: a caution to the people there (「〇〇地区の皆さんは年末の飲酒運転に」) may be
    # any notice's.
    told = _REPORT_PLACE.sub("\0", told)
    if any(
        named[i : i + 2] in told
        for i in range(len(named) - 1)
        if not _NOT_A_WORD_OF_ITS_OWN.intersection(named[i : i + 2])
    ):
        return True
    if _STANDING_CAUTION.search(named):
        return _brought_on_by(told, named)
    return (
        thing.group(2) != "にも"
        or _NEAR_THE_REPORT.search(named) is not None
        or _COMES_WITH_IT.search(named) is not None
        or _brought_on_by(told, named)
    )


def _reports_being_checked(doc: Document, taken: list[tuple[int, int]]) -> list[Hit]:
    out: list[Hit] = []
    starts = sorted(a for a, _ in taken)
    ends = sorted(b for _, b in taken)
    checking: dict[tuple[int, int], bool] = {}  # per sentence: a long one may hold thousands of reports
    topics = context_words("rumor.txt", "hearsay_topics")
    for m in _REPORT_RECEIVED.finditer(doc.text):
        a, b = sentence = doc.sentence_at(m.start())
        if sentence not in checking:
            after = doc.next_in_paragraph(b)
            span = (a, after[1] if after is not None else b)
            # 「（未確認）…との情報があります」: a sentence already found is not found again.
            found = bisect_left(starts, span[1]) - bisect_left(ends, span[0] + 1) > 0
            precaution = _precaution_given(doc, span)
            checking[sentence] = (
                not found and _STILL_CHECKING.search(doc.text, *span) is not None and _CHECKED.search(doc.text, *span) is None
                and (
                    not precaution or _FROM_THE_NET.search(doc.text, a, b) is not None
                    or _CHARGE.search(doc.text, a, b) is not None
                    or _FORETOLD.search(doc.text, a, b) is not None
                    or any(r["spread"] for r in _REPORT_RECEIVED.finditer(doc.text, a, b))
                )
            )
        if not checking[sentence] or (m["noun"] in _TOPIC_ONLY_NOUNS and not topics.found(doc, sentence)):
            continue
        out.append(Hit(m.start(), m.end(), f"「{m.group()}」は確認中の情報です。事実を確認してから発信するか、確認できた内容と情報元を示してください。"))
    return out


# 「ぜひ拡散を！」「拡散を。」: the request with its verb left out, ending its sentence, on its own or after 「ぜひ」. Not
# 「デマの拡散を防ぐ」, where a verb follows, nor 「上越の魅力の拡散を！」, a wish for what is named to be spread.
_BARE_SHARE = re.compile(
    r"(?:(?<![^\W_])|(?<=ぜひ)|(?<=是非)|(?<=ぜひとも)|(?<=どんどん))拡散を(?=[ \t　]*(?:[!！。♪☆★】\n]|$))"
)


def _bare_requests(doc: Document, message: str, words: list[Hit]) -> list[Hit]:
    """The bare requests (`_BARE_SHARE`) no word of the list already covers, left out in an emergency notice's sentence
    as the listed requests are (rumor.txt `[everyday]`)."""
    if "拡散を" not in doc.text:
        return []
    emergency = everyday_senses("rumor.txt")[fold("拡散希望")]
    out: list[Hit] = []
    for m in _BARE_SHARE.finditer(doc.text):
        a, b = m.span()
        if any(h.start < b and a < h.end for h in words) or emergency.found(doc, context_span(doc, a, b)):
            continue
        out.append(Hit(a, b, message.format(word=doc.text[a:b])))
    return out


# A hearsay ending in a short quote the post reports rather than passes on: the lure a fraud warning
# names (「「給付金が出るらしい」という電話は詐欺です」), a report the city checked (「「熊が出たらしい」
# という情報を受け、現地を確認しました」), and a resident's words in an interview (「「この辺りは昔、海だった
# らしいですよ」と語り部さんが教えてくれました」) unless they are about a [hearsay_topics] matter.
_QUOTE_REACH = 30
_WARNING_REACH = 80
_QUOTED_LURE = re.compile(
    r"」\s*(?:など|等)?\s*(?:と|って)\s*(?:いう|言う|いった)?\s*(?:電話|メール|SMS|ショートメール|はがき|手紙|誘い|勧誘|手口)"
)
_LURE_WARNING = re.compile(r"詐欺|注意|デマ|誤り|うそ|嘘|事実ではありません|信じない")
_QUOTED_REPORT = re.compile(r"」\s*(?:など|等)?\s*(?:と|って)\s*(?:いう|いった)\s*(?:情報|通報|連絡|話)")
_REPORT_CHECKED = re.compile(r"確認し|見つかりませんでした|確認されませんでした|事実ではありません|誤り|デマ")
# The share request a media-literacy or chain-mail warning names as the mark of what not to trust: 「SNSで「拡散希望」と
# 書かれた投稿の中には、うその情報も含まれています」「「拡散希望」などと書かれたチェーンメールは、転送しないでください」.
_QUOTED_POSTING = re.compile(
    r"」\s*(?:など|等|といった)?\s*(?:と|って)?\s*(?:書かれた|書いてある|書いた|付いた|ついた|いう|いった|の)?\s*"
    r"(?:投稿|書き込み|メッセージ|メール|チェーンメール|チェーンメッセージ|SNS|情報|呼びかけ|うわさ|噂|デマ|流言)"
)
# Only a statement that the thing is untrue, or not to believe or pass it on, warns against it: 「注意」 alone does
# not (「「ダムが決壊したらしい」とのうわさがあります。十分注意してください」 passes the rumour on).
_POSTING_WARNING = re.compile(
    r"詐欺|デマ(?!では|じゃ)|誤り|誤った|うそ(?!では|じゃ)|嘘(?!では|じゃ)|偽|事実ではありません|事実無根|根拠のない|根拠がない"
    r"|信じない|惑わされ|うのみ|鵜呑み|不確か|確かな情報(?:源|元)?を?(?:確認|確かめ)"
    r"|転送しない|拡散しない|広めない|シェアしない|(?:転送|拡散|シェア)(?:は|を)?(?:しないで|やめ|控え|お控え)"
)
# 「「拡散希望」と書かれた投稿に注意してください。」: the posts themselves are what to beware of, and the sentence ends there.
_POSTING_HEEDED = re.compile(
    r"(?:に|には)\s*(?:十分|くれぐれも)?\s*(?:ご)?注意(?:してください|しましょう|ください|が必要です)?\s*(?:[。！!]|$)"
)
# A call to pass it on after all: 「…に注意しつつ、どんどんシェアしましょう」.
_SHARE_CALL = re.compile(
    r"どんどん|(?:転送|拡散|シェア|リツイート|リポスト|RT)(?:して|しよう|しましょう|をお願い|お願い|願います|希望)"
    r"|広め(?:て|よう|ましょう)|伝えて(?:ください|あげ)"
)
_ATTRIBUTED = re.compile(
    r"」\s*と\s*[^。「」\n]{0,25}?(?:話|語|教え|笑|言って|答え|振り返|打ち明け)"
    r"|」\s*と\s*[^。「」\n]{0,25}?(?:さん|氏|様|先生|くん|ちゃん)\s*[。！!]?\s*$"
)


def _quoted_hearsay(doc: Document, hit: Hit) -> bool:
    quote = doc.enclosing_quote(hit.start, hit.end, _QUOTE_REACH)
    if quote is None:
        return False
    closing = quote[1]
    end = doc.sentence_at(hit.start)[1]
    if (following := doc.sentence_after(end - 1)) is not None:
        end = following[1]  # 「…を確認しました。痕跡は見つかりませんでした。」
    # Read a little way on, not to the end of what may be one sentence of thousands of characters.
    end = min(end, closing + _WARNING_REACH)
    if _QUOTED_LURE.match(doc.text, closing, end):
        return _LURE_WARNING.search(doc.text, closing, end) is not None
    if _QUOTED_REPORT.match(doc.text, closing, end):
        return _REPORT_CHECKED.search(doc.text, closing, end) is not None
    # 「「拡散希望」「至急」などと書かれた…」: a list of quoted marks is named as a whole.
    listed = _end_of_listed(doc.text, closing, end)
    if (posting := _QUOTED_POSTING.match(doc.text, listed, end)) is not None:
        if _SHARE_CALL.search(doc.text, posting.end(), end):
            return False
        return bool(
            _POSTING_WARNING.search(doc.text, listed, end) or _POSTING_HEEDED.match(doc.text, posting.end(), end)
        )
    sentence_end = doc.sentence_at(closing)[1]
    return bool(_ATTRIBUTED.match(doc.text, closing, sentence_end)) and not context_words(
        "rumor.txt", "hearsay_topics"
    ).found(doc, (quote[0], closing))


# 「未確認の情報を広めないようお願いします」「真偽不明の情報は拡散しないでください」: the words name what not to
# pass on, in the city's advice against rumours. Only right after the words: 「未確認情報ですが、ダムが決壊した
# ようです。むやみに拡散しないでください」 still passes the claim on.
_NOT_TO_SPREAD = re.compile(
    r"(?:の|な)?(?:情報|話|投稿|うわさ|噂)?(?:は|を)\s*(?:むやみに|安易に|むやみやたらに)?\s*"
    r"(?:広めない|広めず|(?:拡散|転送|シェア|リツイート|リポスト)(?:しない|せず|は控え|はお控え|を控え|をお控え))"
)
# 「本当かどうか確認しましょう」「真偽不明の情報にご注意ください」 advise against rumours.
_DOUBT = re.compile(r"本当かどうか|真偽不明|真偽のほど|真偽が")
_ADVICE = re.compile(r"確認|確かめ|注意|気をつけ|気を付け|うのみ|鵜呑み|惑わされ|落ち着いて")
_SHARE_REQUEST = re.compile(r"(?i)拡散|rt希望|リツイート|リポスト|please share")


# 「災害時はSNSで真偽不明の情報が広まりやすくなります。情報の発信元を確認し、不確かな情報は拡散しないでください。」:
# the doubt names rumours in general (「真偽不明の情報が」 as the subject of the sentence) and the next sentence tells
# readers not to spread them. Only with nothing claimed before the words (「ダムが決壊したという真偽不明の情報が…」
# passes the claim on, 「…、真偽不明の情報が」 may too), and only a check or a refusal to spread (「確認し」「拡散しない」)
# in the next sentence: 「注意してください」 alone follows a rumour told as well (`_official_request`'s docstring).
_DOUBT_AS_SUBJECT = re.compile(r"(?:真偽不明|真偽のほど(?:が|の)?(?:分から|わから|不確か)ない)の(?:情報|うわさ|噂|投稿|デマ)(?:が|も|は)")
_NEXT_ADVICE = re.compile(
    r"(?:確認|確かめ)(?:し[、,]|して[、,]|してください|しましょう|の上|してから|てから|てください|ましょう)"
    r"|(?:拡散|転送|シェア|リツイート|リポスト)(?:しない|せず|は控え|はお控え|を控え|をお控え|はやめ|をやめ)|広めない|広めず|うのみにしない|鵜呑みにしない"
)
_CLAIM_BEFORE = re.compile(r"という|との|といった|って|[、，,]")


def _doubt_then_advice(doc: Document, hit: Hit, sentence: tuple[int, int]) -> bool:
    """Whether the doubt at `hit` names rumours in general and the next sentence says to check them or not spread them."""
    a, b = sentence
    if not _DOUBT_AS_SUBJECT.match(doc.text, hit.start):
        return False
    # The sentence's first claim word, found once: a long sentence may hold thousands of doubts. None of the words
    # ends in the doubt's 「真」, so the first one is before it exactly when one is.
    key = ("first_claim", a)
    first = doc.memo.get(key)
    if not isinstance(first, int):
        m = _CLAIM_BEFORE.search(doc.text, a, b)
        first = doc.memo[key] = m.start() if m is not None else b
    if first < hit.start:
        return False
    if context_words("rumor.txt", "hearsay_topics").found(doc, (a, hit.start)):
        return False  # 「ダム決壊について真偽不明の情報が…」 names the claim all the same
    if b >= len(doc.text):
        return False
    c, d = doc.sentence_at(b if not doc.text[b].isspace() else b + 1)
    # The next sentence only advises: one that names a topic (「堤防の決壊を確認してください」) may tell the rumour itself.
    return (
        c >= b
        and bool(_NEXT_ADVICE.search(doc.text, c, d))
        and not context_words("rumor.txt", "hearsay_topics").found(doc, (c, d))
    )


class _SafetyParagraphs:
    """Whether a paragraph or a sentence speaks of a safety topic, each read once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts: list[int] | None = None
        self.known: dict[int, bool] = {}
        self.sentences: dict[tuple[int, int], bool] = {}  # a long sentence may hold thousands of requests
        self.guesses: dict[tuple[int, int], bool] = {}  # so may a paragraph: each is read for a guess once
        self.doubts: list[int] = []  # where the hearsay words start, sorted
        self.notices: dict[tuple[int, int], bool] = {}
        self.events: dict[tuple[int, int], bool] = {}
        self._clean: bool | None = None  # whether the post passes on nothing doubtful (`own_post`), read once

    def official_notice(self, span: tuple[int, int]) -> bool:
        """Whether `span` announces what the city does (「給水を行います」「避難所を開設しました」) and passes on
        nothing unconfirmed: no guess (「みたいです」) nor hearsay word in it."""
        if span not in self.notices:
            a, b = span
            k = bisect_left(self.doubts, a)
            self.notices[span] = (
                any(self._own_verb(m.start()) for m in _OFFICIAL_NOTICE.finditer(self.doc.text, a, b))
                and _NOTICE_DOUBTED.search(self.doc.text, a, b) is None
                and not self.guessed(span)
                and not (k < len(self.doubts) and self.doubts[k] < b)
            )
        return self.notices[span]

    def _own_verb(self, pos: int) -> bool:
        """Whether the notice's verb at `pos` is a word of its own: 「やります」 inside 「はやります」 (流行る: 「インフルが
        はやります！拡散お願いします」) or 「思いやります」 announces nothing the city does, nor 「行っています」 inside 「流行って
        います」 (「はしかが流行っています！拡散希望」)."""
        text = self.doc.text
        if text.startswith("行って", pos):
            return pos == 0 or text[pos - 1] != "流"
        return not text.startswith("やり", pos) or len(self.doc.token_range((pos, pos + 1))) > 0

    def about_safety(self, pos: int) -> bool:
        text = self.doc.text
        if self.starts is None:
            self.starts = [0, *(m.end() for m in re.finditer(r"\n\n", text))]
        k = bisect_right(self.starts, pos) - 1
        if k not in self.known:
            end = self.starts[k + 1] if k + 1 < len(self.starts) else len(text)
            self.known[k] = bool(_SAFETY_TOPICS.search(text, self.starts[k], end))
        return self.known[k]

    def span(self, pos: int) -> tuple[int, int]:
        """The paragraph around `pos` (after `about_safety` has read the paragraphs)."""
        assert self.starts is not None
        k = bisect_right(self.starts, pos) - 1
        return self.starts[k], self.starts[k + 1] if k + 1 < len(self.starts) else len(self.doc.text)

    def guessed(self, span: tuple[int, int]) -> bool:
        """Whether the sentence or paragraph `span` says the writer's guess (「…みたいです」)."""
        if span not in self.guesses:
            self.guesses[span] = bool(_GUESSED.search(self.doc.text, *span))
        return self.guesses[span]

    def own_post(self, pos: int, sentence: tuple[int, int]) -> bool:
        """Whether the share request at `pos` asks readers to spread the city's own post (「ぜひリポストで拡散を
        お願いします」, or 「拡散希望」 in a paragraph about an event): worded as a request to pass this post on, or
        about an event, in a post that passes on nothing unconfirmed (no hearsay word, guess or doubt), nothing handed
        on to the writer (「回ってきた情報です」) and no alarming claim (「駅前で通り魔が…」), which a rumour chain asks
        to be spread in the same words."""
        if self._clean is None:
            text = self.doc.text
            self._clean = not (
                self.doubts or _GUESSED.search(text) or _NOTICE_DOUBTED.search(text) or _HANDED_ON.search(text)
                or _TOLD.search(text) or _said_to_be(self.doc) or _claims_hearsay_topic(self.doc)
                or any(
                    _PREVENTION.search(text, *self.doc.sentence_at(m.start())) is None for m in _ALARMING.finditer(text)
                )
            )
        if not self._clean:
            return False
        a, b = sentence
        if _SELF_SHARE.search(self.doc.text, max(a, pos - 12), pos) or _SELF_SHARE_AFTER.match(self.doc.text, pos):
            return True
        self.about_safety(pos)  # reads the paragraphs
        text = self.doc.text
        start, end = self.span(pos)
        if start > 0 and not (_LETTER_OUTSIDE.search(text, start, a) or _LETTER_OUTSIDE.search(text, b, end)):
            start = self.span(start - 2)[0]  # 「拡散希望」 alone under the event's paragraph is about it
        # Per paragraph: a long one may hold thousands of requests, each asking of the same words.
        if (start, end) not in self.events:
            self.events[start, end] = _CITY_EVENT.search(text, start, end) is not None or (
                _IN_SEASON.search(text, start, end) is not None and _HEALTH_ADVICE.search(text, start, end) is not None
            )
        return self.events[start, end]

    def in_sentence(self, sentence: tuple[int, int]) -> bool:
        if sentence not in self.sentences:
            self.sentences[sentence] = bool(_SAFETY_TOPICS.search(self.doc.text, *sentence))
        return self.sentences[sentence]


def _official_request(doc: Document, hit: Hit, paragraphs: _SafetyParagraphs) -> bool:
    """A share request in a safety notice, or a doubt the post advises to check: the city's own
    voice about rumours, not one."""
    said = doc.text[hit.start : hit.end]
    if _DOUBT.search(said):
        a, b = doc.sentence_at(hit.start)
        if _ADVICE.search(doc.text, hit.end, min(b, hit.end + 40)):
            return True
        return _doubt_then_advice(doc, hit, (a, b))
    if _SHARE_REQUEST.search(said):
        a, b = doc.sentence_at(hit.start)
        if paragraphs.own_post(hit.start, (a, b)):
            return True
        if paragraphs.in_sentence((a, b)):
            return not paragraphs.guessed((a, b))
        if paragraphs.official_notice((a, b)):
            return True  # 「【拡散希望】本日10時から〇〇小学校で給水を行います」: the city's own notice
        # 「…に発令。拡散希望」「拡散をお願いします。」: the request on its own is about its paragraph
        # (「クマの目撃情報です。近づかないでください。拡散希望」), or about the sentence after a label.
        if b - a > 40 or not _ONLY_PLEASE.fullmatch(doc.text[a : hit.start] + doc.text[hit.end : b]):
            return False
        if paragraphs.about_safety(a):
            return not paragraphs.guessed(paragraphs.span(a))
        if paragraphs.official_notice(paragraphs.span(a)):
            return True
        after = doc.sentence_after(b - 1)
        return after is not None and (
            (paragraphs.in_sentence(after) and not paragraphs.guessed(after))
            or paragraphs.official_notice(after)
        )
    return False


# 「給水所の水がもうないみたいです」: the writer's own guess, which no official notice passes on; a request
# to share it is a rumour's even about a safety topic. Not 「行ってみたい」「読んでみたいです」 (a wish)
# nor 「夢みたいな」 (a likeness that goes on to a noun).
_GUESSED = re.compile(r"(?<![てで])みたい(?:です|だ|でした|だった|(?=[\W_]|$))(?!な)")


def _guessed_requests(doc: Document, opts: RuleOptions) -> Iterator[tuple[int, int]]:
    """Share requests `[everyday]` reads as an official notice's (「【拡散希望】給水所で…」) whose sentence
    is a guess (「…もうないみたいです」)."""
    file = "rumor.txt"
    m = matcher(file, "words", opts.extra_words)
    if not m.present(doc) or not _GUESSED.search(doc.text):
        return
    allow = allowed_spans(doc, load_sections(file).get("allow", ()))
    for x in m.find(doc):
        if allow.covers(x.start, x.end) or not everyday_use(doc, x, file):
            continue
        if _GUESSED.search(doc.text, *context_span(doc, x.start, x.end)):
            yield x.start, x.end


# What the city announces it does, in its own voice (「給水を行います」「避難所を開設しました」「受付を開始します」
# 「〜をお知らせします」): a notice asked to be shared, not a rumour passed on. Not 「行うそうです」「行うらしい」.
# 「炊き出しを行っています」「行っております」 are the city's too. Quoted (「行いますとのことです」「行いますって」
# 「実施しますと聞きました」), the notice is someone else's, passed on. The casual 「やります」 of posts for young
# people (「観桜会、今年もやります！拡散お願いします」) is the city's 「行います」.
_OFFICIAL_NOTICE = re.compile(
    r"(?:(?:行い|やり|実施し|開設し|開始し|設置し|配布し|配付し|再開し|運行し|開放し|開催し|受け付け|発令し|発表し|提供し|派遣し"
    r"|延長し|中止し|休止し|閉鎖し|決定し|お知らせし|お知らせいたし|ご案内し|ご案内いたし)"
    r"(?:ます|ました|ております|ています)|行って(?:おり|い)ます"
    r"|(?:開設|設置|発令|発表|決定)されました|(?<![\w])お知らせ(?:です|します|いたします)?(?![\w]))"
    r"(?![\s　、,]*(?:と|って))"
)
# A request worded as one to pass this very post on: 「ぜひリポストで拡散を」「RT・拡散」「シェアして拡散」「どんどん拡散して」
# (read just before the request), 「拡散希望です！」 followed by how (「…希望、リポストで」) is rare enough to leave.
_SELF_SHARE = re.compile(
    r"(?i)(?:リポスト|リツイート|RT|シェア|いいね|引用)(?:や|・|、|と|&|＆|/|／)?(?:で|して|をして)?(?:の)?\s*$"
    r"|(?:ぜひ|是非|どんどん|ぜひとも|皆さんの|みなさんの|皆様の)[、\s]*(?:リポストで|シェアで|RTで)?\s*$"
)
_SELF_SHARE_AFTER = re.compile(r"(?:希望|お願い)?[^。！!？?\n]{0,8}?(?:大歓迎|歓迎|よろしく)")
# What the city holds or offers, which readers are asked to spread: 「観桜会のお知らせです。拡散お願いします！」.
_CITY_EVENT = re.compile(
    r"開催|イベント|まつり|祭り|観桜会|花火大会|展示|講座|教室|講演会|コンサート|マルシェ|フェア|キャンペーン"
    r"|参加者|申し?込み?|受付|入場|オープン|開館|誕生|販売|体験会|見学会|説明会|募集"
)
# A disease in season the city warns of is a health notice in its own voice when the paragraph tells how to keep from
# it (「インフルエンザが流行しています。手洗い・うがいを心がけましょう。拡散希望」); `own_post` keeps it only in a clean
# post. The outbreak alone with the request (「インフルエンザが大流行！拡散希望」「謎の病気が流行しています。拡散希望」
# 「新型ウイルスが大流行！マスク必須！拡散希望」) is a chain's whole shape, as is one passed on (「流行ってるって」) or with a
# case claimed (「〇〇病院で感染者が出ました」, `_ALARMING`).
_IN_SEASON = re.compile(r"流行")
_HEALTH_ADVICE = re.compile(
    r"手洗い|うがい|換気|咳エチケット|せきエチケット|予防|対策|心がけ|心掛け|気をつけ|気を付け|ご注意|注意しましょう"
    r"|受診|ご相談|相談して|控えて|控えましょう|休ませ|ワクチン接種|予防接種"
)
# Something handed on to the writer, whose request to spread it is a chain's: 「回ってきた情報です。拡散お願いします」.
# Seen on the net (「…とSNSで見ました」) is handed on as well; not those who saw the city's post (「SNSで見た方も」).
_HANDED_ON = re.compile(
    r"回って(?:き|来)た|転送(?:され|し)て(?:き|来)た|流れて(?:き|来)た|(?:友達|友人|知人|知り合い)から"
    r"|(?i:SNS|ネット|インターネット|ツイッター|Twitter|LINE|ライン|X)(?:上)?で見(?:ました|かけました|た(?!方|人|皆|みな|かた))"
)
# A claim that frightens (「駅前で通り魔が出ています！拡散お願いします！」), which the city tells with its source, never
# as a bare request to spread it.
_ALARMING = re.compile(
    r"暴動|通り魔|強盗|誘拐|放火|爆発|爆破|テロ|不審物|殺人|刺され|事件|犯人|毒|略奪|死者|死亡|決壊|崩落|倒壊|汚染|食中毒|脱走|感染|流出"
)
# What teaches how to keep from harm (「感染症予防の講座」「食中毒予防のポイント」「事件に巻き込まれないための防犯教室」) names
# the harm without claiming it happened. Not 「注意」: 「通り魔が出ています、ご注意ください」 claims it.
_PREVENTION = re.compile(r"予防|対策|防止|防ぐ|防ご|防犯|巻き込まれない|講座|教室|訓練|研修|啓発|セミナー|講習")
_LETTER_OUTSIDE = re.compile(r"[^\W_]")
# A [hearsay_topics] matter (中止・休校・給付金…) told next to a share request is what a chain asks to be spread
# (「花火大会中止！拡散お願いします」「給付金が一人10万円出ます。ぜひ拡散してください」), and the same claim typed by
# staff from hearsay reads the same: such a post is left to the safety-notice and official-notice readings, as before
# `own_post`. An event's condition (「雨天の場合は中止」「荒天時は延期」), its price (「参加無料」) and a prevention
# sentence (「感染症予防の講座」) claim nothing.
_HEARSAY_TOPIC = re.compile("|".join(map(re.escape, load_sections("rumor.txt").get("hearsay_topics", ()))))
_EVENT_TERMS = re.compile(
    r"(?:雨天|荒天|悪天候|小雨|天候|場合|時|とき|際|次第)(?:の場合)?(?:は|に|には|も)?(?:、)?$"
    r"|(?:参加|入場|入館|観覧|受講|見学|料|費|料金|費用)(?:は|が)?$"
)
# A sentence in which the city holds something (「給付金の説明会を開催します」「ワクチン接種の相談コーナーを設けます」)
# names the topic as the event's subject; a change to a service (中止・休校・閉鎖…) is a claim wherever it is said.
_HOLDS = re.compile(r"(?:開催|実施|開設)(?:します|いたします|しています)|開きます|設けます|行います")
_SERVICE_CHANGE = re.compile(r"中止|延期|休止|閉鎖|休校|休館|通行止め|停電|断水|避難")


def _claims_hearsay_topic(doc: Document) -> bool:
    text = doc.text
    for m in _HEARSAY_TOPIC.finditer(text):
        sentence = doc.sentence_at(m.start())
        if _EVENT_TERMS.search(text, max(0, m.start() - 6), m.start()) or _PREVENTION.search(text, *sentence):
            continue  # 「雨天の場合は中止」「参加無料」「感染症予防の講座」
        if _HOLDS.search(text, *sentence) and not _SERVICE_CHANGE.match(m.group()):
            continue
        return True
    return False
# A notice marked as unconfirmed in a word no list holds alone: 「（未確認）」「（噂）」「真偽は不明です」.
_NOTICE_DOUBTED = re.compile(r"未確認|噂|うわさ|真偽|不確か|定かで(?:は)?ない")
_SAFETY_TOPICS = re.compile("|".join(map(re.escape, load_sections("rumor.txt").get("safety_notices", ()))))


# 「ぜひ」 before it asks no more (「クマが出没しました。ぜひ拡散してください」).
_ONLY_PLEASE = re.compile(r"[\W_]*(?:ぜひ|是非|ぜひとも)?[\W_]*(?:を|して)?\s*(?:お願い|ねがい)?\s*(?:します|いたします|ください|下さい|願います|です)?[\W_]*")


# A rumour the post itself calls false: 「…という噂は誤りです」「…との噂がありますが、事実では
# ありません」. Not 「デマかもしれません」, which leaves it open, nor a bare 「誤り」 (「申請書の誤りに
# ご注意ください」 says nothing about the rumour).
_DENIAL = re.compile(
    r"は誤り|誤りです|誤情報|誤った情報|デマ(?!かもしれ)|フェイク|事実ではありません|事実ではない|"
    r"事実はありません|事実無根|根拠はありません|根拠のない|根拠がありません|惑わされ|信じないで|"
    # 「…という噂が広がっていますが、そのような事実は確認されていません」: the city's own denial. Not
    # 「事実は確認されていません」 alone, which after 「…らしいです。」 only says 未確認.
    r"(?:その|この|その様|この様|そのよう|このよう)な事実|事実(?:は|が)?(?:一切)?ございません|事実と異なり|"
    r"正しくありません|"
    # The fact told against it in the same sentence: 「「休校になる」との噂がありますが、明日は通常どおり授業を行います」
    # 「…との噂がありますが、開催日に変更はありません」.
    r"(?:噂|うわさ|ウワサ|情報|投稿)(?:が|は)[^。！？!?\n]{0,15}?が[、,][^。！？!?\n]{0,30}?"
    r"(?:(?:通常|予定|平常|いつも)(?:どおり|通り)|変更は(?:ありません|ございません)|予定に変更)|"
    # The thing rumoured said not done by the city: 「市ではそのような給付は行っていません」「市からこのような電話をすることは
    # ありません」.
    r"(?:その|この|その様|この様|そのよう|このよう)な[^。！？!?\n]{0,15}?"
    r"(?:(?:行って|実施して|して|送って|送信して|予定して|決定して|決まって)(?:い|おり)ません|ことは(?:一切|決して)?(?:ありません|ございません))"
)


def _denied(doc: Document, sentence: tuple[int, int]) -> bool:
    """Whether `sentence`, or the one after it, says the rumour is false."""
    a, b = sentence
    if (following := doc.sentence_after(a)) is not None:
        b = following[1]
    return _DENIAL.search(doc.text, a, b) is not None


# 「（警察発表）」「消防発表」: the source given after the claim, as police and fire reports are quoted.
_SOURCE = re.compile(r"によると|によれば|によりますと|の発表|が発表|から発表|(?:警察|警察署|消防|消防本部|気象台|気象庁|保健所)発表")

# What no rumour is: a sentence set in the past (「戦時中に空襲で多くの死者が出たと聞きました」「中越地震では堤防が
# 決壊したと聞きました」, 郷土史 and 防災 lessons) or an event's rain plan (「雨天の場合は中止とのことです」). A past
# crime or poisoning is still reported: 「関東大震災では外国人が井戸に毒を入れたそうです」 is the rumour that
# killed people then and would stir hatred now.
_PAST = re.compile(
    r"昔|かつて|当時|戦時中|戦争中|戦前|戦後|(?:江戸|明治|大正|昭和|平成|戦国|室町|鎌倉)(?:時代|[0-9０-９元]+年)"
    r"|[0-9０-９]+年前"
    # A past year's flood in a 防災 post, since 氾濫・浸水・冠水 are hearsay topics (「昨年の豪雨では駅前が冠水したとの
    # ことです」「昭和の水害では2階まで浸水したと聞きました」). Not a year by its number, which may be this one's.
    r"|昨年|去年|一昨年|おととし|(?:昭和|平成)の"
    r"|(?:中越|中越沖|新潟|東日本|阪神|淡路|能登半島|熊本|関東|北海道胆振東部)(?:大)?(?:地震|震災)|大震災|大火"
)
_PAST_BUT_STILL_RUMOUR = re.compile(r"毒|略奪|窃盗|暴動|放火|襲撃|襲わ|襲っ|外国人|朝鮮|中国人|韓国人")
# Not history when the sentence is about now (「今夜ダムが決壊するとのことです」 from 「昔から住んでいる人」) or holds
# the past only as a measure or a look (「かつてない大雨」「戦後最大の台風」「東日本大震災のような津波が来る」
# 「昔ながらの商店街」). A year alone (「2026年の大雪」) may be this year's. Last year as where something now goes on
# started or as the year this one repeats (「昨年から断水が続いているそうです」「昨年に続き、今年も給付金が出るそうです」)
# is about now as well; a period that ended (「去年から今年にかけての大雪では」) is not.
_NOW = re.compile(
    r"今夜|今朝|今日|本日|明日|明朝|今回|現在|今後|先ほど|さっき|昨日|昨夜|今、|いま|これから|昔から住|かつてな|かつて無"
    r"|(?:昨年|去年|[0-9０-９]{4}年|令和(?:[0-9０-９]{1,2}|元)年)(?:から(?![^。！？!?\n]{0,8}?にかけ)|より|に続|以来)"
    r"|昔ながら|昔懐かし|戦後最|戦後初|観測史上|過去最"
    r"|(?:地震|震災|大火)(?:の|と同じ)?(?:よう|並|級|規模|以来|以上|を上回)"
)
_RAIN_PLAN = re.compile(
    r"(?:雨天|荒天|悪天候|小雨|雨|台風|大雪|強風)(?:の)?(?:場合|とき|時)(?:は)?[、,]?\s*(?:中止|延期|順延|屋内|室内|体育館)"
    r"|小雨決行|雨天決行|雨天順延"
)


# A year by its number (「2019年の台風19号では」「令和元年東日本台風では」), history when it is before the year of
# posting. Not a fiscal year (「2025年度」 runs into the next), not this year's, which may be now, and not a return
# period (「1000年に一度の大雨では」「1000年確率の大雨では」): that is how big a rain to come is, not when it fell.
_YEAR = re.compile(
    r"(?<![0-9０-９])([12１２][0-9０-９]{3})年(?!度|[にへ]?[一1１][度回]|確率|超過確率)|令和([0-9０-９]{1,2}|元)年(?!度)"
)


# The past year as a measure of what comes (「2019年と同じように堤防が決壊するそうです」「2019年の台風並みの大雨で」).
_YEAR_AS_MEASURE = re.compile(r"同じ|並|級|規模|以上|上回|よう|くらい|ぐらい|ほど|匹敵|超え")


# The past year as the frame of what is told (「2019年の台風19号では」「令和元年東日本台風では」「2019年の水害のとき」),
# not a year in a clause about a thing that is still there: 「2025年の大雨で壊れた堤防が、また決壊したそうです」
# 「令和6年の地震で壊れた橋が崩落したそうです」 tell what happened to it now.
_YEAR_FRAME = re.compile(r"[^、。！？!?\n]{0,20}?(?:では|の(?:とき|時)|当時)")
# What is still so after the year told: 「2019年の台風では決壊した堤防が、今も危ないそうです」.
_STILL = re.compile(r"今も|今なお|いまも|いまだ|未だ|再び|再度")


def _past_year(text: str, this_year: int) -> bool:
    if _YEAR_AS_MEASURE.search(text) or _STILL.search(text):
        return False
    for m in _YEAR.finditer(text):
        if not _YEAR_FRAME.match(text, m.end()):
            continue
        if m.group(1) is not None:
            year = int(unicodedata.normalize("NFKC", m.group(1)))
        else:
            era = m.group(2)
            year = 2018 + (1 if era == "元" else int(unicodedata.normalize("NFKC", era)))
        if year < this_year:
            return True
    return False


def _not_a_claim(doc: Document, a: int, b: int, this_year: int) -> bool:
    """True when the sentence [a, b) tells history or a rain plan, not a claim about what is happening now."""
    text = doc.text[a:b]
    if _RAIN_PLAN.search(text):
        return True
    past = _PAST.search(text) is not None or _past_year(text, this_year)
    return past and not _PAST_BUT_STILL_RUMOUR.search(text) and not _NOW.search(text)


# 「外国人が井戸に毒を入れたと聞いた」「行方不明者が30人いるとのことです」「浄水場が爆破されたって」: told
# second-hand, in words other than そうです. Not 「…との情報があります」, the wording of a 不審者情報 notice. Like
# そうです, only about a [hearsay_topics] matter and without a source. Words heard in quotes (「被災された方から
# 「避難所の水が足りない」と聞きました」) are a voice reported; a message relayed in quotes (「友人から「明日給付金が
# 出る」とのことです」) is the claim itself.
_TOLD = re.compile(
    r"(?<![」』])(?:と|って)(?:は)?聞(?:いた|きました|いています|いてます|いたのですが|いたんですが)"
    r"|という話を聞(?:いた|きました)"
    r"|とのこと(?:です|だ|(?=\s*[。!?！？\n]|\s*$))"
    # Any plain form before it: 「沈むって」「中止だって」「届くって」, not only 「決壊したって」「出るって」.
    r"|(?<=[たるいうくぐすつぬぶむだ])って(?=\s*[。!?！？\n]|\s*$)"
)


# 「消防からの連絡では、けが人はいないとのことです」: what the city was told by those who know, reported.
# A named office may carry its place (「上越警察署から」「市消防本部から」「新潟県から」); 県 and 国 alone need no
# letter before them, so 「他県から」「外国から」 (where people came from) are no source.
_TOLD_BY_AUTHORITY = re.compile(
    r"(?<!の)(?:警察|警察署|消防|消防署|消防本部|消防局|気象台|気象庁|保健所|病院|学校|事業者|電力会社|鉄道会社|JR"
    r"|水道局|上下水道局|主催者|実行委員会|市役所|役場|振興局|[都道府]県|[^\W他各隣近外全両]県|[^\W他各隣近外全両]{2,}国)"
    r"(?:から|より)"
    r"|(?<![の\w])(?:県|国)(?:から|より)"
)


# 「【不審者情報】」「【クマ出没情報】」: a notice's label. Not 「【拡散情報】」「【未確認情報】」, which label the rumour.
_NOTICE_LABEL = re.compile(r"【(?![^】]*(?:拡散|未確認|噂|うわさ|ウワサ|真偽|裏))[^】]*情報】")


# A 防災 tip passed on casually (「停電したら冷蔵庫は開けないほうがいいんだって」「断水に備えて、お風呂に水を
# ためておくといいんだって」): advice on what to do when something happens, not a claim that it has. Only advice
# (「といい」「ほうがいい」) in a sentence that sets a case (「〜たら」「〜ときは」「備えて」) and says nothing of now:
# 「今夜は避難所に行かないほうがいいんだって」「水道水は飲まないほうがいいんだって」 still pass a claim on.
_TIP_ADVICE = re.compile(r"(?:と|ば|たら|ほうが|方が)(?:いい|良い|よい)(?:ん|の)?(?:だ|です)?\s*$")
_TIP_CASE = re.compile(r"たら|ときは|時は|際は|場合は|ときに|時に|に備え|ための|ておく|ておけ|前に")


_TIP_ADVICE_REACH = 12  # the longest advice ending, with room for blanks
# A reason given for the advice passes a claim on with it (「断水したら給水車は来ないから、水をためておくといいんだって」
# 「大雨のときは堤防が決壊するから、高台に行くといいんだって」), unless it only says what may happen (「ダムが放流する
# ことがあるので」). 「から」 after a plain form only: 「家具から離れる」「高台から」 say where from.
_TIP_REASON = re.compile(r"(?<=[いるただうくすつぬむぶぐ])から(?![ \t]*(?:の|は|も|で|に))|ので")
_TIP_MAYBE = re.compile(r"ことがあ|こともあ|ことも|かもしれ|おそれ|恐れ|場合があ|可能性")


def _tip(doc: Document, sentence: tuple[int, int], told: int, cases: dict[tuple[int, int], bool]) -> bool:
    """Whether the casual 「って」 at `told`, in `sentence`, ends a 防災 tip. The advice is read just before it, and
    the case and the want of now once per sentence (`cases`): a long sentence may end many times in 「って！」."""
    if not doc.text.startswith("って", told) or not _TIP_ADVICE.search(
        doc.text, max(sentence[0], told - _TIP_ADVICE_REACH), told
    ):
        return False
    if sentence not in cases:
        a, b = sentence
        cases[sentence] = (
            _TIP_CASE.search(doc.text, a, b) is not None
            and _NOW.search(doc.text, a, b) is None
            and (_TIP_REASON.search(doc.text, a, b) is None or _TIP_MAYBE.search(doc.text, a, b) is not None)
            and _PAST_BUT_STILL_RUMOUR.search(doc.text, a, b) is None
        )
    return cases[sentence]


def _said_to_be(doc: Document) -> bool:
    """Whether the post has a hearsay 「そうです」 on any topic (「会場が変わったそうです」): what a share request
    asks to spread then is what someone said, not the city's own notice (`_SafetyParagraphs.own_post`)."""
    if "ソウデ" not in doc.folded and "ソウダ" not in doc.folded:
        return False
    tokens = doc.tokens
    return any(
        t.surface == "ソウ" and t.pos2 == "助動詞語幹" and tokens[i + 1].lemma in ("デス", "ダ")
        and tokens[i - 1].pos in ("動詞", "形容詞", "助動詞") and tokens[i - 1].form in ("終止形", "連体形")
        for i, t in enumerate(tokens[1:-1], start=1)
    )


# Weather is a [hearsay_topics] matter only as a forecast told without the forecast named: 「今夜は大雪になるって聞きました」
# 「週末は台風が来るそうです」. Not trivia or a voice about it (「台風の名前は、アジアの国々が提案した名前から順番につけられる
# そうです」「子どもたちは「大雪の日は雪遊びが楽しい」と話していたそうです」「市長は、台風への備えを万全にするよう指示した
# とのことです」), nor a forecast named as one (「明日は大雪の予報だそうです」「気象台の予報では、今夜は大雪になるとのことです」).
_WEATHER = re.compile("|".join(map(re.escape, load_sections("rumor.txt").get("hearsay_weather", ()))))
_WEATHER_AHEAD = re.compile(
    r"今夜|今晩|今日|きょう|明日|あす|あした|明後日|あさって|週末|来週|今週|これから|今後|夕方から|夜から|夜にかけて|未明"
    rf"|(?:{_WEATHER.pattern})(?:に|が)?(?:なる|なり|来る|来ます|来て|降る|降り|接近|上陸|近づ|直撃|発生する)"
)
_FORECAST_NAMED = re.compile(r"予報|気象台|気象庁|警報|注意報|特別警報|気象情報|予想")


def _weather_told_ahead(doc: Document, a: int, b: int) -> bool:
    return (
        _WEATHER.search(doc.text, a, b) is not None
        and _WEATHER_AHEAD.search(doc.text, a, b) is not None
        and _FORECAST_NAMED.search(doc.text, a, b) is None
    )


def _hearsay(doc: Document, this_year: int) -> Iterator[tuple[int, int]]:
    """「出るそうです」「中止だそうです」: そう after a plain (終止・連体) form is hearsay;
    after a 連用形 or a stem (「降りそうです」「元気そうです」) it describes how something looks.
    And the other words of hearsay (_TOLD: 「〜と聞いた」「〜とのことです」「〜たって」), unless an authority
    was told from before them (「消防からの連絡では」)."""
    topics = context_words("rumor.txt", "hearsay_topics")
    # Per sentence, which may be a whole long draft told many times over: where its first authority is told
    # from (None when it names none), and None when it is no rumour whatever is told in it.
    told_in: dict[tuple[int, int], int | None] = {}
    tips: dict[tuple[int, int], bool] = {}
    for m in _TOLD.finditer(doc.text):
        a, b = doc.sentence_at(m.start())
        if (a, b) not in told_in:
            # 「【不審者情報】…近づいてきたとのことです」: a labelled notice passes on a report the city received.
            rumour = (topics.found(doc, (a, b)) or _weather_told_ahead(doc, a, b)) and not (
                _SOURCE.search(doc.text, a, b) or _NOTICE_LABEL.search(doc.text, a, b) or _not_a_claim(doc, a, b, this_year))
            authority = _TOLD_BY_AUTHORITY.search(doc.text, a, b)
            told_in[a, b] = (authority.end() if authority else b + 1) if rumour else None
        by_authority = told_in[a, b]
        if by_authority is not None and by_authority > m.start() and not _tip(doc, (a, b), m.start(), tips):
            yield m.start(), m.end()
    if "ソウデ" not in doc.folded and "ソウダ" not in doc.folded:
        return
    tokens = doc.tokens
    sourced: dict[tuple[int, int], bool] = {}  # per sentence, which may hold many hearsay endings: no rumour told
    for i in range(1, len(tokens) - 1):
        t, prev, nxt = tokens[i], tokens[i - 1], tokens[i + 1]
        if t.surface != "ソウ" or t.pos2 != "助動詞語幹" or nxt.lemma not in ("デス", "ダ"):
            continue
        if prev.pos in ("動詞", "形容詞", "助動詞") and prev.form in ("終止形", "連体形"):
            a, b = doc.sentence_at(prev.start)
            if (a, b) not in sourced:
                # 「気象台によると…降るそうです」 names its source: that is reporting, not a rumour.
                # On the text, whose offsets the sentence's are: the normalised view is longer or shorter where
                # 「㍻」 or half-width kana were before it, and its slice a sentence away.
                # And whether it is a rumour at all, read once too: a long sentence told many times over read its
                # topics and its history again for each ending.
                sourced[a, b] = _SOURCE.search(doc.text, a, b) is not None or not (
                    topics.found(doc, (a, b)) or _weather_told_ahead(doc, a, b)) or (
                    _not_a_claim(doc, a, b, this_year))
            if not sourced[a, b]:
                yield prev.start, nxt.end


# Within this many morphemes of the name, with no quotation or sentence end between, a call is about
# that person: 「中川市長の再選を応援」, but not 「中川市長は「市民の皆さんの一票が大切です」と」.
_CALL_WITHIN = 4
_BREAKS = frozenset("「」『』()。!?")


def _about(doc: Document, call: Match, first: int, after: int) -> bool:
    """True when `call` is close to the name at tokens [first, after) (after its title)."""
    tokens = doc.tokens
    if after <= call.first <= after + _CALL_WITHIN - 1:
        between = tokens[after : call.first]
    elif first - _CALL_WITHIN <= call.last < first:
        between = tokens[call.last + 1 : first]
    else:
        return False
    return not any(t.surface in _BREAKS for t in between)


class _CallsNear:
    """The calls of one sentence, looked up by the morphemes they start and end on: a sentence can
    name hundreds of people, and each name asks only about the few morphemes around it."""

    def __init__(self, calls: list[Match]) -> None:
        self._by_first: dict[int, list[Match]] = {}
        self._by_last: dict[int, list[Match]] = {}
        for m in calls:
            self._by_first.setdefault(m.first, []).append(m)
            self._by_last.setdefault(m.last, []).append(m)

    def about(self, doc: Document, first: int, after: int) -> list[Match]:
        """The calls `_about` the name at tokens [first, after)."""
        near = [m for k in range(after, after + _CALL_WITHIN) for m in self._by_first.get(k, ())]
        near += [m for k in range(first - _CALL_WITHIN, first) for m in self._by_last.get(k, ())]
        return [m for m in near if _about(doc, m, first, after)]


_CANDIDATE_TITLES = frozenset(("候補", "候補者", "陣営"))
_SUBJECT = ("ハ", "モ", "ガ")
_BALLOT = frozenset(("投票", "一票"))


def _after(doc: Document, j: int, *surfaces: str) -> bool:
    return j < len(doc.tokens) and doc.tokens[j].surface in surfaces


@rule(
    code="prohibited.political",
    severity="warning",
    summary="特定の候補者・政党への支持や投票の呼びかけ",
    clause="上越市 5 前提となる考え方（公平・中立性）",
    fires=Example("選挙では自民党に投票しましょう。"),
    passes=Example("12月7日は市長選挙の投票日です。投票に行きましょう。"),
)
def political(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """特定の政党・候補者への投票や支持の呼びかけを知らせます。

    上越市ガイドライン 5【前提となる考え方】は公務の特性として「公平・中立性」を挙げ、市民の
    信頼を裏切れば市全体の信用を損なうとしています。投票・支持・応援などの呼びかけ（[calls]）と政党名（[parties]）が同じ文に
    あるとき、また人名（形態素解析の固有名詞・人名）について次の形があるときに反応します。
    「候補」「さん」「氏」「市長」などを伴う人名と投票・支持・「再選を応援」など（[person_calls]）、
    「〜候補」と「よろしく」「応援」「必勝」「推します」「賛成」など（[candidate_calls]。「〇〇党の候補者をよろしく」のように
    名前のない政党の候補者も）、「〇〇へ投票を」、
    「〇〇を市長に！」、選挙を話題にして政党を頼む「次の選挙は〇〇党にお願いします」「比例は〇〇党へよろしく」「比例は〇〇党へ。」「比例は〇〇党へ、選挙区は…」（「比例は〇〇党へ1議席」は対象外）
    （「選挙ポスターの撤去を〇〇党にお願いしました」、頼まれたことを伝える「次の選挙は〇〇党にお願いします、と言われました」「…と頼まれても、断ってください」、看板や報道の言葉を伝える「比例は〇〇党へ、という看板が撤去されました」は対象外です）、選挙を話題にしてすぐ後の人名（形態素解析の人名）を頼む「次の選挙では山田太郎さんをよろしくお願いします」「今度の市長選挙は、ぜひ鈴木花子さんにお願いします」「市長選は山田太郎で決まり！」、動詞を略した「次の市議選は、鈴木花子さんを！」「市長選は山田太郎さんに！」「市長選は、現職の中川さんを！」（「市長選は、現職と新人の一騎打ちです！」、「市議選は山田さんを中心に準備を進めています！」「市長選では、投票所の係員の指示に従ってください！」、「選挙では係員の田中さんの指示に従ってください」「選挙の開票作業では山田さんに司会をお願いします」「県議選は田中さんにお願いして、ポスター掲示場を設置しました」「選挙では田中さんにお願いしてください」「選挙の際は、松本さんによろしくお伝えください」は対象外です）、党名のすぐ後で支援・協力・一票を頼む
    「〇〇党へのご支援をお願いします」「〇〇党をよろしくお願いします」「〇〇党にご協力を！」にも反応します（「〇〇党をよろしくお願いしますと言われました。」のように、言われたこととして伝えて文を終えるものは対象外です。次の文で「皆さんもぜひ。」「私からもお願いします。」と続けるものは反応します）。
    「自民党推し」「国民民主を推してます」「比例は立憲一択」「参政党しか勝たん」「選挙は自民党で決まり！」「立憲民主党はサイコー」「がんばれ自民党！」「推しの政党は共産党です」のように、
    党名のすぐ前後で推し・一択などのくだけた言葉で支持を表すものや、選挙に触れた文の「次の市長選、中川さん推しです」「市長選は山田さん一択！」も反応します
    （党が推す人を伝える「自民党が推す山田候補が当選しました」、党名のない「推しの候補者を見つけよう」「雪見温泉一択！」、「最高裁」、
    言われたこととして伝える「次の選挙は自民党一択、と言われました。」、これまでの様子を伝える「自民党一択の時代は終わったと専門家は指摘しています。」「かつては自民党一択の地域でしたが」、調査の答えの「出口調査では「自民党一択だった」と答えた人が3割でした。」、どの立場の人にも同じことを呼びかける「自民党推しの方もそうでない方も、投票に行きましょう。」「自民党支持の方も、立憲民主党支持の方も、まずは投票所へ。」は対象外です。「自民党一択の時代です！」「自民党一択の流れは変わらない！」「世論調査では「自民党一択」と答えましょう！」「自民党推しの方も、ぜひ投票へ！」「自民党推しの方もそうでない方も、自民党に投票しましょう。」「自民党推しの方もそうでない方も、比例は自民党で！」は反応します）。
    政党名（[parties]）には 2026 年までに結成・改称された中道改革連合・チームみらい・減税日本なども含み、下書きで党名を伏せた
    「△△党を応援しています」「〇〇党に投票しよう」の「〇〇党」「△△党」「××党」も政党名とみなします（どの党名が入っても呼びかけのため）。幸福実現党・再生の道・日本誠真会など、国政選挙に候補者を立てた政党や、都民ファーストの会も含みます。選挙や政治に触れない下書きの「チームみらい」（「子ども会の「チームみらい」を応援しています！」）はチームの名前として、「再生の道」「中道」（中道改革連合の略称）も対象外です。「4月から着任した中道です。中道をよろしくお願いします！」のように同じ名字の人を紹介した下書きの「中道」も対象外です（「次の選挙は中道をよろしくお願いします」「比例は中道へ！」、同じ名字の人を紹介していても選挙に触れた文の「次の衆院選は中道をよろしくお願いします。担当の中道でした。」は反応します）。
    党の略称（自民・立民・維新・公明・共産・れいわ・参政・社民・国民民主・中道・N党・N国・都民ファースト、与党の自公。[short_names]）もこの形と「比例は〇〇へよろしく」
    のときだけ党名とみなします（「国民健康保険へのご協力をお願いします」「明治維新」「公明正大」「共産圏」、
    頼んだことを伝える「〇〇党への支援をお願いしました」、党への問い合わせの「〇〇党にお問い合わせください」は対象外です）。選挙管理委員会の「投票に行きましょう」のような呼びかけ単独や、頼まれたことを伝える「「〇〇党に投票して」と頼まれても、投票は自由な意思で行ってください」「「自民党に投票して」と言われました。」（同じ文で「その通り」と認めるもの、次の文で「皆さんもぜひ。」と続けるもの、「…と頼まれたら、ぜひ投票して」は反応します）、すべての政党を指す「自民党・公明党など、どの政党に投票する方も、期日前投票所をご利用いただけます」（その後で一つを頼む「どの政党に投票する方も、最後は自民党を選んでください」や、次の文で「ぜひ参政党へ。」と続けるものは反応します）、
    「中川市長が選手を応援しました」、投票する人・呼びかける人として名前を挙げた「中川市長も投票を呼びかけています」
    「山田さんも期日前投票を済ませました」（「〜候補は」を除きます）、選挙事務の役目として名前を挙げた「市長選挙の投票管理者は山田太郎さんにお願いしています」「投票事務は山田花子さんが担当します」（投票管理者・投票立会人・投票事務・投票所など、「投票」で始まる選挙事務の語）、調査や集計で政党に投票した人を数えた「〇〇党に投票した人の割合は20代で12%でした」（その後に「増やそう」などと続くものを除きます）、コンテストの「清き一票を」（前の文でコンテストに触れた「清き一票をお願いします！」も）、スポーツや神社の「必勝祈願」は
    反応しません。候補者や政治家の個人演説会・後援会・政治資金パーティーの告知にも反応します
    （学校や部活動、スポーツチームの「後援会」は対象外です）。政党をほめたりけなしたりする文
    （「〇〇党の政策は素晴らしい」「〇〇党は最低だ」「〇〇党の政策に賛成です」「〇〇党は危険です」のように
    文の結びで評価するもの。[judgements]）も
    支持の表明として反応します（「〜党の県議団が視察し、素晴らしい景色だと…」「〜党などの賛成多数で可決」、
    党が支持するものを伝える「自民党が支持する法案が可決されました」、党やその議員がした手助けを伝える「公明党の県議が応援に駆けつけました」
    「立憲民主党から応援職員が派遣されました」「共産党の皆さんも清掃活動を応援してくださいました」（「自民党の応援に行こう！」「自民党は山田候補を応援しています」は反応します）、
    どれを選んでも同じだと伝える「自民党に投票しても、共産党に投票しても、誰にも分かりません」「どの政党の候補者にも投票できます」は対象外です）。
    政党名のすぐ後の名詞の「推薦」（「無所属・現（自由民主党・公明党推薦）」「〇〇党の推薦」）は、選挙管理委員会の
    立候補届出の一覧のように推薦の事実を伝える記載で、投票の呼びかけではありません。公平・中立性の点から
    警告は残し、公式の届出内容としてすべての候補者を同じ形式で載せているかを確かめるよう伝えます
    （「〇〇党を推薦します」「推薦しましょう」「推薦をお願いします」はこれまでどおり呼びかけとして知らせます）。
    外国人向けの英語のお知らせでは、英語の党名（LDP、Komeito など）と「vote for」「vote」「endorse」
    「elect」が同じ文にあるとき、文頭の「Support the Liberal Democratic Party」「Please support the LDP」
    「We support the JCP」のように党名への支持を呼びかけ・表明するときに反応します（「Vote for your favourite photo」、
    国会の採決を伝える「The LDP and Komeito support the bill.」は対象外です）。ローマ字の日本人の名前への「Vote for Taro Yamada」「Elect Kanta Nakagawa」、candidate・Mayor の後の名字だけの「Vote for candidate Tanaka」、ポルトガル語の「Vote em Tanaka para prefeito!」「Vote no candidato Tanaka」「Vote em Taro Yamada」も反応します（concurso・foto などの語があるコンテストの投票は対象外です。「Vote for Takada Castle」、「Myoko Kogen」「Yuki Matsuri」のような地名・祭りの名前、投票所を示すポルトガル語の「Vote no Ginasio Toyohashi」（体育館で投票）や、contest・mascot・photo・poll・resort などの語がある文のコンテストや観光の投票は対象外です）。
    中国語・韓国語のお知らせでも、党名のすぐ前の「投票给」「支持」（「请投票给自民党！」）や、すぐ後の
    「투표」「지지」（「자민당에 투표해 주세요!」）に反応します。人名への呼びかけ（「请投票给山田太郎！」
    「야마다 타로에게 투표해 주세요!」、候选人を付けた名字だけの「请投票给田中候选人！」、「请投票给直江津地区的田中候选人！」、简体字の「请投票给铃木！」「请投票给高桥候选人！」）も同じです（候选人などの付かない名前は、その文か前の文が「人气投票」「评选」「比赛」などのコンテストのもの（「赏樱名所人气投票开始了！请投票给高田！」。その文に「选举」「市长」「参选」などがあるものを除きます。「旅游」「美食」のような町の話題だけではコンテストとしません）、「请投票给最佳候选人！」「请投票给最佳作品！」「좋아하는 선수에게 투표해 주세요」
    「작품에 투표해 주세요」、「외국인 주민에게 투표권은 없습니다」のような投票権・投票用紙・投票結果の話は対象外です）（「请去投票」「투표해 주세요」だけや、
    「众院选自民党获胜」のような選挙の名前の後の党名は対象外です）。
    呼びかけが次の文にあるときも反応します。選挙・立候補（市長選、再選、立候補、出馬、擁立など）に
    触れて一人の人名か一つの政党を挙げた文のすぐ次の文が、「皆さんの応援をよろしくお願いします！」
    「ぜひ一票を！」「応援しよう！」「引き続き応援よろしく」のような名前のない応援・一票の呼びかけで始まるときです
    （「中川幹太市長は来年の市長選で再選を目指します。皆さんの応援をよろしくお願いします！」
    「〇〇党の△△候補が立候補を表明しました。ぜひ一票を！」）。間に他の人名や政党を挙げない文が一つ
    あるとき（「山田太郎候補が立候補しました。政策は子育て支援です。ぜひ一票をお願いします。」）も同じです。二人以上の候補者を挙げた文の後や、
    段落が変わったとき、「引き続き市政へのご支援を」のように応援の相手を挙げた文、
    「再選されました」「選出されました」「開票結果」のように選挙の結果を伝えた文や、投票日・期日前投票・明るい選挙・啓発など
    投票率向上の呼びかけや生徒会選挙の後、
    「山田選手が日本代表候補に選ばれました。皆さんの応援を…」のように選挙でない話の後、
    「観光大使に立候補した山田さんを応援しています」「PTA会長に立候補」のように選挙で選ばない役への立候補の後、
    「直江津の選挙ポスター掲示場を設置しました。ぜひ一票を！」のように人名にもある地名（肩書きや「が」「は」が
    続かないもの）を挙げた文の後では反応しません。
    一人の人名か一つの政党をほめたり感謝したりした文（「おかげで」「尽力で」「素晴らしい」など）のすぐ次の文が
    「次も投票しましょう」「また一票を入れましょう」で始まるときも反応します（「自民党の山田議員のおかげで道路が直りました。
    次も投票しましょう」）。ほめた人が議員・市長・知事・町長・候補など選挙で選ばれる肩書きで呼ばれているか（「山田前議員」「山田さん（市議会議員）」「市議会議員の山田さん」も）、
    政党・会派の名前（「〇〇党」も）が出ているか、選挙に触れているときに限ります（「田中さんの尽力で花壇が完成しました。
    次回も投票をお願いします。」「山田さんの写真が素晴らしい！次も投票してください。」のようなコンテストの呼びかけは
    対象外です）。投票率向上の「次の選挙も投票に行きましょう」「次の選挙でも投票しましょう」（次の選挙で投票することを
    勧めるだけで、だれにとは言っていないため。「次の選挙でも一票をお願いします」は反応します）、コンテストの投票、
    人名も政党もない「市民の皆さんのおかげで…」、二人以上を挙げた文や段落が変わった後は対象外です。
    「中川市長を応援しよう！」「中川幹太さんの応援をよろしく」のように名前のすぐ後の応援の呼びかけは、
    同じ文か前後の文で選挙・立候補に触れているときだけ反応します（それだけでは現職の市長への
    声援と区別できないため）。「中川市長をよろしく」「山田議員をよろしく」のように市長・議員などの肩書きや「候補」を
    付けた人名への「よろしく」は、同じ文か前後の文で選挙や投票に触れているとき（「中川市長も投票を呼びかけています。
    中川市長をよろしく」）に反応します。「現職の中川をよろしく」のように現職・新人と示した人名や、文の初めの
    「中川をよろしく」は、肩書きがなくても同じです（「選挙管理委員会の中川さんをよろしく」、前後の文で担当・係員・職員と
    紹介した「期日前投票所で案内を担当します。中川をよろしくお願いします」、就任のあいさつの「中川市長が就任しました。中川市長をよろしくお願いします」、
    「再選されました」のような結果の報告、生徒会選挙、人気投票の後は対象外です）。
    """
    f = "political.txt"
    word_hit_list = list(
        word_hits(
            doc, opts, f, "「{word}」は特定の候補者・政党を支持する表現です。公平・中立な表現にしてください。",
            in_links=False,
        )
    )
    word_hit_list = [h for h in word_hit_list if not _contest_call(doc, h)]
    statements = list(_political_statements(doc, opts))
    said_before = SpanSet((s.start, s.end) for s in statements)
    statements += [h for h in _party_asked(doc) if not said_before.covers(h.start, h.end)]
    statements += list(_party_supported(doc, statements))
    # 「市議選では鈴木さんに清き一票を！」 is one call, whichever reads it first; a party's short name that Sudachi
    # takes for a person's (「次の選挙は立民をよろしく」) is the party's call.
    said_asking = SpanSet((s.start, s.end) for s in statements)
    statements += [h for h in _person_asked(doc) if not said_asking.overlaps(h.start, h.end)]
    statements += _in_other_sentences(
        doc, statements, (*_campaign_across(doc, opts), *_vote_again(doc, opts), *_foreign_language_calls(doc))
    )
    # A statement that contains a listed word (「中川幹太候補に清き一票を」) is reported once. (Word
    # hits are merged already, so none holds another.)
    said = SpanSet((s.start, s.end) for s in statements)
    statements += [hit for hit in word_hit_list if not said.covers(hit.start, hit.end)]
    statements = [h for h in statements if not _not_the_party(doc, h)]
    statements.sort(key=lambda h: h.start)
    yield from statements


# Party names that are also other things' names: チームみらい is what children's clubs, relay teams and local projects
# call themselves (「子ども会の「チームみらい」を応援しています！」「地域おこし協力隊のチームみらいをよろしくお願いします」),
# 再生の道 a town's road to revival, and 中道 (中道改革連合's short name) a surname (「4月から着任した中道です。中道を
# よろしくお願いします！」) and a Buddhist teaching. Each counts as the party only in a draft that speaks of elections or
# politics, and 中道 not where the draft introduces someone of that name.
_NOT_ONLY_A_PARTY = re.compile(r"チームみらい|チームミライ|チーム未来|再生の道|(?<![一-鿿々])中道(?!改革)")
_POLITICS = re.compile(
    r"選挙|投票|一票|比例|政党|党|議員|議席|候補|政治|国政|国会|衆院|参院|公約|与党|野党|[市県都区町村府道]議|(?:議|長|事|総|補|院)選"
)
# An election or a vote named in the sentence of a call for 中道.
_ELECTION_HERE = re.compile(r"選挙|[院議長事総補]選|投票|一票|比例|政党|国政|国会|衆院|参院|衆議院|参議院")
# Someone called 中道: 「着任した中道です」「私は中道と申します」「担当の中道」「中道さん」「中道係長」. Not 「比例は中道です」.
_CALLED_CHUDO = re.compile(
    r"(?:(?<![はもが、,\s　])|(?<=私は)|(?<=わたしは)|(?<=僕は))中道(?:です|と申します|といいます|と言います|でございます|が担当)"
    r"|中道(?:さん|様|氏|君|くん|係長|課長|主任|主査|主事|部長|室長|所長|館長|先生|保健師|司書)"
    r"|(?:担当|係|職員|保健師|司書|学芸員|講師)の中道"
)


def _not_the_party(doc: Document, hit: Hit) -> bool:
    """Whether ``hit`` names no party but one of `_NOT_ONLY_A_PARTY`, in a draft that says nothing of elections or
    politics or, for 中道, introduces someone of that name."""
    names = list(_NOT_ONLY_A_PARTY.finditer(doc.text, hit.start, hit.end))
    if not names:
        return False
    # 「子ども会のチームみらいと、れいわを応援」 still names a party.
    rest = list(doc.text[hit.start : hit.end])
    for m in names:
        rest[m.start() - hit.start : m.end() - hit.start] = " " * (m.end() - m.start())
    if _PARTY_NAMED.search("".join(rest)):
        return False
    # Read once a draft: a long paste of 「チームみらいを応援」 asks for each.
    political = doc.memo.get("speaks_of_politics")
    if not isinstance(political, bool):
        political = doc.memo["speaks_of_politics"] = _POLITICS.search(doc.text) is not None
    if not political:
        return True
    if all(m.group().startswith("中道") for m in names):
        called = doc.memo.get("called_chudo")
        if not isinstance(called, bool):
            called = doc.memo["called_chudo"] = _CALLED_CHUDO.search(doc.text) is not None
        # Still the party in a sentence that speaks of the election itself: 「次の衆院選は中道をよろしくお願いします。
        # 担当の中道でした。」「比例は中道へ！中道さんも応援しています。」.
        return called and _ELECTION_HERE.search(doc.text, *doc.sentence_at(hit.start)) is None
    return False


# 「次の選挙は共産党にお願いします」「比例は自民党へよろしく」: the election as the topic and a party as the one
# it is asked for. 「お願いします」 alone is no call (「投票は選挙管理委員会にお願いします」), nor a request made
# of a party (「選挙ポスターの撤去を自民党にお願いしました」: the election word is not the topic, and it is done).
# A short name ([short_names]: 「立民」「維新」) only as a word of its own, after no kanji, katakana or letter (not
# 「明治維新」「市立民俗資料館」), and one in hiragana after no hiragana but a particle (「比例はれいわに」, not 「これいわ…」).
_WORD_BEFORE = r"一-鿿々〆ァ-ヺーA-Za-z0-9０-９Ａ-Ｚａ-ｚ"


def _short_name(word: str) -> str:
    if "ぁ" <= word[0] <= "ゖ":
        return rf"(?:(?<![{_WORD_BEFORE}ぁ-ゖ])|(?<=[はもがにへでとを]))" + re.escape(word)
    return rf"(?<![{_WORD_BEFORE}])" + re.escape(word)


_PARTY_NAMES = "|".join(
    [re.escape(w) for w in sorted(load_sections("political.txt").get("parties", ()), key=len, reverse=True)
     if not w.isascii()]
    + [_short_name(w) for w in sorted(load_sections("political.txt").get("short_names", ()), key=len, reverse=True)]
)
_PARTY_NAMED = re.compile(_PARTY_NAMES)
# The call may stop at the party, as a slogan does: 「比例は公明党へ。」「選挙では自民党に！」.
_PARTY_ASKED = re.compile(
    r"(?:選挙|選|投票|比例(?:代表)?|一票)(?:で|では|は|も|こそ)[\s　、,]*(?:ぜひ|是非)?[\s　、,]*"
    rf"({_PARTY_NAMES})(?:さん)?[\s　]*(?:に|へ)[\s　]*(?:ぜひ|是非)?[\s　]*"
    r"(?:(?:お願い|おねがい|よろしく|宜しく)(?!し(?:まし)?た|して(?:い|お))|(?=[！!。、,]|$))",
    re.MULTILINE,
)
# The same asked for a person, named right after the election as the topic: 「次の選挙では山田太郎さんをよろしくお願い
# します」「今度の市長選挙は、ぜひ鈴木花子さんにお願いします」「市長選は中川幹太で決まり！」. Only when what stands
# there is a personal name (Sudachi's 人名) and the request follows it at once: not 「選挙では係員の田中さんの指示に
# 従ってください」「選挙の開票作業では山田さんに司会をお願いします」, nor a vote (投票は…): 「投票の受付は山田さんに
# お願いします」 is an event's staff.
_PERSON_ASKED = re.compile(
    r"(?:(?:(?:市|町|村|区)長|知事|(?:市|町|村|県|区|府|都|道)議)?選(?:挙)?|比例(?:代表)?)(?:の際|のとき|の時)?"
    r"(?:では|こそ|で|は|も)[\s　、,]*(?:ぜひ|是非)?[\s　、,]*"
    # The candidate standing as such: 「市長選は、現職の中川さんを！」.
    r"(?:(?:現職|新人|前職|元職)(?:の)?[\s　]*)?"
    # The name starts on no kana particle (「選挙では…」 read as 「で」 and a name 「は山田太郎」).
    r"(?P<name>[^\s　、,。！!？?「」()（）ぁ-ゖ][^\s　、,。！!？?「」()（）]{1,9}?)[\s　]*(?:さん|氏|様|君|くん)?[\s　]*"
    # Not regards sent: 「選挙の際は、松本さんによろしくお伝えください」.
    r"(?:(?:に|へ|を)[\s　]*(?:ぜひ|是非|どうか|どうぞ)?[\s　]*"
    r"(?:お願い|おねがい|(?:よろしく|宜しく)(?![\s　]*(?:お伝え|伝え|言って|申し))|清き一票|一票)"
    # Not the request or the vote reported: 「…にお願いしました」「…にお願いして、掲示場を設置しました」「…に一票を投じた人」.
    # Nor a task given: 「選挙では田中さんにお願いしてください」「…山田太郎さんにお願いすることになりました」.
    r"(?!し(?:まし)?た(?!い)|して(?:い|お|あ|もら|く|[、,])|する(?:こと|予定)|[\s　]*(?:を|が)?[\s　]*(?:投じ|入れ)(?:た|まし|られ))"
    r"|で(?:決まり|きまり|キマリ)"
    # The slogan cut short, its verb left to the reader: 「次の市議選は、鈴木花子さんを！」「市長選は山田太郎さんに！」.
    r"|(?:を|に|へ)[\s　]*(?:ぜひ|是非)?[\s　]*(?=[！!]))"
)
# Support asked for a party right after its name, in the words a campaign uses that no list of calls holds:
# 「立憲民主党へのご支援をお願いします」「公明党をよろしくお願いします」「自民党にご協力を！」「れいわに一票」
# (「自民党を支持」 is [calls]'). Not a request reported or made of the party (「自民党への支援をお願いしました」
# 「公明党の議員から…」), nor 「国民健康保険へのご協力をお願いします」 (国民 alone is no party).
_NOT_DONE = r"(?!し(?:まし)?た|して(?:い|お)|する|され)"
_CALL_TAIL = (
    r"(?:よろしく|宜しく|お願い|おねがい|ください|下さい|して(?:ください|下さい|ね)|しよう|しましょう|[！!]|$)"
    + _NOT_DONE
)
_PARTY_SUPPORTED = re.compile(
    rf"({_PARTY_NAMES})(?:さん)?[\s　]*(?:"
    r"(?:へ|に)(?:の)?[\s　]*(?:ぜひ|是非|どうか)?[\s　]*(?:ご|御)?(?:支援|支持|応援|協力|清き一票|一票|投票)"
    rf"(?:を)?[\s　]*{_CALL_TAIL}"
    r"|を[\s　]*(?:ぜひ|是非|どうか|どうぞ)?[\s　]*"
    rf"(?:(?:ご|御)?(?:支援|支持|応援)[\s　]*(?:を)?[\s　]*{_CALL_TAIL}|(?:よろしく|宜しく|お願い|おねがい){_NOT_DONE}))",
    re.MULTILINE,
)

# A party backed in a fan's words, right after its name or right before it: 「自民党推し」「国民民主を推してます」「比例は
# 立憲一択」「参政党しか勝たん」「選挙は自民党で決まり！」「立憲民主党はサイコー」「がんばれ自民党！」「推しの政党は共産党
# です」. Not a party's own backing (「自民党が推す山田候補」: no が before the word), a judge's court (「最高裁」), nor the
# fans' word with no party next to it (「推しの候補者を見つけよう」「雪見温泉一択！」).
_FAN_WORD = (
    r"(?:推し(?!た)|推す|推せ|推そう|一択|しか(?:勝|か)た(?:ん|ない)|で(?:決まり|きまり|キマリ)(?!ました)"
    r"|LOVE|[Ll]ove|ラブ|だいすき|大好き|最高|サイコー|さいこー|最強|サイキョー)(?![一-鿿々])"
)
_CHEER = r"(?:がんばれ|頑張れ|ガンバレ|ファイト)"
_PARTY_FAVOURED = guard(re.compile(
    # が only before praise: 「参政党が最強！」, not 「自民党が推す山田候補」.
    rf"({_PARTY_NAMES})(?:さん)?[\s　]*[、,]?[\s　]*(?:を|は|って|が(?=[\s　]*(?:最高|最強|サイコー|大好き)))?[\s　]*"
    r"(?:(?:やっぱり?|やはり|断然|絶対|一番|いちばん|ガチで?|マジで?|ずっと|もちろん)[\s　、,]*)?"
    rf"(?:{_FAN_WORD}|{_CHEER}(?=[\s　!！。♪]|$))"
    # Not a cheer ending its own sentence: 「受験生がんばれ！自民党の議員も来ています」.
    rf"|(?:推し(?:の)?(?:政党|党)?(?:は|って)|{_CHEER}[\s　、,]*)(?:(?:やっぱり?|断然|もちろん)[\s　、,]*)?({_PARTY_NAMES})",
    re.MULTILINE,
))

# The request reported as made of the writer or the reader (「…にお願いします、と言われました」「…と頼まれても、断って
# ください」), a 選挙管理委員会's warning or a complaint, unless the next sentence passes it on (`_call_passed_on`).
# So is the slogan quoted from a sign or a report (「比例は自民党へ、という看板が撤去されました」「…で決まりです、と
# 報道されています」).
_ASK_REPORTED = re.compile(
    r"(?:お願い|おねがい)?(?:します|いたします|致します|したい|です|だ)?[\s　]*[、,]?[\s　]*(?:など|なんて)?(?:と|って)[\s　]*"
    r"(?:[^。！!？?\n「」、,]{1,8}?(?:に|から)[\s　]*)?"
    r"(?:(?:言|い)われ|頼まれ|たのまれ|依頼され|誘われ|求められ|お願いされ|働きかけ|報道され|報じられ|書かれ"
    r"|(?:いう|言う)[\s　]*(?:看板|ポスター|チラシ|ビラ|のぼり|張り紙|貼り紙|落書き|書き込み|投稿|電話|メール|報道|記事))"
)


def _asked_hit(doc: Document, m: re.Match[str], name: str) -> Hit | None:
    if _ASK_REPORTED.match(doc.text, m.end()) and not _call_passed_on(doc, doc.sentence_at(m.start())[1]):
        return None
    return Hit(
        m.start(),
        m.end(),
        f"選挙での「{name}」への投票の呼びかけと受け取られます。"
        "公式アカウントでは特定の政党・候補者に触れず、中立な表現にしてください。",
    )


def _party_asked(doc: Document) -> Iterator[Hit]:
    for m in _PARTY_ASKED.finditer(doc.text):
        if (hit := _asked_hit(doc, m, m.group(1))) is not None:
            yield hit


def _person_asked(doc: Document) -> Iterator[Hit]:
    """`_PERSON_ASKED` where what stands for the name is one personal name, whole."""
    for m in _PERSON_ASKED.finditer(doc.text):
        a, b = m.span("name")
        names = doc.person_names((a, b))
        tokens = doc.tokens
        if (
            len(names) == 1
            and tokens[names[0][0]].start == a
            and tokens[names[0][1] - 1].end == b
            and (hit := _asked_hit(doc, m, m.group("name"))) is not None
        ):
            yield hit


# The call reported as said to the writer, ending the sentence: 「自民党をよろしくお願いしますと言われました。」
# 「…と支援者から言われた」 tell what happened (a 選挙管理委員会's note, a complaint), the post asking no one. Not
# said on (「…と言われました。皆さんも自民党をよろしく」 asks again in a sentence of its own, read as any other).
_CALL_REPORTED = re.compile(
    r"(?:お願い|おねがい)?(?:します|いたします|致します)?[\s　]*(?:と|って)[\s　]*"
    r"(?:[^。！!？?\n「」、,はをが]{1,8}?(?:に|から)[\s　]*)?(?:言|い)われ(?:ました|た|ています|ていた|ていました)?[\s　]*(?:[。]|$)"
)


# The call reported and then passed on or agreed with by the post, in the next sentence of its paragraph
# (「…と言われました。皆さんもぜひ。」「私からもお願いします」「みんなもよろしく！」「本当にその通りです」): the post asks
# it too, with no party named again. Not 「皆さんも、このような働きかけがあれば選挙管理委員会にご連絡ください」.
_CALL_PASSED_ON = re.compile(
    r"(?:皆|みな|みん)(?:さん|様|さま|な)?(?:にも|も|に)[、,\s　]*(?:ぜひ|是非|よろしく|お願い|応援|支持|投票)"
    r"|(?:ぜひ|是非)[、,\s　]*(?:皆|みな|みん)(?:さん|様|さま|な)?(?:も|に)"
    r"|(?:私|わたし|僕|ぼく)(?:から)?も[、,\s　]*(?:ぜひ|是非|よろしく|お願い|応援|支持|投票|そう思)"
    r"|(?:その(?:通り|とおり)|同感|賛成)(?:です|だ|します)?(?![ \t　]*(?:に|では|じゃ|でき|か|[？?]))"
    # Or asks for the party again: 「…と頼まれた方も多いと思います。ぜひ参政党へ。」.
    r"|(?:ぜひ|是非|やっぱり|やはり)[、,\s　]*(?:" + _PARTY_NAMES + r")[ \t　]*(?:へ|に|を|で)?[ \t　]*(?:[！!。]|$|よろしく|お願い|一票|投票|応援)"
)


def _call_passed_on(doc: Document, reported_end: int) -> bool:
    """Whether the sentence after a reported call (ending at ``reported_end``), in its paragraph, passes it on."""
    nxt = doc.next_in_paragraph(reported_end)
    if nxt is None:
        return False
    return _CALL_PASSED_ON.search(doc.text, nxt[0], nxt[1]) is not None


# A party's fans named with those of other parties or of none, to ask all of them the same (「自民党推しの方もそうでない方
# も、投票に行きましょう」「自民党支持の方も、立憲民主党支持の方も、まずは投票所へ」), as a 選挙管理委員会 asks the
# turnout of every side: the party is one example of all voters. Read from the party's end; the span it covers holds the
# other parties named as examples. Not one side asked (「自民党推しの方も、ぜひ投票へ」).
_SIDES = r"(?:者|層|方|人|皆さん|皆様|有権者|方々|人たち|人々)"
_EVERY_SIDE = re.compile(
    r"[ \t　]*(?:推し|支持|支援|応援|ファン|派|寄り|びいき|贔屓|好き)"
    rf"(?:(?:者|層)(?:の[ \t　]*{_SIDES})?|の[ \t　]*{_SIDES})(?:も|でも)[、,]?[ \t　]*"
    r"[^。！？!?\n]{0,16}?(?:そう(?:で|じゃ)(?:は)?ない|違う|ちがう|他の|ほかの|別の|それ以外の|支持しない|推しでない"
    rf"|推しじゃない|無党派|支持政党|どの|いずれの|{_PARTY_NAMES})[^。！？!?\n]{{0,16}}?{_SIDES}(?:も|でも)"
)


def _every_side(doc: Document, start: int, end: int) -> SpanSet:
    """The spans in [start, end) of `_EVERY_SIDE`, each from the party it opens on; none when the sentence names a
    party outside them, the one every side is then asked for (「自民党推しの方もそうでない方も、自民党へ！」「…、比例は
    自民党で！」)."""
    parties = [p.span() for p in _PARTY_NAMED.finditer(doc.text, start, end)]
    spans = SpanSet((a, e.end()) for a, b in parties if (e := _EVERY_SIDE.match(doc.text, b, end)))
    return spans if all(spans.covers(a, b) for a, b in parties) else SpanSet()


# The fan's words describing how things were or are said to be, not backing the party: 「自民党一択の時代は終わったと
# 専門家は指摘しています」「…一択の構図が崩れた」, or an answer a survey counted (「「自民党一択だった」と答えた人が3割」).
# Not the era declared (「自民党一択の時代です！」).
_FAN_TOLD_OF = re.compile(
    r"の[ \t　]*(?:時代|構図|状況|風潮|流れ|傾向|体制|時期|空気|雰囲気|世論|状態|地域|土地柄)(?:(?:は|が|も)[、,]?"
    # Done or said so, not kept (「…の流れは変わらない！」「…時代が続く！」).
    r"[^。！？!?\n]{0,24}?(?:終わっ|終わり|終焉|崩れ|崩壊|変わっ|変わり|変化し|続いて|続いた|過去|去っ|揺らい|見直さ|薄れ"
    r"|指摘|分析|言われ|報じ|とされ|でした|だった)"
    # 「かつては自民党一択の地域でしたが」; not wished for (「…時代が続いてほしい」「…続きますように」).
    r"|でした|だった)(?![^。！？!?\n]{0,12}?(?:ように|ほしい|欲しい|願|祈|たい|ましょう|よう[！!。]))"
    # Answered, not to be answered so (「…と答えましょう」「…と答えてください」).
    r"|(?:だった|でした|です|だ)?」[ \t　]*(?:と|って)[ \t　]*(?:答え(?:た|てい|る(?:人|方))|回答(?:した|され|者)|話し(?:た|てい)"
    r"|語っ|書いた|書かれ)"
)


def _party_supported(doc: Document, said: list[Hit]) -> Iterator[Hit]:
    """`_PARTY_SUPPORTED` calls that overlap nothing already ``said`` (「自民党に投票を！」 is [calls]' already), and
    are not reported as said to the writer (`_CALL_REPORTED`)."""
    # Asked once a match, not compared with every call said: a long paste of 「自民党に一票を！」 said each.
    said_spans = SpanSet((h.start, h.end) for h in said)
    sides: dict[tuple[int, int], SpanSet] = {}  # per sentence, made on first use
    for m in (*_PARTY_SUPPORTED.finditer(doc.text), *_PARTY_FAVOURED.finditer(doc.text)):
        reported = _CALL_REPORTED.match(doc.text, m.end())
        if reported is not None and not _call_passed_on(doc, reported.end()):
            continue
        if m.re is _PARTY_FAVOURED and m.group(1):
            if _FAN_TOLD_OF.match(doc.text, m.end()):
                continue
            sent = doc.sentence_at(m.start())
            if sent not in sides:
                sides[sent] = _every_side(doc, *sent)
            if sides[sent].covers(m.start(1), m.end(1)):
                continue
        # The fan's words quoted as said to the writer or reported: 「次の選挙は自民党一択、と言われました」.
        if (
            m.re is _PARTY_FAVOURED
            and _ASK_REPORTED.match(doc.text, m.end())
            and not _call_passed_on(doc, doc.sentence_at(m.start())[1])
        ):
            continue
        if not said_spans.overlaps(m.start(), m.end()):
            yield Hit(
                m.start(),
                m.end(),
                f"「{m.group(1) or m.group(2)}」への支持・投票の呼びかけと受け取られます。"
                "公式アカウントでは特定の政党・候補者に触れず、中立な表現にしてください。",
            )


# A contest named in the sentence before a bare 「清き一票をお願いします！」 (「ゆるキャラグランプリに「レンコン」が
# エントリーしました。」): the vote asked is the contest's, as it is when both are in one sentence
# ([everyday] of political.txt). Not an election's: 「中川幹太が出馬します。清き一票を」 has none of these.
_CONTEST = re.compile(r"グランプリ|コンテスト|コンクール|人気投票|ゆるキャラ|ランキング|アワード|フォトコン|選手権|大賞")


def _contest_call(doc: Document, hit: Hit) -> bool:
    sentence = doc.sentence_at(hit.start)
    if _BARE_CALL.match(doc.text, sentence[0], sentence[1]) is None or sentence[0] == 0:
        return False
    # The end of what is written before, over a line break or two (more is layout, or another paragraph).
    last = sentence[0] - 1
    while last >= 0 and last >= sentence[0] - 8 and doc.text[last].isspace():
        last -= 1
    if last < 0 or doc.text[last].isspace():
        return False
    before = doc.sentence_at(last)
    if before == sentence or doc.text[before[1] : sentence[0]].count("\n") > 1:
        return False  # no sentence before, or another paragraph
    return (
        _CONTEST.search(doc.text, *before) is not None
        and _CANDIDACY.search(doc.text, before[0], sentence[1]) is None
    )


# What may follow a judgement that ends its sentence: 「…は最低だ」「…は素晴らしいと思います！」.
_SENTENCE_TAIL = re.compile(r"(?:です|でした|だった|だ|ね|よ|な|と思います|と思う|[。．！!？?…\s」』)）])*")


def _ends_sentence(doc: Document, pos: int, sentence_end: int) -> bool:
    m = _SENTENCE_TAIL.match(doc.text, pos, sentence_end)
    return m is not None and m.end() == sentence_end


def _political_statements(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    f = "political.txt"
    calls = matcher(f, "calls")
    parties = matcher(f, "parties", opts.extra_words)
    person_calls = matcher(f, "person_calls")
    candidate_calls = matcher(f, "candidate_calls")
    titles = folded_set(f, "titles")
    offices = folded_set(f, "offices")
    folded = doc.folded
    # Morphological analysis only when a party or a hint of a person's name goes with a call:
    # a bare 「投票に行きましょう」 costs nothing.
    judgements = matcher(f, "judgements")
    party_candidate = "候補" in doc.norm and candidate_calls.present(doc)
    with_party = parties.present(doc) and (calls.present(doc) or judgements.present(doc) or party_candidate)
    with_title = any(t in folded for t in titles) and (
        person_calls.present(doc) or candidate_calls.present(doc)
    )
    direct = any(f"{p}{c}" in folded for p in ("ヘ", "ニ") for c in ("投票", "一票"))
    slogan = any(f"ヲ{o}ニ" in folded for o in offices)
    if not (with_party or with_title or direct or slogan):
        return
    tokens = doc.tokens
    # Only sentences with a call or a name in them are worth a look (a long draft has many others).
    hints: list[int] = []
    if with_party:
        hints += [m.start for m in calls.find(doc)] + [m.start for m in judgements.find(doc)]
        if party_candidate:
            hints += [m.start for m in candidate_calls.find(doc)]
    if with_title:
        hints += [m.start for m in person_calls.find(doc)] + [m.start for m in candidate_calls.find(doc)]
    if direct or slogan:
        hints += [t.start for t in tokens if is_person_name(t)]
    for sent in sorted({doc.sentence_at(p) for p in hints}):
        targets: list[tuple[int, int, str]] = []  # (start, end, what is quoted)
        found: list[tuple[int, int]] = []  # spans of the calls
        near: dict[str, _CallsNear] = {}  # per kind of call, made on first use
        endorsed: list[tuple[int, int]] = []  # calls that are a party's endorsement stated (「〇〇党推薦」)
        if with_party:
            named = parties.find(doc, within=sent)
            if named and "政党" in doc.text[sent[0] : sent[1]]:
                # Parties given as examples of what to write on the ballot: 「比例代表は政党名（自民党、
                # 公明党など）を書いて投票します」 is how to vote, not whom for. Read on the text as
                # written: sentences and matches are in its offsets, which norm's leave after a 「…」.
                examples = [e.span() for e in _BALLOT_EXAMPLES.finditer(doc.text, sent[0], sent[1])]
                starts = [a for a, _ in examples]  # in order, and they do not overlap
                named = [m for m in named if (k := bisect_right(starts, m.start) - 1) < 0 or m.end > examples[k][1]]
            if named and (every := _ANY_PARTY.search(doc.text, *sent)):
                # 「自民党・公明党など、どの政党に投票する方も、期日前投票所を」: parties as examples of all. Only those
                # before it: 「どの政党に投票する方も、最後は自民党を選んでください」 asks for one.
                named = [m for m in named if m.start >= every.end()]
            if named:
                # 「自民党推しの方もそうでない方も、投票に行きましょう」: a party's fans as examples of all voters.
                sides = _every_side(doc, *sent)
                named = [m for m in named if not sides.covers(m.start, m.end)]
            # A request reported as made of the writer or the reader, which a 選挙管理委員会 warns of: 「「〇〇党に投票して」
            # と頼まれても、投票は自由な意思で行ってください」 (a party within it asks nothing of the post's readers).
            named = [m for m in named if not _request_reported(doc, m.end, sent)]
            party_calls = calls.find(doc, within=sent) if named else []
            if party_calls:
                party_ends = {m.end for m in named}
                sorted_ends = sorted(party_ends)
                urged, voters_counted = _FirstAfter(_URGED, doc.text, sent[1]), _VotersCounted(doc, party_ends, sent)
                party_calls = [
                    m for m in party_calls
                    if not _party_supports_a_thing(doc, m, party_ends, urged) and not voters_counted(m)
                    and not _party_helps(doc, m, sorted_ends)
                ]
                # 「自民党に投票しても、共産党に投票しても、誰にも分かりません」: every choice the same, two parties or more.
                if len({p.entry for p in named}) > 1 and all(_EITHER_WAY.match(doc.text, m.end) for m in party_calls):
                    party_calls = []
            if named:
                party_calls += [m for m in judgements.find(doc, within=sent) if _ends_sentence(doc, m.end, sent[1])]
                # A party's candidate called for as a person's would be: 「自民党の候補者をよろしく」.
                candidate_ends = [c.end() for p in named if (c := _PARTY_CANDIDATE.match(doc.norm, p.end, sent[1]))]
                if candidate_ends:
                    first_end = min(candidate_ends)
                    party_calls += [m for m in candidate_calls.find(doc, within=sent) if m.start >= first_end]
            if party_calls:
                targets += [(m.start, m.end, m.entry) for m in named]
                found += [(m.start, m.end) for m in party_calls]
                ends = sorted(m.end for m in named)
                endorsed += [
                    (m.start, m.end) for m in party_calls
                    if m.entry == "推薦" and _is_endorsement(doc, m.start, m.end, ends)
                ]
        for i, j in doc.person_names(sent):
            start, end = tokens[i].start, tokens[j - 1].end
            name = doc.text[start:end]
            title = tokens[j].surface if j < len(tokens) else ""
            k = j + (1 if title in titles else 0)
            if k == j and j + 1 < len(tokens) and tokens[j + 1].start == tokens[j].end:
                # The analyser may split the title: 「中川市長への投票」 is 中川/市/長/ヘ/ノ/投票.
                joined = title + tokens[j + 1].surface
                if joined in titles:
                    title, k = joined, j + 2
            said: list[Match] = []
            if title in titles:
                if "person" not in near:
                    near["person"] = _CallsNear(
                        [m for m in person_calls.find(doc, within=sent) if not _BALLOT_PAPERWORK.match(doc.text, m.end)]
                    )
                calls_near = near["person"].about(doc, i, k)
                if title not in _CANDIDATE_TITLES and _after(doc, k, *_SUBJECT):
                    # The person is the one who votes or asks others to (「中川市長も投票を呼びかけています」
                    # 「山田さんも期日前投票を済ませました」), not the one voted for.
                    calls_near = [m for m in calls_near if m.first < i or m.entry not in _BALLOT]
                said += calls_near
            if title in ("候補", "候補者", "陣営"):
                if "candidate" not in near:
                    near["candidate"] = _CallsNear(candidate_calls.find(doc, within=sent))
                said += near["candidate"].about(doc, i, k)
            spans = [(m.start, m.end) for m in said]
            # 「中川幹太へ投票を」: a vote addressed to a name needs no title.
            if _after(doc, k, "ヘ", "ニ") and _after(doc, k + 1, "投票", "一票"):
                spans.append((tokens[k + 1].start, tokens[k + 1].end))
            # The slogan 「中川幹太を市長に！」.
            if (
                _after(doc, j, "ヲ")
                and _after(doc, j + 1, *offices)
                and _after(doc, j + 2, "ニ")
                and (
                    j + 3 >= len(tokens) or tokens[j + 3].start >= sent[1] or tokens[j + 3].pos == "補助記号"
                )
            ):
                spans.append((tokens[j + 1].start, tokens[j + 2].end))
            if spans:
                targets.append((start, end, name))
                found += spans
        if targets and found:
            first = min(targets)
            a = min(first[0], *(s for s, _ in found))
            b = max(first[1], *(e for _, e in found))
            if set(found) <= set(endorsed):
                yield Hit(a, b, _ENDORSEMENT_MESSAGE.format(doc.text[a:b]))
                continue
            yield Hit(
                a,
                b,
                f"「{first[2]}」への投票・支持の呼びかけと受け取られます。公式アカウントでは特定の政党・候補者に触れず、中立な表現にしてください。",
            )


# Every party the reader may vote for: 「どの政党に投票する方も、期日前投票所をご利用いただけます」.
_ANY_PARTY = re.compile(
    r"(?:どの|いずれの|どちらの|どこの)[ \t　]*(?:政党|党|候補者?)(?:に|を)[ \t　]*(?:投票|支持|応援)(?:する|した|される)[ \t　]*"
    r"(?:方|人|有権者)(?:も|でも)"
    # 「どの政党の候補者にも投票できます」: the reader's free choice.
    r"|(?:どの|いずれの|どちらの|どこの)[ \t　]*(?:政党|党)(?:の[ \t　]*候補者?)?[ \t　]*(?:に|へ|を)[ \t　]*も[ \t　]*"
    r"(?:投票|支持)(?:でき|が?可能|して(?:も|いただけ))"
)
# What someone asked the writer or the reader to do, reported after the words (「「〇〇党に投票して」と頼まれても」「…と
# 言われました」「…などと誘われた場合は」). Not 「…と頼まれたら、ぜひ投票して」, the post's own call.
_REQUEST_REPORTED = re.compile(
    r"[^。！？!?\n]{0,16}?[」』]?[ \t　]*[、,]?[ \t　]*(?:など|なんて)?[ \t　]*(?:と|って)[ \t　]*"
    r"(?:[^。！!？?\n「」、,]{1,8}?(?:に|から)[ \t　]*)?"
    r"(?:言われ|いわれ|頼まれ|たのまれ|誘われ|勧められ|求められ|お願いされ|依頼され|働きかけ(?:られ)?)"
    r"(?:ても|まし|た(?!ら)|る|て|た場合)"
)


def _request_reported(doc: Document, end: int, sent: tuple[int, int]) -> bool:
    """Whether the party ending at ``end`` is named in a request `_REQUEST_REPORTED` tells of, one the post neither
    agrees with in the rest of its sentence nor passes on in the next (`_call_passed_on`)."""
    told = _REQUEST_REPORTED.match(doc.text, end, sent[1])
    if told is None:
        return False
    rest = (told.end(), min(sent[1], told.end() + 40))
    if _OPINION_AGREED.search(doc.text, *rest) or _CALL_PASSED_ON.search(doc.text, *rest):
        return False
    return not _call_passed_on(doc, sent[1])


# 投票 heading a compound that names the polls' staff, places and papers: 「市長選挙の投票管理者は山田太郎さんに
# お願いしています」「投票立会人は田中さん」 give a 選挙管理委員会's appointments, no one is voted for.
_BALLOT_PAPERWORK = re.compile(
    r"(?:管理者|立会人|立会|立ち会い|立ちあい|事務|所|区|日|率|箱|用紙|時間|入場券|整理券|記載台|結果|方法|資格|権|受付)"
)


# The party as the one whose support a thing has, in a clause on that thing: 「自民党が支持する法案が可決されました」
# 「自民党と公明党が支持した候補が当選しました」 report what the parties back, they ask the reader for nothing.
# Only before a noun (kanji or katakana): 「自民党が支持します」「自民党を支持する。」 remain a stand taken.
_PARTY_AGENT = re.compile(r"[ \t　]*(?:が|の)[ \t　]*$")
_SUPPORTS_A_THING = re.compile(r"(?:する|した|している|していた|してきた)(?=[\u4e00-\u9fff\u30a1-\u30fa])")
# The reader urged to back what the party backs, in words no list of calls holds: 「自民党が支持する候補を、みんなで
# 支えよう！」「自民党が推薦する山田太郎を当選させよう」「…政策を実現しましょう」 take the party's side as a call does.
# Not where to read about it: 「自民党が支持する法案の詳細は、国会のホームページをご覧ください。」.
_URGED = re.compile(
    r"よう(?:ね|よ)?[！!。]|よう[ \t　]*$|ましょう|(?<!ご覧)(?<!ご確認)(?<!ご参照)(?<!お問い合わせ)(?<!お問合せ)(?:ください|下さい)"
    r"|せよ|しろ[！!。]|しろ$|一票|[をに][！!]"
)


class _FirstAfter:
    """Whether ``pattern`` matches between a position and ``end``, asked for rising positions: the first match found
    answers every position up to its start, so each stretch of the text is searched once, not once a position."""

    def __init__(self, pattern: re.Pattern[str], text: str, end: int) -> None:
        self._pattern, self._text, self._end = pattern, text, end
        self._from = -1  # searched from here,
        self._at: int | None = -1  # the first match found there (None: none before end)

    def found(self, pos: int) -> bool:
        if not (self._from <= pos and (self._at is None or pos <= self._at)):
            m = self._pattern.search(self._text, pos, self._end)
            self._from, self._at = pos, (m.start() if m else None)
        return self._at is not None


def _party_supports_a_thing(doc: Document, call: Match, party_ends: set[int], urged: _FirstAfter) -> bool:
    """Whether the call at ``call`` (支持・応援・推薦) is a party's, in a clause describing what it supports, and the
    rest of the sentence urges the reader to nothing (``urged``: `_URGED` up to the sentence's end, made once a
    sentence; searched again from each call, a 40,000-character sentence of 「自民党が支持する候補、」 took 14 s)."""
    if call.entry not in ("支持", "応援", "推薦") or not _SUPPORTS_A_THING.match(doc.text, call.end):
        return False
    if urged.found(call.end):
        return False
    gap = _PARTY_AGENT.search(doc.text, max(0, call.start - 4), call.start)
    return gap is not None and gap.start() in party_ends


# 応援・支援 done by the party or its people, as help: 「公明党の県議が応援に駆けつけました」「立憲民主党から応援職員が
# 派遣されました」「自民党の議員が選手を応援しました」「共産党の皆さんも清掃活動を応援してくださいました」. The party (or
# whoever of it, after の) is the subject, and the help is named as such or given to something else, reported as done.
# Not 「自民党の応援に行こう！」 (the party is what is supported), nor a candidate backed (「自民党は山田候補を応援しています」).
_PARTY_AS_HELPER = re.compile(r"(?:の[^。！？!?\n、「」をに]{1,10}?)?[ \t　]*(?:が|も|は|から)[、,]?[ \t　]*")
_HELP_NAMED = re.compile(
    r"[ \t　]*(?:職員|要員|部隊|隊|派遣|体制|に[ \t　]*(?:駆け|かけ|来|き|入|参|向か|訪|行っ|いらし|おいで))"
)
_HELPED_OBJECT = re.compile(r"([^。！？!?\n]{1,30}?)を[ \t　]*$")
_HELP_DONE = re.compile(r"(?:し(?:まし)?た|して(?:くださ|下さ|いただ|頂|くれ|もら|い(?:ます|る)))")
_BACKED_IN_AN_ELECTION = re.compile(r"候補|陣営|党|さん|氏|議員|市長|知事|町長|村長|選挙|[市県町村]議")


_EITHER_WAY = re.compile(r"[ \t　]*し(?:て|た)も[、,]")


def _party_helps(doc: Document, call: Match, party_ends: list[int]) -> bool:
    """Whether the 応援・支援 at ``call`` is help the party (or its people) gave, not support for it. ``party_ends`` is
    sorted: the party before the call is found by bisection, as a sentence may name thousands."""
    if call.entry not in ("応援", "支援"):
        return False
    text = doc.text
    k = bisect_right(party_ends, call.start) - 1
    if k < 0 or call.start - party_ends[k] > 48:
        return False
    party_end = party_ends[k]
    subject = _PARTY_AS_HELPER.match(text, party_end, call.start)
    if subject is None:
        return False
    if _HELP_NAMED.match(text, call.end):
        return True
    given = _HELPED_OBJECT.fullmatch(text, subject.end(), call.start)
    return (
        given is not None
        and _BACKED_IN_AN_ELECTION.search(given.group(1)) is None
        and _HELP_DONE.match(text, call.end) is not None
    )


# The voters of a party counted, as a survey or a 選挙管理委員会's report gives them: 「立憲民主党に投票した人の
# 割合は20代で12%でした」「出口調査では自民党に投票した有権者が…」 say who voted, they ask the reader for no
# vote. Only 投票した right before the people who did, in a sentence with a count or a survey in it and no
# urging: 「自民党に投票した人は偉い」 and 「自民党に投票した方がいい」 stay a call.
_VOTERS = re.compile(r"(?:した|していた)(?:人|有権者|方(?!が)|者|層)")
_VOTED_FOR = re.compile(r"[ \t　]*(?:に|へ)[ \t　]*$")
_COUNTED = re.compile(r"割合|[%％]|人数|[0-9０-９]人|[0-9０-９一二三四五六七八九十]割|調査|アンケート|集計|推計|内訳")
# What _URGED leaves to the words it follows: the volitional of any verb (「割合を増やそう！」「広げよう」).
_VOLITIONAL = re.compile(r"[おこごそとのぼもろ]う(?:ね|よ)?(?:[！!。]|$)|お願い|よろしく|宜しく")


class _VotersCounted:
    """Whether a 投票 call in the sentence ``sent`` is a party's voters counted, not a call. Made once a sentence:
    its count and the urging after its calls are searched once for all of them (searched again from each call,
    a 40,000-character sentence of 「自民党に投票した人、」 took 26 s)."""

    def __init__(self, doc: Document, party_ends: set[int], sent: tuple[int, int]) -> None:
        self._doc, self._party_ends, self._sent = doc, party_ends, sent
        # The sentence after it too: 「自民党に投票した人は3割。みんなも投票しよう」 counts them to recruit.
        end = doc.sentence_at(sent[1])[1] if sent[1] < len(doc.text) else sent[1]
        self._urged = (_FirstAfter(_URGED, doc.text, end), _FirstAfter(_VOLITIONAL, doc.text, end))
        self._counted: bool | None = None

    def __call__(self, call: Match) -> bool:
        text = self._doc.text
        if call.entry != "投票" or not _VOTERS.match(text, call.end):
            return False
        if self._counted is None:
            self._counted = _COUNTED.search(text, *self._sent) is not None
        if not self._counted or any(u.found(call.end) for u in self._urged):
            return False
        gap = _VOTED_FOR.search(text, max(0, call.start - 4), call.start)
        return gap is not None and gap.start() in self._party_ends


# 「無所属・現（自由民主党・公明党推薦）」: 推薦 as the noun right after the parties that endorse a candidate,
# as a 選挙管理委員会's 立候補届出 listing gives it, states who endorses; it asks no one to vote. It stays a
# warning (上越市 5【前提となる考え方】: 公平・中立性), since a city post naming a party's endorsement may
# as well be a campaign's: the approver checks it is the official listing, every candidate in the same
# form. 「自民党を推薦します」「推薦しよう」 remain a call.
_ENDORSEMENT_TAIL = re.compile(r"(?![ \t　]*(?:し|す|を(?!受け)|お願い|よろしく|宜しく))")
_BETWEEN_PARTY_AND_ENDORSEMENT = re.compile(r"[ \t　]*(?:の|から(?:の)?)?[ \t　]*")
_ENDORSEMENT_MESSAGE = (
    "「{}」と、政党による候補者の推薦が書かれています。選挙管理委員会の届出内容の掲載など公式の情報として"
    "載せる場合は、すべての候補者を同じ形式で載せているかを確かめてください。それ以外の投稿では、市が特定の"
    "政党・候補者を支持していると受け取られないよう、政党の推薦には触れないでください。"
)


def _is_endorsement(doc: Document, start: int, end: int, party_ends: list[int]) -> bool:
    """Whether the 推薦 at [start, end) follows a party's name as the noun of its endorsement (「公明党推薦」
    「公明党の推薦」), not a verb asked of the reader. ``party_ends``: the ends of the parties named, sorted."""
    k = bisect_right(party_ends, start) - 1
    if k < 0:
        return False
    gap = _BETWEEN_PARTY_AND_ENDORSEMENT.match(doc.text, party_ends[k], start)
    return gap is not None and gap.end() == start and _ENDORSEMENT_TAIL.match(doc.text, end) is not None


# An election or a candidacy: what makes a name in the sentence before a call the name of a candidate
# (「中川幹太市長は来年の市長選で再選を目指します」「山田太郎候補が立候補を表明しました」). Not 投票 alone
# (「人気投票」), not 選挙管理委員会 (the commission names no one it wants elected).
_CANDIDACY = re.compile(
    r"選挙(?!管理)|(?:市長|市議|市議会議員|県議|県議会議員|知事|町長|村長|区長|議員|衆院|参院|補欠|統一地方)選"
    r"|再選|[二三四五六]選(?:を|に|へ|目)|立候補|出馬|擁立|公認候補|推薦候補"
)
# Roles one stands for that no public election fills: 「観光大使に立候補した山田さんを応援しています」 is a
# contest, 「PTA会長に立候補」「実行委員に立候補」 a volunteer's. (議長・議員・市長 are not among them.)
_NOT_ELECTED_ROLE = re.compile(
    r"(?:大使|アンバサダー|クイーン|女王|ミス[^\s、。,]{0,10}?|委員|役員|会長|班長|リーダー|キャプテン|主将|"
    r"モデル|ボランティア|開催地|開催都市|候補地)(?:の[^\s、。,がはもを]{1,6}?)?[にへ][\s　]*$"
)
# How far before 立候補 the role may start: 「ミス上越コンテスト2026に」 is within it.
_ROLE_REACH = 24


def _about_candidacy(text: str, a: int, b: int) -> bool:
    """True when text[a:b] speaks of an election or a candidacy (_CANDIDACY), not counting a candidacy
    for a role no election fills."""
    for m in _CANDIDACY.finditer(text, a, b):
        if m.group() == "立候補" and _NOT_ELECTED_ROLE.search(text, max(a, m.start() - _ROLE_REACH), m.start()):
            continue
        return True
    return False


# Getting out the vote, which names the mayor or a party as the one who asks, not as the one to vote
# for: 「中川市長が明るい選挙推進大会であいさつしました。皆さんの一票をお願いします。」
# A school's own election (生徒会選挙) is no political one either.
_TURNOUT = re.compile(r"投票日|投票率|期日前|投票所|明るい選挙|啓発|選挙管理|選管|棄権|模擬選挙|主権者教育|生徒会|児童会")
# The result of an election, reported: the thanks that follow are not a call for votes (「中川幹太氏が
#再選されました。引き続きご支援をお願いします」 asks support for the city's business).
_RESULT = re.compile(r"(?:当選|再選|[二三四五六]選)(?:され|を果たし|しました|となり|が決まり|を決め)|開票結果|選挙結果|(?<!候補に)(?<!候補者に)選ばれ|選出され")
# A party's candidate with a name the analyser does not know, or a placeholder: 「〇〇党の△△候補が」.
_PARTY_NAMED_CANDIDATE = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ff〇○◯△□×＊*A-Za-zＡ-Ｚａ-ｚ]{1,10}党(?:の|公認の?|推薦の?)[^\s。、！？!?]{1,12}?候補(?!者|地|日|生)")
# A call for support that opens a sentence and names no one: 「皆さんの応援をよろしくお願いします！」「ぜひ一票を！」
# 「応援しよう！」. Only at the start of the sentence, so 「引き続き市政へのご支援をお願いします」 (support for
# something named) and 「あなたの一票を大切に」 are not.
_BARE_CALL = re.compile(
    r"[\s　、,]*(?:(?:ぜひ|是非|どうか|どうぞ|引き続き|今後とも|これからも)(?:とも)?[\s　、,]*)?"
    r"(?:(?:市民の|地域の|町民の|村民の)?(?:皆さん|皆様|みなさん|みなさま|みんな)(?:の|、|,|で|も)?[\s　、,]*)?"
    r"(?:(?:ご|御)?(?:応援|支援|支持)(?:を|、)?[\s　]*"
    r"(?:よろしく|宜しく|お願い|おねがい|して(?:ください|下さい|ね)|しよう|しましょう|ください|下さい)"
    r"|(?:清き|大切な|貴重な)?一票を?[\s　]*(?:よろしく|宜しく|お願い|おねがい|入れて|[！!。]|$))"
)
# Support called for a person right after the name (and title): 「中川市長を応援しよう！」「中川幹太の応援を
# よろしく」. Said of a sitting mayor that is only cheering, so it needs an election nearby.
_SUPPORT_AFTER = re.compile(
    r"[\s　]*(?:(?:候補者?|陣営|さん|氏|議員|先生|様|市長|知事|町長|村長|区長|議長|市議|県議)[\s　]*)?"
    r"(?:を[\s　]*(?:ご)?(?:応援|支援)[\s　]*(?:し(?:よう|ましょう|て(?:ください|下さい|ね|います|ます))|を?(?:よろしく|お願い))"
    r"|の[\s　]*(?:ご)?(?:応援|支援)を?[\s　]*(?:よろしく|お願い)"
    # In a fan's words: 「次の市長選、中川さん推しです」「市長選は山田さん一択」 (「…で決まり」 is `_PERSON_ASKED`'s).
    r"|(?:を|は|って)?[\s　]*(?P<fan>推し(?!た)|推す|推せ|一択|しか(?:勝|か)た(?:ん|ない))(?![一-鿿々]))"
)
_SUPPORT_WORDS = ("応援", "支援", "支持", "一票", "推し", "推す", "推せ", "一択", "勝たん", "勝たない", "かたん")
# 「中川市長をよろしく」: regards asked for a person under an elected office's title or as a candidate,
# which next to an election or a vote is a candidate's slogan (alone, it greets a new mayor).
_REGARDS_AFTER = re.compile(
    r"[\s　]*(?:候補者?|議員|市長|知事|町長|村長|区長|市議|県議)[\s　]*を[\s　]*(?:よろしく|宜しく)"
)
# Without a title, only a name standing as a candidate (「投票日は12月7日。現職の中川をよろしく」) or
# opening the sentence (「期日前投票始まったよ！中川をよろしく」). Not 「選挙管理委員会の中川さんを
# よろしくお願いします」, a member of staff introduced by the office they work in.
_REGARDS_BARE = re.compile(r"[\s　]*を[\s　]*(?:よろしく|宜しく)")
_STANDING = re.compile(r"(?:現職|新人|前職|元職)(?:の|で)?[\s　]*$")
_ANY_LETTER = re.compile(r"[^\W_]")
# An election office's notice introducing the member of staff who helps at the polls, in the sentence
# before or after (「期日前投票所で案内を担当します。中川をよろしくお願いします」「投票所の案内係は中川です。」):
# a name without a title is then no candidate.
_STAFF_NEAR = re.compile(r"担当|係員|案内係|受付係|職員|事務局|窓口|着任|配属|入庁|と申します")
_REGARDS_WORDS = ("よろしく", "宜しく")
# A vote spoken of (「中川市長も投票を呼びかけています」): an election near enough for such regards.
_VOTE = re.compile(r"(?<!人気)投票|一票")


# What follows a name that is a person's in a sentence about a candidacy: a title, an honorific, or
# the particle that makes them its subject. Not 「高田区の」「直江津の」: places that are also surnames.
_AS_PERSON = re.compile(r"[\s　]*(?:候補|さん|氏|議員|先生|様|君|市長|知事|町長|村長|区長|議長|[市県町村区都府道]議|前|元|現|陣営"
                        r"|[（(）)、,が]|は|も)")


def _one_person(doc: Document, sent: tuple[int, int]) -> tuple[int, str] | None:
    """Where the sentence first names its one person, and the fullest name it gives (「中川市長…中川幹太」
    are one); None when it names no one or more than one. A name followed by neither a title nor
    the particle of a subject (「高田区の」「直江津の」) is a place's, and names no one."""
    tokens = doc.tokens
    spans = [(tokens[i].start, tokens[j - 1].end) for i, j in doc.person_names(sent)
             if _AS_PERSON.match(doc.text, tokens[j - 1].end, sent[1])]
    texts = {doc.text[a:b] for a, b in spans}
    if not texts:
        return None
    longest = max(texts, key=len)
    return (spans[0][0], longest) if all(longest.startswith(t) for t in texts) else None


def _campaign_across(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    """Calls for support whose candidate is named in the sentence right before (「中川幹太市長は来年の市長選で
    再選を目指します。皆さんの応援をよろしくお願いします！」), and support called for a named person with an
    election in the same or a neighbouring sentence (「市長選挙は12月7日です。中川市長を応援しよう！」)."""
    regards = any(w in doc.text for w in _REGARDS_WORDS) and _VOTE.search(doc.text) is not None
    if not regards and (
        not any(w in doc.text for w in _SUPPORT_WORDS) or not _about_candidacy(doc.text, 0, len(doc.text))
    ):
        return
    parties = matcher("political.txt", "parties", opts.extra_words)
    sentences = doc.sentences
    candidacy = [_about_candidacy(doc.text, a, b) for a, b in sentences]
    tokens = doc.tokens
    for k, (a, b) in enumerate(sentences):
        if not any(w in doc.text[a:b] for w in _SUPPORT_WORDS):
            if regards and any(w in doc.text[a:b] for w in _REGARDS_WORDS):
                yield from _regards_for(doc, sentences, k)
            continue
        call = _BARE_CALL.match(doc.text, a, b)
        # The candidate is named in the sentence before the call, or in the one before that when the
        # sentence between speaks of them without naming anyone else (「山田太郎候補が立候補しました。
        # 政策は子育て支援です。ぜひ一票をお願いします。」).
        named_at = k - 1
        if (
            k > 1
            and not candidacy[k - 1]
            and candidacy[k - 2]
            and not doc.person_names(sentences[k - 1])
            and not parties.find(doc, within=sentences[k - 1])
            and _RESULT.search(doc.text, *sentences[k - 1]) is None
        ):
            named_at = k - 2
        if (
            call is not None
            and named_at >= 0
            and candidacy[named_at]
            and doc.text[sentences[named_at][1] : a].count("\n") <= 1
            and _TURNOUT.search(doc.text, sentences[named_at][0], b) is None
            and _RESULT.search(doc.text, *sentences[named_at]) is None
        ):
            before = sentences[named_at]
            target = _one_person(doc, before)
            if target is None and not doc.person_names(before):
                named = parties.find(doc, within=before)
                # The party's candidate before the party alone: 「〇〇党の△△候補が…」 is whom the call is for, now that
                # 「〇〇党」 is a party's name too.
                if (m := _PARTY_NAMED_CANDIDATE.search(doc.text, *before)) is not None:
                    target = m.start(), m.group()
                elif len({m.entry for m in named}) == 1:
                    target = named[0].start, doc.text[named[0].start : named[0].end]
            if target is not None:
                yield Hit(
                    target[0],
                    call.end(),
                    f"前の文で選挙・立候補に触れた「{target[1]}」への応援・投票の呼びかけと受け取られます。"
                    "公式アカウントでは特定の政党・候補者に触れず、中立な表現にしてください。",
                )
                continue
        near = candidacy[max(0, k - 1) : k + 2]
        if not any(near):
            continue
        for i, j in doc.person_names((a, b)):
            # The title read on the text: the analyser may split 「中川市長を」 as 中川/市/長/を.
            m = _SUPPORT_AFTER.match(doc.text, tokens[j - 1].end, b)
            # The fan's words quoted from a report: 「市長選は山田さん一択、と報道されています」.
            if m is not None and m.group("fan") and _ASK_REPORTED.match(doc.text, m.end()):
                continue
            if m is not None:
                name = doc.text[tokens[i].start : tokens[j - 1].end]
                yield Hit(
                    tokens[i].start,
                    m.end(),
                    f"選挙に触れた投稿での「{name}」への応援の呼びかけと受け取られます。"
                    "公式アカウントでは特定の候補者に触れず、中立な表現にしてください。",
                )
                break



# 「次も投票しましょう」「また一票を入れましょう」: a vote asked again, which opens its sentence and names no one.
# 「次も」 makes it a vote for whoever the sentence before thanked. 「投票に行きましょう」 (go and vote) is the
# turnout appeal 「市議会議員が視察に来ました。次の選挙も投票に行きましょう」, and is not one.
_VOTE_AGAIN = re.compile(
    r"[\s　、,]*(?:次も|次回も|(?P<election>次の選挙も|次の選挙でも)|今度も|今回も|またも?|これからも|引き続き)[\s　、,]*"
    r"(?:(?:ぜひ|是非|みんなで|皆さんで|みなさんで|皆で)[\s　、,]*)?"
    r"(?:投票(?:しましょう|しよう|してください|して下さい|してね|して(?:あげ|くれ)|を(?:お願い|よろしく|[！!。]|$)|お願い)"
    r"|(?:清き)?一票を?[\s　]*(?:入れ|投じ|(?P<ballot>お願い|よろしく)|[！!。]|$))"
)
# A party written as a placeholder (「〇〇党」), or a council's group (「△△会派」「会派〇〇」).
_A_PARTY_UNLISTED = re.compile(r"[〇○◯△□×＊*]{1,3}(?:党(?![員内])|会派)|会派[「『]?[〇○◯△□×＊*]{1,3}")
# An elected office or a candidacy right after the name: 「山田議員」「中川市長」「田中候補」「鈴木町議」, a
# former or sitting one (「山田前議員」「中川現市長」), or one in brackets after the honorific (「山田さん（市議会議員）」).
_AN_OFFICE = r"(?:候補|議員|市長|知事|町長|村長|区長|議長|代議士|大臣|首相|総理|党首|[市県町村区都府道]議(?!会(?!議員)))"
_HOLDS_AN_OFFICE = re.compile(
    r"[\s　]*(?:(?:さん|氏|様|先生)?[\s　]*[（(][^（()）\n]{0,8}?|(?:前|元|現)(?:職の)?)?" + _AN_OFFICE
)
# The office right before the name: 「市議会議員の山田さん」「〇〇党の候補、田中氏」.
_AN_OFFICE_BEFORE = re.compile(_AN_OFFICE + r"(?:者)?[\s　]*[の、,・]?[\s　]*$")
# Thanks or praise for what a politician or a party did: 「山田議員のおかげで道路が直りました」「〇〇党の尽力で」.
_PRAISED = re.compile(
    r"おかげ|お陰|御蔭|尽力|働きかけ|頑張って|がんばって|頑張り|がんばり|活躍|実現して(?:くれ|いただ|下さ|くださ)|実現させ"
    r"|力で|さすが|素晴らし|すばらし|感謝|ありがとう|ありがたい|実績|功績|頼りにな|頼もし"
)


def _vote_again(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    """A vote asked again (`_VOTE_AGAIN`) in the sentence right after one that praises a named person or a
    single party (`_PRAISED`): 「自民党の山田議員のおかげで道路が直りました。次も投票しましょう」, when the one
    praised holds an office (`_HOLDS_AN_OFFICE`), a party is named or the election spoken of. Not after a
    contest (「ゆるキャラグランプリで1位に！次も投票しましょう」), a photo's or a flower bed's entrant
    (「山田さんの写真が素晴らしい！次も投票してください」), nor a turnout appeal."""
    if not any(w in doc.text for w in ("投票", "一票")) or _PRAISED.search(doc.text) is None:
        return
    parties = matcher("political.txt", "parties", opts.extra_words)
    sentences = doc.sentences
    for k in range(1, len(sentences)):
        a, b = sentences[k]
        call = _VOTE_AGAIN.match(doc.text, a, b)
        if call is None:
            continue
        before = sentences[k - 1]
        if doc.text[before[1] : a].count("\n") > 1 or _PRAISED.search(doc.text, *before) is None:
            continue  # another paragraph, or nothing praised
        if _CONTEST.search(doc.text, before[0], b) or _TURNOUT.search(doc.text, before[0], b):
            continue
        if call.group("election") and not call.group("ballot"):
            # 「次の選挙でも投票しましょう」 asks to vote at the next election, as an election office does,
            # whoever was thanked before; 「次の選挙でも一票をお願いします」 asks for the vote itself.
            continue
        named = parties.find(doc, within=before)
        group = _A_PARTY_UNLISTED.search(doc.text, *before)
        target = _one_person(doc, before)
        if target is None and not doc.person_names(before):
            if len({m.entry for m in named}) == 1:
                target = named[0].start, doc.text[named[0].start : named[0].end]
            elif not named and group is not None:
                target = group.start(), group.group()
        if target is None:
            continue
        # Anyone may be thanked (「田中さんの尽力で花壇が完成しました」「山田さんの写真が素晴らしい！」, a contest's
        # entrant): the vote is for a politician only when the one praised holds an office or a party's name,
        # or the election is spoken of.
        if not (
            named
            or group is not None
            or _HOLDS_AN_OFFICE.match(doc.text, target[0] + len(target[1]), before[1])
            or _AN_OFFICE_BEFORE.search(doc.text, max(before[0], target[0] - 12), target[0])
            or _about_candidacy(doc.text, before[0], b)
        ):
            continue
        yield Hit(
            target[0],
            call.end(),
            f"前の文でほめた「{target[1]}」への投票の呼びかけと受け取られます。"
            "公式アカウントでは特定の政党・候補者に触れず、中立な表現にしてください。",
        )


def _regards_for(doc: Document, sentences: Sequence[tuple[int, int]], k: int) -> Iterator[Hit]:
    """「中川市長をよろしく」 in sentence ``k``, with an election or a vote in it or a sentence next to it
    (「中川市長も投票を呼びかけています。中川市長をよろしく」): the turnout appeal does not make the
    regards that follow it neutral."""
    a, b = sentences[k]
    near = (sentences[max(0, k - 1)][0], sentences[min(len(sentences) - 1, k + 1)][1])
    if not (_VOTE.search(doc.text, *near) or _about_candidacy(doc.text, *near)):
        return
    if re.search(r"生徒会|児童会", doc.text[near[0] : near[1]]) or _RESULT.search(doc.text, *near):
        return  # a school's own election; the winner reported (「再選されました。引き続き中川市長をよろしく」)
    tokens = doc.tokens
    # Once per sentence, not per name: a sentence may hold thousands of names.
    staff = bool(_STAFF_NEAR.search(doc.text, *near))
    for i, j in doc.person_names((a, b)):
        m = _REGARDS_AFTER.match(doc.text, tokens[j - 1].end, b)
        if (
            m is None
            and not staff
            and (
                _STANDING.search(doc.text, max(a, tokens[i].start - 6), tokens[i].start)
                or not _ANY_LETTER.search(doc.text, a, tokens[i].start)
            )
        ):
            m = _REGARDS_BARE.match(doc.text, tokens[j - 1].end, b)
        if m is not None:
            name = doc.text[tokens[i].start : tokens[j - 1].end]
            yield Hit(
                tokens[i].start,
                m.end(),
                f"選挙・投票に触れた投稿での「{name}」への「よろしく」は、候補者への支持の呼びかけと受け取られます。"
                "公式アカウントでは特定の候補者に触れず、中立な表現にしてください。",
            )
            return


# Calls in the Chinese and Korean of multilingual notices, which the analyser cannot split into words
# (「请投票给自民党！」 is 请投/票/给/自民党): a vote or support word right before (Chinese) or after
# (Korean) a party's name, as written in those languages.
_CN_PARTY = r"(?:日本)?(?:自民党|自由民主党|立宪民主党|立憲民主党|公明党|共产党|共産党|维新会|維新の会|国民民主党|参政党|社民党|令和新选组)"
_KO_PARTY = r"(?:일본)?(?:자민당|자유민주당|입헌민주당|공명당|공산당|유신회|국민민주당|참정당|사민당|레이와신센구미)"
_FOREIGN_CALL = guard(re.compile(
    rf"(?:投票给|投给|投一票给|把票投给|支持|(?<![当落参候竞大初预评入改普海院长補补总員员议議事])选)[\s　]*{_CN_PARTY}"
    # Not 当选/参选/大选 (elected, running, general election) nor an election named by its office
    # (众院选, 市长选, 补选, 知事选: 「众院选自民党获胜」 reports a result) before the party, nor the party's 지지율
    # (approval rating) or 지지자 (supporters).
    rf"|{_KO_PARTY}[\s　]*(?:(?:에게|에|을|를)[\s　]*)?(?:투표|한[\s　]*표|지지(?![율자층])|뽑아)"
))
_FOREIGN_PARTY = re.compile(rf"{_CN_PARTY}|{_KO_PARTY}")
# A vote asked for a person in those languages: in Chinese the name right after 「投票给」 ending the
# sentence (「请投票给山田太郎！」, a name the analyser reads as one, so that 「请投票给最佳作品！」 is no
# call), in Korean a name before 「에게 투표」 (에게 is said of people: 「작품에 투표」 is a thing's).
_CN_PERSON_CALL = re.compile(
    # The name may come with where the candidate stands (「请投票给直江津地区的田中候选人！」「上越市的」): a place, not
    # any 的, since 「请投票给你最喜欢的松本！」 is a contest's favourite.
    r"(?:投票给|投给|投一票给|把票投给)[\s　]*(?:[\u4e00-\u9fff]{0,8}?(?:地区|地區|市|町|村|区|區|县|縣|选区|選區)的)?(?P<name>[\u4e00-\u9fff]{2,4}?)(?P<title>候选人|候補|先生|女士)?[\s　]*(?:[！!。]|$)"
)


# The simplified forms of the kanji of Japanese names, which the analyser's dictionary does not hold: a Chinese
# notice writes 鈴木 and 高橋 as 铃木 and 高桥, and only in their Japanese forms are they read as names.
_AS_JAPANESE_KANJI = str.maketrans(
    "铃桥边泽滨岛冈长东广关齐荣丰宫吕阳华龙纪惠树顺实宽刚胜爱贵进达优亚须诚间门马鸟黑泷涩绿樱渊园远丽义乐凤鹤龟兴"
    "濑斋岚增卫辉绫织纯绘庆宪晓",
    "鈴橋辺沢浜島岡長東広関斉栄豊宮呂陽華竜紀恵樹順実寛剛勝愛貴進達優亜須誠間門馬鳥黒滝渋緑桜淵園遠麗義楽鳳鶴亀興"
    "瀬斎嵐増衛輝綾織純絵慶憲暁",
)
# A contest's vote in Chinese, in the sentence of the call or the one before (「赏樱名所人气投票开始了！请投票给高田！」): a
# place that is also a surname (高田, 直江津) or an entrant, not a candidate, unless a title says so.
# Only words of the contest itself: a town's subjects (观光, 旅游, 美食, 景点) and a person's past (选手, 冠军, 角色) are
# a candidate's too (「山田太郎致力于发展旅游业。请投票给山田太郎！」).
_CN_CONTEST = re.compile(
    r"评选|評選|人气|人氣|排行|排名|大赛|大賽|比赛|比賽|竞赛|競賽|选拔|吉祥物|作品|照片|摄影|攝影|大奖|大獎"
)

# An election named in the call's own sentence makes it no contest's vote: 「摄影比赛结果公布了。市长选举请投票给田中！」. Not
# the sentence before: a contest's notice names the mayor who opens it (「上越市长宣布吉祥物人气投票开始。」).
_CN_ELECTION = re.compile(
    r"选举|選舉|選挙|候选|候選|议员|議員|市长|市長|知事|投票日|参选|參選|竞选|競選|当选|當選|连任|連任"
)


def _whole_name(name: str) -> bool:
    """Whether ``name``, read on its own, is nothing but a personal name. Read apart from its sentence, as the
    analyser reads 「请投票给田中候选人！」 给田/中 (no name) and 「请投票给最佳候选人！」 给最/佳 (a name, 佳)."""
    tokens = analyzer.tokenize(name.translate(_AS_JAPANESE_KANJI))
    return bool(tokens) and all(is_person_name(t) for t in tokens)

_KO_PERSON_CALL = guard(re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{1,6}(?:[ \t][가-힣]{1,6})?)[ \t]*(?:후보(?:자)?(?:님)?[ \t]*)?에게[ \t]*(?:투표|한[ \t]*표)"
    # The vote itself, not the right, the ballot or the result given to someone: 「외국인 주민에게 투표권은
    # 없습니다」「야마다 씨에게 투표 용지를 보내 드렸습니다」「시장에게 투표 결과를 보고했습니다」.
    r"(?![ \t]*(?:권|소|일|율|함|용지|결과|방법|시간|자격|안내|장소|기간|참여|절차))"
))
# Whom a contest or a question asks the vote for: 「누구에게 투표」「좋아하는 선수에게 투표」.
_KO_NO_PERSON = re.compile(
    r"(?:^|[ \t])(?:저|나|우리|여러분|당신|모두|누구)$|(?:선수|작품|팀|캐릭터|사진|마스코트)$"
    # Those who vote, not one voted for: 「일본 국민에게」「외국인 주민에게」「유권자에게」.
    r"|(?:국민|주민|시민|유권자|외국인|학생|유학생|청년|여러분)$"
    # Whoever one likes, in a contest: 「마음에 드는 후보에게 투표해 주세요」「응원하는 후보에게」.
    r"|(?:하는|드는|싶은)$"
)


# A vote asked in English for a person by a Japanese name in romaji (「Vote for Taro Yamada on Sunday!」):
# given name and surname, each made only of the syllables of romaji, so that 「Vote for Best Costume」
# 「Vote for Takada Castle」「vote for your favourite」 name no one. After 「candidate」 or 「Mayor」 the surname alone
# is a person (「Vote for candidate Tanaka!」), as the title says who is meant.
_ROMAJI = r"(?:(?:[kgsztdnhbpmyrwfj]y?|sh|ch|ts)?[aeiou]|n(?![aeiouy]))"
_ROMAJI_WORD = rf"[A-Z](?i:{_ROMAJI}){{1,7}}"
_EN_PERSON_CALL = re.compile(
    rf"(?<![A-Za-z])(?:[Vv]ote|VOTE|[Ee]lect|ELECT)[ \t]+(?:(?:for|FOR)[ \t]+)?"
    rf"(?:(?:[Cc]andidate|[Mm]ayor)[ \t]+(?P<titled>{_ROMAJI_WORD}(?:[ \t]+{_ROMAJI_WORD})?)"
    rf"|(?P<name>{_ROMAJI_WORD}[ \t]+{_ROMAJI_WORD}))(?![A-Za-z])"
)
# The same call in the Portuguese of a notice for Brazilian residents (「Vote em Tanaka para prefeito!」「Vote no candidato
# Tanaka」「Vote em Taro Yamada」): the surname alone only with the office it is running for or 「candidato」 before it.
_PT_PERSON_CALL = re.compile(
    r"(?<![A-Za-z])(?:[Vv]ot(?:e|em|ar)|VOT(?:E|EM|AR))[ \t]+(?:em|no|na|EM|NO|NA)[ \t]+"
    rf"(?:(?:[Cc]andidat[oa]|CANDIDAT[OA])[ \t]+(?P<titled>{_ROMAJI_WORD}(?:[ \t]+{_ROMAJI_WORD})?)"
    rf"|(?P<office>{_ROMAJI_WORD}(?:[ \t]+{_ROMAJI_WORD})?)(?=[ \t]+(?i:para)[ \t]+"
    # Not Brazil's own presidente or senador: 「Vote em Hamamatsu para presidente!」 is where Brazilians abroad vote.
    r"(?i:prefeit[oa]|vereador(?:a|es)?|governador(?:a)?|deputad[oa])\b)"
    # em/no/na are also 「at」: 「Vote no Ota Shimin Kaikan」 names the polling place, whose name goes on.
    rf"|(?P<name>{_ROMAJI_WORD}[ \t]+{_ROMAJI_WORD})(?![ \t]+[A-Z]))(?![A-Za-z])"
)
# The Portuguese words for when, spelt as romaji is, before 「para prefeito」: 「Vote no Domingo para Prefeito!」.
_PT_WHEN_WORD = frozenset({"dia", "domingo", "segunda", "hoje", "cedo", "janeiro", "maio", "junho"})

# A contest's vote, in English or Portuguese: 「Vote for Momo Nakamura in the mascot contest」「Vote em Momo Nakamura no
# concurso de mascotes」.
_EN_CONTEST = re.compile(
    r"(?i)contest|competition|grand[ -]?prix|award|photo|mascot|favou?rite|ranking|costume|"
    r"concurso|foto|favorit|prêmio|premia|enquete|personage|turis|"
    # A tourism poll: 「Vote for Kenshin Uesugi in the Sengoku character poll!」「… as the best ski resort」.
    # Not 「at the polls」, which is an election's.
    r"(?:popularity|online|fan|character)[ \t]+poll|survey|character|resort|destination|sightseeing|touris[mt]|travel"
)
# A place or a festival in romaji, not a surname (「Vote for Myoko Kogen!」「Vote for Yuki Matsuri!」
# 「Vote for Kasugayama Jinja」): the second word is what such a name ends with.
_EN_PLACE_WORD = frozenset({
    "kogen", "onsen", "jinja", "jingu", "matsuri", "koen", "eki", "jo", "ji", "dera", "tera", "yama", "san",
    "dake", "gawa", "kawa", "ko", "minato", "shi", "machi", "mura", "ku", "cho", "shima", "jima", "hama",
    "misaki", "taki", "daki", "ike", "numa", "toge", "sakura", "kaido", "dori", "juku", "zaka", "saka",
})
# The halls a polling place or a vote's venue is named by: 「Vote no Oizumi Kominkan.」「Vote na Hamamatsu Arena.」.
_VENUE_WORD = frozenset({"kaikan", "kominkan", "arena", "bunka", "shimin", "kumin", "chomin", "kenmin", "sangyo", "kita", "chuo"})
_NOT_SURNAMES = _EN_PLACE_WORD | _PT_WHEN_WORD | _VENUE_WORD
# A Portuguese place name opens with what the place is (「Vote no Ginasio Toyohashi.」「Vote na Escola Tanaka」: vote at
# the gym, at the school), where a romaji surname ends a name.
_PT_VENUE_WORD = frozenset({
    "ginasio", "ginásio", "escola", "centro", "salao", "salão", "prefeitura", "biblioteca", "parque", "clube",
    "estacao", "estação", "igreja", "associacao", "associação", "sede", "quadra",
})


# Support asked for a party in English, or the post's own, opening the sentence: 「Support the Liberal Democratic Party in
# the upcoming election!」「Please support the LDP.」「We support the JCP.」. Only there: 「The LDP and Komeito support the
# bill.」 reports a vote in the Diet, 「Support for foreign residents」 names no party.
_EN_PARTY_NAMES = "|".join(
    re.escape(w) for w in sorted(load_sections("political.txt").get("parties", ()), key=len, reverse=True)
    if w.isascii()
)
_EN_PARTY_SUPPORT = re.compile(
    r"(?im)(?:^|(?<=[.!?:])[ \t]+)[ \t]*(?:(?:please|let's|let’s|let[ \t]+us|we|i|all|everyone,?)[ \t]+)*"
    # Not a thing the party backs: 「Support the LDP-sponsored bill?」 asks about the bill. Its candidate is the
    # party's, though: 「Support the LDP-backed candidate Tanaka!」 asks for the party's seat.
    rf"(?:support|back|stand[ \t]+with|cheer[ \t]+for)[ \t]+(?:the[ \t]+)?(?P<party>{_EN_PARTY_NAMES})"
    r"(?![A-Za-z]|-[A-Za-z](?![A-Za-z-]*[ \t]+(?:candidates?|nominees?)\b))"
)


def _foreign_language_calls(doc: Document) -> Iterator[Hit]:
    message = "「{}」への投票・支持の呼びかけと受け取られます。公式アカウントでは特定の政党・候補者に触れず、中立な表現にしてください。"
    if any(w in doc.text for w in ("upport", "UPPORT", "ack", "ACK", "tand", "TAND", "heer", "HEER")):
        for m in _EN_PARTY_SUPPORT.finditer(doc.text):
            yield Hit(m.start(), m.end(), message.format(m["party"]))
    if "ote" in doc.text or "OTE" in doc.text or "lect" in doc.text or "LECT" in doc.text:
        contest: dict[tuple[int, int], bool] = {}  # per sentence: a sentence may hold thousands of calls
        for m in (*_EN_PERSON_CALL.finditer(doc.text), *_PT_PERSON_CALL.finditer(doc.text)):
            sent = doc.sentence_at(m.start())
            if sent not in contest:
                contest[sent] = _EN_CONTEST.search(doc.text, *sent) is not None
            name: str = m["name"] or m["titled"] or m.groupdict().get("office") or ""
            words = name.split()
            if not contest[sent] and words[-1].lower() not in _NOT_SURNAMES and words[0].lower() not in _PT_VENUE_WORD:
                yield Hit(m.start(), m.end(), message.format(name))
    if not any(c in doc.text for c in "给投支选투표지뽑"):
        return
    for m in _FOREIGN_CALL.finditer(doc.text):
        party = _FOREIGN_PARTY.search(m.group())
        name = party.group() if party is not None else m.group()
        yield Hit(m.start(), m.end(), message.format(name))
    for m in _CN_PERSON_CALL.finditer(doc.text):
        if m["title"] is None:
            sent = doc.sentence_at(m.start())
            since = doc.sentence_at(sent[0] - 1)[0] if sent[0] else 0
            if (
                _CN_CONTEST.search(doc.text, since, sent[1])
                and _CN_ELECTION.search(doc.text, *sent) is None
            ):
                continue
        if _FOREIGN_PARTY.fullmatch(m["name"]) is None and _whole_name(m["name"]):
            yield Hit(m.start(), m.end(), message.format(m["name"]))
    for m in _KO_PERSON_CALL.finditer(doc.text):
        if _FOREIGN_PARTY.search(m["name"]) is None and _KO_NO_PERSON.search(m["name"]) is None:
            yield Hit(m.start(), m.end(), message.format(m["name"]))
