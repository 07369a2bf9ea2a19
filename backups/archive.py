"""What a backup is: a folder holding the database dump, the media files and a manifest.

    20261130-031500Z/
        database.dump      pg_dump --format=custom (database.sqlite3 on SQLite)
        media.tar.gz       media/ (MEDIA_ROOT) and private-media/ (PRIVATE_MEDIA_ROOT)
        manifest.json      when, which commit, migration state, row counts, SHA-256 of each file

A restore checks every file against the manifest before it changes anything.
"""

import copy
import hashlib
import json
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media.tar.gz"
# The folders of the media tarball, and the setting that says where each lives.
MEDIA_FOLDERS = {"media": "MEDIA_ROOT", "private-media": "PRIVATE_MEDIA_ROOT"}


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def commit():
    """The commit of the code that made the backup, if it runs from a Git checkout."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def _roots():
    return {folder: Path(getattr(settings, setting)) for folder, setting in MEDIA_FOLDERS.items()}


def write_media(path):
    """Pack both media folders into the tarball at `path`; return how many files it holds."""
    files = 0
    with tarfile.open(path, "w:gz") as tar:
        for folder, root in _roots().items():
            if root.is_dir():
                tar.add(root, arcname=folder)
                files += sum(1 for entry in root.rglob("*") if entry.is_file())
    return files


def media_files():
    """The files now in the media folders, for a restore that must not overwrite them."""
    return [
        entry
        for root in _roots().values()
        if root.is_dir()
        for entry in root.rglob("*")
        if entry.is_file()
    ]


def unpack_media(path):
    """Unpack the tarball into MEDIA_ROOT and PRIVATE_MEDIA_ROOT, refusing any member that would
    land outside them (tarfile's "data" filter)."""
    with tarfile.open(path, "r:gz") as tar:
        members = tar.getmembers()
        for folder, root in _roots().items():
            prefix = folder + "/"
            inside = []
            for member in members:
                if member.name.startswith(prefix):
                    member = copy.copy(member)
                    member.name = member.name.removeprefix(prefix)
                    if member.islnk():
                        member.linkname = member.linkname.removeprefix(prefix)
                    inside.append(member)
            root.mkdir(parents=True, exist_ok=True)
            tar.extractall(root, members=inside, filter="data")


def write_manifest(folder, manifest):
    files = sorted(entry.name for entry in Path(folder).iterdir() if entry.name != MANIFEST)
    manifest["files"] = {
        name: {"sha256": sha256(Path(folder) / name), "bytes": (Path(folder) / name).stat().st_size}
        for name in files
    }
    (Path(folder) / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")


def verified_manifest(folder):
    """The manifest of the backup in `folder`, once every file it lists has its checksum."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError:
        raise CommandError(
            _("%(folder)s is not a backup: it has no %(manifest)s.")
            % {"folder": folder, "manifest": MANIFEST}
        ) from None
    except ValueError:
        raise CommandError(
            _("The backup's %(manifest)s is damaged: it is not JSON.") % {"manifest": MANIFEST}
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise CommandError(
            _("This backup's format is not one this version can restore (expected %(format)s).")
            % {"format": FORMAT}
        )
    files = manifest.get("files", {})
    for name in {manifest.get("database", {}).get("file"), MEDIA} - set(files):
        raise CommandError(
            _("The backup is incomplete: %(manifest)s lists no %(file)s. Nothing was restored.")
            % {"manifest": MANIFEST, "file": name}
        )
    for name, expected in files.items():
        path = folder / name
        if Path(name).name != name or not path.is_file():
            raise CommandError(
                _("The backup is incomplete: %(file)s is missing. Nothing was restored.")
                % {"file": name}
            )
        if sha256(path) != expected["sha256"]:
            raise CommandError(
                _(
                    "The backup is damaged: %(file)s does not match the checksum in "
                    "%(manifest)s. Nothing was restored."
                )
                % {"file": name, "manifest": MANIFEST}
            )
    return manifest
