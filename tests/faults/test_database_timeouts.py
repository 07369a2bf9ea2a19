"""The site's database sessions have a statement, lock and connect timeout; management
commands keep the lock timeout but no statement timeout unless one is set."""

import os
import subprocess
import sys

import pytest

from benchmarks.server import BASE_DIR

pytestmark = pytest.mark.faults

SHOW = (
    "from django.db import connection; cursor = connection.cursor(); "
    "print(*[cursor.execute(f'SHOW {name}') or cursor.fetchone()[0] "
    "for name in ('statement_timeout', 'lock_timeout', 'jit')])"
)


def timeouts(postgres, *command, **env):
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_"))
    }
    result = subprocess.run(
        [sys.executable, *command],
        cwd=BASE_DIR,
        env={
            **base,
            "DJANGO_SETTINGS_MODULE": "osce_cms.settings",
            "DJANGO_DEBUG": "true",
            "DATABASE_URL": postgres.url("postgres"),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1].split()  # after what `shell` says it imported


def test_site_sessions_time_out_a_slow_statement_and_a_held_lock(postgres_server):
    found = timeouts(postgres_server, "-c", f"import django; django.setup(); {SHOW}")

    assert found == ["5s", "2s", "off"]


def test_timeouts_come_from_the_environment(postgres_server):
    found = timeouts(
        postgres_server,
        "-c",
        f"import django; django.setup(); {SHOW}",
        DATABASE_STATEMENT_TIMEOUT_MS="1500",
        DATABASE_LOCK_TIMEOUT_MS="0",
    )

    assert found == ["1500ms", "0", "off"]


def test_management_commands_have_no_statement_timeout(postgres_server):
    found = timeouts(postgres_server, "manage.py", "shell", "-c", SHOW)

    assert found == ["0", "2s", "off"]


def test_connecting_gives_up_after_the_connect_timeout():
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the suite runs on SQLite")
    assert settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] == 3
