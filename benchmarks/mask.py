"""Time of ``bot.secret_mask.mask_secrets`` on long texts of the shapes that were once slow.

    python benchmarks/mask.py

A leak report (and its summary) goes through ``mask_secrets`` before it is stored or sent. A
password on each line, found both by confidential.secret and after its label, was checked against
every other one found (seconds at 40,000 characters). Each shape is timed at 10,000 and 40,000
characters; a 40k/10k time ratio near 4 is linear. (The tests check what is masked, never how long
it takes.)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.secret_mask import mask_secrets  # noqa: E402

SHAPES = ["PW: tbd → ", "パスワード：Kes2026!x ", "パスワード：12/1 ", "PW Reset#", "PIN code ", "PW: 1,234 ", "ＰＩＮ：１２３４ ",
          "PW［", "PW(仮)", "パスワード 1,000 万", "PW:", "PW: a ", "パスワード：a b ", "パスワード：桜 ", "PW「」", "PIN 1234 か ", "旧 abc1 ", "、1234", "PW → a b ", "PW「あ ",
          "PIN 1234 と ", "パスワード：さくら ", "パスワード：あい う ", "PW: Kes1 (", "PW: a (", "PW：桜 ", "旧 Windows10 ", "、090-1-234 ",
          "PW：旧 iPhone15 / 新 ", "PW 旧 ", "PW: a (b) c ", "PW: a [1] ", "パスワード：さくら 10時 ", "、+81-1-2345-", "、v1 の ", "/ iPhone15 から ", "PW: no idea ", "PW: not ", "PW→旧 Win1、新 ", "(旧 abc1))))) ", "PW: a1 / ", "PW: a  /  /  / ", "PW: none、abc1 ", "PW: not → 1234 ", "PW a1 から pc1 に更新 ", "PW: abcd(((( ", "パスワード：a(あ ",
          # Session 30: a numbered label, kana after は and a space or a comma, a place changed from, a spaced note.
          "PW2: a1、", "パスワードは　さくら ", "パスワード、もち ", "PW Teams から変更 ", "P（1 2） ひ", "パスワード（1 2） ",
          # Session 33: a 個人番号 (pii.my_number) beside a password, each masked span looked up among the others.
          "マイナンバー 1234 5678 9018 PW: abc12345\n", "個人番号：１２３４　５６７８　９０１８、"]


def main() -> None:
    # The masking and the rule engine load on the first mask (bot.secret_mask): not timed with the first shape.
    mask_secrets("PW: warm-up", about_a_password=True)
    rows = []
    for unit in SHAPES:
        ms = []
        for n in (10_000, 40_000):
            text = (unit * (n // len(unit) + 1))[:n]
            t = time.perf_counter()
            # As a password-leak report: 旧/新 are read as labels only then (「旧 abc1 」 went untimed).
            mask_secrets(text, about_a_password=True)
            ms.append((time.perf_counter() - t) * 1000)
        rows.append((ms[1], ms[1] / ms[0], repr(unit)))
        print(f"{unit!r} to 40,000 characters: {ms[1]:.0f} ms (40k/10k ratio {ms[1] / ms[0]:.1f})")
    worst = max(rows)
    print(f"slowest {worst[0]:.0f} ms ({worst[2]}); 4.0 is linear")


if __name__ == "__main__":
    main()
