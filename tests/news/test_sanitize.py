"""Whatever HTML reaches a news item's body, only the allowlist is stored."""

import pytest

from news.html import sanitize_html
from tests.factories import NewsItemFactory


def test_script_tags_and_their_content_are_removed():
    assert sanitize_html("<p>Hi</p><script>alert(1)</script>") == "<p>Hi</p>"


def test_event_handler_attributes_are_removed():
    cleaned = sanitize_html('<p onclick="steal()">Hi <a href="/x" onmouseover="x()">x</a></p>')
    assert "onclick" not in cleaned
    assert "onmouseover" not in cleaned
    assert "Hi" in cleaned


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x"],
)
def test_unsafe_link_schemes_are_removed(href):
    cleaned = sanitize_html(f'<a href="{href}">click</a>')
    assert "javascript" not in cleaned.lower()
    assert "data:" not in cleaned
    assert "click" in cleaned


def test_style_attributes_and_style_elements_are_removed():
    cleaned = sanitize_html('<p style="position:fixed">x</p><style>body{display:none}</style>')
    assert cleaned == "<p>x</p>"


def test_iframes_and_forms_are_removed():
    cleaned = sanitize_html('<iframe src="https://evil.example"></iframe><form><input></form>ok')
    assert cleaned == "ok"


def test_allowed_markup_survives():
    html = (
        "<h2>Heading</h2><p>A <strong>bold</strong> and <em>emphatic</em> "
        '<a href="https://www.osce.org/">link</a>.</p>'
        "<ul><li>one</li></ul><ol><li>two</li></ol>"
        "<blockquote><p>A quote</p></blockquote>"
        '<table><caption>Votes</caption><thead><tr><th scope="col">A</th></tr></thead>'
        "<tbody><tr><td>1</td></tr></tbody></table>"
    )
    cleaned = sanitize_html(html)
    for fragment in [
        "<h2>Heading</h2>",
        "<strong>bold</strong>",
        "<em>emphatic</em>",
        'href="https://www.osce.org/"',
        "<li>one</li>",
        "<blockquote><p>A quote</p></blockquote>",
        '<th scope="col">A</th>',
        "<caption>Votes</caption>",
    ]:
        assert fragment in cleaned


def test_links_get_noopener():
    assert 'rel="noopener noreferrer"' in sanitize_html('<a href="https://example.org">x</a>')


def test_images_only_from_the_sites_own_media():
    own = sanitize_html('<img src="/media/news/images/a.jpg" alt="A">')
    foreign = sanitize_html('<img src="https://tracker.example/pixel.gif" alt="B">')
    protocol_relative = sanitize_html('<img src="//tracker.example/pixel.gif" alt="C">')
    assert 'src="/media/news/images/a.jpg"' in own
    assert "tracker.example" not in foreign
    assert "tracker.example" not in protocol_relative


@pytest.mark.django_db
def test_body_is_sanitised_on_save_whatever_the_caller():
    item = NewsItemFactory(body='<p onclick="x()">Text</p><script>alert(1)</script>')
    item.refresh_from_db()
    assert item.body == "<p>Text</p>"
