"""The news item's lead image in the admin: chosen from the library or uploaded (it joins the
library), shown, its focal point clicked, and never lost to a form error."""

import pytest
from django.urls import reverse

from library.models import Image
from news.models import NewsItem
from news.revisions import saved_state
from tests.admin.test_news_form import form_data
from tests.factories import NewsItemFactory
from tests.library.conftest import library_image, upload

pytestmark = pytest.mark.django_db

ADD = reverse("admin:news_newsitem_add")


def change_url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def post_item(client, url=ADD, **values):
    data = form_data(**values)
    data.setdefault("library_image", "")
    return client.post(url, data)


def test_choosing_a_library_image_fills_the_items_own_image_fields(client, superuser):
    image = library_image(
        caption="The Council in session", credit="OSCE/Micky Kroell", focal_x=25, focal_y=60
    )
    client.force_login(superuser)

    response = post_item(client, library_image=image.pk)

    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert item.library_image == image
    assert item.image.name == image.file.name
    assert (item.image_width, item.image_height) == (1200, 800)
    assert item.image_alt == image.alt
    assert item.image_caption == "The Council in session"
    assert item.image_credit == "OSCE/Micky Kroell"
    assert (item.image_focal_x, item.image_focal_y) == (25, 60)
    assert item.image_original_name == image.original_name


def test_the_item_may_adapt_the_alt_text_and_caption_to_its_own_text(client, superuser):
    image = library_image(caption="The Council in session")
    client.force_login(superuser)

    post_item(
        client,
        library_image=image.pk,
        image_alt="The Chairperson opens the Council",
        image_caption="Opening the Council",
    )

    item = NewsItem.objects.get()
    assert item.image_alt == "The Chairperson opens the Council"
    assert item.image_caption == "Opening the Council"
    image.refresh_from_db()
    assert image.alt == "Delegates seated around the Council's table"


def test_one_library_image_serves_several_items(client, superuser):
    image = library_image()
    client.force_login(superuser)

    post_item(client, library_image=image.pk)
    post_item(client, library_image=image.pk, title="Second", slug="second")

    assert {item.image.name for item in NewsItem.objects.all()} == {image.file.name}
    assert Image.objects.count() == 1


def test_an_upload_in_the_news_form_joins_the_library(client, publisher, mission):
    client.force_login(publisher)

    response = post_item(
        client,
        image=upload("council.jpg"),
        image_alt="Delegates at the Council",
        image_credit="OSCE/Micky Kroell",
        lead_structure=mission.pk,
    )

    assert response.status_code == 302
    image = Image.objects.get()
    item = NewsItem.objects.get()
    assert item.library_image == image
    assert item.image.name == image.file.name
    assert image.uploaded_by == publisher
    assert image.original_name == "council.jpg"
    assert image.title == "council.jpg"
    assert (image.alt, image.credit) == ("Delegates at the Council", "OSCE/Micky Kroell")


def test_an_upload_survives_a_form_error_and_is_shown_chosen(client, superuser):
    client.force_login(superuser)

    # No alt text: the form comes back with an error...
    response = post_item(client, image=upload("council.jpg"), image_alt="")

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "image_alt" in form.errors
    image = Image.objects.get()
    page = response.content.decode()
    assert image.thumbnail_url in page
    assert "Kept in the image library" in page
    assert f'<option value="{image.pk}" selected>' in page
    assert not NewsItem.objects.exists()

    # ...and the editor only adds the alt text: no file chosen again.
    response = post_item(client, library_image=image.pk, image_alt="Delegates at the Council")

    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert item.image.name == image.file.name
    assert item.image_alt == "Delegates at the Council"


def test_an_upload_survives_a_refused_publication(client, superuser):
    client.force_login(superuser)

    response = post_item(
        client,
        image=upload(),
        image_alt="Delegates at the Council",
        status=NewsItem.Status.PUBLISHED,
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["status"]
    assert Image.objects.count() == 1


def test_a_refused_upload_joins_nothing(client, superuser):
    client.force_login(superuser)

    response = post_item(client, image=upload(size=(300, 200)), image_alt="Small")

    assert "at least 800 × 450" in " ".join(response.context["adminform"].form.errors["image"])
    assert not Image.objects.exists()


def test_the_form_shows_the_current_image_with_a_clickable_focal_point(client, superuser):
    image = library_image()
    client.force_login(superuser)
    post_item(client, library_image=image.pk)
    item = NewsItem.objects.get()

    page = client.get(change_url(item)).content.decode()

    assert 'class="image-preview"' in page
    assert 'class="image-preview-image"' in page
    assert 'data-focal-x="id_image_focal_x"' in page
    assert 'data-chooser="id_library_image"' in page
    assert "library/image-preview.js" in page
    assert 'id="id_image_focal_x"' in page  # the typed fallback stays


def test_the_alt_text_field_guides_and_counts(client, superuser):
    client.force_login(superuser)

    page = client.get(ADD).content.decode()

    assert "Do not start with “Image of”" in page
    assert "data-alt-count" in page


def test_an_item_with_an_image_of_its_own_shows_it_too(client, superuser):
    client.force_login(superuser)
    post_item(client, image=upload(), image_alt="Delegates")
    item = NewsItem.objects.get()
    NewsItem.objects.filter(pk=item.pk).update(library_image=None)

    page = client.get(change_url(item)).content.decode()

    assert 'class="image-preview-image"' in page
    assert 'class="image-preview-empty" hidden' in page


def test_an_item_without_an_image_says_so(client, superuser):
    item = NewsItemFactory()
    client.force_login(superuser)

    page = client.get(change_url(item)).content.decode()

    assert "No image yet: choose one from the library or upload one." in page


def test_removing_the_library_choice_removes_the_lead_image(client, superuser):
    image = library_image()
    client.force_login(superuser)
    post_item(client, library_image=image.pk)
    item = NewsItem.objects.get()

    data = form_data(
        library_image="", image_alt=item.image_alt, edit_version=saved_state(item.pk).token
    )
    response = client.post(change_url(item), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    item.refresh_from_db()
    assert not item.image
    assert item.library_image is None
    assert Image.objects.filter(pk=image.pk).exists()


def test_deleting_a_library_image_leaves_the_items_image(client, superuser):
    image = library_image()
    client.force_login(superuser)
    post_item(client, library_image=image.pk)

    image.delete()

    item = NewsItem.objects.get()
    assert item.library_image is None
    assert item.image.name
