"""Time of ``bot.logs.redact`` on long log lines of the shapes that were once slow.

    python benchmarks/redact.py

Every log line and error report goes through ``redact`` before it is written; a shape whose
time grows faster than the line (「Key (」 repeated with no 「)=(」 after it read the rest of the
line again: minutes for one line) would stall the thread that logs it. Each shape is timed at
10,000 and 40,000 repetitions; a 40k/10k time ratio near 4 is linear. (The tests check what
``redact`` leaves, never how long it takes.)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.logs import redact  # noqa: E402

SHAPES = [
    ("DETAIL:  Failing row contains (", "Key ("),
    ("DETAIL:  Key (", "a)=("),
    ("CONTEXT:  unnamed portal with parameters: ", "$1 = '"),
    ("", "password="),
]


def main() -> None:
    rows = []
    for start, unit in SHAPES:
        ms = []
        for n in (10_000, 40_000):
            line = start + unit * n
            t = time.perf_counter()
            redact(line)
            ms.append((time.perf_counter() - t) * 1000)
        rows.append((ms[1], ms[1] / ms[0], f"{start}{unit!r}×n"))
        print(f"{start}{unit!r} x 40,000: {ms[1]:.0f} ms (40k/10k ratio {ms[1] / ms[0]:.1f})")
    worst = max(rows)
    print(f"slowest {worst[0]:.0f} ms ({worst[2]}); 4.0 is linear")


if __name__ == "__main__":
    main()
