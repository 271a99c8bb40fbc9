"""confidential.secret, session 40's review: the relaxations of 6bde429b attacked with real passwords in the shapes they
silenced.

A term listed before the label with 「・」 (「ID・パスワード・Wi-Fi2」) silenced every value shorter than eight characters
(「ID・パスワード・koho26」「ID・パスワード・Kessai1」), and a tool's name with any number (「ID・パスワード・Teams26」). A value under
the label followed by one of its series (「パスワード⏎PC-A1⏎PC-B2」, a class's PCs) silenced the passwords of two accounts
(「パスワード⏎koho-A1⏎koho-B2」「パスワード⏎joetsu01⏎joetsu02」), and a tool followed by a tool (「パスワード⏎IE11⏎EDGE」)
one tool's name numbered twice (「パスワード⏎Teams1⏎Teams2」). Each is checked with the near misses that stay silent.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.rules.conftest import JST, Corpus, assert_secret_flagged_and_masked

CORPUS = Corpus(datetime(2026, 5, 14, 10, 0, tzinfo=JST))
PLATFORMS = ("x", "facebook")

_LEAKS = [
    # Short values after a list of terms: a password, as 「ID・パスワード・kouhou2026」 is.
    'ID・パスワード・koho26', 'ID・パスワード・Koho26!', 'ID・パスワード・k0h0', 'ID・パスワード・Kessai1',
    'ユーザー名・パスワード・Sakura1', 'ログインID・パスワード・Pass123',
    # A tool's name with a number no version has, and a connection's word with more than a version after it.
    'ID・パスワード・Teams26', 'ID・パスワード・Chrome99', 'ID・パスワード・PIN2026', 'ID・パスワード・wifi123',
    # Two accounts' passwords, one under the other: a series of names, not of rooms or devices.
    'パスワード\nkoho-A1\nkoho-B2', 'パスワード\nkohoA1!\nkohoB2!', 'パスワード\njoetsu01\njoetsu02',
    'パスワード\nJoetsu#01\nJoetsu#02', 'パスワード\nabc-123\nabd-124', 'パスワード\nPC-A1x9\nPC-B2y7',
    'パスワード\nKessai-A1\nKessai-B2', 'パスワード\nkohoPC-A1\nkohoPC-B2', 'Wi-Fiのパスワード\nguest-01\nguest-02',
    'X・Instagramのパスワード\nkoho-X1\nkoho-I2', 'パスワード\nAb3-x9\nCd4-y8', 'パスワード\ntk-0425\ntk-0426',
    # One tool's name numbered, twice or more: no list of tools.
    'パスワード\nTeams1\nTeams2', 'パスワード\nZoom26\nZoom27', 'パスワード\nChrome1\nChrome2',
    'パスワード\nZoom1\nZoom2\nZoom3',
]
_ORDINARY = [
    'ID・パスワード・Wi-Fi2', 'ID・パスワード・PIN2', 'ID・パスワード・Office365', 'ID・パスワード・iPhone15',
    'ID・パスワード・Android14', 'ID・パスワード・IE11', 'ID・パスワード・Zoom2', 'ID・パスワード・USB-C', 'ID・パスワード・Wi-Fi6E',
    'ID・パスワード・SSID', 'ID・パスワード・PIN', 'パスワード\nIE11\nEDGE', 'パスワード\nTeams\nZoom2',
    'パスワード\nPC-A1\nPC-B2', 'パスワード\nPC01\nPC02', 'パスワード\nRoom1\nRoom2', 'パスワード\nRoom-A\nRoom-B',
    'パスワード\nSeat-A1\nSeat-B2', 'パスワード\nTable1\nTable2', '・パスワード\n・PC-A1\n・PC-B2',
    '【講座用パソコンの割り当て】\nパスワード\nPC-A1\nPC-B2\n受付で番号をお伝えします。',
    # A series of times under the heading (a course's sessions), as the series of devices stopped reading them.
    'パスワード\n10:00\n11:00\n13:00\n14:00\n15:00', 'パスワード\n10:00\n13:30',
]

ORDINARY = [(p, t) for p in PLATFORMS for t in _ORDINARY]
BAD = [(p, t, "confidential.secret") for p in PLATFORMS for t in _LEAKS]

test_ordinary_post_gets_no_error_or_warning = CORPUS.ordinary(ORDINARY)
test_leaked_credential_fires_its_code = CORPUS.bad(BAD)


@pytest.mark.parametrize(("text", "value"), [
    ("ID・パスワード・koho26", "koho26"), ("ID・パスワード・Kessai1", "Kessai1"), ("ID・パスワード・Teams26", "Teams26"),
    ("パスワード\nkoho-A1\nkoho-B2", "koho-A1"), ("パスワード\njoetsu01\njoetsu02", "joetsu01"),
    ("パスワード\nTeams1\nTeams2", "Teams1"),
])
def test_a_relaxed_shapes_password_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A password under the names of the tools it is for (the tools alone a list, 「パスワード⏎Teams⏎Zoom2」): the lines under the
# label were read as pieces of one password, or the first line alone, and a tool's name is neither.
_AFTER_THE_TOOLS = [
    ('パスワード\nChrome\nSakura2026', 'Sakura2026'), ('パスワード\nTeams\nZoom2\nKessai2026!', 'Kessai2026!'),
    ('パスワード\nZoom\nKouhou26', 'Kouhou26'), ('パスワード\nTeams\nHanabi88', 'Hanabi88'),
    ('パスワード\nEdge\njoetsu2026', 'joetsu2026'), ('パスワード\nSlack\nS1ackPass', 'S1ackPass'),
    ('パスワード\nEDGE\nIE11\nSakura2026!', 'Sakura2026!'), ('パスワード\nZoom\nZoom2026!', 'Zoom2026!'),
]
_TOOLS_AND_THEIR_WORDS = [
    'パスワード\nExcel\nWord\nPowerPoint', 'パスワード\nEdge\nChromium', 'パスワード\nZoom\nZoom5.17', 'パスワード\nZoom\nWebinar',
    'パスワード\nChrome\nver120', 'パスワード\nZoom\n2026/5/14', 'パスワード\nChrome\nWindows11', 'パスワード\nTeams\nOffice365',
    'パスワード\nSafari\niOS17', 'パスワード\nChrome\nEdge\nSTEP1\nSTEP2', 'パスワード\nZoom\nID',
]

test_a_tools_password_fires = CORPUS.bad([(p, t, "confidential.secret") for p in PLATFORMS for t, _ in _AFTER_THE_TOOLS])
test_tools_and_their_words_stay_silent = CORPUS.ordinary([(p, t) for p in PLATFORMS for t in _TOOLS_AND_THEIR_WORDS])


@pytest.mark.parametrize(("text", "value"), _AFTER_THE_TOOLS)
def test_a_tools_password_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# The kinds of characters a policy shows on lines of their own (「パスワード⏎abc⏎ABC⏎123⏎!#$」): read as a password's pieces
# since every line under the label is (two were before), the runs of the alphabet and the digits are examples of kinds.
_KINDS_SHOWN = [
    'パスワード\nabc\nABC\n123\n!#$', 'パスワード\nabc\nABC\n123', 'パスワードは\nABC\nabc\n012\n!?#',
    '【パスワードのルール】\n次の4種類を組み合わせてください。\nパスワード\nabc\nABC\n123\n!#$',
]
# Pieces that are no runs, or a run beside a word's piece, stay a password's.
_PIECES_NOT_RUNS = ['パスワード\nabc\nSak\n123\n!#', 'パスワード\nko\nuh\nou\n20\n26!', 'パスワード\nxyz\nKoho\n2026']

test_kinds_shown_stay_silent = CORPUS.ordinary([(p, t) for p in PLATFORMS for t in _KINDS_SHOWN])
test_pieces_not_runs_fire = CORPUS.bad([(p, t, "confidential.secret") for p in PLATFORMS for t in _PIECES_NOT_RUNS])
