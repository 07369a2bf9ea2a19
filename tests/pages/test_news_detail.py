import datetime
import json
import re

import factory
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import NewsItem
from newsroom import index as news_index
from tests.factories import (
    AttachmentFactory,
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    PublishedNewsFactory,
    StructureFactory,
    TagFactory,
)
from tests.pages.checks import assert_hides

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(content):
    """The item's NewsArticle (beside it, its BreadcrumbList: tests/pages/test_page_metadata.py)."""
    blocks = [json.loads(block) for block in JSON_LD.findall(content)]
    articles = [block for block in blocks if block["@type"] == "NewsArticle"]
    assert len(articles) == 1
    return articles[0]


def meta(content, prop):
    found = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', content)
    return found and found.group(1)


@pytest.fixture
def item():
    secretariat = StructureFactory(name="Secretariat", slug="secretariat")
    return PublishedNewsFactory(
        title="Experts meet on trafficking",
        slug="experts-meet",
        kind=NewsItem.Kind.PRESS_RELEASE,
        lede="Experts from nine countries met in Vienna.",
        body="<p>Experts from nine countries met.</p><blockquote>A quote.</blockquote>",
        date_issued=datetime.date(2025, 3, 14),
        dateline="VIENNA, 14 March 2025",
        lead_structure=secretariat,
        supporting_structures=[StructureFactory(name="Mission to Serbia", slug="serbia-mission")],
        fields_of_work=[FieldOfWorkFactory(name="Combating trafficking", slug="trafficking")],
        countries=[CountryFactory(name="Austria", slug="austria")],
        meeting_series=[MeetingSeriesFactory(name="Alliance conference", slug="alliance")],
        tags=[TagFactory(name="Victims", slug="victims")],
    )


def test_published_item_shows_its_facts_with_links(client, item):
    AttachmentFactory(news=item, title="Final report", language="de")

    response = client.get("/en/news/experts-meet/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Experts meet on trafficking</h1>" in content
    assert "Press release" in content
    assert '<time datetime="2025-03-14">14 March 2025</time>' in content
    assert "VIENNA, 14 March 2025" in content
    assert '<a href="/en/structures/secretariat/">Secretariat</a>' in content
    assert '<a href="/en/structures/serbia-mission/">Mission to Serbia</a>' in content
    assert 'href="/en/news/?field=trafficking"' in content
    assert 'href="/en/news/?country=austria"' in content
    assert 'href="/en/news/?meeting=alliance"' in content
    assert 'href="/en/news/?tag=victims"' in content
    assert "<blockquote>A quote.</blockquote>" in content
    assert "Final report" in content and 'hreflang="de"' in content


def test_lead_image_is_shown_with_caption_credit_and_absolute_og_image(client):
    item = PublishedNewsFactory(
        image=factory.django.ImageField(filename="meeting.jpg"),
        image_alt="Delegates around a table",
        image_caption="The opening session.",
        image_credit="OSCE/Jane Doe",
    )

    content = client.get(item.get_absolute_url()).content.decode()

    figure = content[content.index("<figure") : content.index("</figure>")]
    assert 'alt="Delegates around a table"' in figure and "srcset=" in figure
    assert "The opening session." in figure and "OSCE/Jane Doe" in figure
    og_image = meta(content, "og:image")
    assert og_image.startswith("http://testserver/media/") and og_image.endswith(".jpg")
    assert json_ld(content)["image"] == [og_image]


def test_item_without_image_has_no_figure_nor_og_image(client, item):
    content = client.get(item.get_absolute_url()).content.decode()

    assert "<figure" not in content
    assert meta(content, "og:image") is None
    assert "image" not in json_ld(content)


@pytest.mark.parametrize("status", [NewsItem.Status.DRAFT, NewsItem.Status.REVIEW])
def test_unpublished_item_is_404_for_anonymous_visitor(client, item, status):
    NewsItem.objects.filter(pk=item.pk).update(status=status)

    assert client.get(item.get_absolute_url()).status_code == 404


def test_item_scheduled_a_minute_ahead_is_404_until_its_time(client, item):
    NewsItem.objects.filter(pk=item.pk).update(
        published_at=timezone.now() + datetime.timedelta(minutes=1)
    )

    assert client.get(item.get_absolute_url()).status_code == 404


def test_title_is_escaped_and_body_kept_as_sanitised_html(client):
    item = PublishedNewsFactory(title="<b>Bold</b> claims", body="<p>Fine <em>text</em></p>")

    content = client.get(item.get_absolute_url()).content.decode()

    assert "&lt;b&gt;Bold&lt;/b&gt; claims" in content
    assert "<b>Bold</b> claims" not in content
    assert "<p>Fine <em>text</em></p>" in content


def test_canonical_and_open_graph_tags_are_absolute(client, item):
    content = client.get(item.get_absolute_url()).content.decode()

    assert '<link rel="canonical" href="http://testserver/en/news/experts-meet/">' in content
    assert meta(content, "og:type") == "article"
    assert meta(content, "og:title") == "Experts meet on trafficking"
    assert meta(content, "og:url") == "http://testserver/en/news/experts-meet/"
    assert meta(content, "og:description") == "Experts from nine countries met in Vienna."


def test_json_ld_describes_a_news_article(client, item):
    data = json_ld(client.get(item.get_absolute_url()).content.decode())

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Experts meet on trafficking"
    assert data["datePublished"] == "2025-03-14"
    assert data["dateModified"].startswith(str(item.updated_at.year))
    assert data["mainEntityOfPage"]["@id"] == "http://testserver/en/news/experts-meet/"
    assert [author["name"] for author in data["author"]] == ["Secretariat", "Mission to Serbia"]
    assert data["publisher"]["@type"] == "Organization"


def test_json_ld_cannot_be_closed_by_a_title(client):
    item = PublishedNewsFactory(title="</script><script>alert(1)</script>")

    content = client.get(item.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in content
    assert json_ld(content)["headline"] == "</script><script>alert(1)</script>"


def test_related_news_shares_a_field_or_country_newest_first(client, make_hidden):
    field, country = FieldOfWorkFactory(), CountryFactory()
    item = PublishedNewsFactory(fields_of_work=[field], countries=[country])
    by_field = PublishedNewsFactory(
        title="Same field", fields_of_work=[field], date_issued=datetime.date(2025, 1, 1)
    )
    by_country = PublishedNewsFactory(
        title="Same country", countries=[country], date_issued=datetime.date(2025, 2, 1)
    )
    PublishedNewsFactory(title="Unrelated item")
    hidden = make_hidden(fields_of_work=[field], countries=[country])

    response = client.get(item.get_absolute_url())

    assert response.context["related"] == [by_country, by_field]
    content = response.content.decode()
    assert "Unrelated item" not in content
    assert_hides(content, hidden)


def test_related_news_is_at_most_five_and_never_the_item_itself(client):
    field = FieldOfWorkFactory()
    item = PublishedNewsFactory(fields_of_work=[field], date_issued=datetime.date(2026, 1, 1))
    PublishedNewsFactory.create_batch(7, fields_of_work=[field])

    related = client.get(item.get_absolute_url()).context["related"]

    assert len(related) == 5
    assert item not in related


def test_detail_query_count_does_not_grow_with_taxonomy_or_related(
    client, django_assert_max_num_queries
):
    def page_queries(item):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(item.get_absolute_url()).status_code == 200
        return len(queries)

    fields, countries = FieldOfWorkFactory.create_batch(4), CountryFactory.create_batch(4)
    small = PublishedNewsFactory(fields_of_work=fields[:1])
    big = PublishedNewsFactory(
        fields_of_work=fields,
        countries=countries,
        supporting_structures=StructureFactory.create_batch(3),
        meeting_series=MeetingSeriesFactory.create_batch(2),
        tags=TagFactory.create_batch(3),
    )
    AttachmentFactory.create_batch(3, news=big)
    PublishedNewsFactory.create_batch(6, fields_of_work=fields[:1], countries=countries[:1])
    news_index.current()  # a server builds the index of the public news when it starts

    # The item, its five kinds of terms, its documents, the index's change log, the related,
    # its published translations.
    with django_assert_max_num_queries(10):
        client.get(big.get_absolute_url())
    assert page_queries(big) == page_queries(small)


def test_lede_opens_the_page_when_the_body_does_not_repeat_it(client):
    item = PublishedNewsFactory(lede="Ministers met in Malta.", body="<p>They agreed.</p>")

    content = client.get(item.get_absolute_url()).content.decode()

    assert '<p class="standfirst">Ministers met in Malta.</p>' in content


def test_lede_is_not_shown_twice_when_the_body_opens_with_it(client):
    item = PublishedNewsFactory(
        lede="Ministers met in Malta.", body="<p>Ministers met  in <em>Malta</em>.</p><p>Then.</p>"
    )

    content = client.get(item.get_absolute_url()).content.decode()

    assert 'class="standfirst"' not in content
    assert "<p>Ministers met  in <em>Malta</em>.</p>" in content
