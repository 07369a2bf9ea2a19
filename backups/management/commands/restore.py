"""Restore a backup made by `backup`: checksums first, then the database, then the media."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from backups import archive, database
from news.signals import content_changed


class Command(BaseCommand):
    help = (
        "Restore a backup folder made by `backup`. Every file is first checked against the "
        "SHA-256 in its manifest.json; a damaged or incomplete backup changes nothing. The "
        "database is then replaced in one transaction (pg_restore --clean --if-exists "
        "--no-owner on PostgreSQL; SQLite's backup API on SQLite), its row counts compared with "
        "the manifest, and the media unpacked into MEDIA_ROOT and PRIVATE_MEDIA_ROOT. A "
        "database that has tables, or media folders that hold files, are refused unless "
        "--force. Stop the site first when restoring into its own database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "backup", help="The backup folder, e.g. /var/backups/osce/20261130-031500Z."
        )
        parser.add_argument(
            "--database-url",
            help="Restore into this database (a DATABASE_URL) instead of the site's own.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the contents of a database that has tables, and overwrite media files.",
        )

    def handle(self, backup, database_url=None, force=False, **options):
        folder = Path(backup)
        manifest = archive.verified_manifest(folder)
        db = database.settings_for(database_url)
        vendor = database.vendor_of(db)
        if manifest["database"]["vendor"] != vendor:
            raise CommandError(
                _("This is a %(saved)s backup; it cannot be restored into %(target)s.")
                % {"saved": manifest["database"]["vendor"], "target": vendor}
            )
        if not force:
            self.refuse_if_not_empty(db)
        if not database_url:
            connections.close_all()  # Nothing of ours may hold the tables pg_restore replaces.
        database.restore(db, folder / manifest["database"]["file"])
        restored = database.state_of(db)["rows"]
        differ = sorted(
            table for table, rows in manifest["rows"].items() if restored.get(table) != rows
        )
        if differ:
            raise CommandError(
                _("The restored database differs from the backup in: %(tables)s.")
                % {"tables": ", ".join(differ)}
            )
        archive.unpack_media(folder / archive.MEDIA)
        if not database_url:
            # Written with no model signal: public pages must forget what they kept of the old
            # contents.
            content_changed.send(sender=None)
        self.report_migrations(manifest["migrations"])
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Restored %(path)s (made %(created)s) into %(name)s: %(tables)s tables, "
                    "%(rows)s rows, %(files)s media files."
                )
                % {
                    "path": folder,
                    "created": manifest["created_at"],
                    "name": db["NAME"],
                    "tables": len(restored),
                    "rows": sum(restored.values()),
                    "files": manifest["media"]["files"],
                }
            )
        )

    def refuse_if_not_empty(self, db):
        tables = database.table_count(db)
        if tables:
            raise CommandError(
                _(
                    "The database %(name)s is not empty (%(tables)s tables). Restore into an "
                    "empty database, or pass --force to replace its contents."
                )
                % {"name": db["NAME"], "tables": tables}
            )
        files = archive.media_files()
        if files:
            raise CommandError(
                _(
                    "The media folders are not empty (%(files)s files, e.g. %(example)s). Pass "
                    "--force to overwrite files of the same name."
                )
                % {"files": len(files), "example": files[0]}
            )

    def report_migrations(self, saved):
        """Say whether the restored database needs `migrate`, or newer code than this."""
        on_disk = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
        saved = {(app, name) for app, names in saved.items() for name in names}
        newer = sorted(f"{app}.{name}" for app, name in saved - on_disk)
        if newer:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "The backup was made by newer code: this code lacks the migrations "
                        "%(migrations)s. Deploy the commit named in the manifest."
                    )
                    % {"migrations": ", ".join(newer)}
                )
            )
        pending = len(on_disk - saved)
        if pending:
            self.stdout.write(
                self.style.WARNING(
                    _("%(count)s migrations are newer than the backup: run `manage.py migrate`.")
                    % {"count": pending}
                )
            )
