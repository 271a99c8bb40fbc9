"""The Japanese that municipal staff read keeps one form per word.

Many hands wrote kessai's messages; without a check the variants come back one commit at a time
(「下さい」 next to 「ください」, 「事案」 next to 「インシデント」, 「経った」 next to 「たった」).
This walks every string constant in bot/ and handlers/ that people read and refuses the forms the
project decided against (公用文の書き表し方 2022 where it decides, the most used form otherwise).
"""
from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Rule patterns look for what drafts say (「下さい」, 「出来ません」): they are never shown to anyone.
REGEX = re.compile(r"\(\?|\\[sdwbSDWB]|\[\^|\|.*\|")
# …unless it ends a sentence as only a message does: the TOML backslash note shows "a\\b", a pattern's \b to REGEX.
MESSAGE = re.compile(r"(?:です|ます|ません|ください)。")
# In bot/rules, only sentences are messages; single words there are word lists a draft is matched against.
SENTENCE = re.compile(r"。|です|ます|ください|ません")

# (refused form, the project's form) — checked against what people read, not against code.
REFUSED: tuple[tuple[str, str], ...] = (
    (r"下さい", "ください"),
    (r"出来(?!事|高|栄|映)", "できる"),
    (r"(?<![一合誘招拉送極])致し", "いたし"),  # not 一致し・合致し・誘致し
    (r"頂(?=[きくけ])", "いただく"),
    (r"経(?:[ちっつ]|て(?=ば)|た(?=な|ず))", "たつ（経つは常用外の訓）"),  # not 経て・経た (へる)
    (r"事案", "インシデント"),
    (r"承認依頼", "決裁依頼"),
    (r"投稿案|原稿", "下書き"),
    (r"(?<!運用)管理責任者", "運用管理責任者"),
    (r"差戻(?!し)|差戻しま|差戻して", "差戻し（名詞）／差し戻す（動詞）"),
    (r"下書きを書いた(?:人|運用担当者|ご本人|方)|自身が書いた下書き", "下書きの作成者・ご自身が作成した下書き"),
    (r"エスカレーション用チャンネル|連絡用チャンネル", "エスカレーション先のチャンネル"),
    (r"わか[らりるれっ]", "分かる"),
    (r"かま(?:いません|わない)", "構いません（構うは常用の訓）"),
    (r"(?<![なすよみたし])だれ", "誰"),  # not なだれ・すだれ・しだれ
    (r"フォルダ(?!ー)|ディレクトリ", "フォルダー"),
    (r"又は|及び|並びに|若しくは", "または・および・ならびに・もしくは"),
    (r"アカウント未(?:選択|指定)|（アカウント指定なし）", "アカウント指定なし（括弧なし）"),
    # 公用文: 「等」 after a phrase reads など; not a word that starts with it (と等しい, を等倍で).
    (r"(?<=[ぁ-ゖ])等(?!し|分|級|倍|間隔|号|価)", "など（「各課等」のような語の一部は別）"),
    # Slack calls it a modal; docs/usage.md and the demo say 入力画面 (a Google フォーム or 申込フォーム in a draft
    # is the author's word, and プラットフォーム・リフォーム are other words).
    (r"(?<![ァ-ヺー])(?<!Google)(?<!Google )(?<!込み)(?<!申込)(?<!応募)(?<!合わせ)フォーム", "入力画面"),
    # Every other message and README/usage.md say ボット; not `bot` in a command, SLACK_BOT_TOKEN, a URL's /bot.
    (r"(?<![A-Za-z0-9_@/.`-])bot(?![A-Za-z0-9_/.`-])", "ボット"),
    (r"をを|がが|、、|。。", "（重複）"),
    # Slack's Japanese screens and every other message say ホームタブ; 「App Home」 is the developer's name for it.
    (r"App Home", "kessai のホームタブ"),
    # One name for who to ask: 「システムの担当者」 beside 「システム管理者（IT 担当）」 reads as a second person.
    (r"システムの担当者", "システム管理者（IT 担当）"),
    # The IT 担当 reads `kessai --help` too: the developer's word goes in brackets after the plain one.
    (r"(?<!（)マイグレーション(?!）)", "データベースの構成の更新（マイグレーション）"),
)


def _not_read(tree: ast.AST) -> set[int]:
    """Docstrings, and the sample drafts of rule examples (a draft's wording is the author's, not ours)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Example":
            found.update(id(inner) for inner in ast.walk(node))
    return found


@functools.cache
def read_strings() -> list[tuple[str, int, str]]:
    """Every string constant in bot/ and handlers/ that reaches a person, as (path, line, text)."""
    out: list[tuple[str, int, str]] = []
    for base in ("bot", "handlers"):
        for path in sorted((ROOT / base).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith("bot/sandbox/"):  # the fake Slack server's own English errors
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            skip = _not_read(tree)
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in skip:
                    continue
                text = node.value
                if not JAPANESE.search(text) or (REGEX.search(text) and not MESSAGE.search(text)):
                    continue
                if rel.startswith("bot/rules/") and not SENTENCE.search(text):
                    continue
                out.append((rel, node.lineno, text))
    return out


def test_the_walk_sees_the_messages() -> None:
    # A walk that found nothing would pass every check below.
    texts = [t for _, _, t in read_strings()]
    assert len(texts) > 1000
    assert any("この下書きの作成者だけです" in t for t in texts)
    assert any(p == "bot/rules/links.py" for p, _, _ in read_strings())
    assert any("円記号" in t for t in texts)  # the TOML backslash note, which REGEX alone takes for a pattern


@pytest.mark.parametrize(("refused", "wanted"), REFUSED, ids=[r for r, _ in REFUSED])
def test_one_form_per_word(refused: str, wanted: str) -> None:
    pattern = re.compile(refused)
    found = [f"{p}:{line}: {m.group(0)} … {t[max(0, m.start() - 20):m.end() + 20]!r}"
             for p, line, t in read_strings() for m in pattern.finditer(t)]
    assert not found, f"「{wanted}」と書いてください:\n" + "\n".join(found)


@pytest.mark.parametrize(("text", "refused"), [
    ("審査を経て決定します。", False), ("承認を経た下書き", False), ("15分経っても", True), ("5分経てば", True),
    ("90日経たないうちに", True), ("形式に合致しません。", False), ("値が一致しません。", False), ("確認致します。", True),
    ("されていない等の批判", True), ("各課等の長", False), ("男女雇用機会均等法", False),
    ("上限と等しい件数", False), ("画像を等倍で", False), ("フォームを開けません", True), ("下書きのフォーム", True),
    ("入力フォーム", True), ("各プラットフォームの上限を超えています。", False), ("住宅リフォーム詐欺", False),
    ("Googleフォーム", False), ("Google フォーム", False), ("申込フォーム", False), ("申込みフォーム", False),
    ("お問い合わせフォーム", False), ("なだれ注意報", False), ("しだれ桜", False), ("まだだれも", True), ("出来高", False), ("出来ません", True),
    ("価値が等しい", False), ("に等しく", False), ("プラットフォーム", False), ("ユニフォーム", False),
    ("フォームを開けませんでした", True),
    ("bot が参加していない", True), ("`/invite @kessai` で bot を招待", True), ("SLACK_BOT_TOKEN", False),
    ("https://example.jp/bot/", False), ("Bot User OAuth Token", False),
    ("下書きのスレッドや App Home でお確かめ", True), ("代決者が下書きを書いたご本人で", True),
    ("あなた自身が書いた下書きは", True), ("マイグレーションを適用します", True),
    ("データベースの更新（マイグレーション）が済んでいません", False), ("ご自身が作成した下書き", False), ("下書きを書いて", False),
])
def test_the_refused_forms_leave_other_words_alone(text: str, refused: bool) -> None:
    # 「経て」「経た」 read へる (常用), 「合致」 is no 致す: a guard that refuses correct Japanese gets loosened by hand.
    assert any(re.search(r, text) for r, _ in REFUSED) is refused


# The IT 担当 and the staff read the same screen's name in README/docs as in the messages: a person
# told 「入力画面を開けませんでした」 looks it up in operations.md, which quoted 「フォームを…」.
DOC_TERMS = tuple((r, w) for r, w in REFUSED if w == "入力画面")


@pytest.mark.parametrize("doc", ["README.md", "docs/usage.md", "docs/operations.md", "docs/reminders.md"])
def test_the_docs_name_the_modal_as_the_messages_do(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    found = [f"{doc}: …{text[max(0, m.start() - 20):m.end() + 20]!r}"
             for r, _ in DOC_TERMS for m in re.finditer(r, text)]
    assert DOC_TERMS and not found, "「入力画面」と書いてください:\n" + "\n".join(found)


# A sentence of a message that ends as a report or a rulebook does (「…した。」「…である。」「…できない。」)
# beside the です・ます of every other: the reader hears two voices, and the short one sounds curt.
# Not 「でした」「ません」, nor what is quoted in 「」 (「特定のアカウントではない」 is a label shown as it
# is; 「外国人はいらない。」 a draft's sentence, its 「。」 the author's).
PLAIN_ENDING = re.compile(
    r"(?:である|であった|だった|(?<![たなまよ])だ|ではない|じゃない|(?<![まで])した|(?<!ま)しない|する|できる"
    r"|ある|いる|なる|れる|ない|った|だろう)(?=(?:）|（[^（）]*）)*。)")
_QUOTED = re.compile(r"「[^「」]*」")


def plain_endings(text: str) -> list[re.Match[str]]:
    while (unquoted := _QUOTED.sub("「」", text)) != text:  # innermost first: 「「…」という言葉」
        text = unquoted
    return list(PLAIN_ENDING.finditer(text))


@pytest.mark.parametrize(("text", "plain"), [
    ("記録しました。", False), ("受け付けませんでした。", False), ("何も変更していません。", False),
    ("そのまま進みます（決裁者のみ）。", False), ("選んでください（「特定のアカウントではない」）。", False),
    ("台帳を記録した。", True), ("決裁できない。", True), ("下書きである。", True), ("不要だ。", True),
    ("期限切れになる（投稿予定の後）。", True), ("台帳に残っている。", True),
    ("「外国人はいらない。」と書かれています。", False), ("「「外国人はいらない。」という言葉」は許されません。", False),
    ("「外国人はいらない。」と書いてある。", True),
])
def test_the_plain_ending_guard_reads_sentences_as_meant(text: str, plain: bool) -> None:
    assert bool(plain_endings(text)) is plain


def test_sentences_end_in_desu_masu() -> None:
    # Every string people read uses です・ます (the help's short noun phrases have no 「。」 and pass).
    found = [f"{p}:{line}: …{m.string[max(0, m.start() - 30):m.end() + 2]!r}"
             for p, line, t in read_strings() for m in plain_endings(t)]
    assert not found, "です・ます で終えてください:\n" + "\n".join(found)


def test_sentences_fit_a_phone_screen() -> None:
    # One sentence over ~150 characters (a phone screen and a half) is read twice or not at all;
    # IT messages with paths and commands get the same budget, code in backquotes counts as one word.
    long = []
    for path, line, text in read_strings():
        for sentence in re.split(r"(?<=。)|\n", text):
            plain = re.sub(r"`[^`]*`", "〇", sentence).strip()
            if len(plain) > 150:
                long.append(f"{path}:{line}: {len(plain)} 文字: {plain[:60]}…")
    assert not long, "文を分けてください:\n" + "\n".join(long)


def test_optional_labels_leave_the_brackets_to_slack() -> None:
    # Slack adds 「（任意）」 to the label of an optional input: 「画像の代替テキスト（1行に1枚ずつ）（任意）」
    # and 「差戻しの理由（作成者に伝わります）（任意）」 read as two afterthoughts. What the brackets said
    # goes in the label's words or in the hint.
    found = []
    for base in ("bot", "handlers"):
        for path in sorted((ROOT / base).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            if "input_block(" not in source:  # parsing bot/rules took 2.5 s of this test for nothing
                continue
            for node in ast.walk(ast.parse(source)):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "input_block"):
                    continue
                optional = any(k.arg == "optional" and isinstance(k.value, ast.Constant) and k.value.value is True
                               for k in node.keywords)
                label = node.args[1] if len(node.args) > 1 else None
                if optional and isinstance(label, ast.Constant) and str(label.value).endswith(("）", ")")):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {label.value}")
    assert not found, "括弧の中身はラベルの言葉かヒントに:\n" + "\n".join(found)


def test_status_hints_are_one_phrase() -> None:
    # /kessai status ends each draft's line with a hint and no 「。」 (「— 決裁を待っています」): a hint of two
    # sentences read 「過ぎました。…出し直してください」, the first closed and the second left open.
    tree = ast.parse((ROOT / "bot/home.py").read_text(encoding="utf-8"))
    hints: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        in_table = isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "STATUS_NEXT_STEP" for t in node.targets)
        if in_table or (isinstance(node, ast.FunctionDef) and node.name == "_status_next_step"):
            hints += [(c.lineno, c.value) for c in ast.walk(node)
                      if isinstance(c, ast.Constant) and isinstance(c.value, str) and JAPANESE.search(c.value)]
    assert len(hints) >= 9
    found = [f"bot/home.py:{line}: {text}" for line, text in hints if "。" in text]
    assert not found, "「。」で区切らず一つの句に:\n" + "\n".join(found)
