"""The footer: the organisation's address and its contact, privacy and accessibility pages,
which editors write in the admin (pages/, first content by the migration pages/0002)."""

import pytest

from pages.models import Page

pytestmark = pytest.mark.django_db

PAGES = {
    "/en/contact/": "Contact",
    "/en/privacy/": "Privacy notice",
    "/en/accessibility/": "Accessibility statement",
}


def test_footer_gives_the_address_and_links_every_footer_page(client):
    html = client.get("/en/").text
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Wallnerstrasse 6" in footer
    for url, title in PAGES.items():
        assert f'<a href="{url}">{title}</a>' in footer


@pytest.mark.parametrize(("url", "title"), PAGES.items())
def test_footer_pages_exist_on_a_fresh_database(client, url, title):
    response = client.get(url)
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.text
    assert f"<title>{title} – " in response.text
    assert '<meta name="description" content="' in response.text
    assert not response.cookies
    assert "Content-Security-Policy" in response
    assert "style=" not in response.text and "<script>" not in response.text


def test_privacy_notice_says_the_site_sets_no_cookies(client):
    assert "sets no cookies" in client.get("/en/privacy/").text


def test_editors_change_a_footer_page_in_the_admin(admin_client, client):
    page = Page.objects.get(slot="accessibility")
    change = f"/admin/pages/page/{page.pk}/change/"
    assert admin_client.get(change).status_code == 200
    response = admin_client.post(
        change,
        {
            "slot": "accessibility",
            "title": "Accessibility",
            "description": "How we make the site usable by everyone.",
            "content": '<p onclick="x()">We answer within five days.</p><script>x()</script>',
        },
    )
    assert response.status_code == 302
    html = client.get("/en/accessibility/").text
    assert "<h1>Accessibility</h1>" in html and "within five days" in html
    assert 'content="How we make the site usable by everyone."' in html
    # Scripts and event handlers are removed on save, as from news.
    assert "x()" not in html


def test_a_missing_footer_page_is_a_404_not_an_error(client):
    Page.objects.filter(slot="privacy").delete()
    assert client.get("/en/privacy/").status_code == 404


def test_feeds_and_sitemaps_name_the_host_asked_for(client):
    """No sites framework: feeds and sitemaps take their host from the request."""
    assert "http://testserver/en/news/" in client.get("/en/news/rss/").text
    assert "example.com" not in client.get("/sitemap.xml").text
