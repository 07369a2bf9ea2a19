"""While two staff have the same item open, each is told of the other, and of their save, by
the change page's poll; only those who may change the item poll or are named."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news.admin import editing
from structures.models import Membership
from tests.factories import NewsItemFactory, PublishedNewsFactory
from tests.revisions.browser import form_values
from tests.revisions.conftest import staff_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(mission):
    return NewsItemFactory(title="Mission trains judges", lead_structure=mission)


@pytest.fixture
def poll_url(item):
    return reverse("admin:news_newsitem_editing", args=[item.pk])


@pytest.fixture
def change_url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def signed_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


@pytest.fixture
def anna(editor):
    editor.first_name, editor.last_name = "Anna", "Petrova"
    editor.save()
    return signed_in(editor)


@pytest.fixture
def paul(publisher):
    publisher.first_name, publisher.last_name = "Paul", "Publisher"
    publisher.save()
    return signed_in(publisher)


def poll(client, url, **data):
    response = client.post(url, data)
    assert response.status_code == 200, response.content
    return response.json()


def test_each_of_two_editors_sees_the_other_named(anna, paul, poll_url):
    assert poll(anna, poll_url) == {"notices": [], "saved": None}

    assert poll(paul, poll_url)["notices"] == ["Anna Petrova is also editing this item."]
    assert poll(anna, poll_url)["notices"] == ["Paul Publisher is also editing this item."]


def test_three_editors_see_the_two_others(anna, paul, poll_url):
    colleague = signed_in(staff_in("Editor", "colleague"))
    poll(anna, poll_url)
    poll(paul, poll_url)

    assert poll(colleague, poll_url)["notices"] == [
        "Anna Petrova and Paul Publisher are also editing this item."
    ]


def test_opening_the_page_alone_counts_nobody(anna, paul, change_url, poll_url):
    anna.get(change_url)  # a GET writes nothing, not even presence

    assert poll(paul, poll_url)["notices"] == []


def test_a_page_left_is_no_longer_counted(anna, paul, poll_url):
    poll(anna, poll_url)
    poll(anna, poll_url, leave="1")

    assert poll(paul, poll_url)["notices"] == []


def test_a_page_not_polled_for_a_while_is_no_longer_counted(anna, paul, poll_url):
    poll(anna, poll_url)
    later = editing.time.time() + editing.PRESENT_SECONDS + 1

    with mock.patch.object(editing.time, "time", return_value=later):
        assert poll(paul, poll_url)["notices"] == []


def test_the_others_save_is_announced_with_a_link_to_reload(anna, paul, change_url, poll_url):
    pauls_page = paul.get(change_url)
    version = form_values(pauls_page)["edit_version"]
    assert poll(paul, poll_url, edit_version=version)["saved"] is None

    anna.post(change_url, form_values(anna.get(change_url), title="Mission trains 40 judges"))

    saved = poll(paul, poll_url, edit_version=version)["saved"]
    assert saved["text"].startswith("Anna Petrova saved a new version at ")
    assert saved["text"].endswith(" –")
    assert saved["link"] == "reload to see it"
    assert saved["url"] == change_url


def test_ones_own_save_in_another_window_is_announced_as_such(anna, change_url, poll_url):
    version = form_values(anna.get(change_url))["edit_version"]
    anna.post(change_url, form_values(anna.get(change_url), title="Mission trains 40 judges"))

    saved = poll(anna, poll_url, edit_version=version)["saved"]
    assert saved["text"].startswith("You saved a new version in another window at ")


@pytest.mark.parametrize("edit_version", ["", "garbage", "1:x|2:y"])
def test_a_poll_without_a_version_says_nothing_of_saves(anna, poll_url, edit_version):
    assert poll(anna, poll_url, edit_version=edit_version)["saved"] is None


def test_someone_outside_the_items_structures_is_refused_and_not_named(anna, outsider, poll_url):
    refused = signed_in(outsider).post(poll_url)

    assert refused.status_code == 403
    assert poll(anna, poll_url)["notices"] == []


def test_a_publisher_who_may_only_read_a_published_item_is_refused_and_not_named(
    anna, paul, mission
):
    published = PublishedNewsFactory(lead_structure=mission)
    url = reverse("admin:news_newsitem_editing", args=[published.pk])

    assert paul.post(url).status_code == 403
    assert poll(anna, url)["notices"] == []
    page = paul.get(reverse("admin:news_newsitem_change", args=[published.pk]))
    assert page.status_code == 200
    assert 'id="editing-sessions"' not in page.content.decode()


def test_a_taxonomy_manager_is_refused(poll_url):
    manager = signed_in(staff_in("Taxonomy manager", "manager"))

    assert manager.post(poll_url).status_code == 403


@pytest.mark.parametrize("object_id", ["999999", "99999999999999999999999", "abc", "1%20"])
def test_an_item_that_does_not_exist_is_refused_like_one_not_yours(anna, object_id):
    url = reverse("admin:news_newsitem_editing", args=["0"]).replace("/0/", f"/{object_id}/")

    assert anna.post(url).status_code == 403


def test_someone_who_lost_the_right_is_no_longer_named(anna, paul, publisher, poll_url):
    poll(paul, poll_url)
    Membership.objects.filter(user=publisher).delete()

    assert poll(anna, poll_url)["notices"] == []


def test_signed_out_the_poll_leads_to_the_sign_in_page(poll_url):
    response = Client().post(poll_url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_the_poll_needs_the_csrf_token(editor, poll_url):
    client = signed_in(editor, enforce_csrf_checks=True)

    assert client.post(poll_url).status_code == 403


def test_the_poll_answers_only_posts(anna, poll_url):
    assert anna.get(poll_url).status_code == 405
    assert cache.get(editing._key(poll_url.split("/")[-3])) is None


def test_a_poll_writes_nothing_to_the_database(anna, paul, poll_url):
    poll(anna, poll_url)
    poll(paul, poll_url)  # a first request may start the session's idle clock

    with CaptureQueriesContext(connection) as queries:
        poll(paul, poll_url)

    statements = [q["sql"].lstrip().split()[0].upper() for q in queries]
    assert set(statements) <= {"SELECT", "SAVEPOINT", "RELEASE"}


def test_a_cache_outage_means_no_notice_not_an_error(anna, paul, poll_url):
    poll(anna, poll_url)

    with mock.patch.object(editing.cache, "get", side_effect=ConnectionError("cache down")):
        answer = poll(paul, poll_url)

    assert answer == {"notices": [], "saved": None}


def test_the_change_page_polls_every_15_seconds_with_its_own_script(anna, change_url, poll_url):
    content = anna.get(change_url).content.decode()

    assert f'data-url="{poll_url}"' in content
    assert 'data-interval="15"' in content
    assert 'role="status"' in content
    assert "/static/admin/news/editing.js" in content
    assert "<script>" not in content.split('id="editing-sessions"')[1].split("</form>")[0]
