"""Lead images: what an upload must be, how it is cleaned, and the renditions the site serves.

An upload is identified by its content, never its name, and stored under a generated name
(news/uploads.py). Accepted images are decoded and re-encoded from their pixels, so that camera
metadata (EXIF with GPS, XMP, comments) and anything hidden after the pixels never reach the
public. Renditions are made by easy-thumbnails where an image is saved (make_renditions(), called
by the admin), so that pages only look them up on disk.

Pillow's global limit (Image.MAX_IMAGE_PIXELS) is left as it is: the pixels are bounded here,
where an image is opened, by NEWS_IMAGE_MAX_PIXELS.
"""

import hashlib
import io
import logging
import math
import os
import warnings
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from news.uploads import generated_name, original_name

logger = logging.getLogger(__name__)

# Pillow's name for each accepted format (camera JPEGs may open as "MPO") and our extension.
EXTENSIONS = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "WEBP": ".webp"}
OPENERS = ["JPEG", "PNG", "WEBP"]
DAMAGED = (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)


class CleanImage(ContentFile):
    """An upload already re-encoded, so that a second clean() leaves it alone."""


def lead_image_path(item, filename):
    """NewsItem.image's upload_to: news/images/<year>/<month>/<random>.<extension>.

    The extension is the one clean_upload() chose from the content; a file stored some other
    way keeps its extension only if it is one of ours.
    """
    extension = os.path.splitext(filename)[1].lower()
    extension = {".jpeg": ".jpg"}.get(extension, extension)
    if extension not in EXTENSIONS.values():
        extension = ""
    return generated_name("news/images/%Y/%m/", extension)


def upload_rules():
    """The rules, as a sentence for editors."""
    return _(
        "JPEG, PNG or WebP; at most %(size)s and %(megapixels)s megapixels; at least "
        "%(min_width)s × %(min_height)s pixels. Location and camera data are removed."
    ) % {
        "size": filesizeformat(settings.NEWS_IMAGE_MAX_BYTES),
        "megapixels": settings.NEWS_IMAGE_MAX_PIXELS // 1_000_000,
        "min_width": settings.NEWS_IMAGE_MIN_WIDTH,
        "min_height": settings.NEWS_IMAGE_MIN_HEIGHT,
    }


upload_rules_lazy = lazy(upload_rules, str)


class LeadImageFormField(forms.FileField):
    """The upload field for lead images; NewsItem.clean() checks the content.

    Django's forms.ImageField would refuse a decompression bomb with a vague "not an image"
    before the model could say why.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.help_text = self.help_text or upload_rules_lazy()

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "accept": "image/jpeg,image/png,image/webp"}


def _too_many_pixels(width, height):
    return ValidationError(
        _(
            "The image is %(width)s × %(height)s pixels (%(megapixels)s megapixels); the limit "
            "is %(limit)s megapixels. Export a smaller version and upload that."
        ),
        code="too_many_pixels",
        params={
            "width": width,
            "height": height,
            "megapixels": math.ceil(width * height / 1_000_000),
            "limit": settings.NEWS_IMAGE_MAX_PIXELS // 1_000_000,
        },
    )


def _not_an_accepted_image():
    return ValidationError(
        _("This file is not a JPEG, PNG or WebP image. Save it in one of these formats."),
        code="invalid_format",
    )


def _damaged():
    return ValidationError(
        _("The image could not be read: the file is damaged or incomplete."), code="damaged"
    )


def _open(file):
    """Open `file` with the accepted decoders only: header checks, no pixels decoded yet.

    Pillow warns above its own limit and refuses twice that; the size check below refuses
    everything above NEWS_IMAGE_MAX_PIXELS with the image's own dimensions, before any pixel
    is decoded.
    """
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Refused below with the image's own size; the warning would only be noise.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(file, formats=OPENERS)
    except UnidentifiedImageError:
        raise _not_an_accepted_image() from None
    except Image.DecompressionBombError:
        raise ValidationError(
            _(
                "The image has far more pixels than the limit of %(limit)s megapixels. "
                "Export a smaller version and upload that."
            ),
            code="too_many_pixels",
            params={"limit": settings.NEWS_IMAGE_MAX_PIXELS // 1_000_000},
        ) from None
    except DAMAGED:
        raise _damaged() from None
    if image.format not in EXTENSIONS:
        raise _not_an_accepted_image()
    width, height = image.size
    if width * height > settings.NEWS_IMAGE_MAX_PIXELS:
        raise _too_many_pixels(width, height)
    return image


def _to_srgb(image):
    """Pixels converted to sRGB if the file carries another colour profile; profile dropped."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in {"RGB", "RGBA", "CMYK"}:
        return image
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if "srgb" in ImageCms.getProfileDescription(profile).lower().replace(" ", ""):
            return image
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(
            image, profile, ImageCms.createProfile("sRGB"), outputMode=mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _pixels_only(image, format):
    """A new image with the same pixels, upright, in a mode `format` can store, without metadata."""
    image = ImageOps.exif_transpose(image)
    image = _to_srgb(image)
    if image.mode.startswith("I"):
        # 16-bit greyscale: scaled to 8 bits, where a plain conversion would clip to white.
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    has_alpha = image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info
    if format == "JPEG":
        mode = "L" if image.mode in {"1", "L"} else "RGB"
    elif has_alpha:
        mode = "RGBA"
    else:
        mode = "L" if image.mode in {"1", "L"} else "RGB"
    clean = image.convert(mode)
    clean.info = {}
    return clean


def _encode(image, format):
    output = io.BytesIO()
    if format == "JPEG":
        image.save(output, "JPEG", quality=90, optimize=True)
    elif format == "PNG":
        image.save(output, "PNG")
    else:
        image.save(output, "WEBP", quality=90)
    return output.getvalue()


def clean_upload(file):
    """Check an uploaded lead image and return it re-encoded, or raise ValidationError."""
    if file.size > settings.NEWS_IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is %(size)s; the limit is %(limit)s. Export a smaller version."),
            code="too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.NEWS_IMAGE_MAX_BYTES),
            },
        )
    image = _open(file)
    format = "JPEG" if image.format == "MPO" else image.format
    try:
        image.verify()
        image = _open(file)
        image.load()
        clean = _pixels_only(image, format)
    except DAMAGED:
        raise _damaged() from None
    finally:
        file.seek(0)
    width, height = clean.size
    if width < settings.NEWS_IMAGE_MIN_WIDTH or height < settings.NEWS_IMAGE_MIN_HEIGHT:
        raise ValidationError(
            _(
                "The image is %(width)s × %(height)s pixels; it must be at least "
                "%(min_width)s × %(min_height)s so that it stays sharp in lists and when shared."
            ),
            code="too_small",
            params={
                "width": width,
                "height": height,
                "min_width": settings.NEWS_IMAGE_MIN_WIDTH,
                "min_height": settings.NEWS_IMAGE_MIN_HEIGHT,
            },
        )
    # Stored under a generated name (lead_image_path); only the extension counts here.
    return CleanImage(_encode(clean, format), name="image" + EXTENSIONS[format])


def clean_lead_image(item):
    """NewsItem.clean(): a new upload is checked and re-encoded, its name kept as data; an
    image needs alt text."""
    errors = {}
    image = item.image
    if image and not image._committed and not isinstance(image.file, CleanImage):
        try:
            item.image = clean_upload(image.file)
            item.image_original_name = original_name(image.name)
        except ValidationError as error:
            errors["image"] = error
    if not item.image:
        item.image_original_name = ""
    if item.image and not item.image_alt.strip():
        errors["image_alt"] = ValidationError(
            _("Describe what the image shows, for people who cannot see it."), code="alt_missing"
        )
    if errors:
        raise ValidationError(errors)


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


def _boxes(role, source_width, source_height):
    """The (width, height) of each rendition of `role` that the source is large enough for.

    Cropped roles keep their ratio even from a small source: the box shrinks to fit, so that
    easy-thumbnails' crop gives exactly this size and pages need not open the renditions.
    """
    spec = settings.NEWS_IMAGE_RENDITIONS[role]
    boxes = {}
    for width in spec["widths"]:
        if spec.get("ratio"):
            ratio_w, ratio_h = spec["ratio"]
            box = (width, round(width * ratio_h / ratio_w))
            fit = min(1, source_width / box[0], source_height / box[1])
            box = (math.floor(box[0] * fit), math.floor(box[1] * fit))
        else:
            box = (min(width, source_width), 0)
        boxes.setdefault(box[0], box)
    return list(boxes.values())


def _options(item, role, box):
    spec = settings.NEWS_IMAGE_RENDITIONS[role]
    options = {"size": box}
    if spec["format"] == "jpg":
        options["replace_alpha"] = "white"
    if spec.get("ratio"):
        options["crop"] = True
        x, y = item.image_focal_x, item.image_focal_y
        if x is not None or y is not None:
            options["target"] = (50 if x is None else x, 50 if y is None else y)
    return options


def renditions(item, role, make=False):
    """The renditions of `item`'s lead image for `role`, smallest first.

    Pages read them as make_renditions() stored them with the item, where the image was saved:
    they open neither the image nor its renditions, look for nothing on disk and hash no
    options (a card with an image took half a millisecond to name them), and a GET writes no
    file. An item saved before that, or whose stored list no longer matches the image, its
    focal point or the configured renditions, has them named here. With `make`, missing ones
    are made. A missing or unreadable source, or one over the pixel limit, gives an empty list
    rather than an error page.
    """
    if not item.image:
        return []
    stored = item.image_renditions
    if not make and stored and stored.get("key") == _stored_key(item) and role in stored:
        found = stored[role]
    else:
        found = _named(item, role, make)
    url = _storage().url
    return [Rendition(url(name), width, height) for name, width, height in found]


def _named(item, role, make):
    """[(name, width, height)] of `role`'s renditions, named by easy-thumbnails (made with
    `make`); [] when the source cannot be used."""
    from easy_thumbnails.files import get_thumbnailer

    extension = settings.NEWS_IMAGE_RENDITIONS[role]["format"]
    try:
        source_width, source_height = _dimensions(item)
        if source_width * source_height > settings.NEWS_IMAGE_MAX_PIXELS:
            logger.warning("Not opening %s: over the pixel limit", item.image.name)
            return []
        thumbnailer = get_thumbnailer(item.image)
        thumbnailer.thumbnail_extension = extension
        thumbnailer.thumbnail_transparency_extension = extension
        result = []
        for box in _boxes(role, source_width, source_height):
            options = thumbnailer.get_options(_options(item, role, box))
            if make:
                name = thumbnailer.get_thumbnail(options).name
            else:
                name = thumbnailer.get_thumbnail_name(options)
            height = box[1] or round(source_height * box[0] / source_width)
            result.append((name, box[0], height))
        return result
    except Exception:
        logger.warning("No %s rendition for %s", role, item.image.name, exc_info=True)
        return []


def _storage():
    from easy_thumbnails.storage import thumbnail_default_storage

    return thumbnail_default_storage


def _stored_key(item):
    """What the stored renditions were named from: the image, its focal point and the
    configured renditions. Another key means they are named again."""
    focal = f"{item.image_focal_x}|{item.image_focal_y}"
    return f"{item.image.name}|{focal}|{_configuration_digest()}"


_configured = (None, "")


def _configuration_digest():
    """A short digest of settings.NEWS_IMAGE_RENDITIONS, computed again when it is replaced."""
    global _configured
    configuration = settings.NEWS_IMAGE_RENDITIONS
    if _configured[0] is not configuration:
        digest = hashlib.sha1(
            repr(sorted(configuration.items())).encode(), usedforsecurity=False
        ).hexdigest()[:12]
        _configured = (configuration, digest)
    return _configured[1]


def _dimensions(item):
    """The lead image's width and height: as stored with the item, else read from the file."""
    if item.image_width and item.image_height:
        return item.image_width, item.image_height
    return item.image.width, item.image.height


def social_image(item):
    """The rendition for og:image and link previews (JPEG: some platforms refuse WebP)."""
    found = renditions(item, "social")
    return found[-1] if found else None


def make_renditions(item):
    """Make every rendition of `item`'s lead image and store their names and sizes with the
    item (with its image's size), so that pages only name them.

    Called where an image is saved (the admin's save, the library, the demo); a status move
    leaves the image alone.
    """
    if not item.image:
        return
    try:  # read once from the file here; unreadable: renditions() says so
        item.image_width, item.image_height = item.image.width, item.image.height
    except Exception:  # noqa: S110
        pass
    item.image_renditions = stored_renditions(item, make=True)
    if item.pk is not None:
        type(item).objects.filter(pk=item.pk, image=item.image.name).update(
            image_width=item.image_width,
            image_height=item.image_height,
            image_renditions=item.image_renditions,
        )


def stored_renditions(item, make=False):
    """NewsItem.image_renditions for `item`'s image: {"key": …, role: [[name, width, height],
    …]}, the renditions made with `make`; {} if any cannot be named (then named on each page
    until the next save)."""
    if not item.image:
        return {}
    named = {role: _named(item, role, make) for role in settings.NEWS_IMAGE_RENDITIONS}
    if not all(named.values()):
        return {}
    return {"key": _stored_key(item), **named}
