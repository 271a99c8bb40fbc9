"""The registry is the contract of SPEC §5: codes, default severities, documentation, examples."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from bot.rules import DOMAIN_LIST_RULES, EXTRA_WORD_RULES, REGISTRY, RULE_CODES, RuleOverride, check
from bot.rules.docs import render_markdown

SPEC_SEVERITIES = {
    "content.empty": "error",
    "prohibited.insult": "error",
    "prohibited.discrimination": "error",
    "prohibited.obscene": "error",
    "prohibited.illegal": "warning",
    "prohibited.rumor": "warning",
    "prohibited.political": "warning",
    "confidential.secret": "error",
    "confidential.deliberation": "warning",
    "pii.phone": "error",
    "pii.email": "warning",
    "pii.my_number": "error",
    "pii.card_number": "error",
    "pii.address": "warning",
    "link.shortener": "error",
    "link.harmful": "error",
    "link.insecure": "warning",
    "link.untrusted": "warning",
    "link.malformed": "error",
    "platform.length": "error",
    "platform.hashtags": "warning",
    "platform.hashtag_unlisted": "warning",
    "a11y.machine_dependent": "warning",
    "a11y.halfwidth_kana": "warning",
    "a11y.spaced_word": "warning",
    "a11y.emoji_overuse": "warning",
    "a11y.image_alt": "warning",
    "a11y.fullwidth_alnum": "info",
    "a11y.long_sentence": "info",
    "date.weekday_mismatch": "error",
    "spam.duplicate": "error",
    "schedule.past": "error",
    "schedule.outside_hours": "warning",
    "press.embargo": "warning",
    "quote.third_party": "warning",
    "portrait.consent": "warning",
    "correction.notice": "info",
}
GUIDELINES = ("上越市", "和気町", "茅野市", "美祢市")
# The clauses SPEC §5 names in a rule's row: each is what the rule is graded under, so its clause (shown
# with every finding and in docs/rules.md) names them all. 「上越市 6(1)②」 alone left out 美祢市 5(2)エ.
SPEC_CLAUSES = {
    "link.shortener": ("上越市 6(1)②",),
    "link.untrusted": ("上越市 6(1)②", "美祢市 5(2)エ"),
    "spam.duplicate": ("茅野市 4(8)",),
    "press.embargo": ("和気町 6",),
    "quote.third_party": ("和気町 6",),
    "portrait.consent": ("上越市 5(3)",),
    "correction.notice": ("和気町 6",),
}


def test_registry_has_exactly_the_spec_codes_in_spec_order() -> None:
    assert list(REGISTRY) == list(SPEC_SEVERITIES)
    # The list the organisation file's [rules."…"] tables are checked against without loading the rules.
    assert list(RULE_CODES) == list(REGISTRY)


@pytest.mark.parametrize("code", list(SPEC_SEVERITIES))
def test_default_severity_matches_spec(code: str) -> None:
    assert REGISTRY[code].severity == SPEC_SEVERITIES[code]


@pytest.mark.parametrize("code", list(SPEC_SEVERITIES))
def test_rule_is_documented_with_a_guideline_clause(code: str) -> None:
    r = REGISTRY[code]
    assert r.code == code
    assert r.clause.startswith(GUIDELINES), r.clause
    assert r.summary and len(r.doc) > 40
    # The documentation cites the clause it is graded under.
    assert r.clause.split()[0] in r.doc


@pytest.mark.parametrize(("code", "clauses"), list(SPEC_CLAUSES.items()))
def test_rule_clause_names_every_clause_spec_cites(code: str, clauses: tuple[str, ...]) -> None:
    r = REGISTRY[code]
    assert [c for c in clauses if c not in r.clause] == [], r.clause
    assert [c for c in clauses if c not in r.doc] == []


# The guidelines the clauses come from: SPEC's ../shared/guidelines beside the project, or this machine's copy.
_GUIDELINE_DIRS = (Path(__file__).resolve().parents[3] / "shared" / "guidelines", Path("/work/shared/guidelines"))
# A citation as the rule docs write it: 「茅野市 4(7)①」「上越市 6(1)②【時間】」「和気町 5(4) 運用基準のセキュリティー対策4」;
# several joined with ・ share one quote. A quote belongs to the citation when only a few words without
# punctuation stand between them (「美祢市 5(2)ア は書き込み等を「正確に記述する」」), or it follows such a quote
# (「…」と「…」); an example quoted later in the sentence, after 、 or （, does not.
_CITATION = (
    r"(?:美祢市|茅野市|和気町|上越市)(?:社協)?(?:ガイドライン)?\s*[0-9](?:\([0-9]\))?[①-⑩ア-オ]?(?:【[^】]+】)?"
    r"(?:\s*(?:留意事項|運用基準のセキュリティー対策[0-9]))?"
)
_QUOTE = r"「[^「」]*」"
_QUOTED_CLAUSES = re.compile(rf"((?:{_CITATION}・)*{_CITATION})\s*((?:[^。、「」（）()]{{0,14}}?{_QUOTE}[と、]?)+)")


def _guideline_quotes(doc: str) -> list[tuple[list[str], str]]:
    doc = re.sub(r"\s*\n\s*", "", doc)  # the docstrings wrap lines inside quotes
    return [
        ([name for name in GUIDELINES if name in m.group(1)], quote[1:-1])
        for m in _QUOTED_CLAUSES.finditer(doc)
        for quote in re.findall(_QUOTE, m.group(2))
    ]


def _guideline_texts() -> dict[str, str]:
    folder = next((d for d in _GUIDELINE_DIRS if d.is_dir()), None)
    if folder is None:
        pytest.skip("the guidelines are not on this machine (SPEC: ../shared/guidelines)")
    texts = [re.sub(r"\s", "", p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    # Each guideline is the file that names its municipality most often.
    return {name: max(texts, key=lambda t: t.count(name)) for name in GUIDELINES}


def test_quoted_guideline_wording_is_verbatim_in_the_cited_guideline() -> None:
    """A rule doc that puts a guideline's words in 「」 quotes them exactly, from the guideline it names:
    「誠実かつ速やかに」 for 美祢市 6(1)'s 「誠実かつ速やかな対応」, 茅野市's wording given as 和気町 4(5)'s too,
    上越市 5(4)'s 「行ってはけません」 silently corrected — staff read these as the guideline's own words."""
    texts = _guideline_texts()
    quoted = {code: _guideline_quotes(r.doc) for code, r in REGISTRY.items()}
    # The extraction itself still finds what the docs quote (a changed citation style would empty it).
    assert sum(len(q) for q in quoted.values()) >= 35
    assert not [c for c in ("prohibited.insult", "confidential.secret", "link.shortener", "correction.notice")
                if not quoted[c]]
    wrong = []
    for code, quotes in quoted.items():
        for names, quote in quotes:
            # 『』 is how a quote inside a quote is written; … leaves words out.
            parts = [re.sub(r"\s", "", p) for p in quote.replace("『", "「").replace("』", "」").split("…")]
            for name in names:
                pattern = ".*?".join(re.escape(p) for p in parts if p)
                if not re.search(pattern, texts[name], re.S):
                    wrong.append((code, name, quote))
    assert wrong == []


def test_summaries_use_the_words_staff_see_in_forms_and_messages() -> None:
    # The posting form and the thread say 投稿予定日時 and 業務時間; the rule list said 予約日時が過去
    # and 就業時間外 for the same things (就業時間 stays only where a guideline is quoted).
    summaries = {code: r.summary for code, r in REGISTRY.items()}
    assert summaries["schedule.past"] == "投稿予定日時が過去"
    assert summaries["schedule.outside_hours"] == "業務時間外・休日の投稿"
    assert not [s for s in summaries.values() if "就業時間" in s or "予約日時" in s]


@pytest.mark.parametrize("code", list(SPEC_SEVERITIES))
def test_documented_example_that_fires_fires(code: str) -> None:
    ex = REGISTRY[code].fires
    found = [f for f in check(ex.text, ex.context()) if f.code == code]
    assert found, f"{code} did not fire on its own example {ex.text!r}"
    for f in found:
        assert f.clause == REGISTRY[code].clause
        assert f.message.endswith(("。", "）")), f.message


@pytest.mark.parametrize("code", list(SPEC_SEVERITIES))
def test_documented_example_that_passes_is_silent(code: str) -> None:
    ex = REGISTRY[code].passes
    found = check(ex.text, ex.context())
    assert code not in [f.code for f in found]
    # A good example is clean overall: nothing above info.
    assert [f.code for f in found if f.severity != "info"] == []


def test_messages_are_polite_japanese() -> None:
    for code, r in REGISTRY.items():
        ex = r.fires
        for f in check(ex.text, ex.context()):
            assert "ください" in f.message or "です" in f.message or "ます" in f.message, (code, f.message)


def test_committed_docs_are_generated_from_the_registry() -> None:
    committed = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    assert committed.read_text(encoding="utf-8") == render_markdown(), (
        "run `kessai rules --markdown > docs/rules.md`"
    )


@pytest.mark.parametrize("code", list(SPEC_SEVERITIES))
def test_documented_examples_that_fire_and_pass_never_look_the_same(code: str) -> None:
    # platform.length's examples are 144 and 140 characters: a cut-off display must still differ.
    from bot.rules.docs import _ctx_note, _show

    r = REGISTRY[code]
    assert _show(r.fires.text) + _ctx_note(r.fires) != _show(r.passes.text) + _ctx_note(r.passes)
    assert "全144文字" in _show(REGISTRY["platform.length"].fires.text)


@pytest.mark.parametrize("code", list(SPEC_SEVERITIES))
def test_extra_words_are_read_by_exactly_the_rules_config_accepts_them_for(code: str) -> None:
    """`kessai config check` refuses extra_words on rules outside EXTRA_WORD_RULES (they would do
    nothing): so every rule inside must fire on an extra word, and none outside may change."""
    if code in DOMAIN_LIST_RULES:
        word, text = "kessai-probe.example", "詳しくは https://kessai-probe.example/info をご覧ください。"
    else:
        word, text = "ぬるぽ", "本日はぬるぽについてお知らせします。"
    base = REGISTRY[code].fires.context()
    plain = [f for f in check(text, base) if f.code == code]
    extended = [f for f in check(text, replace(base, overrides={code: RuleOverride(extra_words=(word,))}))
                if f.code == code]
    assert (len(extended) > len(plain)) == (code in EXTRA_WORD_RULES), (code, plain, extended)
