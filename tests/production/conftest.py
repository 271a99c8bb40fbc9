from tests.e2e.conftest import sqlite_stack, stack  # noqa: F401 - shared end-to-end fixtures
