"""A large municipality's organisation file (SPEC §3), to try kessai at the size of a big city.

    python benchmarks/big_org.py [--accounts 150] [--members 400] [--approvers 60] [--channels 20]
                                 [--mistakes 0] [--output FILE]

Writes TOML (stdout, or FILE): ``--accounts`` accounts spread over six platforms (X, Facebook,
Instagram, LINE, YouTube, TikTok), ``--members`` members in 20 課, of whom ``--approvers`` hold a
rank that may approve, ``--channels`` intake channels shared by the accounts, two approvers and a
deputy per account, and an approved hashtag list on the Instagram accounts. ``--mistakes N`` spoils
N accounts spread through the file (an approver below the minimum rank, an unknown operator, a
platform that does not exist, ...), to see that ``kessai config check`` names each of them, in order.
Also used by the tests (``tests/test_big_org.py``) to build the same organisation in memory.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PLATFORMS = ("x", "facebook", "instagram", "line", "youtube", "tiktok")
ORG_NAMES = ("広報対話課", "情報政策室", "観光振興課", "子育て支援課", "防災危機管理課", "環境政策課", "市民課", "税務課",
             "健康づくり推進課", "高齢福祉課", "文化振興課", "スポーツ推進課", "農林水産課", "商工労働課", "都市整備課",
             "道路課", "教育総務課", "生涯学習推進課", "水道局総務課", "消防本部総務課")
# Ranks of the example file: the first four may approve (approver_min_rank = 課長補佐).
APPROVING = ("部長", "次長", "課長", "課長補佐")
OPERATING = ("係長", "主査", "主任", "主事", "会計年度任用職員")
# One spoiled field per mistaken account: (key, bad value) — each is a problem config check must name.
MISTAKES = (("platform", '"mixi"'), ("operators", '["U9NOBODY"]'), ("org", '"nosuchka"'),
            ("url", '"x.com/no-scheme"'), ("intake_channel", '"#koho"'))


def member_id(i: int) -> str:
    return f"U{i:07d}"


def build_toml(*, accounts: int = 150, members: int = 400, approvers: int = 60, channels: int = 20,
               mistakes: int = 0) -> str:
    """The organisation file's text. Member ``i < approvers`` may approve; the rest operate.

    Account ``a``'s approvers are members ``a % approvers`` and ``(a + 1) % approvers``, its deputy
    ``(a + 2) % approvers``; its operators two of the others; its intake channel ``a % channels``."""
    if approvers < 3 or members - approvers < 2:
        raise ValueError("at least 3 approvers and 2 operators")
    lines = [
        "[policy]",
        'approver_min_rank = "課長補佐"',
        'ranks = ["部長", "次長", "課長", "課長補佐", "係長", "主査", "主任", "主事", "会計年度任用職員"]',
        'working_hours = "08:30-17:15"',
        "min_posts_per_month = 1",
        'approval_reminder_after = "2h"',
        'approval_escalate_after = "1d"',
        'incident_ack_within = "15m"',
        'escalation_channel = "C0ESCALATE"',
        'allowed_link_domains = ["city.example.lg.jp"]',
        'official_email_domains = ["city.example.lg.jp"]',
        "",
    ]
    for k, name in enumerate(ORG_NAMES):
        lines += ["[[orgs]]", f'id = "ka{k:02d}"', f'name = "{name}"', ""]
    for i in range(members):
        rank = APPROVING[i % len(APPROVING)] if i < approvers else OPERATING[i % len(OPERATING)]
        lines += ["[[members]]", f'slack_id = "{member_id(i)}"', f'name = "職員 {i:03d}"',
                  f'org = "ka{i % len(ORG_NAMES):02d}"', f'rank = "{rank}"', ""]
    operators = members - approvers
    spoiled = {a: MISTAKES[j % len(MISTAKES)] for j, a in enumerate(_spoiled_indices(accounts, mistakes))}
    for a in range(accounts):
        platform = PLATFORMS[a % len(PLATFORMS)]
        fields = {
            "id": f'"acct-{a:03d}"',
            "platform": f'"{platform}"',
            "name": f'"{ORG_NAMES[a % len(ORG_NAMES)]}公式{platform}（{a:03d}）"',
            "url": f'"https://example.com/{platform}/acct{a:03d}"',
            "org": f'"ka{a % len(ORG_NAMES):02d}"',
            "intake_channel": f'"C{a % channels:07d}"',
            "operators": (f'["{member_id(approvers + a % operators)}", '
                          f'"{member_id(approvers + (a + 7) % operators)}"]'),
            "approvers": f'["{member_id(a % approvers)}", "{member_id((a + 1) % approvers)}"]',
            "deputies": f'["{member_id((a + 2) % approvers)}"]',
            "hashtags": ('["上越市", "上越観光", "高田城址公園", "春日山城", "直江津"]' if platform == "instagram" else "[]"),
        }
        if a in spoiled:
            key, bad = spoiled[a]
            fields[key] = bad
        lines.append("[[accounts]]")
        lines += [f"{k} = {v}" for k, v in fields.items()]
        lines.append("")
    return "\n".join(lines)


def _spoiled_indices(accounts: int, mistakes: int) -> list[int]:
    return [round((j + 0.5) * accounts / mistakes) for j in range(mistakes)]


def spoiled_accounts(accounts: int, mistakes: int) -> list[str]:
    """The ids of the accounts ``build_toml(mistakes=...)`` spoils, in file order."""
    return [f"acct-{a:03d}" for a in _spoiled_indices(accounts, mistakes)]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--accounts", type=int, default=150)
    p.add_argument("--members", type=int, default=400)
    p.add_argument("--approvers", type=int, default=60)
    p.add_argument("--channels", type=int, default=20)
    p.add_argument("--mistakes", type=int, default=0)
    p.add_argument("--output", type=Path)
    args = p.parse_args(argv)
    text = build_toml(accounts=args.accounts, members=args.members, approvers=args.approvers,
                      channels=args.channels, mistakes=args.mistakes)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
