"""The demo's lead images: a few pictures drawn with Pillow (nothing is downloaded), shared by
the generated items that have one (demo/odds.py IMAGE_SHARE), so that lists, the home page,
item pages and social cards are seen with images.

Each picture is one file in the media storage, made on the first load and kept (the same name
on every run), with its renditions made once beside it: a million items cost no more files
than ten. They are abstract, photo-like scenes (gradients, hills, a skyline, a table) in the
aspect ratios editors upload, and their alt text says what they show.
"""

import io
import math
import random
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw

from news.images import make_renditions, stored_renditions
from news.models import NewsItem

FOLDER = "news/images/demo/"
CREDIT = "OSCE demo content"
CAPTION = "Generated picture for the demo content."


@dataclass(frozen=True)
class Picture:
    name: str  # in the media storage
    alt: str
    caption: str
    credit: str
    width: int  # stored with the items that show it (NewsItem.image_width)
    height: int
    renditions: dict = None  # NewsItem.image_renditions of the items that show it


# slug, size, the sky's top and bottom colours, the scene, what it shows.
SCENES = (
    ("dawn-hills", (1200, 800), ((38, 64, 120), (240, 170, 110)), "hills",
     "Layered blue hills under an orange dawn sky with a pale sun"),
    ("meeting-table", (1200, 800), ((70, 80, 96), (190, 196, 204)), "table",
     "Seen from above, twelve people seated around an oval conference table"),
    ("city-dusk", (1200, 675), ((20, 30, 70), (200, 120, 140)), "skyline",
     "A city skyline in silhouette against a pink dusk sky"),
    ("lake-morning", (1200, 900), ((120, 170, 210), (225, 235, 240)), "lake",
     "A calm lake reflecting a pale morning sky and a dark shoreline"),
    ("mountain-pass", (1200, 675), ((90, 140, 200), (230, 236, 240)), "mountains",
     "Snow-capped mountains under a clear blue sky"),
    ("flags-row", (1200, 1200), ((160, 190, 220), (235, 240, 245)), "flags",
     "A row of coloured flags on poles against the sky"),
    ("valley-green", (1200, 800), ((110, 160, 210), (210, 225, 200)), "hills",
     "Rolling blue-green hills under a light sky with a pale sun"),
    ("night-port", (1200, 675), ((10, 16, 40), (60, 70, 110)), "skyline",
     "Tall buildings with lit windows at night"),
    ("workshop-room", (900, 1350), ((200, 200, 196), (150, 140, 130)), "table",
     "Seen from above, participants around a round table in a workshop"),
    ("border-road", (1200, 800), ((150, 180, 215), (235, 215, 180)), "mountains",
     "Grey mountains with snowy peaks under a hazy sky with a low sun"),
)  # fmt: skip


def pictures():
    """The pictures, as the generator gives them to items (nothing is read or written)."""
    found = []
    for slug, size, _sky, _scene, alt in SCENES:
        name = f"{FOLDER}{slug}.jpg"
        # Named, not made: ensure_pictures() makes the files, under these names.
        item = NewsItem(image=name, image_width=size[0], image_height=size[1])
        found.append(Picture(name, alt, CAPTION, CREDIT, *size, stored_renditions(item)))
    return found


def ensure_pictures():
    """The pictures, each drawn and stored with its renditions if it is not stored yet."""
    made = []
    for picture, (slug, size, sky, scene, _alt) in zip(pictures(), SCENES, strict=True):
        if not default_storage.exists(picture.name):
            stored = default_storage.save(picture.name, ContentFile(draw(slug, size, sky, scene)))
            if stored != picture.name:  # another run stored it meanwhile
                default_storage.delete(stored)
            make_renditions(
                NewsItem(image=picture.name, image_width=picture.width, image_height=picture.height)
            )
        made.append(picture)
    return made


def draw(slug, size, sky, scene):
    """The JPEG of one picture: the same bytes for the same arguments. Drawn at half its size
    and enlarged, which softens the shapes as a lens would, with some grain."""
    rng = random.Random(slug)
    final = size
    size = (size[0] // 2, size[1] // 2)
    width, height = size
    image = _gradient(size, *sky)
    pen = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.55, 0.7))
    if scene in ("hills", "mountains", "lake"):
        if scene != "lake":
            sun = (int(width * rng.uniform(0.2, 0.8)), int(horizon * rng.uniform(0.3, 0.6)))
            radius = int(min(size) * 0.06)
            pen.ellipse(
                [sun[0] - radius, sun[1] - radius, sun[0] + radius, sun[1] + radius],
                fill=_mix(sky[1], (255, 250, 230), 0.7),
            )
        for layer in range(4):
            shade = _mix(sky[0], (20, 40, 30), 0.35 + layer * 0.15)
            base = horizon + layer * int(height * 0.08)
            points = [(0, height)]
            step = width // (6 if scene == "mountains" else 10)
            for x in range(0, width + step, step):
                rise = rng.uniform(0.05, 0.3 if scene == "mountains" else 0.1) * height
                points.append((x, base - rise))
            points.append((width, height))
            pen.polygon(points, fill=shade)
            if scene == "mountains" and layer == 0:
                for x, y in points[1:-1]:
                    pen.polygon(
                        [(x - step * 0.15, y + 16), (x, y), (x + step * 0.15, y + 16)],
                        fill=(245, 245, 250),
                    )
        if scene == "lake":
            water = _gradient((width, height - horizon), sky[1], sky[0])
            image.paste(water, (0, horizon))
    elif scene == "skyline":
        ground = _mix(sky[0], (0, 0, 0), 0.5)
        x = 0
        while x < width:
            w = rng.randint(width // 30, width // 10)
            top = int(horizon - rng.uniform(0.05, 0.45) * height)
            pen.rectangle([x, top, x + w, height], fill=ground)
            for wx in range(x + 4, x + w - 4, 9):
                for wy in range(top + 5, height - 5, 12):
                    if rng.random() < 0.3:
                        pen.rectangle([wx, wy, wx + 3, wy + 5], fill=(250, 220, 140))
            x += w + rng.randint(0, 6)
    elif scene == "table":
        image = _gradient(size, sky[1], sky[0])
        pen = ImageDraw.Draw(image)
        cx, cy = width // 2, height // 2
        rx, ry = int(width * 0.32), int(height * 0.22)
        if width < height:
            rx, ry = int(width * 0.3), int(width * 0.3)
        pen.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=(120, 84, 60))
        seats = 12
        for seat in range(seats):
            angle = seat / seats
            px = cx + int((rx + 28) * _cos(angle))
            py = cy + int((ry + 28) * _sin(angle))
            colour = rng.choice([(40, 50, 80), (90, 40, 40), (60, 60, 60), (30, 80, 110)])
            pen.ellipse([px - 18, py - 18, px + 18, py + 18], fill=colour)
            pen.ellipse([px - 9, py - 9, px + 9, py + 9], fill=(214, 180, 150))
            pen.rectangle(
                [cx + int(rx * 0.75 * _cos(angle)) - 12, cy + int(ry * 0.75 * _sin(angle)) - 8,
                 cx + int(rx * 0.75 * _cos(angle)) + 12, cy + int(ry * 0.75 * _sin(angle)) + 8],
                fill=(245, 245, 240),
            )  # fmt: skip
    elif scene == "flags":
        colours = [(200, 40, 50), (30, 80, 160), (250, 250, 250), (20, 130, 70), (240, 190, 30)]
        count = 7
        for index in range(count):
            x = int(width * (index + 0.5) / count)
            pen.rectangle([x - 2, int(height * 0.2), x + 2, height], fill=(90, 90, 95))
            top = int(height * 0.2)
            stripes = rng.sample(colours, 3)
            flag_width = int(width / count * 0.6)
            for stripe, colour in enumerate(stripes):
                y = top + stripe * 16
                pen.rectangle([x + 2, y, x + 2 + flag_width, y + 16], fill=colour)
    noise = Image.effect_noise(size, 24).convert("RGB")
    image = Image.blend(image, noise, 0.05).resize(final, Image.Resampling.BICUBIC)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=82, optimize=True)
    return output.getvalue()


def _gradient(size, top, bottom):
    """A vertical gradient from `top` to `bottom`, made at one pixel's width and stretched."""
    width, height = size
    column = Image.new("RGB", (1, height))
    column.putdata([_mix(top, bottom, y / max(1, height - 1)) for y in range(height)])
    return column.resize((width, height))


def _mix(first, second, share):
    return tuple(round(a + (b - a) * share) for a, b in zip(first, second, strict=True))


def _cos(turns):
    return math.cos(turns * 2 * math.pi)


def _sin(turns):
    return math.sin(turns * 2 * math.pi)
