"""Prohibited content: insults, discrimination, obscenity, incitement, rumours, electioneering."""

from __future__ import annotations

from collections.abc import Iterator

from bot.rules.model import CheckContext, Example, Hit, RuleOptions
from bot.rules.registry import rule
from bot.rules.text import Document
from bot.rules.wordlists import Match, matcher
from bot.rules.wordrule import word_hits


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
    語彙は `bot/rules/data/insult.txt`、自治体ごとの追加は `extra_words` で行います。
    """
    return word_hits(
        doc,
        opts,
        "insult.txt",
        "「{word}」は侮辱と受け取られる表現です。削除するか別の表現に改めてください。",
    )


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

    茅野市 4(7)③・美祢市 2(6)②・和気町 4(5)イ は「人種、思想、信条等の差別、又は差別を助長させる
    情報」を禁じています。一方、人権啓発の告知は自治体の大切な仕事なので、問題の名称としての
    「部落差別」「部落差別の解消」「同和問題」などは許可リスト（データファイルの [allow]）に
    入っており反応しません。
    """
    return word_hits(
        doc,
        opts,
        "discrimination.txt",
        "「{word}」は差別語・不快用語にあたるおそれがあります。表現を改めてください。",
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
    情報」を禁じています。保健・医療の用語（性感染症、性教育など）は語彙に入れていません。
    """
    return word_hits(
        doc, opts, "obscene.txt", "「{word}」はわいせつな表現と受け取られます。削除してください。"
    )


def _sentence_of(doc: Document, pos: int) -> tuple[int, int]:
    for a, b in doc.sentences:
        if a <= pos < b:
            return a, b
    return pos, pos + 1


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

    茅野市 4(7)④・和気町 4(5)ア・上越市 5(5) は「違法行為又は違法行為を煽る情報」を禁じています。
    違法行為の名前（[acts]）と勧誘の言い回し（[incite]）が同じ文にあり、否定や注意喚起の語
    （[deny]: ない・禁止・犯罪・やめ…）がないときだけ反応します。防犯・薬物乱用防止の啓発
    （「違法薬物は犯罪です」「不法投棄はやめましょう」）は反応しません。
    """
    yield from word_hits(
        doc, opts, "illegal.txt", "「{word}」は違法行為を勧める表現と受け取られます。表現を見直してください。"
    )
    acts = matcher("illegal.txt", "acts", opts.extra_words)
    if not acts.present(doc):
        return
    incite = matcher("illegal.txt", "incite")
    deny = matcher("illegal.txt", "deny")
    done: set[tuple[int, int]] = set()
    for act in acts.find(doc):
        sent = _sentence_of(doc, act.start)
        if sent in done:
            continue
        calls = incite.find(doc, within=sent)
        if calls and not deny.find(doc, within=sent):
            done.add(sent)
            end = max(c.end for c in calls)
            yield Hit(
                act.start,
                max(end, act.end),
                f"「{act.entry}」を勧める・煽る表現と受け取られるおそれがあります。違法行為を促す内容になっていないか確認してください。",
            )


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
    助長させる情報」を禁じています。伝聞の助動詞「らしい」（「〜らしいです」）、「との噂」
    「未確認ですが」「拡散希望」などに反応します。「上越らしい風景」の「らしい」は接尾辞なので
    反応しません。事実を確認し、出典を示して断定できる形で書いてください。
    """
    seen: set[int] = set()
    for hit in word_hits(
        doc,
        opts,
        "rumor.txt",
        "「{word}」は噂・未確認情報の言い回しです。事実を確認し、確かな情報として書き直してください。",
    ):
        # 「らしいです」 also contains the entry 「らしい」: report the phrase once.
        if hit.start not in seen:
            seen.add(hit.start)
            yield hit


_PERSON_CUES = ("候補", "サン", "氏", "議員", "先生", "陣営", "様")


def _is_person_name(doc: Document, i: int) -> bool:
    tok = doc.tokens[i]
    return tok.pos == "名詞" and tok.pos2 == "固有名詞" and tok.pos3 == "人名"


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

    上越市ガイドライン 5【前提となる考え方】は、公務が「公平・中立性」を求められることを
    示しています。投票・支持・応援などの呼びかけ（[calls]）と、政党名（[parties]）または
    人名が同じ文にあるときに反応します。選挙管理委員会の「投票に行きましょう」のような
    呼びかけ単独では反応しません。人名は「候補」「さん」「氏」「議員」などを伴う場合に
    形態素解析の固有名詞（人名）として判定します。
    """
    yield from word_hits(
        doc,
        opts,
        "political.txt",
        "「{word}」は特定の候補者・政党を支持する表現です。公平・中立な表現にしてください。",
    )
    calls = matcher("political.txt", "calls")
    parties = matcher("political.txt", "parties", opts.extra_words)
    person_calls = matcher("political.txt", "person_calls")
    # Morphological analysis is only worth it when a party or a word that goes with a person's
    # name (候補, さん, 氏 …) is there too: a bare 「投票に行きましょう」 costs nothing.
    with_person = any(w in doc.folded for w in _PERSON_CUES)
    if not calls.present(doc) or not (parties.present(doc) or (with_person and person_calls.present(doc))):
        return
    done: set[tuple[int, int]] = set()
    for call in calls.find(doc):
        sent = _sentence_of(doc, call.start)
        if sent in done:
            continue
        named: list[Match] = parties.find(doc, within=sent)
        if not named and with_person and person_calls.find(doc, within=sent):
            named = [
                Match(t.start, t.end, doc.text[t.start : t.end], i, i)
                for i, t in enumerate(doc.tokens)
                if sent[0] <= t.start < sent[1] and _is_person_name(doc, i)
            ]
        if named:
            done.add(sent)
            first = min(named, key=lambda m: m.start)
            yield Hit(
                min(first.start, call.start),
                max(first.end, call.end),
                f"「{first.entry}」への投票・支持の呼びかけと受け取られます。公式アカウントでは特定の政党・候補者に触れず、中立な表現にしてください。",
            )
