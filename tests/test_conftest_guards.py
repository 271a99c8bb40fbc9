"""The suite's own guards (tests/conftest.py), run on small made-up test files in a separate
pytest process: a guard that never fires would let leaks and lost timeouts back in unseen."""
from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The inner run takes the guards, and nothing else, from the project's conftest. It runs in a
# pytest-xdist worker, as the suite does in CI; the worker is then sent what execnet (xdist's
# transport) sends a worker still ending 5 s after its controller asked it to end,
# os.kill(os.getpid(), SIGINT): a loaded CI machine's last worker took that long in pytest's own
# end, and the KeyboardInterrupt, landing in Hypothesis's gc callback, was printed after [100%].
GUARDS_CONFTEST = """
import os
import signal
import sys
sys.path.insert(0, {root!r})
from tests.conftest import pytest_runtest_call, pytest_runtest_setup, pytest_runtest_teardown  # noqa: F401
from tests.conftest import pytest_sessionfinish  # noqa: F401

def pytest_unconfigure(config):
    if os.environ.get("PYTEST_XDIST_WORKER"):
        os.kill(os.getpid(), signal.SIGINT)
        with open({ended!r}, "w") as f:
            f.write("the worker's end ran to its end")
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


class InnerRun(NamedTuple):
    output: str
    worker_ended: bool  # its end ran past the SIGINT to the line after it


@pytest.fixture(scope="module")
def inner_run(tmp_path_factory: pytest.TempPathFactory) -> InnerRun:
    """One pytest run for all the made-up files (its start-up is most of the time)."""
    folder = tmp_path_factory.mktemp("guarded")
    ended = folder.parent / f"{folder.name}-worker-ended"
    (folder / "conftest.py").write_text(GUARDS_CONFTEST.format(root=str(ROOT), ended=str(ended)), encoding="utf-8")
    for name, text in INNER_TESTS.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    # SIGINT at its default, as at a terminal: a run started with it ignored hands that to its workers.
    done = subprocess.run([sys.executable, "-m", "pytest", "-rA", "-p", "no:cacheprovider", "-n", "1", "-o",
                           "addopts=", folder], cwd=folder, capture_output=True, text=True, timeout=120,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    return InnerRun(done.stdout + done.stderr, ended.exists())


def test_a_thread_left_running_fails_the_modules_last_test_and_names_who_started_it(inner_run: InnerRun) -> None:
    assert "ERROR test_leaks.py::test_later_in_the_same_module" in inner_run.output, inner_run.output
    assert "'kessai-gateway-forgotten', started during test_leaks.py::test_starts_and_forgets" in inner_run.output, inner_run.output
    for fine in ("test_stops_what_it_starts", "test_a_thread_still_ending_is_given_its_grace",
                 "test_a_long_lived_thread_by_design_is_allowed"):
        assert f"PASSED test_tidy.py::{fine}" in inner_run.output, inner_run.output
    assert "ERROR test_tidy.py" not in inner_run.output, inner_run.output


def test_a_timeout_whose_failure_was_swallowed_still_fails_the_test(inner_run: InnerRun) -> None:
    assert "FAILED test_slow.py::test_swallows_the_timeout" in inner_run.output, inner_run.output
    assert "Timeout: the test ran" in inner_run.output and "past its 0.5 s" in inner_run.output, inner_run.output
    assert "PASSED test_slow.py::test_within_its_time" in inner_run.output, inner_run.output


def test_a_worker_sent_sigint_late_in_its_end_is_not_interrupted(inner_run: InnerRun) -> None:
    assert inner_run.worker_ended and "KeyboardInterrupt" not in inner_run.output, inner_run.output
