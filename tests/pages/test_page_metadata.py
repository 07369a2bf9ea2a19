"""What every public page type tells browsers, search engines and feed readers: one title
format ("Title – Site name"), a meta description, feed links on term pages, and a breadcrumb
on item pages."""

import datetime
import json
import re

import pytest
from django.conf import settings
from django.template.loader import get_template

from meetings.models import Meeting
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    PublishedNewsFactory,
    StructureFactory,
)
from tests.pages.checks import outline

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]+)">')
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def terms():
    field = FieldOfWorkFactory(name="Elections", slug="elections", description="")
    country = CountryFactory(name="Albania", slug="albania")
    meeting = MeetingSeriesFactory(name="Review Conferences", slug="review-conferences")
    structure = StructureFactory(name="Presence in Albania", slug="presence-in-albania")
    item = PublishedNewsFactory(
        title="Observers <meet> in Tirana",
        fields_of_work=[field],
        countries=[country],
        meeting_series=[meeting],
        lead_structure=structure,
    )
    # A single dated meeting without a description of its own.
    Meeting.objects.create(
        series=meeting,
        title="Review Conference 2026",
        slug="2026",
        city="Vienna",
        start_date=datetime.date(2026, 9, 1),
        end_date=datetime.date(2026, 9, 3),
    )
    return {
        "field": field,
        "country": country,
        "meeting": meeting,
        "structure": structure,
        "item": item,
    }


def addresses(terms):
    return {
        "item": terms["item"].get_absolute_url(),
        "field": "/en/fields-of-work/elections/",
        "country": "/en/countries/albania/",
        "meeting": "/en/meetings/review-conferences/",
        "single meeting": "/en/meetings/review-conferences/2026/",
        "structure": "/en/structures/presence-in-albania/",
        "fields": "/en/fields-of-work/",
        "countries": "/en/countries/",
        "meetings": "/en/meetings/",
        "structures": "/en/structures/",
        "field operations": "/en/field-operations/",
        "contact": "/en/contact/",
        "404": "/no-such-page/",
        "news": "/en/news/",
        "filtered news": "/en/news/?field=elections",
    }


def test_every_public_page_type_has_one_title_format_and_a_description(client, terms):
    suffix = f" – {settings.SITE_NAME}"
    for name, url in addresses(terms).items():
        html = client.get(url).text
        title = TITLE.search(html).group(1)
        assert title.endswith(suffix), (name, title)
        assert "|" not in title and "—" not in title, (name, title)
        description = DESCRIPTION.search(html)
        assert description and description.group(1).strip(), name


def test_error_pages_rendered_without_a_context_have_the_same_title_format():
    for template, title in (("500.html", "Server error"), ("503.html", "Temporarily unavailable")):
        html = get_template(template).render()
        assert f"<title>{title} – {settings.SITE_NAME}</title>" in html


@pytest.mark.parametrize(
    ("term", "param", "slug"),
    [
        ("field", "field", "elections"),
        ("country", "country", "albania"),
        ("meeting", "meeting", "review-conferences"),
        ("structure", "structure", "presence-in-albania"),
    ],
)
def test_term_pages_link_their_feeds_in_the_head_and_visibly(client, terms, term, param, slug):
    html = client.get(addresses(terms)[term]).text
    rss, atom = f"/en/news/rss/?{param}={slug}", f"/en/news/atom/?{param}={slug}"
    assert re.search(
        rf'<link rel="alternate" type="application/rss\+xml" [^>]*href="{re.escape(rss)}"', html
    )
    assert re.search(
        rf'<link rel="alternate" type="application/atom\+xml" [^>]*href="{re.escape(atom)}"', html
    )
    assert f'<a href="{rss}">RSS feed</a>' in html
    assert f'<a href="{atom}">Atom feed</a>' in html
    feed = client.get(rss)
    assert feed.status_code == 200
    assert "Observers &lt;meet&gt; in Tirana" in feed.text


def test_item_page_has_a_breadcrumb_back_to_the_news(client, terms):
    item = terms["item"]
    html = client.get(item.get_absolute_url()).text
    navs = [attrs for tag, attrs in outline(html).tags if tag == "nav"]
    assert {"class": "breadcrumb", "aria-label": "Breadcrumb"} in navs
    crumbs = html[html.index('<nav class="breadcrumb"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert '<a href="/en/news/">News</a>' in crumbs
    assert 'aria-current="page">Observers &lt;meet&gt; in Tirana</a>' in crumbs


def test_item_page_breadcrumb_is_also_structured_data(client, terms):
    item = terms["item"]
    html = client.get(item.get_absolute_url()).text
    assert "<meet>" not in html  # escaped in the markup and in both JSON-LD blocks
    blocks = [json.loads(block) for block in JSON_LD.findall(html)]
    (breadcrumb,) = [block for block in blocks if block["@type"] == "BreadcrumbList"]
    assert [element["name"] for element in breadcrumb["itemListElement"]] == [
        "News",
        "Observers <meet> in Tirana",
    ]
    assert breadcrumb["itemListElement"][0]["item"] == "http://testserver/en/news/"
    assert breadcrumb["itemListElement"][1]["item"].endswith(item.get_absolute_url())
    assert [element["position"] for element in breadcrumb["itemListElement"]] == [1, 2]


def test_public_pages_label_every_navigation(client, terms):
    for name, url in addresses(terms).items():
        navs = [attrs for tag, attrs in outline(client.get(url).text).tags if tag == "nav"]
        labels = [attrs.get("aria-label") for attrs in navs]
        assert all(labels) and len(set(labels)) == len(labels), name
