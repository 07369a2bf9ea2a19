"""The image library in the admin: upload, find, see, and who may change what."""

import pytest
from django.urls import reverse
from PIL import Image as PillowImage

from library.models import Image
from tests.factories import NewsItemFactory
from tests.library.conftest import library_image, upload

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:library_image_changelist")
ADD = reverse("admin:library_image_add")
CHOOSER = reverse("admin:library_image_chooser")


def image_form(**values):
    return {
        "title": "Mission head meets students",
        "alt": "The Head of Mission speaks to students in a lecture hall",
        "caption": "",
        "credit": "OSCE/Milan Obradovic",
        "focal_x": "30",
        "focal_y": "40",
        **values,
    }


def test_a_publisher_uploads_an_image_stored_re_encoded_under_a_generated_name(client, publisher):
    client.force_login(publisher)

    response = client.post(ADD, image_form(file=upload("IMG_0042 final.jpg")))

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.uploaded_by == publisher
    assert image.original_name == "IMG_0042 final.jpg"
    assert image.file.name.startswith("news/images/")
    assert "IMG_0042" not in image.file.name
    assert (image.width, image.height) == (1200, 800)
    with image.file.open("rb"):
        assert PillowImage.open(image.file).getexif() == {}


def test_an_image_without_alt_text_is_refused_in_the_library(client, publisher):
    client.force_login(publisher)

    response = client.post(ADD, image_form(file=upload(), alt=""))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["alt"]
    assert not Image.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_as_for_lead_images(client, publisher):
    client.force_login(publisher)
    fake = upload()
    fake.file.write(b"")
    fake.file.seek(0)
    fake.file.truncate()
    fake.file.write(b"<?php echo 1; ?>")
    fake.file.seek(0)
    fake.size = 16

    response = client.post(ADD, image_form(file=fake))

    assert "not a JPEG, PNG or WebP image" in " ".join(
        response.context["adminform"].form.errors["file"]
    )


def test_the_list_shows_thumbnails_and_searches_title_and_credit(
    client, publisher, django_assert_max_num_queries
):
    library_image(title="Students in Novi Pazar", credit="OSCE/Milan Obradovic")
    library_image(title="Border crossing at Horgos", credit="OSCE/Jonathan Perfect")
    for index in range(5):
        library_image(title=f"Spare {index}", credit="Someone")
    client.force_login(publisher)

    with django_assert_max_num_queries(12):
        response = client.get(CHANGELIST)
    page = response.content.decode()
    assert page.count('class="library-thumbnail"') == 7
    assert "/media/renditions/" in page

    by_title = client.get(CHANGELIST, {"q": "novi pazar"}).content.decode()
    assert "Students in Novi Pazar" in by_title and "Horgos" not in by_title
    by_credit = client.get(CHANGELIST, {"q": "perfect"}).content.decode()
    assert "Horgos" in by_credit and "Novi Pazar" not in by_credit


def test_the_list_query_count_does_not_grow_with_its_rows(
    client, publisher, django_assert_max_num_queries
):
    client.force_login(publisher)
    for index in range(3):
        library_image(publisher, title=f"Image {index}")
    with django_assert_max_num_queries(12) as few:
        client.get(CHANGELIST)
    for index in range(6):
        library_image(publisher, title=f"More {index}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(CHANGELIST)


def test_a_publisher_changes_their_own_image_but_only_views_others(
    client, publisher, other_publisher
):
    own = library_image(publisher, title="Mine")
    theirs = library_image(other_publisher, title="Theirs")
    client.force_login(publisher)

    changed = client.post(
        reverse("admin:library_image_change", args=[own.pk]), image_form(title="Mine, renamed")
    )
    refused = client.post(
        reverse("admin:library_image_change", args=[theirs.pk]), image_form(title="Taken")
    )
    viewed = client.get(reverse("admin:library_image_change", args=[theirs.pk]))

    assert changed.status_code == 302
    own.refresh_from_db()
    assert own.title == "Mine, renamed"
    assert refused.status_code == 403
    theirs.refresh_from_db()
    assert theirs.title == "Theirs"
    assert viewed.status_code == 200
    assert 'name="_save"' not in viewed.content.decode()


def test_an_editor_changes_anyones_image(client, publisher, editor):
    theirs = library_image(publisher, title="Theirs")
    client.force_login(editor)

    response = client.post(
        reverse("admin:library_image_change", args=[theirs.pk]), image_form(title="Fixed")
    )

    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.title == "Fixed"


def test_the_change_page_shows_the_image_with_its_focal_point_ui(client, publisher):
    image = library_image(publisher, focal_x=30, focal_y=40)
    client.force_login(publisher)

    page = client.get(reverse("admin:library_image_change", args=[image.pk])).content.decode()

    assert 'class="image-preview"' in page
    assert 'data-focal-x="id_focal_x"' in page
    assert image.thumbnail_url in page
    assert "library/image-preview.js" in page
    assert "data-alt-count" in page


# The chooser: the body editor's "Browse..." and the lead image's preview.


def test_the_chooser_lists_images_with_their_body_rendition_and_alt(client, publisher):
    image = library_image(title="Students in Novi Pazar", alt="Students listen")
    library_image(title="Border crossing at Horgos")
    client.force_login(publisher)

    page = client.get(CHOOSER, {"q": "students", "CKEditorFuncNum": "-3"}).content.decode()

    assert f'data-url="{image.body_url}"' in page
    assert image.body_url.startswith("/media/renditions/")
    assert 'data-alt="Students listen"' in page
    assert 'data-function-number="-3"' in page
    assert "Horgos" not in page
    assert "library/chooser.js" in page


def test_the_chooser_gives_one_images_details_as_json(client, publisher):
    image = library_image(credit="OSCE/Micky Kroell", focal_x=20, focal_y=70)
    client.force_login(publisher)

    details = client.get(CHOOSER, {"id": image.pk}).json()

    assert details["alt"] == image.alt
    assert details["credit"] == "OSCE/Micky Kroell"
    assert (details["focal_x"], details["focal_y"]) == (20, 70)
    assert details["thumbnail"] == image.thumbnail_url


@pytest.mark.parametrize("bad", ["x", "99999", "1e9", "-1", "9" * 40])
def test_the_chooser_answers_bad_ids_with_404(client, publisher, bad):
    client.force_login(publisher)

    assert client.get(CHOOSER, {"id": bad}).status_code == 404


def test_the_chooser_is_for_staff_with_the_library_right_only(client, outsider_staff):
    library_image()

    anonymous = client.get(CHOOSER)
    client.force_login(outsider_staff)
    outsider = client.get(CHOOSER)

    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    assert outsider.status_code == 404


def test_the_chooser_page_query_count_is_fixed(client, publisher, django_assert_max_num_queries):
    for index in range(10):
        library_image(title=f"Image {index}")
    client.force_login(publisher)

    with django_assert_max_num_queries(8):
        response = client.get(CHOOSER)
    assert response.content.decode().count("data-choose-image") == 10


def test_the_list_says_how_many_items_show_each_image(client, editor):
    used = library_image(title="Used twice")
    library_image(title="Unused")
    for _ in range(2):
        NewsItemFactory(library_image=used)
    client.force_login(editor)

    response = client.get(CHANGELIST)

    rows = {image.title: image.item_count for image in response.context["cl"].result_list}
    assert rows == {"Used twice": 2, "Unused": 0}
    assert "2 items" in response.content.decode()
