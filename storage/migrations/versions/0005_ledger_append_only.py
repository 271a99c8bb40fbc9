"""Ledger: the database itself refuses to change or remove an entry.

The hash chain shows tampering after the fact; these triggers stop the everyday ways an entry
could be changed at all (a mistaken UPDATE in a database tool, a cleanup script, a cascade).
Someone who owns the database can still disable them, which is what ``kessai ledger verify`` is
for.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

MESSAGE = "ledger entries are append-only: kessai never updates or deletes them"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION kessai_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
            END $$""")
        op.execute("CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries"
                   " FOR EACH ROW EXECUTE FUNCTION kessai_ledger_append_only()")
        op.execute("CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries"
                   " FOR EACH STATEMENT EXECUTE FUNCTION kessai_ledger_append_only()")
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER ledger_entries_no_{verb.lower()} BEFORE {verb} ON ledger_entries"
                   f" BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER ledger_entries_no_truncate ON ledger_entries")
        op.execute("DROP TRIGGER ledger_entries_append_only ON ledger_entries")
        op.execute("DROP FUNCTION kessai_ledger_append_only()")
        return
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER ledger_entries_no_{verb}")
