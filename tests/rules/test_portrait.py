"""portrait.consent: pictures and videos of people need their consent (上越市 5(3) 「写真や映像」)."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


@pytest.mark.parametrize(
    ("images", "videos", "said"),
    [
        (1, 0, "画像が1枚あります。"),
        (0, 1, "動画が1本あります。"),
        (2, 3, "画像が2枚、動画が3本あります。"),
    ],
)
def test_media_without_consent_are_counted_in_one_finding(images: int, videos: int, said: str) -> None:
    [f] = findings_of("portrait.consent", "運動会の様子です。", image_count=images, video_count=videos,
                      alt_texts=("玉入れをする子どもたち",) * images)
    assert f.message.startswith(said) and "本人の了解" in f.message and f.severity == "warning"


@pytest.mark.parametrize(("images", "videos"), [(1, 0), (0, 1), (2, 2)])
def test_consent_checked_silences_it(images: int, videos: int) -> None:
    assert not findings_of("portrait.consent", "運動会の様子です。", image_count=images, video_count=videos,
                           alt_texts=("玉入れをする子どもたち",) * images, portrait_consent=True)


def test_a_text_only_draft_has_nothing_to_consent_to() -> None:
    assert not findings_of("portrait.consent", "運動会の様子です。")


def test_a_video_is_not_asked_for_alt_text() -> None:
    # Slack has no description field for videos; asking for one would be a finding nobody can fix.
    assert not findings_of("a11y.image_alt", "運動会の様子です。", video_count=2)
