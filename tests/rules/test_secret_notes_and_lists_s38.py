"""A password's label with a note or a list under it (session 38).

A label alone on its line is often followed by a note in brackets before the value (「パスワード⏎（変更済み）⏎Kessai2027」
「パスワード⏎(iPhone15)⏎…」), by a version or a model the heading is about (「パスワード⏎(Ver2.0)」), or by a list of
values (「パスワード⏎・Kessai2026⏎・Joetsu2027」). Read as the value, the version was a false alarm and the note hid the
password under it; a bulleted list went out unflagged. A password itself in brackets on that line
(「パスワード⏎(Kessai2026!)」) is still the value: a missed secret costs more than a false alarm.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.rules.conftest import JST, Corpus, assert_secret_flagged_and_masked

CORPUS = Corpus(datetime(2026, 5, 14, 10, 0, tzinfo=JST))

# A version or a model in brackets on the line after a label, the next line telling how: what the heading is about.
NOTES = [
    "パスワード\n(iPhone15)\nの変更方法",
    "パスワード\n(Ver2.0)\n設定方法を説明します",
    "パスワード\n(Ver2.0)\n\n1. 設定画面を開きます",
    "パスワード\n(Ver2.0)\n1. 設定画面を開きます",
    "【職員向け】パスワード\n（iPhone15 Pro）\n設定画面から変更できます。",
    "パスワード\n（ｉＰｈｏｎｅ１５）\n設定アプリを開いてください。",
    "パスワード：\n(v2.1)\n変更手順",
    "パスワード\n(iOS17.2)\n設定→パスワードから変更",
    "パスワード\n(Windows11)\nCtrl+Alt+Del を押して「パスワードの変更」を選びます。",
    "パスワード\n(Windows10/11)\n・8文字以上\n・英数字を組み合わせる",
    "パスワード\n(Android14)\nの場合",
    "PW\n(Ver2.0)\nStep1 設定画面を開く",
]

# The same note alone, or before a closing, a remark, another field or the sentence it begins: a phone's or a
# system's name is a weak password staff really use (「Wi-Fiのパスワード⏎(Galaxy23)」). Read as a heading's
# note, it went out unflagged.
ALONE = [
    ("Wi-Fiのパスワード\n(Galaxy23)", "Galaxy23"),
    ("パスワード\n(Windows10)", "Windows10"),
    ("パスワード\n(iPhone15)", "iPhone15"),
    ("パスワード\n(Ver2.0)", "Ver2.0"),
    ("パスワード\n（Ver2.0）", "Ver2.0"),
    ("パスワード\n(Pixel8)", "Pixel8"),
    ("パスワード：\n(Windows11)", "Windows11"),
    ("PW\n(Galaxy23)", "Galaxy23"),
    ("Wi-Fiのパスワード\n(Galaxy23)\nよろしくお願いします。", "Galaxy23"),
    ("Wi-Fiのパスワード\n(Galaxy23)\n以上です。", "Galaxy23"),
    ("パスワード\n(Galaxy23)\n※大文字に注意", "Galaxy23"),
    ("パスワード\n(Galaxy23)\nです", "Galaxy23"),
    ("パスワード\n(Galaxy23)\nに変更しました", "Galaxy23"),
    ("パスワード\n(Galaxy23)\nユーザー名：koho01", "Galaxy23"),
    ("パスワード\n(Pixel8)\n変更済みです", "Pixel8"),
]

# The same place holding a password: a year after a product's name (「Office2026」「iPhone2026」), a version
# too long to be one (「Ver2026」), a mark (「Ver2.0!」), or letters and digits of no product at all.
IN_BRACKETS = [
    ("パスワード\n(Kessai2026!)", "Kessai2026!"),
    ("パスワード\n(Kessai2026)", "Kessai2026"),
    ("パスワード\n（Kessai2026!）", "Kessai2026!"),
    ("パスワード\n(Sakura!2026)", "Sakura!2026"),
    ("パスワード\n(P@ssw0rd2026)", "P@ssw0rd2026"),
    ("パスワード\n(Office2026)", "Office2026"),
    ("パスワード\n(iPhone2026)", "iPhone2026"),
    ("パスワード\n(Ver2026)", "Ver2026"),
    ("パスワード\n(Ver2.0!)", "Ver2.0!"),
    ("パスワード\n(iPhone15!)", "iPhone15!"),
    ("パスワード\n(kx7pq2zz)", "kx7pq2zz"),
    ("暗証番号\n(4821)", "4821"),
    ("Wi-Fiパスワード\n(Joetsu2026)", "Joetsu2026"),
    ("PW\n(Kessai2026)", "Kessai2026"),
    ("パスワード\n(Kessai2026!)\n以上です。", "Kessai2026!"),
    ("ログイン情報\nID：koho01\nパスワード\n(Kessai2026!)", "Kessai2026!"),
]

# A note on its own line between the label and the value: the value under it went out unflagged.
UNDER_A_NOTE = [
    ("パスワード\n(iPhone15)\nKessai2026", "Kessai2026"),
    ("パスワード\n(Ver2.0)\nkx7pq2zz", "kx7pq2zz"),
    ("パスワード\n(iPhone)\nKessai2026", "Kessai2026"),
    ("パスワード\n（変更済み）\nKessai2027", "Kessai2027"),
    ("パスワード\n（全角英数字）\nKessai2026", "Kessai2026"),
    ("パスワード\n（大文字小文字を区別）\nkx7pq2zz", "kx7pq2zz"),
    ("パスワード：\n※半角\nKessai2026", "Kessai2026"),
    ("Wi-Fiのパスワード\n【重要】\nJoetsu2026!", "Joetsu2026!"),
]

# The first of a list of values under the label: marked as an item, it was read as no value.
LISTED = [
    ("パスワード\n・Kessai2026\n・Joetsu2027\n\n以上です。", "Kessai2026"),
    ("パスワード\n・kx7pq2\n・zz93mw\n以上です。", "kx7pq2"),
    ("パスワード\n- kx7pq2\n- zz93mw", "kx7pq2"),
    ("パスワード\n1. kx7pq2\n2. zz93mw", "kx7pq2"),
    ("PW：\n● Kessai2026!", "Kessai2026!"),
]

# Notes and lists under a label that hold no value stay silent.
SILENT = [
    "パスワード\n（変更済み）",
    "パスワード\n（全角英数字）\n8文字以上で設定してください。",
    "パスワード\n（注意）\nStep1 設定画面を開く",
    "パスワード\n・8文字以上\n・英数字を組み合わせる",
    "パスワード\n・誕生日は使わない\n・使い回さない",
    "パスワード\n1. 設定画面を開きます\n2. 「変更」を押します",
    "パスワード\n- https://www.city.joetsu.niigata.jp/reset",
    "パスワード\n(iPhone15)\nWindows11 の場合は、設定画面から変更します。",
]

test_a_version_or_model_noted_under_a_label_is_no_password = CORPUS.silent(NOTES)
test_notes_and_lists_of_no_value_stay_silent = CORPUS.silent(SILENT)


@pytest.mark.parametrize(("text", "value"), ALONE + IN_BRACKETS + UNDER_A_NOTE + LISTED)
def test_a_password_in_brackets_under_a_note_or_listed_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)
