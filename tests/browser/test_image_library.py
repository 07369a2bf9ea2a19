"""The lead image and body images as an editor meets them in the admin: a click on the preview
sets the focal point, the alt text counts its characters, and the body editor's image dialog
browses the library."""

import mimetypes
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.conftest import signed_in_context
from tests.factories import NewsItemFactory, SuperuserFactory
from tests.library.conftest import library_image

pytestmark = pytest.mark.browser


def serve_media(route):
    """The live server serves no media (DEBUG is off): the test's own MEDIA_ROOT does."""
    name = route.request.url.split(settings.MEDIA_URL, 1)[1].split("?", 1)[0]
    path = Path(settings.MEDIA_ROOT) / name
    if not path.is_file():
        route.fulfill(status=404, body="")
        return
    route.fulfill(
        status=200,
        body=path.read_bytes(),
        content_type=mimetypes.guess_type(path.name)[0] or "application/octet-stream",
    )


@pytest.fixture
def admin_context(chromium, site):
    context = signed_in_context(chromium, site, SuperuserFactory())
    context.route(f"**{settings.MEDIA_URL}**", serve_media)
    # Uncompressed, as tests/browser/test_body_editor.py explains.
    context.set_extra_http_headers({"Accept-Encoding": "identity"})
    yield context
    context.close()


def test_a_click_on_the_preview_sets_the_focal_point_and_shows_it(admin_context):
    image = library_image()
    item = NewsItemFactory(
        library_image=image,
        image=image.file.name,
        image_width=image.width,
        image_height=image.height,
        image_alt="Delegates",
    )
    page = admin_context.new_page()
    page.goto(f"/admin/news/newsitem/{item.pk}/change/")

    preview = page.locator(".image-preview-image")
    preview.wait_for()
    box = preview.bounding_box()
    preview.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})

    assert abs(int(page.input_value("#id_image_focal_x")) - 25) <= 1
    assert abs(int(page.input_value("#id_image_focal_y")) - 75) <= 1
    assert page.locator(".image-preview-marker").is_visible()


def test_the_alt_text_counts_its_characters_as_it_is_typed(admin_context):
    page = admin_context.new_page()
    page.goto("/admin/news/newsitem/add/")

    page.fill("#id_image_alt", "Delegates around the table")

    assert page.locator(".alt-count").inner_text() == "26 characters"
    page.fill("#id_image_alt", "x" * 130)
    assert "can it be shorter?" in page.locator(".alt-count").inner_text()


def test_the_body_editors_image_dialog_browses_the_library(admin_context):
    image = library_image(title="Students in Novi Pazar", alt="Students listen to a lecture")
    page = admin_context.new_page()
    page.goto("/admin/news/newsitem/add/")
    page.locator(".ProseMirror").click()

    menu = page.locator(".prose-menubar")
    menu.locator("[title='figure'], [aria-label='figure']").first.click()
    dialog = page.locator("dialog[open]")
    with page.expect_popup() as popup_info:
        dialog.get_by_text("Browse...").click()
    popup = popup_info.value
    popup.get_by_text("Students in Novi Pazar").click()

    assert dialog.locator("input[name=imageUrl]").input_value() == image.body_url
    assert dialog.locator("input[name=altText]").input_value() == "Students listen to a lecture"


def test_choosing_a_library_image_shows_it_and_fills_its_texts(admin_context):
    library_image(
        title="Border crossing at Horgos",
        alt="A border guard checks a lorry",
        credit="OSCE/Jonathan Perfect",
        focal_x=40,
        focal_y=30,
    )
    page = admin_context.new_page()
    page.goto("/admin/news/newsitem/add/")
    page.locator(".image-preview-empty").wait_for(state="visible")

    page.locator("#id_library_image").locator("xpath=..").locator(".select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill("Horgos")
    page.locator(".select2-results__option", has_text="Border crossing at Horgos").click()

    page.locator(".image-preview-frame").wait_for(state="visible")
    page.wait_for_function("document.getElementById('id_image_alt').value !== ''")
    assert page.input_value("#id_image_alt") == "A border guard checks a lorry"
    assert page.input_value("#id_image_credit") == "OSCE/Jonathan Perfect"
    assert page.input_value("#id_image_focal_x") == "40"
    assert page.locator(".image-preview-marker").is_visible()
    assert "/media/renditions/" in page.locator(".image-preview-image").get_attribute("src")
