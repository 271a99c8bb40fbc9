"""What a message's ``files`` tell the intake: pictures (with their alt text) and videos."""

from __future__ import annotations

from typing import Any

import pytest

from handlers.intake import attached_images, attached_videos, is_written_message, unchecked_files

MESSAGE = {"type": "message", "user": "U0OPERATOR", "ts": "1764100000.000100", "subtype": "file_share"}


def with_files(*files: Any, text: str = "") -> dict[str, Any]:
    return {**MESSAGE, "text": text, "files": list(files)}


def test_pictures_and_videos_are_told_apart_by_their_mime_type() -> None:
    msg = with_files(
        {"mimetype": "image/jpeg", "alt_txt": "雁木通り"},
        {"mimetype": "video/mp4"},
        {"mimetype": "video/quicktime"},  # an iPhone's .mov
        {"mimetype": "image/png"},
        {"mimetype": "audio/mp4"},  # a voice clip shows nobody
        {"mimetype": "application/pdf"},
    )
    assert attached_images(msg) == ("雁木通り", "")
    assert attached_videos(msg) == 2


@pytest.mark.parametrize("files", [None, "files", {"mimetype": "video/mp4"}, ["video/mp4", None, 3]])
def test_files_not_in_slacks_shape_count_as_none(files: Any) -> None:
    msg = {**MESSAGE, "files": files}
    assert attached_images(msg) == () and attached_videos(msg) == 0


def test_a_file_slack_no_longer_shows_counts_as_none() -> None:
    # Past a free workspace's limit, or deleted, a file arrives without its type.
    msg = with_files({"id": "F1", "mode": "hidden_by_limit"}, {"id": "F2", "mode": "tombstone", "mimetype": None})
    assert attached_images(msg) == () and attached_videos(msg) == 0
    assert not is_written_message(msg)


def test_a_message_of_only_a_video_can_be_a_draft() -> None:
    assert is_written_message(with_files({"mimetype": "video/mp4"}))
    assert not is_written_message(with_files({"mimetype": "audio/mp4"}))
    assert not is_written_message(with_files({"mimetype": "video/mp4"}) | {"bot_id": "B0OTHER"})


def test_files_the_checks_do_not_read_are_counted_for_the_note_to_their_sender() -> None:
    """A PDF alone is no draft, but its sender may be waiting for a check: these are the files told of."""
    msg = with_files(
        {"id": "F1", "mimetype": "application/pdf", "mode": "hosted"},
        {"id": "F2", "file_access": "check_file_info", "mode": "file_access"},  # Slack Connect: no type
        {"id": "F3", "mimetype": "image/png"}, {"id": "F4", "mimetype": "video/mp4"},
        {"id": "F5", "mode": "hidden_by_limit"}, {"id": "F6", "mode": "tombstone"}, {"mimetype": "text/plain"},
    )
    assert unchecked_files(msg) == 2
    assert attached_images(msg) == ("",) and attached_videos(msg) == 1  # the typeless file is no picture
    assert unchecked_files({**MESSAGE, "files": "x"}) == 0 and unchecked_files(MESSAGE) == 0


def test_a_message_with_its_text_only_in_its_blocks_can_be_a_draft() -> None:
    blocks = [{"type": "rich_text", "elements": [{"type": "rich_text_section",
                                                  "elements": [{"type": "text", "text": "お知らせ"}]}]}]
    assert is_written_message({**MESSAGE, "subtype": None, "text": "", "blocks": blocks})
    assert not is_written_message({**MESSAGE, "subtype": None, "text": "", "blocks": []})


def test_every_file_is_told_to_the_approver_by_its_identity_name_and_link() -> None:
    from handlers.intake import attached_files

    msg = with_files(
        {"id": "F1", "name": "チラシ.pdf", "mimetype": "application/pdf", "filetype": "pdf", "size": 1200,
         "permalink": "https://t.slack.com/files/U0/F1/chirashi.pdf", "mode": "hosted"},
        {"id": "F2", "title": "会場地図", "mimetype": "image/png", "filetype": "png", "size": True},
        {"id": "F3", "file_access": "check_file_info", "mode": "file_access"},  # Slack Connect: described later
        {"id": "F4", "mode": "tombstone"},  # deleted: no longer part of the post
        {"name": "no-id.pdf"}, "F5", {"id": 6},
    )
    files = attached_files(msg)
    assert [(f.id, f.name, f.size) for f in files] == [("F1", "チラシ.pdf", 1200), ("F2", "会場地図", None), ("F3", "", None)]
    assert files[0].permalink == "https://t.slack.com/files/U0/F1/chirashi.pdf" and files[1].permalink is None
    assert attached_files({**MESSAGE, "files": "x"}) == () == attached_files(MESSAGE)
