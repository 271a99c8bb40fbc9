"""Which post URLs name the same post (a post is counted once for the month)."""

from __future__ import annotations

import pytest

from bot.publication import same_post

X = "https://x.com/joetsu_city_example/status/1861234567890123456"
YOUTUBE = "https://www.youtube.com/watch?v=AAAA1111"
FACEBOOK = "https://www.facebook.com/permalink.php?story_fbid=1001&id=2002"


@pytest.mark.parametrize("other", [
    X + "?s=20", X + "?t=abc&s=19", X.replace("x.com", "twitter.com") + "/", X + "/photo/1",
    X.replace("joetsu_city_example", "Joetsu_City_Example"), X + "#reply",
    "https://m.youtube.com/watch?v=AAAA1111&feature=share", FACEBOOK + "&mibextid=abc",
])
def test_the_same_post_however_it_was_shared(other: str) -> None:
    base = X if "x.com" in other or "twitter.com" in other else YOUTUBE if "youtube" in other else FACEBOOK
    assert same_post(base, other)


@pytest.mark.parametrize(("a", "b"), [
    (X, X[:-1] + "7"),
    (YOUTUBE, "https://www.youtube.com/watch?v=BBBB2222"),  # the video is in the query
    (FACEBOOK, "https://www.facebook.com/permalink.php?story_fbid=3003&id=2002"),
])
def test_different_posts_stay_different(a: str, b: str) -> None:
    assert not same_post(a, b)
