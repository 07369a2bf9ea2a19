"""Unknown query parameters and the order of parameters make no new page: such URLs are
answered from the same page-cache entry, with the same ETag, as the canonical one."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from tests.factories import PublishedNewsFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("news:list")


def stored_pages():
    return len(caches["pages"]._cache)


@pytest.fixture
def published():
    return PublishedNewsFactory(title="Ministers met in Vienna")


def test_unknown_parameters_share_one_cache_entry(client, published):
    responses = [client.get(LIST_URL, {"x": n}) for n in range(5)]

    assert {response.status_code for response in responses} == {200}
    assert stored_pages() == 1
    assert len({response["ETag"] for response in responses}) == 1


def test_campaign_parameters_are_harmless(client, published):
    plain = client.get(published.get_absolute_url())
    tagged = client.get(
        published.get_absolute_url(), {"utm_source": "newsletter", "utm_medium": "email"}
    )

    assert tagged.status_code == 200
    assert tagged["ETag"] == plain["ETag"]
    assert stored_pages() == 1


def test_the_order_of_parameters_makes_no_new_page(client, published):
    one = client.get(LIST_URL + "?kind=news&kind=press-release&year=2024")
    other = client.get(LIST_URL + "?year=2024&kind=press-release&kind=news&page=")

    assert one.status_code == 200
    assert other.status_code == 301
    assert other["Location"] == LIST_URL + "?kind=news&kind=press-release&year=2024"
    assert stored_pages() == 1


def test_a_page_made_for_an_unknown_parameter_does_not_link_it(client, published):
    response = client.get(LIST_URL, {"kind": "news", "cachebuster": "zzz123"})

    assert "zzz123" not in response.content.decode()


def test_known_parameters_still_make_their_own_pages(client, published):
    news = client.get(LIST_URL, {"kind": "news"})
    press = client.get(LIST_URL, {"kind": "press-release"})

    assert news["ETag"] != press["ETag"]
    assert stored_pages() == 2


def test_feeds_ignore_unknown_parameters_too(client, published):
    first = client.get(reverse("news:rss"), {"x": "1"})
    second = client.get(reverse("news:rss"), {"x": "2"})

    assert first["ETag"] == second["ETag"]
    assert stored_pages() == 1
