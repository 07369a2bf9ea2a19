"""A withdrawn item keeps its page, under its notice, and leaves every list."""

import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from news import services
from tests.factories import (
    AttachmentFactory,
    FieldOfWorkFactory,
    PublishedNewsFactory,
    StructureFactory,
)
from tests.pages.sitemap_reader import all_locations

pytestmark = pytest.mark.django_db


@pytest.fixture
def field():
    return FieldOfWorkFactory(name="Combating trafficking in human beings")


@pytest.fixture
def structure():
    return StructureFactory(name="Mission to Moldova")


@pytest.fixture
def withdrawn(editor, field, structure):
    item = PublishedNewsFactory(
        title="Quarterly figures on returns",
        slug="quarterly-figures-on-returns",
        body="<p>Returns rose by a tenth in the quarter.</p>",
        lead_structure=structure,
        fields_of_work=[field],
    )
    services.withdraw(item, editor, "The figures were wrong; see the corrected report.")
    item.refresh_from_db()
    return item


@pytest.fixture
def sibling(field, structure):
    """A published item sharing the withdrawn one's field of work and structure."""
    return PublishedNewsFactory(
        title="Mission trains border police",
        lead_structure=structure,
        fields_of_work=[field],
        date_issued=datetime.date(2025, 3, 1),
    )


def test_withdrawn_page_answers_with_the_notice_its_date_and_its_content(client, withdrawn):
    response = client.get(withdrawn.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    # The site's day, in its time zone (Vienna), not the UTC day of the stored time.
    withdrawn_on = timezone.localtime(withdrawn.withdrawn_at)
    date = withdrawn_on.strftime("%-d %B %Y")
    assert f'Withdrawn on <time datetime="{withdrawn_on:%Y-%m-%d}">{date}</time>:' in page
    assert "The figures were wrong; see the corrected report." in page
    assert "Returns rose by a tenth in the quarter." in page
    assert "<title>[Withdrawn] Quarterly figures on returns" in page


def test_withdrawn_page_is_kept_out_of_search_engines(client, withdrawn):
    response = client.get(withdrawn.get_absolute_url())

    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"


def test_published_page_has_no_withdrawal_notice_and_may_be_indexed(client, sibling):
    response = client.get(sibling.get_absolute_url())

    assert response.status_code == 200
    assert "Withdrawn on" not in response.content.decode()
    assert 'name="robots"' not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_withdrawn_items_attachments_stay_available(client, withdrawn):
    attachment = AttachmentFactory(news=withdrawn)

    response = client.get(attachment.get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("query", ["", "?q=paragraph", "?field={field}", "?structure={structure}"])
def test_withdrawn_item_leaves_the_news_list_search_and_filters(
    client, withdrawn, sibling, field, structure, query
):
    """Both items share the words, the field of work and the structure asked for."""
    response = client.get("/en/news/" + query.format(field=field.slug, structure=structure.slug))

    assert response.status_code == 200
    page = response.content.decode()
    assert sibling.title in page
    assert withdrawn.title not in page


def test_withdrawn_item_leaves_the_home_structure_and_field_pages(
    client, withdrawn, sibling, field, structure
):
    for url in ["/en/", structure.get_absolute_url(), field.get_absolute_url()]:
        page = client.get(url).content.decode()
        assert sibling.title in page, url
        assert withdrawn.title not in page, url


@pytest.mark.parametrize("name", ["news:rss", "news:atom"])
def test_withdrawn_item_leaves_the_feeds(client, withdrawn, sibling, name):
    feed = feedparser.parse(client.get(reverse(name)).content)

    titles = [entry.title for entry in feed.entries]
    assert titles == [sibling.title]


def test_withdrawn_item_leaves_the_sitemap(client, withdrawn, sibling):
    sitemap = all_locations(client)  # every child sitemap the index lists

    assert f"http://testserver{sibling.get_absolute_url()}" in sitemap
    assert f"http://testserver{withdrawn.get_absolute_url()}" not in sitemap


def test_withdrawn_item_is_not_related_news_of_its_siblings(client, withdrawn, sibling):
    response = client.get(sibling.get_absolute_url())

    assert response.context["related"] == []
