"""「${NAME}」 in .env that python-dotenv reads as nothing (NAME unset or empty), session 40:
「DATABASE_URL=${DB}」 opened the default SQLite file in silence, and a reference inside a value
left the rest in use. Both start as before (never refused) and are logged, without the value."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.config import DEFAULT_DATABASE_URL, load_settings

BOT = "xoxb-1234-5678-abcdef"
SECRET = "0123456789abcdef0123456789abcdef"


def warned(tmp_path: Path, caplog: pytest.LogCaptureFixture, text: str,
           env: dict[str, str] | None = None) -> tuple[str, list[str]]:
    dotenv = tmp_path / ".env"
    dotenv.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        settings = load_settings(env={} if env is None else env, dotenv=str(dotenv))
    return settings.database_url, [r.getMessage() for r in caplog.records if r.name == "bot.config"]


@pytest.mark.parametrize("line", ["DATABASE_URL=${KESSAI_S40C_DB}", 'DATABASE_URL="${KESSAI_S40C_DB}"',
                                  "DATABASE_URL=${KESSAI_S40C_DB:-}"], ids=["bare", "quoted", "empty-default"])
def test_a_database_url_of_an_unset_reference_is_warned_and_the_default_used(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    monkeypatch.delenv("KESSAI_S40C_DB", raising=False)
    url, said = warned(tmp_path, caplog, f"SLACK_BOT_TOKEN={BOT}\n{line}\n")
    assert url == DEFAULT_DATABASE_URL
    assert said == [f"{tmp_path / '.env'} line 2 (DATABASE_URL) refers to ${{KESSAI_S40C_DB}}, unset or empty, and "
                    "python-dotenv reads it as nothing: DATABASE_URL is unset and the default database "
                    f"{DEFAULT_DATABASE_URL} is used; write the value itself instead of ${{…}}"], said


def test_a_reference_inside_a_value_is_warned_by_its_key_without_the_value(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KESSAI_S40C_PW", raising=False)
    url, said = warned(tmp_path, caplog, "DATABASE_URL=postgresql://kessai:${KESSAI_S40C_PW}@db.example/kessai\n"
                       f"SLACK_SIGNING_SECRET=abc${{KESSAI_S40C_PW}}{SECRET}\n")
    assert url.endswith("://kessai:@db.example/kessai"), url  # starts as before, without the password
    assert len(said) == 2, said
    assert said[0].endswith("line 1 (DATABASE_URL) refers to ${KESSAI_S40C_PW}, unset or empty, and python-dotenv "
                            "reads it as nothing: DATABASE_URL is used without that part; write the value itself "
                            "instead of ${…}"), said
    assert "line 2 (SLACK_SIGNING_SECRET) refers to ${KESSAI_S40C_PW}" in said[1], said
    assert all(SECRET not in s and "db.example" not in s for s in said), said


def test_a_secret_pasted_between_the_braces_is_not_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # A template's 「${your-signing-secret}」 with the secret written inside the braces.
    _, said = warned(tmp_path, caplog, f"SLACK_BOT_TOKEN=xoxb-${{{SECRET}}}\n")
    assert len(said) == 1 and "(SLACK_BOT_TOKEN) refers to ${…}" in said[0], said
    assert SECRET not in said[0]


@pytest.mark.parametrize(("text", "env"), [
    ("DATABASE_URL=${KESSAI_S40C_SET}\n", {}),
    ("DATABASE_URL=postgresql://kessai:${KESSAI_S40C_PW}@db/kessai\n", {}),
    ("DATABASE_URL=${KESSAI_S40C_DB:-sqlite:///other.db}\n", {}),
    ("KESSAI_S40C_DB=sqlite:///mine.db\nDATABASE_URL=${KESSAI_S40C_DB}\n", {}),
    ("DATABASE_URL=${KESSAI_S40C_DB}\n", {"DATABASE_URL": "sqlite:///from-env.db"}),
    ("OTHER_PROGRAM_URL=${KESSAI_S40C_DB}\nDATABASE_URL=\n", {}),
    (f"SLACK_SIGNING_SECRET=${{KESSAI_S40C_DB}}\nSLACK_BOT_TOKEN={BOT}\n", {}),
], ids=["set", "set-inside", "default", "line-above", "environment-wins", "not-ours", "whole-secret-said-by-serve"])
def test_a_reference_that_resolves_or_is_not_read_is_not_warned(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
        text: str, env: dict[str, str]) -> None:
    monkeypatch.setenv("KESSAI_S40C_SET", "sqlite:///set.db")
    monkeypatch.setenv("KESSAI_S40C_PW", "pw")
    monkeypatch.delenv("KESSAI_S40C_DB", raising=False)
    _, said = warned(tmp_path, caplog, text, env)
    assert said == []


def test_the_operations_guide_explains_the_warning() -> None:
    guide = (Path(__file__).resolve().parents[1] / "docs" / "operations.md").read_text(encoding="utf-8")
    assert ("| WARNING `.env line N (DATABASE_URL) refers to ${NAME}, unset or empty, and python-dotenv reads it as "
            f"nothing: DATABASE_URL is unset and the default database {DEFAULT_DATABASE_URL} is used; …`") in guide


# --- kessai remind (cron) with an example's bot token ------------------------------------------

def test_kessai_remind_says_an_example_token_as_serve_does_without_asking_slack(tmp_path: Path) -> None:
    """Slack answered the example's token with invalid_auth, said to cron as a token revoked or
    reissued. Now the sentence serve gives, and Slack is not asked (no stand-in is given here: a
    call would go to slack.com). The sweep still runs, as with a refused token, and exit is 1."""
    from tests.test_cli import DEMO_TOML, kessai, migrated_sqlite

    url = migrated_sqlite(tmp_path)
    (tmp_path / ".env").write_text(f"SLACK_BOT_TOKEN=xoxb-your-bot-token\nDATABASE_URL={url}\n"
                                   f"KESSAI_CONFIG={DEMO_TOML}\n", encoding="utf-8")
    r = kessai("remind", "--now", "2026-11-24T10:00:00+09:00", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    said = r.stderr.splitlines()[-1]
    assert said.startswith("SLACK_BOT_TOKEN が記入例の値のままです。") and ".env の SLACK_BOT_TOKEN に" in said, said
    assert "Failed to send a request" not in r.stderr, r.stderr
    assert "invalid_auth" not in r.stderr and "取り消された" not in r.stderr, r.stderr
    assert "の時点で確認しました。" in r.stdout, r.stdout
