"""docs/operations.md's files for the IT 担当, which they copy as written: the systemd unit agrees
with the install steps around it and with how `kessai serve` stops."""

from __future__ import annotations

import argparse
import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GUIDE = (REPO / "docs" / "operations.md").read_text(encoding="utf-8")


def _unit() -> str:
    blocks = re.findall(r"^```ini\n(.*?)^```", GUIDE, re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1, "the systemd unit is the only ini block of operations.md"
    return str(blocks[0])


def test_the_systemd_unit_runs_the_installed_kessai_as_the_user_the_guide_creates() -> None:
    unit = configparser.ConfigParser(strict=True, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]  # systemd keys are case-sensitive
    unit.read_string(_unit())
    service = unit["Service"]
    # The venv of 導入手順 1., the folder of 2. (where .env and kessai.toml are read from).
    venv = re.search(r"python3 -m venv (\S+)/\.venv", GUIDE)
    assert venv is not None
    home = venv.group(1)
    assert service["WorkingDirectory"] == home
    assert service["ExecStart"] == f"{home}/.venv/bin/kessai serve"
    user = re.search(r"^useradd .* (\S+)$", GUIDE, re.MULTILINE)
    assert user is not None and service["User"] == service["Group"] == user.group(1)
    assert f"chown {user.group(1)}:{user.group(1)} {home} {home}/.env" in GUIDE
    # The text promises these: restarts through a Slack outage, SIGTERM (systemd's default) as the
    # graceful stop, and no reload (SIGHUP stops kessai as SIGTERM does).
    assert service["Restart"] == "always" and service["RestartSec"] == "10"
    assert "KillSignal" not in service and "ExecReload" not in service
    serve = (REPO / "bot" / "serve.py").read_text(encoding="utf-8")
    assert "signal.signal(signal.SIGTERM, on_signal)" in serve


def test_the_systemd_unit_passes_systemd_analyze_where_there_is_one(tmp_path: Path) -> None:
    """Where systemd is installed, its own checker reads the unit (with the paths moved here)."""
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        # Reported as skipped, not passed: a CI machine without systemd never ran systemd's reading,
        # and a green test there said it had. The unit's keys are still checked against the guide above.
        pytest.skip("systemd-analyze is not installed")
    home = tmp_path / "opt-kessai"
    (home / ".venv" / "bin").mkdir(parents=True)
    kessai = home / ".venv" / "bin" / "kessai"
    kessai.write_text("#!/bin/sh\n", encoding="utf-8")
    kessai.chmod(0o755)
    path = tmp_path / "kessai.service"
    path.write_text(_unit().replace("/opt/kessai", str(home)), encoding="utf-8")
    run = subprocess.run([analyze, "verify", str(path)], capture_output=True, text=True, timeout=60)
    # systemd-analyze also reads the host's own units; only lines about this one count.
    ours = [line for line in (run.stdout + run.stderr).splitlines() if "kessai.service" in line]
    assert ours == [], ours


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


# `kessai …` at the start of a code span, after a shell `&&` / `|` / `;`, or as the venv's bin/kessai.
_COMMAND = re.compile(r"(?:^|&&\s*|\|\s*|;\s*|bin/)kessai((?: [a-z][\w-]*(?![\w=-]))*)([^\n;&|)]*)", re.MULTILINE)


def test_every_kessai_command_the_docs_give_exists_with_its_options() -> None:
    """The IT 担当 copies `kessai …` lines from README and docs/ as written: each names a command
    `kessai --help` lists and options that command takes (argparse answers a misspelt one with
    「invalid choice」 / 「unrecognized arguments」, in English, and does nothing)."""
    from bot.cli import build_parser

    root = build_parser()
    seen: list[str] = []
    wrong: list[tuple[str, str]] = []
    for doc in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        blocks = re.findall(r"^```[a-z]*\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
        spans = blocks + re.findall(r"`([^`\n]+)`", re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL))
        for span in spans:
            for found in _COMMAND.finditer(span):
                parser = root
                for word in found.group(1).split():
                    below = _commands(parser)
                    if not below:
                        break  # an argument (a FILE, a REVISION), not a command
                    if word not in below:
                        wrong.append((doc.name, found.group(0)))
                        break
                    parser = below[word]
                options = {o for action in parser._actions for o in action.option_strings}
                wrong += [(doc.name, f"{found.group(0)}: {o}") for o in re.findall(r"(?<!\S)(--[a-z][\w-]*)", found.group(2))
                          if o not in options]
                seen.append(found.group(0))
    assert len(seen) > 100, seen  # the pattern still finds the commands the docs give
    assert wrong == [], wrong


def test_the_postgres_restore_the_guide_gives_keeps_a_schema_kessai_owns(tmp_path: Path) -> None:
    """バックアップと復元 with the DBA's other set-up (a database another user owns, a schema the
    kessai user owns): the guide's restore, run as kessai, dropped the schema with --clean and
    could not make it again (permission denied for database), leaving no table at all. The guide
    now gives `-n kessai` for that set-up; both of its commands are run here as it writes them."""
    import os

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    from storage.db import Database, current_revision, known_revisions
    from tests.conftest import database_url

    url = database_url("postgres", tmp_path)
    dump, restore = shutil.which("pg_dump"), shutil.which("pg_restore")
    if dump is None or restore is None:
        pytest.skip("pg_dump / pg_restore are not installed")
    u = make_url(url)
    role = f"kessai_doc_{os.getpid()}"
    admin = create_engine(u.set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as c:
        c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        c.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        c.execute(text(f'CREATE SCHEMA "{role}" AUTHORIZATION "{role}"'))
    kessai_url = u.set(username=role, password=None, drivername="postgresql+psycopg",
                       query={"options": f"-csearch_path={role}"})
    server = ["-h", u.host or "127.0.0.1", "-p", str(u.port or 5432), "-U", role]
    try:
        db = Database(kessai_url.render_as_string(hide_password=False))
        try:
            db.upgrade()
        finally:
            db.dispose()
        # The guide's commands, with its database and schema names (kessai) for this test's.
        given = re.findall(r"`(pg_dump -Fc kessai > [^`]*|pg_restore -d kessai [^`]*)`", GUIDE)
        assert given[0].startswith("pg_dump") and len(given) == 3, given
        backup = tmp_path / "kessai.dump"

        def run(command: str) -> subprocess.CompletedProcess[str]:
            words = command.replace("$(date +%F)", "x").replace("YYYY-MM-DD", "x").split()
            words = [str(backup) if w.endswith(".dump") else (u.database or "") if w == "kessai" else w for w in words]
            words = [role if w == (u.database or "") and words[i - 1] == "-n" else w for i, w in enumerate(words)]
            if words[0] == "pg_dump":
                with backup.open("w") as out:
                    return subprocess.run([dump, *server, *words[1:-2]], stdout=out, stderr=subprocess.PIPE,
                                          text=True, timeout=60)
            return subprocess.run([restore, *server, *words[1:]], capture_output=True, text=True, timeout=60)

        assert run(given[0]).returncode == 0
        schema_kept = run(next(g for g in given[1:] if " -n " in g))
        assert schema_kept.returncode == 0, schema_kept.stderr
        with create_engine(kessai_url, poolclass=NullPool).connect() as c:
            assert current_revision(c.engine) == known_revisions()[-1]
        # Why the guide says -n there: the command for a database kessai owns drops the schema.
        whole = run(next(g for g in given[1:] if " -n " not in g))
        assert whole.returncode != 0 and "permission denied for database" in whole.stderr, whole.stderr
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP SCHEMA IF EXISTS "{role}" CASCADE'))
            c.execute(text(f'DROP OWNED BY "{role}"; DROP ROLE "{role}"'))
        admin.dispose()
