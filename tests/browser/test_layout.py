"""What a phone shows: no page wider than the screen, the first result of /news/ in the first
screen; and what travels: HTML compressed for a client that accepts gzip."""

import gzip
import urllib.request

import pytest

from tests.browser.conftest import PAGE_NAMES, public_pages

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_horizontal_overflow_at_360_px(shared_pages, site, name):
    page = shared_pages("phone")
    page.goto(public_pages(site)[name])
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[1] == 360
    assert widths[0] <= widths[1], f"{name}: the page is {widths[0]} px wide on a 360 px screen"


@pytest.mark.parametrize("address", ["/en/news/", "/en/news/?field=elections"])
def test_first_result_is_in_the_first_screen_on_a_phone(shared_pages, site, address):
    page = shared_pages("phone")
    page.goto(address)
    first = page.locator("#news-results .card-list > li").first
    box = first.bounding_box()
    assert box is not None
    assert box["y"] < 640, f"the first result starts {box['y']:.0f} px down a 640 px screen"


@pytest.mark.parametrize("name", ["home", "news", "item", "country", "404"])
def test_html_is_compressed_for_a_client_that_accepts_gzip(site, name):
    request = urllib.request.Request(
        site.url + public_pages(site)[name], headers={"Accept-Encoding": "gzip"}
    )
    try:
        response = urllib.request.urlopen(request)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response.headers.get("Vary", "")
        assert b"</html>" in gzip.decompress(response.read())
