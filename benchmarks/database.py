"""The benchmark's PostgreSQL databases (osce_bench_<N>) and its Redis cache database."""

import sqlite3
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2
import redis
from psycopg2 import sql

REDIS_START = [
    "redis-server",
    "--daemonize", "yes",
    "--bind", "127.0.0.1", "-::1",
    "--port", "6379",
    "--save", "",
    "--appendonly", "no",
]  # fmt: skip


def database_name(size):
    return f"osce_bench_{size}"


def database_url(base, size):
    return f"{base.rstrip('/')}/{database_name(size)}"


SQLITE_DIR = Path(__file__).resolve().parent / "data"


def sqlite_url(size):
    return f"sqlite:///{SQLITE_DIR / (database_name(size) + '.sqlite3')}"


def sqlite_path(url):
    return Path(url.removeprefix("sqlite:///").removeprefix("sqlite://"))


def ensure_sqlite(url):
    """The folder of the SQLite file; True if the file is new (this run creates it)."""
    path = sqlite_path(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    return not path.exists()


def drop_sqlite(url):
    path = sqlite_path(url)
    if not path.name.startswith("osce_bench_"):
        raise ValueError(f"{path} is not a benchmark database")
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def connect(url):
    if url.startswith("sqlite:"):
        return sqlite3.connect(sqlite_path(url))
    return psycopg2.connect(url)


def admin_connection(base):
    connection = psycopg2.connect(f"{base.rstrip('/')}/postgres")
    connection.autocommit = True
    return connection


def ensure_database(base, name):
    """Create the database if it is missing; True if this call created it."""
    connection = admin_connection(base)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                return False
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True
    finally:
        connection.close()


def drop_database(base, name):
    if not name.startswith("osce_bench_"):
        raise ValueError(f"{name} is not a benchmark database")
    connection = admin_connection(base)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    finally:
        connection.close()


def count_items(url):
    """News items in the database; 0 before the tables exist."""
    connection = connect(url)
    try:
        cursor = connection.cursor()
        if url.startswith("sqlite:"):
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'news_newsitem'")
        else:
            cursor.execute("SELECT to_regclass('news_newsitem') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return 0
        cursor.execute("SELECT count(*) FROM news_newsitem")
        return cursor.fetchone()[0]
    finally:
        connection.close()


def vacuum_analyze(url):
    """What autovacuum would have done by the time a loaded site serves visitors."""
    if url.startswith("sqlite:"):
        connection = sqlite3.connect(sqlite_path(url))
        try:
            connection.execute("ANALYZE")
        finally:
            connection.close()
        return
    connection = psycopg2.connect(url)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
    finally:
        connection.close()


def server_version(url):
    connection = psycopg2.connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return cursor.fetchone()[0]
    finally:
        connection.close()


def flush_cache(cache_url):
    """Empty the benchmark's Redis database, starting Redis on this machine if it is down."""
    if urlsplit(cache_url).hostname not in {"127.0.0.1", "localhost"}:
        raise ValueError("The benchmark only uses a Redis on this machine.")
    client = redis.Redis.from_url(cache_url)
    try:
        client.ping()
    except redis.ConnectionError:
        subprocess.run(REDIS_START, check=True, stdout=subprocess.DEVNULL)
        for _ in range(50):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.2)
    client.flushdb()
    client.close()
