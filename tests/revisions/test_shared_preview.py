"""A journalist checks a draft through a shared link, without an account."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from news import previews
from news.models import NewsItem
from tests.factories import (
    FieldOfWorkFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def field():
    return FieldOfWorkFactory(name="Combating trafficking in human beings")


@pytest.fixture
def draft(field):
    return NewsItemFactory(
        title="Mission trains judges on trafficking cases",
        body="<p>Forty judges took part.</p>",
        fields_of_work=[field],
    )


@pytest.fixture
def link(draft):
    return previews.create_link(draft, UserFactory(), days=7)


def test_shared_link_shows_the_draft_to_an_anonymous_visitor(client, link):
    response = client.get(link.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert "Mission trains judges on trafficking cases" in content
    assert "Forty judges took part." in content
    assert "Preview — not public" in content
    assert "Please do not pass it on" in content


def test_shared_preview_sets_no_cookie_and_stays_out_of_search_engines_and_caches(client, link):
    response = client.get(link.get_absolute_url())

    assert response.cookies == {}
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    assert response["Referrer-Policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_shared_link_works_until_it_expires(client, link):
    just_before = link.expires_at - datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=just_before):
        assert client.get(link.get_absolute_url()).status_code == 200

    with mock.patch("django.utils.timezone.now", return_value=link.expires_at):
        response = client.get(link.get_absolute_url())

    assert response.status_code == 410
    content = response.content.decode()
    assert "This preview link expired on" in content
    assert "Mission trains judges" not in content


def test_revoked_link_stops_working_at_once(client, link):
    previews.revoke(link)

    response = client.get(link.get_absolute_url())

    assert response.status_code == 410
    assert "withdrew it" in response.content.decode()
    assert "Mission trains judges" not in response.content.decode()


def test_unknown_or_altered_token_is_404(client, link):
    assert client.get(f"/en/news/shared-preview/{link.token[:-1]}x/").status_code == 404
    assert client.get("/en/news/shared-preview/not-a-token/").status_code == 404


def test_a_link_shows_its_own_item_and_no_other_draft(client, link, field):
    other_draft = NewsItemFactory(title="Another mission's embargoed story", fields_of_work=[field])
    PublishedNewsFactory(title="Judges meet in Belgrade", fields_of_work=[field])
    other_link = previews.create_link(other_draft, UserFactory())

    content = client.get(link.get_absolute_url()).content.decode()

    assert "Mission trains judges on trafficking cases" in content
    # Related news lists published items only.
    assert "Judges meet in Belgrade" in content
    assert "Another mission&#x27;s embargoed story" not in content
    assert "embargoed" not in content
    assert other_link.token not in content
    # The other link shows the other item only.
    other = client.get(other_link.get_absolute_url()).content.decode()
    assert "embargoed story" in other
    assert "Mission trains judges" not in other


def test_links_are_long_random_and_unique(draft):
    first, second = previews.create_link(draft, None), previews.create_link(draft, None)

    assert first.token != second.token
    assert len(first.token) >= 43


def test_link_validity_is_one_to_thirty_days(draft):
    link = previews.create_link(draft, None, days=30)
    assert link.expires_at - timezone.now() > datetime.timedelta(days=29, hours=23)
    for days in (0, 31):
        with pytest.raises(ValueError):
            previews.create_link(draft, None, days=days)


def test_a_link_to_a_published_item_says_so(client, draft):
    draft.status = NewsItem.Status.PUBLISHED
    draft.published_at = timezone.now() - datetime.timedelta(minutes=5)
    draft.save()
    link = previews.create_link(draft, None)

    content = client.get(link.get_absolute_url()).content.decode()

    assert "visitors can see its page" in content
    assert f'href="{draft.get_absolute_url()}"' in content
