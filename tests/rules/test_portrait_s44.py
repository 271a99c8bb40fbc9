"""portrait.consent, session 44's red team: what the warning says of children's pictures, and consent the draft states."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# 「子どもは保護者の同意が必要です。」 read as if every child needed it for anything: the warning names what the
# guardians consent to, the pictures or the videos the draft carries, and stays short (140 letters at the most).
@pytest.mark.parametrize(
    ("images", "videos", "said"),
    [(1, 0, "子どもの写真には保護者の同意"), (0, 1, "子どもの動画には保護者の同意"), (2, 1, "子どもの写真・動画には保護者の同意"),
     (10, 10, "子どもの写真・動画には保護者の同意")],
)
def test_the_guardians_consent_is_to_the_pictures(images: int, videos: int, said: str) -> None:
    [f] = findings_of("portrait.consent", "保育園の運動会の様子です。", image_count=images, video_count=videos,
                      alt_texts=("かけっこをする園児",) * images)
    assert said in f.message and "子どもは" not in f.message
    assert len(f.message) <= 140, len(f.message)
