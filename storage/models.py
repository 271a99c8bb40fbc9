"""Database tables (sqlmodel).

Times are aware datetimes; sqlmodel stores them as UTC on both SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import JSON, Column, Index, MetaData, Text, UniqueConstraint
from sqlalchemy.orm import class_mapper
from sqlmodel import Field, SQLModel

# Stable constraint names make alembic batch migrations on SQLite reproducible.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata = MetaData(naming_convention=NAMING_CONVENTION)

_Row = TypeVar("_Row", bound=SQLModel)


def new_row(cls: type[_Row], **values: Any) -> _Row:
    """``cls(**values)``, the same transient ORM object, at a sixth of the cost.

    A table model's constructor validates nothing, but sets each field, defaults too, through
    both SQLAlchemy's instrumentation and pydantic's ``__setattr__``: 40-90 µs per row, and a new
    draft built three or four (the draft, its version, the approval DMs sent right after the
    commit), a tenth of the request thread's CPU. ``model_construct`` fills the fields as the
    constructor does (defaults, factories, ``model_fields_set``) but replaces ``__dict__``, and
    with it the ORM's state, which is then given back. What it skips is the change history
    of a transient object, which nothing reads: a row inserted through Core and then attached
    (``drafts._persistent``) starts with a clean history either way.
    """
    # class_mapper configures the mappers if nothing has yet (the constructor does so too):
    # until then an attribute of the row could not be set.
    mapper = class_mapper(cls)
    row = cls.model_construct(**values)
    mapper.class_manager.setup_instance(row)
    return row


class OrgRow(SQLModel, table=True):
    __tablename__ = "orgs"
    id: str = Field(primary_key=True, max_length=64)
    name: str = Field(max_length=200)


class MemberRow(SQLModel, table=True):
    __tablename__ = "members"
    slack_id: str = Field(primary_key=True, max_length=32)
    name: str = Field(max_length=200)
    org_id: str = Field(max_length=64)
    rank: str = Field(max_length=64)
    active: bool = True
    away_from: datetime | None = None
    away_until: datetime | None = None


class AccountRow(SQLModel, table=True):
    __tablename__ = "accounts"
    id: str = Field(primary_key=True, max_length=64)
    platform: str = Field(max_length=16)
    name: str = Field(max_length=200)
    url: str = Field(max_length=500)
    org_id: str = Field(max_length=64)
    intake_channel: str = Field(max_length=32, index=True)
    active: bool = True


class AccountRoleRow(SQLModel, table=True):
    """Who operates, approves and deputises for an account (roster synced from the TOML)."""

    __tablename__ = "account_roles"
    account_id: str = Field(primary_key=True, max_length=64)
    slack_id: str = Field(primary_key=True, max_length=32)
    role: str = Field(primary_key=True, max_length=16)  # operator | approver | deputy


class DraftRow(SQLModel, table=True):
    __tablename__ = "drafts"
    # ix_drafts_author_state: /kessai status reads a person's drafts in progress, and those ended
    # lately, as ranges of it (storage.drafts.not_final), not every draft the person ever wrote.
    __table_args__ = (UniqueConstraint("channel", "message_ts"),
                      Index("ix_drafts_author_state", "author_id", "state", "updated_at"))
    id: int | None = Field(default=None, primary_key=True)
    account_id: str | None = Field(default=None, max_length=64, index=True)  # None until chosen
    author_id: str = Field(max_length=32)  # first column of ix_drafts_author_state
    channel: str = Field(max_length=32)
    message_ts: str = Field(max_length=32)
    state: str = Field(max_length=16, index=True)
    current_version: int = 1
    category: str = Field(default="normal", max_length=16)
    override_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    source: str = Field(default="channel", max_length=16)  # channel | modal | shortcut
    published_url: str | None = Field(default=None, max_length=500)
    # The post's digest (bot.publication.post_key_digest): the same for each address of one post,
    # so that a registration finds the post's earlier one by the index (migration 0017).
    published_key: str | None = Field(default=None, max_length=64, index=True)
    published_at: datetime | None = Field(default=None, index=True)
    published_by: str | None = Field(default=None, max_length=32)
    # Slack's time of the last change of the message applied (the message_changed event's ``ts``,
    # which for an edit is its ``edited.ts``, as migration 0013 stored; a picture deleted or a
    # preview added has its own): a retry of an older change, delivered after a newer one, is
    # recognised by it and changes nothing.
    edited_ts: str | None = Field(default=None, max_length=32)
    created_at: datetime
    updated_at: datetime


class DraftVersionRow(SQLModel, table=True):
    __tablename__ = "draft_versions"
    __table_args__ = (UniqueConstraint("draft_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    draft_id: int = Field(index=True)
    number: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    scheduled_at: datetime | None = None
    alt_texts: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    image_count: int = 0
    video_count: int = 0  # videos attached to the message (肖像権 covers 映像 too)
    # Every file attached to the message (bot.attachments.AttachedFile.stored), pictures included:
    # shown to the approver and bound by the content hash. NULL on versions written before: not
    # known, which an edit event with the same text must not take for files added (see 0014).
    files: list[dict[str, Any]] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    portrait_consent: bool = False
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # for the approver
    # The names of the custom Slack emoji its message held (bot.rules.CheckContext.custom_emoji),
    # for checking the version again later (an account chosen, a revision). NULL before 0016, or none.
    custom_emoji: list[str] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    content_hash: str = Field(max_length=64)
    created_at: datetime
    # The duplicate rule's signature (bot.rules.DuplicateSignature): lets the intake leave out the
    # recent posts the rule could never match. NULL on versions written before it existed.
    dup_key: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    dup_numbers: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    dup_version: int | None = None


class FindingRow(SQLModel, table=True):
    __tablename__ = "findings"
    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(index=True)
    code: str = Field(max_length=64)
    severity: str = Field(max_length=8)
    message: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    excerpt: str = Field(sa_column=Column(Text, nullable=False))
    clause: str = Field(max_length=200)
    suggestion: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class LedgerEntryRow(SQLModel, table=True):
    """One 決裁 (or its voiding). Rows are only ever inserted; the hash chain proves it."""

    __tablename__ = "ledger_entries"
    seq: int = Field(primary_key=True)
    draft_id: int = Field(index=True)
    version_number: int
    kind: str = Field(max_length=16)  # approved | rejected | exempt | void
    content_hash: str = Field(max_length=64)
    decider_id: str = Field(max_length=32)
    acting_for_id: str | None = Field(default=None, max_length=32)
    reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    decided_at: str = Field(max_length=40)  # ISO 8601 in JST, exactly as hashed
    prev_hash: str = Field(max_length=64, unique=True)
    entry_hash: str = Field(max_length=64)


class LedgerHeadRow(SQLModel, table=True):
    """A single row locked by every append, so concurrent decisions cannot fork the chain."""

    __tablename__ = "ledger_head"
    id: int = Field(default=1, primary_key=True)
    seq: int = 0
    entry_hash: str = Field(max_length=64)


class ProcessedEventRow(SQLModel, table=True):
    __tablename__ = "processed_events"
    key: str = Field(primary_key=True, max_length=200)
    received_at: datetime = Field(index=True)  # kept a week (bot.sweep.DELIVERY_MEMORY)


class DeletedMessageRow(SQLModel, table=True):
    """An intake-channel message deleted before the bot saw it as a draft.

    Slack may deliver a message's event after its deletion (out of order, or a retry of a
    delivery that failed): remembered here, that late event does not become a draft.
    """

    __tablename__ = "deleted_messages"
    channel: str = Field(primary_key=True, max_length=32)
    ts: str = Field(primary_key=True, max_length=32)
    deleted_at: datetime


class OutboxRow(SQLModel, table=True):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)
    id: int | None = Field(default=None, primary_key=True)
    op: str = Field(max_length=32)  # post | update | ephemeral | publish_home | respond
    message_key: str | None = Field(default=None, max_length=200, index=True)
    thread_key: str | None = Field(default=None, max_length=200)  # replies to one thread go out in order
    payload: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="pending", max_length=16)  # pending | sent | failed
    attempts: int = 0
    next_attempt_at: datetime
    claimed_until: datetime | None = None
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime
    sent_at: datetime | None = None
    # Since when the message has failed while Slack answered and no other conversation failed
    # (bot.slack_gateway.ALONE_GIVE_UP). A column, not a payload key: a copy of the message to
    # another conversation (a new row) starts without it, and nothing has to keep it from Slack.
    failing_alone_since: datetime | None = None


class SlackMessageRow(SQLModel, table=True):
    """Where a message we posted lives, so later updates can find it."""

    __tablename__ = "slack_messages"
    key: str = Field(primary_key=True, max_length=200)
    channel: str = Field(max_length=32)
    ts: str = Field(max_length=32)


class ReminderRow(SQLModel, table=True):
    """A reminder claimed once per (kind, subject, period) key, whatever replica runs the sweep."""

    __tablename__ = "reminders"
    key: str = Field(primary_key=True, max_length=200)
    claimed_at: datetime


class ApprovalRequestRow(SQLModel, table=True):
    """Who was asked to decide a version, and in whose stead (代決): the basis for deputy authority."""

    __tablename__ = "approval_requests"
    __table_args__ = (UniqueConstraint("draft_id", "version_number", "recipient_id"),)
    id: int | None = Field(default=None, primary_key=True)
    draft_id: int = Field(index=True)
    version_number: int
    recipient_id: str = Field(max_length=32)
    acting_for_id: str | None = Field(default=None, max_length=32)  # set for deputies
    reason: str = Field(default="normal", max_length=16)  # normal | away | escalated
    created_at: datetime


class TemplateRow(SQLModel, table=True):
    """定型文: registered texts that may be posted without prior approval (和気町 5(4))."""

    __tablename__ = "templates"
    id: int | None = Field(default=None, primary_key=True)
    account_id: str | None = Field(default=None, max_length=64, index=True)  # None = every account
    name: str = Field(max_length=200)
    text: str = Field(sa_column=Column(Text, nullable=False))
    normalized: str = Field(sa_column=Column(Text, nullable=False))
    created_by: str = Field(max_length=32)
    created_at: datetime
    active: bool = True


class IncidentRow(SQLModel, table=True):
    __tablename__ = "incidents"
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)  # flaming | impersonation | password_leak | misposting | other
    account_id: str | None = Field(default=None, max_length=64)
    description: str = Field(sa_column=Column(Text, nullable=False))
    reporter_id: str = Field(max_length=32)
    status: str = Field(default="open", max_length=16, index=True)  # open | acked | resolved
    checklist_done: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime
    acked_at: datetime | None = None
    acked_by: str | None = Field(default=None, max_length=32)
    resolved_at: datetime | None = None
    resolved_by: str | None = Field(default=None, max_length=32)
    summary: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class IncidentEventRow(SQLModel, table=True):
    """The incident's timeline, for the record kept after resolution."""

    __tablename__ = "incident_events"
    id: int | None = Field(default=None, primary_key=True)
    incident_id: int = Field(index=True)
    at: datetime
    actor_id: str | None = Field(default=None, max_length=32)
    event: str = Field(max_length=32)
    detail: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class PasswordRotationRow(SQLModel, table=True):
    __tablename__ = "password_rotations"
    id: int | None = Field(default=None, primary_key=True)
    account_id: str = Field(max_length=64, index=True)
    rotated_at: datetime
    recorded_by: str = Field(max_length=32)
