"""Malformed and unknown parameters of /news/ and its feeds: a clear 4xx or an explained
result, never a 500 and never a silently unfiltered list."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from tests.factories import FieldOfWorkFactory, PublishedNewsFactory, StructureFactory

pytestmark = pytest.mark.django_db

LONG = "x" * 10_000

# (query string, the filter whose message must be shown)
INVALID = [
    ("year=abc", "year"),
    ("year=20245", "year"),
    ("year=-1", "year"),
    ("year=2024.5", "year"),
    ("field=no-such-field", "field"),
    ("field=elections&field=no-such-field", "field"),
    (f"field={LONG}", "field"),
    ("field=%C5%BC%C3%B3%C5%82w", "field"),
    ("field=%27%20OR%201%3D1%20--", "field"),
    ("field=elections%00", "field"),
    ("structure=no-such-structure", "structure"),
    ("country=atlantis", "country"),
    ("group=pacific-partner", "country"),
    ("kind=rumour", "kind"),
    ("meeting=no-such-meeting", "meeting"),
    ("tag=no-such-tag", "tag"),
    ("from=2024-13-01", "from"),
    ("from=2024-02-30", "from"),
    ("from=yesterday", "from"),
    ("from=01/02/2024", "from"),
    ("to=99999-01-01", "to"),
    ("from=2024-12-31&to=2024-01-01", "to"),
    (f"q={LONG}", "q"),
    ("q=media%00freedom", "q"),
    ("sort=random", "sort"),
    ("&".join(["field=elections"] * 300 + ["field=nope"]), "field"),
]

VALID = [
    "",
    "utm_source=newsletter",
    "field=",
    "field=elections&field=elections",
    "q=%27%20OR%201%3D1%20--",
    "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "q=" + quote("a" * 200),
    "q=%22unterminated",
    "q=-",
    "q=%26%7C%21%3A*",
    "sort=relevance",
    "sort=oldest&q=elections",
    "year=1999",
    "from=2024-01-01&to=2024-01-01",
    "to=9999-12-31",
    "page=1",
    "page=",
]


@pytest.fixture
def items():
    field = FieldOfWorkFactory(name="Elections", slug="elections")
    structure = StructureFactory(slug="odihr")
    return [
        PublishedNewsFactory(
            title=f"Listed item {n}", fields_of_work=[field], lead_structure=structure
        )
        for n in range(3)
    ]


@pytest.mark.parametrize(("query", "param"), INVALID)
def test_an_invalid_filter_answers_400_with_the_message_beside_it_and_no_results(
    client, items, query, param
):
    response = client.get(reverse("news:list") + "?" + query, follow=True)
    content = response.content.decode()

    assert response.status_code == 400
    assert response.context["errors"]
    assert "cards" not in response.context
    for item in items:
        assert item.title not in content
    assert "some filters are not valid" in content
    assert 'class="filter-error"' in content
    if param in ("q", "year", "from", "to", "sort"):
        assert f'id="news-{param}-error"' in content
        assert f'<li><a href="#news-{param}">' in content  # the summary leads to the control
    else:
        assert f'id="facet-{param}-errors"' in content
        assert f'<li><a href="#facet-{param}">' in content
    assert len(content) < 200_000  # a 10,000-character value is not echoed in every link


@pytest.mark.parametrize("query", VALID)
def test_odd_but_valid_parameters_answer_200(client, items, query):
    """At their canonical address, where the site redirects them (newsroom/lists.py)."""
    response = client.get(reverse("news:list") + "?" + query, follow=True)

    assert response.status_code == 200


def test_a_search_of_one_character_too_many_is_refused_with_its_length(client, items):
    response = client.get(reverse("news:list"), {"q": "a" * 201})

    assert response.status_code == 400
    assert "at most 200 characters" in response.content.decode()
    assert "this one has 201" in response.content.decode()


def test_unknown_slug_is_named_and_can_be_removed(client, items):
    response = client.get(reverse("news:list") + "?field=elections&field=no-such-field")
    content = response.content.decode()

    assert "There is no field of work “no-such-field”." in content
    assert 'href="/en/news/?field=elections"' in content  # the remove link keeps the valid choice


@pytest.mark.parametrize(
    ("page", "status", "message"),
    [
        ("abc", 400, "“abc” is not a page number."),
        ("1.5", 400, "“1.5” is not a page number."),
        ("%00", 400, "is not a page number."),
        ("0", 404, "There is no page 0"),
        ("-1", 404, "There is no page -1"),
        ("2", 404, "There is no page 2: these results fit on 1 page."),
        ("99999999999999999999999", 404, "There is no page 9999999999999999999…"),
    ],
)
def test_a_page_that_does_not_exist_gets_a_clear_message(client, items, page, status, message):
    response = client.get(reverse("news:list") + "?field=elections&page=" + page)
    content = response.content.decode()

    assert response.status_code == status
    assert message in content
    assert "Go to the first page" in content
    assert "Listed item" not in content


@pytest.mark.parametrize("feed", ["news:rss", "news:atom"])
@pytest.mark.parametrize(("query", "param"), INVALID)
def test_feeds_refuse_invalid_filters_with_400(client, items, feed, query, param):
    response = client.get(reverse(feed) + "?" + query)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize("feed", ["news:rss", "news:atom"])
@pytest.mark.parametrize("query", VALID)
def test_feeds_answer_200_to_odd_but_valid_parameters(client, items, feed, query):
    assert client.get(reverse(feed) + "?" + query).status_code == 200
