"""The scratch PostgreSQL database the benchmarks write into, emptied before each run."""

from __future__ import annotations

from sqlalchemy import create_engine, text


def reset(url: str) -> None:
    """Drop and re-create ``url``'s ``public`` schema (every kessai table in it); a SQLite URL is
    left alone, each run having its own file."""
    if url.startswith("sqlite"):
        return
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        c.execute(text("CREATE SCHEMA public"))
    engine.dispose()
