"""The fault tests' own PostgreSQL cluster and Redis server, on free ports, started and stopped
by their process ids: the shared servers (5432, 6379) are never touched."""

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import psycopg2
import redis

START_SECONDS = 30
STOP_SECONDS = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_caches(url):
    """settings.CACHES as the site has them with CACHE_URL=`url`."""
    backend = "osce_cms.cache.DegradingRedisCache"
    return {
        "default": {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": "osce_cms"},
        "pages": {"BACKEND": backend, "LOCATION": url, "KEY_PREFIX": "osce_cms_pages"},
    }


def postgres_binary(name):
    """initdb and postgres: on the PATH, else Debian's versioned folder."""
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    return found


class Server:
    """A server process that this test run started, stopped by its own pid."""

    process = None
    back_at = 0.0  # time.monotonic() when it last started answering again

    def command(self):
        raise NotImplementedError

    def popen_options(self):
        return {}

    def start(self):
        assert not self.running, "already running"
        self.process = subprocess.Popen(
            self.command(),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **self.popen_options(),
        )
        deadline = time.monotonic() + START_SECONDS
        while not self.answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{type(self).__name__} did not start: see {self.log.name}")
            time.sleep(0.05)
        self.back_at = time.monotonic()
        return self.back_at

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None

    def stop(self, signum=signal.SIGTERM):
        if not self.running:
            return
        if self.paused:
            self.resume()
        self.process.send_signal(signum)
        try:
            self.process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def close(self):
        self.stop()
        self.log.close()

    paused = False

    def pause(self):
        """Stop the process without closing its sockets: it accepts and never answers."""
        self.process.send_signal(signal.SIGSTOP)
        self.paused = True

    def resume(self):
        self.process.send_signal(signal.SIGCONT)
        self.paused = False
        self.back_at = time.monotonic()


class Postgres(Server):
    """A throwaway cluster in `root`, trust authentication, user postgres."""

    def __init__(self, root, max_connections=20):
        self.root = Path(root)
        self.data = self.root / "data"
        self.port = free_port()
        self.max_connections = max_connections
        self.log = open(self.root / "postgres.log", "ab")
        # PostgreSQL refuses to run as root: then it runs as the postgres user.
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            account = pwd.getpwnam(self.user)
            os.chown(self.root, account.pw_uid, account.pw_gid)
        subprocess.run(
            [postgres_binary("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--locale=C", "--no-sync"],
            stdout=self.log, stderr=subprocess.STDOUT, check=True, user=self.user,
        )  # fmt: skip

    def command(self):
        return [
            postgres_binary("postgres"), "-D", str(self.data), "-p", str(self.port),
            "-k", str(self.root), "-c", "listen_addresses=127.0.0.1",
            "-c", f"max_connections={self.max_connections}",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        ]  # fmt: skip

    def popen_options(self):
        return {"user": self.user} if self.user else {}

    def url(self, database="osce"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def connect(self, database="osce"):
        connection = psycopg2.connect(self.url(database), connect_timeout=3)
        connection.autocommit = True
        return connection

    def answers(self):
        try:
            self.connect("postgres").close()
        except psycopg2.OperationalError:
            return False
        return True

    def stop(self, signum=signal.SIGINT):  # fast shutdown: clients are disconnected
        super().stop(signum)


class Redis(Server):
    def __init__(self, root):
        self.root = Path(root)
        self.port = free_port()
        self.log = open(self.root / "redis.log", "ab")

    def command(self):
        return [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            "--port", str(self.port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", str(self.root),
        ]  # fmt: skip

    def url(self, database=0):
        return f"redis://127.0.0.1:{self.port}/{database}"

    def client(self):
        return redis.Redis.from_url(self.url(), socket_timeout=2)

    def flush(self):
        """Empty this test server (never the shared one: it has a port of its own)."""
        with self.client() as client:
            client.flushall()

    def delete(self, key):
        with self.client() as client:
            assert client.delete(key) == 1, f"no {key} in Redis"

    def keys(self, pattern):
        with self.client() as client:
            return client.keys(pattern)

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as probe:
                probe.sendall(b"PING\r\n")
                return probe.recv(16).startswith(b"+PONG")
        except OSError:
            return False
