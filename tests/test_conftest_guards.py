"""The suite's own guards (tests/conftest.py), run on small made-up test files in a separate
pytest process: a guard that never fires would let leaks and lost timeouts back in unseen."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The inner run takes the guards, and nothing else, from the project's conftest.
GUARDS_CONFTEST = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from tests.conftest import pytest_runtest_call, pytest_runtest_setup, pytest_runtest_teardown  # noqa: F401
"""

INNER_TESTS = {
    "test_leaks.py": """
            import threading
            import time

            STOP = threading.Event()

            def test_starts_and_forgets():
                threading.Thread(target=STOP.wait, name="kessai-gateway-forgotten", daemon=True).start()

            def test_later_in_the_same_module():
                pass
        """,
    "test_tidy.py": """
            import threading
            import time

            def test_stops_what_it_starts():
                stop = threading.Event()
                t = threading.Thread(target=stop.wait, name="kessai-gateway-stopped", daemon=True)
                t.start()
                stop.set()
                t.join()

            def test_a_thread_still_ending_is_given_its_grace():
                threading.Thread(target=time.sleep, args=(0.3,), name="kessai-ending", daemon=True).start()

            def test_a_long_lived_thread_by_design_is_allowed():
                threading.Thread(target=threading.Event().wait, name="kessai-slack-watchdog", daemon=True).start()
        """,
    # pytest-timeout's failure raised where it is dropped (here caught, as Python drops one raised
    # in a finaliser) must not leave the test passed.
    "test_slow.py": """
            import time
            import pytest

            @pytest.mark.timeout(0.5)
            def test_swallows_the_timeout():
                deadline = time.monotonic() + 1.5
                while time.monotonic() < deadline:  # goes on after the timeout, as the lost one did
                    try:
                        time.sleep(0.05)
                    except BaseException:
                        pass

            @pytest.mark.timeout(5)
            def test_within_its_time():
                time.sleep(0.01)
        """,
}


@pytest.fixture(scope="module")
def inner_run(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One pytest process for all the made-up files (its start-up is most of the time)."""
    folder = tmp_path_factory.mktemp("guarded")
    (folder / "conftest.py").write_text(GUARDS_CONFTEST, encoding="utf-8")
    for name, text in INNER_TESTS.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-rA", "-p", "no:cacheprovider", "-p", "no:xdist", "-o",
                           "addopts=", folder], cwd=folder, capture_output=True, text=True, timeout=120)
    return done.stdout + done.stderr


def test_a_thread_left_running_fails_the_modules_last_test_and_names_who_started_it(inner_run: str) -> None:
    assert "ERROR test_leaks.py::test_later_in_the_same_module" in inner_run, inner_run
    assert "'kessai-gateway-forgotten', started during test_leaks.py::test_starts_and_forgets" in inner_run, inner_run
    for fine in ("test_stops_what_it_starts", "test_a_thread_still_ending_is_given_its_grace",
                 "test_a_long_lived_thread_by_design_is_allowed"):
        assert f"PASSED test_tidy.py::{fine}" in inner_run, inner_run
    assert "ERROR test_tidy.py" not in inner_run, inner_run


def test_a_timeout_whose_failure_was_swallowed_still_fails_the_test(inner_run: str) -> None:
    assert "FAILED test_slow.py::test_swallows_the_timeout" in inner_run, inner_run
    assert "Timeout: the test ran" in inner_run and "past its 0.5 s" in inner_run, inner_run
    assert "PASSED test_slow.py::test_within_its_time" in inner_run, inner_run
