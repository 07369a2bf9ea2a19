"""Backups: `backup` saves the database and the media; `restore` gives back the same site.

The dump is made by another connection (pg_dump), which sees committed rows only: these tests
commit (transaction=True). On SQLite the test database lives in memory; it is copied through the
live connection, and restored into a new file.
"""

import io
import json
import secrets
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from PIL import Image

from backups import database
from news.images import make_renditions
from news.models import NewsItem
from tests.factories import (
    AttachmentFactory,
    CountryFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

ITEMS = """
    SELECT n.slug, n.title, n.status, n.image, n.image_original_name, s.slug
    FROM news_newsitem n LEFT JOIN structures_structure s ON s.id = n.lead_structure_id
    ORDER BY n.slug
"""
RELATIONS = """
    SELECT n.slug, 'country', c.slug FROM news_newscountry l
        JOIN news_newsitem n ON n.id = l.news_id JOIN taxonomy_country c ON c.id = l.country_id
    UNION ALL
    SELECT n.slug, 'field', f.slug FROM news_newsfieldofwork l
        JOIN news_newsitem n ON n.id = l.news_id JOIN taxonomy_fieldofwork f ON f.id = l.field_id
    UNION ALL
    SELECT n.slug, 'tag', t.slug FROM news_taggednews l
        JOIN news_newsitem n ON n.id = l.content_object_id JOIN news_tag t ON t.id = l.tag_id
    UNION ALL
    SELECT n.slug, 'attachment', a.title || ' ' || a.file || ' ' || a.original_name
        FROM news_attachment a JOIN news_newsitem n ON n.id = a.news_id
    ORDER BY 1, 2, 3
"""


def jpeg():
    output = io.BytesIO()
    Image.new("RGB", (1200, 800), (220, 20, 20)).save(output, "JPEG")
    return output.getvalue()


def make_newsroom():
    """A published item with an image, relations and an attachment, and a draft."""
    item = PublishedNewsFactory(
        title="Ministerial Council opens in Vienna",
        slug="ministerial-council-opens",
        image_alt="Delegates",
        image_original_name="photo.php.jpg",
        countries=[CountryFactory(slug="austria")],
        tags=[TagFactory(slug="elections")],
    )
    item.image.save("photo.jpg", ContentFile(jpeg()), save=True)
    make_renditions(item)  # As the admin does where an image is saved.
    AttachmentFactory(news=item, title="Annual report", file__data=PDF, original_name="r.pdf")
    NewsItemFactory(title="Draft: a statement", slug="a-draft", lead_structure=StructureFactory())


def run_query(cursor, sql):
    cursor.execute(sql)
    return [tuple(row) for row in cursor.fetchall()]


def site_rows():
    with connection.cursor() as cursor:
        return run_query(cursor, ITEMS), run_query(cursor, RELATIONS)


def rows_of(url):
    """The same rows, read from the restored database with its own driver."""
    db = database.settings_for(url)
    if db["ENGINE"].endswith("sqlite3"):
        opened = sqlite3.connect(db["NAME"])
    else:
        import psycopg2

        opened = psycopg2.connect(**postgres_params(db))
    try:
        cursor = opened.cursor()
        return run_query(cursor, ITEMS), run_query(cursor, RELATIONS)
    finally:
        opened.close()


def postgres_params(db):
    params = {
        "dbname": db["NAME"],
        "user": db["USER"],
        "password": db["PASSWORD"],
        "host": db["HOST"],
        "port": db["PORT"],
    }
    return {key: value for key, value in params.items() if value}


def media(settings):
    """Every media file, public and private, by path: its bytes."""
    files = {}
    for label, root in [("media", settings.MEDIA_ROOT), ("private", settings.PRIVATE_MEDIA_ROOT)]:
        for path in sorted(Path(root).rglob("*")):
            if path.is_file():
                files[f"{label}/{path.relative_to(root)}"] = path.read_bytes()
    return files


def back_up(tmp_path):
    output = io.StringIO()
    call_command("backup", str(tmp_path / "backups"), stdout=output)
    (folder,) = (tmp_path / "backups").iterdir()
    assert str(folder) in output.getvalue()
    return folder


@pytest.fixture
def fresh_database(tmp_path):
    """The DATABASE_URL of a new, empty database of the test database's kind; dropped after."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg2

    db = connection.settings_dict
    name = f"osce_restore_{secrets.token_hex(6)}"
    server = psycopg2.connect(**postgres_params(db))
    server.autocommit = True
    server.cursor().execute(f'CREATE DATABASE "{name}"')
    credentials = quote(db["USER"] or "") + (":" + quote(db["PASSWORD"]) if db["PASSWORD"] else "")
    try:
        yield f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{name}"
    finally:
        server.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()


def move_media(settings, folder):
    """Point the media folders at new, empty ones, as on a new server."""
    settings.MEDIA_ROOT = folder / "media"
    settings.PRIVATE_MEDIA_ROOT = folder / "private-media"


def test_a_restore_into_a_fresh_database_finds_the_same_items_and_files(
    settings, tmp_path, fresh_database
):
    make_newsroom()
    items, relations = site_rows()
    files = media(settings)
    assert len(items) == 2 and len(relations) == 5
    assert any(name.startswith("media/renditions/") for name in files)
    assert any(name.startswith("private/news/attachments/") for name in files)
    folder = back_up(tmp_path)

    move_media(settings, tmp_path / "restored")
    output = io.StringIO()
    call_command("restore", str(folder), database_url=fresh_database, stdout=output)

    assert "Restored" in output.getvalue()
    assert rows_of(fresh_database) == (items, relations)
    assert media(settings) == files  # Byte for byte, public and private.


def test_the_manifest_states_what_the_backup_holds(tmp_path):
    make_newsroom()

    folder = back_up(tmp_path)

    manifest = json.loads((folder / "manifest.json").read_text())
    dump = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}[connection.vendor]
    assert manifest["database"] == {
        "vendor": connection.vendor,
        "name": connection.settings_dict["NAME"],
        "file": dump,
    }
    assert set(manifest["files"]) == {dump, "media.tar.gz"}
    assert manifest["rows"]["news_newsitem"] == 2
    assert manifest["rows"]["news_attachment"] == 1
    assert "0008_stored_upload_names" in manifest["migrations"]["news"]
    assert manifest["media"]["files"] >= 2 + 5  # image, attachment, renditions
    assert manifest["created_at"] and "commit" in manifest
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.parametrize("damaged", ["database", "media.tar.gz"])
def test_a_damaged_backup_is_refused_and_nothing_is_changed(settings, tmp_path, damaged):
    make_newsroom()
    folder = back_up(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    name = manifest["database"]["file"] if damaged == "database" else damaged
    data = bytearray((folder / name).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (folder / name).write_bytes(bytes(data))
    # The site changes after the backup: a restore would undo this.
    NewsItemFactory(slug="written-after-the-backup")
    files = media(settings)

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(folder), force=True, stdout=io.StringIO())

    assert str(refused.value) == (
        f"The backup is damaged: {name} does not match the checksum in manifest.json. "
        "Nothing was restored."
    )
    assert NewsItem.objects.filter(slug="written-after-the-backup").exists()
    assert NewsItem.objects.count() == 3
    assert media(settings) == files


def test_a_folder_without_manifest_is_not_taken_for_a_backup(tmp_path):
    with pytest.raises(CommandError, match="is not a backup: it has no manifest.json"):
        call_command("restore", str(tmp_path), stdout=io.StringIO())


def test_a_database_that_has_tables_is_not_overwritten_without_force(
    settings, tmp_path, fresh_database
):
    make_newsroom()
    folder = back_up(tmp_path)
    move_media(settings, tmp_path / "restored")
    call_command("restore", str(folder), database_url=fresh_database, stdout=io.StringIO())
    move_media(settings, tmp_path / "restored-again")  # Only the database is in the way.

    with pytest.raises(CommandError, match="is not empty .* pass --force to replace"):
        call_command("restore", str(folder), database_url=fresh_database, stdout=io.StringIO())

    call_command(
        "restore", str(folder), database_url=fresh_database, force=True, stdout=io.StringIO()
    )
    assert len(rows_of(fresh_database)[0]) == 2


def test_media_folders_that_hold_files_are_not_overwritten_without_force(
    tmp_path, fresh_database, settings
):
    make_newsroom()
    folder = back_up(tmp_path)

    with pytest.raises(CommandError, match="media folders are not empty"):
        call_command("restore", str(folder), database_url=fresh_database, stdout=io.StringIO())

    assert database.table_count(database.settings_for(fresh_database)) == 0


def test_the_database_password_is_passed_in_the_environment_not_the_command_line(monkeypatch):
    calls = []

    def run(command, env, **kwargs):
        calls.append((command, env))
        return type("Result", (), {"returncode": 0, "stderr": ""})()

    monkeypatch.setattr(database.subprocess, "run", run)
    db = database.settings_for("postgres://osce:s3cr%40t@db.internal:5433/osce")

    database.restore(db, "/backups/x/database.dump")

    ((command, env),) = calls
    assert command[0] == "pg_restore"
    assert "--clean" in command and "--if-exists" in command and "--no-owner" in command
    assert not any("s3cr" in part for part in command)
    assert env["PGPASSWORD"] == "s3cr@t"
    assert (env["PGHOST"], env["PGPORT"], env["PGUSER"]) == ("db.internal", "5433", "osce")
