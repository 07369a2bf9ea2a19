"""Images inside a body: from the library, each with alt text; anything else removed."""

import json
import re
from html import unescape

import pytest
from django.urls import reverse

from news.html import sanitize_html
from news.models import NewsItem
from tests.admin.test_news_form import form_data
from tests.factories import PublishedNewsFactory
from tests.library.conftest import library_image

pytestmark = pytest.mark.django_db

ADD = reverse("admin:news_newsitem_add")


def figure(src, alt):
    return (
        f'<figure><img src="{src}" alt="{alt}">'
        '<figcaption class="figure-caption">The Council in session</figcaption></figure>'
    )


def test_a_library_image_with_alt_text_is_kept_in_the_body():
    image = library_image()
    body = figure(image.body_url, "Delegates around the table")

    assert sanitize_html(body) == (
        f'<figure><img src="{image.body_url}" alt="Delegates around the table">'
        "<figcaption>The Council in session</figcaption></figure>"
    )


@pytest.mark.parametrize(
    "src",
    [
        "https://tracker.example/pixel.gif",
        "//tracker.example/pixel.gif",
        "/media/renditions/../../private-media/secret.pdf",
        "/media/private/a.jpg",
        "/static/admin/img/icon.svg",
        "data:image/png;base64,iVBORw0KGgo=",
        "javascript:alert(1)",
        "/media/renditions/a.webp?x=1",
        "/media/renditions/%2e%2e/%2E%2E/admin/logout/",
    ],
)
def test_an_image_from_anywhere_else_is_removed(src):
    assert "<img" not in sanitize_html(figure(src, "A picture"))


@pytest.mark.parametrize("alt", ["", "   "])
def test_an_image_without_alt_text_is_removed_on_save(alt):
    image = library_image()
    item = NewsItem.objects.create(
        title="Imported", slug="imported", body=f'<p><img src="{image.body_url}" alt="{alt}"></p>'
    )

    assert "<img" not in item.body


def test_an_image_without_alt_attribute_is_removed():
    image = library_image()

    assert sanitize_html(f'<p>Text<img src="{image.body_url}"></p>') == "<p>Text</p>"


def test_the_form_refuses_a_library_image_without_alt_text_saying_what_to_do(client, superuser):
    image = library_image()
    client.force_login(superuser)

    response = client.post(ADD, form_data(body=figure(image.body_url, "")))

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["body"])
    assert "An image in the text has no alt text" in errors
    assert not NewsItem.objects.exists()


def test_a_foreign_image_is_removed_on_save_with_a_warning(client, superuser):
    client.force_login(superuser)

    response = client.post(
        ADD,
        form_data(body='<p>Text</p><p><img src="https://elsewhere.example/a.jpg" alt="A"></p>'),
        follow=True,
    )

    item = NewsItem.objects.get()
    assert "<img" not in item.body
    messages = [str(message) for message in response.context["messages"]]
    assert any("not from the image library and was removed" in m for m in messages)


def test_a_body_with_a_described_library_image_saves_it(client, superuser):
    image = library_image()
    client.force_login(superuser)

    response = client.post(ADD, form_data(body=figure(image.body_url, "Delegates")))

    assert response.status_code == 302
    assert f'<img src="{image.body_url}" alt="Delegates">' in NewsItem.objects.get().body


def test_the_body_editor_offers_figures_whose_browse_opens_the_library(client, superuser):
    client.force_login(superuser)

    page = client.get(ADD).content.decode()

    found = re.search(r'data-django-prose-editor-configurable="([^"]*)"', page)
    config = json.loads(unescape(found.group(1)))
    assert config["extensions"]["Figure"] == {"pickerUrl": reverse("admin:library_image_chooser")}
    assert config["extensions"]["Caption"] and config["extensions"]["Image"]


def test_a_visitor_sees_the_body_image_with_its_alt_text(client):
    image = library_image()
    item = PublishedNewsFactory(body="<p>Text</p>" + figure(image.body_url, "Delegates"))

    page = client.get(item.get_absolute_url()).content.decode()

    assert f'<img src="{image.body_url}" alt="Delegates">' in page
    assert "<figcaption>The Council in session</figcaption>" in page
