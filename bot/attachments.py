"""Files attached to a draft's message (a flyer PDF, a map, photos): what the approver is shown and
what the ledger's content hash binds (pure; handlers.intake reads them from Slack's ``files``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AttachedFile:
    id: str
    name: str = ""  # "" when Slack did not say (Slack Connect's check_file_info, past a free plan's limit)
    mimetype: str = ""
    filetype: str = ""  # Slack's short type: pdf, docx, png, …
    size: int | None = None
    permalink: str | None = None  # where a member opens it in Slack (a phone included)

    def identity(self) -> dict[str, object]:
        """What the content hash binds: which file, not where it is shown."""
        # Slack gives no digest of a file's bytes; what it does give and never changes for one
        # upload is its id, and with its name and size a replaced file (deleted and uploaded
        # again) is a new one.
        return {"id": self.id, "name": self.name, "size": self.size}

    def stored(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "mimetype": self.mimetype, "filetype": self.filetype,
                "size": self.size, "permalink": self.permalink}

    @property
    def is_image(self) -> bool:
        return self.mimetype.startswith("image/")

    @property
    def is_video(self) -> bool:
        return self.mimetype.startswith("video/")


def from_stored(rows: Iterable[Mapping[str, Any]] | None) -> tuple[AttachedFile, ...]:
    """The files of a stored version (``draft_versions.files``); versions written before files were
    recorded have none."""
    out = []
    for r in rows or ():
        if not isinstance(r, Mapping) or not r.get("id"):
            continue
        size = r.get("size")
        out.append(AttachedFile(id=str(r["id"]), name=str(r.get("name") or ""), mimetype=str(r.get("mimetype") or ""),
                                filetype=str(r.get("filetype") or ""),
                                size=size if isinstance(size, int) and not isinstance(size, bool) else None,
                                permalink=str(r["permalink"]) if r.get("permalink") else None))
    return tuple(out)


def identities(files: Sequence[AttachedFile]) -> list[dict[str, object]]:
    return [f.identity() for f in files]


# The kinds an operator attaches, as a 広報担当 names them; the rest by Slack's short type.
_KIND_JA = {
    "pdf": "PDF", "doc": "Word", "docx": "Word", "xls": "Excel", "xlsx": "Excel", "csv": "CSV",
    "ppt": "PowerPoint", "pptx": "PowerPoint", "zip": "ZIP", "text": "テキスト", "txt": "テキスト",
    "gdoc": "Google ドキュメント", "gsheet": "Google スプレッドシート", "gpres": "Google スライド",
}


def kind_ja(f: AttachedFile) -> str:
    """The kind of ``f`` in words an approver knows: 画像, 動画, PDF, Word, …"""
    if f.is_image:
        return "画像"
    if f.is_video:
        return "動画"
    if f.mimetype.startswith("audio/"):
        return "音声"
    kind = _KIND_JA.get(f.filetype.lower())
    if kind:
        return kind
    if f.mimetype == "application/pdf":
        return "PDF"
    if f.filetype and f.filetype.isascii() and f.filetype.isalnum() and len(f.filetype) <= 10:
        return f.filetype.upper()
    return "種類不明"
