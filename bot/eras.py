"""Japanese eras, for reading dates written with them (「令和8年4月1日」「R8.4.1」).

A module of its own so that bot.calendar (and through it bot.config and every command) need not
import the rule engine, whose ~600 regular expressions took half a second to compile at each
`kessai` command.
"""

from __future__ import annotations

from datetime import date

# The year before each era's first (令和元年 is 2019): the rules read dates in drafts with it, bot.calendar
# dates typed in commands and the organisation file.
ERA_BASE = {
    "令和": 2018,
    "平成": 1988,
    "昭和": 1925,
    "大正": 1911,
    "明治": 1867,
    "R": 2018,
    "H": 1988,
    "S": 1925,
}
# When each era began and ended (明治 from its first year, as dates are written back to it). The
# days 明治 and 大正, and 大正 and 昭和, changed hands belong to both (「明治45年7月30日」 is how the day
# the emperor died is written, as is 「大正元年7月30日」).
ERA_SPANS = (
    ("明治", date(1868, 1, 1), date(1912, 7, 30)),
    ("大正", date(1912, 7, 30), date(1926, 12, 25)),
    ("昭和", date(1926, 12, 25), date(1989, 1, 7)),
    ("平成", date(1989, 1, 8), date(2019, 4, 30)),
    ("令和", date(2019, 5, 1), date.max),
)
