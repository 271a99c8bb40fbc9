"""The draft form's private_metadata: its source and the custom emoji of the shortcut's message."""

from __future__ import annotations

from handlers.drafting import form_metadata, read_form_metadata


def test_the_names_come_back_and_a_form_opened_before_them_is_read_as_its_source() -> None:
    assert read_form_metadata(form_metadata("shortcut", ("お知らせ", "了解"))) == ("shortcut", ("お知らせ", "了解"))
    assert form_metadata("shortcut", ()) == "shortcut"
    assert read_form_metadata("shortcut") == ("shortcut", ())
    assert read_form_metadata("") == ("", ())
    assert read_form_metadata(None) == ("", ())
    assert read_form_metadata("shortcut\n{broken") == ("shortcut", ())


def test_names_beyond_slacks_limit_are_left_out_whole() -> None:
    names = tuple(f"絵文字{i}" for i in range(500))
    metadata = form_metadata("shortcut", names)
    assert len(metadata) <= 3000
    source, kept = read_form_metadata(metadata)
    assert source == "shortcut" and 0 < len(kept) < 500 and kept == names[: len(kept)]
