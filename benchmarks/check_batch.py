"""Time and peak memory of `kessai check --jsonl` over a batch of past posts.

    python benchmarks/check_batch.py [LINES ...]     (default: 2000 10000)

A year of a municipality's posts is some 100,000 lines; 広報 staff run it on a PC. The input is read
and each result written a line at a time, so the peak memory (max RSS) must not grow with the number
of lines: it is printed for each size, with the time per line. Each run is a fresh process, as staff
start it (the interpreter's and the rules' start-up are included once).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Shapes of real posts: a notice with a link and a phone number, an event, a short reply, one with a
# date the rules read. About 60–200 characters each, as posts on X and Facebook are.
POSTS = [
    "本日は燃やせるごみの収集日です。詳しくは https://www.city.example.lg.jp/gomi/ をご覧ください。"
    "問い合わせは環境課（電話 0123-45-6789）まで。",
    "12月7日（月）から市民会館の予約受付を始めます。窓口は平日8時30分から17時15分まで、オンラインでは24時間受け付けます。",
    "ご質問ありがとうございます。担当課に確認のうえ、あらためてお知らせします。",
    "【お知らせ】年末年始（12月29日から1月3日まで）は、市役所の窓口をお休みします。戸籍の届出は夜間窓口で受け付けます。",
]


def _write(path: Path, lines: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(lines):
            item = {"id": i, "text": POSTS[i % len(POSTS)], "platform": "x", "at": "2026-12-07T10:00+09:00"}
            f.write(json.dumps(item, ensure_ascii=False) + "\n")


def _run(path: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one `kessai check --jsonl FILE`."""
    t = time.perf_counter()
    # A fresh child each time: RUSAGE_CHILDREN's maximum is over all children waited for so far, so
    # sizes are run smallest first and each figure is at least the one before.
    subprocess.run([sys.executable, "-m", "bot", "check", "--jsonl", str(path)], cwd=ROOT,
                   stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    sizes = sorted(int(a) for a in sys.argv[1:]) or [2_000, 10_000]
    with tempfile.TemporaryDirectory() as tmp:
        print("| lines | input | wall time | per line | peak RSS |")
        print("|---|---|---|---|---|")
        for n in sizes:
            path = Path(tmp) / f"posts_{n}.jsonl"
            _write(path, n)
            seconds, rss_kib = _run(path)
            size_mb = path.stat().st_size / 1e6
            print(f"| {n:,} | {size_mb:.1f} MB | {seconds:.1f} s | {seconds / n * 1000:.2f} ms | {rss_kib / 1024:.0f} MB |")


if __name__ == "__main__":
    main()
