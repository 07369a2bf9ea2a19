"""The body is written in a rich-text editor; our own sanitiser still decides what is stored."""

import json
import re
from html import unescape

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django_prose_editor.config import allowlist_from_extensions

from news.forms import BODY_EDITOR_EXTENSIONS
from news.html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize_html
from news.models import NewsItem
from tests.factories import SuperuserFactory

# What the editor's own allowlist has and ours deliberately drops: we set rel ourselves, list
# numbering styles are left to the site's stylesheet, and figures are styled by the site, their
# images named by their address (the library id the editor keeps in data-file is not needed).
DROPPED_ON_PURPOSE = {
    "a": {"rel"},
    "ol": {"type", "data-type"},
    "img": {"data-file"},
    "figure": {"class"},
    "figcaption": {"class"},
}

# Markup as the editor writes it (TipTap's serialisation), one of each thing it can make.
EDITOR_OUTPUT = (
    "<h2>Election observation</h2>"
    "<p>Observers <strong>welcomed</strong> the <em>orderly</em> vote, see "
    '<a href="https://www.osce.org/odihr/elections" title="Elections">the report</a>.<br>'
    "Next line.</p>"
    "<h3>Findings</h3><h4>Media</h4>"
    "<ul><li><p>Access to polling stations</p></li></ul>"
    '<ol start="3"><li><p>Counting</p></li></ol>'
    "<blockquote><p>Every vote counts.</p></blockquote>"
    "<table><tbody><tr><th colspan=\"1\" rowspan=\"1\"><p>Region</p></th></tr>"
    "<tr><td colspan=\"1\" rowspan=\"1\"><p>North</p></td></tr></tbody></table>"
)


def test_every_element_the_editor_can_make_is_kept_by_our_sanitiser():
    editor = allowlist_from_extensions(BODY_EDITOR_EXTENSIONS)

    assert editor["tags"] <= ALLOWED_TAGS


def test_every_attribute_the_editor_can_make_is_kept_unless_dropped_on_purpose():
    editor = allowlist_from_extensions(BODY_EDITOR_EXTENSIONS)

    for tag, attributes in editor["attributes"].items():
        lost = set(attributes) - ALLOWED_ATTRIBUTES.get(tag, set())
        assert lost <= DROPPED_ON_PURPOSE.get(tag, set()), f"<{tag}> would lose {lost}"


def test_the_editor_offers_only_headings_below_the_page_title():
    editor = allowlist_from_extensions(BODY_EDITOR_EXTENSIONS)

    assert {tag for tag in editor["tags"] if re.fullmatch(r"h\d", tag)} == {"h2", "h3", "h4"}


def test_what_the_editor_writes_survives_sanitising():
    cleaned = sanitize_html(EDITOR_OUTPUT)

    expected = EDITOR_OUTPUT.replace(
        'title="Elections">', 'title="Elections" rel="noopener noreferrer">'
    )
    assert cleaned == expected


@pytest.fixture
def admin_client(client, db):
    client.force_login(SuperuserFactory())
    return client


def test_the_admin_body_field_is_the_rich_text_editor_with_our_extensions(admin_client):
    response = admin_client.get(reverse("admin:news_newsitem_add"))

    textarea = re.search(r'<textarea[^>]*name="body"[^>]*>', response.content.decode()).group(0)
    config = re.search(r'data-django-prose-editor-configurable="([^"]+)"', textarea)
    assert config, "the body textarea should carry the editor's configuration"
    extensions = json.loads(unescape(config.group(1)))["extensions"]
    assert extensions["Heading"] == {"levels": [2, 3, 4]}
    assert "Table" in extensions


def test_the_editor_is_served_by_the_site_itself(admin_client):
    response = admin_client.get(reverse("admin:news_newsitem_add"))

    content = response.content.decode()
    assert 'src="/static/django_prose_editor/editor.js"' in content
    assert '"django-prose-editor/editor": "/static/django_prose_editor/editor.js"' in content
    assert finders.find("django_prose_editor/editor.js")
    assert finders.find("django_prose_editor/configurable.js")


def test_pasted_scripts_handlers_and_javascript_links_are_removed_on_save(admin_client):
    pasted = (
        "<p onclick=\"steal()\">Statement</p><script>alert('x')</script>"
        '<p><a href="javascript:alert(1)">click</a> <img src="x" onerror="alert(1)"></p>'
    )

    response = admin_client.post(
        reverse("admin:news_newsitem_add"),
        {
            "title": "Pasted from a web page",
            "slug": "pasted-from-a-web-page",
            "kind": NewsItem.Kind.NEWS,
            "status": NewsItem.Status.DRAFT,
            "body": pasted,
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
            "attachments-MIN_NUM_FORMS": "0",
            "attachments-MAX_NUM_FORMS": "1000",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    body = NewsItem.objects.get().body
    assert "Statement" in body and "click" in body
    for unsafe in ["<script", "onclick", "javascript:", "onerror", "alert"]:
        assert unsafe not in body
