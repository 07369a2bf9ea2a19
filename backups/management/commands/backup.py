"""Back up the database and the media files into a new, dated folder."""

import os
import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from backups import archive, database


class Command(BaseCommand):
    help = (
        "Back up the database and the media files into a new folder inside DIRECTORY, named "
        "after the time (UTC), e.g. 20261130-031500Z: database.dump (pg_dump --format=custom) "
        "on PostgreSQL or database.sqlite3 (SQLite's backup API) on SQLite, media.tar.gz with "
        "MEDIA_ROOT and PRIVATE_MEDIA_ROOT, and manifest.json (time, commit, migration state, "
        "row count of every table, SHA-256 of each file). The folder is readable by its owner "
        "only: it holds private attachments and password hashes. Restore with `restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory", help="Where backups are kept; created if missing. Keep it off the server."
        )

    def handle(self, directory, **options):
        started = timezone.now()
        parent = Path(directory)
        parent.mkdir(parents=True, exist_ok=True)
        name = started.strftime("%Y%m%d-%H%M%SZ")
        final = parent / name
        if final.exists():
            raise CommandError(_("%(path)s exists already.") % {"path": final})
        # Written under a hidden name first, so that a half-written backup never looks whole.
        partial = parent / f".{name}.partial"
        partial.mkdir(mode=0o700)
        try:
            db = database.settings_for()
            vendor = database.vendor_of(db)
            dump_file = database.DUMP_FILES[vendor]
            state = database.dump(db, partial / dump_file)
            media_files = archive.write_media(partial / archive.MEDIA)
            manifest = {
                "format": archive.FORMAT,
                "created_at": started.isoformat(),
                "commit": archive.commit(),
                "database": {"vendor": vendor, "name": str(db["NAME"]), "file": dump_file},
                "media": {"file": archive.MEDIA, "files": media_files},
                "migrations": state["migrations"],
                "rows": state["rows"],
            }
            archive.write_manifest(partial, manifest)
            for entry in partial.iterdir():
                os.chmod(entry, 0o600)
            partial.rename(final)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Backup written to %(path)s: %(tables)s tables, %(rows)s rows, "
                    "%(files)s media files, %(bytes)s bytes."
                )
                % {
                    "path": final,
                    "tables": len(state["rows"]),
                    "rows": sum(state["rows"].values()),
                    "files": media_files,
                    "bytes": sum(item["bytes"] for item in manifest["files"].values()),
                }
            )
        )
