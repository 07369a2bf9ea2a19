"""Uploads are stored under names the site makes, never under the uploader's.

An uploader's name may be `photo.php.jpg`, `.htaccess.png`, `CON.png` or `<b>x</b>.png`:
harmless as data, risky as a path on a web server, a backup or a Windows share. The stored name
is random, with an extension chosen from the checked content; the original is kept as data
(NewsItem.image_original_name, Attachment.original_name) and shown escaped to editors.
"""

import os
import unicodedata
import uuid

from django.utils import timezone


def generated_name(directory, extension):
    """`directory` (strftime codes allowed) + a random name + `extension`, e.g.
    news/images/2026/11/3f0c….jpg."""
    return f"{timezone.localdate().strftime(directory)}{uuid.uuid4().hex}{extension}"


def original_name(name):
    """The uploader's file name as data: no folders, no control or direction-changing
    characters (a NUL cannot be stored in PostgreSQL; U+202E makes `gpj.exe` read as `exe.jpg`),
    at most 255 characters."""
    name = os.path.basename(str(name).replace("\\", "/"))
    name = "".join(char for char in name if not unicodedata.category(char).startswith("C"))
    return name.strip()[:255]
