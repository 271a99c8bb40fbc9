"""Confidential information and information still in the decision-making process."""

from __future__ import annotations

from collections.abc import Iterator

from bot.rules.model import CheckContext, Example, Hit, RuleOptions
from bot.rules.registry import rule
from bot.rules.text import Document
from bot.rules.wordlists import matcher
from bot.rules.wordrule import word_hits


@rule(
    code="confidential.secret",
    severity="error",
    summary="秘・部外秘・取扱注意などの表示",
    clause="上越市 5(4)",
    fires=Example("【部外秘】来年度の組織再編について"),
    passes=Example("秘境の温泉と神秘的な景色をご紹介します。"),
)
def secret(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """秘密であることを示す表示（秘・部外秘・取扱注意・庁内限り・内部資料・非公開など）を止めます。

    上越市 5(4) は「上越市及び上越市と利害関係にある者又は団体の秘密に関する情報発信は一切
    行ってはいけません」とし、茅野市 4(7)⑦ も「職務上知り得た秘密」の発信を禁じています。
    庁内文書を貼り付けたときに残りがちな表示を見つけます。「秘境」「神秘的」のような別の語の
    一部では反応しません。
    """
    return word_hits(
        doc,
        opts,
        "secret.txt",
        "「{word}」は秘密情報の表示です。公開してよい情報か確認し、表示ごと削除してください。",
    )


@rule(
    code="confidential.deliberation",
    severity="warning",
    summary="意思形成過程の情報（素案・（案）・未定稿・検討中の〜案）",
    clause="上越市 5(4)",
    fires=Example("検討中の新しい公共交通計画案をお知らせします。"),
    passes=Example("イベントのご案内です。開催は11月30日の予定です。"),
)
def deliberation(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """意思形成過程にある情報（素案、（案）、未定稿、検討中の〜案）を知らせます。

    上越市 5(4) は「意思形成過程にある政策や事業内容など、市の公式見解でないものは発信せず」、
    茅野市 4(7)⑧ は「重要施策の意思形成過程における情報（検討中の素案…）」の発信を禁じています。
    形態素単位で照合するので「案内」「予定」「提案」は反応しません。パブリックコメント・意見募集・
    縦覧を告知する文の「（案）」は公表が目的なので反応しません。
    """
    public = matcher("deliberation.txt", "public")
    hits: list[Hit] = list(
        word_hits(
            doc,
            opts,
            "deliberation.txt",
            "「{word}」は意思形成過程の情報です。公表してよい段階か確認してください。",
        )
    )
    # 「検討中の〜案」: a 案 morpheme (or a word ending in 案) after 検討中 in the same sentence.
    if "検討中" in doc.folded and "案" in doc.folded:
        toks = doc.tokens
        for i, t in enumerate(toks):
            if not t.surface.startswith("検討中"):
                continue
            for j in range(i + 1, min(i + 12, len(toks))):
                u = toks[j]
                if u.surface in ("。", "!", "?", "\n"):
                    break
                if u.surface.endswith("案") and u.surface not in ("提案", "答案", "懸案", "思案", "考案"):
                    hits.append(
                        Hit(
                            t.start,
                            u.end,
                            f"「{doc.text[t.start : u.end]}」は検討中の案です。決定前の内容を発信しないでください。",
                        )
                    )
                    break
    for hit in hits:
        sentence = next(((a, b) for a, b in doc.sentences if a <= hit.start < b), None)
        if sentence and public.find(doc, within=sentence):
            continue
        yield hit
