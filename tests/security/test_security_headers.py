"""Public pages carry a strict Content-Security-Policy (no inline script or style) and have
nothing inline for it to block; the admin has its own policy; every response carries
Cross-Origin-Resource-Policy, Cross-Origin-Opener-Policy and Permissions-Policy."""

import base64
import gzip
import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
    SuperuserFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC_TEMPLATE_FOLDERS = ["", "news", "taxonomy", "structures", "includes"]
# An inline script a browser would run: a <script> without src that is not a JSON data block.
EXECUTABLE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/(ld\+)?json\")[^>]*>", re.IGNORECASE
)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def policy(response):
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def public_urls():
    field, country = FieldOfWorkFactory(), CountryFactory()
    meeting, structure = MeetingSeriesFactory(), StructureFactory()
    item = PublishedNewsFactory(
        title="Ministers met in Vienna",
        fields_of_work=[field],
        countries=[country],
        meeting_series=[meeting],
        body='<p>The talks <a href="https://example.org/">went on</a>.</p>',
    )
    return [
        "/",
        reverse("news:list"),
        reverse("news:list") + "?q=vienna",
        reverse("news:list") + "?field=no-such-field",
        item.get_absolute_url(),
        field.get_absolute_url(),
        country.get_absolute_url(),
        meeting.get_absolute_url(),
        structure.get_absolute_url(),
        "/en/fields-of-work/",
        "/en/countries/",
        "/en/meetings/",
        "/en/structures/",
        "/en/news/no-such-item/",
    ]


def test_public_pages_carry_a_strict_policy(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        directives = policy(response)
        assert directives["default-src"] == ["'none'"], url
        assert directives["script-src"] == ["'self'"], url
        assert directives["style-src"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"], url
        assert directives["base-uri"] == ["'self'"], url
        assert directives["form-action"] == ["'self'"], url
        assert directives["frame-ancestors"] == ["'none'"], url


def test_every_response_carries_the_cross_origin_and_permissions_headers(client, public_urls):
    for url in [*public_urls, "/robots.txt", "/sitemap.xml", reverse("news:rss")]:
        response = client.get(url)
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert "camera=()" in response["Permissions-Policy"], url
        assert "geolocation=()" in response["Permissions-Policy"], url
        assert "microphone=()" in response["Permissions-Policy"], url


def test_public_pages_have_no_inline_style_or_script(client, public_urls):
    for url in public_urls:
        html = client.get(url).content.decode()
        assert "style=" not in html, url
        assert "<style" not in html, url
        assert not EXECUTABLE_SCRIPT.search(html), url
        assert not INLINE_HANDLER.search(html), url


def test_a_preview_has_no_inline_style_or_script_either(client):
    draft = NewsItemFactory(title="Observers deployed")
    client.force_login(SuperuserFactory())

    response = client.get(reverse("news:preview", args=[draft.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "style=" not in html
    assert not EXECUTABLE_SCRIPT.search(html)


def test_public_templates_have_no_inline_style_or_script():
    root = Path(settings.BASE_DIR) / "templates"
    found = []
    for folder in PUBLIC_TEMPLATE_FOLDERS:
        for path in sorted((root / folder).glob("**/*.html" if folder else "*.html")):
            text = path.read_text()
            if "style=" in text or EXECUTABLE_SCRIPT.search(text) or INLINE_HANDLER.search(text):
                found.append(str(path.relative_to(root)))
    assert found == []


def test_the_admin_has_its_own_policy_allowing_the_editors_styles(client):
    client.force_login(SuperuserFactory())
    item = NewsItemFactory()

    response = client.get(reverse("admin:news_newsitem_change", args=[item.pk]))

    directives = policy(response)
    assert response.status_code == 200
    assert directives["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_the_admin_allows_exactly_its_import_map(client):
    client.force_login(SuperuserFactory())
    item = NewsItemFactory()

    response = client.get(reverse("admin:news_newsitem_change", args=[item.pk]))

    import_map = re.search(rb'<script type="importmap">(.*?)</script>', response.content).group(1)
    digest = base64.b64encode(hashlib.sha256(import_map).digest()).decode()
    assert policy(response)["script-src"] == ["'self'", f"'sha256-{digest}'"]


def test_a_compressed_admin_page_allows_its_import_map(client):
    """The browser hashes the page it reads, after gzip is undone: so must the policy."""
    client.force_login(SuperuserFactory())
    item = NewsItemFactory()

    response = client.get(
        reverse("admin:news_newsitem_change", args=[item.pk]), HTTP_ACCEPT_ENCODING="gzip"
    )

    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content)
    import_map = re.search(rb'<script type="importmap">(.*?)</script>', html).group(1)
    digest = base64.b64encode(hashlib.sha256(import_map).digest()).decode()
    assert f"'sha256-{digest}'" in policy(response)["script-src"]


def test_the_admin_has_no_inline_script_but_its_import_map(client):
    client.force_login(SuperuserFactory())
    item = NewsItemFactory()

    for url in [
        reverse("admin:news_newsitem_change", args=[item.pk]),
        reverse("admin:news_newsitem_add"),
        reverse("admin:news_newsitem_changelist"),
        reverse("admin:structures_structure_changelist"),
    ]:
        html = client.get(url).content.decode()
        html = re.sub(r'<script type="importmap">.*?</script>', "", html, flags=re.DOTALL)
        assert not EXECUTABLE_SCRIPT.search(html), url
        assert not INLINE_HANDLER.search(html), url


def test_hsts_is_kept():
    assert settings.SECURE_HSTS_SECONDS >= 31536000
    assert settings.SECURE_HSTS_INCLUDE_SUBDOMAINS
