"""Which post URLs name the same post (a post is counted once for the month)."""

from __future__ import annotations

import pytest

from bot.publication import check_post_url, clean_post_url, same_post

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


# Session 19: each platform's other addresses of one post (the same post counted twice before).
@pytest.mark.parametrize(("a", "b"), [
    ("https://www.instagram.com/p/DAbc123xyz/", "https://www.instagram.com/reel/DAbc123xyz/"),
    ("https://www.instagram.com/p/DAbc123xyz/", "https://www.instagram.com/joetsu_city/p/DAbc123xyz/?img_index=2"),
    (X, X + "?lang=ja"),
    (X, "https://x.com/i/status/1861234567890123456"),
    (X, X + "/video/1"),
    (YOUTUBE, "https://youtu.be/AAAA1111?si=xyz"),
    (YOUTUBE, "https://www.youtube.com/shorts/AAAA1111"),
    ("https://www.facebook.com/Joetsu/posts/1001", "https://web.facebook.com/joetsu/posts/1001"),
    ("https://www.facebook.com/joetsu/posts/1001", "https://fb.com/joetsu/posts/1001"),
    ("https://www.tiktok.com/@joetsu/video/7301", "https://m.tiktok.com/@joetsu/video/7301?is_from_webapp=1"),
])
def test_one_post_under_each_of_its_addresses(a: str, b: str) -> None:
    assert same_post(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("https://www.instagram.com/p/DAbc123xyz/", "https://www.instagram.com/p/DAbc123xyZ/"),  # codes are case-sensitive
    ("https://youtu.be/AAAA1111", "https://youtu.be/BBBB2222"),
    ("https://www.tiktok.com/@joetsu/video/7301", "https://www.tiktok.com/@joetsu/video/7302"),
])
def test_other_posts_under_similar_addresses_stay_different(a: str, b: str) -> None:
    assert not same_post(a, b)


@pytest.mark.parametrize(("platform", "account", "url"), [
    ("x", "https://x.com/joetsu_city_example", "https://x.com/i/status/1861234567890123456"),
    ("x", "https://x.com/joetsu_city_example", X + "/video/1"),
    ("youtube", "https://www.youtube.com/@joetsu", "https://youtu.be/AAAA1111"),
    ("blog", "https://www.city.example.lg.jp/blog/", "https://www.city.example.lg.jp/blog/2026/12/entry.html"),
])
def test_post_urls_accepted(platform: str, account: str, url: str) -> None:
    assert check_post_url(platform, account, url) is None


@pytest.mark.parametrize(("platform", "account", "url", "says"), [
    ("youtube", "https://www.youtube.com/@joetsu", "https://www.youtube.com/watch", "動画のURL"),
    ("youtube", "https://www.youtube.com/@joetsu", "https://youtu.be/", "動画のURL"),
    ("blog", "https://www.city.example.lg.jp/blog/", "https://www.city.example.lg.jp/blog/", "トップページ"),
    ("blog", "https://www.city.example.lg.jp/blog/", "https://www.city.example.lg.jp/", "トップページ"),
    ("x", "https://x.com/joetsu_city_example", "https://x.com/someone_else/status/1", "@someone_else の投稿"),
    # Words typed where the address goes are not a URL 「with 全角 characters」.
    ("x", "https://x.com/joetsu_city_example", "投稿しました", "URLではないようです"),
    ("x", "https://x.com/joetsu_city_example", "済", "URLではないようです"),
    ("x", "https://x.com/joetsu_city_example", "ｈｔｔｐｓ://x.com/joetsu_city_example/status/1", "全角"),
    ("x", "https://x.com/joetsu_city_example", "https://x.com/joetsu_city_example/status/1 投稿しました", "空白"),
    ("x", "https://x.com/joetsu_city_example", "x.com/joetsu_city_example/status/1", "https://"),
])
def test_addresses_that_are_no_post_of_the_account_are_refused(platform: str, account: str, url: str,
                                                               says: str) -> None:
    problem = check_post_url(platform, account, url)
    assert problem is not None and says in problem


def test_review_more_addresses_of_posts_and_query_names_that_name_an_article() -> None:
    assert check_post_url("x", "https://x.com/joetsu_city_example", "https://x.com/i/web/status/1861234567890123456") is None
    assert check_post_url("instagram", "https://www.instagram.com/joetsu_city_example/",
                          "https://www.instagram.com/reels/DAbc123xyz/") is None
    assert same_post("https://www.instagram.com/reels/DAbc123xyz/", "https://www.instagram.com/p/DAbc123xyz/")
    # ?s= is X's share marker, but on a blog it names the article.
    assert not same_post("https://www.city.example.lg.jp/news.php?s=5", "https://www.city.example.lg.jp/news.php?s=6")
    assert same_post(X + "?s=20", X)


def test_a_url_copied_with_the_sentences_full_stop_is_the_post() -> None:
    """「https://x.com/…/status/1861234567890123456。」 copied from a colleague's message was refused
    as 「URLに空白や全角文字が含まれています」."""
    for typed in (X + "。", X + "）", " " + X + "、 ", X + "」。"):
        assert clean_post_url(typed) == X
        assert check_post_url("x", "https://x.com/joetsu_city_example", clean_post_url(typed)) is None
    assert clean_post_url("https://www.city.example.lg.jp/blog/a.html") == "https://www.city.example.lg.jp/blog/a.html"


def test_tiktok_short_links_from_the_apps_copy_link_are_posts() -> None:
    """TikTok's 「リンクをコピー」 gives vt.tiktok.com/… (or vm.): refused before as no /@name/video/ path."""
    account = "https://www.tiktok.com/@joetsu"
    assert check_post_url("tiktok", account, "https://vt.tiktok.com/ZSjAbc123/") is None
    assert check_post_url("tiktok", account, "https://vm.tiktok.com/ZMabc1234/") is None
    assert same_post("https://vt.tiktok.com/ZSjAbc123/", "https://vt.tiktok.com/ZSjAbc123?_r=1")
    assert not same_post("https://vt.tiktok.com/ZSjAbc123/", "https://vt.tiktok.com/ZSjAbc124/")
    problem = check_post_url("tiktok", account, "https://vt.tiktok.com/")
    assert problem is not None and "短縮リンク" in problem


@pytest.mark.parametrize(("url", "digest"), [
    ("https://x.com/joetsu_city_example/status/1234567890", "d1bf667df9def4b9"),
    ("https://www.facebook.com/joetsu.city/posts/123", "57e9c840aaa24e68"),
    ("https://www.instagram.com/p/AbC123/", "cb41fcc5893db01f"),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "bf9d0b26005eac8b"),
    ("https://page.line.me/abc/post/1", "dd137f57acf26e57"),
    ("https://www.city.joetsu.niigata.jp/news/2026/1201.html", "bf7293101e417aec"),
])
def test_the_digest_kept_with_each_published_draft_does_not_change_unnoticed(url: str, digest: str) -> None:
    """drafts.published_key holds post_key_digest of every published post (migration 0017): if
    post_key or the digest changes, posts registered before are no longer found by a new
    registration of the same post. Such a change needs a migration recomputing published_key for
    every published draft — then update these digests."""
    from bot.publication import post_key_digest

    assert post_key_digest(url)[:16] == digest
