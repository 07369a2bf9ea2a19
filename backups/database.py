"""The database half of a backup: pg_dump and pg_restore on PostgreSQL, the backup API on SQLite.

The dump, its row counts and its migration state come from one snapshot, so that a restore can
check that it got back exactly what was saved, even from a site that was busy during the backup.
Passwords go to the PostgreSQL tools through PGPASSWORD, never on their command line.
"""

import os
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import dj_database_url
import psycopg2
from django.core.management.base import CommandError
from django.db import connections
from django.utils.translation import gettext as _

# The dump's file name in a backup folder, by database vendor.
DUMP_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}

TABLES = {
    "postgresql": "SELECT tablename FROM pg_catalog.pg_tables "
    "WHERE schemaname = current_schema() ORDER BY tablename",
    "sqlite": "SELECT name FROM sqlite_master "
    "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
}


def settings_for(url=None):
    """Connection settings of the site's database, or of the database `url` names."""
    if url:
        return dj_database_url.parse(url)
    return dict(connections["default"].settings_dict)


def vendor_of(db):
    engine = db["ENGINE"]
    if engine.endswith(("postgresql", "postgis")):
        return "postgresql"
    if engine.endswith(("sqlite3", "spatialite")):
        return "sqlite"
    raise CommandError(
        _("Backups support PostgreSQL and SQLite, not %(engine)s.") % {"engine": engine}
    )


def dump(db, path):
    """Write the database to `path`; return its state: {"rows": {table: count}, "migrations"}."""
    if vendor_of(db) == "postgresql":
        return _dump_postgresql(db, path)
    return _dump_sqlite(path)


def restore(db, path):
    """Replace the contents of the database `db` with the dump at `path`, all or nothing."""
    if vendor_of(db) == "postgresql":
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                f"--dbname={db['NAME']}",
                str(path),
            ],
            db,
        )
    else:
        with (
            closing(sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)) as dump,
            closing(sqlite3.connect(_sqlite_file(db))) as target,
        ):
            dump.backup(target)


def table_count(db):
    """How many tables the database has: a restore refuses to overwrite them unless forced."""
    with closing(_connect(db)) as connection:
        return len(_tables(connection.cursor(), vendor_of(db)))


def state_of(db):
    """The row counts and migration state of the database `db`, to compare with a manifest."""
    with closing(_connect(db)) as connection:
        return _state(connection.cursor(), vendor_of(db))


def _dump_postgresql(db, path):
    with closing(_connect(db)) as connection:
        # pg_dump reads the snapshot this transaction exports: the counts below match the dump.
        connection.set_session(isolation_level="REPEATABLE READ", readonly=True)
        cursor = connection.cursor()
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={path}"], db)
        return _state(cursor, "postgresql")


def _dump_sqlite(path):
    """Copy the site's database through its own connection (an in-memory test database too)."""
    connection = connections["default"]
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)
        # A standalone file: opening it later must not create -wal and -shm files beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        return _state(copy.cursor(), "sqlite")


def _tables(cursor, vendor):
    cursor.execute(TABLES[vendor])
    return [row[0] for row in cursor.fetchall()]


def _state(cursor, vendor):
    rows = {}
    for table in _tables(cursor, vendor):
        cursor.execute('SELECT count(*) FROM "{}"'.format(table.replace('"', '""')))
        rows[table] = cursor.fetchone()[0]
    migrations = {}
    if "django_migrations" in rows:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, id")
        for app, name in cursor.fetchall():
            migrations.setdefault(app, []).append(name)
    return {"rows": rows, "migrations": migrations}


def _sqlite_file(db):
    name = str(db["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        raise CommandError(_("An in-memory SQLite database cannot be restored into."))
    return name


def _connect(db):
    if vendor_of(db) == "sqlite":
        name = _sqlite_file(db)
        if not Path(name).exists():
            return sqlite3.connect(":memory:")  # No file yet: an empty database.
        return sqlite3.connect(Path(name).resolve().as_uri() + "?mode=ro", uri=True)
    options = db.get("OPTIONS") or {}
    params = {
        "dbname": db["NAME"],
        "user": db.get("USER"),
        "password": db.get("PASSWORD"),
        "host": db.get("HOST"),
        "port": db.get("PORT"),
        **{key: value for key, value in options.items() if key.startswith("ssl")},
    }
    try:
        return psycopg2.connect(**{key: value for key, value in params.items() if value})
    except psycopg2.Error as error:
        raise CommandError(
            _("Cannot connect to the database %(name)s: %(error)s")
            % {"name": db["NAME"], "error": str(error).strip()}
        ) from None


def _environment(db):
    """libpq's environment variables for `db`: the password never appears in a process list."""
    environment = dict(os.environ)
    for key, variable in [
        ("NAME", "PGDATABASE"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
    ]:
        if db.get(key):
            environment[variable] = str(db[key])
    for key, value in (db.get("OPTIONS") or {}).items():
        if key in {"sslmode", "sslrootcert", "sslcert", "sslkey"}:
            environment["PG" + key.upper()] = str(value)
    return environment


def _run(command, db):
    try:
        result = subprocess.run(command, env=_environment(db), capture_output=True, text=True)
    except FileNotFoundError:
        raise CommandError(
            _(
                "%(program)s was not found. Install the PostgreSQL client programs, of the "
                "server's major version or newer."
            )
            % {"program": command[0]}
        ) from None
    if result.returncode:
        raise CommandError(
            _("%(program)s failed: %(error)s")
            % {"program": command[0], "error": result.stderr.strip()}
        )
