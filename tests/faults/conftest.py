"""The site under gunicorn (2 workers, debug off) on its own PostgreSQL cluster and Redis
server, started once for the folder; each test leaves both running again."""

import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

import pytest

from benchmarks.server import BASE_DIR, Gunicorn
from newsroom import freshness
from tests.faults.servers import Postgres, Redis, free_port, postgres_binary


@dataclass
class Page:
    status: int
    headers: dict
    body: str
    seconds: float


class Site:
    def __init__(self, gunicorn, postgres, redis, session):
        self.gunicorn = gunicorn
        self.postgres = postgres
        self.redis = redis
        self.session = session  # a signed-in superuser's session cookie value

    def get(self, path, signed_in=False, timeout=30):
        request = urllib.request.Request(f"http://127.0.0.1:{self.gunicorn.port}{path}")
        if signed_in:
            request.add_header("Cookie", f"sessionid={self.session}")
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status, headers, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read()
        return Page(status, dict(headers), body.decode(), time.monotonic() - started)

    def reload_workers(self):
        """New workers (gunicorn's HUP): each test starts without what the last one left in a
        worker (a pending publication state, a cache left alone after failing)."""
        old = set(self.gunicorn.worker_pids())
        self.gunicorn.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            pids = set(self.gunicorn.worker_pids())
            if len(pids) == self.gunicorn.workers and not pids & old:
                break
            time.sleep(0.05)
        else:
            raise AssertionError(f"gunicorn did not renew its workers:\n{self.gunicorn.log_tail()}")
        assert self.get("/healthz/").status == 200

    def first_200(self, path, seconds=10):
        """Seconds until `path` answers 200 (polled every 50 ms)."""
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            if self.get(path, timeout=seconds).status == 200:
                return time.monotonic() - started
            time.sleep(0.05)
        raise AssertionError(f"{path} did not answer 200 within {seconds} s")


def manage(env, *arguments):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip


@pytest.fixture(autouse=True)
def _no_pending_publication_state():
    """A test that cut this process off its cache leaves no state pending for the next."""
    yield
    freshness._unsaved = freshness._keeping = False


@pytest.fixture
def dead_redis_url():
    return f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there


@pytest.fixture(scope="session")
def postgres_server():
    if not postgres_binary("initdb") or not postgres_binary("postgres"):
        pytest.skip("PostgreSQL's server binaries (initdb, postgres) are not installed")
    # Not under pytest's own folder, which only root may enter: PostgreSQL runs as postgres.
    root = tempfile.mkdtemp(prefix="osce-faults-postgres-")
    postgres = Postgres(root, max_connections=12)
    try:
        postgres.start()
        yield postgres
    finally:
        postgres.close()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    redis = Redis(tmp_path_factory.mktemp("redis"))
    try:
        redis.start()
        yield redis
    finally:
        redis.close()


@pytest.fixture(scope="session")
def site(postgres_server, redis_server, tmp_path_factory):
    connection = postgres_server.connect("postgres")
    connection.cursor().execute("CREATE DATABASE osce")
    connection.close()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "CACHE_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.faults.site_settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=postgres_server.url(),
        CACHE_URL=redis_server.url(),
        PYTHONUNBUFFERED="1",
    )
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    session = manage(
        env, "shell", "-c", "from tests.faults.newsroom import build; build()"
    ).stdout.split()[-1]
    with Gunicorn(env, tmp_path_factory.mktemp("gunicorn") / "gunicorn.log") as gunicorn:
        yield Site(gunicorn, postgres_server, redis_server, session)


@pytest.fixture
def running(site):
    """The site, with its database and cache running again after the test."""
    started = time.monotonic()
    yield site
    for server in (site.postgres, site.redis):
        if server.paused:
            server.resume()
        if not server.running:
            server.start()
    if site.redis.back_at > started:
        site.reload_workers()
