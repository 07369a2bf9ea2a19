"""Lead images: what an editor may upload, what is stored, and the renditions visitors get."""

import io
import re
import struct
import zlib
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from PIL import ExifTags, Image

from news import services
from news.images import make_renditions
from news.models import NewsItem
from tests.factories import PublishedNewsFactory, SuperuserFactory

pytestmark = pytest.mark.django_db

RED, BLUE = (220, 20, 20), (20, 20, 220)
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'


def image_bytes(format="JPEG", size=(1200, 800), color=RED, **save_options):
    output = io.BytesIO()
    mode = "RGBA" if format == "PNG" and len(color) == 4 else "RGB"
    Image.new(mode, size, color).save(output, format, **save_options)
    return output.getvalue()


def two_colour_bytes(size, left=RED, right=BLUE, **save_options):
    """Left half `left`, right half `right`: shows where a crop or a rotation went."""
    image = Image.new("RGB", size, right)
    image.paste(left, (0, 0, size[0] // 2, size[1]))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=95, **save_options)
    return output.getvalue()


def png_claiming(width, height):
    """A tiny valid PNG whose header claims `width` × `height` pixels."""
    data = bytearray(image_bytes("PNG", size=(10, 10)))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def gps_exif():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "EOS R5"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 12.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (16.0, 22.0, 10.0)
    return exif


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.fixture
def admin_client(client):
    client.force_login(SuperuserFactory())
    return client


def add_in_admin(client, image, alt="Delegates at the Ministerial Council", **fields):
    """Post the admin's add form with a lead image; return the response."""
    data = {
        "title": "Ministerial Council opens in Vienna",
        "slug": "ministerial-council-opens",
        "kind": NewsItem.Kind.NEWS,
        "status": NewsItem.Status.DRAFT,
        "lede": "",
        "body": "",
        "image": image,
        "image_alt": alt,
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "_save": "Save",
        **fields,
    }
    return client.post(reverse("admin:news_newsitem_add"), data)


def form_errors(response, field):
    assert response.status_code == 200, "the form should have been shown again with errors"
    return " ".join(response.context["adminform"].form.errors.get(field, []))


def item_with_upload(data, name="photo.jpg", **fields):
    """An unsaved item carrying a fresh upload, as the admin form hands it to full_clean()."""
    fields.setdefault("image_alt", "Delegates at the Ministerial Council")
    return NewsItem(title="An item", slug="an-item", image=upload(data, name), **fields)


# The upload battery, through the admin as an editor meets it.


def test_a_jpeg_with_gps_is_stored_without_any_metadata(admin_client):
    original = image_bytes(exif=gps_exif(), xmp=XMP, comment=b"Taken at the safe house")
    opened = Image.open(io.BytesIO(original))
    assert opened.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert "xmp" in opened.info and "comment" in opened.info

    response = add_in_admin(admin_client, upload(original))

    assert response.status_code == 302
    item = NewsItem.objects.get()
    with item.image.open("rb"):
        data = item.image.read()
    stored = Image.open(io.BytesIO(data))
    assert stored.format == "JPEG"
    assert stored.size == (1200, 800)
    assert not stored.getexif()
    assert not stored.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert "exif" not in stored.info
    assert "xmp" not in stored.info
    assert "comment" not in stored.info
    assert b"safe house" not in data


def test_a_decompression_bomb_is_refused_with_the_limit_named(admin_client):
    response = add_in_admin(admin_client, upload(png_claiming(100_000, 100_000), "bomb.png"))

    assert "40 megapixels" in form_errors(response, "image")
    assert not NewsItem.objects.exists()


def test_an_image_over_the_pixel_limit_is_refused_with_its_size(admin_client):
    response = add_in_admin(admin_client, upload(png_claiming(8000, 6000), "big.png"))

    errors = form_errors(response, "image")
    assert "8000 × 6000" in errors
    assert "40 megapixels" in errors


def test_a_text_file_named_like_a_jpeg_is_refused(admin_client):
    text = b"Minutes of the meeting, not a photograph.\n" * 50

    response = add_in_admin(admin_client, upload(text, "photo.jpg"))

    assert "not a JPEG, PNG or WebP image" in form_errors(response, "image")
    assert not NewsItem.objects.exists()


@pytest.mark.parametrize("format", ["GIF", "BMP", "TIFF"])
def test_other_image_formats_are_refused_whatever_their_name(admin_client, format):
    response = add_in_admin(admin_client, upload(image_bytes(format), "photo.jpg"))

    assert "not a JPEG, PNG or WebP image" in form_errors(response, "image")


def test_a_file_over_the_size_limit_is_refused_before_it_is_decoded(admin_client):
    huge = image_bytes() + b"\0" * (10 * 1024 * 1024)

    response = add_in_admin(admin_client, upload(huge))

    errors = form_errors(response, "image")
    assert "the limit is 10.0\xa0MB" in errors
    assert not NewsItem.objects.exists()


def test_a_truncated_image_is_refused_as_damaged(admin_client):
    response = add_in_admin(admin_client, upload(image_bytes("PNG")[:400], "cut.png"))

    assert "damaged or incomplete" in form_errors(response, "image")


def test_a_small_image_is_refused_with_the_minimum_size(admin_client):
    response = add_in_admin(admin_client, upload(image_bytes(size=(640, 360))))

    assert "at least 800 × 450" in form_errors(response, "image")


def test_alt_text_is_required_with_an_image(admin_client):
    response = add_in_admin(admin_client, upload(image_bytes()), alt="  ")

    assert "Describe what the image shows" in form_errors(response, "image_alt")
    assert not NewsItem.objects.exists()


def test_the_upload_field_states_the_rules_and_accepted_types(admin_client):
    response = admin_client.get(reverse("admin:news_newsitem_add"))

    content = response.content.decode()
    assert 'accept="image/jpeg,image/png,image/webp"' in content
    assert "JPEG, PNG or WebP; at most 10.0\xa0MB and 40 megapixels" in content


# The same rules for any caller of full_clean().


def test_orientation_is_applied_before_the_metadata_is_dropped():
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # Shown turned 90° clockwise.
    item = item_with_upload(two_colour_bytes((1200, 900), exif=exif))

    item.full_clean(exclude=["slug"])
    item.save()

    with item.image.open("rb"):
        stored = Image.open(io.BytesIO(item.image.read()))
    assert stored.size == (900, 1200)
    assert ExifTags.Base.Orientation not in stored.getexif()
    top, bottom = stored.getpixel((450, 100)), stored.getpixel((450, 1100))
    assert top[0] > 150 > top[2], "the left (red) half should now be at the top"
    assert bottom[2] > 150 > bottom[0]


def test_a_png_named_jpg_is_stored_as_png():
    item = item_with_upload(image_bytes("PNG", color=(0, 128, 0, 128)), name="logo.jpg")

    item.full_clean(exclude=["slug"])
    item.save()

    assert item.image.name.endswith(".png")
    with item.image.open("rb"):
        stored = Image.open(io.BytesIO(item.image.read()))
    assert stored.format == "PNG"
    assert stored.mode == "RGBA"


def test_webp_is_accepted_and_stays_webp():
    item = item_with_upload(image_bytes("WEBP"), name="photo.webp")

    item.full_clean(exclude=["slug"])

    assert item.image.name.endswith(".webp")


def test_full_clean_refuses_a_bomb_too():
    item = item_with_upload(png_claiming(100_000, 100_000), name="bomb.png")

    with pytest.raises(ValidationError) as refused:
        item.full_clean(exclude=["slug"])
    assert "image" in refused.value.message_dict


def test_a_stored_image_is_not_checked_again():
    item = PublishedNewsFactory(image_alt="A photograph")
    item.image.save("old.jpg", io.BytesIO(image_bytes(size=(300, 200))), save=True)

    item.full_clean()  # Smaller than today's minimum, but not a new upload: no error.


# Renditions.


def published_with_image(data=None, **fields):
    fields.setdefault("image_alt", "Delegates at the Ministerial Council")
    item = PublishedNewsFactory(**fields)
    item.image.save("photo.jpg", io.BytesIO(data or image_bytes()), save=True)
    make_renditions(item)  # as the admin does where an image is saved
    return item


def renditions_on_disk(item):
    folder = f"renditions/{item.image.name.rsplit('/', 1)[0]}"
    return default_storage.listdir(folder)[1] if default_storage.exists(folder) else []


def srcset_of(html):
    srcset = re.search(r'srcset="([^"]+)"', html).group(1)
    return [candidate.rsplit(" ", 1) for candidate in srcset.split(", ")]


def stored_image(url):
    with default_storage.open(unquote(url.removeprefix(settings.MEDIA_URL))) as file:
        return Image.open(io.BytesIO(file.read()))


def test_a_card_has_webp_renditions_at_several_widths_in_3_by_2():
    item = published_with_image()

    html = render_to_string("newsroom/includes/picture.html", {"item": item, "role": "card"})

    candidates = srcset_of(html)
    assert [width for _, width in candidates] == ["240w", "480w"]
    for url, width in candidates:
        image = stored_image(url)
        assert image.format == "WEBP"
        assert image.size == (int(width[:-1]), round(int(width[:-1]) * 2 / 3))
    assert 'width="480" height="320"' in html
    assert 'alt="Delegates at the Ministerial Council"' in html
    assert 'loading="lazy"' in html
    assert "sizes=" in html


def test_the_page_rendition_never_upscales_and_keeps_the_shape():
    item = published_with_image(image_bytes(size=(1400, 700)))

    html = render_to_string(
        "newsroom/includes/picture.html", {"item": item, "role": "page", "eager": True}
    )

    candidates = srcset_of(html)
    assert [width for _, width in candidates] == ["800w", "1200w", "1400w"]
    assert stored_image(candidates[-1][0]).size == (1400, 700)
    assert 'width="1400" height="700"' in html
    assert 'fetchpriority="high"' in html


def test_the_social_card_is_a_1200_by_630_jpeg():
    from news.images import social_image

    item = published_with_image(image_bytes(size=(2000, 1500)))

    social = social_image(item)

    assert (social.width, social.height) == (1200, 630)
    image = stored_image(social.url)
    assert image.format == "JPEG"
    assert image.size == (1200, 630)


def test_the_focal_point_decides_what_a_crop_keeps():
    wide = two_colour_bytes((1600, 600))
    left = published_with_image(wide, image_focal_x=0, image_focal_y=50)
    right = published_with_image(wide, image_focal_x=100, image_focal_y=50)

    def mean_colour(item):
        html = render_to_string("newsroom/includes/picture.html", {"item": item, "role": "card"})
        image = stored_image(srcset_of(html)[0][0]).convert("RGB")
        pixels = image.resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
        return pixels

    left_colour, right_colour = mean_colour(left), mean_colour(right)
    assert left_colour[0] > left_colour[2] + 100, "a focal point on the left keeps the red half"
    assert right_colour[2] > right_colour[0] + 100, "one on the right keeps the blue half"


def test_renditions_are_made_when_an_image_is_saved_in_the_admin(admin_client):
    response = add_in_admin(admin_client, upload(image_bytes()))
    assert response.status_code == 302

    files = renditions_on_disk(NewsItem.objects.get())
    assert len([name for name in files if name.endswith(".webp")]) == 4  # card 2, page 2
    assert len([name for name in files if name.endswith(".jpg")]) == 1  # social


def test_a_save_without_a_new_image_makes_no_rendition():
    editor = SuperuserFactory()
    item = PublishedNewsFactory(image_alt="Delegates")
    item.image.save("photo.jpg", io.BytesIO(image_bytes()), save=True)
    assert renditions_on_disk(item) == []

    services.withdraw(item, editor, notice="Issued by mistake.")
    item.title = "Renamed"
    item.save()

    assert renditions_on_disk(item) == []


def test_twenty_cards_cost_no_query_once_the_items_are_loaded(django_assert_num_queries):
    for _ in range(20):
        published_with_image()
    items = list(NewsItem.objects.published())

    with django_assert_num_queries(0):
        html = "".join(
            render_to_string("newsroom/includes/picture.html", {"item": item, "role": "card"})
            for item in items
        )
    assert html.count("<img ") == 20


def test_an_item_without_image_renders_no_picture():
    item = PublishedNewsFactory()

    html = render_to_string("newsroom/includes/picture.html", {"item": item, "role": "card"})

    assert html.strip() == ""


def test_a_missing_image_file_renders_no_picture_rather_than_an_error():
    item = published_with_image()
    default_storage.delete(item.image.name)
    # Its size and renditions not stored either (an item saved before they were): the file
    # must be read.
    NewsItem.objects.filter(pk=item.pk).update(
        image_width=None, image_height=None, image_renditions={}
    )
    item = NewsItem.objects.get(pk=item.pk)

    html = render_to_string("newsroom/includes/picture.html", {"item": item, "role": "card"})

    assert "<img" not in html


def test_a_card_names_its_renditions_without_opening_any_file(monkeypatch):
    from django.core.files.storage import FileSystemStorage

    item = published_with_image()
    made = render_to_string("newsroom/includes/picture.html", {"item": item, "role": "card"})
    item = NewsItem.objects.get(pk=item.pk)
    assert (item.image_width, item.image_height) == (item.image.width, item.image.height)
    item = NewsItem.objects.get(pk=item.pk)

    def no_file(*args, **kwargs):
        raise AssertionError("a page opened or looked for a file")

    for method in ("open", "exists", "get_modified_time", "size"):
        monkeypatch.setattr(FileSystemStorage, method, no_file)
    html = render_to_string("newsroom/includes/picture.html", {"item": item, "role": "card"})

    assert "<img" in html and html == made


def test_a_card_reads_the_renditions_stored_with_its_item_and_names_none(monkeypatch):
    import easy_thumbnails.files

    item = published_with_image()
    made = render_to_string("newsroom/includes/picture.html", {"item": item, "role": "card"})
    item = NewsItem.objects.get(pk=item.pk)

    def no_naming(*args, **kwargs):
        raise AssertionError("a card named its renditions again")

    monkeypatch.setattr(easy_thumbnails.files, "get_thumbnailer", no_naming)
    html = render_to_string("newsroom/includes/picture.html", {"item": item, "role": "card"})

    assert "<img" in html and html == made
    for _url, _width in srcset_of(html):
        assert default_storage.exists(unquote(_url).removeprefix(settings.MEDIA_URL))


def test_stored_renditions_of_another_focal_point_are_not_shown():
    item = published_with_image(image_bytes(size=(1600, 800)), image_focal_x=0, image_focal_y=50)
    left = srcset_of(
        render_to_string("newsroom/includes/picture.html", {"item": item, "role": "card"})
    )
    # Moved by a write that made no renditions: the stored names are of the old crop.
    NewsItem.objects.filter(pk=item.pk).update(image_focal_x=100)
    item = NewsItem.objects.get(pk=item.pk)
    moved = srcset_of(
        render_to_string("newsroom/includes/picture.html", {"item": item, "role": "card"})
    )
    make_renditions(item)
    item = NewsItem.objects.get(pk=item.pk)
    made = srcset_of(
        render_to_string("newsroom/includes/picture.html", {"item": item, "role": "card"})
    )

    assert moved != left
    assert moved == made
    assert all(
        default_storage.exists(unquote(url).removeprefix(settings.MEDIA_URL)) for url, _w in made
    )
